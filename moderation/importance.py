"""The rule that classes a contribution as of minor importance (ringa betydelse, OSL-2).

The registrar must be able to read this rule, so it is written out in `RULE_TEXT` and shown
on the staff page /personal/moderering/regler/. The rule is conservative: when in doubt a
contribution is *not* of minor importance and goes to the diarium. A moderator can override
the result with a recorded reason (`services.contribution_set_importance`).

1. Questions, village needs and proposals are never of minor importance.
2. A text screening flagged as advertising is of minor importance (RULE-2).
3. A short text (at most 12 words) with no question mark that consists of thanks, agreement
   or likes ("tack", "bra", "håller med", "gillar", emoji …) is of minor importance.
4. Everything else — questions, complaints, opinions on municipal matters, photos — is not.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

NEVER_MINOR_KINDS = ("question", "need", "proposal")
SHORT_WORDS = 12
PLEASANTRIES = re.compile(
    r"^(?:\W|tack(?:ar|a|så|\s+så)?|mycket|så|bra|jättebra|toppen|super|kul|härligt|snyggt|"
    r"håller|med|gillar|gilla|instämmer|precis|ja|japp|nice|thanks|thank|you|great|like|"
    r"verkligen|helt|hej|🙂|😀|👍|❤️|♥|\s)+$",
    re.IGNORECASE,
)

RULE_TEXT = (
    _("Questions, village needs and proposals are never of minor importance."),
    _("A text that screening flagged as advertising is of minor importance (RULE-2)."),
    _(
        "A short text (at most 12 words, no question mark) made only of thanks, agreement or "
        "likes is of minor importance."
    ),
    _(
        "Everything else (questions, complaints, opinions on municipal matters, photos) is not "
        "of minor importance and is handed to the diary. When in doubt: not minor."
    ),
    _("A moderator may override the result; the reason is recorded in the audit log."),
)


def classify(*, kind: str, text: str, flag_names: list[str]) -> tuple[bool, str]:
    """Return (minor_importance, reason) for a contribution by the rule above."""
    if kind in NEVER_MINOR_KINDS:
        return False, "regel 1: frågor, behov och förslag registreras alltid"
    if "advertising" in flag_names:
        return True, "regel 2: reklam"
    stripped = text.strip()
    if (
        stripped
        and "?" not in stripped
        and len(stripped.split()) <= SHORT_WORDS
        and PLEASANTRIES.match(stripped)
    ):
        return True, "regel 3: tack, instämmande eller gillande"
    return False, "regel 4: synpunkt, fråga eller klagomål i en kommunal angelägenhet"
