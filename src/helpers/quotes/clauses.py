"""Clause shapes after a cue (mixin ``ClauseShapes`` of ``_Doc``): adjuncts, finite clauses, clause ends.

:meth:`ClauseShapes.skip_adjuncts` steps over ``in a statement on Monday``-style adjuncts after a cue;
:meth:`ClauseShapes.has_clause` decides whether what follows looks like a finite clause (an auxiliary, a modal,
a past tense, a pronoun subject, a cue used as a verb), so ``said two men had been arrested`` is a statement and
``announced a plan`` is not; :meth:`ClauseShapes.clause_end` finds where the reported clause ends (end of
sentence, or the start of a following attribution such as ``..., while Y said``, ``..., adding that``,
``..., AP News reported``).
"""
from __future__ import annotations


from helpers.quotes.words import (_AUX, _CLOCK_WORDS, _CLOSE_Q, _CONTRACTION_AUX, _DETS, _IRREGULAR_PAST,
    _LINK_PREPS, _MONTHS, _NEG, _NOUNISH_CUES, _OBJ_PRONOUNS, _OPEN_Q, _PRESENT_VERBS, _PRON_S, _STOP_PREPS,
    _SUBJ_PRONOUNS, _TIME_WORDS, _WEEKDAYS)


class ClauseShapes:
    """Mixin of ``_Doc``: adjuncts after a cue, whether a finite clause follows, and where it ends."""

    def _title_quote_end(self, j: int) -> int | None:
        """Token after the closing mark of the quotation opening at token ``j`` when it is a programme or
        publication title (:func:`helpers.quotes.framing._framing_reason`), else None."""
        from helpers.quotes.framing import _framing_reason   # framing imports the document class
        qi = self.q_by_open.get(j)
        if qi is None or not self.quotes[qi].closed or _framing_reason(self, qi) != "title":
            return None
        c = self.tok_at(self.quotes[qi].ce)
        return None if c is None else c + 1

    def skip_adjuncts(self, k: int, hi: int) -> int:
        """Skip adjuncts after a cue: commas, time phrases, adverbs, short prepositional phrases."""
        tl, tx = self.tl, self.tx
        for _ in range(12):
            if k >= hi:
                return k
            t = tl[k]
            if t in (",", "—", "–", "(", ")"):
                k += 1
                continue
            if t in _TIME_WORDS or self.is_adverb(k) or (tx[k][0].isdigit() and k > 0 and tl[k - 1] in _MONTHS):
                if t in ("this", "that") and k + 1 < hi and tl[k + 1] not in _TIME_WORDS:
                    return k
                k += 1
                continue
            if t in ("in", "on", "at", "to", "during", "via", "through", "over", "with", "from", "before",
                     "after", "outside", "inside", "by", "late", "earlier", "last", "for", "amid", "under",
                     "following", "despite", "about", "toward", "towards", "ahead", "near", "across", "within",
                     "without", "regarding", "concerning") and \
                    k + 1 < hi and (tl[k + 1] not in _SUBJ_PRONOUNS or tl[k + 1] == "it") and \
                    not (t == "to" and tx[k + 1][0].islower() and tl[k + 1] not in _DETS and
                         tl[k + 1] not in _OBJ_PRONOUNS and tl[k + 1] not in _TIME_WORDS):
                # prepositional adjunct: prep + noun phrase (the phrase ends at a new determiner)
                j = k + 1
                if tx[j][0].isdigit() or tl[j] in _WEEKDAYS or tl[j] in _MONTHS or tx[j] == "May" or \
                        tl[j] in ("yesterday", "today", "tomorrow", "tonight") or \
                        (tl[j] in ("last", "next", "this", "that") and j + 1 < hi and tl[j + 1] in _TIME_WORDS):
                    # a date or time: 'in 2004', 'on Monday', 'on Jan. 10', 'at 12:54 am local time (0454 UTC)'
                    while j < hi and (tx[j][0].isdigit() or tl[j] in _TIME_WORDS or tx[j] == "May" or
                                      tl[j] in _CLOCK_WORDS):
                        if tx[j] == "(":
                            m = j + 1
                            while m < hi and tx[m] != ")" and m - j < 5:
                                m += 1
                            if m < hi and tx[m] == ")":
                                j = m
                        j += 1
                    k = j
                    continue
                seen = False
                while j < hi:
                    u = tl[j]
                    if u in _DETS and not seen:
                        j += 1
                        continue
                    if u in _DETS and seen:
                        break
                    if self.np_word(j) or u in _TIME_WORDS or u in _OBJ_PRONOUNS or tx[j] == "May":
                        seen = True
                        j += 1
                        continue
                    if seen and tx[j] in ("’", "'") and j + 1 < hi and tx[j + 1] == _OPEN_Q:
                        j += 1   # "Fox News' “Sunday Morning Futures,”"
                        continue
                    if tx[j] == _OPEN_Q and self._title_quote_end(j) is not None:
                        j = self._title_quote_end(j)   # 'said on ABC's "This Week," that ...': a programme
                        seen = True
                        continue
                    if u in ("of", "with") and seen:
                        j += 1
                        seen = False
                        continue
                    break
                if not seen:
                    return k
                # a phrase followed by a verb marker was a subject, not an adjunct (in fact rare)
                k = j
                continue
            return k
        return k

    def has_clause(self, k: int, hi: int) -> bool:
        """Does the span start a finite clause (subject + verb marker within a short window)?"""
        tl, tx = self.tl, self.tx
        if k >= hi:
            return False
        first = tl[k]
        if first in ("around", "about", "nearly", "almost", "roughly", "approximately", "over", "some", "up") and \
                k + 1 < hi and (tx[k + 1][0].isdigit() or tl[k + 1] == "to"):
            return self.has_clause(k + 1, hi)   # 'estimated around 200 people attended'
        if first in _STOP_PREPS or first in _LINK_PREPS or first in ("and", "but", "or", ",", ".", ":", ";"):
            return False
        if not (tx[k][0].isalnum() or tx[k] == _OPEN_Q):
            return False
        if first.endswith(_CONTRACTION_AUX) or first in _PRON_S:
            return True
        if first in ("he", "she", "they", "we", "i") and k + 1 < hi and tx[k + 1][0].isalpha():
            return True   # a subject pronoun opens a clause
        if first in ("if", "when", "as", "because", "although", "though", "once", "after", "before", "since",
                     "unless", "until", "while", "whether", "despite"):
            # 'said if oil production rises ..., freight rates should rise': the main clause after the comma
            m = k + 1
            while m < hi and m - k < 30 and tl[m] not in (",", ";", "."):
                m += 1
            if m < hi and tl[m] == "," and m + 1 < hi and tl[m + 1] not in ("and", "but"):
                return self.has_clause(m + 1, hi)
            # no comma: 'said if elected president he could work ...': a subject pronoun and an auxiliary
            # after the subordinate clause open the main clause
            p = next((x for x in range(k + 2, min(m, k + 14)) if tl[x] in ("he", "she", "they", "we", "i") and
                      x + 1 < hi and tl[x + 1] in _AUX), None)
            return p is not None
        j = (k + 1 if first not in ("there",) else k) - 1
        skipped = False
        while j + 1 < min(hi, k + 30):
            j += 1
            u = tl[j]
            if u == "," and j + 1 < hi and tl[j + 1].endswith("ing") and j + 1 in self.cue_info:
                return False   # ', pointing out ...': a participle, not the reported clause's verb
            if u == "," and self._trailing_attr_at(j + 1, hi):
                return False   # ', UAE Minister X said.': the attribution of an outer statement
            if u == "," and not skipped and j + 1 < hi and tl[j + 1] not in ("and", "but", "while", "whereas", "or"):
                # one parenthetical: 'the law, initially covering all firms, would be ...'
                m = j + 1
                while m < min(hi, j + 14) and tl[m] not in (",", ";", ".", ":"):
                    m += 1
                if m < hi and tl[m] == ",":
                    skipped = True
                    j = m
                    continue
                if tl[j + 1] in ("which", "who", "whose", "whom"):
                    m2 = j + 1
                    while m2 < min(hi, j + 40) and tl[m2] not in (",", ";", ".", ":"):
                        m2 += 1
                    if m2 >= hi or tl[m2] in (";", "."):
                        return False   # 'stressed the industry, which X has described as ...': no main verb after
            if (u in _AUX or u in _IRREGULAR_PAST or u in _PRESENT_VERBS or u in _PRON_S or
                    u.endswith(_CONTRACTION_AUX)) and tl[j - 1] != "to":
                return True
            if u in ("while", "whereas") and j > k:
                return False
            if u == "that" and j > k + 1 and tl[j - 1] not in (",",) and self.np_word(j - 1):
                return False   # 'disclosures that Iran had ...': the verb belongs to the noun's clause
            if j in self.cue_info and not u.endswith("ing") and not (
                    tl[j - 1] in _DETS or tl[j - 1].endswith(("'s", "’s")) or
                    (u in _NOUNISH_CUES and tl[j - 1][0].isalpha() and tl[j - 1] not in _SUBJ_PRONOUNS and
                     not tx[j - 1][0].isupper() and not self.is_adverb(j - 1) and
                     not (tl[j - 1].endswith("s") and not u.endswith("s")))):
                return True   # a cue verb; not a noun ('a state of emergency', 'common shares')
            if tx[j] == _OPEN_Q:
                # a quoted fragment continuing the clause in lowercase ('the findings "should worry ..."')
                qi = self.q_by_open.get(j)
                if qi is None:
                    return False
                inner = self.text[self.quotes[qi].cs:self.quotes[qi].ce].lstrip("[( ")
                if self.quotes[qi].closed and j > k and len(inner.split()) <= 4 and (
                        tl[j - 1] in _DETS or tl[j - 1] in ("his", "her", "their", "its", "our", "my")):
                    # a quoted term inside the subject noun phrase ('the "loose talk" in the campaign is ...',
                    # 'his "friend and colleague" Marco Rubio ran ...'): skip it
                    m = j + 1
                    while m < hi and tx[m] != _CLOSE_Q:
                        m += 1
                    j = m
                    continue
                if len(inner.split()) <= 3 and inner[:1].isupper() and self.quotes[qi].closed:
                    # a quoted name inside the subject ('Joaquin "El Chapo" Guzman ran ...'): skip it
                    m = j + 1
                    while m < hi and tx[m] != _CLOSE_Q:
                        m += 1
                    j = m
                    continue
                w = inner.split()[0].lower().strip(".,;:!?[]()") if inner.split() else ""
                return j > k and inner[:1].islower() and (
                    w in _AUX or w in _IRREGULAR_PAST or w in _PRESENT_VERBS or w in _NEG or w.endswith("ed") or
                    (w.endswith("s") and not w.endswith("ss") and len(w) > 3) or self.is_adverb(j - 1) or
                    (self.np_word(j - 1) and tl[j - 1] not in _DETS) or tl[j - 1] in _SUBJ_PRONOUNS)
            if u.endswith("ed") and len(u) > 3 and not tx[j][0].isupper() and \
                    (tl[j - 1] not in _DETS or tl[j - 1] in ("this", "that", "these", "those")) \
                    and u not in ("need", "speed", "red", "seed", "bed", "shed", "hundred", "feed", "breed"):
                return True
            if u.endswith("s") and len(u) > 2 and not u.endswith("ss"):
                m = j - 1
                while m > k and self.is_adverb(m):
                    m -= 1
                if tl[m] in ("he", "she", "it", "this", "that", "which", "who"):
                    return True
            if u in (";", ".", ":") or (u == "," and (j + 1 < hi and tl[j + 1] in (
                    "and", "but", "while", "whereas", "or"))):
                return False
            if u == "," and j > k + 8:
                return False
        return False

    def clause_end(self, k: int, hi: int, np_only: bool = False, lo_sent: int = 0) -> int:
        """Token index where a reported content starting at ``k`` ends (exclusive)."""
        tl, tx = self.tl, self.tx
        j = k
        in_quote = False
        while j < hi:
            t = tl[j]
            comma_close = False
            if tx[j] == _OPEN_Q:
                in_quote = True
            elif tx[j] == _CLOSE_Q:
                in_quote = False
                qi = self.q_by_close.get(j)
                comma_close = qi is not None and self.text[self.quotes[qi].cs:self.quotes[qi].ce].rstrip()[-1:] == ","
            if in_quote:
                j += 1
                continue
            if t == ";" or (t == ":" and j + 1 < hi and tx[j + 1] == _OPEN_Q):
                return j
            if (t in (",", "—", "–") or comma_close) and j > k:
                n1 = tl[j + 1] if j + 1 < hi else ""
                if n1 in ("while", "whereas", "according"):
                    return j
                m = j + 1
                while m < hi and self.is_adverb(m):
                    m += 1
                if m < hi and m in self.cue_info and tl[m].endswith("ing") and not (
                        "that" in self.cue_info[m][1] and not self.cue_ok(m)):
                    return j  # ", adding that ..." / ", further saying" starts a new statement ('ruling out' not)
                if np_only and n1 in ("which", "who", "whose"):
                    return j
                if n1 in ("but", "and") and self._cue_within(j + 2, hi, 4):
                    return j
                if j + 1 in self.cue_info and j + 2 < hi and tl[j + 2] in (",", ":", _OPEN_Q) and \
                        self.cue_ok(j + 1):
                    return j  # ', replied, "No."': the main clause's cue
                # ", NP cue." at the end: an outer trailing attribution
                if self._trailing_attr_at(j + 1, hi):
                    return j
            if t in ("while", "whereas") and j > k:
                return j
            if t in ("but", "and") and j > k and self._cue_within(j + 1, hi, 3) and \
                    not (j + 1 < hi and tl[j + 1] == "that"):
                return j
            j += 1
        return hi

    def _cue_within(self, k: int, hi: int, width: int) -> bool:
        for j in range(k, min(hi, k + width)):
            if j in self.cue_info and self.cue_ok(j):
                return True
            if self.tx[j] in (",", ".", _OPEN_Q):
                return False
        return False

    def _trailing_attr_at(self, k: int, hi: int) -> bool:
        """Is tokens[k:hi] an attribution ``NP [aux] cue [adjuncts]`` or ``cue NP`` up to the sentence end?"""
        tl = self.tl
        j = k
        limit = min(hi, k + 16)
        while j < limit:
            if j in self.cue_info and self.cue_ok(j):
                if j == k:
                    rest = self.np_right(j + 1, hi)
                    after = rest[1] if rest else j + 1
                else:
                    sp = self.speaker_left(j, k)
                    if sp is None or sp[0] != k:
                        return False
                    after = self.cue_info[j][2] + 1
                after = self.skip_adjuncts(after, hi)
                if after < hi and tl[after] in ("reporters", "journalists") :
                    after += 1
                return after >= hi or tl[after] in (".", "!", "?", _CLOSE_Q) or \
                    (tl[after] == "," and after + 1 < hi and after + 1 in self.cue_info)
            if tl[j] in (",", ".", ";", _OPEN_Q, _CLOSE_Q, "that"):
                if tl[j] == ",":
                    j += 1   # an apposition inside the attribution ('X, a spokesman, said')
                    continue
                return False
            j += 1
        return False
