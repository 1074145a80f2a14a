"""Staff pages for moderators under /personal/moderering/."""

from django.urls import path

from . import staff_views as views

urlpatterns = [
    path("", views.queue, name="moderation-queue"),
    path("anmalningar/", views.reports, name="moderation-reports"),
    path("godkann-rena/", views.approve_clean, name="moderation-approve-clean"),
    path("<int:pk>/", views.detail, name="moderation-detail"),
    path("<int:pk>/godkann/", views.approve, name="moderation-approve"),
    path("<int:pk>/dolj/", views.hide, name="moderation-hide"),
    path("<int:pk>/maska/", views.redact, name="moderation-redact"),
    path("<int:pk>/ta-bort/", views.remove, name="moderation-remove"),
    path("<int:pk>/brottsligt/", views.criminal, name="moderation-criminal"),
    path("<int:pk>/ringa-betydelse/", views.set_importance, name="moderation-importance"),
    path("forfattare/<int:user_id>/blockera/", views.block_author, name="moderation-block"),
    path("forfattare/<int:user_id>/avblockera/", views.unblock_author, name="moderation-unblock"),
    path("bildborttagning/<int:pk>/", views.takedown_resolve, name="moderation-takedown-resolve"),
    path("bevis/<int:pk>/", views.evidence, name="moderation-evidence"),
    path("bevis/<int:pk>/polisbeslut/", views.police_decision, name="moderation-police-decision"),
    path("bevis/<int:pk>/polisanmalan.pdf", views.police_pdf, name="moderation-police-pdf"),
    path("logg/", views.audit, name="moderation-audit-log"),
    path("statistik/", views.statistics, name="moderation-statistics"),
    path("regler/", views.policy, name="moderation-policy"),
]
