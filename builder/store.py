"""Everything kept in the browser, as one versioned document, and files to take it along.

The page keeps one JSON document in `localStorage`: several requests side by side,
each with its form values, the reader's edits of the drafts, the zone its dates are
in, and what happened after it was sent (the reply, the follow-up, the meeting log).

    {"format": "shorthaul-requests", "version": 2, "saved_at": "…", "current": "r-…",
     "requests": [{"id": "r-…", "name": "…", "named": false, "created": "2026-01-05",
                   "zone": "…", "values": {…}, "edits": {…}, "after": {…}}]}

A request's name follows its answers ("Jonas: how to run…", `name_for`) until the
reader renames it (`named`).

Version 1 was the single saved draft (`{"version": 1, "values": …, "edits": …}`);
`open_store` turns it, and the draft kept aside when a link won (`previous`), into
requests of version 2, losing nothing. The same document, with one request or all,
is the export file; `builder.request_list.import_file` reads one strictly (a broken,
hostile or foreign file changes nothing), while `read_store` reads the browser's own
copy tolerantly (what can be kept is kept). `builder.request_list` adds, renames,
deletes and exports requests.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from builder import dates
from builder.after import AFTER_DATES, LOG_FIELDS, MAX_LOG, NEXT_FIELD, REPLIES
from builder.after_drafts import OUTPUTS as AFTER_OUTPUTS
from builder.drafts import OUTPUTS
from builder.edits import MAX_EDIT
from builder.fields import FIELDS, defaults
from builder.fitting import fit
from builder.state import MAX_JSON_CHARS, _too_deep
from builder.text import clean, coerce, shorten

FORMAT = "shorthaul-requests"
VERSION = 2
MAX_REQUESTS = 50
MAX_NAME = 80
MAX_TEXT = MAX_EDIT  # one stored string: far more than any field or draft needs
_ID = re.compile(r"r-[a-z0-9]{1,32}(?:-\d{1,3})?")
_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+){0,2}")
EDIT_KEYS = ("text", "subject", "base", "base_subject")
DRAFT_NAMES = frozenset(OUTPUTS) | frozenset(AFTER_OUTPUTS)


class Invalid(ValueError):
    """A file that cannot be imported; the message says why, for the reader."""


@dataclass
class _Reader:
    """Reads records; `strict` turns every problem into `Invalid`, else it is skipped."""

    strict: bool
    where: str = ""
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
            self.problem(f"{what} is not text.")
            return ""
        if len(text) > limit:
            self.problem(f"{what} is longer than the builder keeps ({limit:,} characters).")
            text = text[:limit]
        return clean(text, multiline=True)

    def day(self, value: object, what: str) -> str:
        text = self.text(value, what, 40).strip()
        if text and dates.parse_date(text)[0] is None:
            self.problem(f"{what} is not a date.")
            return ""
        return text

    def mapping(self, value: object, what: str) -> Mapping:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.problem(f"{what} is not a set of named values.")
            return {}
        return value


def _values(reader: _Reader, raw: object) -> dict[str, str]:
    source = reader.mapping(raw, "Its answers")
    values = defaults()
    for item in FIELDS:
        if item.name in source:
            values[item.name] = reader.text(source[item.name], f"The {item.noun}")
    return values


def _edits(reader: _Reader, raw: object) -> dict[str, dict[str, str]]:
    edits = {}
    for name, item in reader.mapping(raw, "Its edited drafts").items():
        if name not in DRAFT_NAMES:
            reader.problem("An edited draft has a name the builder does not know.")
            continue
        item = reader.mapping(item, "An edited draft")
        if not isinstance(item.get("text"), str):
            continue
        edits[name] = {key: reader.text(item.get(key), "An edited draft") for key in EDIT_KEYS}
    return edits


def _after(reader: _Reader, raw: object) -> dict[str, object]:
    source = reader.mapping(raw, "What happened after sending")
    after: dict[str, object] = {
        name: reader.day(source.get(name), "A date after sending") for name in AFTER_DATES
    }
    reply = source.get("reply", "")
    if not isinstance(reply, str) or reply not in dict(REPLIES):
        reader.problem("The reply is not one the builder knows.")
        reply = ""
    after["reply"] = reply
    sent = source.get("sent_values")
    after["sent_values"] = _values(reader, sent) if sent is not None else None
    raw_log = source.get("log", [])
    if not isinstance(raw_log, list):
        reader.problem("The meeting log is not a list.")
        raw_log = []
    if len(raw_log) > MAX_LOG:
        reader.problem(f"The meeting log has more than {MAX_LOG} meetings.")
        raw_log = raw_log[:MAX_LOG]
    log = []
    for item in raw_log:
        item = reader.mapping(item, "A meeting in the log")
        entry = {}
        for spec in LOG_FIELDS:
            if spec.kind == "date":
                entry[spec.name] = reader.day(item.get(spec.name), "A meeting's date")
            else:
                entry[spec.name] = reader.text(item.get(spec.name), "A note in the log")
        log.append(entry)
    after["log"] = log
    after["next"] = reader.text(source.get("next"), "What you'll do next", NEXT_FIELD.max_length)
    return after


def name_for(values: Mapping[str, str]) -> str:
    """A request's default name: who it asks, and a few words of its focus."""
    mentor = " ".join(str(values.get("mentor_name", "")).split())
    focus = fit("focus", str(values.get("focus", "")))
    label = shorten(focus.label, 40) if focus.kind not in ("blank", "") else ""
    if mentor and label:
        return shorten(f"{mentor}: {label}", MAX_NAME)
    return shorten(mentor or label or "New request", MAX_NAME)


def new_id(values: Mapping[str, object], taken: set[str], salt: str = "") -> str:
    """An id from the request's content, made unique among `taken`."""
    digest = hashlib.sha256((salt + json.dumps(values, sort_keys=True)).encode()).hexdigest()
    base = f"r-{digest[:10]}"
    ident, number = base, 1
    while ident in taken:
        number += 1
        ident = f"{base}-{number}"
    return ident


def _record(reader: _Reader, raw: object, taken: set[str]) -> dict[str, object] | None:
    if not isinstance(raw, Mapping):
        reader.problem("A request in it is not a request.")
        return None
    values = _values(reader, raw.get("values"))
    ident = raw.get("id")
    if not isinstance(ident, str) or not _ID.fullmatch(ident):
        if ident is not None:
            reader.problem("A request has an id the builder does not make.")
        ident = new_id(values, taken)
    if ident in taken:
        ident = new_id(values, taken)
    name = " ".join(reader.text(raw.get("name"), "A request's name", MAX_NAME * 4).split())
    zone = reader.text(raw.get("zone"), "A time zone", 64).strip()
    if zone and not _ZONE.fullmatch(zone):
        reader.problem("A time zone is not one the browser gives.")
        zone = ""
    return {
        "id": ident,
        "name": name[:MAX_NAME] or name_for(values),
        "named": raw.get("named") is True,  # the reader's own name: not renamed for them
        "created": reader.day(raw.get("created"), "A request's date"),
        "zone": zone,
        "values": values,
        "edits": _edits(reader, raw.get("edits")),
        "after": _after(reader, raw.get("after")),
    }


def blank_record(
    taken: set[str], values: Mapping[str, str] | None = None, created: str = ""
) -> dict:
    """A new request: the defaults, or the values given (already read)."""
    values = dict(values) if values is not None else defaults()
    return {
        "id": new_id(values, taken, salt=created + str(len(taken))),
        "name": name_for(values),
        "named": False,
        "created": created,
        "zone": "",
        "values": values,
        "edits": {},
        "after": _after(_Reader(strict=False), {}),
    }


def parse_json(text: object) -> object:
    """JSON text, refusing what no saved document is: too big, too deep, not JSON."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if not isinstance(text, str):
        raise Invalid("The file is empty or not text.")
    if len(text) > MAX_JSON_CHARS:
        raise Invalid("The file is too big to be a Short Haul export (over 1 MB).")
    if _too_deep(text):
        raise Invalid("The file nests deeper than a Short Haul export ever does.")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise Invalid("The file is not a Short Haul export: it isn't readable JSON.") from None


def read_document(data: object, strict: bool) -> tuple[dict[str, object], list[str]]:
    """A version-2 document (or a version-1 draft, migrated) as plain, checked data."""
    reader = _Reader(strict)
    if not isinstance(data, Mapping):
        raise Invalid("The file is not a Short Haul export.")
    version = data.get("version")
    if data.get("format") != FORMAT:
        if isinstance(data.get("values"), Mapping) and version in (None, 1, "1"):
            return _migrate(reader, data), reader.problems  # a saved draft of version 1
        raise Invalid("The file is not a Short Haul export.")
    if not isinstance(version, int) or isinstance(version, bool):
        raise Invalid("The file's version can't be read.")
    if version > VERSION:
        raise Invalid(
            f"The file was made by a newer version of the builder (version {version}); "
            "reload the page to get the newest, then import it again."
        )
    if version < VERSION:
        raise Invalid(f"The file's version ({version}) is one the builder never made.")
    raw = data.get("requests")
    if not isinstance(raw, list):
        raise Invalid("The file holds no list of requests.")
    if len(raw) > MAX_REQUESTS:
        raise Invalid(f"The file holds more than {MAX_REQUESTS} requests.")
    records: list[dict[str, object]] = []
    taken: set[str] = set()
    for index, item in enumerate(raw, start=1):
        reader.where = f"Request {index}: " if len(raw) > 1 else ""
        record = _record(reader, item, taken)
        if record is not None:
            taken.add(str(record["id"]))
            records.append(record)
    current = data.get("current")
    if not isinstance(current, str) or current not in taken:
        current = records[0]["id"] if records else ""
    return {"current": current, "requests": records}, reader.problems


def _migrate(reader: _Reader, data: Mapping) -> dict[str, object]:
    """A version-1 saved draft as a version-2 document of one request."""
    record = blank_record(set(), _values(reader, data.get("values")))
    record["edits"] = _edits(reader, data.get("edits"))
    if data.get("after") is not None:  # the page's working copy carries it too
        record["after"] = _after(reader, data.get("after"))
    saved_at = data.get("saved_at")
    if isinstance(saved_at, str) and dates.parse_date(saved_at[:10])[0] is not None:
        record["created"] = saved_at[:10]
    return {"current": record["id"], "requests": [record]}


def full(document: Mapping[str, object], saved_at: str = "") -> dict[str, object]:
    """The document with its format and version, as the page stores it."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "saved_at": saved_at,
        "current": document.get("current", ""),
        "requests": list(document.get("requests", [])),
    }


def dump(document: Mapping[str, object], saved_at: str = "") -> str:
    """The document as stored and exported."""
    return json.dumps(full(document, saved_at), ensure_ascii=False)


def read_store(text: object) -> tuple[dict[str, object] | None, list[str]]:
    """The browser's own document, read tolerantly; None when nothing can be read."""
    if text is None:
        return None, []
    try:
        return read_document(parse_json(text), strict=False)
    except Invalid:
        return None, ["The requests saved in this browser could not be read."]


def _same(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    return all(a.get(item.name, "") == b.get(item.name, "") for item in FIELDS)


def untouched(record: Mapping[str, object]) -> bool:
    """A request with nothing of the reader's in it: default answers, no edits, no log."""
    after = record.get("after") or {}
    return (
        _same(record["values"], defaults())
        and not record.get("edits")
        and not any(after.get(name) for name in (*AFTER_DATES, "reply", "log", "next"))
    )


def open_store(
    stored: object = None, draft: object = None, previous: object = None, today: str = ""
) -> dict[str, object]:
    """What the page keeps from now on, from whatever it had.

    Args:
        stored: The version-2 document's text, if there is one.
        draft: A version-1 draft's text: the saved draft of before the upgrade, or
            the form's working copy when a link or early typing filled the form.
        previous: The version-1 draft that a link set aside, if any.
        today: The reader's date, for the new requests' `created`.

    Returns:
        `{"document", "previous", "notices", "unreadable"}`: `previous` is the id of
        the request the form showed before the draft was adopted (to offer it back),
        `unreadable` says the stored document could not be read (the page keeps its
        text aside rather than overwrite it).
    """
    document, notices = read_store(stored)
    unreadable = stored is not None and document is None
    if document is None:
        document = {"current": "", "requests": []}
    requests: list[dict] = list(document["requests"])
    before = document["current"] or None
    offer = earlier = None
    for raw, name in ((previous, "Earlier draft"), (draft, "")):
        if raw is None:
            continue
        try:
            migrated, _ = read_document(parse_json(raw), strict=False)
        except Invalid:
            notices.append("A draft saved in this browser could not be read.")
            continue
        for record in migrated["requests"]:
            match = next((r for r in requests if _same(r["values"], record["values"])), None)
            if match is None:
                record["id"] = new_id(record["values"], {r["id"] for r in requests})
                record["created"] = record["created"] or today
                if name:
                    record["name"] = name
                requests.append(record)
                match = record
            if raw is previous:
                earlier = match["id"]
            if raw is draft:
                before = before or earlier  # the draft a link set aside, now a request
                if before and before != match["id"]:
                    offer = before
                document["current"] = match["id"]
                if not match["edits"] and record["edits"]:
                    match["edits"] = record["edits"]
    if not requests:
        requests.append(blank_record(set(), created=today))
    ids = {r["id"] for r in requests}
    if document["current"] not in ids:
        document["current"] = requests[-1]["id"] if draft is not None else requests[0]["id"]
    document["requests"] = requests[:MAX_REQUESTS]
    return {
        "document": full(document),
        "previous": offer,
        "notices": notices,
        "unreadable": unreadable,
    }
