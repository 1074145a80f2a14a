"""The only place the screening package touches Django: display helpers for the admin.

The moderation app renders POLICY read-only from these rows; nothing is registered here.
"""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import POLICY, RULES_VERSION

ACTION_LABELS = {
    "publish": _("Publish (after moderator review)"),
    "review": _("Hold for review"),
    "block": _("Block"),
}
KIND_LABELS = {"pii": _("Personal data"), "flag": _("Flag")}


def policy_rows_for_display(language: str | None = None) -> list[dict]:
    """POLICY as dicts for a read-only table, with the reason in ``language`` (sv/en).

    Defaults to the active language; anything not English gets the Swedish reason.
    """
    lang = (language or get_language() or "sv")[:2]
    return [
        {
            "kind": row.kind,
            "kind_label": KIND_LABELS[row.kind],
            "name": row.name,
            "action": row.action,
            "action_label": ACTION_LABELS[row.action],
            "reason": row.reason_en if lang == "en" else row.reason_sv,
            "legal_basis": row.legal_basis,
        }
        for row in POLICY
    ]


def rules_version() -> str:
    return RULES_VERSION
