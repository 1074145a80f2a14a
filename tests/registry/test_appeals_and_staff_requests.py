"""Requests entered by registrars (TF-5) and appeals registered and tried for time (FL-4)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from registry.models import Appeal, DocumentRequest, Entry, RegistryEvent
from registry.services import (
    appeal_last_day,
    request_item_decide,
    request_submit,
    swedish_days_off,
)

STHLM = ZoneInfo("Europe/Stockholm")


def test_registrar_enters_a_telephone_request_without_identity(registrar, client):
    """TF-5: a request made by telephone is entered by the registrar through a staff form;
    only the description is required, it gets a reference and lands in the queue."""
    client.force_login(registrar)
    page = client.get("/personal/diarium/begaran/ny/")
    assert page.status_code == 200
    assert "Telefon" in page.content.decode()
    received = timezone.localtime() - timedelta(hours=3)
    response = client.post(
        "/personal/diarium/begaran/ny/",
        {
            "channel": "telephone",
            "received_at": received.strftime("%Y-%m-%dT%H:%M"),
            "description": "Protokollet från kommundelsträffen i Äppelbo",
            "name": "",
            "contact": "",
            "delivery": "in_person",
        },
    )
    req = DocumentRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/personal/diarium/begaran/{req.pk}/"
    assert req.channel == "telephone" and req.name == "" and req.contact == ""
    assert abs(req.received_at - received) < timedelta(minutes=1)
    assert RegistryEvent.objects.filter(action="request_received", request=req).exists()
    queue = client.get("/personal/diarium/begaran/").content.decode()
    assert req.reference in queue and "/personal/diarium/begaran/ny/" in queue


def test_staff_request_form_errors_are_shown_in_swedish(registrar, client):
    """TF-5: a missing description, or e-mail delivery without an address, is refused with a
    clear message and nothing is stored."""
    client.force_login(registrar)
    response = client.post(
        "/personal/diarium/begaran/ny/",
        {
            "channel": "letter",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "description": "",
            "delivery": "email",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Detta fält måste fyllas i" in body
    assert "e-postadress" in body
    assert not DocumentRequest.objects.exists()


def test_staff_request_form_is_for_registrars_only(resident, client):
    """TF-5 (staff side): only registrars may enter requests on someone's behalf."""
    client.force_login(resident)
    assert client.get("/personal/diarium/begaran/ny/").status_code == 403


@pytest.fixture
def refused(incoming, registrar):
    """A request whose only document was refused, with the notification date recorded."""
    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description=entry.diary_number, entry=entry)
    item = request_item_decide(
        item=req.items.get(),
        outcome="refuse",
        actor=registrar,
        provision_code="21:1",
        reasons="Uppgifter om hälsa.",
    )
    return req, item


def _post_appeal(client, req, received: datetime):
    return client.post(
        f"/personal/diarium/begaran/{req.pk}/",
        {
            "action": "appeal",
            "appeal-received_at": received.strftime("%Y-%m-%dT%H:%M"),
            "appeal-channel": "letter",
            "appeal-appellant": "",
            "appeal-text": "Jag överklagar beslutet att inte lämna ut handlingen.",
        },
    )


def test_appeal_in_time_is_registered_and_shown(refused, registrar, client):
    """FL-4, FL-3: an appeal arriving within three weeks of the notification is registered on
    arrival as a register entry of type appeal, marked in time, and shown on the request page
    with its last day."""
    req, item = refused
    notified = timezone.now() - timedelta(days=10)
    type(item).objects.filter(pk=item.pk).update(notified_at=notified)
    client.force_login(registrar)
    page = client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()
    assert "Registrera ett inkommet överklagande" in page
    response = _post_appeal(client, req, timezone.localtime() - timedelta(hours=1))
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert appeal.timely is True
    assert appeal.notified_on == timezone.localdate(notified)
    assert appeal.last_day >= appeal.notified_on + timedelta(weeks=3)
    assert appeal.entry.document_type == "appeal" and appeal.entry.channel == "letter"
    assert req.reference in appeal.entry.subject
    page = client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()
    assert appeal.entry.diary_number in page and "I tid" in page
    assert appeal.last_day.isoformat() in page

    client.post(f"/personal/diarium/begaran/{req.pk}/", {"action": "forward", "appeal": appeal.pk})
    appeal.refresh_from_db()
    assert appeal.forwarded_at is not None
    assert RegistryEvent.objects.filter(action="appeal_forwarded").count() == 1


def test_late_appeal_is_registered_and_flagged_too_late(refused, registrar, client):
    """FL-4: an appeal arriving after the three weeks is still registered (on arrival), but
    flagged as too late on the request page."""
    req, item = refused
    type(item).objects.filter(pk=item.pk).update(notified_at=timezone.now() - timedelta(days=40))
    client.force_login(registrar)
    _post_appeal(client, req, timezone.localtime() - timedelta(hours=1))
    appeal = Appeal.objects.get()
    assert appeal.timely is False
    assert "För sent" in client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()


def test_appeal_without_notification_date_cannot_be_tried_yet(refused, registrar, client):
    """FL-3, FL-4: with no notification date on the decision, the appeal is registered and the
    page says its timeliness cannot be checked."""
    req, _item = refused
    client.force_login(registrar)
    _post_appeal(client, req, timezone.localtime())
    appeal = Appeal.objects.get()
    assert appeal.timely is None and appeal.last_day is None
    page = client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()
    assert "Kan inte prövas" in page


def test_no_appeal_form_without_a_refusal(incoming, registrar, client):
    """FL-4: only an adverse decision can be appealed; a released request offers no appeal."""
    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="x", entry=entry)
    request_item_decide(item=req.items.get(), outcome="release", actor=registrar)
    client.force_login(registrar)
    page = client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()
    assert "Registrera ett inkommet överklagande" not in page
    _post_appeal(client, req, timezone.localtime())
    assert not Appeal.objects.exists()


def test_last_day_moves_past_weekends_and_holidays():
    """FL-3: three weeks from notification; a last day on a Saturday, Sunday, midsommarafton,
    julafton or another day off moves to the next weekday."""
    assert appeal_last_day(date(2026, 3, 2)) == date(2026, 3, 23)  # Monday to Monday
    assert appeal_last_day(date(2026, 2, 28)) == date(2026, 3, 23)  # Saturday -> Monday
    assert appeal_last_day(date(2026, 5, 29)) == date(2026, 6, 22)  # midsommar 19-20 June
    assert appeal_last_day(date(2026, 12, 3)) == date(2026, 12, 28)  # julafton..annandag
    days_off = swedish_days_off(2026)
    assert date(2026, 4, 3) in days_off and date(2026, 4, 6) in days_off  # långfredag, annandag
    assert date(2026, 5, 14) in days_off  # Kristi himmelsfärd
    assert date(2026, 10, 31) in days_off  # alla helgons dag
