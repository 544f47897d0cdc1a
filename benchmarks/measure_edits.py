"""Edit -> preview: keystrokes over every kind of field, one answer at a time."""

from __future__ import annotations

import itertools
import statistics

from browser import WorkerProbe, new_context, open_builder
from playwright.sync_api import Browser, Page
from sitekit import SAMPLE_REQUEST, step_of
from stats import percentile, summary

GOOD = SAMPLE_REQUEST
STEP_OF = step_of()
# One "session" per entry: go to the field's step, focus it, then the keystrokes,
# each one a measured edit. Text fields get a word typed and erased again; number
# fields a digit added (often out of range, so a message appears) and removed;
# radio groups an arrow key, which moves the choice.
SESSIONS = [
    ("focus", "text"),
    ("mentor_name", "text"),
    ("meetings", "number"),
    ("connection", "text"),
    ("format", "radio"),
    ("outcome", "text"),
    ("mentor_email", "text"),
    ("minutes", "number"),
    ("preparation", "text"),
    ("tone", "radio"),
    ("report_back", "text"),
    ("weeks", "number"),
    ("protege_name", "text"),
    ("channel", "radio"),
]
WORD = " plan"
FIRST_KEYS = 25  # reported on their own: the keystrokes right after Python is ready


def edit_plan(n: int) -> list[tuple[str, str]]:
    """(field, key) pairs: n measured keystrokes over the sessions, in order."""
    plan: list[tuple[str, str]] = []
    for field, kind in itertools.cycle(SESSIONS):
        if kind == "text":
            keys = [c if c != " " else "Space" for c in WORD] + ["Backspace"] * len(WORD)
        elif kind == "number":
            keys = ["1", "Backspace"]
        else:
            keys = ["ArrowRight", "ArrowRight"]
        for key in keys:
            plan.append((field, key))
        if len(plan) >= n:
            return plan[:n]
    return plan


def go_to_step(page: Page, step: str) -> None:
    """Enter on the step's link (a click at coordinates can land beside it when the
    page has just moved)."""
    link = f".sh-progress__link[data-sh-goto={step}]"
    if page.get_attribute(link, "aria-current") != "step":
        page.locator(link).press("Enter")


def go_to_field(page: Page, field: str) -> None:
    go_to_step(page, STEP_OF[field])
    if field in ("format", "channel", "tone"):
        page.focus(f"input[name={field}]:checked")
    else:
        page.focus(f"#sh-field-{field}")
        page.keyboard.press("Control+End")
    page.evaluate("() => __bench.waitSettled(10000)")


def keystroke(page: Page, key: str) -> dict:
    """One measured keystroke: its timestamps, or {"missed": True}."""
    page.evaluate("() => { __bench.edit = {}; }")
    page.keyboard.press(key)
    return page.evaluate("() => __bench.waitEdit(10000)") or {"missed": True}


def type_request(page: Page) -> list[dict]:
    """The sample request, typed key by key as a reader types it (choices are set), each
    keystroke measured: the first keystrokes after Python is ready are the slowest (the
    engine has not yet compiled the hot code for speed), and a reader types hundreds
    before they edit anything."""
    typed = []
    text_fields = {field for field, kind in SESSIONS if kind == "text"}
    for name, value in GOOD.items():
        go_to_step(page, STEP_OF[name])
        if name not in text_fields:
            page.fill(f"#sh-field-{name}", value)
            continue
        page.focus(f"#sh-field-{name}")
        for char in value:
            key = "Space" if char == " " else char
            typed.append({"field": name, "key": char, **keystroke(page, key)})
    return typed


def measure_edits(browser: Browser, base: str, edits: int, log) -> dict:
    context = new_context(browser)
    try:
        page = context.new_page()
        probe = WorkerProbe(context, page)
        open_builder(page, base)
        typed = type_request(page)
        page.evaluate("() => __bench.waitSettled(10000)")
        before = probe.memory()
        probe.value("self.__bench.handled = []; 0")
        records = []
        current = None
        for field, key in edit_plan(edits):
            if field != current:
                go_to_field(page, field)
                current = field
            records.append({"field": field, "key": key, **keystroke(page, key)})
        page.evaluate("() => __bench.waitSettled(10000)")
        handled = probe.value("self.__bench.handled")
        page.wait_for_timeout(500)
        after = probe.memory()
    finally:
        context.close()
    done = [r for r in records if "end" in r and "start" in r]
    latency = [r["end"] - r["start"] for r in done]
    from_key = [r["end"] - r["keydown"] for r in done if "keydown" in r]
    painted = [r["painted"] - r["start"] for r in done if "painted" in r]
    by_field: dict[str, list[float]] = {}
    for r in done:
        by_field.setdefault(r["field"], []).append(r["end"] - r["start"])
    typing = [r["end"] - r["start"] for r in typed if "end" in r and "start" in r]
    first = typing[:FIRST_KEYS]
    log(
        f"  typing the request: {len(typing)} keys, the first {len(first)} median "
        f"{statistics.median(first):.1f} ms, p95 {percentile(first, 95):.1f} ms; all p95 "
        f"{percentile(typing, 95):.1f} ms"
    )
    log(
        f"  {len(done)}/{len(records)} edits answered; median {statistics.median(latency):.1f} ms, "
        f"p95 {percentile(latency, 95):.1f} ms"
    )
    return {
        "typing": {**summary(typing), "p95": percentile(typing, 95)},
        "firstKeys": {**summary(first), "p95": percentile(first, 95)},
        "records": records,
        "missed": len(records) - len(done),
        "latency": {**summary(latency), "p95": percentile(latency, 95)},
        "fromKeydown": {**summary(from_key), "p95": percentile(from_key, 95)},
        "toNextFrame": {**summary(painted), "p95": percentile(painted, 95)},
        "workerHandle": {**summary(handled), "p95": percentile(handled, 95)},
        "byField": {
            f: {"median": statistics.median(v), "p95": percentile(v, 95), "n": len(v)}
            for f, v in by_field.items()
        },
        "memoryBefore": before,
        "memoryAfter": after,
    }
