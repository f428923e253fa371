"""Tone of quoted statements and sentiment toward actors, with the evidence shown (notebook 05_sentiment).

Statement tone
--------------
:func:`score` is VADER's compound score (Hutto & Gilbert 2014), computed by ``vaderSentiment`` 3.3.2 with the
``vader_lexicon.txt`` that ships inside that PyPI package: ``score(t) == SentimentIntensityAnalyzer()
.polarity_scores(t)["compound"]`` exactly. Nothing is downloaded; NLTK's copy of the lexicon is never used.
One analyzer is created lazily per process.

:func:`explain` re-runs VADER's own per-word steps (its ``sentiment_valence`` helpers, ``_but_check`` and
``_punctuation_emphasis``) one word at a time and reports, for every lexicon word, its lexicon valence, the
valence after VADER's word rules (negation within three words, "no", boosters/dampeners, ALL-CAPS emphasis,
idioms, "least"), the valence after the "but" rule, and a ``modifiers`` string naming what changed it. The
explanation *is* the computation: ``round(normalize(sum(final_valence)), 4) == score(text)`` (see
:func:`compound_from`), tested on thousands of corpus sentences.

A second, independent lexicon, AFINN-en-165 (shipped in the ``afinn`` PyPI package), gives :func:`score_afinn`:
the AFINN sum ``x`` normalised with VADER's own squashing ``x / sqrt(x**2 + 15)``, so both scores live on
[-1, 1] with the same curvature. :func:`agreement` reports Pearson r, Spearman rho, three-way label agreement and
Cohen's kappa between two score lists, so conclusions never rest on one lexicon.

Labels: ``> 0.05`` positive, ``< -0.05`` negative, else neutral (VADER's authors' published thresholds).

Sentiment toward a target (:func:`toward`)
------------------------------------------
``toward(text, start, end)`` scores how the sentence around ``text[start:end]`` portrays that target, not the
sentence's overall tone. It is a transparent rule system over word valences; :func:`toward_evidence` lists every
word that counted, its role and weight. No POS tagger or parser data exists here, so grammar comes from small
hand-written word lists in ``helpers/data/sentiment_*`` and English word order.

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

Structure:
  T1. Sentence window: only the sentence(s) holding the span count (abbreviation-aware splitter).
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

import csv
import math
import re
import string
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from helpers import paths, wordlists
from helpers.tables import Column

#: |score| below this is neutral (VADER authors' recommended threshold for the compound score).
NEUTRAL_BAND = 0.05
#: VADER's normalisation constant (``normalize(score, alpha=15)``), reused for AFINN and toward.
ALPHA = 15.0

_EXPLAIN_DTYPES = {"token": "string", "start": "int64", "end": "int64", "kind": "string", "lexicon_valence": "float64",
                   "rule_valence": "float64", "final_valence": "float64", "modifiers": "string"}
_EVIDENCE_DTYPES = {"token": "string", "start": "int64", "end": "int64", "valence": "float64", "source": "string",
                    "role": "string", "weight": "float64", "contribution": "float64"}
EXPLAIN_COLUMNS = list(_EXPLAIN_DTYPES)
EVIDENCE_COLUMNS = list(_EVIDENCE_DTYPES)


def _frame(rows: list[dict], dtypes: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly these columns and dtypes, built column by column (cheap for small tables)."""
    return pd.DataFrame({c: pd.array([r[c] for r in rows], dtype=d) for c, d in dtypes.items()})

#: Columns this stage reads from quotes.csv (written by 04_quotes; other columns are ignored).
QUOTES_INPUT_SCHEMA = [
    Column("article_id", "str", "article"),
    Column("kind", "str", "statement kind"),
    Column("quote_start", "int", "start offset of the statement"),
    Column("quote_end", "int", "end offset of the statement"),
    Column("quote_text", "str", "statement text"),
    Column("speaker", "str", "speaker as written"),
    Column("actor", "str", "speaker's actor"),
]
#: Columns this stage reads from mentions.csv (written by 03_actors; other columns are ignored).
MENTIONS_INPUT_SCHEMA = [
    Column("article_id", "str", "article"),
    Column("start", "int", "start offset of the mention"),
    Column("end", "int", "end offset of the mention"),
    Column("mention", "str", "mention text"),
    Column("actor_id", "str", "actor id"),
    Column("canonical_name", "str", "canonical name"),
    Column("actor_type", "str", "actor type"),
]

SENTIMENT_QUOTES_SCHEMA = [
    Column("article_id", "str", "article the statement comes from"),
    Column("quote_start", "int", "start offset of the statement in the raw article text"),
    Column("quote_end", "int", "end offset (exclusive) of the statement in the raw article text"),
    Column("kind", "str", "statement kind from quotes.csv (e.g. direct, indirect, mixed)"),
    Column("speaker", "str", "speaker as written in the text"),
    Column("actor", "str", "speaker's actor (codebook name) or empty"),
    Column("speaker_group", "str", "group used for per-speaker summaries: actor, else '(unresolved pronoun)' for he/she/they..., else speaker, else '(unattributed)'"),
    Column("quote_text", "str", "the statement text"),
    Column("vader", "float", "VADER compound score of the statement, -1..1"),
    Column("vader_label", "str", "negative / neutral / positive (|vader| < 0.05 is neutral)"),
    Column("afinn", "float", "AFINN-en-165 sum normalised x/sqrt(x^2+15), -1..1"),
    Column("afinn_label", "str", "negative / neutral / positive from afinn with the same band"),
    Column("evidence", "str", "VADER words that moved the score: word(final valence)[modifiers], in text order"),
    Column("afinn_evidence", "str", "AFINN words that matched: word(value)"),
]

SENTIMENT_ACTORS_SCHEMA = [
    Column("article_id", "str", "article of the mention"),
    Column("start", "int", "start offset of the actor mention in the raw article text"),
    Column("end", "int", "end offset (exclusive) of the mention"),
    Column("mention", "str", "mention text"),
    Column("actor_id", "str", "actor identifier from mentions.csv"),
    Column("canonical_name", "str", "actor's canonical name"),
    Column("actor_type", "str", "actor type from the codebook"),
    Column("sentence_start", "int", "start offset of the sentence window used"),
    Column("sentence_end", "int", "end offset of the sentence window used"),
    Column("toward", "float", "sentiment toward the mention (helpers.sentiment.toward), -1..1"),
    Column("toward_label", "str", "negative / neutral / positive from toward"),
    Column("sentence_vader", "float", "VADER compound of the whole sentence (the baseline toward improves on)"),
    Column("evidence", "str", "words that counted toward the actor: word(contribution)[role], strongest first"),
]


# ----------------------------------------------------------------------------------------------------------
# VADER: score and explain
# ----------------------------------------------------------------------------------------------------------
_ANALYZER = None
_AFINN = None


def _vader():
    """The module's single VADER analyzer (lexicon from the vaderSentiment package folder), created lazily."""
    global _ANALYZER
    if _ANALYZER is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        _ANALYZER = SentimentIntensityAnalyzer()
    return _ANALYZER


def _as_text(text) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return text if isinstance(text, str) else str(text)


def label(value: float, band: float = NEUTRAL_BAND) -> str:
    """Map a score in [-1, 1] to ``negative`` / ``neutral`` / ``positive`` (``|value| < band`` is neutral).

    >>> label(0.3), label(-0.04), label(-0.5)
    ('positive', 'neutral', 'negative')
    """
    if value is None or not math.isfinite(value) or abs(value) < band:
        return "neutral"
    return "positive" if value > 0 else "negative"


def normalize(value: float, alpha: float = ALPHA) -> float:
    """VADER's squashing of a valence sum into [-1, 1]: ``x / sqrt(x**2 + alpha)``.

    >>> round(normalize(2.0), 4)
    0.4588
    """
    from vaderSentiment.vaderSentiment import normalize as _norm

    return float(_norm(value, alpha))


def score(text: str) -> float:
    """VADER's compound score of ``text`` in [-1, 1], exactly ``polarity_scores(text)["compound"]``.

    Never raises: empty or blank text (or anything VADER cannot read) gives 0.0.

    >>> score("The shoot-to-kill order is wrong and should be rescinded.")
    -0.4767
    >>> score("")
    0.0
    """
    text = _as_text(text)
    if not text.strip():
        return 0.0
    try:
        return float(_vader().polarity_scores(text)["compound"])
    except Exception:  # pragma: no cover - VADER has no known failing input; the contract is "never raise"
        return 0.0


def _emoji_replaced(text: str) -> tuple[str, list[int]]:
    """VADER's emoji-to-description rewrite, with a map from each output character to its input offset."""
    emojis = _vader().emojis
    out: list[str] = []
    omap: list[int] = []
    prev_space = True
    for idx, ch in enumerate(text):
        if ch in emojis:
            desc = emojis[ch]
            if not prev_space:
                out.append(" ")
                omap.append(idx)
            out.extend(desc)
            omap.extend([idx] * len(desc))
            prev_space = False
        else:
            out.append(ch)
            omap.append(idx)
            prev_space = ch == " "
    return "".join(out), omap


@dataclass(frozen=True)
class _WordTrace:
    index: int
    token: str
    start: int
    end: int
    lexicon_valence: float
    rule_valence: float
    final_valence: float
    modifiers: str


def _trace_word(words: list[str], i: int, is_cap_diff: bool) -> tuple[float, float, list[str]]:
    """VADER's ``sentiment_valence`` for lexicon word ``words[i]``, step by step with VADER's own helpers."""
    from vaderSentiment import vaderSentiment as V

    an = _vader()
    lex = an.lexicon
    item = words[i]
    low = item.lower()
    mods: list[str] = []
    base = lex[low]
    valence = base
    if low == "no" and i != len(words) - 1 and words[i + 1].lower() in lex:
        valence = 0.0
        mods.append("no-before-sentiment-word:nullified")
    if (i > 0 and words[i - 1].lower() == "no") or (i > 1 and words[i - 2].lower() == "no") or (
        i > 2 and words[i - 3].lower() == "no" and words[i - 1].lower() in ["or", "nor"]
    ):
        valence = base * V.N_SCALAR
        mods.append("negated:no")
    if item.isupper() and is_cap_diff:
        valence = valence + V.C_INCR if valence > 0 else valence - V.C_INCR
        mods.append("caps")
    for start_i in range(0, 3):
        if i > start_i and words[i - (start_i + 1)].lower() not in lex:
            prev = words[i - (start_i + 1)]
            s = V.scalar_inc_dec(prev, valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            if s != 0:
                kind = "booster" if V.BOOSTER_DICT.get(prev.lower(), 0) > 0 else "dampener"
                mods.append(f"{kind}:{prev.lower()}({s:+.3f})")
            valence = valence + s
            before = valence
            valence = an._negation_check(valence, words, start_i, i)
            if valence != before:
                ratio = valence / before if before else float("nan")
                if abs(ratio - V.N_SCALAR) < 1e-9:
                    mods.append(f"negated:{prev.lower()}")
                else:
                    mods.append(f"emphasis:never-so(x{ratio:.2f})")
            if start_i == 2:
                before = valence
                valence = an._special_idioms_check(valence, words, i)
                if valence != before:
                    mods.append(f"multiword-rule({before:+.3f}->{valence:+.3f})")
    before = valence
    valence = an._least_check(valence, words, i)
    if valence != before:
        mods.append("negated:least")
    return base, valence, mods


@lru_cache(maxsize=8192)
def _trace(text: str) -> tuple[tuple[_WordTrace, ...], float, float]:
    """(lexicon-word traces, signed punctuation emphasis, compound) for ``text``, the VADER way."""
    from vaderSentiment import vaderSentiment as V

    an = _vader()
    processed, omap = _emoji_replaced(text)
    stripped = processed.strip()
    senti = V.SentiText(stripped)
    words = senti.words_and_emoticons
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\S+", processed):
        tok = m.group()
        w = V.SentiText._strip_punc_if_word(tok)
        if w == tok:
            s, e = m.start(), m.end()
        else:
            s = m.start() + len(tok) - len(tok.lstrip(string.punctuation))
            e = s + len(w)
        spans.append((omap[s], omap[e - 1] + 1))
    if len(spans) != len(words):  # pragma: no cover - str.split and \S+ agree on every Unicode space
        spans = [(-1, -1)] * len(words)
    sentiments: list[float] = []
    traces: dict[int, tuple[float, float, list[str]]] = {}
    for i, item in enumerate(words):
        low = item.lower()
        if low in V.BOOSTER_DICT or (i < len(words) - 1 and low == "kind" and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        sentiments = an.sentiment_valence(0, senti, item, i, sentiments)
        if low in an.lexicon:
            base, rule, mods = _trace_word(words, i, senti.is_cap_diff)
            if rule != sentiments[-1]:  # pragma: no cover - the trace mirrors VADER step by step
                rule, mods = sentiments[-1], mods + ["unexplained"]
            traces[i] = (base, rule, mods)
    finals = an._but_check(words, list(sentiments))
    out = []
    for i, (base, rule, mods) in traces.items():
        final = finals[i]
        mods = list(mods)
        if final != sentiments[i]:
            mods.append(f"but-weight(x{final / sentiments[i]:.1f})" if sentiments[i] else "but-weight")
        out.append(_WordTrace(i, words[i], spans[i][0], spans[i][1], float(base), float(rule), float(final),
                              ";".join(mods)))
    punct = 0.0
    if finals:
        amp = an._punctuation_emphasis(stripped)
        total = float(sum(finals))
        if amp and total > 0:
            punct = amp
        elif amp and total < 0:
            punct = -amp
    compound = an.score_valence(finals, stripped)["compound"] if words else 0.0
    return tuple(out), float(punct), float(compound)


def explain(text: str) -> pd.DataFrame:
    """The words that moved VADER's score of ``text``, with their valences and what modified them.

    One row per VADER lexicon word (``kind == "word"``), in text order: ``token`` as VADER saw it,
    ``start``/``end`` offsets into ``text``, ``lexicon_valence`` (VADER lexicon), ``rule_valence`` (after
    negation, boosters, caps, idioms, "least"), ``final_valence`` (after the "but" rule: what VADER sums) and
    ``modifiers`` (e.g. ``negated:not;booster:very(+0.293);caps;but-weight(x1.5)``). When ``!``/``?`` add
    emphasis, one more row with ``kind == "punctuation"`` (offsets -1) holds it, signed like the sum.
    ``compound_from(explain(t)) == score(t)``.

    >>> df = explain("The plan is not good, but the results are very good!")
    >>> [(r.token, round(r.final_valence, 4), r.modifiers) for r in df.itertuples()]  # doctest: +NORMALIZE_WHITESPACE
    [('good', -0.703, 'negated:not;but-weight(x0.5)'),
     ('good', 3.2895, 'booster:very(+0.293);but-weight(x1.5)'),
     ('<punctuation>', 0.292, '')]
    >>> compound_from(df) == score("The plan is not good, but the results are very good!")
    True
    """
    text = _as_text(text)
    rows = []
    if text.strip():
        traces, punct, _ = _trace(text)
        for t in traces:
            rows.append({"token": t.token, "start": t.start, "end": t.end, "kind": "word",
                         "lexicon_valence": t.lexicon_valence, "rule_valence": t.rule_valence,
                         "final_valence": t.final_valence, "modifiers": t.modifiers})
        if punct:
            rows.append({"token": "<punctuation>", "start": -1, "end": -1, "kind": "punctuation",
                         "lexicon_valence": 0.0, "rule_valence": punct, "final_valence": punct, "modifiers": ""})
    return _frame(rows, _EXPLAIN_DTYPES)


def compound_from(explanation: pd.DataFrame) -> float:
    """Rebuild VADER's compound from an :func:`explain` table: ``round(normalize(sum(final_valence)), 4)``.

    >>> compound_from(explain("A good, honest and brave man."))
    0.8625
    """
    total = 0.0
    for v in explanation["final_valence"].tolist():  # left-to-right, like VADER's sum()
        total += v
    return round(normalize(total), 4) if total else 0.0


def evidence_string(text: str, limit: int = 12) -> str:
    """Compact evidence for a table cell: ``word(final)[modifiers]`` in text order, punctuation last.

    >>> evidence_string("It is not a good idea!")
    'good(-1.406)[negated:not]; !(-0.292)'
    """
    df = explain(text)
    parts = []
    for r in df.itertuples(index=False):
        if r.kind == "punctuation":
            parts.append(f"!(" + f"{r.final_valence:+.3f})")
            continue
        mod = f"[{r.modifiers}]" if r.modifiers else ""
        parts.append(f"{r.token}({r.final_valence:+.3f}){mod}")
    if len(parts) > limit:
        parts = parts[:limit] + [f"... {len(parts) - limit} more"]
    return "; ".join(parts)


# ----------------------------------------------------------------------------------------------------------
# AFINN and agreement
# ----------------------------------------------------------------------------------------------------------
def _afinn():
    global _AFINN
    if _AFINN is None:
        from afinn import Afinn

        _AFINN = Afinn(language="en", emoticons=False)
    return _AFINN


def afinn_raw(text: str) -> float:
    """AFINN-en-165 sum of word values (integers -5..5) found in ``text``.

    >>> afinn_raw("good and bad")
    0.0
    """
    text = _as_text(text)
    return float(_afinn().score(text)) if text.strip() else 0.0


def score_afinn(text: str) -> float:
    """AFINN-en-165 score in [-1, 1]: the raw AFINN sum ``x`` squashed as VADER does, ``x / sqrt(x**2 + 15)``.

    AFINN has no negation or booster rules: it is a plain word-sum, independent of VADER's lexicon and rules.

    >>> round(score_afinn("The order is wrong and should be rescinded."), 4)
    -0.4588
    """
    raw = afinn_raw(text)
    return raw / math.sqrt(raw * raw + ALPHA) if raw else 0.0


def afinn_evidence(text: str) -> str:
    """AFINN words found in ``text`` with their values: ``word(value)``.

    >>> afinn_evidence("A wrong and cruel order")
    'wrong(-2); cruel(-3)'
    """
    text = _as_text(text)
    if not text.strip():
        return ""
    af = _afinn()
    return "; ".join(f"{w}({af._dict[w]})" for w in af.find_all(text))


def agreement(a, b, band: float = NEUTRAL_BAND) -> dict:
    """Agreement between two score lists (e.g. VADER and AFINN on the same statements).

    Returns ``n`` (pairs with both values finite), ``pearson``, ``spearman`` (Pearson on average ranks),
    ``label_agreement`` (share with the same negative/neutral/positive label, ``band`` as neutral zone),
    ``sign_agreement`` (share of pairs where both are non-neutral that have the same sign), ``cohen_kappa``
    (three labels) and ``mean_abs_diff``. Correlations are NaN when fewer than 3 pairs or a constant list.

    >>> r = agreement([0.5, -0.2, 0.0, 0.7], [0.4, -0.5, 0.1, 0.3])
    >>> round(r["pearson"], 3), r["label_agreement"], r["n"]
    (0.856, 0.75, 4)
    """
    x = np.asarray(list(a), dtype=float)
    y = np.asarray(list(b), dtype=float)
    if x.shape != y.shape:
        raise ValueError(f"agreement needs two lists of the same length, got {x.shape[0]} and {y.shape[0]}")
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    n = int(x.size)

    def _pearson(u, v):
        if u.size < 3 or np.std(u) == 0 or np.std(v) == 0:
            return float("nan")
        return float(np.corrcoef(u, v)[0, 1])

    lx = np.array([label(v, band) for v in x], dtype=object)
    ly = np.array([label(v, band) for v in y], dtype=object)
    both = (lx != "neutral") & (ly != "neutral")
    out = {
        "n": n,
        "pearson": _pearson(x, y),
        "spearman": _pearson(pd.Series(x).rank().to_numpy(), pd.Series(y).rank().to_numpy()),
        "label_agreement": float(np.mean(lx == ly)) if n else float("nan"),
        "sign_agreement": float(np.mean(lx[both] == ly[both])) if both.any() else float("nan"),
        "cohen_kappa": float("nan"),
        "mean_abs_diff": float(np.mean(np.abs(x - y))) if n else float("nan"),
    }
    if n:
        cats = ["negative", "neutral", "positive"]
        po = out["label_agreement"]
        pe = sum(float(np.mean(lx == c)) * float(np.mean(ly == c)) for c in cats)
        out["cohen_kappa"] = float((po - pe) / (1 - pe)) if pe < 1 else float("nan")
    return out


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


def _in(word: str, name: str) -> bool:
    return word in _lists().words.get(name, frozenset())


# ----------------------------------------------------------------------------------------------------------
# toward: sentences and tokens
# ----------------------------------------------------------------------------------------------------------
_ABBREV = wordlists.abbreviations()  # the project's one list: src/helpers/data/abbreviations.txt
_SENT_END = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s)|\n[ \t]*\n")


@lru_cache(maxsize=256)
def _boundaries(text: str) -> tuple[int, ...]:
    cuts = {0, len(text)}
    for m in _SENT_END.finditer(text):
        if m.group().startswith("\n"):
            cuts.add(m.start())
            cuts.add(m.end())
            continue
        if m.group()[0] == ".":
            before = text[max(0, m.start() - 12):m.start()]
            w = re.findall(r"[\w.]+$", before)
            word = w[0].lower().lstrip(".") if w else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        nxt = re.match(r"\s*(\S)", text[m.end():m.end() + 20])
        if nxt and nxt.group(1).islower():
            continue
        cuts.add(m.end())
    return tuple(sorted(cuts))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence(s) of ``text`` that hold ``text[start:end]`` (whitespace trimmed).

    Sentence ends: ``.!?`` (plus closing quotes) before whitespace and a non-lowercase character, except after
    common abbreviations and initials; blank lines.

    >>> t = "Mr. Lee left. Police detained 8,000 people. Calm returned."
    >>> s, e = sentence_bounds(t, 14, 20); t[s:e]
    'Police detained 8,000 people.'
    """
    text = _as_text(text)
    cuts = _boundaries(text)
    s = max(c for c in cuts if c <= start)
    e = min(c for c in cuts if c >= end)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,:]\d+)*%?|[^\W_]+(?:[’'\-][^\W_]+)*|--|[^\w\s]")


@dataclass
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
    toks = [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(sentence)]
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
        j = max((k for k, st in enumerate(starts) if st <= s), default=None)
        if j is not None and s < toks[j].end:
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


# ----------------------------------------------------------------------------------------------------------
# toward: roles
# ----------------------------------------------------------------------------------------------------------
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


class _Analysis:
    """Assigns a weight and a role to each token of a sentence, for one target token range [L, R]."""

    def __init__(self, toks: tuple[_Tok, ...], L: int, R: int):
        self.t = toks
        self.L, self.R = L, R
        self.w: dict[int, tuple[float, str]] = {}
        self.lists = _lists()

    # --- word classes --------------------------------------------------------------------------------
    def low(self, i):
        return self.t[i].low.replace("’", "'") if 0 <= i < len(self.t) else ""

    def vclass(self, i):
        w = self.low(i)
        if 0 <= i < len(self.t) and _exculpating(self.t, i):
            return "exculpate"
        return self.lists.verb_class.get(w) or self.lists.noun_class.get(w)

    def is_det(self, i):
        return _in(self.low(i), "det") or self.low(i).endswith("'s")

    def verbish(self, i) -> bool:
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
        content: list[tuple[int, str]] = []
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
        L = self.L
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


def _target_tokens(toks, s0: int, start: int, end: int) -> tuple[int, int] | None:
    idx = [i for i, t in enumerate(toks) if t.start + s0 < end and t.end + s0 > start]
    if not idx:
        return None
    return idx[0], idx[-1]


def _toward_rows(text: str, start: int, end: int) -> list[dict]:
    text = _as_text(text)
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError, OverflowError):
        return []
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        return []
    s0, e0 = sentence_bounds(text, start, end)
    s0, e0 = min(s0, start), max(e0, end)
    toks = _sentence_tokens(text[s0:e0])
    span = _target_tokens(toks, s0, start, end)
    if span is None:
        return []
    weights = _Analysis(toks, *span).run()
    rows = []
    for i in sorted(weights):
        w, role = weights[i]
        t = toks[i]
        rows.append({"token": t.text, "start": t.start + s0, "end": t.end + s0, "valence": round(t.valence, 4),
                     "source": t.source, "role": role, "weight": round(w, 4),
                     "contribution": round(w * t.valence, 4)})
    return rows


def toward_evidence(text: str, start: int, end: int) -> pd.DataFrame:
    """Every word that counts toward the target ``text[start:end]``: its valence, role, weight, contribution.

    Columns: ``token``, ``start``/``end`` (offsets into ``text``), ``valence`` (V1-V3), ``source`` (vader,
    afinn, news-supplement, verb-class-default, +negated), ``role`` (which rule assigned it), ``weight`` and
    ``contribution = weight * valence``; :func:`toward` is ``normalize(sum(contribution))``, or 0.0 when
    ``|sum| < 0.5`` (T9). Empty when the span is empty or out of range.

    >>> t = "Security forces violently repressed the protests."
    >>> toward_evidence(t, 0, 15)[["token", "role", "contribution"]].values.tolist()
    [['violently', 'subject:agent(harm)', -2.8], ['repressed', 'subject:agent(harm)', -1.3]]
    """
    return _frame(_toward_rows(text, start, end), _EVIDENCE_DTYPES)


def toward(text: str, start: int, end: int) -> float:
    """Sentiment in [-1, 1] expressed toward the target ``text[start:end]`` (rules V1-V5, T1-T9 above).

    Returns 0.0 for an empty, blank or out-of-range span; never raises.

    >>> t = "Security forces violently repressed the protests."
    >>> round(toward(t, 0, 15), 3), round(toward(t, 36, 48), 3)
    (-0.727, 0.0)
    >>> t = "The senator, a respected former judge, was criticized by nobody."
    >>> toward(t, 0, 11) > 0
    True
    >>> t = "Maroochydore defeated Caboolture 43-5."
    >>> toward(t, 0, 12) > 0 > toward(t, 22, 32)
    True
    """
    total = 0.0
    for r in _toward_rows(text, start, end):
        total += r["contribution"]
    return round(normalize(total), 4) if abs(total) >= _MIN_EVIDENCE else 0.0


# ----------------------------------------------------------------------------------------------------------
# Tables for notebook 05
# ----------------------------------------------------------------------------------------------------------
_PRONOUN_SPEAKERS = frozenset("he she they it i we you".split())


def speaker_group(speaker: str, actor: str) -> str:
    """The name statements are grouped by: the actor if known, else the speaker as written; pronouns that
    ``helpers.actors`` could not resolve form one group, since "he" in one article is not "he" in another.

    >>> speaker_group("the U.S. Secretary of State", "Antony Blinken"), speaker_group("", "")
    ('Antony Blinken', '(unattributed)')
    >>> speaker_group("He", "")
    '(unresolved pronoun)'
    """
    actor, speaker = _as_text(actor).strip(), _as_text(speaker).strip()
    if actor:
        return actor
    if speaker.lower() in _PRONOUN_SPEAKERS:
        return "(unresolved pronoun)"
    return speaker or "(unattributed)"


def score_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Score every statement of a quotes table (columns article_id, kind, quote_start, quote_end, quote_text,
    speaker, actor) with VADER and AFINN and their evidence; rows in article/offset order.

    >>> q = pd.DataFrame({"article_id": ["a"], "kind": ["direct"], "quote_start": [0], "quote_end": [9],
    ...                   "quote_text": ["It is wrong."], "speaker": ["he"], "actor": [""]})
    >>> score_quotes(q)[["speaker_group", "vader", "vader_label", "evidence"]].to_dict("records")
    [{'speaker_group': '(unresolved pronoun)', 'vader': -0.4767, 'vader_label': 'negative', 'evidence': 'wrong(-2.100)'}]
    """
    rows = []
    for r in quotes.to_dict("records"):
        txt = _as_text(r.get("quote_text", ""))
        v, a = score(txt), score_afinn(txt)
        rows.append({
            "article_id": _as_text(r.get("article_id", "")), "quote_start": int(r.get("quote_start", 0)),
            "quote_end": int(r.get("quote_end", 0)), "kind": _as_text(r.get("kind", "")),
            "speaker": _as_text(r.get("speaker", "")), "actor": _as_text(r.get("actor", "")),
            "speaker_group": speaker_group(r.get("speaker", ""), r.get("actor", "")), "quote_text": txt,
            "vader": v, "vader_label": label(v), "afinn": round(a, 4), "afinn_label": label(a),
            "evidence": evidence_string(txt), "afinn_evidence": afinn_evidence(txt),
        })
    from helpers.tables import conform, empty_frame

    if not rows:
        return empty_frame(SENTIMENT_QUOTES_SCHEMA)
    df = pd.DataFrame(rows).sort_values(["article_id", "quote_start", "quote_end"], kind="stable")
    return conform(df, SENTIMENT_QUOTES_SCHEMA)


def speaker_summary(scored: pd.DataFrame, column: str = "vader") -> pd.DataFrame:
    """Per speaker group: n, mean, std (0 for one statement), min, max of ``column``; sorted by mean then name.

    >>> s = pd.DataFrame({"speaker_group": ["A", "A", "B"], "vader": [0.5, -0.1, 0.2]})
    >>> speaker_summary(s).to_dict("records")[0]
    {'speaker_group': 'A', 'n': 2, 'mean': 0.2, 'std': 0.4243, 'min': -0.1, 'max': 0.5}
    """
    g = scored.groupby("speaker_group", sort=True)[column]
    out = pd.DataFrame({"n": g.size(), "mean": g.mean(), "std": g.std(ddof=1).fillna(0.0), "min": g.min(),
                        "max": g.max()}).reset_index()
    out[["mean", "std", "min", "max"]] = out[["mean", "std", "min", "max"]].round(4)
    out["n"] = out["n"].astype("int64")
    return out.sort_values(["mean", "speaker_group"], kind="stable").reset_index(drop=True)


def _evidence_cell(ev: pd.DataFrame, limit: int = 6) -> str:
    if ev.empty:
        return ""
    ev = ev.assign(_abs=ev["contribution"].abs()).sort_values(["_abs", "start"], ascending=[False, True],
                                                                kind="stable")
    ev = ev[ev["_abs"] > 0].head(limit)
    return "; ".join(f"{r.token}({r.contribution:+.2f})[{r.role}]" for r in ev.itertuples(index=False))


def score_actors(mentions: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Sentiment toward every actor mention (columns article_id, start, end, mention, actor_id,
    canonical_name, actor_type) in the article ``texts``; plus the sentence's VADER score as baseline.

    >>> m = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [15], "mention": ["Security forces"],
    ...                   "actor_id": ["sec"], "canonical_name": ["security forces"], "actor_type": ["state"]})
    >>> r = score_actors(m, {"a": "Security forces violently repressed the protests."}).iloc[0]
    >>> r["toward_label"], float(r["sentence_vader"])
    ('negative', -0.6808)
    """
    from helpers.tables import conform, empty_frame

    rows = []
    for r in mentions.to_dict("records"):
        aid = _as_text(r.get("article_id", ""))
        text = texts.get(aid, "")
        s, e = int(r.get("start", 0)), int(r.get("end", 0))
        if 0 <= s < e <= len(text):
            ss, se = sentence_bounds(text, s, e)
            ss, se = min(ss, s), max(se, e)
        else:
            ss, se = s, e
        ev = toward_evidence(text, s, e)
        tw = toward(text, s, e)
        rows.append({
            "article_id": aid, "start": s, "end": e, "mention": _as_text(r.get("mention", "")),
            "actor_id": _as_text(r.get("actor_id", "")), "canonical_name": _as_text(r.get("canonical_name", "")),
            "actor_type": _as_text(r.get("actor_type", "")), "sentence_start": ss, "sentence_end": se,
            "toward": tw, "toward_label": label(tw), "sentence_vader": score(text[ss:se]) if se > ss else 0.0,
            "evidence": _evidence_cell(ev),
        })
    if not rows:
        return empty_frame(SENTIMENT_ACTORS_SCHEMA)
    df = pd.DataFrame(rows).sort_values(["article_id", "start", "end", "actor_id"], kind="stable")
    return conform(df, SENTIMENT_ACTORS_SCHEMA)


def actor_summary(scored: pd.DataFrame) -> pd.DataFrame:
    """Per actor (canonical name, else the mention as written): mentions, mean/min/max toward, counts of
    negative/neutral/positive mentions, mean sentence VADER (the baseline); sorted by mean toward then name.

    >>> s = pd.DataFrame({"canonical_name": ["X", "X"], "toward": [-0.5, 0.0],
    ...                   "toward_label": ["negative", "neutral"], "sentence_vader": [-0.6, 0.1]})
    >>> actor_summary(s).to_dict("records")[0]["negative"]
    1
    """
    key = scored["canonical_name"].astype(str).str.strip()
    key = key.where(key != "", scored["mention"].astype(str).str.strip() if "mention" in scored else "(unknown)")
    scored = scored.assign(canonical_name=key)
    g = scored.groupby("canonical_name", sort=True)
    out = pd.DataFrame({
        "mentions": g.size(), "mean_toward": g["toward"].mean(), "min_toward": g["toward"].min(),
        "max_toward": g["toward"].max(),
        "negative": g["toward_label"].apply(lambda s: int((s == "negative").sum())),
        "neutral": g["toward_label"].apply(lambda s: int((s == "neutral").sum())),
        "positive": g["toward_label"].apply(lambda s: int((s == "positive").sum())),
        "mean_sentence_vader": g["sentence_vader"].mean(),
    }).reset_index()
    for c in ("mean_toward", "min_toward", "max_toward", "mean_sentence_vader"):
        out[c] = out[c].round(4)
    return out.sort_values(["mean_toward", "canonical_name"], kind="stable").reset_index(drop=True)


def tone_arc(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentence-by-sentence tone: the sentences table (article_id, sentence_id, start, end, text) plus
    ``vader``, ``afinn`` and ``vader_label`` columns, in article/offset order.

    >>> s = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "start": [0, 10], "end": [9, 20],
    ...                   "text": ["All good.", "All bad."]})
    >>> tone_arc(s)["vader"].tolist()
    [0.4404, -0.5423]
    """
    df = sentences.copy()
    df["vader"] = [score(t) for t in df["text"].map(_as_text)]
    df["afinn"] = [round(score_afinn(t), 4) for t in df["text"].map(_as_text)]
    df["vader_label"] = df["vader"].map(label)
    return df.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
