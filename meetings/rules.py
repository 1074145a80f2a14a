"""Who may do what with meetings beyond the model permissions (admin actions)."""

import rules

from dialog_portal.permissions import is_official

rules.add_perm("meetings.publish_meeting", is_official | rules.is_superuser)
rules.add_perm("meetings.cancel_meeting", is_official | rules.is_superuser)
rules.add_perm("meetings.close_meeting", is_official | rules.is_superuser)
