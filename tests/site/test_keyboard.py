"""The site's own controls by keyboard alone, each measured where it has focus
(focuskit.py): on screen and not under anything else, a focus ring of 2 px at 3:1, text
at 4.5:1.
"""

from __future__ import annotations

import pytest
from focuskit import VIEWPORTS, WIDE, probe, use_scheme
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

READY = "[data-sh-builder][data-sh-ready='true']"


def open_page(page: Page, url: str, viewport: dict, scheme: str) -> None:
    page.set_viewport_size(viewport)
    use_scheme(page, scheme)
    page.goto(url, wait_until="load")
    if "/builder/" in url:
        page.wait_for_selector(READY, timeout=90_000)


def test_the_light_dark_switch_is_a_button_for_enter_and_space(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    open_page(page, base_url + "case-for/", WIDE, "light")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # the logo
    page.keyboard.press("Tab")
    to_dark = page.get_by_role("button", name="Switch to dark mode")
    expect(to_dark).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    to_light = page.get_by_role("button", name="Switch to light mode")
    expect(to_light).to_be_focused()  # the shown button takes focus: never <body>
    assert probe(page).problems() == []
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    expect(to_dark).to_be_focused()
    assert page.get_by_role("radio").count() == 0  # no radio named for the other scheme


@pytest.mark.parametrize("width", ["1280"])  # at 320 px once the closed drawer takes no focus
def test_tab_after_the_search_box_lands_on_something_visible(
    guarded_page: Page, base_url: str, width: str
) -> None:
    page = guarded_page
    open_page(page, base_url + "tips/", VIEWPORTS[width], "light")
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.md-search__input')"):
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.press("Tab")
    stop = probe(page)
    assert "search" not in stop.report["describe"].lower(), stop.report["describe"]
    assert stop.problems() == []
