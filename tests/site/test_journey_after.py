"""Journey 2: after the ask. Sent, a follow-up due, a yes, meetings logged, the report-back
and the thank-you; a yes but smaller; a no; several requests exported and imported into
a browser that has its own; two tabs, each editing its own request.

Walked whole at 1280 and 390 px with a reload in the middle, reading the screen after
each step (`journeys.Walk`). Each slip issue #22 reported is a check on the way: a
thank-you for meetings still to come, "our two call", a revised request before anything
changed, an import that replaces the request just typed, two tabs deleting each other's
work, a stale status line, Enter doing nothing in the rename dialog.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from journeys import Walk, guards_held, new_reader, weekday_ahead, working_day
from playwright.sync_api import Browser
from sitekit import SAMPLE_REQUEST, axe_violations

pytestmark = pytest.mark.browser

DATED = {**SAMPLE_REQUEST, "first_date": weekday_ahead(1).isoformat()}
NEW_BELOW = "[data-sh-requests-files] [data-sh-requests-new]"


def sent(walk: Walk, values: dict, sent_on: str) -> None:
    """A whole request typed in, then noted as sent on `sent_on`."""
    walk.type(values)
    walk.go_to("after")
    walk.page.fill("#sh-after-sent_on", sent_on)


@pytest.mark.parametrize("width", ["1280", "390"])
def test_sent_then_yes_then_meetings_then_the_thank_you(
    browser: Browser, base_url: str, width: str
) -> None:
    walk, context, problems = new_reader(browser.new_context, base_url, width)
    page = walk.page
    walk.open()

    walk.step("sent nine days ago, no reply")
    sent(walk, DATED, working_day(-9).isoformat())
    state = page.locator("[data-sh-after-state]")
    walk.sees(state, "a polite follow-up is due now")
    walk.value(walk.draft("follow_up"), re.compile("this is the only time I'll ask again"))

    walk.step("they said yes")
    page.check("input[name='after.reply'][value=yes]")
    walk.hidden(walk.draft("follow_up"), "the follow-up stays after a yes")
    walk.value(walk.draft("confirmation"), re.compile(r"- Call 1: \w+day \d+ \w+"))

    walk.step("two meetings logged, the second still to come")
    walk.go_to("log")
    page.click("[data-sh-log-add]")
    page.fill("#sh-log-0-date", working_day(-2).isoformat())
    page.fill("#sh-log-0-advice", "Start with what they did last week, not what they think")
    page.fill("#sh-log-0-tried", "open my next interview with a question about last week")
    page.click("[data-sh-log-add]")
    page.fill("#sh-log-1-date", working_day(5).isoformat())
    page.fill("#sh-log-1-asked", "how to end an interview without rushing")
    walk.sees(page.locator("[data-sh-agreement-summary]"), "1 of 3 meetings held, 2 left.")
    walk.value(walk.draft("report_next"), re.compile("For Jonas, call 2 of 3"))
    walk.hidden(walk.draft("thanks_log"), "a thank-you for meetings still to come")
    walk.sees(page.locator("[data-sh-thanks-later]"),
              "comes once the last of your three calls is held (one so far)")  # fmt: skip

    walk.step("a reload in the middle")
    walk.reload()
    walk.go_to("log")
    walk.value(page.locator("#sh-log-1-asked"), "how to end an interview without rushing")
    walk.sees(page.locator("[data-sh-agreement-summary]"), "1 of 3 meetings held")
    walk.hidden(walk.draft("thanks_log"), "after a reload, a thank-you for meetings to come")

    walk.step("over sooner than agreed")
    page.fill("#sh-after-next", "Next, I'll run one interview a week on my own")
    page.check("[data-sh-after-field=ended]")
    thanks = walk.draft("thanks_log")
    walk.value(thanks, re.compile("Thank you for our call on how to run my first customer"))
    walk.lacks(thanks, "our two call")
    walk.value(thanks, re.compile("a little sooner than we planned"))
    walk.hidden(walk.draft("report_next"), "a report-back for a meeting that won't happen")
    walk.hidden(page.locator("[data-sh-thanks-later]"), "the line about the thank-you stays")

    guards_held(walk, problems)
    context.close()
    walk.done()


def test_one_meeting_agreed_and_two_held_thanks_for_two_calls(
    browser: Browser, base_url: str
) -> None:
    walk, context, problems = new_reader(browser.new_context, base_url, "1280")
    page = walk.page
    walk.open()
    sent(walk, {**SAMPLE_REQUEST, "meetings": "1"}, working_day(-20).isoformat())
    page.check("input[name='after.reply'][value=yes]")
    walk.go_to("log")
    for index, advice in enumerate(("Ask why before how", "Leave five minutes at the end")):
        page.click("[data-sh-log-add]")
        page.fill(f"#sh-log-{index}-date", working_day(-10 + 5 * index).isoformat())
        page.fill(f"#sh-log-{index}-advice", advice)
    walk.step("the thank-you")
    walk.value(walk.draft("thanks_log"), re.compile("Thank you for our two calls on how"))
    walk.sees(page.locator("[data-sh-agreement-notes]"), "Your log has 2 meetings")
    guards_held(walk, problems)
    context.close()
    walk.done()


@pytest.mark.parametrize("width", ["1280", "390"])
def test_yes_but_smaller_waits_for_a_change_then_says_what_changed(
    browser: Browser, base_url: str, width: str
) -> None:
    walk, context, problems = new_reader(browser.new_context, base_url, width)
    page = walk.page
    walk.open()
    sent(walk, SAMPLE_REQUEST, working_day(-3).isoformat())

    walk.step("yes, but smaller: nothing changed yet")
    page.check("input[name='after.reply'][value=smaller]")
    walk.sees(page.locator("[data-sh-after-state]"), "Change the time box (step 3)")
    walk.hidden(walk.draft("revised"), "a revised request before anything changed")

    walk.step("a reload in the middle")
    walk.reload()
    walk.go_to("after")
    walk.hidden(walk.draft("revised"), "after a reload, a revised request before a change")

    walk.step("the time box changed")
    walk.type({"weeks": "2", "meetings": "2"})
    walk.go_to("after")
    walk.sees(page.locator("[data-sh-after-state]"), "changed as they suggested")
    walk.value(walk.draft("revised"), re.compile(
        r"Two 30-minute video calls over two weeks \(instead of the three 30-minute video "
        r"calls over four weeks I first asked for\)"))  # fmt: skip

    walk.step("then a no")
    page.check("input[name='after.reply'][value=no]")
    walk.value(walk.draft("decline"), re.compile("Thank you for letting me know."))
    walk.hidden(walk.draft("revised"), "the revised request stays after a no")
    steps = page.locator("[data-sh-after-steps]")
    walk.visible(steps.get_by_role("link", name="Look for a formal program"), "no next steps")
    steps.get_by_role("button", name="Ask someone else").click()
    walk.step("asking someone else")
    walk.visible(page.locator("#step-mentor"), "asking someone else does not open their step")
    walk.value(page.locator("#sh-field-mentor_name"), "")
    walk.go_to("focus")
    walk.value(page.locator("#sh-field-focus"), SAMPLE_REQUEST["focus"])
    walk.visible(page.locator("[data-sh-requests]"), "two requests, and no bar to choose")
    guards_held(walk, problems)
    context.close()
    walk.done()


@pytest.mark.parametrize(("width", "scheme"), [("1280", "light"), ("390", "dark")])
def test_export_then_import_into_a_browser_with_a_request_of_its_own(
    browser: Browser, base_url: str, width: str, scheme: str, tmp_path: Path
) -> None:
    walk, context, problems = new_reader(browser.new_context, base_url, width, color_scheme=scheme)
    page = walk.page
    walk.step("two requests on one device")
    walk.open()
    walk.type(SAMPLE_REQUEST)
    page.click(NEW_BELOW)
    walk.type({"focus": "how to price a consulting offer", "mentor_name": "Priya",
               "protege_name": "Amira Haddad"})  # fmt: skip
    page.click(".sh-requests__files summary")
    exported = walk.download("[data-sh-export=all]", tmp_path)
    walk.sees(page.locator("[data-sh-files-feedback]"), "Downloaded mentoring-requests.json")

    walk.step("another device, with a request just typed")
    other, other_context, other_problems = new_reader(
        browser.new_context, base_url, width, color_scheme=scheme
    )
    other.open()
    mine = {"focus": "give better feedback to my designers", "mentor_name": "Sam",
            "protege_name": "Lee"}  # fmt: skip
    other.type(mine)
    other.page.wait_for_timeout(500)  # saved
    [own] = other.stored()["requests"]
    other.page.click(".sh-requests__files summary")
    other.page.set_input_files("[data-sh-import]", exported)
    dialog = other.page.locator("[data-sh-import-dialog]")
    other.sees(dialog, "new here, so it is added")
    other.lacks(dialog, "to replace", "the import offers to replace what I just typed")
    other.true(dialog.get_by_label("Replace mine with the file's version instead").count() == 0,
               "a choice to replace, where nothing clashes")  # fmt: skip
    dialog.get_by_role("button", name="Import", exact=True).click()
    other.sees(other.page.locator("[data-sh-files-feedback]"), "Imported 2 requests: 2 added.")
    names = other.page.locator("[data-sh-requests-list] option").all_text_contents()
    other.true(len(names) == 3, f"after importing two, the list holds {names}")
    other.page.locator("[data-sh-requests-list]").select_option(own["id"])
    other.go_to("focus")
    other.value(other.page.locator("#sh-field-focus"), mine["focus"], "my own request is gone")

    walk.step("a file whose request has my request's id")
    clash = json.loads(exported.read_text(encoding="utf-8"))
    clash["requests"] = clash["requests"][:1]
    clash["requests"][0]["id"] = clash["current"] = own["id"]  # as version 2's ids did
    clash["requests"][0]["values"]["focus"] = "how to write a design doc people read"
    clash["requests"][0]["name"] = "Jonas: how to write a design doc people read"
    clashing = tmp_path / "clash.json"
    clashing.write_text(json.dumps(clash), encoding="utf-8")
    other.page.set_input_files("[data-sh-import]", clashing)
    other.sees(dialog, "you have a different version of it")
    other.visible(dialog.get_by_label("Replace mine with the file's version instead"),
                  "no choice for the clashing request")  # fmt: skip
    other.true(axe_violations(other.page) == [], f"axe, the import dialog ({scheme})")
    dialog.get_by_role("button", name="Import", exact=True).click()
    other.sees(other.page.locator("[data-sh-files-feedback]"), "kept beside yours as a copy")
    other.page.locator("[data-sh-requests-list]").select_option(own["id"])
    other.go_to("focus")
    other.value(other.page.locator("#sh-field-focus"), mine["focus"],
                "the clashing import replaced my request")  # fmt: skip
    listed = other.page.locator("[data-sh-requests-list] option").all_text_contents()
    other.true("Jonas: how to write a design doc people read (from the file)" in listed,
               f"the file's version is not in the list: {listed}")  # fmt: skip

    walk.step("a reload in the middle")
    other.reload()
    listed = other.page.locator("[data-sh-requests-list] option").all_text_contents()
    other.true(len(listed) == 4, f"after a reload the list holds {listed}")

    walk.step("a broken file after a good one")
    other.page.click(".sh-requests__files summary")
    other.page.set_input_files("[data-sh-import]", clashing)
    dialog.get_by_role("button", name="Import", exact=True).click()
    other.sees(other.page.locator("[data-sh-files-feedback]"), "already here")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "shorthaul-requests", "version": 9, "requests": []}')
    other.page.set_input_files("[data-sh-import]", broken)
    other.sees(other.page.locator("[data-sh-import-message]"), "Nothing was changed.")
    other.hidden(other.page.locator("[data-sh-files-feedback]"),
                 "the earlier 'Imported' line stays beside the refusal")  # fmt: skip

    walk.step("rename, by Enter")
    other.page.click("[data-sh-requests-rename]")
    other.page.fill("[data-sh-rename-name]", "Sam: design feedback")
    other.page.keyboard.press("Enter")
    other.hidden(other.page.locator("[data-sh-rename-dialog]"), "Enter does not rename")
    other.sees(other.page.locator("[data-sh-requests-feedback]"), "Renamed to “Sam: design")
    other.page.locator("[data-sh-requests-list]").select_option(index=1)
    other.hidden(other.page.locator("[data-sh-requests-feedback]"),
                 "'Renamed to …' stays after switching requests")  # fmt: skip

    walk.slips += other.slips
    guards_held(other, other_problems)
    guards_held(walk, problems)
    other_context.close()
    context.close()
    walk.done()


ORDERS = {
    "a-then-b": ("a", "b"),
    "b-then-a": ("b", "a"),
    "interleaved": ("a", "b", "a", "b"),
}


@pytest.mark.parametrize("order", ORDERS)
def test_two_tabs_each_editing_its_own_request(browser: Browser, base_url: str, order: str) -> None:
    walk, context, problems = new_reader(browser.new_context, base_url, "1280")
    a = walk
    a.open()
    a.type({"focus": "how to run a retro with a remote team", "mentor_name": "Tom"})
    a.page.wait_for_timeout(500)
    b = Walk(problems.watch(context.new_page()), base_url)  # an onboarding link, a new tab
    b.open()
    b.page.click(NEW_BELOW)
    b.type({"focus": "how to price a consulting offer", "mentor_name": "Priya"})
    texts = {"a": [], "b": []}
    for turn, tab in enumerate(ORDERS[order]):
        walk_of = a if tab == "a" else b
        walk_of.page.bring_to_front()
        word = f" step {turn}"
        texts[tab].append(word)
        walk_of.go_to("focus")
        walk_of.page.locator("#sh-field-focus").press("End")
        walk_of.page.keyboard.type(word)
        walk_of.page.wait_for_timeout(700)  # a pause: saved, and heard in the other tab
    a.step(f"after editing in order {order}")
    stored = {r["values"]["mentor_name"]: r["values"]["focus"] for r in a.stored()["requests"]}
    a.true(set(stored) == {"Tom", "Priya"}, f"storage holds {stored}")
    a.true(stored.get("Tom", "").endswith("".join(texts["a"])), f"tab A's edits: {stored}")
    a.true(stored.get("Priya", "").endswith("".join(texts["b"])), f"tab B's edits: {stored}")
    for name, tab in (("A", a), ("B", b)):
        listed = tab.page.locator("[data-sh-requests-list] option").all_text_contents()
        tab.true(len(listed) == 2, f"tab {name} lists {listed}")
    a.value(a.page.locator("#sh-field-focus"), stored.get("Tom", "?"), "tab A's form")
    b.value(b.page.locator("#sh-field-focus"), stored.get("Priya", "?"), "tab B's form")
    a.step("each tab reloaded")
    for tab, mentor in ((a, "Tom"), (b, "Priya")):
        tab.reload()
        tab.go_to("mentor")
        tab.value(tab.page.locator("#sh-field-mentor_name"), mentor, "a reload swaps requests")
    a.slips += b.slips
    guards_held(a, problems)
    context.close()
    a.done()
