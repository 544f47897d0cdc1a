"""The meetings as calendar events, as plain data: what `ics` writes into a file.

Kept apart from `ics` so that it needs no calendar library: its wording is tested
like every draft's, and only writing the file loads icalendar (on first use).

Two copies: the reader's own, with reminders for their side of the deal (tips 1 and
4: prepare when they said they would, and note what they will try after each
meeting), and one to send to the mentor, without reminders (their calendar, their
reminders). Both carry the same ids, one per meeting of the request, so a file
downloaded again updates the events instead of adding them twice; the request's id is
random (`record.new_id`), so no two readers' events share one. With both emails given,
the reader is each event's organiser and the mentor its guest. The reader's copy speaks
the reader's language (`say`); the mentor's, like the plan it carries, the drafts'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta

from builder.request import dates
from builder.request.drafts import Draft, context, draft_language, facts_in
from builder.request.validate import Request
from builder.wording import fitting
from builder.wording.catalog import say
from builder.wording.fitting import Fit
from builder.wording.pieces import upper_first
from builder.wording.tables import Drafting, drafting

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


def meeting_noun(request: Request) -> str:
    """What one meeting is called in the reader's calendar, in their language: "call",
    "meeting" or "chat", as the drafts call it (`context`'s "short_noun")."""
    if request.format == "in-person":
        return say("meeting")
    if request.format == "chat":
        return say("chat")
    return say("call")


def _prepare_alarm(fitted: Fit, meeting: str, said_meeting: str, number: int, mentor: str) -> str:
    """The reminder to prepare, quoting what the reader promised as the frames quote it
    ("preparation.alarm"), in the reader's language."""
    english = fitting.say(
        "preparation.alarm", fitted, meeting=meeting, number=str(number), mentor=mentor
    )
    lead = f"Time to prepare for {meeting} {number} with {mentor}. What you promised: "
    if not english.startswith(lead):  # the frame changed: its English, whole
        return english
    return say(
        "Time to prepare for {meeting} {number} with {mentor}. What you promised: {promise}",
        meeting=said_meeting, number=number, mentor=mentor, promise=english.removeprefix(lead),
    )  # fmt: skip


def _mentor_summary(
    table: Drafting | None, theirs: Mapping[str, object], number: int, total: int
) -> str:
    """The mentor's event title, from the facts in the drafts' language (`table` is
    theirs, None for English): "Call 1 of 3 with Amira: …", "Llamada 1 de 3 con Amira: …"."""
    meeting = str(theirs["short_noun"]).capitalize()
    protege, focus = theirs["protege"], theirs["focus_short"]
    if table is None:
        return f"{meeting} {number} of {total} with {protege}: {focus}"
    return table.phrase("mentor_event", Meeting=meeting, number=number, total=total,
                        protege=protege, focus=focus)  # fmt: skip


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
    # The mentor's copy speaks the drafts' language: their facts, made once.
    table = None if mine else drafting(draft_language(request))
    theirs = facts if table is None else facts_in(request, table.code)
    meeting, said = str(facts["short_noun"]), meeting_noun(request)
    total = len(proposed)
    mentor, protege = str(facts["mentor"]), str(facts["protege"])
    lead = prepare_lead(request.preparation)
    fitted = facts["fits"]["preparation"]  # type: ignore[index]
    found = []
    for item in proposed:
        number = item.number
        reminders: list[Reminder] = []
        if mine:
            summary = say(
                "{Meeting} {number} of {total} with {other}: {focus}",
                Meeting=upper_first(said), number=number, total=total, other=mentor,
                focus=facts["focus_short"],
            )  # fmt: skip
            if fitted:
                text = _prepare_alarm(fitted, meeting, said, number, mentor)
            else:
                text = say(
                    "Time to prepare for {meeting} {number} with {mentor}: "
                    "get your questions ready.",
                    meeting=said, number=number, mentor=mentor,
                )  # fmt: skip
            if number > 1:
                text += " " + say(
                    "Bring your report-back on {meeting} {number}.", meeting=said, number=number - 1
                )
            reminders.append(Reminder(-lead, text))
            if item.at is not None:
                if number < total:
                    note = say(
                        "While it's fresh: note the advice from {meeting} {number} "
                        "and what you'll try before {meeting} {next}.",
                        meeting=said, number=number, next=number + 1,
                    )  # fmt: skip
                else:
                    note = say(
                        "While it's fresh: note what you took from the last {meeting}, "
                        "and send {mentor} your thank-you note.",
                        meeting=said, mentor=mentor,
                    )  # fmt: skip
                reminders.append(Reminder(timedelta(minutes=NOTE_AFTER_MINUTES), note, True))
        else:  # the mentor's calendar: in the drafts' language
            summary = _mentor_summary(table, theirs, number, total)
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
