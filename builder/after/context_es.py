"""The facts the Spanish drafts after the ask add to the request's own
(`builder.request.context_es`), as `drafts.after_context` does for the English ones:
the meeting log's notes fitted for the Spanish frames, the dates in Spanish words, and
the subjects that keep the request's thread."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from builder.after.agreement import held
from builder.after.progress import After
from builder.after.report import next_report
from builder.request import context_es, dates
from builder.request.validate import Request, validate
from builder.wording.catalog import translator
from builder.wording.es import drafting
from builder.wording.es.fitting import fit
from builder.wording.es.frames import say
from builder.wording.fitting import Fit

LOG_FITTED = ("asked", "advice", "tried", "happened")

SUBJECTS: dict[str, str] = {
    "follow_up": "{reply_subject}",
    "summary": "{summary_subject}",
    "confirmation": "Confirmación de nuestras {short_nouns_many} – {focus_subject}",
    "revised": "{reply_subject}",
    "decline": "{reply_subject}",
    "thanks_log": "Gracias – {focus_subject}",
}


def after_context(
    request: Request,
    after: After,
    facts: Mapping[str, object],
    today: date | None,
    subject: str,
) -> dict[str, object]:
    """What the Spanish after-the-ask templates add to the request's own facts."""
    t = translator("es")
    names = (request.mentor_name.strip().rstrip(",;:").rstrip(),)
    meeting = str(facts["short_noun"])
    register = "usted" if facts["usted"] else "tu"
    proposed: tuple[dates.Meeting, ...] = facts["proposed"]  # type: ignore[assignment]
    entries = [{name: fit(name, getattr(e, name), names) for name in LOG_FITTED} for e in after.log]

    def say_in(fitted: Mapping[str, Fit], slot: str, **params: str) -> str:
        return say(slot, fitted[slot.split(".", 1)[0]], register, meeting=meeting, **params)

    report = next_report(
        request,
        after,
        entries,
        proposed,
        lambda day: t.day(day, today),
        lambda meeting: t.when(meeting.day, meeting.at, today),
    )
    lines = []
    for index, fitted in enumerate(entries):
        if not fitted["advice"]:
            continue
        line = say_in(fitted, "advice.thanks", ordinal=drafting.ordinal(index + 1))
        if fitted["happened"]:
            line += " " + say_in(fitted, "happened.thanks")
        lines.append(line)
    count = sum(held(entry, today) for entry in after.log) or len(
        [entry for entry in after.log if entry.noted]
    )
    previous = None
    if after.sent_values is not None:
        before, _ = validate(after.sent_values)
        was = str(context_es.context(before, (), None)["timebox"])
        previous = was if was != facts["timebox"] else None
    in_person = request.channel == "in-person"
    tone: drafting.Tono = facts["tone"]  # type: ignore[assignment]
    sent = t.day(after.sent_on, today) if after.sent_on else ""
    on = f" el {sent}" if sent else ""
    talked = f"Sobre nuestra conversación – {facts['focus_subject']}"
    if in_person:
        reply_subject = f"Re: {talked}" if after.stage == "thinking" else talked
    else:
        reply_subject = subject if subject.casefold().startswith("re:") else f"Re: {subject}"
    short_one, short_many = str(facts["short_noun"]), str(facts["short_nouns_many"])
    return {
        "after": after,
        "sent_when": f"El {sent}" if sent else "Hace unos días",
        "reply_subject": reply_subject,
        "in_person": in_person,
        "summary_subject": talked if in_person else reply_subject,
        "said_yes": tone.said_yes.format(on=on),
        "heard_out": tone.heard_out.format(on=on),
        "say_in": say_in,
        "report": report,
        "thanks_lines": lines,
        "held_count": drafting.numero(count),
        "held_one": count == 1,
        "held_all": request.meetings is None or count >= request.meetings,
        "held_nouns": short_one if count == 1 else short_many,
        "next_fit": fit("next", after.next, names),
        "previous_timebox": previous,
        "meeting_lines": [
            f"{short_one.capitalize()} {m.number}: {t.when(m.day, m.at, today)}" for m in proposed
        ],
    }
