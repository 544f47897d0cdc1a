"""The whole arrangement as one Markdown file, for readers who keep notes elsewhere.

One request from the stored document: its answers and dates, what happened after it
was sent, the meeting log, and every draft as the reader would send it (their own
version wherever they edited one).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from builder.after.progress import LOG_FIELDS, NEXT_FIELD, REPLIES, read_after
from builder.request import dates
from builder.request.drafts import _render
from builder.request.fields import FIELDS
from builder.session import evaluate


def _line(text: object) -> str:
    """A value on one Markdown line: line breaks become spaces."""
    return " ".join(str(text).split())


def arrangement_markdown(record: Mapping[str, object], today: date | None = None) -> str:
    """The record (as `store` keeps it) as Markdown."""
    values = record.get("values") or {}
    raw_after = record.get("after") or {}
    result = evaluate(values, edits=record.get("edits"), today=today, after=raw_after)
    after = read_after(raw_after)
    answers = []
    for field in FIELDS:
        value = str(result.values.get(field.name, "")).strip()
        if value and field.kind == "choice":
            value = field.choice_label(value) or value
        if value:
            answers.append(
                {"label": field.label.removesuffix(" (optional)"), "value": _line(value)}
            )
    log = []
    for number, entry in enumerate(raw_after.get("log") or [], start=1):
        notes = [
            {"label": spec.label, "value": _line(entry.get(spec.name, ""))}
            for spec in LOG_FIELDS
            if spec.kind != "date" and str(entry.get(spec.name, "")).strip()
        ]
        day = after.log[number - 1].day if number <= len(after.log) else None
        log.append(
            {"number": number, "when": dates.day_label(day, today) if day else "", "notes": notes}
        )
    every = {**result.drafts}
    sendable = {name: draft for name, draft in every.items() if draft.media_type == "text/plain"}
    for name, edit in result.edits.items():
        if name in sendable:
            sendable[name] = type(sendable[name])(
                name, sendable[name].title, edit.text, edit.subject or sendable[name].subject
            )
    facts = {
        "name": _line(record.get("name") or "Mentoring request"),
        "today": dates.day_label(today) if today else "",
        "answers": answers,
        "dates": [meeting.as_data(today)["label"] for meeting in result.proposed],
        "zone": _line(record.get("zone") or ""),
        "sent": dates.day_label(after.sent_on, today) if after.sent_on else "",
        "followed_up": dates.day_label(after.followed_up_on, today) if after.followed_up_on else "",
        "reply": dict(REPLIES).get(after.reply, "") if after.reply else "",
        "reply_on": dates.day_label(after.reply_on, today) if after.reply_on else "",
        "agreement": result.after.get("agreement", {}),
        "log": log,
        "next_label": NEXT_FIELD.label,
        "next": _line(after.next),
        "drafts": list(sendable.values()),
    }
    return _render("arrangement.md", facts)
