"""PDFs the registry hands out: released documents with redactions burned in, and decisions.

Both are HTML templates (registry/pdf/*.html) rendered by the shared service
`dialog_portal.pdf.render_pdf` as tagged PDF/UA-1 documents (DOS-1, DOS-5).

Redaction is done on the text before the template is rendered: a redacted span is replaced by
"█" blocks, so the secret words are not in the HTML nor in the PDF at all (TF-8), not merely
covered.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dialog_portal.pdf import render_pdf

from .models import DocumentRequest, RequestItem

MASK = "█"
PDF_LANG = "sv"


def mask_char() -> str:
    """The block character; the PDFs are set in DejaVu Sans, which has it."""
    return MASK


def redact_text(text: str, spans: list[dict]) -> str:
    """Return `text` with each span replaced by mask blocks (one block per character)."""
    out, pos = [], 0
    block = mask_char()
    for span in sorted(spans, key=lambda s: s["start"]):
        start, end = max(span["start"], pos), span["end"]
        if end <= start:
            continue
        out.append(text[pos:start])
        out.append(block * (end - start))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _date(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d")


def release_pdf(*, request: DocumentRequest) -> bytes:
    """The released documents of a request, redactions burned in; refused ones left out (TF-8).

    A refused document is listed by diary number only, with a pointer to the written decision.
    """
    documents = []
    for item in request.items.select_related("entry", "provision"):
        entry = item.entry
        doc = {
            "diary_number": entry.diary_number,
            "date": _date(entry.received_at),
            "refused": item.outcome == RequestItem.Outcome.REFUSE,
        }
        if not doc["refused"]:
            document = getattr(entry, "document", None)
            text = document.text if document else ""
            redacted = item.outcome == RequestItem.Outcome.REDACT
            if redacted:
                text = redact_text(text, item.redactions)
            doc.update(
                subject=entry.current_subject,
                text=text,
                provision_code=item.provision.code if redacted and item.provision else "",
                condition=item.condition,
            )
        documents.append(doc)
    with translation.override(PDF_LANG):
        title = _("Public documents, request %(ref)s") % {"ref": request.reference}
    return render_pdf(
        template="registry/pdf/release.html",
        title=title,
        lang=PDF_LANG,
        context={"municipality": settings.MUNICIPALITY, "documents": documents},
    )


def appeal_instruction() -> str:
    """FL-3, OSL-10: to kammarrätten, sent to the municipality, within three weeks."""
    m = settings.MUNICIPALITY
    return _(
        "How to appeal: You can appeal this decision to the administrative court of appeal "
        "(kammarrätten). Write to the court, say which decision you appeal and how you want it "
        "changed. Send the appeal to %(name)s, %(address)s, not to the court. It must have reached "
        "the municipality within three weeks of the day you received this decision. The "
        "municipality first checks that the appeal came in on time and then forwards it to "
        "kammarrätten. Questions: %(phone)s, %(email)s."
    ) % {
        "name": m["name"],
        "address": m["postal_address"],
        "phone": m["phone"],
        "email": m["email"],
    }


def decision_pdf(*, request: DocumentRequest) -> bytes:
    """The written decision on refused or partly refused documents (OSL-9, FL-2, FL-3): per
    document the outcome, the OSL provision, the reasons, when and by whom; then how to appeal.
    """
    decisions = []
    for item in request.items.select_related("entry", "provision", "decided_by"):
        if item.outcome not in RequestItem.ADVERSE:
            continue
        decided_by = item.decided_by
        decisions.append(
            {
                "diary_number": item.entry.diary_number,
                "refused": item.outcome == RequestItem.Outcome.REFUSE,
                "condition": item.condition
                if item.outcome == RequestItem.Outcome.CONDITION
                else "",
                "provision_code": item.provision.code,
                "provision_label": item.provision.label,
                "reasons": item.reasons,
                "decided_date": _date(item.decided_at) if item.decided_at else "",
                "decided_by": (decided_by.get_full_name() or decided_by.get_username())
                if item.decided_at and decided_by
                else "",
            }
        )
    with translation.override(PDF_LANG):
        title = _("Decision on request %(ref)s") % {"ref": request.reference}
        appeal = appeal_instruction()
    return render_pdf(
        template="registry/pdf/decision.html",
        title=title,
        lang=PDF_LANG,
        context={
            "municipality": settings.MUNICIPALITY,
            "received_date": _date(request.received_at),
            "requester": request.name,
            "decisions": decisions,
            "appeal_instruction": appeal,
        },
    )
