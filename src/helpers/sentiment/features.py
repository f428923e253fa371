"""Interpretable features of a target in its sentence, for the learned toward model (:mod:`.learned`).

Every feature has a name a reader can decode and, for word features, the offsets of the word that fired it, so
``toward_evidence`` can point at the text. The sentence window is the text model's sentence(s) holding the
target (``helpers.text``; :func:`helpers.sentiment.sentences.target_window`, which cuts a run-on sentence of over
2,000 characters into blocks); tokens are the project's one tokeniser (``helpers.text.tokenize``), lower-cased with
typographic quotes straightened (:func:`helpers.sentiment.lexicon.plain`). The target's own words never count
as context (a name says nothing about how the sentence portrays it).

================================  =================================================================================
feature                           value
================================  =================================================================================
``sentence:vader``                VADER compound of the sentence window (:func:`~helpers.sentiment.lexicon.score`)
``sentence:positive`` / ``:negative``  VADER's share of positive / negative words in the window
``rules:toward``                  the rule engine's score (:func:`helpers.sentiment.rules.rule_toward`)
``rules:positive`` / ``:negative``  the rule engine's positive / negative evidence, ``tanh(sum / 3)``
``target:quoted``                 1 when the target lies inside a quotation (text model's quotations)
``sentence:quotation``            1 when the window holds a quotation mark
``target:position``               where the target starts in the window (0 = first character, 1 = last)
``target:length``                 target length in characters / 30, at most 1
``target:pronoun``                1 when the target is a pronoun (he, she, they, who ...)
``role:ROLE:{pos,neg}``           the rule engine's positive / negative evidence (sum |contribution| / 4) by the role
                                  it gave the word (``subject:agent(harm)``, ``patient(evaluate)``, ``context`` ...)
``clause:{pos,neg}``              sum of |lexicon valence| / 4 of words in the target's clause (up to , ; : ( ) --
                                  a quotation mark or but/while/although/because/whereas/though)
``lex:{pos,neg}:{L,R}{1,2,3}``    sum of |lexicon valence| / 4 (VADER, else AFINN x 0.8) of words left (L) or
                                  right (R) of the target at distance 1-3 (1), 4-8 (2) or further (3) tokens
``near:WORD``                     1 / (1 + d / 4) for the nearest occurrence of WORD at distance d tokens
``L1:WORD`` / ``R1:WORD``         1 when WORD is right before / after the target
================================  =================================================================================
"""
from __future__ import annotations

import bisect
import itertools
import math
from functools import lru_cache

from helpers import text as tm
from helpers.sentiment.clauses import _MIN_EVIDENCE
from helpers.sentiment.lexicon import _afinn, _as_text, _polarity, _scored_spans, _vader, normalize, plain, score
from helpers.sentiment.rules import _toward_rows
from helpers.sentiment.sentences import muted, target_window
from helpers.sentiment.words import _sentence_tokens

#: Quotation marks that make ``sentence:quotation`` fire.
_QUOTE_MARKS = frozenset('"“”„«»')
#: Tokens that end the target's clause for the ``clause:*`` features.
_CLAUSE_BREAKS = frozenset([",", ";", ":", "(", ")", "--", "—", "–", '"', "'", "but", "while", "although", "because",
                            "whereas", "though"])
_PRONOUNS = frozenset("he she they it him her them his its their we us i you who".split())


def _bucket(d: int) -> int:
    return 1 if d <= 3 else (2 if d <= 8 else 3)


@lru_cache(maxsize=4096)
def sentence_tone(sent: str) -> tuple[float, float, float]:
    """(``score(sent)``, VADER's positive share, VADER's negative share of ``plain(sent)``), cached per sentence
    string: every target of a sentence shares them.

    >>> t = "Security forces violently repressed the protests."
    >>> sentence_tone(t)[0] == score(t), sentence_tone(t)[0]
    (True, -0.6808)
    """
    compound, pos, neg = _polarity(plain(sent))
    spans = _scored_spans(sent)
    if len(spans) == 1:  # score() of one sentence is exactly this compound: VADER runs once per sentence
        return compound, pos, neg
    return score(sent), pos, neg


@lru_cache(maxsize=4096)
def _sentence_words(sent: str) -> tuple[tuple[tuple[int, int, str, float], ...], float]:
    """Per sentence, shared by all its targets: its tokens ``(start, end, plain lower-cased word, lexicon
    valence)`` (offsets into ``sent``; valence VADER's, else AFINN's x 0.8, else 0) and ``sentence:quotation``.

    >>> _sentence_words("“Bad” news.")
    (((0, 1, '"', 0.0), (1, 4, 'bad', -2.5), (4, 5, '"', 0.0), (6, 10, 'news', 0.0), (10, 11, '.', 0.0)), 1.0)
    """
    flat = plain(sent)
    lex, afinn = _vader().lexicon, _afinn()._dict
    toks = []
    for a, b in ((t.start, t.end) for t in _sentence_tokens(sent)):  # the tokeniser's spans, as the rules have them
        w = flat[a:b].lower()
        toks.append((a, b, w, lex.get(w, 0.0) or 0.8 * afinn.get(w, 0)))
    return tuple(toks), float(any(ch in _QUOTE_MARKS for ch in sent))


@lru_cache(maxsize=8)
def _quotation_contents(text: str) -> tuple[list[int], list[int], bool]:
    """Content starts and ends of the text model's quotations, and whether both ascend (no nesting)."""
    qs = tm.build(text).quotations
    starts, ends = [q.content_start for q in qs], [q.content_end for q in qs]
    return starts, ends, starts == sorted(starts) and ends == sorted(ends)


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside the content of one of the text model's quotations; with ascending
    quotations only the last one starting at or before ``start`` can hold it (O(log n), not a scan per target).

    >>> t = 'He said "the mayor lied" and "the rest".'
    >>> _quoted(t, 9, 18), _quoted(t, 0, 2), _quoted(t, 9, 33)
    (True, False, False)
    """
    starts, ends, ordered = _quotation_contents(text)
    if not ordered:
        return any(a <= start and end <= b for a, b in zip(starts, ends))
    k = bisect.bisect_right(starts, start) - 1
    return k >= 0 and end <= ends[k]


def target_features(text: str, start: int, end: int, mute=()) -> tuple[dict[str, float], dict[str, tuple[int, int]]]:
    """(features, where) for the target ``text[start:end]``: feature name -> value, and for word features the
    offsets (into ``text``) of the word that set the value. Empty dicts for an empty or out-of-range span.
    ``mute``: spans whose words are muted (:func:`.sentences.muted`) in the target's sentence window, which stays
    the window of the unmuted ``text``.

    >>> f, where = target_features("Rebels brutally killed the mayor.", 0, 6)
    >>> f["R1:brutally"], round(f["near:killed"], 2), f["lex:neg:R1"] > 0, where["R1:brutally"]
    (1.0, 0.67, True, (7, 15))
    >>> target_features("abc", 2, 1)
    ({}, {})
    """
    text = _as_text(text)
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError, OverflowError):
        return {}, {}
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        return {}, {}
    s0, e0 = target_window(text, start, end)
    sent = muted(text, mute, s0, e0) if mute else text[s0:e0]
    toks, quotation_mark = _sentence_words(sent)  # offsets relative to s0
    rs, re_ = start - s0, end - s0
    inside = [i for i, (a, b, _, _) in enumerate(toks) if a < re_ and b > rs]
    l0, l1 = (inside[0], inside[-1]) if inside else (0, -1)
    f: dict[str, float] = {}
    where: dict[str, tuple[int, int]] = {}
    ev = _toward_rows(text, start, end, mute)  # the rule engine's evidence (rule_evidence without the DataFrame)
    # after the rule engine, which traced the sentence with VADER: the tone reuses that trace
    f["sentence:vader"], f["sentence:positive"], f["sentence:negative"] = sentence_tone(sent)
    contrib = [r["contribution"] for r in ev]
    total = 0.0
    for c in contrib:  # left to right, as rule_toward sums
        total += c
    f["rules:toward"] = round(normalize(total), 4) if abs(total) >= _MIN_EVIDENCE else 0.0
    for role, c in zip([r["role"] for r in ev], contrib):
        if c:
            key = f"role:{role}:{'pos' if c > 0 else 'neg'}"
            f[key] = f.get(key, 0.0) + abs(c) / 4
    f["rules:positive"] = math.tanh(sum(c for c in contrib if c > 0) / 3)
    f["rules:negative"] = math.tanh(sum(c for c in contrib if c < 0) / 3)
    f["target:quoted"] = float(_quoted(text, start, end))
    f["sentence:quotation"] = quotation_mark
    f["target:position"] = (start - s0) / max(1, len(sent))
    f["target:length"] = min(1.0, (end - start) / 30)
    if sent[rs:re_].strip().lower() in _PRONOUNS:
        f["target:pronoun"] = 1.0
    c0 = next((i + 1 for i in range(l0 - 1, -1, -1) if toks[i][2] in _CLAUSE_BREAKS), 0)
    c1 = next((i for i in range(l1 + 1, len(toks)) if toks[i][2] in _CLAUSE_BREAKS), len(toks))
    _context_features(f, where, toks, _word_keys(sent), s0, l0, l1, c0, c1)
    return {k: round(v, 6) for k, v in f.items() if v}, where


#: ``lex:{pos,neg}:{L,R}{1,2,3}`` feature names by (sign, side, distance bucket).
_LEX_KEYS = {(sg, side, k): f"lex:{sg}:{side}{k}" for sg in ("pos", "neg") for side in "LR" for k in (1, 2, 3)}


@lru_cache(maxsize=4096)
def _word_keys(sent: str) -> tuple[tuple[str, str, str, str, float, float], ...]:
    """Per token of :func:`_sentence_words`, what every target of the sentence needs: its ``near:``, ``L1:`` and
    ``R1:`` feature names, its valence sign (``pos``/``neg``, empty for none), ``|valence|`` and ``|valence| / 4``.

    >>> _word_keys("Bad news.")[0]
    ('near:bad', 'L1:bad', 'R1:bad', 'neg', 2.5, 0.625)
    """
    return tuple(("near:" + w, "L1:" + w, "R1:" + w, ("pos" if v > 0 else "neg") if v else "", abs(v), abs(v) / 4)
                 for _, _, w, v in _sentence_words(sent)[0])


def _context_features(f: dict, where: dict, toks, keys, s0: int, l0: int, l1: int, c0: int, c1: int) -> None:
    """The word features (``near:``, ``L1:``/``R1:``, ``lex:``, ``clause:``) of the tokens around the target tokens
    ``l0..l1`` (inclusive; ``0, -1`` when none), added to ``f`` and ``where`` token by token, left to right."""
    strongest: dict[str, float] = {}
    for i in itertools.chain(range(l0), range(l1 + 1, len(toks))):
        a, b, _, _ = toks[i]
        near_key, left_key, right_key, sign, av, av4 = keys[i]
        if i < l0:
            d, side, next_key = l0 - i, "L", left_key
        else:
            d, side, next_key = i - l1, "R", right_key
        near = 1.0 / (1.0 + d / 4)
        if near > f.get(near_key, 0.0):
            f[near_key] = near
            where[near_key] = (a + s0, b + s0)
        if d == 1:
            f[next_key] = 1.0
            where[next_key] = (a + s0, b + s0)
        if sign:
            key = _LEX_KEYS[sign, side, _bucket(d)]
            for key in ((key, "clause:" + sign) if c0 <= i < c1 else (key,)):
                f[key] = f.get(key, 0.0) + av4
                if av > strongest.get(key, 0.0):  # evidence points at the strongest word of the sum
                    strongest[key] = av
                    where[key] = (a + s0, b + s0)
