"""The corpus again, through every draft written after the ask and the calendar's reminders.

The request's own fields go through the follow-up, the confirmation, the revised
request, the replies to a no and the closing note; the meeting log's fields take their
phrasings from the corpus of the field closest in shape (what they advised reads like
a focus, what I'll try like a preparation plan, what happened like an outcome). Every
draft is read by `wording_checks`, exactly as the request's drafts are.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from test_corpus import BASE, phrasings
from wording_checks import problems

from builder import validate
from builder.after.drafts import render_after
from builder.after.invites import invites
from builder.after.progress import read_after
from builder.request.drafts import FITTED, proposals, render_drafts

pytestmark = pytest.mark.corpus

TODAY = date(2026, 1, 12)
DATED = {**BASE, "first_date": "2026-01-13", "weekday": "tue", "meeting_time": "14:00"}
LOG = [
    {
        "date": "2026-01-13",
        "asked": "how to open an interview",
        "advice": "ask open questions before closed ones",
        "tried": "ask two open questions in my next interview",
        "happened": "it went better than I expected",
    },
    {"date": "2026-01-27", "asked": "How do I end an interview politely?"},
]
STATES = (
    {"sent_on": "2026-01-05"},
    {"sent_on": "2026-01-05", "reply": "yes", "log": LOG, "next": "run two interviews a month"},
    # Over (early): the closing thank-you from the log, instead of the report-back.
    {
        "sent_on": "2026-01-05",
        "reply": "yes",
        "log": LOG,
        "next": "run two interviews a month",
        "ended": True,
    },
    {"sent_on": "2026-01-05", "reply": "smaller", "sent_values": {**DATED, "meetings": "4"}},
    {"sent_on": "2026-01-05", "reply": "no"},
    {"sent_on": "2026-01-05", "reply": "not-now"},
    # "They'll think about it": the request in writing; a week on, the one follow-up.
    {"sent_on": "2026-01-05", "reply": "thinking"},
    {"sent_on": "2025-12-29", "reply": "thinking"},
)
# Asked in person, a yes and a "let me think" are put in writing by other drafts.
IN_PERSON = tuple(s for s in STATES if s.get("reply") in ("yes", "thinking"))
TONES = ("warm", "formal", "casual")
# The log's fields, and the corpus whose phrasings have their shapes.
LOG_CORPUS = {
    "advice": "focus",
    "asked": "focus",
    "tried": "preparation",
    "happened": "outcome",
    "next": "preparation",
}


def _read(texts: dict[str, str], phrasing: str) -> list[str]:
    return [f"{name}: {p}" for name, text in texts.items() for p in problems(text, [phrasing])]


def after_slips(values: dict[str, str], states, phrasing: str, turn: int) -> list[str]:
    """The slips in every draft of these states, in one of the tones (taking turns:
    a tone changes only the builder's own sentences, which every turn reads)."""
    request, _ = validate(values)
    found = []
    for tone in (TONES[turn % len(TONES)],):
        variant = dataclasses.replace(request, tone=tone)
        subject = render_drafts(variant, TODAY)["email"].subject
        spoken = dataclasses.replace(variant, channel="in-person")
        runs = [(variant, raw) for raw in states]
        runs += [(spoken, raw) for raw in states if raw in IN_PERSON]
        for request_as, raw in runs:
            drafts = render_after(request_as, read_after(raw), TODAY, subject)
            for name, draft in drafts.items():
                found += _read({f"{name} subject": draft.subject, name: draft.text}, phrasing)
    return found


def request_slips(field: str, phrasing: str, turn: int) -> list[str]:
    """A request field's phrasing through every draft after the ask (and, for the plan
    to prepare, the calendar's reminders)."""
    values = {**DATED, field: phrasing}
    found = after_slips(values, STATES, phrasing, turn)
    if field == "preparation":
        request, _ = validate(values)
        plan = render_drafts(request, TODAY)["plan"]
        for invite in invites(request, proposals(request, TODAY)[0], plan, "r-x", mine=True):
            texts = {"summary": invite.summary} | {
                f"reminder {n}": r.text for n, r in enumerate(invite.reminders)
            }
            found += _read(texts, phrasing)
    return sorted(set(found))


def log_slips(field: str, phrasing: str, turn: int) -> list[str]:
    """A note of the meeting log through the report-back and the closing thank-you."""
    if field == "next":
        state = {"reply": "yes", "log": LOG, "next": phrasing}
    else:
        state = {"reply": "yes", "log": [{**LOG[0], field: phrasing}, LOG[1]]}
        if field == "asked":
            state["log"] = [LOG[0], {**LOG[1], "asked": phrasing}]
    return sorted(set(after_slips(DATED, [state, {**state, "ended": True}], phrasing, turn)))


def own_slip(phrasing: str) -> bool:
    """A slip the reader typed ("before each call … before each call"): the drafts keep
    their words, so the check would find it in any draft."""
    return any(p.startswith("frame repeated") for p in problems(phrasing, [phrasing]))


@pytest.mark.parametrize("field", FITTED)
def test_every_phrasing_reads_cleanly_after_the_ask(field: str) -> None:
    failures = {}
    for turn, phrasing in enumerate(phrasings(field)):
        found = request_slips(field, phrasing, turn)
        if found:
            failures[phrasing] = found
    assert not failures, "\n".join(f"{p!r}:\n  " + "\n  ".join(f) for p, f in failures.items())


@pytest.mark.parametrize("field", sorted(LOG_CORPUS))
def test_every_phrasing_reads_cleanly_in_the_log_drafts(field: str) -> None:
    failures, own = {}, []
    for turn, phrasing in enumerate(phrasings(LOG_CORPUS[field])):
        if own_slip(phrasing):
            own.append(phrasing)
            continue
        found = log_slips(field, phrasing, turn)
        if found:
            failures[phrasing] = found
    assert len(own) < 10, own
    assert not failures, "\n".join(f"{p!r}:\n  " + "\n  ".join(f) for p, f in failures.items())
