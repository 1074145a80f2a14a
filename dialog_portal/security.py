"""Security helpers shared by settings."""


def axes_username(request, credentials=None) -> str:
    """The login name django-axes counts failures against.

    allauth posts the address as `login` and authenticates with `email=`; normalise both so
    that failures through the form and through `authenticate()` count alike.
    """
    credentials = credentials or {}
    value = (
        credentials.get("email")
        or credentials.get("username")
        or credentials.get("login")
        or request.POST.get("login", "")
        or request.POST.get("username", "")
    )
    return str(value).strip().lower()


def client_ip(request) -> str:
    """The visitor's address, for rate limits and the login lockout.

    Without a proxy (TRUSTED_PROXY_COUNT=0) only REMOTE_ADDR counts: a header is never trusted.
    Behind N trusted proxies, each of which appends the address it saw to X-Forwarded-For, the
    visitor is the N-th address from the right; anything further left was written by the
    client and may be forged. A header shorter than N falls back to REMOTE_ADDR.
    """
    from django.conf import settings

    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        return remote
    return forwarded[-count]
