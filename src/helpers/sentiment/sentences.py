"""Sentence windows for the sentiment stage, from the project's one text model (:mod:`helpers.text`).

Every sentence the sentiment stage uses comes from ``helpers.text.build(text).sentences``, the sentences of
``sentences.csv``; this module maps a character span to the sentence(s) holding it, and mutes words in a span of
text (:func:`muted`).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from helpers import text as tm
from helpers.sentiment.lexicon import _as_text


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The text model's sentences of ``text`` as ``(start, end)`` spans.

    >>> sentence_spans("Mr. Lee left. Police detained 8,000 people.")
    [(0, 13), (14, 43)]
    """
    return list(_spans(_as_text(text)))


_WORD_CHAR = re.compile(r"[^\W_]")


def muted(text: str, spans, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with the letters and digits inside ``spans`` (offsets into ``text``) replaced by ``x``:
    same length, same punctuation. The sentiment stage mutes the words a reporting source relays in the source's
    own sentence, whose bounds come from the unmuted text (an ``x`` in place of a capital would merge sentences).

    >>> t = "Police said it was calm. Dana Lee disagreed."
    >>> muted(t, [(12, 24)]), muted(t, [(12, 24)], 5, 24)
    ('Police said xx xxx xxxx. Dana Lee disagreed.', 'e said xx xxx xxxx.')
    """
    end = len(text) if end is None else end
    out = text[start:end]
    for a, b in spans:
        a, b = max(a, start) - start, min(b, end) - start
        if a < b:
            out = out[:a] + _WORD_CHAR.sub("x", out[a:b]) + out[b:]
    return out


@lru_cache(maxsize=64)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(tm.build(text).sentences)


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


#: A sentence window longer than this (characters) is a run-on "sentence" (a table, a list without full stops;
#: the longest of 66,014 Reuters and Wikinews sentences has 1,806): its targets are scored in blocks of at most
#: this size cut at spaces, so per-target work stays bounded and an article's time linear in its length.
MAX_WINDOW = 2000


@lru_cache(maxsize=4096)
def target_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The window a target ``text[start:end]`` is scored in: :func:`sentence_bounds` widened to the target; in a
    run-on sentence (over :data:`MAX_WINDOW` characters) the block(s) of it that hold the target.

    >>> target_window("Mr. Lee left. Police detained 8,000 people.", 14, 20)
    (14, 43)
    >>> t = "Police said " + "protesters and officials met " * 200 + "today."
    >>> s, e = target_window(t, 3000, 3010); e - s <= MAX_WINDOW, s <= 3000 < 3010 <= e
    (True, True)
    """
    s0, e0 = sentence_bounds(text, start, end)
    s0, e0 = min(s0, start), max(e0, end)
    if e0 - s0 > MAX_WINDOW:
        cuts = _blocks(text, s0, e0)
        i, j = bisect.bisect_right(cuts, start) - 1, bisect.bisect_left(cuts, end)
        s0, e0 = cuts[max(i, 0)], cuts[min(j, len(cuts) - 1)]
        while s0 < e0 and text[s0].isspace():
            s0 += 1
        while e0 > s0 and text[e0 - 1].isspace():
            e0 -= 1
        s0, e0 = min(s0, start), max(e0, end)
    return s0, e0


@lru_cache(maxsize=64)
def _blocks(text: str, start: int, end: int) -> tuple[int, ...]:
    """Cut points of ``text[start:end]`` into blocks of at most :data:`MAX_WINDOW` characters, each cut just
    after the last space of its block (mid-word only when a block has no space in its second half)."""
    cuts = [start]
    while end - cuts[-1] > MAX_WINDOW:
        a = cuts[-1]
        k = text.rfind(" ", a + MAX_WINDOW // 2, a + MAX_WINDOW)
        cuts.append(k + 1 if k >= 0 else a + MAX_WINDOW)
    cuts.append(end)
    return tuple(cuts)
