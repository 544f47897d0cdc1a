"""The whole arrangement as one Markdown file, for readers who keep notes elsewhere.

One request from the stored document: its answers and dates, what happened after it
was sent, the meeting log, and every draft as the reader would send it (their own
version wherever they edited one). Its headings and labels are in the reader's language
(`say`); the drafts, as they would be sent, in theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from builder.after.progress import LOG_FIELDS, NEXT_FIELD, REPLIES, read_after
from builder.request.drafts import _render
from builder.request.fields import FIELDS
from builder.session import evaluate
from builder.wording.catalog import say, spoken


def _line(text: object) -> str:
    """A value on one Markdown line: line breaks become spaces."""
    return " ".join(str(text).split())


def _words(today: str, zone: str, agreement: Mapping[str, object]) -> dict[str, str]:
    """The file's headings and labels, in the reader's language."""
    counts = {"done": agreement.get("done"), "agreed": agreement.get("agreed")}
    end = agreement.get("end_label")
    return {
        "kept": say("Kept with the Short Haul request builder, {day}.", day=today)
        if today
        else say("Kept with the Short Haul request builder."),
        "request": say("The request"),
        "dates": say("Proposed dates ({zone}):", zone=zone) if zone else say("Proposed dates:"),
        "after": say("After sending"),
        "sent": say("Sent:"),
        "not_yet": say("not yet"),
        "followed_up": say("Followed up:"),
        "reply": say("Reply:"),
        "none_yet": say("none yet"),
        "meetings": say("Meetings:"),
        "held": say("{done} of {agreed} held; the agreed end is {end}", **counts, end=end)
        if end
        else say("{done} of {agreed} held", **counts),
        "log": say("Meeting log"),
        "drafts": say("Drafts"),
        "subject": say("Subject:"),
    }


def _heading(number: int, when: str) -> str:
    """A meeting's heading in the log: "Meeting 2: Tuesday 20 January"."""
    return say("Meeting {n}: {when}", n=number, when=when) if when else say("Meeting {n}", n=number)


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
            label = field.choice_label(value)
            value = say(label) if label else value
        if value:
            label = say(field.label).removesuffix(" " + say("(optional)"))
            answers.append({"label": label, "value": _line(value)})
    log = []
    for number, entry in enumerate(raw_after.get("log") or [], start=1):
        notes = [
            {"label": say(spec.label), "value": _line(entry.get(spec.name, ""))}
            for spec in LOG_FIELDS
            if spec.kind != "date" and str(entry.get(spec.name, "")).strip()
        ]
        day = after.log[number - 1].day if number <= len(after.log) else None
        when = spoken().day(day, today) if day else ""
        log.append({"heading": _heading(number, when), "notes": notes})
    every = {**result.drafts}
    sendable = {name: draft for name, draft in every.items() if draft.media_type == "text/plain"}
    for name, edit in result.edits.items():
        if name in sendable:
            sendable[name] = type(sendable[name])(
                name, sendable[name].title, edit.text, edit.subject or sendable[name].subject
            )
    zone = _line(record.get("zone") or "")
    reply = dict(REPLIES).get(after.reply, "") if after.reply else ""
    facts = {
        "words": _words(
            spoken().day(today) if today else "", zone, result.after.get("agreement", {})
        ),
        "name": _line(record.get("name") or say("Mentoring request")),
        "answers": answers,
        "dates": [meeting.as_data(today)["label"] for meeting in result.proposed],
        "sent": spoken().day(after.sent_on, today) if after.sent_on else "",
        "followed_up": spoken().day(after.followed_up_on, today) if after.followed_up_on else "",
        "reply": say(reply) if reply else "",
        "reply_on": spoken().day(after.reply_on, today) if after.reply_on else "",
        "agreement": result.after.get("agreement", {}),
        "log": log,
        "next_label": say(NEXT_FIELD.label),
        "next": _line(after.next),
        "drafts": [{**draft.as_data(), "title": say(draft.title)} for draft in sendable.values()],
    }
    return _render("arrangement.md", facts)
