"""The police-report package: a tagged PDF/UA document built from one evidence record.

Rendered from `moderation/pdf/police_report.html` by the shared service
`dialog_portal.pdf.render_pdf` (DOS-1, DOS-5): structure tree, /Lang sv, title shown by the
viewer, headings and a table with row headers, real text.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dialog_portal.pdf import render_pdf

from .models import EvidenceRecord

PDF_LANG = "sv"
TEMPLATE = "moderation/pdf/police_report.html"


def police_report_pdf(*, evidence: EvidenceRecord) -> bytes:
    """Render the package a moderator hands to the Polisen (Swedish; BBS-6, RULE-6).

    Quarantined material (suspected child abuse material, BBS-7) is described by its
    checksums only: its content is never rendered, not even here.
    """
    content = evidence.content
    account = content.get("account") or {}
    with translation.override(PDF_LANG):
        category = str(EvidenceRecord.Category(evidence.category).label)
        title = _("Material for a police report %(number)s") % {"number": evidence.pk}
    decisions = [
        {
            "decided_at": timezone.localtime(d.decided_at),
            "reported": d.reported,
            "police_reference": d.police_reference,
            "reason": d.reason,
        }
        for d in evidence.police_decisions.all()
    ]
    return render_pdf(
        template=TEMPLATE,
        title=title,
        lang=PDF_LANG,
        context={
            "evidence": evidence,
            "content": content,
            "account": account,
            "category": category,
            "municipality": settings.MUNICIPALITY,
            "decisions": decisions,
            "printed_at": timezone.localtime(),
        },
    )
