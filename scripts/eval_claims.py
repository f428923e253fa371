"""Score helpers.claims.extract_claims against a gold set of numeric claims and time it against a baseline.

Usage: ``python scripts/eval_claims.py tests/gold/claims_gold.jsonl``

Prints, for each split of the gold passages (``dev``: used while writing the rules; ``test``: annotated blind
afterwards and scored once) and for all of them (``tests/gold/README_claims.md`` holds the annotation guideline):

- claim detection: precision, recall and F1, a predicted claim matching a gold claim when their spans overlap;
- for matched claims: value accuracy, bounds accuracy (lower and upper equal within 1%, both unbounded counting as
  equal) and tally (``event``) accuracy;
- a baseline measured in the same run: every numeral (``\\d[\\d,.]*``) as a claim, with its value;
- throughput of extract_claims on the Wikinews corpus (when beside the project) against the baseline regex.
"""
from __future__ import annotations

import json
import math
import re
import sys
import time
from pathlib import Path

import pandas as pd

from helpers import claims, paths

NO_QUOTES = pd.DataFrame({"quote_start": pd.Series([], dtype=int), "quote_end": pd.Series([], dtype=int),
                          "speaker": pd.Series([], dtype=str), "actor": pd.Series([], dtype=str)})
NUMERAL = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def baseline(text: str) -> list[dict]:
    """Every numeral as an exact claim."""
    out = []
    for m in NUMERAL.finditer(text):
        try:
            v = float(m.group().replace(",", ""))
        except ValueError:
            continue
        out.append({"start": m.start(), "end": m.end(), "value": v, "lower": v, "upper": v, "event": ""})
    return out


def predicted(text: str) -> list[dict]:
    c = claims.extract_claims(text, NO_QUOTES)
    return [{"start": r.start, "end": r.end, "value": r.value, "lower": r.lower, "upper": r.upper, "event": r.event}
            for r in c.itertuples(index=False)]


def same(a, b) -> bool:
    a = None if a is None or (isinstance(a, float) and math.isnan(a)) else float(a)
    b = None if b is None or (isinstance(b, float) and math.isnan(b)) else float(b)
    return a is None and b is None or (a is not None and b is not None and abs(a - b) <= 0.01 * max(abs(b), 1e-9))


def score(items: list[dict], predict) -> dict:
    tp = fp = fn = value_ok = bounds_ok = event_ok = 0
    for item in items:
        gold, pred = item["claims"], predict(item["text"])
        used = set()
        for g in gold:
            hit = next((i for i, p in enumerate(pred)
                        if i not in used and p["start"] < g["end"] and g["start"] < p["end"]), None)
            if hit is None:
                fn += 1
                continue
            used.add(hit)
            tp += 1
            p = pred[hit]
            value_ok += same(p["value"], g["value"])
            bounds_ok += same(p["lower"], g["lower"]) and same(p["upper"], g["upper"])
            event_ok += p["event"] == g["event"]
        fp += len(pred) - len(used)
    prec, rec = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"gold": tp + fn, "predicted": tp + fp, "precision": prec, "recall": rec,
            "f1": 2 * prec * rec / max(prec + rec, 1e-9), "value_acc": value_ok / max(tp, 1),
            "bounds_acc": bounds_ok / max(tp, 1), "event_acc": event_ok / max(tp, 1)}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    path = Path(argv[1])
    try:
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        print(f"error: {path}: not a readable JSON-lines gold set ({exc})", file=sys.stderr)
        return 2
    splits = sorted({i.get("split", "all") for i in items})
    for split in splits + (["all"] if len(splits) > 1 else []):
        part = [i for i in items if split == "all" or i.get("split", "all") == split]
        rows = {"extract_claims": score(part, predicted), "baseline (every numeral)": score(part, baseline)}
        table = pd.DataFrame(rows).T
        for c in ("precision", "recall", "f1", "value_acc", "bounds_acc", "event_acc"):
            table[c] = (100 * table[c].astype(float)).round(1)
        print(f"{path} [{split}]: {len(part)} passages, {rows['extract_claims']['gold']} gold claims")
        print(table.to_string())
    files = paths.corpus_files(("wikinews-2019-2020",))
    texts = [f.read_text(encoding="utf-8") for f in files]
    n = sum(map(len, texts))
    t0 = time.perf_counter()
    for t in texts:
        baseline(t)
    t1 = time.perf_counter()
    for t in texts:
        claims.extract_claims(t, NO_QUOTES)
    t2 = time.perf_counter()
    print(f"throughput on {len(texts)} texts ({n:,} chars): extract_claims {n / (t2 - t1):,.0f} chars/s, "
          f"baseline regex {n / (t1 - t0):,.0f} chars/s (ratio {(t1 - t0) / (t2 - t1):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
