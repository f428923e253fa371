"""The cue lexicon (``data/reporting_verbs.csv``) and whether a token is used as a cue in its context.

The lexicon lists PARC-style reporting verbs plus ``accuse``, ``according to`` ... with their inflections and
frames (how content attaches; see :mod:`helpers.quotes.content`). :meth:`CueUse.cue_ok` rejects uses that are
not cues: passive (``was told``, ``an interview reported by X``), negated (``did not say``), nominal (``the
claims``, ``a warning``, ``May's proposed deal``) and participle-initial (``Asked about it, ...``) uses; any cue
after a form of *be* other than an ``-ing`` form is a passive participle (``survivors being found alive``, ``it
was found that``). Court and inquiry verbs (``ruled``, ``determined``; frame ``that``) are cues only before an
explicit ``that``-clause (``ruled the country``, ``ruled out`` are not).

>>> lex = load_cue_lexicon()
>>> lex.loc[lex["lemma"] == "say", "frames"].item()
'clause|direct'
"""
from __future__ import annotations

import csv
import functools
import re

import pandas as pd

from helpers import paths
from helpers.quotes.words import (_ADVERBS, _AUX, _BE, _COMM_NOUNS, _DETS, _NEG, _NOUNISH_CUES,
    _OPEN_Q, _PRON_S, _SUBJ_PRONOUNS)


LEXICON_PATH = paths.PACKAGE_DATA / "reporting_verbs.csv"


def load_cue_lexicon() -> pd.DataFrame:
    """The documented cue lexicon: one row per lemma with its inflections, frames, notes and cue class.

    >>> lex = load_cue_lexicon()
    >>> {"say", "accuse", "according to"} <= set(lex["lemma"])
    True
    """
    with open(LEXICON_PATH, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return pd.DataFrame(rows, columns=["lemma", "inflections", "frames", "notes", "cue_class"]).fillna("")


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[str, frozenset]], dict[str, tuple[str, frozenset]]]:
    """(single-word form -> (lemma, frames), first word of two-word forms -> (lemma, frames))."""
    single: dict[str, tuple[str, frozenset]] = {}
    double: dict[str, tuple[str, frozenset]] = {}
    for row in load_cue_lexicon().itertuples(index=False):
        frames = frozenset(f for f in row.frames.split("|") if f)
        for form in row.inflections.split("|"):
            form = form.strip().lower()
            if not form:
                continue
            if " " in form:
                double[form] = (row.lemma, frames)
            else:
                single[form] = (row.lemma, frames)
    return single, double


CUE_CLASSES = ("speech", "naming", "request", "intention", "belief", "finding")


@functools.lru_cache(maxsize=1)
def _lemma_classes() -> dict[str, str]:
    """Inflected form (one or two words, lower case) -> cue class of its lemma in the lexicon."""
    out: dict[str, str] = {}
    for row in load_cue_lexicon().itertuples(index=False):
        for form in row.inflections.split("|"):
            if form.strip():
                out[form.strip().lower()] = row.cue_class or "speech"
    return out


_REQUEST_AFTER = re.compile(r"\s*(?:for\b|on\b|upon\b|(?:[\w’'.-]+\s+){0,6}?to\s+[a-z]+)", re.I)
_NAMING_AFTER = re.compile(r"\s*(?:\w+\s+){0,3}?(?:a|an|the)\s*[“\"]")  # called Cruz a "chicken"
_SPACES = re.compile(r"\s+")


def cue_class(text: str, kind: str, cue_start: int, cue_end: int) -> str:
    """The class of a statement's cue: ``speech``, ``naming``, ``request``, ``intention``, ``belief`` or
    ``finding`` (the lexicon's ``cue_class`` column). A statement without a cue (a floating quote, a colon
    attribution) is ``speech``. ``call`` and ``ask`` depend on what follows: ``called for``, ``called on X
    to``, ``asked X to``, ``asked for`` are requests; ``called X a "..."`` is naming; ``asked whether`` and a
    direct question are speech.

    >>> t = 'She called for calm. He called Cruz a "chicken". They asked whether it was over.'
    >>> [cue_class(t, "indirect", *m.span()) for m in re.finditer(r"called|asked", t)]
    ['request', 'naming', 'speech']
    """
    if cue_start < 0:
        return "speech"
    cue = _SPACES.sub(" ", text[cue_start:cue_end].lower())
    cls = _lemma_classes().get(cue) or _lemma_classes().get(cue.split(" ")[0]) or "speech"
    lemma_word = cue.split(" ")[0]
    if lemma_word in ("call", "calls", "called", "calling", "ask", "asks", "asked", "asking"):
        after = text[cue_end:cue_end + 80]
        if kind != "direct" and _REQUEST_AFTER.match(after) and not _NAMING_AFTER.match(after):
            return "request"
        return "naming" if lemma_word.startswith("call") else "speech"
    return cls


#: Verbs (and adjectives) whose object is the noun "plans": 'unveiled plans to', 'his announced plans to'.
_PLAN_OBJECT_VERBS = frozenset("unveil unveils unveiled announce announces announced announcing outline outlines "
                               "outlined has have had make makes made scrap scraps scrapped drop drops dropped "
                               "shelve shelved abandon abandoned revealed reveal detailed new future".split())


class CueUse:
    """Mixin of ``_Doc``: whether a lexicon token is used as a cue in its context."""

    def cue_ok(self, i: int) -> bool:
        """Is token i used as a reporting verb here (not a noun, passive, negated or participle-initial)?"""
        tl = self.tl
        t = tl[i]
        lemma, frames, last = self.cue_info[i]
        if lemma == "according to":
            return True
        if "that" in frames and frames <= {"that", "direct"}:
            k = self.skip_adjuncts(last + 1, self.n)
            if not (0 <= k < self.n and tl[k] == "that"):
                return False   # 'ruled out', 'rule changes', 'determined the cause': only 'ruled that ...' is a cue
        p = i - 1
        prev = tl[p] if p >= 0 else ""
        if prev in ("let's", "let’s"):
            return False
        if prev.endswith(("'s", "’s")) and prev not in _PRON_S:
            return False   # possessive: "May's proposed deal", "the company's stated aim"
        if prev in _DETS or prev in ("so", "so-called", "’s", "'s"):
            if prev not in ("one", "two", "three", "some", "many", "most", "all", "both", "several", "few") or \
                    t.endswith("ing"):
                return False
        if lemma == "plan" and (prev in _PLAN_OBJECT_VERBS or (t == "plan" and p >= 1 and (
                tl[p - 1] in _DETS or tl[p - 1].endswith(("'s", "’s"))) and not prev.endswith("s"))):
            return False   # nouns: 'unveiled plans to', 'his grand plan to', "Mrs. Clinton's tax plan would"
        if t == "say" and p >= 1 and tl[p - 1] in _DETS and (prev in ("more", "little", "real", "fair", "equal", "much")
                                                            or prev.endswith(("er", "est", "al", "ful", "ive"))):
            return False   # a noun after a determiner and an adjective: 'to win a greater say', 'the final say'
        # skip adverbs back to the auxiliary / subject
        k = p
        while k >= 0 and self.is_adverb(k) and tl[k] not in ("not",):
            k -= 1
        if k >= 0 and (tl[k] in _NEG or tl[k].endswith(("n't", "n’t")) or (
                tl[k] in ("to",) and k - 1 >= 0 and tl[k - 1] in (
                "declined", "refused", "decline", "declines", "refuses", "unable", "reluctant", "wanted", "want",
                "wants", "unwilling", "hesitant", "able", "likely", "expected", "due", "set", "scheduled",
                "planned", "plans", "plan", "going", "used", "about"))):
            return False
        if k >= 0 and tl[k] in _BE and not t.endswith("ing") and lemma != "according to":
            # passive ('was told', 'is said to', 'survivors being found alive', 'it was found that ...': no
            # agent to attribute to), except 'was quoted as saying' handled elsewhere; after a form of 'be' a
            # cue is a participle, never a finite verb
            return False
        if t.endswith("ed") and last + 1 < self.n and tl[last + 1] == "by" and not (k >= 0 and tl[k] in _AUX):
            return False  # reduced passive: 'an interview reported by IRNA'
        if k >= 0 and tl[k] in _BE and t.endswith("ing"):
            return True  # progressive: 'is saying', 'was warning'
        if t.endswith("ing"):
            # participles: ', adding that', 'as saying', 'saying:' ; not 'the warning', 'Asked ...'
            if prev in (",", "as", "and", "while", "before", "after", "—", "–", "by", "without") or \
                    prev in _ADVERBS:
                return True
            if prev in _COMM_NOUNS or prev in ("twitter", "facebook", "instagram", "television", "radio"):
                return True   # 'issued a statement saying ...', 'posted on Twitter saying ...'
            # absolute construction: 'with local press reporting ...'
            sp = self.np_left(i, max(0, i - 8))
            return bool(sp) and sp[0] > 0 and tl[sp[0] - 1] == "with"
        if t in ("asked", "told", "quoted", "called", "described", "accused", "reported", "announced",
                 "stated", "alleged", "estimated", "said", "noted", "written", "thought", "charged") and \
                (p < 0 or self.sent_start_tok(i) == i or prev in (",", "(") or
                 (prev in ("when", "if", "once", "as") and not (p - 1 >= 0 and (self.np_word(p - 1) or
                                                                              tl[p - 1] in _SUBJ_PRONOUNS)))) and \
                prev != ",":
            # 'Asked about it, X said', 'when asked', 'as reported by': participles, not finite cues
            if t != "said" or p < 0 or self.sent_start_tok(i) == i:
                return False
        if t in _NOUNISH_CUES and not t.endswith(("ing", "s")) and p >= 0 and self.tx[p][0].isupper() and \
                tl[p] not in _SUBJ_PRONOUNS and not tl[p].endswith("s") and \
                (last + 1 >= self.n or tl[last + 1] != "that"):
            return False
        if t in _NOUNISH_CUES and not t.endswith("ing") and not (p >= 0 and tl[p] in _SUBJ_PRONOUNS):
            nx = tl[last + 1] if last + 1 < self.n else ""
            plural_subject = p >= 0 and tl[p].endswith("s") and not tl[p].endswith(("'s", "’s", "ss")) and \
                tl[p] not in _DETS and tl[p][0].isalpha() and not t.endswith("s")
            if not (nx in ("that", ":", _OPEN_Q) or
                    (p >= 0 and (tl[p] in _SUBJ_PRONOUNS or self.tx[p][0].isupper() or plural_subject) and
                     self.has_clause(last + 1, min(
                        self.n, last + 18)) and not (p >= 0 and self.tx[p][0].isupper() and p - 1 >= 0 and
                                                      self.tx[p - 1][0].isupper() and not self._sent_initial(p - 1)
                                                      and t in ("states",)))):
                return False
        # a cue followed by another cue is a noun ('reports said')
        nxt = last + 1
        if nxt < self.n and nxt in self.cue_info and tl[nxt] not in ("that",) and \
                self.cue_info[nxt][0] not in ("according to",) and t.endswith("s") and not t.endswith("ss"):
            return False
        return True
