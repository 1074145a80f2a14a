"""Flag evaluation: lexicon hits on normalised views, then context rules from rules.toml."""

from __future__ import annotations

import bisect
import re

from .lexicon import Compiled, Condition, Entry
from .normalize import View
from .results import FlagFinding, PiiFinding

_WORD = re.compile(r"\w+")
_URL = re.compile(
    r"https?://|www\.|\b[\w-]{2,}\.(?:se|com|nu|net|org|io|info|biz|shop|xyz|ru|eu|co|me|ly|to)"
    r"\b(?!\.\w)",
    re.I,
)
# A link that sells: a shortener, or a host whose name carries a commercial word. Hosts are
# found first with a cheap pattern; the keyword test runs on the host only.
_HOST = re.compile(
    r"[\w-]+(?:\.[\w-]+)*\.(?:se|com|nu|net|org|io|info|biz|shop|xyz|eu|co|me|online|store|ly|gd|at)"
    r"(?![\w-])",
    re.I,
)
_SHORTENERS = frozenset(
    "bit.ly tinyurl.com goo.gl t.ly cutt.ly is.gd ow.ly shorturl.at rebrand.ly".split()
)
_AD_HOST_WORD = re.compile(
    r"shop|butik|outlet|sale|rea|rabatt|billig|casino|kasino|bet|odds|spel|krypto|crypto|coin|"
    r"bitcoin|profit|invest|lan|loan|kredit|deal|erbjud|boost|follow|likes|dejt|dating|flirt|"
    r"singel|vinst|prize|winner|gratis|free|pharma|piller|potens"
)
_PRICE = re.compile(r"\d\s?(?:kr\b|kronor\b|:-|sek\b|€|euro\b|%)", re.I)
_QUOTES = "\"“”„«»‘’'"
SURNAME_SUFFIXES = (
    "sson", "ström", "berg", "gren", "qvist", "kvist", "lund", "holm", "dahl", "strand",
    "blad", "lind", "stedt", "stam", "mark", "fors", "näs", "sköld", "borg", "by",
)  # fmt: skip


class Hit:
    """One lexicon match on one view (normalised span), with its original span."""

    __slots__ = ("entry", "view", "s", "e", "os", "oe", "first_tok", "last_tok")

    def __init__(self, entry: Entry, view: View, s: int, e: int):
        self.entry = entry
        self.view = view
        self.s = s
        self.e = e
        self.os, self.oe = view.orig_span(s, e)
        self.first_tok = -1
        self.last_tok = -1


def find_hits(compiled: Compiled, view: View) -> list[Hit]:
    t = view.text
    n = len(t)
    entries = compiled.entries
    hits: list[Hit] = []
    for end_idx, vals in compiled.automaton.iter(t):
        e0 = end_idx + 1
        for idx, klen in vals:
            entry = entries[idx]
            s = e0 - klen
            e = e0
            mode = entry.mode
            term = entry.term
            left_open = mode in ("suffix", "infix") or not term[0].isalnum()
            if not left_open and s > 0 and t[s - 1].isalnum():
                continue
            if mode == "word" or mode == "suffix":
                if e < n and t[e].isalnum() and term[-1].isalnum():
                    continue
            elif mode == "stem":
                w = e
                while w < n and t[w].isalnum():
                    w += 1
                if t[e:w] not in entry.endings:
                    continue
                e = w
            else:  # prefix, infix: report the whole word as evidence
                while e < n and t[e].isalnum():
                    e += 1
                if mode == "prefix_except" and t[e0:e].startswith(tuple(entry.endings)):
                    continue
            if mode in ("suffix", "infix"):
                while s > 0 and t[s - 1].isalnum():
                    s -= 1
            hits.append(Hit(entry, view, s, e))
    return hits


class Context:
    """Lazily computed facts about one text, shared by all rules."""

    def __init__(self, text: str, compiled: Compiled, pii: list[PiiFinding]):
        self.text = text
        self.compiled = compiled
        self.pii = pii
        self._url: bool | None = None
        self._price: bool | None = None
        self._ad_url: bool | None = None
        self._names: dict[tuple[int, int], bool] = {}
        self._setpos: dict[tuple[int, str], tuple[list[int], list[int]]] = {}
        self._namepos: dict[int, list[int]] = {}
        self._memo: dict[tuple[int, int], bool] = {}
        self._cat_tokens: dict[tuple[int, str], tuple[list[int], list[Hit]]] = {}
        self.hits_by_view: dict[int, list[Hit]] = {}

    # --- text-wide specials ---
    @property
    def url(self) -> bool:
        if self._url is None:
            self._url = bool(_URL.search(self.text))
        return self._url

    @property
    def price(self) -> bool:
        if self._price is None:
            self._price = bool(_PRICE.search(self.text))
        return self._price

    @property
    def ad_url(self) -> bool:
        if self._ad_url is None:
            self._ad_url = any(
                (host := m.group().lower()) in _SHORTENERS
                or _AD_HOST_WORD.search(host.rsplit(".", 1)[0]) is not None
                for m in _HOST.finditer(self.text)
            )
        return self._ad_url

    @property
    def phone_or_email(self) -> bool:
        return any(p.type in ("phone", "email") for p in self.pii)

    # --- tokens of a view ---
    @staticmethod
    def tokens(view: View):
        tok = view._tokens
        if tok is None:
            starts, ends, words = [], [], []
            for m in _WORD.finditer(view.text):
                starts.append(m.start())
                ends.append(m.end())
                words.append(m.group())
            tok = view._tokens = (starts, ends, words)
        return tok

    def masks(self, view: View) -> list[int]:
        """Per token, the bit mask of the word sets it is a single-word member of."""
        masks = view._masks
        if masks is None:
            cache = self.compiled._mask_cache
            word_mask = self.compiled.word_mask
            masks = view._masks = [
                m if (m := cache.get(w)) is not None else word_mask(w) for w in self.tokens(view)[2]
            ]
        return masks

    def _positions(self, view: View, name: str) -> tuple[list[int], list[int]]:
        """Sorted (start, end) token spans of members of set ``name`` in the view."""
        key = (id(view), name)
        pos = self._setpos.get(key)
        if pos is None:
            bit = self.compiled.set_bits[name]
            starts = [k for k, m in enumerate(self.masks(view)) if m & bit]
            ends = [k + 1 for k in starts]
            phrases = self.compiled.sets[name].phrases
            if phrases:
                words = self.tokens(view)[2]
                index = view._index
                if index is None:
                    index = view._index = {}
                    for k, w in enumerate(words):
                        index.setdefault(w, []).append(k)
                n = len(words)
                extra = []
                for ph in phrases:
                    size = len(ph)
                    for k in index.get(ph[0], ()):
                        if k + size <= n and tuple(words[k : k + size]) == ph:
                            extra.append((k, k + size))
                if extra:
                    pairs = sorted([*zip(starts, ends, strict=True), *extra])
                    starts = [a for a, _ in pairs]
                    ends = [b for _, b in pairs]
            pos = self._setpos[key] = (starts, ends)
        return pos

    def set_in(self, view: View, name: str, lo: int, hi: int) -> bool:
        """A member of set ``name`` lies entirely within words ``lo:hi``."""
        if lo < 0:
            lo = 0
        if lo >= hi:
            return False
        starts, ends = self._positions(view, name)
        i = bisect.bisect_left(starts, lo)
        n = len(starts)
        while i < n and starts[i] < hi:
            if ends[i] <= hi:
                return True
            i += 1
        return False

    def name_positions(self, view: View) -> list[int]:
        """Token positions in the view that are personal names (computed once per view)."""
        pos = self._namepos.get(id(view))
        if pos is None:
            starts, _, words = self.tokens(view)
            text = self.text
            ostart = view.ostart
            pos = []
            for k in range(len(words)):
                o = ostart[starts[k]] if ostart is not None else starts[k]
                if text[o].isupper() and self.is_name(view, k):
                    pos.append(k)
            self._namepos[id(view)] = pos
        return pos

    def name_at(self, view: View, k: int) -> bool:
        key = (id(view), k)
        val = self._names.get(key)
        if val is None:
            val = self._names[key] = self.is_name(view, k)
        return val

    def locate(self, hit: Hit) -> None:
        if hit.first_tok >= 0:
            return
        starts, ends, _ = self.tokens(hit.view)
        first = bisect.bisect_right(starts, hit.s) - 1
        if first < 0 or ends[first] <= hit.s:
            first += 1
        last = bisect.bisect_left(starts, hit.e) - 1
        hit.first_tok = max(first, 0)
        hit.last_tok = max(last, hit.first_tok)

    def _cap(self, view: View, k: int) -> bool:
        """Token k starts with a capital letter and is not an acronym ("LSS", "SD")."""
        starts, ends, _ = self.tokens(view)
        os_, oe = view.orig_span(starts[k], ends[k])
        word = self.text[os_:oe]
        return bool(word) and word[0].isupper() and not (len(word) > 1 and word.isupper())

    def _sentence_initial(self, view: View, k: int) -> bool:
        starts, ends, _ = self.tokens(view)
        if k == 0:
            return True
        between = view.text[ends[k - 1] : starts[k]]
        return any(c in ".!?:" for c in between)

    def is_name(self, view: View, k: int) -> bool:
        """A personal name: a known first name, a surname, "Förnamn Efternamn", or a
        capitalised word after a person word ("familjen Lindgren", "doktor Nygren")."""
        if not self._cap(view, k):
            return False
        _, _, words = self.tokens(view)
        w = words[k]
        names = self.compiled.names
        not_names = self.compiled.sets.get("not_a_name")
        if not_names is not None and not_names.match(words, k, k + 1):
            return False
        if w in names:
            return True
        if len(w) > 5 and w.endswith(SURNAME_SUFFIXES) and not self._sentence_initial(view, k):
            return True
        if k > 0 and words[k - 1] in names and self._cap(view, k - 1):
            return True  # "Gunvor Eriksson"
        titles = self.compiled.sets.get("name_title")
        return bool(titles and k > 0 and titles.match(words, k - 1, k))

    def quoted(self, hit: Hit) -> bool:
        t = hit.view.text
        lo = max(0, hit.s - 60)
        before = t[lo : hit.s]
        after = t[hit.e : hit.e + 60]
        qb = max(before.rfind(q) for q in _QUOTES)
        if qb < 0:
            return False
        qa = [after.find(q) for q in _QUOTES]
        qa = [x for x in qa if x >= 0]
        if not qa:
            return False
        # no sentence end between the quotes and the word
        inner = before[qb + 1 :] + after[: min(qa)]
        return not any(c in ".!?" for c in inner)

    def check(self, cond: Condition, hit: Hit) -> bool:
        """Does ``cond`` hold around ``hit``? Memoised: rules share conditions (interned)."""
        key = (id(cond), id(hit))
        val = self._memo.get(key)
        if val is None:
            val = self._memo[key] = self._check(cond, hit)
        return val

    def _check(self, cond: Condition, hit: Hit) -> bool:
        kind = cond.kind
        if kind == "special":
            ref = cond.ref
            if ref == "url":
                return self.url
            if ref == "price":
                return self.price
            if ref == "ad_url":
                return self.ad_url
            if ref == "pii":
                return bool(self.pii)
            if ref == "phone_or_email":
                return self.phone_or_email
            if ref == "quoted":
                return self.quoted(hit)
            if ref == "sentence_start":
                k = hit.s - 1
                t = hit.view.text
                while k >= 0 and t[k] in " \"'«»“”*-–":
                    k -= 1
                return k < 0 or t[k] in ".!?:;\n" or t[k] in "🙂😡😂"
            # name, within the window (the trigger's own words excluded)
            if hit.first_tok < 0:
                self.locate(hit)
            lo, hi = self._window(cond, hit, len(hit.view._tokens[2]))
            names = self.name_positions(hit.view)
            i = bisect.bisect_left(names, lo)
            while i < len(names) and names[i] < hi:
                if not (hit.first_tok <= names[i] <= hit.last_tok):
                    return True
                i += 1
            return False
        if hit.first_tok < 0:
            self.locate(hit)
        n_words = len(hit.view._tokens[2])
        if cond.before is None:
            lo, hi = 0, n_words
        else:
            lo = hit.first_tok - cond.before
            if lo < 0:
                lo = 0
            hi = hit.last_tok + 1 + cond.after
            if hi > n_words:
                hi = n_words
        if kind == "set":
            if cond.before is None:
                return self.set_in(hit.view, cond.ref, 0, n_words)
            # the window excludes the trigger's own words
            starts, ends = self._positions(hit.view, cond.ref)
            first, after = hit.first_tok, hit.last_tok + 1
            i = bisect.bisect_left(starts, lo)
            n = len(starts)
            while i < n:
                a = starts[i]
                if a >= hi:
                    return False
                b = ends[i]
                if (b <= first or a >= after) and b <= hi:
                    return True
                i += 1
            return False
        # kind == "cat": another lexicon hit of that category in the window (same word ok)
        firsts, others = self._cat_index(hit.view, cond.ref)
        # hits span at most a few words, so look from a little before the window
        k = bisect.bisect_left(firsts, lo - 8)
        while k < len(firsts) and firsts[k] < hi:
            other = others[k]
            if other is not hit and other.last_tok >= lo:
                return True
            k += 1
        return False

    def _cat_index(self, view: View, category: str):
        key = (id(view), category)
        idx = self._cat_tokens.get(key)
        if idx is None:
            hits = [h for h in self.hits_by_view.get(id(view), ()) if h.entry.category == category]
            for h in hits:
                self.locate(h)
            hits.sort(key=lambda h: h.first_tok)
            idx = ([h.first_tok for h in hits], hits)
            self._cat_tokens[key] = idx
        return idx

    @staticmethod
    def _window(cond: Condition, hit: Hit, n: int) -> tuple[int, int]:
        if cond.before is None:
            return 0, n
        return max(0, hit.first_tok - cond.before), min(n, hit.last_tok + 1 + cond.after)


def evaluate(
    text: str, compiled: Compiled, views: list[View], pii: list[PiiFinding]
) -> list[FlagFinding]:
    ctx = Context(text, compiled, pii)
    all_hits: list[Hit] = []
    for view in views:
        hits = find_hits(compiled, view)
        if hits:
            ctx.hits_by_view[id(view)] = hits
            all_hits.extend(hits)
    if not all_hits:
        return []
    findings: dict[tuple[str, int, int], FlagFinding] = {}
    present = {h.entry.category for h in all_hits}
    by_cat: dict[str, list[Hit]] = {}
    for hit in all_hits:
        by_cat.setdefault(hit.entry.category, []).append(hit)
    for rule in compiled.rules:
        if not any(c in present for c in rule.trigger):
            continue
        fired = 0
        if len(rule.trigger) == 1:
            candidates = by_cat.get(rule.trigger[0], ())
        else:
            candidates = [h for h in all_hits if h.entry.category in rule.trigger]
        for hit in candidates:
            if any(not ctx.check(c, hit) for c in rule.all):
                continue
            if rule.any and not any(ctx.check(c, hit) for c in rule.any):
                continue
            if any(ctx.check(c, hit) for c in rule.unless):
                continue
            key = (rule.flag, hit.os, hit.oe)
            if key in findings:
                continue
            findings[key] = FlagFinding(
                flag=rule.flag,
                rule=f"{rule.id}[{hit.entry.id}]",
                start=hit.os,
                end=hit.oe,
                matched=text[hit.os : hit.oe],
                note=rule.note,
            )
            fired += 1
            if fired >= 5:
                break
    for score in compiled.scores:
        total = 0
        evidence: list[str] = []
        first: Hit | None = None
        per_cat: dict[str, set[str]] = {}
        for hit in all_hits:
            cat = hit.entry.category
            if cat not in score.weights:
                continue
            seen = per_cat.setdefault(cat, set())
            if hit.entry.term in seen or len(seen) >= score.cap_per_category:
                continue
            seen.add(hit.entry.term)
            total += score.weights[cat]
            evidence.append(hit.entry.id)
            if first is None or score.weights[cat] > score.weights[first.entry.category]:
                first = hit
        if first is None:
            continue  # specials alone (a URL, a price) are never advertising
        if score.require and not any(
            c in per_cat or (c == "ad_url" and ctx.ad_url) for c in score.require
        ):
            continue
        for special in ("url", "ad_url", "price", "phone_or_email"):
            if special in score.weights and getattr(ctx, special):
                total += score.weights[special]
                evidence.append(special)
        if total >= score.threshold:
            findings[(score.flag, first.os, first.oe)] = FlagFinding(
                flag=score.flag,
                rule=f"{score.id}[{'+'.join(evidence)}={total}>={score.threshold}]",
                start=first.os,
                end=first.oe,
                matched=text[first.os : first.oe],
                note=score.note,
            )
    return sorted(findings.values(), key=lambda f: (f.start, f.end, f.flag))
