"""Art. 9 data about a person named by a role, and what is not art. 9 data about a person
(public roles, services, school tests, a role next to a topic). The phrasings per flag are
in `tests/screening/wordings/`.

Requirements: GDPR-2 (art. 9 data about a person is recognised), OSL-4 (secret matters force
registration)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

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
