"""Score sentence splitters on the sentence-boundary gold set (boundary precision, recall, F1).

Usage::

    python scripts/eval_sentences.py tests/gold/sentences_gold.jsonl [--corpora ../shared/corpora] [--errors NAME]

The gold (``tests/gold/README_sentences.md``) lists passages of the shared corpora by file and character
offsets, with every sentence start inside the passage annotated by hand and marked ``plain`` or ``quote`` (a
sentence boundary inside a quotation). Each candidate splitter runs on the whole article's analysis text
(normalised, boilerplate blanked, as every stage sees it); its sentence starts strictly inside a passage are
compared with the gold starts (a start is the first non-space character of a sentence). Two conventions:

- ``narration``: the project's convention, a quotation is one unit: gold ``quote`` boundaries are left out, and a
  predicted boundary at one of them counts neither way;
- ``all``: every gold boundary, inside quotations too.

Candidates, all measured in the same run:

- ``punkt``: NLTK ``PunktSentenceTokenizer`` with the project's abbreviation list, per body paragraph, headings and
  datelines one sentence (``helpers.tokenize`` before issue 8);
- ``quotes-skeleton``: the quote-aware skeleton splitter as ``helpers.quotes`` had it before issue 8 (every
  paragraph split, headings too);
- ``actors-regex`` and ``sentiment-regex``: the regular expressions ``helpers.actors`` and ``helpers.sentiment``
  used before issue 8, copied here as baselines (marked below);
- ``model``: :func:`helpers.text.build`'s sentences, the project's one splitter.

Paragraphs come from the text model for every paragraph-based candidate, so only the sentence splitter differs.
Reuters passages are stored as offsets and checksums only (research-only licence): the corpus must sit at
``--corpora``; a checksum mismatch stops the run with one line naming the file.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from bisect import bisect_left
from collections import defaultdict
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from helpers import ingest, text as tm, wordlists

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------ candidates (each returns sentence-start offsets)
def _starts_from_cuts(text: str, cuts) -> set[int]:
    out = set()
    for c in cuts:
        m = re.compile(r"\s*").match(text, c)
        if m.end() < len(text):
            out.add(m.end())
    return out


def punkt_starts(text: str) -> set[int]:
    params = PunktParameters()
    params.abbrev_types = set(wordlists.abbreviations())
    punkt = PunktSentenceTokenizer(params)
    out = set()
    for p in tm.build(text).paragraphs:
        out.add(p.start)
        if p.kind == "body":
            out |= {p.start + a for a, _ in punkt.span_tokenize(text[p.start:p.end])}
    return out


# BASELINE copied from helpers.quotes before issue 8 (its _skeleton's final-punctuation rule and _Doc._sentences),
# for comparison only; quote pairing and paragraphs are the model's (they were moved there unchanged).
def _old_skeleton(text: str, m: tm.TextModel) -> str:
    sk = list(m.skeleton)
    for q in m.quotations:
        stripped = text[q.content_start:q.content_end].rstrip()
        k = q.content_start + len(stripped) - 1
        sk[k] = "x" if not stripped[-1:].isspace() else sk[k]
        for ch in reversed(stripped[-3:]):
            if ch in ".!?":
                sk[k] = ch
                break
    return "".join(sk)


def quotes_skeleton_starts(text: str) -> set[int]:
    m = tm.build(text)
    sk = _old_skeleton(text, m)
    toks = tm.tokenize(sk)
    ts, te = [a for a, _ in toks], [b for _, b in toks]
    tx = [sk[a:b] for a, b in toks]
    tl = [tm.lower_token(t) for t in tx]
    suffixes = {"inc", "corp", "co", "ltd", "plc", "jr", "sr", "etc", "bros", "cos"}
    abbr = {a.lower() for a in tm.ABBREVIATIONS}
    out = set()
    for p in m.paragraphs:
        lo, hi = bisect_left(ts, p.start), bisect_left(ts, p.end)
        start = i = lo
        if lo < hi:
            out.add(ts[lo])
        while i < hi:
            t = tx[i]
            end_here = False
            if t in (".", "!", "?", "…") or (t.endswith(".") and len(t) > 1):
                j = i + 1
                while j < hi and tx[j] in (tm.CLOSE_Q, ")", "]", "’", "'", ".", "!", "?"):
                    j += 1
                if j < hi and j > i and ts[j] > te[j - 1]:
                    nxt = tx[j]
                    if nxt[0].isupper() or nxt[0].isdigit() or nxt in (tm.OPEN_Q, "(", "[", "‘"):
                        if len(t) == 1:
                            end_here = True
                        elif t.lower().rstrip(".") in abbr or len(t) == 2:
                            end_here = t.lower().rstrip(".") in suffixes and \
                                (tl[j] in tm.SENT_STARTERS or (j + 1 < hi and tx[j + 1][:1].islower()))
                        else:
                            end_here = tl[j] in tm.SENT_STARTERS or nxt == tm.OPEN_Q
                if end_here:
                    out.add(ts[j])
                    start = i = j
                    continue
            i += 1
    return out


# BASELINE copied from helpers.actors before issue 8 (its _SENT_END and _sentence_starts), for comparison only.
_ACTORS_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[\w])|\n")
_ACTORS_PREV = re.compile(r"([\w.]+)$")


def actors_regex_starts(text: str) -> set[int]:
    abbr = wordlists.abbreviations()
    cuts = [0]
    for m in _ACTORS_SENT_END.finditer(text):
        if text[m.start()] == ".":
            w = _ACTORS_PREV.search(text, max(0, m.start() - 12), m.start())
            if w and (w.group(1).lower() in abbr or (len(w.group(1)) == 1 and w.group(1).isupper())):
                continue
        cuts.append(m.end())
    return _starts_from_cuts(text, cuts)


# BASELINE copied from helpers.sentiment before issue 8 (its _SENT_END and _boundaries), for comparison only.
_SENTIMENT_SENT_END = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s)|\n[ \t]*\n")


def sentiment_regex_starts(text: str) -> set[int]:
    abbr = wordlists.abbreviations()
    cuts = {0}
    for m in _SENTIMENT_SENT_END.finditer(text):
        if m.group().startswith("\n"):
            cuts.add(m.end())
            continue
        if m.group()[0] == ".":
            w = re.findall(r"[\w.]+$", text[max(0, m.start() - 12):m.start()])
            word = w[0].lower().lstrip(".") if w else ""
            if word in abbr or (len(word) == 1 and word.isalpha()):
                continue
        nxt = re.match(r"\s*(\S)", text[m.end():m.end() + 20])
        if nxt and nxt.group(1).islower():
            continue
        cuts.add(m.end())
    return _starts_from_cuts(text, cuts)


def model_starts(text: str) -> set[int]:
    return {a for a, _ in tm.build(text).sentences}


CANDIDATES = {"punkt": punkt_starts, "quotes-skeleton": quotes_skeleton_starts, "actors-regex": actors_regex_starts,
              "sentiment-regex": sentiment_regex_starts, "model": model_starts}


# ------------------------------------------------------------------ gold
def load_gold(path: Path, corpora: Path) -> list[tuple[dict, str]]:
    """``(passage record, article analysis text)`` pairs; checksums verified."""
    out = []
    texts: dict[str, str] = {}
    raws: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"error: {path}:{n}: not JSON ({exc.msg})") from None
        file = corpora / rec["corpus"] / "articles" / rec["file"]
        if not file.is_file():
            raise SystemExit(f"error: {file}: corpus file not found (pass --corpora)")
        key = str(file)
        if key not in texts:
            data = file.read_bytes()
            if hashlib.sha256(data).hexdigest() != rec["file_sha256"]:
                raise SystemExit(f"error: {file}: checksum differs from the gold's file_sha256")
            raws[key] = raw = data.decode("utf-8")
            texts[key] = ingest.analysis_text(raw, ingest.split_paragraphs(ingest.normalise(raw)))
        passage = raws[key][rec["start"]:rec["end"]]
        if hashlib.sha256(passage.encode("utf-8")).hexdigest() != rec["passage_sha256"]:
            raise SystemExit(f"error: {file}: passage {rec['start']}-{rec['end']} differs from the gold's checksum")
        out.append((rec, texts[key]))
    return out


def score(gold: list[tuple[dict, str]], starts_of, convention: str, errors: list | None = None) -> dict:
    tp = fp = fn = 0
    for rec, text in gold:
        a, b = rec["start"], rec["end"]
        kinds = {s: k for s, k in rec["boundaries"]}
        pred = {s for s in starts_of(text) if a < s < b}
        if convention == "narration":
            pred = {s for s in pred if kinds.get(s) != "quote"}
            want = {s for s, k in kinds.items() if k == "plain"}
        else:
            want = set(kinds)
        tp += len(pred & want)
        fp += len(pred - want)
        fn += len(want - pred)
        if errors is not None:
            for s in sorted(pred - want):
                errors.append(("FP", rec["id"], text[max(a, s - 40):s] + " ‖ " + text[s:min(b, s + 30)]))
            for s in sorted(want - pred):
                errors.append(("FN", rec["id"], text[max(a, s - 40):s] + " ‖ " + text[s:min(b, s + 30)]))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": f}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--errors", choices=sorted(CANDIDATES), help="print this candidate's errors (narration)")
    args = ap.parse_args(argv)
    if not args.gold.is_file():
        print(f"error: {args.gold}: gold file not found", file=sys.stderr)
        return 2
    gold = load_gold(args.gold, args.corpora)
    n_b = sum(len(r["boundaries"]) for r, _ in gold)
    n_q = sum(1 for r, _ in gold for _, k in r["boundaries"] if k == "quote")
    print(f"{len(gold)} passages, {n_b} gold boundaries ({n_b - n_q} plain, {n_q} inside quotations)")
    batches = sorted({r.get("batch", 1) for r, _ in gold})
    for subset, label in [(gold, "all passages")] + [
            ([g for g in gold if g[0].get("batch", 1) == b], f"batch {b}" + (" (blind)" if b > 1 else " (development)"))
            for b in batches if len(batches) > 1]:
        print(f"\n{label}: {len(subset)} passages")
        print(f"{'candidate':16} {'convention':10} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
        for name, fn in CANDIDATES.items():
            for conv in ("narration", "all"):
                s = score(subset, fn, conv)
                print(f"{name:16} {conv:10} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}  {s['tp']:3d} {s['fp']:3d} {s['fn']:3d}")
    if args.errors:
        errs: list = []
        score(gold, CANDIDATES[args.errors], "narration", errs)
        by_id = defaultdict(list)
        for kind, pid, ctx in errs:
            by_id[pid].append(f"  {kind} {ctx!r}")
        for pid, lines in by_id.items():
            print(pid)
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
