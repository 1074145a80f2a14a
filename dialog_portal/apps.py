from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "dialog_portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
        from .roles import sync_role_permissions

        post_migrate.connect(sync_role_permissions, dispatch_uid="dialog_portal.sync_roles")
