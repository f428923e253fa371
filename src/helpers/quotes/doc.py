"""The token and sentence view of one article that every attribution rule reads (``_Doc``).

``_Doc`` is built from the shared text model (:func:`helpers.text.build`): its paragraphs, paired quotations
(apostrophes, curly/straight/low/guillemet marks, odd counts, the multi-paragraph convention, unclosed quotes
cut before their own attribution), the masked skeleton, the skeleton's tokens and the sentences are the
model's, so the sentence ids in ``sentences.csv`` are the sentences the rules read. Every attribution rule runs
on the skeleton: words inside quotes are never read as cues or speakers, and offsets stay those of the raw text.

What ``_Doc`` adds: lower-cased tokens (an acronym that spells a function word, ``WHO``, stays a name), the cue
tokens of the lexicon (``cue_info``: a capitalised cue is a cue only after an initial, as in ``J. said``),
quote lookup by opening and closing token, and the statements (``_Stmt``) the passes add (``add`` drops
first- and second-person narrators). It combines the rule machinery of :mod:`helpers.quotes.speakers` (noun
phrases), :mod:`helpers.quotes.clauses` (clause shapes after a cue) and :mod:`helpers.quotes.cues` (is this token
a cue here?); the passes (:mod:`~helpers.quotes.direct`, :mod:`~helpers.quotes.reported`) add statements to it.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import compress, count

from helpers import text as tm
from helpers.quotes.clauses import ClauseShapes
from helpers.quotes.cues import CueUse, _lexicon
from helpers.quotes.speakers import SpeakerPhrases
from helpers.quotes.words import _ADVERBS, _CLOSE_Q, _LY_NOT_ADVERB, _NARRATOR_PRONOUNS



@dataclass
class _Quote:
    open_start: int          # offset of the opening mark
    cs: int                  # content start
    ce: int                  # content end
    close_end: int           # end of the closing mark (== ce when unclosed)
    closed: bool
    paragraphs: int = 1      # number of paragraphs spanned
    used: str = ""           # "" (free), "direct", "mixed"
    cut: bool = False        # unclosed quote cut before an internal attribution

    @property
    def close_start(self) -> int:
        return self.ce


@dataclass
class _Stmt:
    kind: str
    qs: int
    qe: int
    sp: tuple[int, int] | None
    cue: tuple[int, int] | None
    quotes: list = field(default_factory=list)
    part_of: _Stmt | None = None   # the statement this one continues (same attribution): a floating quote ...
    cue_class: str = ""            # set by a rule that knows better than the cue's lexicon class


_CONTRACTED = re.compile(r"[’'](ve|m|re|d|ll)$")  # we've, I'm: the pronoun without its verb


@functools.lru_cache(maxsize=1)
def _cue_starts() -> frozenset[str]:
    """The lower-cased tokens a cue of the lexicon can start with: a one-word form, or the words before a space
    of a longer one (``according`` of ``according to``).

    >>> {"said", "according"} <= _cue_starts(), "the" in _cue_starts()
    (True, False)
    """
    single, double = _lexicon()
    return frozenset(single) | {form[:k] for form in double for k, ch in enumerate(form) if ch == " "}


class _Doc(SpeakerPhrases, ClauseShapes, CueUse):
    """Tokens, sentences and quotes of one text, with the rule machinery."""

    def __init__(self, text: str):
        self.text = text
        self.model = model = tm.build(text)
        self.paras = [(p.start, p.end) for p in model.paragraphs]
        self.quotes = [_Quote(q.open_start, q.content_start, q.content_end, q.close_end, q.closed, q.n_paragraphs,
                              cut=q.cut) for q in model.quotations]
        self.sk = model.skeleton
        self._tokenize()
        self.sent_starts = [s for s, _ in self.sents]
        self.q_by_open = {}
        self.q_by_close = {}
        for qi, q in enumerate(self.quotes):
            oi = self.tok_at(q.open_start)
            if oi is not None:
                self.q_by_open[oi] = qi
            if q.closed:
                ci = self.tok_at(q.ce)
                if ci is not None:
                    self.q_by_close[ci] = qi
        self.stmts: list[_Stmt] = []
        self.used_cues: set[int] = set()

    def _tokenize(self) -> None:
        """Tokens of the skeleton (the text model's ``skeleton_tokens``) and the cue tokens among them."""
        sk = self.sk
        spans = list(self.model.skeleton_tokens)
        sents = list(self.model.sentence_tokens)
        self.sents = sents
        self.ts = [a for a, _ in spans]
        self.te = [b for _, b in spans]
        self.tx = tx = [sk[a:b] for a, b in spans]
        # an acronym that spells a function word ('WHO', 'US', 'IT') is a name, not the function word
        # (tm.lower_token, inlined: a call per token cost 6% of the stage)
        clash = tm.ACRONYM_CLASH
        self.tl = tl = [t if low in clash and len(t) > 1 and t.isupper() else low
                        for t, low in zip(tx, [t.lower() for t in tx])]
        self.n = len(tx)
        single, double = _lexicon()
        self.cue_info: dict[int, tuple[str, frozenset, int]] = {}   # token -> (lemma, frames, last token)
        starts = _cue_starts()
        # a cue starts with one of `starts` (a token with a space as well: a two-word form's first part), so only
        # those tokens are checked, found by C-level iteration
        for i in list(compress(count(), map(starts.__contains__, tl))):
            t = tl[i]
            if t[0] not in "abcdefghijklmnopqrstuvwxyz" or (tx[i][0].isupper() and t != "according" and not (
                    i > 0 and tx[i - 1].endswith(".") and len(tx[i - 1]) >= 3 and tx[i - 1][1] == "." and
                    not tx[i].isupper())):
                continue
            if i + 1 < self.n:
                two = t + " " + tl[i + 1]
                if two in double:
                    lemma, frames = double[two]
                    self.cue_info[i] = (lemma, frames, i + 1)
                    continue
            if t in single:
                lemma, frames = single[t]
                self.cue_info[i] = (lemma, frames, i)

    def tok_at(self, pos: int) -> int | None:
        k = bisect_left(self.ts, pos)
        if k < self.n and self.ts[k] == pos:
            return k
        return None

    def sent_of(self, tok: int) -> int:
        return bisect_right(self.sent_starts, tok) - 1

    def para_of(self, pos: int) -> int:
        return self.model.paragraph_at(pos)

    def is_cap(self, i: int) -> bool:
        t = self.tx[i]
        return t[0].isupper()

    def is_word(self, i: int) -> bool:
        return self.tx[i][0].isalpha()

    def is_adverb(self, i: int) -> bool:
        t = self.tl[i]
        if self.tx[i][0].isupper() and (t not in _ADVERBS or (i > 0 and self.tx[i - 1] not in (".", "!", "?", _CLOSE_Q,
                                                                                              "\n"))):
            return False   # 'Long said' (a name), unlike a sentence-initial 'Later, ...'
        return t in _ADVERBS or (t.endswith("ly") and len(t) > 4 and t not in _LY_NOT_ADVERB)

    def _sent_initial(self, i: int) -> bool:
        return self.sent_start_tok(i) == i

    def sent_start_tok(self, i: int) -> int:
        si = self.sent_of(i)
        return self.sents[si][0] if si >= 0 else 0

    def sent_bounds(self, i: int) -> tuple[int, int]:
        si = self.sent_of(i)
        return self.sents[si] if si >= 0 else (0, self.n)

    def add(self, kind: str, qs: int, qe: int, sp_tok: tuple[int, int] | None, cue: tuple[int, int] | None,
            quotes: list[int] | None = None, sp_chars: tuple[int, int] | None = None,
            part_of: _Stmt | None = None) -> None:
        if qe <= qs:
            return
        sp = sp_chars
        if sp is None and sp_tok is not None:
            sp = (self.ts[sp_tok[0]], self.te[sp_tok[1] - 1])
        if sp is not None and sp[1] - sp[0] <= 8 and \
                _CONTRACTED.sub("", self.tl[bisect_left(self.ts, sp[0])]) in _NARRATOR_PRONOUNS and \
                bisect_left(self.ts, sp[1]) - bisect_left(self.ts, sp[0]) <= 1:
            return
        self.stmts.append(_Stmt(kind, qs, qe, sp, cue, list(quotes or []), part_of))

    def cue_span(self, i: int) -> tuple[int, int]:
        last = self.cue_info[i][2] if i in self.cue_info else i
        return (self.ts[i], self.te[last])
