"""In the browser: a resident's registered comment is requested anonymously, redacted and
delivered; a refusal gives a decision; axe finds no violations on the public pages."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.conftest import format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _register(**extra) -> Entry:  # noqa: F821
    from datetime import UTC, datetime

    from registry.models import Entry
    from registry.services import document_register_incoming

    kwargs = dict(
        source_ref="moderation:contribution:1",
        received_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
        channel="portal",
        sender_name="Anna Andersson",
        sender_is_organisation=False,
        subject="Fråga till kommundelsträff i Äppelbo 2026-12-03",
        text="Hej! Mitt personnummer är 19850101-1234 och jag undrar om vägen.",
        pii_spans=[{"start": 26, "end": 39, "kind": "personnummer"}],
    )
    kwargs.update(extra)
    return Entry.objects.get(diary_number=document_register_incoming(**kwargs))


def test_request_redact_and_deliver_in_browser(page, registrar, login_browser, axe):
    """TF-5, TF-8, GDPR-4: anonymous request from the entry page; the registrar redacts the
    personnummer and delivers; the PDF's text lacks the number; axe on /diarium/, the entry
    page and /begar-handling/ finds zero violations (DOS)."""
    entry = _register()
    page.goto("/diarium/")
    assert entry.diary_number in page.content()
    violations = axe(page)
    assert not violations, format_violations(violations)
    page.get_by_role("link", name=entry.diary_number).click()
    violations = axe(page)
    assert not violations, format_violations(violations)
    page.get_by_role("link", name="Begär ut handlingen").click()
    violations = axe(page)
    assert not violations, format_violations(violations)
    page.get_by_role("button", name="Skicka begäran").click()
    page.wait_for_load_state()
    assert "Din begäran" in page.content()
    status_url = page.url

    from registry.models import DocumentRequest

    req = DocumentRequest.objects.get()
    assert req.name == "" and req.contact == ""
    login_browser(registrar)
    page.goto(f"/personal/diarium/begaran/{req.pk}/")
    page.get_by_label("Lämna ut med maskering").check()
    page.get_by_label("Bestämmelse i OSL (vid maskering, avslag eller förbehåll)").select_option(
        "21:7"
    )
    page.get_by_label("Skäl (varför bestämmelsen gäller denna handling)").fill("Personnummer.")
    page.locator('button[value="decide"]').click()
    page.wait_for_load_state()
    page.locator('button[value="deliver"]').click()
    page.wait_for_load_state()
    page.goto(status_url)
    with page.expect_download() as info:
        page.get_by_role("link", name="Ladda ner handlingarna (PDF)").click()
    data = open(info.value.path(), "rb").read()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "19850101-1234" not in text and "undrar om vägen" in text


def test_refused_request_gives_decision_with_appeal(page, registrar, login_browser):
    """OSL-9, FL-3: a refusal made in the browser produces the decision with the appeal."""
    from registry.services import request_submit

    entry = _register(secrecy_provision="26:1")
    req = request_submit(description="Handlingen", entry=entry)
    login_browser(registrar)
    page.goto(f"/personal/diarium/begaran/{req.pk}/")
    page.get_by_label("Avslå").check()
    page.get_by_label("Bestämmelse i OSL (vid maskering, avslag eller förbehåll)").select_option(
        "26:1"
    )
    page.get_by_label("Skäl (varför bestämmelsen gäller denna handling)").fill("Socialtjänst.")
    page.locator('button[value="decide"]').click()
    page.wait_for_load_state()
    with page.expect_download() as info:
        page.get_by_role(
            "link", name="Det skriftliga beslutet med överklagandehänvisning (PDF)"
        ).click()
    data = open(info.value.path(), "rb").read()
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert "kammarrätten" in text and "tre veckor" in text and "26:1" in text
