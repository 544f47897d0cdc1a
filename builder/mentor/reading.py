"""The time box a pasted request names: "three 30-minute video calls over four weeks".

A mentor who pastes the protégé's message need not retype its numbers: the reply
helper reads them from it for the numbers the mentor left blank, and says so beside
each. Only plain statements of a count are read ("two calls", "45 minutes", "over six
weeks", "a month"); anything less clear is left to the mentor.
"""

from __future__ import annotations

import re

from builder.settings import RANGES
from builder.wording.pieces import NUMBER_WORDS

_COUNT = r"(\d{1,2}|" + "|".join(NUMBER_WORDS[1:]) + r")"
_MEETING = (
    r"(?:[\w-]+\s+){0,2}?(?:calls?|meetings?|sessions?|chats?|conversations?|catch-ups?"
    r"|check-ins?|1:1s?)\b"
)
MEETINGS = re.compile(rf"\b{_COUNT}\s+(?:\d{{2,3}}[- ]minute\s+)?{_MEETING}", re.IGNORECASE)
MINUTES = re.compile(r"\b(\d{2,3})[- ]?(?:minutes?|mins?)\b", re.IGNORECASE)
HOURS = re.compile(r"\b(half an hour|an hour and a half|an hour|one hour|two hours)\b", re.I)
WEEKS = re.compile(
    rf"\b(?:over|in|within|across|for|during)\s+(?:the\s+next\s+|the\s+coming\s+)?"
    rf"{_COUNT}\s+(weeks?|months?)\b",
    re.IGNORECASE,
)
A_MONTH = re.compile(r"\b(?:over|in|within|for)\s+(?:the\s+next\s+)?a\s+month\b", re.IGNORECASE)
_HOUR_MINUTES = {"half an hour": 30, "an hour": 60, "one hour": 60,
                 "an hour and a half": 90, "two hours": 120}  # fmt: skip


def _count(word: str) -> int:
    word = word.casefold()
    return int(word) if word.isdecimal() else NUMBER_WORDS.index(word)


def _fits(kind: str, number: int) -> int | None:
    low, high = RANGES[kind]
    return number if low <= number <= high else None


def time_box(text: str) -> dict[str, int]:
    """The meetings, minutes and weeks a message states, where it states them clearly."""
    found: dict[str, int] = {}
    if (match := MEETINGS.search(text)) and (
        number := _fits("meetings", _count(match.group(1)))
    ) is not None:
        found["meetings"] = number
    if match := MINUTES.search(text):
        if (number := _fits("minutes", int(match.group(1)))) is not None:
            found["minutes"] = number
    elif match := HOURS.search(text):
        found["minutes"] = _HOUR_MINUTES[match.group(1).casefold()]
    if match := WEEKS.search(text):
        count = _count(match.group(1))
        weeks = count * 4 if match.group(2).casefold().startswith("month") else count
        if (number := _fits("weeks", weeks)) is not None:
            found["weeks"] = number
    elif A_MONTH.search(text):
        found["weeks"] = 4
    return found
