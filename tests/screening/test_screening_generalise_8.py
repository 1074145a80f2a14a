"""Generalisation, eighth set: long, indirect and dialect threats ('så e det slut me dej', 'då blir
det inte med ord', 'hur länge din fina Volvo står kvar hel') and violent depiction shared in
passing, with innocent look-alikes ('ni kommer skratta ihjäl er', 'kan kommunen ta hand om
den?'), written from the flag rules in tests/data/README.md and not from the labelled set.

Requirements: BBS-4 (olaga hot and olaga våldsskildring are surfaced), RULE-6 (criminal
material)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "threat": [
        "Till dig som körde på min hund i Nås och stack: jag har ditt regnummer och jag vet vilken gård du bor på. Du kommer få betala, på ett eller annat sätt.",
        "Ja har int glömt vad du gjorde mot min syster. Nästa gång ja ser dej i Järna så e det slut me dej.",
        "Om nämnden säger nej till bygglovet en gång till så tänker jag ta saken i egna händer med ordföranden, och då blir det inte med ord.",
        "Snart är det val, och efter det kommer ni politiker att få springa för livet. Vi glömmer inte.",
        "Hälsa till din fru och dina barn, vi vet var de brukar vara på eftermiddagarna. Synd om det skulle hända något.",
        "Jag ska bränna ner din jävla sommarstuga när du minst anar det.",
        "Skolbusschauffören som skrek på min dotter kommer att få en rejäl omgång nästa gång han stannar vid vår hållplats.",
        "Du kan ju fundera på hur länge din fina Volvo står kvar hel på parkeringen utanför kommunhuset.",
    ],
    "violent_depiction": [
        "Lägger ut filmen från slagsmålet vid Folkets hus igen, killen blöder ur näsan och ligger och skakar på marken, helt jävla episkt 😂",
        "Den som vill se grävlingen som jag körde ihjäl med fyrhjulingen kan skriva till mig, har filmat alltihop och det är jävligt underhållande.",
        "Någon la upp bilder på mannen som hängde sig i skogen vid Saltvik, jag har sparat dem, vill ni ha?",
        "Vi filmade när vi sparkade på katten tills den slutade röra sig, lägger upp klippet ikväll, ni kommer skratta ihjäl er",
        "Har hela serien med IS-videos sparade på datorn, skickar gärna till den som har stark mage 😈",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "threat": [
        "Du kan ju fundera på hur länge kommunen tänker vänta med att laga vägen.",
        "Snart är det val och då får ni politiker svara för nedläggningen av skolan.",
        "Jag har int glömt hur bra festen var i Järna, hälsa alla!",
        "Nästa gång jag ser dig i Järna bjuder jag på kaffe.",
    ],
    "violent_depiction": [
        "Filmen från slagsmålet vid Folkets hus har lämnats till polisen, vittnen efterlyses.",
        "Någon körde ihjäl en grävling vid Saltvik, kan kommunen ta hand om den?",
        "Vi filmade hela Vansbrosimningen, klippet kommer ut ikväll, ni kommer skratta ihjäl er åt kostymerna 😂",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_this_set_of_phrasings(flag, text):
    """BBS-4, RULE-6: the flag is set on a phrasing written from the flag rule."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_this_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, BBS-4, RULE-6: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text
