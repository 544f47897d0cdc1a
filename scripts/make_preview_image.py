"""Render the link-preview image (Open Graph card) with headless Chromium.

    .venv/bin/python scripts/make_preview_image.py

Writes overrides/assets/images/og-card.png (1200 x 630), which every page names in
its og:image tag. Run again after changing the card; the PNG is committed.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "site"))

from conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from builder import TIPS  # noqa: E402

OUT = ROOT / "overrides" / "assets" / "images" / "og-card.png"
CARD = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; width: 1200px; height: 630px; box-sizing: border-box; padding: 72px 80px;
  background: linear-gradient(135deg, #004d40, #00695c 60%, #00897b); color: #fff;
  font-family: "Liberation Sans", "Noto Sans", Arial, sans-serif; }}
h1 {{ margin: 0; font-size: 96px; letter-spacing: -2px; }}
p {{ margin: 18px 0 44px; font-size: 38px; line-height: 1.3; max-width: 960px; color: #e0f2f1; }}
ol {{ display: flex; flex-wrap: wrap; gap: 14px; margin: 0; padding: 0; list-style: none; }}
li {{ padding: 10px 20px; border: 2px solid #b2dfdb; border-radius: 40px; font-size: 26px; }}
</style></head><body>
<h1>Short Haul</h1>
<p>Short-term mentoring: the case for, the case against, five tips, and a builder
for your request.</p>
<ol>{tips}</ol>
</body></html>"""


def main() -> None:
    tips = "".join(f"<li>{tip.number}. {escape(tip.title)}</li>" for tip in TIPS)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(CARD.format(tips=tips))
        page.screenshot(path=OUT)
        browser.close()
    print(OUT)


if __name__ == "__main__":
    main()
