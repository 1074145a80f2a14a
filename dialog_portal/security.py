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
