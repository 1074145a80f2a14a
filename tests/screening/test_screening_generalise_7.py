"""Generalisation, seventh set: threats and violent depiction read from several weak signs spread
over a comment (threat.score: what will happen, surveillance of the target, a promise, a weapon;
violence.score: a picture or film, violence and relish), with innocent comments that share the
words (a promise to fix a road, a funny cat video, a news report with a film), written from the
flag rules in tests/data/README.md and not from the labelled set.

Requirements: BBS-4 (olaga hot and olaga våldsskildring are surfaced), RULE-6 (criminal
material)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "threat": [
        "Vi vet var du parkerar bilen på nätterna, Lena. Det är ett löfte att du kommer ångra beslutet.",
        "Till handläggaren som stängde vårt ärende: jag har sett dina ungar vid skolan. Tänk på det.",
        "Du som är ordförande i nämnden, vi är många som vet var du bor. En kväll kommer vi.",
        "Lärare som sätter F på min son ska få känna på hur det är att bli förnedrad, jag lovar.",
        "Snart brinner det i ditt stall, du vet varför.",
    ],
    "violent_depiction": [
        "Har klippet när älgen blir påkörd av tåget och flyger femtio meter, så jävla roligt",
        "Bilder från misshandeln utanför puben i helgen, han får en sten i huvudet, kolla 😂",
        "Video där de låter hundarna riva sönder räven levande, bästa jag sett",
        "Någon som har filmen där mannen dör i branden? Vill se hur han skriker.",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "threat": [
        "Vi vet var problemet ligger, snöröjningen i Nås fungerar inte. Det är ett löfte att vi tar upp det på mötet.",
        "Jag har sett dina bilder från Vansbrosimningen, tack för att du delar!",
        "Tänk på att vägarna är hala, kör försiktigt när du åker hem en kväll.",
        "Ni är många som vet var jag bor, välkomna på fika!",
    ],
    "violent_depiction": [
        "Polisen har publicerat en film från misshandeln och söker vittnen.",
        "Filmen om branden på SVT var hemsk, tankarna går till familjen.",
        "Roligaste videon jag sett, katten som ramlar ner från bordet 😂",
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
