"""Shared cache of the anonymous public pages, keyed by a "meetings content version".

Whole GET responses of the public pages (coming list, past list, meeting page, village page,
iCalendar feeds) are kept in the default cache (Redis when `REDIS_URL` is set) for anonymous
visitors only: never when the request carries a session cookie (logged in, or an anonymous
session) or a pending message. Every page has a form with a CSRF token (at least the
language switch), so the page is rendered with a placeholder instead of the token and the
visitor's own token is put in on every answer, hit or miss (`get_token`, which also sets the
CSRF cookie as usual).

The key holds versions, each bumped by the saves and deletes that change what a page shows
(signals, connected in `MeetingsConfig.ready`), at once and again when the transaction
commits (so a request that read the old rows during the transaction cannot keep them under
the new version):

- the **content version**, for the coming list of all villages: every save or delete of a
  meetings model and of a `moderation.Contribution` about a meeting; the **schedule
  version**, for the past list and the feed of all meetings, which show no contributions:
  the same without contributions;
- for a **village's pages** (its page, its feed, the coming list filtered to it): the site
  version and that village's own version (its meetings and everything of them, its items);
- for a **meeting's page and its .ics**: the *site version* (villages and venues, which every
  meeting page shows) and that meeting's own version (the meeting, its agenda, attendees,
  notes, answers, follow-ups, registrations, and contributions about it). A question
  published on one meeting leaves the other 19,999 meeting pages cached.

Changes that bypass `save()` (moderation's bulk hide on an author block, `QuerySet.update`)
and the passing of time (a meeting that ends leaves the coming list, questions close) show
after at most `MEETINGS_PAGE_CACHE_SECONDS` (default 60): that is the time-to-live of every
entry.
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
SITE_KEY = "meetings:site-version"
SCHEDULE_KEY = "meetings:schedule-version"  # everything but contributions: past list, feed
MEETING_KEY = "meetings:meeting-version:{}"
VILLAGE_KEY = "meetings:village-version:{}"  # by slug: the pages know the slug, not the id
CSRF_PLACEHOLDER = "__meetings_csrf_placeholder__"
# Query parameters the public pages read; any other makes the page uncached, so random
# query strings cannot fill the cache.
CACHEABLE_PARAMS = frozenset({"by", "sida", "q"})


def page_cache_seconds() -> int:
    return int(getattr(settings, "MEETINGS_PAGE_CACHE_SECONDS", 60))


def _versions(keys: list[str]) -> list[int]:
    """The current value of each version key, in one cache round trip. A missing key (never
    set, or evicted) starts from the clock, not 1: a page stored under a small number must
    never match again."""
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, time.time_ns(), timeout=None)
            found[key] = cache.get(key, 0)
    return [found[key] for key in keys]


def content_version() -> int:
    return _versions([VERSION_KEY])[0]


def bump_content_version() -> None:
    """Make every cached page stale: now, and once more when the transaction commits."""
    _bump_all([VERSION_KEY, SITE_KEY, SCHEDULE_KEY])


def _bump_all(keys: list[str]) -> None:
    for key in keys:
        _bump(key)
    transaction.on_commit(lambda: [_bump(key) for key in keys])


def _bump(key: str = VERSION_KEY) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not set (or evicted): any new value is unseen
        cache.set(key, time.time_ns(), timeout=None)


def _cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or page_cache_seconds() <= 0:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    if not set(request.GET).issubset(CACHEABLE_PARAMS):
        return False
    return not request.user.is_authenticated


def _key(request: HttpRequest, scope: str = "content", kwargs=None) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    kwargs = kwargs or {}
    slug = (kwargs.get("slug") or request.GET.get("by") or "") if scope == "village" else ""
    if scope == "meeting":
        site, own = _versions([SITE_KEY, MEETING_KEY.format(int(kwargs["pk"]))])
        version = f"m{site}.{own}"
    elif slug:
        site, own = _versions([SITE_KEY, VILLAGE_KEY.format(slug)])
        version = f"v{site}.{own}"
    elif scope == "schedule":
        version = f"s{_versions([SCHEDULE_KEY])[0]}"
    else:
        version = content_version()
    return f"meetings:page:{version}:{get_language()}:{path}"


def is_page_cache_render(request: HttpRequest) -> bool:
    """True while a view renders a page that goes to the cache (use the placeholder)."""
    return getattr(request, "_meetings_page_cache", False)


def _with_token(request: HttpRequest, body: bytes) -> bytes:
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder not in body:
        return body
    return body.replace(placeholder, get_token(request).encode())


def cached_public_page(view=None, *, scope: str = "content"):
    """Serve an anonymous GET from the shared cache; store the answer on a miss. The entry
    lives until the content version changes (`scope="content"`), or, with `scope="meeting"`
    (views taking the meeting's `pk`) until that meeting changes, or with `scope="village"`
    (views taking the village's `slug`, or the list filtered `?by=<slug>`) until something
    of that village changes; both also end when a village or venue changes. `scope="schedule"`
    (pages that show no questions or needs: the past list, the feed of all meetings) ends
    with any change but contributions."""
    if view is None:
        return lambda view: cached_public_page(view, scope=scope)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request, scope, kwargs)
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


def _village_key(**lookup) -> list[str]:
    """The version key of the village found by `lookup` (`pk=…`, or `meetings__pk=…` for a
    meeting's village), or none when there is no such village."""
    from .models import Village

    slug = Village.objects.filter(**lookup).values_list("slug", flat=True).first()
    return [VILLAGE_KEY.format(slug)] if slug else []


def _on_meeting_pre_save(sender, instance, **kwargs) -> None:
    """Remember a meeting's village before a save that may move it to another one."""
    if instance.pk:
        instance._cache_old_village_id = (
            sender.objects.filter(pk=instance.pk).values_list("village_id", flat=True).first()
        )


def _on_meetings_change(sender, instance, **kwargs) -> None:
    keys = [VERSION_KEY, SCHEDULE_KEY]
    name = sender.__name__
    if name in ("Village", "Venue"):
        keys.append(SITE_KEY)
    elif name == "Meeting":
        keys.append(MEETING_KEY.format(instance.pk))
        for village_id in {instance.village_id, getattr(instance, "_cache_old_village_id", None)}:
            if village_id is not None:
                keys += _village_key(pk=village_id)
    elif name == "VillageItem":
        keys += _village_key(pk=instance.village_id)
    elif getattr(instance, "meeting_id", None) is not None:
        keys.append(MEETING_KEY.format(instance.meeting_id))
        keys += _village_key(meetings__pk=instance.meeting_id)
    _bump_all(keys)


def _on_contribution_change(sender, instance, **kwargs) -> None:
    from django.contrib.contenttypes.models import ContentType

    from .models import Meeting

    if instance.content_type_id == ContentType.objects.get_for_model(Meeting).pk:
        keys = [VERSION_KEY]
        try:
            meeting_id = int(instance.object_id)
        except (TypeError, ValueError):  # not a meeting's id: every page, to be safe
            keys.append(SITE_KEY)
        else:
            keys.append(MEETING_KEY.format(meeting_id))
            keys += _village_key(meetings__pk=meeting_id)
        _bump_all(keys)


def connect_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save, pre_save

    for name in _CONTENT_MODELS:
        model = apps.get_model("meetings", name)
        post_save.connect(_on_meetings_change, sender=model, dispatch_uid=f"meetings-cache-{name}")
        post_delete.connect(
            _on_meetings_change, sender=model, dispatch_uid=f"meetings-cache-del-{name}"
        )
    pre_save.connect(
        _on_meeting_pre_save,
        sender=apps.get_model("meetings", "Meeting"),
        dispatch_uid="meetings-cache-meeting-pre",
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
