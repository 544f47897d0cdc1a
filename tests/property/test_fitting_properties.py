"""Properties of frame fitting, for any text: it never raises, fitting what it made
changes nothing, and no word the reader typed is lost (only lead-ins that repeat the
frame are dropped)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import hostile_text

from builder.after.drafts import LOG_FITTED
from builder.request.drafts import FITTED
from builder.text import clean
from builder.wording.en.frames import LEAD_INS, SLOTS
from builder.wording.fitting import fit, say

CHECKS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Every word a lead-in can drop, read from the lead-in table itself.
LEAD_IN_WORDS = {
    word
    for rows in LEAD_INS.values()
    for lead in rows
    for word in re.findall(r"[a-z][a-z']*", lead.pattern.pattern.replace("(?:", " "))
} | {"i'd", "i'll", "i'm", "i've", "to"}
PIECES = [
    "I want to", "I'd like to", "learn", "to", "how to", "Before each call,", "I'll",
    "because", "when", "report back on", "run", "my", "first", "customer", "interview",
    "SQL", "Jonas", "public", "speaking", "the", "notes", "send", "you", "we", "worked",
    "together", "Shipped", "design", "doc", "what", "I", "tried", "and", "happened", "😀",
    ",", ".", "?", "!", "…", "-", "\n- ", "etc.", "sí", "preguntas", "日本語", "Dr.", "e.g.",
]  # fmt: skip
phrasing = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(" ".join)
field = st.sampled_from((*FITTED, *LOG_FITTED, "next"))
# Every parameter a frame may name (the follow-up's day, the thank-you's "first", …).
PARAMS = {"meeting": "call", "sent": "Monday 5 January", "ordinal": "first", "number": "2",
          "mentor": "Dana"}  # fmt: skip


def words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in WORD.findall(text)]


@CHECKS
@given(field, st.one_of(hostile_text, phrasing))
def test_fitting_never_raises(name: str, text: str) -> None:
    fitted = fit(name, clean(text, multiline=True))
    for slot, spec in SLOTS.items():
        if spec.field == name:
            assert isinstance(say(slot, fitted, **PARAMS), str)


@CHECKS
@given(field, phrasing)
def test_fitting_its_own_label_changes_nothing(name: str, text: str) -> None:
    once = fit(name, text)
    if once.kind in ("blank", "foreign") or not once:
        return
    twice = fit(name, once.label)
    assert twice.label == once.label
    assert twice.kind == once.kind


@CHECKS
@given(field, phrasing)
def test_no_typed_word_is_lost(name: str, text: str) -> None:
    fitted = fit(name, text)
    kept = set(words(fitted.label))
    lost = [w for w in words(text) if w not in kept and w not in LEAD_IN_WORDS]
    assert not lost, (text, fitted)
