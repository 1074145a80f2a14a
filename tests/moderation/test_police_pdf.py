"""The police-report PDF is as accessible as reportlab allows (DOS-1) and carries what the
police need (BBS-6, RULE-6) as real, extractable text."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from pypdf import PdfReader

from moderation.models import EvidenceRecord

pytestmark = pytest.mark.django_db
Q = "/personal/moderering/"


def test_police_pdf_has_metadata_language_and_real_text(moderator_client, submit):
    """DOS-1, BBS-6: the PDF has a title, author, subject and language (sv) in its metadata,
    asks viewers to show the title, and its text (not an image of text) holds the category
    of crime and the evidence record's SHA-256 in one piece, headings before content."""
    c = submit("Jag ska döda dig, Kalle.")
    moderator_client.post(
        f"{Q}{c.pk}/brottsligt/", {"criminal-category": "olaga_hot", "criminal-reason": "Hot"}
    )
    record = EvidenceRecord.objects.get()
    response = moderator_client.get(f"{Q}bevis/{record.pk}/polisanmalan.pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    meta = reader.metadata
    assert meta.title == f"Underlag för polisanmälan {record.pk}"
    assert meta.author == settings.MUNICIPALITY["name"]
    assert "olaga hot" in meta.subject.lower()
    root = reader.trailer["/Root"]
    assert str(root["/Lang"]) == "sv"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "olaga hot" in text.lower()
    assert record.sha256 in text  # on one line, extractable whole
    assert (
        text.index("Underlag för polisanmälan") < text.index("Uppgifter") < text.index("Innehåll")
    )
    assert "Jag ska döda dig, Kalle." in text
    assert not any(page.images for page in reader.pages)  # no images of text
