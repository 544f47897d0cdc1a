"""One kept request: reading it (strictly from a file, tolerantly from the browser),
a new blank one, its default name and its id.

A record is `{"id", "name", "named", "created", "zone", "values", "edits", "after"}`
(the document around it is `builder.keeping.store`'s). `Reader` reads every part of one,
turning each problem into `Invalid` when strict, else skipping what cannot be kept. A
problem is said in the reader's language: "{what} is not text.", where `what` names
the part it is in ("A note in the log").
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from builder.after.drafts import OUTPUTS as AFTER_OUTPUTS
from builder.after.progress import AFTER_DATES, LOG_FIELDS, MAX_LOG, NEXT_FIELD, REPLIES
from builder.keeping.edits import MAX_EDIT
from builder.request import dates
from builder.request.drafts import OUTPUTS
from builder.request.fields import FIELD, FIELDS, defaults
from builder.text import clean, coerce, shorten
from builder.wording.catalog import say
from builder.wording.fitting import fit

MAX_NAME = 80
MAX_TEXT = MAX_EDIT  # one stored string: far more than any field or draft needs
REQUEST_ID = re.compile(r"r-[a-z0-9]{1,32}(?:-\d{1,3})?")
_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+){0,2}")
EDIT_KEYS = ("text", "subject", "base", "base_subject")
DRAFT_NAMES = frozenset(OUTPUTS) | frozenset(AFTER_OUTPUTS)


class Invalid(ValueError):
    """A file that cannot be imported; the message says why, for the reader (said in
    their language where it is raised)."""


@dataclass
class Reader:
    """Reads records; `strict` turns every problem into `Invalid`, else it is skipped."""

    strict: bool
    where: str = ""  # which request of several, already said: "Request 2: "
    problems: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        if self.strict:
            raise Invalid(f"{self.where}{text}")
        self.problems.append(text)

    def text(self, value: object, what: str, limit: int = MAX_TEXT) -> str:
        if value is None:
            return ""
        text = coerce(value) if not isinstance(value, bool) else None
        if text is None or isinstance(value, (dict, list)):
            self.problem(say("{what} is not text.", what=what))
            return ""
        if len(text) > limit:
            self.problem(
                say("{what} is longer than the builder keeps ({limit:,} characters).",
                    what=what, limit=limit)
            )  # fmt: skip
            text = text[:limit]
        return clean(text, multiline=True)

    def day(self, value: object, what: str) -> str:
        text = self.text(value, what, 40).strip()
        if text and dates.parse_date(text)[0] is None:
            self.problem(say("{what} is not a date.", what=what))
            return ""
        return text

    def mapping(self, value: object, what: str) -> Mapping:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.problem(say("{what} is not a set of named values.", what=what))
            return {}
        return value


def read_values(reader: Reader, raw: object) -> dict[str, str]:
    source = reader.mapping(raw, say("Its answers"))
    values = defaults()
    for item in FIELDS:
        if item.name in source:
            what = say("The {noun}", noun=say(item.noun))
            values[item.name] = reader.text(source[item.name], what)
    return values


def read_edits(reader: Reader, raw: object) -> dict[str, dict[str, str]]:
    edits = {}
    for name, item in reader.mapping(raw, say("Its edited drafts")).items():
        if name not in DRAFT_NAMES:
            reader.problem(say("An edited draft has a name the builder does not know."))
            continue
        item = reader.mapping(item, say("An edited draft"))
        if not isinstance(item.get("text"), str):
            continue
        edits[name] = {key: reader.text(item.get(key), say("An edited draft")) for key in EDIT_KEYS}
    return edits


def read_after(reader: Reader, raw: object) -> dict[str, object]:
    source = reader.mapping(raw, say("What happened after sending"))
    after: dict[str, object] = {
        name: reader.day(source.get(name), say("A date after sending")) for name in AFTER_DATES
    }
    reply = source.get("reply", "")
    if not isinstance(reply, str) or reply not in dict(REPLIES):
        reader.problem(say("The reply is not one the builder knows."))
        reply = ""
    after["reply"] = reply
    sent = source.get("sent_values")
    after["sent_values"] = read_values(reader, sent) if sent is not None else None
    raw_log = source.get("log", [])
    if not isinstance(raw_log, list):
        reader.problem(say("The meeting log is not a list."))
        raw_log = []
    if len(raw_log) > MAX_LOG:
        reader.problem(say("The meeting log has more than {limit} meetings.", limit=MAX_LOG))
        raw_log = raw_log[:MAX_LOG]
    log = []
    for item in raw_log:
        item = reader.mapping(item, say("A meeting in the log"))
        entry = {}
        for spec in LOG_FIELDS:
            if spec.kind == "date":
                entry[spec.name] = reader.day(item.get(spec.name), say("A meeting's date"))
            else:
                entry[spec.name] = reader.text(item.get(spec.name), say("A note in the log"))
        log.append(entry)
    after["log"] = log
    after["next"] = reader.text(
        source.get("next"), say("What you'll do next"), NEXT_FIELD.max_length
    )
    after["ended"] = source.get("ended") is True
    return after


def name_for(values: Mapping[str, str]) -> str:
    """A request's default name: who it asks, and a few words of its focus ("New request",
    in the reader's language, for neither: a name, kept as data once made)."""
    mentor = " ".join(str(values.get("mentor_name", "")).split())
    focus = fit("focus", str(values.get("focus", "")))
    label = shorten(focus.label, 40) if focus.kind not in ("blank", "") else ""
    if mentor and label:
        return shorten(f"{mentor}: {label}", MAX_NAME)
    return shorten(mentor or label or say("New request"), MAX_NAME)


def new_id(taken: Collection[str] = ()) -> str:
    """A new request's id: "r-" and 64 random bits, never derived from its content.

    Ids meet other people's: in an import from another device, and in the calendar
    events a mentor gets from several protégés (`invites`). Version 2 made them from
    the answers, so every browser's first request had the same one (`store` gives
    those new ids)."""
    while True:
        ident = f"r-{os.urandom(8).hex()}"
        if ident not in taken:
            return ident


def read_record(reader: Reader, raw: object, taken: set[str]) -> dict[str, object] | None:
    if not isinstance(raw, Mapping):
        reader.problem(say("A request in it is not a request."))
        return None
    values = read_values(reader, raw.get("values"))
    ident = raw.get("id")
    if not isinstance(ident, str) or not REQUEST_ID.fullmatch(ident):
        if ident is not None:
            reader.problem(say("A request has an id the builder does not make."))
        ident = new_id(taken)
    if ident in taken:
        ident = new_id(taken)
    name = " ".join(reader.text(raw.get("name"), say("A request's name"), MAX_NAME * 4).split())
    zone = reader.text(raw.get("zone"), say("A time zone"), 64).strip()
    if zone and not _ZONE.fullmatch(zone):
        reader.problem(say("A time zone is not one the browser gives."))
        zone = ""
    return {
        "id": ident,
        "name": name[:MAX_NAME] or name_for(values),
        "named": raw.get("named") is True,  # the reader's own name: not renamed for them
        "created": reader.day(raw.get("created"), say("A request's date")),
        "zone": zone,
        "values": values,
        "edits": read_edits(reader, raw.get("edits")),
        "after": read_after(reader, raw.get("after")),
    }


def blank_record(
    taken: set[str], values: Mapping[str, str] | None = None, created: str = ""
) -> dict:
    """A new request: the defaults, or the values given (already read)."""
    values = dict(values) if values is not None else defaults()
    return {
        "id": new_id(taken),
        "name": name_for(values),
        "named": False,
        "created": created,
        "zone": "",
        "values": values,
        "edits": {},
        "after": read_after(Reader(strict=False), {}),
    }


def same_answers(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    return all(a.get(item.name, "") == b.get(item.name, "") for item in FIELDS)


# What the reader says of themselves: a new request starts with it (`request_list.add`).
OWN_FIELDS = ("protege_name", "protege_email")


# What the form sets on its own before the reader types anything: the drafts' language
# starts at the page's.
SET_BY_THE_PAGE = ("draft_language",)


def untouched(record: Mapping[str, object]) -> bool:
    """A request with nothing of the reader's in it: default answers (their own name and
    what the page sets aside), no edits, no log."""
    after = record.get("after") or {}
    ignored = (*OWN_FIELDS, *SET_BY_THE_PAGE)
    values = {**record["values"], **{name: FIELD[name].default for name in ignored}}
    return (
        same_answers(values, defaults())
        and not record.get("edits")
        and not any(after.get(name) for name in (*AFTER_DATES, "reply", "log", "next", "ended"))
    )


def same_content(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    """Whether two records hold the same request: its answers, edited drafts and what
    happened after (ids, names and creation dates aside: a renamed request, or the copy
    an earlier import kept beside the reader's, is still the same request)."""
    return all(a.get(key) == b.get(key) for key in ("values", "edits", "after"))
