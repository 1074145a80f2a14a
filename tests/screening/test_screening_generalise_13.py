"""Generalisation, thirteenth set: short, direct violent depiction of many acts and short threats
('göra dig illa', 'ett besök av mig och mina polare', 'genom ditt kök'), with innocent
look-alikes ('du ska få se hur fint det blir', a request to remove a video), written from the
flag rules in tests/data/README.md and not from the labelled set.

Requirements: BBS-4 (olaga hot and olaga våldsskildring are surfaced), RULE-6 (criminal
material)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "violent_depiction": [
        "Kolla när de skär halsen av grisen medan den skriker, länk i bio",
        "Har bilder från när de hittade liket i Vanån, ansiktet är uppätet av fiskar. Vill ni se?",
        "Lägger upp videon där två killar slår ihjäl en räv med spade, så jävla roligt",
        "Ny video: hunden som hängdes upp i ett träd vid Saltvik, skickas i dm",
        "Ni måste se klippet när skinnskallarna spöar upp invandrarkillen, han får tänderna utslagna 😂",
        "Spelade in när vi sköt katten med luftgevär, den sprattlade i en kvart. Filmen finns på min kanal",
        "kolla vidjon där hon blir knivhuggen i magen på bussen, bästa jag sett",
        "Delar bilderna från tågolyckan i Borlänge, kroppsdelar överallt, så sjukt",
        "Säljer ett USB med riktiga avrättningar, 200 kr",
    ],
    "threat": [
        "Du ska få se vad som händer när du kommer hem ikväll, fittan",
        "Rektorn borde akta sig, vi har en plan",
        "Nästa gång du plogar igen min uppfart kör jag traktorn genom ditt kök",
        "jag kommer döda dig och din familj",
        "Vi ska göra dig illa, Kenneth",
        "Den som tog min cykel ska få ett besök av mig och mina polare",
        "Sluta skriva om mig annars slår jag dig gul och blå",
        "Du är död, Linda. Vi ses.",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "violent_depiction": [
        "Kan någon ta bort videon från misshandeln? Offret har inte gett sitt samtycke.",
        "Polisen har publicerat bilder från olyckan för att hitta vittnen.",
    ],
    "threat": [
        "Du ska få se hur fint det blir när parken är klar!",
        "Rektorn borde ha en plan för snöröjningen på skolgården.",
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


FOLDED_LOOKALIKES = [
    "Jag ska knacka på hos dig i morgon med blommor.",
    "Bogserbilen kom efter en timme, bogseringen kostade 2000 kr.",
    "Du ska få se hur fint det blir när parken är klar!",
]


@pytest.mark.parametrize("text", FOLDED_LOOKALIKES)
def test_spelling_without_diacritics_does_not_turn_words_into_others(text):
    """BBS-3: 'knäcka' spelled without ä must not match 'knacka', 'bög' not 'bogsera', 'klå' not
    'klar' (those entries are marked nofold)."""
    assert screen(text).flag_names == (), text
