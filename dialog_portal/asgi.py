"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dialog_portal.settings")

application = get_asgi_application()

from django.conf import settings  # noqa: E402
from django.core.exceptions import ImproperlyConfigured  # noqa: E402

if not settings.SECRET_KEY_CONFIGURED:
    raise ImproperlyConfigured("SECRET_KEY saknas: portalen startar inte utan den när DEBUG är av.")
