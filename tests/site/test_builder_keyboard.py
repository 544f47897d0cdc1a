"""The request builder by keyboard alone: every step, and where focus goes after each action.

Each focused element is measured in the page (focuskit.py): on screen and not under the
sticky header or anything else, a focus ring of 2 px at 3:1 against what is around it,
and its text at 4.5:1 while focused and hovered.
"""

from __future__ import annotations

import pytest
from focuskit import (
    NARROW,
    SCHEMES,
    VIEWPORTS,
    WIDE,
    check_focus,
    contrast,
    focus_by_keyboard,
    forgive_blocked_webassembly,
    probe,
    use_scheme,
    walk,
)
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(quick_frames_browser: Browser) -> Browser:
    """This module's walks on a browser that draws frames unthrottled (conftest.py)."""
    return quick_frames_browser


READY = "[data-sh-builder][data-sh-ready='true']"
STEPS = ("focus", "mentor", "timebox", "commitments", "review")


def open_builder(page: Page, base_url: str, viewport: dict = WIDE, scheme: str = "light") -> None:
    page.set_viewport_size(viewport)
    use_scheme(page, scheme)
    page.goto(f"{base_url}builder/")
    page.wait_for_selector(READY, timeout=90_000)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).not_to_be_empty()


def press_on(page: Page, selector: str, key: str = "Enter") -> None:
    focus_by_keyboard(page, selector)
    page.keyboard.press(key)


def scroll_to_bottom(page: Page) -> None:
    """At once (the End key and the wheel scroll smoothly, still moving when focus lands)."""
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")


def focused_well(page: Page, what: str) -> None:
    """Focus is on a visible, sensible element (never <body>), drawn as it should be."""
    stop = probe(page)
    assert not stop.report["body"], f"after {what}, focus fell to <body>"
    assert stop.problems() == [], what


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", VIEWPORTS)
def test_keyboard_walk_of_every_builder_step(
    guarded_page: Page, base_url: str, width: str, scheme: str
) -> None:
    page = guarded_page
    open_builder(page, base_url, VIEWPORTS[width], scheme)
    page.fill("#sh-field-focus", "career advice")  # findings with links on show
    expect(page.locator("[data-sh-tip='2'] [data-sh-tip-findings] li").first).to_be_visible()
    for step in STEPS:
        press_on(page, f".sh-progress__link[data-sh-goto={step}]")
        expect(page.locator(f"#step-{step}-title")).to_be_focused()
        focused_well(page, f"the step link to {step}")
        problems, stops = walk(page, until=lambda report: not report["inForm"])
        assert stops, step
        assert problems == [], step


def test_dark_scheme_buttons_keep_their_text_readable_focused_and_hovered(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    open_builder(page, base_url, WIDE, "dark")
    buttons = [
        ("focus", "#step-focus [data-sh-goto=mentor]"),  # filled: Next
        ("mentor", "#step-mentor [data-sh-goto=focus]"),  # outlined: Back
        ("mentor", "[data-sh-copy=email]"),
        ("review", "[data-sh-copy=primary]"),
        ("review", "[data-sh-reset]"),
    ]
    for step, selector in buttons:
        page.locator(f".sh-progress__link[data-sh-goto={step}]").press("Enter")
        focus_by_keyboard(page, selector)
        assert check_focus(page) == [], selector


def test_dark_scheme_focus_ring_on_fields_and_radios_stands_out(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    open_builder(page, base_url, WIDE, "dark")
    focus_by_keyboard(page, "#sh-field-focus")
    ring = probe(page).report["indicator"]
    assert ring, "no focus ring"
    assert ring["contrast"] >= 3, ring
    page.locator(".sh-progress__link[data-sh-goto=timebox]").press("Enter")
    focus_by_keyboard(page, "input[name=format]:checked")
    ring = probe(page).report["indicator"]
    assert ring, "no focus ring"
    assert ring["contrast"] >= 3, ring


def test_focus_never_sits_under_the_sticky_header(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    open_builder(page, base_url, WIDE, "light")
    page.fill("#sh-field-focus", "career advice")
    expect(page.locator("[data-sh-tip='2'] [data-sh-tip-findings] li").first).to_be_visible()
    # From "Next: Your mentor" on into the checklist beside the form.
    focus_by_keyboard(page, "#step-focus [data-sh-goto=mentor]")
    for _ in range(6):
        page.keyboard.press("Tab")
        focused_well(page, "tabbing into the checklist")
    # Next, Back and the step links put the step's heading in view, below the header.
    press_on(page, "#step-focus [data-sh-goto=mentor]")
    expect(page.locator("#step-mentor-title")).to_be_focused()
    focused_well(page, "Next")
    scroll_to_bottom(page)  # scrolled away, as after filling in a long step
    press_on(page, "#step-mentor [data-sh-goto=focus]")
    expect(page.locator("#step-focus-title")).to_be_focused()
    focused_well(page, "Back")
    scroll_to_bottom(page)
    press_on(page, ".sh-progress__link[data-sh-goto=timebox]")
    expect(page.locator("#step-timebox-title")).to_be_focused()
    focused_well(page, "a step link")


@pytest.mark.parametrize("width", VIEWPORTS)
def test_focus_after_every_action_lands_on_something_visible(
    guarded_page: Page, base_url: str, width: str
) -> None:
    page = guarded_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_builder(page, base_url, VIEWPORTS[width], "light")
    page.fill("#sh-field-focus", "how to chair a meeting")

    press_on(page, "[data-sh-copy=email]")
    expect(page.locator("[data-sh-copy=email]")).to_be_focused()
    said = page.locator("[data-sh-draft=email] [data-sh-said]")
    expect(said).to_contain_text("Copied. Paste it")
    expect(said).to_be_in_viewport()  # beside the button
    focused_well(page, "copy")

    press_on(page, ".sh-progress__link[data-sh-goto=review]")
    press_on(page, "[data-sh-copy=primary]")  # not ready: the answer says what is missing
    expect(page.locator("[data-sh-send] [data-sh-feedback]")).to_contain_text("Not yet")
    expect(page.locator("[data-sh-send] [data-sh-feedback]")).to_be_in_viewport()
    expect(page.locator("[data-sh-problems] li")).to_have_count(2)
    focused_well(page, "copy the message")

    press_on(page, "[data-sh-reset]")
    expect(page.locator("[data-sh-reset-dialog]")).to_be_visible()
    focused_well(page, "start over (the dialog)")
    page.keyboard.press("Escape")
    expect(page.locator("[data-sh-reset]")).to_be_focused()
    focused_well(page, "keeping the answers")
    press_on(page, "[data-sh-reset]")
    press_on(page, "[data-sh-reset-confirm]")
    expect(page.locator("#step-focus-title")).to_be_focused()
    focused_well(page, "clearing everything")


def test_using_the_saved_draft_instead_keeps_focus_in_view(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    open_builder(page, base_url)
    page.fill("#sh-field-focus", "my own saved focus, typed earlier")
    page.wait_for_timeout(500)  # the autosave waits for a pause in typing
    page.goto(f"{base_url}builder/?v=1&f=how+to+price+a+consulting+offer")
    page.wait_for_selector(READY, timeout=90_000)
    press_on(page, "button.sh-notice__action")
    expect(page.locator("#sh-field-focus")).to_have_value("my own saved focus, typed earlier")
    focused_well(page, "using the saved draft instead")
    expect(page.locator("[data-sh-notices]")).to_contain_text("saved draft is back")


def test_try_again_keeps_focus_on_the_page(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    page.set_viewport_size(NARROW)
    page.route("**/*.wasm", lambda route: route.abort())
    page.goto(f"{base_url}builder/")
    expect(page.locator("[data-sh-failure]")).to_be_visible(timeout=90_000)
    forgive_blocked_webassembly(page)
    page.unroute("**/*.wasm")
    press_on(page, "[data-sh-retry]")
    expect(page.locator("[data-sh-failure]")).to_be_hidden()
    focused_well(page, "try again")
    expect(page.locator("[data-sh-live-title]")).to_be_focused()
    page.wait_for_selector(READY, timeout=90_000)
    focused_well(page, "the coach starting")
    forgive_blocked_webassembly(page)  # also what the blocked start reported since


def test_forced_colours_show_focus_on_buttons(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    open_builder(page, base_url, WIDE, "forced")
    for selector in ("#step-focus [data-sh-goto=mentor]", "[data-sh-copy=email]"):
        focus_by_keyboard(page, selector)
        ring = probe(page).report["indicator"]
        assert ring, f"{selector}: no focus ring"
        assert ring["width"] >= 2, (selector, ring)
        assert ring["contrast"] >= 3, (selector, ring)


def test_forced_colours_mark_the_current_step_beyond_bold(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    open_builder(page, base_url, WIDE, "forced")

    def step_look(step: str) -> dict:
        return page.evaluate(
            """(step) => {
                const link = document.querySelector(`.sh-progress__link[data-sh-goto=${step}]`);
                const number = link.querySelector(".sh-progress__number");
                const s = getComputedStyle(link), n = getComputedStyle(number);
                return {line: s.borderBottomColor + " " + s.borderBottomWidth,
                        fill: n.backgroundColor, text: n.color};
            }""",
            step,
        )

    current, other = step_look("focus"), step_look("mentor")
    canvas = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    # Not only bold text: a filled number in the system's highlight, and a heavier line.
    assert current["fill"] != other["fill"], (current, other)
    assert contrast(current["fill"], canvas) >= 3, (current, canvas)
    assert contrast(current["text"], current["fill"]) >= 4.5, current
    assert current["line"] != other["line"], (current, other)
