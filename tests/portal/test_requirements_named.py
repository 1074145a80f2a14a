"""The accessibility statement's feedback route and its last-update date (DOS-4, DOS-6)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from dialog_portal.models import Page

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    """The visible text of the main content, whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_accessibility_feedback_is_offered_and_registered_as_incoming(client, registrar):
    """DOS-4: the statement's feedback route lets users report inaccessibility and ask for
    content in an accessible form (phone, e-mail, letter), and says each report is registered;
    a registrar registers such a report as an inkommen handling of its own document type,
    which the dokumenthanteringsplan has registered (not merely kept in order)."""
    from registry.models import Direction, DocumentType, Entry, RetentionPlanRow

    text = _text(client.get("/tillganglighet/"))
    assert "Om du upptäcker problem som inte beskrivs här" in text
    assert "om du behöver innehåll i en tillgänglig form" in text
    assert "0281-750 00" in text and "kommun@vansbro.se" in text and "Box 800" in text
    assert "Varje sådan rapport blir en allmän handling som vi registrerar" in text

    client.force_login(registrar)
    form_page = client.get("/personal/diarium/registrera/").content.decode()
    assert 'value="accessibility_feedback"' in form_page
    response = client.post(
        "/personal/diarium/registrera/",
        {
            "received_at": "2026-03-05T08:15",
            "channel": "email",
            "document_type": "accessibility_feedback",
            "sender_name": "Greta Gran",
            "subject": "Synpunkt om tillgänglighet: kalendern går inte att nå med tangentbord",
            "text": "Jag kommer inte åt datumväljaren utan mus. Kan ni skicka listan som text?",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = Entry.objects.get(document_type=DocumentType.ACCESSIBILITY_FEEDBACK)
    assert entry.direction == Direction.INCOMING and entry.channel == "email"
    assert entry.diary_number and entry.registered_by == registrar
    assert timezone.localtime(entry.received_at).date() == datetime.date(2026, 3, 5)
    assert "datumväljaren" in entry.document.text
    plan = RetentionPlanRow.objects.get(document_type=DocumentType.ACCESSIBILITY_FEEDBACK)
    assert plan.handling == RetentionPlanRow.Handling.REGISTERED


def test_statement_update_date_moves_when_a_fault_is_recorded(client, admin_client):
    """DOS-6: the statement names DIGG as supervisor, and its last-update date changes when
    staff record a newly found (or fixed) fault in it: the page then shows the edit's date,
    no longer the old one."""
    page = Page.objects.get(slug="tillganglighet")
    Page.objects.filter(pk=page.pk).update(
        updated_at=timezone.make_aware(datetime.datetime(2020, 1, 15, 10))
    )
    before = client.get("/tillganglighet/")
    assert "15 januari 2020</time>" in before.content.decode()
    assert "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn" in _text(before)

    fault = "Datumväljaren i kalendern kan inte nås med tangentbordet."
    body = page.body_sv.replace("</ul>", f"<li>{fault}</li></ul>", 1)
    assert fault in body
    response = admin_client.post(
        f"/admin/dialog_portal/page/{page.pk}/change/",
        {
            "title_sv": page.title_sv,
            "body_sv": body,
            "title_en": page.title_en,
            "body_en": page.body_en,
            "_save": "Spara",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    after = client.get("/tillganglighet/")
    html = after.content.decode()
    assert fault in _text(after)
    with translation.override("sv"):
        today = date_format(timezone.localdate(), "j F Y")
    assert f"{today}</time>" in html
    assert "15 januari 2020</time>" not in html
