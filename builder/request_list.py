"""The reader's list of requests: add one, rename, delete, export, import.

Each operation takes the page's document (already an object, read tolerantly as
`builder.store` reads it) and returns the whole new document, written in full, for
the page to keep; nothing here touches storage.
"""

from __future__ import annotations

from builder.fields import FIELD
from builder.record import MAX_NAME, Invalid, blank_record, untouched
from builder.store import MAX_REQUESTS, dump, full, parse_json, read_document
from builder.text import coerce


def _loaded(raw: object) -> dict[str, object]:
    """The page's document (already an object), read tolerantly."""
    try:
        document, _ = read_document(raw, strict=False)
    except Invalid:
        document = None
    return document or {"current": "", "requests": []}


def add(raw: object, copy_from: str = "", today: str = "") -> dict[str, object]:
    """A new request, made current: blank, or "ask someone else" (the same focus and
    time box as `copy_from`, for another person)."""
    document = _loaded(raw)
    taken = {r["id"] for r in document["requests"]}
    values = None
    source = next((r for r in document["requests"] if r["id"] == copy_from), None)
    if source is not None:
        values = dict(source["values"])
        for name in ("mentor_name", "mentor_email", "connection"):
            values[name] = FIELD[name].default
    record = blank_record(taken, values, created=today)
    if source is not None:
        record["zone"] = source["zone"]
    document["requests"] = [*document["requests"], record][-MAX_REQUESTS:]
    document["current"] = record["id"]
    return full(document)


def rename(raw: object, ident: str, name: object) -> tuple[dict[str, object], str]:
    """The document with one request renamed, or unchanged and why not."""
    document = _loaded(raw)
    text = " ".join(coerce(name).split()) if coerce(name) else ""
    if not text:
        return full(document), "Give the request a name, so you can tell it from the others."
    if len(text) > MAX_NAME:
        return full(document), f"Keep the name to {MAX_NAME} characters (it has {len(text)})."
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


def import_file(raw: object, text: object) -> dict[str, object]:
    """Check an export file and say what importing it would do; nothing changes here.

    Returns:
        `{"ok": True, "document": …, "added": [names], "replaced": [names],
        "ask": bool}`, where the document is the page's with the file's requests
        added (same id: replaced) and `ask` says the page must ask first (something
        of the reader's would be replaced, or they already have requests); or
        `{"ok": False, "message": why}`.
    """
    try:
        incoming, _ = read_document(parse_json(text), strict=True)
    except Invalid as problem:
        return {"ok": False, "message": str(problem)}
    if not incoming["requests"]:
        return {"ok": False, "message": "The file holds no requests."}
    document = _loaded(raw)
    # A blank request (a first visit's) is not worth keeping beside imported ones.
    mine = {r["id"]: r for r in document["requests"] if not untouched(r)}
    added, replaced = [], []
    for record in incoming["requests"]:
        if record["id"] in mine:
            replaced.append(mine[record["id"]]["name"])
            mine[record["id"]] = record
        else:
            added.append(record["name"])
            mine[record["id"]] = record
    if len(mine) > MAX_REQUESTS:
        return {
            "ok": False,
            "message": f"With these, you would have more than {MAX_REQUESTS} requests: "
            "delete some first.",
        }
    had = any(not untouched(r) for r in document["requests"])
    return {
        "ok": True,
        "document": full({"current": incoming["current"], "requests": list(mine.values())}),
        "added": added,
        "replaced": replaced,
        "ask": bool(replaced) or had,
    }
