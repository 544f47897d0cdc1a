"""The meetings as calendar events, as plain data: what `ics` writes into a file.

Kept apart from `ics` so that it needs no calendar library: its wording is tested
like every draft's, and only writing the file loads icalendar (on first use).

Two copies: the reader's own, with reminders for their side of the deal (tips 1 and
4: prepare when they said they would, and note what they will try after each
meeting), and one to send to the mentor, without reminders (their calendar, their
reminders). Both carry the same ids, one per meeting of the request, so a file
downloaded again updates the events instead of adding them twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from builder import dates
from builder.after import NOTE_AFTER_MINUTES, prepare_lead
from builder.drafts import Draft, context
from builder.fitting import say
from builder.validate import Request


@dataclass(frozen=True, slots=True)
class Reminder:
    """An alarm: `offset` from the event's start (negative: before) or, with
    `after_end`, from its end."""

    offset: timedelta
    text: str
    after_end: bool = False


@dataclass(frozen=True, slots=True)
class Invite:
    """One meeting as a calendar event."""

    uid: str
    number: int
    day: date
    at: time | None
    minutes: int
    summary: str
    description: str
    attendee_name: str = ""
    attendee_email: str = ""
    reminders: tuple[Reminder, ...] = ()


def invites(
    request: Request,
    proposed: tuple[dates.Meeting, ...],
    plan: Draft,
    uid_base: str,
    *,
    mine: bool,
) -> list[Invite]:
    """An event per proposed meeting; with reminders when it is the reader's own copy."""
    facts = context(request)
    meeting = str(facts["short_noun"])
    total = len(proposed)
    mentor, protege = str(facts["mentor"]), str(facts["protege"])
    lead = prepare_lead(request.preparation)
    fitted = facts["fits"]["preparation"]  # type: ignore[index]
    found = []
    for item in proposed:
        other = mentor if mine else protege
        summary = (
            f"{meeting.capitalize()} {item.number} of {total} with {other}: {facts['focus_short']}"
        )
        reminders: list[Reminder] = []
        if mine:
            if fitted:
                text = say(
                    "preparation.alarm", fitted, meeting=meeting, number=str(item.number),
                    mentor=mentor,
                )  # fmt: skip
            else:
                text = (
                    f"Time to prepare for {meeting} {item.number} with {mentor}: "
                    "get your questions ready."
                )
            if item.number > 1:
                text += f" Bring your report-back on {meeting} {item.number - 1}."
            reminders.append(Reminder(-lead, text))
            if item.at is not None:
                if item.number < total:
                    note = (
                        f"While it's fresh: note the advice from {meeting} {item.number} "
                        f"and what you'll try before {meeting} {item.number + 1}."
                    )
                else:
                    note = (
                        f"While it's fresh: note what you took from the last {meeting}, "
                        f"and send {mentor} your thank-you note."
                    )
                reminders.append(Reminder(timedelta(minutes=NOTE_AFTER_MINUTES), note, True))
        found.append(
            Invite(
                uid=f"{uid_base}-{item.number}@shorthaul",
                number=item.number,
                day=item.day,
                at=item.at,
                minutes=request.minutes or 30,
                summary=summary,
                description=plan.text,
                attendee_name=mentor if request.mentor_email else "",
                attendee_email=request.mentor_email,
                reminders=tuple(reminders),
            )
        )
    return found


def file_name(request: Request, mine: bool) -> str:
    """ "mentoring-calls.ics", or "mentoring-calls-for-dana.ics" for the mentor's copy."""
    facts = context(request)
    base = f"mentoring-{facts['short_nouns']}"
    if mine:
        return f"{base}.ics"
    name = "".join(c if c.isalnum() else "-" for c in str(facts["mentor"]).casefold()).strip("-")
    name = "-".join(part for part in name.split("-") if part)[:30]
    return f"{base}-for-{name}.ics" if name and name.isascii() else f"{base}-for-your-mentor.ics"
