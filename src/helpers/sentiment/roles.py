"""Roles of the words around a target (rules T4-T7b): premodifiers, appositions, relative clauses, subject
with its verb group (active, passive, copula), by-agents, objects, prepositional targets and complements."""
from __future__ import annotations

from helpers.sentiment.clauses import _AGENT_W, _PATIENT_W, _REST_W, _REST_W_JUDGING, _REST_W_SANCTION, \
    _REST_W_UNDERGO, _ClauseBase
from helpers.sentiment.words import _in, _lists


class _Analysis(_ClauseBase):
    """Assigns a weight and a role to each token of a sentence, for one target token range [L, R]."""

    def np_left_edge(self, L, lo):
        """Index of the first token of the target's noun phrase (determiners and premodifiers included)."""
        k = L
        while k - 1 >= lo and self.t[k - 1].is_word and not self.verbish(k - 1) and not _in(self.low(k - 1), "prep") \
                and not self.hard_boundary(k - 1) and not _in(self.low(k - 1), "relpron") and (L - k) < 5 \
                and not _in(self.low(k - 1), "pron"):
            k -= 1
            if self.is_det(k) and not self.low(k).endswith("'s"):
                break
        return k

    def clause(self, a, b):
        L, R = self.L, self.R
        t = self.t
        # T4: the span itself and its premodifiers
        for i in range(L, R + 1):
            self.put(i, 1.0, "target-words")
        left = self.np_left_edge(L, a)
        for i in range(left, L):
            if _in(self.low(i), "det") or self.low(i) in ("and", "or"):
                continue
            self.put(i, 0.2 if _in(self.low(i), "topic_modifier") else 1.0, "premodifier")
        p = R + 1
        possessor = self.low(R).endswith("'s") or self.low(p) in ("'s",)
        if self.low(p) == "'s":
            p += 1
        if possessor:  # the possessed noun phrase describes what the target owns or did: "X's brutal crackdown"
            while p < b and t[p].is_word and not self.verbish(p) and not _in(self.low(p), "prep"):
                self.put(p, 1.0, "possessed")
                p += 1
        # apposition / relative clause right after the target; an age ("X, 42, a former ...") is skipped
        if p + 2 < b and t[p].text == "," and t[p + 1].text.isdigit() and t[p + 2].text == ",":
            p += 2
        if p < b and (t[p].text == "," or _in(self.low(p), "relpron")):
            q = p + 1 if t[p].text == "," else p
            end = q
            while end < b and t[end].text != ",":
                end += 1
            if _in(self.low(q), "relpron"):
                self.predicate(q + 1, end, 1.0, "relative")
                p = end + 1 if end < b else end
            elif t[p].text == "," and (end < b or self.low(q) in ("a", "an", "the")) and 0 < end - q <= 8 \
                    and not any(self.verbish(k) for k in range(q, end)):  # sentence-final ", a ... ." too
                for k in range(q, end):
                    self.put(k, 1.0, "apposition")
                p = end + 1
        # T5: subject or not?
        before = [k for k in range(a, left) if t[k].text == ","]
        start_zone = before[-1] + 1 if before else a
        has_verb_left = any(self.verbish(k) for k in range(start_zone, left))
        if before and start_zone == left:
            # "He dismissed the former president, X, who ...": after a comma chunk holding a verb, X is an
            # apposition of that chunk's object, not a new subject; after "Despite the criticism," it is one.
            chunk_start = before[-2] + 1 if len(before) > 1 else a
            intro = _in(self.low(chunk_start), "prep") or _in(self.low(chunk_start), "subord")  # "In other results,"
            if not intro and any(self.verbish(k) for k in range(chunk_start, before[-1])):
                return
        prev = self.low(left - 1) if left - 1 >= start_zone else ""
        if not has_verb_left and prev in ("", "and", "or", "both", "either", "neither"):
            self.predicate(p, b, 0.5 if possessor else 1.0, "subject")
            self.pronoun_clause(b)
            return
        if not has_verb_left and prev == "of":  # "the regime of X has been condemned"
            self.predicate(p, b, 0.5, "of-subject")
            return
        self.non_subject(a, b, left, p)

    def pronoun_clause(self, b):
        """T5 continued: "X did A, but he/she/they did B": B counts toward X at half weight."""
        k = b
        while k < self.hi and (self.hard_boundary(k) or self.t[k].text == "," or self.low(k) in ("and", "or")):
            k += 1
        if k < self.hi and self.low(k) in ("he", "she", "they", "it"):
            end = k + 1
            while end < self.hi and not self.hard_boundary(end):
                end += 1
            self.predicate(k + 1, end, 0.5, "pronoun-subject")

    def verb_group(self, p, b):
        """(first, last, head) of the first verb group at or after p (before b), or None."""
        k = p
        skipped = 0
        while k < b and not self.verbish(k):
            if self.t[k].text == "," or self.hard_boundary(k):
                return None
            k += 1
            skipped += 1
            if skipped > 8:
                return None
        if k >= b:
            return None
        first = k
        while first - 1 >= p and self.is_adverb(first - 1):  # adverbs before the verb: "violently repressed"
            first -= 1
        head = k
        while k < b and (self.verbish(k) or self.is_adverb(k) or self.low(k) == "to" and self.verbish(k + 1)):
            if self.verbish(k):
                head = k
            k += 1
            if self.verbish(head) and not (_in(self.low(head), "be") or _in(self.low(head), "aux")
                                          or _in(self.low(head), "copula") or self.low(head) == "to"):
                # a content verb closes the group, keep trailing adverbs
                while k < b and self.is_adverb(k):
                    k += 1
                break
        return first, k, head

    def predicate(self, p, b, scale, role, inherit_passive=False):
        """Rules T5-T7 for a target that is the subject of the verb group starting at or after p."""
        g = self.verb_group(p, b)
        if g is None:
            return
        first, end, head = g
        group = range(first, end)
        has_be = any(_in(self.low(k), "be") or self.low(k) in ("get", "got", "gets", "gotten") for k in group)
        has_aux = any(_in(self.low(k), "aux") for k in group)
        hl = self.low(head)
        copular = _in(hl, "be") or _in(hl, "copula") or (hl == "blame" and self.low(head - 1) == "to" and has_be)
        self.mark_charges(first, b, role)
        passive = (has_be or inherit_passive and not has_aux) and not copular and self.is_participle(head)
        cls = self.vclass(head)
        if copular:
            for k in group:
                self.put(k, scale, f"{role}:predicate")
            for k in range(end, b):
                if self.t[k].text == "," and k + 1 < b and self.verbish(k + 1):
                    break
                self.put(k, scale, f"{role}:predicate")
            return
        wv = (_PATIENT_W if passive else _AGENT_W).get(cls, 0.5 if passive else 1.0)
        vrole = f"{role}:{'patient' if passive else 'agent'}({cls or 'other'})"
        for k in group:
            self.put(k, scale * wv, vrole)
        judging = cls in ("evaluate", "sanction", "speech") or hl in _lists().words.get("complement_verb", ())
        rest_w = _REST_W_JUDGING if judging else _REST_W
        if cls in ("sanction", "exculpate"):  # "sentenced X for torture", "acquitted of murder": not the subject's
            rest_w = _REST_W_SANCTION
        elif not passive and _in(hl, "undergo"):  # "faced criticism", "received an award": lands on the subject
            rest_w = _REST_W_UNDERGO
        k = end
        while k < b:
            # coordinated verb phrase or participle clause with the same subject
            if self.t[k].text in (",", "and", "or") or self.low(k) in ("and", "or"):
                j = k + 1
                while j < b and (self.t[j].text in (",",) or self.low(j) in ("and", "or", "then")):
                    j += 1
                if j < b and self.verbish(j) and not _in(self.low(j), "prep"):
                    self.predicate(j, b, scale, role, inherit_passive=passive)
                    return
            if self.low(k) == "to" and not passive and self.verbish(k + 1):  # "worked to save", "agreed to restore"
                self.predicate(k + 1, b, scale, role)
                return
            if passive and self.low(k) == "by":
                k += 1
                continue
            if _in(self.low(k), "culpable"):  # T7b: "was found guilty", "was held responsible for": the subject's
                self.put(k, scale, f"{role}:culpability")
            if rest_w == _REST_W and cls == "harm" and self.t[k].valence > 0:
                k += 1
                continue
            self.put(k, scale * rest_w, f"{role}:object")
            k += 1

    def non_subject(self, a, b, left, p):
        """Rules T6-T7 for a target that is not the clause subject: by-agent, object, prepositional."""
        prev = left - 1
        pl = self.low(prev)
        # "by X" after a passive verb: X is the agent
        if pl == "by":
            for k in range(prev - 1, a - 1, -1):
                if self.verbish(k) and self.is_participle(k):
                    cls = self.vclass(k)
                    w = _AGENT_W.get(cls, 1.0)
                    j = k
                    while j - 1 >= a and (self.is_adverb(j - 1)):
                        j -= 1
                    for m in range(j, k + 1):
                        self.put(m, w, f"agent-by({cls or 'other'})")
                    return
            return
        if _in(pl, "prep") or pl in ("of", "on", "against", "for", "at", "to"):
            # event noun or verb right before the preposition: "attack on X", "criticism of X"
            k = prev - 1
            if k >= a and (self.t[k].valence or self.vclass(k)):
                cls = self.vclass(k)
                self.put(k, _PATIENT_W.get(cls, 0.5), f"prep-patient({cls or 'other'})")
            return
        # direct object: verb right before the noun phrase
        k = prev
        while k >= a and (self.low(k) in ("at", "least", "than", "more", "nearly", "almost", "about", "some")
                          or self.t[k].text[:1].isdigit() or _in(self.low(k), "quant") and self.low(k) != "of"):
            k -= 1
        if k >= a and self.verbish(k):
            cls = self.vclass(k)
            w = _PATIENT_W.get(cls, 0.5)
            j = k
            while j - 1 >= a and (self.is_adverb(j - 1) or self.verbish(j - 1)):
                j -= 1
            for m in range(j, k + 1):
                self.put(m, w, f"patient({cls or 'other'})")
            q = p
            while q < b and self.low(q) in ("not", "n't", "never", "also", "partly", "fully", "jointly"):
                q += 1
            if q < b and _in(self.low(q), "culpable"):  # T7b: "found Smith not guilty", "held X responsible"
                self.mark_charges(p, b, "complement")
                for m in range(p, q + 1):
                    self.put(m, 1.0, "complement:culpability")
            if cls == "evaluate" or self.low(k) in _lists().words.get("complement_verb", ()):
                self.mark_charges(p, b, "complement")
                for m in range(p, b):  # object complement: "called critics dishonest", "praised X as ..."
                    self.put(m, 1.0, "complement")


