"""Every page of the guide, opened in headless Chromium from 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import DESKTOP, PHONE, axe_violations, doc_pages, site_pages

PAGES = doc_pages()


def test_the_build_has_exactly_the_pages_docs_defines(site_dir: Path) -> None:
    assert site_pages(site_dir) == sorted(PAGES)


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_from_its_own_origin(guarded_page, base_url: str, path: str) -> None:
    page = guarded_page
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    assert page.title().endswith("Short Haul")
    assert page.locator("h1").count() == 1
    description = page.locator('meta[name="description"]').get_attribute("content")
    assert description
    assert len(description) <= 160


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_accessibility_violations(
    guarded_page, base_url: str, path: str, viewport: dict
) -> None:
    page = guarded_page
    page.set_viewport_size(viewport)
    page.goto(base_url + path, wait_until="networkidle")
    assert axe_violations(page) == []
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{overflow}px of horizontal scroll"
