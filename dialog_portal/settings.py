"""Settings for Medborgardialog: one module, everything from the environment.

Every variable read here is documented in `.env.example`. Defaults are safe and make the
demo run with no server: SQLite under `var/`, Celery tasks run eagerly, mail to the console.
"""

from __future__ import annotations

import os
import secrets
import warnings
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# pytest (8.2+) sets PYTEST_VERSION: the test run gets a throwaway key and plain HTTP for its
# live server; everything else runs with production settings.
TESTING = "PYTEST_VERSION" in os.environ


def _secret_key() -> tuple[str, bool]:
    """Return (key, configured). A key from the environment wins.

    For the demo (DEBUG on) and the test run a key is generated once into `var/`.
    Otherwise an unusable random key is returned and `configured` is False: the system check
    `portal.E001` and `wsgi.py` then refuse to start the portal.
    """
    key = env.str("SECRET_KEY", default="")
    if key:
        return key, True
    if DEBUG or TESTING:
        path = VAR_DIR / "secret_key"
        if not path.exists():
            VAR_DIR.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
            path.chmod(0o600)
        return path.read_text(encoding="utf-8").strip(), True
    return secrets.token_urlsafe(50), False


SECRET_KEY, SECRET_KEY_CONFIGURED = _secret_key()

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- Applications -------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "axes",
    "dialog_portal",
    "meetings",
    "youth_democracy",
    "business_visits",
    "moderation",
    "registry",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "dialog_portal.middleware.SwedishFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "dialog_portal.middleware.SecurityHeadersMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dialog_portal.urls"
WSGI_APPLICATION = "dialog_portal.wsgi.application"
ASGI_APPLICATION = "dialog_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dialog_portal.context_processors.municipality",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------
# PostgreSQL in production, SQLite under var/ for the demo. An empty DATABASE_URL means the
# default; anything else that is not a PostgreSQL or SQLite URL stops the start with a clear
# Swedish message instead of a confusing error at the first query.
SUPPORTED_DATABASE_ENGINES = ("django.db.backends.postgresql", "django.db.backends.sqlite3")
DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
try:
    with warnings.catch_warnings():  # django-environ warns before we say it in Swedish
        warnings.simplefilter("ignore")
        _database = environ.Env.db_url_config(DATABASE_URL)
except (ImproperlyConfigured, KeyError, ValueError) as exc:  # a typo in the URL
    _database = {"ENGINE": f"({exc})"}
if _database.get("ENGINE") not in SUPPORTED_DATABASE_ENGINES:
    raise ImproperlyConfigured(
        "DATABASE_URL kan inte tolkas: ange en adress till PostgreSQL eller SQLite, t.ex. "
        "postgres://postgres@127.0.0.1:5432/medborgardialog eller sqlite:///var/db.sqlite3"
    )
DATABASES = {"default": _database}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Server-side binding lets psycopg prepare the statements a connection runs again and
    # again (prepare_threshold: after 5 runs), so PostgreSQL stops re-planning them: planning
    # was most of its CPU on the public pages' small queries (1.4 ms of 1.7 for the meeting
    # page's main query). Pays off with persistent connections (CONN_MAX_AGE). Switch it off
    # behind a pooler in transaction mode that cannot keep prepared statements.
    if env.bool("DATABASE_PREPARED_STATEMENTS", default=True):
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options.setdefault("server_side_binding", True)
        options.setdefault("prepare_threshold", 5)  # Django's default is None: never prepare
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: Celery broker and shared cache ------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "dialog_portal.cache_backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="md"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Per process: template fragments that are the same for every anonymous visitor in a language
# (base.html's menus and footer), so every page skips their ~15 {% url %} and ~20
# {% translate %} tags. Never anything about a user or any content from the database.
CACHES["local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": 3600,
}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_RETRY_DELAY = 10
CELERY_TASK_TIME_LIMIT = 300
CELERY_TIMEZONE = "Europe/Stockholm"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict = {}  # apps add their periodic tasks in their AppConfig.ready()

# --- Authentication -----------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "dialog_portal.security.axes_username"
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_RESET_ON_SUCCESS = True
# Behind N reverse proxies that append to X-Forwarded-For, set TRUSTED_PROXY_COUNT=N so the
# lockout and the rate limits count visitors, not the proxy (dialog_portal.security.client_ip).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "dialog_portal.security.client_ip"

# --- Rate limits for anonymous forms ------------------------------------------------------
RATELIMIT_ENABLE = env.bool("RATELIMIT_ENABLE", default=True)
RATELIMIT_VIEW = "dialog_portal.views.ratelimited"
RATELIMIT_IP_META_KEY = "dialog_portal.security.client_ip"
RATELIMIT_FORM_RATE = env.str("RATELIMIT_FORM_RATE", default="10/m")
# django-axes alone counts failed logins and shows its Swedish lockout page; allauth's own
# failed-login limit would otherwise answer first, with another message and another count.
ACCOUNT_RATE_LIMITS: dict | bool = {"login_failed": None}
if not RATELIMIT_ENABLE:
    ACCOUNT_RATE_LIMITS = False  # allauth's own limits go off with ours (load tests)

# --- Internationalisation: Swedish first ----------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "md_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
if WHITENOISE_USE_FINDERS:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_MANIFEST_STRICT = False
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail -------------------------------------------------------------------------------
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Vansbro kommun <noreply@vansbro.se>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- The municipality ---------------------------------------------------------------------
MUNICIPALITY = {
    "name": env.str("MUNICIPALITY_NAME", default="Vansbro kommun"),
    "phone": env.str("MUNICIPALITY_PHONE", default="0281-750 00"),
    "email": env.str("MUNICIPALITY_EMAIL", default="kommun@vansbro.se"),
    "postal_address": env.str(
        "MUNICIPALITY_POSTAL_ADDRESS", default="Vansbro kommun, Box 800, 780 50 Vansbro"
    ),
    "website": env.str("MUNICIPALITY_WEBSITE", default="https://www.vansbro.se"),
}
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# --- Security -----------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not (DEBUG or TESTING))
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Logging: no personal data or comment text in logs -------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "dialog_portal.logging.RedactPersonalDataFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.security": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# --- Moderation and registry knobs (used by later capabilities) ------------------------------
MODERATION_REPORT_THRESHOLD = env.int("MODERATION_REPORT_THRESHOLD", default=3)
# BBS-3: False = every contribution waits for a moderator; True = clean text is published at once
MODERATION_AUTO_PUBLISH_CLEAN = env.bool("MODERATION_AUTO_PUBLISH_CLEAN", default=False)
# GDPR-8: automated screening does not go live before a DPIA is documented. The reference (the
# DPIA's diary number, e.g. "KS 2026/0031") is required by `check --deploy` (portal.E002).
SCREENING_DPIA_REFERENCE = env.str("SCREENING_DPIA_REFERENCE", default="")
MODERATION_PHOTO_MAX_BYTES = env.int("MODERATION_PHOTO_MAX_BYTES", default=5 * 1024 * 1024)
MODERATION_PHOTO_MAX_PIXELS = env.int("MODERATION_PHOTO_MAX_PIXELS", default=40_000_000)
# Registry: hold automatic registrations for a registrar's confirmation (numbers are reserved).
REGISTRY_CONFIRM_AUTOMATIC = env.bool("REGISTRY_CONFIRM_AUTOMATIC", default=False)
REGISTRY_SERIES = env.str("REGISTRY_SERIES", default="KS")  # diary-number series, "KS 2026/0042"
REGISTRY_DOWNLOAD_DAYS = env.int("REGISTRY_DOWNLOAD_DAYS", default=14)  # signed download links
# a delivery releasing more documents with personal data than this needs an OSL 21:7
# assessment first (OSL-13)
REGISTRY_BULK_RELEASE_THRESHOLD = env.int("REGISTRY_BULK_RELEASE_THRESHOLD", default=10)
