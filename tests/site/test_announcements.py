"""What screen-reader users hear: every live-region announcement, recorded while a script
uses the builder and the link maker as a reader would.

A recorder installed before the page's own scripts notes each time a live region
(aria-live, role=status or role=alert) gets new words, and whether the region was
rendered at that moment: words written into a hidden region are never heard.
"""

from __future__ import annotations

import re

import pytest
from focuskit import focus_by_keyboard, forgive_blocked_webassembly
from playwright.sync_api import Page, expect
from sitekit import SAMPLE_REQUEST

pytestmark = pytest.mark.browser

READY = "[data-sh-builder][data-sh-ready='true']"
PAUSE_S = 1.5  # builder/announcer.js: coaching news waits this long after typing stops

RECORDER = """
window.__said = [];
(() => {
  const LIVE = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
  const last = new WeakMap();
  const kind = (region) => region.getAttribute("aria-live")
    || (region.getAttribute("role") === "alert" ? "assertive" : "polite");
  new MutationObserver((records) => {
    const regions = new Set();
    for (const record of records) {
      const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      const region = node && node.closest(LIVE);
      if (region) regions.add(region);
    }
    for (const region of regions) {
      const text = region.textContent.replace(/\\s+/g, " ").trim();
      if (text && text !== last.get(region)) {
        window.__said.push({ text, kind: kind(region), shown: region.checkVisibility(),
                             at: performance.now() });
      }
      last.set(region, text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true,
                         attributes: true, attributeFilter: ["hidden"] });
})();
"""


def heard(page: Page) -> list[dict]:
    """Announcements from regions that were rendered when they changed."""
    return [said for said in page.evaluate("() => window.__said") if said["shown"]]


def texts(announcements: list[dict]) -> list[str]:
    return [a["text"] for a in announcements]


def quiet_for(page: Page, seconds: float) -> None:
    page.wait_for_timeout(seconds * 1000)


def open_recorded(page: Page, url: str) -> None:
    page.add_init_script(RECORDER)
    page.goto(url)


def open_builder(page: Page, base_url: str) -> None:
    open_recorded(page, f"{base_url}builder/")
    page.wait_for_selector(READY, timeout=90_000)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).not_to_be_empty()


def wait_for_ready_said(page: Page) -> None:
    page.wait_for_function("() => window.__said.some((s) => /ready/.test(s.text))")


def test_start_up_is_quiet_and_says_ready_once(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    open_builder(page, base_url)
    wait_for_ready_said(page)
    quiet_for(page, PAUSE_S + 0.5)
    said = heard(page)
    assert [a["kind"] for a in said] == ["polite"], said
    assert said[0]["text"].startswith("The coach is ready."), said


def test_coaching_changes_are_said_once_typing_pauses(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    open_builder(page, base_url)
    wait_for_ready_said(page)
    before = len(heard(page))

    focus_by_keyboard(page, "#sh-field-focus")
    page.keyboard.type(SAMPLE_REQUEST["focus"], delay=30)
    page.keyboard.press("Tab")
    page.keyboard.type(SAMPLE_REQUEST["outcome"], delay=30)
    typed_at = page.evaluate("() => performance.now()")
    assert texts(heard(page)[before:]) == [], "spoke while the reader was typing"
    expect(page.locator("[data-sh-tip='2']")).to_have_attribute("data-sh-status", "ok")
    page.wait_for_function(f"() => window.__said.filter((s) => s.shown).length > {before}")
    quiet_for(page, PAUSE_S)
    news = heard(page)[before:]
    assert len(news) == 1, texts(news)  # one announcement for 100 keystrokes
    assert news[0]["kind"] == "polite"
    assert "Tip 2 now done." in news[0]["text"] or news[0]["text"].startswith("Checklist:"), news
    assert news[0]["at"] - typed_at >= PAUSE_S * 1000 * 0.9  # after the pause, not per key

    # A status that flips while typing and flips back is not news.
    before = len(heard(page))
    page.keyboard.press("Control+a")
    page.keyboard.press("Backspace")
    page.keyboard.type(SAMPLE_REQUEST["outcome"], delay=5)
    quiet_for(page, PAUSE_S + 1)
    assert texts(heard(page)[before:]) == []

    # Walking the steps moves focus (read out as such) and announces nothing.
    for _ in range(4):
        focus_by_keyboard(page, "[data-sh-step]:not([hidden]) .sh-step__nav .md-button--primary")
        page.keyboard.press("Enter")
    expect(page.locator("#step-review-title")).to_be_focused()
    quiet_for(page, 0.5)
    assert texts(heard(page)[before:]) == []


def test_start_over_is_said_where_it_is_seen(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    open_builder(page, base_url)
    page.fill("#sh-field-focus", "how to chair a meeting")
    page.locator(".sh-progress__link[data-sh-goto=review]").press("Enter")
    before = len(heard(page))
    focus_by_keyboard(page, "[data-sh-reset]")
    page.keyboard.press("Enter")
    focus_by_keyboard(page, "[data-sh-reset-confirm]")
    page.keyboard.press("Enter")
    expect(page.locator("#step-focus-title")).to_be_focused()
    page.wait_for_function(
        "() => window.__said.some((s) => s.shown && s.text.includes('Cleared.'))", timeout=5_000
    )
    expect(page.get_by_text("Cleared. The form is blank again.")).to_be_in_viewport()
    expect(page.locator("#step-focus-title")).to_be_in_viewport()
    quiet_for(page, PAUSE_S + 0.5)
    # The cleared checklist is not read out tip by tip on top of it.
    assert texts(heard(page)[before:]) == ["Cleared. The form is blank again."]


def test_a_failure_is_one_short_alert_and_the_buttons_say_why(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    page.route("**/*.wasm", lambda route: route.abort())
    open_recorded(page, f"{base_url}builder/")
    expect(page.locator("[data-sh-failure]")).to_be_visible(timeout=90_000)
    forgive_blocked_webassembly(page)
    quiet_for(page, 0.5)
    alerts = [a for a in heard(page) if a["kind"] == "assertive"]
    assert len(alerts) == 1, texts(alerts)
    assert len(alerts[0]["text"]) <= 120, alerts[0]["text"]  # not the whole template
    assert "Subject:" not in alerts[0]["text"]
    assert [a for a in heard(page) if "loading" in a["text"].lower()] == []

    page.locator(".sh-progress__link[data-sh-goto=review]").press("Enter")
    feedback = page.locator("[data-sh-send] [data-sh-feedback]")
    for selector in ("[data-sh-mailto]", "[data-sh-copy=primary]", "[data-sh-share]"):
        focus_by_keyboard(page, selector)
        page.keyboard.press("Enter")
        expect(feedback).to_contain_text("could not start")
        expect(feedback).not_to_contain_text("still loading")
    assert "could not start" in heard(page)[-1]["text"]
    forgive_blocked_webassembly(page)  # also what the blocked start reported since


def open_link_maker(page: Page, base_url: str) -> None:
    open_recorded(page, f"{base_url}coordinators/")
    page.fill("#sh-field-focus", "how to run a retro")  # the first edit starts Python
    page.wait_for_selector("[data-sh-linkmaker][data-sh-ready='true']", timeout=90_000)
    expect(page.locator("[data-sh-linkmaker-status]")).to_contain_text("ready")


def test_link_maker_status_is_not_rewritten_per_keystroke(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    open_link_maker(page, base_url)
    quiet_for(page, 1)
    before = len(heard(page))
    focus_by_keyboard(page, "#sh-field-focus")
    page.keyboard.press("Control+a")
    page.keyboard.type("how to run a retro 21", delay=40)  # 21 characters
    focus_by_keyboard(page, "#sh-field-meetings")
    page.keyboard.press("Control+a")
    page.keyboard.type("2")  # meetings: "2" is fine,
    page.keyboard.type("0")  # "20" is too many,
    page.keyboard.press("Backspace")  # "2" again
    link = page.locator("[data-sh-linkmaker-link]")
    expect(link).to_have_value(re.compile(r"f=how\+to\+run\+a\+retro\+21&m=2$"))
    quiet_for(page, 1.5)
    # The link was ready before and is ready after: nothing new to say.
    assert texts(heard(page)[before:]) == []
    assert "ready" in page.locator("[data-sh-linkmaker-status]").inner_text()


def test_link_maker_says_when_a_field_needs_fixing_once(guarded_page: Page, base_url: str) -> None:
    page = guarded_page
    open_link_maker(page, base_url)
    before = len(heard(page))
    focus_by_keyboard(page, "#sh-field-meetings")
    page.keyboard.type("40", delay=40)
    meetings = page.locator("#sh-field-meetings")
    expect(meetings).to_have_attribute("aria-invalid", "true")
    quiet_for(page, 1.5)
    assert texts(heard(page)[before:]) == ["Fix the field marked above, and the link appears here."]
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.type("2")
    expect(meetings).not_to_have_attribute("aria-invalid", "true")


NEWS = """
async () => {
  const { CoachNews } = await import("/assets/javascripts/builder/announcer.js");
  const said = [];
  const news = new CoachNews({ say: (text) => said.push(text), alert: () => {} }, 200);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 450));
  const checks = (statuses) => statuses.split(" ").map((status, i) => ({
    tip: { number: i + 1 }, status,
  }));
  const steps = [];
  const step = async (what, run, settle = true) => {
    const before = said.length;
    await run();
    if (settle) await pause();
    steps.push([what, said.slice(before)]);
  };
  const none = "pending pending pending pending pending";
  await step("ready, nothing touched", () => {
    news.ready();
    news.checklist(checks(none));
  });
  await step("first edit", () => news.checklist(checks("warning ok pending pending pending")));
  await step("flips and back", () => {
    news.checklist(checks("warning warning pending pending pending"));
    news.checklist(checks("warning ok pending pending pending"));
  });
  await step("two changes", () => news.checklist(checks("ok ok advice pending pending")));
  await step("typing holds news back", async () => {
    news.checklist(checks("ok ok ok pending pending"));
    for (let key = 0; key < 6; key++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      news.typing();
    }
  }, false);
  await step("typing pauses", () => {});
  await step("back to not started", () => news.checklist(checks("ok ok pending pending pending")));
  await step("all cleared", () => news.checklist(checks(none)));
  await step("cleared, then quiet", () => {
    news.quiet();
    news.checklist(checks("warning warning warning warning warning"));
  });
  await step("ready again", () => {
    news.ready();
    news.checklist(checks("ok advice warning warning pending"));
  });
  return steps;
}
"""


def test_checklist_news_wording_including_tips_not_started(
    guarded_page: Page, base_url: str
) -> None:
    page = guarded_page
    page.goto(f"{base_url}builder/")
    steps = dict(page.evaluate(NEWS))
    assert steps == {
        "ready, nothing touched": ["The coach is ready."],
        "first edit": ["Checklist: 1 tip done, 1 needs work."],
        "flips and back": [],
        "two changes": ["Tip 1 now done. Tip 3 now worth a look."],
        "typing holds news back": [],
        "typing pauses": ["Tip 3 now done."],
        "back to not started": ["Tip 3 now not started."],
        "all cleared": [],
        "cleared, then quiet": [],
        "ready again": ["The coach is ready. Checklist: 1 tip done, 1 worth a look, 2 need work."],
    }
