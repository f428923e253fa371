"""Statement tone: VADER and AFINN lexicon scores, sentence by sentence, with the words that moved them.

Statement tone
--------------
:func:`score` is VADER's compound score (Hutto & Gilbert 2014), computed by ``vaderSentiment`` 3.3.2 with the
``vader_lexicon.txt`` that ships inside that PyPI package. Nothing is downloaded; NLTK's copy of the lexicon is
never used. One analyzer is created lazily per process. Two constructions are handled before VADER sees text:

- **Typographic quotes and apostrophes** (“ ” „ « » ‘ ’ ‚ ′ ...) are replaced by their straight forms, one
  character for one (:func:`plain`), so ``“terrorist`` is looked up as ``terrorist`` and ``don’t`` as a negation;
  offsets do not move, so :func:`explain`'s offsets index the original text.
- **Several sentences** (from the project's one text model, ``helpers.text.build(text).sentences``) score as the
  mean of their sentence scores, as VADER's documentation recommends for longer texts, so no rule (the "but"
  rule, negation, punctuation emphasis) reaches across a sentence boundary. A one-sentence text scores exactly
  ``polarity_scores(plain(text))["compound"]``.

:func:`explain` re-runs VADER's own per-word steps (its ``sentiment_valence`` helpers, ``_but_check`` and
``_punctuation_emphasis``) one word at a time and reports, for every lexicon word, its lexicon valence, the
valence after VADER's word rules (negation within three words, "no", boosters/dampeners, ALL-CAPS emphasis,
idioms, "least"), the valence after the "but" rule, and a ``modifiers`` string naming what changed it, plus one
``sentence`` row per sentence with that sentence's score. The explanation *is* the computation:
:func:`compound_from` rebuilds :func:`score` from it, tested on thousands of corpus sentences.

A second, independent lexicon, AFINN-en-165 (shipped in the ``afinn`` PyPI package), gives :func:`score_afinn`:
per sentence the AFINN sum ``x`` normalised with VADER's own squashing ``x / sqrt(x**2 + 15)``, then the mean over
sentences, so both scores live on [-1, 1] with the same curvature. :func:`agreement` reports Pearson r, Spearman
rho, three-way label agreement and Cohen's kappa between two score lists, so conclusions never rest on one lexicon.

Labels: ``> 0.05`` positive, ``< -0.05`` negative, else neutral (VADER's authors' published thresholds).
"""
from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

#: |score| below this is neutral (VADER authors' recommended threshold for the compound score).
NEUTRAL_BAND = 0.05
#: VADER's normalisation constant (``normalize(score, alpha=15)``), reused for AFINN and toward.
ALPHA = 15.0

_EXPLAIN_DTYPES = {"token": "string", "start": "int64", "end": "int64", "kind": "string", "lexicon_valence": "float64",
                   "rule_valence": "float64", "final_valence": "float64", "modifiers": "string", "sentence": "int64",
                   "sentence_score": "float64"}
_EVIDENCE_DTYPES = {"token": "string", "start": "int64", "end": "int64", "valence": "float64", "source": "string",
                    "role": "string", "weight": "float64", "contribution": "float64"}
EXPLAIN_COLUMNS = list(_EXPLAIN_DTYPES)
EVIDENCE_COLUMNS = list(_EVIDENCE_DTYPES)


def _frame(rows: list[dict], dtypes: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly these columns and dtypes, built column by column (cheap for small tables)."""
    return pd.DataFrame({c: pd.array([r[c] for r in rows], dtype=d) for c, d in dtypes.items()})



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


_PLAIN = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"', "〝": '"',
                        "〞": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'", "′": "'", "`": "'"})


def plain(text: str) -> str:
    """``text`` with typographic quote marks and apostrophes replaced by straight ones (same length).

    >>> print(plain("“terrorist gangs” don’t"))
    "terrorist gangs" don't
    """
    return _as_text(text).translate(_PLAIN)


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The text model's sentences of ``text`` (``helpers.text``); a non-blank text without any is one sentence.

    >>> sentence_spans("It is wrong. It must stop.")
    ((0, 12), (13, 26))
    """
    from helpers import text as tm

    text = _as_text(text)
    spans = tuple(tm.build(text).sentences) if text.strip() else ()
    return spans or (((0, len(text)),) if text.strip() else ())


def _compound(sentence: str) -> float:
    try:
        return float(_vader().polarity_scores(plain(sentence))["compound"])
    except Exception:  # pragma: no cover - VADER has no known failing input; the contract is "never raise"
        return 0.0


#: A sentence boundary of the text model needs one of these: an end mark followed (after closers) by white space
#: and more text, or a line break. A text without any is one sentence, and the model need not be built.
_MAYBE_BOUNDARY = re.compile(r"[.!?…][^\w\n]*?\s+\S|\n")


def _scored_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans :func:`score` scores: the whole text when it is one sentence, else each sentence."""
    if not text.strip():
        return ()
    if not _MAYBE_BOUNDARY.search(text.rstrip()):
        return ((0, len(text)),)
    spans = sentence_spans(text)
    return ((0, len(text)),) if len(spans) == 1 else spans


def score(text: str) -> float:
    """VADER compound score of ``text`` in [-1, 1]: the mean of its sentences' compound scores, quotes normalised.

    One sentence: exactly ``polarity_scores(plain(text))["compound"]``. Never raises: empty or blank text gives 0.0.

    >>> score("The shoot-to-kill order is wrong and should be rescinded.")
    -0.4767
    >>> score("It is wrong. But it is legal.")  # VADER on the whole text: +0.128 (its "but" rule crosses the stop)
    -0.1433
    >>> score("")
    0.0
    """
    text = _as_text(text)
    spans = _scored_spans(text)
    if not spans:
        return 0.0
    if len(spans) == 1:
        return _compound(text)
    return round(sum(_compound(text[a:b]) for a, b in spans) / len(spans), 4)

def _emoji_replaced(text: str) -> tuple[str, list[int] | range]:
    """VADER's emoji-to-description rewrite, with a map from each output character to its input offset."""
    emojis = _vader().emojis
    if emojis.keys().isdisjoint(text):  # no emoji (the usual case): the text as is, offsets unchanged
        return text, range(len(text))
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


def _trace(text: str) -> tuple[tuple[_WordTrace, ...], float, float]:
    """(lexicon-word traces, signed punctuation emphasis, compound) for ``text``, the VADER way."""
    return _traced(text)[:3]


def _polarity(text: str) -> tuple[float, float, float]:
    """``(compound, pos, neg)`` of VADER's ``polarity_scores(text)``, from the cached trace of ``text``: a text
    traced once (the toward rules trace every target sentence) is not run through VADER again.

    >>> ps = _vader().polarity_scores("Police violently repressed the protests!")
    >>> _polarity("Police violently repressed the protests!") == (ps["compound"], ps["pos"], ps["neg"])
    True
    """
    return _traced(text)[2:]


@lru_cache(maxsize=8192)
def _traced(text: str) -> tuple[tuple[_WordTrace, ...], float, float, float, float]:
    """(lexicon-word traces, signed punctuation emphasis, compound, pos, neg) for ``text``: VADER's own steps
    (``sentiment_valence``, ``_but_check``, ``score_valence``) in its order, so ``compound``, ``pos`` and ``neg``
    are exactly ``polarity_scores(text)``'s."""
    from vaderSentiment import vaderSentiment as V

    an = _vader()
    processed, omap = _emoji_replaced(text)
    stripped = processed.strip()
    senti = V.SentiText(stripped)
    words = senti.words_and_emoticons
    # the \S+ runs of the text are VADER's words before its punctuation strip (str.split and \S+ agree on every
    # Unicode space); the offsets of a word are worked out only for the lexicon words that are traced
    runs = list(re.finditer(r"\S+", processed))

    def span(i: int) -> tuple[int, int]:
        if len(runs) != len(words):  # pragma: no cover - see above
            return -1, -1
        m, w = runs[i], words[i]  # words[i] is SentiText._strip_punc_if_word(m.group())
        tok = m.group()
        if w == tok:
            s, e = m.start(), m.end()
        else:
            s = m.start() + len(tok) - len(tok.lstrip(string.punctuation))
            e = s + len(w)
        return omap[s], omap[e - 1] + 1

    sentiments: list[float] = []
    traces: dict[int, tuple[float, float, list[str]]] = {}
    for i, item in enumerate(words):
        low = item.lower()
        if low in V.BOOSTER_DICT or (i < len(words) - 1 and low == "kind" and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        if low not in an.lexicon:  # VADER's sentiment_valence appends the 0 it is given for a word it lacks
            sentiments.append(0)
            continue
        sentiments = an.sentiment_valence(0, senti, item, i, sentiments)
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
        a, b = span(i)
        out.append(_WordTrace(i, words[i], a, b, float(base), float(rule), float(final), ";".join(mods)))
    punct = 0.0
    if finals:
        amp = an._punctuation_emphasis(stripped)
        total = float(sum(finals))
        if amp and total > 0:
            punct = amp
        elif amp and total < 0:
            punct = -amp
    scores = an.score_valence(finals, stripped) if words else {"compound": 0.0, "pos": 0.0, "neg": 0.0}
    return tuple(out), float(punct), float(scores["compound"]), scores["pos"], scores["neg"]


def explain(text: str) -> pd.DataFrame:
    """The words that moved VADER's score of ``text``, sentence by sentence, with their valences and modifiers.

    For each sentence (``sentence`` = its index in ``text``; ``sentence_score`` = its compound score), one row
    ``kind == "sentence"`` (token ``<sentence>``, its span, valences 0), then one row per VADER lexicon word
    (``kind == "word"``) in text order: ``token`` as VADER saw it (after :func:`plain`), ``start``/``end``
    offsets into ``text``, ``lexicon_valence`` (VADER lexicon), ``rule_valence`` (after negation, boosters,
    caps, idioms, "least"), ``final_valence`` (after the "but" rule, inside the sentence: what VADER sums) and
    ``modifiers`` (e.g. ``negated:not;booster:very(+0.293);caps;but-weight(x1.5)``). When ``!``/``?`` add
    emphasis, one more row with ``kind == "punctuation"`` (offsets -1) holds it, signed like the sentence's sum.
    ``compound_from(explain(t)) == score(t)``.

    >>> df = explain("The plan is not good, but the results are very good!")
    >>> [(r.token, round(r.final_valence, 4), r.modifiers) for r in df.itertuples()]  # doctest: +NORMALIZE_WHITESPACE
    [('<sentence>', 0.0, ''), ('good', -0.703, 'negated:not;but-weight(x0.5)'),
     ('good', 3.2895, 'booster:very(+0.293);but-weight(x1.5)'),
     ('<punctuation>', 0.292, '')]
    >>> compound_from(df) == score("The plan is not good, but the results are very good!")
    True
    >>> explain("It is wrong. But it is legal.")[["token", "sentence", "sentence_score"]].values.tolist()
    [['<sentence>', 0, -0.4767], ['wrong', 0, -0.4767], ['<sentence>', 1, 0.1901], ['legal', 1, 0.1901]]
    """
    return _frame(_explain_rows(text), _EXPLAIN_DTYPES)


def _explain_rows(text) -> list[dict]:
    """The rows of :func:`explain` as plain dicts (no DataFrame)."""
    text = _as_text(text)
    rows = []
    for k, (a, b) in enumerate(_scored_spans(text) if text.strip() else ()):
        piece = plain(text[a:b])
        traces, punct, compound = _trace(piece) if piece.strip() else ((), 0.0, 0.0)
        rows.append({"token": "<sentence>", "start": a, "end": b, "kind": "sentence", "lexicon_valence": 0.0,
                     "rule_valence": 0.0, "final_valence": 0.0, "modifiers": "", "sentence": k,
                     "sentence_score": compound})
        for t in traces:
            rows.append({"token": t.token, "start": t.start + a, "end": t.end + a, "kind": "word",
                         "lexicon_valence": t.lexicon_valence, "rule_valence": t.rule_valence,
                         "final_valence": t.final_valence, "modifiers": t.modifiers, "sentence": k,
                         "sentence_score": compound})
        if punct:
            rows.append({"token": "<punctuation>", "start": -1, "end": -1, "kind": "punctuation",
                         "lexicon_valence": 0.0, "rule_valence": punct, "final_valence": punct, "modifiers": "",
                         "sentence": k, "sentence_score": compound})
    return rows


def compound_from(explanation: pd.DataFrame) -> float:
    """Rebuild :func:`score` from an :func:`explain` table: per sentence ``round(normalize(sum(final_valence)),
    4)``, then the mean over sentences (rounded to 4 places when there are several).

    >>> compound_from(explain("A good, honest and brave man."))
    0.8625
    >>> compound_from(explain("It is wrong. But it is legal."))
    -0.1433
    """
    sentences = explanation["sentence"].tolist() if "sentence" in explanation else [0] * len(explanation)
    kinds = explanation["kind"].tolist() if "kind" in explanation else ["word"] * len(explanation)
    return _compound_of(sentences, kinds, explanation["final_valence"].tolist())


def explained_score(text: str) -> float:
    """``compound_from(explain(text))`` without building the table: the score rebuilt from the explanation alone
    (the notebook's check, on every statement).

    >>> t = "The plan is not good, but the results are very good!"
    >>> explained_score(t) == compound_from(explain(t)) == score(t)
    True
    """
    rows = _explain_rows(text)
    return _compound_of([r["sentence"] for r in rows], [r["kind"] for r in rows], [r["final_valence"] for r in rows])


def _compound_of(sentences: list, kinds: list, finals: list) -> float:
    """:func:`compound_from` over the ``sentence``, ``kind`` and ``final_valence`` columns of an explanation."""
    totals: dict[int, float] = {}
    for k, kind, v in zip(sentences, kinds, finals):
        totals[k] = totals.get(k, 0.0) + (v if kind != "sentence" else 0.0)  # left-to-right, like VADER's sum()
    scores = [round(normalize(t), 4) if t else 0.0 for t in totals.values()]
    if not scores:
        return 0.0
    return scores[0] if len(scores) == 1 else round(sum(scores) / len(scores), 4)


def evidence_string(text: str, limit: int = 12) -> str:
    """Compact evidence for a table cell: ``word(final)[modifiers]`` in text order, punctuation last in its
    sentence; with several sentences each sentence's score first: ``[s1 -0.477]``.

    >>> evidence_string("It is not a good idea!")
    'good(-1.406)[negated:not]; !(-0.292)'
    >>> evidence_string("It is wrong. But it is legal.")
    '[s1 -0.477] wrong(-2.100); [s2 +0.190] legal(+0.750)[but-weight(x1.5)]'
    """
    return _evidence_cell(_explain_rows(text), limit)


def score_and_evidence(text: str, limit: int = 12) -> tuple[float, str]:
    """``(score(text), evidence_string(text, limit))`` from one VADER pass per sentence (the trace that explains
    a sentence also gives its compound score).

    >>> t = "It is wrong. But it is legal."
    >>> score_and_evidence(t) == (score(t), evidence_string(t))
    True
    """
    rows = _explain_rows(text)
    compounds = [r["sentence_score"] for r in rows if r["kind"] == "sentence"]
    if not compounds:
        v = 0.0
    elif len(compounds) == 1:
        v = compounds[0]
    else:
        v = round(sum(compounds) / len(compounds), 4)
    return v, _evidence_cell(rows, limit)


def _evidence_cell(rows: list[dict], limit: int) -> str:
    """:func:`evidence_string` from the rows of :func:`_explain_rows`."""
    several = sum(r["kind"] == "sentence" for r in rows) > 1
    parts = []
    for r in rows:
        if r["kind"] == "sentence":
            if several:
                parts.append(f"[s{r['sentence'] + 1} {r['sentence_score']:+.3f}]")
            continue
        if r["kind"] == "punctuation":
            parts.append("!(" + f"{r['final_valence']:+.3f})")
            continue
        mod = f"[{r['modifiers']}]" if r["modifiers"] else ""
        parts.append(f"{r['token']}({r['final_valence']:+.3f}){mod}")
    if len(parts) > limit:
        parts = parts[:limit] + [f"... {len(parts) - limit} more"]
    out = "; ".join(parts)
    return out.replace("]; ", "] ") if several else out


# ----------------------------------------------------------------------------------------------------------
# AFINN and agreement
# ----------------------------------------------------------------------------------------------------------
def _afinn():
    global _AFINN
    if _AFINN is None:
        from afinn import Afinn

        _AFINN = Afinn(language="en", emoticons=False)
    return _AFINN


@lru_cache(maxsize=1)
def _afinn_index() -> tuple[dict[str, tuple[int, ...]], list[str]]:
    """(AFINN's entries by their first word: first ``\\w+`` run -> ranks of the entries starting with it, the
    entries in rank order), a rank being the entry's place in AFINN's own alternation (longest first, file order
    among equal lengths)."""
    entries = sorted(_afinn()._dict, key=len, reverse=True)  # as afinn's regex_from_tokens orders them
    index: dict[str, list[int]] = {}
    for rank, entry in enumerate(entries):
        m = re.match(r"\w+", entry)
        index.setdefault(m.group() if m else "", []).append(rank)
    return {k: tuple(v) for k, v in index.items()}, entries


_WORD_RUN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=1)
def _afinn_regular() -> bool:
    """Whether every AFINN entry starts and ends with a word character (true of AFINN-en-165), which
    :func:`_afinn_find_all` relies on; otherwise it leaves the matching to AFINN's own regex."""
    return all(_WORD_CHAR.match(e[:1]) and _WORD_CHAR.match(e[-1:]) for e in _afinn_index()[1])


def _afinn_find_all(text: str) -> list[str]:
    """``Afinn.find_all(text)``, fast. AFINN's one regex, ``\\b(?:e1|e2|...)\\b`` over its 3,382 entries (longest
    first), is tried at every position; an entry starts and ends with a word character, so a match starts where a
    run of word characters starts, its first word is that run, and the first entry in AFINN's order that is spelled
    there and ends at a word boundary wins; the scan goes on after it. That is done here directly, trying at each
    word only the entries that start with it: the same matches, without AFINN's regex.

    >>> _afinn_find_all("It is  NOT  a good idea, no fun at all"), _afinn().find_all("It is  NOT  a good idea, no fun at all")
    (['good', 'no fun'], ['good', 'no fun'])
    """
    index, entries = _afinn_index()
    if not _afinn_regular():
        return _afinn().find_all(text)
    t = re.sub(r"\s+", " ", text).lower()
    out: list[str] = []
    after = 0  # end of the last match: the scan resumes there
    n = len(t)
    for m in _WORD_RUN.finditer(t):
        p = m.start()
        if p < after:
            continue
        for rank in index.get(m.group(), ()):
            e = entries[rank]
            end = p + len(e)
            if t.startswith(e, p) and (end == n or not _WORD_CHAR.match(t, end)):
                out.append(t[p:end])
                after = end
                break
    return out


def afinn_raw(text: str) -> float:
    """AFINN-en-165 sum of word values (integers -5..5) found in ``text`` (quotes normalised, :func:`plain`).

    >>> afinn_raw("good and bad"), afinn_raw("don’t worry")
    (0.0, -3.0)
    """
    text = plain(text)
    if not text.strip():
        return 0.0
    d = _afinn()._dict
    return float(sum([d[w] for w in _afinn_find_all(text)]))


def score_afinn(text: str) -> float:
    """AFINN-en-165 score in [-1, 1]: per sentence (as :func:`score`) the raw AFINN sum ``x`` squashed as VADER
    does, ``x / sqrt(x**2 + 15)``, then the mean over sentences.

    AFINN has no negation or booster rules: it is a plain word-sum, independent of VADER's lexicon and rules.

    >>> round(score_afinn("The order is wrong and should be rescinded."), 4)
    -0.4588
    >>> round(score_afinn("It is wrong. It is good."), 4)  # mean of -0.4588 and +0.6124
    0.0768
    """
    text = _as_text(text)
    spans = _scored_spans(text) if text.strip() else ()
    if not spans:
        return 0.0
    vals = []
    for a, b in spans:
        raw = afinn_raw(text[a:b])
        vals.append(raw / math.sqrt(raw * raw + ALPHA) if raw else 0.0)
    return sum(vals) / len(vals)


def score_pair(text: str) -> tuple[float, float]:
    """``(score(text), round(score_afinn(text), 4))`` with the text's sentences found once for both lexicons (the
    tone arc scores every sentence of a run with both).

    >>> t = "It is wrong. But it is good."
    >>> score_pair(t) == (score(t), round(score_afinn(t), 4)), score_pair("  ")
    (True, (0.0, 0.0))
    """
    text = _as_text(text)
    spans = _scored_spans(text)
    if not spans:
        return 0.0, 0.0
    if len(spans) == 1:
        v = _compound(text)
    else:
        v = round(sum(_compound(text[a:b]) for a, b in spans) / len(spans), 4)
    vals = []
    for a, b in spans:
        raw = afinn_raw(text[a:b])
        vals.append(raw / math.sqrt(raw * raw + ALPHA) if raw else 0.0)
    return v, round(sum(vals) / len(vals), 4)


def afinn_evidence(text: str) -> str:
    """AFINN words found in ``text`` with their values: ``word(value)``.

    >>> afinn_evidence("A wrong and cruel order")
    'wrong(-2); cruel(-3)'
    """
    text = plain(text)
    if not text.strip():
        return ""
    af = _afinn()
    return "; ".join(f"{w}({af._dict[w]})" for w in _afinn_find_all(text))


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


