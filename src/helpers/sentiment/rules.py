"""The rule-based sentiment toward a target: clause structure and roles (rules T1-T9).

``toward(text, start, end)`` scores how the sentence around ``text[start:end]`` portrays that target, not the
sentence's overall tone. It is a transparent rule system over word valences; :func:`toward_evidence` lists every
word that counted, its role and weight. No POS tagger or parser data exists here, so grammar comes from small
hand-written word lists in ``helpers/data/sentiment_*`` and English word order.
Word valences (V1-V6) come from :mod:`helpers.sentiment.words`; the roles from
:mod:`helpers.sentiment.clauses` and :mod:`helpers.sentiment.roles`.

Structure:
  T1. Sentence window: only the sentence(s) holding the span count (the text model's sentences).
  T2. Reported speech: in "X said (that) Y", "Y, X said" and "according to X, Y", the content Y says little
      about the speaker X (weight 0.1); a target inside Y is analysed inside Y only, the attribution ignored.
  T3. Clauses: ``; : ( ) --`` and subordinators (while, because, although, after, when, ", but"...) split the
      sentence; the target's clause counts, other clauses count 0.03 / (1 + distance/3).
  T4. Words of the target span itself and premodifiers before it ("the corrupt regime") weight 1 (nouns
      used as modifiers, "riot police", 0.2); an apposition after it ("X, a respected doctor,") weight 1; a
      relative clause ("X, who was accused of ...") is a clause with X as its subject.
  T5. Subject (no verb between the clause start and the target): the first verb group after it is the
      target's. Active voice: the target is the agent; passive voice (be + participle): the target is the
      patient; copula (is, remains, seems...): the predicate describes the target (weight 1). Possessors and
      "of"-complements of the subject ("the regime of X", "X's shares") get half weight.
  T6. Agent/patient weights by verb class (``sentiment_verb_classes.csv``), applied to the verb's valence and
      its adverbs ("violently repressed"):

      ==========  =====  =======  ==================================================================
      class       agent  patient  meaning
      ==========  =====  =======  ==================================================================
      harm        1.0    0.0      "Security forces violently repressed the protests": negative toward
                                  the forces; the protests/victims are not blamed (neutral).
      sanction    0.0    1.0      fired, convicted, fined: the patient is portrayed as a wrongdoer.
      evaluate    0.1    1.0      criticize, praise, accuse: the judgement lands on the patient; for
                                  the evaluator it is reported opinion, weighted like T2 content.
      help        1.0    0.5      help, rescue, protect: helper positive, helped mildly positive.
      speech      0.0    0.0      said, told, warned, tweeted: neutral cues (see T2).
      exculpate   0.0    1.0      acquit, exonerate, absolve, vindicate, "clear (X) of" + a charge: the
                                  cleared party positive, the court neutral; the charge ("of murder")
                                  counts 0 toward the subject (like the sanction rest, T7).
      contest     -1.0   1.0      defeat, outscore, trounce: the lexicon valence is the loser's (defeated
                                  -2.1), so the winner (agent) gets it with the sign flipped, the
                                  loser (patient) as is.
      other       1.0    0.5      any other lexicon verb ("won", "failed", "lied").
      ==========  =====  =======  ==================================================================

  T7. The rest of an active clause (its objects) weighs 0.15 toward the subject (only its negative words after
      a harm verb: harming "innocent" people is no credit); after an evaluation, reporting or naming verb
      ("called critics dishonest") it is a judgement of someone else: 0.1 toward the subject, and 1.0 toward
      the object it describes ("praised X as brave"); after a sanction verb ("sentenced X for torture") 0 toward
      the subject (the judge). After an ``undergo`` verb (faced, received, drew, earned, garnered, attracted)
      the object is what happens to the subject: weight 1.0 ("faced criticism", "received an award"). "by X" after a
      passive verb makes X that verb's agent. An apposition of an object ("dismissed the former president, X,
      who ...") is not taken for a subject. A target after a preposition takes the patient weight of the
      event noun or verb right before the preposition ("attack on X", "criticism of X", "support for X").
      Coordinated verbs ("harassed and jailed") share the subject and voice; "to" + verb ("worked to save") continues the subject's predicate; a following clause whose
      subject is he/she/they/it ("..., but they are ...") counts at half weight. An introductory
      phrase starting with a preposition or subordinator ("In other results, X defeated Y") does not stop X
      being the subject; an age ("X, 42, a convicted murderer") does not hide an apposition.
  T7b. Culpability: responsible / liable / accountable / culpable / guilty / "to blame" before for/of is a
      judgement of the subject (weight 1 also after found/held: "was found guilty", "found X not guilty").
      With a negative charge (a negative word, a harm/sanction/victim word, or charge/wrongdoing...) it
      takes valence -1.5 (or its own if lower) and the charge counts 0 toward the subject; negated ("not
      responsible for the spill", "not guilty of fraud") it is x -0.74, i.e. mildly positive, whatever the
      charge. "responsible for security" (no bad charge, not negated) is a role: 0. Unnegated blame for a
      charge no lexicon scores ("responsible for the spill") is missed.
  T8. Any other word of the clause: 0.1 / (1 + distance/3) (distance in words to the target).

  T9. Minimum evidence: a weighted sum with ``|s| < 0.5`` (e.g. one distant word at weight 0.1-0.15) is no
      evidence and gives 0.0. Most news targets are portrayed neutrally; faint scores from words around them
      were the largest error source on real Wikinews sentences (see ``tests/gold/README_toward.md``).

  The weighted sum ``s`` is squashed like VADER's: ``toward = s / sqrt(s**2 + 15)`` in [-1, 1] (0.0 under T9);
  an empty, blank or out-of-range span returns 0.0, never raises.

Limits
------
Lexicon methods on news agree only moderately with people: VADER's paper reports r = 0.49 with mean human
ratings of New York Times editorial snippets, against 0.75 for one human rater. ``toward`` adds hand-written
grammar heuristics without a parser: long subjects, fronted objects, ellipsis, sarcasm, pronoun chains across
sentences, verbs that are also nouns, and implicit sentiment (facts that are bad news without bad words) are
missed. One article is no sample. The first rule set was fixed before measuring on the constructed gold in
``tests/gold/toward_gold.csv``; a second round (V4 widened, V5, contest/undergo verbs, T7 weights, T9) was
made after a blind check on real Wikinews sentences (``tests/gold/toward_gold_real.csv``). See
``tests/gold/README_toward.md`` for all figures and which of them are blind.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from helpers.sentiment.clauses import _MIN_EVIDENCE, sentence_memo
from helpers.sentiment.lexicon import _EVIDENCE_DTYPES, _as_text, _frame, normalize
from helpers.sentiment.roles import _Analysis
from helpers.sentiment.sentences import muted, target_window
from helpers.sentiment.words import _sentence_tokens

def _target_tokens(toks, s0: int, start: int, end: int) -> tuple[int, int] | None:
    idx = [i for i, t in enumerate(toks) if t.start + s0 < end and t.end + s0 > start]
    if not idx:
        return None
    return idx[0], idx[-1]


def _toward_rows(text: str, start: int, end: int, mute=()) -> list[dict]:
    """The rows of :func:`rule_evidence` as dicts (shared with the cache: read them, do not change them); with
    ``mute`` spans, of the target's sentence with those words muted (:func:`.sentences.muted`)."""
    text = _as_text(text)
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError, OverflowError):
        return []
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        return []
    if mute:
        s0, e0 = target_window(text, start, end)
        return list(_sentence_rows(muted(text, mute, s0, e0), s0, start, end))
    return list(_rows(text, start, end))


@lru_cache(maxsize=4096)
def _rows(text: str, start: int, end: int) -> tuple[dict, ...]:
    """:func:`_toward_rows` of a valid span, cached: a target scored for a stance and again as an actor mention
    (the same article, the same span) is analysed once."""
    s0, e0 = target_window(text, start, end)
    return _sentence_rows(text[s0:e0], s0, start, end)


def _sentence_rows(sentence: str, s0: int, start: int, end: int) -> tuple[dict, ...]:
    """The rule engine's rows for the target ``[start, end)`` of the sentence window ``sentence`` that starts at
    ``s0`` (all offsets into the article)."""
    toks = _sentence_tokens(sentence)
    span = _target_tokens(toks, s0, start, end)
    if span is None:
        return ()
    weights = _Analysis(toks, *span, _shared(sentence)).run()
    rows = []
    for i in sorted(weights):
        w, role = weights[i]
        t = toks[i]
        rows.append({"token": t.text, "start": t.start + s0, "end": t.end + s0, "valence": round(t.valence, 4),
                     "source": t.source, "role": role, "weight": round(w, 4),
                     "contribution": round(w * t.valence, 4)})
    return tuple(rows)


@lru_cache(maxsize=1024)
def _shared(sentence: str) -> tuple[list, dict]:
    """The target-independent part of the rule analysis of ``sentence`` (lower-cased words, verb memo), shared
    by every target of that sentence (:func:`helpers.sentiment.clauses.sentence_memo`)."""
    return sentence_memo(_sentence_tokens(sentence))


def rule_evidence(text: str, start: int, end: int) -> pd.DataFrame:
    """Every word that counts toward the target ``text[start:end]``: its valence, role, weight, contribution.

    Columns: ``token``, ``start``/``end`` (offsets into ``text``), ``valence`` (V1-V3), ``source`` (vader,
    afinn, news-supplement, verb-class-default, +negated), ``role`` (which rule assigned it), ``weight`` and
    ``contribution = weight * valence``; :func:`toward` is ``normalize(sum(contribution))``, or 0.0 when
    ``|sum| < 0.5`` (T9). Empty when the span is empty or out of range.

    >>> t = "Security forces violently repressed the protests."
    >>> rule_evidence(t, 0, 15)[["token", "role", "contribution"]].values.tolist()
    [['violently', 'subject:agent(harm)', -2.8], ['repressed', 'subject:agent(harm)', -1.3]]
    """
    return _frame(_toward_rows(text, start, end), _EVIDENCE_DTYPES)


def rule_toward(text: str, start: int, end: int) -> float:
    """Sentiment in [-1, 1] expressed toward the target ``text[start:end]`` (rules V1-V5, T1-T9 above).

    Returns 0.0 for an empty, blank or out-of-range span; never raises.

    >>> t = "Security forces violently repressed the protests."
    >>> round(rule_toward(t, 0, 15), 3), round(rule_toward(t, 36, 48), 3)
    (-0.727, 0.0)
    >>> t = "The senator, a respected former judge, was criticized by nobody."
    >>> rule_toward(t, 0, 11) > 0
    True
    >>> t = "Maroochydore defeated Caboolture 43-5."
    >>> rule_toward(t, 0, 12) > 0 > rule_toward(t, 22, 32)
    True
    """
    total = 0.0
    for r in _toward_rows(text, start, end):
        total += r["contribution"]
    return round(normalize(total), 4) if abs(total) >= _MIN_EVIDENCE else 0.0


