"""Views of the shared core: home, staff-edited pages, health, rate-limit and error pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connections
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .models import Page, SocialChannel
from .participation import participations, staff_links
from .permissions import is_staff_member


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "dialog_portal/home.html", {"participations": participations()})


def page(request: HttpRequest, slug: str) -> HttpResponse:
    page_obj = Page.objects.filter(slug=slug).first()
    if page_obj is None:
        raise Http404
    context = {"page": page_obj, "updated_at": page_obj.updated_at}
    if slug == Page.Slug.SOCIAL_MEDIA:
        # RULE-9: the official channels, the portal itself first; the page is as recent as
        # its text or its newest channel change.
        channels = list(SocialChannel.objects.filter(is_active=True))
        context["channels"] = channels
        context["is_channel_list"] = True
        context["updated_at"] = max([page_obj.updated_at, *(c.updated_at for c in channels)])
    return render(request, "dialog_portal/page.html", context)


def coming_soon(request: HttpRequest, title: str) -> HttpResponse:
    """A plain page for a way of taking part that is not open on the portal yet."""
    return render(request, "dialog_portal/coming_soon.html", {"title": title})


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    if not (request.user.is_superuser or is_staff_member(request.user)):
        raise PermissionDenied
    return render(
        request, "dialog_portal/staff_home.html", {"staff_links": staff_links(request.user)}
    )


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database (and Redis, when configured) answer; 503 otherwise.

    For load balancers and monitoring: no personal data, no details of errors.
    """
    checks: dict[str, str] = {}
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means "down" to a load balancer
        checks["database"] = "down"
    if settings.REDIS_URL:
        checks["redis"] = "ok" if _redis_ok(settings.REDIS_URL) else "down"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "down", "checks": checks}, status=200 if healthy else 503
    )


def _redis_ok(url: str) -> bool:
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        return bool(client.ping())
    except redis.RedisError:
        return False


def ratelimited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "429.html",
        {
            "message": _(
                "You have sent too many requests in a short time. Wait a minute and try again."
            )
        },
        status=429,
    )
