"""After the ask in headless Chromium: dates and calendar files, replies, the meeting
log, several requests, export and import, and the upgrade from today's saved draft."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import icalendar
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

READY = "[data-sh-builder][data-sh-ready='true']"
OPENED = "[data-sh-builder][data-sh-opened=true]"
NEW_BELOW = "[data-sh-requests-files] [data-sh-requests-new]"
STEP_OF = step_of()
DOCUMENT_KEY = "shorthaul.builder.requests"
OLD_KEY = "shorthaul.builder.draft"
# A Tuesday some weeks ahead, so the proposed dates are in the future.
START = date.today() + timedelta(days=21 + (1 - (date.today() + timedelta(days=21)).weekday()) % 7)


@pytest.fixture
def context(browser: Browser) -> BrowserContext:
    # A zone with summer time, so the calendar's times are stated with their zone.
    context = browser.new_context(
        viewport=DESKTOP, accept_downloads=True, timezone_id="Europe/Berlin"
    )
    context.add_init_script(WATCH_CSP)
    yield context
    context.close()


@pytest.fixture
def builder_page(context: BrowserContext, base_url: str):
    yield from guarded_page(context, base_url)


def open_builder(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}builder/")
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_selector(OPENED, timeout=30_000)


def go_to(page: Page, step: str) -> None:
    # Enter on the step's link, as a keyboard user does: a mouse click at coordinates can
    # land beside a link the page has just scrolled (clicks are tested elsewhere).
    page.locator(f".sh-progress__link[data-sh-goto={step}]").press("Enter")
    expect(page.locator(f"#step-{step}")).to_be_visible()


def fill(page: Page, values: dict[str, str]) -> None:
    for name, value in values.items():
        go_to(page, STEP_OF[name])
        page.fill(f"#sh-field-{name}", value)


def draft(page: Page, name: str):
    return page.locator(f"[data-sh-draft={name}] [data-sh-draft-text]")


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"() => localStorage.getItem('{DOCUMENT_KEY}')"))


def download(page: Page, selector: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(selector)
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def ics_events(path: Path) -> list:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_from_the_request_to_the_thank_you(
    builder_page: Page, base_url: str, tmp_path: Path
) -> None:
    page = builder_page
    open_builder(page, base_url)
    fill(page, {**SAMPLE_REQUEST, "first_date": START.isoformat(), "meeting_time": "14:00"})
    go_to(page, "timebox")
    page.check("input[name=weekday][value=tue]")
    expect(draft(page, "email")).to_have_value(re.compile(r"Would Tuesday \d+ \w+ at 14:00 suit"))
    expect(draft(page, "plan")).to_have_value(re.compile(r"Call 2 of 3 \(Tuesday"))

    # The calendar file from the review step: one event per meeting, in Berlin time.
    # Its library is loaded then, not before (nor is it in the snapshot).
    def calendar_wheels() -> list[str]:
        names = [url.rsplit("/", 1)[-1] for url in page.problems.requested]
        return [n for n in names if n.startswith(("icalendar-", "tzdata-", "python_dateutil"))]

    assert calendar_wheels() == []
    go_to(page, "review")
    events = ics_events(download(page, "#step-review [data-sh-calendar=mine]", tmp_path))
    assert len(calendar_wheels()) == 3
    assert events[0].decoded("DTSTART").date() == START
    assert all(str(e.decoded("DTSTART").tzinfo) == "Europe/Berlin" for e in events)
    assert all(e.decoded("DTSTART").hour == 14 for e in events)
    assert len(events) == 3
    assert events[0].walk("VALARM"), "the reader's copy reminds them to prepare"
    uids = [str(e["UID"]) for e in events]

    # Sent, then a yes: the confirmation lists the dates; the mentor's file has no alarms.
    go_to(page, "after")
    page.click("[data-sh-after-today=sent_on]")
    expect(draft(page, "follow_up")).to_be_visible()
    page.check("input[name='after.reply'][value=yes]")
    expect(draft(page, "follow_up")).to_be_hidden()
    confirmation = draft(page, "confirmation")
    expect(confirmation).to_have_value(re.compile(r"- Call 1: Tuesday \d+ \w+ at 14:00"))
    expect(confirmation).to_have_value(re.compile("I've attached a calendar file"))
    mail = page.locator("[data-sh-after-mail=confirmation]")
    expect(mail).to_have_attribute("href", re.compile("^mailto:jonas@example.org"))
    theirs = ics_events(download(page, "#step-after [data-sh-calendar=mentor]", tmp_path))
    assert [str(e["UID"]) for e in theirs] == uids  # the same meetings, not new ones
    assert not any(e.walk("VALARM") for e in theirs)

    # Two logged meetings: the report-back for the third, and the thank-you from both.
    go_to(page, "log")
    for index, notes in enumerate(LOG):
        page.click("[data-sh-log-add]")
        for name, value in notes.items():
            page.fill(f"#sh-log-{index}-{name}", value)
    report = draft(page, "report_next")
    expect(report).to_have_value(re.compile("For Jonas, call 3 of 3"))
    expect(report).to_have_value(re.compile("What happened: one customer used them"))
    page.fill("#sh-after-next", "Next, I'll run one interview a week on my own")
    # Both logged meetings are dated ahead: no thank-you yet for meetings to come.
    thanks = draft(page, "thanks_log")
    expect(thanks).to_be_hidden()
    expect(page.locator("[data-sh-thanks-later]")).to_contain_text(
        "comes once the last of your three calls is held (zero so far)"
    )
    page.check("[data-sh-after-field=ended]")  # over sooner: the thank-you comes now
    expect(page.locator("[data-sh-thanks-later]")).to_be_hidden()
    expect(thanks).to_have_value(re.compile("Thank you for our two calls on how to run"))
    expect(thanks).to_have_value(re.compile("- From our second call: you said I should leave"))
    expect(thanks).to_have_value(re.compile("Next, I'm going to run one interview a week"))
    expect(page.locator("[data-sh-agreement-summary]")).to_contain_text("of 3 meetings held")

    # Everything survives a reload.
    page.wait_for_timeout(500)
    page.reload()
    page.wait_for_selector(OPENED, timeout=60_000)
    go_to(page, "log")
    assert page.input_value("#sh-log-1-advice") == LOG[1]["advice"]
    expect(draft(page, "thanks_log")).to_have_value(re.compile("Next, I'm going to run"))
    record = stored(page)["requests"][0]
    assert record["after"]["reply"] == "yes"
    assert record["after"]["sent_values"]["focus"] == SAMPLE_REQUEST["focus"]


LOG = [
    {
        "date": START.isoformat(),
        "advice": "Start with what they did last week, not with what they think",
        "tried": "open my next two interviews with a question about last week",
        "happened": "Both customers talked for ten minutes before I asked anything else",
    },
    {
        "date": (START + timedelta(days=14)).isoformat(),
        "advice": "You said I should leave the last five minutes for their questions",
        "tried": "keep five minutes free at the end of each interview",
        "happened": "one customer used them to tell me about a second problem",
    },
]


def test_no_reply_gets_one_follow_up_then_next_steps(builder_page: Page, base_url: str) -> None:
    page = builder_page
    open_builder(page, base_url)
    fill(page, SAMPLE_REQUEST)
    go_to(page, "after")
    state = page.locator("[data-sh-after-state]")
    expect(state).to_contain_text("When you have sent your request")
    sent = date.today() - timedelta(days=10)
    page.fill("#sh-after-sent_on", sent.isoformat())
    expect(state).to_contain_text("a polite follow-up is due now")
    follow_up = draft(page, "follow_up")
    expect(follow_up).to_have_value(re.compile(f"On \\w+ {sent.day} \\w+, I asked whether you"))
    expect(follow_up).to_have_value(re.compile("this is the only time I'll ask again"))
    href = page.get_attribute("[data-sh-after-mail=follow_up]", "href")
    assert href.startswith("mailto:jonas@example.org?subject=Re%3A%20")

    # Followed up once: no second follow-up, and where to go next.
    page.click("[data-sh-after-today=followed_up_on]")
    expect(follow_up).to_be_hidden()
    expect(state).to_contain_text("You have followed up once, and that is enough.")
    steps = page.locator("[data-sh-after-steps]")
    expect(steps.get_by_role("link", name="Look for a formal program")).to_have_attribute(
        "href", re.compile("is-it-right-for-you/#formal-program$")
    )
    expect(steps.get_by_role("link", name="Get to know them first")).to_be_visible()
    steps.get_by_role("button", name="Ask someone else").click()
    expect(page.locator("[data-sh-requests-list] option")).to_have_count(2)
    expect(page.locator("[data-sh-requests]")).to_be_visible()  # two: something to choose
    assert page.input_value("#sh-field-focus") == SAMPLE_REQUEST["focus"]
    assert page.input_value("#sh-field-mentor_name") == ""
    assert page.input_value("#sh-after-sent_on") == ""


def test_a_no_gets_a_gracious_reply(builder_page: Page, base_url: str) -> None:
    page = builder_page
    open_builder(page, base_url)
    fill(page, SAMPLE_REQUEST)
    go_to(page, "after")
    page.click("[data-sh-after-today=sent_on]")
    page.check("input[name='after.reply'][value=no]")
    reply = draft(page, "decline")
    expect(reply).to_have_value(re.compile("Thank you for letting me know."))
    expect(reply).to_have_value(re.compile("If you know of anyone else I could ask about how to"))


def test_yes_but_smaller_drafts_a_revised_request(builder_page: Page, base_url: str) -> None:
    page = builder_page
    open_builder(page, base_url)
    fill(page, SAMPLE_REQUEST)
    go_to(page, "after")
    page.click("[data-sh-after-today=sent_on]")
    page.check("input[name='after.reply'][value=smaller]")
    fill(page, {"meetings": "2", "weeks": "3"})
    go_to(page, "after")
    expect(draft(page, "revised")).to_have_value(
        re.compile(r"Two 30-minute video calls over three weeks \(instead of the three")
    )


def test_requests_side_by_side(builder_page: Page, base_url: str) -> None:
    page = builder_page
    open_builder(page, base_url)
    fill(page, SAMPLE_REQUEST)
    listed = page.locator("[data-sh-requests-list]")
    expect(listed.locator("option")).to_have_text([re.compile("^Jonas: how to run")])
    expect(page.locator("[data-sh-requests]")).to_be_hidden()  # one request: nothing to choose

    page.click(NEW_BELOW)
    expect(listed.locator("option")).to_have_count(2)
    expect(page.locator("[data-sh-requests]")).to_be_visible()
    assert page.input_value("#sh-field-focus") == ""
    fill(page, {"focus": "how to price a consulting offer", "mentor_name": "Priya"})

    # Rename: an empty name is refused next to the field, then a real one is kept.
    page.click("[data-sh-requests-rename]")
    page.fill("[data-sh-rename-name]", "   ")
    page.click("[data-sh-rename-confirm]")
    expect(page.locator("[data-sh-rename-message]")).to_contain_text("Give the request a name")
    expect(page.locator("[data-sh-rename-name]")).to_have_attribute("aria-invalid", "true")
    page.fill("[data-sh-rename-name]", "Priya: pricing")
    page.click("[data-sh-rename-confirm]")
    expect(page.locator("[data-sh-rename-dialog]")).to_be_hidden()
    expect(listed.locator("option:checked")).to_have_text("Priya: pricing")

    # Open the first again, by keyboard: its answers are back.
    listed.focus()
    listed.select_option(index=0)
    expect(page.locator("#sh-field-mentor_name")).to_have_value("Jonas")

    # Delete asks first; keeping it changes nothing.
    page.click("[data-sh-requests-delete]")
    dialog = page.locator("[data-sh-delete-dialog]")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Keep it").click()
    expect(listed.locator("option")).to_have_count(2)
    page.click("[data-sh-requests-delete]")
    dialog.get_by_role("button", name="Delete it").click()
    expect(listed.locator("option")).to_have_text(["Priya: pricing"])
    expect(page.locator("#sh-field-mentor_name")).to_have_value("Priya")


def test_export_on_one_profile_and_import_on_another(
    browser: Browser, builder_page: Page, base_url: str, tmp_path: Path
) -> None:
    page = builder_page
    open_builder(page, base_url)
    fill(page, SAMPLE_REQUEST)
    go_to(page, "after")
    page.click("[data-sh-after-today=sent_on]")
    page.check("input[name='after.reply'][value=yes]")
    page.click(".sh-requests__files summary")
    exported = download(page, "[data-sh-export=all]", tmp_path)
    assert json.loads(exported.read_text())["format"] == "shorthaul-requests"
    notes = download(page, "[data-sh-export=markdown]", tmp_path)
    assert notes.name == "mentoring-arrangement.md"
    assert "- **Reply:** Yes" in notes.read_text(encoding="utf-8")

    other = browser.new_context(viewport=DESKTOP)
    problems = PageProblems(base_url.rstrip("/"))
    fresh = problems.watch(other.new_page())
    open_builder(fresh, base_url)
    fresh.click(".sh-requests__files summary")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "shorthaul-requests", "version": 9, "requests": []}')
    fresh.set_input_files("[data-sh-import]", broken)
    expect(fresh.locator("[data-sh-import-message]")).to_contain_text("newer version")
    expect(fresh.locator("[data-sh-import-message]")).to_contain_text("Nothing was changed.")
    fresh.set_input_files("[data-sh-import]", exported)  # nothing of theirs yet: no question
    expect(fresh.locator("#sh-field-focus")).to_have_value(SAMPLE_REQUEST["focus"])
    go_to(fresh, "after")
    expect(draft(fresh, "confirmation")).to_be_visible()

    # Importing over what is there asks first.
    fresh.set_input_files("[data-sh-import]", exported)
    dialog = fresh.locator("[data-sh-import-dialog]")
    expect(dialog).to_contain_text("you already have it, word for word")
    dialog.get_by_role("button", name="Don't import").click()
    expect(fresh.locator("[data-sh-requests-list] option")).to_have_count(1)
    other.close()
    assert not any(problems.as_dict().values()), problems.as_dict()


def test_a_saved_draft_of_todays_format_opens_with_nothing_lost(
    context: BrowserContext, base_url: str
) -> None:
    saved = {
        "version": 1,
        "saved_at": "2026-01-04T09:30:00.000Z",
        "values": {**SAMPLE_REQUEST, "meetings": "2", "tone": "formal"},
        "edits": {},
    }
    context.add_init_script(
        f"""if (!sessionStorage.getItem("seeded")) {{
            sessionStorage.setItem("seeded", "1");
            localStorage.setItem("{OLD_KEY}", {json.dumps(json.dumps(saved))});
        }}"""
    )
    problems = PageProblems(base_url.rstrip("/"))
    page = problems.watch(context.new_page())
    open_builder(page, base_url)
    for name, value in SAMPLE_REQUEST.items():
        assert page.input_value(f"#sh-field-{name}") == value
    assert page.input_value("#sh-field-meetings") == "2"
    expect(draft(page, "email")).to_have_value(re.compile("^Dear Jonas,"))
    # Now kept in the new document, and the old key is gone.
    page.wait_for_function(f"() => localStorage.getItem('{OLD_KEY}') === null")
    [record] = stored(page)["requests"]
    assert record["values"]["meetings"] == "2"
    assert record["created"] == "2026-01-04"
    page.reload()
    page.wait_for_selector(OPENED, timeout=60_000)
    assert page.input_value("#sh-field-focus") == SAMPLE_REQUEST["focus"]
    assert not any(problems.as_dict().values()), problems.as_dict()


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [(DESKTOP, "light"), (PHONE, "light"), (DESKTOP, "dark")],
    ids=["desktop", "phone", "desktop-dark"],
)
def test_after_the_ask_is_accessible_and_fits_a_phone(
    builder_page: Page, base_url: str, viewport: dict, scheme: str
) -> None:
    page = builder_page
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    open_builder(page, base_url)
    fill(page, {**SAMPLE_REQUEST, "first_date": START.isoformat()})
    go_to(page, "after")
    page.fill("#sh-after-sent_on", "2026-02-30")  # a message next to the field, too
    page.click("[data-sh-after-today=sent_on]")
    page.check("input[name='after.reply'][value=yes]")
    go_to(page, "log")
    page.click("[data-sh-log-add]")
    page.fill("#sh-log-0-advice", LOG[0]["advice"])
    page.check("[data-sh-after-field=ended]")
    expect(draft(page, "thanks_log")).to_be_visible()
    page.click(".sh-requests__files summary")
    page.click(NEW_BELOW)  # two requests: the bar above the form, with Rename
    # The new request is made by Python, then opened at its first step: a step chosen
    # before that was left for it (seen once in a fresh-clone run: "after" stayed hidden).
    expect(page.locator("[data-sh-requests-rename]")).to_be_visible()
    expect(page.locator("#step-focus")).to_be_visible()
    for step in ("after", "log"):
        go_to(page, step)
        assert axe_violations(page) == [], step
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{step}: {overflow}px of horizontal scroll"
    page.click("[data-sh-requests-rename]")
    assert axe_violations(page) == [], "rename dialog"
    page.keyboard.press("Escape")


HOSTILE = '<img src=x onerror="window.__pwned=1"></textarea><script>window.__pwned=1</script>'


def test_hostile_text_after_the_ask_stays_text(builder_page: Page, base_url: str) -> None:
    page = builder_page
    open_builder(page, base_url)
    fill(page, {**SAMPLE_REQUEST, "mentor_name": HOSTILE})
    go_to(page, "after")
    page.click("[data-sh-after-today=sent_on]")
    page.check("input[name='after.reply'][value=no]")
    expect(draft(page, "decline")).to_have_value(re.compile(re.escape(HOSTILE)))
    page.check("input[name='after.reply'][value=yes]")
    go_to(page, "log")
    page.click("[data-sh-log-add]")
    for name in ("asked", "advice", "tried", "happened"):
        page.fill(f"#sh-log-0-{name}", HOSTILE)
    page.check("[data-sh-after-field=ended]")
    expect(draft(page, "thanks_log")).to_have_value(re.compile(re.escape(HOSTILE)))
    page.click(NEW_BELOW)
    page.locator("[data-sh-requests-list]").select_option(index=0)
    page.click("[data-sh-requests-rename]")
    page.fill("[data-sh-rename-name]", HOSTILE[:80])
    page.click("[data-sh-rename-confirm]")
    expect(page.locator("[data-sh-requests-list] option:checked")).to_have_text(HOSTILE[:80])
    assert page.locator(".sh-builder img, .sh-builder script:not([type])").count() == 0
