"""What the actor rules read from the shared text model (:mod:`helpers.text`): sentences, sentence-initial
positions, direct quotations and headings. Actors keep no splitter or tokeniser of their own.

- sentence ids are the model's (``build(text).sentences``), so a mention's ``sentence_id`` is a row of
  ``sentences.csv``;
- sentence-initial words are capitalised whatever they are, so discovery and name matching treat them apart
  (:func:`initial_positions`: the first word of each sentence, after any opening quote marks or brackets, the
  first word after an opening quote mark or bracket anywhere, and, inside a quotation, which the model keeps
  as one unit, a word after ``. ! ? …``);
- direct quotations (:func:`quote_spans`) are the model's paired quotations, marks included.

>>> model = tm.build('Mr. Smith came. "We left. Inflation rose," he said.')
>>> [s for s, e in model.sentences]
[0, 16]
>>> sorted(initial_positions(model))
[0, 17, 26]
>>> quote_spans(model)
[(16, 42)]
"""
from __future__ import annotations

import re

from helpers import text as tm

# opening marks at the start of the text or after a space, before a word; the first mark comes first in the pattern
# (its "after a space" is checked once it is matched), so the regex engine skips to the marks (2x faster)
_QUOTE_INITIAL = re.compile(r"[\"“‘'(\[](?<!\S.)[\"“‘'(\[]*(?=\w)", re.DOTALL)
_WORD_START_SKIP = re.compile(r"[\s\"“‘'(\[\-–—*•]*")
# inside a quotation (one unit for the sentence splitter) a word after a full stop still starts a sentence
# (not after an abbreviation or an initial; after an acronym such as U.S. only before a typical sentence opener)
_INNER_START = re.compile(r"([\w.]*)([.!?…]+)[\"'”’)\]]*\s+[\"“‘'(\[]*(?=(\w+))")
_ACRONYM = re.compile(r"[A-Za-z](?:\.[A-Za-z])+")
_ABBREVIATIONS = frozenset(a.lower() for a in tm.ABBREVIATIONS)


def _inner_start(m: re.Match) -> bool:
    word, stop, nxt = m.group(1), m.group(2), m.group(3)
    if stop != "." or not word.strip("."):  # ? ! … and ellipses ("... Accord")
        return True
    if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return False
    if _ACRONYM.fullmatch(word):  # an acronym: U.S., P.S.
        return nxt.lower() in tm.SENT_STARTERS
    return True


def initial_positions(model) -> set[int]:
    """Positions of sentence-initial words: each sentence's first word (after opening marks, brackets and
    dashes) and every word right after an opening quote mark or bracket."""
    text = model.text
    out = set()
    for s, _ in model.sentences:
        m = _WORD_START_SKIP.match(text, s, s + 12)  # bounded
        out.add(m.end() if m else s)
    for m in _QUOTE_INITIAL.finditer(text):
        out.add(m.end())
    for q in model.quotations:
        for m in _INNER_START.finditer(text, q.content_start, q.content_end):
            if _inner_start(m):
                out.add(m.end())
    return out


def quote_spans(model) -> list[tuple[int, int]]:
    """``(open_start, close_end)`` of every direct quotation of the model, in order."""
    return [(q.open_start, q.close_end) for q in model.quotations]
