from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from django.conf import settings
        from PIL import Image

        # Refuse decompression bombs everywhere Pillow opens an upload.
        Image.MAX_IMAGE_PIXELS = getattr(settings, "MODERATION_PHOTO_MAX_PIXELS", 40_000_000)

        # Photos kept across the warning step live an hour; registrations that failed (the
        # registry was down) are retried. Both tasks are idempotent.
        settings.CELERY_BEAT_SCHEDULE.setdefault(
            "moderation-purge-pending-photos",
            {"task": "moderation.tasks.pending_photos_purge_task", "schedule": 15 * 60},
        )
        settings.CELERY_BEAT_SCHEDULE.setdefault(
            "moderation-register-pending",
            {"task": "moderation.tasks.contributions_register_pending_task", "schedule": 30 * 60},
        )

    def staff_links(self, user) -> list:
        from django.urls import reverse

        from dialog_portal.participation import StaffLink

        links = []
        if user.has_perm("moderation.moderate"):
            links.append(
                StaffLink(
                    _("Moderation queue"),
                    reverse("moderation-queue"),
                    _("Review contributions, reports and photo takedown requests."),
                )
            )
        if user.has_perm("moderation.view_statistics"):
            links.append(
                StaffLink(
                    _("Moderation statistics"),
                    reverse("moderation-statistics"),
                    _("Contributions per week and time to decision."),
                )
            )
        if user.has_perm("moderation.view_audit_log"):
            links.append(
                StaffLink(
                    _("Moderation audit log"),
                    reverse("moderation-audit-log"),
                    _("Every moderation action: who, what, when and why."),
                )
            )
        if user.has_perm("moderation.view_policy"):
            links.append(
                StaffLink(
                    _("Screening rules and minor importance"),
                    reverse("moderation-policy"),
                    _("What screening looks for, and the rule for minor importance."),
                )
            )
        return links
