"""The screening flags on phrasings written from the flag rules, one table per flag in
`tests/screening/wordings/` (each table names the requirements its flag serves).

Requirements: BBS-4 and RULE-6 (threats, hets mot folkgrupp, child sexual abuse material,
uppvigling, olaga våldsskildring and copyright infringement are surfaced), BBS-7 (child abuse
material is recognised so it can be quarantined), RULE-2 (advertising), RULE-3 (offensive
content), GDPR-2 (art. 9 data about a person), OSL-4 (secret matters), BBS-3 (screening only
sorts: innocent uses of charged words must not be held back)."""

from __future__ import annotations

import pytest

from moderation.screening import FLAGS, screen
from tests.screening.wordings import cases, requirements


def test_every_flag_has_a_table_with_both_kinds():
    """BBS-4, RULE-2, RULE-3, GDPR-2, OSL-4: every flag the engine sets has phrasings that must
    raise it and innocent ones that must not, and names the requirements it serves."""
    import pkgutil

    from tests.screening import wordings

    # one table per flag, and no table for a flag the engine does not know
    assert {m.name for m in pkgutil.iter_modules(wordings.__path__)} == set(FLAGS)
    for flag in FLAGS:
        assert any(f == flag for f, _ in cases("POSITIVE")), flag
        assert any(f == flag for f, _ in cases("NEGATIVE")), flag
        assert requirements(flag), flag


@pytest.mark.parametrize(("flag", "text"), cases("POSITIVE"))
def test_flag_is_raised_on_a_phrasing_of_its_rule(flag, text):
    """BBS-4, BBS-7, RULE-2, RULE-3, RULE-6, GDPR-2, OSL-4: the flag is set on a phrasing
    written from its rule (the flag's table names its own requirement)."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), cases("NEGATIVE"))
def test_innocent_use_of_the_same_words_stays_clean(flag, text):
    """BBS-3, RULE-3: the tempting innocent use of the same words raises no flag, so ordinary
    comments are not held back."""
    assert flag not in screen(text).flag_names, text
