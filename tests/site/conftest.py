"""Fixtures for tests of the built site: a strict build, a local server, Chromium.

The site is served from 127.0.0.1 exactly as a static host would serve it, and every
page opened through `guarded_page` fails its test on any request to another origin,
any failed request, any console error or uncaught exception.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright
from sitekit import DESKTOP, ROOT, PageProblems

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Chromium's own address bar has two suggestion popups made as web pages
# (chrome://omnibox-popup.top-chrome/), and every new context started a renderer for
# them: measured, 12 contexts each opening a guide page took 13-17 s of processor time
# with them and 8 s without; they were as busy as the page under test. No test looks at
# the browser's own interface, so the tests turn them off. The benchmark keeps the
# browser as readers have it (CHROMIUM_FLAGS).
TEST_FLAGS = [*CHROMIUM_FLAGS, "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup"]


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: the one the test command just built, or a fresh strict build."""
    given = os.environ.get("SHORTHAUL_SITE_DIR")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        check=True,
    )
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain dict
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


def hosted(folder: Path, handler: type = _QuietHandler) -> Iterator[str]:
    """For a fixture (`yield from`): `folder` served on 127.0.0.1 on a free port by
    `handler` (a host's behaviour), its address while the fixture lasts."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site on 127.0.0.1, on a free port."""
    yield from hosted(site_dir)


def chromium_path() -> str | None:
    """Debian's chromium when present (or $CHROMIUM), else Playwright's own."""
    given = os.environ.get("CHROMIUM")
    if given:
        return given
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


def launched(playwright: Playwright, *flags: str) -> Iterator[Browser]:
    flags = [*TEST_FLAGS, *flags]
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=flags)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    yield from launched(playwright)


# For the keyboard walks (test_keyboard.py, test_builder_keyboard.py override `browser`
# with it): frames drawn as soon as there is something to draw, not at 60 a second.
# Each of a walk's stops waits for a frame twice (the probe waits for the next frame to
# be painted; moving the mouse waits for the frame its event is aligned to), 17 ms
# each; with this flag the mouse move returns in 2 ms and a walk takes ~40% less time
# (measured: 51 stops of case-for/ at 1280 px, 2.6 s -> 1.7 s). Frames still come in
# order, so the probe still sees the page as painted. Not for every test: a page whose
# loading animation runs draws as fast as it can (a builder's start took ~25% more
# processor time), which the walks wait out before their first Tab.
QUICK_FRAMES = "--disable-frame-rate-limit"


@pytest.fixture(scope="module")
def quick_frames_browser(playwright: Playwright) -> Iterator[Browser]:
    yield from launched(playwright, QUICK_FRAMES)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh desktop browser context (a test module may define its own)."""
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


@pytest.fixture
def guarded_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh desktop page whose problems fail the test when it ends."""
    origin = base_url.rstrip("/")
    context = browser.new_context(viewport=DESKTOP)
    problems = PageProblems(origin)
    page = problems.watch(context.new_page())
    yield page
    context.close()
    assert not any(problems.as_dict().values()), problems.as_dict()
