"""The builder's one door to the browser: a JSON message in, a JSON answer out.

The page's worker passes each message through `handle` and posts the answer back,
so the browser side only moves strings; every rule stays in this package. Nothing
here imports `js` or `pyodide`, which keeps the bridge testable on CPython.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from builder.drafts import as_markdown, as_text
from builder.fields import FIELD
from builder.session import evaluate
from builder.state import from_query, to_query


def _touched(message: dict) -> list[str] | None:
    """The fields the reader has touched; None (all) when the page does not say."""
    touched = message.get("touched")
    if not isinstance(touched, list):
        return None
    return [name for name in touched if isinstance(name, str)]


def _evaluation(message: dict, values: object, notices: list | None = None) -> dict[str, object]:
    result = evaluate(
        values,
        touched=_touched(message),
        attempted=message.get("attempted") is True,
        edits=message.get("edits"),
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
    )


HANDLERS: dict[str, Callable[[dict], dict[str, object]]] = {
    "evaluate": _evaluate,
    "open-link": _open_link,
    "link": _link,
    "reply": _reply,
}


def handle(message: str) -> str:
    """Answer one message from the page; never raises.

    Args:
        message: JSON `{"type": "evaluate" | "open-link" | "link" | "reply", "id": n, ...}`.

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
        result = handler(data)
    except Exception:  # the page must keep working whatever happens here
        return json.dumps({"type": "error", "id": ident, "reason": "the builder failed"})
    return json.dumps({"type": "result", "id": ident, "result": result})
