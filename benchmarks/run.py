"""Performance figures for Short Haul, measured in headless Chromium on a fresh build.

    .venv/bin/python benchmarks/run.py [--runs N] [--links NAME...] [--edits N]
                                       [--no-lighthouse] [--lighthouse-runs N]

Builds the site into a temporary folder (never site/), adds bench-only pages under
/bench/ there (the floor: a bare loadPyodide from the npm package's own files), and
prints a table: figure, median, min-max, target, met?. Everything is also written as
JSON to benchmarks/results/latest.json. See benchmarks/README.md for each figure.

Modules: link.py (the shared throttled link) and host.py (the static host),
browser.py (profiles, instrumented pages), instruments.py (in-page scripts),
benchpages.py (the floor), one measure_*.py per measure, report.py (the table).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from pathlib import Path

from benchpages import write_bench_pages
from browser import CHROMIUM_FLAGS, PROBLEMS, PYTHON_PAGES, ROOT, chromium_path
from details import print_details
from host import StaticHostHandler
from measure_bytes import measure_bytes
from measure_edits import measure_edits
from measure_lighthouse import LIGHTHOUSE, measure_lighthouse
from measure_links import measure_links
from measure_memory import measure_memory
from playwright.sync_api import sync_playwright
from report import make_rows, print_table
from sitekit import doc_pages

from sitebuild.precompress import precompress

RESULTS = ROOT / "benchmarks" / "results" / "latest.json"


def build_site(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def serve_fast(site: Path) -> tuple[ThreadingHTTPServer, str]:
    """The static host with no link in between (edits, memory, bytes, Lighthouse)."""
    handler = functools.partial(StaticHostHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


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
    parser.add_argument("--runs", type=int, default=3, help="repeats of each link figure")
    parser.add_argument(
        "--links", nargs="*", help="link profiles by first word (unthrottled 50 10 1.6)"
    )
    parser.add_argument("--edits", type=int, default=200, help="measured keystrokes (0: skip)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (slow)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument("--pages", nargs="*", help="limit bytes/Lighthouse to these paths")
    parser.add_argument(
        "--no-settle",
        action="store_true",
        help="visit as soon as a fresh browser has a page, during its own start-up (quiet.py)",
    )
    args = parser.parse_args()

    started = time.monotonic()

    def log(message: str) -> None:
        print(f"[{time.monotonic() - started:6.0f}s] {message}", flush=True)

    work = Path(tempfile.mkdtemp(prefix="shorthaul-bench-"))
    site = work / "site"
    res: dict = {"environment": environment(), "args": vars(args), "problems": []}
    log(f"load average {res['environment']['loadavg'][0]:.1f} on {os.cpu_count()} CPUs")
    server = None
    try:
        log(f"building the site into {site}")
        build_site(site)
        write_bench_pages(site)
        precompress(site)  # the floor's copies too (cached: the site's are made already)
        StaticHostHandler.precompress(site)
        server, base = serve_fast(site)
        pages = args.pages if args.pages is not None else doc_pages()
        with sync_playwright() as p:
            if args.runs:
                log(f"links: floor and builder cold/repeat/offline, {args.runs} runs")
                res["links"] = measure_links(
                    p, work, site, args.runs, log, args.links, settle=not args.no_settle
                )
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            try:
                log("memory: instrumented cold loads")
                res["memory"] = measure_memory(browser, base, 3, log)
                if args.edits:
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
    guide_leaks = [
        p for p, v in res["bytes"].items() if p not in PYTHON_PAGES and v["pyodideBytes"]
    ]
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
