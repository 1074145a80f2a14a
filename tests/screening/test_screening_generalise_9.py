"""Generalisation, ninth set: long and indirect incitement (roadblocks, trapping officials,
arson hints, unlawful strikes, posting officials' home addresses), child abuse material
offered in passing, hate speech in dialect, art. 9 data and care matters, each with innocent
look-alikes, written from the flag rules in tests/data/README.md and not from the labelled set.

Requirements: BBS-4 (uppvigling, barnpornografibrott, hets mot folkgrupp are surfaced), BBS-7
(child sexual abuse material is caught so it can be blocked), GDPR-2 (art. 9 data about a
person), OSL-4 (secret matters force registration), RULE-6 (criminal material)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "incitement": [
        "Ni som har traktorer i Nås: ställ dem tvärs över 26:an på måndag morgon så att inga timmerbilar kommer fram. Polisen hinner aldrig dit.",
        "Nu får det vara nog. Alla som kan ta sig till kommunhuset i kväll, se till att ingen politiker kommer därifrån förrän de rivit upp beslutet.",
        "Jag säger bara det: vindkraftverken på Granberget har lättantändliga maskinhus. En flaska bensin räcker. Gör med det vad ni vill.",
        "Lärarna ska strejka olagligt, och vi föräldrar ska hålla barnen hemma hela veckan och strunta i skolplikten. Sprid till alla föräldrar.",
        "Sätt upp lappar med socialsekreterarnas hemadresser på anslagstavlan vid Konsum, så får de känna hur det är.",
    ],
    "child_abuse": [
        "Jag har en samling med bilder på barn i underkläder som jag kan tänka mig att byta mot annat material, bara seriösa.",
        "Vem vill ha foton på grannens döttrar när de solar naket i trädgården? Har massor, swish så skickar jag.",
        "Söker någon som kan hjälpa mig hitta material med barn under tio, betalar med krypto.",
    ],
    "hate_speech": [
        "Ja säger som det är, dom där somaliska familjerna i Saltvik lever som djur å borde flyttas härifrån.",
        "Det är inte konstigt att Vansbro förfaller när det kryllar av invandrare som inte vill jobba.",
        "Homofilerna har tagit över skolan och förstör våra barn, de borde skämmas och försvinna.",
    ],
    "sensitive_personal": [
        "Alla vet ju att Bosse på sågen har druckit bort allt, han är alkis sen länge.",
        "Hon som jobbar i kassan på Coop har nyss kommit ut som trans, bara så ni vet.",
        "Min sambo har varit inlagd på psyket två gånger i år.",
    ],
    "confidential_matter": [
        "Vi har ansökt om ledsagarservice för vår son men socialtjänsten har inte svarat på två månader.",
        "Min mamma har trygghetslarm men när hon föll i natt tog det tre timmar innan någon kom.",
        "Kuratorn på skolan sa att min dotter ska få prata med BUP, men remissen har försvunnit.",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "incitement": [
        "Ni som har traktorer i Nås får gärna hjälpa till att dra loss bilar som fastnat i snön.",
        "Alla som kan ta sig till kommunhuset i kväll är välkomna till medborgardialogen om skolan.",
        "Lärarna strejkar lagligt på måndag, facket har varslat.",
    ],
    "child_abuse": [
        "Vi har bilder på barnen från luciatåget, föräldrar kan hämta ut dem på förskolan.",
        "Säljer barnens gamla underkläder och pyjamasar, strl 110–122, 50 kr för allt.",
    ],
    "hate_speech": [
        "Somaliska föreningen har öppet hus i Saltvik, alla välkomna.",
        "Många invandrare i Vansbro vill jobba men får inte chansen.",
    ],
    "sensitive_personal": [
        "Bosse på sågen har jobbat där i fyrtio år, grattis!",
        "Kassan på Coop har nya öppettider.",
    ],
    "confidential_matter": [
        "Hur ansöker man om ledsagarservice?",
        "Trygghetslarmen byts ut till digitala i vår, enligt kommunen.",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_this_set_of_phrasings(flag, text):
    """BBS-4, BBS-7, GDPR-2, OSL-4, RULE-6: the flag is set on a phrasing written from the flag rule."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_this_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, BBS-4, BBS-7, GDPR-2, OSL-4, RULE-6: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text
