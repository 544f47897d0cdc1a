"""The reply helper's frame and lead-in rows, one by one, and one phrasing of every shape."""

from __future__ import annotations

import pytest

from builder.mentor.frames import _MENTOR_LEAD_INS, KINDS_ALL, MENTOR_SLOTS, WORDING
from builder.wording.fitting import fit, say

LEAD_IN_ROWS = [(field, lead) for field, rows in _MENTOR_LEAD_INS.items() for lead in rows]
PARAMS = {"thanks": "Thank you for", "meeting": "call", "person": "Dana Ruiz"}


@pytest.mark.parametrize(
    ("field", "lead"), LEAD_IN_ROWS, ids=[lead.example for _, lead in LEAD_IN_ROWS]
)
def test_each_lead_in_matches_its_example_and_is_dropped(field, lead) -> None:
    match = lead.pattern.match(lead.example.replace("’", "'"))
    assert match, f"{lead.pattern.pattern} does not match {lead.example!r}"
    core = fit(field, lead.example, wording=WORDING).core
    assert lead.example[: match.end()].strip(" ,:-").casefold() not in core.casefold()
    assert core.casefold().endswith(lead.example[match.end() :].strip().casefold()[-12:])


@pytest.mark.parametrize("name", sorted(MENTOR_SLOTS))
def test_every_slot_has_a_frame_for_every_shape_of_its_field(name: str) -> None:
    slot = MENTOR_SLOTS[name]
    assert set(slot.frames) == set(KINDS_ALL[slot.field])


AGAIN = "I could look at this again"
NOT_ME = "I'm not the best person for this, but I'd suggest Dana Ruiz"
OWN = "in my own words:"
SHAPES = {
    ("date_instead", "when"): ("any afternoon next week",
                               "Instead, how about any afternoon next week?"),
    ("date_instead", "day"): ("Thursday at 3", "Instead, how about Thursday at 3?"),
    ("date_instead", "part"): ("end of the week", "Instead, how about the end of the week?"),
    ("date_instead", "own"): ("Could we do the 11th instead?", "How about the 11th instead?"),
    ("date_instead", "question"): ("I'm travelling then, how about the 10th",
                                   "I'm travelling then, how about the 10th?"),
    ("date_instead", "clause"): ("mornings are better for me", "Mornings are better for me."),
    ("date_instead", "action"): ("send me two other times",
                                 "Instead, could you send me two other times?"),
    ("date_instead", "plain"): ("thrusday afternoon", "What would suit me: “Thrusday afternoon”."),
    ("date_instead", "foreign"): ("el jueves por la tarde",
                                  f"What would suit me instead, {OWN} “el jueves por la tarde”."),
    ("first_step", "action"): ("Could you send me two times that suit you?",
                               "To get started, could you send me two times that suit you?"),
    ("first_step", "clause"): ("I'll send you an invite for Tuesday",
                               "To get started, I'll send you an invite for Tuesday."),
    ("first_step", "fragment"): ("a short note with your questions",
                                 "To get started: a short note with your questions."),
    ("first_step", "foreign"): ("envíame tus preguntas, por favor",
                                f"To get started, {OWN} “envíame tus preguntas, por favor”."),
    ("narrower", "action"): ("Let's work through your interview script",
                             "I'd suggest we work through your interview script."),
    ("narrower", "thing"): ("Just the first interview",
                            "I'd suggest we focus on the first interview."),
    ("narrower", "clause"): ("you bring your script and we go through it",
                             "Here's what I'd suggest: you bring your script and we go through "
                             "it."),
    ("narrower", "foreign"): ("solo las preguntas de la entrevista",
                             f"What I'd suggest, {OWN} “solo las preguntas de la entrevista”."),
    ("later", "when"): ("After our launch in March", f"{AGAIN} after our launch in March."),
    ("later", "day"): ("Friday week", f"{AGAIN} on Friday week."),
    ("later", "part"): ("end of the quarter", f"{AGAIN} at the end of the quarter."),
    ("later", "clause"): ("things calm down in May", f"{AGAIN} once things calm down in May."),
    ("later", "thing"): ("the new year", f"{AGAIN} in the new year."),
    ("later", "foreign"): ("nach dem Start im März",
                           f"When I could look at it again, {OWN} “nach dem Start im März”."),
    ("reason", "clause"): ("Unfortunately, I'm at capacity", "I'm at capacity."),
    ("reason", "doing"): ("travelling most of the spring", "I'm travelling most of the spring."),
    ("reason", "thing"): ("two other mentees this term",
                          "The honest reason: two other mentees this term."),
    ("reason", "foreign"): ("j'ai déjà deux mentorés",
                            f"The reason, {OWN} “j'ai déjà deux mentorés”."),
    ("referral_why", "did"): ("ran our customer research for two years",
                              f"{NOT_ME}, who ran our customer research for two years."),
    ("referral_why", "clause"): ("she knows pricing inside out",
                                 f"{NOT_ME}: she knows pricing inside out."),
    ("referral_why", "doing"): ("running interviews for years",
                                f"{NOT_ME}, who has been running interviews for years."),
    ("referral_why", "can"): ("help you with the script",
                              f"{NOT_ME}, who can help you with the script."),
    ("referral_why", "thing"): ("her work on our research program",
                                f"{NOT_ME}, because of her work on our research program."),
    ("referral_why", "foreign"): ("elle connaît la recherche",
                                  f"{NOT_ME}. Why them, {OWN} “elle connaît la recherche”."),
    # Read without confidence (`builder.wording.doubts`): the plain frame, whatever the phrase.
    ("first_step", "plain"): ("the questions you mentioned last week are the place to start",
                              "To get started: the questions you mentioned last week are the "
                              "place to start."),
    ("narrower", "plain"): ("the script you wrote is what we should look at",
                            "What I'd suggest we focus on: the script you wrote is what we "
                            "should look at."),
    ("later", "plain"): ("the audit we have in March is over",
                         "A time that might suit me better: the audit we have in March is over."),
    ("reason", "plain"): ("the team I lead is in the middle of a reorg",
                          "The honest reason: the team I lead is in the middle of a reorg."),
    ("referral_why", "plain"): ("the pricing work she led is exactly this",
                                f"{NOT_ME}. Why them: the pricing work she led is exactly this."),
}  # fmt: skip


@pytest.mark.parametrize(("shape", "case"), SHAPES.items(), ids=lambda v: str(v)[:40])
def test_one_phrasing_of_every_shape(shape, case) -> None:
    field, kind = shape
    typed, sentence = case
    fitted = fit(field, typed, wording=WORDING)
    assert fitted.kind == kind
    assert say(f"{field}.reply", fitted, WORDING, **PARAMS) == sentence


def test_every_shape_of_every_mentor_field_has_a_phrasing() -> None:
    for name, slot in MENTOR_SLOTS.items():
        if name == "focus.reply":
            continue  # the request's own shapes (test_frames), said back in test_reply
        assert {kind for field, kind in SHAPES if field == slot.field} == set(slot.frames)
