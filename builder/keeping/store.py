"""Everything kept in the browser, as one versioned document, and files to take it along.

The page keeps one JSON document in `localStorage`: several requests side by side,
each with its form values, the reader's edits of the drafts, the zone its dates are
in, and what happened after it was sent (the reply, the follow-up, the meeting log).

    {"format": "shorthaul-requests", "version": 3, "saved_at": "…", "current": "r-…",
     "requests": [{"id": "r-…", "name": "…", "named": false, "created": "2026-01-05",
                   "zone": "…", "values": {…}, "edits": {…}, "after": {…}}]}

Each request is read by `builder.keeping.record`; its name follows its answers ("Jonas: how
to run…", `name_for`) until the reader renames it (`named`).

Version 1 was the single saved draft (`{"version": 1, "values": …, "edits": …}`);
`open_store` turns it, and the draft kept aside when a link won (`previous`), into
requests, losing nothing. Version 2 made each request's id from its answers, so the
first request of every browser had the same id (`r-822f8ebc4a`), which met others in
imports and in mentors' calendars; reading a version-2 document or file gives each
request a new random id (version 3), and nothing else changes. The same document,
with one request or all, is the export file; `builder.keeping.request_list.import_file`
reads one strictly (a broken, hostile or foreign file changes nothing), while
`read_store` reads the browser's own copy tolerantly (what can be kept is kept).
`builder.keeping.request_list` adds, renames, deletes and exports requests.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from builder.keeping.record import (
    Invalid,
    Reader,
    blank_record,
    new_id,
    read_after,
    read_edits,
    read_record,
    read_values,
    same_answers,
)
from builder.keeping.state import MAX_JSON_CHARS, _too_deep
from builder.request import dates
from builder.wording.catalog import say

FORMAT = "shorthaul-requests"
VERSION = 3
VERSIONS = (2, 3)  # what `read_document` reads; 2 is migrated (new ids)
MAX_REQUESTS = 50


def parse_json(text: object) -> object:
    """JSON text, refusing what no saved document is: too big, too deep, not JSON."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if not isinstance(text, str):
        raise Invalid(say("The file is empty or not text."))
    if len(text) > MAX_JSON_CHARS:
        raise Invalid(say("The file is too big to be a Short Haul export (over 1 MB)."))
    if _too_deep(text):
        raise Invalid(say("The file nests deeper than a Short Haul export ever does."))
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise Invalid(say("The file is not a Short Haul export: it isn't readable JSON.")) from None


def read_document(data: object, strict: bool) -> tuple[dict[str, object], list[str]]:
    """A document (or a version-1 draft, migrated) as plain, checked data."""
    reader = Reader(strict)
    if not isinstance(data, Mapping):
        raise Invalid(say("The file is not a Short Haul export."))
    version = data.get("version")
    if data.get("format") != FORMAT:
        if isinstance(data.get("values"), Mapping) and version in (None, 1, "1"):
            return _migrate(reader, data), reader.problems  # a saved draft of version 1
        raise Invalid(say("The file is not a Short Haul export."))
    if not isinstance(version, int) or isinstance(version, bool):
        raise Invalid(say("The file's version can't be read."))
    if version > VERSION:
        raise Invalid(
            say(
                "The file was made by a newer version of the builder (version {version}); "
                "reload the page to get the newest, then import it again.",
                version=version,
            )
        )
    if version not in VERSIONS:
        raise Invalid(
            say("The file's version ({version}) is one the builder never made.", version=version)
        )
    raw = data.get("requests")
    if not isinstance(raw, list):
        raise Invalid(say("The file holds no list of requests."))
    if len(raw) > MAX_REQUESTS:
        raise Invalid(say("The file holds more than {limit} requests.", limit=MAX_REQUESTS))
    records: list[dict[str, object]] = []
    taken: set[str] = set()
    for index, item in enumerate(raw, start=1):
        reader.where = say("Request {number}:", number=index) + " " if len(raw) > 1 else ""
        record = read_record(reader, item, taken)
        if record is not None:
            taken.add(str(record["id"]))
            records.append(record)
    current = data.get("current")
    if not isinstance(current, str) or current not in taken:
        current = records[0]["id"] if records else ""
    if version == 2:  # ids made from the answers, the same in many browsers: new ones
        fresh: dict[str, str] = {}
        for record in records:
            fresh[str(record["id"])] = record["id"] = new_id(fresh.values())
        current = fresh.get(str(current), "")
    return {"current": current, "requests": records}, reader.problems


def _migrate(reader: Reader, data: Mapping) -> dict[str, object]:
    """A version-1 saved draft as a document of one request."""
    record = blank_record(set(), read_values(reader, data.get("values")))
    record["edits"] = read_edits(reader, data.get("edits"))
    if data.get("after") is not None:  # the page's working copy carries it too
        record["after"] = read_after(reader, data.get("after"))
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
        return None, [say("The requests saved in this browser could not be read.")]


def open_store(
    stored: object = None, draft: object = None, previous: object = None, today: str = ""
) -> dict[str, object]:
    """What the page keeps from now on, from whatever it had.

    Args:
        stored: The document's text, if there is one.
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
    for raw, name in ((previous, say("Earlier draft")), (draft, "")):
        if raw is None:
            continue
        try:
            migrated, _ = read_document(parse_json(raw), strict=False)
        except Invalid:
            notices.append(say("A draft saved in this browser could not be read."))
            continue
        for record in migrated["requests"]:
            match = next((r for r in requests if same_answers(r["values"], record["values"])), None)
            if match is None:
                record["id"] = new_id({r["id"] for r in requests})
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
