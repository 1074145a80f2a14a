"""Refusals rest on OSL, never on GDPR (GDPR-3); one register method, said in public (OSL-6)."""

from __future__ import annotations

import io
import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from registry.models import Entry, RequestItem
from registry.services import request_item_decide, request_submit

pytestmark = pytest.mark.django_db


def _pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def test_gdpr_alone_is_no_ground_of_refusal_the_route_is_osl_21_7(incoming, registrar, client):
    """GDPR-3: a request is decided under TF and OSL. A refusal citing GDPR itself is not
    accepted, by the service or by the registrar's form; the refusal goes through OSL 21:7,
    and the written decision cites Offentlighets- och sekretesslagen 21:7."""
    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="Alla synpunkter om vägen i mars", entry=entry)
    item = req.items.get()

    for ground in ("GDPR", "GDPR art 6", "dataskyddsförordningen"):
        with pytest.raises(ValidationError):
            request_item_decide(
                item=item,
                outcome="refuse",
                actor=registrar,
                provision_code=ground,
                reasons="Personuppgifter skyddas av dataskyddsförordningen.",
            )
    client.force_login(registrar)
    url = f"/personal/diarium/begaran/{req.pk}/"
    prefix = f"item{item.pk}"
    client.post(
        url,
        {
            "action": "decide",
            "item": str(item.pk),
            f"{prefix}-outcome": "refuse",
            f"{prefix}-provision": "GDPR",
            f"{prefix}-reasons": "Personuppgifter skyddas av dataskyddsförordningen.",
        },
    )
    item.refresh_from_db()
    assert item.outcome == "" and item.provision is None

    response = client.post(
        url,
        {
            "action": "decide",
            "item": str(item.pk),
            f"{prefix}-outcome": "refuse",
            f"{prefix}-provision": "21:7",
            f"{prefix}-reasons": "Mottagarens behandling skulle strida mot dataskyddsregleringen.",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.outcome == RequestItem.Outcome.REFUSE and item.provision.code == "21:7"

    status = client.get(f"/begar-handling/arende/{req.access_key}/").content.decode()
    token = status.split('href="/begar-handling/beslut/')[1].split('"')[0]
    text = _pdf_text(client.get(f"/begar-handling/beslut/{token}").content)
    assert "bestämmelse: offentlighets- och sekretesslagen (2009:400) 21:7" in text.lower()
    assert "kammarrätten" in text


def test_one_register_method_and_the_public_page_says_where_registers_are_kept(
    incoming, registrar, client
):
    """OSL-6: the portal's diarium is separate from the kommun's main diarium, and the public
    diary page says where each is kept. Registration follows one method: a contribution handed
    on by moderation and a letter registered by hand are numbered in the same series, one
    counter, the same `SERIES YYYY/NNNN-N` form, and listed in the same public diary."""
    page = re.sub(r"\s+", " ", client.get("/diarium/").content.decode())
    assert "Det här diariet gäller medborgardialogens handlingar" in page
    assert "kommunens huvuddiarium förs av kommunkansliet" in page

    contribution_number = incoming()
    client.force_login(registrar)
    response = client.post(
        "/personal/diarium/registrera/",
        {
            "received_at": "2026-03-04T09:30",
            "channel": "letter",
            "document_type": "letter",
            "sender_name": "Äppelbo Byalag",
            "sender_is_organisation": "on",
            "subject": "Skrivelse om belysning vid badplatsen",
            "text": "Brevtext",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    letter_number = Entry.objects.get(subject="Skrivelse om belysning vid badplatsen").diary_number

    form = re.compile(rf"^{re.escape(settings.REGISTRY_SERIES)} (\d{{4}})/(\d{{4}})-1$")
    first, second = form.match(contribution_number), form.match(letter_number)
    assert first and second, (contribution_number, letter_number)
    assert first.group(1) == second.group(1)
    assert int(second.group(2)) == int(first.group(2)) + 1

    client.logout()
    diary = client.get("/diarium/").content.decode()
    assert contribution_number in diary and letter_number in diary
