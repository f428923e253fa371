"""Sentiment toward a target: the public ``toward`` and ``toward_evidence`` (the learned model over the rules).

``toward(text, start, end)`` means what the NewsMTSC corpus means: how the sentence portrays the target, as a
reader would judge it. It is the learned linear model of :mod:`.learned` over the interpretable features of
:mod:`.features` (the rule engine's score and role evidence, VADER on the sentence, lexicon words by side and
distance to the target, words next to it); the rule engine alone stays available as
:func:`helpers.sentiment.rules.rule_toward`.

Measured (``python scripts/eval_newsmtsc.py``, macro-F1 on NewsMTSC dev splits, never trained on): see
``tests/gold/README_toward.md``. The weights were chosen on those dev splits, so the figures are development
figures; the test splits are held out.
"""
from __future__ import annotations

import pandas as pd

from helpers.sentiment.features import target_features
from helpers.sentiment.lexicon import _as_text
from helpers.sentiment.learned import CLASSES, model, polarity_score, probabilities, softmax
from helpers.sentiment.sentences import muted

_EVIDENCE_DTYPES = {"token": "string", "start": "int64", "end": "int64", "valence": "float64", "source": "string",
                    "role": "string", "weight": "float64", "contribution": "float64", "to_negative": "float64",
                    "to_neutral": "float64", "to_positive": "float64"}
#: Columns of :func:`toward_evidence`.
TOWARD_EVIDENCE_COLUMNS = list(_EVIDENCE_DTYPES)


def toward_probabilities(text: str, start: int, end: int) -> tuple[float, float, float]:
    """(p_negative, p_neutral, p_positive) of the learned model for the target ``text[start:end]``; the
    model's priors (intercepts only) when the span is empty or out of range.

    >>> p = toward_probabilities("Rebels brutally killed the mayor.", 0, 6); max(range(3), key=p.__getitem__)
    0
    """
    feats, _ = target_features(text, start, end)
    return probabilities(feats)


def toward(text: str, start: int, end: int) -> float:
    """Sentiment in [-1, 1] expressed toward the target ``text[start:end]`` by the sentence holding it.

    ``label(toward(...))`` is the learned model's most probable class; the value is 0.0 for neutral, else the
    margin ``p_positive - p_negative`` (at least 0.05 in size). Returns 0.0 for an empty, blank or
    out-of-range span; never raises.

    >>> t = "Security forces violently repressed the protests."
    >>> toward(t, 0, 15) < 0
    True
    >>> t = "The senator, a respected former judge, was praised by everyone."
    >>> toward(t, 0, 11) > 0
    True
    >>> toward("abc", 5, 9)
    0.0
    """
    feats, _ = target_features(text, start, end)
    if not feats:
        return 0.0
    return polarity_score(probabilities(feats))


_ROLE = {"sentence": "sentence tone", "rules": "rule engine", "target": "target", "lex": "lexicon words by side and distance",
         "near": "word near the target (1/(1+d/4))", "L1": "word right before the target",
         "R1": "word right after the target", "role": "rule engine role evidence", "clause": "lexicon words in the target's clause"}


def _evidence_rows(text: str, feats: dict, where: dict) -> list[dict]:
    """The rows of :func:`toward_evidence` as plain dicts, from ``target_features(text, ...)`` already computed."""
    m = model()
    rows = []
    for k, v in feats.items():
        w = m.weights.get(k)
        if w is None:
            continue
        a, b = where.get(k, (-1, -1))
        token = text[a:b] if a >= 0 else k
        kind = k.split(":", 1)[0]
        rows.append({"token": token, "start": a, "end": b, "valence": v, "source": k, "role": _ROLE.get(kind, kind),
                     "weight": round(w[2] - w[0], 6), "contribution": round(v * (w[2] - w[0]), 6),
                     "to_negative": round(v * w[0], 6), "to_neutral": round(v * w[1], 6),
                     "to_positive": round(v * w[2], 6)})
    rows.sort(key=lambda r: (-abs(r["contribution"]), r["source"]))
    if feats:
        rows.append({"token": "(intercept)", "start": -1, "end": -1, "valence": 1.0, "source": "(intercept)",
                     "role": "bias", "weight": round(m.bias[2] - m.bias[0], 6),
                     "contribution": round(m.bias[2] - m.bias[0], 6), "to_negative": m.bias[0],
                     "to_neutral": m.bias[1], "to_positive": m.bias[2]})
    return rows


def toward_and_evidence(text: str, start: int, end: int, mute=()) -> tuple[float, list[tuple[float, str, str]]]:
    """``(toward(text, start, end), [(contribution, source, token), ...])`` from one feature pass: the
    non-intercept rows of :func:`toward_evidence` in its order (strongest first), as tuples (the fast path of
    ``score_actors``: no DataFrame per target). ``mute``: spans of ``text`` whose words the target's sentence
    shows muted (:func:`helpers.sentiment.sentences.muted`; a reporting source is not scored for what it relays).

    >>> t = "Rebels brutally killed the mayor."
    >>> tw, rows = toward_and_evidence(t, 0, 6)
    >>> ev = toward_evidence(t, 0, 6)
    >>> tw == toward(t, 0, 6), rows == list(zip(ev["contribution"], ev["source"], ev["token"]))[:-1]
    (True, True)
    """
    feats, where = target_features(text, start, end, mute)
    if not feats:
        return 0.0, []
    text = _as_text(text)
    m = model()
    weights = m.weights
    z = list(m.bias)  # the logits, summed in the features' order as learned.logits sums them
    rows = []
    for k, v in feats.items():
        w = weights.get(k)
        if w is None:
            continue
        z[0] += v * w[0]
        z[1] += v * w[1]
        z[2] += v * w[2]
        a, b = where.get(k, (-1, -1))
        rows.append((round(v * (w[2] - w[0]), 6), k, muted(text, mute, a, b) if a >= 0 else k))
    rows.sort(key=lambda r: (-abs(r[0]), r[1]))
    return polarity_score(softmax(z)), rows


def toward_evidence(text: str, start: int, end: int) -> pd.DataFrame:
    """What decided :func:`toward`: one row per feature that fired, largest contributions first.

    Columns: ``token`` (the word, or the feature name for non-word features), ``start``/``end`` (offsets of the
    word into ``text``, -1 for non-word features), ``valence`` (the feature's value), ``source`` (the feature
    name, see :mod:`helpers.sentiment.features`), ``role`` (what kind of feature it is), ``weight``
    (the model's weight for positive minus its weight for negative), ``contribution = valence * weight``
    (> 0 pushes toward positive, < 0 toward negative) and ``to_negative``/``to_neutral``/``to_positive``
    (``valence`` times each class weight). The last row, ``(intercept)``, holds the biases: summing
    ``to_*`` over all rows gives the model's logits (:func:`helpers.sentiment.learned.logits`).

    >>> ev = toward_evidence("Rebels brutally killed the mayor.", 0, 6)
    >>> bool(ev.iloc[0]["contribution"] < 0), ev.iloc[-1]["token"]
    (True, '(intercept)')
    """
    rows = _evidence_rows(text, *target_features(text, start, end))
    return pd.DataFrame({c: pd.array([r[c] for r in rows], dtype=d) for c, d in _EVIDENCE_DTYPES.items()})


__all__ = ["CLASSES", "TOWARD_EVIDENCE_COLUMNS", "toward", "toward_evidence", "toward_probabilities"]
