"""The statistical stage: a linear model over word features, trained on labelled comments.

The rules in ``rules.toml`` and ``lexicon.tsv`` catch the wordings they were written for; this
stage catches other people's wordings of the same thing (a threat without "döda", gore without
"video på"). It is a logistic regression per flag over four kinds of word feature of the
normalised text, each a string:

    w:<word>          the word            p:<first 4 letters>   for words longer than 4
    s:<last 4 letters> for words longer than 6 (the head of a compound: "…porr", "…slakt")
    b:<word> <word>   two words in a row
    c:<category>      a lexicon category with a hit anywhere in the text (once per category);
                      only the flags for which they helped on unseen writers have such weights

The weights are a data file, ``data/model.tsv``, written by ``tests/data/train_screening_model.py``
from the dev part of the evaluation set and the training batches (never the held-out part).
Reading it needs nothing but the standard library; training needs scikit-learn (the ``train``
extra). A flag that only this stage raises is never more than ``review``: a moderator looks,
nothing is blocked or quarantined on a statistical guess (see ``policy.MODEL_ROW``).

The other way round, for the flags whose policy is ``review`` only (sensitive data,
confidential matters, advertising), a rule finding is dropped when the model's score is far
below anything it has seen flagged (the ``veto`` line): the rules' words for these are broad
("diagnos", "LSS", "säljes") and most comments that use them are fine. A crime flag is never
dropped this way.

Cost per comment: one regex split, one dictionary lookup per word (a word's w/p/s weights are
summed once and cached) and one per word pair, and a column sum over the words that weigh.
"""

from __future__ import annotations

import re
from operator import add
from pathlib import Path

from .flags import _WORD_BYTES
from .results import FLAGS, MODEL_RULE_PREFIX, FlagFinding

MODEL_FILE = "model.tsv"
_WORD = re.compile(r"\w+")
_CACHE_LIMIT = 200_000  # distinct words kept with their summed weights; cleared when full
_MISS = object()  # not yet in the word cache


def _raw_words(text: str) -> list:
    """The words the features are made of: ``\\w+`` runs that are not only digits. A text
    that fits in Latin-1 (most) is split as bytes, as the rules' pass does (``flags``): the
    words are then bytes, which hash and compare faster than building str pieces."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return [w for w in _WORD.findall(text) if not w.isdigit()]
    return [w for w in raw.translate(_WORD_BYTES).split() if not w.isdigit()]


def words(text: str) -> list[str]:
    """The words of ``_raw_words`` as str: what training sees."""
    return [w.decode("latin-1") if type(w) is bytes else w for w in _raw_words(text)]


def features(text: str, categories=()) -> list[str]:
    """Every feature of a normalised text and the lexicon categories it hit, as training sees
    them (inference sums the same)."""
    out = ["c:" + category for category in sorted(set(categories))]
    ws = words(text)
    for word in ws:
        out.append("w:" + word)
        if len(word) > 4:
            out.append("p:" + word[:4])
            if len(word) > 6:
                out.append("s:" + word[-4:])
    out += [f"b:{first} {second}" for first, second in zip(ws, ws[1:], strict=False)]
    return out


def model_view(views: list):
    """The view the model reads: the most repaired one (obfuscation undone, if any)."""
    return views[-1]


class Model:
    """Weights per feature and flag, a bias and a decision threshold per flag (in logits)."""

    __slots__ = (
        "flags",
        "bias",
        "threshold",
        "veto",
        "unit",
        "pair",
        "pair_b",
        "category",
        "_cache",
        "_cache_b",
        "source",
    )

    def __init__(self, path: Path):
        self.flags: tuple[str, ...] = ()
        self.bias: list[float] = []
        self.threshold: list[float] = []
        self.veto: list[float] = []
        self.unit: dict[str, dict[int, float]] = {}
        self.pair: dict[tuple[str, str], tuple[float, ...]] = {}
        self.pair_b: dict[tuple[bytes, bytes], tuple[float, ...]] = {}  # the same, as bytes
        self.category: dict[str, tuple[float, ...]] = {}
        # a word's summed weights, by str word and by bytes word (never one dict: equal
        # contents hash alike)
        self._cache: dict[str, tuple[float, ...] | None] = {}
        self._cache_b: dict[bytes, tuple[float, ...] | None] = {}
        self.source = ""
        self._load(path)

    def _load(self, path: Path) -> None:
        pairs: dict[str, dict[int, float]] = {}
        cats: dict[str, dict[int, float]] = {}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line or line.startswith("#"):
                if line.startswith("# source "):
                    self.source = line[len("# source ") :]
                continue
            key, _, rest = line.partition("\t")
            cells = rest.split("\t")
            if key == "flags":
                unknown = set(cells) - set(FLAGS)
                if unknown:
                    raise ValueError(f"{path.name}:{n}: unknown flags {sorted(unknown)}")
                self.flags = tuple(cells)
            elif key in ("bias", "threshold", "veto"):
                values = [float(c) for c in cells]
                if len(values) != len(self.flags):
                    raise ValueError(f"{path.name}:{n}: {len(values)} values for {key}")
                setattr(self, key, values)
            else:
                weights = {}
                for cell in cells:
                    flag, _, value = cell.partition("=")
                    weights[self.flags.index(flag)] = float(value)
                if key.startswith("b:"):
                    pairs[key[2:]] = weights  # looked up as "<word> <word>"
                elif key.startswith("c:"):
                    cats[key[2:]] = weights  # looked up by category name
                else:
                    self.unit[key] = weights
        if not self.flags or not (len(self.bias) == len(self.threshold) == len(self.flags)):
            raise ValueError(f"{path.name}: needs a flags, a bias and a threshold line")
        if not self.veto:
            self.veto = [-99.0] * len(self.flags)
        self.pair = {tuple(key.split(" ")): self._dense([w]) for key, w in pairs.items()}
        for (first, second), vec in self.pair.items():
            try:
                self.pair_b[(first.encode("latin-1"), second.encode("latin-1"))] = vec
            except UnicodeEncodeError:
                pass  # a word that no Latin-1 text can contain
        self.category = {key: self._dense([w]) for key, w in cats.items()}

    def _dense(self, parts: list[dict[int, float]]) -> tuple[float, ...]:
        vec = [0.0] * len(self.flags)
        for part in parts:
            for i, w in part.items():
                vec[i] += w
        return tuple(vec)

    def _word(self, word) -> tuple[float, ...] | None:
        """The summed weights of a word's own features (word, prefix, compound head), cached
        under the word as given (str or bytes)."""
        cache = self._cache
        if type(word) is bytes:
            cache = self._cache_b
            key, word = word, word.decode("latin-1")
        else:
            key = word
        unit = self.unit
        parts = []
        found = unit.get("w:" + word)
        if found:
            parts.append(found)
        if len(word) > 4:
            found = unit.get("p:" + word[:4])
            if found:
                parts.append(found)
            if len(word) > 6:
                found = unit.get("s:" + word[-4:])
                if found:
                    parts.append(found)
        vec = self._dense(parts) if parts else None
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[key] = vec
        return vec

    def scores(self, text: str, categories=()) -> list[float]:
        """The logit per flag for a normalised (lower-case) text and its lexicon categories."""
        ws = _raw_words(text)
        as_bytes = bool(ws) and type(ws[0]) is bytes
        cache = self._cache_b if as_bytes else self._cache
        for word in ws:  # a word's own weights are summed once, then read from the cache
            if word not in cache:
                self._word(word)
        # the lookups run in C (map), and so does the column sum
        vecs = [v for v in map(cache.__getitem__, ws) if v is not None]
        pair = self.pair_b if as_bytes else self.pair
        vecs += filter(None, map(pair.get, zip(ws, ws[1:], strict=False)))
        if categories:
            vecs += filter(None, map(self.category.get, set(categories)))
        if not vecs:
            return list(self.bias)
        return list(map(add, self.bias, map(sum, zip(*vecs, strict=True))))

    def judge(self, text: str, categories=()) -> tuple[list[tuple[str, float]], set[str]]:
        """The flags whose score reaches their threshold (with the score), and the flags whose
        score is under their veto: a rule finding of those is dropped."""
        scores = self.scores(text, categories)
        fired = [
            (flag, score)
            for flag, score, limit in zip(self.flags, scores, self.threshold, strict=False)
            if score >= limit
        ]
        vetoed = {
            flag
            for flag, score, veto in zip(self.flags, scores, self.veto, strict=False)
            if score < veto
        }
        return fired, vetoed

    def evidence(self, original: str, view, flag: str, score: float) -> FlagFinding:
        """The finding for a flag this stage raised: the word that weighed most, and why."""
        i = self.flags.index(flag)
        text = view.text
        spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        spans = [s for s in spans if not s[2].isdigit()]  # as _raw_words, with offsets
        best = None
        weighed = []
        for k, (start, end, word) in enumerate(spans):
            vec = self._cache.get(word, _MISS)
            if vec is _MISS:
                vec = self._word(word)
            w = vec[i] if vec else 0.0
            if k + 1 < len(spans):
                pvec = self.pair.get((word, spans[k + 1][2]))
                if pvec and pvec[i] > 0:
                    weighed.append((pvec[i], f"{word} {spans[k + 1][2]}"))
                    if best is None or pvec[i] > best[0]:
                        best = (pvec[i], start, spans[k + 1][1])
            if w > 0:
                weighed.append((w, word))
                if best is None or w > best[0]:
                    best = (w, start, end)
        _, start, end = best if best else (0.0, 0, 0)
        ostart, oend = view.orig_span(start, end) if best else (0, 0)
        top = ", ".join(f"{word} {w:+.2f}" for w, word in sorted(weighed, reverse=True)[:3])
        return FlagFinding(
            flag=flag,
            rule=MODEL_RULE_PREFIX + flag,
            start=ostart,
            end=oend,
            matched=original[ostart:oend],
            note=f"statistisk bedömning, poäng {score:.2f} (gräns {self.threshold[i]:.2f}); "
            f"vägde mest: {top}",
        )


def load(data_dir: Path) -> Model | None:
    """The model in ``data_dir``, or None when there is none (the rules then work alone)."""
    path = data_dir / MODEL_FILE
    return Model(path) if path.exists() else None
