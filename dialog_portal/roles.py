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
        "meetings.view_venue",
        "meetings.add_venue",
        "meetings.change_venue",
        "meetings.view_meeting",
        "meetings.add_meeting",
        "meetings.change_meeting",
        "meetings.publish_meeting",
        "meetings.cancel_meeting",
        "meetings.close_meeting",
        "meetings.view_agendaitem",
        "meetings.add_agendaitem",
        "meetings.change_agendaitem",
        "meetings.delete_agendaitem",
        "meetings.view_attendee",
        "meetings.add_attendee",
        "meetings.change_attendee",
        "meetings.delete_attendee",
        "meetings.view_answer",
        "meetings.add_answer",
        "meetings.change_answer",
        "meetings.view_meetingnotes",
        "meetings.add_meetingnotes",
        "meetings.change_meetingnotes",
        "meetings.view_followupaction",
        "meetings.add_followupaction",
        "meetings.change_followupaction",
        "meetings.view_villageitem",
        "meetings.add_villageitem",
        "meetings.change_villageitem",
        "meetings.delete_villageitem",
        "meetings.view_registration",
    ),
    MODERATOR: (
        "dialog_portal.view_page",
        "moderation.view_contribution",
        "moderation.view_original",
        "moderation.view_feedbacktopic",
        "moderation.add_feedbacktopic",
        "moderation.change_feedbacktopic",
        "moderation.view_report",
        "moderation.view_phototakedownrequest",
        "moderation.view_authorblock",
        "moderation.view_auditlogentry",
        "moderation.view_evidencerecord",
        "moderation.view_policereportdecision",
    ),
    REGISTRAR: (
        "dialog_portal.view_page",
        "moderation.view_contribution",
        "moderation.view_original",
        "moderation.view_report",
        "moderation.view_phototakedownrequest",
        "moderation.view_auditlogentry",
        "moderation.view_evidencerecord",
        "moderation.view_policereportdecision",
        "registry.view_entry",
        "registry.add_entry",
        "registry.view_case",
        "registry.view_document",
        "registry.view_attachment",
        "registry.view_annotation",
        "registry.add_annotation",
        "registry.view_registryevent",
        "registry.view_secrecyprovision",
        "registry.add_secrecyprovision",
        "registry.change_secrecyprovision",
        "registry.view_retentionplanrow",
        "registry.view_disposaldecision",
        "registry.view_disposal",
        "registry.view_documentrequest",
        "registry.add_documentrequest",
        "registry.change_documentrequest",
        "registry.view_requestitem",
        "registry.change_requestitem",
        "registry.view_delivery",
        "registry.view_feeschedule",  # the copy-fee taxa adopted by fullmäktige (TF-10)
        "registry.add_feeschedule",
        "registry.change_feeschedule",
    ),
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
