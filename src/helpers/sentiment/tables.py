"""Tables for notebook 05: statement tone (sentiment_quotes), sentiment toward actor mentions with the voice
that portrays them (sentiment_actors), per-speaker and per-actor summaries and the sentence tone arc.

Voice: a mention inside a statement's content is portrayed by that statement's speaker (``voice`` = the
speaker's actor, else the speaker as grouped by :func:`speaker_group`); any other mention by the ``narrator``.
A reporting source (a mention that is the speaker of a statement in the same sentence: "..., AP News
reported") is not scored for the content it relays: that content is masked (letters -> ``x``, same length)
in the source's own sentence before ``toward`` scores it (the sentence is the unmuted article's: masking never
re-segments the text; :func:`.sentences.muted`).

Every row carries the ``sentence_id`` of ``sentences.csv`` (the text model's sentence index) it lies in;
statements carry the first and last (``sentence_id``, ``last_sentence_id``).
"""
from __future__ import annotations

import bisect

import pandas as pd

from helpers import speakergroups
from helpers import text as tm
from helpers.tables import Column
from helpers.sentiment.lexicon import (_as_text, afinn_evidence, label, score_and_evidence, score_afinn,
                                       score_pair)
from helpers.sentiment.sentences import sentence_bounds
from helpers.sentiment.features import sentence_tone
from helpers.sentiment.stance import _records_by_article, stance_rows, stances_frame
from helpers.sentiment.target import toward_and_evidence

#: Columns this stage reads from quotes.csv (written by 04_quotes; other columns are ignored).
QUOTES_INPUT_SCHEMA = [
    Column("article_id", "str", "article"),
    Column("kind", "str", "statement kind"),
    Column("quote_start", "int", "start offset of the statement"),
    Column("quote_end", "int", "end offset of the statement"),
    Column("quote_text", "str", "statement text"),
    Column("speaker", "str", "speaker as written"),
    Column("speaker_start", "int", "start offset of the speaker, -1 if none"),
    Column("speaker_end", "int", "end offset of the speaker, -1 if none"),
    Column("actor", "str", "speaker's actor"),
    Column("cue_start", "int", "start offset of the cue, -1 if none"),
    Column("cue_end", "int", "end offset of the cue, -1 if none"),
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
    Column("speaker_group", "str", "group used for per-speaker summaries: actor, else '(unresolved pronoun)' for he/she/they..., else speaker, else '(no speaker)' (helpers.speakergroups)"),
    Column("quote_text", "str", "the statement text"),
    Column("vader", "float", "VADER compound score of the statement, -1..1"),
    Column("vader_label", "str", "negative / neutral / positive (|vader| < 0.05 is neutral)"),
    Column("afinn", "float", "AFINN-en-165 sum normalised x/sqrt(x^2+15), -1..1"),
    Column("afinn_label", "str", "negative / neutral / positive from afinn with the same band"),
    Column("evidence", "str", "VADER words that moved the score: word(final valence)[modifiers], in text order"),
    Column("afinn_evidence", "str", "AFINN words that matched: word(value)"),
    Column("sentence_id", "int", "sentences.csv sentence (text model, 0-based) where the statement starts; -1 unknown"),
    Column("last_sentence_id", "int", "sentences.csv sentence where the statement ends"),
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
    Column("evidence", "str", "features that decided toward: word(contribution)[feature], strongest first (> 0 pushes positive)"),
    Column("voice", "str", "whose voice portrays the actor: 'narrator', or the actor (else speaker) of the statement holding the mention"),
    Column("relayed_masked", "bool", "True when the mention is a reporting source and the content it relays was masked"),
    Column("sentence_id", "int", "sentences.csv sentence (text model, 0-based) holding the mention's start"),
]



# ----------------------------------------------------------------------------------------------------------
# Tables for notebook 05
# ----------------------------------------------------------------------------------------------------------
#: Speakers that are pronouns: left unresolved by helpers.actors they form one group (:func:`speaker_group`).
PRONOUN_SPEAKERS = speakergroups.PRONOUNS


def speaker_group(speaker: str, actor: str) -> str:
    """The name statements are grouped by (:func:`helpers.speakergroups.speaker_group`, the grouping of every
    notebook, here without source types): the actor if known, else the speaker as written; pronouns that
    ``helpers.actors`` could not resolve form one group, since "he" in one article is not "he" in another.

    >>> speaker_group("the U.S. Secretary of State", "Antony Blinken"), speaker_group("", "")
    ('Antony Blinken', '(no speaker)')
    >>> speaker_group("He", "")
    '(unresolved pronoun)'
    """
    return speakergroups.speaker_group(_as_text(speaker), _as_text(actor))


def _int(v, default: int = -1) -> int:
    try:
        return int(v) if v == v and v is not None and v != "" else default
    except (TypeError, ValueError):
        return default


def _sentence_ids(text: str, start: int, end: int) -> tuple[int, int]:
    """(first, last) sentence ids of the text model for [start, end); (-1, -1) when unknown."""
    if not text or not (0 <= start < end <= len(text)):
        return -1, -1
    first, last = tm.build(text).sentence_range(start, end)
    return int(first), int(last)


def score_quotes(quotes: pd.DataFrame, texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Score every statement of a quotes table (columns article_id, kind, quote_start, quote_end, quote_text,
    speaker, actor) with VADER and AFINN (sentence by sentence) and their evidence; rows in article/offset
    order. ``sentence_id``/``last_sentence_id`` come from the quotes table when it has them, else from the
    article ``texts`` (the text model), else -1.

    >>> q = pd.DataFrame({"article_id": ["a"], "kind": ["direct"], "quote_start": [0], "quote_end": [12],
    ...                   "quote_text": ["It is wrong."], "speaker": ["he"], "actor": [""]})
    >>> score_quotes(q, {"a": "It is wrong. He said so."})[["speaker_group", "vader", "evidence", "sentence_id"]
    ...     ].to_dict("records")
    [{'speaker_group': '(unresolved pronoun)', 'vader': -0.4767, 'evidence': 'wrong(-2.100)', 'sentence_id': 0}]
    """
    texts = texts or {}
    rows = []
    for r in quotes.to_dict("records"):
        rows.append(_quote_row(r, texts.get(_as_text(r.get("article_id", "")), "")))
    return quotes_frame(rows)


def _quote_row(r: dict, text: str) -> dict:
    """One row of :func:`score_quotes` for the quotes-table record ``r`` of the article ``text``."""
    txt = _as_text(r.get("quote_text", ""))
    (v, evidence), a = score_and_evidence(txt), score_afinn(txt)
    aid = _as_text(r.get("article_id", ""))
    qs, qe = int(r.get("quote_start", 0)), int(r.get("quote_end", 0))
    if _int(r.get("sentence_id")) >= 0:
        sid, lid = _int(r.get("sentence_id")), _int(r.get("last_sentence_id"), _int(r.get("sentence_id")))
    else:
        sid, lid = _sentence_ids(text, qs, qe)
    return {
        "article_id": aid, "quote_start": qs, "quote_end": qe, "kind": _as_text(r.get("kind", "")),
        "speaker": _as_text(r.get("speaker", "")), "actor": _as_text(r.get("actor", "")),
        "speaker_group": speaker_group(r.get("speaker", ""), r.get("actor", "")), "quote_text": txt,
        "vader": v, "vader_label": label(v), "afinn": round(a, 4), "afinn_label": label(a),
        "evidence": evidence, "afinn_evidence": afinn_evidence(txt),
        "sentence_id": sid, "last_sentence_id": lid,
    }


def quotes_frame(rows: list[dict]) -> pd.DataFrame:
    """The ``sentiment_quotes`` table from rows of :func:`article_tables` (any article order)."""
    from helpers.tables import empty_frame

    if not rows:
        return empty_frame(SENTIMENT_QUOTES_SCHEMA)
    return rows_frame(rows, SENTIMENT_QUOTES_SCHEMA, ("article_id", "quote_start", "quote_end"))


def rows_frame(rows: list[dict], schema: list, keys: tuple = ()) -> pd.DataFrame:
    """The table of ``rows`` (dicts holding every column of ``schema``), stably sorted by ``keys`` (text and integer
    cells, as ``sort_values(keys, kind="stable")`` sorts them), built column by column: no frame of dicts.

    >>> s = [Column("a", "str", ""), Column("n", "int", "")]
    >>> rows_frame([{"a": "y", "n": 1}, {"a": "x", "n": 2}, {"a": "x", "n": 1}], s, ("a", "n")).values.tolist()
    [['x', 1], ['x', 2], ['y', 1]]
    """
    from helpers.tables import conform

    if keys:
        rows = sorted(rows, key=lambda r: tuple(r[k] for k in keys))
    return conform(pd.DataFrame({c.name: [r[c.name] for r in rows] for c in schema}), schema)


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


def _evidence_cell(rows: list[tuple[float, str, str]], limit: int = 6) -> str:
    """``word(contribution)[feature]`` of the strongest features (``(contribution, source, token)`` rows of
    :func:`helpers.sentiment.target.toward_and_evidence`, strongest first); a feature that is not a word, such as
    ``sentence:vader``, is shown by its name alone.

    >>> _evidence_cell([(-0.5, "near:bad", "bad"), (0.0, "L1:the", "the"), (0.2, "sentence:vader", "sentence:vader")])
    'bad(-0.50)[near:bad]; sentence:vader(+0.20)'
    """
    out = []
    for c, source, token in rows:
        if source == "(intercept)" or not abs(c) > 0:
            continue
        out.append(f"{token}({c:+.2f})" + ("" if token == source else f"[{source}]"))
        if len(out) == limit:
            break
    return "; ".join(out)


class _Statements:
    """The statements of one article (content span, speaker span, voice), indexed for span look-ups, so that a
    mention's voice and relayed content cost O(log n) plus the hits, not a scan of every statement."""

    def __init__(self, records: list[dict]):
        self.rows = []
        for q in records:
            actor = _as_text(q.get("actor", "")).strip()
            self.rows.append((int(q["quote_start"]), int(q["quote_end"]), _int(q.get("speaker_start")),
                              _int(q.get("speaker_end")),
                              actor or speaker_group(q.get("speaker", ""), q.get("actor", ""))))
        self.by_qs = sorted(range(len(self.rows)), key=lambda k: self.rows[k][0])
        self.qs = [self.rows[k][0] for k in self.by_qs]
        self.q_len = max((r[1] - r[0] for r in self.rows), default=0)
        spk = [k for k, r in enumerate(self.rows) if r[2] >= 0]
        self.by_ss = sorted(spk, key=lambda k: self.rows[k][2])
        self.ss = [self.rows[k][2] for k in self.by_ss]
        self.s_len = max((self.rows[k][3] - self.rows[k][2] for k in spk), default=0)

    def voice(self, s: int, e: int) -> str:
        """The voice portraying the mention [s, e): the innermost statement holding it (the first listed among
        equally long ones), else the narrator."""
        lo, hi = bisect.bisect_left(self.qs, s - self.q_len), bisect.bisect_right(self.qs, s)
        best = None
        for k in self.by_qs[lo:hi]:
            qs, qe = self.rows[k][0], self.rows[k][1]
            if qs <= s and e <= qe and (best is None or (qe - qs, k) < best):
                best = (qe - qs, k)
        return "narrator" if best is None else self.rows[best[1]][4]

    def relayed(self, s: int, e: int, ss: int, se: int) -> list[tuple[int, int]]:
        """Content spans (clipped to the window [ss, se)) of the statements whose speaker span overlaps the
        mention [s, e) and whose content meets the window without holding the mention; in statement order."""
        lo, hi = bisect.bisect_right(self.ss, s - self.s_len - 1), bisect.bisect_left(self.ss, e)
        hits = []
        for k in sorted(self.by_ss[lo:hi]):
            qs, qe, sps, spe, _ = self.rows[k]
            if sps >= 0 and sps < e and s < spe and qs < se and ss < qe and not (qs <= s and e <= qe):
                hits.append((max(qs, ss), min(qe, se)))
        return hits


def _actor_row(r: dict, aid: str, text: str, statements: _Statements, vader_cache: dict) -> dict:
    """One row of :func:`score_actors`: the mention record ``r`` of article ``aid`` (``text``)."""
    s, e = int(r.get("start", 0)), int(r.get("end", 0))
    ok = 0 <= s < e <= len(text)
    ss, se = sentence_bounds(text, s, e) if ok else (s, e)
    ss, se = min(ss, s), max(se, e)
    relayed = statements.relayed(s, e, ss, se)
    if not ok:
        tw, ev = toward_and_evidence("", 0, 0)
    else:  # the content a reporting source relays is muted: the source is not portrayed by what it reports
        tw, ev = toward_and_evidence(text, s, e, relayed)
    if (ss, se) not in vader_cache:
        vader_cache[(ss, se)] = sentence_tone(text[ss:se])[0] if se > ss else 0.0
    return {
        "article_id": aid, "start": s, "end": e, "mention": _as_text(r.get("mention", "")),
        "actor_id": _as_text(r.get("actor_id", "")), "canonical_name": _as_text(r.get("canonical_name", "")),
        "actor_type": _as_text(r.get("actor_type", "")), "sentence_start": ss, "sentence_end": se,
        "toward": tw, "toward_label": label(tw), "sentence_vader": vader_cache[(ss, se)],
        "evidence": _evidence_cell(ev), "voice": statements.voice(s, e), "relayed_masked": bool(relayed),
        "sentence_id": tm.build(text).sentence_at(s) if ok else -1,
    }


def actor_rows(aid: str, text: str, mentions: list[dict], quotes: list[dict] | None = None,
               vader_cache: dict | None = None) -> list[dict]:
    """The :func:`score_actors` rows of one article: its mention records and statement records (dicts).
    ``vader_cache`` (a dict) keeps the VADER score of each sentence window, ``{(start, end): score}``."""
    statements, cache = _Statements(quotes or []), ({} if vader_cache is None else vader_cache)
    return [_actor_row(r, aid, text, statements, cache) for r in mentions]


def actors_frame(rows: list[dict]) -> pd.DataFrame:
    """The ``sentiment_actors`` table from rows of :func:`actor_rows` (any article order)."""
    from helpers.tables import empty_frame

    if not rows:
        return empty_frame(SENTIMENT_ACTORS_SCHEMA)
    return rows_frame(rows, SENTIMENT_ACTORS_SCHEMA, ("article_id", "start", "end", "actor_id"))


def score_actors(mentions: pd.DataFrame, texts: dict[str, str], quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sentiment toward every actor mention (columns article_id, start, end, mention, actor_id,
    canonical_name, actor_type) in the article ``texts``, the voice that portrays it (from ``quotes``, the
    quotes table; without it every mention is the narrator's), and the sentence's VADER score as baseline.

    >>> m = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [15], "mention": ["Security forces"],
    ...                   "actor_id": ["sec"], "canonical_name": ["security forces"], "actor_type": ["state"]})
    >>> r = score_actors(m, {"a": "Security forces violently repressed the protests."}).iloc[0]
    >>> r["toward_label"], float(r["sentence_vader"]), r["voice"], int(r["sentence_id"])
    ('negative', -0.6808, 'narrator', 0)
    """
    by_quotes = _records_by_article(quotes)
    rows = []
    for aid, recs in _records_by_article(mentions).items():
        rows.extend(actor_rows(aid, texts.get(aid, ""), recs, by_quotes.get(aid, [])))
    return actors_frame(rows)


def article_tables(item: tuple) -> tuple[list[dict], list[dict], list[dict], list[tuple[int, int, float, float]]]:
    """The per-article work of notebook 05 for :func:`helpers.corpus.map_articles`: ``item`` is ``(article_id,
    text, quote records, mention records)`` (that article's rows of quotes.csv and mentions.csv as dicts); returns
    its rows of ``sentiment_quotes``, ``stances`` and ``sentiment_actors``, and the ``(start, end, vader, afinn)``
    of each of its sentences (:func:`score_pair` of the text model's sentences, for :func:`tone_arc`).

    >>> t = "“The order is wrong,” Blinken said."
    >>> q = [{"article_id": "a", "kind": "direct", "quote_start": 1, "quote_end": 19, "quote_text": "The order is wrong",
    ...       "speaker": "Blinken", "actor": "", "speaker_start": 22, "speaker_end": 29, "cue_start": 30, "cue_end": 34}]
    >>> qr, sr, ar, tones = article_tables(("a", t, q, []))
    >>> qr[0]["vader"], sr[0]["target_text"], ar, tones
    (-0.4767, 'The order', [], [(0, 35, -0.4767, -0.4588)])
    """
    aid, text, quotes, mentions = item
    text = _as_text(text)
    vader: dict = {}  # (start, end) -> VADER score of a sentence window: the actor rows' and then the tone arc's
    actors = actor_rows(aid, text, mentions, quotes, vader)
    tones = [(a, b, *(score_pair(text[a:b]) if (a, b) not in vader else
                      (vader[a, b], round(score_afinn(text[a:b]), 4)))) for a, b in tm.build(text).sentences]
    return [_quote_row(r, text) for r in quotes], stance_rows(text, quotes, mentions, aid), actors, tones


def sentiment_tables(texts: dict[str, str], quotes: pd.DataFrame, mentions: pd.DataFrame, *,
                     failures: list | None = None, engine: str = "auto", tones: dict | None = None
                     ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(score_quotes(quotes, texts), stance_table(texts, quotes, mentions), score_actors(mentions, texts,
    quotes))`` in one :func:`helpers.corpus.iter_articles` pass over the articles (byte-identical tables whichever
    engine runs it), the rows built into frames chunk by chunk as they come (:func:`helpers.corpus.built_tables`).
    With ``failures`` a list, an article that fails is left out of all three tables and recorded there (:class:`helpers.corpus.Failure`). With ``tones`` a dict, the same pass fills it with
    ``{(article_id, start, end): (vader, afinn)}`` for every sentence, which :func:`tone_arc` then reuses.

    >>> m = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [15], "mention": ["Security forces"],
    ...                   "actor_id": ["sec"], "canonical_name": ["security forces"], "actor_type": ["state"]})
    >>> q = pd.DataFrame(columns=["article_id", "kind", "quote_start", "quote_end", "quote_text", "speaker", "actor"])
    >>> s, st, a = sentiment_tables({"a": "Security forces violently repressed the protests."}, q, m, engine="loop")
    >>> len(s), len(st), a["toward_label"].tolist()
    (0, 0, ['negative'])
    """
    from helpers import corpus

    q_by, m_by = _records_by_article(quotes), _records_by_article(mentions)
    aids = sorted(set(texts) | set(q_by) | set(m_by))
    results = corpus.iter_articles(article_tables, ((aid, texts.get(aid, ""), q_by.get(aid, []), m_by.get(aid, []))
                                                    for aid in aids),
                                   desc="05 sentiment", engine=engine, failures=failures, total=len(aids))

    def rows():  # each article's rows as the map yields them (its tones into ``tones``)
        for p, aid in zip(results, aids):  # the map first: zip then runs it to its end (bar, timing)
            if p is not None and tones is not None:
                tones.update(((aid, a, b), (v, f)) for a, b, v, f in p[3])
            yield None if p is None else p[:3]

    scored, stance, actors = corpus.built_tables(rows(), [quotes_frame, stances_frame, actors_frame])
    return scored, stance, actors


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
    labels = ("negative", "neutral", "positive")
    if len(scored):  # the label counts as sums of indicator columns (no Python function per group)
        lab = scored["toward_label"]
        counts = scored.assign(**{k: (lab == k).astype("int64") for k in labels}).groupby(
            "canonical_name", sort=True)[list(labels)].sum()
    else:  # no group: empty columns of the label column's type, as counting per group gives
        counts = {k: g["toward_label"].apply(lambda s, k=k: int((s == k).sum())) for k in labels}
    out = pd.DataFrame({
        "mentions": g.size(), "mean_toward": g["toward"].mean(), "min_toward": g["toward"].min(),
        "max_toward": g["toward"].max(), "negative": counts["negative"], "neutral": counts["neutral"],
        "positive": counts["positive"], "mean_sentence_vader": g["sentence_vader"].mean(),
    }).reset_index()
    for c in ("mean_toward", "min_toward", "max_toward", "mean_sentence_vader"):
        out[c] = out[c].round(4)
    return out.sort_values(["mean_toward", "canonical_name"], kind="stable").reset_index(drop=True)


def tone_arc(sentences: pd.DataFrame, quotes: pd.DataFrame | None = None, tones: dict | None = None) -> pd.DataFrame:
    """Sentence-by-sentence tone: the sentences table (article_id, sentence_id, start, end, text) plus
    ``vader``, ``afinn``, ``vader_label`` and ``in_statement`` (True when the sentence overlaps the content of a
    statement of ``quotes``), in article/offset order. ``tones`` (``{(article_id, start, end): (vader, afinn)}``, as
    :func:`sentiment_tables` fills it) gives scores already computed; any other sentence is scored here.

    >>> s = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "start": [0, 10], "end": [9, 20],
    ...                   "text": ["All good.", "All bad."]})
    >>> q = pd.DataFrame({"article_id": ["a"], "quote_start": [10], "quote_end": [17]})
    >>> tone_arc(s, q)[["vader", "in_statement"]].values.tolist()
    [[0.4404, False], [-0.5423, True]]
    """
    df = sentences.copy()
    # both lexicons sentence by sentence in one pass (a sentence's own sentences found once for both); a sentence
    # text that recurs (a standard line of an outlet) is scored once
    memo: dict[str, tuple[float, float]] = {}
    known = tones or {}
    pairs = [known.get((aid, int(a), int(b))) or (memo[t] if t in memo else memo.setdefault(t, score_pair(t)))
             for aid, a, b, t in zip(df["article_id"], df["start"], df["end"], df["text"].map(_as_text))]
    df["vader"] = [v for v, _ in pairs]
    df["afinn"] = [a for _, a in pairs]
    df["vader_label"] = df["vader"].map(label)
    spans: dict[str, list[tuple[int, int]]] = {}
    if quotes is not None and len(quotes):
        for aid, a, b in zip(quotes["article_id"], quotes["quote_start"], quotes["quote_end"]):
            spans.setdefault(str(aid), []).append((int(a), int(b)))
    unions = {aid: _union(v) for aid, v in spans.items()}
    df["in_statement"] = [_meets(unions.get(str(aid)), int(s), int(e))
                          for aid, s, e in zip(df["article_id"], df["start"], df["end"])]
    return df.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def _union(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of ``spans`` as sorted disjoint spans ``(starts, ends)`` (overlapping or touching spans merged).

    >>> _union([(5, 9), (0, 3), (3, 4), (8, 12)])
    ([0, 5], [4, 12])
    """
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _meets(union: tuple[list[int], list[int]] | None, start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a span of :func:`_union` (``a < end and start < b``; O(log n)).

    >>> u = _union([(0, 3), (5, 9)])
    >>> _meets(u, 3, 5), _meets(u, 2, 4), _meets(u, 8, 20), _meets(None, 0, 1)
    (False, True, True, False)
    """
    if not union:
        return False
    k = bisect.bisect_left(union[0], end) - 1
    return k >= 0 and union[1][k] > start
