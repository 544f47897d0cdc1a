"""The drafts after the ask: which ones the stage calls for, and their wording.

A follow-up when no reply came, a confirmation after a yes, a revised request after
"yes, but smaller", a gracious reply to a no, the report-back for the next meeting
from the last one's log, and the closing thank-you from the whole log. Each reuses the
request's own facts (`drafts.context`) and fits the log's notes to its sentence frames.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from builder.after import context_tables as after_tables
from builder.after.agreement import held
from builder.after.progress import ASKED_FIELDS, After, Entry, follow_up_due
from builder.after.report import meetings_held, next_report, thanks_lines, upcoming
from builder.request import dates
from builder.request.drafts import (
    Draft,
    context,
    draft_language,
    facts_in,
    text_environment,
)
from builder.request.validate import Request, validate
from builder.wording import pieces as wording
from builder.wording.fitting import Fit, fit, say
from builder.wording.tables import drafting

# name -> (title, template)
OUTPUTS: dict[str, tuple[str, str]] = {
    "follow_up": ("Follow-up", "follow_up.txt"),
    "summary": ("Your request in writing", "summary.txt"),
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


def held_count(after: After, today: date | None) -> int:
    """Meetings held so far: logged and dated today or earlier (or, undated, with notes)."""
    return sum(held(entry, today) for entry in after.log)


def thanks_due(request: Request, after: After, today: date | None) -> bool:
    """Whether the closing thank-you is due: every agreed meeting is held, or the reader
    says the meetings are over. Until then it would thank them for meetings to come."""
    done = held_count(after, today)
    if after.ended:
        return done > 0 or any(entry.noted for entry in after.log)
    return request.meetings is not None and done >= request.meetings


def revised(request: Request, after: After) -> bool:
    """Whether the request has changed since it was sent (or the reply was noted): the
    revised request says what changed, so it waits until something has."""
    if after.sent_values is None:
        return True  # kept before the builder kept what was sent: it cannot tell
    before, _ = validate(after.sent_values)
    return any(getattr(before, name) != getattr(request, name) for name in ASKED_FIELDS)


def shown_drafts(request: Request, after: After, today: date | None) -> list[str]:
    """The drafts the stage calls for, in the order the page shows them."""
    stage = after.stage
    in_person = request.channel == "in-person"
    due = follow_up_due(after, in_person)
    names = {
        "waiting": [] if in_person else ["follow_up"],  # asked in person: answered there
        "yes": ["confirmation"],
        "smaller": ["revised"] if revised(request, after) else [],
        # "I'll think about it": the request in writing; a week on, one follow-up in its
        # place; once that is sent, nothing more.
        "thinking": []
        if after.followed_up_on
        else ["follow_up"]
        if due and today and today >= due
        else ["summary"],
        "not-now": ["decline"],
        "no": ["decline"],
    }.get(stage, [])
    if stage in ("yes", "smaller"):
        if upcoming(request, after) is not None:
            names.append("report_next")
        if thanks_due(request, after, today):
            names.append("thanks_log")
    return names


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

    report = next_report(
        request,
        after,
        entries,
        proposed,
        lambda day: dates.day_label(day, today),
        lambda meeting: dates.when(meeting, today),
    )
    lines = thanks_lines(entries, say_in, wording.ordinal)
    count = meetings_held(after, today)
    previous = None
    if after.sent_values is not None:
        before, _ = validate(after.sent_values)
        was = str(context(before)["timebox"])
        previous = was if was != facts["timebox"] else None
    # A reply keeps the request's thread. Asked in person, there is none: the summary
    # starts one, which a follow-up then keeps.
    in_person = request.channel == "in-person"
    tone = facts["tone"]
    on = f" on {dates.day_label(after.sent_on, today)}" if after.sent_on else ""
    talked = f"Following our conversation – {facts['focus_subject']}"
    if in_person:
        reply_subject = f"Re: {talked}" if after.stage == "thinking" else talked
    else:
        reply_subject = subject if subject.casefold().startswith("re:") else f"Re: {subject}"
    return {
        "after": after,
        "sent_label": dates.day_label(after.sent_on, today) if after.sent_on else "",
        "reply_subject": reply_subject,
        "in_person": in_person,
        "summary_subject": talked if in_person else reply_subject,
        "said_yes": tone.said_yes.format(on=on),
        "heard_out": tone.heard_out.format(on=on),
        "say_in": say_in,
        "report": report,
        "thanks_lines": lines,
        "held_count": wording.number(count),
        "held_one": count == 1,
        "held_all": request.meetings is None or count >= request.meetings,
        "held_nouns": wording.plural(count, meeting, str(facts["short_nouns_many"])),
        "next_fit": fit("next", after.next, names),
        "previous_timebox": previous,
        "meeting_lines": [
            f"{str(facts['short_noun']).capitalize()} {m.number}: {dates.when(m, today)}"
            for m in proposed
        ],
    }


SUBJECTS: dict[str, str] = {
    "follow_up": "{reply_subject}",
    "summary": "{summary_subject}",
    "confirmation": "Confirming our {short_nouns} – {focus_subject}",
    "revised": "{reply_subject}",
    "decline": "{reply_subject}",
    "thanks_log": "Thank you – {focus_subject}",
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
    names = shown_drafts(request, after, today)
    if not names:
        return {}
    subjects, folder = SUBJECTS, ""
    language = draft_language(request)
    table = drafting(language)
    if table is not None:
        facts = facts_in(request, language, today)
        facts |= after_tables.after_context(
            table, request, after, facts, today, subject or table.phrase("request_subject")
        )
        subjects, folder = table.after_subjects, f"{table.code}/"
    else:
        facts = dict(context(request, today))
        facts |= after_context(request, after, facts, today, subject or "Mentoring request")
    env = text_environment()
    drafts = {}
    for name in names:
        title, template = OUTPUTS[name]
        text = env.get_template(folder + template).render(facts)
        heading = subjects.get(name, "").format_map(facts)
        drafts[name] = Draft(name, title, text, heading)
    return drafts
