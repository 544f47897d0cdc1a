"""Meeting dates: a start day, a weekday and a time turned into proposed dates.

Dates are wall-clock dates and times in the reader's own time zone, which is all a
message needs ("Tuesday 13 January at 14:00"); the calendar file (`ics`) states the
zone and does the zone arithmetic, with the zone data it loads on first use. So this
module needs no time-zone data and runs at start-up.

The rules, as a reader would state them:

- Meetings fall on working days (Monday to Friday), inside the span: from the start
  day to the day before the same weekday `weeks` weeks later.
- They are evenly spaced, the first on the first working day: on the chosen weekday,
  or with none chosen on the start's own weekday when the span has enough of them,
  else across the working days (the same number of working days apart). When the
  span does not divide evenly, the gap is the whole number of weeks (or days) that
  fits, so the last meeting may fall before the final week.
- Times are kept between 06:00 and 22:00, where no time zone changes its clocks, so
  the time written in the message is the time in the calendar.
- No start day: the dates start a week after today, which gives the mentor time to
  reply (only when a weekday or a time says the reader wants dates at all).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from builder.wording.catalog import say, spoken, to_say

WEEKDAYS: tuple[tuple[str, str], ...] = (
    ("", "Any working day"),
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
)
WEEKDAY_NUMBER: dict[str, int] = {key: index for index, (key, _) in enumerate(WEEKDAYS[1:])}
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (to_say("January"), to_say("February"), to_say("March"), to_say("April"),
               to_say("May"), to_say("June"), to_say("July"), to_say("August"),
               to_say("September"), to_say("October"), to_say("November"),
               to_say("December"))  # fmt: skip
EARLIEST = time(6, 0)
LATEST = time(22, 0)
LEAD_DAYS = 7  # with no start day, the first date is a week after today
FIRST_YEAR, LAST_YEAR = 2000, 2199

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\d{1,2})[:.h](\d{2})")
INCOMPLETE = "incomplete"  # what the page sends for a date or time the browser can't read


@dataclass(frozen=True, slots=True)
class Meeting:
    """One proposed meeting: its number (from 1), its day, and its time if one was picked."""

    number: int
    day: date
    at: time | None = None

    def as_data(self, today: date | None = None) -> dict[str, object]:
        """JSON-ready form, with the words the drafts use."""
        return {
            "number": self.number,
            "date": self.day.isoformat(),
            "time": self.at.strftime("%H:%M") if self.at else "",
            "label": spoken().when(self.day, self.at, today),  # the page's language
        }


def parse_date(text: str) -> tuple[date | None, str | None]:
    """A date as a date input sends it ("2026-01-13"), or why it is not one."""
    text = text.strip()
    if text == INCOMPLETE:
        return None, say("That date isn't complete: pick a day, or type the day, month and year.")
    match = _DATE.fullmatch(text)
    if not match:
        return None, say("Give the date as year, month and day, like 2026-01-13, or pick it.")
    year, month, day = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None, say(
            "Pick a date between {first} and {last}.", first=FIRST_YEAR, last=LAST_YEAR
        )
    if not 1 <= month <= 12:
        return None, say("There are only twelve months: check the month.")
    try:
        return date(year, month, day), None
    except ValueError:
        if month == 2 and day == 29:
            return None, say("There is no 29 February in {year}.", year=year)
        return None, say("{month} has no day {day}.", month=say(MONTH_NAMES[month - 1]), day=day)


def parse_time(text: str) -> tuple[time | None, str | None]:
    """A time of day as a time input sends it ("14:00"), or why it is not one."""
    text = text.strip()
    if text == INCOMPLETE:
        return None, say("That time isn't complete: give the hours and the minutes.")
    match = _TIME.fullmatch(text)
    if not match:
        return None, say("Give the time as hours and minutes, like 14:00.")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        return None, say("That isn't a time of day: use the 24-hour clock, like 14:00.")
    at = time(hours, minutes)
    if not EARLIEST <= at <= LATEST:
        return None, say(
            "Pick a time between {earliest} and {latest}: "
            "a meeting at night is a hard thing to ask for.",
            earliest=f"{EARLIEST:%H:%M}", latest=f"{LATEST:%H:%M}",
        )  # fmt: skip
    return at, None


def working(day: date) -> bool:
    """Monday to Friday."""
    return day.weekday() < 5


def next_working_day(day: date) -> date:
    """The day itself if it is a working day, else the Monday after."""
    while not working(day):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, count: int) -> date:
    """`count` working days after `day` (a weekend day counts from the Monday)."""
    for _ in range(count):
        day = next_working_day(day + timedelta(days=1))
    return day


def span_end(start: date, weeks: int) -> date:
    """The last day of a span of `weeks` weeks that starts on `start`."""
    return start + timedelta(days=7 * weeks - 1)


def first_day(start: date | None, today: date | None, wanted: bool) -> date | None:
    """The day the dates start from: the start day, or a week after today when the
    reader asked for dates (a weekday or a time) without saying when."""
    if start is not None:
        return start
    if wanted and today is not None:
        return today + timedelta(days=LEAD_DAYS)
    return None


def _spread(days: Sequence[date], count: int) -> list[date]:
    """`count` of the days, the same number of them apart, from the first: as far apart
    as the days allow (the last may then fall before the final week: three Tuesdays
    out of four are a week apart, not two weeks and then one)."""
    gap = (len(days) - 1) // (count - 1) if count > 1 else 0
    return [days[index * gap] for index in range(count)]


def propose(
    start: date, meetings: int, weeks: int, weekday: str = "", at: time | None = None
) -> tuple[tuple[Meeting, ...], list[str]]:
    """Proposed dates for `meetings` meetings over `weeks` weeks from `start`.

    Returns:
        The meetings, in order, and notes for the reader when the choice could not
        be kept (too few of the chosen weekday, too few working days).
    """
    end = span_end(start, weeks)
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    workdays = [day for day in days if working(day)]
    notes: list[str] = []
    candidates = workdays
    # With no weekday chosen, the start's own weekday when it holds every meeting: the
    # same day each week (or fortnight) is easiest to keep.
    same = [day for day in workdays if workdays and day.weekday() == workdays[0].weekday()]
    if weekday not in WEEKDAY_NUMBER and meetings > 1 and len(same) >= meetings:
        candidates = same
    if weekday in WEEKDAY_NUMBER:
        chosen = [day for day in workdays if day.weekday() == WEEKDAY_NUMBER[weekday]]
        if len(chosen) >= meetings:
            candidates = chosen
        else:
            day = say(dict(WEEKDAYS)[weekday])
            notes.append(
                say("There is only one {day} in the span, so some dates fall on other "
                    "working days.", day=day)
                if len(chosen) == 1
                else say("There are only {count} {day}s in the span, so some dates fall on other "
                         "working days.", count=len(chosen), day=day)
            )  # fmt: skip
    if len(candidates) < meetings:
        notes.append(
            say("{meetings} meetings don't fit on different working days in {weeks} week: only "
                "the first {count} have dates.", meetings=meetings, weeks=weeks,
                count=len(candidates))
            if weeks == 1
            else say("{meetings} meetings don't fit on different working days in {weeks} weeks: "
                     "only the first {count} have dates.", meetings=meetings, weeks=weeks,
                     count=len(candidates))
        )  # fmt: skip
        meetings = len(candidates)
    picked = _spread(candidates, meetings) if meetings else []
    return tuple(Meeting(index + 1, day, at) for index, day in enumerate(picked)), notes


def day_label(day: date, today: date | None = None) -> str:
    """ "Tuesday 13 January", with the year when it is not this year's."""
    label = f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    if today is not None and day.year != today.year:
        label += f" {day.year}"
    return label


def when(meeting: Meeting, today: date | None = None) -> str:
    """ "Tuesday 13 January at 14:00", or the day alone."""
    label = day_label(meeting.day, today)
    return f"{label} at {meeting.at:%H:%M}" if meeting.at else label


def series(items: Sequence[str]) -> str:
    """ "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
