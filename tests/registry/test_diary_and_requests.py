"""The public web diary, requests for public documents, redacted delivery and decisions."""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.utils import timezone
from pypdf import PdfReader

from registry.models import DocumentRequest, Entry, RegistryEvent
from registry.services import entry_register, request_item_decide, request_submit


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def org_letter(db):
    return entry_register(
        received_at=timezone.now(),
        channel="letter",
        document_type="letter",
        sender_name="Äppelbo Byalag",
        sender_is_organisation=True,
        subject="Skrivelse om belysning vid badplatsen",
        text="Brevtext",
        source_ref="l1",
    )


def test_diary_hides_private_names_and_secret_details(incoming, org_letter, client):
    """GDPR-4, OSL-5, OSL-8: a private sender never shows; an organisation does; a secret entry
    shows only that it exists and under which provision."""
    private = Entry.objects.get(diary_number=incoming())
    secret = Entry.objects.get(
        diary_number=incoming(subject="Synpunkt om skolskjuts", secrecy_provision="23 kap")
    )
    page = client.get("/diarium/").content.decode()
    assert private.diary_number in page and "Anna Andersson" not in page
    assert "Äppelbo Byalag" in page
    assert secret.diary_number in page and "OSL 23 kap" in page
    assert "skolskjuts" not in page
    detail = client.get(secret.get_absolute_url()).content.decode()
    assert "23 kap" in detail and "skolskjuts" not in detail and "Anna" not in detail


def test_search_matches_subject_only_never_text(incoming, client):
    """GDPR-2: free-text search runs on the subject, never on the document text."""
    entry = Entry.objects.get(diary_number=incoming(text="Jag har diabetes och undrar om vägen."))
    assert entry.diary_number in client.get("/diarium/?q=kommundelsträff").content.decode()
    assert entry.diary_number not in client.get("/diarium/?q=diabetes").content.decode()


def test_filters_by_date_channel_and_case_are_linkable(incoming, org_letter, client):
    """TF-4: the register can be filtered by date range, channel and case via GET parameters."""
    portal = incoming()
    case = portal.rsplit("-", 1)[0]
    page = client.get("/diarium/", {"channel": "letter"}).content.decode()
    assert org_letter.diary_number in page and portal not in page
    page = client.get("/diarium/", {"case": case}).content.decode()
    assert portal in page and org_letter.diary_number not in page
    page = client.get(
        "/diarium/", {"date_from": "2026-03-01", "date_to": "2026-03-03"}
    ).content.decode()
    assert portal in page and org_letter.diary_number not in page


def test_diary_is_paginated(incoming, client):
    """The web diary pages through entries 25 at a time with linkable page numbers."""
    for _ in range(27):
        incoming()
    first = client.get("/diarium/").content.decode()
    assert "sida=2" in first
    second = client.get("/diarium/?sida=2").content.decode()
    assert second.count('href="/diarium/') >= 2


def test_open_data_export_has_only_public_fields(incoming, org_letter, client):
    """GDPR-4, OSL-5: CSV and JSON exports carry the public fields; no private names, no text."""
    incoming()
    incoming(secrecy_provision="21:1", subject="Synpunkt om vården")
    csv_body = client.get("/diarium/export.csv").content.decode()
    assert "Anna Andersson" not in csv_body and "personnummer" not in csv_body
    assert "Äppelbo Byalag" in csv_body and "vården" not in csv_body
    data = json.loads(client.get("/diarium/export.json").content)
    assert len(data["entries"]) == 3
    secret = [row for row in data["entries"] if row["secrecy_provision"]]
    assert secret[0]["subject"] == "" and secret[0]["secrecy_provision"] == "21:1"


def test_anonymous_request_needs_only_a_description(incoming, client):
    """TF-5, TF-6: an anonymous request with only a description is accepted; the form has
    no field asking why; the entry page pre-fills it."""
    entry = Entry.objects.get(diary_number=incoming())
    form_page = client.get(f"/begar-handling/?handling={entry.pk}").content.decode()
    assert entry.diary_number in form_page
    form_html = form_page.split('<form method="post"')[1].split("</form>")[0]
    names = set(re.findall(r'name="([a-z_]+)"', form_html))
    assert names == {"csrfmiddlewaretoken", "description", "name", "contact", "delivery", "entry"}
    assert "(frivilligt)" in form_html  # name and contact are labelled optional
    response = client.post(
        "/begar-handling/",
        {"description": f"Handlingen {entry.diary_number}", "delivery": "pdf", "entry": entry.pk},
    )
    assert response.status_code == 302
    request = DocumentRequest.objects.get()
    assert request.name == "" and request.contact == ""
    assert list(request.entries.all()) == [entry]
    assert request.reference in client.get(response["Location"]).content.decode()


def test_email_delivery_requires_an_address(client, db):
    """TF-5: contact details are asked only to deliver; e-mail delivery needs an address."""
    response = client.post("/begar-handling/", {"description": "Alla brev", "delivery": "email"})
    assert response.status_code == 200
    assert DocumentRequest.objects.count() == 0


def test_queue_flags_requests_older_than_a_day(registrar, client, db):
    """TF-7: the registrars' queue flags a request after one day and escalates before three."""
    now = timezone.now()
    request_submit(description="Färsk")
    request_submit(description="Gammal", received_at=now - timedelta(hours=30))
    request_submit(description="Äldre", received_at=now - timedelta(hours=55))
    client.force_login(registrar)
    page = client.get("/personal/diarium/begaran/").content.decode()
    assert page.count("Äldre än en dag") == 1
    assert page.count("Eskalerad") == 1


def test_registrar_redacts_personnummer_and_pdf_lacks_it(incoming, registrar, client):
    """TF-8, TF-9: the registrar releases with the PII pre-marked span redacted; the delivered
    PDF (reached by a signed link) does not contain the personnummer at all; the time from
    request to delivery is stored and reported."""
    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="Frågan", entry=entry)
    item = req.items.get()
    client.force_login(registrar)
    page = client.get(f"/personal/diarium/begaran/{req.pk}/").content.decode()
    assert "19850101-1234" in page  # shown to the registrar as a suggestion
    response = client.post(
        f"/personal/diarium/begaran/{req.pk}/",
        {
            "action": "decide",
            "item": item.pk,
            f"item{item.pk}-outcome": "redact",
            f"item{item.pk}-provision": "21:7",
            f"item{item.pk}-reasons": "Personnummer till en enskild.",
            f"item{item.pk}-suggestions": ["26-39"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(
        f"/personal/diarium/begaran/{req.pk}/", {"action": "deliver", "method": "pdf"}
    )
    assert response.status_code == 302
    req.refresh_from_db()
    assert req.state == "delivered" and req.lead_time is not None
    status = client.get(f"/begar-handling/arende/{req.access_key}/").content.decode()
    link = status.split('href="/begar-handling/hamta/')[1].split('"')[0]
    pdf = client.get(f"/begar-handling/hamta/{link}")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "19850101-1234" not in text and "198501011234" not in text.replace("-", "")
    assert "undrar om vägen" in text and "█" in text
    report = client.get("/personal/diarium/begaran/rapport/").content.decode()
    assert req.reference in report


def test_download_link_expires(incoming, registrar, client, settings):
    """TF-9: the signed download link stops working after REGISTRY_DOWNLOAD_DAYS."""
    from registry.services import request_deliver

    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="x", entry=entry)
    request_item_decide(item=req.items.get(), outcome="release", actor=registrar)
    request_deliver(request=req, actor=registrar)
    old = signing.TimestampSigner(salt="registry.delivery")
    token = old.sign(f"pdf:{req.access_key}")
    assert client.get(f"/begar-handling/hamta/{token}/").status_code == 200
    settings.REGISTRY_DOWNLOAD_DAYS = 0
    import time

    time.sleep(1.1)
    assert client.get(f"/begar-handling/hamta/{token}/").status_code == 404
    assert client.get(f"/begar-handling/hamta/{token}x/").status_code == 404


def test_email_delivery_sends_the_redacted_pdf(
    incoming, registrar, django_capture_on_commit_callbacks
):
    """TF-9: the registrar may deliver by e-mail; the attachment is the redacted PDF."""
    from registry.services import request_deliver

    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="x", entry=entry, contact="a@example.se", delivery="email")
    request_item_decide(
        item=req.items.get(),
        outcome="redact",
        actor=registrar,
        provision_code="21:7",
        reasons="Personnummer",
        redactions=[{"start": 26, "end": 39}],
    )
    with django_capture_on_commit_callbacks(execute=True):
        request_deliver(request=req, actor=registrar)
    assert mail.outbox[0].to == ["a@example.se"]
    assert "19850101-1234" not in pdf_text(mail.outbox[0].attachments[0][1])


def test_refusal_produces_written_decision_with_appeal(incoming, registrar, client):
    """OSL-9, OSL-10, FL-2, FL-3: a refusal is a written decision naming the provision, the
    reasons and how to appeal (kammarrätten, via the municipality, within three weeks)."""
    entry = Entry.objects.get(diary_number=incoming(secrecy_provision="26:1"))
    req = request_submit(description="x", entry=entry)
    request_item_decide(
        item=req.items.get(),
        outcome="refuse",
        actor=registrar,
        provision_code="26:1",
        reasons="Uppgifter om enskilds personliga förhållanden inom socialtjänsten.",
    )
    status = client.get(f"/begar-handling/arende/{req.access_key}/").content.decode()
    link = status.split('href="/begar-handling/beslut/')[1].split('"')[0]
    text = " ".join(pdf_text(client.get(f"/begar-handling/beslut/{link}").content).split())
    assert "26:1" in text and "socialtjänsten" in text
    assert "kammarrätten" in text and "tre veckor" in text and "Vansbro kommun" in text
    assert RegistryEvent.objects.filter(action="request_item_decided", actor=registrar).exists()


def test_refusal_without_provision_is_rejected(incoming, registrar):
    """OSL-9: a refusal must name the provision and the reasons."""
    from django.core.exceptions import ValidationError

    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="x", entry=entry)
    with pytest.raises(ValidationError):
        request_item_decide(item=req.items.get(), outcome="refuse", actor=registrar)


def test_gatekeeper_answers_404_for_missing_and_forbidden(incoming, resident, client):
    """Confidential rows pass one gatekeeper: a non-registrar gets 404, as for a missing pk."""
    entry = Entry.objects.get(diary_number=incoming())
    client.force_login(resident)
    assert client.get(f"/personal/diarium/handling/{entry.pk}/").status_code == 404
    assert client.get("/personal/diarium/handling/999999/").status_code == 404


def test_registrar_registers_letter_with_attachment(registrar, client):
    """OSL-5, TF-1: a registrar registers a letter by hand with an attachment and a secrecy
    marking (provision, date, by whom: OSL-8)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(registrar)
    response = client.post(
        "/personal/diarium/registrera/",
        {
            "received_at": "2026-03-04T09:30",
            "channel": "letter",
            "document_type": "letter",
            "sender_name": "Bertil Berg",
            "subject": "Brev om vägbelysning",
            "text": "Brevets text",
            "secrecy_provision": "21:3",
            "attachments": [SimpleUploadedFile("brev.pdf", b"%PDF-1.4 x", "application/pdf")],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = Entry.objects.get(subject="Brev om vägbelysning")
    assert entry.attachments.get().filename == "brev.pdf"
    assert entry.secrecy_provision.code == "21:3"
    assert entry.secrecy_marked_by == registrar.get_username() and entry.secrecy_marked_at
    assert entry.registered_by == registrar
