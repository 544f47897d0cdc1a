"""The mentors' reply helper in headless Chromium, from a protégé's link to a sent reply."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sitekit import (
    DESKTOP,
    PHONE,
    SAMPLE_REQUEST,
    WATCH_CSP,
    PageProblems,
    axe_violations,
    guarded_page,
    step_of,
)

pytestmark = pytest.mark.browser

READY = "[data-sh-reply][data-sh-ready='true']"
BUILDER_READY = "[data-sh-builder][data-sh-ready='true']"
HOSTILE = (
    '<img src=x onerror="window.__pwned=1">',
    "</textarea><script>window.__pwned=1</script>",
    '"><svg onload="window.__pwned=1">',
)
SUMMED_UP = {"protege_name": "Sam", "mentor_name": "Alex", "focus": "improve my code reviews"}
TEXT_FIELDS = ("focus", "pasted", "first_step", "narrower", "later", "reason", "referral_why")


@pytest.fixture
def context(browser: Browser, base_url: str) -> BrowserContext:
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(WATCH_CSP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, base_url: str):
    yield from guarded_page(context, base_url)


def open_reply(page: Page, base_url: str, address: str = "") -> None:
    page.goto(f"{base_url}mentors/reply/{address}")
    page.wait_for_selector(READY, timeout=60_000)
    expect(email(page)).not_to_be_empty(timeout=30_000)  # Python's first answer is in


def email(page: Page):
    return page.locator("[data-sh-draft=email] [data-sh-draft-text]")


def answer(page: Page, value: str) -> None:
    page.check(f"input[name=response][value={value}]")


def fill(page: Page, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.fill(f"#sh-field-{name}", value)


def containing(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text))


def coaching(page: Page, code: str):
    return page.locator(f"[data-sh-coaching] [data-sh-code={code}]")


def builder_link_for_the_mentor(page: Page, base_url: str) -> str:
    """What a protégé sends: the request builder's "link for your mentor"."""
    page.goto(f"{base_url}builder/")
    page.wait_for_selector(BUILDER_READY, timeout=60_000)
    steps = step_of()
    for name, value in SAMPLE_REQUEST.items():
        page.locator(f".sh-progress__link[data-sh-goto={steps[name]}]").press("Enter")
        page.fill(f"#sh-field-{name}", value)
    page.locator(".sh-progress__link[data-sh-goto=review]").press("Enter")
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).to_have_value(
        containing(SAMPLE_REQUEST["focus"])
    )
    page.click("[data-sh-share=mentor]")
    expect(page.locator("[data-sh-feedback]")).to_contain_text("link for your mentor")
    return page.evaluate("() => navigator.clipboard.readText()")


def test_a_mentor_goes_from_the_proteges_link_to_a_reply_in_two_clicks(
    page: Page, browser: Browser, base_url: str
) -> None:
    link = builder_link_for_the_mentor(page, base_url)
    assert link.startswith(f"{base_url}mentors/reply/#v=1&")  # in the fragment: never sent

    mentor = browser.new_context(viewport=DESKTOP)
    problems = PageProblems(base_url.rstrip("/"))
    tab = problems.watch(mentor.new_page())
    tab.goto(link)  # click one: the link
    tab.wait_for_selector(READY, timeout=60_000)
    summary = tab.locator("[data-sh-linked]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(SAMPLE_REQUEST["focus"])
    expect(summary).to_contain_text("Three 30-minute video calls over four weeks.")
    expect(tab.locator("#reply-request")).to_be_hidden()  # shown read-only instead
    assert tab.url == f"{base_url}mentors/reply/"  # the request left the address
    assert tab.input_value("#sh-field-mentor_name") == SAMPLE_REQUEST["mentor_name"]

    tab.get_by_label("Yes, as they propose").check()  # click two: the answer
    text = email(tab)
    expect(text).to_have_value(containing("Hi Amira,"))  # as she goes by, from "Amira Haddad"
    expect(text).to_have_value(containing("mentor you on how to run your first customer interview"))
    expect(text).to_have_value(
        containing("Three 30-minute video calls over four weeks works for me")
    )
    expect(text).to_have_value(containing("Warm regards,\nJonas"))
    expect(tab.locator("[data-sh-send-state]")).to_contain_text("ready")
    expect(coaching(tab, "yes-ok")).to_be_visible()
    subject = tab.input_value("[data-sh-draft=email] [data-sh-draft-subject]")
    assert subject == "Re: A small mentoring request – how to run my first customer interview"
    assert not any(problems.as_dict().values()), problems.as_dict()
    mentor.close()


def test_an_open_ended_or_vague_yes_is_flagged_citing_tip_5(page: Page, base_url: str) -> None:
    open_reply(page, base_url)
    fill(page, {**SUMMED_UP, "meetings": "3", "weeks": "4"})
    answer(page, "yes")
    expect(coaching(page, "yes-ok")).to_be_visible()
    page.fill("#sh-field-first_step", "meet as often as you like")
    note = coaching(page, "open-ended")
    expect(note).to_contain_text("as often as you")
    cite = note.get_by_role("link", name="Tip 5: Keep to the agreement")
    expect(cite).to_have_attribute("href", f"{base_url}tips/keep-the-agreement/#in-practice")
    page.fill("#sh-field-first_step", "")
    page.fill("#sh-field-weeks", "")
    vague = coaching(page, "vague-timebox")
    expect(vague).to_be_visible()
    expect(vague.get_by_role("link", name="Tip 5: Keep to the agreement")).to_be_visible()
    vague.get_by_role("link", name="Change this").click()
    expect(page.locator("#sh-field-meetings")).to_be_focused()


def test_each_answer_shows_its_own_details_and_drafts_its_reply(page: Page, base_url: str) -> None:
    open_reply(page, base_url)
    fill(page, SUMMED_UP)
    expect(page.locator("#sh-field-later")).to_be_hidden()
    answer(page, "not-now")
    expect(page.locator("#sh-field-later")).to_be_visible()
    expect(page.locator("#sh-field-first_step")).to_be_hidden()
    expect(coaching(page, "no-when")).to_be_visible()
    page.fill("#sh-field-later", "after our launch in March")
    expect(email(page)).to_have_value(containing("I could look at this again after our launch"))
    answer(page, "smaller")
    expect(page.locator("#sh-field-later")).to_be_hidden()
    page.fill("#sh-field-new_meetings", "2")
    page.fill("#sh-field-new_weeks", "3")
    page.fill("#sh-field-narrower", "just your review checklist")
    expect(email(page)).to_have_value(containing("I'd suggest we focus on your review checklist."))
    expect(email(page)).not_to_have_value(containing("March"))
    answer(page, "someone-else")
    page.fill("#sh-field-referral_name", "Dana Ruiz")
    page.fill("#sh-field-referral_why", "runs our review guild")
    expect(email(page)).to_have_value(
        containing("I'd suggest Dana Ruiz, who runs our review guild.")
    )
    page.check("input[name=tone][value=formal]")
    expect(email(page)).to_have_value(containing("Dear Sam,"))


def test_a_pasted_message_fills_in_the_numbers_left_blank(page: Page, base_url: str) -> None:
    open_reply(page, base_url)
    fill(page, {**SUMMED_UP, "pasted": "Would you do two 45-minute calls over three weeks?"})
    answer(page, "yes")
    expect(page.locator("[data-sh-message=meetings]")).to_contain_text("Read from their message")
    expect(email(page)).to_have_value(containing("Two 45-minute video calls over three weeks"))


def test_the_reply_and_the_request_survive_a_reload(
    page: Page, context: BrowserContext, base_url: str
) -> None:
    query = "v=1&f=" + quote("how to plan a sprint") + "&p=Zo%C3%AB&n=Ines&m=2"
    open_reply(page, base_url, f"#{query}")
    expect(page.locator("[data-sh-linked]")).to_contain_text("how to plan a sprint")
    answer(page, "no")
    page.fill("#sh-field-reason", "my diary is full until June")
    page.wait_for_timeout(500)  # the autosave waits for a pause in typing
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("[data-sh-linked]")).to_contain_text("how to plan a sprint")
    assert page.is_checked("input[name=response][value=no]")
    assert page.input_value("#sh-field-reason") == "my diary is full until June"
    expect(email(page)).to_have_value(containing("Hi Zoë,"))
    expect(email(page)).to_have_value(containing("My diary is full until June."))

    # Another protégé's link: a fresh reply, and the earlier one offered back.
    open_reply(page, base_url, "#v=1&f=" + quote("how to price a workshop") + "&p=Li")
    assert not page.is_checked("input[name=response][value=no]")
    expect(page.locator("[data-sh-linked]")).to_contain_text("how to price a workshop")
    page.get_by_role("button", name="Go back to my earlier reply").click()
    expect(page.locator("[data-sh-linked]")).to_contain_text("how to plan a sprint")
    assert page.input_value("#sh-field-reason") == "my diary is full until June"


def test_copy_mailto_and_download_carry_the_reply(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    open_reply(page, base_url)
    fill(page, {**SUMMED_UP, "protege_email": "sam@example.org"})
    fill(page, {"meetings": "2", "minutes": "30", "weeks": "3"})
    answer(page, "yes")
    expect(page.locator("[data-sh-send-state]")).to_contain_text("ready")
    page.wait_for_selector("[data-sh-reply][data-sh-busy='false']")  # the last answer is in
    body = email(page).input_value()
    page.click("[data-sh-copy=primary]")
    expect(page.locator("[data-sh-feedback]")).to_contain_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == f"Subject: Re: your mentoring request\n\n{body}"
    href = page.get_attribute("[data-sh-mailto]", "href")
    parts = urlsplit(href)
    assert unquote(parts.path) == "sam@example.org"
    assert parse_qs(parts.query)["body"][0].replace("\r\n", "\n") == body
    for kind, name in (("text", "mentoring-reply.txt"), ("markdown", "mentoring-reply.md")):
        with page.expect_download() as download:
            page.click(f"[data-sh-download={kind}]")
        assert download.value.suggested_filename == name
        saved = tmp_path / name
        download.value.save_as(saved)
        assert "Two 30-minute video calls over three weeks works for me" in saved.read_text()


def test_sending_waits_for_an_answer_and_both_names(page: Page, base_url: str) -> None:
    open_reply(page, base_url)
    assert page.locator("[aria-invalid=true]").count() == 0  # a calm first visit
    page.click("[data-sh-copy=primary]")
    expect(page.locator("[data-sh-feedback]")).to_contain_text("Not yet")
    expect(page.locator("[data-sh-problems] li")).to_have_count(3)
    page.locator("[data-sh-problems] a", has_text="Pick your answer").click()
    expect(page.locator("input[name=response]").first).to_be_focused()


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_input_shows_as_text(page: Page, base_url: str, payload: str) -> None:
    open_reply(page, base_url)
    answer(page, "someone-else")
    fill(page, {"protege_name": payload, "mentor_name": payload, "referral_name": payload})
    for name in TEXT_FIELDS:
        if page.locator(f"#sh-field-{name}").is_visible():
            page.fill(f"#sh-field-{name}", payload)
    expect(email(page)).to_have_value(containing(payload))
    assert page.locator(".sh-reply img, .sh-reply svg:not(.md-icon svg)").count() == 0
    assert page.locator(".sh-reply script:not([type])").count() == 0


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_values_in_a_link_show_as_text(page: Page, base_url: str, payload: str) -> None:
    open_reply(page, base_url, f"#v=1&f={quote(payload)}&p={quote(payload)}&c={quote(payload)}")
    expect(page.locator("[data-sh-linked]")).to_contain_text(payload)
    answer(page, "yes")
    expect(email(page)).to_have_value(containing(payload))
    assert page.locator(".sh-reply img").count() == 0


def test_the_form_works_from_the_keyboard(page: Page, base_url: str) -> None:
    open_reply(page, base_url, "#v=1&f=" + quote("how to run a retro") + "&p=Sam&n=Alex")
    page.focus("#sh-field-protege_name")
    page.keyboard.press("Shift+Tab")  # back to the answers (the group's last radio)
    page.keyboard.press("ArrowDown")  # an arrow picks the next answer: round to the first
    assert page.is_checked("input[name=response][value=yes]")
    expect(email(page)).to_have_value(containing("works for me"))


def test_start_over_asks_first(page: Page, base_url: str) -> None:
    open_reply(page, base_url, "#v=1&f=x+y+z+w&p=Sam")
    answer(page, "no")
    page.click("[data-sh-reset]")
    page.click("[data-sh-reset-cancel]")
    assert page.is_checked("input[name=response][value=no]")
    page.click("[data-sh-reset]")
    page.click("[data-sh-reset-confirm]")
    expect(page.locator("[data-sh-linked]")).to_be_hidden()
    assert not page.is_checked("input[name=response][value=no]")
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("[data-sh-linked]")).to_be_hidden()
    assert page.input_value("#sh-field-protege_name") == ""


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [(DESKTOP, "light"), (PHONE, "light"), (DESKTOP, "dark")],
    ids=["desktop", "phone", "desktop-dark"],
)
def test_the_helper_is_accessible_and_fits_a_phone(
    page: Page, base_url: str, viewport: dict, scheme: str
) -> None:
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    open_reply(page, base_url, "#v=1&f=" + quote("how to run a retro") + "&p=Sam&n=Alex&m=7")
    answer(page, "yes")
    expect(coaching(page, "no-longer-micro")).to_be_visible()
    for state in ("linked", "summed up"):
        assert axe_violations(page) == [], state
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{state}: {overflow}px of horizontal scroll"
        if state == "linked":
            page.click("[data-sh-unlink]")
            answer(page, "smaller")
            expect(page.locator("#sh-field-new_meetings")).to_be_visible()
