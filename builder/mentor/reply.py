"""From the reply helper's raw form values to a `Reply`, with a message for each bad value.

The same judgement as the request's (`builder.request.validate.judge`), over the reply's own
field table. Numbers the mentor left blank are read from a pasted message when it
states them (`reading`), and each such field says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from builder.mentor import reading
from builder.mentor.fields import REPLY_FIELDS, SAYS_YES, SHOWN_FOR
from builder.request.validate import FieldMessage, judge, read_values
from builder.wording.catalog import say, spoken


@dataclass(frozen=True, slots=True)
class Reply:
    """A reply as the coaching and the drafts use it: unusable values are None or ""."""

    protege_name: str = ""
    focus: str = ""
    meetings: int | None = None
    minutes: int | None = None
    weeks: int | None = None
    format: str = ""
    pasted: str = ""
    response: str = ""
    mentor_name: str = ""
    protege_email: str = ""
    channel: str = "email"
    tone: str = "warm"
    date_answer: str = "accept"
    date_instead: str = ""
    first_step: str = ""
    new_meetings: int | None = None
    new_minutes: int | None = None
    new_weeks: int | None = None
    narrower: str = ""
    later: str = ""
    reason: str = ""
    referral_name: str = ""
    referral_why: str = ""
    draft_language: str = ""  # blank: the page's (see `mentor.drafts.reply_language`)
    # Not a field: the first date the protégé's request proposes, as their email names it
    # ("Tuesday 2 March at 12:30"), or "" (no link, or a request without dates).
    first_date: str = ""

    @property
    def says_yes(self) -> bool:
        """Yes as proposed, or yes to something smaller or different."""
        return self.response in SAYS_YES

    @property
    def asked(self) -> tuple[int | None, int | None, int | None]:
        """The time box the protégé asked for: meetings, minutes, weeks."""
        return self.meetings, self.minutes, self.weeks

    @property
    def agreed(self) -> tuple[int | None, int | None, int | None]:
        """The time box the reply agrees to: the request's, or the mentor's offer where
        they made one."""
        if self.response == "smaller":
            offer = (self.new_meetings, self.new_minutes, self.new_weeks)
            return tuple(mine if mine is not None else theirs  # type: ignore[return-value]
                         for mine, theirs in zip(offer, self.asked, strict=True))  # fmt: skip
        return self.asked

    def relevant(self, field: str) -> bool:
        """Whether a field belongs to the chosen answer and to this request (the others
        are ignored)."""
        shown_for = SHOWN_FOR.get(field)
        if shown_for is not None and self.response not in shown_for:
            return False
        belongs = BELONGS.get(field)
        return belongs is None or belongs(self)


# What the request (and the reply) must hold for each detail of
# `fields.DECIDED_BY_REQUEST` to belong; tests keep the two tables in step.
BELONGS: dict[str, Callable[[Reply], bool]] = {
    "date_answer": lambda reply: bool(reply.first_date),
    "date_instead": lambda reply: bool(reply.first_date) and reply.date_answer == "counter",
}


def _read_numbers(reply: Reply) -> tuple[Reply, list[FieldMessage]]:
    """Fill blank numbers from the pasted message, with a note beside each one."""
    found = reading.time_box(reply.pasted) if reply.pasted else {}
    fills = {name: value for name, value in found.items() if getattr(reply, name) is None}
    notes = [
        FieldMessage(
            name, "notice", say("Read from their message: {number}.", number=spoken().number(value))
        )
        for name, value in fills.items()
    ]
    return dataclasses.replace(reply, **fills), notes


def read_reply(
    values: object, first_date: str = ""
) -> tuple[dict[str, str], Reply, list[FieldMessage], list[FieldMessage]]:
    """Clean, judge and complete the reply form's values; never raises on bad input.

    Args:
        values: The form's values, by field name.
        first_date: The first date the protégé's request proposes, as their email
            names it, or "" when it proposes none.

    Returns:
        The cleaned values (as the form should hold them), the reply, the errors
        of fields that belong to the chosen answer, and notes on numbers read from
        the pasted message.
    """
    cleaned, unreadable = read_values(values, REPLY_FIELDS)
    usable, problems = judge(REPLY_FIELDS, cleaned, unreadable)
    reply = irrelevant_cleared(Reply(**usable, first_date=first_date))
    problems = [p for p in problems if reply.relevant(p.field)]
    reply, notes = _read_numbers(reply)
    if reply.response == "smaller" and reply.agreed == reply.asked and not reply.narrower:
        # The draft would say "with one change" and leave a blank where the change goes.
        change = say(
            "Say what changes: offer fewer or shorter meetings here, or a narrower focus below."
        )
        problems.append(FieldMessage("new_meetings", "error", change))
    return cleaned, reply, problems, notes


def irrelevant_cleared(reply: Reply) -> Reply:
    """The reply with the details of other answers blanked, for the drafts and coaching."""
    blank = {
        field.name: (None if field.kind == "int" else "")
        for field in REPLY_FIELDS
        if not reply.relevant(field.name)
    }
    return dataclasses.replace(reply, **blank)


def given(values: Mapping[str, str]) -> frozenset[str]:
    """The fields holding something other than their default: the mentor's own values."""
    page = spoken().language
    return frozenset(
        field.name
        for field in REPLY_FIELDS
        if values.get(field.name, field.default).strip() != field.default
        # The page starts the reply's language at its own: not the mentor's choice.
        and not (field.name == "draft_language" and values.get(field.name) == page)
    )
