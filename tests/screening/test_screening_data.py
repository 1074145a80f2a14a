"""The data files are well-formed, and malformed data fails loudly at load time."""

from __future__ import annotations

import shutil

import pytest

from moderation.screening import FLAGS
from moderation.screening.lexicon import DATA_DIR, DataError, compile_data, load_lexicon


def test_every_entry_has_a_known_mode_and_lower_case_term():
    """Lexicon entries load: category, lower-case term, known mode (reviewed like code)."""
    entries = load_lexicon(DATA_DIR / "lexicon.tsv")
    assert len(entries) > 500
    assert all(e.term == e.term.lower() and e.category for e in entries)


def test_every_rule_category_exists_and_every_category_is_used():
    """Rules name only existing categories and flags; no category is dead weight."""
    compiled = compile_data(DATA_DIR, FLAGS)
    used = set()
    for rule in compiled.rules:
        used |= set(rule.trigger)
        used |= {c.ref for c in rule.all + rule.any + rule.unless if c.kind == "cat"}
    for score in compiled.scores:
        used |= set(score.weights) | set(score.require) | set(score.forbid)
    unused = compiled.categories - used
    assert unused == set()
    assert {r.flag for r in compiled.rules} | {s.flag for s in compiled.scores} == set(FLAGS)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("insult_noun\tIdiot\tword\t", "lower case"),
        ("insult_noun\tidiot\tbogus\t", "unknown mode"),
        ("insult_noun\tidiot", "need category"),
    ],
)
def test_malformed_lexicon_line_is_reported(tmp_path, line, message):
    """A broken lexicon line stops the engine from loading, naming file and line."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    with (copy / "lexicon.tsv").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    with pytest.raises(DataError, match=message) as exc:
        compile_data(copy, FLAGS)
    assert "lexicon.tsv:" in str(exc.value)


def test_unknown_set_in_rules_is_reported(tmp_path):
    """A rule that names a missing word set stops the engine from loading."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    text = (copy / "rules.toml").read_text(encoding="utf-8")
    (copy / "rules.toml").write_text(
        text.replace('{ set = "addressee", before = 4, after = 2 }', '{ set = "nope" }', 1),
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="unknown set 'nope'"):
        compile_data(copy, FLAGS)


def test_core_does_not_import_django():
    """The engine is pure Python: importing and running it loads no Django module."""
    import subprocess
    import sys

    code = (
        "import sys; from moderation.screening import screen; screen('ring 070-123 45 67');"
        "import moderation.screening.batch;"
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=DATA_DIR.parents[2],
    )
    assert out.stdout.strip() == "False"
