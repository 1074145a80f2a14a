"""Sign-up and login with the keyboard alone (Tab, typing, Enter), in a real Chromium."""

from __future__ import annotations

import re

import pytest
from django.core import mail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "tangentbord-och-tålamod"


def tab_to(page, element_id: str, limit: int = 40) -> None:
    """Press Tab until the element with this id has focus (fails after `limit` presses)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with Tab")


def tab_to_button(page, text: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "document.activeElement ? [document.activeElement.tagName, "
            "document.activeElement.innerText || ''] : ['', '']"
        )
        if focused[0] == "BUTTON" and focused[1].strip() == text:
            return
    raise AssertionError(f"button {text!r} cannot be reached with Tab")


def test_sign_up_confirm_and_log_in_by_keyboard(page, settings):
    """DOS-1 (WCAG 2.1.1 Keyboard): a resident signs up, confirms the address from the mail
    and logs in using only Tab, typing and Enter."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    page.goto("/konto/signup/")
    tab_to(page, "id_email")
    page.keyboard.type("tangent@example.se")
    tab_to(page, "id_password1")
    page.keyboard.type(PASSWORD)
    tab_to(page, "id_password2")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/confirm-email/")
    assert "Verifiera din epost-adress" in page.get_by_role("heading", level=1).inner_text()

    assert len(mail.outbox) == 1
    path = re.search(r"https?://[^/\s]+(/konto/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    page.goto(path)
    tab_to_button(page, "Verifiera")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("link", name="Logga ut").is_visible()

    # Log out (a POST form) and back in, still by keyboard.
    page.goto("/konto/logout/")
    tab_to_button(page, "Logga ut")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("link", name="Logga in").is_visible()

    page.goto("/konto/login/")
    tab_to(page, "id_login")
    page.keyboard.type("tangent@example.se")
    tab_to(page, "id_password")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/")
    assert page.get_by_role("link", name="Mitt konto").is_visible()


def test_skip_link_moves_focus_to_main(page):
    """DOS-1 (WCAG 2.4.1 Bypass blocks): the first Tab reaches the skip link, and Enter moves
    focus to the main content."""
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.innerText")
    assert focused.strip() == "Hoppa till huvudinnehållet"
    assert page.evaluate("document.activeElement.getBoundingClientRect().width") > 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
