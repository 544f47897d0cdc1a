"""A coordinator's whole journey with the link maker in headless Chromium: fill in some
answers, reload, find the answers and the link still there, come back later, open the
link and see the builder with those answers. Typing and clicking only; after each step,
what is on screen. Then clearing (it asks first) and storage that is corrupt or blocked
(a sentence, never an exception; nothing typed is lost).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from journeys import reload_when_quiet, type_into
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sitekit import DESKTOP, PHONE, WATCH_CSP, guarded_page

pytestmark = pytest.mark.browser

KEY = "shorthaul.linkmaker.answers"
BUILDER_READY = "[data-sh-builder][data-sh-ready='true']"
FOCUS = "how to run a retrospective"
WANTED = {"v": ["1"], "f": [FOCUS], "m": ["2"], "w": ["3"], "fm": ["in-person"], "t": ["formal"]}
BLOCKED = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


@pytest.fixture
def context(browser: Browser, request: pytest.FixtureRequest) -> BrowserContext:
    context = browser.new_context(viewport=getattr(request, "param", DESKTOP))
    context.add_init_script(WATCH_CSP)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, base_url: str):
    yield from guarded_page(context, base_url)


def link(page: Page):
    return page.get_by_label("Your link")


def kept(page: Page):
    return page.locator("[data-sh-linkmaker-kept]")


def fill_in_some_answers(page: Page) -> None:
    type_into(page, "What would you like their help with?", FOCUS)
    type_into(page, "How many meetings?", "2")
    type_into(page, "Over how many weeks?", "3")
    page.get_by_label("In person", exact=True).check()
    page.get_by_label("Formal").check()


def link_query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(link(page).input_value()).query)


def expect_the_answers_on_screen(page: Page) -> None:
    expect(page.get_by_label("What would you like their help with?")).to_have_value(FOCUS)
    expect(page.get_by_label("How many meetings?")).to_have_value("2")
    expect(page.get_by_label("Over how many weeks?")).to_have_value("3")
    expect(page.get_by_label("In person", exact=True)).to_be_checked()
    expect(page.get_by_label("Formal")).to_be_checked()


@pytest.mark.parametrize("context", [DESKTOP, PHONE], ids=["1280", "390"], indirect=True)
def test_a_coordinator_makes_a_link_reloads_comes_back_and_opens_it(
    page: Page, context: BrowserContext, base_url: str
) -> None:
    # 1. Some answers: the link appears.
    page.goto(f"{base_url}coordinators/")
    expect(link(page)).to_have_value("")
    fill_in_some_answers(page)
    expect(link(page)).to_have_value(re.compile(r"t=formal$"), timeout=90_000)
    assert link_query(page) == WANTED
    made = link(page).input_value()
    expect(page.locator("[data-sh-linkmaker-status]")).to_contain_text("ready")
    page.wait_for_timeout(500)  # the answers are kept once typing pauses

    # 2. A reload: the answers and the link are still on screen, Python or not.
    reload_when_quiet(page)
    expect_the_answers_on_screen(page)
    expect(link(page)).to_have_value(made)
    expect(kept(page)).to_contain_text("Your answers from last time are back")
    expect(page.locator("[data-sh-linkmaker][data-sh-ready='true']")).to_be_attached(timeout=90_000)
    expect(link(page)).to_have_value(made)  # Python made the same link again
    expect(page.get_by_role("link", name="Open the builder with it")).to_have_attribute(
        "href", made
    )

    # 3. Later, in another tab of the same browser: still there.
    later = context.new_page()
    later.goto(f"{base_url}coordinators/")
    expect_the_answers_on_screen(later)
    expect(link(later)).to_have_value(made)
    later.close()

    # 4. The link opens the builder with those answers.
    page.get_by_role("link", name="Open the builder with it").click()
    page.wait_for_selector(BUILDER_READY, timeout=60_000)
    expect(page.get_by_label("What would you like their help with?")).to_have_value(FOCUS)
    page.locator(".sh-progress__link[data-sh-goto=timebox]").click()
    expect(page.get_by_label("How many meetings?")).to_be_visible()
    expect(page.get_by_label("How many meetings?")).to_have_value("2")
    expect(page.get_by_label("Over how many weeks?")).to_have_value("3")
    expect(page.get_by_label("In person", exact=True)).to_be_checked()
    assert page.is_checked("input[name=tone][value=formal]")


def test_clearing_asks_first_and_then_keeps_nothing(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}coordinators/")
    fill_in_some_answers(page)
    expect(link(page)).to_have_value(re.compile(r"t=formal$"), timeout=90_000)
    page.get_by_role("button", name="Clear the form").click()
    dialog = page.get_by_role("dialog", name="Clear the link maker?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Keep my answers").click()
    expect(dialog).to_be_hidden()
    expect_the_answers_on_screen(page)

    page.get_by_label("What would you like their help with?").press("End")
    page.keyboard.type(" again")  # a save is pending when the form is cleared
    page.get_by_role("button", name="Clear the form").click()
    dialog.get_by_role("button", name="Clear the form").click()
    expect(page.get_by_label("What would you like their help with?")).to_have_value("")
    expect(page.get_by_label("How many meetings?")).to_have_value("3")  # the default
    expect(link(page)).to_have_value("")
    expect(kept(page)).to_contain_text("Cleared.")
    expect(page.get_by_label("What would you like their help with?")).to_be_focused()
    page.wait_for_timeout(800)  # an answer still with Python must not bring the link back
    expect(link(page)).to_have_value("")
    assert page.evaluate(f"() => localStorage.getItem('{KEY}')") is None

    reload_when_quiet(page)
    expect(page.get_by_label("What would you like their help with?")).to_have_value("")
    expect(link(page)).to_have_value("")
    expect(kept(page)).to_have_text("")


def test_corrupt_storage_is_said_set_aside_and_typing_goes_on(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}coordinators/")
    page.evaluate(f"() => localStorage.setItem('{KEY}', '{{not json')")
    reload_when_quiet(page)
    expect(kept(page)).to_contain_text("could not be read, so the form starts blank")
    assert page.evaluate(f"() => localStorage.getItem('{KEY}.unreadable')") == "{not json"
    type_into(page, "What would you like their help with?", FOCUS)
    expect(link(page)).to_have_value(re.compile(r"f=how\+to\+run"), timeout=90_000)
    page.wait_for_timeout(500)
    reload_when_quiet(page)
    expect(page.get_by_label("What would you like their help with?")).to_have_value(FOCUS)
    assert page.evaluate(f"() => localStorage.getItem('{KEY}.unreadable')") == "{not json"


def test_blocked_storage_is_said_and_the_link_still_made(
    context: BrowserContext, base_url: str
) -> None:
    context.add_init_script(BLOCKED)
    page = next(guarded := guarded_page(context, base_url))
    page.goto(f"{base_url}coordinators/")
    expect(kept(page)).to_contain_text("does not let the page keep anything")
    type_into(page, "What would you like their help with?", FOCUS)
    expect(link(page)).to_have_value(re.compile(r"f=how\+to\+run"), timeout=90_000)
    expect(page.get_by_label("What would you like their help with?")).to_have_value(FOCUS)
    expect(kept(page)).to_contain_text("does not let the page keep anything")
    next(guarded, None)  # the page's guards: no uncaught error, no failed request


def test_a_form_emptied_by_hand_keeps_nothing(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}coordinators/")
    type_into(page, "What would you like their help with?", FOCUS)
    expect(link(page)).to_have_value(re.compile(r"f=how\+to\+run"), timeout=90_000)
    type_into(page, "What would you like their help with?", "")
    expect(link(page)).not_to_have_value(re.compile(r"f="))
    page.wait_for_timeout(500)
    reload_when_quiet(page)
    expect(page.get_by_label("What would you like their help with?")).to_have_value("")
    expect(kept(page)).to_have_text("")
    assert page.evaluate(f"() => localStorage.getItem('{KEY}')") is None
