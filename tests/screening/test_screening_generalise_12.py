"""Generalisation, twelfth set: threats at the door, direct insults after a reporting-like word
('läs på innan du skriver, din korkade jävel'), hate speech through generalised crimes and
'riktiga svenskar', advertising for resellers and estate agents, with innocent look-alikes,
written from the flag rules in tests/data/README.md and not from the labelled set.

Requirements: BBS-4 (olaga hot, hets mot folkgrupp and offensive content are surfaced), RULE-2
(advertising), RULE-3 (offensive content)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "threat": [
        "Jag har varit snäll länge nog. Nästa gång bussen inte stannar vid vår gård ställer jag mig på vägen med hagelbössan och då får chauffören välja.",
        "Handläggarna på soc ska veta att vi inte glömmer vad de gjorde mot vår familj. En dag står vi utanför era dörrar.",
        "Kommunchefen kan räkna med att få sitt hus sönderslaget om han inte backar.",
    ],
    "insult": [
        "Den där nya rektorn är en inkompetent jävla kärring som borde sparkas på dagen.",
        "Läs på innan du skriver, din korkade jävel.",
        "Politikerna i Vansbro är ett gäng lata parasiter som suger ut oss skattebetalare.",
    ],
    "hate_speech": [
        "Vansbro var en trevlig ort innan alla dessa afghaner kom hit och började sälja knark och våldta våra döttrar.",
        "Samerna borde stanna i sina kåtor och sluta kräva saker av oss riktiga svenskar.",
    ],
    "advertising": [
        "Hej alla i Vansbro! Jag har börjat sälja ekologiska hudvårdsprodukter och söker återförsäljare, stor förtjänst, skriv till mig.",
        "Funderar du på att sälja ditt hus? Vi värderar kostnadsfritt och har köpare som väntar. Mäklarhuset Dalarna, 0281-555 00.",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "threat": [
        "Jag har varit snäll länge nog mot kommunen, nu skriver jag till tidningen.",
        "En dag står vi alla utanför nya badhuset och klipper bandet, det blir fint!",
    ],
    "insult": [
        "Den nya rektorn borde lyssna mer på föräldrarna.",
        "Politikerna i Vansbro har fattat ett dåligt beslut om skolan.",
    ],
    "hate_speech": [
        "Samerna i Idre har renskötsel sedan urminnes tider.",
        "Många afghaner i Vansbro har fått jobb i hemtjänsten.",
    ],
    "advertising": [
        "Vi funderar på att sälja vårt hus, någon som vet en bra mäklare?",
        "Hej alla i Vansbro! Vi startar en bokcirkel på biblioteket, skriv till mig om du vill vara med.",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_this_set_of_phrasings(flag, text):
    """BBS-4, RULE-2, RULE-3: the flag is set on a phrasing written from the flag rule."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_this_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, BBS-4, RULE-2, RULE-3: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text
