"""RULES_VERSION: which rules decided. Changes whenever data, policy or engine code change."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .lexicon import DATA_DIR, DATA_FILES
from .model import MODEL_FILE
from .policy import MODEL_ROW, POLICY

# Bump when the matching code changes behaviour without a data change.
ENGINE_VERSION = "4"  # 4: the statistical stage


def compute_rules_version(data_dir: Path = DATA_DIR) -> str:
    """``"<ENGINE_VERSION>-<first 12 hex of SHA-256>"``: data files, model, POLICY, ENGINE_VERSION."""
    h = hashlib.sha256()
    h.update(f"engine={ENGINE_VERSION}\n".encode())
    for name in DATA_FILES:
        data = (data_dir / name).read_bytes()
        h.update(f"{name}:{len(data)}\n".encode())
        h.update(data)
    model = data_dir / MODEL_FILE
    if model.exists():  # the statistical stage is optional: without it the rules work alone
        h.update(f"{MODEL_FILE}:\n".encode() + model.read_bytes())
    for row in (*POLICY, MODEL_ROW):
        h.update(repr(tuple(row)).encode())
    return f"{ENGINE_VERSION}-{h.hexdigest()[:12]}"
