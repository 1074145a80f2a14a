"""iCalendar (RFC 5545) for meetings: one event per meeting with a stable UID, SEQUENCE
raised on every change of time, venue or state, local times with TZID=Europe/Stockholm and
a VTIMEZONE for it. Cancelled meetings stay in feeds with STATUS:CANCELLED, so calendars
that subscribed remove them instead of keeping a ghost."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vGeo

from .models import Meeting

TZ = ZoneInfo("Europe/Stockholm")


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def meeting_event(meeting: Meeting) -> Event:
    event = Event()
    event.add("uid", meeting.uid)
    event.add("dtstamp", meeting.updated_at or timezone.now())
    event.add("last-modified", meeting.updated_at or timezone.now())
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.starts_at.astimezone(TZ))
    event.add("dtend", meeting.ends_at.astimezone(TZ))
    event.add("summary", meeting.display_title)
    url = _absolute(meeting.get_absolute_url())
    event.add("url", url)
    description = [meeting.description] if meeting.description else []
    if meeting.is_cancelled and meeting.cancel_reason:
        description.append(f"Inställd: {meeting.cancel_reason}")
    description.append(url)
    event.add("description", "\n\n".join(description))
    venue = meeting.venue
    if venue is not None:
        event.add("location", f"{venue.name}, {venue.full_address}")
        if venue.latitude is not None and venue.longitude is not None:
            event.add("geo", vGeo((float(venue.latitude), float(venue.longitude))))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    return event


def calendar_for(meetings: Iterable[Meeting], *, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Vansbro kommun//Kommundelsträffar//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Stockholm")
    any_event = False
    for meeting in meetings:
        cal.add_component(meeting_event(meeting))
        any_event = True
    body = cal.to_ical()
    if not any_event:
        return body
    # What `cal.add_missing_timezones()` appends (every DTSTART/DTEND carries this TZID),
    # built once per process: generating the transitions cost ~1.5 ms a feed.
    end = b"END:VCALENDAR\r\n"
    assert body.endswith(end)  # noqa: S101 - icalendar always ends so
    return body[: -len(end)] + _vtimezone() + end


@functools.cache
def _vtimezone() -> bytes:
    """The VTIMEZONE of Europe/Stockholm exactly as `add_missing_timezones()` makes it (its
    default range of dates does not depend on the events)."""
    return Timezone.from_tzid(TZ.key).to_ical()
