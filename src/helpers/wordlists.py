"""The project's word lists, shipped in ``src/helpers/data/`` and documented in each file's header.

One list serves every stage: the sentence splitters of :mod:`helpers.tokenize`, :mod:`helpers.actors`,
:mod:`helpers.quotes` and :mod:`helpers.sentiment` all read the same abbreviations.

>>> "u.s" in abbreviations() and "jan" in abbreviations()
True
>>> "the" in stopwords()
True
"""
from __future__ import annotations

from functools import lru_cache

from .paths import PACKAGE_DATA


def read_list(name: str) -> frozenset[str]:
    """Lower-cased entries of a one-word-per-line list in ``src/helpers/data`` (``#`` lines are comments)."""
    lines = (PACKAGE_DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#"))


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """News abbreviations that do not end a sentence, lower-case, without the final full stop ('u.s', 'jan')."""
    return read_list("abbreviations.txt")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The project's English stopword list (lower-case)."""
    return read_list("stopwords_en.txt")
