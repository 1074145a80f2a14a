"""Shared fixtures: service availability, users per role, and the browser harness.

Tests that need PostgreSQL, Redis or Chromium carry the markers `postgres`, `redis` or
`browser`. Without the service they are skipped with a reason that says how to enable them;
under CI=true a missing service fails the run instead (see .ci/run).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run inside
# one unless told that this (test-only) use is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

AXE_WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def _missing(item: pytest.Item) -> str | None:
    if item.get_closest_marker("postgres") and not _is_postgres():
        return (
            "needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/medborgardialog"
        )
    if item.get_closest_marker("redis") and not settings.REDIS_URL:
        return "needs Redis: set REDIS_URL=redis://127.0.0.1:6379/0"
    if item.get_closest_marker("browser") and not (
        os.path.exists(CHROMIUM) or shutil.which("chromium")
    ):
        return "needs Chromium: apt-get install chromium (or run .ci/run)"
    return None


def pytest_runtest_setup(item: pytest.Item) -> None:
    reason = _missing(item)
    if reason is None:
        return
    if IN_CI:
        pytest.fail(f"CI=true but the service is missing: {reason}", pytrace=False)
    pytest.skip(reason)


# --- users -------------------------------------------------------------------------------
PASSWORD = "korrekt-häst-batteri-häfta"


@pytest.fixture
def make_user(db):
    """Create a user with a verified e-mail address, optionally in a staff group."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    def make(email: str = "invanare@example.se", *, group: str | None = None, **extra):
        user = get_user_model().objects.create_user(
            username=email, email=email, password=PASSWORD, **extra
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def resident(make_user):
    return make_user("invanare@example.se")


@pytest.fixture
def moderator(make_user):
    return make_user("moderator@vansbro.example", group="moderator")


@pytest.fixture
def registrar(make_user):
    return make_user("registrar@vansbro.example", group="registrar")


@pytest.fixture
def official(make_user):
    return make_user("official@vansbro.example", group="official")


@pytest.fixture(autouse=True)
def _hourly_form_rate(settings):
    """Rate-limit windows are aligned to clock boundaries: a per-minute window can roll over in
    the middle of a test and let one more post through. Tests count in hourly windows."""
    settings.RATELIMIT_FORM_RATE = "10/h"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit and lockout counters live in the cache, and base.html's fragments in the
    process-local one (a test may change MUNICIPALITY): start every test clean."""
    from django.core.cache import caches

    caches["default"].clear()
    caches["local"].clear()
    yield


# --- browser harness -----------------------------------------------------------------------
@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    yield manager
    manager.stop()


@pytest.fixture(scope="session")
def browser(_playwright):
    """Debian's Chromium, headless, driven by Playwright (never a downloaded browser)."""
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    instance = _playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    yield instance
    instance.close()


@pytest.fixture
def page(browser, live_server) -> Iterator:
    """A fresh browser page (Swedish, phone-sized viewport off) against the live server."""
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def axe():
    """Run axe-core on a page for the WCAG 2.0/2.1 A and AA rules; returns the violations."""
    from axe_playwright_python.sync_playwright import Axe

    runner = Axe()

    def run(tab) -> list[dict]:
        results = runner.run(tab, options={"runOnly": {"type": "tag", "values": AXE_WCAG_TAGS}})
        return results.response["violations"]

    return run


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [node["target"] for node in violation.get("nodes", [])][:5]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return "\n".join(lines)


@pytest.fixture
def login_browser(page, live_server):
    """Log a user in through the real login form in the browser."""

    def login(user, password: str = PASSWORD):
        page.goto("/konto/login/")
        page.get_by_label("E-post").fill(user.email)
        page.get_by_label("Lösenord").fill(password)
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_load_state()
        return page

    return login
