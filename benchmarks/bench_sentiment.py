"""Throughput of helpers.sentiment.score and .toward on real news sentences, against raw VADER in the same run.

Usage: python benchmarks/bench_sentiment.py [--sentences N] [--repeat R]

Sentences come from the unannotated corpora in shared/corpora (wikinews, reuters; paragraphs split with
helpers.sentiment.sentence_bounds), taken in sorted file order, so every run measures the same text.
Measured, best of R repeats, caches cleared before each repeat (so repeated text is not free):
  - baseline: SentimentIntensityAnalyzer().polarity_scores(sentence) (one analyzer, created beforehand)
  - score():  helpers.sentiment.score(sentence)
  - explain(): helpers.sentiment.explain(sentence)
  - toward(): helpers.sentiment.toward(paragraph, start, end) for one capitalised word per sentence, a
    stand-in for an actor mention (so the sentence split is part of the cost, as in the notebook)
Prints sentences/s, chars/s and the ratio to the baseline.
"""
from __future__ import annotations

import re
import sys
import time

from helpers import paths, sentiment


def corpus_sentences(limit: int) -> list[tuple[str, int, int, int, int]]:
    """(paragraph, sentence start, sentence end, target start, target end) for up to ``limit`` sentences."""
    files = paths.corpus_files()
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        for para in re.split(r"\n\s*\n", text)[1:]:
            para = para.strip()
            pos = 0
            while pos < len(para):
                s, e = sentiment.sentence_bounds(para, pos, pos + 1)
                if e <= pos:
                    break
                m = re.search(r"\b[A-Z][a-z]{2,}\b", para[s + 1:e])
                if m and e - s > 20:
                    out.append((para, s, e, s + 1 + m.start(), s + 1 + m.end()))
                    if len(out) >= limit:
                        return out
                pos = e + 1
    return out


def clear_caches() -> None:
    for fn in (sentiment._trace, sentiment._sentence_tokens, sentiment._boundaries):
        fn.cache_clear()


def timed(fn, items, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        t0 = time.perf_counter()
        for it in items:
            fn(it)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str]) -> int:
    n = int(argv[argv.index("--sentences") + 1]) if "--sentences" in argv else 2000
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    items = corpus_sentences(n)
    sents = [p[s:e] for p, s, e, _, _ in items]
    chars = sum(len(x) for x in sents)
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    an = SentimentIntensityAnalyzer()
    sentiment.score("warm up")
    sentiment.toward("Warm up here.", 0, 4)
    base = timed(lambda x: an.polarity_scores(x), sents, repeat)
    results = [("baseline polarity_scores", base),
               ("score()", timed(sentiment.score, sents, repeat)),
               ("explain()", timed(sentiment.explain, sents, repeat)),
               ("toward()", timed(lambda it: sentiment.toward(it[0], it[3], it[4]), items, repeat))]
    print(f"{len(sents)} corpus sentences, {chars} chars, best of {repeat}")
    print(f"{'function':<26}{'sentences/s':>14}{'chars/s':>14}{'time vs baseline':>18}")
    for name, t in results:
        print(f"{name:<26}{len(sents) / t:>14,.0f}{chars / t:>14,.0f}{t / base:>17.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
