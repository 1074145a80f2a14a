"""Personal data in Swedish free text: regex candidates, then a validator decides.

Everything here works on the ORIGINAL text, so spans need no mapping. Order matters: e-mail,
IBAN, bankgiro/plusgiro, personnummer, clearing+account, phone, address; a later detector
never takes a span an earlier one claimed. Numbers that belong to something else (OCR and
invoice numbers, diary numbers, organisationsnummer, dates) are fenced off first.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re

import ahocorasick
import phonenumbers
from bankkonto import BankkontoException
from bankkonto import validate as _bank_validate
from personnummer import personnummer as _pnr
from stdnum import iban as _iban
from stdnum import luhn as _luhn
from stdnum.se import postnummer as _postnummer

from .results import PiiFinding

_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]{1,64}"
    r"(?:@|\s?[\[(]\s?(?:at|snabel-?a)\s?[\])]\s?)"
    r"(?:[\w-]{1,63}(?:\.|\s?[\[(]\s?(?:dot|punkt)\s?[\])]\s?))+[^\W\d_]{2,24}(?![\w-])",
    re.I,
)

_IBAN = re.compile(r"(?<![\w])([A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){10,30})(?![\w])")

_GIRO = re.compile(
    r"\b(bankgiro|bankgironummer|bankgironr|bg|bg-nr|plusgiro|plusgironummer|plusgironr|"
    r"postgiro|pg|pg-nr)\b[\s.:]*(?:nr\.?|nummer)?[\s.:]*"
    r"(\d(?:[ -]?\d){1,9})(?![\d-])",
    re.I,
)

_PNR = re.compile(r"(?=\d)(?<![\w+.,/-])((?:1[89]|20)?\d{6})([-+]?)(\d{4})(?![\w]|[-+.,/]\d)")
_PNR_KEYWORD = re.compile(r"(?:person|samordnings)num|pers\.?\s?nr|pnr|p-nr|personnr", re.I)

_ACCOUNT = re.compile(
    r"(?=\d)(?<![\w+.,/-])(\d{4})(?:-(\d))?(?:(?:,|-|\s-\s|[ ]|,\s)(\d(?:[ -]?\d){5,11})|"
    r"(\d{7,10}))(?![\w]|[-.,/]\d)"
)
_ACCOUNT_KEYWORD = re.compile(
    r"konto|kontonr|kontonummer|clearing|clnr|clearingnr|bank|swedbank|nordea|handelsbanken|"
    r"seb\b|sparbank|sätt in|sätta in|överför|betala",
    re.I,
)

_PHONE = re.compile(
    r"(?=[+(0])(?<![\w+])(?<!\d[-./])"
    r"(?:(?:\+|00)\s?46[\s-]?(?:\(0\)[\s-]?)?[1-9]|\(0\d{1,3}\)|0[1-9])"
    r"(?:(?:[ \t\u00a0\u202f\u2009]?[\-/–—‐‑.][ \t\u00a0\u202f\u2009]?|[ \t\u00a0\u202f\u2009]|\)\s?)?\d){5,11}"
    r"(?![\w])"
)
_PHONE_SEP_RUN = re.compile(r"[^\d]+(?=\d)")

_STREET_TAIL = re.compile(
    r"(?=[gvsbtalpGVSBTALP])(gatan|vägen|gränden|gränd|stigen|backen|torget|allén|allé|leden|plan|gången|"
    r"slingan|väg|gata|torg)\s(\d{1,4})(?:\s?([a-hA-H])(?![\w]))?(?![\d\w]|[.,:/]\d)",
    re.I,
)
_POSTCODE_TOWN = re.compile(r"(?:,\s*|\s+)(\d{3}\s?\d{2})(?:\s+([A-ZÅÄÖ][\wåäöé-]+))?(?!\d)")
# Words ending in a street suffix that are not streets ("riksväg 26", "detaljplan 3").
_NOT_STREET_PREFIX = frozenset(
    """riks läns europa e motor genomfarts huvud kör gång cykel mot till från av på längs
    vid detalj översikts budget handlings strategi verksamhets åtgärds kvalitets vård
    kommun utvecklings tids kost fördel besluts arbets utbildnings plats pendel""".split()
)
_BARE_SUFFIX_OK_AFTER = re.compile(r"([A-ZÅÄÖ][\wåäöé-]+)\s$")

# Numbers that are something else and must never be read as personal data. "org.nr" is not
# among the lead-ins: an enskild firma's organisationsnummer is its owner's personnummer (a
# real date, so personal data), while a company's has 20 or more in the month position and is
# fenced by its shape (_ORGNR).
_FENCE_KEYWORD = re.compile(
    r"\b(?:ocr(?:-?nummer|-?nr)?|faktura(?:nummer|nr)?|fakturan|kundnummer|kundnr|"
    r"ordernummer|ordernr|order|referens(?:nummer)?|ref|dnr|diarienummer|diarienr|"
    r"ärendenummer|ärendenr|ärende|"
    r"artikelnummer|art\.?\s?nr|avtalsnummer|objektnummer|mätarnummer|anläggnings(?:id|nummer)|"
    r"ks|bn|kf|ksau|sn|mbn|ubn|lgh|lägenhet|fastighet|registreringsnummer|regnr|beslut)"
    r"\b[\s.:#-]*(?:nr\.?|nummer)?[\s.:#]*$",
    re.I,
)
_NUMBER = re.compile(r"(?=\d)(?<![\d])\d(?:[\d /.:-]*\d)?")
_ORGNR = re.compile(r"(?=\d)(?<![\w-])(?:16)?\d{2}[2-9]\d{3}-?\d{4}(?!\d)")
_DATE = re.compile(
    r"(?=\d)(?<!\d)(?:(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[/.]\d{1,2}(?:[/.](?:19|20)?\d{2})?)"
    r"(?!\d)"
)

_TODAY = _dt.date.today
_AT_HINT = re.compile(r"[\[(]\s?(?:at|snabel)", re.I)
_STREET_HINTS = (
    "gata",
    "väg",
    "gränd",
    "stig",
    "back",
    "torg",
    "allé",
    "led",
    "plan",
    "gång",
    "sling",
)
_DIGIT = re.compile(r"\d")
_NON_DIGIT = re.compile(r"\D")

# Prefilters: each finds where a detector's match could start, so the full pattern runs only
# there (the result is the same as scanning the whole text; the tests pin this down).
# Every fence keyword starts with one of these literals. With re.I, only "İ", "ı", "K"
# (Kelvin) and "ſ" match their letters besides the plain upper and lower case, so on a text
# without them whose lower() keeps its length the literals are found in ``text.lower()`` by
# one automaton pass; the full pattern then runs only for a number with a literal within
# 40 characters before it.
_FENCE_LITERALS = (
    "ocr faktur kund order ref dnr diarie ärende art avtal objekt mätar anläggning ks bn "
    "kf sn mbn ubn lgh lägenhet fastighet registrering regnr beslut"
).split()
_FENCE_EXOTIC = re.compile("[\u0130\u0131\u212a\u017f]")
_EXOTIC_CASE = "\u0130\u0131\u212a\u017f"
_FENCE_AUTOMATON = ahocorasick.Automaton()
for _lit in _FENCE_LITERALS:
    _FENCE_AUTOMATON.add_word(_lit, len(_lit))
_FENCE_AUTOMATON.make_automaton()
_GIRO_HINT = re.compile(r"giro|bg|pg", re.I)
_WS_DIGIT = re.compile(r"\s(?=\d)")
_STREET_END = re.compile(
    r"(?:gatan|vägen|gränden|gränd|stigen|backen|torget|allén|allé|leden|plan|gången|"
    r"slingan|väg|gata|torg)\Z",
    re.I,
)
# Cheap gate: the whole pass runs only if an ASCII digit, "@" or "(at)" is present.
_AT_GATE = re.compile(r"\((?:at|snabel-?a)\)|\[(?:at|snabel-?a)\]", re.I)


def _street_matches(text: str, ws_digit=None):
    """``_STREET_TAIL.finditer(text)``, trying only where a street suffix ends before
    a space and a digit (every match has that shape). ``ws_digit``: the starts of
    ``_WS_DIGIT`` matches when the caller already knows them."""
    last_end = 0
    if ws_digit is None:
        ws_digit = [w.start() for w in _WS_DIGIT.finditer(text)]
    for p in ws_digit:
        cand = _STREET_END.search(text, max(0, p - 8), p)
        if cand is None or cand.start() < last_end:
            continue
        m = _STREET_TAIL.match(text, cand.start())
        if m is not None:
            last_end = m.end()
            yield m


_RUN_START = re.compile(r"\d+")
_PLUS_PAREN = re.compile(r"[+(]")


def _matches_at(rx: re.Pattern, text: str, starts):
    """``rx.finditer(text)`` when every match of ``rx`` starts at one of ``starts`` (sorted):
    the pattern is tried only there, skipping starts inside an earlier match."""
    last_end = 0
    for p in starts:
        if p < last_end:
            continue
        m = rx.match(text, p)
        if m is not None:
            last_end = m.end()
            yield m


def _find_all(hay: str, needle: str) -> list[int]:
    out = []
    i = hay.find(needle)
    while i >= 0:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def _giro_matches(text: str, low: str | None = None):
    """``_GIRO.finditer(text)``, trying only where a keyword can start (at "bg"/"pg" or four
    characters before "giro"). ``low``: ``text.lower()`` when the caller knows that it finds
    exactly what the case-insensitive hint finds (same length, no exotic case letters)."""
    if low is None:
        hints = [h.start() for h in _GIRO_HINT.finditer(text)]
    else:
        hints = _find_all(low, "giro") + _find_all(low, "bg") + _find_all(low, "pg")
    starts = set()
    for q in hints:
        starts.add(q)
        if q >= 4:
            starts.add(q - 4)
    last_end = 0
    for q in sorted(starts):
        if q < last_end:
            continue
        m = _GIRO.match(text, q)
        if m is not None:
            last_end = m.end()
            yield m


_DATE_NEXT = ("-", ".", "/")
_TEN_LENGTHS = frozenset((6, 8, 10, 12))


def _run_lists(text: str, spans: list[tuple[int, int]]):
    """Start lists per pattern from the digit runs ``(start, end)``; each keeps only the runs
    a match can begin with, so the result equals trying every run:

    - _DATE: "YYYY" + one of ``-./``, or 1-2 digits + ``/`` or ``.``: a run of 1, 2 or 4
      digits followed by ``-``, ``.`` or ``/``;
    - _IBAN: two ASCII letters, then at least two digits: starts two characters earlier;
    - _ACCOUNT: 4 digits then a non-digit, or 4 + 7-10 digits ending the run: 4 or 11-14;
    - _PNR and _ORGNR: 6 or 8 digits then a separator, or 10 or 12 digits ending the run.
    """
    date, iban, acct, ten = [], [], [], []
    for q, e in spans:
        n = e - q
        if n in _TEN_LENGTHS:
            ten.append(q)
        if n == 4 or 11 <= n <= 14:
            acct.append(q)
        if (n <= 2 or n == 4) and text[e : e + 1] in _DATE_NEXT:
            date.append(q)
        if n >= 2 and q >= 2 and (p := text[q - 2 : q]).isascii() and p.isalpha():
            iban.append(q - 2)
    return date, iban, acct, ten


class _Spans:
    """Sorted, merged spans with O(log n) overlap queries (keeps a 1 MB text linear)."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self.ends, s)  # first span that ends at/after s
        j = i
        while j < len(self.starts) and self.starts[j] <= e:
            s = min(s, self.starts[j])
            e = max(e, self.ends[j])
            j += 1
        self.starts[i:j] = [s]
        self.ends[i:j] = [e]

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self.ends, s)  # first span ending after s
        return i < len(self.starts) and self.starts[i] < e


def _overlaps(spans: _Spans, s: int, e: int) -> bool:
    return spans.overlaps(s, e)


def _pnr_valid(digits: str, sep: str) -> bool:
    """FMT-1..FMT-3: Luhn over YYMMDDNNN, a real date (day - 60 for samordningsnummer)."""
    # the library reads today's date (century of 10-digit numbers), so the cache key has it
    return _pnr_valid_on(digits, sep, _TODAY())


@functools.lru_cache(maxsize=4096)
def _pnr_valid_on(digits: str, sep: str, today: _dt.date) -> bool:
    try:
        p = _pnr.Personnummer(digits[:-4] + (sep or "") + digits[-4:])
    except _pnr.PersonnummerException:
        return False
    if len(digits) == 12:
        try:
            if p.get_date() > today:
                return False
        except ValueError:
            return False
    return True


# Validator calls are pure functions of the candidate string: bounded caches, since the same
# numbers (the municipality's, a spammer's) come back across comments.
_iban_valid = functools.lru_cache(maxsize=4096)(_iban.is_valid)


@functools.lru_cache(maxsize=4096)
def _bank_check(clearing: str, account: str) -> int:
    """1: a valid clearing + account; 2: rejected by a Swedbank-specific check; 0: invalid."""
    try:
        _bank_validate(clearing, account)
    except BankkontoException as exc:
        return 2 if type(exc).__name__.startswith("Swedbank") else 0
    return 1


@functools.lru_cache(maxsize=4096)
def _phone_number_valid(number: str) -> bool:
    try:
        parsed = phonenumbers.parse(number, "SE")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed)


def _phone_valid(raw: str) -> bool:
    digits = _NON_DIGIT.sub("", raw)
    if raw.lstrip().startswith("+"):
        number = "+" + digits
    elif digits.startswith("0046"):
        number = "+" + digits[2:]
    else:
        number = digits
    if len(digits) < 7 or len(digits) > 15:
        return False
    return _phone_number_valid(number)


class PiiDetector:
    """All PII detectors; stateless after construction, safe to share."""

    def find(self, text: str) -> list[PiiFinding]:
        has_at = "@" in text
        # ten substring scans are much cheaper than one regex scan for a digit
        ascii_digit = any(c in text for c in "0123456789")
        bracket = "(" in text or "[" in text
        if not (ascii_digit or has_at or (bracket and _AT_GATE.search(text))):
            return []
        has_digit = ascii_digit or _DIGIT.search(text) is not None
        found: list[PiiFinding] = []
        claimed = _Spans()
        fenced = _Spans()

        def add(kind: str, s: int, e: int, rule: str) -> None:
            found.append(PiiFinding(kind, s, e, text[s:e], rule))
            claimed.add(s, e)

        at_hint = None if has_at or not bracket else _AT_HINT.search(text)
        if has_at or at_hint:
            # every e-mail contains "@" or "(at)" within 66 characters of its start
            first = text.find("@") if has_at else at_hint.start()
            if has_at and (h := _AT_HINT.search(text, 0, first)) is not None:
                first = h.start()
            for m in _EMAIL.finditer(text, max(0, first - 66)):
                add("email", m.start(), m.end(), "email.address")

        if not has_digit:
            return found

        low = text.lower()
        # lower() finds what re.I finds when it keeps the length and none of the four
        # exotic case letters is present (see _FENCE_LITERALS)
        low_ok = len(low) == len(text) and (
            # the four lie above Latin-1; encoding Latin-1 text to Latin-1 is a copy
            len(text.encode("latin-1", "ignore")) == len(text)
            or not any(c in text for c in _EXOTIC_CASE)
        )
        if low_ok:
            hints = sorted(end - n + 1 for end, n in _FENCE_AUTOMATON.iter(low))
        else:
            hints = None  # fall back to the full pattern before every number
        # _NUMBER, _DATE, _ORGNR, _ACCOUNT and _PNR can only start where a run of digits
        # starts; _IBAN two characters before one; _PHONE at "+", "(" or a run starting "0".
        # Each pattern also fixes the length of the run it starts with (see _run_lists), so
        # it is tried only at runs of a length it can match.
        spans = [m.span() for m in _RUN_START.finditer(text)]
        runs = [q for q, _ in spans]
        date_starts, iban_starts, acct_starts, ten_starts = _run_lists(text, spans)
        if hints is None or hints:
            for m in _matches_at(_NUMBER, text, runs):
                s = m.start()
                lo = max(0, s - 40)
                if hints is None:
                    if _FENCE_KEYWORD.search(text, lo, s):
                        fenced.add(*m.span())
                    continue
                # a keyword match starts where a literal starts: try only there
                i = bisect.bisect_left(hints, lo)
                while i < len(hints) and (h := hints[i]) < s:
                    if _FENCE_KEYWORD.match(text, h, s):
                        fenced.add(*m.span())
                        break
                    i += 1
        for m in _matches_at(_DATE, text, date_starts):
            fenced.add(*m.span())

        for m in _matches_at(_IBAN, text, iban_starts):
            s, e = m.span(1)
            cand = m.group(1)
            while cand and not _iban_valid(cand):
                cut = cand.rfind(" ")
                if cut <= 15:
                    cand = ""
                    break
                cand = cand[:cut]
            if cand and not _overlaps(claimed, s, s + len(cand)):
                add("bank_account", s, s + len(cand), "bank.iban")

        giro_iter = (
            _giro_matches(text, low if low_ok else None)
            if ("giro" in low or "bg" in low or "pg" in low)
            else ()
        )
        for m in giro_iter:
            s, e = m.span(2)
            if _overlaps(claimed, s, e):
                continue
            digits = _NON_DIGIT.sub("", m.group(2))
            kw = m.group(1).lower()
            if kw.startswith(("bank", "bg")):
                ok = 7 <= len(digits) <= 8 and _luhn.is_valid(digits)
                rule = "bank.bankgiro"
            else:
                ok = 2 <= len(digits) <= 8 and _luhn.is_valid(digits)
                rule = "bank.plusgiro"
            if ok:
                add("bank_account", s, e, rule)
            else:
                fenced.add(*(s, e))

        for m in _matches_at(_ORGNR, text, ten_starts):
            if not _overlaps(claimed, *m.span()):
                fenced.add(*m.span())

        for m in _matches_at(_ACCOUNT, text, acct_starts):
            s, e = m.span()
            if _overlaps(claimed, s, e):
                continue
            digits = _NON_DIGIT.sub("", m.group())
            kw = _ACCOUNT_KEYWORD.search(text, max(0, s - 50), s)
            if m.group(4) and not kw and not m.group(2):
                continue  # an unbroken digit run is only an account when someone says so
            if _overlaps(fenced, s, e) and not kw:
                continue
            if int(m.group(1)) < 1000:
                continue
            splits = [(digits[:4], digits[4:])]
            if digits[0] == "8":
                splits.insert(0, (digits[:5], digits[5:]))
            ok = False
            for clearing, account in splits:
                check = _bank_check(clearing, account)
                ok = check == 1 or bool(kw and check == 2)
                if ok:
                    break
            if not ok:
                continue
            add("bank_account", s, e, "bank.clearing_account")

        for m in _matches_at(_PNR, text, ten_starts):
            s, e = m.span()
            if _overlaps(claimed, s, e):
                continue
            digits = m.group(1) + m.group(3)
            sep = m.group(2)
            kw = _PNR_KEYWORD.search(text, max(0, s - 40), s)
            if _overlaps(fenced, s, e) and not kw:
                continue
            if not _pnr_valid(digits, sep):
                continue
            if not sep and len(digits) == 10 and digits[:2] == "07" and not kw:
                # "0701234567" is a valid date (1907/2007-01-23) and may pass Luhn: with a
                # mobile prefix it is a phone number unless someone calls it a personnummer.
                if digits[2] in "02369" and _phone_valid(digits):
                    continue
            add(
                "personnummer",
                s,
                e,
                "personnummer.samordning" if int(digits[-6:-4]) > 60 else "personnummer.luhn_date",
            )

        phone_starts = [q for q in runs if text[q] == "0"]
        if "+" in text or "(" in text:
            phone_starts = sorted([*phone_starts, *(m.start() for m in _PLUS_PAREN.finditer(text))])
        for m in _matches_at(_PHONE, text, phone_starts):
            s, e = m.span()
            raw = m.group()
            # Try the whole candidate, then without trailing groups ("070-123 45 67 20 kr").
            while True:
                if not _overlaps(claimed, s, e) and not _overlaps(fenced, s, e):
                    if _phone_valid(raw):
                        add("phone", s, e, "phone.se")
                        break
                seps = [m2.start() for m2 in _PHONE_SEP_RUN.finditer(raw)]
                cut = seps[-1] if seps else -1
                if cut <= 2:
                    break
                raw = raw[:cut]
                e = s + len(raw)
                if sum(map(str.isdigit, raw)) < 7:
                    break

        street_iter = (
            _street_matches(text, [q - 1 for q in runs if q and text[q - 1].isspace()])
            if any(h in low for h in _STREET_HINTS)
            else ()
        )
        for m in street_iter:
            suf_start = m.start(1)
            ws = suf_start
            while ws > 0 and (text[ws - 1].isalpha() or text[ws - 1] == "-"):
                ws -= 1
            prefix = text[ws:suf_start].lower().rstrip("-")
            if ws > 0 and text[ws - 1].isdigit():
                continue
            if prefix:
                if prefix in _NOT_STREET_PREFIX or len(prefix) < 2:
                    continue
                if m.group(1).lower() in ("plan", "torg", "allé") and not text[ws].isupper():
                    continue
                start = ws
            else:
                # A bare "vägen 3" / "väg 26" is an address only after a capitalised name
                # ("Gamla vägen 3", "Vansbro väg 5"); "längs väg 26" is a road number.
                prev = _BARE_SUFFIX_OK_AFTER.search(text, max(0, ws - 40), ws)
                if not prev or prev.group(1).lower() in _NOT_STREET_PREFIX:
                    continue
                if prev.start(1) > 0 and text[prev.start(1) - 2 : prev.start(1)].strip() == "":
                    pass
                start = prev.start(1)
            end = m.end()
            pm = _POSTCODE_TOWN.match(text, end)
            if pm and _postnummer.is_valid(pm.group(1)):
                end = pm.end()
            if _overlaps(claimed, start, end):
                continue
            add("address", start, end, "address.street_number")

        found.sort(key=lambda f: (f.start, f.end))
        return found
