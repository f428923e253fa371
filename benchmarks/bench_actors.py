"""Throughput of helpers.actors.find_mentions on real news, against plain regex scans in the same run.

Usage: python benchmarks/bench_actors.py [--mb 1.0] [--repeat 3]

Text: the wikinews articles of shared/corpora (sorted file order; the Reuters articles are appended if more
text is needed), concatenated with blank lines until at least ``--mb`` million characters, so every run
measures the same text. Falls back to repeating data/raw when the corpora are absent.
Measured, best of R repeats (the codebook regex is compiled once beforehand, as in a notebook run):
  - baseline A: ``re.finditer(r"\\b[A-Z][a-z]+", text)`` over the whole text (a capitalised-word scan)
  - baseline B: ``text.split()``
  - find_mentions(whole text): one call on the concatenation
  - find_mentions(per article): one call per article, as notebook 03 and the quote extractor do (the text
    model, helpers.text.build, is built inside each call: its cache is cleared before each repeat)
  - find_mentions(per article, model built): the same with each article's text model already built, as in a
    stage that shares the model with another (quotes calls find_mentions on the text it has modelled)
  - text model alone: helpers.text.build per article
Prints chars/s and the ratio of each baseline's time to find_mentions' time. No assertions: figures only.
"""
from __future__ import annotations

import re
import time

from corpus import bench_args, best_of, corpus_articles  # benchmarks/corpus.py

from helpers import actors
from helpers import text as tm


def main() -> None:
    args = bench_args(__doc__.splitlines()[0])
    articles = corpus_articles(int(args.mb * 1_000_000))
    text = "\n\n".join(articles)
    n = len(text)
    actors.find_mentions("Warm-up: Tokayev.")  # build the codebook lexicon once

    caps = re.compile(r"\b[A-Z][a-z]+")
    t_caps = best_of(lambda: sum(1 for _ in caps.finditer(text)), args.repeat)
    t_split = best_of(lambda: len(text.split()), args.repeat)
    t_whole = best_of(lambda: actors.find_mentions(text), args.repeat)
    t_each = best_of(lambda: [actors.find_mentions(a) for a in articles], args.repeat, before=tm.build.cache_clear)
    t_model = best_of(lambda: [tm.build(a) for a in articles], args.repeat, before=tm.build.cache_clear)
    t_warm = float("inf")
    for _ in range(args.repeat):
        t = 0.0
        for a in articles:
            tm.build(a)
            t0 = time.perf_counter()
            actors.find_mentions(a)
            t += time.perf_counter() - t0
        t_warm = min(t_warm, t)
    rows = len(actors.find_mentions(text))

    print(f"text: {n:,} characters, {len(articles)} articles, {rows:,} mentions (best of {args.repeat})")
    print(f"{'measure':40s} {'seconds':>9s} {'chars/s':>14s} {'ratio':>8s}")
    for name, t in [("baseline A: capitalised-word regex", t_caps), ("baseline B: str.split", t_split),
                    ("find_mentions, whole text", t_whole), ("find_mentions, per article", t_each),
                    ("find_mentions, per article, model built", t_warm), ("text model alone, per article", t_model)]:
        print(f"{name:40s} {t:9.3f} {n / t:14,.0f} {t / t_caps:7.1f}x")
    print("ratio = time / time of baseline A (how many capitalised-word scans one run costs)")


if __name__ == "__main__":
    main()
