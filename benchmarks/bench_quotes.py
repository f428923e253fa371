"""Throughput of helpers.quotes.extract_quotes on real news, against a bare quote-pair regex in the same run.

Usage: python benchmarks/bench_quotes.py [--mb 1.0] [--repeat 3]

Text: the wikinews articles of shared/corpora (sorted file order; the Reuters articles are appended if more
text is needed) until at least ``--mb`` million characters, processed article by article as notebook 04
does. Falls back to repeating data/raw when the corpora are absent. Measured, best of R repeats, with the
statement and text-model caches cleared before each repeat (so no article is served from a cache):
  - baseline: ``re.finditer(r'"[^"\\n]*"|“[^”\\n]*”', article)`` per article (a bare quote-pair scan)
  - rules only: the quote-mark state machine, skeleton, sentences and attribution rules (no actor lookup)
  - extract_quotes: the public function, including the helpers.actors lookup of each speaker and the table
Prints chars/s, the ratio of each measure's time to the baseline's time, and the target (500,000 chars/s on
one core for extract_quotes). Then the scaling check of issue 8 (a text made only of short attributed
quotations, ``"Yes," he said.``, at 1x/2x/4x = 70,000/140,000/280,000 characters, 17,500 quotations at 4x):
time at each size and its ratio to the 1x time, which should stay near 1/2/4 (linear). Before the fix the 4x
text took 37 s because every speaker was resolved against the whole mentions table. No assertions: figures only.
"""
from __future__ import annotations

import re

from corpus import bench_args, best_of, corpus_articles  # benchmarks/corpus.py

from helpers import quotes
from helpers import text as tm

TARGET = 500_000


def _clear_caches() -> None:
    """Forget cached analyses and text models, so each timed run builds them."""
    quotes._analysed.cache_clear()
    tm.build.cache_clear()


def main() -> None:
    args = bench_args(__doc__.splitlines()[0])
    articles = corpus_articles(int(args.mb * 1_000_000))
    n = sum(len(a) for a in articles)
    quotes.extract_quotes('"Warm-up," Tokayev said.')  # load the lexicons once, as a notebook run does

    pairs = re.compile(r'"[^"\n]*"|“[^”\n]*”')
    clear = _clear_caches  # time the analysis itself (text model included), not its caches
    t_base = best_of(lambda: [sum(1 for _ in pairs.finditer(a)) for a in articles], args.repeat, clear)
    t_rules = best_of(lambda: [quotes._analysed(a) for a in articles], args.repeat, clear)
    t_full = best_of(lambda: [quotes.extract_quotes(a) for a in articles], args.repeat, clear)
    _clear_caches()
    n_rows = sum(len(quotes.extract_quotes(a)) for a in articles)

    print(f"text: {n:,} characters, {len(articles)} articles, {n_rows:,} statements (best of {args.repeat})")
    print(f"{'measure':38s} {'seconds':>9s} {'chars/s':>14s} {'ratio':>8s}")
    for name, t in [("baseline: quote-pair regex", t_base), ("rules only (no actor lookup)", t_rules),
                    ("extract_quotes (with actors, table)", t_full)]:
        print(f"{name:38s} {t:9.3f} {n / t:14,.0f} {t / t_base:7.1f}x")
    print(f"ratio = time / time of the baseline; target for extract_quotes: {TARGET:,} chars/s -> "
          f"{'met' if n / t_full >= TARGET else 'NOT met'}")
    scaling(args.repeat)


def scaling(repeat: int) -> None:
    """extract_quotes on 1x/2x/4x copies of a short attributed quotation: time should grow linearly."""
    unit = '"Yes," he said. '
    base = None
    print(f"{'scaling: short quotations':38s} {'seconds':>9s} {'chars/s':>14s} {'vs 1x':>8s}")
    for mult in (1, 2, 4):
        text = unit * (4375 * mult)
        t = best_of(lambda: quotes.extract_quotes(text), repeat, _clear_caches)
        base = base or t
        print(f"{f'{mult}x: {len(text):,} chars, {4375 * mult:,} quotes':38s} {t:9.3f} {len(text) / t:14,.0f} "
              f"{t / base:7.1f}x")


if __name__ == "__main__":
    main()
