"""The request builder in headless Chromium, as a reader uses it, on the built site."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from sitekit import (
    DESKTOP,
    PHONE,
    SAMPLE_REQUEST,
    WATCH_CSP,
    axe_violations,
    guarded_page,
    shipped_snapshot,
    step_of,
)

from builder import FIELDS

pytestmark = pytest.mark.browser

READY = "[data-sh-builder][data-sh-ready='true']"
STEPS = ("focus", "mentor", "timebox", "commitments", "review")
GOOD = SAMPLE_REQUEST
# The fields typed into (choices are picked; dates and times have inputs of their own).
TYPED = {field.name for field in FIELDS if field.kind not in ("choice", "date", "time")}
STEP_OF = {k: v for k, v in step_of().items() if k in TYPED}
HOSTILE = (
    '<img src=x onerror="window.__pwned=1">',
    "</textarea><script>window.__pwned=1</script>",
    "javascript:window.__pwned=1",
    '"><svg onload="window.__pwned=1">',
)


@pytest.fixture
def context(browser: Browser, request: pytest.FixtureRequest) -> BrowserContext:
    """A fresh desktop context; a test may pass options (indirect parametrisation)."""
    context = browser.new_context(viewport=DESKTOP, **getattr(request, "param", {}))
    context.add_init_script(WATCH_CSP)
    yield context
    context.close()


@pytest.fixture
def builder_page(context: BrowserContext, base_url: str):
    yield from guarded_page(context, base_url)


def open_builder(page: Page, base_url: str, query: str = "") -> None:
    page.goto(f"{base_url}builder/{query}")
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("[data-sh-draft=email] [data-sh-draft-text]")).not_to_be_empty()


def go_to(page: Page, step: str) -> None:
    # Enter on the step's link, as a keyboard user does: a mouse click at coordinates can
    # land beside a link the page has just scrolled (clicks are tested elsewhere).
    page.locator(f".sh-progress__link[data-sh-goto={step}]").press("Enter")
    expect(page.locator(f"#step-{step}")).to_be_visible()


def fill(page: Page, values: dict[str, str]) -> None:
    for name, value in values.items():
        go_to(page, STEP_OF[name])
        page.fill(f"#sh-field-{name}", value)


def email_text(page: Page):
    return draft_text(page, "email")


def draft_text(page: Page, name: str):
    """A draft's editable text area: its value is what the reader sends."""
    return page.locator(f"[data-sh-draft={name}] [data-sh-draft-text]")


def containing(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text))


def test_walking_the_steps_updates_checklist_and_every_preview(
    builder_page: Page, base_url: str
) -> None:
    page = builder_page
    open_builder(page, base_url)
    expect(page.locator("#step-focus")).to_be_visible()
    expect(page.locator("#step-mentor")).to_be_hidden()
    expect(page.locator("[data-sh-tip='2']")).to_have_attribute("data-sh-status", "pending")

    page.fill("#sh-field-focus", "career advice")
    expect(page.locator("[data-sh-tip='2']")).to_have_attribute("data-sh-status", "warning")
    expect(page.locator("[data-sh-tip='2'] [data-sh-tip-findings]")).not_to_be_empty()
    page.fill("#sh-field-focus", GOOD["focus"])
    page.fill("#sh-field-outcome", GOOD["outcome"])
    expect(page.locator("[data-sh-tip='2']")).to_have_attribute("data-sh-status", "ok")

    # Next and Back move one step; the progress list marks where the reader is.
    page.click("#step-focus [data-sh-goto=mentor]")
    expect(page.locator("#step-mentor")).to_be_visible()
    expect(page.locator(".sh-progress__link[data-sh-goto=mentor]")).to_have_attribute(
        "aria-current", "step"
    )
    expect(page.locator("#step-mentor-title")).to_be_focused()
    page.click("#step-mentor [data-sh-goto=focus]")
    expect(page.locator("#step-focus")).to_be_visible()

    fill(page, {k: v for k, v in GOOD.items() if k not in ("focus", "outcome")})
    go_to(page, "timebox")
    page.check("input[name=format][value=in-person]")
    for tip in range(1, 6):
        expect(page.locator(f"[data-sh-tip='{tip}']")).to_have_attribute("data-sh-status", "ok")
    expect(email_text(page)).to_have_value(containing(GOOD["focus"]))
    expect(email_text(page)).to_have_value(containing("Amira Haddad"))
    expect(email_text(page)).to_have_value(containing("in person"))
    for name in ("chat", "plan", "report_back", "thank_you"):
        expect(draft_text(page, name)).to_have_value(containing("Jonas"))
    go_to(page, "review")
    expect(page.locator("[data-sh-send-state]")).to_contain_text("ready")
    expect(page.locator("[data-sh-problems] li")).to_have_count(0)


# Watches the builder for changes to the parts an answer may leave as they are.
RECORD_CHANGES = """() => {
  window.__changes = [];
  const parts = "[data-sh-tip-findings], [data-sh-tip-status], [data-sh-requests-list],"
    + " [data-sh-send-state], [data-sh-problems], [data-sh-message], [data-sh-after-steps],"
    + " [data-sh-agreement-notes], [data-sh-draft-print]";
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const node = r.target.closest ? r.target : r.target.parentElement;
      const part = node?.closest(parts);
      if (part) window.__changes.push(part.outerHTML.slice(0, 80));
    }
  });
  for (const node of document.querySelectorAll(parts)) {
    observer.observe(node, {
      childList: true, subtree: true, characterData: true, attributes: true,
    });
  }
}"""


def test_an_answer_rewrites_only_what_it_changes(builder_page: Page, base_url: str) -> None:
    # An answer comes on every keystroke; rewriting unchanged text and lists made the
    # browser lay the page out again each time (and rebuilt a list under a focused link).
    page = builder_page
    open_builder(page, base_url)
    fill(page, GOOD)
    go_to(page, "review")
    expect(page.locator("[data-sh-send-state]")).to_contain_text("ready")
    go_to(page, STEP_OF["protege_name"])
    page.evaluate(RECORD_CHANGES)
    revision = page.get_attribute("[data-sh-builder]", "data-sh-revision")
    page.locator("#sh-field-protege_name").press("End")
    page.keyboard.type("a")
    expect(page.locator("[data-sh-builder]")).not_to_have_attribute("data-sh-revision", revision)
    expect(email_text(page)).to_have_value(containing("Amira Haddada"))
    expect(page.locator("[data-sh-builder]")).to_have_attribute("data-sh-busy", "false")
    # Only the drafts' own print copies follow the new name.
    changed = page.evaluate("() => window.__changes")
    assert changed
    assert all("data-sh-draft-print" in c for c in changed), changed


def test_bad_input_gets_a_message_next_to_its_field(builder_page: Page, base_url: str) -> None:
    page = builder_page
    open_builder(page, base_url)
    go_to(page, "timebox")
    page.fill("#sh-field-meetings", "3x")
    message = page.locator("[data-sh-message=meetings]")
    expect(message).to_contain_text("whole number")
    expect(page.locator("#sh-field-meetings")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#sh-field-meetings")).to_have_value("3x")  # kept as typed
    page.fill("#sh-field-meetings", "40")
    expect(message).to_contain_text("12")
    go_to(page, "mentor")
    page.fill("#sh-field-mentor_email", "not an email")
    expect(page.locator("[data-sh-message=mentor_email]")).not_to_be_empty()
    go_to(page, "review")
    expect(page.locator("[data-sh-problems] li").first).to_be_visible()
    page.locator("[data-sh-problems] a", has_text="12").click()
    expect(page.locator("#sh-field-meetings")).to_be_focused()


def test_copy_mailto_and_download_carry_the_drafts(
    builder_page: Page, context: BrowserContext, base_url: str, tmp_path: Path
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = builder_page
    open_builder(page, base_url)
    fill(page, GOOD)
    expect(email_text(page)).to_have_value(containing("what I tried from your last advice"))
    body = email_text(page).input_value()
    subject = page.input_value("[data-sh-draft=email] [data-sh-draft-subject]")
    assert subject.startswith("A small mentoring request – how to run")

    page.click("[data-sh-copy=email]")
    expect(page.locator("[data-sh-draft=email] [data-sh-said]")).to_contain_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == f"Subject: {subject}\n\n{body}"

    go_to(page, "review")
    href = page.get_attribute("[data-sh-mailto]", "href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == GOOD["mentor_email"]
    query = parse_qs(parts.query)
    assert query["subject"] == [subject]
    assert query["body"][0].replace("\r\n", "\n") == body

    for kind, name in (("text", "mentoring-request.txt"), ("markdown", "mentoring-request.md")):
        with page.expect_download() as download:
            page.click(f"[data-sh-download={kind}]")
        assert download.value.suggested_filename == name
        saved = tmp_path / name
        download.value.save_as(saved)
        text = saved.read_text(encoding="utf-8")
        assert GOOD["focus"] in text
        assert "Report-back" in text or "report back" in text.lower()


def test_share_link_recreates_the_form(
    builder_page: Page, context: BrowserContext, base_url: str
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = builder_page
    open_builder(page, base_url)
    fill(page, {**GOOD, "weeks": "6"})
    go_to(page, "commitments")
    page.check("input[name=tone][value=formal]")
    expect(email_text(page)).to_have_value(containing("six weeks"))
    go_to(page, "review")
    page.click("[data-sh-share]")
    expect(page.locator("[data-sh-feedback]")).to_contain_text("Copied a link")
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert link.startswith(f"{base_url}builder/#v=1&")  # the fragment never reaches a server

    other = context.browser.new_context(viewport=DESKTOP)
    fresh = other.new_page()
    fresh.goto(link)
    fresh.wait_for_selector(READY, timeout=60_000)
    for name, value in {**GOOD, "weeks": "6"}.items():
        assert fresh.input_value(f"#sh-field-{name}") == value
    assert fresh.is_checked("input[name=tone][value=formal]")
    expect(email_text(fresh)).to_have_value(email_text(page).input_value())
    other.close()


def test_draft_survives_a_reload_and_edits_made_before_python_is_ready(
    builder_page: Page, context: BrowserContext, base_url: str
) -> None:
    page = builder_page
    # Hold the WebAssembly back so the reader types before Python is ready.
    held = []
    context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page.goto(f"{base_url}builder/")
    page.fill("#sh-field-focus", "how to give feedback to a peer")
    page.wait_for_function("() => true")  # let the held request arrive
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the page script was never requested, so it could not be held back"
    assert page.locator(READY).count() == 0
    held[0].continue_()
    page.wait_for_selector(READY, timeout=60_000)
    expect(email_text(page)).to_have_value(containing("how to give feedback to a peer"))
    context.unroute("**/pyodide.asm.wasm")

    page.fill("#sh-field-focus", "how to give feedback to a peer — kindly ✨ بسرعة")
    go_to(page, "mentor")
    page.fill("#sh-field-mentor_name", "Zoë")
    page.wait_for_timeout(500)  # the autosave waits for a pause in typing
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    assert page.input_value("#sh-field-focus") == "how to give feedback to a peer — kindly ✨ بسرعة"
    assert page.input_value("#sh-field-mentor_name") == "Zoë"
    expect(email_text(page)).to_have_value(containing("Hi Zoë"))


def test_prefilled_link_wins_and_offers_the_saved_draft_back(
    builder_page: Page, base_url: str
) -> None:
    page = builder_page
    open_builder(page, base_url)
    page.fill("#sh-field-focus", "my own saved focus, typed earlier")
    page.wait_for_timeout(500)

    open_builder(page, base_url, "?v=1&f=" + quote("how to price a consulting offer") + "&m=2")
    assert page.input_value("#sh-field-focus") == "how to price a consulting offer"
    assert page.input_value("#sh-field-meetings") == "2"
    assert page.url == f"{base_url}builder/"  # a reload shows the reader's edits, not the link
    offer = page.get_by_role("button", name="Use my saved draft instead")
    expect(offer).to_be_visible()
    offer.click()
    assert page.input_value("#sh-field-focus") == "my own saved focus, typed earlier"
    expect(email_text(page)).to_have_value(containing("my own saved focus"))


def test_junk_in_a_link_is_reported_not_fatal(builder_page: Page, base_url: str) -> None:
    page = builder_page
    open_builder(page, base_url, "?v=1&m=lots&f=" + "x" * 400 + "&zz=1")
    expect(page.locator("[data-sh-notices]")).to_contain_text("Meetings")
    expect(page.locator("[data-sh-notices]")).to_contain_text("cut to 200")
    assert page.input_value("#sh-field-meetings") == "3"
    assert len(page.input_value("#sh-field-focus")) == 200


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_input_in_every_field_shows_as_text(
    builder_page: Page, base_url: str, payload: str
) -> None:
    page = builder_page
    open_builder(page, base_url)
    fill(page, dict.fromkeys(STEP_OF, payload))
    expect(email_text(page)).to_have_value(containing(payload))
    live = page.locator(".sh-live")
    assert live.locator("img, script, svg:not(.md-icon svg)").count() == 0
    assert page.locator(".sh-builder img, .sh-builder script:not([type])").count() == 0
    go_to(page, "review")
    href = page.get_attribute("[data-sh-mailto]", "href")
    assert href.startswith("mailto:")


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_values_in_a_link_show_as_text(
    builder_page: Page, base_url: str, payload: str
) -> None:
    page = builder_page
    open_builder(page, base_url, f"?v=1&f={quote(payload)}&n={quote(payload)}&c={quote(payload)}")
    assert page.input_value("#sh-field-focus") == payload
    expect(email_text(page)).to_have_value(containing(payload))
    assert page.locator(".sh-builder img").count() == 0


def test_start_over_asks_first(builder_page: Page, base_url: str) -> None:
    page = builder_page
    open_builder(page, base_url)
    page.fill("#sh-field-focus", "how to chair a meeting")
    go_to(page, "review")
    page.click("[data-sh-reset]")
    dialog = page.locator("[data-sh-reset-dialog]")
    expect(dialog).to_be_visible()
    page.click("[data-sh-reset-cancel]")
    expect(dialog).to_be_hidden()
    assert page.input_value("#sh-field-focus") == "how to chair a meeting"

    page.click("[data-sh-reset]")
    page.click("[data-sh-reset-confirm]")
    expect(page.locator("#step-focus")).to_be_visible()
    assert page.input_value("#sh-field-focus") == ""
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    assert page.input_value("#sh-field-focus") == ""


def test_corrupt_and_full_storage_are_reported(context: BrowserContext, base_url: str) -> None:
    context.add_init_script(
        """
        try { localStorage.setItem("shorthaul.builder.draft", "{not json"); } catch (e) {}
        Storage.prototype.setItem = function () {
          throw new DOMException("full", "QuotaExceededError");
        };
        """
    )
    page = context.new_page()
    page.goto(f"{base_url}builder/")
    page.wait_for_selector(READY, timeout=60_000)
    notices = page.locator("[data-sh-notices]")
    expect(notices).to_contain_text("could not be read")
    page.fill("#sh-field-focus", "how to plan a sprint")
    expect(notices).to_contain_text("storage is full")
    expect(email_text(page)).to_have_value(containing("how to plan a sprint"))


def test_blocked_webassembly_keeps_text_and_offers_retry_and_template(
    context: BrowserContext, base_url: str
) -> None:
    page = context.new_page()
    context.route("**/*.wasm", lambda route: route.abort())
    page.goto(f"{base_url}builder/")
    page.fill("#sh-field-focus", "how to write a design review")
    failure = page.locator("[data-sh-failure]")
    expect(failure).to_be_visible(timeout=60_000)
    expect(failure).to_contain_text("could not start")
    expect(page.locator("[data-sh-fallback]")).to_contain_text("[what you want to learn]")
    assert page.input_value("#sh-field-focus") == "how to write a design review"

    context.unroute("**/*.wasm")
    page.click("[data-sh-retry]")
    page.wait_for_selector(READY, timeout=60_000)
    expect(failure).to_be_hidden()
    expect(email_text(page)).to_have_value(containing("how to write a design review"))


def test_python_starts_from_the_build_snapshot(builder_page: Page, base_url: str) -> None:
    open_builder(builder_page, base_url)
    started = builder_page.get_attribute("[data-sh-builder]", "data-sh-python-start")
    assert started == "snapshot"
    urls = builder_page.problems.requested
    # A first visit asks whether the host compresses the long way's stored zips (one HEAD
    # request for stored/python_stdlib.zip, python/kept-files.js); it fetches none.
    assert [url for url in urls if "/stored/" in url] == [
        url for url in urls if url.endswith("/stored/python_stdlib.zip")
    ][:1]
    requested = [url.rsplit("/", 1)[-1] for url in urls if "/stored/" not in url]
    # On this fast (local) link, in gzip: more bytes than xz, decoded in a fifth of the time.
    assert "builder.snapshot.gz" in requested
    assert "builder.snapshot" not in requested
    # With it, only the standard-library modules it has not imported yet.
    assert "python_stdlib_after_snapshot.zip" in requested
    assert "python_stdlib.zip" not in requested
    assert not [name for name in requested if name.endswith(".whl")]


def _gzip_of_zeros() -> bytes:
    return gzip.compress(bytes(1 << 20))


def _without_the_gzip_snapshot(route: Route) -> None:
    """bundle.json as a bundle without the gzip file would have it: the xz file is used."""
    bundle = route.fetch().json()
    del bundle["snapshotGzipBytes"]
    route.fulfill(json=bundle)


@pytest.mark.parametrize("codec", ["gzip", "xz"])
@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        ("missing", "HTTP 404"),
        ("truncated", ""),
        ("not a snapshot", ""),
    ],
)
def test_without_a_usable_snapshot_python_starts_from_the_wheels(
    context: BrowserContext, base_url: str, site_dir: Path, broken: str, reason: str, codec: str
) -> None:
    xz = shipped_snapshot(site_dir)
    real = {"xz": xz, "gzip": xz.with_name("builder.snapshot.gz")}[codec].read_bytes()
    bodies = {
        "missing": (404, b"gone"),
        "truncated": (200, real[: len(real) // 3]),
        "not a snapshot": (200, _gzip_of_zeros()),
    }
    status, body = bodies[broken]
    asked: list[str] = []

    def broken_snapshot(route: Route) -> None:
        asked.append(route.request.url.rsplit("/", 1)[-1])
        route.fulfill(status=status, body=body)

    context.route("**/builder.snapshot*", broken_snapshot)
    if codec == "xz":
        context.route("**/bundle.json", _without_the_gzip_snapshot)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_builder(page, base_url, "?f=how+to+run+a+retrospective")
    started = page.get_attribute("[data-sh-builder]", "data-sh-python-start")
    assert started.startswith("wheels (snapshot: "), started
    assert reason in started
    assert asked[:1] == [{"xz": "builder.snapshot", "gzip": "builder.snapshot.gz"}[codec]]
    expect(email_text(page)).to_have_value(containing("how to run a retrospective"))
    assert errors == []


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [(DESKTOP, "light"), (PHONE, "light"), (DESKTOP, "dark")],
    ids=["desktop", "phone", "desktop-dark"],
)
def test_every_step_is_accessible_and_fits_a_phone(
    builder_page: Page, base_url: str, viewport: dict, scheme: str
) -> None:
    page = builder_page
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    open_builder(page, base_url)
    page.fill("#sh-field-focus", "career advice")  # findings on show, too
    expect(page.locator("[data-sh-tip='2'] [data-sh-tip-findings] li").first).to_be_visible()
    for step in STEPS:
        go_to(page, step)
        assert axe_violations(page) == [], step
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{step}: {overflow}px of horizontal scroll"


def test_a_first_visit_is_calm_until_the_reader_tries_to_send(
    builder_page: Page, base_url: str
) -> None:
    page = builder_page
    open_builder(page, base_url)
    for tip in range(1, 6):
        item = page.locator(f"[data-sh-tip='{tip}']")
        expect(item).to_have_attribute("data-sh-status", "pending")
        expect(item.locator("[data-sh-tip-status]")).to_have_text("Not started")
        expect(item.locator("[data-sh-tip-findings] li")).to_have_count(0)
    assert page.locator("[aria-invalid=true]").count() == 0
    assert page.locator(".sh-field__message--error").count() == 0

    # Leaving a required field empty is what shows its message.
    page.focus("#sh-field-focus")
    page.keyboard.press("Tab")
    expect(page.locator("[data-sh-message=focus]")).to_contain_text("Say what you'd like help")
    expect(page.locator("#sh-field-focus")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-sh-tip='2']")).to_have_attribute("data-sh-status", "warning")
    assert page.locator("#sh-field-protege_name[aria-invalid]").count() == 0

    go_to(page, "review")
    state = page.locator("[data-sh-send-state]")
    expect(state).to_contain_text("Fix this before you send it")
    expect(page.locator("[data-sh-problems] li")).to_have_count(1)  # the one touched
    page.click("[data-sh-mailto]")  # trying to send lists everything still missing
    expect(page.locator("[data-sh-problems] li")).to_have_count(3)
    expect(page.locator("[data-sh-feedback]")).to_contain_text("Not yet")
    assert page.url.startswith(base_url)  # the mail app was not opened
    expect(page.locator("#sh-field-protege_name")).to_have_attribute("aria-invalid", "true")


def test_the_reader_can_edit_a_draft_and_keeps_the_last_word(
    builder_page: Page, context: BrowserContext, base_url: str, tmp_path: Path
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = builder_page
    open_builder(page, base_url)
    fill(page, GOOD)
    expect(email_text(page)).to_have_value(containing("Hi Jonas"))
    # The last field typed (the report-back) is in the draft before the reader edits it:
    # a draft read earlier gains that line by the builder's merge, after the edit.
    expect(email_text(page)).to_have_value(containing("what happened"))
    expect(page.locator("[data-sh-builder]")).to_have_attribute("data-sh-busy", "false")
    original = email_text(page).input_value()
    mine = original.replace("Warm regards,", "With thanks in advance,")
    email_text(page).fill(mine)
    subject = page.locator("[data-sh-draft=email] [data-sh-draft-subject]")
    subject.fill("Two calls on customer interviews?")
    email = page.locator("[data-sh-draft=email]")
    expect(email).to_have_attribute("data-sh-edited", "true")
    expect(email.locator("[data-sh-draft-edited]")).to_be_visible()

    # What goes out is the reader's version: copy, mail and download.
    page.click("[data-sh-copy=email]")
    expect(email.locator("[data-sh-said]")).to_contain_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == f"Subject: Two calls on customer interviews?\n\n{mine}"
    go_to(page, "review")
    expect(page.locator("[data-sh-mailto]")).to_have_attribute(
        "href", containing("With%20thanks%20in%20advance")
    )
    query = parse_qs(urlsplit(page.get_attribute("[data-sh-mailto]", "href")).query)
    assert query["subject"] == ["Two calls on customer interviews?"]
    with page.expect_download() as download:
        page.click("[data-sh-download=text]")
    saved = tmp_path / "request.txt"
    download.value.save_as(saved)
    assert "With thanks in advance," in saved.read_text(encoding="utf-8")

    # The edit survives a reload, like everything else the reader typed.
    page.wait_for_timeout(500)
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    expect(email_text(page)).to_have_value(mine)

    # The form changes: a new draft is ready, but the reader's version stays until
    # they choose.
    go_to(page, "mentor")
    page.fill("#sh-field-mentor_name", "Jonah")
    expect(email).to_have_attribute("data-sh-edited", "stale")
    stale = email.locator("[data-sh-draft-stale]")
    expect(stale).to_be_visible()
    expect(email_text(page)).to_have_value(mine)
    stale.get_by_role("button", name="Keep my version").click()
    expect(stale).to_be_hidden()
    expect(email_text(page)).to_have_value(mine)

    page.fill("#sh-field-mentor_call", "Joe")  # what the reader calls him
    expect(stale).to_be_visible()
    stale.get_by_role("button", name="Use the new draft").click()
    expect(email_text(page)).to_have_value(containing("Hi Joe,"))
    expect(email).to_have_attribute("data-sh-edited", "false")
    expect(subject).to_have_value(containing("A small mentoring request"))


# A slow phone: every answer from Python reaches the page `window.shLateMs` late.
LATE_ANSWERS = """(() => {
  const Real = window.Worker;
  window.Worker = class extends Real {
    addEventListener(type, listener, ...rest) {
      if (type !== "message") return super.addEventListener(type, listener, ...rest);
      const late = (event) => setTimeout(() => listener.call(this, event), window.shLateMs || 0);
      return super.addEventListener(type, late, ...rest);
    }
  };
})();"""


def test_an_edit_made_while_an_answer_is_on_its_way_is_kept(
    builder_page: Page, context: BrowserContext, base_url: str
) -> None:
    """The reader changes a field, then edits the draft and its subject before Python's
    answer to the change arrives: that answer knows nothing of the edit, and must not
    put the builder's draft back over it."""
    context.add_init_script(LATE_ANSWERS)
    page = builder_page
    open_builder(page, base_url)
    fill(page, GOOD)
    expect(email_text(page)).to_have_value(containing("Hi Jonas"))
    page.wait_for_timeout(500)  # every answer to the filling is in
    revision = int(page.get_attribute("[data-sh-builder]", "data-sh-revision"))

    page.evaluate("() => { window.shLateMs = 1500; }")
    go_to(page, "mentor")
    page.fill("#sh-field-mentor_name", "Jonas Berg")  # asked; its answer comes late
    mine = email_text(page).input_value().replace("Warm regards,", "Thanks either way,")
    email_text(page).fill(mine)
    subject = page.locator("[data-sh-draft=email] [data-sh-draft-subject]")
    subject.fill("A small ask")  # the reader is in the subject when the answer comes

    # The late answer, then the one to the question that carried the edit.
    builder = page.locator("[data-sh-builder]")
    expect(builder).to_have_attribute("data-sh-revision", str(revision + 2), timeout=15_000)
    expect(email_text(page)).to_have_value(mine)
    expect(subject).to_have_value("A small ask")
    expect(page.locator("[data-sh-draft=email]")).to_have_attribute("data-sh-edited", "true")


# Requests a service worker answers from its cache never reach `context.route`, and the
# worker registered by the first visit may control the second: block it here, so the
# page script really does arrive late (the offline tests cover the worker).
@pytest.mark.parametrize("context", [{"service_workers": "block"}], indirect=True)
def test_text_typed_before_the_script_runs_is_never_replaced(
    builder_page: Page, context: BrowserContext, base_url: str
) -> None:
    page = builder_page
    open_builder(page, base_url)
    page.fill("#sh-field-focus", "my saved focus from last week")
    page.wait_for_timeout(500)  # autosaved

    # A slow connection: the page script arrives seconds after the form.
    held = []
    context.route("**/assets/javascripts/builder.js", lambda route: held.append(route))
    page.goto(f"{base_url}builder/", wait_until="domcontentloaded")
    page.fill("#sh-field-focus", "what I typed while the page loaded")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the page script was never requested, so it could not be held back"
    for route in held:
        route.continue_()
    context.unroute("**/assets/javascripts/builder.js")
    page.wait_for_selector(READY, timeout=60_000)
    assert page.input_value("#sh-field-focus") == "what I typed while the page loaded"
    expect(email_text(page)).to_have_value(containing("what I typed while the page loaded"))
    notices = page.locator("[data-sh-notices]")
    expect(notices).to_contain_text("You started typing before the page had finished loading")
    page.get_by_role("button", name="Use my saved draft instead").click()
    assert page.input_value("#sh-field-focus") == "my saved focus from last week"
    expect(email_text(page)).to_have_value(containing("my saved focus from last week"))


def test_a_warm_note_greets_the_name_they_go_by(builder_page: Page, base_url: str) -> None:
    page = builder_page
    open_builder(page, base_url)
    fill(page, {**GOOD, "mentor_name": "Tom Okafor"})
    go_to(page, "mentor")
    call = page.locator("#sh-field-mentor_call")
    expect(call).to_have_attribute("placeholder", "Tom")  # what a blank field stands for
    expect(email_text(page)).to_have_value(re.compile("^Hi Tom,"))
    call.fill("Tommy")
    expect(email_text(page)).to_have_value(re.compile("^Hi Tommy,"))
    go_to(page, "commitments")
    page.check("input[name=tone][value=formal]")
    expect(email_text(page)).to_have_value(re.compile("^Dear Tom Okafor,"))
    go_to(page, "mentor")
    page.fill("#sh-field-mentor_name", "Dr. Chen")
    call.fill("")
    expect(call).to_have_attribute("placeholder", "Dr. Chen")  # a title keeps its name
