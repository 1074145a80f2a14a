"""Generalisation, fourteenth set: short hate speech and child abuse offers in the plain style of
the first comments (Nazi approval, 'ut med alla', 'små killar utan kläder'), with innocent
look-alikes (a restaurant's smell, a history lesson, criticism of integration policy, a parent
asking for a babysitter), written from the flag rules in tests/data/README.md and not from the
labelled set.

Requirements: BBS-4 (hets mot folkgrupp and barnpornografibrott are surfaced), BBS-7 (child
sexual abuse material is caught so it can be blocked)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "hate_speech": [
        "Romer ska inte få komma in i Vansbro, de stjäl och tigger.",
        "Judarna har alltid varit ett problem, Hitler hade rätt.",
        "Afrikaner har lägre intelligens, det är bara fakta.",
        "Kurderna i Nås är en pest, alla borde deporteras.",
        "Sverige ska vara vitt. Ut med alla svartskallar.",
        "Muslimer är inte välkomna i vår by, punkt slut.",
    ],
    "child_abuse": [
        "Letar cp, betalar bra, dm",
        "Har foton på små killar utan kläder, byter mot liknande",
        "bildr på nakna tjejer 11 år finns, skriv om du vill ha",
        "Säljer barnporr på USB, 500 kr, möts i Vansbro",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "hate_speech": [
        "Det luktar gott från restaurangen vid torget, curry och kardemumma.",
        "Romska kulturveckan börjar på måndag på biblioteket.",
        "Hitler var en diktator, det lär vi oss i skolan.",
        "Integrationen av invandrare är ett problem som kommunen måste lösa med mer SFI.",
    ],
    "child_abuse": [
        "Letar efter en barnvakt till våra två små killar, betalar bra.",
        "Har foton på små killar i fotbollslaget, föräldrar kan få dem via mejl.",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_this_set_of_phrasings(flag, text):
    """BBS-4, BBS-7: the flag is set on a phrasing written from the flag rule."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_this_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, BBS-4, BBS-7: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text


OBFUSCATED_AND_UNACCENTED = [
    ("hate_speech", "Alla b0gjävlar ska ut ur Vansbro."),
    ("child_abuse", "Har bilder pa 12-aringar utan klader, skriv privat."),
]


@pytest.mark.parametrize(("flag", "text"), OBFUSCATED_AND_UNACCENTED)
def test_leet_and_spellings_without_diacritics_still_match(flag, text):
    """BBS-4, BBS-7: 'b0gjävlar' (tests/data/README.md) and '12-aringar' without å still match
    after the nofold fixes for look-alike words."""
    assert flag in screen(text).flag_names, text
