"""Keeping the agreement (tip 5): meetings held and left against what was agreed,
the agreed end, and a gentle note when the log runs past either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from builder.after.progress import After, Entry
from builder.request import dates
from builder.request.tips import TIP
from builder.request.validate import Request
from builder.wording.catalog import say, spoken


def held(entry: Entry, today: date | None) -> bool:
    """Whether a logged meeting has happened: its date has come, or it has notes."""
    if entry.day is not None and today is not None:
        return entry.day <= today
    return entry.noted


@dataclass(frozen=True, slots=True)
class Agreement:
    """The "keep the agreement" view: meetings done and left, the end, gentle notes."""

    agreed: int | None
    done: int
    left: int | None
    end: date | None
    notes: tuple[str, ...]

    def summary(self, today: date | None) -> str:
        """ "1 of 3 meetings held, 2 left. The agreed end: Monday 9 February." """
        if not self.agreed:
            return ""
        values = {"done": self.done, "agreed": self.agreed, "left": self.left}
        text = (
            say("{done} of {agreed} meeting held, {left} left.", **values)
            if self.agreed == 1
            else say("{done} of {agreed} meetings held, {left} left.", **values)
        )
        if self.end:
            text += " " + say("The agreed end: {day}.", day=spoken().day(self.end, today))
        return text

    def as_data(self, today: date | None) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "summary": self.summary(today),
            "agreed": self.agreed,
            "done": self.done,
            "left": self.left,
            "end": self.end.isoformat() if self.end else "",
            "end_label": spoken().day(self.end, today) if self.end else "",
            "notes": list(self.notes),
            "tip_url": TIP[5].url(),
        }


def agreement(
    request: Request, after: After, proposed: tuple[dates.Meeting, ...], today: date | None
) -> Agreement:
    """Where the arrangement stands against what was agreed (tip 5)."""
    agreed = request.meetings
    done = sum(held(entry, today) for entry in after.log)
    logged_days = [entry.day for entry in after.log if entry.day]
    start = proposed[0].day if proposed else (min(logged_days) if logged_days else after.reply_on)
    end = dates.span_end(start, request.weeks) if start and request.weeks else None
    notes = []
    if agreed is not None and len(after.log) > agreed:
        notes.append(
            say(
                "Your log has {logged} meetings, and you agreed {agreed}. Keeping to what you "
                "agreed is what made it easy to say yes: if they would like to carry on, let "
                "the offer come from them.",
                logged=len(after.log),
                agreed=spoken().number(agreed),
            )
        )
    late = [
        index + 1 for index, entry in enumerate(after.log) if end and entry.day and entry.day > end
    ]
    if late:
        which = spoken().series([str(number) for number in late])
        values = {"which": which, "day": spoken().day(end, today)}
        if len(late) == 1:
            note = say(
                "Meeting {which} in your log falls after the agreed end, {day}. If you need "
                "more time, ask whether the end can move, rather than letting it drift.",
                **values,
            )
        else:
            note = say(
                "Meeting {which} in your log fall after the agreed end, {day}. If you need "
                "more time, ask whether the end can move, rather than letting it drift.",
                **values,
            )
        notes.append(note)
    left = max(0, agreed - done) if agreed is not None else None
    return Agreement(agreed, done, left, end, tuple(notes))
