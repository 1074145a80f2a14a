"""Village meetings in a real Chromium: the resident's path and axe on every public page."""

import pytest
from icalendar import Calendar

from tests.conftest import format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_violations(page, axe):
    violations = axe(page)
    assert violations == [], format_violations(violations)


def test_resident_finds_next_meeting_downloads_ics_and_sends_question(
    page, axe, make_meeting, other_village
):
    """A resident finds the next meeting in Äppelbo, downloads its .ics (a valid calendar
    with the meeting's UID), sends a question anonymously and is told it waits for review
    (BBS-3, TF-2); the question is not shown before a moderator decides."""
    meeting = make_meeting(days=10, title="Kommundelsträff i Äppelbo")
    page.goto("/kommundelstraffar/")
    _no_violations(page, axe)
    page.locator("#id_by").select_option(label="Äppelbo")
    page.get_by_role("button", name="Visa").click()
    page.get_by_role("link", name="Kommundelsträff i Äppelbo").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Kommundelsträff i Äppelbo"
    _no_violations(page, axe)
    with page.expect_download() as info:
        page.get_by_role("link", name="Lägg till i kalendern (.ics)").click()
    cal = Calendar.from_ical(open(info.value.path(), "rb").read())
    events = list(cal.walk("VEVENT"))
    assert [str(e["UID"]) for e in events] == [meeting.uid]
    page.get_by_role("radio", name="En fråga").check()
    page.get_by_role("textbox", name="Din fråga eller ditt behov").fill(
        "När lagas vägen till badplatsen?"
    )
    page.get_by_role("button", name="Skicka", exact=True).click()
    page.wait_for_load_state()
    assert "visas här när en moderator har granskat den" in page.content()
    assert "När lagas vägen till badplatsen?" not in page.locator("#fragor").inner_text()
    _no_violations(page, axe)


def test_empty_state_and_other_public_pages_pass_axe(page, axe, village, make_meeting):
    """DOS-1: the empty state ("Just nu har vi inga kommundelsträffar inplanerade"), the
    past meetings, a past meeting with notes, the village page and the subscription pages
    pass axe."""
    from meetings.models import MeetingNotes
    from tests.meetings.conftest import local

    page.goto("/kommundelstraffar/")
    assert "Just nu har vi inga kommundelsträffar inplanerade" in page.content()
    _no_violations(page, axe)
    past = make_meeting(days=-5, title="Höstträffen", capacity=10)
    MeetingNotes.objects.create(meeting=past, text="Tjugo deltog.", finished_on=local(-3).date())
    for url in (
        "/kommundelstraffar/tidigare/",
        past.get_absolute_url(),
        "/kommundelstraffar/byar/appelbo/",
        "/kommundelstraffar/bevaka/",
        "/kommundelstraffar/bevaka/avsluta/fel/",
        "/kommundelstraffar/bevaka/bekrafta/fel/",
        "/kommundelstraffar/anmalan/avboka/fel/",
    ):
        page.goto(url)
        assert page.get_by_role("heading", level=1).count() == 1, url
        _no_violations(page, axe)
    page.goto("/kommundelstraffar/bevaka/")
    page.get_by_role("combobox", name="By").select_option(label="Äppelbo")
    page.get_by_label("Din e-postadress").fill("granne@example.se")
    page.get_by_role("button", name="Meddela mig").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Titta i din e-post"
    _no_violations(page, axe)


def test_registration_pages_pass_axe(page, axe, make_meeting):
    """Registering in the browser gives a confirmation; the cancel page from the mail's
    signed link passes axe."""
    from meetings.models import Registration
    from meetings.services import registration_token

    meeting = make_meeting(days=8, capacity=5)
    page.goto(meeting.get_absolute_url())
    page.get_by_label("Ditt namn").fill("Eva")
    page.get_by_label("Din e-postadress").fill("eva@example.se")
    page.get_by_role("button", name="Anmäl mig").click()
    page.wait_for_load_state()
    assert "Du är anmäld" in page.content()
    _no_violations(page, axe)
    registration = Registration.objects.get()
    page.goto(f"/kommundelstraffar/anmalan/avboka/{registration_token(registration=registration)}/")
    _no_violations(page, axe)
    page.get_by_role("button", name="Avboka min anmälan").click()
    page.wait_for_load_state()
    registration.refresh_from_db()
    assert registration.state == "cancelled"
