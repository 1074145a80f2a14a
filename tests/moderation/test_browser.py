"""The resident and the moderator in a real Chromium, with axe on the form, warning and queue."""

from __future__ import annotations

import re

import pytest

from tests.conftest import format_violations

from .conftest import PNR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_personnummer_warning_post_anyway_redact_approve(
    page, axe, topic, moderator, login_browser
):
    """RULE-1, GDPR-4, BBS-3, DOS-1: a resident writes a comment with a personnummer, sees the
    warning with the span highlighted, posts anyway and sees it pending; a moderator redacts
    and approves it; the public page shows it masked. Axe finds nothing on the form, the
    warning or the queue."""
    page.goto(f"/synpunkter/{topic.slug}/")
    violations = axe(page)
    assert violations == [], format_violations(violations)
    page.locator("#id_text").fill(f"Jag heter Sven Svensson, pnr {PNR}. Ploga vägen!")
    page.get_by_label("Namn som visas med ditt bidrag").fill("Sven")
    page.get_by_role("button", name="Skicka", exact=True).click()
    warning = page.locator(".screening-warning")
    assert warning.is_visible()
    assert warning.locator("mark").first.inner_text().startswith(PNR)
    assert "0281-750 00" in warning.inner_text()
    violations = axe(page)
    assert violations == [], format_violations(violations)
    page.get_by_role("button", name="Skicka ändå").click()
    page.wait_for_load_state()
    assert "väntar på granskning" in page.locator(".messages").inner_text()
    assert "Ploga vägen" not in page.locator("main").inner_text()  # pending: not public

    login_browser(moderator)
    page.goto("/personal/moderering/")
    violations = axe(page)
    assert violations == [], format_violations(violations)
    page.get_by_role("link", name=re.compile(r"Synpunkt #\d+")).first.click()
    page.get_by_label("Exakt text som ska maskas").fill("Sven Svensson")
    page.get_by_role("button", name="Maska", exact=True).click()
    page.get_by_role("button", name="Godkänn och publicera").click()
    page.wait_for_load_state()

    page.goto(f"/synpunkter/{topic.slug}/")
    text = page.locator(".contribution-list").inner_text()
    assert "Jag heter [borttaget], pnr [borttaget]. Ploga vägen!" in text
    assert PNR not in text and "Svensson" not in text
