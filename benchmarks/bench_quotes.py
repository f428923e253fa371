"""Throughput of helpers.quotes.extract_quotes on real news, against a bare quote-pair regex in the same run.

Usage: python benchmarks/bench_quotes.py [--mb 1.0] [--repeat 3]

Text: the wikinews articles of shared/corpora (sorted file order; the Reuters articles are appended if more
text is needed) until at least ``--mb`` million characters, processed article by article as notebook 04
does. Falls back to repeating data/raw when the corpora are absent. Measured, best of R repeats, with the
statement cache cleared before each repeat (so no article is served from the cache):
  - baseline: ``re.finditer(r'"[^"\\n]*"|“[^”\\n]*”', article)`` per article (a bare quote-pair scan)
  - rules only: the quote-mark state machine, skeleton, sentences and attribution rules (no actor lookup)
  - extract_quotes: the public function, including the helpers.actors lookup of each speaker and the table
Prints chars/s, the ratio of each measure's time to the baseline's time, and the target (200,000 chars/s on
one core for extract_quotes). No assertions: figures only.
"""
from __future__ import annotations

import re

from corpus import bench_args, best_of, corpus_articles  # benchmarks/corpus.py

from helpers import quotes

TARGET = 200_000


def main() -> None:
    args = bench_args(__doc__.splitlines()[0])
    articles = corpus_articles(int(args.mb * 1_000_000))
    n = sum(len(a) for a in articles)
    quotes.extract_quotes('"Warm-up," Tokayev said.')  # load the lexicons once, as a notebook run does

    pairs = re.compile(r'"[^"\n]*"|“[^”\n]*”')
    clear = quotes._analysed.cache_clear  # time the analysis itself, not its cache
    t_base = best_of(lambda: [sum(1 for _ in pairs.finditer(a)) for a in articles], args.repeat, clear)
    t_rules = best_of(lambda: [quotes._analysed(a) for a in articles], args.repeat, clear)
    t_full = best_of(lambda: [quotes.extract_quotes(a) for a in articles], args.repeat, clear)
    quotes._analysed.cache_clear()
    n_rows = sum(len(quotes.extract_quotes(a)) for a in articles)

    print(f"text: {n:,} characters, {len(articles)} articles, {n_rows:,} statements (best of {args.repeat})")
    print(f"{'measure':38s} {'seconds':>9s} {'chars/s':>14s} {'ratio':>8s}")
    for name, t in [("baseline: quote-pair regex", t_base), ("rules only (no actor lookup)", t_rules),
                    ("extract_quotes (with actors, table)", t_full)]:
        print(f"{name:38s} {t:9.3f} {n / t:14,.0f} {t / t_base:7.1f}x")
    print(f"ratio = time / time of the baseline; target for extract_quotes: {TARGET:,} chars/s -> "
          f"{'met' if n / t_full >= TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
