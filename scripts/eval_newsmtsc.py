"""Evaluate helpers.sentiment.toward on NewsMTSC's dev splits beside the sentence-level VADER baseline.

Usage: python scripts/eval_newsmtsc.py [--corpus DIR] [--splits dev-rw,dev-mt]

DIR (default ../shared/corpora/newsmtsc-train-dev) holds NewsMTSC jsonl files (MIT licence; see its README).
For every target: gold label (2 negative, 4 neutral, 6 positive), ``toward`` (the learned model), the rule engine
alone (``rule_toward``) and the baseline: VADER's compound of the whole sentence (``helpers.sentiment.score``,
quotes normalised). Labels from scores with the same thresholds (``helpers.sentiment.label``). Prints macro-F1,
accuracy and a confusion matrix (rows gold, columns predicted) per split and method. Never reads the test splits.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from helpers import paths, sentiment  # noqa: E402
from train_toward import load  # noqa: E402

LABELS = ["negative", "neutral", "positive"]


def scores(gold: list[str], pred: list[str]) -> tuple[float, float, list[list[int]]]:
    """(macro-F1 in %, accuracy in %, confusion matrix rows=gold cols=pred in LABELS order).

    >>> f1, acc, cm = scores(["negative", "neutral", "positive"], ["negative", "neutral", "neutral"])
    >>> round(f1, 1), round(acc, 1), cm
    (55.6, 66.7, [[1, 0, 0], [0, 1, 0], [0, 1, 0]])
    """
    from sklearn.metrics import confusion_matrix, f1_score

    f1 = 100 * f1_score(gold, pred, labels=LABELS, average="macro", zero_division=0)
    acc = 100 * sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold))
    return f1, acc, confusion_matrix(gold, pred, labels=LABELS).tolist()


def evaluate(items) -> dict[str, tuple[float, float, list[list[int]]]]:
    gold = [x[3] for x in items]
    preds = {
        "toward (learned)": [sentiment.label(sentiment.toward(t, s, e)) for t, s, e, _ in items],
        "rule_toward (rules only)": [sentiment.label(sentiment.rule_toward(t, s, e)) for t, s, e, _ in items],
        "sentence VADER baseline": [sentiment.label(sentiment.score(t)) for t, _, _, _ in items],
    }
    return {k: scores(gold, v) for k, v in preds.items()}


def main(argv: list[str]) -> int:
    corpus = Path(argv[argv.index("--corpus") + 1]) if "--corpus" in argv else \
        paths.SHARED / "corpora" / "newsmtsc-train-dev"
    splits = argv[argv.index("--splits") + 1].split(",") if "--splits" in argv else ["dev-rw", "dev-mt"]
    for split in splits:
        if "test" in split:
            print(f"eval_newsmtsc: {split}: test splits are held out; refusing to read them", file=sys.stderr)
            return 2
        path = corpus / f"{split}.jsonl"
        if not path.is_file():
            print(f"eval_newsmtsc: {path}: split not found", file=sys.stderr)
            return 2
        items = load(path)
        print(f"\n{split}: {len(items)} targets")
        for name, (f1, acc, cm) in evaluate(items).items():
            print(f"  {name:<26} macro-F1 {f1:5.1f}  accuracy {acc:5.1f}")
            print(f"    confusion (rows gold neg/neu/pos, cols predicted): {cm}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
