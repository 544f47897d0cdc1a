"""Shared fixtures: a strong request, as a reader might fill in the form.

Plain data only, so the same suite runs under CPython and inside Pyodide.
"""

import pytest

from builder import Request, validate

STRONG = {
    "focus": "How to run my first customer interview",
    "outcome": "I've run three interviews and written up what I learned",
    "protege_name": "Ana Lima",
    "protege_email": "",
    "mentor_name": "Maria",
    "mentor_call": "",
    "mentor_email": "maria@example.org",
    "channel": "email",
    "acquaintance": "",
    "connection": "your talk at DevDay on customer discovery changed how our team works, "
    "and Sam suggested I get in touch",
    "meetings": "3",
    "minutes": "30",
    "weeks": "4",
    "format": "video",
    "first_date": "",
    "weekday": "",
    "meeting_time": "",
    "preparation": "send you a short update and my questions two days ahead",
    "report_back": "what I tried from your last advice, and what happened",
    "tone": "warm",
    "draft_language": "",
}


@pytest.fixture
def strong_values() -> dict[str, str]:
    """A fresh copy of the strong request's form values."""
    return dict(STRONG)


@pytest.fixture
def strong(strong_values: dict[str, str]) -> Request:
    """The strong request, validated."""
    request, messages = validate(strong_values)
    assert messages == []
    return request
