"""Word valences for the rule-based sentiment toward a target (rules V1-V6 and T7b), and the word lists.

No POS tagger or parser data exists here, so grammar comes from small hand-written word lists in
``helpers/data/sentiment_*`` and English word order.

Word valence (per word of the target's sentence):
  V1. VADER's valence after its word rules (negation, boosters, caps), *before* its sentence-wide "but" rule
      (clauses are handled by T3). Words VADER lacks fall back to AFINN (times 0.8, to VADER's scale), then to
      a 23-word news supplement (``sentiment_toward_lexicon.csv``: 19 words attested in the project's
      unannotated corpora, 4 general violence terms), then to a verb-class default; fallbacks get VADER's
      negation rule (x -0.74 after not/never/no... within three words).
  V2. Words whose lexicon valence is topical in news, not a judgement (like, party, united, interest, police,
      protesters, emergency...: ``neutral`` list) and reporting verbs (said, warned, argued, denied...) count 0.
  V3. Capitalised words inside a multi-word proper name (Human Rights Watch, Justice Department) count 0.
  V4. Victim states (afraid, injured, homeless, killed, died, death, sadness, condolences...: ``victim`` list)
      count 0 in every role except as the verb of a harm-class agent ("rebels killed"): a person who suffers,
      dies or mourns is not thereby portrayed badly ("X died": neutral toward X).
  V5. Sanction words that VADER barely scores ("sentenced": -0.1) take their verb-class default instead
      ("sentenced": -1.5), unless negated; likewise exculpations ("acquitted", "cleared of" + a charge) take
      +1.5.
  V6. Negative subjects: a verb whose subject starts with nobody / no one / none (of ...) / nothing / neither
      or "no" + noun ("None of the critics blamed X", "No official was criticized"), or whose by-agent is one
      ("criticized by nobody"), is negated (x -0.74) unless VADER's three-word rule already negated it. Only the
      verb is negated, not its objects or complements ("Nobody called him corrupt" is still missed).

The culpability frame (T7b, see :mod:`helpers.sentiment.roles`) also sets valences here: responsible / liable /
guilty / "to blame" + for/of a charge. Tokens come from the project's one tokeniser, ``helpers.text.tokenize``.
"""
from __future__ import annotations

import bisect
import csv
from dataclasses import dataclass
from functools import lru_cache

from helpers import paths
from helpers import text as tm
from helpers.sentiment.lexicon import _afinn, _trace

# ----------------------------------------------------------------------------------------------------------
# toward: word lists
# ----------------------------------------------------------------------------------------------------------
def _data_rows(name: str) -> list[dict]:
    path = paths.PACKAGE_DATA / name
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def _inflect(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s"}
    vowels = "aeiou"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in vowels:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing", lemma + "ing"}
    else:
        forms |= {lemma + "ed", lemma + "ing"}
    if len(lemma) >= 3 and lemma[-1] not in vowels + "wxy" and lemma[-2] in vowels and lemma[-3] not in vowels:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@dataclass(frozen=True)
class _Lists:
    words: dict  # list name -> frozenset
    verb_forms: frozenset
    verb_class: dict  # form -> class (verbs)
    noun_class: dict  # event noun -> class
    class_default: dict  # form/noun -> default valence
    supplement: dict  # word -> valence


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    words: dict[str, set] = {}
    for r in _data_rows("sentiment_toward_lists.csv"):
        words.setdefault(r["list"], set()).add(r["word"])
    verb_forms = set(words.get("verb_form", set()))
    for lemma in words.get("verb", set()):
        verb_forms |= _inflect(lemma)
    verb_class, noun_class, default = {}, {}, {}
    for r in _data_rows("sentiment_verb_classes.csv"):
        lemma, cls, dflt = r["lemma"], r["class"], float(r["default"] or 0)
        extra = r["forms"] or ""
        if extra.startswith("="):
            forms = set(extra[1:].split("|"))
        else:
            forms = _inflect(lemma) | {f for f in extra.split("|") if f}
        for f in forms:
            verb_class.setdefault(f, cls)
            default.setdefault(f, dflt)
        for nn in (r["nouns"] or "").split("|"):
            if nn:
                noun_class.setdefault(nn, cls)
                default.setdefault(nn, dflt)
    verb_forms |= set(verb_class)
    supplement = {r["word"]: float(r["valence"]) for r in _data_rows("sentiment_toward_lexicon.csv")}
    return _Lists({k: frozenset(v) for k, v in words.items()}, frozenset(verb_forms), verb_class, noun_class,
                  default, supplement)


_EMPTY: frozenset = frozenset()


_NAMED: dict[str, frozenset] = {}  # list name -> its words, looked up once (``_in`` runs for most tokens)


def _in(word: str, name: str) -> bool:
    words = _NAMED.get(name)
    if words is None:
        words = _NAMED[name] = _lists().words.get(name, _EMPTY)
    return word in words





@dataclass(slots=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int
    valence: float = 0.0
    source: str = ""
    charge_end: int = -1  # T7b: end (exclusive) of the charge after a culpability word ("guilty of fraud"), else -1

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def _negated_before(toks: list[_Tok], i: int) -> bool:
    from vaderSentiment.vaderSentiment import negated

    prev = [t.low for t in toks[max(0, i - 3):i] if t.is_word]
    return bool(prev) and negated(prev)


@lru_cache(maxsize=4096)
def _sentence_tokens(sentence: str) -> tuple[_Tok, ...]:
    """Tokens of one sentence with their toward-valence (rules V1-V3); offsets relative to the sentence."""
    lists = _lists()
    toks = [_Tok(sentence[a:b], sentence[a:b].lower(), a, b) for a, b in tm.tokenize(sentence)]  # THE tokeniser
    traces, _, _ = _trace(sentence) if sentence.strip() else ((), 0.0, 0.0)
    by_start: dict[int, float] = {}
    negated_at: set[int] = set()
    for t in traces:
        by_start[t.start] = by_start.get(t.start, 0.0) + t.rule_valence
        if "negated" in t.modifiers:
            negated_at.add(t.start)
    starts = [t.start for t in toks]
    vader_val: dict[int, float] = {}
    vader_negated: set[int] = set()
    for s, v in by_start.items():
        j = bisect.bisect_right(starts, s) - 1  # the last token starting at or before s (starts ascend)
        if j >= 0 and s < toks[j].end:
            vader_val[j] = vader_val.get(j, 0.0) + v
            if s in negated_at:
                vader_negated.add(j)
    afinn = _afinn()._dict
    for i, t in enumerate(toks):
        if not t.is_word:
            continue
        low = t.low.replace("’", "'")
        if i in vader_val:
            t.valence, t.source = vader_val[i], "vader"
        elif low in afinn and " " not in low:
            t.valence, t.source = 0.8 * afinn[low], "afinn"
        elif low in lists.supplement:
            t.valence, t.source = lists.supplement[low], "news-supplement"
        elif lists.class_default.get(low, 0.0):
            t.valence, t.source = lists.class_default[low], "verb-class-default"
        if t.source == "vader" and (lists.verb_class.get(low) or lists.noun_class.get(low)) == "sanction" \
                and lists.class_default.get(low, 0.0) < t.valence and not _negated_before(toks, i):
            # V5: a sanction word VADER barely scores ("sentenced": -0.1) gets its class default
            t.valence, t.source = lists.class_default[low], "verb-class-default"
        if t.source in ("afinn", "news-supplement", "verb-class-default") and _negated_before(toks, i):
            t.valence *= -0.74
            t.source += "+negated"
        if t.valence and (_in(low, "neutral") or lists.verb_class.get(low) == "speech"):
            t.valence, t.source = 0.0, ""
        if t.valence and i > 0 and t.text[:1].isupper() and not t.text.isupper():
            nb = [toks[k] for k in (i - 1, i + 1) if 0 <= k < len(toks) and k != 0]
            if any(n.is_word and n.text[:1].isupper() for n in nb):
                t.valence, t.source = 0.0, ""
    for i, t in enumerate(toks):
        # V6: "Nobody blamed X", "None of the critics praised X", "criticized by no one": the verb is negated
        if t.valence and _is_verb_form(t.low) and i not in vader_negated and "negated" not in t.source \
                and (_negative_subject(toks, i) or _negative_by_agent(toks, i)):
            t.valence *= _N_SCALAR
            t.source = (t.source or "vader") + "+negated-subject"
    for i, t in enumerate(toks):
        if _exculpating(toks, i) and t.valence < _EXCULPATE_DEFAULT and not _negated_before(toks, i):
            # V5: an exculpation VADER barely scores ("cleared of": +0.4) gets the class default
            t.valence, t.source = _EXCULPATE_DEFAULT, "verb-class-default"
    for i, t in enumerate(toks):
        # T7b: "responsible for the spill", "not guilty of fraud", "(not) to blame for the crash"
        _culpability_frame(toks, i, vader_negated)
    return tuple(toks)


#: VADER's negation factor (``vaderSentiment.N_SCALAR``), reused by rules V1 and V6.
_N_SCALAR = -0.74
#: V5 default valence of an exculpation ("acquitted", "cleared of"), the mirror of the sanction default.
_EXCULPATE_DEFAULT = 1.5
#: T7b valence of a culpability word before a negative charge ("responsible for the spill").
_CULPABLE_DEFAULT = -1.5
_CHARGE_WORDS = frozenset(["charge", "charges", "allegation", "allegations", "wrongdoing", "accusation",
                           "accusations", "misconduct", "negligence", "responsibility", "blame", "liability"])
_NOT_NEG_DET = frozenset(["longer", "doubt", "matter", "more", "less", "way", "sooner"])
_CULPABLE_ROLE_ONLY = frozenset(["responsible", "accountable", "liable"])


def _is_verb_form(w: str) -> bool:
    lists = _lists()
    return w in lists.verb_forms or w in lists.verb_class


def _exculpating(toks, i) -> bool:
    """True when ``toks[i]`` is an exculpation: an ``exculpate``-class verb or noun, or "clear(ed)" before "of"."""
    lists = _lists()
    w = toks[i].low
    if (lists.verb_class.get(w) or lists.noun_class.get(w)) == "exculpate":
        return True
    if w not in ("clear", "clears", "cleared", "clearing"):
        return False
    k = i + 1  # "cleared of ...", "cleared the driver of ...": only when a charge follows "of"
    while k < len(toks) and k - i <= 5 and toks[k].is_word and toks[k].low != "of" and not _is_verb_form(toks[k].low):
        k += 1
    if k >= len(toks) or toks[k].low != "of":
        return False
    return any(c.valence < 0 or c.low in _CHARGE_WORDS for c in toks[k + 1:k + 6] if c.is_word)


def _neg_quantifier_at(toks, k) -> bool:
    """nobody / nothing / none / neither / no one, or "no" + noun ("no official"), starting at token k."""
    w = toks[k].low
    if _in(w, "neg_subject"):
        return True
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    return w == "no" and k + 1 < len(toks) and toks[k + 1].is_word and nxt not in _NOT_NEG_DET


def _negative_subject(toks, i) -> bool:
    """V6: is the subject of the verb ``toks[i]`` a negative quantifier ("None of the critics blamed")?"""
    j = i - 1
    while j >= 0 and toks[j].is_word and (_in(toks[j].low, "aux") or _in(toks[j].low, "be")
                                          or toks[j].low.endswith("ly") and len(toks[j].low) > 3):
        j -= 1
    k = j
    while k >= 0 and toks[k].is_word and j - k < 6 and not _in(toks[k].low, "subord") \
            and not _in(toks[k].low, "relpron") and (k == j or not _is_verb_form(toks[k].low)
                                                   or _in(toks[k].low, "neg_subject")):
        k -= 1
    first = k + 1
    return first <= j and _neg_quantifier_at(toks, first)


def _negative_by_agent(toks, i) -> bool:
    """V6: a participle whose by-agent is a negative quantifier ("criticized by nobody")."""
    return i + 2 < len(toks) and toks[i + 1].low == "by" and _neg_quantifier_at(toks, i + 2)


def _culpability_frame(toks, i, vader_negated: set) -> None:
    """T7b: set the valence and charge span of a culpability word followed by for/of (in place)."""
    t = toks[i]
    if not _in(t.low, "culpable") or i + 1 >= len(toks) or toks[i + 1].low not in ("for", "of"):
        return
    if t.low == "blame" and not (i > 0 and toks[i - 1].low == "to"):  # "blame" only as "(not) to blame for"
        return

    def flipped(k):  # valence already negated by VADER or by V1/V6
        return k in vader_negated or "negated" in toks[k].source

    e = i + 2
    while e < len(toks) and toks[e].is_word and not _in(toks[e].low, "subord") and not _in(toks[e].low, "relpron"):
        e += 1
    bad = any(toks[k].valence and (toks[k].valence < 0) != flipped(k) for k in range(i + 2, e))
    good = any(toks[k].valence and (toks[k].valence > 0) != flipped(k) for k in range(i + 2, e))
    lists = _lists()
    bad = bad or any(_in(toks[k].low, "victim") or (lists.noun_class.get(toks[k].low) or lists.verb_class.get(
        toks[k].low)) in ("harm", "sanction") or toks[k].low in _CHARGE_WORDS for k in range(i + 2, e))
    negated = flipped(i) or _negated_before(list(toks), i)
    if not bad and (good or not negated):  # "responsible for security", "for the success": a role or credit
        if t.low in _CULPABLE_ROLE_ONLY:  # "responsible for security": a role, not a virtue
            t.valence, t.source = 0.0, ""
        return
    base = t.valence / _N_SCALAR if flipped(i) else t.valence
    v = min(base, _CULPABLE_DEFAULT) if base <= 0 else _CULPABLE_DEFAULT
    t.valence = v * _N_SCALAR if negated else v
    t.source = "culpability" + ("+negated" if negated else "")
    t.charge_end = e


