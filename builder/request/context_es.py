"""The facts the Spanish drafts' templates draw on (builder/templates/es/), as
`drafts.context` gives the English ones: names or blanks, counts, the time box, the
schedule, the dates, and the reader's words fitted by `builder.wording.es.fitting`."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date

from builder.request import dates
from builder.request.validate import Request
from builder.text import shorten
from builder.wording.catalog import translator
from builder.wording.es import drafting
from builder.wording.es.fitting import fit
from builder.wording.es.frames import say
from builder.wording.fitting import Fit
from builder.wording.greeting import informal_name
from builder.wording.pieces import upper_first

FITTED = ("focus", "outcome", "connection", "preparation", "report_back")
SUBJECT_FOCUS = 60
SPEAKING_RATE = 2.5  # words a second, as in English


@functools.lru_cache(maxsize=8)
def fits(request: Request) -> dict[str, Fit]:
    names = (request.mentor_name.strip().rstrip(",;:").rstrip(),)
    return {name: fit(name, getattr(request, name), names) for name in FITTED}


def _name(text: str, blank: str) -> str:
    return text.strip().rstrip(",;:").rstrip() or blank


def _sayer(fitted: Mapping[str, Fit], meeting: str, register: str):
    def say_slot(slot: str) -> str:
        return say(slot, fitted[slot.split(".", 1)[0]], register, meeting=meeting)

    return say_slot


def _dates(proposed: tuple[dates.Meeting, ...], today: date | None, register: str) -> str:
    """ "Fechas, si te vienen bien: martes 13 de enero, … y …, siempre a las 14:00." """
    if not proposed:
        return ""
    t = translator("es")
    suit = "te" if register == "tu" else "le"
    if len(proposed) == 1:
        first = proposed[0]
        return f"Una fecha, si {suit} viene bien: {t.when(first.day, first.at, today)}."
    times = {meeting.at for meeting in proposed}
    same = len(times) == 1 and None not in times
    days = [t.day(m.day, today) if same else t.when(m.day, m.at, today) for m in proposed]
    line = f"Fechas, si {suit} vienen bien: {t.series(days)}"
    return line + (f", siempre a las {proposed[0].at:%H:%M}." if same else ".")


def _spoken(request: Request, facts: Mapping[str, object]) -> dict[str, object]:
    """The request said aloud, a sentence a line, and about how long it takes."""
    tone: drafting.Tono = facts["tone"]  # type: ignore[assignment]
    say_slot = facts["say"]
    fitted = facts["fits"]
    usted = tone.register == "usted"
    name = informal_name(request.mentor_name, request.mentor_call) or str(facts["greet"])
    lines = [tone.chat_hello.format(name=name).rstrip(":") + ("." if usted else "")]
    if fitted["connection"]:  # type: ignore[index]
        lines.append(say_slot("connection.chat"))  # type: ignore[operator]
    lines.append(say_slot("focus.spoken"))  # type: ignore[operator]
    have = "Tendría" if usted else "Tendrías"
    lines.append(f"¿{have} tiempo para {facts['timebox']}? Es todo lo que pediría.")
    if facts["first_when"]:
        when = facts["first_when"]
        suit = "Le" if usted else "Te"
        lines.append(f"¿{suit} vendría bien el {when}?" if request.meetings == 1
                     else f"¿Podríamos empezar el {when}?")  # fmt: skip
    if fitted["outcome"]:  # type: ignore[index]
        lines.append(say_slot("outcome.check"))  # type: ignore[operator]
    lines.append(tone.said_no)
    words = sum(len(line.split()) for line in lines)
    seconds = max(5, round(words / SPEAKING_RATE / 5) * 5)
    return {"lines": lines, "count": drafting.numero(len(lines)), "seconds": seconds}


def context(
    request: Request, proposed: tuple[dates.Meeting, ...], today: date | None
) -> dict[str, object]:
    """The facts every Spanish template draws on, with blanks for missing values."""
    meetings, minutes, weeks = request.meetings, request.minutes, request.weeks
    tone = drafting.TONOS.get(request.tone, drafting.TONOS["warm"])
    one, many, short_one, short_many = drafting.FORMATOS.get(
        request.format, drafting.FORMATOS["video"]
    )
    fitted = fits(request)
    blank = drafting.BLANCOS
    t = translator("es")
    greet = _name(
        request.mentor_name
        if request.tone == "formal"
        else informal_name(request.mentor_name, request.mentor_call),
        blank["mentor_name"],
    )
    schedule = []
    count = meetings or 3
    for index in range(count):
        week = None
        if weeks is not None:
            share = index * (weeks - 1) / (count - 1) if count > 1 else 0
            week = 1 + int(share + 0.5)
        schedule.append({
            "number": index + 1,
            "week": week,
            "when": t.when(proposed[index].day, proposed[index].at, today)
            if index < len(proposed) else "",
            "first": index == 0,
            "last": index == count - 1,
        })  # fmt: skip
    facts: dict[str, object] = {
        "tone": tone,
        "usted": tone.register == "usted",
        "hello": tone.hello.format(name=greet),
        "chat_hello": tone.chat_hello.format(name=greet),
        "protege": _name(request.protege_name, blank["protege_name"]),
        "mentor": _name(request.mentor_name, blank["mentor_name"]),
        "greet": greet,
        "fits": fitted,
        "say": _sayer(fitted, short_one, tone.register),
        "focus": request.focus or fitted["focus"].label,
        "focus_short": upper_first(shorten(fitted["focus"].label, SUBJECT_FOCUS)),
        "focus_subject": shorten(fitted["focus"].label, SUBJECT_FOCUS),
        "outcome": request.outcome,
        "connection": request.connection,
        "preparation": request.preparation,
        "report_back": request.report_back,
        "meetings": meetings,
        "weeks": weeks,
        "count": drafting.numero(meetings) if meetings else blank["count"],
        "week_count": drafting.numero(weeks) if weeks else blank["count"],
        "last": drafting.ordinal(meetings) if meetings else "última",
        "short_noun": short_one,
        "short_nouns": short_one if meetings == 1 else short_many,
        "short_nouns_many": short_many,
        "minutes": minutes,
        "proposed": proposed,
        "timebox": drafting.plazo(meetings, minutes, weeks, one, many),
        "schedule": schedule,
        "dates_line": _dates(proposed, today, tone.register),
        "first_when": t.when(proposed[0].day, proposed[0].at, today) if proposed else "",
    }
    facts["spoken"] = _spoken(request, facts)
    return facts
