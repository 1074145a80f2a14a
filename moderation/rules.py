"""Permissions of the moderation app, from the shared role predicates."""

import rules

from dialog_portal.permissions import is_moderator, is_registrar, is_staff_member

is_superuser = rules.is_superuser

rules.add_perm("moderation.moderate", is_moderator | is_superuser)
rules.add_perm("moderation.view_evidence", is_moderator | is_registrar | is_superuser)
rules.add_perm("moderation.report_to_police", is_moderator | is_superuser)
rules.add_perm("moderation.block_author", is_moderator | is_superuser)
rules.add_perm("moderation.view_audit_log", is_moderator | is_registrar | is_superuser)
rules.add_perm("moderation.view_statistics", is_moderator | is_registrar | is_superuser)
rules.add_perm("moderation.view_policy", is_staff_member | is_superuser)
rules.add_perm("moderation.view_original_text", is_moderator | is_registrar | is_superuser)
