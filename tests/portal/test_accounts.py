"""Accounts (issue item 4): sign-up with e-mail verification, login by e-mail, password
reset, logout, the own-account page, deletion, and the staff roles."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from dialog_portal.roles import ROLE_PERMISSIONS, ROLES
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "blåbärssylt-och-kanelbullar"


def _link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/konto/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def _logged_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_signup_sends_verification_and_confirming_logs_in(client):
    """FMT-1, GDPR-1: a resident signs up with an e-mail address and password; a Swedish
    verification mail is sent and the account is usable only after following its link."""
    response = client.post(
        "/konto/signup/",
        {"email": "ny.invanare@example.se", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert _logged_in_user_id(client) is None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ny.invanare@example.se"]
    assert "bekräfta" in message.subject.lower()

    # Not verified yet: logging in sends the visitor to the verification notice.
    login = client.post(
        "/konto/login/", {"login": "ny.invanare@example.se", "password": NEW_PASSWORD}
    )
    assert login.status_code == 302 and login["Location"] == "/konto/confirm-email/"
    assert _logged_in_user_id(client) is None

    confirm_url = _link(mail.outbox[-1])
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert "Verifiera" in page.content.decode()
    done = client.post(confirm_url)
    assert done.status_code == 302
    user = get_user_model().objects.get(email="ny.invanare@example.se")
    assert user.emailaddress_set.get().verified is True
    assert _logged_in_user_id(client) == str(user.pk)


def test_password_needs_twelve_characters(client):
    """a password shorter than 12 characters is refused with a Swedish message."""
    response = client.post(
        "/konto/signup/",
        {"email": "kort@example.se", "password1": "kort-Lösen1", "password2": "kort-Lösen1"},
    )
    assert response.status_code == 200
    assert "minst 12 tecken" in response.content.decode()
    assert not get_user_model().objects.filter(email="kort@example.se").exists()
    assert mail.outbox == []


def test_login_by_email_and_logout(client, resident):
    """FMT-1: residents log in with their e-mail address (any case) and log out with a POST."""
    response = client.post("/konto/login/", {"login": resident.email.upper(), "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert _logged_in_user_id(client) == str(resident.pk)
    page = client.get("/")
    assert "Logga ut" in page.content.decode()
    response = client.post("/konto/logout/")
    assert response.status_code == 302
    assert _logged_in_user_id(client) is None


def test_wrong_password_is_refused_in_swedish(client, resident):
    """A wrong password gives a Swedish error and no session."""
    response = client.post("/konto/login/", {"login": resident.email, "password": "fel-lösenord"})
    assert response.status_code == 200
    assert "felaktig" in response.content.decode()
    assert _logged_in_user_id(client) is None


def test_password_reset_by_mail(client, resident):
    """a forgotten password is reset through a one-time link sent by e-mail; the old
    password stops working."""
    response = client.post("/konto/password/reset/", {"email": resident.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [resident.email]
    key_url = _link(mail.outbox[0])
    form = client.get(key_url, follow=True)
    assert form.status_code == 200
    set_url = form.redirect_chain[-1][0] if form.redirect_chain else key_url
    done = client.post(set_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(NEW_PASSWORD)
    assert not resident.check_password(PASSWORD)


def test_own_account_page(client, resident):
    """GDPR-1: a logged-in resident sees their own account: address, verification, date, and
    links to change password and delete the account. Anonymous visitors are sent to login."""
    anonymous = client.get("/konto/")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/konto/login/")
    client.force_login(resident)
    page = client.get("/konto/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Mitt konto" in body and resident.email in body and "bekräftad" in body
    assert "/konto/radera/" in body and "Byt lösenord" in body


def test_account_deletion_needs_password_and_confirmation(client, resident):
    """GDPR-1 (art. 17): a resident deletes their own account after giving the password and
    confirming; a wrong password deletes nothing."""
    client.force_login(resident)
    wrong = client.post("/konto/radera/", {"password": "fel-lösenord", "confirm": "on"})
    assert wrong.status_code == 200
    assert "Lösenordet stämmer inte." in wrong.content.decode()
    assert get_user_model().objects.filter(pk=resident.pk).exists()

    unconfirmed = client.post("/konto/radera/", {"password": PASSWORD})
    assert unconfirmed.status_code == 200
    assert get_user_model().objects.filter(pk=resident.pk).exists()

    done = client.post("/konto/radera/", {"password": PASSWORD, "confirm": "on"}, follow=True)
    assert done.redirect_chain[-1][0] == "/"
    assert "Ditt konto är raderat." in done.content.decode()
    assert not get_user_model().objects.filter(pk=resident.pk).exists()
    assert _logged_in_user_id(client) is None


def test_each_group_has_exactly_its_listed_permissions():
    """After migrate each staff group exists and has exactly the permissions roles.py lists,
    every one of which exists (no typo is silently dropped)."""
    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)
    for role in ROLES:
        group = Group.objects.get(name=role)
        got = {
            f"{app}.{codename}"
            for app, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert got == set(ROLE_PERMISSIONS[role]), role


def test_sync_restores_exact_permissions_after_changes():
    """Running the sync again (as every migrate does) removes a hand-added permission and
    restores a removed one: the table in roles.py is the truth."""
    from django.contrib.auth.models import Permission

    from dialog_portal.roles import sync_role_permissions

    group = Group.objects.get(name="moderator")
    group.permissions.add(Permission.objects.get(codename="delete_user"))
    Group.objects.get(name="official").permissions.clear()
    sync_role_permissions()
    assert not group.permissions.filter(codename="delete_user").exists()
    assert Group.objects.get(name="official").permissions.count() == len(
        ROLE_PERMISSIONS["official"]
    )


@pytest.mark.parametrize("role", ["official", "moderator", "registrar", "superuser"])
def test_staff_pages_open_for_every_staff_role(client, make_user, role):
    """Staff roles reach /personal/; the page lists what they may use."""
    if role == "superuser":
        user = make_user("admin@vansbro.example", is_superuser=True, is_staff=True)
    else:
        user = make_user(f"{role}@vansbro.example", group=role)
    client.force_login(user)
    response = client.get("/personal/")
    assert response.status_code == 200
    assert "Personalsidor" in response.content.decode()


def test_staff_pages_forbidden_for_resident(client, resident):
    """A resident without a staff role gets 403 on /personal/, in Swedish layout."""
    client.force_login(resident)
    assert client.get("/personal/").status_code == 403


def test_staff_pages_redirect_anonymous_to_login(client):
    """Anonymous visitors are sent to the login page, and back afterwards."""
    response = client.get("/personal/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/personal/"
