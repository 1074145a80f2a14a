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


def test_photo_kept_through_warning_and_staff_pages_pass_axe(
    page, axe, topic, moderator, login_browser, settings, tmp_path
):
    """RULE-1, RULE-4, RULE-5, RULE-7, DOS-1: in a real browser a resident chooses a photo
    once, gets the caption warning and sends anyway without choosing the file again; the
    moderator's filtered queue (with takedown actions) and the open-reports page have no axe
    violations."""
    from moderation.models import Contribution
    from moderation.services import contribution_approve, report_submit

    from .conftest import image_bytes

    settings.MEDIA_ROOT = tmp_path
    page.goto(f"/synpunkter/{topic.slug}/bild/")
    page.set_input_files(
        "#id_photo", files=[{"name": "b.jpg", "mimeType": "image/jpeg", "buffer": image_bytes()}]
    )
    page.locator("#id_text").fill(f"Här bor jag, pnr {PNR}")
    page.locator("#id_photo_consent").check()
    page.get_by_role("button", name="Skicka", exact=True).click()
    assert page.locator(".screening-warning").is_visible()
    assert "Bilden du valde finns kvar" in page.locator("main").inner_text()
    violations = axe(page)
    assert violations == [], format_violations(violations)
    page.get_by_role("button", name="Skicka ändå").click()
    page.wait_for_load_state()
    photo = Contribution.objects.get(kind="photo")
    assert photo.photo

    contribution_approve(contribution=photo, actor=moderator)
    report_submit(contribution=photo, reason="annat", message="Fel bild", client_ip="192.0.2.1")
    page.goto(f"/bidrag/{photo.pk}/ta-bort-bild/")
    page.get_by_role("button", name=re.compile("Ta bort bilden")).click()
    page.wait_for_load_state()

    login_browser(moderator)
    page.goto("/personal/moderering/?kind=photo&reported=on")
    assert "Begäran ogrundad: visa bilden igen" in page.locator("main").inner_text()
    violations = axe(page)
    assert violations == [], format_violations(violations)
    page.goto("/personal/moderering/anmalningar/")
    assert "Fel bild" in page.locator("main").inner_text()
    violations = axe(page)
    assert violations == [], format_violations(violations)
