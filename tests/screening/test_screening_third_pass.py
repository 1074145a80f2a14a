"""Third pass, written from the legal categories (not from the labelled set): implicit threats
without a violence word, hate speech with the group word further from the degrading word,
piracy of software, films, series and books, and advertising beyond links; each with the
innocent uses that must stay clean. Also: the optimised passes must give the same results as
a plain scan of the text (prefilters are only allowed to skip work, never findings)."""

from __future__ import annotations

import re

import pytest

from moderation.screening import flags as _flags
from moderation.screening import normalize as _norm
from moderation.screening import pii as _pii
from moderation.screening import screen

IMPLICIT_THREAT = [
    "Vi har ditt regnummer. Kör försiktigt i fortsättningen.",
    "Det vore synd om något hände din hund när du är på jobbet.",
    "Vi vet var du bor, Göran. Vi hälsar på snart.",
    "Vi vet vilken skola dina barn går på. Det vore tråkigt om det hände något där.",
    "Räkna dagarna, vi vet var du bor.",
    "Vi har sett dig vid kommunhuset varje morgon. Snart är det din tur.",
]
IMPLICIT_THREAT_INNOCENT = [
    "Kör försiktigt i halkan i morgon bitti, det är underkylt regn.",
    "Det vore synd om barnen förlorade sin skola i Nås.",
    "Vi hälsar på mormor i Äppelbo på söndag.",
    "Räkna dagarna till sommarlovet!",
    "Kör försiktigt förbi skolan, barnen leker nära vägen.",
    "Det vore synd om ni missade konserten på lördag.",
]
HATE_FAR = [
    "Somalierna som har flyttat in i området på senare år och tar över allt är inget annat "
    "än parasiter.",
]
COPYRIGHT = [
    "Photoshop nulled, helt gratis, länk i min profil.",
    "Windows 11 med KMS activator, skickar licensnycklar gratis till alla som vill.",
    "Nya säsongen finns som webrip, fri nedladdning via länken nedan.",
    "Hela boken som pdf, skickar gratis till den som vill ha kurslitteraturen.",
    "Popcorn time funkar fortfarande, alla filmer gratis.",
    "Säljer jailbreakad firestick med alla betalkanaler, 600 kr, kontakta mig.",
]
COPYRIGHT_INNOCENT = [
    "Biblioteket lånar ut e-böcker gratis till alla med lånekort.",
    "Filmen visas gratis i Folkets hus på lördag.",
    "Kan kommunen köpa in fler licenser till skolans datorer?",
]
ADVERTISING = [
    "Nyslipade sågkedjor, ordinarie pris 450 kr, nu endast 299 kr. Swisha till 123 456 78 90.",
    "Ved säljes billigt! 700 kr per kubik, fri leverans i hela Vansbro. Ring 070-123 45 67.",
    "Lagerrensning hos oss på Storgatan! Först till kvarn, 50 % på allt. Köp här: www.vedbutiken.se",
    "Vi säljer solceller, pm för pris. Beställ nu så installerar vi innan sommaren.",
]
ADVERTISING_INNOCENT = [
    "Loppis i Nås bygdegård på lördag, alla välkomna!",
    "Busskortet kostar 450 kr i månaden, det är för dyrt för pensionärer.",
    "Vi har öppet hus på förskolan på tisdag, föräldrar är välkomna.",
]
SENSITIVE_ROLE = [
    "Expediten i kiosken vid torget har hiv, det vet alla.",
    "Vaktmästaren på skolan är alkoholist och borde inte få jobba där.",
]


@pytest.mark.parametrize("text", IMPLICIT_THREAT)
def test_implicit_threat(text):
    assert "threat" in screen(text).flag_names, text


@pytest.mark.parametrize("text", IMPLICIT_THREAT_INNOCENT)
def test_implicit_threat_innocent(text):
    assert "threat" not in screen(text).flag_names, text


@pytest.mark.parametrize("text", HATE_FAR)
def test_hate_speech_group_word_further_away(text):
    assert "hate_speech" in screen(text).flag_names, text


@pytest.mark.parametrize("text", COPYRIGHT)
def test_copyright(text):
    assert "copyright" in screen(text).flag_names, text


@pytest.mark.parametrize("text", COPYRIGHT_INNOCENT)
def test_copyright_innocent(text):
    assert "copyright" not in screen(text).flag_names, text


@pytest.mark.parametrize("text", ADVERTISING)
def test_advertising(text):
    assert "advertising" in screen(text).flag_names, text


@pytest.mark.parametrize("text", ADVERTISING_INNOCENT)
def test_advertising_innocent(text):
    assert "advertising" not in screen(text).flag_names, text


@pytest.mark.parametrize("text", SENSITIVE_ROLE)
def test_sensitive_person_by_role(text):
    assert "sensitive_personal" in screen(text).flag_names, text


# --- prefilters give what a plain scan gives ---

TRICKY = [
    "Ring 070-123 45 67 eller +46 70 123 45 67 eller (08) 123 45 67, 0046701234567.",
    "IBAN SE35 5000 0000 0549 1000 0003, bankgiro 5402-9681, Bg 5402-9681, pg 90 20 03-3",
    "Kungsgatan 12 B, 111 43 Stockholm; Gamla vägen 3; riksväg 26; ſtigen 3; STORGATAN 4",
    "OCR 1234567890, faktura nr 19121212-1212, org.nr 556677-8899, KS 2020/123, Dnr: 12",
    "İ K ſ 19121212-1212 ocr 1234567890 ٣٣ a(at)b(dot)se x [at] y.se z@w.se",
    "f i t t a, i.d.i.o.t, h0ra, 1d10t, id!ot, fi*tta, jäääävla, t.ex. Dala-Järna e-post...",
    "bit.ly/abc www.billigshop.se casino-vinst.com kommunen.se/info",
]


@pytest.mark.parametrize("text", TRICKY)
def test_prefiltered_scans_equal_plain_scans(text):
    spans = lambda it: [m.span() for m in it]  # noqa: E731
    assert spans(_pii._street_matches(text)) == spans(_pii._STREET_TAIL.finditer(text))
    assert spans(_pii._giro_matches(text)) == spans(_pii._GIRO.finditer(text))
    runs = [m.start() for m in _pii._RUN_START.finditer(text)]
    for rx in (_pii._NUMBER, _pii._DATE, _pii._ORGNR, _pii._ACCOUNT, _pii._PNR):
        assert spans(_pii._matches_at(rx, text, runs)) == spans(rx.finditer(text))
    assert spans(_flags._hosts(text)) == spans(_flags._HOST.finditer(text))
    low = _norm.main_view(text).text
    old_inner = re.compile(r"(?<=[^\W\d_])[.*_\-|'`´·]+(?=[^\W\d_])")
    assert spans(_norm._INNER_PUNCT.finditer(low)) == spans(old_inner.finditer(low))
