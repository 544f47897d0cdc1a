"""After the ask: what the reader records (sent on, the reply, each meeting) and what
comes next.

Like the request itself, the state arrives as raw values from the page and is read
tolerantly: a bad date is a message next to its field, never a crash. The drafts this
state calls for are written by `after_drafts`, the agreement kept by `agreement`, and
the calendar's reminders set by `invites`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from builder.request import dates
from builder.request.validate import FieldMessage
from builder.text import clean, coerce
from builder.wording.catalog import say, to_say

# What they said: the labels, like the log's, are said where they are shown (the page is
# built with them; `notes` writes them).
REPLIES: tuple[tuple[str, str], ...] = (
    ("", to_say("No reply yet")),
    ("yes", to_say("Yes")),
    ("smaller", to_say("Yes, but smaller or different")),
    ("thinking", to_say("They'll think about it")),
    ("not-now", to_say("Not now")),
    ("no", to_say("No")),
)
FOLLOW_UP_AFTER = 5  # working days after sending: one working week
GIVE_UP_AFTER = 5  # working days after the one follow-up
MAX_LOG = 24  # meetings in one log: twice the most a request may ask for


@dataclass(frozen=True, slots=True)
class LogField:
    """One thing the reader notes about a meeting."""

    name: str
    kind: str  # "date" or "textarea"
    label: str
    help: str
    max_length: int = 0
    rows: int = 2


LOG_FIELDS: tuple[LogField, ...] = (
    LogField("date", "date", to_say("Date of the meeting"),
             to_say("When it was, or when it will be."), 20),
    LogField("asked", "textarea", to_say("What I asked"),
             to_say("The questions you brought."), 400),
    LogField("advice", "textarea", to_say("The advice"),
             to_say("What they suggested, in a line or two."), 600),
    LogField("tried", "textarea", to_say("What I'll try"),
             to_say("Before the next meeting."), 400),
    LogField("happened", "textarea", to_say("Afterwards: what happened"),
             to_say("When you tried it."), 600, rows=3),
)  # fmt: skip
NEXT_FIELD = LogField(
    "next", "textarea", to_say("What I'll do next, on my own"),
    to_say("For the thank-you note: the step you'll take after the last meeting."), 400,
)  # fmt: skip
ENDED_LABEL = to_say("Our meetings are over")
ENDED_HELP = to_say(
    "Tick it once the last meeting is behind you, even if you had fewer than you agreed: "
    "the thank-you note is drafted then."
)
AFTER_DATES = ("sent_on", "reply_on", "followed_up_on")
# What "yes, but smaller or different" changes: a new tone or name is not a new request.
ASKED_FIELDS = ("focus", "outcome", "meetings", "minutes", "weeks", "format", "first_date",
                "weekday", "meeting_time", "preparation", "report_back")  # fmt: skip

# What the meetings step says of the closing thank-you, until it is drafted (said with
# `say(THANKS_LATER, …)`, like the tables below).
THANKS_LATER = to_say(
    "Your thank-you note comes once the last of your {agreed} {nouns} is held ({done} so "
    "far). If the arrangement ends sooner, tick “Our meetings are over” and it comes now."
)


@dataclass(frozen=True, slots=True)
class NextStep:
    """Where to go after a no: the decision page's outcomes, or another person."""

    id: str
    title: str
    text: str
    url: str = ""  # site-root-relative; "" for an action on this page


NEXT_STEPS: tuple[NextStep, ...] = (
    NextStep(
        "another", to_say("Ask someone else"),
        to_say("Start a new request with the same focus and time box, for another person."),
    ),
    NextStep(
        "program", to_say("Look for a formal program"),
        to_say("A program matches mentors and protégés for you."),
        "is-it-right-for-you/#formal-program",
    ),
    NextStep(
        "know-first", to_say("Get to know them first"),
        to_say("A few conversations first often lead to a gladder yes later."),
        "is-it-right-for-you/#get-to-know-first",
    ),
)  # fmt: skip


# What the "after you send" step says at each stage; {due} and {let_go} are days
# (said with `say(STAGE_ADVICE[key], …)`).
STAGE_ADVICE: dict[str, str] = {
    "draft": to_say(
        "When you have sent your request, note the day here: the builder then says "
        "when a follow-up is due, and drafts it."
    ),
    "waiting": to_say(
        "No reply yet? That is normal. If none comes, a polite follow-up is due on "
        "{due}: one is enough. It is drafted below, short and easy to decline."
    ),
    "waiting-now": to_say(
        "No reply yet, and a polite follow-up is due now (from {due}). One is "
        "enough: it is drafted below, short and easy to decline."
    ),
    "followed-up": to_say(
        "You have followed up once, and that is enough. If there is still no "
        'answer by {let_go}, take it as "not now" and let it go. Where to go from here:'
    ),
    "yes": to_say(
        "They said yes. Send the confirmation below with the calendar file for them, "
        "add the dates to your own calendar, then keep a short log of each meeting in the "
        "next step."
    ),
    "smaller": to_say(
        "Change the time box (step 3) or the focus (step 1) to what they suggested. "
        "The coach checks the new request, and once something has changed, your revised "
        "request appears here, saying what changed."
    ),
    "smaller-changed": to_say(
        "Here is your request, changed as they suggested: the revised "
        "request below says what changed. Send it, then keep a log of each meeting in the "
        "next step."
    ),
    # Asked in person: an answer comes on the spot, so no follow-up falls due for silence.
    "asked": to_say(
        "When you have asked them, note what they said: the builder drafts the email "
        "that puts it in writing."
    ),
    "yes-in-person": to_say(
        "They said yes. Send the written summary below with the calendar file for "
        "them, add the dates to your own calendar, then keep a short log of each meeting in the "
        "next step."
    ),
    "draft-in-person": to_say(
        "When you have asked them, note the day here and what they said: the "
        "builder then drafts the email that puts it in writing."
    ),
    "thinking": to_say(
        "They'll think about it: that's fine. Send the short note below, so they "
        "have your request to hand, and give them a week. If you haven't heard {by_due}, one "
        "short follow-up is enough."
    ),
    "thinking-in-person": to_say(
        "They'll think about it: that's fine. Send the short written "
        "summary below, so they have it to hand, and give them a week. If you haven't heard "
        "{by_due}, one short follow-up is enough."
    ),
    "thinking-now": to_say(
        "They said they'd think about it, and a week has passed: a short "
        "follow-up is due now. One is enough: it is drafted below, easy to decline."
    ),
    "not-now": to_say(
        "Thank them, and leave it there: a gracious reply keeps the door open. "
        "Where to go from here:"
    ),
    "no": to_say(
        "Thank them, and leave it there: a gracious reply keeps the door open. "
        "Where to go from here:"
    ),
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One meeting in the log, as the reader noted it."""

    day: date | None = None
    asked: str = ""
    advice: str = ""
    tried: str = ""
    happened: str = ""

    @property
    def noted(self) -> bool:
        """Whether anything came of it yet (not only a date or a question)."""
        return bool(self.advice.strip() or self.tried.strip() or self.happened.strip())


@dataclass(frozen=True, slots=True)
class After:
    """What happened after the request was sent."""

    sent_on: date | None = None
    sent_values: Mapping[str, object] | None = None
    reply: str = ""
    reply_on: date | None = None
    followed_up_on: date | None = None
    log: tuple[Entry, ...] = ()
    next: str = ""
    ended: bool = False  # the reader says the meetings are over, whatever the count
    messages: tuple[FieldMessage, ...] = field(default=(), compare=False)

    @property
    def stage(self) -> str:
        """ "draft", "waiting", "followed-up", or the reply ("yes", "smaller", …)."""
        if self.reply:
            return self.reply
        if self.sent_on is None:
            return "draft"
        return "followed-up" if self.followed_up_on else "waiting"


def _text(raw: object, limit: int) -> str:
    text = coerce(raw)
    return clean(text, multiline=True)[:limit] if text else ""


def _day(raw: object, name: str, messages: list[FieldMessage]) -> date | None:
    text = coerce(raw)
    if not text or not text.strip():
        return None
    day, problem = dates.parse_date(text[:40])
    if problem:
        messages.append(FieldMessage(name, "error", problem))
    return day


def read_after(raw: object) -> After:
    """The after-the-ask state the page sent; anything unreadable is left out.

    Bad dates come back as messages named for their field ("sent_on", "log.2.date").
    """
    source = raw if isinstance(raw, Mapping) else {}
    messages: list[FieldMessage] = []
    days = {name: _day(source.get(name), name, messages) for name in AFTER_DATES}
    reply = source.get("reply")
    reply = reply if isinstance(reply, str) and reply in dict(REPLIES) else ""
    entries = []
    raw_log = source.get("log")
    for index, item in enumerate(raw_log[:MAX_LOG] if isinstance(raw_log, list) else []):
        item = item if isinstance(item, Mapping) else {}
        texts = {
            f.name: _text(item.get(f.name), f.max_length)
            for f in LOG_FIELDS
            if f.kind == "textarea"
        }
        entries.append(Entry(_day(item.get("date"), f"log.{index}.date", messages), **texts))
    sent_values = source.get("sent_values")
    return After(
        sent_on=days["sent_on"],
        sent_values=sent_values if isinstance(sent_values, Mapping) else None,
        reply=reply,
        reply_on=days["reply_on"],
        followed_up_on=days["followed_up_on"],
        log=tuple(entries),
        next=_text(source.get("next"), NEXT_FIELD.max_length),
        ended=source.get("ended") is True,
        messages=tuple(messages),
    )


# --- what comes next -------------------------------------------------------------------


def follow_up_due(after: After, in_person: bool = False) -> date | None:
    """When a polite follow-up is due (once only): a working week after sending, or after
    they said they would think about it. Not for silence after asking in person, where
    the answer comes there and then."""
    if after.stage == "thinking" and not after.followed_up_on:
        start = after.reply_on or after.sent_on
        return dates.add_working_days(start, FOLLOW_UP_AFTER) if start else None
    if after.stage != "waiting" or after.sent_on is None or in_person:
        return None
    return dates.add_working_days(after.sent_on, FOLLOW_UP_AFTER)


# What the "after" step calls the day the request went, by the way of asking.
SENT_LABELS: dict[bool, tuple[str, str]] = {
    False: (to_say("I sent it on"), to_say("Leave it empty until you have sent your request.")),
    True: (to_say("I asked them on"), to_say("Leave it empty until you have asked them.")),
}


def advice_key(after: After, in_person: bool, now: bool, changed: bool) -> str:
    """Which of `STAGE_ADVICE` the "after" step shows: the stage's, or its variant for
    a follow-up due now, a request changed as asked, or a request made in person."""
    stage = after.stage
    if stage == "thinking" and after.followed_up_on:
        return "followed-up"
    if now and stage in ("waiting", "thinking"):
        return f"{stage}-now"
    if stage == "smaller" and changed:
        return "smaller-changed"
    if in_person and stage in ("draft", "waiting", "yes", "thinking"):
        return {"waiting": "asked"}.get(stage, f"{stage}-in-person")
    return stage


def let_go_on(after: After) -> date | None:
    """After the one follow-up, when silence can be taken as "not now"."""
    if after.stage not in ("followed-up", "thinking") or after.followed_up_on is None:
        return None
    return dates.add_working_days(after.followed_up_on, GIVE_UP_AFTER)


def next_steps() -> list[dict[str, str]]:
    """The steps offered after a no, as data for the page, in the reader's language."""
    return [
        {"id": step.id, "title": say(step.title), "text": say(step.text), "url": step.url}
        for step in NEXT_STEPS
    ]
