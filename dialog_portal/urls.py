"""Public URLs are Swedish and stable; English is served at the same paths (language cookie)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from . import views
from .models import Page

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("kommundelstraffar/", include("meetings.urls")),
    path("demokratidag/", include("youth_democracy.urls")),
    path("foretagsbesok/", include("business_visits.urls")),
    path("synpunkter/", include("moderation.feedback_urls")),
    path("diarium/", include("registry.urls")),
    path("begar-handling/", include("registry.request_urls")),
    path("bidrag/", include("moderation.urls")),
    path("regler/", views.page, {"slug": Page.Slug.RULES}, name="page-regler"),
    path(
        "sociala-medier/", views.page, {"slug": Page.Slug.SOCIAL_MEDIA}, name="page-sociala-medier"
    ),
    path(
        "tillganglighet/", views.page, {"slug": Page.Slug.ACCESSIBILITY}, name="page-tillganglighet"
    ),
    path("integritet/", views.page, {"slug": Page.Slug.PRIVACY}, name="page-integritet"),
    path("konto/", include("dialog_portal.account_urls")),
    path("personal/", views.staff_home, name="staff-home"),
    path("personal/moderering/", include("moderation.staff_urls")),
    path("personal/diarium/", include("registry.staff_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += [
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

handler404 = "dialog_portal.errors.not_found"
handler500 = "dialog_portal.errors.server_error"
