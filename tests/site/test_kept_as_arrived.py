"""Nothing received is fetched twice (issue #26, item 1): a reader who leaves the
builder the moment its first preview shows has received the Python bundle, and the next
visit must not download it again. Each file is kept as it arrives, the snapshot too
(compressed, under its own key, until the worker keeps it decompressed and drops that
copy), not only once Python has started or the service worker is installed."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import hosted
from playwright.sync_api import Browser, expect
from sitekit import (
    DESKTOP,
    KEPT,
    MADE_HERE_START,
    PageProblems,
    wait_until,
    wait_until_kept,
)
from slow_hosts import SlowBrotliHandler, SlowRuntimeHandler
from test_offline import _RevalidatingHandler

pytestmark = pytest.mark.browser

READY = "[data-sh-builder][data-sh-ready='true']"
# The bundle's big files: each would be megabytes fetched twice. (The scripts Pyodide
# imports are kept after the start; a host's cache headers keep them before that.)
BIG = ("builder.snapshot", "builder.snapshot.gz", "pyodide.asm.wasm", ".whl",
       "python_stdlib_after_snapshot.zip", "python_stdlib.zip")  # fmt: skip


HELD_S = 120  # at most: what is held is let go when the test ends (`_release_at_the_end`)


class _Counting(_RevalidatingHandler):
    """Revalidates every file (so the browser's HTTP cache cannot stand in), and notes
    each file it sends with a body. While `holding`, a second request for the same file
    waits until the test ends (`released`): whatever the builder keeps only after its
    start (which asks for the scripts Pyodide imported again) does not happen before the
    reader leaves, however slow the machine is."""

    sent: list[str] = []  # noqa: RUF012 - one list for the module's one server
    holding = False
    released = threading.Event()

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        again = path in type(self).sent
        type(self).sent.append(path)
        if again and type(self).holding and "/pyodide/" in path:
            type(self).released.wait(HELD_S)
        super().do_GET()


@pytest.fixture(autouse=True)
def _release_at_the_end() -> Iterator[None]:
    """What a host holds for a reader who left is let go when the test ends; each test
    starts with a host that has sent nothing (what it holds is a file asked for again)."""
    for host in (_Counting, _SlowCounting, _SlowBrotliCounting):
        host.released.clear()
        host.sent.clear()
        host.holding = False
    yield
    for host in (_Counting, _SlowCounting, _SlowBrotliCounting):
        host.released.set()


@pytest.fixture(scope="module")
def counted_url(site_dir: Path) -> Iterator[str]:
    yield from hosted(site_dir, _Counting)


class _SlowCounting(_Counting, SlowRuntimeHandler):
    """The slow link of slow_hosts.py (the builder takes the long way), counting as
    _Counting does. A snapshot asked for while `holding` never comes while the test
    runs: the worker fetches it only after the start, and the reader has left by then."""

    sent: list[str] = []  # noqa: RUF012 - one list for the module's one server
    released = threading.Event()

    def do_GET(self) -> None:
        if type(self).holding and "/builder.snapshot" in self.path:
            type(self).released.wait(HELD_S)
        super().do_GET()


@pytest.fixture(scope="module")
def slow_counted_url(site_dir: Path) -> Iterator[str]:
    yield from hosted(site_dir, _SlowCounting)


class _SlowBrotliCounting(_SlowCounting, SlowBrotliHandler):
    """The same, from a host that sends the build's brotli copies: the long way fetches
    the zips' stored copies (python/kept-files.js)."""

    sent: list[str] = []  # noqa: RUF012 - one list for the module's one server
    released = threading.Event()


@pytest.fixture(scope="module")
def slow_brotli_counted_url(site_dir: Path) -> Iterator[str]:
    yield from hosted(site_dir, _SlowBrotliCounting)


class _Bodies(_RevalidatingHandler):
    """Revalidates every file and notes each path it answers with a whole body (a 304,
    the browser's copy still current, carries none)."""

    bodies: list[str] = []  # noqa: RUF012 - one list for the module's one server

    def send_response(self, code: int, message: str | None = None) -> None:
        if code == 200:
            type(self).bodies.append(self.path)
        super().send_response(code, message)


@pytest.fixture(scope="module")
def bodies_url(site_dir: Path) -> Iterator[str]:
    yield from hosted(site_dir, _Bodies)


# What the long way starts from, kept: the runtime, the cut standard library, the lock
# file and the wheels (python/kept-files.js, keptWay).
LONG_WAY_KEPT = """async () => {
    const keys = await (await caches.open("sh-python")).keys();
    const names = keys.map((r) => new URL(r.url).pathname.split("/").pop());
    const wanted = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
                    "builder-made-here.snapshot"];
    return wanted
        .every((name) => names.includes(name))
        && names.filter((name) => name.endsWith(".whl")).length >= 3;
}"""


def kept_names(page) -> list[str]:
    return [url.split("?")[0].rsplit("/", 1)[-1] for url in page.evaluate(KEPT)]


def come_back(context, problems: PageProblems, url: str, host: type) -> tuple:
    """The reader opens the builder again in the same browser, the host sending whatever
    is asked for from now on (and counting it afresh); returns (page, how Python started)."""
    host.sent.clear()
    host.holding = False
    page = problems.watch(context.new_page())
    page.goto(f"{url}builder/")
    page.wait_for_selector(READY, timeout=90_000)
    return page, page.get_attribute("[data-sh-builder]", "data-sh-python-start")


def big(paths: list[str]) -> list[str]:
    return [p for p in paths if "/pyodide/" in p and p.endswith(BIG)]


def first_visit(browser: Browser, url: str, host: type) -> tuple:
    """A fresh browser opens the builder from `url`, its `host` holding what the worker
    asks for after the start; returns (context, problems, page) at the first preview."""
    context = browser.new_context(viewport=DESKTOP)
    problems = PageProblems(url.rstrip("/"))
    page = problems.watch(context.new_page())
    host.holding = True
    page.goto(f"{url}builder/")
    page.wait_for_selector(READY, timeout=90_000)
    return context, problems, page


def test_leaving_at_the_first_preview_keeps_every_big_file_for_the_next_visit(
    browser: Browser, counted_url: str
) -> None:
    context, problems, page = first_visit(browser, counted_url, _Counting)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).not_to_be_empty()
    page.wait_for_timeout(1000)  # a reader reading the first preview, then leaving
    first = big(_Counting.sent)
    assert any(p.endswith("pyodide.asm.wasm") for p in first), first
    assert any("builder.snapshot" in p for p in first), first  # the snapshot way
    page.close()  # the moment the first preview shows: nothing after it ran
    problems.page_errors[:] = [e for e in problems.page_errors if "Target" not in e]

    page, start = come_back(context, problems, counted_url, _Counting)
    assert start == "snapshot", start
    assert big(_Counting.sent) == []  # every big file came from what the first visit kept

    # Once this start has kept the snapshot decompressed, its copy as it arrived goes.
    assert wait_until(
        page,
        """async () => {
            const keys = (await (await caches.open("sh-python")).keys()).map((r) => r.url);
            return keys.some((u) => u.endsWith("/builder.snapshot"))
                && !keys.some((u) => u.includes("?as-arrived"));
        }""",
        timeout_s=30,
    )
    assert not [url for url in page.evaluate(KEPT) if "as-arrived" in url]
    context.close()


def test_after_a_long_way_start_cut_short_the_next_visit_restores_the_snapshot_made_here(
    browser: Browser, slow_counted_url: str
) -> None:
    """On a slow link the first visit takes the long way (wheels and the standard
    library, no snapshot) and the reader leaves at the first preview. That start kept a
    snapshot of its own before its first answer: the next visit restores it, downloading
    nothing big, never the site's snapshot (5.4 MB again at 1.6 Mbit/s, measured)."""
    context, problems, page = first_visit(browser, slow_counted_url, _SlowCounting)
    start = page.get_attribute("[data-sh-builder]", "data-sh-python-start")
    assert start.startswith("wheels (slow link"), start
    # The reader leaves at the first preview, once the files this start used are kept
    # (kept as they arrive; a loaded machine may still be writing them).
    assert wait_until(page, LONG_WAY_KEPT, timeout_s=30)
    assert "builder-made-here.snapshot" in kept_names(page)  # kept before the first answer
    page.close()

    page, start = come_back(context, problems, slow_counted_url, _SlowCounting)
    assert start == "snapshot (made in this browser)", start
    page.fill("#sh-field-focus", "how to run a design review")
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
        re.compile("how to run a design review")
    )
    wait_until_kept(page, MADE_HERE_START)
    assert big(_SlowCounting.sent) == []  # not before the start, not after it
    context.close()


@pytest.mark.parametrize("stored", [False, True], ids=["deflated zips", "stored zips"])
def test_a_long_way_start_cut_short_before_its_snapshot_starts_from_what_was_kept(
    browser: Browser, request: pytest.FixtureRequest, stored: bool
) -> None:
    """Without the snapshot it made (gone, or never kept: storage full), the next visit
    must not read the kept runtime as a fast link and download the site's snapshot over
    that slow link: it starts the long way from what was kept, and keeps a snapshot of
    its own then. From a host that sends brotli copies, what was kept is the stored
    zips, and the next visit starts from those."""
    host = _SlowBrotliCounting if stored else _SlowCounting
    url = request.getfixturevalue("slow_brotli_counted_url" if stored else "slow_counted_url")
    context, problems, page = first_visit(browser, url, host)
    assert wait_until(page, LONG_WAY_KEPT, timeout_s=30)
    page.evaluate(
        """async () => {
            const cache = await caches.open("sh-python");
            for (const r of await cache.keys()) {
                if (r.url.endsWith("/builder-made-here.snapshot")) await cache.delete(r);
            }
        }"""
    )
    page.close()

    page, start = come_back(context, problems, url, host)
    said = "; stored zips" if stored else ""
    assert start == f"wheels (kept from the last visit{said})", start
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).not_to_be_empty()
    stdlib = "stored/python_stdlib.zip" if stored else "python_stdlib.zip"
    wait_until_kept(page, tuple(stdlib if n == "python_stdlib.zip" else n for n in MADE_HERE_START))
    assert big(host.sent) == []
    context.close()


def test_a_first_visit_fetches_each_file_once_the_service_workers_install_too(
    browser: Browser, bodies_url: str
) -> None:
    """The service worker installs during the first visit and keeps the shell (scripts,
    styles, search index) and the page: it asks the host whether the copies the page
    just loaded are current (304s) instead of downloading every one of them again."""
    context = browser.new_context(viewport=DESKTOP)
    problems = PageProblems(bodies_url.rstrip("/"))
    page = problems.watch(context.new_page())
    _Bodies.bodies.clear()
    page.goto(f"{bodies_url}builder/")
    page.wait_for_selector(READY, timeout=90_000)
    wait_until_kept(page)  # the worker has kept the bundle, the service worker is ready
    shell = page.evaluate(
        """async () => (await caches.keys()).length
             && (await Promise.all((await caches.keys()).map(async (name) =>
                  (await (await caches.open(name)).keys()).length))).reduce((a, b) => a + b)"""
    )
    assert shell > 20  # the shell, the page and the bundle are kept
    twice = sorted({path for path in _Bodies.bodies if _Bodies.bodies.count(path) > 1})
    assert twice == [], twice
    assert not any(problems.as_dict().values()), problems.as_dict()
    context.close()
