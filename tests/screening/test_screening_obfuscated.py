"""Obfuscated spellings (digits for letters, no å/ä/ö) of hate speech and child abuse offers
still match. The phrasings per flag are in `tests/screening/wordings/`.

Requirements: BBS-4 (hets mot folkgrupp and barnpornografibrott are surfaced), BBS-7 (child
sexual abuse material is caught so it can be blocked)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

OBFUSCATED_AND_UNACCENTED = [
    ("hate_speech", "Alla b0gjävlar ska ut ur Vansbro."),
    ("child_abuse", "Har bilder pa 12-aringar utan klader, skriv privat."),
]


@pytest.mark.parametrize(("flag", "text"), OBFUSCATED_AND_UNACCENTED)
def test_leet_and_spellings_without_diacritics_still_match(flag, text):
    """BBS-4, BBS-7: 'b0gjävlar' (tests/data/README.md) and '12-aringar' without å still match
    after the nofold fixes for look-alike words."""
    assert flag in screen(text).flag_names, text
