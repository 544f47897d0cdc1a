"""The service worker in Chromium: offline use, guide pages that never fetch Python,
a redeploy under an old worker, and `mkdocs serve`'s worker that removes itself."""

from __future__ import annotations

import functools
import hashlib
import lzma
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import _QuietHandler, hosted
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sitekit import (
    DESKTOP,
    KEPT,
    KEPT_SNAPSHOT_MAGIC,
    ROOT,
    PageProblems,
    pyodide_dir,
    shipped_snapshot,
    wait_until,
    wait_until_kept,
)

from sitebuild import offline

pytestmark = pytest.mark.browser

READY = "[data-sh-builder][data-sh-ready='true']"


class _RevalidatingHandler(_QuietHandler):
    """A host that has the browser revalidate every file (as many static hosts do), so
    the browser's HTTP cache cannot stand in for the service worker when offline."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def serve(folder: Path, handler: type = _QuietHandler) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site, from a host that revalidates every file."""
    yield from hosted(site_dir, _RevalidatingHandler)


@pytest.fixture
def context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield context
    context.close()


def open_builder(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).not_to_be_empty()


def test_after_one_builder_visit_the_builder_and_visited_pages_work_offline(
    context: BrowserContext, base_url: str, tmp_path: Path
) -> None:
    problems = PageProblems(base_url.rstrip("/"))
    page = problems.watch(context.new_page())
    open_builder(page, f"{base_url}builder/")
    wait_until_kept(page)
    assert page.evaluate(KEPT_SNAPSHOT_MAGIC) == "SHSNAP01"  # kept decompressed
    page.goto(f"{base_url}tips/prepare/")  # a guide page the reader opens, online
    page.wait_for_load_state("networkidle")
    page.close()
    assert not any(problems.as_dict().values()), problems.as_dict()

    context.set_offline(True)
    page = problems.watch(context.new_page())
    open_builder(page, f"{base_url}builder/")
    assert page.get_attribute("[data-sh-builder]", "data-sh-python-start") == "snapshot"
    page.fill("#sh-field-focus", "how to plan a workshop without a connection")
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
        re.compile("without a connection")
    )
    page.click("[data-sh-copy=email]")
    expect(page.locator("[data-sh-draft=email] [data-sh-said]")).to_contain_text("Copied")
    assert "without a connection" in page.evaluate("() => navigator.clipboard.readText()")
    page.locator(".sh-progress__link[data-sh-goto=review]").press("Enter")
    with page.expect_download() as download:
        page.click("[data-sh-download=markdown]")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert "without a connection" in saved.read_text(encoding="utf-8")

    page.goto(f"{base_url}tips/prepare/")
    expect(page.locator("h1")).to_be_visible()
    assert not any(problems.as_dict().values()), problems.as_dict()


# Every first 8 bytes the kept snapshot had while the page was open, looked at often.
WATCH_KEPT_SNAPSHOT = """
window.shKeptHeads = new Set();
setInterval(async () => {
    const cache = await caches.open("sh-python");
    const request = (await cache.keys()).find((r) => r.url.endsWith("/builder.snapshot"));
    if (!request) return;
    const reader = (await cache.match(request)).body.getReader();
    const { value } = await reader.read();
    reader.cancel();
    window.shKeptHeads.add(new TextDecoder().decode(value.subarray(0, 8)).replace(/[^ -~]/g, "?"));
}, 50);
"""

KEPT_SNAPSHOT_DIGEST = """async () => {
    const cache = await caches.open("sh-python");
    const request = (await cache.keys()).find((r) => r.url.endsWith("/builder.snapshot"));
    const bytes = await (await cache.match(request)).arrayBuffer();
    const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return [...hash].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}"""


def shipped_digest(site_dir: Path) -> str:
    """The SHA-256 of the shipped snapshot, decompressed: what the builder keeps."""
    return hashlib.sha256(lzma.decompress(shipped_snapshot(site_dir).read_bytes())).hexdigest()


def test_under_the_service_worker_the_snapshot_is_kept_as_the_shipped_file_decompressed(
    context: BrowserContext, base_url: str, site_dir: Path
) -> None:
    """The common way in: a guide page first, so the builder's Python files pass
    through the service worker, which must not put its compressed copy of the snapshot
    over the one the builder keeps."""
    fetched: list[str] = []
    context.on("request", lambda r: fetched.append(r.url))
    page = context.new_page()
    page.goto(base_url)
    page.evaluate("() => navigator.serviceWorker.ready")
    page.add_init_script(WATCH_KEPT_SNAPSHOT)
    open_builder(page, f"{base_url}builder/")
    assert page.evaluate("() => Boolean(navigator.serviceWorker.controller)")
    wait_until_kept(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)  # anything else that would still put a copy
    assert page.evaluate(KEPT_SNAPSHOT_MAGIC) == "SHSNAP01"
    assert page.evaluate("() => [...window.shKeptHeads]") == ["SHSNAP01"]  # never another
    assert page.evaluate(KEPT_SNAPSHOT_DIGEST) == shipped_digest(site_dir)
    # Nor does it keep the gzip file it fetched for this start (this fast link's choice).
    assert any(url.endswith("/builder.snapshot.gz") for url in fetched)
    assert not [url for url in page.evaluate(KEPT) if url.endswith(".gz")]


def test_a_compressed_snapshot_kept_by_an_earlier_version_is_replaced_decompressed(
    context: BrowserContext, base_url: str, site_dir: Path
) -> None:
    page = context.new_page()
    page.goto(f"{base_url}tips/")
    url = base_url + shipped_snapshot(site_dir).relative_to(site_dir).as_posix()
    page.evaluate(
        """async (url) => (await caches.open("sh-python")).put(url, await fetch(url))""", url
    )
    assert page.evaluate(KEPT_SNAPSHOT_MAGIC) != "SHSNAP01"  # as it was kept before
    open_builder(page, f"{base_url}builder/")
    assert page.get_attribute("[data-sh-builder]", "data-sh-python-start") == "snapshot"
    assert wait_until(
        page, f"async () => (await ({KEPT_SNAPSHOT_MAGIC})()) === 'SHSNAP01'", timeout_s=30
    )
    assert page.evaluate(KEPT_SNAPSHOT_DIGEST) == shipped_digest(site_dir)


def test_guide_pages_never_download_python_files_with_the_service_worker(
    context: BrowserContext, base_url: str
) -> None:
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))  # workers' too
    page = context.new_page()
    page.goto(base_url)
    page.evaluate("() => navigator.serviceWorker.ready")  # installed, shell precached
    for path in ("case-for/", "tips/", "tips/aim-small/", "coordinators/", "sources/"):
        page.goto(base_url + path)  # now under the service worker
        page.wait_for_load_state("networkidle")
    assert page.evaluate("() => Boolean(navigator.serviceWorker.controller)")
    assert requested, "no request was seen at all"
    assert [url for url in requested if "/pyodide/" in url] == []
    assert page.evaluate(KEPT) == []


def redeploy(folder: Path, marker: str) -> str:
    """Turn the copy of the site in `folder` into a new deploy: its Python bundle under a
    new digest (the old folder gone, as a host replacing the site does), every page
    changed, and a new sw.js with a new manifest. Returns the new bundle folder."""
    old = next((folder / "pyodide").iterdir()).name
    new = f"redeploy-{marker}"
    (folder / "pyodide" / old).rename(folder / "pyodide" / new)
    for html in folder.rglob("*.html"):
        text = html.read_text(encoding="utf-8").replace(f"pyodide/{old}/", f"pyodide/{new}/")
        text = re.sub(r'<meta name="sh-deploy" content="[^"]*">', "", text)
        text = text.replace("</head>", f'<meta name="sh-deploy" content="{marker}"></head>', 1)
        html.write_text(text, encoding="utf-8")
    shutil.copy2(ROOT / "overrides" / "sw.js", folder / "sw.js")
    offline.write_service_worker(folder, f"pyodide/{new}/")
    return new


def take_over(page: Page, base: str, marker: str) -> Page:
    """The browser finds the new sw.js; the reader closes the old page and comes back
    later, once the new worker has taken over (its pages carry `marker`)."""
    page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
    wait_until(
        page,
        """async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            return Boolean(registration.waiting || registration.installing);
        }""",
        timeout_s=30,
    )
    context = page.context
    # The old worker also shows a new deploy's page it has not kept (fetched, not
    # stored), so the marker alone does not prove the new worker rules: it does once
    # nothing is left waiting or installing, and the next navigation is its own.
    switched = """async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return Boolean(registration?.active && !registration.waiting && !registration.installing);
    }"""
    for _ in range(90):  # a busy machine can take a minute to install the new worker
        # Every page (and the builder's Python worker) of the old worker is closed
        # before the next visit: a page opened while one is still counted, or
        # navigated while it is open, keeps the old worker in charge.
        page.close()
        page = context.new_page()
        page.wait_for_timeout(1000)
        page.goto(f"{base}tips/")
        if page.locator(f"meta[name=sh-deploy][content='{marker}']").count() and page.evaluate(
            switched
        ):
            page.goto(f"{base}tips/")  # a navigation the new worker answers
            return page
    raise AssertionError(f"the new deploy ({marker}) never took over")


def kept_bundles(page: Page) -> set[str]:
    return {url.rsplit("/", 1)[0] + "/" for url in page.evaluate(KEPT) if "/pyodide/" in url}


def test_a_redeploy_never_pairs_a_page_or_snapshot_with_another_deploys_files(
    browser: Browser, site_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "host"
    shutil.copytree(site_dir, folder)
    server, base = serve(folder)
    context = browser.new_context(viewport=DESKTOP)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        page = context.new_page()
        open_builder(page, f"{base}builder/")
        first = pyodide_dir(page)
        wait_until_kept(page)

        new = redeploy(folder, "2")
        assert not (folder / "pyodide" / first.rstrip("/").rsplit("/", 1)[1]).exists()

        # The old worker still rules: the old page and its own Python, all from the
        # cache, although the host no longer has them; nothing of the new deploy.
        requested.clear()
        open_builder(page, f"{base}builder/")
        assert pyodide_dir(page) == first
        assert page.get_attribute("[data-sh-builder]", "data-sh-python-start") == "snapshot"
        assert page.locator("meta[name=sh-deploy]").count() == 0
        assert [url for url in requested if new in url] == []

        page = take_over(page, base, "2")
        requested.clear()
        open_builder(page, f"{base}builder/")
        expect(page.locator("meta[name=sh-deploy]")).to_have_attribute("content", "2")
        second = pyodide_dir(page)
        assert second.endswith(f"/pyodide/{new}/")
        assert page.get_attribute("[data-sh-builder]", "data-sh-python-start") == "snapshot"
        python = [url for url in requested if "/pyodide/" in url]
        assert python
        assert all(url.startswith(second) for url in python), python
        # The previous bundle stays beside the new one (a page of the previous deploy
        # may still be starting its Python while the new worker takes over) ...
        wait_until_kept(page)
        assert kept_bundles(page) == {first, second}

        # ... until the next deploy, which drops the first.
        redeploy(folder, "3")
        page = take_over(page, base, "3")
        open_builder(page, f"{base}builder/")
        expect(page.locator("meta[name=sh-deploy]")).to_have_attribute("content", "3")
        third = pyodide_dir(page)
        wait_until_kept(page)
        assert kept_bundles(page) == {second, third}
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_the_dev_servers_worker_replaces_a_built_sites_worker_and_removes_itself(
    browser: Browser, site_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "host"
    shutil.copytree(site_dir, folder, ignore=shutil.ignore_patterns("pyodide"))
    server, base = serve(folder)
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(base)
        page.evaluate("() => navigator.serviceWorker.ready")
        page.goto(f"{base}case-for/")
        assert page.evaluate("() => Boolean(navigator.serviceWorker.controller)")

        # Now `mkdocs serve` on the same address: its sw.js and pages that say so.
        (folder / "sw.js").write_text(offline.KILL_SWITCH, encoding="utf-8")
        for html in folder.rglob("*.html"):
            text = html.read_text(encoding="utf-8")
            text = re.sub(
                r"(sw-register\.js\" data-sh-root=\"[^\"]*\")", r'\1 data-sh-sw="off"', text
            )
            html.write_text(text.replace("<title>", "<title>dev: ", 1), encoding="utf-8")
        page.evaluate("() => { window.shBeforeTheKillSwitch = true; }")
        page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
        # The kill switch removes its registration, then reloads the page it had: wait
        # for both, so the next navigation is not cut short by its reload.
        wait_until(
            page,
            """async () => !window.shBeforeTheKillSwitch
                && document.readyState === "complete"
                && (await navigator.serviceWorker.getRegistrations()).length === 0""",
            timeout_s=60,
        )
        page.goto(f"{base}case-for/?served-now")  # past the HTTP cache's own heuristics
        assert page.title().startswith("dev: ")
        assert page.evaluate("async () => (await caches.keys()).length") == 0
        page.wait_for_timeout(500)
        assert (
            page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length")
            == 0
        )
    finally:
        context.close()
        server.shutdown()
        server.server_close()
