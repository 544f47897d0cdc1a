"""The browser side of the benchmark: profiles, instrumented contexts, the builder page."""

from __future__ import annotations

import itertools
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "site"))

from conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from instruments import PAGE_INSTRUMENTS, WORKER_INSTRUMENTS  # noqa: E402
from playwright.sync_api import Browser, BrowserContext, Page  # noqa: E402
from quiet import wait_until_quiet  # noqa: E402
from sitekit import DESKTOP, MADE_HERE_START, SNAPSHOT_START  # noqa: E402

BUILDER = "builder/"
# The pages that run Python (the builder and the mentors' reply helper); every other
# page is a guide page, which must never load anything from /pyodide/.
PYTHON_PAGES = (BUILDER, "mentors/reply/")
READY = "[data-sh-builder][data-sh-ready='true']"
LOAD_TIMEOUT_MS = 180_000


class Problems:
    """Console errors, page errors and failed requests seen during the benchmark."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def watch(self, page: Page) -> Page:
        page.on("pageerror", lambda e: self.items.append(f"{page.url}: uncaught {e}"))
        page.on(
            "console",
            lambda m: m.type == "error" and self.items.append(f"{page.url}: console {m.text}"),
        )
        page.on("requestfailed", lambda r: self.items.append(f"{r.url}: {r.failure}"))
        return page


PROBLEMS = Problems()


def instrumented(context: BrowserContext) -> BrowserContext:
    """The page instruments in every page of `context`, and its problems recorded."""
    context.add_init_script(PAGE_INSTRUMENTS)
    context.on("page", lambda page: PROBLEMS.watch(page))
    return context


def new_context(browser: Browser) -> BrowserContext:
    """A fresh incognito context (own profile and HTTP cache) with the instruments."""
    return instrumented(browser.new_context(viewport=DESKTOP))


class Profiles:
    """Fresh on-disk browser profiles, for the cold and warm start-up figures.

    An incognito context (`browser.new_context()`) keeps its HTTP cache in memory and
    does not keep large files such as Pyodide's 9.6 MB of WebAssembly, so its "warm"
    visit would download them again. A reader's browser has a disk cache (and caches
    compiled code there), so every cold run here starts a browser on an empty profile
    folder, and the warm visit reuses it.
    """

    def __init__(self, playwright, workdir: Path, *, settle: bool = True) -> None:
        self.playwright = playwright
        self.settle = settle
        self.workdir = workdir
        self.count = itertools.count(1)
        self.folders: dict[int, Path] = {}

    def fresh(self) -> BrowserContext:
        folder = self.workdir / f"profile-{next(self.count)}"
        context = self.playwright.chromium.launch_persistent_context(
            str(folder),
            executable_path=chromium_path(),
            args=CHROMIUM_FLAGS,
            viewport=DESKTOP,
        )
        self.folders[id(context)] = folder
        return instrumented(context)

    def fresh_page(self) -> tuple[BrowserContext, Page, float]:
        """A fresh profile and a blank page in it, once the browser's own start-up is
        over (quiet.py; unless settle is off), and the seconds waited for that."""
        context = self.fresh()
        page = context.new_page()
        return context, page, wait_until_quiet() if self.settle else 0.0

    def close(self, context: BrowserContext) -> None:
        folder = self.folders.pop(id(context))
        context.close()
        shutil.rmtree(folder, ignore_errors=True)


def floor_visit(page: Page, base: str, path: str) -> dict:
    """One load of a bench floor page; its window.__floor."""
    page.goto(base + path)
    page.wait_for_function("() => window.__floor", timeout=LOAD_TIMEOUT_MS)
    return page.evaluate("() => window.__floor")


def page_timings(page: Page) -> dict:
    """Start-up figures of a builder page that has reached ready."""
    return page.evaluate(
        """() => {
        const b = window.__bench, m = b.marks;
        const nav = performance.getEntriesByType("navigation")[0];
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        const ready = m.ready;
        const before = b.longtasks.filter(([s]) => s < ready);
        return {
          fcp: fcp ? fcp.startTime : null,
          responseEnd: nav.responseEnd,
          domContentLoaded: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
          enhanced: m.enhanced ?? null,
          workerCreated: m.workerCreated ?? null,
          progress1: m.progress1 ?? null, progress2: m.progress2 ?? null,
          progress3: m.progress3 ?? null, workerReady: m.workerReady ?? null,
          firstResult: m.firstResult ?? null,
          ready,
          longtaskMs: before.reduce((s, [, d]) => s + d, 0),
          blockingMs: before.reduce((s, [, d]) => s + Math.max(0, d - 50), 0),
          longtaskCount: before.length,
          longtasks: before,
          longtaskError: b.longtaskError ?? null,
          longestTask: before.reduce((m, [, d]) => Math.max(m, d), 0),
          pythonStart: document.querySelector("[data-sh-builder]").dataset.shPythonStart ?? null,
          events: b.events,
        };
    }"""
    )


def open_builder(page: Page, base: str) -> dict:
    page.goto(base + BUILDER)
    page.wait_for_function(
        "() => window.__bench && window.__bench.marks.ready !== undefined", timeout=LOAD_TIMEOUT_MS
    )
    assert page.locator(READY).count() == 1
    assert page.locator("[data-sh-draft=email] [data-sh-draft-text]").input_value().strip()
    return page_timings(page)


def python_cached(page: Page, timeout_s: float = 180) -> dict:
    """Waits until the browser's cache holds what a start from a snapshot needs: the
    site's, or the one the browser made on a start the long way (then the site's never
    comes)."""
    started = time.monotonic()
    script = """async (names) => {
        const root = document.querySelector("[data-sh-builder]");
        const index = new URL(root.dataset.shPyodide, location.href).href;
        const cache = await caches.open("sh-python");
        const kept = new Set((await cache.keys()).map((r) => r.url));
        return names.filter((name) => !kept.has(index + name));
    }"""
    while True:
        missing = min(
            (page.evaluate(script, list(start)) for start in (SNAPSHOT_START, MADE_HERE_START)),
            key=len,
        )
        if not missing or time.monotonic() - started > timeout_s:
            break
        time.sleep(0.25)
    # A reader who comes back finds the service worker installed: wait for it too.
    page.evaluate("() => navigator.serviceWorker.ready")
    return {"missing": missing, "seconds": time.monotonic() - started}


class WorkerProbe:
    """CDP auto-attach to the page's workers: instrument them before they run, and
    evaluate in them later (Runtime.getHeapUsage, the kept WebAssembly.Memory)."""

    def __init__(self, context: BrowserContext, page: Page) -> None:
        self.page = page
        self.cdp = context.new_cdp_session(page)
        self.ids = itertools.count(1)
        self.sessions: dict[str, str] = {}
        self.replies: dict[int, dict] = {}
        self.cdp.on("Target.attachedToTarget", self._attached)
        self.cdp.on("Target.receivedMessageFromTarget", self._message)
        self.cdp.send(
            "Target.setAutoAttach",
            {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False},
        )

    def _post(self, session: str, method: str, params: dict | None = None) -> int:
        ident = next(self.ids)
        message = json.dumps({"id": ident, "method": method, "params": params or {}})
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": message})
        return ident

    def _attached(self, event: dict) -> None:
        session = event["sessionId"]
        self.sessions[event["targetInfo"]["url"]] = session
        if "builder-worker" in event["targetInfo"]["url"]:
            self._post(session, "Runtime.evaluate", {"expression": WORKER_INSTRUMENTS})
        self._post(session, "Runtime.runIfWaitingForDebugger")

    def _message(self, event: dict) -> None:
        message = json.loads(event["message"])
        if "id" in message:
            self.replies[message["id"]] = message

    def call(self, method: str, params: dict | None = None, timeout_s: float = 20) -> dict:
        session = next(s for url, s in self.sessions.items() if "builder-worker" in url)
        ident = self._post(session, method, params)
        deadline = time.monotonic() + timeout_s
        while ident not in self.replies:
            if time.monotonic() > deadline:
                raise TimeoutError(method)
            self.page.wait_for_timeout(10)
        reply = self.replies.pop(ident)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]

    def value(self, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result["result"].get("value")

    def memory(self) -> dict:
        heap = self.call("Runtime.getHeapUsage")
        wasm = self.value(
            "(self.__bench ? self.__bench.memories : []).map(m => m.buffer.byteLength)"
        )
        page_heap = self.cdp.send("Runtime.getHeapUsage")
        return {
            "pageJsHeapUsed": page_heap["usedSize"],
            "pageJsHeapTotal": page_heap["totalSize"],
            "pagePerformanceMemory": self.page.evaluate(
                "() => performance.memory ? performance.memory.usedJSHeapSize : null"
            ),
            "workerJsHeapUsed": heap["usedSize"],
            "workerJsHeapTotal": heap["totalSize"],
            "workerBackingStorage": heap.get("backingStorageSize"),
            "wasmMemory": sum(wasm or []),
            "wasmMemories": wasm,
        }

    def worker_timeline(self) -> dict:
        """The worker's own marks and resource timing, relative to the page's origin."""
        data = self.value(
            """JSON.stringify({marks: self.__bench ? self.__bench.marks : {},
                resources: performance.getEntriesByType('resource').map(e => ({
                  name: e.name.split('/').pop(), start: performance.timeOrigin + e.startTime,
                  end: performance.timeOrigin + e.responseEnd, bytes: e.transferSize}))})"""
        )
        data = json.loads(data)
        origin = self.page.evaluate("() => performance.timeOrigin")
        marks = {k: v - origin for k, v in data["marks"].items()}
        resources = [
            {**r, "start": r["start"] - origin, "end": r["end"] - origin} for r in data["resources"]
        ]
        return {"marks": marks, "resources": resources}
