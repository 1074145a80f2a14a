"""Release with a förbehåll: a written, appealable decision like a refusal (TF-11, OSL-9)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from pypdf import PdfReader

from registry.models import Appeal, Entry, RegistryEvent, RequestItem
from registry.pdf import decision_pdf, release_pdf
from registry.services import request_deliver, request_item_decide, request_submit

pytestmark = pytest.mark.django_db
CONDITION = "Namnen på enskilda får inte publiceras."


def _text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split()
    )


def _decide_with_condition(client, req, item, **overrides):
    data = {
        "action": "decide",
        "item": item.pk,
        f"item{item.pk}-outcome": "condition",
        f"item{item.pk}-provision": "21:7",
        f"item{item.pk}-reasons": "Mottagaren vill lägga ut svaren på nätet.",
        f"item{item.pk}-condition": CONDITION,
    }
    data.update(overrides)
    return client.post(f"/personal/diarium/begaran/{req.pk}/", data)


def test_registrar_decides_release_with_condition_as_written_decision(incoming, registrar, client):
    """TF-11, OSL-9, FL-3: on the request page the registrar decides "release with a förbehåll";
    it is recorded with provision, reasons, the condition and who decided, and the written
    decision (PDF) states all of these and how to appeal to kammarrätten via the kommun within
    three weeks. The requester's page offers the decision like a refusal's."""
    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="Svaren", entry=entry, name="Bo Berg")
    item = req.items.get()
    client.force_login(registrar)
    page = client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()
    assert "Lämna ut med förbehåll" in page
    response = _decide_with_condition(client, req, item)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.outcome == RequestItem.Outcome.CONDITION
    assert item.condition == CONDITION and item.provision.code == "21:7"
    assert item.decided_by == registrar and item.decided_at is not None
    event = RegistryEvent.objects.get(action="request_item_decided", request=req)
    assert event.data["condition"] == CONDITION and event.data["outcome"] == "condition"

    text = _text(decision_pdf(request=req))
    assert entry.diary_number in text and "förbehåll" in text
    assert CONDITION in text
    assert "sekretesslagen (2009:400) 21:7" in text
    assert "Mottagaren vill lägga ut svaren på nätet." in text
    assert registrar.get_username() in text or registrar.get_full_name() in text
    assert "Hur man överklagar" in text and "kammarrätten" in text and "tre veckor" in text
    assert settings.MUNICIPALITY["postal_address"] in text

    released = _text(release_pdf(request=req))
    assert "undrar om vägen" in released and CONDITION in released

    status = client.get(f"/begar-handling/arende/{req.access_key}/").content.decode()
    assert "Det skriftliga beslutet" in status
    staff_page = client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()
    assert CONDITION in staff_page


def test_condition_without_text_or_provision_is_refused_in_swedish(incoming, registrar, client):
    """TF-11, OSL-9: a förbehåll without the condition itself, or without a provision, is not
    recorded; the page answers with a Swedish message, not an error page."""
    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="x", entry=entry)
    item = req.items.get()
    client.force_login(registrar)
    response = _decide_with_condition(client, req, item, **{f"item{item.pk}-condition": " "})
    assert response.status_code == 200
    assert "Ange förbehållet" in response.content.decode()
    response = _decide_with_condition(client, req, item, **{f"item{item.pk}-provision": ""})
    assert response.status_code == 200
    assert "Ange den bestämmelse i OSL som beslutet grundas på." in response.content.decode()
    item.refresh_from_db()
    assert item.outcome == ""


def test_condition_can_be_appealed_through_the_appeal_flow(incoming, registrar, client):
    """TF-11, FL-4: a release with a förbehåll is appealable: the request page offers the
    appeal form and an appeal is registered and tried for time against its notification."""
    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="x", entry=entry)
    item = req.items.get()
    request_item_decide(
        item=item,
        outcome="condition",
        actor=registrar,
        provision_code="21:7",
        reasons="Skäl.",
        condition=CONDITION,
    )
    RequestItem.objects.filter(pk=item.pk).update(notified_at=timezone.now() - timedelta(days=3))
    client.force_login(registrar)
    page = client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()
    assert "Registrera ett inkommet överklagande" in page
    response = client.post(
        f"/personal/diarium/begaran/{req.pk}/",
        {
            "action": "appeal",
            "appeal-received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "appeal-channel": "letter",
            "appeal-appellant": "",
            "appeal-text": "Jag överklagar förbehållet.",
        },
    )
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert appeal.request == req and appeal.timely is True


def test_email_delivery_carries_the_written_decision(
    incoming, registrar, django_capture_on_commit_callbacks
):
    """TF-11, OSL-9: delivered by e-mail, the documents go with the written decision on the
    förbehåll, as a refusal's decision would."""
    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="x", entry=entry, contact="bo@example.se", delivery="email")
    request_item_decide(
        item=req.items.get(),
        outcome="condition",
        actor=registrar,
        provision_code="21:7",
        reasons="Skäl.",
        condition=CONDITION,
    )
    with django_capture_on_commit_callbacks(execute=True):
        request_deliver(request=req, actor=registrar)
    attachments = mail.outbox[0].attachments
    assert [name for name, _data, _type in attachments][1].endswith("_beslut.pdf")
    decision = _text(attachments[1][1])
    assert CONDITION in decision and "kammarrätten" in decision
