"""The claim scanner's fast path finds exactly what the plain left-to-right ``_SCAN.search`` loop finds.

:func:`helpers.claims._scan` tries the scanner regex only where a quantity can start (``_STARTS``) and the few
characters before (a currency sign, a space); these tests compare it with the plain loop it replaced, on shared
corpus articles and on generated strings full of currency signs, spaces, number words and look-alike characters.
"""
from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import claims, paths


def _plain_scan(text: str, sentences) -> list:
    """The scan before the fast path: ``_SCAN.search`` from where the last claim ended."""
    out, pos = [], 0
    while True:
        m = claims._SCAN.search(text, pos)
        if not m:
            return out
        pos = m.end()
        c = claims._read(text, m, sentences)
        if c is not None:
            out.append(c)
            pos = max(pos, c.end)


def _same(text: str) -> bool:
    sentences = claims._sentences(text)
    return [repr(c) for c in claims._scan(text, sentences)] == [repr(c) for c in _plain_scan(text, sentences)]


def test_fast_scan_equals_plain_scan_on_corpus_articles():
    files = paths.corpus_files()
    sample = files[::12] + files[-60:]  # Reuters (money, ranges, dates) and Wikinews (tallies, number words)
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in sample]
    assert sum(len(_plain_scan(t, claims._sentences(t))) for t in texts) > 500  # the sample holds many claims
    bad = [f.name for f, t in zip(sample, texts) if not _same(t)]
    assert not bad, bad[:5]


_PIECES = ["US$", "us$", "$", "€", "£", " ", "  ", "\n", "\u00a0", "5", "8,000", "1.5", "2022", "3-1", "٣", "a",
           "A", "dozen", "few", "couple", "tens", "of", "thousands", "twenty", "-", "five", "ſeven", "seven", "Seventy",
           "doubled", "two-fold", "several", "hundred", "million", "m", "bn", "k", "x", "No.", "Jan.", "percent", "%",
           ",", ".", "between", "and", "to", "people", "killed", "about", "nearly", "one", "the", "(", "—"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_fast_scan_equals_plain_scan_on_generated_text(pieces):
    assert _same("".join(pieces))


def test_starts_take_every_case_of_a_first_letter():
    """``_STARTS`` opens with a case-sensitive set of first letters: every character that ``re.IGNORECASE`` takes
    for one of them (``ſ`` for ``s``, ...) must be in it, or a quantity written with it would be missed."""
    words = {v.split()[0] for v in claims._VAGUE} | {"a", *claims._SMALL, *claims._TENS}
    firsts = "".join(sorted({w[0] for w in words}))
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    twins = [m.group() for m in re.finditer(f"[{firsts}]", every, re.IGNORECASE)]
    assert "ſ" in twins and len(twins) > 2 * len(firsts)
    for c in twins:
        for w in words:
            if re.fullmatch(w[0], c, re.IGNORECASE) and (w not in ("a", "tens", "several")):
                t = f"({c}{w[1:]} people)"
                assert [m.start() for m in claims._STARTS.finditer(t)][:1] == [1], t
