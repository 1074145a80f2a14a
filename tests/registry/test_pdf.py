"""The registry's PDFs are tagged, accessible documents (DOS-1, DOS-5) and the delivered copy
holds no masked text (TF-8); the decision carries provision, reasons and appeal (OSL-9, FL-2,
FL-3)."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from pypdf import PdfReader

from registry.models import Entry
from registry.pdf import decision_pdf, release_pdf
from registry.services import request_deliver, request_item_decide, request_submit
from tests.portal.pdf_checks import assert_tagged_pdf, structure_tags

pytestmark = pytest.mark.django_db
PNR = "19850101-1234"


def _redacted_request(incoming, registrar):
    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="Frågan", entry=entry, name="Bo Berg")
    request_item_decide(
        item=req.items.get(),
        outcome="redact",
        actor=registrar,
        provision_code="21:7",
        reasons="Personnummer till en enskild.",
        redactions=[{"start": 26, "end": 39}],
    )
    return req, entry


def test_delivered_document_is_tagged_and_lacks_the_masked_personnummer(incoming, registrar):
    """DOS-1, DOS-5, TF-8: the delivered PDF (as stored and sent) is a tagged PDF/UA document
    in Swedish with its title; the masked personnummer is replaced by "█" blocks in the text
    itself, so neither the extracted text nor any byte of the file holds it."""
    req, entry = _redacted_request(incoming, registrar)
    request_deliver(request=req, actor=registrar)
    data = bytes(req.deliveries.get().pdf)
    text = assert_tagged_pdf(data, title=f"Allmänna handlingar, begäran {req.reference}")
    assert PNR not in text and PNR.replace("-", "") not in text.replace("-", "")
    assert "█" * len(PNR) in text
    assert "undrar om vägen" in text and entry.diary_number in text
    assert "Delar är maskerade med stöd av OSL 21:7." in " ".join(text.split())
    assert PNR.encode() not in data
    assert PdfReader(io.BytesIO(data)).metadata.author == settings.MUNICIPALITY["name"]


def test_refused_document_is_left_out_of_the_delivery(incoming, registrar):
    """TF-8, OSL-9: a refused document is named in the delivered PDF but its text is not in
    it; the PDF is still tagged with a heading per document."""
    entry = Entry.objects.get(diary_number=incoming(secrecy_provision="26:1"))
    req = request_submit(description="x", entry=entry)
    request_item_decide(
        item=req.items.get(),
        outcome="refuse",
        actor=registrar,
        provision_code="26:1",
        reasons="Socialtjänst.",
    )
    data = release_pdf(request=req)
    text = " ".join(
        assert_tagged_pdf(data, title=f"Allmänna handlingar, begäran {req.reference}").split()
    )
    assert entry.diary_number in text and "lämnas inte ut" in text
    assert "undrar om vägen" not in text and PNR not in text
    assert structure_tags(PdfReader(io.BytesIO(data)).trailer["/Root"]).count("/H2") == 1


def test_decision_is_tagged_with_provision_reasons_and_appeal(incoming, registrar):
    """DOS-1, OSL-9, FL-2, FL-3: the written decision is a tagged PDF/UA document in Swedish,
    titled by the request; it names the provision and the reasons, who decided, and under its
    own heading how to appeal (kammarrätten, sent to the municipality, three weeks)."""
    req, entry = _redacted_request(incoming, registrar)
    data = decision_pdf(request=req)
    text = " ".join(assert_tagged_pdf(data, title=f"Beslut om begäran {req.reference}").split())
    assert entry.diary_number in text and "Bo Berg" in text
    assert "sekretesslagen (2009:400) 21:7" in text
    assert "Personnummer till en enskild." in text
    assert "Hur man överklagar" in text
    assert "kammarrätten" in text and "tre veckor" in text
    assert settings.MUNICIPALITY["postal_address"] in text
    assert text.index("Hur man överklagar") > text.index("Personnummer till en enskild.")
    assert PNR not in text
