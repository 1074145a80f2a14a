"""Shared cache of the anonymous public pages, keyed by a "meetings content version".

Whole GET responses of the public pages (coming list, past list, meeting page, village page,
iCalendar feeds) are kept in the default cache (Redis when `REDIS_URL` is set) for anonymous
visitors only: never when the request carries a session cookie (logged in, or an anonymous
session) or a pending message. Every page has a form with a CSRF token (at least the
language switch), so the page is rendered with a placeholder instead of the token and the
visitor's own token is put in on every answer, hit or miss (`get_token`, which also sets the
CSRF cookie as usual).

The key holds a content version. Every save or delete of a meetings model and of a
`moderation.Contribution` about a meeting bumps it (signals, connected in
`MeetingsConfig.ready`), at once and again when the transaction commits (so a request that
read the old rows during the transaction cannot keep them under the new version). Changes
that bypass `save()` (moderation's bulk hide on an author block, `QuerySet.update`) and the
passing of time (a meeting that ends leaves the coming list, questions close) show after at
most `MEETINGS_PAGE_CACHE_SECONDS` (default 60): that is the time-to-live of every entry.
"""

from __future__ import annotations

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

VERSION_KEY = "meetings:content-version"
CSRF_PLACEHOLDER = "__meetings_csrf_placeholder__"
# Query parameters the public pages read; any other makes the page uncached, so random
# query strings cannot fill the cache.
CACHEABLE_PARAMS = frozenset({"by", "sida", "q"})


def page_cache_seconds() -> int:
    return int(getattr(settings, "MEETINGS_PAGE_CACHE_SECONDS", 60))


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # Start from the clock, not 1: if the key was evicted, an old page stored under a
        # small number must never match again.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return version


def bump_content_version() -> None:
    """Make every cached page stale: now, and once more when the transaction commits."""
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set (or evicted): any new value is unseen
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def _cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or page_cache_seconds() <= 0:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    if not set(request.GET).issubset(CACHEABLE_PARAMS):
        return False
    return not request.user.is_authenticated


def _key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"meetings:page:{content_version()}:{get_language()}:{path}"


def is_page_cache_render(request: HttpRequest) -> bool:
    """True while a view renders a page that goes to the cache (use the placeholder)."""
    return getattr(request, "_meetings_page_cache", False)


def _with_token(request: HttpRequest, body: bytes) -> bytes:
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder not in body:
        return body
    return body.replace(placeholder, get_token(request).encode())


def cached_public_page(view):
    """Serve an anonymous GET from the shared cache; store the answer on a miss."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        hit = cache.get(key)
        if hit is not None:
            body, headers = hit
            response = HttpResponse(_with_token(request, body))
            for name, value in headers:
                response[name] = value
            response["X-Meetings-Cache"] = "hit"
            return response
        request._meetings_page_cache = True
        response = view(request, *args, **kwargs)
        request._meetings_page_cache = False
        if response.status_code != 200 or response.streaming or response.cookies:
            return response
        body = response.content
        headers = [
            (name, response[name])
            for name in ("Content-Type", "Content-Disposition")
            if response.has_header(name)
        ]
        cache.set(key, (body, headers), page_cache_seconds())
        response.content = _with_token(request, body)
        response["X-Meetings-Cache"] = "miss"
        return response

    return wrapper


def page_context(request: HttpRequest, context: dict) -> dict:
    """The template context, with the CSRF placeholder when the page goes to the cache."""
    if is_page_cache_render(request):
        context = {**context, "csrf_token": CSRF_PLACEHOLDER}
    return context


# --- invalidation ------------------------------------------------------------------------

_CONTENT_MODELS = (
    "Village",
    "Venue",
    "Meeting",
    "AgendaItem",
    "Attendee",
    "Answer",
    "DealtWith",
    "MeetingNotes",
    "FollowUpAction",
    "VillageItem",
    "Registration",
)


def _on_meetings_change(sender, **kwargs) -> None:
    bump_content_version()


def _on_contribution_change(sender, instance, **kwargs) -> None:
    from django.contrib.contenttypes.models import ContentType

    from .models import Meeting

    if instance.content_type_id == ContentType.objects.get_for_model(Meeting).pk:
        bump_content_version()


def connect_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    for name in _CONTENT_MODELS:
        model = apps.get_model("meetings", name)
        post_save.connect(_on_meetings_change, sender=model, dispatch_uid=f"meetings-cache-{name}")
        post_delete.connect(
            _on_meetings_change, sender=model, dispatch_uid=f"meetings-cache-del-{name}"
        )
    if apps.is_installed("moderation"):
        contribution = apps.get_model("moderation", "Contribution")
        post_save.connect(
            _on_contribution_change, sender=contribution, dispatch_uid="meetings-cache-contrib"
        )
        post_delete.connect(
            _on_contribution_change,
            sender=contribution,
            dispatch_uid="meetings-cache-contrib-del",
        )
