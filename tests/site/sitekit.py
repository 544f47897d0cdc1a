"""Helpers for the site tests: which pages exist, viewports, the axe-core check."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[2]


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder `build(folder)` makes, made once per test process: pytest-xdist may tear
    a module's fixtures down between its tests and set them up again, and a site build
    takes half a minute."""
    out = factory.getbasetemp() / "built-once" / name
    done = out.with_name(name + ".done")
    if not done.is_file():
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        build(out)
        done.touch()
    return out


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# A complete, realistic request that meets all five tips: the browser tests and the
# benchmark type it into the builder.
SAMPLE_REQUEST = {
    "focus": "how to run my first customer interview",
    "outcome": "I have run two interviews on my own and written up what I learned",
    "protege_name": "Amira Haddad",
    "mentor_name": "Jonas",
    "mentor_email": "jonas@example.org",
    "connection": "we worked together on last year's launch, and I saw how you ran "
    "the customer calls",
    "preparation": "I will send you a short update and my questions two days before each call",
    "report_back": "at the start of each call I will tell you what I tried from your "
    "last advice and what happened",
}


def step_of() -> dict[str, str]:
    """Which builder step shows each field, from the builder's own field table."""
    import builder

    return {field.name: field.step for field in builder.FIELDS}


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, as a path below its root."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith(("pyodide/", "assets/")):
            continue
        if 'http-equiv="refresh"' in html.read_text(encoding="utf-8"):
            continue  # a forward from an old or short address, not a page
        pages.append(rel.removesuffix("index.html"))
    return sorted(pages)


def doc_pages(code: str = "en") -> list[str]:
    """Every page a language's docs folder defines, as the URL path MkDocs gives it
    (English at the root, another language below its code: `es/tips/prepare/`)."""
    from sitebuild import languages

    language = languages.available()[code]
    pages = []
    for md in sorted(language.docs_dir.rglob("*.md")):
        rel = md.relative_to(language.docs_dir).with_suffix("").as_posix()
        if rel == "index" or rel.endswith("/index"):
            pages.append(language.prefix + rel.removesuffix("index"))
        else:
            pages.append(language.prefix + rel + "/")
    return pages


def other_languages() -> list[str]:
    """The codes of the languages other than English that the tested site offers (the
    test command builds it with SHORTHAUL_LANGUAGES; sitebuild/languages.py)."""
    from sitebuild import languages

    return [language.code for language in languages.offered(None)[1:]]


def other_language_pages() -> list[str]:
    return [page for code in other_languages() for page in doc_pages(code)]


def bare(path: str) -> str:
    """A page's path without its language: `es/builder/` -> `builder/`."""
    head, _, rest = path.partition("/")
    return rest if head in other_languages() else path


def all_pages() -> list[str]:
    """Every page of the tested site, in every language it offers."""
    return doc_pages() + other_language_pages()


def rotated(pages: list[str], modes: list[str]) -> list[tuple[str, str]]:
    """Each page once, with the modes taken in turn: the other languages' pages share
    the English pages' templates, which are checked in every mode."""
    return [(page, modes[i % len(modes)]) for i, page in enumerate(pages)]


AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core (from node_modules, injected, not fetched) on the page as it is."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    # Colours mid-transition (a button fading from hover) are not what a reader sees.
    page.evaluate("() => document.getAnimations().forEach((a) => a.finish())")
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }"""
    )


# After its start, the builder's worker keeps the rest of the Python bundle in the
# background (python/kept-files.js); a test that reloads or leaves the page then cuts
# those downloads short (the next visit fetches what was not kept). Not a failure a
# reader meets: a file the start needed and did not get fails the start, which the
# tests see. Seen in CI: xz-decompress.mjs cut by a reload. Likewise the search
# worker's stemmer for a page's language (lunr.es.min.js), which it fetches once the
# page has loaded: a test that moves on at once cuts it short.
KEEPING_CUT_SHORT = re.compile(
    r"(?:/pyodide/[0-9a-f]+/[^/]+|/assets/javascripts/lunr/min/lunr\.[a-z.]+\.min\.js)"
    r": net::ERR_ABORTED$"
)


@dataclass
class PageProblems:
    """What went wrong while a page was open; empty when all is well."""

    origin: str
    off_origin: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> Page:
        def on_request(request) -> None:
            self.requested.append(request.url)
            parts = urlsplit(request.url)
            if parts.scheme in ("data", "blob", "about"):
                return
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                self.off_origin.append(request.url)

        page.on("request", on_request)
        page.on("requestfailed", self._on_failed)
        page.on(
            "response",
            lambda r: r.status >= 400 and self.failed.append(f"{r.url}: HTTP {r.status}"),
        )
        page.on(
            "console",
            lambda m: m.type == "error" and self.console_errors.append(m.text),
        )
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.problems = self
        return page

    def _on_failed(self, request) -> None:
        line = f"{request.url}: {request.failure}"
        if not KEEPING_CUT_SHORT.search(line):
            self.failed.append(line)

    def as_dict(self) -> dict[str, list[str]]:
        return {
            "off-origin requests": self.off_origin,
            "failed requests": self.failed,
            "console errors": self.console_errors,
            "uncaught errors": self.page_errors,
        }


# Added to every context of the builder's and the reply helper's tests: a blocked
# script or style (the site's Content-Security-Policy) is recorded in window.__csp.
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
    e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


def guarded_page(context: BrowserContext, base_url: str) -> Iterator[Page]:
    """For a fixture (`yield from`): a fresh page with the guards every page has. When
    the test ends: no request to another origin, no failed request, no console or
    uncaught error, no dialog, no script run from hostile input (`window.__pwned`) and
    nothing the Content-Security-Policy blocked (with `WATCH_CSP` in the context)."""
    problems = PageProblems(base_url.rstrip("/"))
    page = problems.watch(context.new_page())
    page.on("dialog", lambda dialog: problems.page_errors.append(f"dialog: {dialog.message}"))
    yield page
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => window.__csp ?? []") == []
    assert not any(problems.as_dict().values()), problems.as_dict()


# What a start from the snapshot needs, all kept by the builder's worker once it has
# started (the snapshot too, fetched afterwards, when the link was too slow for it).
SNAPSHOT_START = (
    "bundle.json",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib_after_snapshot.zip",
    "pyodide-lock.json",
    "builder.snapshot",
    "xz-decompress.mjs",
)
# What a start from the snapshot this browser made on a start the long way needs, all
# kept by then (python/made-here.js): the site's snapshot is never fetched.
MADE_HERE_START = (
    "bundle.json",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "builder-made-here.snapshot",
)


def started(page: Page) -> str:
    """How the builder's Python started (`data-sh-python-start`: "snapshot", "wheels
    (slow link: …)", …), as the worker told the page."""
    return page.get_attribute("[data-sh-builder]", "data-sh-python-start")


def shipped_snapshot(site_dir: Path) -> Path:
    """The builder's snapshot file in the built site (xz-compressed)."""
    return next((site_dir / "pyodide").glob("*/builder.snapshot"))


# Which of some ASCII texts a kept file of the bundle holds: [name, [text, ...]].
KEPT_FILE_HOLDS = """async ([name, texts]) => {
    const cache = await caches.open("sh-python");
    const request = (await cache.keys()).find((r) => r.url.endsWith(`/${name}`));
    const bytes = new Uint8Array(await (await cache.match(request)).arrayBuffer());
    const file = new TextDecoder("latin1").decode(bytes);
    return texts.filter((text) => file.includes(text));
}"""

# The first bytes of a snapshot file this browser keeps for the next visit ("" if
# none; by default the site's, else `name`): "SHSNAP01" when it is kept decompressed,
# as the builder's worker keeps it.
KEPT_SNAPSHOT_MAGIC = """async (name) => {
    name ??= "builder.snapshot";
    const cache = await caches.open("sh-python");
    const request = (await cache.keys()).find((r) => r.url.endsWith(`/${name}`));
    if (!request) return "";
    const bytes = new Uint8Array(await (await cache.match(request)).arrayBuffer());
    return new TextDecoder().decode(bytes.subarray(0, 8));
}"""


def wait_until(page: Page, script: str, arg: object = None, timeout_s: float = 60) -> object:
    """Evaluates `script` (a function, async or not) until it returns something truthy,
    and returns that. Playwright's wait_for_function counts a returned Promise as true
    at once (measured), so it cannot wait on an async check such as the caches. A check
    cut short by a navigation (a service worker reloading its pages) is asked again."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            value = page.evaluate(script, arg)
        except PlaywrightError as error:
            if "Execution context was destroyed" not in error.message:
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_s} s: {script.strip()[:200]}")
        time.sleep(0.2)


# Every URL kept in the Python bundle's cache.
KEPT = """async () => (await (await caches.open("sh-python")).keys()).map((r) => r.url)"""


def pyodide_dir(page: Page) -> str:
    return page.evaluate(
        """() => new URL(document.querySelector("[data-sh-pyodide]").dataset.shPyodide,
                         location.href).href"""
    )


def wait_until_kept(page: Page, start: tuple[str, ...] = SNAPSHOT_START) -> list[str]:
    """Waits for the builder's worker to keep a snapshot start (every file: after the
    snapshot it may still be fetching the others), and for the service worker. `start`:
    the files of the site's snapshot start, or MADE_HERE_START."""
    wanted = {pyodide_dir(page) + name for name in start}
    wait_until(
        page,
        """async (wanted) => {
            const kept = (await (await caches.open("sh-python")).keys()).map((r) => r.url);
            return wanted.every((url) => kept.includes(url));
        }""",
        sorted(wanted),
    )
    page.evaluate("() => navigator.serviceWorker.ready")
    return page.evaluate(KEPT)
