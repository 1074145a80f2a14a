"""Deploy checks. Without a real SECRET_KEY (DEBUG off) `check --deploy` fails, and wsgi.py
and asgi.py refuse to start the portal."""

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
