"""Score ``helpers.quotes.extract_quotes`` on an annotated gold file (JSON lines).

Usage::

    python scripts/eval_quotes.py tests/gold/quotes_gold.jsonl [--threshold 0.3 0.8] [--show-errors]

Gold format (one JSON object per passage; see ``tests/gold/README_quotes.md``)::

    {"id": ..., "source": ..., "text": ..., "quotes": [{"kind", "start", "end", "speaker",
                                                        "speaker_start", "speaker_end", "actor"?}, ...]}

Matching (as in the Gender Gap Tracker evaluation): overlap = |pred ∩ gold| / |gold| in characters; gold
statements are taken in text order and each is matched to the remaining prediction with the highest
overlap, if that overlap is at least the threshold (one-to-one, greedy). Precision = matched / predicted,
recall = matched / gold. Speaker accuracy is over matched statements: the predicted speaker matches when
its span overlaps the gold speaker span, or when the two speaker strings are equal ignoring case (both empty
counts as a match). Per-kind recall uses the gold kind, per-kind precision the predicted kind; ``kind acc``
is the share of matched statements whose predicted kind equals the gold kind.

``--classes speech naming request`` scores only the rows of those cue classes: the gold follows the first
convention (statements, naming and requests; no beliefs, findings or intentions), which ``extract_quotes`` also
extracts, labelled by ``cue_class``.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from helpers.quotes import extract_quotes

KINDS = ("direct", "mixed", "indirect")


def load_gold(path: str | Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if line:
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{n}: not JSON ({exc.msg})") from None
    return out


def overlap(ps: int, pe: int, gs: int, ge: int) -> float:
    if ge <= gs:
        return 0.0
    return max(0, min(pe, ge) - max(ps, gs)) / (ge - gs)


def speaker_match(pred: dict, gold: dict) -> bool:
    gsp, psp = (gold.get("speaker") or "").strip(), (pred.get("speaker") or "").strip()
    if not gsp:
        return not psp
    if psp and psp.lower() == gsp.lower():
        return True
    gs, ge = gold.get("speaker_start", -1), gold.get("speaker_end", -1)
    ps, pe = pred.get("speaker_start", -1), pred.get("speaker_end", -1)
    return gs >= 0 and ps >= 0 and min(pe, ge) > max(ps, gs)


def match_passage(preds: list[dict], golds: list[dict], threshold: float) -> list[tuple[dict, dict | None]]:
    """Greedy one-to-one matching; returns (gold, matched pred or None) and leaves preds annotated."""
    remaining = list(range(len(preds)))
    pairs = []
    for g in sorted(golds, key=lambda g: (g["start"], g["end"])):
        best, best_score = None, 0.0
        for k in remaining:
            p = preds[k]
            s = overlap(p["quote_start"], p["quote_end"], g["start"], g["end"])
            if s >= threshold and s > best_score:
                best, best_score = k, s
        if best is None:
            pairs.append((g, None))
        else:
            remaining.remove(best)
            pairs.append((g, preds[best]))
    for k in remaining:
        preds[k]["_unmatched"] = True
    return pairs


def evaluate(gold: list[dict], threshold: float, show_errors: bool = False, out=sys.stdout,
             classes: tuple[str, ...] | None = None) -> dict:
    """Score every passage; ``classes``: count only predicted rows with these ``cue_class`` values (None: all)."""
    tp = fp = fn = spk = kind_ok = 0
    by_gold = defaultdict(lambda: [0, 0])     # kind -> [matched, total]
    by_pred = defaultdict(lambda: [0, 0])     # kind -> [matched, total]
    spk_kind = defaultdict(lambda: [0, 0])
    for doc in gold:
        text = doc["text"]
        df = extract_quotes(text)
        preds = df.to_dict("records")
        if classes is not None:
            preds = [p for p in preds if p["cue_class"] in classes]
        pairs = match_passage(preds, doc["quotes"], threshold)
        for g, p in pairs:
            by_gold[g["kind"]][1] += 1
            if p is None:
                fn += 1
                if show_errors:
                    print(f"  MISS [{doc['id']}] {g['kind']}: {text[g['start']:g['end']][:90]!r} "
                          f"(speaker {g.get('speaker', '')!r})", file=out)
                continue
            tp += 1
            by_gold[g["kind"]][0] += 1
            ok = speaker_match(p, g)
            spk += ok
            spk_kind[g["kind"]][0] += ok
            spk_kind[g["kind"]][1] += 1
            kind_ok += p["kind"] == g["kind"]
            if show_errors and not ok:
                print(f"  SPEAKER [{doc['id']}] {text[g['start']:g['end']][:60]!r}: predicted {p['speaker']!r}, "
                      f"gold {g.get('speaker', '')!r}", file=out)
            if show_errors and p["kind"] != g["kind"]:
                print(f"  KIND [{doc['id']}] {text[g['start']:g['end']][:60]!r}: predicted {p['kind']}, "
                      f"gold {g['kind']}", file=out)
        for p in preds:
            by_pred[p["kind"]][1] += 1
            if p.get("_unmatched"):
                fp += 1
                if show_errors:
                    print(f"  FALSE [{doc['id']}] {p['kind']}: {p['quote_text'][:90]!r} "
                          f"(speaker {p['speaker']!r}, cue {p['cue']!r})", file=out)
            else:
                by_pred[p["kind"]][0] += 1
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "threshold": threshold, "gold": tp + fn, "predicted": tp + fp, "matched": tp,
        "precision": prec, "recall": rec, "f1": f1, "speaker_acc": spk / tp if tp else 0.0,
        "kind_acc": kind_ok / tp if tp else 0.0,
        "per_kind": {k: {"recall": by_gold[k][0] / by_gold[k][1] if by_gold[k][1] else float("nan"),
                         "gold": by_gold[k][1],
                         "precision": by_pred[k][0] / by_pred[k][1] if by_pred[k][1] else float("nan"),
                         "predicted": by_pred[k][1],
                         "speaker_acc": spk_kind[k][0] / spk_kind[k][1] if spk_kind[k][1] else float("nan")}
                     for k in KINDS},
    }


def report(res: dict, out=sys.stdout) -> None:
    print(f"overlap >= {res['threshold']:.1f}: gold {res['gold']}, predicted {res['predicted']}, "
          f"matched {res['matched']}", file=out)
    print(f"  precision {100 * res['precision']:.1f}  recall {100 * res['recall']:.1f}  "
          f"F1 {100 * res['f1']:.1f}  speaker acc {100 * res['speaker_acc']:.1f}  "
          f"kind acc {100 * res['kind_acc']:.1f}", file=out)
    for k, v in res["per_kind"].items():
        print(f"  {k:9s} recall {100 * v['recall']:5.1f} (of {v['gold']:3d})  precision "
              f"{100 * v['precision']:5.1f} (of {v['predicted']:3d})  speaker acc {100 * v['speaker_acc']:5.1f}",
              file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", help="gold JSON-lines file")
    ap.add_argument("--threshold", type=float, nargs="+", default=[0.3, 0.8],
                    help="overlap thresholds (default: 0.3 0.8)")
    ap.add_argument("--show-errors", action="store_true", help="list misses, false statements, wrong speakers")
    ap.add_argument("--source", nargs="+", help="score only passages with these sources (e.g. wikinews)")
    ap.add_argument("--classes", nargs="+", metavar="CLASS",
                    help="score only predicted rows of these cue classes (the gold's convention counts speech, "
                         "naming and request: --classes speech naming request); default: every row")
    args = ap.parse_args(argv)
    path = Path(args.gold)
    if not path.is_file():
        print(f"{path}: gold file not found", file=sys.stderr)
        return 2
    gold = load_gold(path)
    if args.source:
        gold = [d for d in gold if d.get("source") in args.source]
    print(f"{path.name}: {len(gold)} passages, {sum(len(d['quotes']) for d in gold)} gold statements")
    for i, t in enumerate(args.threshold):
        res = evaluate(gold, t, show_errors=args.show_errors and i == 0,
                       classes=tuple(args.classes) if args.classes else None)
        report(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
