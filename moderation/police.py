"""The police-report package: a PDF built from one evidence record (reportlab)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone, translation
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .models import EvidenceRecord

PDF_LANG = "sv"


def accessible_document(buffer, *, title: str, author: str, subject: str) -> SimpleDocTemplate:
    """A reportlab document as accessible as reportlab allows (DOS-1): title, author, subject
    and language (/Lang sv) in the metadata, the title shown in the viewer's title bar, real
    text in standard fonts (no images of text), content in reading order, headings as
    larger bold text. reportlab cannot write a tagged PDF (PDF/UA): see docs/moderation.md.
    """
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=author,
        subject=subject,
        creator="Medborgardialog",
        lang=PDF_LANG,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
    )


def _show_title(canvas, doc) -> None:
    canvas.setViewerPreference("DisplayDocTitle", "true")


def police_report_pdf(*, evidence: EvidenceRecord) -> bytes:
    """Render the package a moderator hands to the Polisen (Swedish; BBS-6, RULE-6).

    Quarantined material (suspected child abuse material, BBS-7) is described by its
    checksums only: its content is never rendered, not even here.
    """
    content = evidence.content
    municipality = settings.MUNICIPALITY
    with translation.override("sv"):
        category = str(EvidenceRecord.Category(evidence.category).label)
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = accessible_document(
        buffer,
        title=f"Underlag för polisanmälan {evidence.pk}",
        author=municipality["name"],
        subject=f"Underlag för polisanmälan: {category}",
    )

    styles.add(ParagraphStyle("Hash", parent=styles["BodyText"], fontName="Courier", fontSize=8))

    def para(text: str, style: str = "BodyText") -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), styles[style])

    account = content.get("account") or {}
    rows = [
        ["Kommun", municipality["name"]],
        ["Kontakt", f"{municipality['phone']}, {municipality['postal_address']}"],
        ["Bevisnummer", str(evidence.pk)],
        ["Brottskategori", category],
        ["Bidrag (id)", str(content.get("contribution_id", ""))],
        ["Mottaget", content.get("received_at", "")],
        ["Säkrat", content.get("preserved_at", "")],
        ["Säkrat av", content.get("preserved_by", "")],
        ["Kanal", content.get("channel", "")],
        ["Sida", content.get("target_label", "") or content.get("target", "")],
        ["Visningsnamn", content.get("display_name", "")],
        ["Angiven e-post", content.get("email", "")],
        [
            "Konto",
            f"{account.get('username', '')} (id {account.get('id', '')})" if account else "–",
        ],
        ["Kontots e-post", account.get("email", "") if account else "–"],
        ["IP-adress", content.get("client_ip", "")],
        ["Webbläsare", content.get("user_agent", "")],
        ["SHA-256 (bevispost)", evidence.sha256],
        ["SHA-256 (bild)", content.get("photo_sha256", "") or "–"],
    ]
    table = Table(
        [
            [para(k), para(str(v), "Hash" if k.startswith("SHA-256") else "BodyText")]
            for k, v in rows
        ],
        colWidths=[45 * mm, 125 * mm],
        repeatRows=0,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.5, "#6b7c85"),
            ]
        )
    )
    story = [
        para(f"Underlag för polisanmälan: {category}", "Title"),
        para(
            "Materialet har tagits bort från allmän visning och säkrats oförändrat. "
            "Kontrollsumman (SHA-256) beräknas över bevisposten i kanonisk JSON och kan "
            "räknas om för att visa att posten inte har ändrats."
        ),
        Spacer(1, 4 * mm),
        para("Uppgifter", "Heading2"),
        table,
        Spacer(1, 6 * mm),
        para("Innehåll", "Heading2"),
    ]
    if evidence.is_quarantined:
        story.append(
            para(
                "Materialet visas inte (misstänkt sexuellt övergreppsmaterial mot barn, "
                "karantän). Det lämnas till Polisen enligt överenskommen rutin; "
                "kontrollsummorna ovan identifierar det."
            )
        )
    else:
        story.append(para(content.get("text", "") or "–"))
    decisions = list(evidence.police_decisions.all())
    if decisions:
        story += [Spacer(1, 6 * mm), para("Beslut om polisanmälan", "Heading2")]
        for d in decisions:
            text = (
                f"{timezone.localtime(d.decided_at):%Y-%m-%d %H:%M}: "
                + ("anmäls" if d.reported else "anmäls inte")
                + (f", polisens diarienummer {d.police_reference}" if d.police_reference else "")
                + (f". Skäl: {d.reason}" if d.reason else "")
            )
            story.append(para(text))
    story += [
        Spacer(1, 6 * mm),
        para(f"Utskrivet {timezone.localtime():%Y-%m-%d %H:%M} från medborgardialogen."),
    ]
    doc.build(story, onFirstPage=_show_title, onLaterPages=_show_title)
    return buffer.getvalue()
