"""Evaluate helpers.sentiment.toward against a target-sentiment gold file, beside a sentence-level baseline.

Usage: python scripts/eval_toward.py tests/gold/toward_gold.csv [--split dev|fresh] [--errors]
       python scripts/eval_toward.py tests/gold/toward_gold_real.csv [--split real|real2] [--errors]

Gold CSV columns: text, start, end, label (negative / neutral / positive); other columns are ignored, a
``phenomena`` column (``;``-separated tags) gives a per-phenomenon accuracy breakdown, and a ``split``
column (dev / fresh, or real / real2) gives per-split figures (``--split`` restricts the whole report to one split).
Score-to-label mapping, for both methods: > 0.05 positive, < -0.05 negative, else neutral
(helpers.sentiment.label; VADER's published thresholds).
Baseline: VADER compound of the whole sentence holding the target (helpers.sentiment.sentence_bounds),
the same for every target of that sentence.
Prints accuracy and macro-F1 (mean of the per-class F1 over the three classes) for both.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from helpers import sentiment

LABELS = ("negative", "neutral", "positive")


def macro_f1(gold: list[str], pred: list[str]) -> float:
    f1s = []
    for c in LABELS:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s)


def accuracy(gold: list[str], pred: list[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0


def evaluate(gold: pd.DataFrame) -> dict:
    """Predictions and scores of toward and of the sentence baseline on a gold table."""
    tw, base, rules = [], [], []
    for r in gold.itertuples(index=False):
        text, s, e = str(r.text), int(r.start), int(r.end)
        tw.append(sentiment.toward(text, s, e))
        rules.append(sentiment.rule_toward(text, s, e))
        bs, be = sentiment.sentence_bounds(text, s, e)
        base.append(sentiment.score(text[bs:be]))
    g = gold["label"].astype(str).tolist()
    p_tw = [sentiment.label(v) for v in tw]
    p_base = [sentiment.label(v) for v in base]
    p_rules = [sentiment.label(v) for v in rules]
    return {"pred_rules": p_rules, "rules_macro_f1": macro_f1(g, p_rules), "rules_accuracy": accuracy(g, p_rules),"gold": g, "toward": tw, "baseline": base, "pred_toward": p_tw, "pred_baseline": p_base,
            "toward_macro_f1": macro_f1(g, p_tw), "toward_accuracy": accuracy(g, p_tw),
            "baseline_macro_f1": macro_f1(g, p_base), "baseline_accuracy": accuracy(g, p_base)}


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    path = Path(argv[0])
    try:
        gold = pd.read_csv(path, comment="#", dtype={"text": str, "label": str}, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        print(f"{path}: cannot read gold file ({getattr(exc, 'strerror', None) or str(exc).splitlines()[0]})",
              file=sys.stderr)
        return 2
    missing = {"text", "start", "end", "label"} - set(gold.columns)
    if missing:
        print(f"{path}: gold file lacks columns {sorted(missing)}", file=sys.stderr)
        return 2
    if "--split" in argv:
        want = argv[argv.index("--split") + 1]
        gold = gold[gold["split"] == want].reset_index(drop=True)
    res = evaluate(gold)
    n = len(gold)
    print(f"gold: {path.name}, {n} targets, labels {dict(sorted(Counter(res['gold']).items()))}")
    print(f"{'method':<28}{'macro-F1':>10}{'accuracy':>10}")
    print(f"{'toward':<28}{100 * res['toward_macro_f1']:>10.1f}{100 * res['toward_accuracy']:>10.1f}")
    print(f"{'rule_toward (rules only)':<28}{100 * res['rules_macro_f1']:>10.1f}{100 * res['rules_accuracy']:>10.1f}")
    print(f"{'sentence VADER (baseline)':<28}{100 * res['baseline_macro_f1']:>10.1f}"
          f"{100 * res['baseline_accuracy']:>10.1f}")
    if "split" in gold.columns and gold["split"].nunique() > 1:
        for sp, idx in gold.groupby("split", sort=True).groups.items():
            g = [res["gold"][i] for i in idx]
            pt = [res["pred_toward"][i] for i in idx]
            pb = [res["pred_baseline"][i] for i in idx]
            pr = [res["pred_rules"][i] for i in idx]
            print(f"  split {sp:<6} n={len(idx):<4} toward macro-F1 {100 * macro_f1(g, pt):5.1f}"
                  f"  rules {100 * macro_f1(g, pr):5.1f}  baseline macro-F1 {100 * macro_f1(g, pb):5.1f}")
    if "phenomena" in gold.columns:
        tags = Counter()
        ok_t, ok_b = Counter(), Counter()
        for ph, g, pt, pb in zip(gold["phenomena"], res["gold"], res["pred_toward"], res["pred_baseline"]):
            for tag in {x.split("-")[0] if x.startswith(("agent", "patient", "passive")) else x
                        for x in str(ph).split(";") if x}:
                tags[tag] += 1
                ok_t[tag] += g == pt
                ok_b[tag] += g == pb
        print(f"\n{'phenomenon':<22}{'n':>4}{'toward acc':>12}{'baseline acc':>14}")
        for tag in sorted(tags):
            print(f"{tag:<22}{tags[tag]:>4}{100 * ok_t[tag] / tags[tag]:>12.0f}{100 * ok_b[tag] / tags[tag]:>14.0f}")
    if "--errors" in argv:
        print("\nerrors of toward (gold -> predicted, score):")
        for r, g, p, v in zip(gold.itertuples(index=False), res["gold"], res["pred_toward"], res["toward"]):
            if g != p:
                print(f"  [{r.text[int(r.start):int(r.end)]}] {g} -> {p} ({v:+.3f}): {r.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
