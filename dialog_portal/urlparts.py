"""URLs of one kind for many rows, with one `reverse()`.

A list of 20–200 rows that reversed a URL per row paid the resolver each time. `url_parts`
reverses once with a marker in place of the row's argument and returns the text around it,
so each row's URL is `prefix + value + suffix`.
"""

from __future__ import annotations

from django.urls import reverse

# digits match both the int and the slug converters, and no row has this id or slug
_MARKER = "987654321987654321"


def url_parts(name: str, kwarg: str = "pk") -> tuple[str, str]:
    """(prefix, suffix) of the URL named `name` around its argument `kwarg`."""
    prefix, _sep, suffix = reverse(name, kwargs={kwarg: _MARKER}).partition(_MARKER)
    return prefix, suffix
