"""PDFs the registry hands out: released documents with redactions burned in, and decisions.

Redaction is done on the text before the PDF is built: a redacted span is replaced by "█"
blocks, so the secret words are not in the file at all (TF-8), not merely covered.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from .models import DocumentRequest, RequestItem

MASK = "█"
_FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path(__import__("reportlab").__file__).parent / "fonts" / "Vera.ttf",
]
_font_name: str | None = None
_font_path: Path | None = None


def _font() -> str:
    """A TrueType font with Swedish letters (and, with DejaVu, the █ block)."""
    global _font_name, _font_path
    if _font_name is None:
        for path in _FONT_CANDIDATES:
            if path.exists():
                pdfmetrics.registerFont(TTFont("RegistryFont", str(path)))
                _font_name, _font_path = "RegistryFont", path
                break
        else:  # pragma: no cover - reportlab always ships Vera
            _font_name = "Helvetica"
    return _font_name


def mask_char() -> str:
    """The block character when the font has it (DejaVu), else a plain "X"."""
    _font()
    return MASK if _font_path is not None and "DejaVu" in _font_path.name else "X"


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


def _styles():
    font = _font()
    base = getSampleStyleSheet()
    return {
        "h1": ParagraphStyle("h1", parent=base["Heading1"], fontName=font, fontSize=16),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=font, fontSize=13),
        "p": ParagraphStyle("p", parent=base["BodyText"], fontName=font, fontSize=10.5),
    }


def _para(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _build(story, title: str) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=settings.MUNICIPALITY["name"],
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        lang="sv",
    )
    doc.build(story)
    return buffer.getvalue()


def release_pdf(*, request: DocumentRequest) -> bytes:
    """The released documents of a request, redactions burned in; refused ones left out."""
    s = _styles()
    with translation.override("sv"):
        title = _("Public documents, request %(ref)s") % {"ref": request.reference}
        story = [_para(settings.MUNICIPALITY["name"], s["p"]), _para(title, s["h1"])]
        for item in request.items.select_related("entry", "provision"):
            entry = item.entry
            story.append(_para(f"{entry.diary_number}", s["h2"]))
            story.append(
                _para(
                    _("Received or drawn up: %(date)s")
                    % {"date": timezone.localtime(entry.received_at).strftime("%Y-%m-%d")},
                    s["p"],
                )
            )
            if item.outcome == RequestItem.Outcome.REFUSE:
                story.append(
                    _para(
                        _(
                            "This document is not released. See the written decision, which says how to appeal."
                        ),
                        s["p"],
                    )
                )
                continue
            story.append(_para(_("Subject: %(s)s") % {"s": entry.current_subject}, s["p"]))
            document = getattr(entry, "document", None)
            text = document.text if document else ""
            if item.outcome == RequestItem.Outcome.REDACT:
                text = redact_text(text, item.redactions)
                story.append(
                    _para(
                        _("Parts are masked under OSL %(code)s.") % {"code": item.provision.code},
                        s["p"],
                    )
                )
            story.append(Spacer(1, 4 * mm))
            story.append(_para(text, s["p"]))
            story.append(Spacer(1, 6 * mm))
        return _build(story, title)


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
    """The written decision on refused or partly refused documents (OSL-9, FL-2, FL-3)."""
    s = _styles()
    items = [
        item
        for item in request.items.select_related("entry", "provision", "decided_by")
        if item.outcome in {RequestItem.Outcome.REFUSE, RequestItem.Outcome.REDACT}
    ]
    with translation.override("sv"):
        title = _("Decision on request %(ref)s") % {"ref": request.reference}
        story = [_para(settings.MUNICIPALITY["name"], s["p"]), _para(title, s["h1"])]
        story.append(
            _para(
                _("Request received: %(date)s")
                % {"date": timezone.localtime(request.received_at).strftime("%Y-%m-%d")},
                s["p"],
            )
        )
        if request.name:
            story.append(_para(_("Requester: %(name)s") % {"name": request.name}, s["p"]))
        for item in items:
            story.append(_para(item.entry.diary_number, s["h2"]))
            if item.outcome == RequestItem.Outcome.REFUSE:
                line = _("The municipality refuses to release the document.")
            else:
                line = _("The municipality releases the document with parts masked.")
            story.append(_para(line, s["p"]))
            story.append(
                _para(
                    _(
                        "Provision: Offentlighets- och sekretesslagen (2009:400) %(code)s, %(label)s."
                    )
                    % {"code": item.provision.code, "label": item.provision.label},
                    s["p"],
                )
            )
            story.append(_para(_("Reasons: %(r)s") % {"r": item.reasons}, s["p"]))
            if item.decided_at:
                who = item.decided_by.get_full_name() or item.decided_by.get_username()
                story.append(
                    _para(
                        _("Decided %(date)s by %(who)s.")
                        % {
                            "date": timezone.localtime(item.decided_at).strftime("%Y-%m-%d"),
                            "who": who,
                        },
                        s["p"],
                    )
                )
        story.append(Spacer(1, 6 * mm))
        story.append(_para(_("How to appeal"), s["h2"]))
        story.append(_para(appeal_instruction(), s["p"]))
        return _build(story, title)
