"""Security headers, cookies, login lockout, rate limits and log redaction (issue item 6)."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import PASSWORD

PUBLIC = "/"
STAFF = "/personal/"


def _csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        directives[name] = value
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("as_staff", [False, True], ids=["public", "staff"])
def test_security_headers_on_public_and_staff_pages(client, official, as_staff):
    """DOS-1 (safe service): every page, public and staff,
    sends a CSP without inline scripts that forbids framing, HSTS over HTTPS, nosniff, a strict
    referrer policy and X-Frame-Options DENY."""
    if as_staff:
        client.force_login(official)
    response = client.get(STAFF if as_staff else PUBLIC, secure=True)
    assert response.status_code == 200
    csp = _csp(response)
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'self'" in csp["script-src"]
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "includeSubDomains" in response["Strict-Transport-Security"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


PRODUCTION_COOKIES = r"""
import os, sys
import django
django.setup()
from django.conf import settings
print(settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE)
print(settings.CSRF_COOKIE_SECURE, settings.CSRF_COOKIE_HTTPONLY, settings.CSRF_COOKIE_SAMESITE)
print(settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_HTTPONLY, settings.LANGUAGE_COOKIE_SAMESITE)
print(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS)
"""


def test_production_settings_make_cookies_secure_httponly_samesite(run_settings):
    """with production settings (DEBUG off) the session, CSRF and language cookies are
    Secure, HttpOnly and SameSite=Lax, HTTP redirects to HTTPS and HSTS lasts a year."""
    result = run_settings(PRODUCTION_COOKIES, DEBUG="0", SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:4] == [
        "True True Lax",
        "True True Lax",
        "True True Lax",
        "True 31536000",
    ]


@pytest.mark.django_db
def test_cookies_set_over_https_carry_the_flags(client, resident, settings):
    """the cookies the portal really sets after logging in carry Secure, HttpOnly and
    SameSite when the production values are on."""
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    client.get("/konto/login/", secure=True)
    response = client.post(
        "/konto/login/", {"login": resident.email, "password": PASSWORD}, secure=True
    )
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = response.cookies[name] if name in response.cookies else client.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


@pytest.mark.django_db
def test_login_locks_after_five_failures_with_swedish_page(client, resident):
    """after AXES_FAILURE_LIMIT (5) failed logins through allauth's form the account is
    locked for this address, even with the right password, and the page explains it in
    Swedish."""
    for _ in range(5):
        response = client.post("/konto/login/", {"login": resident.email, "password": "fel" * 5})
        assert response.status_code in (200, 429)
    response = client.post("/konto/login/", {"login": resident.email, "password": PASSWORD})
    assert response.status_code == 429
    body = response.content.decode()
    assert "För många misslyckade inloggningar" in body
    assert "Återställ ditt lösenord" in body
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_counts_failures_case_insensitively(client, resident):
    """varying the case of the address does not escape the lockout."""
    for index in range(5):
        login = resident.email.upper() if index % 2 else resident.email
        client.post("/konto/login/", {"login": login, "password": "fel" * 5})
    response = client.post("/konto/login/", {"login": resident.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_four_failures_do_not_lock(client, resident):
    """fewer failures than the limit leave the login open."""
    for _ in range(4):
        client.post("/konto/login/", {"login": resident.email, "password": "fel" * 5})
    response = client.post("/konto/login/", {"login": resident.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(resident.pk)


ANONYMOUS_FORMS = [
    ("/konto/signup/", {"email": "ny@example.se", "password1": "x", "password2": "y"}),
    ("/konto/login/", {"login": "ingen@example.se", "password": "fel"}),
    ("/konto/password/reset/", {"email": "ingen@example.se"}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "data"), ANONYMOUS_FORMS, ids=["signup", "login", "reset"])
def test_anonymous_forms_are_rate_limited_in_swedish(client, settings, url, data):
    """DOS-1: the forms anonymous visitors can post answer 429 with a Swedish message
    once a client address has posted more than RATELIMIT_FORM_RATE."""
    settings.RATELIMIT_FORM_RATE = "3/h"
    settings.AXES_FAILURE_LIMIT = 100  # count only the rate limit here
    statuses = [client.post(url, data).status_code for _ in range(3)]
    assert 429 not in statuses
    response = client.post(url, data)
    assert response.status_code == 429
    body = response.content.decode()
    assert "För många förfrågningar" in body
    assert "Vänta en minut och försök igen." in body


@pytest.mark.django_db
def test_rate_limit_counts_visitors_behind_a_trusted_proxy(client, settings):
    """Behind one trusted proxy (TRUSTED_PROXY_COUNT=1) the visitor is the last address of
    X-Forwarded-For: two visitors behind the same proxy are limited apart, and a forged
    address written further left by the client does not escape the limit."""
    settings.RATELIMIT_FORM_RATE = "2/h"
    settings.TRUSTED_PROXY_COUNT = 1
    data = {"email": "ingen@example.se"}
    proxy = {"REMOTE_ADDR": "10.0.0.254"}
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
        client.post(
            "/konto/password/reset/", data, HTTP_X_FORWARDED_FOR=f"{forged}, 198.51.100.7", **proxy
        )
    blocked = client.post(
        "/konto/password/reset/", data, HTTP_X_FORWARDED_FOR="4.4.4.4, 198.51.100.7", **proxy
    )
    assert blocked.status_code == 429
    other = client.post(
        "/konto/password/reset/", data, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy
    )
    assert other.status_code != 429


def test_client_ip_trusts_no_header_without_a_proxy(rf, settings):
    """With TRUSTED_PROXY_COUNT=0 (the default) a client's X-Forwarded-For is ignored."""
    from dialog_portal.security import client_ip

    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6", REMOTE_ADDR="192.0.2.1")
    assert client_ip(request) == "192.0.2.1"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == "192.0.2.1"  # header shorter than the proxy chain
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5, 10.0.0.1")
    assert client_ip(request) == "203.0.113.5"


@pytest.mark.django_db
def test_rate_limit_counts_per_address(client, settings):
    """one address being limited does not block another."""
    settings.RATELIMIT_FORM_RATE = "2/h"
    data = {"email": "ingen@example.se"}
    for _ in range(3):
        client.post("/konto/password/reset/", data, REMOTE_ADDR="10.0.0.1")
    assert client.post("/konto/password/reset/", data, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post("/konto/password/reset/", data, REMOTE_ADDR="10.0.0.2").status_code != 429


def test_ratelimit_enable_0_switches_allauth_limits_off_too(run_settings):
    """RATELIMIT_ENABLE=0 turns off our limits and allauth's; by default both are on, and
    allauth leaves failed logins to django-axes."""
    code = "import django; django.setup(); from django.conf import settings as s; print(s.RATELIMIT_ENABLE, s.ACCOUNT_RATE_LIMITS)"
    off = run_settings(code, DEBUG="1", RATELIMIT_ENABLE="0")
    assert off.stdout.strip() == "False False", off.stderr
    on = run_settings(code, DEBUG="1")
    assert on.stdout.strip() == "True {'login_failed': None}", on.stderr


@pytest.mark.django_db
def test_rate_limit_can_be_switched_off(client, settings):
    """RATELIMIT_ENABLE=0 (load tests) switches the form limits off."""
    settings.RATELIMIT_FORM_RATE = "2/h"
    settings.RATELIMIT_ENABLE = False
    settings.ACCOUNT_RATE_LIMITS = False  # what settings.py derives from RATELIMIT_ENABLE=0
    data = {"email": "ingen@example.se"}
    statuses = [client.post("/konto/password/reset/", data).status_code for _ in range(6)]
    assert 429 not in statuses


def test_log_filter_removes_email_and_personnummer():
    """GDPR-2: the logging filter replaces e-mail addresses, personnummer and phone
    numbers before any handler writes the record."""
    from dialog_portal.logging import RedactPersonalDataFilter

    record = logging.LogRecord(
        "moderation",
        logging.WARNING,
        __file__,
        1,
        "Kunde inte skicka till %s (pnr %s, tel %s)",
        ("anna.svensson@example.se", "19811218-9876", "070-123 45 67"),
        None,
    )
    assert RedactPersonalDataFilter().filter(record) is True
    message = record.getMessage()
    assert "anna.svensson" not in message
    assert "example.se" not in message
    assert "19811218" not in message and "9876" not in message
    assert "070-123" not in message
    assert "[e-post]" in message and "[nummer]" in message and "[telefon]" in message


def test_log_filter_keeps_durations_and_masks_international_numbers():
    """GDPR-2: a task duration such as "0.0234567891s" is not taken for a phone number (it was
    once logged as "0.[telefon]23s"), while +46 and 0046 forms are still masked."""
    from dialog_portal.logging import redact

    assert redact("Task succeeded in 0.0234567891s: 'pong'") == (
        "Task succeeded in 0.0234567891s: 'pong'"
    )
    assert redact("tel +46 70 123 45 67") == "tel [telefon]"
    assert redact("tel 0046 70-123 45 67") == "tel [telefon]"


def test_logging_config_attaches_the_filter():
    """the console handler of the configured logging carries the redaction filter."""
    from dialog_portal.logging import RedactPersonalDataFilter

    handlers = logging.getLogger().handlers
    console = [h for h in handlers if isinstance(h, logging.StreamHandler)]
    assert any(isinstance(f, RedactPersonalDataFilter) for h in console for f in h.filters), (
        "the root console handler must redact personal data"
    )
