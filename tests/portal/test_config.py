"""Configuration from the environment (issue item 2), parsed for real in subprocesses.

Each test starts Python with a minimal environment (no DATABASE_URL, REDIS_URL or
PYTEST_VERSION of this run) so settings.py is read exactly as in production or the demo.
"""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

import pytest

from .conftest import ROOT

SETUP = "import django; django.setup(); from django.conf import settings as s\n"
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "dialog.vansbro.se",
    "SCREENING_DPIA_REFERENCE": "KS 2026/0031",
}


def _json(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_database_defaults_to_sqlite_under_var(run_settings, tmp_path):
    """Without DATABASE_URL the demo runs on SQLite in VAR_DIR (no server needed)."""
    code = (
        SETUP
        + "import json; print(json.dumps([s.DATABASES['default']['ENGINE'], str(s.DATABASES['default']['NAME'])]))"
    )
    engine, name = _json(run_settings(code, DEBUG="1"))
    assert engine == "django.db.backends.sqlite3"
    assert name == str(tmp_path / "var" / "db.sqlite3")


def test_database_url_selects_postgres(run_settings):
    """DATABASE_URL=postgres://… selects PostgreSQL (psycopg 3) with host, port and name;
    CONN_MAX_AGE keeps connections."""
    code = (
        SETUP
        + "import json; d = s.DATABASES['default']; print(json.dumps([d['ENGINE'], d['HOST'], d['PORT'], d['NAME'], d['USER'], d['CONN_MAX_AGE']]))"
    )
    result = run_settings(
        code,
        DEBUG="1",
        DATABASE_URL="postgres://portal:hemligt@db.internal:5433/medborgardialog",
        CONN_MAX_AGE="60",
    )
    assert _json(result) == [
        "django.db.backends.postgresql",
        "db.internal",
        5433,
        "medborgardialog",
        "portal",
        60,
    ]


@pytest.mark.parametrize(
    ("flag", "expected"),
    [(None, {"server_side_binding": True, "prepare_threshold": 5}), ("0", {})],
)
def test_postgres_prepares_repeated_statements_unless_switched_off(run_settings, flag, expected):
    """On PostgreSQL, statements a kept connection runs repeatedly are prepared (server-side
    binding, prepare_threshold 5); DATABASE_PREPARED_STATEMENTS=0 switches it off for a
    transaction-mode pooler. No domain.md requirement (speed, issue 7 point 7)."""
    code = SETUP + "import json; print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
    extra = {} if flag is None else {"DATABASE_PREPARED_STATEMENTS": flag}
    result = run_settings(code, DEBUG="1", DATABASE_URL="postgres://p@db:5432/md", **extra)
    assert _json(result) == expected


@pytest.mark.parametrize("url", ["nosuchdb://x", "garbage"])
def test_bad_database_url_stops_with_swedish_message(run_settings, url):
    """A DATABASE_URL that is not PostgreSQL or SQLite stops the start with a clear Swedish
    error instead of failing obscurely at the first query."""
    result = run_settings(SETUP, DEBUG="1", DATABASE_URL=url)
    assert result.returncode != 0
    assert "DATABASE_URL kan inte tolkas" in result.stderr
    assert "postgres://" in result.stderr


def test_no_redis_means_eager_tasks_and_local_cache(run_settings):
    """Without REDIS_URL tasks run eagerly in process and the cache is local memory."""
    code = (
        SETUP
        + "import json; print(json.dumps([s.CELERY_TASK_ALWAYS_EAGER, s.CELERY_BROKER_URL, s.CACHES['default']['BACKEND']]))"
    )
    assert _json(run_settings(code, DEBUG="1")) == [
        True,
        "memory://",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_redis_url_means_redis_cache_and_broker(run_settings):
    """With REDIS_URL Redis is the shared cache (rate limits, lockout) and the Celery broker
    and result store; tasks go to workers."""
    code = (
        SETUP
        + "import json; c = s.CACHES['default']; print(json.dumps([s.CELERY_TASK_ALWAYS_EAGER, s.CELERY_BROKER_URL, s.CELERY_RESULT_BACKEND, c['BACKEND'], c['LOCATION'], c['KEY_PREFIX']]))"
    )
    url = "redis://cache.internal:6379/2"
    assert _json(run_settings(code, DEBUG="1", REDIS_URL=url, CACHE_KEY_PREFIX="vansbro")) == [
        False,
        url,
        url,
        "dialog_portal.cache_backends.RedisCache",
        url,
        "vansbro",
    ]


@pytest.mark.redis
def test_redis_cache_reuses_one_client_per_pool():
    """The Redis cache keeps one redis.Redis per connection pool (Django builds one per
    operation), and values still round-trip through the real Redis, including incr."""
    from django.core.cache import caches

    from dialog_portal.cache_backends import RedisCache

    cache = caches["default"]
    assert isinstance(cache, RedisCache)
    first = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is first
    cache.set("reuse-test", {"ord": "räksmörgås"}, 30)
    assert cache.get("reuse-test") == {"ord": "räksmörgås"}
    cache.set("reuse-count", 1, 30)
    assert cache.incr("reuse-count") == 2
    assert cache._cache.get_client(write=True) is first


def test_debug_generates_a_secret_key_into_var_dir(run_settings, tmp_path):
    """With DEBUG=1 and no SECRET_KEY one is generated once into VAR_DIR, readable only by the
    owner, and reused on the next start."""
    code = SETUP + "print(s.SECRET_KEY)"
    first = run_settings(code, DEBUG="1")
    second = run_settings(code, DEBUG="1")
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "var" / "secret_key"
    assert key_file.read_text().strip() == first.stdout.strip() == second.stdout.strip()
    assert len(first.stdout.strip()) >= 50
    assert key_file.stat().st_mode & 0o077 == 0


def test_without_secret_key_production_refuses_to_start(run_settings, tmp_path):
    """With DEBUG=0 and no SECRET_KEY, `check --deploy` fails with portal.E001, importing the
    WSGI application raises, and no key file is written."""
    check = run_settings(manage=["check", "--deploy"], DEBUG="0", ALLOWED_HOSTS="dialog.vansbro.se")
    assert check.returncode != 0
    assert "portal.E001" in check.stderr
    assert "SECRET_KEY saknas" in check.stderr
    wsgi = run_settings("import dialog_portal.wsgi", DEBUG="0", ALLOWED_HOSTS="dialog.vansbro.se")
    assert wsgi.returncode != 0
    assert "ImproperlyConfigured" in wsgi.stderr and "SECRET_KEY saknas" in wsgi.stderr
    assert not (tmp_path / "var" / "secret_key").exists()


def test_screening_does_not_go_live_without_a_documented_dpia(run_settings):
    """GDPR-8: with production settings but no SCREENING_DPIA_REFERENCE, `check --deploy`
    fails with portal.E002 and a Swedish message naming the DPIA; with it, nothing is
    reported."""
    without = {**PRODUCTION, "SCREENING_DPIA_REFERENCE": ""}
    result = run_settings(manage=["check", "--deploy"], **without)
    assert result.returncode != 0
    assert "portal.E002" in result.stderr
    assert "konsekvensbedömning (DPIA)" in result.stderr
    assert "SCREENING_DPIA_REFERENCE" in result.stderr
    result = run_settings(manage=["check", "--deploy"], **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "portal.E002" not in result.stderr + result.stdout


def test_check_deploy_with_production_settings_is_clean(run_settings):
    """With production settings (DEBUG=0, a long random SECRET_KEY, ALLOWED_HOSTS) Django's
    deployment checklist reports no issue at all, warnings included."""
    result = run_settings(manage=["check", "--deploy"], **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stderr


def test_production_wsgi_application_loads(run_settings):
    """With production settings the WSGI application (gunicorn dialog_portal.wsgi) loads."""
    result = run_settings(
        "import dialog_portal.wsgi as w; print(type(w.application).__name__)", **PRODUCTION
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "WSGIHandler"


ALL_VARIABLES = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 60,
    "ALLOWED_HOSTS": "dialog.vansbro.se,www.dialog.vansbro.se",
    "CSRF_TRUSTED_ORIGINS": "https://dialog.vansbro.se",
    "SITE_URL": "https://dialog.vansbro.se",
    "CONN_MAX_AGE": "30",
    "RATELIMIT_ENABLE": "1",
    "RATELIMIT_FORM_RATE": "20/h",
    "AXES_FAILURE_LIMIT": "7",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_HSTS_SECONDS": "600",
    "MEDIA_ROOT": "/srv/md/media",
    "STATIC_ROOT": "/srv/md/static",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "smtp.vansbro.se",
    "EMAIL_PORT": "587",
    "EMAIL_HOST_USER": "portal",
    "EMAIL_HOST_PASSWORD": "hemligt",
    "EMAIL_USE_TLS": "1",
    "DEFAULT_FROM_EMAIL": "Vansbro kommun <noreply@vansbro.se>",
    "MUNICIPALITY_NAME": "Testby kommun",
    "MUNICIPALITY_PHONE": "0100-10 00",
    "MUNICIPALITY_EMAIL": "kommun@testby.se",
    "MUNICIPALITY_POSTAL_ADDRESS": "Testby kommun, Box 1, 100 00 Testby",
    "MUNICIPALITY_WEBSITE": "https://www.testby.se",
    "MODERATION_REPORT_THRESHOLD": "4",
    "LOG_LEVEL": "WARNING",
}

READ_BACK = (
    SETUP
    + """import json
print(json.dumps({
    "DEBUG": s.DEBUG, "SECRET_KEY": s.SECRET_KEY, "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "CSRF_TRUSTED_ORIGINS": s.CSRF_TRUSTED_ORIGINS, "SITE_URL": s.SITE_URL,
    "CONN_MAX_AGE": s.DATABASES["default"]["CONN_MAX_AGE"],
    "RATELIMIT_ENABLE": s.RATELIMIT_ENABLE, "RATELIMIT_FORM_RATE": s.RATELIMIT_FORM_RATE,
    "AXES_FAILURE_LIMIT": s.AXES_FAILURE_LIMIT, "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS, "MEDIA_ROOT": str(s.MEDIA_ROOT),
    "STATIC_ROOT": str(s.STATIC_ROOT), "EMAIL_BACKEND": s.EMAIL_BACKEND,
    "EMAIL_HOST": s.EMAIL_HOST, "EMAIL_PORT": s.EMAIL_PORT, "EMAIL_HOST_USER": s.EMAIL_HOST_USER,
    "EMAIL_HOST_PASSWORD": s.EMAIL_HOST_PASSWORD, "EMAIL_USE_TLS": s.EMAIL_USE_TLS,
    "DEFAULT_FROM_EMAIL": s.DEFAULT_FROM_EMAIL,
    "MUNICIPALITY": s.MUNICIPALITY,
    "MODERATION_REPORT_THRESHOLD": s.MODERATION_REPORT_THRESHOLD,
    "LOG_LEVEL": s.LOGGING["root"]["level"],
}))
"""
)


def test_every_variable_reaches_its_setting(run_settings):
    """Every variable of .env.example lands in its setting, with the right type."""
    got = _json(run_settings(READ_BACK, **ALL_VARIABLES))
    assert got["DEBUG"] is False
    assert got["SECRET_KEY"] == "k" * 60
    assert got["ALLOWED_HOSTS"] == ["dialog.vansbro.se", "www.dialog.vansbro.se"]
    assert got["CSRF_TRUSTED_ORIGINS"] == ["https://dialog.vansbro.se"]
    assert got["SITE_URL"] == "https://dialog.vansbro.se"
    assert got["CONN_MAX_AGE"] == 30
    assert got["RATELIMIT_ENABLE"] is True and got["RATELIMIT_FORM_RATE"] == "20/h"
    assert got["AXES_FAILURE_LIMIT"] == 7
    assert got["SECURE_SSL_REDIRECT"] is False and got["SECURE_HSTS_SECONDS"] == 600
    assert got["MEDIA_ROOT"] == "/srv/md/media" and got["STATIC_ROOT"] == "/srv/md/static"
    assert got["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (got["EMAIL_HOST"], got["EMAIL_PORT"], got["EMAIL_USE_TLS"]) == (
        "smtp.vansbro.se",
        587,
        True,
    )
    assert (got["EMAIL_HOST_USER"], got["EMAIL_HOST_PASSWORD"]) == ("portal", "hemligt")
    assert got["DEFAULT_FROM_EMAIL"] == "Vansbro kommun <noreply@vansbro.se>"
    assert got["MUNICIPALITY"] == {
        "name": "Testby kommun",
        "phone": "0100-10 00",
        "email": "kommun@testby.se",
        "postal_address": "Testby kommun, Box 1, 100 00 Testby",
        "website": "https://www.testby.se",
    }
    assert got["MODERATION_REPORT_THRESHOLD"] == 4
    assert got["LOG_LEVEL"] == "WARNING"


def test_defaults_without_any_variable(run_settings, tmp_path):
    """The defaults: DEBUG off, production security on, console mail, Vansbro kommun, var/."""
    got = _json(run_settings(READ_BACK))
    assert got["DEBUG"] is False
    assert got["ALLOWED_HOSTS"] == [] and got["CSRF_TRUSTED_ORIGINS"] == []
    assert got["CONN_MAX_AGE"] == 0
    assert got["RATELIMIT_ENABLE"] is True and got["RATELIMIT_FORM_RATE"] == "10/m"
    assert got["AXES_FAILURE_LIMIT"] == 5
    assert got["SECURE_SSL_REDIRECT"] is True and got["SECURE_HSTS_SECONDS"] == 31536000
    assert got["MEDIA_ROOT"] == str(tmp_path / "var" / "media")
    assert got["STATIC_ROOT"] == str(tmp_path / "var" / "static")
    assert got["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert got["MUNICIPALITY"]["name"] == "Vansbro kommun"
    assert got["MUNICIPALITY"]["phone"] == "0281-750 00"
    assert got["MODERATION_REPORT_THRESHOLD"] == 3
    assert got["LOG_LEVEL"] == "INFO"


def test_debug_defaults_allow_local_hosts(run_settings):
    """With DEBUG=1 the demo answers on 127.0.0.1 and localhost over plain HTTP."""
    got = _json(run_settings(READ_BACK, DEBUG="1"))
    assert got["DEBUG"] is True
    assert "127.0.0.1" in got["ALLOWED_HOSTS"] and "localhost" in got["ALLOWED_HOSTS"]
    assert got["SECURE_SSL_REDIRECT"] is False and got["SECURE_HSTS_SECONDS"] == 0


def test_env_example_documents_every_variable_settings_reads():
    """Every variable settings.py reads is documented in .env.example, and vice versa."""
    source = (ROOT / "dialog_portal" / "settings.py").read_text()
    read = set(re.findall(r"env\.\w+\(\s*\"([A-Z_]+)\"", source))
    read |= set(re.findall(r"os\.environ\.get\(\"([A-Z_]+)\"", source))
    read -= {"PYTEST_VERSION"}
    documented = set(
        re.findall(r"^([A-Z_]+)=", Path(ROOT / ".env.example").read_text(), re.MULTILINE)
    )
    assert read - documented == set(), "read but not documented"
    assert documented - read == set(), "documented but never read"


HEALTHZ = """
import django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


def test_healthz_503_when_database_is_down(run_settings):
    """/healthz answers 503 with database "down" when PostgreSQL does not answer, so a load
    balancer takes the machine out of rotation (and it is exempt from the HTTPS redirect)."""
    result = run_settings(
        HEALTHZ, **PRODUCTION, DATABASE_URL="postgres://postgres@127.0.0.1:1/x", timeout=60
    )
    assert result.returncode == 0, result.stderr
    status, _, body = result.stdout.strip().splitlines()[-1].partition(" ")
    assert status == "503"
    assert json.loads(body) == {"status": "down", "checks": {"database": "down"}}


def test_healthz_503_when_redis_is_down(run_settings):
    """/healthz answers 503 with redis "down" when REDIS_URL is set but Redis does not answer."""
    result = run_settings(HEALTHZ, **PRODUCTION, REDIS_URL="redis://127.0.0.1:1/0", timeout=60)
    assert result.returncode == 0, result.stderr
    status, _, body = result.stdout.strip().splitlines()[-1].partition(" ")
    assert status == "503"
    assert json.loads(body) == {"status": "down", "checks": {"database": "ok", "redis": "down"}}


@pytest.mark.django_db
def test_healthz_200_when_database_answers(client, settings):
    """/healthz answers 200 when the database answers (Redis not configured here)."""
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_200_with_redis(client):
    """/healthz answers 200 and redis "ok" when the configured Redis answers."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "redis": "ok"}}
