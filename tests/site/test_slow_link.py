"""A slow link's first visit: Python starts the long way (no snapshot to download, the
wheels and the standard library instead), keeps a snapshot made in this browser for
the next visit, and, from a host that sends the build's compressed copies, fetches the
long way's zips stored, for that host's brotli to compress whole."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import hosted
from playwright.sync_api import Browser, BrowserContext, expect
from sitekit import (
    DESKTOP,
    KEPT_FILE_HOLDS,
    KEPT_SNAPSHOT_MAGIC,
    MADE_HERE_START,
    SAMPLE_REQUEST,
    started,
    wait_until,
    wait_until_kept,
)
from slow_hosts import (
    SlowBrotliHandler,
    SlowGzippedRuntimeHandler,
    SlowGzippedRuntimeHandlerWithoutLength,
    SlowRuntimeHandler,
)
from test_builder_after import START, download, fill, go_to, ics_events

pytestmark = pytest.mark.browser

READY = "[data-sh-builder][data-sh-ready='true']"
DRAFT = "[data-sh-draft=email] [data-sh-draft-text]"


@pytest.fixture
def slow_base_url(site_dir: Path) -> Iterator[str]:
    yield from hosted(site_dir, SlowRuntimeHandler)


@pytest.fixture(params=["with its length", "compressed on the fly"])
def slow_gzipping_base_url(site_dir: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    handler = {
        "with its length": SlowGzippedRuntimeHandler,
        "compressed on the fly": SlowGzippedRuntimeHandlerWithoutLength,
    }[request.param]
    yield from hosted(site_dir, handler)


@pytest.fixture
def slow_brotli_base_url(site_dir: Path) -> Iterator[str]:
    yield from hosted(site_dir, SlowBrotliHandler)


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
    stored_gets: list[str] = []  # the host is asked for stored copies (HEAD), never sent one
    context.on("request", lambda r: r.method == "GET" and stored_gets.append(r.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{slow_base_url}builder/?f=how+to+run+a+quokkaboard+review")
    page.wait_for_selector(READY, timeout=60_000)
    assert started(page).startswith("wheels (slow link: "), started(page)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
        re.compile("how to run a quokkaboard review")
    )
    # This start takes the whole (cut) standard library and the wheels, deflated: this
    # host sends zips as they are, so their stored copies would be four times the bytes.
    urls = [url for _, url in requests]
    assert [url for url in urls if url.endswith(".whl")]
    assert any(url.endswith("/python_stdlib.zip") for url in urls)
    assert not [url for url in stored_gets if "/stored/" in url]

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


def test_from_a_host_sending_brotli_copies_the_long_way_takes_the_zips_stored(
    context: BrowserContext, slow_brotli_base_url: str, site_dir: Path
) -> None:
    """nginx and Caddy, as the README sets them up, send the build's brotli copies. A
    deflated zip gives brotli nothing to find; the long way's zips stored, member by
    member uncompressed, brotli compresses whole. The worker asks the host first (a HEAD
    request for the stored standard library, beside the runtime's download) and, told
    br, fetches the stored copies. The snapshot made here then restores with the stored
    standard library it kept, offline too."""
    bundle = next((site_dir / "pyodide").iterdir())
    seen: list[tuple[str, str, str | None]] = []
    context.on(
        "response",
        lambda r: seen.append((r.request.method, r.url, r.headers.get("content-encoding"))),
    )
    page = context.new_page()
    page.goto(f"{slow_brotli_base_url}builder/?f=how+to+run+a+retrospective")
    page.wait_for_selector(READY, timeout=60_000)
    assert re.fullmatch(r"wheels \(slow link: .*; stored zips\)", started(page)), started(page)
    expect(page.locator(DRAFT)).to_have_value(re.compile("how to run a retrospective"))

    got = {
        url.split(f"/{bundle.name}/", 1)[1]: encoding
        for method, url, encoding in seen
        if method == "GET" and f"/{bundle.name}/" in url
    }
    stored = sorted(
        f"stored/{p.name}" for p in (bundle / "stored").iterdir() if p.suffix in (".zip", ".whl")
    )
    assert "stored/python_stdlib.zip" in stored
    assert len(stored) == 4  # the standard library and the three wheels the start installs
    for name in stored:
        assert got.get(name) == "br", (name, got.get(name))
        assert name.removeprefix("stored/") not in got, f"{name} fetched deflated too"
    assert got["pyodide.asm.wasm"] == "br"
    # What a restore of the snapshot made here needs is kept: the stored library, as it came.
    start = [f"stored/{n}" if n == "python_stdlib.zip" else n for n in MADE_HERE_START]
    kept = wait_until_kept(page, tuple(start))
    assert not [url for url in kept if url.endswith(f"/{bundle.name}/python_stdlib.zip")]

    context.set_offline(True)
    try:
        page.reload()
        page.wait_for_selector(READY, timeout=60_000)
        assert started(page) == "snapshot (made in this browser)"
        page.fill("#sh-field-focus", "how to give feedback on a design")
        expect(page.locator(DRAFT)).to_have_value(re.compile("how to give feedback on a design"))
    finally:
        context.set_offline(False)
