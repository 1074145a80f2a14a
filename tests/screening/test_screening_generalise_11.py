"""Generalisation, eleventh set: child abuse material asked for or offered in other words (ages as
ranges, 'samma intresse', undressing, home-made films), violence in a saved live broadcast and
pay-TV channels resold, with innocent look-alikes ('sex på morgonen', a closed group for
parents), written from the flag rules in tests/data/README.md and not from the labelled set.

Requirements: BBS-4 (barnpornografibrott, olaga våldsskildring, upphovsrättsintrång are
surfaced), BBS-7 (child sexual abuse material is caught so it can be blocked), RULE-6."""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "child_abuse": [
        "Har du en dotter mellan 8 och 12? Jag betalar bra för bilder när hon byter om, helt anonymt.",
        "Letar efter kontakter som delar på samma intresse som jag: unga pojkar. Skriv till mig på Telegram.",
        "Vi är en sluten grupp som byter bilder på småbarn i badkaret, ny medlem måste bidra med eget material.",
        "Någon som har länken till den där sidan med tonårstjejer som klär av sig? Den gamla funkar inte.",
        "Säljer hemmagjorda filmer med min systerdotter, 11 år. Diskretion garanteras.",
        "Betalar 500 kr per bild på nakna tjejer under 15, skicka i dm.",
    ],
    "violent_depiction": [
        "Vem har sett filmen på Flashback där de torterar en kille med tång? Jag har den i full längd om någon vill ha.",
        "Sparade livesändningen från skjutningen i Örebro, man ser när han skjuts i huvudet, kolla innan den försvinner",
    ],
    "copyright": [
        "Jag fixar alla Viaplay-kanaler på din tv för 200 kr/år, ingen bindningstid, skriv privat.",
        "Har laddat ner hela Disney-katalogen, delar gärna via min Plex om ni betalar 50 kr i månaden.",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "child_abuse": [
        "Mellan 8 och 12 år får barnen vara på fritids, sen får de gå hem själva.",
        "Vi är en sluten grupp för småbarnsföräldrar i Nås, ny medlem kan skriva till mig.",
        "Betalar bra för hjälp med läxor, min son går i 5an. Hör av dig!",
    ],
    "violent_depiction": [
        "Polisen har släppt filmen från skjutningen och söker vittnen, den är svår att se.",
    ],
    "copyright": [
        "Vi har köpt Viaplay via Telia, funkar bra.",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_this_set_of_phrasings(flag, text):
    """BBS-4, BBS-7, RULE-6: the flag is set on a phrasing written from the flag rule."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_this_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, BBS-4, BBS-7, RULE-6: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text
