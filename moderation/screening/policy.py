"""What happens to a contribution when the engine finds something, and why.

One row per PII type and per flag. The decision for a text is the most severe action among
the rows its findings trigger; nothing found gives ``publish``. Automated screening never
publishes on its own (BBS-3): ``publish`` means "no objection from screening", and the
moderator still decides.
"""

from __future__ import annotations

from typing import NamedTuple

from .results import ACTIONS, FLAGS, MODEL_RULE_PREFIX, PII_TYPES

SEVERITY: dict[str, int] = {action: rank for rank, action in enumerate(ACTIONS)}

_POLICE = (
    "Brottsligt material tas bort och polisanmäls enligt kommunens regler (RULE-6); "
    "polisanmälan är ett eget beslut som moderatorn registrerar (BBS-6)."
)
_POLICE_EN = (
    "Criminal material is removed and reported to the police under the kommun's rules (RULE-6); "
    "the police report is a separate decision the moderator records (BBS-6)."
)


class PolicyRow(NamedTuple):
    kind: str  # "pii" or "flag"
    name: str
    action: str  # one of ACTIONS
    reason_sv: str
    reason_en: str
    legal_basis: str


POLICY: tuple[PolicyRow, ...] = (
    PolicyRow(
        "pii",
        "personnummer",
        "review",
        "Personuppgifter får inte publiceras (GDPR-4); personnummer eller samordningsnummer "
        "maskas eller tas bort innan publicering.",
        "Personal data is never published (GDPR-4); an identity or coordination number is "
        "redacted or removed before publication.",
        "GDPR-4, GDPR-9, FMT-1..FMT-3",
    ),
    PolicyRow(
        "pii",
        "phone",
        "review",
        "Telefonnummer publiceras aldrig (GDPR-4); moderatorn tar bort det eller avböjer.",
        "Phone numbers are never published (GDPR-4); the moderator removes it or declines.",
        "GDPR-4, FMT-6",
    ),
    PolicyRow(
        "pii",
        "email",
        "review",
        "E-postadresser publiceras aldrig (GDPR-4).",
        "E-mail addresses are never published (GDPR-4).",
        "GDPR-4",
    ),
    PolicyRow(
        "pii",
        "address",
        "review",
        "Adresser publiceras aldrig (GDPR-4).",
        "Street addresses are never published (GDPR-4).",
        "GDPR-4",
    ),
    PolicyRow(
        "pii",
        "bank_account",
        "review",
        "Kontonummer, bankgiro, plusgiro och IBAN publiceras inte (GDPR-4).",
        "Bank account, bankgiro, plusgiro and IBAN numbers are not published (GDPR-4).",
        "GDPR-4, FMT-7",
    ),
    PolicyRow(
        "flag",
        "sensitive_personal",
        "review",
        "Känsliga personuppgifter (hälsa, sexualliv, etnicitet, religion, politik, facklig "
        "tillhörighet) eller brottsanklagelser om en identifierbar person publiceras inte "
        "(GDPR-2, GDPR-4; OSL 21:1).",
        "Sensitive data (GDPR art. 9) or alleged crimes about an identifiable person are not "
        "published (GDPR-2, GDPR-4; OSL 21:1).",
        "GDPR-2, GDPR-4, OSL-12",
    ),
    PolicyRow(
        "flag",
        "confidential_matter",
        "review",
        "Ärenden inom socialtjänst, LSS, barnavård, elevhälsa eller vård om en viss person eller "
        "familj hör inte hemma i ett öppet forum (RULE-1); kan omfattas av sekretess (OSL 26:1).",
        "Social-services, LSS, child-welfare, school-health or care matters about a specific "
        "person or family do not belong on an open forum (RULE-1); may be secret (OSL 26:1).",
        "RULE-1, OSL-4, OSL-12",
    ),
    PolicyRow(
        "flag",
        "insult",
        "block",
        "Kränkande innehåll publiceras inte (RULE-3); inlägget döljs men sparas som allmän "
        "handling (BBS-5). Ingen polisanmälan i sig.",
        "Offensive content is not published (RULE-3); the post is hidden but kept as an "
        "official document (BBS-5). No police report by itself.",
        "RULE-3, BBS-5",
    ),
    PolicyRow(
        "flag",
        "threat",
        "block",
        "Olaga hot (BrB 4:5) tas bort (BBS-4). " + _POLICE,
        "Unlawful threat (BrB 4:5) is removed (BBS-4). " + _POLICE_EN,
        "BBS-4, BBS-6, RULE-6",
    ),
    PolicyRow(
        "flag",
        "hate_speech",
        "block",
        "Hets mot folkgrupp (BrB 16:8) tas bort (BBS-4). " + _POLICE,
        "Agitation against a population group (BrB 16:8) is removed (BBS-4). " + _POLICE_EN,
        "BBS-4, BBS-6, RULE-6",
    ),
    PolicyRow(
        "flag",
        "child_abuse",
        "block",
        "Misstänkt barnpornografi (BrB 16:10 a) spärras, även för moderatorer, och hålls i "
        "karantän (BBS-7). " + _POLICE,
        "Suspected child sexual abuse material (BrB 16:10 a) is blocked, from moderators too, "
        "and quarantined (BBS-7). " + _POLICE_EN,
        "BBS-4, BBS-7, RULE-6",
    ),
    PolicyRow(
        "flag",
        "incitement",
        "block",
        "Uppvigling (BrB 16:5) tas bort (BBS-4). " + _POLICE,
        "Incitement (BrB 16:5) is removed (BBS-4). " + _POLICE_EN,
        "BBS-4, BBS-6, RULE-6",
    ),
    PolicyRow(
        "flag",
        "violent_depiction",
        "block",
        "Olaga våldsskildring (BrB 16:10 c) tas bort (BBS-4). " + _POLICE,
        "Unlawful depiction of violence (BrB 16:10 c) is removed (BBS-4). " + _POLICE_EN,
        "BBS-4, BBS-6, RULE-6",
    ),
    PolicyRow(
        "flag",
        "copyright",
        "block",
        "Uppenbart upphovsrättsintrång tas bort (BBS-4). " + _POLICE,
        "Obvious copyright infringement is removed (BBS-4). " + _POLICE_EN,
        "BBS-4, BBS-6, RULE-6",
    ),
    PolicyRow(
        "flag",
        "advertising",
        "review",
        'Reklam är inte tillåten; moderatorn avvisar med skälet "reklam" (RULE-2). '
        "Normalt av ringa betydelse (OSL-2).",
        'Advertising is not allowed; the moderator rejects it with the reason "reklam" '
        "(RULE-2). Usually of minor importance (OSL-2).",
        "RULE-2, OSL-2",
    ),
)

# A flag that only the statistical stage (model.py) raised: a moderator looks, nothing more.
# It is not a flag row: it caps whatever the flag's own row says, because a statistical guess
# must never block or quarantine on its own (BBS-3, BBS-5: the moderator decides).
MODEL_ROW = PolicyRow(
    "model",
    "statistical",
    "review",
    "Statistisk bedömning: texten liknar kommentarer som moderatorer tidigare har flaggat. "
    "Den hålls för granskning men blockeras aldrig enbart på grund av bedömningen; "
    "moderatorn avgör.",
    "Statistical assessment: the text resembles comments moderators have flagged before. It "
    "is held for review but never blocked on the assessment alone; the moderator decides.",
    "BBS-3, BBS-5",
)

_BY_KEY: dict[tuple[str, str], PolicyRow] = {(row.kind, row.name): row for row in POLICY}

if (
    [r.name for r in POLICY if r.kind == "pii"] != list(PII_TYPES)
    or [r.name for r in POLICY if r.kind == "flag"] != list(FLAGS)
    or any(r.action not in SEVERITY for r in POLICY)
):  # pragma: no cover - a broken table must fail at import, not at decision time
    raise RuntimeError("POLICY must have exactly one valid row per PII type and per flag")


# The flags whose rule findings the statistical stage may drop: the warnings (policy "review"),
# never a crime flag. The engine applies it, the training script tunes vetoes only for these.
MODEL_MAY_DROP: frozenset[str] = frozenset(
    r.name for r in POLICY if r.kind == "flag" and r.action == "review"
)


def finding_action(flag: str, rule: str) -> str:
    """What one flag finding asks for: its flag's row, or MODEL_ROW when the statistical stage
    raised it (a prompt to look, never a block). An unknown flag (data from an older rules
    version) is held for review."""
    if rule.startswith(MODEL_RULE_PREFIX):
        return MODEL_ROW.action
    row = _BY_KEY.get(("flag", flag))
    return row.action if row else "review"


def policy_row(kind: str, name: str) -> PolicyRow:
    return _BY_KEY[(kind, name)]


def decide(
    pii_types: set[str] | frozenset[str],
    flags: set[str] | frozenset[str],
    model_flags: set[str] | frozenset[str] = frozenset(),
):
    """Return ``(action, reasons)``: the most severe action among the triggered rows.

    ``model_flags`` are flags that only the statistical stage raised: each triggers MODEL_ROW
    (``review``), never its flag's own row. Reasons are the Swedish reason texts of every
    triggered row, most severe first, in POLICY order within one severity.
    """
    rows = [r for r in POLICY if (r.kind == "pii" and r.name in pii_types)]
    rows += [r for r in POLICY if (r.kind == "flag" and r.name in flags)]
    reasons = [(r.action, f"{r.name}: {r.reason_sv}") for r in rows]
    reasons += [
        (MODEL_ROW.action, f"{f}: {MODEL_ROW.reason_sv}") for f in FLAGS if f in model_flags
    ]
    if not reasons:
        return "publish", ()
    action = max((a for a, _ in reasons), key=SEVERITY.__getitem__)
    reasons.sort(key=lambda r: -SEVERITY[r[0]])
    return action, tuple(text for _, text in reasons)
