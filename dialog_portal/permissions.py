"""Predicates for the staff roles, defined once and used by every app's `rules.py`."""

import rules

is_moderator = rules.is_group_member("moderator")
is_registrar = rules.is_group_member("registrar")
is_official = rules.is_group_member("official")
is_staff_member = is_moderator | is_registrar | is_official
