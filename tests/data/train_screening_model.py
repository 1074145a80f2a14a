"""Train the screening engine's statistical stage and write ``moderation/screening/data/model.tsv``.

    pip install -e '.[train]'          # scikit-learn, only for this script
    python tests/data/train_screening_model.py [--check | --by-batch]

Trains on the dev part of the evaluation set (``screening_dev.jsonl``), on the training
batches (``screening_train_*.txt``, same source format, written only for training, each by its
own author) and on the phrasing tables of the tests (``tests/screening/wordings/``). It never
reads the held-out part, so the held-out figures of ``bench/screening.py`` stay a measurement.

One logistic regression per flag over the features of ``moderation.screening.model.features``
(counts): the words of the text as the engine normalises it and the lexicon categories the
rules' pass hit. Each flag keeps the categories only if they raise its recall on the held-back
batches by ``CATEGORY_GAIN`` (otherwise it learns from the words alone).

The decisions are set on writers the rules never saw: each training batch is scored by a model
trained on everything but that batch (leave one author out), and compared with what the rules
found in it.

- **Threshold** per flag: the lowest probability in ``P_GRID`` at which the flags the model
  adds to the rules' are right at least ``ADDED_PRECISION`` of the time and add at most
  ``ADDED_CLEAN`` (a share) false alarms on the batches' clean comments. A flag with no such probability
  gets no model flags. The threshold is then raised, where needed, over the score of every
  innocent test phrasing (the NEGATIVE tables), which must stay clean.
- **Veto** for the flags whose policy is ``review`` (sensitive data, confidential matters,
  advertising: the warnings, not the crimes): a rule finding is dropped when the model's score
  is below the highest logit in ``VETO_GRID`` that costs at most ``VETO_LOSS`` of that flag's
  positives. The rules' words are broad ("diagnos", "LSS", "säljes"); the veto removes the
  finding when the whole comment reads like the many unflagged ones that use them.

Weights smaller than ``PRUNE`` are dropped (they cannot tip a decision and cost a lookup). The
result is deterministic for the same inputs: the file names their SHA-256, and a test fails
when the inputs (or the rules' data files) changed without retraining.

--check     exit 1 if model.tsv is not what this script would write
--by-batch  print, per flag, what the rules, the model and both find in the held-back batches
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from build_screening_set import DEV, parse_source, render  # noqa: E402

from moderation.screening.lexicon import DATA_DIR, DATA_FILES  # noqa: E402
from moderation.screening.model import (  # noqa: E402
    MODEL_FILE,
    features,
    model_view,
)
from moderation.screening.normalize import views  # noqa: E402
from moderation.screening.policy import MODEL_MAY_DROP  # noqa: E402
from moderation.screening.results import FLAGS  # noqa: E402

TRAIN_GLOB = os.environ.get("SCREENING_TRAIN_GLOB", "screening_train_*.txt")
C = 4.0  # inverse regularisation strength
P_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98)
ADDED_PRECISION = 0.8  # the precision target for every flag
ADDED_CLEAN = 0.001  # of the batches' clean comments, per flag
VETO_GRID = (-4.0, -5.0, -6.0, -7.0, -8.0)
VETO_LOSS = 0.01
PRUNE = 0.05
CATEGORY_GAIN = 0.02
NOT_BATCH = frozenset({"dev", "wordings"})
NEVER = 99.0  # a threshold no score reaches / a veto no score falls under


def training_items() -> tuple[list[dict], str]:
    """Dev items, training-batch items and the test phrasings, and the SHA-256 of what the
    model depends on: each item's group, text and flags (not how a file is laid out) and the
    rules' data files (the model reads their categories and is tuned against their findings)."""
    items = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    for item in items:
        item["group"] = "dev"
    for path in sorted(HERE.glob(TRAIN_GLOB)):
        for item in parse_source(path):
            render(item)
            item["group"] = path.name
            items.append(item)
    items += wording_items()
    digest = hashlib.sha256()
    for item in items:
        digest.update(json.dumps([item["group"], item["text"], sorted(item["flags"])]).encode())
    for name in DATA_FILES:
        digest.update(name.encode() + b"\0" + (DATA_DIR / name).read_bytes())
    return items, digest.hexdigest()


def wording_items() -> list[dict]:
    """The phrasing tables of the tests: POSITIVE raises its flag, NEGATIVE (and the innocent
    phrasings of two more test modules) raise none.

    They are the issue's hard negatives ("bränna ris", "skjuta upp mötet") and a family of
    expression per flag: short texts that rules and model together must get right.
    """
    from tests.screening.test_screening_categories import CLEAN
    from tests.screening.test_screening_folded_lookalikes import FOLDED_LOOKALIKES
    from tests.screening.wordings import cases

    by_text: dict[str, set[str]] = {}
    for flag, text in cases("POSITIVE"):
        by_text.setdefault(text, set()).add(flag)
    for text in [t for _, t in cases("NEGATIVE")] + CLEAN + FOLDED_LOOKALIKES:
        by_text.setdefault(text, set())
    return [{"text": t, "flags": sorted(f), "group": "wordings"} for t, f in by_text.items()]


def source_digest() -> str:
    return training_items()[1]


def feature_rows(items) -> list[dict[str, int]]:
    """Feature counts per item: the words of the view the model reads, and the lexicon
    categories the rules' pass hit (the engine hands the model the same two)."""
    from moderation.screening import Engine
    from moderation.screening import flags as rule_pass

    engine = Engine()
    rows = []
    for item in items:
        text = item["text"]
        text_views = views(text)
        categories: set[str] = set()
        rule_pass.evaluate(text, engine.compiled, text_views, engine.pii.find(text), categories)
        row: dict[str, int] = {}
        for name in features(model_view(text_views).text, categories):
            row[name] = row.get(name, 0) + 1
        rows.append(row)
    return rows


def fit_all(rows, items, train, word_only=frozenset(FLAGS)):
    """One logistic regression per flag on the rows ``train``; the flags in ``word_only``
    do not see the category features. Returns (vectoriser, models)."""
    import numpy as np
    from scipy.sparse import diags
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform([rows[k] for k in train])
    mask = np.array([not n.startswith("c:") for n in vectoriser.get_feature_names_out()])
    x_words = x @ diags(mask.astype(float))
    models = []
    for flag in FLAGS:
        y = np.array([flag in items[k]["flags"] for k in train])
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        models.append(model.fit(x_words if flag in word_only else x, y))
    return vectoriser, models


def by_batch_scores(items, rows, word_only=frozenset(FLAGS)):
    """Logits of every batch item from a model trained on everything but its batch."""
    import numpy as np

    groups = sorted({it["group"] for it in items} - NOT_BATCH)
    logits = np.full((len(items), len(FLAGS)), -NEVER)
    for group in groups:
        train = [k for k, it in enumerate(items) if it["group"] != group]
        test = [k for k, it in enumerate(items) if it["group"] == group]
        vectoriser, models = fit_all(rows, items, train, word_only)
        x = vectoriser.transform([rows[k] for k in test])
        for fi, model in enumerate(models):
            logits[test, fi] = model.decision_function(x)
    batch = [k for k, it in enumerate(items) if it["group"] in groups]
    return logits, batch


def select_features(items, rows):
    """Per flag, words alone or words and lexicon categories: the categories are kept for a
    flag when they raise its recall on the held-back batches by CATEGORY_GAIN or more (at
    thresholds chosen the same way). Returns the mixed logits, the batch rows, the word-only
    flags."""
    rules = rule_flags(items, [k for k, it in enumerate(items) if it["group"] not in NOT_BATCH])
    words, batch = by_batch_scores(items, rows, frozenset(FLAGS))
    both, _ = by_batch_scores(items, rows, frozenset())
    recall_words = choose(items, words, batch, rules)[3]
    recall_both = choose(items, both, batch, rules)[3]
    word_only = frozenset(
        flag
        for flag, r_words, r_both in zip(FLAGS, recall_words, recall_both, strict=True)
        if r_both < r_words + CATEGORY_GAIN
    )
    mixed = words.copy()
    for fi, flag in enumerate(FLAGS):
        if flag not in word_only:
            mixed[:, fi] = both[:, fi]
    return mixed, batch, word_only


def rule_flags(items, batch) -> dict[int, set[str]]:
    from moderation.screening import Engine

    engine = Engine()
    engine.model = None  # the rules alone
    return {k: {f.flag for f in engine.screen(items[k]["text"]).flags} for k in batch}


def logit(p: float) -> float:
    return math.log(p / (1 - p))


def choose(items, logits, batch, rules) -> tuple[list[float], list[float], list[str], list[float]]:
    """Threshold and veto per flag from the held-back batches (see the module docstring)."""
    clean = [k for k in batch if not items[k]["flags"] and not items[k].get("pii")]
    thresholds, vetoes, report, recalls = [], [], [], []
    for fi, flag in enumerate(FLAGS):
        gold = {k for k in batch if flag in items[k]["flags"]}
        chosen = NEVER
        for p in P_GRID:
            t = logit(p)
            added = [k for k in batch if flag not in rules[k] and logits[k, fi] >= t]
            right = sum(k in gold for k in added)
            false_clean = len(set(added) & set(clean))
            if (
                added
                and right / len(added) >= ADDED_PRECISION
                and false_clean <= ADDED_CLEAN * len(clean)
            ):
                chosen = t
                break
        veto = -NEVER
        if flag in MODEL_MAY_DROP:
            ruled = [k for k in batch if flag in rules[k]]
            for v in VETO_GRID:
                lost = sum(1 for k in ruled if k in gold and logits[k, fi] < v)
                if lost <= VETO_LOSS * len(gold):
                    veto = v
                    break
        thresholds.append(chosen)
        vetoes.append(veto)
        pred = {
            k
            for k in batch
            if (flag in rules[k] and logits[k, fi] >= veto) or logits[k, fi] >= chosen
        }
        rule_tp = sum(1 for k in gold if flag in rules[k])
        tp = len(pred & gold)
        recalls.append(tp / len(gold))
        report.append(
            f"{flag:20} {len(gold):4} positives in batches: rules R {rule_tp / len(gold):.2f}; "
            f"rules+model P {tp / max(len(pred), 1):.2f} R {tp / len(gold):.2f} "
            f"(threshold {chosen:+.2f}, veto {veto:+.2f})"
        )
    alarms = {
        "rules": sum(1 for k in clean if rules[k]),
        "both": sum(
            1
            for k in clean
            if any(
                (f in rules[k] and logits[k, fi] >= vetoes[fi]) or logits[k, fi] >= thresholds[fi]
                for fi, f in enumerate(FLAGS)
            )
        ),
    }
    report.append(
        f"false alarms on the batches' {len(clean)} clean comments: rules {alarms['rules']}, "
        f"rules+model {alarms['both']}"
    )
    return thresholds, vetoes, report, recalls


def train() -> tuple[str, list[str]]:
    items, digest = training_items()
    rows = feature_rows(items)
    logits, batch, word_only = select_features(items, rows)
    thresholds, vetoes, report, _ = choose(items, logits, batch, rule_flags(items, batch))
    report.append("with the lexicon categories: " + ", ".join(sorted(set(FLAGS) - word_only)))
    vectoriser, models = fit_all(rows, items, range(len(items)), word_only)
    # the test phrasings that must stay clean stay clean: no threshold at or below their score
    negatives = [k for k, it in enumerate(items) if it["group"] == "wordings" and not it["flags"]]
    x = vectoriser.transform([rows[k] for k in negatives])
    for fi, model in enumerate(models):
        top = float(model.decision_function(x).max())
        if top >= thresholds[fi]:
            report.append(
                f"{FLAGS[fi]}: threshold raised to {top + 0.01:+.2f} over a test phrasing"
            )
            thresholds[fi] = round(top + 0.01, 4)
    names = vectoriser.get_feature_names_out()
    weights: dict[str, dict[str, float]] = {}
    for flag, model in zip(FLAGS, models, strict=False):
        for name, w in zip(names, model.coef_[0], strict=False):
            if abs(w) >= PRUNE:
                weights.setdefault(name, {})[flag] = float(w)
    lines = [
        "# The screening engine's statistical stage (see moderation/screening/model.py).",
        "# Written by tests/data/train_screening_model.py; do not edit by hand, retrain.",
        f"# Trained on {len(items)} labelled comments (dev part, training batches, test",
        f"# phrasings), C={C}; weights below {PRUNE} pruned. Threshold: the logit at which a",
        "# flag is raised by the model alone; veto: a rule finding of a review flag is dropped",
        f"# below it ({NEVER:g} / {-NEVER:g}: never).",
        f"# source {digest}",
        "flags\t" + "\t".join(FLAGS),
        "bias\t" + "\t".join(f"{float(m.intercept_[0]):.4f}" for m in models),
        "threshold\t" + "\t".join(f"{t:.4f}" for t in thresholds),
        "veto\t" + "\t".join(f"{v:.4f}" for v in vetoes),
    ]
    for name in sorted(weights):
        cells = [f"{flag}={w:.4f}" for flag, w in weights[name].items()]
        lines.append(name + "\t" + "\t".join(cells))
    return "\n".join(lines) + "\n", report


def main(argv: list[str]) -> int:
    if "--by-batch" in argv:
        items, _ = training_items()
        rows = feature_rows(items)
        for label, word_only in (("words", frozenset(FLAGS)), ("words+categories", frozenset())):
            logits, batch = by_batch_scores(items, rows, word_only)
            print(f"== {label}")
            print("\n".join(choose(items, logits, batch, rule_flags(items, batch))[2]))
        return 0
    text, report = train()
    target = DATA_DIR / MODEL_FILE
    if "--check" in argv:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print(f"{target.name} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        print("up to date")
        return 0
    target.write_text(text, encoding="utf-8")
    print("\n".join(report))
    print(f"wrote {target} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
