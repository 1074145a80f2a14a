"""The staff roles and exactly the model permissions each needs.

Groups are created by a data migration (`0002_staff_groups`). Model permissions only exist
after each app's models are migrated, so a `post_migrate` handler (`sync_role_permissions`)
gives each group the permissions named here, idempotently, after every migrate. An app that
adds models adds its codenames below: this table is the one place where roles meet models.
See docs/permissions.md for the role × action table.
"""

from __future__ import annotations

OFFICIAL = "official"
MODERATOR = "moderator"
REGISTRAR = "registrar"
ROLES = (OFFICIAL, MODERATOR, REGISTRAR)

# role -> "app_label.codename" permissions. Later capabilities extend these tuples.
ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    OFFICIAL: (
        "dialog_portal.view_page",
        "dialog_portal.change_page",
        "dialog_portal.view_socialchannel",
        "dialog_portal.add_socialchannel",
        "dialog_portal.change_socialchannel",
        "meetings.view_village",
        "meetings.add_village",
        "meetings.change_village",
    ),
    MODERATOR: ("dialog_portal.view_page",),
    REGISTRAR: ("dialog_portal.view_page",),
}


def sync_role_permissions(**kwargs) -> None:
    """Give each staff group exactly the permissions in ROLE_PERMISSIONS (post_migrate)."""
    from django.contrib.auth.models import Group, Permission

    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for name in names:
            app_label, codename = name.split(".", 1)
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:  # the model may not be migrated yet in this run
                wanted.append(perm)
        group.permissions.set(wanted)
