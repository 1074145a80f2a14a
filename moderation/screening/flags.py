"""Flag evaluation: lexicon hits on normalised views, then context rules from rules.toml."""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, compress, repeat
from operator import add

from .lexicon import Compiled, Condition, Entry
from .normalize import View
from .results import FlagFinding, PiiFinding

_WORD = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")
# Latin-1 byte -> itself when the character is a word character (\w), else a space
_WORD_BYTES = bytes(c if _WORD.match(chr(c)) else 32 for c in range(256))
_URL = re.compile(
    r"https?://|www\.|\b[\w-]{2,}\.(?:se|com|nu|net|org|io|info|biz|shop|xyz|ru|eu|co|me|ly|to)"
    r"\b(?!\.\w)",
    re.I,
)
# A link that sells: a shortener, or a host whose name carries a commercial word. Hosts are
# found first with a cheap pattern; the keyword test runs on the host only.
_TLDS = (
    "se|com|nu|net|org|io|info|biz|shop|xyz|eu|co|me|online|store|ly|gd|at|club|win|bet|site|"
    "top|click|live|vip|casino|fun|buzz|icu"
)
_HOST = re.compile(rf"[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})(?![\w-])", re.I)
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
_TLD = re.compile(rf"\.(?:{_TLDS})(?![\w-])", re.I)
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
    """One lexicon match on one view (normalised span ``s:e``), with its original span
    ``os:oe`` and, once its view is tokenised, the first and last word it covers."""

    __slots__ = ("entry", "cat", "vs", "s", "e", "os", "oe", "first_tok", "last_tok")

    def __init__(self, entry: Entry, vs: _ViewState, s: int, e: int, os_: int, oe: int):
        self.entry = entry
        self.cat = entry.category
        self.vs = vs
        self.s = s
        self.e = e
        self.os = os_
        self.oe = oe
        self.first_tok = -1
        self.last_tok = -1

    @property
    def view(self) -> View:
        return self.vs.view


# How an automaton key is checked at the text around it (see Compiled.matchers):
# 0 word: whole word; 1 suffix: ends a word; 2 stem: plus one listed ending;
# 3 prefix/infix: extends to the end of the word; 4 prefix_except: 3 unless the rest
# starts with a listed exception.


def _find_hits(compiled: Compiled, vs: _ViewState) -> list[Hit]:
    view = vs.view
    t = view.text
    n = len(t)
    ostart, oend = view.ostart, view.oend
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
            if ostart is None:
                hits.append(Hit(entry, vs, s, e, s, e))
            else:
                hits.append(Hit(entry, vs, s, e, ostart[s], oend[e - 1]))
    return hits


def find_hits(compiled: Compiled, view: View) -> list[Hit]:
    """The lexicon hits on one view (each with its own, not yet tokenised, view state)."""
    vs = _ViewState(view)
    vs.hits = _find_hits(compiled, vs)
    return vs.hits


class _ViewState:
    """Per view, computed once when a condition first needs it: the words, and per word set
    a bit mask of the word positions where a member starts (one-word members in ``single``,
    longer phrases in ``phrases`` by length); the hits' word spans; names, hits by category."""

    __slots__ = (
        "view", "hits", "words", "starts", "ends", "n", "single", "phrases", "names", "cat_index",
        "has_quote",
    )  # fmt: skip

    def __init__(self, view: View):
        self.view = view
        self.hits: list[Hit] = []
        self.words: list[str] | None = None  # None until prepared
        self.names: int | None = None
        self.cat_index: dict[str, list[Hit]] | None = None
        self.has_quote: bool | None = None

    def prepare(self, plan: _Plan) -> None:
        text = self.view.text
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            raw = None
        if raw is not None:
            # one byte per character: non-word bytes become spaces, and the pieces between
            # single spaces give every word (as bytes) and its start from the running length
            pieces = raw.translate(_WORD_BYTES).split(b" ")
            lens = list(map(len, pieces))
            bounds = list(accumulate(map(add, lens, repeat(1)), initial=0))
            words = list(compress(pieces, lens))
            self.starts = starts = list(compress(bounds, lens))
            self.ends = ends = list(map(add, starts, compress(lens, lens)))
        else:
            # split keeps the words at odd indices; the running length gives every boundary
            pieces = _WORD_SPLIT.split(text)
            words = pieces[1::2]
            bounds = list(accumulate(map(len, pieces)))
            self.starts = starts = bounds[0 : 2 * len(words) : 2]
            self.ends = ends = bounds[1::2]
        self.n = n = len(words)
        # one pass over the (few) words that belong to a set or start a phrase
        single = [0] * plan.n_sets
        phrases: dict[int, dict[int, int]] = {}
        # a miss computes the word's info; Latin-1 views have bytes words, and bytes and str
        # never share a dict (equal contents hash alike)
        infos = list(map((plan.infos if raw is None else plan.infos_b).__getitem__, words))
        for k in compress(range(n), infos):
            sets, second = infos[k]
            bit = 1 << k
            for si in sets:
                single[si] |= bit
            if second is not None and k + 1 < n:
                for si, ph, size in second.get(words[k + 1], ()):
                    if size == 2 or (k + size <= n and tuple(words[k : k + size]) == ph):
                        by_size = phrases.get(si)
                        if by_size is None:
                            phrases[si] = {size: bit}
                        else:
                            by_size[size] = by_size.get(size, 0) | bit
        self.single = single
        self.phrases = phrases
        # word span of every hit whose position a rule may ask for
        bl, br = bisect.bisect_left, bisect.bisect_right
        positional = plan.positional
        for hit in self.hits:
            if hit.cat not in positional:
                continue  # weighed by a score only: its word position is never asked for
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
        self.words = words


class _Plan:
    """What evaluation needs from the compiled data, derived once per ``Compiled``: word
    sets by index, per word its sets and the phrases it starts, and every rule condition
    as a function ``check(ctx, hit) -> bool``."""

    def __init__(self, compiled: Compiled):
        self.compiled = compiled
        names = list(compiled.sets)
        self.set_index = {name: i for i, name in enumerate(names)}
        self.set_list = [compiled.sets[name] for name in names]
        self.n_sets = len(names)
        self.not_a_name = self.set_index.get("not_a_name", -1)
        self.name_title = self.set_index.get("name_title", -1)
        # word -> indices of the sets it belongs to; str words and bytes words apart
        self.memberships: dict = {}
        self.memberships_b: dict = {}
        # first word -> second word -> [(set index, phrase, length)], with str words and,
        # for Latin-1 views, with bytes words (the phrases that fit in Latin-1)
        self.phrase_first: dict = {}
        self.phrase_first_b: dict = {}
        # only the sets that rule conditions name are tracked per view ("not_a_name" and
        # "name_title" are asked about one word at a time by is_name)
        used = {c.ref for r in compiled.rules for c in r.all + r.any + r.unless if c.kind == "set"}
        self.tracked = frozenset(self.set_index[name] for name in used)
        for name, ws in compiled.sets.items():
            if name not in used:
                continue
            for ph in ws.phrases:
                forms = [(self.phrase_first, ph)]
                try:
                    forms.append((self.phrase_first_b, tuple(w.encode("latin-1") for w in ph)))
                except UnicodeEncodeError:
                    pass
                for first, form in forms:
                    second = first.setdefault(form[0], {})
                    second.setdefault(form[1], []).append((self.set_index[name], form, len(form)))
        # word -> 0 when it is in no tracked set and starts no phrase, else (its tracked
        # sets, {second word: [(set index, phrase, length)]} or None)
        self.infos = _Infos(self, self.phrase_first)
        self.infos_b = _Infos(self, self.phrase_first_b)
        self.positional = compiled.positional_cats
        self.rules_by_trigger = compiled.rules_by_trigger
        # id(entry) -> "category/term", as evidence
        self.entry_ids = {id(e): e.id for e in compiled.entries}
        made: dict[int, object] = {}

        def checks(conds: tuple[Condition, ...]) -> tuple:
            out = []
            for c in conds:
                fn = made.get(id(c))
                if fn is None:
                    fn = made[id(c)] = self._check_fn(c)
                out.append(fn)
            return tuple(out)

        self.rules = [
            (r, r.flag, r.trigger, checks(r.all), checks(r.any), checks(r.unless))
            for r in compiled.rules
        ]

    def sets_of(self, w: str | bytes) -> tuple[int, ...]:
        """Indices of the sets ``w`` belongs to as a single word (cached per word)."""
        cache = self.memberships_b if type(w) is bytes else self.memberships
        sets = cache.get(w)
        if sets is None:
            word = w.decode("latin-1") if type(w) is bytes else w
            sets = tuple(i for i, ws in enumerate(self.set_list) if ws._member(word))
            if len(cache) > 200_000:  # bounded: vocabulary repeats across comments
                cache.clear()
            cache[w] = sets
        return sets

    def _check_fn(self, cond: Condition):
        kind, ref, before, after = cond.kind, cond.ref, cond.before, cond.after
        if kind == "set":
            return _set_check(self.set_index[ref], before, after)
        if kind == "cat":
            return _cat_check(ref, before, after)
        if ref == "name":
            return _name_check(before, after)
        if ref == "quoted":
            return _quoted_check
        if ref == "sentence_start":
            return _sentence_start_check
        if ref == "pii":
            return lambda ctx, hit: bool(ctx.pii)
        # text-wide specials: url, price, ad_url, phone_or_email, promo_code
        return lambda ctx, hit: getattr(ctx, ref)


class _Infos(dict):
    """word -> 0 when it is in no tracked set and starts no phrase, else (its tracked sets,
    {second word: [(set index, phrase, length)]} or None); computed on a miss, bounded."""

    def __init__(self, plan: _Plan, phrase_first: dict):
        super().__init__()
        self.plan = plan
        self.phrase_first = phrase_first

    def __missing__(self, w: str | bytes):
        plan = self.plan
        sets = tuple(si for si in plan.sets_of(w) if si in plan.tracked)
        second = self.phrase_first.get(w)
        info = (sets, second) if sets or second is not None else 0
        if len(self) > 200_000:  # bounded: vocabulary repeats across comments
            self.clear()
        self[w] = info
        return info


def _plan(compiled: Compiled) -> _Plan:
    plan = compiled.__dict__.get("_fast_plan")
    if plan is None:
        plan = compiled.__dict__["_fast_plan"] = _Plan(compiled)
    return plan


def _set_check(si: int, before: int | None, after: int | None):
    """A member of set ``si`` within ``before`` words before and ``after`` words after the
    hit (the hit's own words excluded), or anywhere in the view when ``before`` is None."""
    if before is None:

        def anywhere(ctx: Context, hit: Hit) -> bool:
            vs = hit.vs
            if vs.words is None:
                vs.prepare(ctx.plan)
            return vs.single[si] != 0 or si in vs.phrases

        return anywhere

    def window(ctx: Context, hit: Hit) -> bool:
        vs = hit.vs
        if vs.words is None:
            vs.prepare(ctx.plan)
        first = hit.first_tok
        end = hit.last_tok + 1
        lo = first - before
        if lo < 0:
            lo = 0
        hi = end + after
        if hi > vs.n:
            hi = vs.n
        m = vs.single[si]
        if m and m & (((1 << first) - (1 << lo)) | ((1 << hi) - (1 << end))):
            return True
        by_size = vs.phrases.get(si)
        if by_size:
            for size, m in by_size.items():
                a = first - size + 1
                b = hi - size + 1
                w = (1 << a) - (1 << lo) if a > lo else 0
                if b > end:
                    w |= (1 << b) - (1 << end)
                if m & w:
                    return True
        return False

    return window


def _cat_check(cat: str, before: int | None, after: int | None):
    """Another hit of lexicon category ``cat`` on the same view within the window (the same
    words allowed); hits starting more than 8 words before the window are not looked at."""

    def check(ctx: Context, hit: Hit) -> bool:
        vs = hit.vs
        if vs.words is None:
            vs.prepare(ctx.plan)
        index = vs.cat_index
        if index is None:
            index = vs.cat_index = {}
            for h in vs.hits:
                lst = index.get(h.cat)
                if lst is None:
                    index[h.cat] = [h]
                else:
                    lst.append(h)
        others = index.get(cat)
        if others is None:
            return False
        n = vs.n
        if before is None:
            lo, hi = 0, n
        else:
            lo = hit.first_tok - before
            if lo < 0:
                lo = 0
            hi = hit.last_tok + 1 + after
            if hi > n:
                hi = n
        lo8 = lo - 8
        for other in others:
            if other is not hit and lo8 <= other.first_tok < hi and other.last_tok >= lo:
                return True
        return False

    return check


def _name_check(before: int | None, after: int | None):
    """A personal name within the window, the hit's own words excluded."""

    def check(ctx: Context, hit: Hit) -> bool:
        vs = hit.vs
        if vs.words is None:
            vs.prepare(ctx.plan)
        names = vs.names
        if names is None:
            names = ctx.name_mask(vs)
        if not names:
            return False
        n = vs.n
        first = hit.first_tok
        end = hit.last_tok + 1
        if before is None:
            lo, hi = 0, n
        else:
            lo = first - before
            if lo < 0:
                lo = 0
            hi = end + after
            if hi > n:
                hi = n
        w = (1 << first) - (1 << lo) if first > lo else 0
        if hi > end:
            w |= (1 << hi) - (1 << end)
        return bool(names & w)

    return check


def _quoted_check(ctx: Context, hit: Hit) -> bool:
    vs = hit.vs
    has = vs.has_quote
    if has is None:
        has = vs.has_quote = _ANY_QUOTE.search(vs.view.text) is not None
    return has and Context.quoted(hit)


def _sentence_start_check(ctx: Context, hit: Hit) -> bool:
    k = hit.s - 1
    t = hit.vs.view.text
    while k >= 0 and t[k] in " \"'«»“”*-–":
        k -= 1
    return k < 0 or t[k] in ".!?:;\n" or t[k] in "🙂😡😂"


# Necessary parts of a _URL match (https?://, www., or "." and a top-level domain's first
# letter, with the four non-ASCII letters re.I equates with i, k and s) and of a discount code
# (a capital and a digit): cheap to look for, so the full patterns rarely run.
_URL_HINT = re.compile(r"://|\.[a-zA-Z\u017f\u212a\u0130\u0131]|[wW]{3}\.")
_PROMO_HINT = re.compile(r"\d(?<=[A-ZÅÄÖ]\d)")
_ANY_QUOTE = re.compile("[" + re.escape(_QUOTES) + "]")


class Context:
    """Lazily computed facts about one text, shared by all rules."""

    def __init__(self, text: str, plan: _Plan, pii: list[PiiFinding]):
        self.text = text
        self.plan = plan
        self.pii = pii
        self._url: bool | None = None
        self._price: bool | None = None
        self._ad_url: bool | None = None

    # --- text-wide specials ---
    @property
    def url(self) -> bool:
        if self._url is None:
            text = self.text
            self._url = _URL_HINT.search(text) is not None and _URL.search(text) is not None
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
        text = self.text
        return _PROMO_HINT.search(text) is not None and _PROMO_CODE.search(text) is not None

    @property
    def phone_or_email(self) -> bool:
        return any(p.type in ("phone", "email") for p in self.pii)

    def name_mask(self, vs: _ViewState) -> int:
        """Bit mask of the word positions in the view that are personal names (once per view)."""
        text = self.text
        ostart = vs.view.ostart
        starts = vs.starts if ostart is None else map(ostart.__getitem__, vs.starts)
        mask = 0
        for k in compress(range(vs.n), map(str.isupper, map(text.__getitem__, starts))):
            if self.is_name(vs, k):
                mask |= 1 << k
        vs.names = mask
        return mask

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
        words = vs.words
        w = words[k]
        plan = self.plan
        # set membership of one word (phrases never fit in one word), cached per word
        if plan.not_a_name in plan.sets_of(w) or not self._cap(vs, k):
            return False
        names = plan.compiled.names
        if type(w) is bytes:
            w = w.decode("latin-1")
        if w in names:
            return True
        if len(w) > 5 and w.endswith(SURNAME_SUFFIXES) and not self._sentence_initial(vs, k):
            return True
        if k > 0:
            prev = words[k - 1]
            if (prev.decode("latin-1") if type(prev) is bytes else prev) in names and self._cap(
                vs, k - 1
            ):
                return True  # "Gunvor Eriksson"
            return plan.name_title in plan.sets_of(prev)
        return False

    @staticmethod
    def quoted(hit: Hit) -> bool:
        t = hit.vs.view.text
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


class _Spans:
    """The spans a score has counted, sorted by start, for the test "does ``hs:he`` overlap
    one of them by at least half of the shorter of the two?". Such a span overlaps or
    touches ``hs:he``, so it starts within the longest span's length before ``hs``: only
    those are looked at (a long comment with hundreds of signs stays linear)."""

    __slots__ = ("sorted", "longest")

    def __init__(self) -> None:
        self.sorted: list[tuple[int, int]] = []
        self.longest = 0

    def overlaps(self, hs: int, he: int) -> bool:
        spans = self.sorted
        i = bisect.bisect_left(spans, (hs - self.longest,))
        n = len(spans)
        while i < n:
            a, b = spans[i]
            if a > he:
                return False
            overlap = (he if he < b else b) - (hs if hs > a else a)
            if 2 * overlap >= (he - hs if he - hs < b - a else b - a):
                return True
            i += 1
        return False

    def add(self, hs: int, he: int) -> None:
        bisect.insort(self.sorted, (hs, he))
        if he - hs > self.longest:
            self.longest = he - hs


def evaluate(
    text: str,
    compiled: Compiled,
    views: list[View],
    pii: list[PiiFinding],
    categories: set[str] | None = None,
) -> list[FlagFinding]:
    """The flag findings of a text; ``categories``, when given, receives the lexicon category
    of every hit on any view (the statistical stage reads them as features)."""
    plan = _plan(compiled)
    all_hits: list[Hit] = []
    states: list[_ViewState] = []
    for view in views:
        vs = _ViewState(view)
        hits = _find_hits(compiled, vs)
        if hits:
            # words and word-set positions are computed when a condition first needs them
            vs.hits = hits
            states.append(vs)
            all_hits.extend(hits)
    if not all_hits:
        return []
    if categories is not None:
        categories.update([hit.cat for hit in all_hits])
    try:
        return _evaluate(text, compiled, plan, Context(text, plan, pii), all_hits)
    finally:
        for vs in states:  # break hit <-> view-state cycles so memory is freed at once
            vs.hits = vs.cat_index = None


def _evaluate(
    text: str, compiled: Compiled, plan: _Plan, ctx: Context, all_hits: list[Hit]
) -> list[FlagFinding]:
    findings: dict[tuple[str, int, int], FlagFinding] = {}
    entry_ids = plan.entry_ids
    by_cat: dict[str, list[Hit]] = {}
    for hit in all_hits:
        lst = by_cat.get(hit.cat)
        if lst is None:
            by_cat[hit.cat] = [hit]
        else:
            lst.append(hit)
    multi: dict[tuple[str, ...], list[Hit]] = {}
    # only the rules that one of the present categories triggers, in data-file order
    by_trigger = plan.rules_by_trigger
    wanted: set[int] = set()
    for cat in by_cat:
        idx = by_trigger.get(cat)
        if idx is not None:
            wanted.update(idx)
    rules = plan.rules
    for i in sorted(wanted):
        rule, flag, trigger, r_all, r_any, r_unless = rules[i]
        if len(trigger) == 1:
            candidates = by_cat.get(trigger[0])
            if candidates is None:
                continue
        else:
            candidates = multi.get(trigger)
            if candidates is None:
                if any(c in by_cat for c in trigger):
                    candidates = [h for h in all_hits if h.cat in trigger]
                else:
                    candidates = []
                multi[trigger] = candidates
            if not candidates:
                continue
        fired = 0
        for hit in candidates:
            key = (flag, hit.os, hit.oe)
            if key in findings:
                continue  # the same finding already made (conditions have no side effects)
            # conditions in order with short-circuit
            ok = True
            for check in r_all:
                if not check(ctx, hit):
                    ok = False
                    break
            if not ok:
                continue
            if r_any:
                ok = False
                for check in r_any:
                    if check(ctx, hit):
                        ok = True
                        break
                if not ok:
                    continue
            for check in r_unless:
                if check(ctx, hit):
                    ok = False
                    break
            if not ok:
                continue
            findings[key] = FlagFinding(
                flag=flag,
                rule=f"{rule.id}[{entry_ids[id(hit.entry)]}]",
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
        weights = score.weights
        total = 0
        evidence: list[str] = []
        first: Hit | None = None
        first_w = 0
        per_cat: dict[str, set[str]] = {}
        spans = _Spans() if score.distinct_spans else None
        cap = score.cap_per_category
        for hit in [h for h in all_hits if h.cat in weights]:
            if spans is not None:
                hs, he = hit.os, hit.oe
                if spans.overlaps(hs, he):
                    continue  # mostly the same words already counted as another sign
                spans.add(hs, he)
            cat = hit.cat
            seen = per_cat.get(cat)
            if seen is None:
                seen = per_cat[cat] = set()
            term = hit.entry.term
            if term in seen or len(seen) >= cap:
                continue
            seen.add(term)
            w = weights[cat]
            total += w
            evidence.append(entry_ids[id(hit.entry)])
            if first is None or w > first_w:
                first = hit
                first_w = w
        if first is None:
            continue  # specials alone (a URL, a price) are never advertising
        for special in ("url", "ad_url", "price", "phone_or_email", "promo_code"):
            if special in weights and getattr(ctx, special):
                total += weights[special]
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
