"""The builder's one door to the browser: a JSON message in, a JSON answer out.

The page's worker passes each message through `handle` and posts the answer back,
so the browser side only moves strings; every rule stays in this package. Nothing
here imports `js` or `pyodide`, which keeps the bridge testable on CPython.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

from builder.keeping.record import REQUEST_ID, new_id
from builder.keeping.request_list import add, export, import_file, remove, rename
from builder.keeping.state import from_query, to_query
from builder.keeping.store import open_store
from builder.request.dates import parse_date
from builder.request.downloads import as_markdown, as_text
from builder.request.fields import FIELD
from builder.session import evaluate
from builder.wording.catalog import say, speaking


def _touched(message: dict) -> list[str] | None:
    """The fields the reader has touched; None (all) when the page does not say."""
    touched = message.get("touched")
    if not isinstance(touched, list):
        return None
    return [name for name in touched if isinstance(name, str)]


def _today(message: dict):
    """The reader's date, as the page sends it ("2026-01-12"); None if unreadable."""
    today = message.get("today")
    return parse_date(today)[0] if isinstance(today, str) else None


def _evaluation(message: dict, values: object, notices: list | None = None) -> dict[str, object]:
    result = evaluate(
        values,
        touched=_touched(message),
        attempted=message.get("attempted") is True,
        edits=message.get("edits"),
        today=_today(message),
        after=message.get("after"),
    )
    answer = result.to_dict()
    sendable = result.sendable
    answer["downloads"] = (
        {"text": as_text(sendable), "markdown": as_markdown(sendable)} if sendable else {}
    )
    answer["notices"] = [notice.as_data() for notice in notices or ()]
    return answer


def _evaluate(message: dict) -> dict[str, object]:
    return _evaluation(message, message.get("values"))


def _open_link(message: dict) -> dict[str, object]:
    values, notices = from_query(message.get("query"))
    return _evaluation(message, values, notices)


def _link(message: dict) -> dict[str, object]:
    """A pre-filled builder link from some of the fields (the coordinators' link maker)."""
    values = message.get("values")
    values = values if isinstance(values, dict) else {}
    # A blank field is left to the reader, so it is left out of the link.
    given = {k: v for k, v in values.items() if k in FIELD and str(v).strip()}
    result = evaluate(given)
    messages = {
        name: [m.as_data() for m in found]
        for name, found in result.messages.items()
        if name in given
    }
    broken = any(m["severity"] == "error" for found in messages.values() for m in found)
    return {
        "query": "" if broken else to_query({k: result.values[k] for k in given}),
        "messages": messages,
    }


def _iso_today(message: dict) -> str:
    today = _today(message)
    return today.isoformat() if today else ""


def _open_store(message: dict) -> dict[str, object]:
    """What the page keeps: its stored requests, with older drafts migrated in."""
    return open_store(
        message.get("stored"), message.get("draft"), message.get("previous"), _iso_today(message)
    )


def _requests(message: dict) -> dict[str, object]:
    """The list of requests changed: a new one, a renamed one, one deleted."""
    document, ident = message.get("document"), str(message.get("request") or "")
    operation = message.get("op")
    if operation == "add":
        copy_from = str(message.get("copy_from") or "")
        added = add(document, copy_from, _iso_today(message), own_from=ident)
        return {"document": added, "message": ""}
    if operation == "rename":
        changed, problem = rename(document, ident, message.get("name"))
        return {"document": changed, "message": problem}
    if operation == "remove":
        return {"document": remove(document, ident, _iso_today(message)), "message": ""}
    raise ValueError("unknown operation")


def _export(message: dict) -> dict[str, object]:
    return export(
        message.get("document"), str(message.get("request") or ""), str(message.get("now") or "")
    )


def _export_markdown(message: dict) -> dict[str, object]:
    from builder.after.notes import arrangement_markdown  # only when asked for

    document = message.get("document")
    found = export(document, str(message.get("request") or ""))
    record = json.loads(found["text"])["requests"]
    if not record:
        return {"name": "", "text": ""}
    return {
        "name": "mentoring-arrangement.md",
        "text": arrangement_markdown(record[0], _today(message)),
    }


def _import(message: dict) -> dict[str, object]:
    return import_file(message.get("document"), message.get("text"), message.get("replace") or ())


def _now(message: dict) -> datetime:
    try:
        now = datetime.fromisoformat(str(message.get("now")))
    except ValueError:
        return datetime.now(UTC)
    return now if now.tzinfo else now.replace(tzinfo=UTC)


def _calendar(message: dict) -> dict[str, object]:
    """The .ics file for the request's proposed dates: the reader's copy, with
    reminders, or the mentor's. Imports icalendar, which the worker loads first."""
    from builder.after import ics  # the calendar library: loaded on first use only
    from builder.after.invites import file_name, invites

    result = evaluate(message.get("values"), edits=message.get("edits"), today=_today(message))
    if not result.proposed:
        return {
            "ok": False,
            "message": say(
                "There are no dates yet: pick a first date in step 3 (The time box), "
                "and the builder proposes them."
            ),
        }
    ident = message.get("request")
    # The request's id keeps its events' UIDs from one download to the next; without
    # one, a random id at least never meets another reader's events.
    ident = ident if isinstance(ident, str) and REQUEST_ID.fullmatch(ident) else new_id()
    mine = message.get("mine") is not False
    found = invites(result.request, result.proposed, result.sendable["plan"], ident, mine=mine)
    zone = message.get("zone") if isinstance(message.get("zone"), str) else ""
    method = "" if mine else "REQUEST"
    text, notes = ics.calendar(found, zone[:64], _now(message), method=method)
    if result.request.mentor_email and not result.request.protege_email:
        notes.append(
            say(
                "Add your own email in step 2 (Your mentor) and the file names you as the "
                "organiser and them as your guest, so their calendar shows it as an "
                "invitation from you."
            )
        )
    return {
        "ok": True,
        "name": file_name(result.request, mine),
        "text": text.decode("utf-8"),
        "notes": notes,
    }


def _reply(message: dict) -> dict[str, object]:
    """The mentors' reply helper: the reply's values, and the protégé's link if any."""
    # Imported on first use: the request builder's memory snapshot (made after importing
    # this module) must stay within the heap a restore starts with, and the builder's
    # page never needs the reply helper.
    from builder.mentor.session import evaluate_reply

    return evaluate_reply(
        message.get("values"),
        request=message.get("request"),
        opened=message.get("opened") is True,
        touched=_touched(message),
        attempted=message.get("attempted") is True,
        edits=message.get("edits"),
        today=_today(message),
    )


HANDLERS: dict[str, Callable[[dict], dict[str, object]]] = {
    "evaluate": _evaluate,
    "open-link": _open_link,
    "link": _link,
    "open-store": _open_store,
    "requests": _requests,
    "export": _export,
    "export-markdown": _export_markdown,
    "import": _import,
    "calendar": _calendar,
    "reply": _reply,
}


def handle(message: str) -> str:
    """Answer one message from the page; never raises.

    Args:
        message: JSON `{"type": ..., "id": n, ...}`, a type of `HANDLERS`
            ("calendar" imports icalendar: the worker loads it first; "reply" is the
            mentors' reply helper).

    What the builder says (messages, coaching) is in the page's `language` (English when
    it is missing or has no catalog); the drafts keep their own language.

    Returns:
        JSON `{"type": "result", "id": n, "result": {...}}`, or
        `{"type": "error", "id": n, "reason": "..."}` for a message it cannot read.
    """
    try:
        data = json.loads(message)
    except (TypeError, ValueError):
        return json.dumps({"type": "error", "id": None, "reason": "unreadable message"})
    if not isinstance(data, dict):
        return json.dumps({"type": "error", "id": None, "reason": "unreadable message"})
    ident = data.get("id")
    handler = HANDLERS.get(data.get("type"))
    if handler is None:
        return json.dumps({"type": "error", "id": ident, "reason": "unknown message type"})
    try:
        with speaking(data.get("language")):
            result = handler(data)
    except Exception:  # the page must keep working whatever happens here
        return json.dumps({"type": "error", "id": ident, "reason": "the builder failed"})
    return json.dumps({"type": "result", "id": ident, "result": result})
