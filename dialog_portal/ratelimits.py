"""The one rate limit for forms that anonymous visitors can post.

Per client address (`dialog_portal.security.client_ip`, proxy-aware), at
`RATELIMIT_FORM_RATE` (read per request, so a changed setting applies at once), counted in the
shared cache (Redis when configured). A blocked post gets the Swedish 429 page
(`RATELIMIT_VIEW`); `RATELIMIT_ENABLE=0` switches the limits off for load tests.
"""

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def form_rate(group: str, request) -> str:
    return settings.RATELIMIT_FORM_RATE


def form_ratelimit(view=None, *, group: str | None = None):
    """Decorate a view (or wrap one in urls.py) with the anonymous-form rate limit."""
    decorator = ratelimit(group=group, key="ip", rate=form_rate, method="POST", block=True)
    return decorator(view) if view is not None else decorator
