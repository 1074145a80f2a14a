"""Generalisation, fourth set: threats, confidential matters, child abuse material and violent
depiction phrased in yet other ways (passive future violence, a possession named after the
noun, care incidents, school years and age ranges, animals run over), written from the flag
rules in tests/data/README.md and not from the labelled set, with innocent uses.

Requirements: BBS-4 (olaga hot, barnpornografibrott, olaga våldsskildring are surfaced),
BBS-7 (child sexual abuse material is caught so it can be blocked), OSL-4 (secret matters
force registration), RULE-6 (criminal material).
"""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "threat": [
        "Kommunchefen borde sova med lampan tänd från och med nu.",
        "Om ni röstar igenom nedläggningen så kommer det att gå illa för er allihop.",
        "Jag har en kula för varje ledamot i fullmäktige.",
        "Vi vet vilken dagis din dotter går på, Eva.",
        "Jag ska krossa skallen på den som plogade igen min uppfart.",
        "En vacker dag ligger du där i snön och ingen hittar dig förrän i vår.",
        "Grannjäveln ska få sitt hus nedbränt innan midsommar.",
        "Rektorn kommer att få ångra att han stängde skolan, det lovar jag.",
        "Nästa gång du snackar skit om min familj så slår jag sönder dig.",
        "jag ska ta livet av dig din fitta",
        "Ni som jobbar på socialen får se upp när ni går till bilen ikväll.",
        "Jag kommer till fullmäktige på torsdag med bensin och tändare.",
    ],
    "confidential_matter": [
        "Min son har fått avslag på sin ansökan om kontaktperson enligt LSS, hur överklagar vi?",
        "Mormor har väntat i fyra månader på plats på Vanbogården, hon klarar sig inte hemma längre.",
        "Vi fick en orosanmälan mot oss från förskolan och nu utreder socialtjänsten vår familj.",
        "Min pappa får fel mediciner av hemtjänsten, igår fick han sin grannes tabletter.",
        "Handläggaren har beslutat att min bror inte får behålla sin personliga assistent.",
        "Vår dotter har fått diagnosen autism och skolan vägrar ge henne anpassningar.",
        "Min mamma ramlade i duschen på äldreboendet och ingen i personalen märkte något förrän på morgonen.",
        "Socialen har placerat min systerson i familjehem i Mora utan att fråga oss.",
        "Jag har försörjningsstöd och min handläggare vill att jag ska sälja min bil.",
        "Min man har demens och får bara hemtjänst två gånger om dagen, det räcker inte.",
    ],
    "child_abuse": [
        "Köper använda trosor från tjejer i högstadiet, betalar bra, dm.",
        "Säljer filmer från när jag var barnvakt, barnen badar nakna. Skriv privat.",
        "Finns det nån här som delar bilder på småkillar? Byter gärna.",
        "Har nudes på tjejer från 7an, swisha 100 så får du länken.",
        "Söker unga tjejer 12-14 för fotografering, betalar bra, diskret.",
        "CP-samling uppdateras varje vecka, länk i bio.",
    ],
    "violent_depiction": [
        "Någon som har filmen där de misshandlar killen på stationen? Vill se den igen, han skrek som en gris haha",
        "Skickar klippet där hunden blir överkörd till alla som vill, helt sjukt kul",
        "Kolla in bilderna från olyckan, ena killen saknar halva huvudet 😂",
        "Har en video där de hänger en katt, bästa jag sett, dm för länk",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "threat": [
        "Kommunen kommer att få ångra nedläggningen av skolan i nästa val.",
        "Jag ska slå ett slag för fler cykelvägar på nästa möte.",
        "Vi ska krossa Mora i derbyt på lördag!",
        "Det vore synd om biblioteket i Nås försvann.",
        "Kör försiktigt, det är halt på 71:an i kväll.",
        "Jag har en kula i min samling av gamla mynt och vapen från kriget.",
    ],
    "confidential_matter": [
        "Hur många har hemtjänst i Vansbro kommun?",
        "Hemtjänsten behöver fler bilar, det vet alla som jobbar där.",
        "Vad kostar en plats på äldreboendet per månad?",
        "Socialtjänsten har öppet hus på tisdag.",
    ],
    "child_abuse": [
        "Säljer barnkläder och leksaker, skriv privat.",
        "Har bilder från skolavslutningen, föräldrar kan mejla mig så skickar jag.",
        "Polisen varnar för en man som erbjuder barn godis vid skolan.",
    ],
    "violent_depiction": [
        "Polisen har släppt en film från rånet för att hitta gärningsmännen.",
        "Dokumentären om kriget var hemsk men viktig.",
        "Såg ni filmen om Vasaloppet? Helt sjukt kul!",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_fourth_set_of_phrasings(flag, text):
    """BBS-4, BBS-7, OSL-4, RULE-6: the flag is set on a phrasing written from the flag rule."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_fourth_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, BBS-4: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text
