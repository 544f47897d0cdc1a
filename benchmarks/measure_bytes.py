"""Bytes per page: every page once in a fresh context, workers' requests included."""

from __future__ import annotations

from pathlib import Path

from browser import BUILDER, new_context, open_builder
from host import StaticHostHandler, site_file
from playwright.sync_api import Browser


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
