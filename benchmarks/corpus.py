"""Shared by the benchmark scripts: real news text to time on, and a best-of-N timer."""
from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from helpers import paths


def corpus_articles(min_chars: int) -> list[str]:
    """Whole articles from the shared corpora (Wikinews, then Reuters), cycling until ``min_chars`` characters;
    the project's raw articles when the corpora are not beside the project."""
    files = paths.corpus_files()
    out, total = [], 0
    while total < min_chars and files:
        for f in files:
            text = f.read_text(encoding="utf-8", errors="replace")
            out.append(text)
            total += len(text)
            if total >= min_chars:
                break
    return out


def best_of(fn: Callable[[], object], repeat: int, before: Callable[[], object] | None = None) -> float:
    """Fastest wall time of ``repeat`` calls of ``fn`` (``before`` runs untimed ahead of each, e.g. to clear caches)."""
    best = float("inf")
    for _ in range(repeat):
        if before:
            before()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def bench_args(description: str) -> argparse.Namespace:
    """The benchmarks' shared command line: ``--mb`` (million characters of text) and ``--repeat``."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--mb", type=float, default=1.0, help="million characters of text (default 1.0)")
    ap.add_argument("--repeat", type=int, default=3)
    return ap.parse_args()
