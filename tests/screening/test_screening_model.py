"""The statistical stage (moderation/screening/model.py): what it reads, what it may decide."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.screening import MODEL_ROW, Engine, get_engine
from moderation.screening.lexicon import DATA_DIR
from moderation.screening.model import MODEL_FILE, Model, features, model_view
from moderation.screening.normalize import views
from moderation.screening.results import FLAGS

ROOT = Path(__file__).resolve().parents[2]


def test_model_file_is_trained_from_the_current_data():
    """BBS-3: the shipped weights are what the training script makes of the labelled data
    in the repository (dev part, training batches, test phrasings, never held-out) and the
    rules' data files it is tuned against: a change to any of them without retraining fails
    here."""
    sys.path.insert(0, str(ROOT / "tests" / "data"))
    from train_screening_model import source_digest

    model = get_engine().model
    assert model is not None
    assert model.source == source_digest()
    assert model.flags == FLAGS


WORDS = ["jag", "ska", "döda", "dig", "barn", "bilder", "säljer", "snöröjning", "kommunen",
         "idiot", "vansbro", "inte", "brandbomb", "ihjälslagen", "123", "x"]  # fmt: skip


CATEGORIES = ["sensitive", "incite_call", "threat_act", "minor", "no_such_category"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.lists(st.sampled_from(CATEGORIES)))
def test_scores_are_the_sum_of_the_trained_feature_weights(ws, categories):
    """The engine scores a text as training saw it: the bias plus the weight of every feature
    occurrence that ``features`` lists (word, prefix, compound head, word pair, and each
    lexicon category once)."""
    model = get_engine().model
    text = " ".join(ws)
    expected = list(model.bias)
    for name in features(text, categories):
        if name.startswith(("b:", "c:")):
            key = tuple(name[2:].split(" ")) if name[0] == "b" else name[2:]
            vec = (model.pair if name[0] == "b" else model.category).get(key)
            weights = dict(enumerate(vec)) if vec else {}
        else:
            weights = model.unit.get(name, {})
        for i, w in weights.items():
            expected[i] += w
    assert model.scores(text, categories) == pytest.approx(expected, abs=1e-9)


def test_the_engine_hands_the_model_the_rules_categories(tmp_path):
    """The categories the model reads are those of the rules' lexicon hits on the text: a
    model that knows only the category of "döda" raises its flag on a text with that word."""
    engine = _engine_with(tmp_path, _tiny({"copyright": 0.0}, {}, {"c:threat_verb": "copyright=9"}))
    assert "copyright" in engine.screen("Jag ska döda dig.").flag_names
    assert "copyright" not in engine.screen("Jag ska ploga vägen.").flag_names


def _engine_with(tmp_path: Path, model_text: str) -> Engine:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / MODEL_FILE).write_text(model_text, encoding="utf-8")
    return Engine(data)


def _tiny(threshold: dict[str, float], veto: dict[str, float], weights: dict[str, str]) -> str:
    lines = [
        "# source test",
        "flags\t" + "\t".join(FLAGS),
        "bias\t" + "\t".join("-5" for _ in FLAGS),
        "threshold\t" + "\t".join(str(threshold.get(f, 99)) for f in FLAGS),
        "veto\t" + "\t".join(str(veto.get(f, -99)) for f in FLAGS),
    ]
    lines += [f"{feature}\t{cells}" for feature, cells in weights.items()]
    return "\n".join(lines) + "\n"


def test_a_flag_the_model_alone_raises_is_held_for_review_never_blocked(tmp_path):
    """BBS-3, BBS-5: a threat that only the statistical stage sees holds the text for review
    with the model's reason and its evidence (the word that weighed most, in the original
    text); it is not blocked, although a threat found by the rules is."""
    engine = _engine_with(
        tmp_path,
        _tiny({"threat": 0.0}, {}, {"w:grävskopan": "threat=3.0", "w:kvar": "threat=2.5"}),
    )
    text = "Grävskopan står kvar vid din stuga i Äppelbo."
    result = engine.screen(text)
    assert result.flag_names == ("threat",)
    assert result.action == "review"
    (finding,) = result.flags
    assert finding.rule == "model.threat"
    assert (finding.start, finding.end, finding.matched) == (0, 10, "Grävskopan")
    assert finding.matched == text[finding.start : finding.end]
    assert "poäng 0.50" in finding.note and "grävskopan +3.00" in finding.note
    assert result.reasons == (f"threat: {MODEL_ROW.reason_sv}",)
    ruled = engine.screen("Jag ska döda dig, grävskopan står kvar.")
    assert ruled.action == "block"
    assert all(f.rule != "model.threat" for f in ruled.flags)  # the rules' finding stands


def test_the_veto_drops_a_review_flag_but_never_a_crime_flag(tmp_path):
    """GDPR-2, BBS-4: the veto line removes a rule finding of a review flag (sensitive data)
    when the model scores the text far below it; it cannot touch a threat."""
    text = "Min mamma har diabetes och behöver hjälp med snöskottningen."
    baseline = get_engine().screen(text)
    assert "sensitive_personal" in baseline.flag_names
    engine = _engine_with(tmp_path, _tiny({}, {"sensitive_personal": 0.0, "threat": 0.0}, {}))
    assert "sensitive_personal" not in engine.screen(text).flag_names
    assert "threat" in engine.screen("Jag ska döda dig.").flag_names


def test_without_a_model_file_the_rules_work_alone(tmp_path):
    """BBS-3: the statistical stage is optional; without its file the engine is the rules."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / MODEL_FILE).unlink()
    engine = Engine(data)
    assert engine.model is None
    assert engine.screen("Jag ska döda dig.").flag_names == ("threat",)


def test_a_broken_model_file_fails_at_load(tmp_path):
    """A weights file naming an unknown flag is refused when the engine is built, not later."""
    with pytest.raises(ValueError, match="unknown flags"):
        _engine_with(tmp_path, "flags\tthreat\tgossip\nbias\t0\t0\nthreshold\t1\t1\n")


def test_model_findings_never_stop_a_moderator_from_approving():
    """BBS-3: blocked text cannot be approved unless masked, but a statistical finding is a
    prompt to look, not a block."""
    from moderation.services import blocking_spans_unmasked

    flag = {"flag": "threat", "start": 0, "end": 5, "matched": "x", "note": ""}
    model_only = SimpleNamespace(
        screening={"flags": [{**flag, "rule": "model.threat"}]}, masked_spans=[]
    )
    ruled = SimpleNamespace(
        screening={"flags": [{**flag, "rule": "threat.phrase[x]"}]}, masked_spans=[]
    )
    assert blocking_spans_unmasked(model_only) == []
    assert len(blocking_spans_unmasked(ruled)) == 1


def test_the_model_reads_the_repaired_view():
    """RULE-3: obfuscated spellings reach the model as the rules see them (``id1ot`` as
    ``idiot``), so its features are the same words."""
    assert model_view(views("du är en id1ot")).text == "du är en idiot"


def test_engine_result_is_within_the_text_with_the_model():
    """The model's findings keep the contract: spans inside the text, matched == the slice."""
    engine = get_engine()
    model = engine.model
    assert isinstance(model, Model)
    for text in ["Vi vet var du bor och vad din bil heter, ha en trevlig kväll.", "🙂" * 5]:
        for f in engine.screen(text).flags:
            assert 0 <= f.start <= f.end <= len(text)
            assert f.matched == text[f.start : f.end]
