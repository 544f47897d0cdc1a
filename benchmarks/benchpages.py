"""Bench-only pages, written into the benchmark's temporary build (no CSP there).

`/bench/floor-worker.html` is the floor every start-up figure is compared with: a
module worker that imports Pyodide and awaits a bare `loadPyodide()`, from an untouched
copy of the npm package's runtime in `/bench/pyodide/` (its whole standard library),
served by the same host through the same link as the builder.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = ROOT / "node_modules" / "pyodide"
FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "package.json",
)
FLOOR = "bench/floor-worker.html"

FLOOR_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title><link rel="icon" href="data:,">
<script type="module" src="{script}"></script></head><body><p>{title}</p></body></html>
"""

# The page starts a module worker; the worker posts back absolute times.
FLOOR_WORKER_PAGE_JS = """
const t = { created: performance.now() };
const worker = new Worker("floor-worker.js", { type: "module" });
worker.onmessage = (event) => {
  const rel = {};
  for (const [k, v] of Object.entries(event.data.abs)) rel[k] = v - performance.timeOrigin;
  window.__floor = { ...t, ...rel, received: performance.now() };
};
worker.onerror = (event) => { window.__floor = { error: String(event.message) }; };
worker.postMessage({ indexURL: new URL("/bench/pyodide/", location.href).href });
"""

FLOOR_WORKER_JS = """
self.onmessage = async (event) => {
  const { indexURL } = event.data;
  const abs = {};
  const mark = (k) => { abs[k] = performance.timeOrigin + performance.now(); };
  mark("start");
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  mark("imported");
  await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  mark("loaded");
  self.postMessage({ abs });
};
"""


def builder_values(site: Path, sample: dict[str, str]) -> dict[str, str]:
    """The builder's fields with their defaults, overlaid with the sample request."""
    html = (site / "builder" / "index.html").read_text(encoding="utf-8")
    data = re.search(r"<script[^>]*data-sh-builder-data>(.*?)</script>", html, re.S)
    fields = json.loads(data.group(1))["fields"] if data else []
    values = {f["name"]: f.get("default", "") for f in fields}
    values.update(sample)
    return values


def write_bench_pages(site: Path) -> None:
    bench = site / "bench"
    (bench / "pyodide").mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copy2(RUNTIME / name, bench / "pyodide" / name)
    files = {
        "floor-worker.html": FLOOR_HTML.format(
            title="floor: loadPyodide in a worker", script="floor-worker-page.js"
        ),
        "floor-worker-page.js": FLOOR_WORKER_PAGE_JS,
        "floor-worker.js": FLOOR_WORKER_JS,
    }
    for name, text in files.items():
        (bench / name).write_text(text, encoding="utf-8")
