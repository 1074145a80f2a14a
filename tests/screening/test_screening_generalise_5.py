"""Generalisation, fifth set: hate speech, incitement, piracy and insults phrased in yet other
ways (breeding and takeover myths, barricades and cut cables, fees refused together, scanned
books, cracks for named programs), written from the flag rules in tests/data/README.md and not
from the labelled set, with innocent uses.

Requirements: BBS-4 (hets mot folkgrupp, uppvigling, upphovsrättsintrång and offensive content
are surfaced), RULE-3 (offensive content), RULE-6 (criminal material).
"""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "hate_speech": [
        "Somalier är en ras av parasiter som borde skickas ut med första flyg.",
        "Alla zigenare är tjuvar, de borde inte få komma in i affärerna.",
        "Judejävlarna äger bankerna och vill förstöra Sverige.",
        "Muslimerna i Vansbro avlar som kaniner och tar över snart.",
        "Flyktingbarnen på boendet är inget annat än framtida våldtäktsmän.",
        "Bögjävlarna borde hållas borta från skolan.",
        "Afghanska män är djur, det vet alla.",
        "Samer är lata snyltare som lever på bidrag.",
    ],
    "incitement": [
        "Alla som bor längs 71:an: bygg en barrikad vid bron på fredag och släpp ingen förbi.",
        "Vi borde gå dit allihop och slänga ut politikerna ur kommunhuset.",
        "Stoppa vindkraften! Skär av kablarna till snurrorna i natt, ingen märker något.",
        "Kasta ägg och sten på kommunalrådets bil när han kommer till mötet, sprid!",
        "Ta er in på äldreboendets förråd i natt och ta det ni behöver, försäkringen betalar.",
        "Om alla vägrar betala fiberavgiften samtidigt kan kommunen inte göra något. Dela!",
    ],
    "copyright": [
        "Har nya Avatar på en USB, rippad från bion, 50 kr så är den din.",
        "Ladda ner hela Beatles-samlingen gratis via min torrent.",
        "Skannat hela mattematikboken för gymnasiet, pdf:en finns i min profil.",
        "Crack till Office 2021 finns i kommentarerna.",
    ],
    "insult": [
        "Du är en patetisk liten människa, Göran.",
        "Kommunalrådet är en fet gris som bara tänker på sig själv.",
        "Hon på kommunen är en dum jävla kossa.",
        "Din idiot, lär dig köra plogbil!",
        "Handläggaren är en jävla hora.",
        "Rektorn är en hjärndöd pajas.",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "hate_speech": [
        "Somaliska föreningen bjuder in till kulturkväll på biblioteket.",
        "Integrationen fungerar dåligt, kommunen borde satsa mer på SFI.",
        "Vi har problem med kaniner i trädgården, de äter upp allt.",
    ],
    "incitement": [
        "Alla borde skriva till kommunalrådet om nedläggningen, sprid!",
        "Kom till manifestationen vid kommunhuset på lördag, ta med plakat.",
        "Vi behöver bygga en ny bro vid 71:an, den gamla är i dåligt skick.",
    ],
    "copyright": [
        "Var kan man köpa Office billigt till föreningens dator?",
        "Jag har kopierat protokollet från mötet och lagt upp det på föreningens sida.",
        "Biblioteket lånar ut filmer gratis på DVD.",
    ],
    "insult": [
        "Vilken dum idé att lägga ner skolan.",
        "Kommunalrådet har misskött budgeten och borde avgå.",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_fifth_set_of_phrasings(flag, text):
    """BBS-4, RULE-3, RULE-6: the flag is set on a phrasing written from the flag rule."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_fifth_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, BBS-4: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text
