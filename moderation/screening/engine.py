"""The screening engine: normalise, find PII, evaluate flag rules, decide from POLICY."""

from __future__ import annotations

from pathlib import Path

from . import flags as _flags
from .lexicon import DATA_DIR, compile_data
from .normalize import views
from .pii import PiiDetector
from .policy import decide
from .results import FLAGS, ScreeningResult
from .version import compute_rules_version


class Engine:
    """Build once (loads data, builds the automaton), then call :meth:`screen` many times."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self.data_dir = data_dir
        self.compiled = compile_data(data_dir, FLAGS)
        self.pii = PiiDetector()
        self.rules_version = compute_rules_version(data_dir)
        self._decided: dict[tuple[frozenset[str], frozenset[str]], tuple[str, tuple[str, ...]]] = {}
        self._clean = decide(frozenset(), frozenset())  # nothing found: the common case

    def screen(self, text: str) -> ScreeningResult:
        if not isinstance(text, str):
            raise TypeError(f"screen() needs str, got {type(text).__name__}")
        pii = self.pii.find(text)
        flags = _flags.evaluate(text, self.compiled, views(text), pii)
        if pii or flags:
            key = (frozenset([p.type for p in pii]), frozenset([f.flag for f in flags]))
            decided = self._decided.get(key)
            if decided is None:  # a pure function of two small sets: at most 2**15 keys
                decided = self._decided[key] = decide(*key)
        else:
            decided = self._clean
        action, reasons = decided
        return ScreeningResult(
            pii=tuple(pii),
            flags=tuple(flags),
            action=action,
            reasons=reasons,
            rules_version=self.rules_version,
        )
