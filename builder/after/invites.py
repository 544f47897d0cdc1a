"""The meetings as calendar events, as plain data: what `ics` writes into a file.

Kept apart from `ics` so that it needs no calendar library: its wording is tested
like every draft's, and only writing the file loads icalendar (on first use).

Two copies: the reader's own, with reminders for their side of the deal (tips 1 and
4: prepare when they said they would, and note what they will try after each
meeting), and one to send to the mentor, without reminders (their calendar, their
reminders). Both carry the same ids, one per meeting of the request, so a file
downloaded again updates the events instead of adding them twice; the request's id is
random (`record.new_id`), so no two readers' events share one. With both emails given,
the reader is each event's organiser and the mentor its guest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from builder.request import dates
from builder.request.drafts import Draft, context
from builder.request.validate import Request
from builder.wording.fitting import say

PREPARE_DAYS = 2  # the reminder to prepare, when the plan does not say when
NOTE_AFTER_MINUTES = 15  # the reminder, after each meeting, to note what to try

_DAYS_BEFORE = re.compile(
    r"\b(?P<count>\d{1,2}|an?|one|two|three|four|five|six|seven)\s+"
    r"(?P<unit>days?|hours?|weeks?)\s+(?:before|ahead|in advance|earlier|beforehand)",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(r"\b(?:the (?:day|night|evening) before|the previous day)\b", re.I)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7}  # fmt: skip


def prepare_lead(preparation: str) -> timedelta:
    """How long before a meeting the reader said they would prepare ("two days
    ahead", "the night before"); two days when the plan does not say."""
    if match := _DAYS_BEFORE.search(preparation):
        raw = match.group("count").casefold()
        count = int(raw) if raw.isdigit() else _COUNTS[raw]
        unit = match.group("unit").casefold().rstrip("s")
        lead = {"day": timedelta(days=count), "hour": timedelta(hours=count)}.get(
            unit, timedelta(weeks=count)
        )
        if timedelta(hours=1) <= lead <= timedelta(days=14):
            return lead
    if _DAY_BEFORE.search(preparation):
        return timedelta(days=1)
    return timedelta(days=PREPARE_DAYS)


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
    organizer_name: str = ""
    organizer_email: str = ""
    reminders: tuple[Reminder, ...] = ()

    @property
    def invitation(self) -> bool:
        """Whether the event names both sides by email: the reader, who organises it,
        and the mentor, their guest (a calendar then shows it as an invitation)."""
        return bool(self.organizer_email and self.attendee_email)


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
                organizer_name=protege if request.protege_email else "",
                organizer_email=request.protege_email,
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
