"""Clause structure for the rule-based sentiment toward a target: word classes, weights, reported speech (T2)
and clause boundaries (T3). :class:`helpers.sentiment.roles._Analysis` adds the roles (T4-T7b)."""
from __future__ import annotations

from helpers.sentiment.words import _Tok, _exculpating, _in, _lists

_AGENT_W = {"harm": 1.0, "sanction": 0.0, "evaluate": 0.1, "help": 1.0, "speech": 0.0, "contest": -1.0,
            "exculpate": 0.0, None: 1.0}
_PATIENT_W = {"harm": 0.0, "sanction": 1.0, "evaluate": 1.0, "help": 0.5, "speech": 0.0, "contest": 1.0,
              "exculpate": 1.0, None: 0.5}
#: T7 weights of the rest of an active clause toward its subject (see the module docstring).
_REST_W = 0.15
_REST_W_JUDGING = 0.1
_REST_W_SANCTION = 0.0
_REST_W_UNDERGO = 1.0
#: T9: |weighted sum| below this is no evidence (toward returns 0.0).
_MIN_EVIDENCE = 0.5
_HARD = frozenset([";", ":", "(", ")", "--", "—", "–", "[", "]"])
_COMMA_SUBORD = frozenset(["but", "yet", "so"])


def sentence_memo(toks: tuple[_Tok, ...]) -> tuple[list[str], dict[int, bool]]:
    """What :class:`_ClauseBase` computes from a sentence's tokens alone: their lower-cased words (curly
    apostrophes straightened) and an empty memo for ``verbish``; every target of the sentence can share it."""
    return [t.low.replace("’", "'") for t in toks], {}


class _ClauseBase:
    """Word classes, weights, reported speech and clause window for one target token range [L, R]."""

    def __init__(self, toks: tuple[_Tok, ...], L: int, R: int, shared: tuple[list, dict] | None = None):
        """``shared``: ``(lower-cased words, verbish memo)`` of this token tuple's sentence, kept by the caller for
        every target of the sentence (both depend on the tokens alone, not on the target)."""
        self.t = toks
        self.L, self.R = L, R
        self.w: dict[int, tuple[float, str]] = {}
        self.lists = _lists()
        if shared is None:
            shared = sentence_memo(toks)
        self._low, self._verbish = shared  # low(i) computed once per token; verbish(i) once per sentence

    # --- word classes --------------------------------------------------------------------------------
    def low(self, i):
        return self._low[i] if 0 <= i < len(self._low) else ""

    def vclass(self, i):
        w = self.low(i)
        if 0 <= i < len(self.t) and _exculpating(self.t, i):
            return "exculpate"
        return self.lists.verb_class.get(w) or self.lists.noun_class.get(w)

    def is_det(self, i):
        return _in(self.low(i), "det") or self.low(i).endswith("'s")

    def verbish(self, i) -> bool:
        """Whether token ``i`` is a verb (word lists and word order); memoised per token for this analysis."""
        v = self._verbish.get(i)
        if v is None:
            v = self._verbish[i] = self._verbish_at(i)
        return v

    def _verbish_at(self, i) -> bool:
        if not (0 <= i < len(self.t)) or not self.t[i].is_word:
            return False
        w = self.low(i)
        if _in(w, "be") or _in(w, "aux") or _in(w, "copula"):
            return w not in ("'s",)
        prev_det = i > 0 and (self.is_det(i - 1) or _in(self.low(i - 1), "prep") and self.low(i - 1) != "to")
        if w in self.lists.verb_forms:
            return not prev_det
        if w.endswith("ed") and len(w) > 3 and not w.endswith("eed") and "-" not in w:
            # "unarmed demonstrators", "the so-called ...": an -ed word before a plain noun is an adjective
            nxt = self.low(i + 1)
            plain_next = i + 1 < len(self.t) and self.t[i + 1].is_word and not (
                _in(nxt, "det") or _in(nxt, "prep") or _in(nxt, "pron") or self.is_adverb(i + 1)
                or self.t[i + 1].text[:1].isdigit() or _in(nxt, "quant") or _in(nxt, "subord") or nxt in ("and", "or"))
            return not prev_det and i > 0 and not plain_next
        return False

    def is_participle(self, i) -> bool:
        w = self.low(i)
        return (w.endswith(("ed", "en")) and len(w) > 3) or w in _lists().words.get("verb_form", ()) or (
            w in self.lists.verb_class and w.endswith(("ed", "en", "t")))

    def is_adverb(self, i) -> bool:
        w = self.low(i)
        return (w.endswith("ly") and len(w) > 3) or w in ("not", "never", "also", "still", "already", "just",
                                                           "n't", "again", "now", "then", "repeatedly")

    def hard_boundary(self, i) -> bool:
        w = self.low(i)
        if self.t[i].text in _HARD:
            return True
        if w in _COMMA_SUBORD:
            return i > 0 and self.t[i - 1].text == ","
        return _in(w, "subord")

    def is_speech(self, i) -> bool:
        return self.lists.verb_class.get(self.low(i)) == "speech" and self.verbish(i)

    # --- weights ---------------------------------------------------------------------------------------
    def put(self, i, weight, role):
        if i in self.w or self.L <= i <= self.R and not role.startswith("target"):
            return
        if not self.t[i].valence:
            return
        if weight and _in(self.low(i), "victim") and ("agent" not in role or "agent(harm)" not in role
                                                       and "agent-by(harm)" not in role):
            # V4: only a harm verb's agent owns a victim word ("rebels killed"); "X died" is not X's fault
            weight, role = 0.0, role + "(victim)"
        self.w[i] = (weight, role)

    def mark_charges(self, p, b, role):
        """T7b: the charge after a culpability word ("guilty of fraud") counts 0 toward the judged subject."""
        for k in range(p, b):
            for m in range(k + 1, min(self.t[k].charge_end, b)):
                self.put(m, 0.0, f"{role}:charge")

    # --- main ------------------------------------------------------------------------------------------
    def run(self):
        n = len(self.t)
        lo, hi = 0, n
        # T2: reported speech
        region, speaker_content = self.speech_region()
        if region is not None:
            lo, hi = region
        self.hi = hi
        # T3: clause around the target inside the region
        a = self.L
        while a > lo and not self.hard_boundary(a - 1):
            a -= 1
        b = self.R + 1
        while b < hi and not self.hard_boundary(b):
            b += 1
        self.clause(a, b)
        for i, role in speaker_content:
            self.put(i, 0.1, role)
        for i in range(n):
            if i in self.w or not self.t[i].valence or self.L <= i <= self.R:
                continue
            d = self.L - i if i < self.L else i - self.R
            if a <= i < b:
                self.put(i, 0.1 / (1 + d / 3), "context")
            elif lo <= i < hi:
                self.put(i, 0.03 / (1 + d / 3), "other-clause")
        return self.w

    def speech_region(self):
        """Returns ((lo, hi) region holding the target, [(i, role)] content words if the target speaks)."""
        n, L, R = len(self.t), self.L, self.R
        commas = [i for i in range(n) if self.t[i].text == ","]
        # "according to X, ..." / "..., according to X"
        for i in range(n - 1):
            if self.low(i) == "according" and self.low(i + 1) == "to":
                nxt = [c for c in commas if c > i]
                chunk = (i, nxt[0] if nxt else n)
                if chunk[0] <= L < chunk[1]:
                    return chunk, [(k, "speech-content") for k in range(n) if not chunk[0] <= k < chunk[1]]
                if L < i:
                    return (0, i), []
                return (chunk[1] + 1, n), []
        # "..., X said." : a final comma chunk holding a reporting verb
        lo_hi = (0, n)
        if commas:
            c = commas[-1]
            tail = [k for k in range(c + 1, n) if self.t[k].is_word]
            if 1 < len(tail) <= 8 and any(self.is_speech(k) for k in tail[1:]) and not self.verbish(tail[0]) \
                    and not any(self.verbish(k) and not self.is_speech(k) for k in tail):
                if L > c:
                    return (c + 1, n), [(k, "speech-content") for k in range(0, c)]
                lo_hi = (0, c)  # the target is in the content: look for nested speech inside it
        n = lo_hi[1]
        # "X said (that) ..." : reporting verb after the target with no other verb between
        for s in range(n):
            if not self.is_speech(s):
                continue
            if s > R:
                between = [k for k in range(R + 1, s) if self.verbish(k) and not (
                    _in(self.low(k), "aux") or self.is_adverb(k))]
                left_verbs = [k for k in range(0, L) if self.verbish(k)]
                if not between and not left_verbs:
                    start = s + 1 + (self.low(s + 1) == "that")
                    return (0, s + 1), [(k, "speech-content") for k in range(start, n)]
            elif s < L:
                start = s + 1 + (self.low(s + 1) == "that")
                if L >= start and not any(self.is_speech(k) for k in range(start, L)):
                    return (start, n), []
        return (lo_hi if lo_hi != (0, len(self.t)) else None), []

