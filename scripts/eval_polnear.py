"""Score ``helpers.quotes.extract_quotes`` against PolNeAR (train or dev; the test split is held out: never read).

Usage::

    python scripts/eval_polnear.py [--split dev] [--threshold 0.3] [--show-errors 40] [--limit N]

PolNeAR (``../shared/corpora/polnear-train-dev``, README there) annotates every attribution of US political news:
source, cue and content spans, brat standoff, one ``.ann`` per annotator (the first in sorted order is used).
Its conventions differ from the project's gold, so it is scored in two conventions:

1. **Speech statements** (the convention of the held-out quote gold): predictions with ``cue_class`` ``speech``
   or ``naming``, one row per part, against PolNeAR attributions whose cue is speech or naming. A gold content
   in parts (``"A," X said. "B."``) counts as one statement per part when a sentence ends between the parts, and
   as one statement (first to last part) when it is interrupted inside a sentence (``"A," he said, "B."``). A
   gold cue's class comes from the cue lexicon (``helpers.quotes.cues``) and, for verbs outside it, from the
   short lists below (belief, intention, finding, request verbs); any other cue is speech.
2. **Attributions**: predictions merged by ``attribution_id`` (span from the first part's start to the last
   part's end), every cue class, against every PolNeAR attribution (first to last content part): on the
   attributions whose content holds a quote mark (gold) and the merged predictions that are ``direct`` or
   ``mixed``, and on all attributions.

Matching is ``scripts/eval_quotes.py``'s: overlap = |pred ∩ gold| / |gold| in characters, greedy one-to-one in
text order, at ``--threshold`` (0.3 by default, as in the Gender Gap Tracker evaluation). Speaker accuracy is over
matched pairs: the predicted speaker span overlaps the gold source span, or the strings are equal ignoring case;
a gold attribution without a source matches a prediction without a speaker. Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_quotes import match_passage, speaker_match  # noqa: E402  (scripts/eval_quotes.py)

from helpers import paths  # noqa: E402
from helpers.quotes import extract_quotes  # noqa: E402
from helpers.quotes.cues import _lemma_classes  # noqa: E402

CORPUS = paths.ROOT.parent / "shared" / "corpora" / "polnear-train-dev"
QUOTE_MARKS = set('"“”„«»')   # and the two-character marks '' and `` (NYT copy in PolNeAR)
# cue words outside the lexicon that PolNeAR annotates and a speech-only gold does not
_OTHER_CUES = {
    "belief": "think thinks thought believe believes believed know knows knew known feel feels felt hope hopes "
              "hoped fear fears feared expect expects expected want wants wanted like likes liked consider considers "
              "considered doubt doubts doubted suspect suspects suspected worry worries worried assume assumes "
              "assumed understand understands understood view views viewed see sees saw convinced sure concerned "
              "aware belief beliefs opinion view hoping thinking believing knowing",
    "intention": "plan plans planned intend intends intended aim aims aimed seek seeks sought try tries tried "
                 "decide decides decided vow vows vowed pledge pledges pledged promise promises promised",
    "finding": "find finds found show shows showed shown suggest suggests suggested estimate estimates estimated "
               "indicate indicates indicated poll polls survey study",
    "request": "urge urges urged demand demands demanded call calls called ask asks asked",
}
_OTHER = {w: c for c, ws in _OTHER_CUES.items() for w in ws.split()}
_SENTENCE_GAP = re.compile(r"[.!?][\"”’']?\s")


def parse_ann(path: Path) -> list[dict]:
    """Attributions of one ``.ann`` file: content parts, cue and source spans (first part) and their text."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, offs = cols[1].partition(" ")
            parts = []
            for piece in offs.split(";"):
                a, b = piece.split()
                parts.append((int(a), int(b)))
            spans[cols[0]] = (label, sorted(parts))
        elif line.startswith("E") and len(cols) >= 2:
            events.append(dict(arg.split(":", 1) for arg in cols[1].split()))
    out = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in spans:
            continue
        content = spans[ev["Content"]][1]
        cue = spans[ev["Cue"]][1] if ev.get("Cue") in spans else []
        source = spans[ev["Source"]][1] if ev.get("Source") in spans else []
        out.append({"content": content, "cue": cue, "source": source})
    return out


def gold_class(text: str, att: dict) -> str:
    """speech, naming, belief, intention, finding or request for a gold attribution (see the module docstring)."""
    cue = " ".join(text[a:b] for a, b in att["cue"]).lower()
    words = re.findall(r"[a-z’']+", cue)
    lex = _lemma_classes()
    for k in range(len(words)):
        two = " ".join(words[k:k + 2])
        if two in lex:
            return lex[two]
    for w in words:
        if w in lex:
            return lex[w]
    for w in words:
        if w in _OTHER:
            return _OTHER[w]
    return "speech"


def gold_statements(text: str, atts: list[dict], convention: int) -> list[dict]:
    """Gold rows in ``scripts/eval_quotes.py``'s format for one article."""
    out = []
    for att in atts:
        parts = att["content"]
        src = att["source"]
        speaker = {"speaker": " ".join(text[a:b] for a, b in src), "speaker_start": src[0][0] if src else -1,
                   "speaker_end": src[-1][1] if src else -1}
        quoted = any(ch in QUOTE_MARKS for a, b in parts for ch in text[a:b]) or \
            any("''" in text[a:b] or "``" in text[a:b] for a, b in parts)
        cls = gold_class(text, att)
        if convention == 1:
            if cls not in ("speech", "naming"):
                continue
            groups = [[parts[0]]]
            for p in parts[1:]:
                if _SENTENCE_GAP.search(text[groups[-1][-1][1]:p[0]]):
                    groups.append([p])
                else:
                    groups[-1].append(p)
            for g in groups:
                if g[-1][1] - g[0][0] > 0 and text[g[0][0]:g[-1][1]].strip(' "“”'):
                    out.append({"start": g[0][0], "end": g[-1][1], "kind": "direct" if quoted else "indirect",
                                "quoted": quoted, "class": cls, **speaker})
        else:
            out.append({"start": parts[0][0], "end": parts[-1][1], "kind": "direct" if quoted else "indirect",
                        "quoted": quoted, "class": cls, **speaker})
    return out


def predictions(text: str, convention: int) -> list[dict]:
    df = extract_quotes(text)
    rows = df.to_dict("records")
    if convention == 1:
        return [r for r in rows if r["cue_class"] in ("speech", "naming")]
    merged: dict[int, dict] = {}
    for r in rows:
        m = merged.get(r["attribution_id"])
        if m is None:
            merged[r["attribution_id"]] = dict(r)
        else:
            m["quote_start"] = min(m["quote_start"], r["quote_start"])
            m["quote_end"] = max(m["quote_end"], r["quote_end"])
            if r["kind"] != "indirect":
                m["kind"] = r["kind"] if m["kind"] == "indirect" else m["kind"]
    return list(merged.values())


def score(pairs_preds: list[tuple[list, list]]) -> dict:
    tp = fp = fn = spk = 0
    for pairs, preds in pairs_preds:
        for g, p in pairs:
            if p is None:
                fn += 1
            else:
                tp += 1
                spk += speaker_match(p, g)
        fp += sum(1 for p in preds if p.get("_unmatched"))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"gold": tp + fn, "pred": tp + fp, "tp": tp, "p": prec, "r": rec,
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0, "spk": spk / tp if tp else 0.0}


def line(name: str, s: dict) -> str:
    return (f"  {name:34s} gold {s['gold']:5d}  pred {s['pred']:5d}  matched {s['tp']:5d}  P {100 * s['p']:5.1f}  "
            f"R {100 * s['r']:5.1f}  F1 {100 * s['f1']:5.1f}  speaker acc {100 * s['spk']:5.1f}")


def articles(split: str, limit: int | None) -> list[tuple[str, str, list[dict]]]:
    folder = CORPUS / split
    out = []
    for txt in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        out.append((txt.stem, txt.read_text(encoding="utf-8"), parse_ann(anns[0])))
        if limit and len(out) >= limit:
            break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["train", "dev"], default="dev")
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N misses/false/speaker errors")
    ap.add_argument("--limit", type=int, help="first N articles only")
    args = ap.parse_args(argv)
    if args.split == "test":
        raise SystemExit("the PolNeAR test split is held out")
    if not (CORPUS / args.split / "text").is_dir():
        print(f"{CORPUS / args.split}: PolNeAR split not found", file=sys.stderr)
        return 2
    docs = articles(args.split, args.limit)
    c1, c2q, c2 = [], [], []
    errors = []
    for name, text, atts in docs:
        g1 = gold_statements(text, atts, 1)
        p1 = predictions(text, 1)
        pairs = match_passage(p1, g1, args.threshold)
        c1.append((pairs, p1))
        for g, p in pairs:
            if p is None:
                errors.append(f"MISS    [{name}] {text[g['start']:g['end']][:100]!r} ({g['speaker']!r})")
            elif not speaker_match(p, g):
                errors.append(f"SPEAKER [{name}] {text[g['start']:g['end']][:70]!r}: {p['speaker']!r} "
                              f"(cue {p['cue']!r}) vs gold {g['speaker']!r}")
        errors += [f"FALSE   [{name}] {p['kind']} {p['quote_text'][:90]!r} ({p['speaker']!r}, cue {p['cue']!r})"
                   for p in p1 if p.get("_unmatched")]
        g2 = gold_statements(text, atts, 2)
        p2 = predictions(text, 2)
        gq = [g for g in g2 if g["quoted"]]
        pq = [dict(p) for p in p2 if p["kind"] in ("direct", "mixed")]
        c2q.append((match_passage(pq, gq, args.threshold), pq))
        c2.append((match_passage(p2, g2, args.threshold), p2))
    print(f"PolNeAR {args.split}: {len(docs)} articles, overlap >= {args.threshold}")
    print("convention 1: speech statements (cue_class speech|naming, one row per part)")
    print(line("speech + naming", score(c1)))
    print("convention 2: attributions (rows merged by attribution_id)")
    print(line("quote-marked attributions", score(c2q)))
    print(line("all attributions", score(c2)))
    for e in errors[:args.show_errors]:
        print(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
