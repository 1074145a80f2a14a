"""Spellings without å/ä/ö must not turn ordinary words into flagged ones (entries marked
`nofold` in the lexicon). The phrasings per flag are in `tests/screening/wordings/`.

Requirements: BBS-3 (screening only sorts: ordinary comments are not held back)."""

from __future__ import annotations

import pytest

from moderation.screening import screen

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
