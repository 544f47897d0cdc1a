"""Memory once the builder is ready: page and worker JS heaps, Pyodide's wasm memory."""

from __future__ import annotations

from browser import WorkerProbe, new_context, open_builder
from playwright.sync_api import Browser


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
