"""Direct-quote attribution: which speaker and cue a quotation in quote marks belongs to.

Direct quotes are attributed, in order, by: a trailing attribution after the closing mark
(``"...," X said``, ``"...," said X``, ``"...," X, a spokesman, told reporters``, ``"...," according to X``);
a leading one before the opening mark with nothing but an addressee or adjuncts between cue and quote
(``X said: "..."``, ``X told the BBC "..."``, ``X, who said: "..."``, ``..., saying: "..."``), or a colon after a
subject with no cue (``the president was brief: "..."``), or a parenthetical between commas
(``He said, in remarks published by CNN, "..."``); the previous sentence when it ends in a colon or
is a cue with no content (``X said in a statement. "..."``); a quote coordinated with an attributed one
(``as saying "A" and "B"``) shares its speaker; and otherwise, for a quote that is a whole sentence, the
speaker of the previous statement (a *floating* quote, direct or reported) as long as no narrative sentence
came in between (:func:`_late_floating`: also after a sentence holding a reported statement). A quote
interrupted by its attribution and continued after a comma (``"A," he said, "and B."``) is one statement;
after a full stop (``"A," he said. "B."``) the second part is a floating quote, its own statement with the
same speaker; a first quote with its own participle cue (``Saying "A", X elaborated, "B"``) is not merged: the
two quotes are two statements. A multi-paragraph quote is one statement from the first opening mark to the
last closing mark. A quote followed in its sentence by a verb (``named it "COVID-19" is ...``) is a term, not a
quotation, and gets no leading attribution.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from helpers.quotes.words import (_AUX, _CLOSE_Q, _COMM_NOUNS, _DETS, _DIRECT_EXTRA, _IRREGULAR_PAST, _LINK_PREPS,
    _OPEN_Q, _STOP_PREPS, _SUBJ_PRONOUNS, _TIME_WORDS)
from helpers.quotes.cues import _lexicon
from helpers.quotes.doc import _Doc, _Stmt
from helpers.quotes.framing import _framing_reason

_WORDS = re.compile(r"\w+")

def _is_quote_region_empty(doc: _Doc, a: int, b: int) -> bool:
    return all(not doc.tx[k][0].isalnum() for k in range(a, b))


def _trailing_attribution(doc: _Doc, c: int, hi: int):
    """Attribution right after a closing mark token c: returns (speaker tokens, cue token, end token) or None."""
    tl, tx = doc.tl, doc.tx
    k = c + 1
    qi = doc.q_by_close.get(c)
    strict = False
    if qi is not None and k < hi and tl[k] not in (",", "—", "–", "-", "("):
        content = doc.text[doc.quotes[qi].cs:doc.quotes[qi].ce].rstrip()
        if not content or content[-1] not in ",.!?…—–-:;":
            # '"El Chapo" Guzman ran ...' is a term; '"... panic" said X' (no comma) still needs a real cue
            if len(content.split()) < 4:
                return None
            strict = True
    while k < hi and tl[k] in (",", "—", "–", "-", "(") :
        k += 1
    if k >= hi or tx[k] == _OPEN_Q:
        return None
    # 'according to X'
    if tl[k] == "according" and k + 1 < hi and tl[k + 1] == "to":
        sp = doc.np_right(k + 2, hi)
        if sp:
            return sp, k, sp[1]
        return None
    # 'said X' / 'added the spokesman'
    if k in doc.cue_info and ("direct" in doc.cue_info[k][1] or tl[k] in _DIRECT_EXTRA) and \
            (tl[k].endswith(("ed", "s")) or tl[k] in _IRREGULAR_PAST or tl[k] == "said"):
        sp = doc.np_right(doc.cue_info[k][2] + 1, hi)
        if sp and tl[sp[0]] not in _TIME_WORDS and (sp[1] >= hi or tl[sp[1]] in (
                ",", ".", "!", "?", ";", ":", "(", "—", "–", _OPEN_Q) or tl[sp[1]] in _STOP_PREPS or
                tl[sp[1]] in ("in", "who", "while", "as", "when", "after", "before", "during", "since", "because",
                              "outside", "from", "at", "on")):
            return sp, k, sp[1]   # ('"...," says Jones while visiting the plant': an adjunct after the name)
        return None
    # 'X said' / 'X, a spokesman, told reporters' / 'he was quoted as saying'
    limit = min(hi, k + 18)
    comma = next((m for m in range(k + 1, min(hi, k + 5)) if tl[m] == ","), None)
    if comma is not None and doc.is_cap(k) and comma + 1 < hi and tl[comma + 1] in ("a", "an", "the"):
        limit = min(hi, k + 48)   # 'X, a 45-year-old mother of three who lives ... for twenty years, said'
    j = k - 1
    while j + 1 < limit:
        j += 1
        if tx[j] == "." and j + 1 < hi and tl[j + 1] == "," and doc.ts[j] == doc.te[j - 1]:
            continue   # the full stop of an abbreviation before a comma ('Feinstein, D-Calif., said')
        if tx[j] in (_OPEN_Q, ".", "!", "?", ";"):
            break
        if tl[j] == "," and j > k and j + 1 < hi and tl[j + 1] in ("who", "which", "whose", "whom"):
            # '..., a witness, who asked not to be named, told AFP': a comma-enclosed relative clause after the
            # speaker holds no cue of the main clause; skip to its closing comma
            m = j + 2
            while m < hi and m - j <= 24 and tl[m] not in (",", ".", "!", "?", ";") and tx[m] != _OPEN_Q:
                m += 1
            if m < hi and tl[m] == ",":
                n = m + 1
                while n < hi and n - m <= 4 and tl[n] not in (",", ".", "!", "?", ";") and tx[n] != _OPEN_Q:
                    n += 1
                if n < hi and tl[n] == "," and doc.place_segment(m + 1, n):
                    m = n   # 'Jones, who lives in Paris, France, said'
                limit = min(hi, max(limit, m + 8))
                j = m
                continue
        is_cue = j in doc.cue_info and ("direct" in doc.cue_info[j][1] or tl[j] in _DIRECT_EXTRA)
        if not is_cue and tl[j] in _DIRECT_EXTRA:
            is_cue = True
        if not is_cue and j > k and (tl[j].endswith("ed") or tl[j] in _IRREGULAR_PAST) and tx[j][0].islower() \
                and j - k <= 8 and not strict:
            sp = doc.np_left(j, k)
            rest = j + 1
            while rest < hi and rest - j <= 6 and tl[rest] not in (".", "!", "?", ";", ",") and \
                    tx[rest] != _OPEN_Q and tl[rest] not in ("that",) and rest not in doc.cue_info:
                rest += 1
            if sp and sp[0] == k and (rest >= hi or tl[rest] in (".", "!", "?", ";", ",")):
                return sp, j, j + 1   # '"...," he laughed.' / '"...," the party informed the press.'
            continue
        if is_cue:
            if j in doc.cue_info and not doc.cue_ok(j) and not (tl[j] == "saying" and j - 1 >= k and
                                                                  tl[j - 1] == "as"):
                if doc.np_word(j):
                    continue  # a noun ('the report concluded')
                return None
            sp = doc.speaker_left(j, k)
            if sp and not _read_ok(doc, j, sp):
                return None
            if sp and (sp[0] == k or (0 <= sp[0] - k <= 8 and all(
                    doc.np_word(m) or tl[m] in _DETS or tl[m] in _LINK_PREPS or tl[m] == "to"
                    for m in range(k, sp[0])))):
                if _cue_has_own_content(doc, j, hi):
                    return None   # '"...", she shared that she was ...': the cue reports something else
                return sp, j, j + 1
            return None
    return None


def _cue_has_own_content(doc: _Doc, j: int, hi: int) -> bool:
    """After a trailing cue: 'that' or a new clause means the cue has its own content, not the quote."""
    tl = doc.tl
    lemma, frames, last = doc.cue_info.get(j, ("", frozenset(), j))
    k = last + 1
    if "obj-clause" in frames or "obj-to" in frames:
        obj = doc.np_right(k, hi)
        if obj:
            k = obj[1]
    elif k < hi and tl[k] in ("a", "an") and lemma not in ("say", "add", "tell", "ask", "write"):
        return True   # '"...!" He proposed a US$1 million payment': the cue has an object of its own
    k = doc.skip_adjuncts(k, hi)
    if k >= hi:
        return False
    return tl[k] == "that" or (tl[k] not in (",", ".", ";", ":", "!", "?") and doc.has_clause(k, hi) and
                               doc.tx[k][0].isalpha() and tl[k] in _SUBJ_PRONOUNS | _DETS)


_INVERTING_CUES = {"said", "says", "added", "adds", "wrote", "writes", "explained", "noted", "argued", "warned",
                   "insisted", "continued", "asked", "asks", "replied", "recalled", "concluded", "stated", "reported",
                   "observed", "remarked", "told", "tells", "declared", "announced", "claimed", "cautioned",
                   "predicted", "acknowledged", "admitted", "conceded", "countered", "complained", "suggested"}
_DOC_NOUNS = _COMM_NOUNS | {"decree", "sign", "signs", "banner", "banners", "placard", "placards", "text", "caption",
                           "headline", "inscription", "order", "notice", "slogan", "card", "poster", "posters",
                           "message", "plaque", "label", "verdict", "citation", "resolution", "declaration"}


def _read_ok(doc: _Doc, cue: int, sp: tuple[int, int]) -> bool:
    """'read' is a cue only for documents ('the statement read: ...'), not for readers."""
    if cue in doc.cue_info and doc.cue_info[cue][0] == "read":
        return doc.tl[sp[1] - 1] in _DOC_NOUNS
    return True


def _leading_attribution(doc: _Doc, o: int, lo: int):
    """Attribution right before an opening mark token o: (speaker tokens, cue token or None) or None."""
    tl, tx = doc.tl, doc.tx
    k = o - 1
    colon = False
    while k >= lo and tl[k] in (",", ":", "—", "–", "-", "("):
        colon = colon or tl[k] in (":", "—", "–")
        k -= 1
    if k < lo:
        return None
    if tl[k] == "that":
        return None  # 'said that "..."': reported speech with a quoted fragment (mixed)
    # find the nearest cue at or before k with only adjuncts / an addressee between it and the quote
    j = k
    steps = 0
    while j >= lo and steps < 12:
        if tx[j] in (_CLOSE_Q, _OPEN_Q, ".", ";"):
            break
        if j in doc.cue_info and (doc.cue_ok(j) or tl[j] in ("saying", "adding", "writing", "telling", "asking")) \
                and ("direct" in doc.cue_info[j][1] or doc.cue_info[j][0] == "according to"):
            lemma, frames, last = doc.cue_info[j]
            if lemma == "according to":
                sp = doc.np_right(last + 1, k + 1)
                if sp and sp[1] >= k:
                    return sp, j
                break
            between_ok = _only_adjuncts(doc, last + 1, k + 1, frames)
            if between_ok:
                sp = doc.speaker_left(j, lo)
                if sp and not _read_ok(doc, j, sp):
                    return None
                if sp is None and j + 1 <= k:
                    sp2 = doc.np_right(last + 1, k + 1)   # 'said X: "..."' (inverted)
                    if sp2 and sp2[1] == k + 1 and "obj-clause" not in frames:
                        sp = sp2
                return (sp, j) if sp else None
            break
        j -= 1
        steps += 1
    if colon:
        # 'X told the magazine the results suggest ...: "..."' : the speaker of the sentence's cue, else
        # 'the president was brief: "..."' : the subject of the clause before the colon
        sp = None
        for j in range(lo, k + 1):
            if j in doc.cue_info and doc.cue_ok(j) and doc.cue_info[j][0] != "according to" and \
                    ("direct" in doc.cue_info[j][1]):
                sp = doc.speaker_left(j, lo)
                if sp:
                    return sp, j
                break
        sp = doc._clause_subject(lo, k + 1)
        if sp and (doc.is_cap(sp[0]) or tl[sp[0]] in _DETS or tl[sp[0]] in _SUBJ_PRONOUNS):
            return sp, None
    return None


def _only_adjuncts(doc: _Doc, a: int, b: int, frames) -> bool:
    """Tokens a..b between a cue and a quote hold only an addressee, adjuncts and punctuation."""
    if a >= b:
        return True
    k = a
    tl, tx = doc.tl, doc.tx
    if "obj-clause" in frames or "obj-to" in frames or "obj-wh" in frames:
        sp = doc.np_right(k, b)
        if sp:
            k = sp[1]
    if tl[k:k + 1] == ["out"]:
        k += 1
    if tl[k:k + 1] == [","] and b < len(tl) and tl[b] in (",", ":") and b - k <= 16 and all(
            tl[m] not in _AUX and tl[m] not in _SUBJ_PRONOUNS and tl[m] != "that" and
            tx[m] not in (_OPEN_Q, _CLOSE_Q, ".", ";", "!", "?") for m in range(k + 1, b)):
        return True   # a parenthetical between commas: 'said, in remarks published by CNN in February, "..."'
    k = doc.skip_adjuncts(k, b)
    while k < b and tl[k] in (",", ":", "—", "–", "-", "(", "of"):
        if tl[k] == "of":
            sp = doc.np_right(k + 1, b)
            if not sp:
                return False
            k = sp[1]
            continue
        k += 1
    return k >= b


def _quote_pass(doc: _Doc) -> None:
    """Attribute every paired quote (direct statements), merging interrupted and multi-paragraph quotes."""
    tl, tx = doc.tl, doc.tx
    order = sorted(range(len(doc.quotes)), key=lambda q: doc.quotes[q].cs)
    last_sp: tuple[int, int] | None = None
    last_stmt: _Stmt | None = None   # the statement last_sp is the speaker of
    last_stmt_end_tok = -1
    last_direct = None   # (closing-mark token, statement) of the last attributed direct quote
    pending_merge: _Stmt | None = None
    for qi in order:
        q = doc.quotes[qi]
        o = doc.tok_at(q.open_start)
        if o is None:
            continue
        c = doc.tok_at(q.ce) if q.closed else None
        s0, s1 = doc.sent_bounds(o)
        if c is not None:
            e0, e1 = doc.sent_bounds(c)
        else:
            e0, e1 = s0, s1
            lastk = bisect_left(doc.ts, q.ce) - 1
            if lastk >= 0:
                e0, e1 = doc.sent_bounds(lastk)
        # merge an interrupted quote: '"A," he said, "B."'
        if pending_merge is not None:
            st = pending_merge
            pending_merge = None
            if c is not None or not q.closed:
                st.qe = q.ce
                st.quotes.append(qi)
                q.used = "direct"
                last_stmt_end_tok = c if c is not None else e1
                if c is not None:
                    nxt = _after_trailing(doc, c, e1)
                    if nxt is not None:
                        pending_merge = st
                continue
        if _framing_reason(doc, qi) == "title" and doc.tl[o - 1:o] != [","] and o > s0:
            continue   # a programme or publication named mid-sentence: framing, not a quotation
        sp = None
        cue = None
        attr_end = None
        kind_ok = True
        n_q_words = len(doc.text[q.cs:q.ce].split())
        closes_clause = c is None or c + 1 >= e1 or not (tx[c + 1][0].isalpha() and tx[c + 1][0].islower()) or \
            c + 1 in doc.cue_info or (tl[c + 1] not in _AUX and n_q_words > 2)
        if c is None and q.cut:
            cc = bisect_left(doc.ts, q.ce) - 1
            e0, e1 = doc.sent_bounds(max(cc, 0))
            tr = _trailing_attribution(doc, cc, e1)
            if tr:
                sp, cue, attr_end = tr
        if c is not None:
            tr = _trailing_attribution(doc, c, e1)
            if tr:
                sp, cue, attr_end = tr
        if sp is None and closes_clause:
            # (a quote followed by more of its sentence is a term used in it: 'named it "COVID-19" is to ...')
            le = _leading_attribution(doc, o, s0)
            if le:
                sp, cue = le
        if sp is None and last_direct is not None and last_direct[0] < o and \
                doc.sent_of(last_direct[0]) == doc.sent_of(o) and \
                all(tl[m] in (",", "and", "or", "but", "then", "also", "adding", ";")
                    for m in range(last_direct[0] + 1, o)):
            # 'as saying "A" and "B."': a quote coordinated with the previous one has its speaker
            prev_st = last_direct[1]
            doc.add("direct", q.cs, q.ce, None, prev_st.cue, [qi], sp_chars=prev_st.sp, part_of=prev_st)
            q.used = "direct"
            last_direct = (c, prev_st) if c is not None else None
            last_stmt_end_tok = c if c is not None else e1
            continue
        if sp is None and o > s0 and not _is_quote_region_empty(doc, s0, o):
            # an embedded fragment: left for the indirect pass (mixed) or framing
            kind_ok = False
        if sp is None and kind_ok:
            # a quote opening its sentence: colon / content-less cue in the previous sentence, or floating
            prev = _prev_sentence_attr(doc, o)
            if prev:
                sp, cue = prev
            elif last_sp is not None and _no_narrative_between(doc, last_stmt_end_tok, o):
                n_words = sum(1 for k in range(o, (c if c is not None else e1)) if tx[k][0].isalnum())
                if n_words >= 1 and _whole_sentence_quote(doc, o, c, e1):
                    doc.add("direct", q.cs, q.ce, None, None, [qi], sp_chars=last_sp, part_of=last_stmt)
                    q.used = "direct"
                    last_stmt_end_tok = c if c is not None else e1
                    continue
        if sp is None:
            continue
        cue_span = doc.cue_span(cue) if cue is not None else None
        doc.add("direct", q.cs, q.ce, sp, cue_span, [qi])
        if not doc.stmts or doc.stmts[-1].quotes != [qi]:
            continue
        q.used = "direct"
        if cue is not None:
            doc.used_cues.add(cue)
        last_sp = doc.stmts[-1].sp
        last_stmt = doc.stmts[-1]
        last_direct = (c, doc.stmts[-1]) if c is not None else None
        last_stmt_end_tok = attr_end if attr_end is not None else (c if c is not None else e1)
        if c is not None and attr_end is not None and not _participle_before(doc, o, s0):
            # ('Saying "A", X elaborated, "B"': the first quote has its own cue; "B" is a second statement)
            nxt = _after_trailing(doc, attr_end, e1)
            if nxt is not None:
                pending_merge = doc.stmts[-1]
        if attr_end is not None:
            # the rest of the attribution sentence (appositions, adjuncts) is not narrative
            last_stmt_end_tok = max(last_stmt_end_tok, attr_end)
            j = attr_end
            while j < e1 and tx[j] != _OPEN_Q:
                j += 1
            last_stmt_end_tok = j - 1


def _participle_before(doc: _Doc, o: int, s0: int) -> bool:
    """Does a participle cue introduce the quote opening at token o ('Saying "...', 'adding: "...')?"""
    k = o - 1
    if k >= s0 and doc.tl[k] in (",", ":"):
        k -= 1
    return k >= s0 and doc.tl[k].endswith("ing") and (
        (k in doc.cue_info and doc.cue_info[k][2] == k) or (k == s0 and doc.tl[k] in _lexicon()[0]))


def _after_trailing(doc: _Doc, k: int, hi: int) -> int | None:
    """After an attribution ending at token k: ', "' continuing the same sentence -> index of the opener."""
    tx = doc.tx
    j = k
    while j < hi and tx[j] not in (",", _OPEN_Q, ".", ";", ":") and j - k < 8:
        j += 1
    if j < hi and tx[j] == "," and j + 1 < hi and tx[j + 1] == _OPEN_Q:
        return j + 1
    return None


def _whole_sentence_quote(doc: _Doc, o: int, c: int | None, e1: int) -> bool:
    """The quote is (the start of) its own sentence: nothing but punctuation before it in the sentence."""
    s0, _ = doc.sent_bounds(o)
    while s0 < o and doc.tl[s0] in ("but", "and", "still", "yet", "so", "or"):
        s0 += 1
    if not _is_quote_region_empty(doc, s0, o):
        return False
    if c is None:
        return True
    # nothing narrative after it either (an unparsed attribution must not become a floating quote)
    depth = 0
    for k in range(c + 1, e1):
        t = doc.tx[k]
        if t == _OPEN_Q:
            depth += 1
        elif t == _CLOSE_Q:
            depth -= 1
        elif depth <= 0 and t[0].isalnum():
            return False
    return True


def _no_narrative_between(doc: _Doc, a: int, b: int) -> bool:
    """No narrative words between token a and token b (only quote marks, masked text, punctuation)."""
    if a < 0:
        return False
    for k in range(a + 1, b):
        t = doc.tx[k]
        if t[0].isalnum() and not (t == "x" * len(t)):
            return False
    return True


def _prev_sentence_attr(doc: _Doc, o: int):
    """Previous sentence ending with a colon, or a cue with no content ('X said in a statement.')."""
    si = doc.sent_of(o)
    s0, _ = doc.sents[si]
    if not _is_quote_region_empty(doc, s0, o) or si == 0:
        return None
    p0, p1 = doc.sents[si - 1]
    # same paragraph or the one just before
    if doc.para_of(doc.ts[p0]) < doc.para_of(doc.ts[o]) - 1:
        return None
    tl, tx = doc.tl, doc.tx
    last = p1 - 1
    while last >= p0 and tx[last] in (")",):
        last -= 1
    if last < p0:
        return None
    ends_colon = tl[last] == ":"
    if any(tx[k] == _OPEN_Q and doc._title_quote_end(k) is None for k in range(p0, p1)):
        return None   # (a programme title is not a quotation: 'X said on ABC's "This Week." "..."')
    cues = [k for k in range(p0, p1) if k in doc.cue_info and doc.cue_ok(k)]
    if cues:
        j = cues[-1]
        lemma, frames, lastk = doc.cue_info[j]
        if ends_colon or _only_adjuncts(doc, lastk + 1, last, frames):
            sp = doc.speaker_left(j, p0)
            if sp:
                return sp, j
        return None
    if ends_colon:
        sp = doc._clause_subject(p0, last)
        if sp:
            return sp, None
    return None


def _late_floating(doc: _Doc) -> None:
    """A whole-sentence quote right after a sentence holding a statement belongs to that statement's speaker
    ('Lawson said a correction was expected. "What was not expected was the severity."')."""
    for qi in sorted(range(len(doc.quotes)), key=lambda q: doc.quotes[q].cs):
        q = doc.quotes[qi]
        if q.used:
            continue
        o = doc.tok_at(q.open_start)
        if o is None:
            continue
        c = doc.tok_at(q.ce) if q.closed else None
        si = doc.sent_of(o)
        s0, s1 = doc.sents[si]
        if si == 0 or not _whole_sentence_quote(doc, o, c, s1) or _framing_reason(doc, qi) is not None or \
                len(_WORDS.findall(doc.text[q.cs:q.ce])) < 2:
            continue
        p0, p1 = doc.sents[si - 1]
        if doc.para_of(doc.ts[p0]) < doc.para_of(doc.ts[o]) - 1:
            continue
        lo, hi = doc.ts[p0], doc.te[p1 - 1]
        best = None
        for st in doc.stmts:
            if st.sp is None:
                continue
            anchor = st.cue[0] if st.cue else st.qe - 1
            if lo <= anchor < hi and (best is None or anchor > (best.cue[0] if best.cue else best.qe - 1)):
                best = st
        if best is None:
            continue
        doc.add("direct", q.cs, q.ce, None, None, [qi], sp_chars=best.sp, part_of=best)
        q.used = "direct"
