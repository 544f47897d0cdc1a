"""How the builder's Python starts: the path chosen from the link, the snapshot's fit to
the runtime's heap, and falling back with a reason."""

from __future__ import annotations

import functools
import gzip
import lzma
import re
import struct
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import _QuietHandler
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sitekit import DESKTOP, KEPT_SNAPSHOT_MAGIC, shipped_snapshot, wait_until

pytestmark = pytest.mark.browser

READY = "[data-sh-builder][data-sh-ready='true']"
SLOW_BYTES = 256 * 1024  # the start of the runtime's WebAssembly, sent at SLOW_RATE
SLOW_RATE = 200_000  # bytes per second: a 1.6 Mbit/s phone connection


class _SlowRuntimeHandler(_QuietHandler):
    """The site as it is, except that the runtime's WebAssembly starts slowly, as it
    would on a slow connection: what the builder's worker measures to choose its way."""

    def copyfile(self, source, outputfile) -> None:
        if not self.path.endswith("/pyodide.asm.wasm"):
            return super().copyfile(source, outputfile)
        sent = 0
        while chunk := source.read(8192):
            if sent < SLOW_BYTES:
                time.sleep(len(chunk) / SLOW_RATE)
            outputfile.write(chunk)
            sent += len(chunk)
        return None


@pytest.fixture
def slow_base_url(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(_SlowRuntimeHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


def started(page: Page) -> str:
    return page.get_attribute("[data-sh-builder]", "data-sh-python-start")


def test_on_a_slow_link_python_starts_the_long_way_and_keeps_the_snapshot_for_next_time(
    context: BrowserContext, slow_base_url: str
) -> None:
    requests: list[tuple[float, str]] = []
    context.on("request", lambda r: requests.append((time.monotonic(), r.url)))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{slow_base_url}builder/?f=how+to+run+a+retrospective")
    page.wait_for_selector(READY, timeout=60_000)
    assert started(page).startswith("wheels (slow link: "), started(page)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
        re.compile("how to run a retrospective")
    )
    # This start takes the whole (cut) standard library; the snapshot and the part of
    # the standard library a restore needs are fetched only after the wheels, once it
    # is over.
    urls = [url for _, url in requests]
    wheels = [i for i, url in enumerate(urls) if url.endswith(".whl")]
    later = [
        i
        for i, url in enumerate(urls)
        if url.endswith(("/builder.snapshot", "/python_stdlib_after_snapshot.zip"))
    ]
    assert wheels
    assert any(url.endswith("/python_stdlib.zip") for url in urls)
    assert all(i > max(wheels) for i in later), urls

    # Afterwards, in the background, both are kept (the snapshot decompressed): the
    # next visit restores it without decoding it, even with the network off.
    assert wait_until(page, KEPT_SNAPSHOT_MAGIC) == "SHSNAP01"
    page.evaluate("() => navigator.serviceWorker.ready")
    context.set_offline(True)
    try:
        page.reload()
        page.wait_for_selector(READY, timeout=60_000)
        assert started(page) == "snapshot"
    finally:
        context.set_offline(False)
    assert errors == []


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
    context.route("**/builder.snapshot", lambda route: route.fulfill(status=200, body=body))
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
