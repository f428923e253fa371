"""Reported (indirect and mixed) speech: the pass over every cue of the lexicon.

:func:`_indirect_pass` visits each cue token that :meth:`~helpers.quotes.cues.CueUse.cue_ok` accepts, finds its
speaker (:mod:`helpers.quotes.speakers`) and its content (:mod:`helpers.quotes.content`), and hands
``according to`` to :mod:`helpers.quotes.according`. An indirect content that contains a quoted fragment (other
than a ``so-called`` term, a nickname or a title) is ``mixed`` and the fragment is not a scare quote.
``X reported that officials said Y`` yields both statements (nested attribution). A belief nested in a statement
and held by a pronoun (``X said he believed Y``) is part of the outer statement (:func:`_drop_nested_beliefs`),
while one held by someone else (``said analysts believe Y``) is its own. A bare quantifier opening its clause is a
speaker (``Both think ...``, ``But few believe ...``; :func:`_quantifier_subject`).
"""
from __future__ import annotations


from helpers.quotes.words import _SUBJ_PRONOUNS
from helpers.quotes.doc import _Doc
from helpers.quotes.framing import _quotes_in
from helpers.quotes.content import (_content_after, _content_before, _covers_only_quotes, _finish_indirect,
    _object_relative, _parenthetical, _trim_content)
from helpers.quotes.according import _according_to


def _indirect_pass(doc: _Doc) -> None:
    """Indirect and mixed statements from cues (and 'according to')."""
    for i in sorted(doc.cue_info):
        if i in doc.used_cues:
            continue
        lemma, frames, last = doc.cue_info[i]
        if not doc.cue_ok(i):
            continue
        s0, s1 = doc.sent_bounds(i)
        if lemma == "according to":
            _according_to(doc, i, s0, s1)
            continue
        if frames == frozenset({"direct"}):
            continue
        sp = doc.speaker_left(i, s0)
        if sp is None:
            sp = _quantifier_subject(doc, i, s0)
        content = _object_relative(doc, i, sp, s1) if sp is not None else None
        if content is None and sp is not None:
            content = _parenthetical(doc, i, sp, s0, s1)
        if content is None:
            content = _content_after(doc, i, s1)
        if content is None:
            # 'CONTENT, X said.' / 'CONTENT, said X.' / 'CONTENT, X said, CONTENT.'
            content, sp2 = _content_before(doc, i, s0, s1, sp)
            if content is None:
                continue
            sp = sp2
        if sp is None:
            continue
        span = _trim_content(doc, *content)
        if span is None:
            continue
        qs = _quotes_in(doc, span[0], span[1])
        if qs and all(doc.quotes[q].used == "direct" for q in qs) and \
                _covers_only_quotes(doc, span, qs):
            continue
        _finish_indirect(doc, span, sp, doc.cue_span(i), qs)
        doc.used_cues.add(i)


#: Quantifiers that stand alone as a clause's subject: 'Both think ...', 'Most believe ...', 'but few believe ...'.
_QUANT_SUBJECTS = {"both", "most", "many", "few", "some", "several", "others", "majorities", "half"}


def _quantifier_subject(doc: _Doc, i: int, s0: int) -> tuple[int, int] | None:
    """A bare quantifier right before cue ``i`` (adverbs skipped) that opens its clause (sentence start, or
    after *but*, *and*, a comma or a semicolon) is the cue's speaker: ``Both think ...``, ``Most believe ...``.

    >>> from helpers.quotes.table import _analyse
    >>> d = _analyse("An average of 81 percent approve. Most believe that the economy has improved.")
    >>> [(d.text[s.sp[0]:s.sp[1]], d.text[s.qs:s.qe]) for s in d.stmts]
    [('Most', 'the economy has improved')]
    """
    tl = doc.tl
    j = i - 1
    while j >= s0 and doc.is_adverb(j):
        j -= 1
    if j < s0 or tl[j] not in _QUANT_SUBJECTS or tl[i].endswith(("s", "ing")) and tl[i] != "says":
        return None
    if j == s0 or tl[j - 1] in ("but", "and", ",", ";", "yet", "while", "whereas"):
        return (j, j + 1)
    return None


_BELIEF_CUES = {"believe", "believes", "believed", "think", "thinks", "thought", "feel", "feels", "felt",
                "expect", "expects", "expected", "hope", "hopes", "hoped"}


def _drop_nested_beliefs(doc: _Doc) -> None:
    """'X said he believed Y': the belief inside X's reported content, held by a pronoun that is X again, is
    part of X's statement, not a second one."""
    text = doc.text
    drop = set()
    for k, st in enumerate(doc.stmts):
        if st.kind == "direct" or not st.cue or not st.sp or \
                text[st.cue[0]:st.cue[1]].lower() not in _BELIEF_CUES or \
                text[st.sp[0]:st.sp[1]].lower() not in _SUBJ_PRONOUNS:
            continue
        for other in doc.stmts:
            if other is not st and other.kind != "direct" and other.qs <= st.sp[0] and st.qe <= other.qe and \
                    other.cue and other.cue[0] < st.sp[0]:
                drop.add(k)
                break
    if drop:
        doc.stmts = [st for k, st in enumerate(doc.stmts) if k not in drop]
