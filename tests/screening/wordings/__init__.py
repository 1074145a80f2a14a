"""Phrasings per flag, written from the flag rules in tests/data/README.md (never copied from
the labelled set), that the engine must flag (POSITIVE) and the tempting innocent uses of the
same words that it must not (NEGATIVE). One module per flag; `test_screening_wordings.py` runs
them all. Add a family of expression here whenever the lexicon or the rules are broadened."""

from __future__ import annotations

import importlib

from moderation.screening import FLAGS

FLAG_MODULES = FLAGS  # one module per flag, named as the flag


def cases(kind: str) -> list[tuple[str, str]]:
    """(flag, text) for every entry of POSITIVE or NEGATIVE of every flag module."""
    out = []
    for flag in FLAG_MODULES:
        module = importlib.import_module(f"{__name__}.{flag}")
        out.extend((flag, text) for text in getattr(module, kind))
    return out


def requirements(flag: str) -> str:
    return importlib.import_module(f"{__name__}.{flag}").REQUIREMENTS
