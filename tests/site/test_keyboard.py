"""Every page by keyboard alone, in light and dark at 1280 and 320 px, and in forced
colours at one of those widths.

A walk tabs through a whole page; at every stop the focused element must be on screen
and not under anything else (the sticky header above all), have a focus ring of at least
2 px at 3:1 against what is around it, and keep its text at 4.5:1 while focused and
hovered (focuskit.py measures it). Then the site-wide controls one by one: the light/dark
switch, the search box, the navigation drawer and the navigation's section toggles.
"""

from __future__ import annotations

import pytest
from focuskit import NARROW, SCHEMES, VIEWPORTS, WIDE, probe, use_scheme, walk
from playwright.sync_api import Browser, Page, expect
from sitekit import doc_pages, other_language_pages, rotated

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(quick_frames_browser: Browser) -> Browser:
    """This module's walks on a browser that draws frames unthrottled (conftest.py)."""
    return quick_frames_browser


# Pages whose Python starts as they load, walked once it is ready: the page changes when
# it is (a walk that overlapped the reply helper's start measured a field moved off
# screen between its focused and its hovered probe, on a busy machine).
READY = {
    "/builder/": "[data-sh-builder][data-sh-ready='true']",
    "/mentors/reply/": "[data-sh-reply][data-sh-ready='true']",
}


def open_page(page: Page, url: str, viewport: dict, scheme: str) -> None:
    page.set_viewport_size(viewport)
    use_scheme(page, scheme)
    page.goto(url, wait_until="load")
    for path, ready in READY.items():
        if url.endswith(path):  # in any language: /es/builder/ too
            page.wait_for_selector(ready, timeout=90_000)


def _page_walks() -> list[tuple[str, str, str]]:
    """Every page at each width in light and dark; in forced colours at one width, the
    widths taken in turn page by page (what forced colours can get wrong is a colour,
    which does not change with the width; every kind of control is on pages of both)."""
    walks = []
    for index, path in enumerate(doc_pages()):
        for width in VIEWPORTS:
            walks += [(path, width, scheme) for scheme in SCHEMES if scheme != "forced"]
        walks.append((path, list(VIEWPORTS)[index % len(VIEWPORTS)], "forced"))
    return walks


@pytest.mark.parametrize(("path", "width", "scheme"), _page_walks())
def test_keyboard_walk_of_every_page(
    guarded_page: Page, base_url: str, path: str, width: str, scheme: str
) -> None:
    page = guarded_page
    open_page(page, base_url + path, VIEWPORTS[width], scheme)
    problems, stops = walk(page)
    assert stops, "Tab reached nothing"
    assert stops[-1]["inFooter"], f"the walk stopped before the footer, at {stops[-1]['describe']}"
    assert problems == []


WALKS = [f"{width}-{scheme}" for width in VIEWPORTS for scheme in SCHEMES]


@pytest.mark.parametrize(("path", "mode"), rotated(other_language_pages(), WALKS))
def test_keyboard_walk_of_every_other_language_page(
    guarded_page: Page, base_url: str, path: str, mode: str
) -> None:
    page = guarded_page
    width, scheme = mode.split("-")
    open_page(page, base_url + path, VIEWPORTS[width], scheme)
    problems, stops = walk(page)
    assert stops, "Tab reached nothing"
    assert stops[-1]["inFooter"], f"the walk stopped before the footer, at {stops[-1]['describe']}"
    assert problems == []


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


@pytest.mark.parametrize("width", VIEWPORTS)
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


def test_navigation_drawer_by_keyboard_at_320(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    open_page(page, base_url + "case-for/", NARROW, "light")
    menu = page.get_by_role("button", name="Menu")

    # Closed, the drawer's links take no focus: a whole walk never enters it.
    _, stops = walk(page)
    assert not [s["describe"] for s in stops if s["inDrawer"]]

    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    opened = probe(page)
    assert opened.report["inDrawer"], opened.report["describe"]
    assert opened.problems() == []

    # Open, Tab goes through the drawer's visible links only.
    seen = []
    for _ in range(20):
        page.keyboard.press("Tab")
        stop = probe(page)
        if not stop.report["inDrawer"]:
            break
        assert stop.problems() == []
        seen.append(stop.report["describe"])
    assert any("The case against" in s for s in seen)
    assert any("Sources" in s for s in seen)
    # Tabbing out of the drawer closes it, so what takes focus next is not under it.
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert probe(page).problems() == []

    # Space opens it too; Escape closes it and focus goes back to the menu button.
    menu.focus()
    page.keyboard.press("Space")
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    _, stops = walk(page)
    assert not [s["describe"] for s in stops if s["inDrawer"]]


def test_drawer_sections_slide_in_and_back_by_keyboard_at_320(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    open_page(page, base_url + "case-for/", NARROW, "light")
    page.get_by_role("button", name="Menu").click()
    toggle = page.get_by_role("button", name="Pages in Five tips")
    toggle.focus()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    back = page.get_by_role("button", name="Five tips: back")
    expect(back).to_be_focused()  # the toggle is now covered: focus moves into the section
    assert probe(page).problems() == []
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="1. Treat it like a long-term mentorship")).to_be_focused()
    assert probe(page).problems() == []
    back.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert probe(page).problems() == []

    # The page's own contents slide in the same way.
    contents = page.get_by_role("button", name="The case for: contents")
    contents.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Table of contents: back")).to_be_focused()
    # Covered by the contents now, so out of the accessibility tree: found by its markup.
    expect(page.locator("[data-sh-nav-toggle='__toc'][aria-expanded]")).to_have_attribute(
        "aria-expanded", "true"
    )
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="An easier yes")).to_be_focused()
    assert probe(page).problems() == []


def test_the_five_tips_toggle_has_a_name_a_role_and_a_state(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    open_page(page, base_url + "case-for/", WIDE, "light")
    toggle = page.get_by_role("button", name="Pages in Five tips", expanded=False)
    expect(toggle).to_have_count(1)
    tip = page.locator(".md-sidebar--primary").get_by_role("link", name="2. Don't expect too much")
    expect(tip).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Pages in Five tips", expanded=True)).to_be_focused()
    expect(tip).to_be_visible()
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Pages in Five tips", expanded=False)).to_be_focused()
    expect(tip).to_be_hidden()
    # On a tip's page the section starts open, and says so.
    page.goto(base_url + "tips/aim-small/")
    expect(page.get_by_role("button", name="Pages in Five tips", expanded=True)).to_have_count(1)


PROBLEMS_ON_PURPOSE = """<!doctype html><html><body style="margin:0;background:#fff;color:#222">
<style>a:focus { outline: 3px solid #222; outline-offset: 2px } a { color: #224 }</style>
<div style="position:fixed;top:0;left:0;right:0;height:60px;background:#fff;z-index:2"></div>
<p style="margin-top:80px"><a id="fine" href="#fine">fine</a></p>
<a id="off" href="#off" style="position:fixed;top:-100px">off screen</a>
<a id="under" href="#under" style="position:fixed;top:10px;left:10px">under the header</a>
<p><a id="bare" href="#bare" style="outline:none">no ring</a></p>
<p><a id="faint" href="#faint" style="color:#bbb">faint text</a></p>
</body></html>"""


def test_the_walk_reports_what_a_keyboard_user_would_miss(guarded_page: Page) -> None:
    """The walk's own check: each fault is found, and only where it is."""
    page = guarded_page
    page.set_viewport_size(NARROW)
    page.set_content(PROBLEMS_ON_PURPOSE)
    problems, stops = walk(page)
    assert [s["describe"].split(" ")[0] for s in stops] == [
        "a#fine",
        "a#off",
        "a#under",
        "a#bare",
        "a#faint",
    ]

    def found(anchor: str) -> list[str]:
        return [p for p in problems if p.startswith(f"[focused] a#{anchor} ")]

    assert found("fine") == []
    assert any("not on screen" in p for p in found("off"))
    assert any("under ['div" in p for p in found("under")), found("under")
    assert any("no focus outline" in p for p in found("bare"))
    assert any(":1 ({'what'" in p for p in found("faint")), found("faint")
