"""Hundreds of realistic phrasings of each thing a mentor types, through every reply.

tests/unit/corpus/reply/<field>.txt holds one phrasing per line ("\\n" for a line
break): the detail with and without the lead-ins its frame repeats, capitals,
punctuation, emoji, lists and other languages. Each goes into an otherwise complete
reply with the answer it belongs to, in every tone, both channels, one meeting and
three; `wording_checks` reads every sentence. What would suit the mentor instead of
the request's first date goes into a reply to a request that proposes dates, the date
countered; how to get started goes in after the date accepted too. The protégé's own
focus corpus goes through the reply too, said back in the second person. The same
suite runs inside Pyodide.
"""

from __future__ import annotations

import dataclasses

import pytest
from test_corpus import CORPUS
from test_corpus import phrasings as request_phrasings
from wording_checks import problems

from builder.mentor.drafts import render_reply
from builder.mentor.fields import SHOWN_FOR
from builder.mentor.frames import MENTOR_FIELDS
from builder.mentor.reply import read_reply

pytestmark = pytest.mark.corpus

BASE = {
    "protege_name": "Ana Lima",
    "mentor_name": "Maria",
    "focus": "how to run my first customer interview",
    "meetings": "3",
    "minutes": "30",
    "weeks": "4",
    "new_meetings": "2",
    "referral_name": "Dana Ruiz",
}
TONES = ("warm", "formal", "casual")
# The request's first date, as the protégé's email names it, for the details about it.
FIRST_DATE = "Tuesday 2 March at 12:30"
DATED = {"date_instead": {"date_answer": "counter"}}


def phrasings(field: str) -> list[str]:
    text = (CORPUS / "reply" / f"{field}.txt").read_text(encoding="utf-8")
    return [line.replace("\\n", "\n") for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("field", MENTOR_FIELDS)
def test_the_corpus_is_large_enough(field: str) -> None:
    assert len(set(phrasings(field))) >= 250


def slips(
    values: dict[str, str], responses: tuple[str, ...], typed: str, first_date: str = ""
) -> list[str]:
    found: set[str] = set()
    read: set[str] = set()
    for response in responses:
        _, reply, _, _ = read_reply({**BASE, **values, "response": response}, first_date)
        for meetings in (1, 3):
            for tone in TONES:
                variant = dataclasses.replace(reply, tone=tone, meetings=meetings)
                for name, draft in render_reply(variant).items():
                    for text in (draft.subject, draft.text):
                        if text not in read:
                            read.add(text)
                            found |= {f"{response} {name}: {p}" for p in problems(text, [typed])}
    return sorted(found)


@pytest.mark.parametrize("field", MENTOR_FIELDS)
def test_every_phrasing_reads_cleanly_in_every_reply(field: str) -> None:
    failures = {}
    dated = FIRST_DATE if field in DATED else ""
    for phrasing in phrasings(field):
        found = slips({field: phrasing, **DATED.get(field, {})}, SHOWN_FOR[field], phrasing, dated)
        if found:
            failures[phrasing] = found
    assert not failures, "\n".join(
        f"{phrasing!r}:\n  " + "\n  ".join(found) for phrasing, found in failures.items()
    )


def test_every_request_focus_reads_cleanly_said_back() -> None:
    failures = {}
    for phrasing in request_phrasings("focus"):
        found = slips({"focus": phrasing}, ("yes",), phrasing)
        if found:
            failures[phrasing] = found
    assert not failures, "\n".join(
        f"{phrasing!r}:\n  " + "\n  ".join(found) for phrasing, found in failures.items()
    )


def test_every_first_step_reads_cleanly_after_the_first_date_accepted() -> None:
    failures = {}
    for phrasing in phrasings("first_step"):
        found = slips({"first_step": phrasing}, ("yes", "smaller"), phrasing, FIRST_DATE)
        if found:
            failures[phrasing] = found
    assert not failures, "\n".join(
        f"{phrasing!r}:\n  " + "\n  ".join(found) for phrasing, found in failures.items()
    )
