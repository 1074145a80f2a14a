"""Normalisation that remembers where every character came from.

A *view* is a normalised string plus, for each of its characters, the span of the ORIGINAL
text it came from, so that findings made on the normalised text are reported on the
original (``value == text[start:end]``). The main view is NFKC + lower case + single
spaces, without zero-width characters. When a cheap regex sees obfuscation, extra views are
made: separators between single letters removed (``f i t t a``, ``i.d.i.o.t``), punctuation
inside words removed (``fi*tta``), digits used as letters mapped back (``h0ra``), and runs of
3+ identical letters collapsed to one or two (``jäääävla``).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate

# Zero-width and bidi control characters, soft hyphen: invisible, used to split words.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff]+"
)
_WS_RUN = re.compile(r"\s+")

# Obfuscation detectors and their repairs.
_SPACED_LETTERS = re.compile(r"(?<!\w)(?:[^\W\d_][ .\-_*·|,]{1,2}){2,}[^\W\d_](?!\w)")
_SPACED_SEP = re.compile(r"[ .\-_*·|,]")
# Patterns start with their rarest character class, so the regex engine skips ahead fast.
_INNER_PUNCT = re.compile(r"[.*_\-|'`´·](?<=[^\W\d_].)[.*_\-|'`´·]*(?=[^\W\d_])")
# "!" and "|" stand for "i" only inside a word ("id!ot"), so "Hej!" is no hint.
_LEET_HINT = re.compile(
    r"[013457@$](?:(?<=[^\W\d_].)|(?=[^\W\d_]))|!(?<=[^\W\d_].)(?=[^\W\d_])|\|(?=[^\W\d_])"
)
_TOKENISH = re.compile(r"[\w@$!|]+")
_TOKEN_SPLIT = re.compile(r"([\w@$!|]+)")  # split() keeps _TOKENISH's tokens at odd indices
_LEET = {
    "0": "o",
    "1": "i",
    "3": "e",
    "4": "a",
    "5": "s",
    "7": "t",
    "@": "a",
    "$": "s",
    "!": "i",
    "|": "i",
}
_INTERIOR_ONLY = frozenset("!|")
_REPEAT = re.compile(r"([^\W\d_])\1{2,}")
_REPEAT_HINT = re.compile(r"(.)\1\1")
_LETTER = re.compile(r"[^\W\d_]")
# a spaced-out word ends in "<sep><letter><sep(s)><letter>" and a non-word character
_SPACED_HINT = re.compile(r"[ .\-_*·|,][^\W\d_][ .\-_*·|,]{1,2}[^\W\d_](?!\w)")


class View:
    """A normalised string with a map back to the original text."""

    __slots__ = ("text", "ostart", "oend", "name")

    def __init__(self, text: str, ostart: list[int] | None, oend: list[int] | None, name: str):
        self.text = text
        self.ostart = ostart  # None: identity map
        self.oend = oend
        self.name = name

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering normalised characters ``start:end`` (end > start)."""
        if self.ostart is None:
            return start, end
        return self.ostart[start], self.oend[end - 1]

    def maps(self) -> tuple[list[int], list[int]]:
        if self.ostart is None:
            n = len(self.text)
            return list(range(n)), list(range(1, n + 1))
        return self.ostart, self.oend


# Identity maps of texts up to this length are slices of one shared list: slicing shares the
# int objects, where building ``range`` values allocates one per character above 256.
_IDENT_MAX = 8192
_IDENT_START = list(range(_IDENT_MAX))
_IDENT_END = list(range(1, _IDENT_MAX + 1))


def _apply(view_text: str, ostart: list[int] | None, oend: list[int] | None, edits, name: str):
    """Apply sorted, non-overlapping ``(start, end, replacement)`` edits, keeping the map.

    A replacement of the same length maps character by character; any other replacement
    maps each of its characters to the whole original span it replaced.
    """
    n = len(view_text)
    if ostart is None:
        if n <= _IDENT_MAX:
            ostart, oend = _IDENT_START, _IDENT_END
        else:
            ostart, oend = list(range(n)), list(range(1, n + 1))
    parts: list[str] = []
    ns: list[int] = []
    ne: list[int] = []
    pos = 0
    for s, e, repl in edits:
        parts.append(view_text[pos:s])
        ns.extend(ostart[pos:s])
        ne.extend(oend[pos:s])
        if repl:
            parts.append(repl)
            if len(repl) == e - s:
                ns.extend(ostart[s:e])
                ne.extend(oend[s:e])
            else:
                a, b = ostart[s], oend[e - 1]
                ns.extend([a] * len(repl))
                ne.extend([b] * len(repl))
        pos = e
    parts.append(view_text[pos:])
    ns.extend(ostart[pos:n])
    ne.extend(oend[pos:n])
    return View("".join(parts), ns, ne, name)


def _nfkc_edits(text: str):
    edits = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        norm = unicodedata.normalize("NFKC", cluster)
        if norm != cluster:
            edits.append((i, j, norm))
        i = j
    return edits


def main_view(text: str) -> View:
    """NFKC (only when needed), invisible characters removed, lower case, single spaces."""
    view = View(text, None, None, "main")
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            view = _apply(text, None, None, _nfkc_edits(text), "main")
        # every invisible character but the soft hyphen lies above Latin-1; encoding a
        # Latin-1 string to Latin-1 is a copy, and keeps its length
        if (
            "\u00ad" in view.text
            if view.text is text and len(text.encode("latin-1", "ignore")) == len(text)
            else _INVISIBLE.search(view.text)
        ):
            edits = [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(view.text)]
            view = _apply(view.text, view.ostart, view.oend, edits, "main")
    low = view.text.lower()
    if len(low) == len(view.text):
        view = View(low, view.ostart, view.oend, "main")
    else:
        edits = [(i, i + 1, c.lower()) for i, c in enumerate(view.text) if len(c.lower()) != 1]
        view = _apply(view.text, view.ostart, view.oend, edits, "main")
        view = View(view.text.lower(), view.ostart, view.oend, "main")
    if "  " in view.text or not view.text.isprintable():
        edits = [(m.start(), m.end(), " ") for m in _WS_RUN.finditer(view.text) if m.group() != " "]
        view = _apply(view.text, view.ostart, view.oend, edits, "main")
    return view


def _deobfuscate(view: View) -> View:
    cur = view
    if _SPACED_HINT.search(cur.text) and _SPACED_LETTERS.search(cur.text):
        edits = []
        for m in _SPACED_LETTERS.finditer(cur.text):
            # drop each separator character inside the match
            for sm in _SPACED_SEP.finditer(m.group()):
                edits.append((m.start() + sm.start(), m.start() + sm.end(), ""))
        cur = _apply(cur.text, cur.ostart, cur.oend, edits, "deobf")
    edits = [(m.start(), m.end(), "") for m in _INNER_PUNCT.finditer(cur.text)]
    if edits:
        cur = _apply(cur.text, cur.ostart, cur.oend, edits, "deobf")
    if _LEET_HINT.search(cur.text):
        edits = []
        # the tokens of _TOKENISH at odd indices; only those neither all letters nor all
        # digits can change, and their starts come from the running lengths
        pieces = _TOKEN_SPLIT.split(cur.text)
        toks = pieces[1::2]
        cands = [k for k, tok in enumerate(toks) if not (tok.isalpha() or tok.isdigit())]
        bounds = list(accumulate(map(len, pieces))) if cands else []
        for k in cands:
            tok = toks[k]
            start = bounds[2 * k]
            letters = sum(1 for c in tok if c.isalpha())
            if letters < 2:
                continue
            chars = list(tok)
            last = len(tok) - 1
            changed = False
            for k, c in enumerate(chars):
                rep = _LEET.get(c)
                if rep is None:
                    continue
                if c in _INTERIOR_ONLY and (
                    k == 0 or k == last or not tok[k - 1].isalpha() or not tok[k + 1].isalpha()
                ):
                    continue
                chars[k] = rep
                changed = True
            if changed:
                edits.append((start, start + len(tok), "".join(chars)))
        if edits:
            cur = _apply(cur.text, cur.ostart, cur.oend, edits, "deobf")
    return cur


def views(text: str) -> list[View]:
    """The main view, plus obfuscation-repaired views only when something looks obfuscated."""
    main = main_view(text)
    out = [main]
    deob = _deobfuscate(main)
    # a run of 3+ of the same character that is a letter (the hint also sees "..." and "000")
    if any(_LETTER.match(m.group(1)) for m in _REPEAT_HINT.finditer(deob.text)):
        runs = [(m.start(), m.end(), m.group(1)) for m in _REPEAT.finditer(deob.text)]
        one = runs
        two = [(s, e, c * 2) for s, e, c in runs]
        out.append(_apply(deob.text, deob.ostart, deob.oend, one, "collapse1"))
        out.append(_apply(deob.text, deob.ostart, deob.oend, two, "collapse2"))
    elif deob is not main and deob.text != main.text:
        out.append(deob)
    return out
