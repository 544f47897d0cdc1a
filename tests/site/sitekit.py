"""Helpers for the site tests: which pages exist, viewports, the axe-core check."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, as a path below its root."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith(("pyodide/", "assets/")):
            continue
        pages.append(rel.removesuffix("index.html"))
    return sorted(pages)


def doc_pages() -> list[str]:
    """Every page the docs/ folder defines, as the URL path MkDocs gives it."""
    pages = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").with_suffix("").as_posix()
        if rel == "index" or rel.endswith("/index"):
            pages.append(rel.removesuffix("index"))
        else:
            pages.append(rel + "/")
    return pages


AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core (from node_modules, injected, not fetched) on the page as it is."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }"""
    )
