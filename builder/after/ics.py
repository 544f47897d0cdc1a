"""The meetings as an iCalendar file (RFC 5545), written with the icalendar library.

The only module that imports icalendar, and only `web`'s "calendar" message imports
it: in the browser the worker loads icalendar (and the zone data it brings) the first
time a reader asks for the file, so it adds nothing to start-up or the snapshot.

Times are stated in the reader's zone (TZID, with its VTIMEZONE written from the zone
data), so a calendar in another zone shows them right, across daylight-saving changes.
Each event's UID comes from the request's id and the meeting's number, and SEQUENCE
grows with time, so a file downloaded again updates the events it made before.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from builder.after.invites import Invite
from builder.wording.catalog import say

PRODID = "-//Short Haul//Mentoring request builder//EN"


def zone_of(name: str) -> ZoneInfo | None:
    """The reader's zone, or None (times are then "floating": as written, anywhere)."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def sequence(now: datetime) -> int:
    """A revision number that only grows: minutes since 2020 (RFC 5545 3.8.7.4)."""
    return max(0, int((now - datetime(2020, 1, 1, tzinfo=UTC)).total_seconds() // 60))


def calendar(
    invites: Sequence[Invite], zone_name: str, now: datetime, *, method: str = ""
) -> tuple[bytes, list[str]]:
    """The .ics file for the invites, and notes for the reader (in their language).

    Args:
        invites: The events (see `invites.invites`).
        zone_name: The reader's IANA zone from the browser ("Europe/Berlin").
        now: The moment of writing, for DTSTAMP and SEQUENCE (aware).
        method: "REQUEST" for the mentor's copy of an invitation (RFC 5546), so
            their calendar offers to accept it; "" for a plain calendar file.
    """
    notes = []
    zone = zone_of(zone_name)
    if zone is None:
        notes.append(
            say(
                "Your browser did not say which time zone you are in, so the times in the "
                "file are shown as written, wherever it is opened."
            )
        )
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method and invites and all(invite.invitation for invite in invites):
        cal.add("method", method)
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for invite in invites:
        event = icalendar.Event()
        event.add("uid", invite.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", sequence(now))
        event.add("summary", invite.summary)
        event.add("description", invite.description)
        if invite.at is None:
            event.add("dtstart", invite.day)
            event.add("dtend", invite.day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        else:
            start = datetime.combine(invite.day, invite.at, tzinfo=zone)
            event.add("dtstart", start)
            event.add("duration", timedelta(minutes=invite.minutes))
        if invite.invitation:  # a group event names its organiser (RFC 5545 3.8.4.3)
            organizer = icalendar.vCalAddress(f"mailto:{invite.organizer_email}")
            organizer.params["cn"] = icalendar.vText(invite.organizer_name)
            event.add("organizer", organizer, encode=0)
            attendee = icalendar.vCalAddress(f"mailto:{invite.attendee_email}")
            attendee.params["cn"] = icalendar.vText(invite.attendee_name)
            attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
            attendee.params["partstat"] = icalendar.vText("NEEDS-ACTION")
            attendee.params["rsvp"] = icalendar.vText("TRUE")
            event.add("attendee", attendee, encode=0)
        for reminder in invite.reminders:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", reminder.text)
            trigger = icalendar.vDuration(reminder.offset)
            if reminder.after_end:
                trigger.params["related"] = "END"
            alarm.add("trigger", trigger, encode=0)
            event.add_component(alarm)
        cal.add_component(event)
    if zone is not None and invites:
        # Only the zone's rules for the year around the meetings: a short file.
        days = [invite.day for invite in invites]
        cal.add_missing_timezones(
            first_date=min(days) - timedelta(days=366), last_date=max(days) + timedelta(days=366)
        )
    return cal.to_ical(), notes
