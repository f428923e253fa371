"""Sentence windows for the sentiment stage, from the project's one text model (:mod:`helpers.text`).

Every sentence the sentiment stage uses comes from ``helpers.text.build(text).sentences``, the sentences of
``sentences.csv``; this module maps a character span to the sentence(s) holding it, and gives a text with some
words muted (:func:`muted`) its article's sentences and quotations.
"""
from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from functools import lru_cache

from helpers import text as tm
from helpers.sentiment.lexicon import _as_text


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The text model's sentences of ``text`` as ``(start, end)`` spans.

    >>> sentence_spans("Mr. Lee left. Police detained 8,000 people.")
    [(0, 13), (14, 43)]
    """
    return list(_spans(_as_text(text)))


#: Muted texts (:func:`muted`) -> the text they were muted from, whose model they share (the last few only).
_MUTED_FROM: OrderedDict[str, str] = OrderedDict()
_MUTED_KEEP = 16
_WORD_CHAR = re.compile(r"[^\W_]")


def muted(text: str, spans) -> str:
    """``text`` with the letters and digits of ``spans`` replaced by ``x`` (same length, same punctuation), whose
    sentences and quotations for this stage (:func:`model`) stay those of ``text``: muting words hides what they
    say without re-segmenting the article (an ``x`` in place of a capital would otherwise merge sentences).

    >>> t = "Police said it was calm. Dana Lee disagreed."
    >>> m = muted(t, [(12, 24)]); m
    'Police said xx xxx xxxx. Dana Lee disagreed.'
    >>> sentence_spans(m) == sentence_spans(t)
    True
    """
    out = text
    for a, b in spans:
        out = out[:a] + _WORD_CHAR.sub("x", out[a:b]) + out[b:]
    if out != text:
        origin = _MUTED_FROM.get(text, text)
        if _MUTED_FROM.get(out, origin) != origin:  # another text, alike but for the muted words, came first
            _forget_cached()
        _MUTED_FROM[out] = origin
        _MUTED_FROM.move_to_end(out)
        while len(_MUTED_FROM) > _MUTED_KEEP:
            _MUTED_FROM.popitem(last=False)
    return out


def _forget_cached() -> None:
    """Clear the caches keyed by a text whose sentences and quotations come from :func:`model` (rare: two texts
    differ only inside muted words, so one muted string stands for both in turn)."""
    from helpers.sentiment import features, rules

    for fn in (_spans, features._window, features._quotation_contents, rules._rows):
        fn.cache_clear()


def model(text: str) -> tm.TextModel:
    """The text model whose sentences and quotations this stage uses for ``text``: its own, or for a recent
    :func:`muted` text the model of the text it was muted from."""
    return tm.build(_MUTED_FROM.get(text, text))


@lru_cache(maxsize=64)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(model(text).sentences)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence(s) of ``text`` that hold ``text[start:end]`` (whitespace trimmed).

    The sentences are the text model's (``helpers.text``); a span outside every sentence gets its own span.

    >>> t = "Mr. Lee left. Police detained 8,000 people. Calm returned."
    >>> s, e = sentence_bounds(t, 14, 20); t[s:e]
    'Police detained 8,000 people.'
    """
    text = _as_text(text)
    spans = _spans(text)
    i = max(0, bisect.bisect_right(spans, (start, len(text) + 1)) - 1)
    hit = []
    while i < len(spans) and spans[i][0] < max(end, start + 1):
        if spans[i][1] > start:
            hit.append(spans[i])
        i += 1
    if not hit:
        s, e = start, end
    else:
        s, e = min(start, hit[0][0]), max(end, hit[-1][1])
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
