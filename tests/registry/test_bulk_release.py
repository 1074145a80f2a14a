"""Bulk release of personal data needs an assessment under OSL 21:7 first (OSL-13)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from registry.models import BulkReleaseAssessment, Entry, RegistryEvent
from registry.selectors import request_bulk_release_status
from registry.services import (
    entry_register,
    request_add_entry,
    request_bulk_assessment_record,
    request_deliver,
    request_item_decide,
    request_submit,
)

pytestmark = pytest.mark.django_db
ASSESSMENT = "Mottagaren är en forskare vid Högskolan Dalarna; inget tyder på publicering."


def _request_with(incoming, registrar, *, private: int, organisation: int = 0):
    """A decided request releasing `private` residents' comments (with a personnummer found by
    screening) and `organisation` letters from an organisation without personal data."""
    entries = [Entry.objects.get(diary_number=incoming()) for _ in range(private)]
    for n in range(organisation):
        entries.append(
            entry_register(
                received_at=timezone.now(),
                channel="letter",
                document_type="letter",
                sender_name="Äppelbo Byalag",
                sender_is_organisation=True,
                subject="Skrivelse om belysning",
                text="Brevtext utan personuppgifter.",
                source_ref=f"org{n}",
            )
        )
    req = request_submit(description="Alla synpunkter från mars")
    for entry in entries:
        item = request_add_entry(request=req, entry=entry, actor=registrar)
        request_item_decide(item=item, outcome="release", actor=registrar)
    req.refresh_from_db()
    return req


def test_default_threshold_is_ten_documents_with_personal_data(incoming, registrar):
    """OSL-13: by default a delivery of more than 10 documents holding personal data is a bulk
    release; 10 is not, 11 is, and documents without personal data do not count."""
    req = _request_with(incoming, registrar, private=10, organisation=3)
    status = request_bulk_release_status(request=req)
    assert status.documents == 10 and status.threshold == 10 and not status.is_bulk
    entry = Entry.objects.get(diary_number=incoming())
    item = request_add_entry(request=req, entry=entry, actor=registrar)
    request_item_decide(item=item, outcome="release", actor=registrar)
    status = request_bulk_release_status(request=req)
    assert status.documents == 11 and status.is_bulk and status.needs_assessment


def test_bulk_delivery_is_refused_until_assessment_is_recorded(
    incoming, registrar, client, settings
):
    """OSL-13: the service refuses to deliver a bulk release of personal data until the
    registrar has recorded an assessment under 21:7 (text, who, when); the refusal is a Swedish
    message on the request page, the assessment is kept with the request and shown in its
    history, and then the delivery goes through."""
    settings.REGISTRY_BULK_RELEASE_THRESHOLD = 2
    req = _request_with(incoming, registrar, private=3)
    client.force_login(registrar)
    page = client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()
    assert "Massutlämnande av personuppgifter (OSL 21:7)" in page

    response = client.post(
        f"/personal/diarium/begaran/{req.pk}/", {"action": "deliver", "method": "pdf"}, follow=True
    )
    assert response.status_code == 200
    assert "Registrera en bedömning enligt OSL 21:7" in response.content.decode()
    assert not req.deliveries.exists()

    response = client.post(
        f"/personal/diarium/begaran/{req.pk}/", {"action": "assess", "bulk-text": "  "}
    )
    assert response.status_code == 200 and not BulkReleaseAssessment.objects.exists()
    assert "Detta fält måste fyllas i." in response.content.decode()

    response = client.post(
        f"/personal/diarium/begaran/{req.pk}/", {"action": "assess", "bulk-text": ASSESSMENT}
    )
    assert response.status_code == 302
    assessment = BulkReleaseAssessment.objects.get(request=req)
    assert assessment.text == ASSESSMENT and assessment.assessed_by == registrar
    assert assessment.documents == 3 and assessment.assessed_at is not None
    event = RegistryEvent.objects.get(action="bulk_release_assessed", request=req)
    assert event.reason == ASSESSMENT and event.actor == registrar
    page = client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()
    assert "Historik" in page and "Bedömning enligt OSL 21:7 registrerad" in page
    assert ASSESSMENT in page

    response = client.post(
        f"/personal/diarium/begaran/{req.pk}/", {"action": "deliver", "method": "pdf"}
    )
    assert response.status_code == 302
    assert req.deliveries.count() == 1


def test_assessment_must_cover_documents_added_later(incoming, registrar, settings):
    """OSL-13: an assessment covers the documents with personal data the delivery held when it
    was made; more added afterwards need a new assessment before delivery."""
    from django.core.exceptions import ValidationError

    settings.REGISTRY_BULK_RELEASE_THRESHOLD = 1
    req = _request_with(incoming, registrar, private=2)
    request_bulk_assessment_record(request=req, text=ASSESSMENT, actor=registrar)
    item = request_add_entry(
        request=req, entry=Entry.objects.get(diary_number=incoming()), actor=registrar
    )
    request_item_decide(item=item, outcome="release", actor=registrar)
    with pytest.raises(ValidationError):
        request_deliver(request=req, actor=registrar)
    request_bulk_assessment_record(
        request=req, text="Ny bedömning, tre handlingar.", actor=registrar
    )
    request_deliver(request=req, actor=registrar)
    assert req.deliveries.count() == 1


def test_small_release_needs_no_assessment(incoming, registrar):
    """OSL-13: a delivery below the threshold is delivered without an assessment, and the
    service refuses to record one where none is needed."""
    from django.core.exceptions import ValidationError

    req = _request_with(incoming, registrar, private=2)
    request_deliver(request=req, actor=registrar)
    assert req.deliveries.count() == 1
    with pytest.raises(ValidationError):
        request_bulk_assessment_record(request=req, text=ASSESSMENT, actor=registrar)


def test_assessment_is_kept_unchanged(incoming, registrar, settings):
    """OSL-13: the assessment is kept as written; it cannot be changed or deleted."""
    from dialog_portal.models import ImmutableRecordError

    settings.REGISTRY_BULK_RELEASE_THRESHOLD = 1
    req = _request_with(incoming, registrar, private=2)
    assessment = request_bulk_assessment_record(request=req, text=ASSESSMENT, actor=registrar)
    assessment.text = "Ändrad"
    with pytest.raises(ImmutableRecordError):
        assessment.save()
    with pytest.raises(ImmutableRecordError):
        assessment.delete()
