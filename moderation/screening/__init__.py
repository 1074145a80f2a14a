"""Swedish text screening for contributions: personal data, flags and a policy decision.

Pure Python; imports nothing from Django (``django_edge`` is the only module that does).

    >>> from moderation.screening import screen
    >>> screen("Ring mig på 070-123 45 67").action
    'review'
"""

from __future__ import annotations

import functools

from .engine import Engine
from .policy import MODEL_MAY_DROP, MODEL_ROW, POLICY, PolicyRow, finding_action
from .results import (
    ACTIONS,
    FLAGS,
    MODEL_RULE_PREFIX,
    PII_TYPES,
    FlagFinding,
    PiiFinding,
    ScreeningResult,
)
from .version import compute_rules_version

RULES_VERSION: str = compute_rules_version()

__all__ = [
    "ACTIONS",
    "FLAGS",
    "MODEL_MAY_DROP",
    "MODEL_ROW",
    "MODEL_RULE_PREFIX",
    "PII_TYPES",
    "POLICY",
    "RULES_VERSION",
    "Engine",
    "FlagFinding",
    "PiiFinding",
    "PolicyRow",
    "ScreeningResult",
    "finding_action",
    "get_engine",
    "screen",
]


@functools.cache
def get_engine() -> Engine:
    """The module-level engine, built on first use and then shared."""
    return Engine()


def screen(text: str) -> ScreeningResult:
    """Screen one text with the shared engine."""
    return get_engine().screen(text)
