"""``according to X``: sources introduced by *according to*, before or after the content.

Counts people, organisations, media and documents of speech (``a fire service statement``, ``the study``), and
vague sources that a sourcing study codes (``according to reports``, ``according to the allegations``: source
type ``vague``), but not other abstract sources without an agent (``the census``, ``plan``, ``the law``);
records or footage count when named (``Federal Aviation Administration records``). The content is the rest of
the sentence on the other side of the phrase (``According to X, CONTENT.``; ``CONTENT, according to X.``).
"""
from __future__ import annotations

from bisect import bisect_left

from helpers.quotes.words import (_AUX, _COMM_NOUNS, _DETS, _DOC_SOURCES, _IRREGULAR_PAST, _NEVER_SOURCES,
    _FINDING_SOURCES, _NONAGENT_SOURCES, _OPEN_Q, _VAGUE_SOURCES, _SPEECH_DOCS, _SUBJ_PRONOUNS, _TIME_WORDS)
from helpers.quotes.doc import _Doc
from helpers.quotes.framing import _quotes_in
from helpers.quotes.content import _finish_indirect, _only_one_quote, _trim_content


def _according_to(doc: _Doc, i: int, s0: int, s1: int) -> None:
    """'According to X, CONTENT.' / 'CONTENT, according to X.' / 'A, according to X, B.'"""
    tl, tx = doc.tl, doc.tx
    last = doc.cue_info[i][2]
    sp = doc.np_right(last + 1, s1)
    if sp is None:   # 'according to (unconfirmed / local media) reports' ('reports' also reads as a cue)
        v = next((k for k in range(last + 1, min(s1, last + 5)) if tl[k] in _VAGUE_SOURCES), None)
        if v is not None and all(tx[m][0].isalpha() and (tx[m][0].islower() or tl[m] in ("some", "many")) and
                                 m not in doc.cue_info for m in range(last + 1, v)):
            sp = (last + 1, v + 1)
    if sp is None:
        return
    a, b = sp
    # 'according to a report by X' / 'according to a statement from the ministry'
    if b < s1 and tl[b] in ("by", "from", "of") and tl[b - 1] in _COMM_NOUNS | _NONAGENT_SOURCES:
        sp2 = doc.np_right(b + 1, s1)
        if sp2:
            b = sp2[1]
            sp = (a, b)
    head = tl[b - 1]
    named = any((doc.is_cap(k) or tx[k][0] == "<") and tl[k] not in _DETS for k in range(a, b)) or \
        tl[a] in ("its", "his", "her", "their") or any(tl[k].endswith(("'s", "’s")) for k in range(a, b))
    if head in _NEVER_SOURCES and not named:
        return
    finding = False   # 'according to exit polls / FEC records / early returns': a finding (cue class), not speech
    if head in _SPEECH_DOCS:
        pass                                   # 'according to a fire service statement'
    elif head in _DOC_SOURCES:
        if not (named or tl[a] in ("the", "a", "an", "this", "that", "one")):
            if head not in _FINDING_SOURCES:
                return                         # 'according to the study' yes; 'according to studies' no
            finding = True
    elif head in _NONAGENT_SOURCES and not named and head not in _VAGUE_SOURCES:
        if head not in _FINDING_SOURCES:
            return                             # 'according to the census', 'according to plan'
        finding = True
    if all(tl[k] in _TIME_WORDS or tl[k] in _DETS for k in range(a, b)):
        return
    intro = s0
    while intro < i and (tl[intro] in ("but", "and", "yet", "so", "however", ",") or tx[intro] == "("):
        intro += 1
    clause_initial = intro == i or tl[i - 1] in ("and", "but", "while", "whereas", ";", ":", "so", "yet") or (
        tl[i - 1] == "," and b < s1 and tl[b] not in (",", ".", ";", "—", "–", ")") and
        (tl[b] in _AUX or (b - a >= 2 and doc.is_cap(a) and not doc.is_cap(b - 1) and b < s1 and tl[b] in _AUX)
         or (tl[b] in _SUBJ_PRONOUNS and doc.has_clause(b, s1))))
    if clause_initial and b < s1 and tl[b] in _AUX and b - a >= 2 and doc.is_cap(a) and not doc.is_cap(b - 1):
        # 'according to Wasef archaeologists have not ...': the source ends at the last capitalised word
        m = b - 1
        while m > a and not doc.is_cap(m):
            m -= 1
        sp = (a, m + 1)
        b = m + 1
    if clause_initial and b < s1 and tl[b] != "," and doc.has_clause(b, s1) and \
            (tl[b] in _SUBJ_PRONOUNS | _DETS or doc.np_word(b)):
        # '... and according to the ministry he died in the morning'
        content = (b, doc.clause_end(b, s1))
    elif clause_initial:
        # sentence-initial: content after the source and any apposition ('..., the lead author, ...')
        k = b
        while k < s1 and k - b < 12 and tl[k] not in (",", ".", ";") and tx[k] != _OPEN_Q:
            k += 1
        if k >= s1 or tl[k] != ",":
            return
        sp = (a, k) if k - a <= 16 else sp
        j = k + 1
        while j < s1 and tl[j] != "," and tx[j] != _OPEN_Q:
            j += 1
        j2 = j + 1
        while j2 < s1 and tl[j2] != "," and tx[j2] != _OPEN_Q and j2 - j < 8:
            j2 += 1
        subject_with_name = j2 < s1 and tl[j2] == "," and j2 > j + 1 and j2 + 1 < s1 and \
            j2 + 1 in doc.cue_info and all(doc.is_cap(m) for m in range(j + 1, j2))
        if j < s1 and tl[j] == "," and tl[k + 1] in ("a", "an", "the") and not subject_with_name and not any(
                tl[m] in _AUX or tl[m] in _IRREGULAR_PAST or m in doc.cue_info for m in range(k + 1, j)):
            # ('According to ISNA, the prosecutor general of Tehran, Ali Mehr, said ...': a subject, not
            # an apposition of the source)
            k = j
        content = (k + 1, doc.clause_end(k + 1, s1))
    else:
        p = i - 1
        if tl[p] in (",", "—", "–", "("):
            after = b
            rest_words = sum(1 for m in range(after + 1, s1) if tx[m][0].isalnum())
            if after < s1 and tl[after] in (",", "—", "–", ")") and rest_words >= 3 and \
                    tl[after + 1] not in ("who", "which", "whose", "a", "an"):
                # parenthetical: 'Longer term, according to X, the goal is ...'
                before_words = sum(1 for m in range(intro, p) if tx[m][0].isalnum())
                content = (after + 1, s1) if before_words <= 3 else (s0, s1)
            else:
                content = (s0, p)
        else:
            content = (s0, i)
        if content[1] - content[0] < 2:
            return
    if content[0] >= content[1]:
        return
    if tx[content[0]] == _OPEN_Q and _only_one_quote(doc, content[0], content[1]):
        # '"...," according to X' / 'According to X, "..."': a direct quote
        qi = doc.q_by_open.get(content[0])
        if qi is not None and doc.quotes[qi].used == "":
            q = doc.quotes[qi]
            doc.add("direct", q.cs, q.ce, sp, doc.cue_span(i), [qi])
            q.used = "direct"
            doc.used_cues.add(i)
        return
    span = _trim_content(doc, *content)
    if span is None:
        return
    n_before = len(doc.stmts)
    if head in _VAGUE_SOURCES and not named:
        # 'According to the allegations, police implemented the “kill order”': a vague source has no words of its
        # own to quote, so a quoted term in its content stays the writer's framing
        doc.add("indirect", span[0], span[1], sp, doc.cue_span(i), [])
    else:
        _finish_indirect(doc, span, sp, doc.cue_span(i), _quotes_in(doc, span[0], span[1]))
    if finding and len(doc.stmts) > n_before:
        doc.stmts[-1].cue_class = "finding"
    doc.used_cues.add(i)


_POLL_HEADS = {"poll", "polls", "survey", "surveys", "study", "studies"}


def _in_poll_pass(doc: _Doc) -> None:
    """'In a CBS News poll last month, Mr. Cruz had a 10-point lead': a poll, survey or study introduced by a
    sentence-initial *in* is the source of the clause after the comma (cue ``in``, class ``finding``; the source
    runs from the determiner to the document noun). Skipped when that clause already is, or holds, a statement
    (``In a poll, 50 percent said ...``).

    >>> from helpers.quotes.table import _analyse
    >>> d = _analyse("In a CBS News poll last month, Mr. Cruz had a 10 percentage-point lead.")
    >>> [(d.text[s.qs:s.qe], d.text[s.sp[0]:s.sp[1]], s.cue_class) for s in d.stmts]
    [('Mr. Cruz had a 10 percentage-point lead', 'a CBS News poll', 'finding')]
    """
    tl = doc.tl
    spans = sorted((st.qs, st.qe) for st in doc.stmts)
    starts = [a for a, _ in spans]
    reach = max((b - a for a, b in spans), default=0)
    for s0, s1 in doc.sents:
        i = s0
        while i < s1 and tl[i] in ("but", "and", "yet", ","):
            i += 1
        if i + 2 >= s1 or tl[i] != "in":
            continue
        k = i + 1
        while k < s1 and k - i <= 14 and tl[k] not in (",", ".", ";", ":") and doc.tx[k] != _OPEN_Q:
            k += 1
        if k >= s1 or tl[k] != "," or k - i > 14:
            continue
        head = max((m for m in range(i + 1, k) if tl[m] in _POLL_HEADS), default=None)
        if head is None or tl[i + 1] not in _DETS and not doc.is_cap(i + 1) and tl[i + 1] not in ("recent", "new"):
            continue
        end = doc.clause_end(k + 1, s1)
        if end - (k + 1) < 3 or not doc.has_clause(k + 1, s1):
            continue
        qs, qe = doc.ts[k + 1], doc.te[end - 1]
        if any(b > qs for a, b in spans[bisect_left(starts, qs - reach):bisect_left(starts, qe)]) or \
                any(m in doc.cue_info for m in range(k + 1, end)):
            continue
        span = _trim_content(doc, k + 1, end)
        if span is None:
            continue
        n_before = len(doc.stmts)
        _finish_indirect(doc, span, (i + 1, head + 1), (doc.ts[i], doc.te[i]), _quotes_in(doc, span[0], span[1]))
        if len(doc.stmts) > n_before:
            doc.stmts[-1].cue_class = "finding"
