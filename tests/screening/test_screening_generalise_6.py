"""Generalisation, sixth set: art. 9 data, alleged crimes and confidential matters phrased in
other ways (a role in the genitive as the person, party votes of a named office holder, drunk
driving caught, medication errors in care, daily activity under LSS), written from the flag
rules in tests/data/README.md and not from the labelled set, with general statements that must
stay clean.

Requirements: GDPR-2 (art. 9 data about a person is recognised), OSL-4 (secret matters force
registration)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "sensitive_personal": [
        "Vår nya granne har MS och kan inte skotta själv, kan kommunen hjälpa?",
        "Lärarens man sitter i fängelse för bedrägerier, det vet hela Nås.",
        "Min svåger är hiv-positiv och får ingen tandläkartid i Vansbro.",
        "Tjejen i kiosken är lesbisk och bor med sin flickvän ovanför Konsum.",
        "Kent i Saltvik är alkoholiserad och kör ändå skolbuss.",
        "Jag har haft bröstcancer och behöver parkering nära vårdcentralen.",
        "Pappan i familjen Nilsson sitter i rullstol sedan olyckan.",
        "Min son har Aspergers och blir mobbad på fritids.",
        "Ordföranden i hembygdsföreningen röstar på Sverigedemokraterna, det borde medlemmarna veta.",
        "Min granne Ali är shiamuslim och ber i sin trädgård.",
        "Killen som jobbar på macken har åkt fast för rattfylleri två gånger.",
        "Min dotter gick igenom en abort i våras och mår fortfarande dåligt.",
    ],
    "confidential_matter": [
        "Mina föräldrar har väntat på biståndsbeslut om hemtjänst i sex veckor.",
        "Min syster har skyddad identitet och nu har kommunen skickat ett brev med hennes adress till exmannen.",
        "Vi har fått veta att vår son ska utredas av socialtjänsten efter en anmälan från skolan.",
        "Min mormor fick fel insulin på korttids och hamnade på akuten.",
        "Elevhälsan har kallat oss till möte om vår dotters frånvaro men de har inte sagt varför.",
        "Min pappa har god man men ingen har betalat hans hyra på tre månader.",
        "Kuratorn har berättat för min dotters lärare vad hon sa i samtalen.",
        "LSS-handläggaren har sagt nej till korttidsvistelse för vår son med autism.",
        "Min bror med utvecklingsstörning fick inte följa med på dagliga verksamhetens resa.",
        "Familjen på hörnet har fått sina barn omhändertagna enligt LVU.",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "sensitive_personal": [
        "Vansbro behöver en ny vårdcentral, kön är för lång.",
        "Anna Svensson (S) röstade nej till förslaget om nya bussar.",
        "Han var sjuk i går så mötet blev inställt.",
        "Min granne har en ny bil som han är stolt över.",
        "Kommunalrådet är moderat och har varit det i tjugo år.",
    ],
    "confidential_matter": [
        "Hur ansöker man om hemtjänst i Vansbro?",
        "Socialtjänsten borde ha öppet på kvällar.",
        "LSS-boendet i Nås har fått ny chef.",
        "Min son har fått plats på förskolan i Nås från augusti.",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_this_set_of_phrasings(flag, text):
    """GDPR-2, OSL-4: the flag is set on a phrasing written from the flag rule."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_this_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, GDPR-2, OSL-4: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text


SENSITIVE_NOT = [
    "Min granne köpte bilen från Polen, den kommer från Polen alltså.",
    "Han är med i SD:s valsedel och står på plats fyra.",
    "Jag tycker att psykiatrin i Dalarna behöver mer resurser.",
    "Jag är beroende av bussen för att ta mig till jobbet.",
    "Min son har fått diagnos i matte med bra resultat.",
]


@pytest.mark.parametrize("text", SENSITIVE_NOT)
def test_things_public_roles_services_and_school_tests_are_not_art9_data(text):
    """GDPR-2, BBS-3: a car's origin, a candidate on a ballot, a service in general, depending
    on the bus and a maths test are not art. 9 data about a person."""
    assert "sensitive_personal" not in screen(text).flag_names, text


ROLE_PERSON = [
    "Fritidsledaren på ungdomsgården har varit sjukskriven för utmattning hela hösten.",
    "Undersköterskan på avdelning 3 är gravid och borde inte lyfta tunga brukare.",
    "Kuratorn på skolan är alkoholist.",
]
TOPIC_NOT_PERSON = [
    "Bibliotekarien har köpt in nya böcker om diabetes och cancer, bra!",
    "Fritidsledaren borde få mer betalt, de gör ett fantastiskt jobb.",
]


@pytest.mark.parametrize("text", ROLE_PERSON)
def test_a_person_named_by_role_with_art9_data(text):
    """GDPR-2: a unique role ('fritidsledaren på ungdomsgården') identifies a person."""
    assert "sensitive_personal" in screen(text).flag_names, text


@pytest.mark.parametrize("text", TOPIC_NOT_PERSON)
def test_a_role_next_to_a_topic_is_not_art9_data(text):
    """GDPR-2, BBS-3: books about an illness or praise of a role are not data about a person."""
    assert "sensitive_personal" not in screen(text).flag_names, text
