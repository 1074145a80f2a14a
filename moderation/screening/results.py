"""Result types of the screening engine: plain frozen dataclasses, no Django."""

from __future__ import annotations

from dataclasses import dataclass

PII_TYPES: tuple[str, ...] = ("personnummer", "phone", "email", "address", "bank_account")

FLAGS: tuple[str, ...] = (
    "sensitive_personal",
    "confidential_matter",
    "insult",
    "threat",
    "hate_speech",
    "child_abuse",
    "incitement",
    "violent_depiction",
    "copyright",
    "advertising",
)

ACTIONS: tuple[str, ...] = ("publish", "review", "block")

MODEL_RULE_PREFIX = "model."  # rule id of the statistical stage's findings: "model.<flag>"


@dataclass(frozen=True, slots=True)
class PiiFinding:
    """A span of personal data in the ORIGINAL text; ``value == text[start:end]``."""

    type: str
    start: int
    end: int
    value: str
    rule: str

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class FlagFinding:
    """Why a flag was raised: the rule id (with lexicon entry) and the triggering span."""

    flag: str
    rule: str
    start: int
    end: int
    matched: str
    note: str

    def to_dict(self) -> dict:
        return {
            "flag": self.flag,
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "matched": self.matched,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    """Everything the engine found in one text, and the action POLICY derives from it."""

    pii: tuple[PiiFinding, ...]
    flags: tuple[FlagFinding, ...]
    action: str
    reasons: tuple[str, ...]
    rules_version: str

    @property
    def flag_names(self) -> tuple[str, ...]:
        return tuple(sorted({f.flag for f in self.flags}))

    def to_contract(self, id: object) -> dict:  # noqa: A002 - the contract names it "id"
        """The batch/API contract: ``{"id", "pii": [{type,start,end,value}], "flags", "action"}``."""
        return {
            "id": id,
            "pii": [
                {"type": p.type, "start": p.start, "end": p.end, "value": p.value} for p in self.pii
            ],
            "flags": list(self.flag_names),
            "action": self.action,
        }

    def to_dict(self) -> dict:
        """Everything, JSON-able: for the moderation record (TF-1: the result is a handling)."""
        return {
            "pii": [p.to_dict() for p in self.pii],
            "flags": [f.to_dict() for f in self.flags],
            "flag_names": list(self.flag_names),
            "action": self.action,
            "reasons": list(self.reasons),
            "rules_version": self.rules_version,
        }
