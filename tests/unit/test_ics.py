"""The calendar file, written and then parsed back with icalendar, event by event."""

from __future__ import annotations

import ast
import json
import sys
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources

import icalendar
import pytest

from builder.web import handle

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def dated(strong_values: dict[str, str]) -> dict[str, str]:
    return {**strong_values, "first_date": "2026-03-10", "weekday": "tue", "meeting_time": "14:00",
            "weeks": "8"}  # fmt: skip


def answer(values: dict, **fields) -> dict:
    """The worker's answer to a "calendar" message (the page sends the request's id)."""
    message = {"type": "calendar", "id": 7, "values": values, "request": "r-abc123", **fields}
    reply = json.loads(handle(json.dumps(message)))
    assert reply["type"] == "result", reply
    return reply["result"]


def calendar_of(
    values: dict, *, mine: bool = True, zone: str = "Europe/Berlin", now: datetime = NOW
) -> tuple[icalendar.Calendar, list]:
    result = answer(values, mine=mine, zone=zone, now=now.isoformat())
    assert result["ok"], result
    calendar = icalendar.Calendar.from_ical(result["text"])
    return calendar, list(calendar.walk("VEVENT"))


def test_the_file_is_rfc5545_with_one_event_per_meeting(dated) -> None:
    calendar, events = calendar_of(dated)
    assert calendar["VERSION"] == "2.0"
    assert "Short Haul" in calendar["PRODID"]
    assert len(events) == 3
    starts = [event.decoded("DTSTART") for event in events]
    assert [start.date() for start in starts] == [
        date(2026, 3, 10),
        date(2026, 3, 31),
        date(2026, 4, 21),
    ]
    for event in events:
        start = event.decoded("DTSTART")
        assert start.time() == time(14)
        assert str(start.tzinfo) == "Europe/Berlin"
        assert event.decoded("DURATION") == timedelta(minutes=30)
        assert "ATTENDEE" not in event  # no organiser to invite them: a plain event
        assert "ORGANIZER" not in event
        assert "Mentoring plan: How to run my first customer interview" in event["DESCRIPTION"]
    assert events[0]["SUMMARY"] == "Call 1 of 3 with Maria: How to run my first customer interview"
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_with_both_emails_the_reader_organises_and_the_mentor_is_invited(dated) -> None:
    calendar, events = calendar_of({**dated, "protege_email": "ana@example.org"}, mine=False)
    assert calendar["METHOD"] == "REQUEST"  # their calendar offers to accept it
    for event in events:
        assert event["ORGANIZER"] == "mailto:ana@example.org"
        assert event["ORGANIZER"].params["CN"] == "Ana Lima"
        assert event["ATTENDEE"] == "mailto:maria@example.org"
        assert event["ATTENDEE"].params["CN"] == "Maria"
        assert event["ATTENDEE"].params["RSVP"] == "TRUE"
    mine, events = calendar_of({**dated, "protege_email": "ana@example.org"})
    assert "METHOD" not in mine  # the reader's own copy is a plain calendar file
    assert all(event["ORGANIZER"] == "mailto:ana@example.org" for event in events)
    # Without the reader's email, the file says how to make it an invitation.
    assert any("Add your own email" in note for note in answer(dated, mine=False)["notes"])
    both = {**dated, "protege_email": "ana@example.org"}
    assert not answer(both, mine=False, zone="Europe/Berlin")["notes"]


def test_uids_are_unique_across_readers_and_stable_for_one_request(dated) -> None:
    _, ours = calendar_of(dated)
    _, again = calendar_of(dated, now=NOW + timedelta(days=1))
    assert [e["UID"] for e in ours] == [e["UID"] for e in again]  # the same request
    # A request the page sent no id for gets a random one: never another reader's.
    strangers = [
        answer(dated, request="", zone="Europe/Berlin", now=NOW.isoformat()) for _ in range(2)
    ]
    uids = [
        {str(e["UID"]) for e in icalendar.Calendar.from_ical(s["text"]).walk("VEVENT")}
        for s in strangers
    ]
    assert not uids[0] & uids[1]
    assert not uids[0] & {str(e["UID"]) for e in ours}


def test_a_dst_change_keeps_the_local_time_and_moves_utc(dated) -> None:
    _, events = calendar_of(dated)  # Berlin moves its clocks on 29 March 2026
    utc = [event.decoded("DTSTART").astimezone(UTC).time() for event in events]
    assert utc == [time(13), time(12), time(12)]


def test_the_same_request_keeps_its_uids_and_a_later_file_has_a_higher_sequence(dated) -> None:
    _, first = calendar_of(dated)
    _, again = calendar_of({**dated, "meeting_time": "15:00"}, now=NOW + timedelta(hours=2))
    assert [e["UID"] for e in first] == [e["UID"] for e in again]
    assert [e["UID"] for e in first] == [f"r-abc123-{n}@shorthaul" for n in (1, 2, 3)]
    assert all(int(b["SEQUENCE"]) > int(a["SEQUENCE"]) for a, b in zip(first, again, strict=True))


def test_the_readers_copy_reminds_them_of_their_side_of_the_deal(dated) -> None:
    _, events = calendar_of(dated)
    first = events[0].walk("VALARM")
    assert len(first) == 2
    assert first[0].decoded("TRIGGER") == -timedelta(days=2)  # "two days ahead"
    assert first[0]["DESCRIPTION"] == (
        "Time to prepare for call 1 with Maria. What you promised: “send you a short update "
        "and my questions two days ahead”."
    )
    assert first[1]["TRIGGER"].params["RELATED"] == "END"
    assert first[1].decoded("TRIGGER") == timedelta(minutes=15)
    assert "what you'll try before call 2" in first[1]["DESCRIPTION"]
    last = events[-1].walk("VALARM")
    assert "Bring your report-back on call 2." in last[0]["DESCRIPTION"]
    assert "send Maria your thank-you note" in last[1]["DESCRIPTION"]


def test_the_mentors_copy_has_no_reminders_and_names_the_protege(dated) -> None:
    _, events = calendar_of(dated, mine=False)
    assert all(not event.walk("VALARM") for event in events)
    assert events[0]["SUMMARY"].startswith("Call 1 of 3 with Ana Lima: ")


def test_the_mentors_copy_speaks_the_drafts_language(dated) -> None:
    """Like the plan it carries: a Spanish request's mentor gets Spanish titles, whatever
    the page's language."""
    spanish = {**dated, "draft_language": "es", "focus": "negociar mi primer {salario}"}
    _, events = calendar_of(spanish, mine=False)
    assert events[0]["SUMMARY"] == "Llamada 1 de 3 con Ana Lima: Negociar mi primer {salario}"
    assert "Plan de mentoría" in events[0]["DESCRIPTION"]


def test_without_a_time_the_events_are_all_day(dated) -> None:
    _, events = calendar_of({**dated, "meeting_time": ""})
    assert events[0].decoded("DTSTART") == date(2026, 3, 10)
    assert events[0].decoded("DTEND") == date(2026, 3, 11)
    assert len(events[0].walk("VALARM")) == 1  # the reminder to prepare only


def test_an_unknown_zone_writes_floating_times_and_says_so(dated) -> None:
    result = answer(dated, zone="Mars/Olympus")
    assert result["notes"]
    assert "time zone" in result["notes"][0]
    event = next(iter(icalendar.Calendar.from_ical(result["text"]).walk("VEVENT")))
    assert event.decoded("DTSTART").tzinfo is None


def test_a_leap_day_meeting(strong_values) -> None:
    values = {**strong_values, "first_date": "2028-02-29", "meeting_time": "09:00",
              "meetings": "1", "weeks": "1"}  # fmt: skip
    _, events = calendar_of(values, zone="America/New_York")
    assert events[0].decoded("DTSTART").date() == date(2028, 2, 29)


def test_no_dates_no_file(strong_values) -> None:
    result = answer(strong_values)
    assert result["ok"] is False
    assert "pick a first date" in result["message"]


def test_hostile_text_stays_text_in_the_file(dated) -> None:
    values = {**dated, "focus": "how to X\r\nEND:VEVENT\r\nBEGIN:VEVENT;x", "mentor_name": "A;B:C"}
    _calendar, events = calendar_of(values)
    assert len(events) == 3
    assert "END:VEVENT" in events[0]["DESCRIPTION"]  # as text, escaped


def _imports(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module.split(".")[0]} | {f"{node.module}.{a.name}" for a in node.names}
    return found


@pytest.mark.skipif(
    sys.platform == "emscripten", reason="the site ships the builder's bytecode, not its sources"
)
def test_only_the_calendar_module_imports_icalendar() -> None:
    # The builder's start-up (and so its memory snapshot) must not hold it.
    sources = {}
    for package in (
        "builder", "builder.request", "builder.wording", "builder.wording.en", "builder.after",
        "builder.keeping", "builder.mentor",
    ):  # fmt: skip
        for entry in resources.files(package).iterdir():
            if entry.name.endswith(".py") and entry.name != "__init__.py":
                sources.setdefault(entry.name, "")
                sources[entry.name] += entry.read_text(encoding="utf-8")
    assert [
        name for name, source in sorted(sources.items()) if "icalendar" in _imports(source)
    ] == ["ics.py"]
    # `web` imports `ics` inside the calendar handler only, never at the top.
    top = ast.parse(sources["web.py"]).body
    imports = [node for node in top if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert not any("builder.after.ics" in _imports(ast.unparse(node)) for node in imports)
    assert "builder.after.ics" in _imports(sources["web.py"])
