"""Hundreds of realistic phrasings per free-text field, through every draft.

tests/unit/corpus/<field>.txt holds one phrasing per line ("\\n" for a line break):
verb-led, subject-led, "how to", lead-ins that repeat the frame, trailing
punctuation, capitals, names and acronyms, emoji, other languages and scripts, long
text. Each is put into an otherwise complete request and rendered in every tone and
both channels, with one meeting and with three; `wording_checks` reads every draft
for the slips a mentor would notice. The same suite runs inside Pyodide.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from wording_checks import problems

from builder import render_drafts, validate
from builder.request.drafts import FITTED

pytestmark = pytest.mark.corpus

CORPUS = Path(__file__).with_name("corpus")
BASE = {
    "focus": "how to run my first customer interview",
    "outcome": "I've run two interviews on my own",
    "protege_name": "Ana Lima",
    "mentor_name": "Maria",
    "connection": "we worked together on last year's launch",
    "preparation": "send you my questions two days ahead",
    "report_back": "what I tried from your last advice, and what happened",
}
TONES = ("warm", "formal", "casual")
CHANNELS = ("email", "chat")


def phrasings(field: str) -> list[str]:
    text = (CORPUS / f"{field}.txt").read_text(encoding="utf-8")
    return [line.replace("\\n", "\n") for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("field", FITTED)
def test_the_corpus_is_large_enough(field: str) -> None:
    assert len(set(phrasings(field))) >= 300


def slips(field: str, phrasing: str) -> list[str]:
    request, _ = validate({**BASE, field: phrasing})
    found = []
    read: set[str] = set()
    for meetings in (1, 3):
        for tone in TONES:
            for channel in CHANNELS:
                variant = dataclasses.replace(
                    request, tone=tone, channel=channel, meetings=meetings
                )
                for name, draft in render_drafts(variant).items():
                    if draft.media_type != "text/plain":
                        continue
                    for text in (draft.subject, draft.text):
                        if text not in read:  # the channel only reorders the drafts
                            read.add(text)
                            found += [f"{name}: {p}" for p in problems(text, [phrasing])]
    return sorted(set(found))


@pytest.mark.parametrize("field", FITTED)
def test_every_phrasing_reads_cleanly_in_every_draft(field: str) -> None:
    failures = {}
    for phrasing in phrasings(field):
        found = slips(field, phrasing)
        if found:
            failures[phrasing] = found
    assert not failures, "\n".join(
        f"{phrasing!r}:\n  " + "\n  ".join(found) for phrasing, found in failures.items()
    )
