"""Each sign that a reading may be wrong (`builder.wording.doubts`), on its own example: the
phrase goes to the plain frame for that reason, and the sentence it makes reads."""

from __future__ import annotations

import dataclasses

import pytest
from wording_checks import problems

from builder.mentor.frames import SLOTS_ALL, WORDING
from builder.wording.doubts import DOUBTS
from builder.wording.fitting import fit, say

PARAMS = {"meeting": "call", "ordinal": "first", "thanks": "Thanks for", "person": "Dana Ruiz",
          "sent": "Monday 5 January", "number": "1", "mentor": "Maria"}  # fmt: skip


@pytest.mark.parametrize("row", DOUBTS, ids=lambda row: row.name)
def test_each_doubt_sends_its_example_to_the_plain_frame(row) -> None:
    field, phrasing = row.example
    assert field in row.fields
    fitted = fit(field, phrasing, (), WORDING)
    assert (fitted.kind, fitted.doubt) == ("plain", row.name)
    for name, slot in SLOTS_ALL.items():
        if slot.field == field:
            sentence = say(name, fitted, WORDING, **PARAMS)
            assert problems(sentence, [phrasing]) == [], sentence


@pytest.mark.parametrize(
    ("field", "phrasing"),
    [
        ("focus", "review my pull requests"),  # an object says verb
        ("focus", "launch planning for our first release"),  # a noun head says noun
        ("focus", "share what I tried"),  # a clause as its object
        ("narrower", "work through your interview script"),  # a phrasal verb
        ("outcome", "my manager approved the plan"),  # a clause with its subject first
        ("advice", "ask open questions before closed ones"),  # no one's voice to turn
    ],
)
def test_a_reading_the_words_confirm_is_not_doubted(field: str, phrasing: str) -> None:
    assert fit(field, phrasing, (), WORDING).doubt == ""


def test_every_slot_has_a_plain_frame_that_reads_for_any_phrase() -> None:
    """Whatever shape a phrase has, in the plain frame it makes a sentence the checks pass:
    the frame that takes a phrase when its reading is in doubt."""
    odd = [
        "x",
        "Doc approved!",
        "a calmer, more organised me",
        "help preparing my defence",
        "Practice system design interviews",
        "of your experience",
        "How do I start?",
    ]
    for name, slot in SLOTS_ALL.items():
        assert "plain" in slot.frames, name
        for phrasing in odd:
            fitted = fit(slot.field, phrasing, (), WORDING)
            if not fitted or fitted.kind in ("foreign", "blank"):
                continue
            sentence = say(name, dataclasses.replace(fitted, kind="plain"), WORDING, **PARAMS)
            assert problems(sentence, [phrasing]) == [], (name, sentence)
