"""A mentor's whole journey in headless Chromium, as they would walk it: a protégé's link
that proposes dates, a yes that accepts the first date, a reload, a smaller yes that
counters it in the mentor's own words, then a no. Typing and clicking only; after each
step, what is on screen: the request as shown, the fields shown and hidden, the drafts.

The link is made as the builder's "Copy a link for your mentor" makes it: the builder's
own `to_query` of the protégé's answers, in the fragment of /mentors/reply/.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from journeys import reload_when_quiet, type_into
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sitekit import DESKTOP, PHONE, WATCH_CSP, axe_violations, guarded_page

from builder.keeping.state import to_query
from builder.request import dates
from builder.request.drafts import proposals
from builder.request.validate import validate

pytestmark = pytest.mark.browser

READY = "[data-sh-reply][data-sh-ready='true']"
# A Tuesday three to four weeks ahead: the request's first date, still to come.
AHEAD = date.today() + timedelta(days=21)
START = AHEAD + timedelta(days=(1 - AHEAD.weekday()) % 7)
REQUEST = {
    "focus": "how to run my first customer interview",
    "outcome": "I have run two interviews on my own and written up what I learned",
    "protege_name": "Amira Haddad",
    "protege_email": "amira.haddad@example.org",
    "mentor_name": "Jonas",
    "connection": "we worked together on last year's launch",
    "meetings": "3",
    "minutes": "30",
    "weeks": "4",
    "first_date": START.isoformat(),
    "weekday": "tue",
    "meeting_time": "12:30",
    "preparation": "send you my questions two days before each call",
    "report_back": "what I tried from your last advice, and what happened",
}
COUNTER = "I'm travelling then, how about the 10th"


def proposed_labels(values: dict[str, str]) -> list[str]:
    """The dates the protégé's own email proposes, as it names them, by today's date."""
    request, _ = validate(values)
    return [dates.when(meeting, date.today()) for meeting in proposals(request, date.today())[0]]


def reply_link(base_url: str, values: dict[str, str] = REQUEST) -> str:
    return f"{base_url}mentors/reply/#{to_query(values)}"


@pytest.fixture
def context(browser: Browser, request: pytest.FixtureRequest) -> BrowserContext:
    context = browser.new_context(viewport=getattr(request, "param", DESKTOP))
    context.add_init_script(WATCH_CSP)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, base_url: str):
    yield from guarded_page(context, base_url)


def wait_ready(page: Page) -> None:
    page.wait_for_selector(READY, timeout=60_000)
    expect(email(page)).not_to_be_empty(timeout=30_000)


def email(page: Page):
    return page.locator("[data-sh-draft=email] [data-sh-draft-text]")


def chat(page: Page):
    return page.locator("[data-sh-draft=chat] [data-sh-draft-text]")


def request_view(page: Page):
    return page.locator("[data-sh-linked]")


def row(page: Page, label: str) -> str:
    """The text of one row of the request as shown ("" when there is none)."""
    terms = request_view(page).locator("dt")
    for index in range(terms.count()):
        if terms.nth(index).inner_text() == label:
            return request_view(page).locator("dd").nth(index).inner_text()
    return ""


def date_choice(page: Page):
    return page.get_by_role("group", name="Does their first date suit you?")


def instead(page: Page):
    return page.get_by_label("What would suit you instead? (optional)")


@pytest.mark.parametrize("context", [DESKTOP, PHONE], ids=["1280", "390"], indirect=True)
def test_a_mentor_answers_a_request_that_proposes_dates(page: Page, base_url: str) -> None:
    labels = proposed_labels(REQUEST)
    first = labels[0]
    assert first.startswith("Tuesday ")
    assert first.endswith(" at 12:30")

    # 1. The protégé's link: their request, with the dates their email proposes.
    page.goto(reply_link(base_url))
    wait_ready(page)
    expect(request_view(page)).to_be_visible()
    expect(request_view(page)).to_contain_text(REQUEST["focus"])
    assert row(page, "Proposed dates") == f"{labels[0]}, {labels[1]} and {labels[2]}."
    expect(page.get_by_label("Their email (optional)")).to_have_value(REQUEST["protege_email"])
    expect(date_choice(page)).to_be_hidden()  # no answer yet

    # 2. Yes, as they propose: the first date is accepted, no times asked for.
    page.get_by_label("Yes, as they propose").check()
    expect(date_choice(page)).to_be_visible()
    expect(page.get_by_label("Yes, it suits me")).to_be_checked()
    expect(instead(page)).to_be_hidden()
    expect(email(page)).to_be_visible()
    accepted = f"{first} suits me for our first call."
    expect(email(page)).to_have_value(re.compile(re.escape(accepted)))
    expect(email(page)).not_to_have_value(re.compile("times"))
    expect(chat(page)).to_have_value(re.compile(re.escape(accepted)))
    page.wait_for_timeout(500)  # the autosave waits for a pause

    # 3. A reload: the request, its dates, the answer and the draft are all kept.
    reload_when_quiet(page)
    wait_ready(page)
    expect(request_view(page)).to_be_visible()
    assert row(page, "Proposed dates").startswith(first)
    expect(page.get_by_label("Yes, as they propose")).to_be_checked()
    expect(date_choice(page)).to_be_visible()
    expect(page.get_by_label("Yes, it suits me")).to_be_checked()
    expect(email(page)).to_have_value(re.compile(re.escape(accepted)))
    expect(page.get_by_label("Their email (optional)")).to_have_value(REQUEST["protege_email"])

    # 4. Yes, but smaller, and the date countered in the mentor's own words.
    page.get_by_label("Yes, but smaller or different").check()
    type_into(page, "How many meetings can you offer?", "2")
    expect(date_choice(page)).to_be_visible()
    page.get_by_label("No, I'll suggest another time").check()
    expect(instead(page)).to_be_visible()
    type_into(page, "What would suit you instead? (optional)", COUNTER)
    countered = f"{first} doesn't suit me for our first call, I'm afraid. {COUNTER}?"
    expect(email(page)).to_have_value(re.compile(re.escape(countered)))
    expect(email(page)).to_have_value(re.compile("Could we make it two 30-minute video calls"))
    expect(email(page)).not_to_have_value(re.compile("suits me"))
    expect(chat(page)).to_have_value(re.compile(re.escape(countered)))
    # The new controls, shown, pass axe and fit the screen.
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth - innerWidth") <= 0

    # 5. No: the date's details go, and so does the date from the draft.
    page.get_by_label("No", exact=True).check()
    expect(date_choice(page)).to_be_hidden()
    expect(instead(page)).to_be_hidden()
    expect(email(page)).to_have_value(re.compile("I'm sorry, but I can't take this on."))
    expect(email(page)).not_to_have_value(re.compile(re.escape(first)))
    expect(email(page)).not_to_have_value(re.compile("10th"))


def test_their_email_comes_from_the_link(page: Page, base_url: str) -> None:
    page.goto(reply_link(base_url))
    wait_ready(page)
    expect(page.get_by_label("Their email (optional)")).to_have_value(REQUEST["protege_email"])
    page.get_by_label("Yes, as they propose").check()
    mail = page.get_by_role("link", name="Open in your mail app")
    expect(mail).to_have_attribute("href", re.compile(r"^mailto:amira\.haddad@example\.org\?"))


def test_a_yes_to_dates_does_not_ask_for_times(page: Page, base_url: str) -> None:
    page.goto(reply_link(base_url))
    wait_ready(page)
    page.get_by_label("Yes, as they propose").check()
    expect(email(page)).to_have_value(re.compile(re.escape(proposed_labels(REQUEST)[0])))
    expect(email(page)).not_to_have_value(re.compile("two or three times"))


def test_without_a_first_day_the_dates_start_a_week_after_today(page: Page, base_url: str) -> None:
    values = {**REQUEST, "first_date": "", "weekday": "wed", "meetings": "2"}
    labels = proposed_labels(values)
    assert len(labels) == 2
    assert labels[0].startswith("Wednesday ")
    page.goto(reply_link(base_url, values))
    wait_ready(page)
    assert row(page, "Proposed dates") == f"{labels[0]} and {labels[1]}."
    page.get_by_label("Yes, as they propose").check()
    expect(email(page)).to_have_value(re.compile(re.escape(f"{labels[0]} suits me")))


def test_a_request_without_dates_reads_as_before(page: Page, base_url: str) -> None:
    values = {**REQUEST, "first_date": "", "weekday": "", "meeting_time": ""}
    page.goto(reply_link(base_url, values))
    wait_ready(page)
    assert row(page, "Proposed dates") == ""
    page.get_by_label("Yes, as they propose").check()
    expect(email(page)).to_have_value(
        re.compile(re.escape("could you suggest two or three times for our first call?"))
    )
    expect(date_choice(page)).to_be_hidden()


def test_the_first_date_is_answered_from_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(reply_link(base_url))
    wait_ready(page)
    page.get_by_label("Yes, as they propose").check()
    accept = page.get_by_label("Yes, it suits me")
    expect(accept).to_be_visible()
    accept.focus()
    page.keyboard.press("ArrowDown")  # the next choice of the group: counter
    expect(page.get_by_label("No, I'll suggest another time")).to_be_checked()
    expect(instead(page)).to_be_visible()
    page.keyboard.press("Tab")
    expect(instead(page)).to_be_focused()
    page.keyboard.type("any afternoon next week")
    expect(email(page)).to_have_value(re.compile(r"Instead, how about any afternoon next week\?"))


def test_every_label_on_screen_says_what_it_is_for(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}mentors/reply/")
    wait_ready(page)
    page.get_by_label("Yes, but smaller or different").check()
    expect(page.get_by_label("How many meetings can you offer?")).to_be_visible()
    shown = page.locator(
        ".sh-reply__step:visible .sh-field__label:visible, .sh-reply__step:visible legend:visible"
    ).all_inner_texts()
    labels = [" ".join(text.replace("(required)", "").split()) for text in shown]
    assert len(labels) == len(set(labels)), sorted(labels)
    for label in (
        "Over how many weeks did they ask for?",
        "Over how many weeks can you offer?",
        "Minutes per meeting they asked for",
        "Minutes per meeting you can offer",
    ):
        assert label in labels, label
