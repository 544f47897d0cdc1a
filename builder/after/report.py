"""The next report-back: which meeting it is for, which meeting's notes it is drafted
from, and what it shows, the same in every language (the day words are the caller's)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from builder.after.agreement import held
from builder.after.progress import After
from builder.request import dates
from builder.request.validate import Request


def report_source(after: After) -> int | None:
    """The index of the last meeting with notes: the next report-back is drafted from it."""
    noted = [index for index, entry in enumerate(after.log) if entry.noted]
    return noted[-1] if noted else None


def upcoming(request: Request, after: After) -> int | None:
    """The index of the meeting the next report-back is for: the one after the last with
    notes, while one is still to come."""
    source = report_source(after)
    if source is None or after.ended:
        return None
    if request.meetings is not None and source + 1 >= request.meetings:
        return None  # the last agreed meeting has notes: no next one to report at
    return source + 1


def next_report(
    request: Request,
    after: After,
    entries: Sequence[Mapping[str, object]],
    proposed: Sequence[dates.Meeting],
    day: Callable[[date], str],
    when: Callable[[dates.Meeting], str],
) -> dict[str, object]:
    """What the report-back template shows ({} when none is due): the meeting's number
    and day (its logged date, else its proposed one), the fitted notes it is drafted from
    (`entries`, one per logged meeting) and those noted for the meeting itself."""
    source, coming = report_source(after), upcoming(request, after)
    if source is None or coming is None:
        return {}
    later = after.log[coming] if coming < len(after.log) else None
    said = ""
    if later is not None and later.day is not None:
        said = day(later.day)
    elif coming < len(proposed):
        said = when(proposed[coming])
    return {
        "number": coming + 1,
        "when": said,
        "last": entries[source],
        "asked": entries[coming] if later is not None else None,
    }


def thanks_lines(
    entries: Sequence[Mapping[str, object]],
    say_in: Callable[..., str],
    ordinal: Callable[[int], str],
) -> list[str]:
    """The closing thank-you's lines, one a meeting with advice noted: the advice as noted
    and, if the reader noted it, what happened when they tried it (`say_in` says a slot
    for a meeting's fitted notes, in the drafts' language; `ordinal` says "second")."""
    lines = []
    for index, fitted in enumerate(entries):
        if not fitted["advice"]:
            continue
        line = say_in(fitted, "advice.thanks", ordinal=ordinal(index + 1))
        if fitted["happened"]:
            line += " " + say_in(fitted, "happened.thanks")
        lines.append(line)
    return lines


def meetings_held(after: After, today: date | None) -> int:
    """Meetings held so far (logged and dated today or earlier, or undated with notes),
    or else the meetings with notes."""
    held_so_far = sum(held(entry, today) for entry in after.log)
    return held_so_far or len([entry for entry in after.log if entry.noted])
