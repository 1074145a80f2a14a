"""Load the data files (lexicon.tsv, rules.toml, names.txt) into compiled structures.

Nothing is downloaded: the files ship in ``moderation/screening/data`` and are reviewed
like code. The Aho-Corasick automaton is built once per engine.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILES = ("lexicon.tsv", "rules.toml", "names.txt")

MODES = ("word", "prefix", "suffix", "infix", "stem")
SPECIALS = (
    "name",
    "quoted",
    "url",
    "ad_url",
    "pii",
    "price",
    "phone_or_email",
    "promo_code",
    "sentence_start",
)
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e"})


class DataError(ValueError):
    """A data file is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Entry:
    category: str
    term: str
    mode: str
    endings: frozenset[str] | None
    note: str
    line: int

    @property
    def id(self) -> str:
        return f"{self.category}/{self.term}"


@dataclass(frozen=True, slots=True)
class WordSet:
    name: str
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    suffixes: tuple[str, ...] = ()
    infixes: tuple[str, ...] = ()
    cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def _member(self, w: str) -> bool:
        return (
            w in self.exact
            or (bool(self.prefixes) and w.startswith(self.prefixes))
            or (bool(self.suffixes) and w.endswith(self.suffixes))
            or any(i in w for i in self.infixes)
        )

    def match(self, words: list[str], lo: int, hi: int) -> bool:
        """True if a member occurs entirely within ``words[lo:hi]``."""
        lo = max(lo, 0)
        hi = min(hi, len(words))
        if lo >= hi:
            return False
        cache = self.cache
        for k in range(lo, hi):
            w = words[k]
            hit = cache.get(w)
            if hit is None:
                hit = self._member(w)
                if len(cache) > 100_000:  # bounded: vocabulary repeats across comments
                    cache.clear()
                cache[w] = hit
            if hit:
                return True
        for ph in self.phrases:
            n = len(ph)
            first = ph[0]
            for k in range(lo, hi - n + 1):
                if words[k] == first and tuple(words[k : k + n]) == ph:
                    return True
        return False


@dataclass(frozen=True, slots=True)
class Condition:
    kind: str  # "set" | "cat" | "special"
    ref: str
    before: int | None  # None: anywhere in the text
    after: int | None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    flag: str
    trigger: tuple[str, ...]
    all: tuple[Condition, ...]
    any: tuple[Condition, ...]
    unless: tuple[Condition, ...]
    note: str


@dataclass(frozen=True, slots=True)
class ScoreRule:
    id: str
    flag: str
    threshold: int
    weights: dict[str, int]
    cap_per_category: int
    note: str
    require: tuple[str, ...] = ()
    # lexicon categories any hit of which cancels the score ("bränn inte ...")
    forbid: tuple[str, ...] = ()
    # count overlapping hits once ("vi vet var" and "vet var du bor" are one sign)
    distinct_spans: bool = False


@dataclass
class Compiled:
    entries: list[Entry]
    automaton: ahocorasick.Automaton
    sets: dict[str, WordSet]
    rules: list[Rule]
    scores: list[ScoreRule]
    names: frozenset[str]
    categories: frozenset[str] = field(default_factory=frozenset)
    matchers: list = field(default_factory=list)
    # word -> names of the sets it is a single-word member of (cached across comments)
    _member_cache: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # first word -> second word -> [(set name, phrase)]: phrases found in the token pass
    phrase_first: dict[str, dict[str, list[tuple[str, tuple[str, ...]]]]] = field(
        default_factory=dict, repr=False
    )

    # per rule: (rule, all, any, unless) with each condition as (memo key, condition)
    rule_plan: list = field(default_factory=list, repr=False)
    # lexicon category -> indices into rule_plan of the rules it triggers
    rules_by_trigger: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    # per score: (score, weighted categories, forbidden categories, required categories,
    # required specials such as "ad_url")
    score_plan: list = field(default_factory=list, repr=False)
    # categories whose hits' token positions rules ask for (triggers and "cat" conditions)
    positional_cats: frozenset[str] = field(default_factory=frozenset, repr=False)

    def __post_init__(self) -> None:
        if not self.rule_plan:
            self.rule_plan = [
                (
                    r,
                    tuple((id(c), c) for c in r.all),
                    tuple((id(c), c) for c in r.any),
                    tuple((id(c), c) for c in r.unless),
                )
                for r in self.rules
            ]
        if not self.positional_cats:
            cats: set[str] = set()
            for r in self.rules:
                cats.update(r.trigger)
                cats.update(c.ref for c in r.all + r.any + r.unless if c.kind == "cat")
            self.positional_cats = frozenset(cats)
        if not self.score_plan:
            self.score_plan = [
                (
                    sc,
                    frozenset(sc.weights),
                    frozenset(sc.forbid),
                    frozenset(c for c in sc.require if c not in SPECIALS),
                    tuple(c for c in sc.require if c in SPECIALS),
                )
                for sc in self.scores
            ]
        if not self.rules_by_trigger:
            index: dict[str, list[int]] = {}
            for i, r in enumerate(self.rules):
                for cat in r.trigger:
                    index.setdefault(cat, []).append(i)
            self.rules_by_trigger = {k: tuple(v) for k, v in index.items()}
        if not self.phrase_first:
            for name, ws in self.sets.items():
                for ph in ws.phrases:
                    second = self.phrase_first.setdefault(ph[0], {})
                    second.setdefault(ph[1], []).append((name, ph))

    # word -> 0 when it is in no set and starts no phrase, else (set names, phrase index)
    _token_cache: dict[str, object] = field(default_factory=dict, repr=False)

    def token_info(self, w: str):
        info = self._token_cache.get(w)
        if info is None:
            names = self.member_sets(w)
            second = self.phrase_first.get(w)
            info = (names, second) if names or second is not None else 0
            if len(self._token_cache) > 200_000:  # bounded, like the member cache
                self._token_cache.clear()
            self._token_cache[w] = info
        return info

    def member_sets(self, w: str) -> tuple[str, ...]:
        """Names of the sets that ``w`` belongs to as a single word (cached per word)."""
        names = self._member_cache.get(w)
        if names is None:
            names = tuple(name for name, ws in self.sets.items() if ws._member(w))
            if len(self._member_cache) > 200_000:  # bounded: vocabulary repeats across comments
                self._member_cache.clear()
            self._member_cache[w] = names
        return names


def _parse_mode(spec: str, where: str) -> tuple[str, frozenset[str] | None]:
    if spec.startswith("prefix!"):
        # prefix mode, except when the rest of the word starts with one of these
        excl = {e.strip() for e in spec[7:].split(",") if e.strip()}
        return "prefix_except", frozenset(excl | {e.translate(_FOLD) for e in excl})
    if spec.startswith("stem:"):
        endings = set()
        for e in spec[5:].split(","):
            e = e.strip()
            endings.add("" if e == "-" else e)
        endings |= {e.translate(_FOLD) for e in endings}
        return "stem", frozenset(endings)
    if spec not in MODES or spec == "stem":
        raise DataError(f"{where}: unknown mode {spec!r} (use {', '.join(MODES)}:...)")
    return spec, None


def load_lexicon(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.split("\t")
        where = f"{path.name}:{lineno}"
        if len(cols) < 3:
            raise DataError(f"{where}: need category<TAB>term<TAB>mode[<TAB>note]")
        category, term, mode_spec = cols[0].strip(), cols[1].strip(), cols[2].strip()
        note = cols[3].strip() if len(cols) > 3 else ""
        if not category or not term:
            raise DataError(f"{where}: empty category or term")
        if term != term.lower():
            raise DataError(f"{where}: term must be lower case: {term!r}")
        mode, endings = _parse_mode(mode_spec, where)
        entries.append(Entry(category, " ".join(term.split()), mode, endings, note, lineno))
    return entries


def _word_set(name: str, words: list[str]) -> WordSet:
    """``x`` exact word, ``x*`` prefix, ``*x`` suffix, ``*x*`` inside a word, ``a b`` phrase."""
    exact, prefixes, suffixes, infixes, phrases = set(), [], [], [], []
    for w in words:
        w = w.lower().strip()
        if " " in w:
            phrases.append(tuple(w.split()))
        elif w.startswith("*") and w.endswith("*") and len(w) > 2:
            infixes.append(w[1:-1])
        elif w.endswith("*"):
            prefixes.append(w[:-1])
        elif w.startswith("*"):
            suffixes.append(w[1:])
        else:
            exact.add(w)

    def fold(xs: list[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(xs + [x.translate(_FOLD) for x in xs]))

    exact |= {w.translate(_FOLD) for w in exact}
    return WordSet(
        name,
        frozenset(exact),
        fold(prefixes),
        tuple(phrases),
        fold(suffixes),
        fold(infixes),
    )


_INTERN: dict[Condition, Condition] = {}


def _condition(raw: dict, where: str, sets: dict, categories: set[str]) -> Condition:
    kinds = [k for k in ("set", "cat", "special") if k in raw]
    if len(kinds) != 1:
        raise DataError(f"{where}: a condition needs exactly one of set/cat/special: {raw}")
    kind = kinds[0]
    ref = raw[kind]
    if kind == "set" and ref not in sets:
        raise DataError(f"{where}: unknown set {ref!r}")
    if kind == "cat" and ref not in categories:
        raise DataError(f"{where}: unknown lexicon category {ref!r}")
    if kind == "special" and ref not in SPECIALS:
        raise DataError(f"{where}: unknown special {ref!r} (use {', '.join(SPECIALS)})")
    before, after = raw.get("before"), raw.get("after")
    if (before is None) != (after is None) and kind != "special":
        before, after = before or 0, after or 0
    cond = Condition(kind, ref, before, after)
    # one object per distinct condition, so the engine can memoise results across rules
    return _INTERN.setdefault(cond, cond)


def load_rules(path: Path, categories: set[str], flags: tuple[str, ...]):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    sets = {name: _word_set(name, words) for name, words in data.get("sets", {}).items()}
    rules = []
    for i, raw in enumerate(data.get("rule", [])):
        where = f"{path.name} rule #{i + 1} ({raw.get('id')})"
        if raw.get("flag") not in flags:
            raise DataError(f"{where}: unknown flag {raw.get('flag')!r}")
        trig = tuple(raw.get("trigger", ()))
        if not trig or any(t not in categories for t in trig):
            raise DataError(f"{where}: trigger must name lexicon categories: {trig}")
        rules.append(
            Rule(
                id=raw["id"],
                flag=raw["flag"],
                trigger=trig,
                all=tuple(_condition(c, where, sets, categories) for c in raw.get("all", ())),
                any=tuple(_condition(c, where, sets, categories) for c in raw.get("any", ())),
                unless=tuple(_condition(c, where, sets, categories) for c in raw.get("unless", ())),
                note=raw.get("note", ""),
            )
        )
    scores = []
    for raw in data.get("score", []):
        where = f"{path.name} score {raw.get('id')}"
        if raw.get("flag") not in flags:
            raise DataError(f"{where}: unknown flag {raw.get('flag')!r}")
        for key in raw["weights"]:
            if key not in categories and key not in SPECIALS:
                raise DataError(f"{where}: weight for unknown category {key!r}")
        for key in raw.get("forbid", ()):
            if key not in categories:
                raise DataError(f"{where}: forbid names unknown category {key!r}")
        scores.append(
            ScoreRule(
                raw["id"],
                raw["flag"],
                int(raw["threshold"]),
                dict(raw["weights"]),
                int(raw.get("cap_per_category", 99)),
                raw.get("note", ""),
                tuple(raw.get("require", ())),
                tuple(raw.get("forbid", ())),
                bool(raw.get("distinct_spans", False)),
            )
        )
    ids = [r.id for r in rules] + [s.id for s in scores]
    if len(ids) != len(set(ids)):
        raise DataError(f"{path.name}: duplicate rule ids")
    return sets, rules, scores


def load_names(path: Path) -> frozenset[str]:
    names = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        raw = raw.strip()
        if raw and not raw.startswith("#"):
            names.add(raw.lower())
    return frozenset(names)


_MODE_CODES = {"word": 0, "suffix": 1, "stem": 2, "prefix": 3, "infix": 3, "prefix_except": 4}


def build_automaton(entries: list[Entry]):
    """One automaton over every term and its å/ä/ö-folded spelling.

    Returns the automaton (whose value for a key is the key's index) and, per key, the
    matchers ``(entry, key length, mode code, left_closed, right_alnum, extend_left,
    endings)`` that ``flags.find_hits`` applies at each occurrence.
    """
    keys: dict[str, list[tuple[int, int]]] = {}
    for idx, entry in enumerate(entries):
        forms = {entry.term}
        if "nofold" not in entry.note:
            forms.add(entry.term.translate(_FOLD))
        for form in forms:
            keys.setdefault(form, []).append((idx, len(form)))
    automaton = ahocorasick.Automaton()
    matchers = []
    for key, vals in keys.items():
        automaton.add_word(key, len(matchers))
        row = []
        for idx, klen in vals:
            e = entries[idx]
            code = _MODE_CODES[e.mode]
            open_left = code == 1 or e.mode == "infix"
            row.append(
                (
                    e,
                    klen,
                    code,
                    not (open_left or not e.term[0].isalnum()),
                    e.term[-1].isalnum(),
                    open_left,
                    tuple(e.endings) if code == 4 else e.endings,
                )
            )
        matchers.append(tuple(row))
    automaton.make_automaton()
    return automaton, matchers


def compile_data(data_dir: Path, flags: tuple[str, ...]) -> Compiled:
    entries = load_lexicon(data_dir / "lexicon.tsv")
    categories = {e.category for e in entries}
    sets, rules, scores = load_rules(data_dir / "rules.toml", categories, flags)
    names = load_names(data_dir / "names.txt")
    automaton, matchers = build_automaton(entries)
    return Compiled(
        entries=entries,
        automaton=automaton,
        matchers=matchers,
        sets=sets,
        rules=rules,
        scores=scores,
        names=names,
        categories=frozenset(categories),
    )
