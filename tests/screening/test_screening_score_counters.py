"""Score rules' counter-signals (a warning against the act cancels an incitement score; a
counter list must name lexicon categories) and a described torture video that is violent
depiction, not incitement. The phrasings per flag are in `tests/screening/wordings/`.

Requirements: BBS-3 (screening only sorts: lawful comments are not held back), BBS-4
(uppvigling and olaga våldsskildring are surfaced for removal).
"""

from __future__ import annotations

import pytest

from moderation.screening import Engine, screen
from moderation.screening.lexicon import DataError, load_rules


def test_score_forbid_must_name_a_lexicon_category(tmp_path):
    """BBS-3: a score rule's counter-signal list is checked when the data is loaded."""
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[score]]\nid = "x"\nflag = "incitement"\nthreshold = 1\nweights = { a = 1 }\n'
        'forbid = ["nope"]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="forbid"):
        load_rules(rules, {"a"}, ("incitement",))


def test_score_forbid_cancels_the_score():
    """BBS-3: with a counter-signal present the incitement score does not fire."""
    engine = Engine()
    text = "Alla som kan: skruva ner fartkamerorna i natt, ingen ser. Gör inte det, det är olagligt att"
    rules = [f.rule for f in engine.screen(text).flags if f.flag == "incitement"]
    assert not any(r.startswith("incitement.score") for r in rules), rules


def test_described_torture_video_is_not_incitement():
    """BBS-4: a torture video described ('de skär av fingrarna på fångarna') is violent
    depiction, not a call to commit the act."""
    text = (
        "Hittade ett forum med tortyrvideor, de skär av fingrarna på fångarna en i taget, "
        "kolla här, helt sjukt 😂"
    )
    flags = screen(text).flag_names
    assert "incitement" not in flags, flags
    assert "violent_depiction" in flags, flags
