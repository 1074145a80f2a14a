"""The police-report PDF is a tagged, accessible document (DOS-1, DOS-5) and carries what the
police need (BBS-6, RULE-6) as real, extractable text."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from pypdf import PdfReader

from moderation.models import EvidenceRecord
from tests.portal.pdf_checks import assert_tagged_pdf, structure_tags

pytestmark = pytest.mark.django_db
Q = "/personal/moderering/"


def _criminal(moderator_client, submit, text="Jag ska döda dig, Kalle."):
    c = submit(text)
    moderator_client.post(
        f"{Q}{c.pk}/brottsligt/", {"criminal-category": "olaga_hot", "criminal-reason": "Hot"}
    )
    return EvidenceRecord.objects.get()


def test_police_pdf_is_tagged_with_metadata_language_and_real_text(moderator_client, submit):
    """DOS-1, DOS-5, BBS-6: the PDF is tagged (PDF/UA-1: /MarkInfo /Marked true, structure
    tree with headings and a table whose labels are row headers), in Swedish (/Lang sv), with
    title, author and subject in its metadata and the title shown by viewers; its text (not an
    image of text) holds the category of crime and the evidence record's SHA-256 in one piece,
    headings before content."""
    record = _criminal(moderator_client, submit)
    response = moderator_client.get(f"{Q}bevis/{record.pk}/polisanmalan.pdf")
    assert response.status_code == 200
    text = assert_tagged_pdf(response.content, title=f"Underlag för polisanmälan {record.pk}")
    reader = PdfReader(io.BytesIO(response.content))
    meta = reader.metadata
    assert meta.author == settings.MUNICIPALITY["name"]
    assert "olaga hot" in meta.subject.lower()
    tags = structure_tags(reader.trailer["/Root"])
    assert {"/H1", "/H2", "/Table", "/TH", "/TD"} <= set(tags)
    assert "olaga hot" in text.lower()
    assert record.sha256 in text  # on one line, extractable whole
    assert (
        text.index("Underlag för polisanmälan") < text.index("Uppgifter") < text.index("Innehåll")
    )
    assert "Jag ska döda dig, Kalle." in text
    assert "Bevisnummer" in text and "IP-adress" in text


def test_police_pdf_lists_the_police_decisions(moderator_client, submit):
    """BBS-6, DOS-1: once recorded, the police-report decision (reported, the police's
    reference) is in the package as a table with column headers."""
    record = _criminal(moderator_client, submit)
    moderator_client.post(
        f"{Q}bevis/{record.pk}/polisbeslut/", {"reported": "1", "police_reference": "5000-K123-26"}
    )
    data = moderator_client.get(f"{Q}bevis/{record.pk}/polisanmalan.pdf").content
    text = " ".join(assert_tagged_pdf(data, title=f"Underlag för polisanmälan {record.pk}").split())
    assert "Beslut om polisanmälan" in text and "5000-K123-26" in text and "anmält" in text
