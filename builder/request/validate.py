"""From raw form values to a `Request`, with a specific message for each bad value.

The browser sends strings, a saved draft may hold anything, and a person may be
halfway through typing. Nothing here raises: every problem becomes a message the
form can show next to the field it is about.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Literal

from builder.program import PROGRAM
from builder.request.dates import parse_date, parse_time
from builder.request.fields import FIELDS, Field
from builder.text import clean, coerce, parse_whole_number
from builder.wording.catalog import say
from builder.wording.pieces import upper_first

Severity = Literal["error", "notice"]

# Deliberately loose: one @, something either side, a dot in the domain, no spaces.
# Mail clients are the real judge; this only catches slips like a missing @.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


@dataclass(frozen=True, slots=True)
class FieldMessage:
    """Something to tell the user about one field ("" for the form as a whole)."""

    field: str
    severity: Severity
    text: str

    def as_data(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"field": self.field, "severity": self.severity, "text": self.text}


@dataclass(frozen=True, slots=True)
class Request:
    """A request as the coach and the drafts use it.

    Text is stripped but otherwise as typed. A value that cannot be used (a
    number out of range, a malformed email) is None or "", so the drafts show a
    placeholder instead of something wrong.
    """

    focus: str = ""
    outcome: str = ""
    protege_name: str = ""
    protege_email: str = ""
    mentor_name: str = ""
    mentor_call: str = ""
    mentor_email: str = ""
    channel: str = "email"
    acquaintance: str = ""
    connection: str = ""
    meetings: int | None = PROGRAM.time_box.meetings
    minutes: int | None = PROGRAM.time_box.minutes
    weeks: int | None = PROGRAM.time_box.weeks
    format: str = PROGRAM.formats[0]
    first_date: date | None = None
    weekday: str = ""
    meeting_time: time | None = None
    preparation: str = ""
    report_back: str = ""
    tone: str = "warm"
    draft_language: str = ""  # blank: the page's (see `request.drafts.draft_language`)


def read_values(
    values: object, fields: tuple[Field, ...] = FIELDS
) -> tuple[dict[str, str], frozenset[str]]:
    """Clean every field's raw value, without judging it.

    Args:
        values: The form's values, by field name.
        fields: The table they belong to: the request's, or another form's (the
            mentors' reply helper).

    Returns:
        The cleaned strings for all fields (a missing field gets its default)
        and the names of fields whose value was not text at all.
    """
    source: Mapping[object, object] = values if isinstance(values, Mapping) else {}
    cleaned: dict[str, str] = {}
    unreadable: set[str] = set()
    for field in fields:
        raw = source.get(field.name, field.default)
        text = coerce(raw)
        if text is None:
            unreadable.add(field.name)
            text = ""
        cleaned[field.name] = clean(text, multiline=field.multiline)
    return cleaned, frozenset(unreadable)


def _noun(field: Field) -> str:
    """How messages name the field, in the language being spoken."""
    return say(field.noun)


def _lead_noun(field: Field) -> str:
    return upper_first(_noun(field))


def _check_text(field: Field, text: str) -> tuple[str, str | None]:
    if len(text) < field.min_length:
        return text, say(
            "Say a little more: {noun} needs at least {least} characters (it has {count}).",
            noun=_noun(field), least=field.min_length, count=len(text),
        )  # fmt: skip
    if field.max_length and len(text) > field.max_length:
        return text, say(
            "{noun} is {count} characters; keep it to {most} or fewer.",
            noun=_lead_noun(field), count=len(text), most=field.max_length,
        )  # fmt: skip
    return text, None


def _check_email(field: Field, text: str) -> tuple[str, str | None]:
    if len(text) > field.max_length:
        return "", say("That email address is too long ({count} characters).", count=len(text))
    if not _EMAIL.fullmatch(text):
        return "", say(
            "That email address doesn't look complete: it should look like name@example.org."
        )
    return text, None


def _check_int(field: Field, text: str) -> tuple[int | None, str | None]:
    number = parse_whole_number(text)
    if number is None:
        example = field.default or field.placeholder
        return None, say(
            "{noun} must be a whole number, like {example}.",
            noun=_lead_noun(field),
            example=example,
        )
    if not field.in_range(number):
        return None, say(
            "Pick between {least} and {most} {unit}.",
            least=field.min_value, most=field.max_value, unit=say(field.unit),
        )  # fmt: skip
    return number, None


def _check_choice(field: Field, text: str) -> tuple[str, str | None]:
    if field.choice_label(text):
        return text, None
    labels = ", ".join(say(label) for _, label in field.choices)
    return field.default, say("Pick one of: {labels}.", labels=labels)


def check(
    cleaned: Mapping[str, str], unreadable: frozenset[str] = frozenset()
) -> tuple[Request, list[FieldMessage]]:
    """Judge values already passed through `read_values`."""
    usable, messages = judge(FIELDS, cleaned, unreadable)
    return Request(**usable), messages


def judge(
    fields: tuple[Field, ...], cleaned: Mapping[str, str], unreadable: frozenset[str] = frozenset()
) -> tuple[dict[str, object], list[FieldMessage]]:
    """Each field's usable value (None or "" where it cannot be used), and one message
    per bad field: the same judgement for any field table."""
    usable: dict[str, object] = {}
    messages: list[FieldMessage] = []
    for field in fields:
        text = cleaned.get(field.name, field.default).strip()
        problem: str | None
        value: object
        if field.name in unreadable:
            value, problem = (
                _blank(field),
                say("{noun} couldn't be read; please type it again.", noun=_lead_noun(field)),
            )
        elif not text:
            value = _blank(field)
            problem = _missing(field) if field.required else None
        elif field.kind == "int":
            value, problem = _check_int(field, text)
        elif field.kind == "choice":
            value, problem = _check_choice(field, text)
        elif field.kind == "email":
            value, problem = _check_email(field, text)
        elif field.kind == "date":
            value, problem = parse_date(text)
        elif field.kind == "time":
            value, problem = parse_time(text)
        else:
            value, problem = _check_text(field, text)
        usable[field.name] = value
        if problem:
            messages.append(FieldMessage(field.name, "error", problem))
    return usable, messages


def _missing(field: Field) -> str:
    if field.missing:
        return say(field.missing)
    return say("Choose a {noun}.", noun=_noun(field))


def _blank(field: Field) -> object:
    if field.kind in {"int", "date", "time"}:
        return None
    if field.kind == "choice":
        return field.default
    return ""


def validate(values: object) -> tuple[Request, list[FieldMessage]]:
    """Coerce raw form values into a `Request` and say what is wrong with them.

    Args:
        values: A mapping of field name to raw value, usually all strings. Any
            other input is treated as an empty form.

    Returns:
        The request built from the usable values, and one error per bad field.
    """
    return check(*read_values(values))
