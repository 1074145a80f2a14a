"""PII detectors: each type found with the right span, and hard negatives left alone."""

from __future__ import annotations

import pytest

from moderation.screening import screen


def _pii(text: str) -> list[tuple[str, str]]:
    return [(p.type, p.value) for p in screen(text).pii]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mitt personnummer är 850312-1231.", "850312-1231"),
        ("pnr 198503121231 tack", "198503121231"),
        ("Farmor 19850312-1231 bor kvar", "19850312-1231"),
        ("utan bindestreck 8503121231 också", "8503121231"),
    ],
)
def test_personnummer_forms(text, value):
    """FMT-1: a personnummer in 10 or 12 digits, with or without '-', is found as
    personnummer with its exact span (GDPR-4: never published)."""
    assert _pii(text) == [("personnummer", value)]


def test_personnummer_plus_separator_for_centenarians():
    """FMT-2: the '+' separator (the person has turned 100) is accepted."""
    assert _pii("Morfar har 121212+1212 och är pigg") == [("personnummer", "121212+1212")]


def test_samordningsnummer_reported_as_personnummer():
    """FMT-3: a samordningsnummer (day + 60) is reported as personnummer, with its own rule."""
    result = screen("Mitt samordningsnummer är 701063-2391")
    assert [(p.type, p.value, p.rule) for p in result.pii] == [
        ("personnummer", "701063-2391", "personnummer.samordning")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mitt personnummer 850312-1232",  # Luhn fails
        "Nummer 851332-1235 är påhittat",  # month 13 passes Luhn but is no date
        "Org.nr 212000-2072 är kommunens",  # organisationsnummer (FMT-4)
        "Fakturanummer 8503121231 betalas senast 30/4",  # invoice number, even if Luhn+date pass
        "OCR 8503121231",
    ],
)
def test_personnummer_negatives(text):
    """FMT-1, FMT-4: Luhn-invalid or impossible-date digit strings, organisationsnummer and
    invoice/OCR numbers are not personal identity numbers."""
    assert _pii(text) == []


@pytest.mark.parametrize(
    "number",
    [
        "070-123 45 67",
        "0701234567",
        "+46 70 123 45 67",
        "0046 70-123 45 67",
        "0281-123 45",
        "08-123 456 78",
        "073-644 19 02",
    ],
)
def test_phone_formats(number):
    """FMT-6: Swedish phone numbers as people write them (national and international form)
    are found with the exact span (GDPR-4)."""
    assert _pii(f"Ring mig på {number} efter fem") == [("phone", number)]


def test_phone_trailing_digits_trimmed():
    """FMT-6: a phone number followed by other digits is reported without them."""
    assert _pii("ring 070-123 45 67 20 gånger") == [("phone", "070-123 45 67")]


@pytest.mark.parametrize(
    "text",
    [
        "Mötet är 2024-03-12 kl 18.30 i KS 2024/123",
        "Det kostar 1 250 kr eller 12 500:-",
        "Längs väg 26 och riksväg 45",
        "Postnummer 780 50 gäller hela byn",
        "Ärende dnr 2024.0123 och KS 2023/456",
    ],
)
def test_numeric_hard_negatives(text):
    """Hard negatives: dates, times, prices, diary numbers, road numbers and postcodes alone
    are not personal data (GDPR-4 concerns only real contact details and identifiers)."""
    assert screen(text).pii == ()


def test_email_plain_and_obfuscated():
    """GDPR-4: e-mail addresses, also written with (at), are found."""
    assert _pii("Mejla anna.svensson@gmail.com") == [("email", "anna.svensson@gmail.com")]
    assert _pii("skriv till anna(at)telia.se") == [("email", "anna(at)telia.se")]


def test_address_with_postcode_and_town():
    """GDPR-4: a street address with house number, letter, postnummer and town is one span."""
    assert _pii("Vi bor på Storgatan 12 B, 780 50 Vansbro sedan i fjol") == [
        ("address", "Storgatan 12 B, 780 50 Vansbro")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [("Adress: Grankullavägen 7", "Grankullavägen 7"), ("på Gamla vägen 3", "Gamla vägen 3")],
)
def test_address_suffixes(text, value):
    """GDPR-4: street-suffix rule (-vägen, bare 'vägen' after a capitalised name)."""
    assert _pii(text) == [("address", value)]


def test_road_number_is_not_an_address():
    """Hard negative: 'väg 26' and 'riksväg 45' are road numbers, not addresses."""
    assert _pii("Trafiken på väg 26 och riksväg 45 är tung") == []


@pytest.mark.parametrize(
    ("text", "value", "rule"),
    [
        ("Betala till bankgiro 5050-1055", "5050-1055", "bank.bankgiro"),
        ("eller pg 90 20 03-3 tack", "90 20 03-3", "bank.plusgiro"),
        ("IBAN SE45 5000 0000 0583 9825 7466.", "SE45 5000 0000 0583 9825 7466", "bank.iban"),
        ("kontonummer 3300-8503121231", "3300-8503121231", "bank.clearing_account"),
    ],
)
def test_bank_accounts(text, value, rule):
    """FMT-7, GDPR-4: bankgiro/plusgiro after a keyword with Luhn, IBAN, clearing+account."""
    result = screen(text)
    assert [(p.type, p.value, p.rule) for p in result.pii] == [("bank_account", value, rule)]


def test_giro_with_bad_check_digit_is_not_found():
    """FMT-7: a bankgiro number failing Luhn is not reported."""
    assert _pii("bankgiro 5050-1056") == []


def test_plusgiro_is_not_taken_as_phone():
    """FMT-6, FMT-7: a plusgiro written with spaces is a bank account, never a phone."""
    assert [p.type for p in screen("Swisha eller pg 90 20 03-3").pii] == ["bank_account"]


def test_spans_point_into_original_text():
    """GDPR-4: every finding's value is exactly text[start:end] of the original text."""
    text = "Hej! Ring 070-123 45 67 eller mejla a.b@c.se, pnr 850312-1231, Storgatan 1."
    result = screen(text)
    assert {p.type for p in result.pii} == {"phone", "email", "personnummer", "address"}
    for p in result.pii:
        assert text[p.start : p.end] == p.value


# --- speed-ups that must not change what is found ---

PREFILTER_TEXTS = [
    "Ring 070-123 45 67 eller +46 70 123 45 67 eller (08) 123 45 67, 0046701234567.",
    "IBAN SE35 5000 0000 0549 1000 0003, se3550000000054910000003, bankgiro 5402-9681",
    "Clearing 8327-9, konto 123 456 789-0; 3300 760506 1234; 83279 1234567890123; 1234-5",
    "OCR 1234567890, org.nr 556677-8899, 16556677-8899, KS 2020/123, 2024-05-01, 3/4 2024",
    "pnr 19121212-1212, 121212-1212, 1212121212, 121212+1212, 201212121212 och 12.5.24",
    "٣٣ ١٢١٢١٢-١٢١٢ ab12 x1234567 Storgatan 12 B, 780 50 Vansbro; väg\u00a026; gata\t3",
    "Dnr: 12, ärende nr 850312-1231, lgh 1101, fakturan 070-123 45 67, ref. 5402-9681",
]


@pytest.mark.parametrize("text", PREFILTER_TEXTS)
def test_run_length_prefilters_equal_plain_scans(text):
    """GDPR-4, FMT-1: each pattern is tried only at digit runs of a length it can start
    with, and the street pattern only before whitespace + digit, yet finds exactly what a
    scan of the whole text finds."""
    from moderation.screening import pii as _p

    spans = lambda it: [m.span() for m in it]  # noqa: E731
    runs = [m.span() for m in _p._RUN_START.finditer(text)]
    date, iban, acct, ten = _p._run_lists(text, runs)
    for rx, starts in (
        (_p._DATE, date),
        (_p._IBAN, iban),
        (_p._ACCOUNT, acct),
        (_p._PNR, ten),
        (_p._ORGNR, ten),
    ):
        assert spans(_p._matches_at(rx, text, starts)) == spans(rx.finditer(text)), rx.pattern
    ws_digit = [q - 1 for q, _ in runs if q and text[q - 1].isspace()]
    assert spans(_p._street_matches(text, ws_digit)) == spans(_p._STREET_TAIL.finditer(text))
    assert spans(_p._giro_matches(text, text.lower())) == spans(_p._GIRO.finditer(text))
    # a fence keyword is tried only where one of its literals starts
    hints = sorted(end - n + 1 for end, n in _p._FENCE_AUTOMATON.iter(text.lower()))
    for q, _ in runs:
        lo = max(0, q - 40)
        at_hints = any(_p._FENCE_KEYWORD.match(text, h, q) for h in hints if lo <= h < q)
        assert at_hints == bool(_p._FENCE_KEYWORD.search(text, lo, q))


def test_validator_caches_give_the_uncached_answer():
    """FMT-1, FMT-7: the bounded caches in front of the validators answer as the libraries
    do, the personnummer cache per day (the library reads today's date)."""
    import datetime as dt

    from moderation.screening import pii as _p

    today = dt.date.today()
    for digits, sep, ok in [
        ("8503121231", "-", True),
        ("8503121232", "-", False),
        ("191212121212", "", True),
        ("209912121212", "", False),  # a date in the future
    ]:
        assert _p._pnr_valid(digits, sep) is ok
        assert _p._pnr_valid_on(digits, sep, today) is ok
    assert _p._phone_valid("070-123 45 67") is True
    assert _p._phone_valid("070-123") is False
    assert _p._bank_check("8327", "9123456789") in (0, 1, 2)
    assert _p._iban_valid("SE3550000000054910000003") is True
    assert _p._iban_valid("SE3550000000054910000004") is False


@pytest.mark.parametrize(
    "text",
    [
        "Min enskilda firma har org.nr 640823-3234, fakturera dit.",
        "Frisersalongen (enskild firma, organisationsnummer 811228-9874) i Nås",
    ],
)
def test_an_enskild_firmas_org_number_is_a_personnummer(text):
    """FMT-5, GDPR-4: an enskild firma's organisationsnummer is the owner's personnummer,
    so it is found as personal data even after "org.nr"; a company's number (20 or more in
    the month position) after the same words stays clean (tests/data/README.md)."""
    from moderation.screening import screen

    found = [p for p in screen(text).pii if p.type == "personnummer"]
    assert len(found) == 1 and found[0].value in text and found[0].value[:2] in ("64", "81")
    company = screen("AB:s org.nr 556677-8899 och organisationsnummer 212000-2213").pii
    assert not company
