"""Screenshots of the built site at desktop and phone widths, for looking at changes.

    .venv/bin/python scripts/screenshots.py [PATH ...]    # default: every page

Serves site/ on 127.0.0.1 and writes screenshots/<page>-<width>.png (full page).
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "site"))

from conftest import CHROMIUM_FLAGS, _QuietHandler, chromium_path  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from sitekit import doc_pages  # noqa: E402

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def main(paths: list[str]) -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(ROOT / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for path in paths or doc_pages():
            for label, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(base + path, wait_until="networkidle")
                name = (path.strip("/").replace("/", "-") or "home") + f"-{label}.png"
                page.screenshot(path=out / name, full_page=True)
                page.close()
                print(out / name)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
