"""Flag evaluation: lexicon hits on normalised views, then context rules from rules.toml."""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, compress

from .lexicon import Compiled, Condition, Entry
from .normalize import View
from .results import FlagFinding, PiiFinding

_WORD = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")
_URL = re.compile(
    r"https?://|www\.|\b[\w-]{2,}\.(?:se|com|nu|net|org|io|info|biz|shop|xyz|ru|eu|co|me|ly|to)"
    r"\b(?!\.\w)",
    re.I,
)
# A link that sells: a shortener, or a host whose name carries a commercial word. Hosts are
# found first with a cheap pattern; the keyword test runs on the host only.
_HOST = re.compile(
    r"[\w-]+(?:\.[\w-]+)*\.(?:se|com|nu|net|org|io|info|biz|shop|xyz|eu|co|me|online|store|ly|gd|at|"
    r"club|win|bet|site|top|click|live|vip|casino|fun|buzz|icu)"
    r"(?![\w-])",
    re.I,
)
_SHORTENERS = frozenset(
    "bit.ly tinyurl.com goo.gl t.ly cutt.ly is.gd ow.ly shorturl.at rebrand.ly".split()
)
_AD_HOST_WORD = re.compile(
    r"shop|butik|outlet|sale|rea|rabatt|billig|casino|kasino|bet|odds|spel|krypto|crypto|coin|"
    r"bitcoin|profit|invest|lan|loan|kredit|deal|erbjud|boost|follow|likes|dejt|dating|flirt|"
    r"singel|vinst|prize|winner|gratis|free|pharma|piller|potens|fornya|forny|verifi|verify|uppdater|"
    r"secure-|-secure|login|logga-in|support-|-support|tull-|-tull"
)
# Every host ends in "." + one of _HOST's endings, inside one run of [\w.-] characters, so
# _HOST only runs over such runs.
_TLD = re.compile(
    r"\.(?:se|com|nu|net|org|io|info|biz|shop|xyz|eu|co|me|online|store|ly|gd|at|club|win|bet|site|"
    r"top|click|live|vip|casino|fun|buzz|icu)(?![\w-])",
    re.I,
)
# Top-level domains that residents and authorities hardly ever link to: a link there sells.
_SPAM_TLDS = frozenset(
    "biz shop xyz online store club win bet site top click live vip casino fun buzz icu".split()
)
# A look-alike host: a brand or country word joined by hyphens ("postnord-tull-se.info",
# "bankid-fornya.com", "ketoslim-sverige.com").
_LOOKALIKE = re.compile(
    r"-se\.|-se-|sverige|svensk|-sweden|-dalarna|-official|-online|-outlet|-.*-|netflix|bankid|"
    r"postnord|kfm|kronofogd|skatteverk|ica-|coop-|apotek|klarna|swish|paypal|dhl|tull|hjalp|"
    r"betalning|support|konto"
)
# A discount code written in capitals with digits ("SOMMAR50", "ÄLG15", "DALA200").
_PROMO_CODE = re.compile(r"(?<![\w-])[A-ZÅÄÖ]{3,12}\d{1,4}(?![\w-])")


def _hosts(text: str):
    """``_HOST.finditer(text)``, run only over the [\\w.-] runs that hold a top-level domain."""
    done = -1
    for t in _TLD.finditer(text):
        a = t.start()
        if a < done:
            continue
        while a > 0 and ((c := text[a - 1]).isalnum() or c in "_.-"):
            a -= 1
        b = t.end()
        n = len(text)
        while b < n and ((c := text[b]).isalnum() or c in "_.-"):
            b += 1
        done = b
        yield from _HOST.finditer(text, a, b)


_PRICE = re.compile(r"\d\s?(?:kr\b|kronor\b|:-|sek\b|€|euro\b|%)", re.I)
_QUOTES = "\"“”„«»‘’'"
SURNAME_SUFFIXES = (
    "sson", "ström", "berg", "gren", "qvist", "kvist", "lund", "holm", "dahl", "strand",
    "blad", "lind", "stedt", "stam", "mark", "fors", "näs", "sköld", "borg", "by",
)  # fmt: skip


class Hit:
    """One lexicon match on one view (normalised span), with its original span."""

    __slots__ = ("entry", "view", "vs", "s", "e", "os", "oe", "first_tok", "last_tok", "memo")

    def __init__(self, entry: Entry, view: View, s: int, e: int):
        self.entry = entry
        self.view = view
        self.vs: _ViewState | None = None
        self.s = s
        self.e = e
        ostart = view.ostart
        if ostart is None:
            self.os, self.oe = s, e
        else:
            self.os, self.oe = ostart[s], view.oend[e - 1]
        self.first_tok = -1
        self.last_tok = -1
        self.memo: dict[int, bool] = {}


# How an automaton key is checked at the text around it (see Compiled.matchers):
# 0 word: whole word; 1 suffix: ends a word; 2 stem: plus one listed ending;
# 3 prefix/infix: extends to the end of the word; 4 prefix_except: 3 unless the rest
# starts with a listed exception.


def find_hits(compiled: Compiled, view: View) -> list[Hit]:
    t = view.text
    n = len(t)
    hits: list[Hit] = []
    matchers = compiled.matchers
    for end_idx, key in compiled.automaton.iter(t):
        e0 = end_idx + 1
        for entry, klen, code, left_closed, right_alnum, extend_left, endings in matchers[key]:
            s = e0 - klen
            e = e0
            if left_closed and s > 0 and t[s - 1].isalnum():
                continue
            if code <= 1:
                if right_alnum and e < n and t[e].isalnum():
                    continue
            elif code == 2:
                while e < n and t[e].isalnum():
                    e += 1
                if t[e0:e] not in endings:
                    continue
            else:  # prefix, infix: report the whole word as evidence
                while e < n and t[e].isalnum():
                    e += 1
                if code == 4 and t[e0:e].startswith(endings):
                    continue
            if extend_left:
                while s > 0 and t[s - 1].isalnum():
                    s -= 1
            hits.append(Hit(entry, view, s, e))
    return hits


class _ViewState:
    """Per view, computed once when first needed: tokens, the positions of every word set,
    names, the hits' token positions and an index of hits by category."""

    __slots__ = (
        "view", "hits", "ready", "starts", "ends", "words", "n", "setpos", "names", "cat_index"
    )  # fmt: skip

    def __init__(self, view: View, hits: list[Hit]):
        self.view = view
        self.hits = hits
        self.ready = False
        self.names: list[int] | None = None
        self.cat_index: dict[str, tuple[list[int], list[Hit]]] = {}

    def prepare(self, compiled: Compiled) -> None:
        self.ready = True
        text = self.view.text
        # split keeps the words at odd indices; the running length gives every boundary
        pieces = _WORD_SPLIT.split(text)
        self.words = words = pieces[1::2]
        self.n = n = len(words)
        bounds = list(accumulate(map(len, pieces)))
        self.starts = starts = bounds[0 : 2 * n : 2]
        self.ends = ends = bounds[1::2]
        # one pass over the (few) tokens that belong to a set or start a phrase gives the
        # (start, end) token spans of every set member
        setpos: dict[str, tuple[list[int], list[int]]] = {}
        cache = compiled._token_cache
        infos = list(map(cache.get, words))
        if None in infos:
            token_info = compiled.token_info
            infos = [token_info(w) if i is None else i for w, i in zip(words, infos, strict=True)]
        for k in compress(range(n), infos):
            names, second = infos[k]
            for name in names:
                pos = setpos.get(name)
                if pos is None:
                    setpos[name] = ([k], [k + 1])
                else:
                    pos[0].append(k)
                    pos[1].append(k + 1)
            if second is not None and k + 1 < n:
                for name, ph in second.get(words[k + 1], ()):
                    size = len(ph)
                    if size == 2 or (k + size <= n and tuple(words[k : k + size]) == ph):
                        pos = setpos.get(name)
                        if pos is None:
                            setpos[name] = ([k], [k + size])
                        else:
                            pos[0].append(k)
                            pos[1].append(k + size)
        self.setpos = setpos
        # token span of every hit of the view
        bl, br = bisect.bisect_left, bisect.bisect_right
        positional = compiled.positional_cats
        for hit in self.hits:
            if hit.entry.category not in positional:
                continue  # weighed by a score only: its token position is never asked for
            hs = hit.s
            first = br(starts, hs) - 1
            if first < 0 or ends[first] <= hs:
                first += 1
            last = bl(starts, hit.e) - 1
            if first < 0:
                first = 0
            elif first >= n:  # a hit after the last word (an emoji) belongs to that word
                first = n - 1 if n else 0
            hit.first_tok = first
            hit.last_tok = last if last > first else first


class Context:
    """Lazily computed facts about one text, shared by all rules."""

    def __init__(self, text: str, compiled: Compiled, pii: list[PiiFinding]):
        self.text = text
        self.compiled = compiled
        self.pii = pii
        self._url: bool | None = None
        self._price: bool | None = None
        self._ad_url: bool | None = None

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
                or host.rsplit(".", 1)[-1] in _SPAM_TLDS
                or _AD_HOST_WORD.search(host.rsplit(".", 1)[0]) is not None
                or ("-" in host and _LOOKALIKE.search(host) is not None)
                for m in _hosts(self.text)
            )
        return self._ad_url

    @property
    def promo_code(self) -> bool:
        return _PROMO_CODE.search(self.text) is not None

    @property
    def phone_or_email(self) -> bool:
        return any(p.type in ("phone", "email") for p in self.pii)

    def name_positions(self, vs: _ViewState) -> list[int]:
        """Token positions in the view that are personal names (computed once per view)."""
        pos = vs.names
        if pos is None:
            text = self.text
            ostart = vs.view.ostart
            if ostart is None:
                caps = [k for k, o in enumerate(vs.starts) if text[o].isupper()]
            else:
                caps = [k for k, o in enumerate(vs.starts) if text[ostart[o]].isupper()]
            pos = [k for k in caps if self.is_name(vs, k)]
            vs.names = pos
        return pos

    def _cap(self, vs: _ViewState, k: int) -> bool:
        """Token k starts with a capital letter and is not an acronym ("LSS", "SD")."""
        os_, oe = vs.view.orig_span(vs.starts[k], vs.ends[k])
        word = self.text[os_:oe]
        return bool(word) and word[0].isupper() and not (len(word) > 1 and word.isupper())

    @staticmethod
    def _sentence_initial(vs: _ViewState, k: int) -> bool:
        if k == 0:
            return True
        between = vs.view.text[vs.ends[k - 1] : vs.starts[k]]
        return any(c in ".!?:" for c in between)

    def is_name(self, vs: _ViewState, k: int) -> bool:
        """A personal name: a known first name, a surname, "Förnamn Efternamn", or a
        capitalised word after a person word ("familjen Lindgren", "doktor Nygren")."""
        if not self._cap(vs, k):
            return False
        words = vs.words
        w = words[k]
        compiled = self.compiled
        names = compiled.names
        # set membership of one word (phrases never fit in one word), cached per word
        if "not_a_name" in compiled.member_sets(w):
            return False
        if w in names:
            return True
        if len(w) > 5 and w.endswith(SURNAME_SUFFIXES) and not self._sentence_initial(vs, k):
            return True
        if k > 0 and words[k - 1] in names and self._cap(vs, k - 1):
            return True  # "Gunvor Eriksson"
        return k > 0 and "name_title" in compiled.member_sets(words[k - 1])

    @staticmethod
    def quoted(hit: Hit) -> bool:
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
        """Does ``cond`` hold around ``hit``? Memoised per hit: rules share conditions."""
        key = id(cond)
        memo = hit.memo
        val = memo.get(key)
        if val is None:
            val = memo[key] = self._check(cond, hit)
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
            if ref == "promo_code":
                return self.promo_code
            if ref == "quoted":
                return self.quoted(hit)
            if ref == "sentence_start":
                k = hit.s - 1
                t = hit.view.text
                while k >= 0 and t[k] in " \"'«»“”*-–":
                    k -= 1
                return k < 0 or t[k] in ".!?:;\n" or t[k] in "🙂😡😂"
            # name, within the window (the trigger's own words excluded)
            vs = hit.vs
            if not vs.ready:
                vs.prepare(self.compiled)
            n = vs.n
            if cond.before is None:
                lo, hi = 0, n
            else:
                lo = hit.first_tok - cond.before
                if lo < 0:
                    lo = 0
                hi = hit.last_tok + 1 + cond.after
                if hi > n:
                    hi = n
            names = vs.names
            if names is None:
                names = self.name_positions(vs)
            i = bisect.bisect_left(names, lo)
            while i < len(names) and names[i] < hi:
                if not (hit.first_tok <= names[i] <= hit.last_tok):
                    return True
                i += 1
            return False
        vs = hit.vs
        if not vs.ready:
            vs.prepare(self.compiled)
        if kind == "set":
            pos = vs.setpos.get(cond.ref)
            if pos is None:
                return False
            if cond.before is None:
                return True
            # the window excludes the trigger's own words
            n_words = vs.n
            first = hit.first_tok
            after = hit.last_tok + 1
            lo = first - cond.before
            if lo < 0:
                lo = 0
            hi = after + cond.after
            if hi > n_words:
                hi = n_words
            starts, ends = pos
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
        n_words = vs.n
        if cond.before is None:
            lo, hi = 0, n_words
        else:
            lo = hit.first_tok - cond.before
            if lo < 0:
                lo = 0
            hi = hit.last_tok + 1 + cond.after
            if hi > n_words:
                hi = n_words
        idx = vs.cat_index.get(cond.ref)
        if idx is None:
            hits = [h for h in vs.hits if h.entry.category == cond.ref]
            hits.sort(key=lambda h: h.first_tok)
            idx = vs.cat_index[cond.ref] = ([h.first_tok for h in hits], hits)
        firsts, others = idx
        # hits span at most a few words, so look from a little before the window
        k = bisect.bisect_left(firsts, lo - 8)
        while k < len(firsts) and firsts[k] < hi:
            other = others[k]
            if other is not hit and other.last_tok >= lo:
                return True
            k += 1
        return False


def evaluate(
    text: str, compiled: Compiled, views: list[View], pii: list[PiiFinding]
) -> list[FlagFinding]:
    ctx = Context(text, compiled, pii)
    all_hits: list[Hit] = []
    states: list[_ViewState] = []
    for view in views:
        hits = find_hits(compiled, view)
        if hits:
            # tokens and word-set positions are computed when a condition first needs them
            vs = _ViewState(view, hits)
            states.append(vs)
            for h in hits:
                h.vs = vs
            all_hits.extend(hits)
    if not all_hits:
        return []
    try:
        return _evaluate(text, compiled, ctx, all_hits)
    finally:
        for vs in states:  # break hit <-> view-state cycles so memory is freed at once
            vs.hits = vs.cat_index = None


def _evaluate(
    text: str, compiled: Compiled, ctx: Context, all_hits: list[Hit]
) -> list[FlagFinding]:
    findings: dict[tuple[str, int, int], FlagFinding] = {}
    by_cat: dict[str, list[Hit]] = {}
    for hit in all_hits:
        cat = hit.entry.category
        lst = by_cat.get(cat)
        if lst is None:
            by_cat[cat] = [hit]
        else:
            lst.append(hit)
    _check = ctx._check
    multi: dict[tuple[str, ...], list[Hit]] = {}
    # only the rules that one of the present categories triggers, in data-file order
    by_trigger = compiled.rules_by_trigger
    wanted: set[int] = set()
    for cat in by_cat:
        idx = by_trigger.get(cat)
        if idx is not None:
            wanted.update(idx)
    plan = compiled.rule_plan
    for i in sorted(wanted):
        rule, r_all, r_any, r_unless = plan[i]
        trigger = rule.trigger
        if len(trigger) == 1:
            candidates = by_cat.get(trigger[0])
            if candidates is None:
                continue
        else:
            candidates = multi.get(trigger)
            if candidates is None:
                if any(c in by_cat for c in trigger):
                    candidates = [h for h in all_hits if h.entry.category in trigger]
                else:
                    candidates = []
                multi[trigger] = candidates
            if not candidates:
                continue
        fired = 0
        flag = rule.flag
        for hit in candidates:
            key = (flag, hit.os, hit.oe)
            if key in findings:
                continue  # the same finding already made (conditions have no side effects)
            # conditions in order with short-circuit, memoised per hit (rules share them)
            memo = hit.memo
            ok = True
            for ck, c in r_all:
                v = memo.get(ck)
                if v is None:
                    v = memo[ck] = _check(c, hit)
                if not v:
                    ok = False
                    break
            if not ok:
                continue
            if r_any:
                ok = False
                for ck, c in r_any:
                    v = memo.get(ck)
                    if v is None:
                        v = memo[ck] = _check(c, hit)
                    if v:
                        ok = True
                        break
                if not ok:
                    continue
            for ck, c in r_unless:
                v = memo.get(ck)
                if v is None:
                    v = memo[ck] = _check(c, hit)
                if v:
                    ok = False
                    break
            if not ok:
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
    present = by_cat.keys()
    for score, weighed, forbid, required_cats, required_specials in compiled.score_plan:
        # cheap exits first (the same outcome as after the loop): no weighted category present,
        # a counter-signal present, or none of the required evidence present
        if present.isdisjoint(weighed):
            continue
        if forbid and not present.isdisjoint(forbid):
            continue
        if (
            (required_cats or required_specials)
            and present.isdisjoint(required_cats)
            and not any(getattr(ctx, sp) for sp in required_specials)
        ):
            continue
        total = 0
        evidence: list[str] = []
        first: Hit | None = None
        per_cat: dict[str, set[str]] = {}
        spans: list[tuple[int, int]] | None = [] if score.distinct_spans else None
        for hit in all_hits:
            cat = hit.entry.category
            if cat not in score.weights:
                continue
            if spans is not None:
                hs, he = hit.os, hit.oe
                if any(2 * (min(he, b) - max(hs, a)) >= min(he - hs, b - a) for a, b in spans):
                    continue  # mostly the same words already counted as another sign
                spans.append((hit.os, hit.oe))
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
        for special in ("url", "ad_url", "price", "phone_or_email", "promo_code"):
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
