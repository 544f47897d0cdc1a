"""Journey 5: asking in person (issue #25). A colleague the reader sees often: the coach
says to ask face to face; the reader chooses it, reads what to say, prints it on a card,
asks, notes "they'll think about it", sends the written summary, then the yes, the
meetings, and the thank-you.

Walked whole at 1280 and 390 px with a reload in the middle, reading the screen after
each step (`journeys.Walk`), by keyboard where a reader would use it.
"""

from __future__ import annotations

import re

import pytest
from journeys import Walk, guards_held, new_reader, weekday_ahead, working_days_before
from playwright.sync_api import Browser
from sitekit import SAMPLE_REQUEST, axe_violations

pytestmark = pytest.mark.browser

# The text the page prints for the card, as the printer would get it: the page in print
# media, read as rendered (hidden parts have no text). `print()` itself would open the
# browser's dialog; it is only recorded.
PRINTED = "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }"


def card_text(walk: Walk) -> str:
    page = walk.page
    page.emulate_media(media="print")
    text = page.evaluate("() => document.body.innerText")
    page.emulate_media(media="screen")
    return text


@pytest.mark.parametrize("width", ["1280", "390"])
def test_asked_in_person_then_the_summary_then_yes_then_the_thank_you(
    browser: Browser, base_url: str, width: str
) -> None:
    walk, context, problems = new_reader(browser.new_context, base_url, width)
    page = walk.page
    walk.open()

    walk.step("a colleague I see often, asked by email")
    walk.type({**SAMPLE_REQUEST, "first_date": weekday_ahead(1).isoformat()})
    walk.go_to("mentor")
    page.get_by_label("We talk often").check()
    walk.sees(page.locator("[data-sh-tip='3']"), "You see them often: ask in person")

    walk.step("in person, chosen")
    page.get_by_label("In person or on a call").check()
    walk.lacks(page.locator("[data-sh-tip='3']"), "ask in person",
               "the advice to ask in person stays once chosen")  # fmt: skip
    spoken = walk.draft("spoken")
    walk.true(page.locator("[data-sh-draft=spoken]").evaluate("e => e.open"),
              "the draft to say is not open")  # fmt: skip
    walk.value(spoken, re.compile(r"What to say \(\w+ lines, about \d+ seconds\):\nHi Jonas\."))
    walk.value(spoken, re.compile("“Have you got five minutes this week?"))
    walk.value(spoken, re.compile("Would you have time for three 30-minute video calls"))

    walk.step("step 5: go and ask, not send")
    walk.go_to("review")
    walk.sees(page.locator("[data-sh-send-state]"), "then go and ask")
    walk.hidden(page.locator("[data-sh-mailto]"), "a mail link for a request said in person")
    walk.sees(page.locator("[data-sh-copy=primary]"), "Copy what to say")
    walk.true(axe_violations(page) == [], "axe, step 5 when asking in person")

    walk.step("print it on a card, by keyboard")
    page.evaluate(PRINTED)
    card = page.locator("[data-sh-print-card]")
    card.focus()
    page.keyboard.press("Enter")
    walk.true(page.evaluate("() => window.__printed") == 1, "the card was not printed")
    printed = card_text(walk)
    walk.true("Would you have time for three 30-minute video calls" in printed,
              f"the card lacks what to say: {printed[:200]!r}")  # fmt: skip
    walk.true("Three things to agree on:" in printed, "the card lacks the three things")
    for elsewhere in ("Five-tip checklist", "Subject", "Request builder", "Short Haul"):
        walk.true(elsewhere not in printed, f"the card prints {elsewhere!r} too")

    walk.step("a reload in the middle")
    walk.reload()
    walk.go_to("mentor")
    walk.true(page.get_by_label("In person or on a call").is_checked(), "the way of asking lost")

    walk.step("asked; they'll think about it")
    walk.go_to("after")
    walk.sees(page.locator("label[for=sh-after-sent_on]"), "I asked them on")
    walk.sees(page.locator("[data-sh-after-state]"), "When you have asked them")
    asked_on, *meetings = working_days_before(4)  # asked, then three meetings, all past
    page.fill("#sh-after-sent_on", asked_on.isoformat())
    walk.hidden(walk.draft("follow_up"), "a follow-up for a request answered on the spot")
    walk.hidden(page.locator("#sh-after-followed_up_on"), "'I followed up on' before a reply")
    page.get_by_label("They'll think about it").check()
    summary = walk.draft("summary")
    walk.value(summary, re.compile(r"Thank you for hearing me out on \w+day \d+ \w+\. So that"))
    walk.value(page.locator("[data-sh-draft=summary] [data-sh-draft-subject]"),
               re.compile("^Following our conversation – how to run my first"))  # fmt: skip
    walk.sees(page.locator("[data-sh-after-state]"), "give them a week")
    walk.visible(page.locator("#sh-after-followed_up_on"), "no place to note the one follow-up")

    walk.step("they said yes")
    page.get_by_label("Yes", exact=True).check()
    walk.hidden(walk.draft("summary"), "the summary stays after a yes")
    confirmation = walk.draft("confirmation")
    walk.value(confirmation, re.compile(r"Thank you so much for saying yes when we spoke on"))
    walk.value(confirmation, re.compile(r"- Call 1: \w+day \d+ \w+"))
    walk.lacks(page.locator("[data-sh-draft=confirmation] [data-sh-draft-subject]"), "Re:")

    walk.step("three meetings held, then the thank-you")
    walk.go_to("log")
    for index, day in enumerate(meetings):
        page.click("[data-sh-log-add]")
        page.fill(f"#sh-log-{index}-date", day.isoformat())
        page.fill(f"#sh-log-{index}-advice", f"Advice number {index + 1} on interviews")
    page.check("[data-sh-after-field=ended]")
    walk.value(walk.draft("thanks_log"), re.compile("Thank you for our three calls on how"))

    guards_held(walk, problems)
    context.close()
    walk.done()
