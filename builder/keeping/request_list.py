"""The reader's list of requests: add one, rename, delete, export, import.

Each operation takes the page's document (already an object, read tolerantly as
`builder.keeping.store` reads it) and returns the whole new document, written in full, for
the page to keep; nothing here touches storage.
"""

from __future__ import annotations

from builder.keeping.record import (
    MAX_NAME,
    OWN_FIELDS,
    Invalid,
    blank_record,
    new_id,
    same_content,
    untouched,
)
from builder.keeping.store import MAX_REQUESTS, dump, full, parse_json, read_document
from builder.request.fields import FIELD, defaults
from builder.text import clean, coerce, shorten
from builder.wording.catalog import say, spoken, to_say


def _loaded(raw: object) -> dict[str, object]:
    """The page's document (already an object), read tolerantly."""
    try:
        document, _ = read_document(raw, strict=False)
    except Invalid:
        document = None
    return document or {"current": "", "requests": []}


def add(raw: object, copy_from: str = "", today: str = "", own_from: str = "") -> dict[str, object]:
    """A new request, made current: blank but for the reader's own name and email
    (from `own_from`, the request they were on), or "ask someone else" (the same
    focus and time box as `copy_from`, for another person)."""
    document = _loaded(raw)
    taken = {r["id"] for r in document["requests"]}
    values = defaults()
    by_id = {r["id"]: r for r in document["requests"]}
    source = by_id.get(copy_from)
    if source is not None:
        values = dict(source["values"])
        for name in ("mentor_name", "mentor_email", "connection"):
            values[name] = FIELD[name].default
    elif own_from in by_id:
        for name in OWN_FIELDS:
            values[name] = by_id[own_from]["values"].get(name, FIELD[name].default)
    record = blank_record(taken, values, created=today)
    if source is not None:
        record["zone"] = source["zone"]
    document["requests"] = [*document["requests"], record][-MAX_REQUESTS:]
    document["current"] = record["id"]
    return full(document)


def rename(raw: object, ident: str, name: object) -> tuple[dict[str, object], str]:
    """The document with one request renamed, or unchanged and why not."""
    document = _loaded(raw)
    text = " ".join(clean(coerce(name), multiline=False).split()) if coerce(name) else ""
    if not text:
        return full(document), say("Give the request a name, so you can tell it from the others.")
    if len(text) > MAX_NAME:
        return full(document), say(
            "Keep the name to {limit} characters (it has {count}).", limit=MAX_NAME, count=len(text)
        )
    for record in document["requests"]:
        if record["id"] == ident:
            record["name"], record["named"] = text, True
    return full(document), ""


def remove(raw: object, ident: str, today: str = "") -> dict[str, object]:
    """The document without one request; a fresh blank one if none is left."""
    document = _loaded(raw)
    document["requests"] = [r for r in document["requests"] if r["id"] != ident]
    if not document["requests"]:
        document["requests"] = [blank_record(set(), created=today)]
    if document["current"] not in {r["id"] for r in document["requests"]}:
        document["current"] = document["requests"][0]["id"]
    return full(document)


def export(raw: object, ident: str = "", saved_at: str = "") -> dict[str, str]:
    """One request (by id) or all of them, as an export file's name and text."""
    document = _loaded(raw)
    requests = [r for r in document["requests"] if not ident or r["id"] == ident]
    one = ident and requests
    name = "mentoring-request.json" if one else "mentoring-requests.json"
    current = requests[0]["id"] if one else document["current"]
    return {"name": name, "text": dump({"current": current, "requests": requests}, saved_at)}


def import_file(raw: object, text: object, replace: object = ()) -> dict[str, object]:
    """Check an export file and say what importing it does; storage is the page's.

    Each request in the file is one of: new here ("add"); one the reader already has,
    word for word ("same": left as it is); or one whose id the reader has, holding
    something else ("both": another device's version of it, or, from version 2, a
    stranger's request with the same id). Nothing of the reader's is replaced unless
    they chose it: by default both are kept, the file's as a copy named so; a "both"
    whose id is in `replace` takes the place of the reader's.

    Returns:
        `{"ok": True, "document": …, "items": [{"id", "name", "status", "mine",
        "text"}], "ask": bool, "summary": str, "choice": str}`, where each item's text
        says what happens to it (`choice` labels the box that replaces a "both"
        instead), the document is the page's with the
        import done as chosen, `mine` names the reader's request an item meets, `ask`
        says the page must ask first (the reader has requests of their own), and the
        summary says what was done; or `{"ok": False, "message": why}`.
    """
    try:
        incoming, _ = read_document(parse_json(text), strict=True)
    except Invalid as problem:
        return {"ok": False, "message": str(problem)}
    if not incoming["requests"]:
        return {"ok": False, "message": say("The file holds no requests.")}
    chosen = {str(item) for item in replace} if isinstance(replace, (list, tuple)) else set()
    document = _loaded(raw)
    # A blank request (a first visit's) is not worth keeping beside imported ones.
    kept = [r for r in document["requests"] if not untouched(r)]
    mine = {r["id"]: r for r in kept}
    taken = set(mine)
    # A request of mine the file replaces (as chosen) is not there to match others.
    going = {
        str(r["id"])
        for r in incoming["requests"]
        if r["id"] in chosen and r["id"] in mine and not same_content(mine[r["id"]], r)
    }
    matchable = [r for r in kept if r["id"] not in going]
    items, current = [], incoming["current"]
    for record in incoming["requests"]:
        ident = str(record["id"])
        same = next((r for r in matchable if same_content(r, record)), None)
        item = {"id": ident, "name": record["name"], "status": "add", "mine": ""}
        items.append(item)
        if same is not None:
            item |= {"status": "same", "mine": same["name"]}
            current = same["id"] if ident == incoming["current"] else current
        elif ident not in mine:
            mine[ident] = record
            taken.add(ident)
        elif ident in chosen:
            item |= {"status": "replace", "mine": mine[ident]["name"]}
            mine[ident] = record
        else:
            item |= {"status": "both", "mine": mine[ident]["name"]}
            copy = {**record, "id": new_id(taken), "named": True}
            suffix = " " + say(COPY)
            copy["name"] = f"{shorten(str(record['name']), MAX_NAME - len(suffix))}{suffix}"
            item["copy"] = copy["name"]
            mine[copy["id"]] = copy
            taken.add(copy["id"])
            current = copy["id"] if ident == incoming["current"] else current
        item["text"] = say(ITEM_TEXT[item["status"]], **item)
    if len(mine) > MAX_REQUESTS:
        return {
            "ok": False,
            "message": say(
                "With these, you would have more than {limit} requests: delete some first.",
                limit=MAX_REQUESTS,
            ),
        }
    if current not in mine:
        current = next(iter(mine))
    return {
        "ok": True,
        "document": full({"current": current, "requests": list(mine.values())}),
        "items": items,
        "ask": bool(kept),
        "summary": import_summary(items),
        "choice": say(REPLACE_CHOICE),
    }


# The name of the file's version, kept beside the reader's: "<its name> (from the file)".
COPY = to_say("(from the file)")
# What the import dialog says of each request in the file, and the choice it offers
# (said with `say(ITEM_TEXT[status], **item)`).
ITEM_TEXT = {
    "add": to_say("“{name}”: new here, so it is added."),
    "same": to_say("“{name}”: you already have it, word for word, so it is left as it is."),
    "both": to_say(
        "“{name}”: you have a different version of it (“{mine}”). Both are kept: "
        "yours as it is, the file's as “{copy}”."
    ),
    "replace": to_say("“{name}”: the file's version replaces yours (“{mine}”)."),
}
REPLACE_CHOICE = to_say("Replace mine with the file's version instead")


def _done(status: str, count: int) -> str:
    """What an import did with `count` requests of one status: "2 added"."""
    if status == "add":
        return say("1 added") if count == 1 else say("{count} added", count=count)
    if status == "replace":
        return say("1 replaced yours") if count == 1 else say("{count} replaced yours", count=count)
    if status == "both":
        return (
            say("1 kept beside yours as a copy")
            if count == 1
            else say("{count} kept beside yours as copies", count=count)
        )
    return (
        say("1 already here, left as it was")
        if count == 1
        else say("{count} already here, left as they were", count=count)
    )


def import_summary(items: list[dict[str, str]]) -> str:
    """What an import did, in a sentence ("Imported 3 requests: 2 added and 1 kept
    beside yours as a copy.")."""
    statuses = ("add", "replace", "both", "same")
    counts = {status: sum(item["status"] == status for item in items) for status in statuses}
    parts = [_done(status, count) for status, count in counts.items() if count]
    total = len(items)
    if counts["same"] == total:
        if total == 1:
            return say("Nothing to import: the file's request is already here.")
        return say("Nothing to import: the file's requests are already here.")
    if total == 1:
        return say("Imported one request: {parts}.", parts=spoken().series(parts))
    return say("Imported {total} requests: {parts}.", total=total, parts=spoken().series(parts))
