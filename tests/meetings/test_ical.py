"""iCalendar: the per-meeting .ics and the feeds parse with icalendar and follow RFC 5545."""

import pytest
from icalendar import Calendar

from meetings import services
from tests.meetings.conftest import local

pytestmark = pytest.mark.django_db


def _events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    return cal, [c for c in cal.walk("VEVENT")]


def test_meeting_ics_has_tzid_vtimezone_uid_and_sequence(client, meeting):
    """A meeting's .ics has its stable UID, SEQUENCE 0, DTSTART/DTEND with
    TZID=Europe/Stockholm and a VTIMEZONE for it; the location is the venue's address."""
    cal, events = _events(client.get(f"/kommundelstraffar/{meeting.pk}/kalender.ics"))
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]) == meeting.uid
    assert int(event["SEQUENCE"]) == 0
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event["DTEND"].params["TZID"] == "Europe/Stockholm"
    assert event.decoded("DTSTART") == meeting.starts_at
    assert event.decoded("DTEND") == meeting.ends_at
    assert "Äppelbovägen 12" in str(event["LOCATION"])
    assert str(event["STATUS"]) == "CONFIRMED"
    zones = [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")]
    assert zones == ["Europe/Stockholm"]
    assert b"DTSTART;TZID=Europe/Stockholm:" in response_bytes(client, meeting)


def response_bytes(client, meeting):
    return client.get(f"/kommundelstraffar/{meeting.pk}/kalender.ics").content


def test_sequence_rises_when_time_or_venue_changes_and_uid_stays(client, meeting):
    """Moving a meeting raises SEQUENCE and keeps the UID, so calendars update the event."""
    uid = meeting.uid
    meeting.starts_at = meeting.starts_at.replace(hour=17)
    services.meeting_save(meeting=meeting)
    _, events = _events(client.get("/kommundelstraffar/kalender.ics"))
    assert [str(e["UID"]) for e in events] == [uid]
    assert int(events[0]["SEQUENCE"]) == 1
    meeting.title = "Ny titel"  # not a calendar field: no new sequence
    services.meeting_save(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.sequence == 1


def test_cancelled_meeting_stays_in_feed_as_cancelled(client, meeting, make_meeting, other_village):
    """A cancelled meeting stays in the feeds with STATUS:CANCELLED and a raised SEQUENCE;
    unpublished meetings are not in the feeds; the village feed only has its village."""
    make_meeting(
        days=12, published=False, title="Utkast", starts_at=local(12, 10), ends_at=local(12, 11)
    )
    services.meeting_cancel(meeting=meeting, reason="Sjukdom")
    _, events = _events(client.get("/kommundelstraffar/kalender.ics"))
    assert len(events) == 1
    assert str(events[0]["STATUS"]) == "CANCELLED"
    assert int(events[0]["SEQUENCE"]) == 1
    assert "Sjukdom" in str(events[0]["DESCRIPTION"])
    _, village_events = _events(client.get("/kommundelstraffar/byar/appelbo/kalender.ics"))
    assert len(village_events) == 1
    _, none = _events(client.get("/kommundelstraffar/byar/saltvik/kalender.ics"))
    assert none == []


def test_feed_keeps_one_year_of_history(client, make_meeting):
    """The feed has every coming meeting and the past year, not older ones."""
    make_meeting(days=-400, title="Gammal", starts_at=local(-400, 10), ends_at=local(-400, 11))
    recent = make_meeting(days=-30, title="Nyligen")
    _, events = _events(client.get("/kommundelstraffar/kalender.ics"))
    assert [str(e["UID"]) for e in events] == [recent.uid]
