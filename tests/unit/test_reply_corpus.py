"""Hundreds of realistic phrasings of each thing a mentor types, through every reply.

tests/unit/corpus/reply/<field>.txt holds one phrasing per line ("\\n" for a line
break): the detail with and without the lead-ins its frame repeats, capitals,
punctuation, emoji, lists and other languages. Each goes into an otherwise complete
reply with the answer it belongs to, in every tone, both channels, one meeting and
three; `wording_checks` reads every sentence. The protégé's own focus corpus goes
through the reply too, said back in the second person. The same suite runs inside
Pyodide.
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


def phrasings(field: str) -> list[str]:
    text = (CORPUS / "reply" / f"{field}.txt").read_text(encoding="utf-8")
    return [line.replace("\\n", "\n") for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("field", MENTOR_FIELDS)
def test_the_corpus_is_large_enough(field: str) -> None:
    assert len(set(phrasings(field))) >= 250


def slips(values: dict[str, str], responses: tuple[str, ...], typed: str) -> list[str]:
    found: set[str] = set()
    read: set[str] = set()
    for response in responses:
        _, reply, _, _ = read_reply({**BASE, **values, "response": response})
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
    for phrasing in phrasings(field):
        found = slips({field: phrasing}, SHOWN_FOR[field], phrasing)
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
