"""How the builder's Python starts: the path chosen from the link, the snapshot's fit to
the runtime's heap, and falling back with a reason."""

from __future__ import annotations

import functools
import gzip
import io
import json
import lzma
import re
import struct
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import _QuietHandler, hosted
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sitekit import (
    DESKTOP,
    KEPT_FILE_HOLDS,
    KEPT_SNAPSHOT_MAGIC,
    MADE_HERE_START,
    SAMPLE_REQUEST,
    shipped_snapshot,
    wait_until,
    wait_until_kept,
)
from test_builder_after import START, download, fill, go_to, ics_events

pytestmark = pytest.mark.browser

READY = "[data-sh-builder][data-sh-ready='true']"


class _SlowRuntimeHandler(_QuietHandler):
    """The site as it is, except that the runtime's WebAssembly starts at `rate` bytes
    per second for its first `slow_bytes`, as it would on a slower connection: what the
    builder's worker measures to choose its way."""

    slow_bytes = 256 * 1024
    rate = 200_000  # a 1.6 Mbit/s phone connection

    def copyfile(self, source, outputfile) -> None:
        if not self.path.endswith("/pyodide.asm.wasm"):
            return super().copyfile(source, outputfile)
        sent = 0
        while chunk := source.read(8192):
            if sent < self.slow_bytes:
                time.sleep(len(chunk) / self.rate)
            outputfile.write(chunk)
            sent += len(chunk)
        return None


@pytest.fixture
def slow_base_url(site_dir: Path) -> Iterator[str]:
    yield from hosted(site_dir, _SlowRuntimeHandler)


class _SlowGzippedRuntimeHandler(_SlowRuntimeHandler):
    """The slow link again, with the WebAssembly gzipped by the host (most compress it),
    with its Content-Length or, as a host compressing on the fly, without: the worker
    reads ~2.7 times as many bytes as cross the link."""

    with_length = True

    def do_GET(self) -> None:
        if not self.path.endswith("/pyodide.asm.wasm"):
            return super().do_GET()
        body = _gzipped(Path(self.translate_path(self.path)))
        self.send_response(200)
        self.send_header("Content-Type", "application/wasm")
        self.send_header("Content-Encoding", "gzip")
        if self.with_length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.close_connection = True  # the end of the body is the end of the connection
        self.end_headers()
        self.copyfile(io.BytesIO(body), self.wfile)
        return None


@functools.cache
def _gzipped(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), 6)


class _SlowGzippedRuntimeHandlerWithoutLength(_SlowGzippedRuntimeHandler):
    with_length = False


@pytest.fixture(params=["with its length", "compressed on the fly"])
def slow_gzipping_base_url(site_dir: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    handler = {
        "with its length": _SlowGzippedRuntimeHandler,
        "compressed on the fly": _SlowGzippedRuntimeHandlerWithoutLength,
    }[request.param]
    yield from hosted(site_dir, handler)


class _MidRuntimeHandler(_SlowRuntimeHandler):
    """20 Mbit/s for the first 2 MB: fast enough for the snapshot, too slow for gzip's
    extra 1.5 MB to pay for its quicker decoding."""

    slow_bytes = 2 * 1024 * 1024
    rate = 2_500_000


@pytest.fixture
def mid_base_url(site_dir: Path) -> Iterator[str]:
    yield from hosted(site_dir, _MidRuntimeHandler)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


def started(page: Page) -> str:
    return page.get_attribute("[data-sh-builder]", "data-sh-python-start")


def test_on_a_slow_link_python_starts_the_long_way_and_keeps_a_snapshot_made_here(
    browser: Browser, slow_base_url: str, tmp_path: Path
) -> None:
    """On a slow link the first visit takes the long way and, before its first answer,
    keeps a snapshot of its own Python (python/made-here.js): the next visit restores
    that, even offline, and the site's snapshot (megabytes over that link) is never
    downloaded. Made before the first answer, it holds nothing the reader wrote. The
    long way starts Python ready to be snapshotted and installs the wheels by hand: the
    calendar's packages, loaded later by Pyodide's own loader, still come."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    try:
        _slow_visit_then_offline(context, slow_base_url, tmp_path)
    finally:
        context.close()


def _slow_visit_then_offline(context: BrowserContext, slow_base_url: str, tmp_path: Path) -> None:
    requests: list[tuple[float, str]] = []
    context.on("request", lambda r: requests.append((time.monotonic(), r.url)))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{slow_base_url}builder/?f=how+to+run+a+quokkaboard+review")
    page.wait_for_selector(READY, timeout=60_000)
    assert started(page).startswith("wheels (slow link: "), started(page)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
        re.compile("how to run a quokkaboard review")
    )
    # This start takes the whole (cut) standard library and the wheels.
    urls = [url for _, url in requests]
    assert [url for url in urls if url.endswith(".whl")]
    assert any(url.endswith("/python_stdlib.zip") for url in urls)

    # Afterwards, in the background, what a restore of its own snapshot needs is kept;
    # the site's snapshot and the standard library that one needs are never fetched.
    wait_until_kept(page, MADE_HERE_START)
    assert page.evaluate(KEPT_SNAPSHOT_MAGIC, "builder-made-here.snapshot") == "SHSNAP01"
    site_snapshot = ("/builder.snapshot", ".snapshot.gz", "/python_stdlib_after_snapshot.zip")
    assert not [url for _, url in requests if url.endswith(site_snapshot)]
    # Python's memory as it was made (its module names), before the reader's words
    # reached Python.
    texts = ["shorthaul_snapshot", "quokkaboard"]  # a word the builder has never seen
    held = page.evaluate(KEPT_FILE_HOLDS, ["builder-made-here.snapshot", texts])
    assert held == ["shorthaul_snapshot"]

    fill(page, {**SAMPLE_REQUEST, "first_date": START.isoformat(), "meeting_time": "14:00"})
    go_to(page, "review")
    events = ics_events(download(page, "#step-review [data-sh-calendar=mine]", tmp_path))
    assert len(events) == 3
    assert events[0].decoded("DTSTART").date() == START

    context.set_offline(True)
    try:
        page.reload()
        page.wait_for_selector(READY, timeout=60_000)
        assert started(page) == "snapshot (made in this browser)"
        fill(page, {"focus": "how to give feedback on a design"})  # back at its step
        expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
            re.compile("how to give feedback on a design")
        )
    finally:
        context.set_offline(False)
    assert not [url for _, url in requests if url.endswith(site_snapshot)]
    assert errors == []


def test_a_snapshot_made_here_that_cannot_be_restored_is_made_again(
    context: BrowserContext, slow_base_url: str
) -> None:
    """A kept snapshot that no longer restores (spoilt on disk, say) costs one start the
    long way, with that reason, which keeps a good one in its place."""
    page = context.new_page()
    page.goto(f"{slow_base_url}builder/")
    page.wait_for_selector(READY, timeout=60_000)
    wait_until_kept(page, MADE_HERE_START)
    page.evaluate(
        """async () => {
            const cache = await caches.open("sh-python");
            const request = (await cache.keys())
                .find((r) => r.url.endsWith("/builder-made-here.snapshot"));
            await cache.put(request, new Response(new Uint8Array(4096).fill(7)));
        }"""
    )
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    assert started(page) == "wheels (snapshot: not a builder snapshot)", started(page)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).not_to_be_empty()
    assert wait_until(
        page,
        f"async () => (await ({KEPT_SNAPSHOT_MAGIC})('builder-made-here.snapshot')) === 'SHSNAP01'",
        timeout_s=30,
    )
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    assert started(page) == "snapshot (made in this browser)"


def test_a_slow_link_is_read_as_slow_when_the_host_compresses_the_runtime(
    context: BrowserContext, slow_gzipping_base_url: str
) -> None:
    page = context.new_page()
    page.goto(f"{slow_gzipping_base_url}builder/?f=how+to+run+a+retrospective")
    page.wait_for_selector(READY, timeout=60_000)
    # About 1.6 Mbit/s measured, not the ~4.3 the decompressed bytes would suggest.
    speed = re.fullmatch(r"wheels \(slow link: ([0-9.]+) Mbit/s, .*\)", started(page))
    assert speed, started(page)
    assert float(speed[1]) < 2.5, started(page)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
        re.compile("how to run a retrospective")
    )


def test_on_a_middling_link_the_snapshot_comes_in_xz(
    context: BrowserContext, mid_base_url: str
) -> None:
    names: list[str] = []
    context.on("request", lambda r: names.append(r.url.rsplit("/", 1)[-1]))
    page = context.new_page()
    page.goto(f"{mid_base_url}builder/?f=how+to+run+a+retrospective")
    page.wait_for_selector(READY, timeout=60_000)
    assert started(page) == "snapshot"
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
        re.compile("how to run a retrospective")
    )
    assert "builder.snapshot" in names
    assert "builder.snapshot.gz" not in names


def _snapshot_needing_more_heap(site_dir: Path, extra_pages: int) -> bytes:
    """The real snapshot file with `extra_pages` more (zero) pages of heap."""
    shipped = shipped_snapshot(site_dir).read_bytes()
    raw = bytearray(lzma.decompress(shipped))
    page, header, heap, count = struct.unpack_from("<4I", raw, 8)
    struct.pack_into("<4I", raw, 8, page, header, heap + extra_pages * page, count + extra_pages)
    raw[24 + count : 24 + count] = bytes(extra_pages)
    return gzip.compress(bytes(raw))


def test_a_snapshot_bigger_than_the_runtimes_heap_falls_back_with_that_reason(
    context: BrowserContext, base_url: str, site_dir: Path
) -> None:
    body = _snapshot_needing_more_heap(site_dir, extra_pages=256)
    context.route("**/builder.snapshot*", lambda route: route.fulfill(status=200, body=body))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}builder/?f=how+to+run+a+retrospective")
    page.wait_for_selector(READY, timeout=60_000)
    assert started(page).startswith("wheels (snapshot: it needs a "), started(page)
    assert "-byte heap and the runtime starts with " in started(page)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
        re.compile("how to run a retrospective")
    )
    assert errors == []


def _initial_memory(wasm: bytes) -> int:
    """The memory section's minimum, in bytes (what a restore starts with)."""

    def leb(at: int) -> tuple[int, int]:
        value = shift = 0
        while True:
            byte = wasm[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value, at

    at = 8
    while at < len(wasm):
        section = wasm[at]
        size, start = leb(at + 1)
        if section == 5:
            _, limits = leb(start)
            pages, _ = leb(limits + 1)
            return pages * 65536
        at = start + size
    raise AssertionError("no memory section")


def test_the_shipped_snapshot_fits_the_heap_its_runtime_starts_with(site_dir: Path) -> None:
    bundle = next((site_dir / "pyodide").iterdir())
    raw = lzma.decompress((bundle / "builder.snapshot").read_bytes())
    assert raw[:8] == b"SHSNAP01"
    _page, _header, heap, _count = struct.unpack_from("<4I", raw, 8)
    assert 0 < heap <= _initial_memory((bundle / "pyodide.asm.wasm").read_bytes())


def test_a_restore_gets_only_the_standard_library_the_snapshot_has_not_imported(
    site_dir: Path,
) -> None:
    import zipfile

    bundle = next((site_dir / "pyodide").iterdir())
    whole = zipfile.ZipFile(bundle / "python_stdlib.zip")
    after = zipfile.ZipFile(bundle / "python_stdlib_after_snapshot.zip")
    assert set(after.namelist()) < set(whole.namelist())
    # The builder's own imports are in the snapshot already, not in the smaller zip.
    assert "json/__init__.py" not in after.namelist()
    assert "re/__init__.py" not in after.namelist()
    for name in after.namelist():
        assert after.read(name) == whole.read(name), name
    size = (bundle / "python_stdlib_after_snapshot.zip").stat().st_size
    assert size < (bundle / "python_stdlib.zip").stat().st_size / 4


def test_the_shipped_standard_library_is_the_cut_one(site_dir: Path) -> None:
    import zipfile

    bundle = next((site_dir / "pyodide").iterdir())
    names = set(zipfile.ZipFile(bundle / "python_stdlib.zip").namelist())
    assert {"json/__init__.py", "re/__init__.py", "zipfile/__init__.py"} <= names
    assert "tkinter/__init__.py" not in names
    assert "pydoc.py" not in names
    assert len(names) < 400


def test_the_wheels_hold_bytecode_and_the_lock_file_their_import_names(site_dir: Path) -> None:
    import zipfile

    bundle = next((site_dir / "pyodide").iterdir())
    for wheel in bundle.glob("*.whl"):
        names = zipfile.ZipFile(wheel).namelist()
        assert not [n for n in names if n.endswith(".py")], f"{wheel.name} ships sources"
        assert [n for n in names if n.endswith(".pyc") and "__pycache__" not in n], wheel.name
    lock = json.loads((bundle / "pyodide-lock.json").read_text(encoding="utf-8"))
    imports = {name: package["imports"] for name, package in lock["packages"].items()}
    assert imports["shorthaul-builder"] == ["builder"]
    assert imports["jinja2"] == ["jinja2"]
    assert imports["python-dateutil"] == ["dateutil"]


def test_the_wheels_carry_no_time_of_their_build(site_dir: Path) -> None:
    """Made again from the same files, a wheel is the same bytes, so a site rebuilt from
    unchanged code on another machine ships the same wheels (sitebuild/python_bundle/
    wheels.py, compile_wheels.mjs). The snapshot is not yet made the same way twice."""
    import zipfile

    bundle = next((site_dir / "pyodide").iterdir())
    for wheel in bundle.glob("*.whl"):
        times = {info.filename: info.date_time for info in zipfile.ZipFile(wheel).infolist()}
        record = next(name for name in times if name.endswith(".dist-info/RECORD"))
        newest = max(t for name, t in times.items() if name != record)
        assert times[record] <= newest, f"{wheel.name}: RECORD carries the build's time"
        if wheel.name.startswith(("shorthaul_builder-", "markupsafe-")):  # built here
            assert set(times.values()) == {(1980, 1, 1, 0, 0, 0)}, wheel.name
