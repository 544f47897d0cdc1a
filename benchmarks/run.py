"""Performance figures for Short Haul, measured in headless Chromium on a fresh build.

    .venv/bin/python benchmarks/run.py [--runs N] [--edits N] [--no-lighthouse]
                                       [--lighthouse-runs N]

Builds the site into a temporary folder (never site/), adds a few bench-only pages
under /bench/ there, serves it on 127.0.0.1 the way a static host does (host.py: gzip,
Cache-Control), and prints a table: figure, median, min-max, target, met?. Everything
is also written as JSON to benchmarks/results/latest.json. See benchmarks/README.md for
what each figure means.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "site"))

from conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from host import StaticHostHandler, site_file  # noqa: E402
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright  # noqa: E402
from sitekit import DESKTOP, SAMPLE_REQUEST, doc_pages, step_of  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
BUILDER = "builder/"
READY = "[data-sh-builder][data-sh-ready='true']"
LOAD_TIMEOUT_MS = 120_000

# Targets (see README): ratios are of medians taken run by run.
TARGET_READY_VS_FLOOR = 1.15
TARGET_WARM_VS_COLD = 0.5
TARGET_EDIT_P95_MS = 30.0
TARGET_LONGTASK_MS = 100.0
TARGET_LH = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}

# A complete, realistic request (the one the browser tests use), so every edit is
# checked and drafted in full.
GOOD = SAMPLE_REQUEST
STEP_OF = step_of()
# One "session" per entry: go to the field's step, focus it, then the keystrokes,
# each one a measured edit. Text fields get a word typed and erased again; number
# fields a digit added (often out of range, so a message appears) and removed;
# radio groups an arrow key, which moves the choice.
SESSIONS = [
    ("focus", "text"),
    ("mentor_name", "text"),
    ("meetings", "number"),
    ("connection", "text"),
    ("format", "radio"),
    ("outcome", "text"),
    ("mentor_email", "text"),
    ("minutes", "number"),
    ("preparation", "text"),
    ("tone", "radio"),
    ("report_back", "text"),
    ("weeks", "number"),
    ("protege_name", "text"),
    ("channel", "radio"),
]
WORD = " plan"

# --------------------------------------------------------------------------------
# In-page instruments
# --------------------------------------------------------------------------------

# Runs before any of the page's own scripts (Playwright init script). It records,
# against performance.now() (0 = navigation start):
#   - long tasks on the main thread (PerformanceObserver, buffered);
#   - when the builder root gets sh-builder--enhanced (form wired up), when it gets
#     data-sh-ready=true, and when the first preview is shown (first data-sh-revision
#     with non-empty email text) -- a MutationObserver, so the time is taken in the
#     same task that updated the DOM, not when a poll happens to notice;
#   - the builder worker's messages (progress steps, ready), by wrapping the Worker
#     constructor: it only adds a listener and counts evaluate requests/answers, so
#     the benchmark knows when no answer is outstanding. The builder is unchanged;
#   - for edits: performance.now() at the capture-phase `input` event (before the
#     builder's own listener) and at the data-sh-revision mutation that follows.
PAGE_INSTRUMENTS = r"""
(() => {
  if (window.__bench) return;
  const b = window.__bench = {
    longtasks: [], marks: {}, msgs: [], revisions: [], sent: 0, received: 0,
    edit: null, editDone: null, settleDone: null,
  };
  const now = () => performance.now();
  const mark = (k, t) => { if (!(k in b.marks)) b.marks[k] = t ?? now(); };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { b.longtaskError = String(e); }

  const settled = () => b.sent === b.received;
  const maybeDone = () => {
    const e = b.edit;
    if (b.editDone && e && e.end !== undefined && e.painted !== undefined && settled()) {
      const done = b.editDone; b.editDone = null; done(e);
    }
    if (b.settleDone && settled()) { const done = b.settleDone; b.settleDone = null; done(true); }
  };
  b.waitEdit = (ms) => new Promise((resolve) => {
    b.editDone = resolve; setTimeout(maybeDone, 0);
    setTimeout(() => { if (b.editDone === resolve) { b.editDone = null; resolve(null); } }, ms);
  });
  b.waitSettled = (ms) => new Promise((resolve) => {
    b.settleDone = resolve; setTimeout(maybeDone, 0);
    setTimeout(() => {
      if (b.settleDone === resolve) { b.settleDone = null; resolve(false); }
    }, ms);
  });

  const RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = class extends RealWorker {
      constructor(url, options) {
        super(url, options);
        if (!String(url).includes("builder-worker")) return;
        mark("workerCreated");
        this.addEventListener("message", (event) => {
          const t = now();
          const head = typeof event.data === "string" ? event.data.slice(0, 40) : "";
          const kind = (/"type":\s*"([a-z-]+)"/.exec(head) || [])[1] || "?";
          if (kind === "result" || kind === "error") {
            b.received += 1; setTimeout(maybeDone, 0);
            if (!("firstResult" in b.marks)) b.marks.firstResult = t;
          } else {
            let step = null;
            try { step = JSON.parse(event.data).step ?? null; } catch (e) {}
            b.msgs.push([t, kind, step]);
            if (kind === "ready") mark("workerReady", t);
            if (kind === "progress") mark(`progress${step}`, t);
          }
        });
      }
      postMessage(data, ...rest) {
        const head = typeof data === "string" ? data.slice(0, 30) : "";
        if (/^\{"type":"(evaluate|open-link)"/.test(head)) b.sent += 1;
        return super.postMessage(data, ...rest);
      }
    };
  }

  addEventListener("keydown", (e) => {
    if (b.edit && b.edit.keydown === undefined) b.edit.keydown = e.timeStamp;
  }, true);
  addEventListener("input", () => {
    if (b.edit && b.edit.start === undefined) b.edit.start = now();
  }, true);

  const observer = new MutationObserver((records) => {
    const t = now();
    for (const r of records) {
      const el = r.target;
      if (!(el instanceof Element) || !el.hasAttribute("data-sh-builder")) continue;
      if (r.attributeName === "class" && el.classList.contains("sh-builder--enhanced")) {
        mark("enhanced", t);
      } else if (r.attributeName === "data-sh-ready" && el.dataset.shReady === "true") {
        mark("readyAttr", t);
      } else if (r.attributeName === "data-sh-revision") {
        b.revisions.push([t, el.dataset.shRevision]);
        const pane = el.querySelector("[data-sh-draft=email] [data-sh-draft-text]");
        const text = pane ? pane.textContent : "";
        if (!("ready" in b.marks) && el.dataset.shReady === "true" && text.trim()) mark("ready", t);
        const e = b.edit;
        if (e && e.start !== undefined && e.end === undefined) {
          e.end = t; e.revision = el.dataset.shRevision;
          // After the next frame: the preview has been laid out and painted.
          requestAnimationFrame(() => setTimeout(() => { e.painted = now(); maybeDone(); }, 0));
        }
      }
    }
  });
  observer.observe(document, {
    subtree: true, attributes: true,
    attributeFilter: ["class", "data-sh-ready", "data-sh-revision"],
  });
})();
"""

# Evaluated in the builder's worker before it runs (CDP auto-attach, paused on
# start), only in the instrumented pass used for memory and the worker's own
# timeline: keeps the WebAssembly.Memory that Pyodide's module exports, and the
# time WebAssembly.instantiate(Streaming) starts and resolves. Times are absolute
# (timeOrigin + now) so the page can line them up with its own clock.
WORKER_INSTRUMENTS = r"""
(() => {
  if (self.__bench) return;
  const B = self.__bench = { memories: [], marks: {}, handled: [] };
  const abs = () => performance.timeOrigin + performance.now();
  B.marks.workerStart = abs();
  // Time spent in the worker per answer: from the message arriving (a capture
  // listener, so it runs before the builder's own) to the answer being posted.
  let arrived = null;
  self.addEventListener("message", () => { arrived = performance.now(); }, true);
  const post = self.postMessage.bind(self);
  self.postMessage = (data, ...rest) => {
    if (arrived !== null && typeof data === "string" && data.startsWith('{"type": "result"')) {
      B.handled.push(performance.now() - arrived);
      arrived = null;
    }
    return post(data, ...rest);
  };
  for (const name of ["instantiate", "instantiateStreaming", "compile", "compileStreaming"]) {
    const real = WebAssembly[name];
    if (!real) continue;
    WebAssembly[name] = function (...args) {
      B.marks[name + "Start"] ??= abs();
      return real.apply(this, args).then((r) => {
        B.marks[name + "End"] = abs();
        const inst = r && (r.instance || r);
        for (const v of Object.values((inst && inst.exports) || {})) {
          if (v instanceof WebAssembly.Memory && !B.memories.includes(v)) B.memories.push(v);
        }
        return r;
      });
    };
  }
})();
"""

# --------------------------------------------------------------------------------
# Bench-only pages, written into the temporary build (no CSP there).
# --------------------------------------------------------------------------------

FLOOR_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title><link rel="icon" href="data:,">
<script type="module" src="{script}"></script></head><body><p>{title}</p></body></html>
"""

# Main thread: bare loadPyodide.
FLOOR_MAIN_JS = """
const t = { start: performance.now() };
const indexURL = new URL("/pyodide/", location.href).href;
const { loadPyodide } = await import(indexURL + "pyodide.mjs");
t.imported = performance.now();
const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
t.loaded = performance.now();
try { t.wasmMemory = pyodide._module.HEAP8.buffer.byteLength; } catch (e) {}
window.__floor = t;
"""

# Worker: the page starts a module worker and the worker posts back absolute times.
# With ?full the worker then repeats exactly what builder-worker.js does (load the
# builder's wheels, import builder.web) and answers one evaluate, timing each phase.
FLOOR_WORKER_PAGE_JS = """
const values = %(values)s;
const full = new URLSearchParams(location.search).has("full");
const t = { created: performance.now() };
const worker = new Worker("floor-worker.js", { type: "module" });
worker.onmessage = (event) => {
  const rel = {};
  for (const [k, v] of Object.entries(event.data.abs)) rel[k] = v - performance.timeOrigin;
  window.__floor = { ...t, ...rel, received: performance.now(), info: event.data.info };
};
worker.onerror = (event) => { window.__floor = { error: String(event.message) }; };
worker.postMessage({ indexURL: new URL("/pyodide/", location.href).href, full, values });
"""

FLOOR_WORKER_JS = """
self.onmessage = async (event) => {
  const { indexURL, full, values } = event.data;
  const abs = {}, info = {};
  const mark = (k) => { abs[k] = performance.timeOrigin + performance.now(); };
  mark("start");
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  mark("imported");
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  mark("loaded");
  if (full) {
    await pyodide.loadPackage("shorthaul-builder", {
      messageCallback: () => {}, errorCallback: () => {},
    });
    mark("packages");
    const handle = pyodide.pyimport("builder.web").handle;
    mark("builderImported");
    const answer = handle(JSON.stringify({ type: "evaluate", id: 1, values }));
    mark("firstEvaluate");
    const changed = { ...values, focus: values.focus + "s" };
    handle(JSON.stringify({ type: "evaluate", id: 2, values: changed }));
    mark("secondEvaluate");
    info.answerBytes = answer.length;
    info.firstAnswerOk = answer.startsWith('{"type": "result"');
  }
  try { info.wasmMemory = pyodide._module.HEAP8.buffer.byteLength; } catch (e) {}
  info.resources = performance.getEntriesByType("resource").map((e) => ({
    name: e.name.split("/").pop(), start: performance.timeOrigin + e.startTime,
    end: performance.timeOrigin + e.responseEnd, bytes: e.transferSize,
  }));
  self.postMessage({ abs, info });
};
"""

# The raw cost of the wasm file: fetch it, then WebAssembly.compile the bytes
# (Chromium compiles lazily with Liftoff, so this is the eager part only).
WASM_PAGE_JS = """
const worker = new Worker("wasm-worker.js", { type: "module" });
worker.onmessage = (event) => { window.__floor = event.data; };
worker.postMessage(new URL("/pyodide/", location.href).href);
"""
WASM_WORKER_JS = """
self.onmessage = async (event) => {
  const indexURL = event.data;
  const t0 = performance.now();
  const bytes = await (await fetch(indexURL + "pyodide.asm.wasm")).arrayBuffer();
  const t1 = performance.now();
  await WebAssembly.compile(bytes);
  const t2 = performance.now();
  await (await fetch(indexURL + "python_stdlib.zip")).arrayBuffer();
  const t3 = performance.now();
  await (await fetch(indexURL + "pyodide.asm.mjs")).text();
  const t4 = performance.now();
  self.postMessage({ fetchWasm: t1 - t0, compileWasm: t2 - t1, fetchStdlib: t3 - t2,
                     fetchAsmJs: t4 - t3, wasmBytes: bytes.byteLength });
};
"""


def builder_values(site: Path) -> dict[str, str]:
    """The builder's fields with their defaults, overlaid with the GOOD answers."""
    html = (site / BUILDER / "index.html").read_text(encoding="utf-8")
    data = re.search(r"<script[^>]*data-sh-builder-data>(.*?)</script>", html, re.S)
    fields = json.loads(data.group(1))["fields"] if data else []
    values = {f["name"]: f.get("default", "") for f in fields}
    values.update(GOOD)
    return values


def write_bench_pages(site: Path) -> None:
    bench = site / "bench"
    bench.mkdir(exist_ok=True)
    values = json.dumps(builder_values(site))
    files = {
        "floor.html": FLOOR_HTML.format(title="floor: main thread", script="floor.js"),
        "floor.js": FLOOR_MAIN_JS,
        "floor-worker.html": FLOOR_HTML.format(
            title="floor: worker", script="floor-worker-page.js"
        ),
        "floor-worker-page.js": FLOOR_WORKER_PAGE_JS % {"values": values},
        "floor-worker.js": FLOOR_WORKER_JS,
        "wasm.html": FLOOR_HTML.format(title="wasm fetch and compile", script="wasm-page.js"),
        "wasm-page.js": WASM_PAGE_JS,
        "wasm-worker.js": WASM_WORKER_JS,
    }
    for name, text in files.items():
        (bench / name).write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------------
# Statistics and formatting
# --------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Linear-interpolated percentile (p in 0..100)."""
    data = sorted(values)
    if not data:
        return math.nan
    k = (len(data) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def summary(values: list[float | None]) -> dict:
    data = [v for v in values if v is not None and not math.isnan(v)]
    if not data:
        return {"n": 0, "median": None, "min": None, "max": None, "values": []}
    return {
        "n": len(data),
        "median": statistics.median(data),
        "min": min(data),
        "max": max(data),
        "values": data,
    }


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MB":
        return f"{value / 1e6:.2f} MB"
    if unit == "kB":
        return f"{value / 1e3:.0f} kB"
    if unit == "score":
        return f"{value:.0f}"
    return f"{value}"


# --------------------------------------------------------------------------------
# Serving and the browser
# --------------------------------------------------------------------------------


def build_site(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    StaticHostHandler.precompress(site)
    handler = functools.partial(StaticHostHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


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

    def __init__(self, playwright, workdir: Path) -> None:
        self.playwright = playwright
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

    def close(self, context: BrowserContext) -> None:
        folder = self.folders.pop(id(context))
        context.close()
        shutil.rmtree(folder, ignore_errors=True)


def floor_visits(profiles: Profiles, base: str, path: str, visits: int = 1) -> list[dict]:
    """Loads of a bench page in one fresh profile (the first cold, then warm);
    returns each visit's window.__floor."""
    context = profiles.fresh()
    try:
        out = []
        for _ in range(visits):
            page = context.new_page()
            page.goto(base + path)
            page.wait_for_function("() => window.__floor", timeout=LOAD_TIMEOUT_MS)
            out.append(page.evaluate("() => window.__floor"))
            page.close()
        return out
    finally:
        profiles.close(context)


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
          pythonStart: document.querySelector("[data-sh-builder]").dataset.shPythonStart ?? null,
        };
    }"""
    )


def open_builder(page: Page, base: str) -> dict:
    page.goto(base + BUILDER)
    page.wait_for_function(
        "() => window.__bench && window.__bench.marks.ready !== undefined", timeout=LOAD_TIMEOUT_MS
    )
    assert page.locator(READY).count() == 1
    assert page.locator("[data-sh-draft=email] [data-sh-draft-text]").inner_text().strip()
    return page_timings(page)


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


# --------------------------------------------------------------------------------
# The measurements
# --------------------------------------------------------------------------------


def measure_startup(profiles: Profiles, base: str, runs: int, log) -> dict:
    """Floors and the builder, cold and warm, interleaved run by run."""
    kinds = ("floorMain", "floorWorker", "floorWorkerWarm", "floorWorkerFull", "wasm")
    out: dict[str, list] = {k: [] for k in (*kinds, "cold", "warm")}
    for i in range(runs):
        out["floorMain"] += floor_visits(profiles, base, "bench/floor.html")
        cold, warm = floor_visits(profiles, base, "bench/floor-worker.html", visits=2)
        out["floorWorker"].append(cold)
        out["floorWorkerWarm"].append(warm)
        out["floorWorkerFull"] += floor_visits(profiles, base, "bench/floor-worker.html?full")
        out["wasm"] += floor_visits(profiles, base, "bench/wasm.html")
        context = profiles.fresh()
        try:
            page = context.new_page()
            out["cold"].append(open_builder(page, base))
            page.close()
            page = context.new_page()  # second visit, same profile and HTTP cache
            out["warm"].append(open_builder(page, base))
        finally:
            profiles.close(context)
        log(
            f"  run {i + 1}/{runs}: floor(main) {out['floorMain'][-1]['loaded']:.0f} ms, "
            f"floor(worker) {out['floorWorker'][-1]['received']:.0f} ms, "
            f"builder cold {out['cold'][-1]['ready']:.0f} ms, "
            f"warm {out['warm'][-1]['ready']:.0f} ms ({out['cold'][-1]['pythonStart']})"
        )
    return out


def measure_memory(browser: Browser, base: str, runs: int, log) -> list[dict]:
    """Instrumented cold loads: memory once ready, and the worker's own timeline."""
    results = []
    for _ in range(runs):
        context = new_context(browser)
        try:
            page = context.new_page()
            probe = WorkerProbe(context, page)
            timings = open_builder(page, base)
            page.wait_for_timeout(500)  # let the first answer's garbage settle
            results.append(
                {"timings": timings, "memory": probe.memory(), "worker": probe.worker_timeline()}
            )
        finally:
            context.close()
    log(
        f"  wasm memory {results[-1]['memory']['wasmMemory'] / 1e6:.1f} MB, "
        f"worker heap {results[-1]['memory']['workerJsHeapUsed'] / 1e6:.1f} MB"
    )
    return results


def edit_plan(n: int) -> list[tuple[str, str]]:
    """(field, key) pairs: n measured keystrokes over the sessions, in order."""
    plan: list[tuple[str, str]] = []
    for field, kind in itertools.cycle(SESSIONS):
        if kind == "text":
            keys = [c if c != " " else "Space" for c in WORD] + ["Backspace"] * len(WORD)
        elif kind == "number":
            keys = ["1", "Backspace"]
        else:
            keys = ["ArrowRight", "ArrowRight"]
        for key in keys:
            plan.append((field, key))
        if len(plan) >= n:
            return plan[:n]
    return plan


def go_to_field(page: Page, field: str) -> None:
    step = STEP_OF[field]
    if page.get_attribute(f".sh-progress__link[data-sh-goto={step}]", "aria-current") != "step":
        page.click(f".sh-progress__link[data-sh-goto={step}]")
    if field in ("format", "channel", "tone"):
        page.focus(f"input[name={field}]:checked")
    else:
        page.click(f"#sh-field-{field}")
        page.keyboard.press("Control+End")
    page.evaluate("() => __bench.waitSettled(10000)")


def measure_edits(browser: Browser, base: str, edits: int, log) -> dict:
    context = new_context(browser)
    try:
        page = context.new_page()
        probe = WorkerProbe(context, page)
        open_builder(page, base)
        for name, value in GOOD.items():
            page.click(f".sh-progress__link[data-sh-goto={STEP_OF[name]}]")
            page.fill(f"#sh-field-{name}", value)
        page.evaluate("() => __bench.waitSettled(10000)")
        before = probe.memory()
        probe.value("self.__bench.handled = []; 0")
        records = []
        current = None
        for field, key in edit_plan(edits):
            if field != current:
                go_to_field(page, field)
                current = field
            page.evaluate("() => { __bench.edit = {}; }")
            page.keyboard.press(key)
            rec = page.evaluate("() => __bench.waitEdit(10000)")
            records.append({"field": field, "key": key, **(rec or {"missed": True})})
        page.evaluate("() => __bench.waitSettled(10000)")
        handled = probe.value("self.__bench.handled")
        page.wait_for_timeout(500)
        after = probe.memory()
    finally:
        context.close()
    done = [r for r in records if "end" in r and "start" in r]
    latency = [r["end"] - r["start"] for r in done]
    from_key = [r["end"] - r["keydown"] for r in done if "keydown" in r]
    painted = [r["painted"] - r["start"] for r in done if "painted" in r]
    by_field: dict[str, list[float]] = {}
    for r in done:
        by_field.setdefault(r["field"], []).append(r["end"] - r["start"])
    log(
        f"  {len(done)}/{len(records)} edits answered; median {statistics.median(latency):.1f} ms, "
        f"p95 {percentile(latency, 95):.1f} ms"
    )
    return {
        "records": records,
        "missed": len(records) - len(done),
        "latency": {**summary(latency), "p95": percentile(latency, 95)},
        "fromKeydown": {**summary(from_key), "p95": percentile(from_key, 95)},
        "toNextFrame": {**summary(painted), "p95": percentile(painted, 95)},
        "workerHandle": {**summary(handled), "p95": percentile(handled, 95)},
        "byField": {
            f: {"median": statistics.median(v), "p95": percentile(v, 95), "n": len(v)}
            for f, v in by_field.items()
        },
        "memoryBefore": before,
        "memoryAfter": after,
    }


def measure_bytes(browser: Browser, base: str, site: Path, pages: list[str], log) -> dict:
    """Every page once in a fresh context: bytes of every request, workers' included."""
    out = {}
    for path in pages:
        context = new_context(browser)
        finished = []
        context.on("requestfinished", lambda request, into=finished: into.append(request))
        try:
            page = context.new_page()
            if path == BUILDER:
                open_builder(page, base)
                page.wait_for_load_state("networkidle")
            else:
                page.goto(base + path, wait_until="networkidle")
            rows = []
            for request in finished:
                sizes = request.sizes()
                response = request.response()
                body = sizes["responseBodySize"]
                status = response.status if response else None
                file = site_file(site, request.url) if status == 200 else None
                raw = file.stat().st_size if file else 0
                if body == 0 and status == 200:
                    # Chromium reports 0 for worker scripts; ask the host what it sent.
                    gzipped = response.header_value("content-encoding") == "gzip"
                    body = StaticHostHandler.sent_size(site, request.url) if gzipped else raw
                headers = sizes["responseHeadersSize"]
                rows.append(
                    {
                        "url": request.url.removeprefix(base.rstrip("/")),
                        "status": status,
                        "bytes": body + headers,
                        "rawBytes": raw or 0,
                    }
                )
        finally:
            context.close()
        pyodide = sum(r["bytes"] for r in rows if r["url"].startswith("/pyodide/"))
        out[path] = {
            "requests": len(rows),
            "bytes": sum(r["bytes"] for r in rows),
            "rawBytes": sum(r["rawBytes"] for r in rows),
            "pyodideBytes": pyodide,
            "rows": rows,
        }
    log(f"  {len(pages)} pages; builder {out.get(BUILDER, {}).get('bytes', 0) / 1e6:.1f} MB")
    return out


LH_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
LH_METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "interactive",
)


def measure_lighthouse(base: str, pages: list[str], runs: int, workdir: Path, log) -> dict:
    env = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
    out: dict[str, dict] = {}
    for path in pages:
        scores: dict[str, list[float]] = {c: [] for c in TARGET_LH}
        metrics: dict[str, list[float]] = {m: [] for m in LH_METRICS}
        failing: dict[str, str] = {}
        errors = []
        for i in range(runs):
            report = workdir / f"lh-{i}.json"
            done = subprocess.run(  # noqa: S603 - our own Lighthouse, our URL
                [
                    str(LIGHTHOUSE),
                    base + path,
                    "--output=json",
                    f"--output-path={report}",
                    "--quiet",
                    f"--chrome-flags={LH_FLAGS}",
                ],
                env=env,
                capture_output=True,
                text=True,
                check=False,
                timeout=300,
            )
            if done.returncode != 0 or not report.exists():
                errors.append(done.stderr[-500:])
                continue
            data = json.loads(report.read_text(encoding="utf-8"))
            report.unlink()
            for category in TARGET_LH:
                score = data["categories"].get(category, {}).get("score")
                if score is not None:
                    scores[category].append(score * 100)
            for metric in LH_METRICS:
                value = data["audits"].get(metric, {}).get("numericValue")
                if value is not None:
                    metrics[metric].append(value)
            for category, info in data["categories"].items():
                for ref in info["auditRefs"]:
                    audit = data["audits"][ref["id"]]
                    if (
                        ref.get("weight", 0) > 0
                        and audit.get("score") is not None
                        and audit["score"] < 1
                    ):
                        failing[f"{category}/{ref['id']}"] = (
                            audit.get("displayValue") or f"score {audit['score']}"
                        )
        out[path] = {
            "scores": {c: summary(v) for c, v in scores.items()},
            "metrics": {m: summary(v) for m, v in metrics.items()},
            "failingAudits": failing,
            "errors": errors,
        }
        med = {c: out[path]["scores"][c]["median"] for c in TARGET_LH}
        log(f"  {path or '/'}: " + ", ".join(f"{c} {fmt(v, 'score')}" for c, v in med.items()))
    return out


# --------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------


def row(
    figure: str,
    values: list[float | None],
    unit: str,
    target: str = "",
    met: bool | None = None,
    median: float | None = None,
) -> dict:
    s = summary(values)
    if median is not None:
        s["median"] = median
    return {
        "figure": figure,
        "unit": unit,
        "median": s["median"],
        "min": s["min"],
        "max": s["max"],
        "n": s["n"],
        "target": target,
        "met": met,
    }


def ratio(a: list[float], b: list[float]) -> list[float]:
    return [x / y for x, y in zip(a, b, strict=True) if x is not None and y]


# The worker's progress messages: 1 before loadPyodide; 3 once Python is up (restored
# from the snapshot; on the long way, 2 after loadPyodide and 3 after the wheels).
WORKER_PHASES = (
    ("    worker created -> loadPyodide starts", "workerCreated", "progress1"),
    ("    loadPyodide from the snapshot (1 -> 3)", "progress1", "progress3"),
    ("    files back, builder.web (3 -> ready msg)", "progress3", "workerReady"),
    ("    1st evaluate + show (ready msg -> preview)", "workerReady", "ready"),
)


def make_rows(res: dict) -> list[dict]:
    st = res["startup"]
    rows = []
    floor_main = [r["loaded"] for r in st["floorMain"]]
    floor_worker = [r["received"] for r in st["floorWorker"]]
    full = st["floorWorkerFull"]
    rows.append(row("Floor: loadPyodide, main thread (cold)", floor_main, "ms"))
    rows.append(row("Floor: loadPyodide in a worker (cold)", floor_worker, "ms"))
    floor_warm = [r["received"] for r in st["floorWorkerWarm"]]
    rows.append(row("Floor: loadPyodide in a worker (warm)", floor_warm, "ms"))
    rows.append(row("  floor warm / floor cold", ratio(floor_warm, floor_worker), "x"))
    rows.append(
        row(
            "  long way: worker + wheels + import + 1st evaluate",
            [r["received"] for r in full],
            "ms",
        )
    )
    rows.append(
        row("    of which loadPackage (wheels)", [r["packages"] - r["loaded"] for r in full], "ms")
    )
    rows.append(
        row(
            "    of which import builder.web",
            [r["builderImported"] - r["packages"] for r in full],
            "ms",
        )
    )
    rows.append(
        row(
            "    of which 1st evaluate",
            [r["firstEvaluate"] - r["builderImported"] for r in full],
            "ms",
        )
    )
    rows.append(
        row(
            "    (2nd evaluate, for comparison)",
            [r["secondEvaluate"] - r["firstEvaluate"] for r in full],
            "ms",
        )
    )
    rows.append(
        row("  wasm: fetch 9 MB (cold, worker)", [r["fetchWasm"] for r in st["wasm"]], "ms")
    )
    rows.append(row("  wasm: WebAssembly.compile", [r["compileWasm"] for r in st["wasm"]], "ms"))
    for phase in ("cold", "warm"):
        runs = st[phase]
        rows.append(row(f"Builder {phase}: first contentful paint", [r["fcp"] for r in runs], "ms"))
        rows.append(
            row(
                f"Builder {phase}: form enhanced (accepts input)",
                [r["enhanced"] for r in runs],
                "ms",
            )
        )
        rows.append(
            row(f"Builder {phase}: Python ready + 1st preview", [r["ready"] for r in runs], "ms")
        )
        # The worker's phases, as the page sees the worker's progress messages.
        for label, a, b in WORKER_PHASES:
            values = [
                r[b] - r[a]
                for r in runs
                if r[a] is not None and r[b] is not None and r["pythonStart"] == "snapshot"
            ]
            rows.append(row(label, values, "ms"))
    cold = [r["ready"] for r in st["cold"]]
    warm = [r["ready"] for r in st["warm"]]
    r_floor = ratio(cold, floor_worker)
    rows.append(
        row(
            "Cold ready / worker floor",
            r_floor,
            "x",
            f"<= {TARGET_READY_VS_FLOOR}",
            bool(r_floor) and statistics.median(r_floor) <= TARGET_READY_VS_FLOOR,
        )
    )
    r_main = ratio(cold, floor_main)
    rows.append(row("Cold ready / main-thread floor", r_main, "x"))
    r_warm = ratio(warm, cold)
    rows.append(
        row(
            "Warm ready / cold ready",
            r_warm,
            "x",
            f"<= {TARGET_WARM_VS_COLD}",
            bool(r_warm) and statistics.median(r_warm) <= TARGET_WARM_VS_COLD,
        )
    )
    ed = res["edits"]
    lat = ed["latency"]["values"]
    p95 = ed["latency"]["p95"]
    rows.append(row(f"Edit -> preview, median ({len(lat)} edits)", lat, "ms"))
    rows.append(
        {
            **row(
                f"Edit -> preview, p95 ({len(lat)} edits)",
                lat,
                "ms",
                f"<= {TARGET_EDIT_P95_MS:.0f} ms",
                p95 <= TARGET_EDIT_P95_MS,
            ),
            "median": p95,
        }
    )
    rows.append(
        {
            **row("  keydown -> next frame after preview, p95", ed["toNextFrame"]["values"], "ms"),
            "median": ed["toNextFrame"]["p95"],
        }
    )
    wh = ed["workerHandle"]
    rows.append(
        {**row("  of which in the worker (handle), p95", wh["values"], "ms"), "median": wh["p95"]}
    )
    for phase in ("cold", "warm"):
        lt = [r["longtaskMs"] for r in st[phase]]
        rows.append(
            row(
                f"Long tasks until ready ({phase})",
                lt,
                "ms",
                f"<= {TARGET_LONGTASK_MS:.0f} ms",
                statistics.median(lt) <= TARGET_LONGTASK_MS,
            )
        )
    mem = res["memory"]
    rows.append(row("Page JS heap when ready", [m["memory"]["pageJsHeapUsed"] for m in mem], "MB"))
    rows.append(
        row("Worker JS heap when ready", [m["memory"]["workerJsHeapUsed"] for m in mem], "MB")
    )
    rows.append(
        row("Worker wasm memory when ready", [m["memory"]["wasmMemory"] for m in mem], "MB")
    )
    rows.append(row(f"Wasm memory after {len(lat)} edits", [ed["memoryAfter"]["wasmMemory"]], "MB"))
    by = res["bytes"]
    if BUILDER in by:
        rows.append(row("Bytes: /builder/ transferred (gzip)", [by[BUILDER]["bytes"]], "MB"))
        rows.append(row("Bytes: /builder/ uncompressed", [by[BUILDER]["rawBytes"]], "MB"))
    guides = {p: v for p, v in by.items() if p != BUILDER}
    if guides:
        rows.append(
            row(
                "Bytes: guide pages (min-max over pages)",
                [v["bytes"] for v in guides.values()],
                "kB",
            )
        )
        leaked = sum(v["pyodideBytes"] for v in guides.values())
        rows.append(row("Bytes from /pyodide/ on guide pages", [leaked], "kB", "0", leaked == 0))
    lh = res.get("lighthouse")
    if lh:
        for category, target in TARGET_LH.items():
            medians = {p: v["scores"][category]["median"] for p, v in lh.items()}
            known = [m for m in medians.values() if m is not None]
            worst = min(medians, key=lambda p: medians[p] if medians[p] is not None else -1)
            ok = len(known) == len(medians) and min(known) >= target
            rows.append(
                {
                    **row(
                        f"Lighthouse {category} (worst: /{worst})",
                        known,
                        "score",
                        f">= {target}" if target < 100 else "= 100",
                        ok,
                    ),
                    "median": medians[worst],
                }
            )
    return rows


def print_table(rows: list[dict]) -> None:
    width = max(len(r["figure"]) for r in rows)
    head = f"{'figure':<{width}}  {'median':>10}  {'min-max':>21}  {'target':>10}  met?"
    print(head)
    print("-" * len(head))
    for r in rows:
        met = "" if r["met"] is None else ("yes" if r["met"] else "NO")
        span = (
            ""
            if r["min"] is None or r["n"] < 2
            else f"{fmt(r['min'], r['unit'])} - {fmt(r['max'], r['unit'])}"
        )
        print(
            f"{r['figure']:<{width}}  {fmt(r['median'], r['unit']):>10}  {span:>21}  "
            f"{r['target']:>10}  {met}"
        )


def print_details(res: dict) -> None:
    print("\nBytes per page (fresh profile; workers' requests included):")
    print(f"  {'page':<28} {'requests':>8} {'sent':>10} {'unpacked':>10} {'/pyodide/':>10}")
    for path, v in res["bytes"].items():
        print(
            f"  /{path:<27} {v['requests']:>8} {fmt(v['bytes'], 'kB'):>10} "
            f"{fmt(v['rawBytes'], 'kB'):>10} {fmt(v['pyodideBytes'], 'kB'):>10}"
        )
    mem = res["memory"]
    if mem:
        w = mem[len(mem) // 2]["worker"]
        t = mem[len(mem) // 2]["timings"]
        print("\nBuilder start-up timeline (one instrumented cold load; ms from navigation):")
        for key in (
            "responseEnd",
            "fcp",
            "domContentLoaded",
            "enhanced",
            "workerCreated",
            "progress1",
            "progress2",
            "progress3",
            "workerReady",
            "firstResult",
            "ready",
        ):
            if t.get(key) is not None:
                print(f"  page   {key:<26} {t[key]:8.0f}")
        for key, value in sorted(w["marks"].items(), key=lambda kv: kv[1]):
            print(f"  worker {key:<26} {value:8.0f}")
        for r in sorted(w["resources"], key=lambda r: r["start"]):
            print(
                f"  fetch  {r['name'][:26]:<26} {r['start']:8.0f} -> {r['end']:6.0f}  "
                f"{fmt(r['bytes'], 'kB')}"
            )
    ed = res["edits"]
    print(f"\nEdit -> preview by field (ms; {ed['missed']} edits got no preview):")
    for field, v in ed["byField"].items():
        print(f"  {field:<14} median {v['median']:5.1f}  p95 {v['p95']:5.1f}  n={v['n']}")
    lh = res.get("lighthouse")
    if lh:
        print("\nLighthouse (mobile preset, the default; simulated throttling), median per page:")
        print(f"  {'page':<28} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}")
        for path, v in lh.items():
            s = [fmt(v["scores"][c]["median"], "score") for c in TARGET_LH]
            print(f"  /{path:<27} {s[0]:>5} {s[1]:>5} {s[2]:>5} {s[3]:>5}")
            for audit, shown in v["failingAudits"].items():
                print(f"      below full marks: {audit} ({shown})")
            for error in v["errors"]:
                print(f"      lighthouse failed: {error.strip()[:200]}")
    if res["problems"]:
        print("\nProblems seen:")
        for p in res["problems"][:20]:
            print("  " + p)


def environment() -> dict:
    def version(cmd: list[str]) -> str:
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)  # noqa: S603
        except OSError:
            return "n/a"
        return done.stdout.strip()

    lh = (
        json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text()).get(
            "version"
        )
        if (ROOT / "node_modules" / "lighthouse" / "package.json").exists()
        else None
    )
    pyodide = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())[
        "version"
    ]
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "chromium": version([chromium_path() or "chromium", "--version"]),
        "node": version(["node", "--version"]),
        "lighthouse": lh,
        "pyodide": pyodide,
        "cpus": os.cpu_count(),
        "loadavg": os.getloadavg(),
        "python": platform.python_version(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="repeats of each start-up figure")
    parser.add_argument("--edits", type=int, default=200, help="measured keystrokes")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (slow)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument("--pages", nargs="*", help="limit bytes/Lighthouse to these paths")
    args = parser.parse_args()

    started = time.monotonic()

    def log(message: str) -> None:
        print(f"[{time.monotonic() - started:6.0f}s] {message}", flush=True)

    work = Path(tempfile.mkdtemp(prefix="shorthaul-bench-"))
    site = work / "site"
    res: dict = {"environment": environment(), "args": vars(args), "problems": []}
    if res["environment"]["loadavg"][0] > (os.cpu_count() or 1):
        log(
            f"note: load average {res['environment']['loadavg'][0]:.1f} on {os.cpu_count()} CPUs; "
            "timings will be noisy"
        )
    server = None
    try:
        log(f"building the site into {site}")
        build_site(site)
        write_bench_pages(site)
        server, base = serve(site)
        pages = args.pages if args.pages is not None else doc_pages()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            try:
                log(f"start-up: floors and builder cold/warm, {args.runs} runs")
                res["startup"] = measure_startup(Profiles(p, work), base, args.runs, log)
                log("memory: instrumented cold loads")
                res["memory"] = measure_memory(browser, base, args.runs, log)
                log(f"edits: {args.edits} keystrokes")
                res["edits"] = measure_edits(browser, base, args.edits, log)
                log("bytes per page")
                res["bytes"] = measure_bytes(browser, base, site, pages, log)
            finally:
                browser.close()
            res["problems"] = PROBLEMS.items
        if not args.no_lighthouse:
            if not LIGHTHOUSE.exists():
                log("Lighthouse is not installed (npm install); skipped")
            else:
                log(f"Lighthouse: {len(pages)} pages x {args.lighthouse_runs} runs (mobile)")
                res["lighthouse"] = measure_lighthouse(base, pages, args.lighthouse_runs, work, log)
    finally:
        if server:
            server.shutdown()
            server.server_close()
        shutil.rmtree(work, ignore_errors=True)

    res["elapsedSeconds"] = round(time.monotonic() - started, 1)
    res["environment"]["loadavgEnd"] = os.getloadavg()
    rows = make_rows(res)
    res["table"] = rows
    print()
    print_table(rows)
    print_details(res)
    guide_leaks = [p for p, v in res["bytes"].items() if p != BUILDER and v["pyodideBytes"]]
    print(f"\nGuide pages loading from /pyodide/: {', '.join(guide_leaks) or 'none'}")
    print(
        f"Total time: {res['elapsedSeconds']:.0f} s "
        f"(1-min load average {res['environment']['loadavg'][0]:.1f} "
        f"at start, {res['environment']['loadavgEnd'][0]:.1f} at end, on {os.cpu_count()} CPUs)"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(res, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"Results: {RESULTS.relative_to(ROOT)}")
    return 0 if not guide_leaks else 1


if __name__ == "__main__":
    sys.exit(main())
