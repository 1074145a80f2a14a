"""Who may do what in the registry (object rules; model permissions are in dialog_portal/roles.py)."""

import rules

from dialog_portal.permissions import is_registrar

# The full entry: document text, attachments, sender of private persons (via the gatekeeper
# registry.selectors.entry_get_for_user).
rules.add_perm("registry.view_entry_document", is_registrar)
rules.add_perm("registry.register_entry", is_registrar)
rules.add_perm("registry.annotate_entry", is_registrar)
rules.add_perm("registry.mark_secret", is_registrar)
rules.add_perm("registry.confirm_entry", is_registrar)
rules.add_perm("registry.handle_request", is_registrar)
rules.add_perm("registry.carry_out_disposal", is_registrar)
rules.add_perm("registry.view_reports", is_registrar)
# OSL-11: give uppgifter from a document without releasing it, and read the log of them.
rules.add_perm("registry.give_information", is_registrar)
rules.add_perm("registry.view_information_log", is_registrar)
