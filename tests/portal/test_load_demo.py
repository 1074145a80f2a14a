"""`manage.py load_demo` is idempotent and its staff accounts work (issue item 1)."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def test_load_demo_twice_changes_nothing(var_dir):
    """Running load_demo again creates no users, no channels, and keeps six villages."""
    from dialog_portal.models import SocialChannel

    first = io.StringIO()
    call_command("load_demo", stdout=first)
    users = get_user_model().objects.count()
    channels = SocialChannel.objects.count()
    assert users >= 4 and channels >= 1
    logins = (var_dir / "demo-logins.txt").read_text()
    assert (var_dir / "demo-logins.txt").stat().st_mode & 0o077 == 0

    second = io.StringIO()
    call_command("load_demo", stdout=second)
    assert get_user_model().objects.count() == users
    assert SocialChannel.objects.count() == channels
    assert (var_dir / "demo-logins.txt").read_text() == logins
    assert "Staff logins" not in second.getvalue()

    from django.apps import apps

    if apps.is_installed("meetings"):
        Village = apps.get_model("meetings", "Village")
        assert Village.objects.count() == 6


def test_demo_staff_log_in_through_the_form(client, var_dir):
    """Each printed staff login works through the real login form, and each role reaches
    the staff pages."""
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    pairs = re.findall(
        r"^(\S+@vansbro\.example)  (\S+)$", (var_dir / "demo-logins.txt").read_text(), re.M
    )
    assert {email.split("@")[0] for email, _ in pairs} == {
        "admin",
        "official",
        "moderator",
        "registrar",
    }
    for email, password in pairs:
        response = client.post("/konto/login/", {"login": email, "password": password})
        assert response.status_code == 302, email
        assert client.get("/personal/").status_code == 200, email
        client.post("/konto/logout/")
