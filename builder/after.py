"""After the ask: the reply, the one follow-up, the meeting log, keeping the agreement.

The reader records what happened (sent on, their reply, each meeting), and this says
what comes next and drafts it: a follow-up when no reply came, a confirmation after
a yes, a revised request after "yes, but smaller", a gracious reply to a no, the
report-back for the next meeting from the last one's log, and the closing thank-you
from the whole log. Like the request itself, the state arrives as raw values from the
page and is read tolerantly: a bad date is a message next to its field, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from builder import dates, wording
from builder.drafts import Draft, context, text_environment
from builder.fitting import Fit, fit, say
from builder.text import clean, coerce
from builder.tips import TIP
from builder.validate import FieldMessage, Request, validate

REPLIES: tuple[tuple[str, str], ...] = (
    ("", "No reply yet"),
    ("yes", "Yes"),
    ("smaller", "Yes, but smaller or different"),
    ("not-now", "Not now"),
    ("no", "No"),
)
FOLLOW_UP_AFTER = 5  # working days after sending: one working week
GIVE_UP_AFTER = 5  # working days after the one follow-up
MAX_LOG = 24  # meetings in one log: twice the most a request may ask for
PREPARE_DAYS = 2  # the reminder to prepare, when the plan does not say when
NOTE_AFTER_MINUTES = 15  # the reminder, after each meeting, to note what to try


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
    LogField("date", "date", "Date of the meeting", "When it was, or when it will be.", 20),
    LogField("asked", "textarea", "What I asked", "The questions you brought.", 400),
    LogField("advice", "textarea", "The advice", "What they suggested, in a line or two.", 600),
    LogField("tried", "textarea", "What I'll try", "Before the next meeting.", 400),
    LogField(
        "happened", "textarea", "Afterwards: what happened", "When you tried it.", 600, rows=3
    ),
)
NEXT_FIELD = LogField(
    "next", "textarea", "What I'll do next, on my own",
    "For the thank-you note: the step you'll take after the last meeting.", 400,
)  # fmt: skip
AFTER_DATES = ("sent_on", "reply_on", "followed_up_on")


@dataclass(frozen=True, slots=True)
class NextStep:
    """Where to go after a no: the decision page's outcomes, or another person."""

    id: str
    title: str
    text: str
    url: str = ""  # site-root-relative; "" for an action on this page


NEXT_STEPS: tuple[NextStep, ...] = (
    NextStep(
        "another", "Ask someone else",
        "Start a new request with the same focus and time box, for another person.",
    ),
    NextStep(
        "program", "Look for a formal program",
        "A program matches mentors and protégés for you.", "is-it-right-for-you/#formal-program",
    ),
    NextStep(
        "know-first", "Get to know them first",
        "A few conversations first often lead to a gladder yes later.",
        "is-it-right-for-you/#get-to-know-first",
    ),
)  # fmt: skip


# What the "after you send" step says at each stage; {due} and {let_go} are days.
STAGE_ADVICE: dict[str, str] = {
    "draft": "When you have sent your request, note the day here: the builder then says "
    "when a follow-up is due, and drafts it.",
    "waiting": "No reply yet? That is normal. If none comes, a polite follow-up is due on "
    "{due}: one is enough. It is drafted below, short and easy to decline.",
    "waiting-now": "No reply yet, and a polite follow-up is due now (from {due}). One is "
    "enough: it is drafted below, short and easy to decline.",
    "followed-up": "You have followed up once, and that is enough. If there is still no "
    'answer by {let_go}, take it as "not now" and let it go. Where to go from here:',
    "yes": "They said yes. Send the confirmation below with the calendar file for them, "
    "add the dates to your own calendar, then keep a short log of each meeting in the "
    "next step.",
    "smaller": "Change the time box (step 3) or the focus (step 1) to what they suggested: "
    "the coach checks the new request, and the revised request below says what changed. "
    "Then keep a log of each meeting in the next step.",
    "not-now": "Thank them, and leave it there: a gracious reply keeps the door open. "
    "Where to go from here:",
    "no": "Thank them, and leave it there: a gracious reply keeps the door open. "
    "Where to go from here:",
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
        messages=tuple(messages),
    )


# --- what comes next -------------------------------------------------------------------


def follow_up_due(after: After) -> date | None:
    """When a polite follow-up is due: a working week after sending (once only)."""
    if after.stage != "waiting" or after.sent_on is None:
        return None
    return dates.add_working_days(after.sent_on, FOLLOW_UP_AFTER)


def let_go_on(after: After) -> date | None:
    """After the one follow-up, when silence can be taken as "not now"."""
    if after.stage != "followed-up" or after.followed_up_on is None:
        return None
    return dates.add_working_days(after.followed_up_on, GIVE_UP_AFTER)


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

    def as_data(self, today: date | None) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "agreed": self.agreed,
            "done": self.done,
            "left": self.left,
            "end": self.end.isoformat() if self.end else "",
            "end_label": dates.day_label(self.end, today) if self.end else "",
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
            f"Your log has {len(after.log)} meetings, and you agreed {wording.number(agreed)}. "
            "Keeping to what you agreed is what made it easy to say yes: if they would like "
            "to carry on, let the offer come from them."
        )
    late = [
        index + 1 for index, entry in enumerate(after.log) if end and entry.day and entry.day > end
    ]
    if late:
        which = dates.series([str(number) for number in late])
        notes.append(
            f"Meeting {which} in your log {'falls' if len(late) == 1 else 'fall'} after the "
            f"agreed end, {dates.day_label(end, today)}. If you need more time, ask whether "
            "the end can move, rather than letting it drift."
        )
    left = max(0, agreed - done) if agreed is not None else None
    return Agreement(agreed, done, left, end, tuple(notes))


# --- drafts after the ask ----------------------------------------------------------------

# name -> (title, template)
OUTPUTS: dict[str, tuple[str, str]] = {
    "follow_up": ("Follow-up", "follow_up.txt"),
    "confirmation": ("Confirmation", "confirmation.txt"),
    "revised": ("Revised request", "revised.txt"),
    "decline": ("Your reply", "decline.txt"),
    "report_next": ("Report-back for the next meeting", "report_next.txt"),
    "thanks_log": ("Thank-you note, from your log", "thanks_log.txt"),
}
LOG_FITTED = ("asked", "advice", "tried", "happened")


def fit_entry(entry: Entry, names: tuple[str, ...]) -> dict[str, Fit]:
    """One meeting's notes, each read for the sentence frames."""
    return {name: fit(name, getattr(entry, name), names) for name in LOG_FITTED}


def shown_drafts(after: After, today: date | None) -> list[str]:
    """The drafts the stage calls for, in the order the page shows them."""
    stage = after.stage
    names = {
        "waiting": ["follow_up"],
        "yes": ["confirmation"],
        "smaller": ["revised"],
        "not-now": ["decline"],
        "no": ["decline"],
    }.get(stage, [])
    if stage in ("yes", "smaller"):
        if _report_source(after) is not None:
            names.append("report_next")
        if any(entry.noted for entry in after.log):
            names.append("thanks_log")
    return names


def _report_source(after: After) -> int | None:
    """The index of the last meeting with notes: the next report-back is drafted from it."""
    noted = [index for index, entry in enumerate(after.log) if entry.noted]
    return noted[-1] if noted else None


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


def next_steps() -> list[dict[str, str]]:
    """The steps offered after a no, as data for the page."""
    return [
        {"id": step.id, "title": step.title, "text": step.text, "url": step.url}
        for step in NEXT_STEPS
    ]


def after_context(
    request: Request,
    after: After,
    facts: Mapping[str, object],
    today: date | None,
    subject: str,
) -> dict[str, object]:
    """The facts the after-the-ask templates add to the request's own (`drafts.context`)."""
    names = (request.mentor_name.strip().rstrip(",;:").rstrip(),)
    meeting = str(facts["short_noun"])
    proposed: tuple[dates.Meeting, ...] = facts["proposed"]  # type: ignore[assignment]
    entries = [fit_entry(entry, names) for entry in after.log]

    def say_in(fitted: Mapping[str, Fit], slot: str, **params: str) -> str:
        return say(slot, fitted[slot.split(".", 1)[0]], meeting=meeting, **params)

    source = _report_source(after)
    upcoming = source + 1 if source is not None else None
    report: dict[str, object] = {}
    if upcoming is not None:
        later = after.log[upcoming] if upcoming < len(after.log) else None
        when = ""
        if later is not None and later.day is not None:
            when = dates.day_label(later.day, today)
        elif upcoming < len(proposed):
            when = dates.when(proposed[upcoming], today)
        report = {
            "number": upcoming + 1,
            "when": when,
            "last": entries[source],
            "asked": entries[upcoming] if later is not None else None,
        }
    lines = []
    for index, fitted in enumerate(entries):
        if not fitted["advice"]:
            continue
        line = say_in(fitted, "advice.thanks", ordinal=wording.ordinal(index + 1))
        if fitted["happened"]:
            line += " " + say_in(fitted, "happened.thanks")
        lines.append(line)
    count = len([entry for entry in after.log if entry.noted]) or len(after.log)
    previous = None
    if after.sent_values is not None:
        before, _ = validate(after.sent_values)
        was = str(context(before)["timebox"])
        previous = was if was != facts["timebox"] else None
    return {
        "after": after,
        "sent_label": dates.day_label(after.sent_on, today) if after.sent_on else "",
        "reply_subject": subject if subject.casefold().startswith("re:") else f"Re: {subject}",
        "say_in": say_in,
        "report": report,
        "thanks_lines": lines,
        "held_count": wording.number(count),
        "held_one": count == 1,
        "next_fit": fit("next", after.next, names),
        "previous_timebox": previous,
        "meeting_lines": [
            f"{str(facts['short_noun']).capitalize()} {m.number}: {dates.when(m, today)}"
            for m in proposed
        ],
    }


SUBJECTS: dict[str, str] = {
    "follow_up": "{reply_subject}",
    "confirmation": "Confirming our {short_nouns}: {focus_short}",
    "revised": "{reply_subject}",
    "decline": "{reply_subject}",
    "thanks_log": "Thank you: {focus_short}",
}


def render_after(
    request: Request, after: After, today: date | None = None, subject: str = ""
) -> dict[str, Draft]:
    """The drafts the stage calls for (see `shown_drafts`), by name.

    Args:
        request: The request as it stands (after "yes, but smaller", as revised).
        after: What happened since it was sent.
        today: The reader's today, from the browser.
        subject: The request email's subject as sent (the reader's own, if edited),
            so replies stay in its thread.
    """
    names = shown_drafts(after, today)
    if not names:
        return {}
    facts = dict(context(request, today))
    facts |= after_context(request, after, facts, today, subject or "Mentoring request")
    env = text_environment()
    drafts = {}
    for name in names:
        title, template = OUTPUTS[name]
        text = env.get_template(template).render(facts)
        heading = SUBJECTS.get(name, "").format_map(facts)
        drafts[name] = Draft(name, title, text, heading)
    return drafts
