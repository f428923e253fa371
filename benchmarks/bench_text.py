"""Throughput of the text model (helpers.text.build) on real news, against Punkt + NLTK tokenisation in the same run.

Usage: python benchmarks/bench_text.py [--mb 1.0] [--repeat 3]

Text: whole articles of shared/corpora (Wikinews, then Reuters; benchmarks/corpus.py), at least ``--mb`` million
characters, processed article by article. Measured, best of R repeats, the model cache cleared before each:
  - baseline (what helpers.tokenize did before issue 8): NLTK ``PunktSentenceTokenizer`` with the project's
    abbreviations on each blank-line paragraph, then ``NLTKWordTokenizer.span_tokenize`` on each sentence;
  - build: ``helpers.text.build(article)``: paragraphs and kinds, quote pairing, skeleton, skeleton tokens and
    sentences (what every stage needs);
  - build + tokens: the same plus the raw text's tokens and their sentence ids (what notebook 02 writes).
Prints chars/s and each measure's time relative to the baseline. Then the scaling check (a text made only of
short quotations, ``“Item N.” he said.``, at 1x/2x/4x = 5,000/10,000/20,000 quotations): time at each size and
its ratio to the 1x time, which should stay near 1/2/4 (linear). No assertions: figures only.
"""
from __future__ import annotations

import re
import time

from corpus import bench_args, best_of, corpus_articles  # benchmarks/corpus.py
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from helpers import text as tm
from helpers import wordlists

_PARA = re.compile(r"\n\s*\n")


def main() -> None:
    args = bench_args(__doc__.splitlines()[0])
    articles = corpus_articles(int(args.mb * 1_000_000))
    n = sum(len(a) for a in articles)
    params = PunktParameters()
    params.abbrev_types = set(wordlists.abbreviations())
    punkt, words = PunktSentenceTokenizer(params), NLTKWordTokenizer()

    def baseline() -> None:
        for art in articles:
            for para in _PARA.split(art):
                for a, b in punkt.span_tokenize(para):
                    try:
                        list(words.span_tokenize(para[a:b]))
                    except ValueError:
                        pass

    def build() -> None:
        for art in articles:
            tm.build(art)

    def build_tokens() -> None:
        for art in articles:
            tm.build(art).token_sentence

    tm.build("Warm-up. “It is,” he said.").token_sentence
    t_base = best_of(baseline, args.repeat, tm.build.cache_clear)
    print(f"{len(articles)} articles, {n:,} characters, best of {args.repeat}")
    print(f"{'measure':34} {'seconds':>8} {'chars/s':>12} {'x baseline time':>16}")
    print(f"{'baseline: Punkt + NLTKWordTokenizer':34} {t_base:8.3f} {n / t_base:12,.0f} {1.0:16.2f}")
    for name, fn in [("build (model, no raw tokens)", build), ("build + tokens + token_sentence", build_tokens)]:
        t = best_of(fn, args.repeat, tm.build.cache_clear)
        print(f"{name:34} {t:8.3f} {n / t:12,.0f} {t / t_base:16.2f}")

    print("\nscaling: a text made only of short quotations")
    base = None
    for k in (1, 2, 4):
        text = " ".join(f"“Item {i}.” he said." for i in range(5000 * k))
        tm.build.cache_clear()
        t0 = time.perf_counter()
        tm.build(text).token_sentence
        t = time.perf_counter() - t0
        base = base or t
        print(f"  {k}x: {len(text):,} chars, {5000 * k:,} quotations: {t:.3f} s (x{t / base:.2f} of 1x)")


if __name__ == "__main__":
    main()
