"""The learned toward model: a multinomial logistic regression over interpretable features (:mod:`.features`).

The weights live in ``helpers/data/sentiment_toward_model.csv`` (one row per feature: its weight for
``negative``, ``neutral`` and ``positive``; the row ``(intercept)`` holds the biases), written by
``scripts/train_toward.py`` from NewsMTSC's train split (MIT licence; provenance in the file's ``#`` lines).
They are read with the standard ``csv`` module on first use (no pickle); nothing is trained at run time.

For a target with feature values ``x``: ``z[c] = bias[c] + sum_f x[f] * w[f, c]`` and ``p = softmax(z)``. Each
feature's contribution ``x[f] * w[f, c]`` is what ``toward_evidence`` shows.
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache

from helpers import paths

#: Class order of every weight row.
CLASSES = ("negative", "neutral", "positive")
#: The weights file written by scripts/train_toward.py.
WEIGHTS_FILE = paths.PACKAGE_DATA / "sentiment_toward_model.csv"


@dataclass(frozen=True)
class Model:
    """Weights by feature name (a (negative, neutral, positive) tuple) and the intercepts."""

    weights: dict
    bias: tuple[float, float, float]
    provenance: str


@lru_cache(maxsize=1)
def model() -> Model:
    """The weights file, read once per process.

    >>> m = model(); len(m.bias), "Trained on" in m.provenance, len(m.weights) > 100
    (3, True, True)
    """
    weights: dict[str, tuple[float, float, float]] = {}
    bias = (0.0, 0.0, 0.0)
    notes = []
    with open(WEIGHTS_FILE, encoding="utf-8", newline="") as fh:
        rows = []
        for line in fh:
            if line.startswith("#"):
                notes.append(line[1:].strip())
            else:
                rows.append(line)
    for r in csv.DictReader(rows):
        w = (float(r["negative"]), float(r["neutral"]), float(r["positive"]))
        if r["feature"] == "(intercept)":
            bias = w
        else:
            weights[r["feature"]] = w
    return Model(weights, bias, " ".join(notes))


def logits(features: dict[str, float]) -> list[float]:
    """``z = bias + sum(x * w)`` for each class (features the model lacks count 0)."""
    m = model()
    z = list(m.bias)
    for k, v in features.items():
        w = m.weights.get(k)
        if w is not None:
            for c in range(3):
                z[c] += v * w[c]
    return z


def probabilities(features: dict[str, float]) -> tuple[float, float, float]:
    """Softmax of :func:`logits`: (p_negative, p_neutral, p_positive).

    >>> p = probabilities({}); round(sum(p), 6)
    1.0
    """
    return softmax(logits(features))


def softmax(z: list[float]) -> tuple[float, float, float]:
    """The class probabilities of the logits ``z`` (:func:`probabilities` of the features that gave them).

    >>> softmax([0.0, 0.0, 0.0]) == (1 / 3, 1 / 3, 1 / 3)
    True
    """
    top = max(z)
    e = [math.exp(v - top) for v in z]
    s = sum(e)
    return (e[0] / s, e[1] / s, e[2] / s)


def polarity_score(p: tuple[float, float, float], band: float = 0.05) -> float:
    """A score in [-1, 1] whose label is the most probable class: 0.0 when neutral wins, else the margin
    ``p_positive - p_negative`` (at least ``band`` in size, so ``label(score)`` is that class).

    >>> polarity_score((0.1, 0.2, 0.7)), polarity_score((0.5, 0.3, 0.2)), polarity_score((0.3, 0.4, 0.3))
    (0.6, -0.3, 0.0)
    """
    k = max(range(3), key=lambda c: (p[c], c == 1))  # ties go to neutral
    if k == 1:
        return 0.0
    margin = round(p[2] - p[0], 4)
    return max(margin, band) if k == 2 else min(margin, -band)
