"""The one call the browser makes on every edit: validate, coach, draft.

Keeping it to one call means one round trip through Pyodide per keystroke and one
JSON-ready answer for the page's thin JavaScript to show.

A first visit is calm: a field's messages show once the reader has typed in it or
left it (`touched`), or has a value of their own (a saved draft, a link), and a tip
none of whose fields has been touched is "pending" (not started) rather than
"needs work". Once the reader tries to send (`attempted`), everything shows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from builder.after.agreement import agreement
from builder.after.drafts import OUTPUTS as AFTER_OUTPUTS
from builder.after.drafts import held_count, render_after, revised, thanks_due
from builder.after.progress import (
    SENT_LABELS,
    STAGE_ADVICE,
    THANKS_LATER,
    After,
    advice_key,
    follow_up_due,
    let_go_on,
    next_steps,
    read_after,
)
from builder.keeping.edits import Edit, effective, read_edits
from builder.keeping.record import name_for
from builder.keeping.state import to_query
from builder.request import context_tables, dates
from builder.request.coach import Finding, TipCheck, checklist, coach
from builder.request.drafts import (
    FITTED,
    Draft,
    draft_language,
    fits,
    mailto_url,
    proposals,
    render_drafts,
)
from builder.request.fields import FIELD, defaults, offered_draft_languages
from builder.request.rules import RULES
from builder.request.spoken import primary_draft
from builder.request.validate import FieldMessage, Request, check, read_values
from builder.wording import pieces as wording
from builder.wording.catalog import say, spoken, to_say
from builder.wording.greeting import informal_name
from builder.wording.notices import language_notice, written_in
from builder.wording.tables import drafting


def _failed() -> FieldMessage:
    return FieldMessage(
        "",
        "error",
        say("Something went wrong while checking your request. Your text is safe in the form."),
    )


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Everything the page shows for the current form values.

    `ready` means no field has an error; `failed` means the builder itself hit
    a bug and the rest is a safe fallback.
    """

    values: Mapping[str, str]
    request: Request
    messages: Mapping[str, tuple[FieldMessage, ...]]
    findings: tuple[Finding, ...]
    checklist: tuple[TipCheck, ...]
    drafts: Mapping[str, Draft]
    primary: str
    mailto: str
    query: str
    ready: bool
    failed: bool = False
    missing: tuple[FieldMessage, ...] = ()
    edits: Mapping[str, Edit] = dataclasses.field(default_factory=dict)
    proposed: tuple[dates.Meeting, ...] = ()
    today: date | None = None
    after: Mapping[str, object] = dataclasses.field(default_factory=dict)

    @property
    def sendable(self) -> dict[str, Draft]:
        """The request's drafts as they will be copied, mailed and downloaded: the
        reader's own version wherever they edited one (the drafts after the ask are
        not part of the request's download)."""
        own = {name: draft for name, draft in self.drafts.items() if name not in AFTER_OUTPUTS}
        return effective(own, self.edits)

    def to_dict(self) -> dict[str, object]:
        """JSON-serialisable form for the JavaScript side."""
        return {
            "ready": self.ready,
            "failed": self.failed,
            "primary": self.primary,
            "values": dict(self.values),
            "messages": {
                name: [message.as_data() for message in messages]
                for name, messages in self.messages.items()
            },
            "findings": [finding.as_data() for finding in self.findings],
            "checklist": [item.as_data() for item in self.checklist],
            "drafts": {name: draft.as_data() for name, draft in self.drafts.items()},
            "edits": {name: edit.as_data(self.drafts[name]) for name, edit in self.edits.items()},
            "missing": [message.as_data() for message in self.missing],
            "mailto": self.mailto,
            "query": self.query,
            "dates": [meeting.as_data(self.today) for meeting in self.proposed],
            "name": name_for(self.values) if not self.failed else "",
            # What a warm or casual greeting calls the mentor when "What do you call
            # them?" is left blank: the page shows it in that field as its placeholder.
            "call_name": informal_name(self.request.mentor_name),
            "after": dict(self.after),
        }


def _tip_fields(tip: int) -> frozenset[str]:
    """The fields a tip's rules look at ("" is a rule that reads every text field)."""
    fields = {rule.field for rule in RULES if rule.tip == tip}
    return frozenset((fields - {""}) | (set(FITTED) if "" in fields else set()))


# A tip is "not started" until one of its fields is touched.
TIP_FIELDS: dict[int, frozenset[str]] = {tip: _tip_fields(tip) for tip in range(1, 6)}


def _language_notices(request: Request) -> list[FieldMessage]:
    """A plain word next to each field written in another language than the drafts':
    its words are quoted as typed, and a language the drafts can be written in is
    suggested."""
    drafts = draft_language(request)
    table = drafting(drafts)
    fitted = context_tables.fits(table, request) if table is not None else fits(request)
    offered = offered_draft_languages()
    notices = []
    for name, fit in fitted.items():
        code = written_in(fit, getattr(request, name), drafts)
        if code is None:
            continue
        switch = ""
        if code in offered and code != drafts:
            switch = say(
                "Or choose “{choice}” as the language of your messages.",
                choice=FIELD["draft_language"].choice_label(code),
            )
        text = language_notice(code, drafts, FIELD[name].noun, switch)
        notices.append(FieldMessage(name, "notice", text))
    return notices


def _shown(
    cleaned: Mapping[str, str], touched: Collection[str] | None, attempted: bool
) -> frozenset[str] | None:
    """The fields whose messages show: None for all of them."""
    if touched is None or attempted:
        return None
    own = {name for name, value in cleaned.items() if value.strip() != FIELD[name].default}
    return frozenset(touched) | own


def _pending(items: list[TipCheck], shown: frozenset[str] | None) -> tuple[TipCheck, ...]:
    if shown is None:
        return tuple(items)
    return tuple(
        item
        if TIP_FIELDS[item.tip.number] & shown
        else item._replace(status="pending", findings=())
        for item in items
    )


def _date_notices(request: Request, notes: list[str]) -> list[FieldMessage]:
    """Why the proposed dates could not keep to the reader's choice, by the weekday."""
    return [FieldMessage("weekday", "notice", note) for note in notes]


PAST_START = to_say(
    "That day has passed: pick today or a later day, or leave it open. Until then the "
    "request proposes no dates."
)


def _past_start(
    request: Request, after: After, today: date | None
) -> tuple[Request, list[FieldMessage]]:
    """A first date already past, in a request not yet sent, is a mistake to fix, not a
    date to propose: the request then proposes none. (Once sent, the first meeting's
    day passing is only time going by.)"""
    start = request.first_date
    if start is None or today is None or start >= today or after.sent_on is not None:
        return request, []
    unset = dataclasses.replace(request, first_date=None, weekday="", meeting_time=None)
    return unset, [FieldMessage("first_date", "error", say(PAST_START))]


def _linked_values(
    cleaned: Mapping[str, str], request: Request, proposed: tuple[dates.Meeting, ...]
) -> Mapping[str, str]:
    """What a share link carries: the answers, with the first date the drafts propose
    when only a weekday or a time placed it (a week from the reader's today), so the
    link opened on another day, by the mentor say, shows the dates the email named."""
    if request.first_date is not None or not proposed:
        return cleaned
    return {**cleaned, "first_date": proposed[0].day.isoformat()}


def _after_view(
    request: Request,
    after: After,
    proposed: tuple[dates.Meeting, ...],
    today: date | None,
    sendable: Mapping[str, Draft],
) -> dict[str, object]:
    """What the "after the ask" steps show: the stage, when to follow up, the
    agreement, where to go after a no, and a mail link for each reply draft."""
    in_person = request.channel == "in-person"
    due, let_go = follow_up_due(after, in_person), let_go_on(after)
    stage = after.stage
    now = bool(due and today and today >= due)
    key = advice_key(after, in_person, now, stage == "smaller" and revised(request, after))
    thanks_later = ""
    if stage in ("yes", "smaller") and request.meetings and not thanks_due(request, after, today):
        meeting = wording.FORMAT_WORDS.get(request.format, wording.FORMAT_WORDS["video"])
        said = spoken()
        thanks_later = say(
            THANKS_LATER,
            agreed=said.number(request.meetings),
            nouns=say(wording.plural(request.meetings, meeting[2], meeting[3])),
            done=said.number(held_count(after, today)),
        )
    day = spoken().day
    advice = say(
        STAGE_ADVICE[key],
        due=day(due, today) if due else "",
        let_go=day(let_go, today) if let_go else "",
        by_due=say("by {day}", day=day(due, today)) if due else say("within a week"),
    )
    return {
        "stage": stage,
        "advice": advice,
        "sent": after.sent_on is not None,
        "sent_label": say(SENT_LABELS[in_person][0]),
        "sent_help": say(SENT_LABELS[in_person][1]),
        "follow_up_due": due.isoformat() if due else "",
        "follow_up_label": day(due, today) if due else "",
        "follow_up_now": now,
        "let_go_label": day(let_go, today) if let_go else "",
        "agreement": agreement(request, after, proposed, today).as_data(today),
        "thanks_later": thanks_later,
        "ended": after.ended,
        "next_steps": next_steps() if key in ("not-now", "no", "followed-up") else [],
        # One follow-up, noted when sent: after silence to a written ask, or "I'll think".
        "follow_up_field": stage in ("thinking", "followed-up")
        or (stage == "waiting" and not in_person),
        "drafts": [name for name in sendable if name in AFTER_OUTPUTS],
        "mailto": {
            name: mailto_url(request, draft)
            for name, draft in sendable.items()
            if name in AFTER_OUTPUTS and draft.subject
        },
        "messages": [message.as_data() for message in after.messages],
    }


def _evaluate(
    values: object,
    touched: Collection[str] | None = None,
    attempted: bool = False,
    edits: object = None,
    today: date | None = None,
    after_state: object = None,
) -> Evaluation:
    cleaned, unreadable = read_values(values)
    request, problems = check(cleaned, unreadable)
    after = read_after(after_state)
    request, past = _past_start(request, after, today)
    problems = [*problems, *past]
    proposed, notes = proposals(request, today)
    shown = _shown(cleaned, touched, attempted)
    messages: dict[str, tuple[FieldMessage, ...]] = {}
    for message in [*problems, *_language_notices(request), *_date_notices(request, notes)]:
        if shown is None or message.field in shown:
            messages[message.field] = (*messages.get(message.field, ()), message)
    findings = coach(request)
    drafts = render_drafts(request, today)
    kept = read_edits(edits, drafts)
    sendable = effective(drafts, kept)
    subject = sendable["email"].subject
    drafts |= render_after(request, after, today, subject)
    kept = read_edits(edits, drafts)
    every = effective(drafts, kept)
    return Evaluation(
        values=cleaned,
        request=request,
        messages=messages,
        findings=tuple(findings),
        checklist=_pending(checklist(request, findings), shown),
        drafts=drafts,
        primary=primary_draft(request.channel),
        mailto=mailto_url(request, sendable["email"]),
        query=to_query(_linked_values(cleaned, request, proposed)),
        ready=not problems,
        missing=tuple(problems),
        edits=kept,
        proposed=proposed,
        today=today,
        after=_after_view(request, after, proposed, today, every),
    )


def evaluate(
    values: object,
    *,
    touched: Collection[str] | None = None,
    attempted: bool = False,
    edits: object = None,
    today: date | None = None,
    after: object = None,
) -> Evaluation:
    """Validate, coach and draft the form's values; never raises.

    Args:
        values: Field name to raw value, as the form holds them (usually strings).
        touched: The fields the reader has typed in or left; None (the default)
            shows every message, as for a finished request.
        attempted: Whether the reader has tried to send: everything shows.
        edits: The reader's own versions of drafts, by draft name (see `edits`).
        today: The reader's date, from the browser: dates with no start of their
            own start a week later, and follow-ups fall due from it.
        after: What happened after sending (see `after.read_after`): the reply,
            the follow-up, the meeting log.

    Returns:
        The evaluation. If the builder itself fails, a fallback with `failed`
        set and one general message, so the page can keep working.
    """
    try:
        return _evaluate(values, touched, attempted, edits, today, after)
    except Exception:  # the page must keep working whatever happens here
        return _fallback(values)


def _fallback(values: object) -> Evaluation:
    """An evaluation that keeps the user's text and says something went wrong."""
    kept = defaults()
    try:
        if isinstance(values, Mapping):
            kept |= {k: v for k, v in values.items() if k in kept and isinstance(v, str)}
    except Exception:  # noqa: S110 - a hostile mapping only costs the kept text
        pass
    return Evaluation(
        values=kept,
        request=Request(),
        messages={"": (_failed(),)},
        findings=(),
        checklist=(),
        drafts={},
        primary="email",
        mailto="",
        query="",
        ready=False,
        failed=True,
    )
