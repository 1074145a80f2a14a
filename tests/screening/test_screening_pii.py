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
