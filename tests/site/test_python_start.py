"""How the builder's Python starts: the snapshot's file chosen from the link, the
snapshot's fit to the runtime's heap, falling back with a reason, and the bundle's files
as shipped. A slow link's start the long way: test_slow_link.py."""

from __future__ import annotations

import gzip
import json
import lzma
import re
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import hosted
from playwright.sync_api import BrowserContext, expect
from sitekit import shipped_snapshot, started
from slow_hosts import MidRuntimeHandler

pytestmark = pytest.mark.browser

READY = "[data-sh-builder][data-sh-ready='true']"


@pytest.fixture
def mid_base_url(site_dir: Path) -> Iterator[str]:
    yield from hosted(site_dir, MidRuntimeHandler)


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


def test_the_long_ways_zips_come_stored_too_holding_the_same_files(site_dir: Path) -> None:
    """stored/ holds the cut standard library and the start's wheels again, every member
    stored (brotli on the host then compresses them whole) with the same names, dates and
    bytes as the deflated zips, and bundle.json lists them apart from the wheels."""
    import zipfile

    bundle = next((site_dir / "pyodide").iterdir())
    summary = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    later = set(summary["later"])
    start_wheels = [n for n in summary["files"] if n.endswith(".whl") and "/" not in n]
    start_wheels = [n for n in start_wheels if n not in later]
    assert summary["stored"] == sorted(f"stored/{n}" for n in ["python_stdlib.zip", *start_wheels])
    for name in summary["stored"]:
        deflated = zipfile.ZipFile(bundle / name.removeprefix("stored/"))
        stored = zipfile.ZipFile(bundle / name)
        assert {i.compress_type for i in stored.infolist()} == {zipfile.ZIP_STORED}, name
        assert [(i.filename, i.date_time) for i in stored.infolist()] == [
            (i.filename, i.date_time) for i in deflated.infolist()
        ], name
        for info in deflated.infolist():
            assert stored.read(info.filename) == deflated.read(info), (name, info.filename)
        # A host that sends the build's brotli copies sends far fewer bytes for it.
        assert (bundle / f"{name}.br").stat().st_size < 0.85 * (
            bundle / name.removeprefix("stored/")
        ).stat().st_size


def test_the_shipped_python_carries_no_prose_but_the_notices(site_dir: Path) -> None:
    """What a reader's Python never reads stays home: the standard library's comments
    and docstrings (strip_stdlib.mjs) and the wheels' docstrings (compile_wheels.mjs).
    A file's opening notice stays (logging's licence asks to travel with every copy)."""
    import ast
    import zipfile

    import builder

    bundle = next((site_dir / "pyodide").iterdir())
    stdlib = zipfile.ZipFile(bundle / "python_stdlib.zip")
    source = stdlib.read("json/decoder.py").decode("utf-8")
    tree = ast.parse(source)
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef)
    assert not [n for n in ast.walk(tree) if isinstance(n, documented) and ast.get_docstring(n)]
    assert "#" not in "".join(line.split("'")[0].split('"')[0] for line in source.splitlines())
    assert "def decode(self, s, _w=WHITESPACE.match):" in source  # the code is all there
    notice = stdlib.read("logging/__init__.py").decode("utf-8").splitlines()
    assert notice[0].startswith("# Copyright")
    assert "Vinay Sajip" in notice[0]
    assert any("Permission to use, copy, modify" in line for line in notice[:10])

    wheel = next(bundle.glob("shorthaul_builder-*.whl"))
    code = zipfile.ZipFile(wheel).read("builder/__init__.pyc")
    first_words = " ".join(builder.__doc__.split()[:6])
    assert first_words
    assert first_words.encode() not in code
    assert b"__all__" in code
