"""Generalisation, tenth set: confidential matters told at length (respite care, another resident's
tablets, an investigation of the parents, reduced benefits, a special teaching group, missed
home-care visits, a foster child, a discharge without home care), with general questions and
praise that must stay clean, written from the flag rules in tests/data/README.md and not from
the labelled set.

Requirements: OSL-4 (a secret matter forces registration), GDPR-2 (care data about a person)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "confidential_matter": [
        "Vår son med Downs syndrom har varit på korttidshem varannan helg i tre år, men nu säger de att platsen går till någon annan. Ingen har pratat med oss.",
        "Pappa ligger på Vanbogården sedan i våras. I går hade han fått en annan boendes tabletter och var helt borta när vi kom. Vem ansvarar?",
        "Efter att vi bad om hjälp med vår tonårsson har socialtjänsten öppnat en utredning mot oss föräldrar istället. Hur överklagar man det?",
        "Min svägerska får sitt ekonomiska bistånd sänkt eftersom hon har en bil, men hon behöver bilen för att köra barnen till skolan.",
        "Rektorn har beslutat att min dotter ska gå i en särskild undervisningsgrupp utan att fråga oss.",
        "Hemtjänsten har slutat komma på kvällarna till min farbror trots att han har ett beslut om två besök per dag.",
        "Vi är fosterföräldrar till en pojke från Mora och socialsekreteraren har inte besökt honom på ett halvår.",
        "Min mamma fick åka hem från sjukhuset mitt i natten utan att hemtjänsten var informerad, hon låg på golvet när vi kom.",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "confidential_matter": [
        "Hur många platser finns det på korttidshemmet i Vansbro?",
        "Socialtjänsten gör ett viktigt jobb, ge dem mer resurser.",
        "Kan kommunen förklara hur biståndsbedömningen för hemtjänst går till?",
        "Rektorn har beslutat att skolan får ny matsal till hösten.",
        "Hemtjänstpersonalen förtjänar högre lön.",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_this_set_of_phrasings(flag, text):
    """OSL-4, GDPR-2: the flag is set on a phrasing written from the flag rule."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_this_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, OSL-4, GDPR-2: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text
