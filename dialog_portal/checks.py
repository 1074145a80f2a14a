"""Deploy checks. Without a real SECRET_KEY (DEBUG off) `check --deploy` fails, and wsgi.py
and asgi.py refuse to start the portal. Without the reference of a documented DPIA for the
automated screening (GDPR-8), `check --deploy` fails too: the release steps run it."""

from django.conf import settings
from django.core.checks import Error, register


@register(deploy=True)
def secret_key_configured(app_configs, **kwargs):
    if settings.SECRET_KEY_CONFIGURED:
        return []
    return [
        Error(
            "SECRET_KEY saknas i miljön och DEBUG är av.",
            hint="Sätt SECRET_KEY (se .env.example) eller kör demon med DEBUG=1.",
            id="portal.E001",
        )
    ]


@register(deploy=True)
def screening_dpia_documented(app_configs, **kwargs):
    if settings.SCREENING_DPIA_REFERENCE.strip():
        return []
    return [
        Error(
            "Automatisk granskning av inlägg får inte tas i drift innan en "
            "konsekvensbedömning (DPIA) är dokumenterad (GDPR-8).",
            hint="Gör konsekvensbedömningen (underlag: docs/dpia-screening.md) och sätt "
            "SCREENING_DPIA_REFERENCE till dess diarienummer.",
            id="portal.E002",
        )
    ]
