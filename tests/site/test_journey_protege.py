"""Journey 1: a protégé drafts a request, reads every draft, sends it, and shares it.

Walked whole, as a reader does, at 1280 and 390 px, with a reload in the middle, reading
the screen after each step (see `journeys.Walk`). Each slip issue #22 reported is a
check on the way: a first visit that starts below the fold, step labels broken inside
words, a past first date proposed, "over week", dates a fortnight then a week apart, the
message below its buttons on a phone, a stale status line, calendar UIDs shared by every
reader and no organiser, a link opened in a tab already on the builder doing nothing,
and "New request" leaving the reader on step 2 without their name.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from journeys import WORD_BREAKS, Walk, guards_held, new_reader, weekday_ahead
from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError
from sitekit import SAMPLE_REQUEST

from builder.request.dates import day_label

pytestmark = pytest.mark.browser

ME = {**SAMPLE_REQUEST, "protege_email": "amira@example.org"}
TUESDAY = weekday_ahead(1)


def keys_to_the_first_question(walk: Walk) -> int:
    """Key presses from the top of a fresh page to the first question, taking the skip
    links on the way as a keyboard user does (Tab, and Enter on a skip link)."""
    page = walk.page
    presses = 0
    while presses < 60:
        page.keyboard.press("Tab")
        presses += 1
        focused = page.evaluate(
            "() => [document.activeElement.id, document.activeElement.textContent.trim()]"
        )
        if focused[0] == "sh-field-focus":
            return presses
        if focused[1].startswith("Skip to"):
            page.keyboard.press("Enter")
            presses += 1
            if page.evaluate("() => document.activeElement.id") == "sh-field-focus":
                return presses
    return presses


def events(path: Path) -> list:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


@pytest.mark.parametrize("width", ["1280", "390"])
def test_a_protege_drafts_sends_and_shares_a_request(
    browser: Browser, base_url: str, width: str, tmp_path: Path
) -> None:
    walk, context, problems = new_reader(browser.new_context, base_url, width)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = walk.page

    walk.step("a first visit")
    walk.open()
    walk.hidden(page.locator("[data-sh-requests]"), "a requests bar with nothing to choose")
    if width == "1280":
        walk.in_view(page.locator("#sh-field-focus"), "the first question is below the fold")
    presses = keys_to_the_first_question(walk)
    walk.true(presses <= 8, f"the first question is {presses} key presses from the top")
    broken = page.evaluate(WORD_BREAKS, ".sh-progress__title")
    walk.true(not broken, f"step labels break inside words: {broken}")

    walk.step("step 1: the focus")
    page.fill("#sh-field-focus", ME["focus"])
    page.fill("#sh-field-outcome", ME["outcome"])
    walk.value(walk.draft("email"), re.compile(re.escape(ME["focus"])))
    walk.next()

    walk.step("step 2: the mentor")
    for name in ("protege_name", "protege_email", "mentor_name", "mentor_email", "connection"):
        page.fill(f"#sh-field-{name}", ME[name])
    walk.value(walk.draft("email"), re.compile(r"^Hi Jonas,"))
    walk.next()

    walk.step("step 3: a first date in the past")
    page.fill("#sh-field-first_date", "2020-01-01")
    page.locator("#sh-field-first_date").blur()
    walk.sees(page.locator("#sh-field-first_date-message"), "That day has passed")
    walk.lacks(walk.draft("email"), "2020", "a past first date is proposed in the email")

    walk.step("step 3: a weekday alone")
    page.fill("#sh-field-first_date", "")
    page.check("input[name=weekday][value=tue]")
    walk.sees(
        page.locator("#sh-field-first_date-help"),
        "with only a day of the week or a time, the dates start a week from today",
        "the help says the request says nothing about dates, yet a weekday lists them",
    )
    walk.value(walk.draft("email"), re.compile("Dates, if they suit you: Tuesday"))

    walk.step("step 3: one week")
    page.fill("#sh-field-meetings", "2")
    page.fill("#sh-field-weeks", "1")
    page.check("input[name=weekday][value='']")
    walk.value(walk.draft("email"), re.compile("Two 30-minute video calls over one week"))
    walk.lacks(walk.draft("email"), "over week")

    walk.step("step 3: three Tuesdays over four weeks")
    page.fill("#sh-field-meetings", "3")
    page.fill("#sh-field-weeks", "4")
    page.fill("#sh-field-first_date", TUESDAY.isoformat())
    page.check("input[name=weekday][value=tue]")
    page.fill("#sh-field-meeting_time", "14:00")
    tuesdays = [TUESDAY + timedelta(days=7 * n) for n in range(3)]
    labels = [day_label(day, date.today()) for day in tuesdays]
    spaced = re.compile(re.escape(f"{labels[0]}, {labels[1]} and {labels[2]}"))
    walk.value(walk.draft("email"), spaced, "three meetings over four weeks are not a week apart")

    walk.step("a reload in the middle")
    walk.reload()
    walk.visible(page.locator("#step-timebox"), "the reload did not come back to step 3")
    walk.value(page.locator("#sh-field-first_date"), TUESDAY.isoformat())
    walk.value(page.locator("#sh-field-meeting_time"), "14:00")
    walk.go_to("mentor")
    walk.value(page.locator("#sh-field-protege_email"), ME["protege_email"])
    walk.go_to("commitments")

    walk.step("step 4: my side of the deal")
    page.fill("#sh-field-preparation", ME["preparation"])
    page.fill("#sh-field-report_back", ME["report_back"])
    walk.next()

    walk.step("step 5: review")
    walk.sees(page.locator("[data-sh-send-state]"), "ready")
    email = walk.draft("email")
    walk.visible(email, "the message to send is not on screen in step 5")
    if width == "390":
        walk.above(page.locator("[data-sh-draft=email]"), page.locator("[data-sh-mailto]"),
                   "on a phone the message sits below the buttons that send it")  # fmt: skip
    walk.lacks(email, "[", "a placeholder left in the finished email")
    for name in ("chat", "plan", "report_back", "thank_you"):
        page.locator(f"[data-sh-draft={name}] summary").click()  # each pane opens to be read
        walk.value(walk.draft(name), re.compile("Jonas"), f"the {name} draft")

    walk.step("step 5: copy, download, calendar")
    page.locator("[data-sh-copy=primary]").click()
    walk.sees(page.locator("[data-sh-send] [data-sh-feedback]"), "Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    walk.true(copied.endswith(email.input_value()), "the clipboard holds another text")
    text = walk.download("[data-sh-download=text]", tmp_path)
    walk.true(email.input_value() in text.read_text(encoding="utf-8"), "the download differs")
    walk.sees(page.locator("[data-sh-send] [data-sh-feedback]"), f"Downloaded {text.name}")
    mine = events(walk.download("#step-review [data-sh-calendar=mine]", tmp_path))
    walk.sees(page.locator("#step-review [data-sh-calendar-feedback]"), "Downloaded")
    walk.hidden(page.locator("[data-sh-send] [data-sh-feedback]"),
                "the text download's line stays beside the calendar's")  # fmt: skip
    walk.true([e.decoded("DTSTART").date() for e in mine] == tuesdays, "calendar dates")
    walk.true(all(str(e.get("ORGANIZER")) == "mailto:amira@example.org" for e in mine),
              "the calendar's events name no organiser")  # fmt: skip
    uids = {str(e["UID"]) for e in mine}
    walk.true(not any(uid.startswith("r-822f8ebc4a") for uid in uids), "the blank form's UID")
    theirs = walk.download("#step-review [data-sh-calendar=mentor]", tmp_path)
    calendar = icalendar.Calendar.from_ical(theirs.read_bytes())
    walk.true(calendar.get("METHOD") == "REQUEST", "the mentor's file is no invitation")
    walk.true({str(e["UID"]) for e in calendar.walk("VEVENT")} == uids, "UIDs differ")

    walk.step("a share link, in a fresh browser")
    page.locator("[data-sh-share='']").click()
    link = page.evaluate("() => navigator.clipboard.readText()")
    other, other_context, other_problems = new_reader(browser.new_context, base_url, width)
    other.page.goto(link)
    other.wait_ready()
    other.value(other.draft("email"), email.input_value(), "the link's email differs")
    other.go_to("review")
    calendar_other = events(other.download("#step-review [data-sh-calendar=mine]", tmp_path))
    walk.true(not uids & {str(e["UID"]) for e in calendar_other},
              "two browsers' first requests send the same calendar UIDs")  # fmt: skip
    guards_held(other, other_problems)
    other_context.close()
    walk.slips += other.slips

    walk.step("a link opened in a tab already on the builder")
    walk.idle()
    try:  # pasted into the address bar: only the fragment changes
        with page.expect_event("load", timeout=20_000):
            page.goto(f"{base_url}builder/#v=1&f=how+to+price+a+consulting+offer&m=2&w=99")
    except PlaywrightError:
        walk.slip("the link opened in place is not read until a reload")
    walk.wait_ready()
    walk.value(page.locator("#sh-field-focus"), "how to price a consulting offer",
               "the link opened in place filled nothing in")  # fmt: skip
    offer = page.locator("[data-sh-notices] .sh-notice__action")
    walk.in_view(offer, "the offer to go back to my own draft is out of sight")
    walk.sees(page.locator("[data-sh-notices]"), "Your own saved draft is kept")
    if walk.visible(offer, "no offer to go back to my own draft"):
        offer.click()
        walk.step("my own draft back")
        walk.value(page.locator("#sh-field-focus"), ME["focus"])
        walk.sees(page.locator("[data-sh-notices]"), "Your own saved draft is back")
        walk.lacks(page.locator("[data-sh-notices]"), "weeks", "the link's notices stay")
        page.wait_for_timeout(800)
        names = [r["name"] for r in walk.stored()["requests"]]
        walk.true(len(names) == 1, f"the link's request stays in the list: {names}")

    walk.step("a new request, from step 2")
    walk.go_to("mentor")
    page.locator("[data-sh-requests-files] [data-sh-requests-new]").click()
    walk.visible(page.locator("#step-focus"), "a new request stays on step 2")
    walk.value(page.locator("#sh-field-focus"), "")
    walk.go_to("mentor")
    walk.value(page.locator("#sh-field-protege_name"), ME["protege_name"],
               "a new request forgets my name")  # fmt: skip
    walk.value(page.locator("#sh-field-mentor_name"), "")
    walk.go_to("timebox")
    walk.value(page.locator("#sh-field-meetings"), "3", "a new request lacks the defaults")
    walk.visible(page.locator("[data-sh-requests]"), "two requests, and no bar to choose")

    guards_held(walk, problems)
    context.close()
    walk.done()
