"""Proposed meeting dates: spans, weekends, weekdays, leap days, and the words for them."""

from __future__ import annotations

import itertools
from datetime import date, time, timedelta

import pytest

from builder import evaluate, render_drafts, validate
from builder.request.dates import (
    add_working_days,
    day_label,
    first_day,
    parse_date,
    parse_time,
    propose,
    span_end,
    when,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-13", date(2026, 1, 13)),
        (" 2028-02-29 ", date(2028, 2, 29)),  # a leap day
        ("2026-1-5", date(2026, 1, 5)),
    ],
)
def test_a_date_input_value_is_read(text: str, expected: date) -> None:
    assert parse_date(text) == (expected, None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027-02-29", "There is no 29 February in 2027."),
        ("2026-04-31", "April has no day 31."),
        ("2026-13-01", "There are only twelve months"),
        ("13/01/2026", "year, month and day"),
        ("incomplete", "isn't complete"),
        ("1899-01-01", "between 2000 and 2199"),
    ],
)
def test_a_bad_date_says_what_is_wrong(text: str, message: str) -> None:
    day, problem = parse_date(text)
    assert day is None
    assert message in problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [("14:00", time(14)), ("9:30", time(9, 30)), ("06:00", time(6)), ("22:00", time(22))],
)
def test_a_time_is_read(text: str, expected: time) -> None:
    assert parse_time(text) == (expected, None)


@pytest.mark.parametrize("text", ["02:30", "23:00", "05:59", "25:00", "14:61", "2pm", "incomplete"])
def test_a_time_outside_the_day_or_unreadable_is_refused(text: str) -> None:
    at, problem = parse_time(text)
    assert at is None
    assert problem


def test_three_meetings_over_four_weeks_on_tuesdays_are_a_week_apart() -> None:
    # Reported: 2, 16 and 23 March (two weeks, then one). Four Tuesdays hold three
    # meetings a week apart, not a fortnight.
    meetings, notes = propose(date(2026, 1, 13), 3, 4, "tue", time(14))
    assert [m.day for m in meetings] == [date(2026, 1, 13), date(2026, 1, 20), date(2026, 1, 27)]
    assert all(m.at == time(14) for m in meetings)
    assert notes == []


@pytest.mark.parametrize("start", [date(2026, 1, 10) + timedelta(days=n) for n in range(14)])
@pytest.mark.parametrize(("meetings", "weeks"), [(1, 1), (2, 3), (3, 4), (4, 8), (12, 12)])
def test_dates_are_working_days_in_the_span_in_order(
    start: date, meetings: int, weeks: int
) -> None:
    proposed, notes = propose(start, meetings, weeks)
    days = [m.day for m in proposed]
    assert len(days) == meetings
    assert notes == []
    assert all(day.weekday() < 5 for day in days)
    assert days == sorted(set(days))
    assert start <= days[0] < start + timedelta(days=3)  # the first working day
    assert days[-1] <= span_end(start, weeks)
    gaps = {(b - a).days for a, b in itertools.pairwise(days)}
    if meetings > 1 and weeks >= meetings:  # the same weekday, evenly, as far apart as fits
        [gap] = gaps
        assert gap % 7 == 0
        assert days[0] + timedelta(days=(gap + 7) * (meetings - 1)) > span_end(start, weeks)


def test_two_meetings_over_four_weeks_start_and_end_it() -> None:
    proposed, _ = propose(date(2026, 3, 2), 2, 4)  # a Monday
    assert [m.day for m in proposed] == [date(2026, 3, 2), date(2026, 3, 23)]


def test_more_meetings_than_weeks_are_the_same_number_of_working_days_apart() -> None:
    proposed, _ = propose(date(2026, 3, 2), 4, 2)  # ten working days from a Monday
    assert [m.day for m in proposed] == [date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 10),
                                         date(2026, 3, 13)]  # fmt: skip


def test_a_weekend_start_moves_to_monday() -> None:
    proposed, _ = propose(date(2026, 1, 10), 1, 1)  # a Saturday
    assert proposed[0].day == date(2026, 1, 12)


def test_a_span_over_a_leap_day() -> None:
    proposed, _ = propose(date(2028, 2, 28), 3, 1)  # Monday 28 February 2028
    assert [m.day for m in proposed] == [date(2028, 2, 28), date(2028, 3, 1), date(2028, 3, 3)]
    assert day_label(date(2028, 2, 29)) == "Tuesday 29 February"


def test_too_few_of_the_weekday_uses_other_working_days_and_says_so() -> None:
    proposed, notes = propose(date(2026, 1, 12), 3, 1, "wed")
    assert len({m.day for m in proposed}) == 3
    assert notes[0].startswith("There is only one Wednesday in the span, so ")


def test_more_meetings_than_working_days_date_only_the_first() -> None:
    proposed, notes = propose(date(2026, 1, 12), 12, 1)
    assert len(proposed) == 5
    assert "only the first 5 have dates" in notes[-1]


def test_working_days_skip_the_weekend() -> None:
    assert add_working_days(date(2026, 1, 9), 1) == date(2026, 1, 12)  # Friday -> Monday
    assert add_working_days(date(2026, 1, 5), 5) == date(2026, 1, 12)


def test_no_start_starts_a_week_after_today_only_when_dates_are_wanted() -> None:
    today = date(2026, 1, 5)
    assert first_day(None, today, wanted=True) == date(2026, 1, 12)
    assert first_day(None, today, wanted=False) is None
    assert first_day(None, None, wanted=True) is None
    assert first_day(date(2026, 2, 1), today, wanted=False) == date(2026, 2, 1)


def test_labels_name_the_day_and_the_year_when_it_is_not_this_one() -> None:
    proposed, _ = propose(date(2026, 12, 28), 2, 2, "", time(9, 30))
    assert when(proposed[0], date(2026, 12, 1)) == "Monday 28 December at 09:30"
    assert when(proposed[1], date(2026, 12, 1)) == "Monday 4 January 2027 at 09:30"


def test_a_request_without_dates_reads_as_before(strong_values: dict[str, str]) -> None:
    request, _ = validate(strong_values)
    plain = render_drafts(request)
    dated = render_drafts(request, date(2026, 1, 5))
    assert {n: d.text for n, d in plain.items()} == {n: d.text for n, d in dated.items()}
    assert "(week 1)" in plain["plan"].text


def test_dates_appear_in_the_email_chat_and_plan(strong_values: dict[str, str]) -> None:
    values = {
        **strong_values,
        "first_date": "2026-01-13",
        "weekday": "tue",
        "meeting_time": "14:00",
    }
    drafts = render_drafts(validate(values)[0], date(2026, 1, 5))
    email = drafts["email"].text
    assert (
        "- Dates, if they suit you: Tuesday 13 January, Tuesday 20 January and Tuesday 27 " in email
    )
    assert "each at 14:00." in email
    assert (
        "Would Tuesday 13 January at 14:00 suit for the first? If not, I'll fit around you."
        in email
    )
    assert "Would Tuesday 13 January at 14:00 suit for the first?" in drafts["chat"].text
    assert "Call 2 of 3 (Tuesday 20 January at 14:00)" in drafts["plan"].text


def test_one_meeting_asks_whether_the_date_suits_them(strong_values: dict[str, str]) -> None:
    values = {**strong_values, "meetings": "1", "weeks": "2", "first_date": "2026-01-14"}
    email = render_drafts(validate(values)[0])["email"].text
    assert "- A date, if it suits you: Wednesday 14 January." in email
    assert "Would Wednesday 14 January suit you?" in email


def test_a_bad_date_is_a_message_next_to_its_field(strong_values: dict[str, str]) -> None:
    result = evaluate({**strong_values, "first_date": "2027-02-29", "meeting_time": "03:00"})
    assert "no 29 February" in result.messages["first_date"][0].text
    assert "between 06:00 and 22:00" in result.messages["meeting_time"][0].text
    assert result.values["first_date"] == "2027-02-29"  # kept as typed


def test_a_weekday_that_cannot_be_kept_is_a_notice(strong_values: dict[str, str]) -> None:
    values = {**strong_values, "first_date": "2026-01-12", "weekday": "fri", "weeks": "1"}
    result = evaluate(values)
    assert result.messages["weekday"][0].severity == "notice"
    assert [m["date"] for m in result.to_dict()["dates"]] == [
        "2026-01-12",
        "2026-01-14",
        "2026-01-16",
    ]
