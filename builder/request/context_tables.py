"""The facts a language's drafts draw on, from its tables (`builder.wording.tables`), as
`drafts.context` gives the English ones: names or blanks, counts, the time box, the
schedule, the dates, what to say in person, and the reader's words read for the frames.
The templates are `builder/templates/<code>/`."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date

from builder.request import dates
from builder.request.validate import Request
from builder.text import shorten
from builder.wording.catalog import translator
from builder.wording.fitting import Fit
from builder.wording.greeting import informal_name
from builder.wording.pieces import upper_first
from builder.wording.tables import Drafting, say

FITTED = ("focus", "outcome", "connection", "preparation", "report_back")
SUBJECT_FOCUS = 60
SCHEDULED = 3  # meetings a plan shows when the request does not say how many


@functools.lru_cache(maxsize=16)
def fits(table: Drafting, request: Request) -> dict[str, Fit]:
    names = (request.mentor_name.strip().rstrip(",;:").rstrip(),)
    return {name: table.read(name, getattr(request, name), names) for name in FITTED}


def _name(text: str, blank: str) -> str:
    return text.strip().rstrip(",;:").rstrip() or blank


def _sayer(table: Drafting, fitted: Mapping[str, Fit], meeting: str, register: str):
    def say_slot(slot: str) -> str:
        return say(slot, fitted[slot.split(".", 1)[0]], register, table.slots, meeting=meeting)

    return say_slot


def _dates(
    table: Drafting, proposed: tuple[dates.Meeting, ...], today: date | None, register: str
) -> str:
    """ "Dates, if they suit you: Tuesday 13 January, … and …, always at 14:00." """
    if not proposed:
        return ""
    t = translator(table.code)
    if len(proposed) == 1:
        first = proposed[0]
        return table.phrase("dates.one", register, when=t.when(first.day, first.at, today))
    times = {meeting.at for meeting in proposed}
    same = len(times) == 1 and None not in times
    days = [t.day(m.day, today) if same else t.when(m.day, m.at, today) for m in proposed]
    line = table.phrase("dates.many", register, days=t.series(days))
    if same:
        return line + table.phrase("dates.same_time", register, time=f"{proposed[0].at:%H:%M}")
    return line + "."


def _spoken(table: Drafting, request: Request, facts: Mapping[str, object]) -> dict[str, object]:
    """The request said aloud, a sentence a line, and about how long it takes."""
    tone = facts["tone"]
    register = tone.register  # type: ignore[attr-defined]
    say_slot = facts["say"]
    fitted = facts["fits"]
    name = informal_name(request.mentor_name, request.mentor_call) or str(facts["greet"])
    lines = [tone.spoken_hello.format(name=name)]  # type: ignore[attr-defined]
    if fitted["connection"]:  # type: ignore[index]
        lines.append(say_slot("connection.chat"))  # type: ignore[operator]
    lines.append(say_slot("focus.spoken"))  # type: ignore[operator]
    lines.append(table.phrase("spoken.ask", register, timebox=facts["timebox"]))
    if facts["first_when"]:
        key = "spoken.one_date" if request.meetings == 1 else "spoken.start"
        lines.append(table.phrase(key, register, when=facts["first_when"]))
    if fitted["outcome"]:  # type: ignore[index]
        lines.append(say_slot("outcome.check"))  # type: ignore[operator]
    lines.append(tone.said_no)  # type: ignore[attr-defined]
    words = sum(len(line.split()) for line in lines)
    seconds = max(5, round(words / table.speaking_rate / 5) * 5)
    return {"lines": lines, "count": table.number(len(lines)), "seconds": seconds}


def _schedule(
    table: Drafting,
    meetings: int | None,
    weeks: int | None,
    proposed: tuple[dates.Meeting, ...],
    today: date | None,
) -> list[dict[str, object]]:
    """The plan's meetings: number, week, day (where one is proposed), first and last."""
    t = translator(table.code)
    count = meetings or SCHEDULED
    schedule = []
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
    return schedule


def context(
    table: Drafting, request: Request, proposed: tuple[dates.Meeting, ...], today: date | None
) -> dict[str, object]:
    """The facts every template of the language draws on, with blanks for missing values."""
    meetings, minutes, weeks = request.meetings, request.minutes, request.weeks
    tone = table.tones.get(request.tone, table.tones["warm"])
    one, many, short_one, short_many = table.formats.get(request.format, table.formats["video"])
    fitted = fits(table, request)
    blank = table.blanks
    t = translator(table.code)
    greet = _name(
        request.mentor_name
        if request.tone == "formal"
        else informal_name(request.mentor_name, request.mentor_call),
        blank["mentor_name"],
    )
    facts: dict[str, object] = {
        "tone": tone,
        "usted": tone.register == "usted",
        "register": tone.register,
        "hello": tone.hello.format(name=greet),
        "chat_hello": tone.chat_hello.format(name=greet),
        "protege": _name(request.protege_name, blank["protege_name"]),
        "mentor": _name(request.mentor_name, blank["mentor_name"]),
        "greet": greet,
        "fits": fitted,
        "say": _sayer(table, fitted, short_one, tone.register),
        "focus": request.focus or fitted["focus"].label,
        "focus_short": upper_first(shorten(fitted["focus"].label, SUBJECT_FOCUS)),
        "focus_subject": shorten(fitted["focus"].label, SUBJECT_FOCUS),
        "outcome": request.outcome,
        "connection": request.connection,
        "preparation": request.preparation,
        "report_back": request.report_back,
        "meetings": meetings,
        "weeks": weeks,
        "count": table.number(meetings) if meetings else blank["count"],
        "week_count": table.number(weeks) if weeks else blank["count"],
        "last": table.ordinal(meetings) if meetings else table.phrase("last"),
        "short_noun": short_one,
        "short_nouns": short_one if meetings == 1 else short_many,
        "short_nouns_many": short_many,
        "minutes": minutes,
        "proposed": proposed,
        "timebox": table.timebox(meetings, minutes, weeks, one, many),
        "schedule": _schedule(table, meetings, weeks, proposed, today),
        "dates_line": _dates(table, proposed, today, tone.register),
        "first_when": t.when(proposed[0].day, proposed[0].at, today) if proposed else "",
    }
    facts["spoken"] = _spoken(table, request, facts)
    return facts
