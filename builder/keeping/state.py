"""A request to and from a share link and a saved draft, tolerant of anything.

Links get edited, truncated and pasted into chat apps; saved drafts outlive the
code that wrote them. So reading never fails: what can be used is kept, the rest
falls back to defaults, and the reader is told what happened (in their language, with
`say`). Values are the raw strings the form holds; saved drafts keep half-typed input as
it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode

from builder.request.dates import parse_date, parse_time
from builder.request.fields import BY_URL_KEY, FIELDS, Field, defaults
from builder.request.validate import FieldMessage
from builder.text import clean, coerce, parse_whole_number
from builder.wording.catalog import say
from builder.wording.pieces import upper_first

VERSION = 1
MAX_PAIRS = 64  # a real link has at most one pair per field
MAX_JSON_CHARS = 1_000_000
MAX_JSON_DEPTH = 16  # a saved draft is two levels deep
# Strings whole (so brackets inside them don't count), or a single bracket.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
LINK = "link"
SAVED = "saved draft"


def _notice(field: str, text: str) -> FieldMessage:
    return FieldMessage(field, "notice", text)


def _noun(field: Field) -> str:
    """How a notice names the field, to start a sentence, in the language being spoken."""
    return upper_first(say(field.noun))


def _store(field: Field, raw: object, source: str) -> tuple[str, list[FieldMessage]]:
    """One value as the form should hold it, cleaned and cut to the field's limit."""
    text = coerce(raw)
    if text is None:
        problem = (
            say("{noun} in the link couldn't be read, so it was reset.", noun=_noun(field))
            if source == LINK
            else say(
                "{noun} in the saved draft couldn't be read, so it was reset.", noun=_noun(field)
            )
        )
        return field.default, [_notice(field.name, problem)]
    text = clean(text, multiline=field.multiline)
    if field.max_length and len(text) > field.max_length:
        problem = say(
            "{noun} was cut to {limit} characters.", noun=_noun(field), limit=field.max_length
        )
        return text[: field.max_length], [_notice(field.name, problem)]
    return text, []


def _strict(field: Field, text: str) -> tuple[str, list[FieldMessage]]:
    """Numbers and choices as a link must carry them: valid, or the default."""
    if field.kind == "int":
        number = parse_whole_number(text)
        if number is not None and field.in_range(number):
            return str(number), []
        problem = say(
            "{noun} in the link wasn't a whole number from {least} to {most}, so it was set "
            "to {default}.",
            noun=_noun(field), least=field.min_value, most=field.max_value, default=field.default,
        )  # fmt: skip
        return field.default, [_notice(field.name, problem)]
    if field.kind in {"date", "time"} and text.strip():
        parse = parse_date if field.kind == "date" else parse_time
        if parse(text)[0] is None:
            problem = say(
                "{noun} in the link couldn't be read, so it was left open.", noun=_noun(field)
            )
            return field.default, [_notice(field.name, problem)]
        return text.strip(), []
    if field.kind == "choice" and not field.choice_label(text):
        label = field.choice_label(field.default)
        problem = say(
            "{noun} in the link wasn't one of the choices, so it was set to {choice}.",
            noun=_noun(field), choice=say(label) if label else label,
        )  # fmt: skip
        return field.default, [_notice(field.name, problem)]
    return text, []


def _version_notice(version: object, source: str) -> list[FieldMessage]:
    if version in (None, VERSION, str(VERSION)):
        return []
    if source == LINK:
        problem = say(
            "This link was made by a different version of the builder; everything that could "
            "be read was kept."
        )
    else:
        problem = say(
            "This saved draft was made by a different version of the builder; everything that "
            "could be read was kept."
        )
    return [_notice("", problem)]


def to_query(values: object) -> str:
    """A compact, versioned query string; only values that differ from the defaults.

    Returns:
        Something like "v=1&f=how+to+run+an+interview&m=2", without a leading "?".
    """
    source = values if isinstance(values, Mapping) else {}
    pairs = [("v", str(VERSION))]
    for field in FIELDS:
        text, _ = _store(field, source.get(field.name, field.default), LINK)
        if text != field.default:
            pairs.append((field.url_key, text))
    return urlencode(pairs)


def from_query(query: object) -> tuple[dict[str, str], list[FieldMessage]]:
    """The form values a share link describes, and notices about anything changed.

    Accepts a bare query, one starting with "?" or "#", or a whole URL. Unknown
    keys are ignored; the first of repeated keys wins.
    """
    values = defaults()
    if query is None:
        return values, []
    if isinstance(query, bytes):
        query = query.decode("utf-8", "replace")
    if not isinstance(query, str):
        return values, [_notice("", say("The link couldn't be read, so the form starts fresh."))]
    query = query.split("#", 1)[-1] if "#" in query and "?" not in query else query
    query = query.split("?", 1)[-1].split("#", 1)[0]
    pairs = parse_qsl("&".join(query.split("&", MAX_PAIRS)[:MAX_PAIRS]), keep_blank_values=True)
    notices: list[FieldMessage] = []
    seen: set[str] = set()
    version: object = None
    for key, raw in pairs:
        if key == "v" and version is None:
            version = raw
        field = BY_URL_KEY.get(key)
        if field is None or field.name in seen:
            continue
        seen.add(field.name)
        text, problems = _store(field, raw, LINK)
        if field.kind in {"int", "choice", "date", "time"}:
            text, problems = _strict(field, text)
        values[field.name] = text
        notices += problems
    return values, _version_notice(version, LINK) + notices


def _too_deep(text: str) -> bool:
    """Whether JSON nests deeper than a saved draft ever does.

    Checked before parsing because the parser recurses per level, and in Pyodide
    a few thousand levels overflow the JavaScript stack and kill the runtime
    rather than raising RecursionError.
    """
    depth = 0
    for token in _JSON_TOKENS.finditer(text):
        bracket = token.group()
        if bracket in ("[", "{"):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return True
        elif bracket in ("]", "}"):
            depth -= 1
    return False


def to_json(values: object) -> str:
    """A saved draft: {"version": 1, "values": {...}} with every field."""
    source = values if isinstance(values, Mapping) else {}
    stored = {
        field.name: _store(field, source.get(field.name, field.default), SAVED)[0]
        for field in FIELDS
    }
    return json.dumps({"version": VERSION, "values": stored}, ensure_ascii=False)


def from_json(text: object) -> tuple[dict[str, str], list[FieldMessage]]:
    """The form values in a saved draft, and notices about anything changed."""
    values = defaults()
    fresh = [_notice("", say("The saved draft couldn't be read, so the form starts fresh."))]
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if not isinstance(text, str) or len(text) > MAX_JSON_CHARS or _too_deep(text):
        return values, fresh
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return values, fresh
    if not isinstance(data, dict) or not isinstance(data.get("values"), dict):
        return values, fresh
    notices = _version_notice(data.get("version"), SAVED)
    saved = data["values"]
    for field in FIELDS:
        if field.name in saved:
            values[field.name], problems = _store(field, saved[field.name], SAVED)
            notices += problems
    return values, notices
