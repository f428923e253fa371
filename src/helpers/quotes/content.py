"""Reported content: where an indirect or mixed statement's content starts and ends around its cue.

Each lexicon frame says how content attaches: ``clause`` (``X said (that) CONTENT``, after adjuncts like ``in a
statement on Monday``), ``obj-clause`` (``X told reporters (that) ...``), ``obj-to`` (``X urged both sides to
...``), ``obj-of`` (``X accused Y of Z``), ``to-inf``, ``wh``, ``for-np``, ``np`` (``denied any wrongdoing``),
``np-name`` (also a capitalised object: ``endorsed Cruz``, ``denounced Trump's remarks``), ``as``
(``described X as Y``), ``according``, ``that`` (only an explicit that-clause). Without ``that`` a content
must look like a clause (:meth:`helpers.quotes.clauses.ClauseShapes.has_clause`) so ``announced a plan``, ``told
a story`` or ``declared a state of emergency`` are not statements (:func:`_content_after`). When nothing follows
the cue the content is the text before the comma that precedes the speaker (``CONTENT, officials said``;
``CONTENT, said X``; :func:`_content_before`). An attribution between commas inside the reported sentence
(``Around 50 gallons of fuel, officials said, spilled and ignited``) gives the *whole sentence* as content,
attribution included (:func:`_parenthetical`; spans are contiguous). In an object relative (``..., which NASA
said might take place``) the content is the verb phrase after the cue, up to the comma that closes a
parenthetical relative; after ``as`` (``which X described as a sector where ...``) it is the characterisation,
when three words or longer (:func:`_object_relative`). Content runs to the end of the sentence or to the start
of a following attribution (``..., while Y said ...``, ``..., adding that ...``, ``..., AP News reported``); a
cue whose only complement is a participle clause (``officials told state media, adding that ...``) has no
statement of its own: the participle carries the content and the cue's speaker (:func:`_participle_content`).
"""
from __future__ import annotations

import re

from helpers.quotes.words import (_AUX, _CLOSE_Q, _CONTRACTION_AUX, _DETS, _EDGE_PUNCT, _IRREGULAR_PAST,
    _LINK_PREPS, _NEG, _OBJ_PRONOUNS, _OPEN_Q, _PRESENT_VERBS, _PRON_S, _STOP_PREPS, _SUBJ_PRONOUNS, _TIME_WORDS,
    _WH_WORDS)
from helpers.quotes.doc import _Doc
from helpers.quotes.framing import _framing_reason
from helpers.quotes.direct import _INVERTING_CUES, _is_quote_region_empty


def _content_after(doc: _Doc, i: int, hi: int) -> tuple[int, int] | None:
    """Reported content after cue token i (frames from the lexicon), as token span, or None."""
    tl, tx = doc.tl, doc.tx
    lemma, frames, last = doc.cue_info[i]
    k = last + 1
    if k >= hi:
        return None
    if lemma == "point out" and tl[k:k + 1] == ["out"]:
        k += 1
    nxt = tl[k]
    # ask/call/appeal for NP
    if "for-np" in frames and nxt == "for":
        a = k + 1
        if a < hi and (doc.np_word(a) or tl[a] in _DETS):
            return a, doc.clause_end(a, hi, np_only=True)
        return None
    if "obj-to" in frames and nxt in ("on", "upon") and lemma in ("call",):
        k += 1
        nxt = tl[k] if k < hi else ""
    if "obj-to" in frames and nxt == "to" and lemma == "appeal":
        k += 1
        nxt = tl[k] if k < hi else ""
    if "wh" in frames and nxt in _WH_WORDS:
        return k, doc.clause_end(k, hi)
    if "that" in frames:
        # 'the court ruled that ...', 'investigators determined that ...': only an explicit that-clause is
        # reported content ('ruled the country', 'determined the cause' are not)
        c0 = doc.skip_adjuncts(k, hi)
        if c0 + 1 < hi and tl[c0] == "that" and (tx[c0 + 1][0].isalnum() or tx[c0 + 1] == _OPEN_Q) and \
                tl[c0 + 1] not in _AUX and tl[c0 + 1] not in _NEG:
            return c0 + 1, doc.clause_end(c0 + 1, hi)
        if frames <= {"that", "direct"}:
            return None
    if "noun-that" in frames:
        # 'expressed concern that ...', 'voiced hope that ...': an attitude noun, then a that-clause
        obj = doc.np_right(k, hi)
        if obj and obj[1] + 1 < hi and tl[obj[1]] == "that" and tl[obj[1] - 1] in _ATTITUDE_NOUNS and \
                tx[obj[1] + 1][0].isalnum() and tl[obj[1] + 1] not in _AUX:
            return obj[1] + 1, doc.clause_end(obj[1] + 1, hi)
        return None
    # object frames
    if frames & {"obj-of", "obj-to", "obj-clause", "obj-wh", "as", "obj-quote", "obj-for"}:
        obj = doc.np_right(k, hi)
        if obj and frames & {"obj-of", "obj-for", "as"}:
            # the object phrase may have swallowed 'of' / 'for' / 'as': cut it there
            for m in range(obj[0] + 1, obj[1]):
                if (tl[m] == "of" and "obj-of" in frames) or (tl[m] == "for" and "obj-for" in frames):
                    obj = (obj[0], m)
                    break
        if obj and "obj-quote" in frames:
            # 'called the move “an historic step forward”': the object ends where the quotation opens
            b = next((m for m in range(obj[0] + 1, obj[1]) if tx[m] == _OPEN_Q), None)
            if b is not None:
                obj = (obj[0], b - 1 if tl[b - 1] in ("a", "an", "the") and b - 1 > obj[0] else b)
        if obj:
            a, b = obj
            if b < hi:
                nb = tl[b]
                if "obj-of" in frames and nb == "of":
                    return a, doc.clause_end(b, hi)
                if "obj-for" in frames and nb == "for":
                    return a, doc.clause_end(b, hi)
                if "as" in frames and nb == "as":
                    return a, doc.clause_end(b, hi)
                if "as" in frames and nb in ("in", "on", "at", "during", "last", "earlier", "recently", ","):
                    c0 = doc.skip_adjuncts(b, hi)   # 'described X in March as ...'
                    if c0 < hi and tl[c0] == "as" and c0 - b <= 8:
                        return a, doc.clause_end(c0, hi)
                if "obj-to" in frames and nb == "not" and b + 2 < hi and tl[b + 1] == "to":
                    nb = "to"   # 'urged its shareholders not to tender'
                    b += 1
                if "obj-to" in frames and nb == "to" and b + 1 < hi and (tx[b + 1][0].islower() or
                                                                         tx[b + 1] == _OPEN_Q) and \
                        tl[b + 1] not in _DETS and tl[b + 1] not in _OBJ_PRONOUNS:
                    return a, doc.clause_end(b, hi)
                if "obj-quote" in frames and tl[b] in ("a", "an", "the") and b + 1 < hi and tx[b + 1] == _OPEN_Q:
                    b += 1   # 'calling it a "difficult and painful decision"'
                if "obj-quote" in frames and tx[b] == _OPEN_Q:
                    qi = doc.q_by_open.get(b)
                    if qi is not None and len(doc.text[doc.quotes[qi].cs:doc.quotes[qi].ce].split()) >= 4:
                        return a, doc.clause_end(b, hi)   # 'called the move a "smash and grab on ..."'
                    return None
                if "obj-wh" in frames and nb in _WH_WORDS:
                    return b, doc.clause_end(b, hi)
                if "obj-clause" in frames and (lemma != "promise" or tl[a] in _OBJ_PRONOUNS or nb == "that"):
                    c0 = doc.skip_adjuncts(b, hi)
                    if _participle_content(doc, c0, hi):
                        return None   # 'told state media, adding that ...': the participle carries the content
                    if c0 < hi and tl[c0] == "that":
                        return c0 + 1, doc.clause_end(c0 + 1, hi)
                    if c0 < hi and doc.has_clause(c0, hi):
                        return c0, doc.clause_end(c0, hi)
                    if "clause" not in frames:
                        return None
            elif "obj-clause" in frames and "clause" not in frames:
                return None
    if "clause" in frames:
        c0 = doc.skip_adjuncts(k, hi)
        if _participle_content(doc, c0, hi):
            return None   # 'said on Monday, adding that ...': the participle carries the content
        if c0 < hi and tl[c0] != "that" and (tl[c0] in _STOP_PREPS | _LINK_PREPS | {",", "when", "while", "as"} or
                                            (tl[c0].endswith("ing") and c0 in doc.cue_info)):
            # a long adjunct before 'that': 'said in a filing to the U.S. Securities and Exchange Commission that',
            # 'said when announcing the deregulation in November 1985 that'
            m = c0
            while m < hi and m - c0 < 18 and tl[m] != "that" and tl[m] not in _AUX and \
                    not (m in doc.cue_info and not tl[m].endswith("ing")) and \
                    tx[m] not in (_OPEN_Q, ".", ";", ":") and tl[m] not in _SUBJ_PRONOUNS:
                m += 1
            if m < hi and tl[m] == "that":
                c0 = m
        if c0 < hi and tl[c0] == "that" and c0 - 1 > last and tl[c0 - 1] in _COMPLEMENT_NOUNS and not (
                tl[c0 - 1] in ("evidence", "proof") and "without" in tl[max(last + 1, c0 - 5):c0 - 1]):
            # (but 'claimed without (offering any) evidence that ...': the clause is the claim's)
            return None   # 'commented on earlier disclosures that ...': the clause belongs to the noun
        if c0 < hi and tl[c0] == "that" and not (c0 + 1 < hi and (tl[c0 + 1] in _AUX or tl[c0 + 1] in _NEG)):
            c1 = c0 + 1
            if c1 < hi and tl[c1] == ",":
                c1 += 1   # 'said that, after the first Olympiad, a community ...'
            if c1 < hi and tx[c1][0].isalnum() or (c1 < hi and tx[c1] == _OPEN_Q):
                return c1, doc.clause_end(c1, hi)
            return None
        if c0 < hi and tx[c0] == _OPEN_Q:
            qi = doc.q_by_open.get(c0)
            q = doc.quotes[qi] if qi is not None else None
            c = doc.tok_at(q.ce) if q is not None and q.closed and not q.used else None
            if c is not None and c + 1 < hi and tx[c + 1][0].isalpha() and tx[c + 1][0].islower() and \
                    tl[c + 1] in _CONTINUING and q.ce - q.cs > 12:
                # 'Sanders says “the wind is at our backs” despite his loss': the quote is part of a longer
                # reported clause (mixed), which the quote pass left alone as a term
                return c0, doc.clause_end(c0, hi)
            return None  # direct quote after the cue: the quote pass decides
        if c0 < hi and c0 in doc.cue_info and tl[c0].endswith("ing"):
            return None  # 'agreed, saying ...': the participle carries the content
        if c0 < hi and doc.has_clause(c0, hi) and tl[c0] not in _NO_CONTENT_START:
            if lemma in _STRICT_CLAUSE and not _strong_clause(doc, c0, hi):
                return None
            return c0, doc.clause_end(c0, hi)
        if lemma == "say" and c0 < hi and _say_content(doc, c0, hi) and doc.speaker_left(i, doc.sent_start_tok(i)):
            # 'said the damages consist of ...': after 'say' a plain noun phrase start is a clause
            return c0, doc.clause_end(c0, hi)
    if "to-inf" in frames and nxt == "to" and k + 1 < hi and tx[k + 1][0].islower() and \
            tl[k + 1] not in _DETS and tl[k + 1] not in _OBJ_PRONOUNS and not tl[k + 1][0].isdigit():
        return k, doc.clause_end(k, hi)
    if "np" in frames:
        if "np-name" in frames and k + 1 < hi and doc.is_cap(k):
            return k, doc.clause_end(k, hi, np_only=True)   # 'endorsed Cruz', 'denounced Trump's remarks'
        if tl[k] in _DETS or tl[k] in ("any", "the", "reports", "allegations", "claims", "rumours", "rumors",
                                       "wrongdoing", "involvement", "responsibility") or \
                (tl[k].endswith("ing") and tl[k] not in ("nothing", "something", "anything", "everything")):
            if tl[k] in ("nothing", "something"):
                return None
            return k, doc.clause_end(k, hi, np_only=True)
    return None


def _participle_content(doc: _Doc, c: int, hi: int) -> bool:
    """Is token c a participle cue after a comma or dash (', adding that ...', ', saying ...')?"""
    return c < hi and c - 1 >= 0 and doc.tl[c - 1] in (",", "—", "–") and c in doc.cue_info and \
        doc.tl[c].endswith("ing") and doc.cue_info[c][0] != "according to" and doc.cue_ok(c)


# words that continue a reported clause after a quoted stretch at its start ('says "..." despite his loss')
_CONTINUING = {"despite", "because", "after", "before", "since", "although", "though", "while", "unless", "until",
               "if", "when", "and", "but", "as", "by", "in", "for", "with", "without", "over", "amid", "than"}
_NO_CONTENT_START = {"to", "which", "who", "whom", "whose", "than", "and", "but", "or", "so", "because",
                     "since", "although", "though", "nor", "like", "unlike", "with", "without"}
_COMPLEMENT_NOUNS = {"disclosures", "disclosure", "reports", "report", "claims", "claim", "allegations", "allegation",
                     "suggestions", "suggestion", "fears", "fear", "news", "evidence", "fact", "idea", "assurances",
                     "assurance", "warnings", "warning", "concerns", "concern", "speculation", "rumours", "rumors",
                     "hopes", "hope", "belief", "view", "impression", "statements", "announcement", "indications",
                     "signs", "proof", "notion", "theory", "assertion", "assertions", "charges", "accusations"}
_STRICT_CLAUSE = {"report", "estimate", "announce", "disclose", "confirm", "reveal", "indicate", "recall",
                  "mention", "maintain", "write", "recommend", "propose", "find"}
_ATTITUDE_NOUNS = {"concern", "concerns", "hope", "hopes", "confidence", "fear", "fears", "belief", "doubt", "doubts",
                   "optimism", "worry", "worries", "regret", "surprise", "frustration", "disappointment", "view",
                   "opinion", "anger", "relief", "satisfaction", "skepticism", "scepticism", "alarm", "dismay",
                   "certainty", "conviction", "wish", "desire", "outrage", "sadness", "gratitude"}


def _strong_clause(doc: _Doc, k: int, hi: int) -> bool:
    """A clause without 'that' after a verb that also takes plain objects: an auxiliary, a modal or a
    pronoun subject early on ('reported it was ...'), not just a participle ('net income ended')."""
    tl, tx = doc.tl, doc.tx
    if tl[k] in _SUBJ_PRONOUNS or tl[k] in _PRON_S or tl[k].endswith(_CONTRACTION_AUX):
        return True
    if tl[k] in ("around", "about", "nearly", "almost", "roughly", "approximately", "some") and k + 1 < hi and \
            tx[k + 1][0].isdigit():
        k += 1
    j = k + 1
    budget = 24
    seen_prep = False
    while j < hi and budget > 0:
        budget -= 1
        u = tl[j]
        if (u in _AUX or u.endswith(_CONTRACTION_AUX) or u in _IRREGULAR_PAST or j in doc.cue_info) and \
                tl[j - 1] != "to":
            return True
        if u.endswith("ed") and not tx[j][0].isupper() and tl[j - 1] not in _DETS and not seen_prep:
            return True   # ('net earnings in its first quarter ended ...' is a participle, not a verb)
        if u in ("of", "in", "for", "at", "from", "with", "between", "by", "on", "over", "against"):
            seen_prep = True
            j += 1
            continue
        if u == "," and j + 1 < hi and tl[j + 1] in ("who", "which"):
            # skip a relative clause: 'Leonov, who died in Moscow, will be ...'
            m = j + 1
            while m < hi and tl[m] not in (",", ";", "."):
                m += 1
            j = m + 1
            if j < hi and tl[j] == "and":
                j += 1   # '..., who had bought it, and his wife applied'
            continue
        if u in (",", ";", ".", ":", "to") or tx[j] == _OPEN_Q:
            return False
        j += 1
    return False


_SAY_NP_OBJECTS = {"nothing", "something", "anything", "everything", "goodbye", "hello", "yes", "no", "so", "grace",
                   "sorry", "thanks", "thank", "little", "much", "more", "less", "otherwise", "hi", "a", "an",
                   "prayers", "prayer", "mass", "what", "it", "them", "him", "her",
                   "too", "much", "such", "enough", "very", "all", "both", "only", "even", "just", "not", "never"}


def _inverted_speaker(doc: _Doc, k: int, hi: int) -> bool:
    """Is the noun phrase after 'said' at token ``k`` its inverted speaker with an apposition, not a content?
    ``... in Syria said Michael O'Hanlon, a senior fellow at ...``, ``said the company's chief executive, John
    J. Ferriola.``"""
    tl = doc.tl
    m = k
    while m < hi and doc.is_cap(m):
        m += 1
    if m > k and m + 1 < hi and tl[m] == "," and tl[m + 1] in ("a", "an", "the", "who", "whose"):
        return True
    if tl[k] in _DETS:
        m = k + 1
        while m < hi and m - k < 7 and tl[m] != "," and (doc.np_word(m) or tl[m].endswith(("'s", "’s"))):
            m += 1
        if m < hi and tl[m] == "," and m + 1 < hi and doc.is_cap(m + 1):
            n = m + 1
            while n < hi and (doc.is_cap(n) or doc.tx[n].endswith(".")) and n - m < 6:
                n += 1
            return n >= hi or tl[n] in (".", ",", ";")
    return False


def _say_content(doc: _Doc, k: int, hi: int) -> bool:
    """After 'say' without 'that': a content of at least four words opening with a subject-like word."""
    tl, tx = doc.tl, doc.tx
    t = tl[k]
    if t in _SAY_NP_OBJECTS or t in _NO_CONTENT_START or t in _STOP_PREPS or t in _LINK_PREPS or \
            t in _TIME_WORDS or doc.is_adverb(k) or not tx[k][0].isalnum() or k in doc.cue_info:
        return False
    if not (t in _DETS or doc.np_word(k) or tx[k][0].isdigit()):
        return False
    if _inverted_speaker(doc, k, hi):
        return False
    words = 0
    for j in range(k, min(hi, k + 8)):
        if tl[j] in (".", ";", "!", "?", ":") or tx[j] == _OPEN_Q:
            break
        if tx[j][0].isalnum():
            words += 1
    return words >= 4


def _trim_content(doc: _Doc, a: int, b: int) -> tuple[int, int] | None:
    """Character span of tokens a..b without edge punctuation (a closing quote mark is kept)."""
    tl, tx = doc.tl, doc.tx
    while a < b and (tl[a] in (",", ":", "—", "–", "-") or (tl[a] == "that" and not (
            a + 1 < b and (tl[a + 1] in _AUX or tl[a + 1] in _NEG)))):
        a += 1
    while b > a and (tx[b - 1] in _EDGE_PUNCT or tx[b - 1] in (")", "!", "?")):
        b -= 1
    if b <= a:
        return None
    if not any(tx[k][0].isalnum() for k in range(a, b)):
        return None   # no word
    return doc.ts[a], doc.te[b - 1]


_ALNUM = re.compile(r"[A-Za-z0-9]")


def _covers_only_quotes(doc: _Doc, span, qs) -> bool:
    text_out = doc.sk[span[0]:span[1]]
    for q in qs:
        qq = doc.quotes[q]
        a, b = qq.open_start - span[0], qq.close_end - span[0]
        text_out = text_out[:max(a, 0)] + " " * (b - max(a, 0)) + text_out[b:]
    return not _ALNUM.search(text_out)


def _finish_indirect(doc: _Doc, span, sp, cue_span, qs) -> None:
    speech = [q for q in qs if doc.quotes[q].used != "direct" and _framing_reason(doc, q) is None]
    kind = "mixed" if speech else "indirect"
    # a content may end right after a closing quote mark: keep the mark
    s, e = span
    for q in qs:
        qq = doc.quotes[q]
        if qq.closed and qq.ce <= e < qq.close_end:
            e = qq.close_end
    if e < len(doc.text) and doc.sk[e:e + 1] == _CLOSE_Q and any(doc.quotes[q].ce == e for q in qs):
        e += 1
    doc.add(kind, s, e, sp, cue_span, qs)
    if kind == "mixed" and doc.stmts and doc.stmts[-1].qs == s:
        for q in speech:
            doc.quotes[q].used = "mixed"


def _object_relative(doc: _Doc, i: int, sp: tuple[int, int], s1: int) -> tuple[int, int] | None:
    """'..., which NASA said might take place this summer': the relative pronoun is the reported clause's
    subject, so the content is the verb phrase after the cue."""
    tl, tx = doc.tl, doc.tx
    if sp[0] - 1 < 0 or tl[sp[0] - 1] not in ("which", "that", "whom"):
        return None
    k = doc.cue_info[i][2] + 1
    if k >= s1:
        return None
    u = tl[k]
    if u == "as" and "as" in doc.cue_info[i][1] and k + 1 < s1:
        # '..., which X has described as a sector where ...' (a one- or two-word label is not a statement)
        end = doc.clause_end(k + 1, s1)
        return (k + 1, end) if sum(1 for m in range(k + 1, end) if tx[m][0].isalnum()) >= 3 else None
    verbish = (u in _AUX or u in _IRREGULAR_PAST or (u.endswith("ed") and tx[k][0].islower()) or
               u in _PRESENT_VERBS) and u not in ("been", "being")
    if not verbish:
        return None
    end = doc.clause_end(k, s1)
    if sp[0] - 2 >= 0 and tl[sp[0] - 2] == ",":
        # 'The fires, which officials said were under control, burned for hours': the relative clause ends
        # at the comma before the main clause's verb
        for m in range(k + 1, end - 1):
            if tl[m] == ",":
                v = tl[m + 1]
                if v in _AUX or v in _IRREGULAR_PAST or v in _PRESENT_VERBS or \
                        (v.endswith("ed") and tx[m + 1][0].islower() and len(v) > 3):
                    end = m
                break
    return k, end


#: A parenthetical attribution is short: at most this many tokens between its cue and its closing comma
#: ('officials said on Monday,' has 2).
_PARENTHETICAL_MAX_ADJUNCT = 6


def _parenthetical(doc: _Doc, i: int, sp: tuple[int, int], s0: int, s1: int) -> tuple[int, int] | None:
    """'Around 50 gallons of fuel, officials said, spilled and ignited.': an attribution between commas inside
    the reported sentence. The content is the whole sentence (spans are contiguous, so it includes the
    attribution), whatever the side of the attribution its verb falls on."""
    tl, tx = doc.tl, doc.tx
    lemma, frames, last = doc.cue_info[i]
    if not ("clause" in frames or "direct" in frames):
        return None
    p = sp[0] - 1
    if p <= s0 or tl[p] not in (",", "—", "–") or _is_quote_region_empty(doc, s0, p):
        return None
    after = doc.skip_adjuncts(last + 1, s1)
    if "obj-clause" in frames or "obj-to" in frames:
        obj = doc.np_right(after, s1)   # 'The talks, he told reporters, were productive.'
        if obj:
            after = doc.skip_adjuncts(obj[1], s1)
    # skip_adjuncts passes commas: the attribution must close with the same punctuation as it opened with
    close = after - 1
    if not (last < close < s1 and tl[close] == tl[p]) or after >= s1:
        return None
    if close - last > _PARENTHETICAL_MAX_ADJUNCT:
        return None   # 'In this context, the president asked for help from [a long phrase], the CSTO, ...'
    nxt = tl[after]
    if nxt in ("that", "citing", "who", "which", "according", "while", "whereas", "and", "but") or \
            tx[after] == _OPEN_Q or not tx[after][0].isalnum() or (after in doc.cue_info and doc.cue_ok(after)):
        return None   # a new quote, a participle or a clause of its own follows: not a parenthetical
    # the rest must hold a verb ('..., officials said, spilled and ignited') or the part before must lack one
    # ('The economy, the minister said, will grow'), so 'X was found dead, police reported Friday, local time'
    # (a trailing attribution followed by an adjunct) is not read as a parenthetical
    if not (_has_verb(doc, after, s1) or not _has_verb(doc, s0, p)):
        return None
    return s0, s1


def _has_verb(doc: _Doc, a: int, b: int) -> bool:
    """A finite-verb marker among tokens a..b: auxiliary, modal, known past or present form, lowercase -ed."""
    tl, tx = doc.tl, doc.tx
    for m in range(a, b):
        u = tl[m]
        if u in _AUX or u in _IRREGULAR_PAST or u in _PRESENT_VERBS or u.endswith(_CONTRACTION_AUX) or \
                (u.endswith("ed") and len(u) > 3 and tx[m][0].islower() and not (m > a and tl[m - 1] in _DETS)):
            return True
    return False


def _content_before(doc: _Doc, i: int, s0: int, s1: int, sp):
    """'CONTENT, X said [adjuncts].' -> (content tokens, speaker) or (None, None)."""
    tl, tx = doc.tl, doc.tx
    lemma, frames, last = doc.cue_info[i]
    if not ("clause" in frames or "direct" in frames):
        return None, None
    if i - 1 >= s0 and tl[i - 1] in ("and", "or", "but"):
        return None, None   # 'Fars reported X and demanded ...': a coordinated cue has no content before it
    after = doc.skip_adjuncts(last + 1, s1)
    inverted = None
    if sp is None:
        # 'CONTENT, said X.'
        if i - 1 >= s0 and tl[i - 1] in (",", "—", "–") and tl[i] in _INVERTING_CUES:
            inverted = doc.np_right(last + 1, s1)
            if inverted is None:
                return None, None
            after = inverted[1]
            # skip an apposition after the inverted speaker: 'said X, an economist at Y.'
            if after < s1 and (tl[after] == "," or tl[after] in ("who", "which")):
                j = after + 1
                while j < s1 and tl[j] not in (".", "!", "?", ";") and tx[j] not in (_OPEN_Q,):
                    j += 1
                after = j
            sp = inverted
        else:
            return None, None
    else:
        # told + addressee: 'CONTENT, he told reporters.'
        if "obj-clause" in frames or "obj-to" in frames:
            obj = doc.np_right(after, s1)
            if obj:
                after = doc.skip_adjuncts(obj[1], s1)
    # the attribution must reach the end of the sentence (or a participle / new quote); a short tail of
    # adjuncts without a verb is allowed ('he told reporters after meeting U.S. and Japanese ministers')
    tail = after
    if after < s1 and after == last + 1 and (tl[after] in _DETS or (doc.np_word(after) and not doc.is_cap(after))) \
            and "obj-clause" not in frames and inverted is None:
        return None, None   # 'he stressed the country's commitment': a plain object, not a trailing attribution
    while tail < s1 and tail - after < 16 and tl[tail] not in (".", "!", "?", ";", "that") and \
            tx[tail] != _OPEN_Q and not (tail in doc.cue_info and doc.cue_ok(tail)) and tl[tail] not in _AUX and \
            tl[tail] not in _SUBJ_PRONOUNS:
        tail += 1
    if tail >= s1 or tl[tail] in (".", "!", "?"):
        after = tail
    if after < s1 and tl[after] in ("who", "which") and inverted is not None:
        after = s1  # 'said the sources who asked not to be named.'
    if not (after >= s1 or tl[after] in (".", "!", "?", ")") or _participle_content(doc, after, s1) or
            (tl[after] == "," and after + 1 < s1 and (after + 1 in doc.cue_info or tx[after + 1] == _OPEN_Q)) or
            (tl[after] == "," and after + 1 < s1 and tl[after + 1] in ("citing", "who", "which", "according"))):
        # parenthetical 'The economy, he said, will grow.'
        if last + 1 < s1 and tl[last + 1] == "," and sp and sp[0] - 1 >= s0 and tl[sp[0] - 1] == "," and \
                inverted is None:
            if sp[0] - 1 > s0:
                return (s0, s1), sp
        return None, None
    # the speaker must follow a comma / dash (or be inverted after one)
    first = sp[0] if inverted is None else i
    p = first - 1
    if p < s0 or tl[p] not in (",", "—", "–"):
        return None, None
    if p - s0 < 2:
        return None, None
    # content: from the sentence start (after a leading opener/'But') to the comma
    a = s0
    while a < p and tl[a] in ("but", "and", "so", "yet", "still", "however", ","):
        a += 1
    if _is_quote_region_empty(doc, a, p) or (tx[a] == _OPEN_Q and (p - 1 in doc.q_by_close or
                                                                    tx[p - 1] == _CLOSE_Q) and
                                             _only_one_quote(doc, a, p)):
        return None, None  # the content is a direct quote: the quote pass handles it
    if tl[a] in _PP_OPENERS and p - a <= 8 and not any(
            tl[m] in _AUX or tl[m] in _IRREGULAR_PAST or tl[m] in _PRESENT_VERBS or tl[m].endswith("ed")
            for m in range(a + 1, p)):
        return None, None  # 'For the first time, a poll shows ...': an adjunct, not a content
    return (a, p), sp


#: Prepositions that open a sentence-initial adjunct ('For the first time,', 'On Monday,', 'In a statement,').
_PP_OPENERS = {"for", "on", "in", "at", "after", "before", "during", "since", "by", "with", "from", "over",
               "under", "in", "amid", "despite", "until", "within", "without", "throughout", "earlier", "later"}


def _only_one_quote(doc: _Doc, a: int, b: int) -> bool:
    depth = 0
    for k in range(a, b):
        if doc.tx[k] == _OPEN_Q:
            depth += 1
        elif doc.tx[k] == _CLOSE_Q:
            depth -= 1
        elif depth == 0 and doc.tx[k][0].isalnum():
            return False
    return True
