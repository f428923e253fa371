"""Speaker noun phrases: the mention a cue's statement is attributed to (mixin ``SpeakerPhrases`` of ``_Doc``).

Speakers are found without a tagger by scanning from the cue over adverbs and auxiliaries to the nearest noun
phrase: a pronoun, a capitalised name with its titles (``U.S. Secretary of State Anthony Blinken``), or a
determiner phrase (``the president``, ``some citizens``, ``a source close to the central bank``). Appositions
are skipped (``X, a farmer, said``), a relative pronoun takes its antecedent (``X, who stated ...``; ``a witness,
who asked not to be named, told AFP``: cues inside the comma-enclosed relative are skipped), a name before a
role without a closing comma is preferred to the role (``..., Milan Kerno, vice president of finance said``), a
reduced relative is skipped to its head (``A shareholder group led by X said``), an acronym spelling a function
word (``WHO``, ``US``) is a name, and a participle or coordinated cue (``..., adding that``; ``... and wrote``)
takes the subject of its sentence (:meth:`SpeakerPhrases.sentence_subject`). First- and second-person narrators
(``I``, ``we``, ``you``) are not speakers. Inverted attributions (``said X``) read the noun phrase to the right
(:meth:`SpeakerPhrases.np_right`).
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left

from helpers import actors
from helpers.quotes.words import (_ADVERBS, _AUX, _BE, _BY_PARTICIPLES, _CAP_TIME, _CHAIN_VERBS, _CLAUSE_STOP,
    _HONORIFICS, _PLACE_AFTER_COMMA, _PRE_NAME_ADJ, _CLOSE_Q, _CONTRACTION_AUX, _DETS, _IRREGULAR_PAST, _LINK_PREPS,
    _MONTHS, _MONTHS_ABBR, _NEG, _NOUNISH_CUES,
    _OBJ_PRONOUNS, _OPEN_Q, _PRON_S, _QUANT_OF, _STATE_NOUNS, _STOP_PREPS, _SUBJ_PRONOUNS, _TIME_WORDS, _TO_NOUNS,
    _WEEKDAYS)


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Lower-case places printed after a comma: US states (AP and full forms) and the codebook's countries."""
    names = set(_PLACE_AFTER_COMMA)
    try:
        cb = actors.load_codebook()
        for name, aliases in zip(cb.loc[cb["kind"] == "country", "canonical_name"],
                                 cb.loc[cb["kind"] == "country", "aliases"]):
            names.update(n.strip().lower() for n in [name] + str(aliases or "").split(";") if n.strip())
    except Exception:  # noqa: BLE001 - without the codebook, US states only
        pass
    return frozenset(names)


_MONTH_PREPS = {"in", "on", "since", "until", "by", "of", "during", "from", "through", "mid", "this", "each", "every",
                "that", "early", "late", "last", "next", "before", "after", "till", "between"}
# party and state of a US legislator: 'Sen. Dianne Feinstein, D-Calif., said', 'R-Texas', 'I-Vt.'
_AFFILIATION = re.compile(r"[DRI]-[A-Z][A-Za-z.]{1,12}")


class SpeakerPhrases:
    """Mixin of ``_Doc``: noun phrases left and right of a cue, and the speaker a cue takes."""

    def np_word(self, i: int) -> bool:
        """Can token i be part of a noun phrase (speaker or object)?"""
        t = self.tx[i]
        tl = self.tl[i]
        c = t[0]
        if c.isdigit():
            return True
        if c.isupper() and (tl in _MONTHS or tl == "may") and self._month_is_name(i):
            return True
        if not c.isalpha():
            return t in ("&",) or (c == "<" and len(t) > 2)
        if tl in _DETS:
            return True
        if tl.endswith(_CONTRACTION_AUX) or (tl in _PRON_S and t[0].islower()) or tl in ("let's", "let’s"):
            return False   # don't, I'm, we've, it's: verbs, not nouns
        if tl in _AUX or tl in _NEG or tl in _STOP_PREPS or tl in _CLAUSE_STOP or tl in _LINK_PREPS:
            return False
        if tl == "x" * len(tl):
            return False
        if c.isupper():
            if tl in _WEEKDAYS or tl in _MONTHS or tl in _CLAUSE_STOP or tl in _STOP_PREPS or \
                    (tl in _ADVERBS and (i == 0 or self.tx[i - 1] in (".", "!", "?", _CLOSE_Q))) or \
                    tl in _AUX or tl in _CAP_TIME or tl in _LINK_PREPS or \
                    tl in ("asked", "speaking", "according", "in", "on", "at", "for", "with", "from", "let", "let's",
                           "let’s", "please", "thank", "thanks", "yes", "no", "well", "oh"):
                return False
            return True
        if i in self.cue_info:
            p = self.tl[i - 1] if i > 0 else ""
            nxt = self.cue_info[i][2] + 1
            if tl in _NOUNISH_CUES and nxt < self.n and nxt in self.cue_info and not self.tl[nxt].endswith("ing"):
                return True
            if tl == "state" and nxt < self.n and self.tl[nxt] in _STATE_NOUNS:
                return True   # 'state media said', 'state television reported': an adjective
            if not (p in _DETS or p.endswith(("'s", "’s")) or (i > 0 and self.tx[i - 1][0].isupper() and
                                                                   tl in _NOUNISH_CUES)):
                return False
        if tl in _SUBJ_PRONOUNS or tl in _OBJ_PRONOUNS:
            return False
        if self.is_adverb(i) or tl in _TIME_WORDS:
            return False
        if tl.endswith("ed") and len(tl) > 4 and tl not in ("red", "need", "seed", "speed", "breed", "creed") \
                and "-" not in tl:
            return i > 0 and self.tl[i - 1] in _DETS
        if tl in _IRREGULAR_PAST:
            return False
        return True

    def np_left(self, end: int, lo: int) -> tuple[int, int] | None:
        """Noun phrase ending just before token ``end`` (exclusive), not crossing ``lo``."""
        j = end - 1
        if j < lo:
            return None
        tl = self.tl
        if tl[j] in _SUBJ_PRONOUNS:
            return (j, end)
        if tl[j] in ("here", "there") and j - 1 >= lo and self.np_word(j - 1) and not self.is_cap(j):
            sp = self.np_left(j, lo)    # 'officials here said'
            return (sp[0], end) if sp else None
        start = None
        saw_det = False
        count = 0
        while j >= lo and count < 14:
            t = tl[j]
            if t in _OBJ_PRONOUNS and j - 1 >= lo and tl[j - 1] == "of" and start is None:
                start = j
            elif self.tx[j] == _CLOSE_Q and start is not None or (self.tx[j] == _CLOSE_Q and start is None):
                # a short quoted term inside the phrase: the so-called "reform package"
                if saw_det:
                    break   # 'Calling it a "culture of death" the archbishop said': the phrase starts at 'the'
                k = j - 1
                while k >= lo and self.tx[k] != _OPEN_Q:
                    k -= 1
                if k < lo or j - k > 6 or (start is None and not (k - 1 >= lo and (
                        tl[k - 1] in _DETS or tl[k - 1] == "so-called"))):
                    break
                start = k
                j = k
                count += 1
                j -= 1
                continue
            elif self.np_word(j) and self.tx[j] not in (_OPEN_Q,):
                if saw_det:
                    if t in _QUANT_OF and j + 1 < end and tl[j + 1] == "of":
                        pass
                    elif t == "and":
                        break
                    elif t in _DETS and tl[j + 1] in _DETS:
                        pass   # 'all three', 'the two'
                    else:
                        break
                start = j
                if t in _DETS:
                    saw_det = True
            elif t in _LINK_PREPS and start is not None and j - 1 >= lo and self.np_word(j - 1):
                start = j
                saw_det = False
            elif self.tx[j] == ")" and (start is not None or j == end - 1):
                m = j - 1
                while m >= lo and self.tx[m] != "(" and j - m < 7:
                    m -= 1
                if m < lo or self.tx[m] != "(" or m - 1 < lo or not self.np_word(m - 1):
                    break
                start = m
                j = m - 1
                count += 1
                continue
            elif t == "to" and start is not None and j - 1 >= lo and tl[j - 1] in _TO_NOUNS:
                start = j   # 'an aide to Sen. James Exon'
                saw_det = False
            elif t == "to" and start is not None and j - 2 >= lo and tl[j - 1] == "close" and self.np_word(j - 2):
                start = j - 1
                saw_det = False
                j -= 2
                count += 2
                continue
            elif t == "and" and start is not None and j - 1 >= lo and self.np_word(j - 1) and \
                    tl[j - 1] not in _DETS and not self.is_adverb(j - 1) and (
                        (self.is_cap(start) and self.is_cap(j - 1)) or
                        (end - start >= 2 and tl[start] not in _DETS and not self.is_cap(start)) or
                        (tl[j - 1].endswith("s") and tl[start].endswith("s") and not self.is_cap(start)) or
                        (tl[start] in ("the",) and self.is_cap(j - 1))):
                start = j
                saw_det = False
            elif t in ("’", "'") and start is not None and j - 1 >= lo and tl[j - 1].endswith("s"):
                start = j
            else:
                break
            j -= 1
            count += 1
        if start is None:
            return None
        # trim leading prepositions / conjunctions
        while start < end and (tl[start] in _LINK_PREPS or tl[start] == "and" or self.tx[start] in ("’", "'")):
            start += 1
        if start >= end:
            return None
        if all(tl[k] in _DETS or not (self.tx[k][0].isalnum() or self.tx[k][0] == "<") for k in range(start, end)):
            return None
        return (start, end)

    def np_right(self, start: int, hi: int) -> tuple[int, int] | None:
        """Noun phrase starting at token ``start`` (``said X``, ``according to X``, an addressee)."""
        tl, tx = self.tl, self.tx
        j = start
        if j >= hi:
            return None
        if tl[j] in _SUBJ_PRONOUNS or tl[j] in _OBJ_PRONOUNS:
            return (j, j + 1)
        if tl[j] in _PRE_NAME_ADJ and j + 1 < hi and self.is_cap(j + 1):
            j += 1   # 'said retired Army Lt. Gen. Mick Bednarek', 'said former Sen. X'
        if not (self.np_word(j) or tl[j] in _DETS):
            return None
        end = None
        seen_noun = False
        seg_start = j   # start of the current noun phrase after a linking preposition
        while j < hi and j - start < 14:
            t = tl[j]
            if tx[j] == _OPEN_Q:
                k = j + 1
                while k < hi and tx[k] != _CLOSE_Q and k - j < 8:
                    k += 1
                if k < hi and tx[k] == _CLOSE_Q and k - j < 8:
                    end = k + 1
                    seen_noun = True
                    j = k + 1
                    continue
                break
            if tl[j] in _DETS and not seen_noun:
                end = j + 1
            elif tl[j] in _DETS and seen_noun:
                break
            elif self.np_word(j) or (tl[j] in _NOUNISH_CUES and j > start):
                end = j + 1
                seen_noun = True
            elif t == "of" and not seen_noun and end is not None and all(
                    tl[m] in _DETS or tl[m] in _QUANT_OF for m in range(seg_start, j)) and j + 1 < hi:
                seen_noun = False   # 'one of these groups', 'many of them'
                if tl[j + 1] in _OBJ_PRONOUNS:
                    end = j + 2
                    j += 2
                    break
            elif t in ("of", "for", "at", "from", "with") and seen_noun and j + 1 < hi and \
                    (self.np_word(j + 1) or tl[j + 1] in _DETS):
                seen_noun = False
                seg_start = j + 1
            elif t in ("’", "'") and seen_noun and tl[j - 1].endswith("s") and j + 1 < hi and self.is_cap(j + 1):
                seen_noun = False   # "Nikko Securities' Okamoto"
            elif t == "close" and j + 1 < hi and tl[j + 1] == "to":
                j += 1
                seen_noun = False
            elif t == "and" and seen_noun and j + 1 < hi and (self.is_cap(j + 1) or (
                    self.np_word(j + 1) and tl[j + 1] not in _DETS and not self.is_cap(j - 1))):
                seen_noun = False
            else:
                break
            j += 1
        if end is None or end <= start:
            return None
        if all(tl[k] in _DETS for k in range(start, end)):
            return None
        return (start, end)

    def speaker_left(self, cue: int, lo: int) -> tuple[int, int] | None:
        """Speaker of a cue from the text before it, or ``None``; may defer to the sentence subject."""
        res = self._speaker_left(cue, lo)
        if isinstance(res, tuple):
            return res
        if res in ("coord", "participle"):
            return self.sentence_subject(cue, lo)
        return None

    def _speaker_left(self, cue: int, lo: int):
        tl, tx = self.tl, self.tx
        j = cue - 1
        quoted_as = False
        if j - 2 >= lo and tl[j] in ("named", "identified", "quoted") and tl[j - 1] == "be" and tl[j - 2] == "to":
            # 'a spokesman who declined to be named said'
            m = j - 3
            while m >= lo and j - m < 8 and tl[m] not in ("who", "that"):
                m -= 1
            if m >= lo and tl[m] in ("who", "that"):
                sp = self.np_left(m, lo)
                if sp:
                    return sp
        # skip adverbs / auxiliaries / 'went on to'
        while j >= lo:
            t = tl[j]
            if self.is_adverb(j) or (t in _AUX and not (tx[j] == "May" and self._month_is_name(j))):
                j -= 1
                continue
            if (t in _TIME_WORDS and not tx[j][0].isupper()) or t in _WEEKDAYS or t in _MONTHS_ABBR or \
                    (tx[j] == "May" and not self._month_is_name(j)) or \
                    (tx[j][0].isdigit() and j - 1 >= lo and tl[j - 1] in _MONTHS):
                # 'Texas Air last month said', 'X on Sunday told', 'X on Jan. 5 said'
                m = j
                while m >= lo and (tl[m] in _TIME_WORDS or tl[m] in _WEEKDAYS or tl[m] in _MONTHS or
                                   tx[m][0].isdigit() or tl[m] in (",",) and False):
                    m -= 1
                if m >= lo and tl[m] in ("on", "in", "at", "during", "earlier", "late"):
                    m -= 1
                if m < j and m >= lo and (self.np_word(m) or tl[m] in _SUBJ_PRONOUNS or tl[m] == ","):
                    j = m
                    continue
                break
            if t == "to":
                # 'went on to say', 'went as far as to say', 'continued to insist'
                m = j - 1
                while m >= lo and j - m <= 5 and tl[m] not in _CHAIN_VERBS and (
                        tl[m] in ("on", "as", "so", "far") or self.is_adverb(m)):
                    m -= 1
                if m >= lo and tl[m] in _CHAIN_VERBS:
                    j = m - 1
                    continue
                return None
            if t == "as":
                # 'X was quoted as saying' / 'quoted X as saying'
                qk = j - 1
                while qk >= lo and tl[qk] not in ("quoted", "cited", "described") and j - qk < 24 and \
                        tl[qk] not in (".", ";") and tx[qk] not in (_OPEN_Q, _CLOSE_Q):
                    qk -= 1
                if qk < lo or tl[qk] not in ("quoted", "cited"):
                    return None
                if qk == j - 1:
                    if qk - 1 >= lo and tl[qk - 1] in _BE:
                        j = qk - 2
                        while j >= lo and (tl[j] in _AUX or self.is_adverb(j)):
                            j -= 1
                        quoted_as = True
                        break
                    return None
                return self.np_right(qk + 1, j)
            break
        if j < lo:
            return "participle" if tl[cue].endswith("ing") else None
        t = tl[j]
        if tl[cue].endswith("ing") and (t in (",", "—", "–", "and", "while", "before", "after", "by", "without") or
                                       tx[j] == _CLOSE_Q):
            return "participle"
        if tl[cue].endswith("ing") and tl[cue] != "according" and not quoted_as:
            sp = self.np_left(j + 1, lo)
            if sp and sp[0] - 1 >= lo and tl[sp[0] - 1] == "with":
                return sp          # 'with local press reporting ...'
            return "participle"    # 'issued a statement saying ...', 'X, in Washington, D.C. saying ...'
        if t in ("and", "but", "or") or (t == "," and j - 1 >= lo and tl[j - 1] in ("and", "but")):
            return "coord"
        if t in ("who", "which", "that") and j - 1 >= lo:
            k = j - 1
            if tl[k] == "," and t != "that":
                sp = self.np_left(k, lo)
                if sp and not all(self.tx[m][0].isdigit() for m in range(*sp)):
                    return sp
                return self._appositive_subject(k, lo)
            if k < lo or tx[k] == _CLOSE_Q:
                return None
            sp = self.np_left(k + 1, lo)
            if sp and t == "that" and not (self.is_cap(sp[1] - 1) or tl[sp[1] - 1] in ("officials", "people")):
                return None
            return sp
        if tx[j] == _CLOSE_Q:
            sp = self.np_left(j + 1, lo)
            if sp:
                return sp
        if t == ",":
            # 'a witness, who asked not to be named, told AFP': the antecedent of a comma-enclosed relative
            # ('Jones, who lives in Paris, France, said': a place after a comma belongs to the relative)
            m = j - 1
            while m > lo and tl[m] not in (",", ".", ";", "!", "?") and tx[m] not in (_OPEN_Q, _CLOSE_Q):
                m -= 1
            if not (m > lo and tl[m] == "," and self.place_segment(m + 1, j)):
                m = j - 1
            else:
                j = m
                m = j - 1
            while m > lo and j - m <= 24 and tl[m] not in (",", ".", ";", "!", "?") and \
                    tx[m] not in (_OPEN_Q, _CLOSE_Q):
                m -= 1
            if m > lo and tl[m] == "," and tl[m + 1] in ("who", "whose", "whom") and m + 1 < j - 1:
                sp = self.np_left(m, lo)
                if sp and not all(self.tx[x][0].isdigit() for x in range(*sp)):
                    return sp
        if t == "," or tx[j] == _CLOSE_Q:
            sp = self._appositive_subject(j, lo)
            if sp is None and t == ",":
                # 'Baker, when asked if ..., replied': the subject opening the sentence
                s0 = self.sent_start_tok(cue)
                sp = self._clause_subject(max(s0, lo), cue)
                if sp and not (sp[1] < self.n and tl[sp[1]] == "," and (self.is_cap(sp[1] - 1) or
                                                                       tl[sp[1] - 1] in _SUBJ_PRONOUNS)):
                    sp = None
            return sp
        sp = self.np_left(j + 1, lo)
        if sp and sp[0] - 1 >= lo and tl[sp[0] - 1] == "," and (
                (tl[sp[0]] in ("a", "an") and any(tl[m] in _LINK_PREPS for m in range(*sp))) or
                (tl[sp[0]] not in _DETS and not self.is_cap(sp[0]) and tl[sp[0]] not in _SUBJ_PRONOUNS and
                 not self.is_cap(sp[1] - 1) and any(tl[m] in _LINK_PREPS for m in range(*sp)))):
            # 'Robert Watson, a program manager at NASA said', '..., Milan Kerno, vice president of finance
            # said' (no closing comma): the name before the role
            name = self.np_left(sp[0] - 1, lo)
            if name and self.is_cap(name[1] - 1) and not (name[0] - 1 >= lo and (
                    tl[name[0] - 1] in _STOP_PREPS or tl[name[0] - 1] in _LINK_PREPS)) and (
                    tl[sp[0]] in ("a", "an") or name[0] == lo or tl[name[0] - 1] in (",", "—", "–") or
                    self._sent_initial(name[0])) and all(self.is_cap(m) or tl[m] in _LINK_PREPS
                                                        for m in range(*name)):
                return name
        if sp and sp[0] - 2 >= lo and tl[sp[0] - 1] == "by" and tl[sp[0] - 2] in _BY_PARTICIPLES:
            # 'A shareholder group led by Barris Industries said': the head before the reduced relative
            head = self.np_left(sp[0] - 2, lo)
            if head:
                return head
        if sp:
            # 'Terri Collins who sponsored the bill remarked': the subject is the antecedent of 'who'
            m = sp[0] - 1
            while m >= lo and sp[0] - m <= 8 and tl[m] not in ("who", ",", ".", ";", "that", "which") and \
                    tx[m] not in (_OPEN_Q, _CLOSE_Q):
                m -= 1
            if m > lo and tl[m] == "who" and any(not self.np_word(x) and tl[x] not in _DETS
                                                 for x in range(m + 1, sp[0])):
                ante = self.np_left(m, lo)
                if ante:
                    return ante
        return sp

    def _appositive_subject(self, j: int, lo: int):
        """Speaker before comma-separated appositions: 'X, 54, a nurse, said'."""
        tl, tx = self.tl, self.tx
        for _ in range(4):
            if j < lo:
                return None
            if tx[j] == _CLOSE_Q:
                # a quoted title inside the apposition: skip back to its opening mark
                k = j - 1
                while k >= lo and tx[k] != _OPEN_Q:
                    k -= 1
                if k < lo:
                    return None
                j = k - 1
                if j >= lo and tl[j] == ",":
                    pass
                else:
                    return None
            # segment before the comma at j
            k = j - 1
            while k >= lo and tl[k] not in (",", ".", ";", ":") and tx[k] not in (_OPEN_Q, _CLOSE_Q) and j - k < 32:
                k -= 1
            seg = (k + 1, j)
            if seg[0] >= seg[1]:
                return None
            first = seg[0]
            f = tl[first]
            if k >= lo and tl[k] == "," and self.place_segment(*seg) and self.is_cap(k - 1):
                j = k      # 'X, a mechanic based in Kansas City, Mo., said': the state belongs to the apposition
                continue
            appositive = (f in ("a", "an") or tx[first][0].isdigit() or f in ("who", "which", "whose", "however",
                                                                                "himself", "herself", "itself",
                                                                                "themselves", "aged", "both",
                                                                                "too") or
                          (tx[first][0].islower() and f not in _DETS and f not in _SUBJ_PRONOUNS) or
                          self.is_adverb(first))
            if not (k >= lo and tl[k] == ",") or (f in ("while", "whereas", "although", "though") and
                                                  seg[0] + 1 < seg[1] and not tx[seg[0] + 1][0].islower()):
                appositive = False  # the first segment of the clause is its subject ('A UAW spokesman, in ...',
                #                     '..., while ALDI, in a Facebook post, called it ...')
            if appositive and seg[1] - seg[0] >= 3 and self.is_cap(j - 1) and self.is_cap(j - 2) and \
                    all(self.np_word(m) and tl[m] not in _DETS and not self.is_cap(m) for m in
                        range(seg[0], j - 2) if not self.is_cap(m)) and \
                    not any(tl[m] in _LINK_PREPS or tl[m] in _DETS for m in range(*seg)):
                appositive = False  # 'One of the study's authors, herpetologist David Blackburn, told'
                sp = self.np_left(j, lo)
                if sp:
                    return sp
            if k >= lo and tl[k] == "," and self._looks_name(k - 1, lo) and \
                    any(tl[m].endswith(("'s", "’s")) for m in range(*seg)) and not self.is_cap(j - 1):
                appositive = True  # "Susan Bro, Heather Heyer's mother, told"
            if f in ("the", "his", "her", "their", "its", "our") and k >= lo and tl[k] == "," and \
                    self._looks_name(k - 1, lo):
                appositive = True  # 'Jean Dupont, the farm union leader, said', 'John, her rival, said'
            if not appositive and tx[first][0].isupper() and k >= lo and tl[k] == "," and \
                    any(tl[m] in ("of", "for", "at", "the", "and", "in", "to") for m in range(*seg)):
                prev_sp = self.np_left(k, lo)
                if prev_sp and all(self.tx[m][0].isupper() for m in range(*prev_sp)):
                    appositive = True  # 'Robert Ortner, Undersecretary of Commerce, said'
            if not appositive:
                jj = j
                while jj - 1 > seg[0] and (tl[jj - 1] in _AUX or self.is_adverb(jj - 1)):
                    jj -= 1   # 'The ministry has, in a statement, called ...'
                sp = self.np_left(jj, lo)
                if sp and sp[0] == seg[0]:
                    return sp
                if sp and self._looks_name(sp[1] - 1, lo):
                    return sp
                return None
            if k < lo or tl[k] != ",":
                return None
            j = k
        return None

    def place_segment(self, a: int, b: int) -> bool:
        """Are tokens a..b-1 a place or an affiliation printed after a comma ('Mo.', 'Texas', 'France', 'D-Calif.')?"""
        if not 0 < b - a <= 3:
            return False
        words = " ".join(self.tl[a:b])
        return words in _places() or _AFFILIATION.fullmatch(self.text[self.ts[a]:self.te[b - 1]]) is not None

    def _month_is_name(self, i: int) -> bool:
        """A capitalised month that is part of a name: a surname after an honorific or a given name ('Ms. May
        said', 'Theresa May'), or a given name before a surname ('April Ryan said'); never after a preposition
        or a time word ('in May', 'last April Congress ...')."""
        tl, tx = self.tl, self.tx
        if not tx[i][:1].isupper() or (tl[i] not in _MONTHS and tl[i] != "may"):
            return False
        prev = tl[i - 1] if i >= 1 else ""
        if prev in _MONTH_PREPS or prev in _CAP_TIME or prev in _MONTHS or (prev and prev[0].isdigit()):
            return False
        if prev in _HONORIFICS:
            return True
        if i >= 1 and tx[i - 1][:1].isupper() and tx[i - 1].isalpha() and self.np_word(i - 1):
            return True
        nxt = tx[i + 1] if i + 1 < self.n else ""
        return nxt[:1].isupper() and nxt.isalpha() and tl[i + 1] not in _MONTHS and tl[i + 1] not in _WEEKDAYS and \
            tl[i + 1] not in _MONTH_PREPS and i + 2 < self.n and \
            (i + 2 in self.cue_info or tx[i + 2] in (",", "’s", "'s"))

    def _looks_name(self, j: int, lo: int) -> bool:
        return j >= lo and self.tx[j][0].isupper() and self.tl[j] not in _CLAUSE_STOP

    def sentence_subject(self, cue: int, lo: int) -> tuple[int, int] | None:
        """Subject of the sentence holding ``cue``: speaker of an earlier statement in it, else its first NP."""
        s0, s1 = self.sent_bounds(cue)
        best, best_rank = None, None
        for st in self.stmts:
            if st.sp and st.cue and self.ts[s0] <= st.cue[0] < self.ts[cue] and st.sp[0] >= self.ts[s0]:
                # a verb cue beats an 'according to' source ('According to ISNA, X said ..., adding ...')
                rank = (self.text[st.cue[0]:st.cue[1]].lower() == "according to", st.cue[0])
                if best is None or rank < best_rank:
                    best, best_rank = st, rank
        if best is not None:
            a = self.tok_at(best.sp[0])
            b = bisect_left(self.ts, best.sp[1])
            if a is not None:
                return (a, b)
        # first noun phrase of the clause, after an introductory phrase ending with a comma
        return self._clause_subject(s0, cue)

    def _clause_subject(self, s0: int, hi: int) -> tuple[int, int] | None:
        """First noun phrase of a clause, after introductory time phrases, adverbs and comma phrases."""
        tl, tx = self.tl, self.tx
        k = s0
        for _ in range(4):
            while k < hi and (tx[k] in (_OPEN_Q, _CLOSE_Q, "(", "—", ",") or tl[k] in ("but", "and", "so", "yet")):
                k += 1
            if k >= hi:
                return None
            t = tl[k]
            if t in _TIME_WORDS or t in _CAP_TIME or (t in ("this", "last", "next", "earlier", "later") and
                                                      k + 1 < hi and tl[k + 1] in _TIME_WORDS):
                k += 1
                while k < hi and (tl[k] in _TIME_WORDS or tx[k][0].isdigit()):
                    k += 1
                continue
            if t in _STOP_PREPS or t in _LINK_PREPS or (self.is_adverb(k) and tl[k] not in _DETS) or \
                    t in ("asked", "speaking", "according", "when", "while", "as", "after", "before", "if",
                          "although", "though", "since", "because", "despite") or \
                    (t.endswith(("ing", "ed")) and tx[k][0].isupper() and not self.np_word(k)) or \
                    (t.endswith("ing") and len(t) > 5 and tx[k][0].islower() and k > s0 and tl[k - 1] == ","):
                # an introductory phrase: skip to its comma
                j = k
                while j < hi and tl[j] != "," and j - k < 30:
                    j += 1
                if j >= hi or tl[j] != ",":
                    if t in _STOP_PREPS or t in _LINK_PREPS:
                        # 'On Monday the ministry said': skip the prepositional phrase without a comma
                        j = k + 1
                        while j < hi and (tl[j] in _DETS or tl[j] in _TIME_WORDS or tx[j][0].isdigit() or
                                          (tx[j] == "May")):
                            j += 1
                        if j == k + 1:
                            return None
                        k = j
                        continue
                    return None
                k = j + 1
                continue
            break
        sp = self.np_right(k, hi)
        if sp and sp[1] + 1 < hi and tl[sp[1]] == ",":
            # 'The then-manager of X, David Clay, said': prefer the name in apposition
            m = sp[1] + 1
            while m < hi and m - sp[1] <= 5 and self.is_cap(m) and self.np_word(m):
                m += 1
            if m > sp[1] + 1 and m < hi and tl[m] == "," and m - sp[1] - 1 >= 2:
                return (sp[1] + 1, m)
        return sp
