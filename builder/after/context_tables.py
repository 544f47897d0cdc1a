"""The facts a language's drafts after the ask add to its request's own
(`builder.request.context_tables`), from its tables, as `drafts.after_context` does for
the English ones: the meeting log's notes read for the frames, the dates in the
language's words, and the subjects that keep the request's thread."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from builder.after.progress import After
from builder.after.report import meetings_held, next_report, thanks_lines
from builder.request import context_tables, dates
from builder.request.validate import Request, validate
from builder.wording.catalog import translator
from builder.wording.fitting import Fit
from builder.wording.tables import Drafting, say

LOG_FITTED = ("asked", "advice", "tried", "happened")


def after_context(
    table: Drafting,
    request: Request,
    after: After,
    facts: Mapping[str, object],
    today: date | None,
    subject: str,
) -> dict[str, object]:
    """What the language's after-the-ask templates add to the request's own facts."""
    t = translator(table.code)
    names = (request.mentor_name.strip().rstrip(",;:").rstrip(),)
    meeting = str(facts["short_noun"])
    register = str(facts["register"])
    proposed: tuple[dates.Meeting, ...] = facts["proposed"]  # type: ignore[assignment]
    entries = [
        {name: table.read(name, getattr(entry, name), names) for name in LOG_FITTED}
        for entry in after.log
    ]

    def say_in(fitted: Mapping[str, Fit], slot: str, **params: str) -> str:
        field = slot.split(".", 1)[0]
        return say(slot, fitted[field], register, table.slots, meeting=meeting, **params)

    report = next_report(
        request,
        after,
        entries,
        proposed,
        lambda day: t.day(day, today),
        lambda meeting: t.when(meeting.day, meeting.at, today),
    )
    lines = thanks_lines(entries, say_in, table.ordinal)
    count = meetings_held(after, today)
    previous = None
    if after.sent_values is not None:
        before, _ = validate(after.sent_values)
        was = str(context_tables.context(table, before, (), None)["timebox"])
        previous = was if was != facts["timebox"] else None
    in_person = request.channel == "in-person"
    tone = facts["tone"]
    sent = t.day(after.sent_on, today) if after.sent_on else ""
    on = table.phrase("on_day", day=sent) if sent else ""
    talked = table.phrase("talked_subject", focus=facts["focus_subject"])
    if in_person:
        reply_subject = f"Re: {talked}" if after.stage == "thinking" else talked
    else:
        reply_subject = subject if subject.casefold().startswith("re:") else f"Re: {subject}"
    short_one, short_many = str(facts["short_noun"]), str(facts["short_nouns_many"])
    return {
        "after": after,
        "sent_when": table.phrase("sent_when", day=sent) if sent else table.phrase("sent_lately"),
        "reply_subject": reply_subject,
        "in_person": in_person,
        "summary_subject": talked if in_person else reply_subject,
        "said_yes": tone.said_yes.format(on=on),  # type: ignore[attr-defined]
        "heard_out": tone.heard_out.format(on=on),  # type: ignore[attr-defined]
        "say_in": say_in,
        "report": report,
        "thanks_lines": lines,
        "held_count": table.number(count),
        "held_one": count == 1,
        "held_all": request.meetings is None or count >= request.meetings,
        "held_nouns": short_one if count == 1 else short_many,
        "next_fit": table.read("next", after.next, names),
        "previous_timebox": previous,
        "meeting_lines": [
            f"{short_one.capitalize()} {m.number}: {t.when(m.day, m.at, today)}" for m in proposed
        ],
    }
