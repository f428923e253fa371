"""Train the learned toward model (helpers.sentiment.learned) on NewsMTSC train; write its weights file.

Usage:
  python scripts/train_toward.py [--corpus DIR] [--out FILE]      train with the chosen settings, write weights
  python scripts/train_toward.py --choose [--corpus DIR]          print dev-rw / dev-mt macro-F1 for each setting

Data: DIR (default ../shared/corpora/newsmtsc-train-dev) holds NewsMTSC's train.jsonl, dev-rw.jsonl and
dev-mt.jsonl (MIT licence, Hamborg and Donnay 2021; see that folder's README). The model is fitted on train.jsonl
only; the dev splits are read only by ``--choose``, to pick the settings below; the test splits are never read.

Model: scikit-learn LogisticRegression (multinomial, lbfgs, L2, ``class_weight="balanced"``) over the features of
``helpers.sentiment.features.target_features``, keeping features that fire on at least ``MIN_COUNT`` training
targets. Deterministic (no random state is used by lbfgs; features sorted by name); weights are rounded to 6
decimals, so a rerun writes a byte-identical file. Output (default src/helpers/data/sentiment_toward_model.csv):
``#`` provenance lines, then ``feature,negative,neutral,positive`` with the intercept as feature ``(intercept)``.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from helpers import paths  # noqa: E402
from helpers.sentiment.features import target_features  # noqa: E402
from helpers.sentiment.learned import CLASSES, WEIGHTS_FILE  # noqa: E402
from helpers.tables import write_bytes_atomic  # noqa: E402

#: Chosen on dev-rw / dev-mt with ``--choose`` (see tests/gold/README_toward.md for the grid's figures).
C = 0.5
MIN_COUNT = 10
GRID = [(0.2, 5), (0.5, 5), (1.0, 5), (0.5, 3), (0.5, 10)]
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
SOURCE = ("NewsMTSC (Hamborg and Donnay, EACL 2021), GitHub fhamborg/NewsMTSC commit "
          "b9d9b79704ed1b35cecaf1d7c2343dc1bd734fb7, newsmtsc-rw and newsmtsc-mt train.jsonl; MIT licence, "
          "Copyright 2020 Felix Hamborg")


def load(path: Path) -> list[tuple[str, int, int, str]]:
    """(sentence, start, end, label) for every target of a NewsMTSC jsonl file."""
    items = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            o = json.loads(line)
            for t in o["targets"]:
                items.append((o["sentence_normalized"], int(t["from"]), int(t["to"]), POLARITY[float(t["polarity"])]))
    return items


def featurize(items) -> list[dict[str, float]]:
    return [target_features(t, s, e)[0] for t, s, e, _ in items]


def fit(feats, labels, c: float, min_count: int):
    """(feature names, coefficient matrix [classes x features], intercepts) of the fitted model."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, n in counts.items() if n >= min_count)
    vec = DictVectorizer(sort=True)
    vec.fit([{k: 1.0 for k in names}])
    X = vec.transform(feats)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=10000, tol=1e-8)
    model.fit(X, labels)
    order = [list(model.classes_).index(k) for k in CLASSES]
    return list(vec.feature_names_), np.asarray(model.coef_)[order], np.asarray(model.intercept_)[order]


def macro_f1(weights, feats, labels) -> float:
    import numpy as np
    from sklearn.metrics import f1_score

    names, coef, bias = weights
    idx = {n: i for i, n in enumerate(names)}
    pred = []
    for f in feats:
        z = bias.copy()
        for k, v in f.items():
            if k in idx:
                z = z + v * coef[:, idx[k]]
        pred.append(CLASSES[int(np.argmax(z))])
    return 100 * f1_score(labels, pred, average="macro")


def weights_csv(weights, train_path: Path, n_targets: int, c: float, min_count: int) -> bytes:
    import sklearn

    names, coef, bias = weights
    sha = hashlib.sha256(train_path.read_bytes()).hexdigest()
    lines = [
        "# Learned toward model (helpers.sentiment.learned): multinomial logistic regression weights.",
        f"# Trained on: {SOURCE}.",
        f"# train.jsonl sha256 {sha}; {n_targets} targets; test splits never read.",
        f"# Settings: C={c}, min_count={min_count}, class_weight=balanced, lbfgs; scikit-learn {sklearn.__version__}.",
        "# Retrain: python scripts/train_toward.py (byte-identical output). Licence of the derived weights: MIT",
        "# (NewsMTSC's), with the attribution above.",
    ]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["feature", *CLASSES])
    writer.writerow(["(intercept)", *(f"{v:.6f}" for v in bias)])
    for j, n in enumerate(names):
        row = [f"{float(v):.6f}" for v in coef[:, j]]
        if all(float(v) == 0 for v in row):
            continue
        writer.writerow([n, *row])
    return ("\n".join(lines) + "\n" + buf.getvalue()).encode("utf-8")


def main(argv: list[str]) -> int:
    corpus = Path(argv[argv.index("--corpus") + 1]) if "--corpus" in argv else paths.SHARED / "corpora" / \
        "newsmtsc-train-dev"
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else WEIGHTS_FILE
    train_path = corpus / "train.jsonl"
    if not train_path.is_file():
        print(f"train_toward: {train_path}: NewsMTSC train split not found", file=sys.stderr)
        return 2
    train = load(train_path)
    ftrain, ytrain = featurize(train), [x[3] for x in train]
    if "--choose" in argv:
        dev = {name: load(corpus / f"{name}.jsonl") for name in ("dev-rw", "dev-mt")}
        fdev = {k: (featurize(v), [x[3] for x in v]) for k, v in dev.items()}
        print(f"{'C':>6}{'min_count':>11}{'features':>10}{'dev-rw':>9}{'dev-mt':>9}")
        for c, mc in GRID:
            w = fit(ftrain, ytrain, c, mc)
            f1 = [macro_f1(w, *fdev[k]) for k in ("dev-rw", "dev-mt")]
            print(f"{c:>6}{mc:>11}{len(w[0]):>10}{f1[0]:>9.1f}{f1[1]:>9.1f}")
        return 0
    w = fit(ftrain, ytrain, C, MIN_COUNT)
    write_bytes_atomic(out, weights_csv(w, train_path, len(train), C, MIN_COUNT))
    print(f"wrote {out} ({len(w[0])} features, {len(train)} training targets)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
