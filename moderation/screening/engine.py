"""The screening engine: normalise, find PII, evaluate flag rules and the statistical stage,
decide from POLICY."""

from __future__ import annotations

from pathlib import Path

from . import flags as _flags
from . import model as _model
from .lexicon import DATA_DIR, compile_data
from .normalize import views
from .pii import PiiDetector
from .policy import MODEL_MAY_DROP, decide
from .results import FLAGS, ScreeningResult
from .version import compute_rules_version


class Engine:
    """Build once (loads data, builds the automaton), then call :meth:`screen` many times."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self.data_dir = data_dir
        self.compiled = compile_data(data_dir, FLAGS)
        self.pii = PiiDetector()
        self.model = _model.load(data_dir)
        self.rules_version = compute_rules_version(data_dir)
        self._decided: dict[tuple[frozenset[str], ...], tuple[str, tuple[str, ...]]] = {}
        self._clean = decide(frozenset(), frozenset())  # nothing found: the common case

    def screen(self, text: str) -> ScreeningResult:
        if not isinstance(text, str):
            raise TypeError(f"screen() needs str, got {type(text).__name__}")
        pii = self.pii.find(text)
        text_views = views(text)
        categories: set[str] = set()
        flags = _flags.evaluate(text, self.compiled, text_views, pii, categories)
        guessed: frozenset[str] = frozenset()
        if self.model is not None:
            view = _model.model_view(text_views)
            fired, vetoed = self.model.judge(view.text, categories)
            vetoed &= MODEL_MAY_DROP  # never a crime flag, whatever the file says
            if vetoed and flags:
                flags = [f for f in flags if f.flag not in vetoed]
            if fired:
                ruled = {f.flag for f in flags}
                extra = [
                    self.model.evidence(text, view, flag, score)
                    for flag, score in fired
                    if flag not in ruled
                ]
                if extra:
                    guessed = frozenset([f.flag for f in extra])
                    flags = sorted([*flags, *extra], key=lambda f: (f.start, f.end, f.flag))
        if pii or flags:
            key = (
                frozenset([p.type for p in pii]),
                frozenset([f.flag for f in flags]) - guessed,
                guessed,
            )
            decided = self._decided.get(key)
            if decided is None:  # a pure function of three small sets: at most 2**25 keys
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
