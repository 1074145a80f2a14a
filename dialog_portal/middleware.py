"""Headers Django's SecurityMiddleware does not set."""


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class SwedishFirstMiddleware:
    """Swedish unless the visitor chose English with the language switch (the cookie).

    The browser's Accept-Language is ignored: many Swedes run an English operating system, and
    the municipality's service is Swedish first. Placed just before LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
