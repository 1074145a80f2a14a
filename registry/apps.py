from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Diarium")

    def ready(self) -> None:
        from celery.schedules import crontab
        from django.conf import settings

        # ARK-2: list due and overdue disposals every morning; the task never deletes.
        settings.CELERY_BEAT_SCHEDULE.setdefault(
            "registry-disposals-due",
            {"task": "registry.tasks.disposals_check", "schedule": crontab(hour=6, minute=15)},
        )

    def staff_links(self, user):
        from django.urls import reverse

        from dialog_portal.participation import StaffLink

        if not (user.is_superuser or user.has_perm("registry.handle_request")):
            return []
        return [
            StaffLink(
                title=_("Diarium"),
                url=reverse("registry-staff"),
                description=_("Register documents, confirm automatic registrations, correct."),
            ),
            StaffLink(
                title=_("Requests for public documents"),
                url=reverse("registry-staff-requests"),
                description=_("Review, decide and deliver requests (sekretessprövning)."),
            ),
            StaffLink(
                title=_("Disposal (gallring)"),
                url=reverse("registry-staff-disposals"),
                description=_("Disposals that are due or overdue under a gallringsbeslut."),
            ),
        ]
