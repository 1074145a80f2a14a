"""Generalisation, fifteenth set: art. 9 data and alleged crimes told in passing in longer comments
(a cancer treatment, a wheelchair after an accident, a same-sex marriage, a brain haemorrhage,
a party, a country of birth, tax fraud), with general statements that must stay clean, written
from the flag rules in tests/data/README.md and not from the labelled set.

Requirements: GDPR-2 (art. 9 data about a person is recognised)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "sensitive_personal": [
        "Jag vill bara säga att Gunilla som jobbar i kassan på Ica har gått igenom en tuff cancerbehandling och ändå står där varje dag. Respekt!",
        "Grannen mittemot har en son som sitter i rullstol efter olyckan, och kommunen har fortfarande inte byggt någon ramp vid busshållplatsen.",
        "Han som äger pizzerian i Dala-Järna har suttit inne för grov misshandel, jag tycker inte att kommunen ska köpa mat därifrån.",
        "Min man fick en hjärnblödning i somras och kan inte längre köra bil, så vi behöver färdtjänst.",
        "Rektorn på Nås skola är med i Vänsterpartiet och det märks på hur han pratar med eleverna.",
        "Min dotter är född i Eritrea och blir kallad saker på skolbussen varje dag.",
        "Killen som hyr ut lägenheter på Storgatan fuskar med skatten och hyr ut svart, alla vet det.",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "sensitive_personal": [
        "Ica i Vansbro har bra öppettider och trevlig personal.",
        "Kommunen borde bygga ramper vid alla busshållplatser för den som sitter i rullstol.",
        "Pizzerian i Dala-Järna har bästa kebaben i hela Dalarna!",
        "Vår nya präst har bra predikningar, kyrkan är full varje söndag.",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_this_set_of_phrasings(flag, text):
    """GDPR-2: the flag is set on a phrasing written from the flag rule."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_this_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, GDPR-2: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text
