"""The corpus-level view: who is quoted across many articles, per outlet, in what tone and with what stance.

Pure functions over the chain's tables (``articles.csv``, ``quotes.csv``, ``sentiment_quotes.csv``,
``stances.csv``), each returning a plain DataFrame, plus three figures in the house style (:mod:`helpers.plots`).
Notebook 06 shows them in its "Across the corpus" section when a run has more than one article.

Who a statement belongs to across articles (:func:`speaker_key`): the grouping of every notebook
(:mod:`helpers.speakergroups`: the speaker's canonical actor; else ``(unresolved pronoun)``, ``(vague source)``,
``(anonymous source)`` or ``(no speaker)``; else the speaker as written), plus ``(unnamed description)`` for a
speaker described rather than named. The groups (:data:`GROUPS`) are always listed after the named speakers,
never at the top of a ranking.

Counting follows the overview figure of :mod:`helpers.report`: speaker and outlet counts take the statements whose
cue is speech or naming (all statements when ``quote.csv`` has no ``cue_class``); the sourcing shares
(:func:`sourcing_per_outlet`) take every statement. An article without an outlet in the manifest counts under
``unknown`` (default ``"unknown outlet"``).

>>> q = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "kind": ["direct", "indirect", "direct", "indirect"],
...     "quote_start": [0, 50, 0, 40], "quote_end": [20, 70, 30, 60],
...     "quote_text": ["We will not accept it.", "talks failed", "It is over now, really.", "more to come"],
...     "speaker": ["Diaz", "he", "Ana Diaz", "officials"], "actor": ["Ana Diaz", "", "Ana Diaz", ""],
...     "cue_class": ["speech"] * 4, "source_type": ["person", "unresolved", "person", "vague"]})
>>> speakers_table(q)[["speaker", "articles", "statements", "words"]].to_dict("records")[0]
{'speaker': 'Ana Diaz', 'articles': 2, 'statements': 2, 'words': 10}
>>> speakers_table(q)["speaker"].tolist()
['Ana Diaz', '(vague source)', '(unresolved pronoun)']
"""
from __future__ import annotations

import math
import re

import pandas as pd

from . import plots
from . import speakergroups
from .tables import Column

__all__ = ["GROUPS", "UNKNOWN_OUTLET", "CORPUS_SCHEMAS", "corpus_tables", "speaker_key", "outlet_of", "statements_per_outlet", "speakers_table",
           "speaker_tone", "speaker_stance", "stance_by_target", "top_speakers_per_outlet", "sourcing_per_outlet",
           "corpus_markdown", "outlets_figure", "speakers_figure", "stance_figure"]

#: Speaker groups that stand for no one identifiable: listed after every named speaker, in this order.
GROUPS = ("(unnamed description)",) + speakergroups.GROUPS
UNKNOWN_OUTLET = "unknown outlet"
#: The source types counted per outlet, in the figures' order (``plots.PALETTES``; the narrator is not a source).
SOURCE_TYPES = tuple(t for t in plots.PALETTES["source_type"] if t != "narrator")
#: Source types counted as vague, anonymous or unresolved sourcing by :func:`sourcing_per_outlet`.
WEAK_SOURCES = ("vague", "anonymous", "unresolved")
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her|some)\s+", re.I)
_PRONOUN_TARGETS = frozenset("it its they them we us i you he she him her this that these those there here also "
                             "which who what one".split())


def _s(v) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v).strip()


def speaker_key(speaker: str, actor: str = "", source_type: str = "") -> str:
    """Who a statement is counted for across articles: the actor, else a group for unknown sources, else the
    speaker as written (whitespace normalised). A name with no capital letter after its article ("the
    website", "firefighters", an actor named just "government") describes someone without naming them: the
    government of one article is not that of another, so it joins the ``(unnamed description)`` group.

    >>> speaker_key("He", ""), speaker_key("the minister", "Ana Diaz"), speaker_key("", "")
    ('(unresolved pronoun)', 'Ana Diaz', '(no speaker)')
    >>> speaker_key("officials", "", "vague"), speaker_key("a source", "", "anonymous"), speaker_key("Znak", "")
    ('(vague source)', '(anonymous source)', 'Znak')
    >>> speaker_key("The website", "", "document"), speaker_key("the government", "government"), speaker_key("Mendez")
    ('(unnamed description)', '(unnamed description)', 'Mendez')
    """
    name = speakergroups.speaker_group(speaker, actor, source_type)
    if name in GROUPS:
        return name
    rest = _DETERMINER.sub("", name)
    if not any(c.isupper() for c in rest) and any(c.islower() for c in rest):  # scripts without case stay names
        return "(unnamed description)"
    return name


#: :func:`speaker_key` by (speaker, actor, source type), shared by the corpus tables of a run (each table keys the
#: same statements again); emptied when it grows past :data:`_KNOWN_MAX` entries.
_KNOWN: dict = {}
_KNOWN_MAX = 200_000


def _keys(df: pd.DataFrame, actor_col: str = "actor", speaker_col: str = "speaker") -> pd.Series:
    """:func:`speaker_key` of every row, computed once per distinct (speaker, actor, source type)."""
    col = lambda c: df[c] if c in df.columns else pd.Series("", index=df.index)  # noqa: E731
    if len(_KNOWN) > _KNOWN_MAX:
        _KNOWN.clear()
    known = _KNOWN
    keys = []
    for row in zip(*(col(c).to_numpy(dtype=object) for c in (speaker_col, actor_col, "source_type"))):
        k = known.get(row)
        if k is None:
            k = known[row] = speaker_key(*row)
        keys.append(k)
    return pd.Series(keys, index=df.index, dtype=object)


def _ranked(df: pd.DataFrame, by: list[str], key: str = "speaker") -> pd.DataFrame:
    """Rows sorted by ``by`` (descending) then name, with the :data:`GROUPS` rows last (in GROUPS order)."""
    rank = df[key].map(lambda k: GROUPS.index(k) + 1 if k in GROUPS else 0)
    out = df.assign(_g=rank).sort_values(["_g"] + by + [key], ascending=[True] + [False] * len(by) + [True],
                                         kind="stable")
    return out.drop(columns="_g").reset_index(drop=True)


def _counted(quotes: pd.DataFrame) -> pd.DataFrame:
    if "cue_class" in quotes.columns:
        return quotes[quotes["cue_class"].isin(["speech", "naming", ""])]
    return quotes


def _words(text) -> int:
    return len(_s(text).split())


def outlet_of(articles: pd.DataFrame | None, article_ids=(), unknown: str = UNKNOWN_OUTLET) -> dict[str, str]:
    """``{article_id: outlet}`` from ``articles.csv``; articles with no outlet (or missing from ``articles``)
    get ``unknown``.

    >>> outlet_of(pd.DataFrame({"article_id": ["a", "b"], "outlet": ["AP", ""]}), ["c"])
    {'a': 'AP', 'b': 'unknown outlet', 'c': 'unknown outlet'}
    """
    out = {}
    if articles is not None and "article_id" in articles.columns:
        outs = articles["outlet"] if "outlet" in articles.columns else pd.Series("", index=articles.index)
        out = {str(a): (_s(o) or unknown) for a, o in zip(articles["article_id"], outs)}
    for a in article_ids:
        out.setdefault(str(a), unknown)
    return out


def _with_outlet(quotes: pd.DataFrame, articles, unknown: str) -> pd.DataFrame:
    of = outlet_of(articles, quotes["article_id"].astype(str).unique(), unknown)
    return quotes.assign(outlet=quotes["article_id"].astype(str).map(of))


def statements_per_outlet(quotes: pd.DataFrame, articles: pd.DataFrame | None = None,
                          unknown: str = UNKNOWN_OUTLET) -> pd.DataFrame:
    """One row per outlet: ``articles`` (in the run), ``articles_quoting`` (with a counted statement),
    ``statements``, ``words`` quoted, ``speakers`` (distinct named speakers, groups excluded) and
    ``per_article`` (statements per article of the outlet), most statements first.

    >>> q = pd.DataFrame({"article_id": ["a", "b"], "quote_text": ["one two", "three"], "speaker": ["X", "he"],
    ...                   "actor": ["X", ""]})
    >>> statements_per_outlet(q, pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["AP", "", "AP"]})
    ...     ).iloc[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'outlet': 'AP', 'articles': 2, 'articles_quoting': 1, 'statements': 1, 'words': 2, 'speakers': 1,
     'per_article': 0.5}
    """
    q = _with_outlet(_counted(quotes), articles, unknown).assign(_k=lambda d: _keys(d),
                                                                  _w=lambda d: d["quote_text"].map(_words))
    ids = list(articles["article_id"].astype(str)) if articles is not None and "article_id" in articles.columns \
        else list(quotes["article_id"].astype(str).unique())
    of = outlet_of(articles, ids, unknown)
    n_art = pd.Series(list(of.values()), dtype=object).value_counts()
    by_outlet = dict(tuple(q.groupby("outlet", sort=False)))  # one pass, not one scan of q per outlet
    rows = []
    for outlet in sorted(n_art.index):
        g = by_outlet.get(outlet, q.iloc[:0])
        rows.append({"outlet": outlet, "articles": int(n_art[outlet]),
                     "articles_quoting": int(g["article_id"].nunique()),
                     "statements": len(g), "words": int(g["_w"].sum()),
                     "speakers": int(g.loc[~g["_k"].isin(GROUPS), "_k"].nunique()),
                     "per_article": round(len(g) / int(n_art[outlet]), 2)})
    cols = ["outlet", "articles", "articles_quoting", "statements", "words", "speakers", "per_article"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["statements", "outlet"], ascending=[False, True], kind="stable").reset_index(drop=True)


def speakers_table(quotes: pd.DataFrame, articles: pd.DataFrame | None = None,
                   unknown: str = UNKNOWN_OUTLET) -> pd.DataFrame:
    """One row per speaker (:func:`speaker_key`) across the corpus: ``articles`` quoting them, ``statements``,
    ``attributions`` (statements continued after "X said." count once; = statements without ``attribution_id``),
    ``words`` quoted, ``direct`` statements, ``outlets`` quoting them and their main ``source_type``. Most
    articles, then statements, then words first; the :data:`GROUPS` last."""
    q = _counted(quotes)
    q = _with_outlet(q, articles, unknown).assign(speaker=_keys(q), _w=q["quote_text"].map(_words))
    if "attribution_id" in q.columns:
        q = q.assign(_att=q["article_id"].astype(str) + "#" + q["attribution_id"].astype(str))
    else:
        q = q.assign(_att=range(len(q)))
    st = q["source_type"] if "source_type" in q.columns else pd.Series("", index=q.index)
    q = q.assign(_st=st.fillna(""))
    cols = ["speaker", "articles", "statements", "attributions", "words", "direct", "outlets", "source_type"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    agg = q.assign(_d=(q["kind"] == "direct").astype("int64")).groupby("speaker", sort=True).agg(
        articles=("article_id", "nunique"), statements=("_w", "size"), attributions=("_att", "nunique"),
        words=("_w", "sum"), direct=("_d", "sum"), outlets=("outlet", "nunique"))
    # each speaker's main source type: the most frequent, ties to the first by name
    main = q.groupby(["speaker", "_st"], sort=True).size().reset_index(name="_n")
    main = main.sort_values(["speaker", "_n"], ascending=[True, False], kind="stable").drop_duplicates("speaker")
    agg = agg.assign(source_type=main.set_index("speaker")["_st"]).reset_index()[cols]
    return _ranked(agg, ["articles", "statements", "words"])


def speaker_tone(sentiment_quotes: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each speaker's tone across the corpus: ``n`` statements scored, ``mean`` VADER, ``sd`` (only when
    n >= :data:`helpers.plots.MIN_FOR_SUMMARY`, else empty), and ``negative``/``neutral``/``positive`` counts.
    With ``quotes``, only the statements the speaker table counts (speech, naming) and their source types are
    used. Most statements first; the :data:`GROUPS` last.

    >>> sq = pd.DataFrame({"article_id": ["a", "b", "b"], "quote_start": [0, 0, 9], "quote_end": [5, 5, 12],
    ...                    "speaker": ["X", "X", "she"], "actor": ["X", "X", ""], "vader": [0.5, -0.3, 0.1]})
    >>> speaker_tone(sq)[["speaker", "n", "mean", "sd", "negative", "positive"]].to_dict("records")
    [{'speaker': 'X', 'n': 2, 'mean': 0.1, 'sd': nan, 'negative': 1, 'positive': 1}, \
{'speaker': '(unresolved pronoun)', 'n': 1, 'mean': 0.1, 'sd': nan, 'negative': 0, 'positive': 1}]
    """
    cols = ["speaker", "n", "mean", "sd", "min", "max", "negative", "neutral", "positive"]
    sq = sentiment_quotes
    if sq is None or sq.empty or "vader" not in sq.columns:
        return pd.DataFrame(columns=cols)
    sq = _join_quotes(sq, quotes)
    sq = sq.assign(speaker=_keys(sq), vader=pd.to_numeric(sq["vader"], errors="coerce")).dropna(subset=["vader"])
    rows = []
    for k, v in _groups(sq["speaker"], sq["vader"].to_numpy(dtype="float64")):
        n = len(v)
        rows.append({"speaker": k, "n": n, "mean": round(float(_mean(v)), 4),
                     "sd": round(float(_sd(v)), 4) if n >= plots.MIN_FOR_SUMMARY else float("nan"),
                     "min": float(v.min()), "max": float(v.max()), "negative": int((v <= -0.05).sum()),
                     "neutral": int(((v > -0.05) & (v < 0.05)).sum()), "positive": int((v >= 0.05).sum())})
    return _ranked(pd.DataFrame(rows, columns=cols), ["n"])


def _groups(keys: pd.Series, values):
    """``(key, values[rows of key])`` for each distinct key in sorted order, rows in table order: what
    ``groupby(sort=True)`` iterates, without building a frame per group (linear in the rows).

    >>> import numpy as np
    >>> [(k, v.tolist()) for k, v in _groups(pd.Series(["b", "a", "b"]), np.array([1.0, 2.0, 3.0]))]
    [('a', [2.0]), ('b', [1.0, 3.0])]
    """
    rows: dict = {}
    for i, k in enumerate(keys.tolist()):
        rows.setdefault(k, []).append(i)
    for k in sorted(rows):
        yield k, values[rows[k]]


def _mean(v):
    """The mean as ``pandas.Series.mean`` computes it (sum, then divide), so results keep their last bits.

    >>> import numpy as np
    >>> float(_mean(np.array([0.1, 0.2, 0.4]))) == float(pd.Series([0.1, 0.2, 0.4]).mean())
    True
    """
    return v.sum(dtype="float64") / float(len(v))


def _sd(v):
    """The sample standard deviation as ``pandas.Series.std(ddof=1)`` computes it (two passes).

    >>> import numpy as np
    >>> float(_sd(np.array([0.1, 0.2, 0.4]))) == float(pd.Series([0.1, 0.2, 0.4]).std(ddof=1))
    True
    """
    return math.sqrt(float(((_mean(v) - v) ** 2).sum(dtype="float64") / (len(v) - 1.0)))


def _join_quotes(df: pd.DataFrame, quotes: pd.DataFrame | None) -> pd.DataFrame:
    """``df`` restricted to the counted statements of ``quotes`` (by article and offsets), with their
    ``source_type``; unchanged without ``quotes``."""
    if quotes is None or quotes.empty or not {"article_id", "quote_start", "quote_end"} <= set(df.columns):
        return df
    key = ["article_id", "quote_start", "quote_end"]
    q = _counted(quotes)
    extra = ["source_type"] if "source_type" in q.columns and "source_type" not in df.columns else []
    q = q[key + extra].drop_duplicates(key)
    left = df.assign(_a=df["article_id"].astype(str), _s=pd.to_numeric(df["quote_start"]),
                     _e=pd.to_numeric(df["quote_end"]))
    right = q.assign(_a=q["article_id"].astype(str), _s=pd.to_numeric(q["quote_start"]),
                     _e=pd.to_numeric(q["quote_end"]))[["_a", "_s", "_e"] + extra]
    return left.merge(right, on=["_a", "_s", "_e"], how="inner").drop(columns=["_a", "_s", "_e"])


def _stance_rows(stances: pd.DataFrame | None, quotes: pd.DataFrame | None) -> pd.DataFrame:
    if stances is None or stances.empty or "polarity" not in stances.columns:
        return pd.DataFrame(columns=["speaker", "target", "polarity"])
    st = _join_quotes(stances, quotes) if quotes is not None and "cue_class" in quotes.columns else stances
    tgt_actor = st["target_actor"].fillna("").astype(str) if "target_actor" in st.columns else ""
    tgt_text = st["target_text"].fillna("").astype(str).str.split().str.join(" ")
    tgt_text = tgt_text.map(lambda t: "(pronoun)" if t.strip('"“”').lower() in _PRONOUN_TARGETS else t)
    return st.assign(speaker=_keys(st, "holder_actor", "holder"),
                     target=tgt_actor.where(tgt_actor != "", tgt_text),
                     polarity=pd.to_numeric(st["polarity"], errors="coerce").fillna(0).astype(int))


def speaker_stance(stances: pd.DataFrame | None, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each speaker's stance across the corpus: ``negative``/``positive``/``neutral`` stance counts over all
    targets, ``targets`` taken a non-neutral stance toward, and the ``against`` and ``for`` targets (most often
    first, up to three each). Most non-neutral stances first; the :data:`GROUPS` last."""
    cols = ["speaker", "negative", "positive", "neutral", "targets", "against", "for"]
    st = _stance_rows(stances, quotes)
    if st.empty:
        return pd.DataFrame(columns=cols)

    def top(c: dict) -> str:  # most often first, ties by name; pronoun targets are not named
        items = sorted(((k, v) for k, v in c.items() if k != "(pronoun)"), key=lambda kv: (-kv[1], kv[0]))
        return "; ".join(f"{k} ({v})" if v > 1 else k for k, v in items[:3])

    # one pass over the rows (a frame per speaker cost 1.5 s on 500 articles): speaker -> [neutral, against, for]
    by: dict = {}
    for k, target, pol in zip(st["speaker"].tolist(), st["target"].tolist(), st["polarity"].tolist()):
        s = by.setdefault(k, [0, {}, {}])
        if pol == 0:
            s[0] += 1
        else:
            c = s[1] if pol < 0 else s[2]
            c[target] = c.get(target, 0) + 1
    rows = []
    for k in sorted(by):
        neutral, neg, pos = by[k]
        rows.append({"speaker": k, "negative": sum(neg.values()), "positive": sum(pos.values()),
                     "neutral": neutral, "targets": len(neg.keys() | pos.keys()),
                     "against": top(neg), "for": top(pos)})
    out = pd.DataFrame(rows, columns=cols).assign(_t=lambda d: d["negative"] + d["positive"])
    return _ranked(out, ["_t", "negative"]).drop(columns="_t")


def stance_by_target(stances: pd.DataFrame | None, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (speaker, target) with a non-neutral stance: ``negative`` and ``positive`` counts and the
    ``articles`` they come from; most stances first, the :data:`GROUPS` last.

    >>> st = pd.DataFrame({"article_id": ["a", "b", "b"], "holder": ["X", "X", "he"], "holder_actor": ["X", "X", ""],
    ...     "target_text": ["the plan", "The  plan", "it"], "target_actor": ["", "", ""], "polarity": [-1, -1, 1]})
    >>> stance_by_target(st).to_dict("records")[0]
    {'speaker': 'X', 'target': 'the plan', 'negative': 2, 'positive': 0, 'articles': 2}
    """
    cols = ["speaker", "target", "negative", "positive", "articles"]
    st = _stance_rows(stances, quotes)
    st = st[st["polarity"] != 0]
    if st.empty:
        return pd.DataFrame(columns=cols)
    st = st.assign(target=st["target"].map(lambda t: t[:1].lower() + t[1:] if t[:4] in ("The ", "A ", "An ") else t))
    st = st.assign(_neg=(st["polarity"] < 0).astype("int64"), _pos=(st["polarity"] > 0).astype("int64"))
    out = st.groupby(["speaker", "target"], sort=True).agg(
        negative=("_neg", "sum"), positive=("_pos", "sum"), articles=("article_id", "nunique")).reset_index()
    out = out.assign(_t=out["negative"] + out["positive"])
    return _ranked(out, ["_t"]).drop(columns="_t")[cols]


def top_speakers_per_outlet(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, n: int = 5,
                            unknown: str = UNKNOWN_OUTLET) -> pd.DataFrame:
    """The ``n`` most quoted named actors of each outlet (by articles quoting them, then statements; the
    :data:`GROUPS` are not ranked): ``outlet``, ``rank``, ``speaker``, ``articles``, ``statements``, ``words``."""
    q = _counted(quotes)
    q = _with_outlet(q, articles, unknown).assign(speaker=_keys(q), _w=q["quote_text"].map(_words))
    q = q[~q["speaker"].isin(GROUPS)]
    rows = []
    for outlet, g in q.groupby("outlet", sort=True):
        agg = g.groupby("speaker").agg(articles=("article_id", "nunique"), statements=("_w", "size"),
                                       words=("_w", "sum")).reset_index()
        agg = _ranked(agg, ["articles", "statements", "words"]).head(n)
        for i, r in enumerate(agg.itertuples(index=False), 1):
            rows.append({"outlet": outlet, "rank": i, "speaker": r.speaker, "articles": int(r.articles),
                         "statements": int(r.statements), "words": int(r.words)})
    return pd.DataFrame(rows, columns=["outlet", "rank", "speaker", "articles", "statements", "words"])


def sourcing_per_outlet(quotes: pd.DataFrame, articles: pd.DataFrame | None = None,
                        unknown: str = UNKNOWN_OUTLET) -> pd.DataFrame:
    """Per outlet, every statement (any cue class) by ``source_type``: one count column per type, ``statements``,
    and ``weak_share``: the share resting on vague, anonymous or unresolved sources (empty without
    ``source_type``). Highest share first.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "a", "b"],
    ...                   "source_type": ["person", "vague", "unresolved", "person"]})
    >>> sourcing_per_outlet(q, pd.DataFrame({"article_id": ["a", "b"], "outlet": ["AP", "BBC"]}))[
    ...     ["outlet", "statements", "person", "vague", "unresolved", "weak_share"]].to_dict("records")[0]
    {'outlet': 'AP', 'statements': 3, 'person': 1, 'vague': 1, 'unresolved': 1, 'weak_share': 0.667}
    """
    types = list(SOURCE_TYPES)
    q = _with_outlet(quotes, articles, unknown)
    st = q["source_type"].fillna("").replace("", "unresolved") if "source_type" in q.columns else None
    rows = []
    for outlet, g in q.groupby("outlet", sort=True):
        row = {"outlet": outlet, "statements": len(g)}
        if st is not None:
            c = st[g.index].value_counts()
            row.update({t: int(c.get(t, 0)) for t in types})
            row["weak_share"] = round(sum(row[t] for t in WEAK_SOURCES) / max(len(g), 1), 3)
        rows.append(row)
    cols = ["outlet", "statements"] + (types + ["weak_share"] if st is not None else [])
    out = pd.DataFrame(rows, columns=cols)
    if st is not None and len(out):
        out = out.sort_values(["weak_share", "outlet"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def _pl(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless n is 1.

    >>> _pl(1, "article"), _pl(3, "statement")
    ('1 article', '3 statements')
    """
    return f"{n} {word}{'' if n == 1 else 's'}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else "none"


def corpus_markdown(t: dict[str, pd.DataFrame], unknown: str = UNKNOWN_OUTLET, top: int = 5) -> str:
    """The corpus view's findings as Markdown bullet points, generated from the tables ``t`` (as
    :func:`helpers.report.load_tables` gives them)."""
    q, arts = t["quotes"], t.get("articles")
    n_art = len(arts) if arts is not None else q["article_id"].nunique()
    outl = statements_per_outlet(q, arts, unknown)
    sp = speakers_table(q, arts, unknown)
    named, groups = sp[~sp["speaker"].isin(GROUPS)], sp[sp["speaker"].isin(GROUPS)]
    per = [f"{r.outlet}: {_pl(r.articles, 'article')}, {_pl(r.statements, 'statement')}" for r in outl.itertuples()]
    lines = [f"- **Corpus.** {_pl(n_art, 'article')} from {_pl(len(outl), 'outlet')} ({_join(per[:6])})."]
    most = [f"{r.speaker} ({_pl(r.articles, 'article')}, {_pl(r.statements, 'statement')}, {_pl(r.words, 'word')})"
            for r in named.head(top).itertuples()]
    line = (f"- **Quoted across articles.** {len(named)} named speakers; most widely quoted: {_join(most)}."
            if len(named) else "- **Quoted across articles.** No named speaker.")
    if len(groups):
        line += " Not identifiable: " + ", ".join(f"{r.speaker} {r.statements}" for r in groups.itertuples()) + \
                " statements (grouped, since “he” in one article is not “he” in another)."
    lines.append(line)
    src = sourcing_per_outlet(q, arts, unknown)
    if "weak_share" in src.columns and len(src):
        lines.append("- **Sourcing.** Share of statements on vague, anonymous or unresolved sources: "
                     + _join([f"{r.outlet} {r.weak_share:.0%} of {r.statements}" for r in src.itertuples()][:6]) + ".")
    tone = speaker_tone(t.get("sentiment_quotes"), q)
    tn = tone[~tone["speaker"].isin(GROUPS) & (tone["n"] >= plots.MIN_FOR_SUMMARY)]
    if len(tn):
        tn = tn.sort_values(["mean", "speaker"], kind="stable")
        ends = [f"{r['speaker']} {r['mean']:+.2f} (n={r['n']})" for r in [tn.iloc[0], tn.iloc[-1]][:len(tn)]]
        lines.append(f"- **Tone by speaker.** Of the {len(tn)} named speakers with {plots.MIN_FOR_SUMMARY} or more "
                     f"scored statements, the most negative mean VADER is {ends[0]}"
                     + (f", the most positive {ends[1]}." if len(ends) > 1 else "."))
    elif len(tone):
        lines.append(f"- **Tone by speaker.** No named speaker has {plots.MIN_FOR_SUMMARY} or more scored statements;"
                     " each statement's tone is shown as a point.")
    stn = speaker_stance(t.get("stances"), q)
    stn = stn[~stn["speaker"].isin(GROUPS) & (stn["negative"] + stn["positive"] > 0)]
    if len(stn):
        lines.append("- **Stance by speaker.** " + "; ".join(
            f"{r.speaker}: {r.negative} negative, {r.positive} positive"
            + (f" (against {r.against})" if r.against else "") for r in stn.head(top).itertuples()) + ".")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------------ figures
def _clip(name: str, width: int = 32) -> str:
    """A speaker label short enough for the figure's axis (cut with an ellipsis)."""
    return name if len(name) <= width else name[:width - 1].rstrip() + "…"


def _height(n: int) -> float:
    return 0.42 * max(n, 2) + 1.8


def outlets_figure(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, unknown: str = UNKNOWN_OUTLET):
    """Left: counted statements per outlet (n articles in the label). Right: every statement's source type as a
    share of the outlet's statements (source-type palette, hatched for greyscale)."""
    import matplotlib.pyplot as plt

    per = statements_per_outlet(quotes, articles, unknown)
    src = sourcing_per_outlet(quotes, articles, unknown).set_index("outlet")
    order = per["outlet"].tolist()
    with plots.style():
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(plots.WIDTH, _height(len(order))), sharey=True)
        ax1.barh(range(len(order)), per["statements"], color=plots.colour("count", "count"))
        for y, r in enumerate(per.itertuples()):
            ax1.text(r.statements, y, f" {r.statements}", va="center", fontsize=9)
        ax1.set_yticks(range(len(order)), [f"{o}\n({a} articles)" for o, a in zip(order, per["articles"])])
        ax1.set_ylim(len(order) - 0.5, -0.5)
        ax1.set_xlabel("statements (speech and naming cues)")
        ax1.set_title("Statements per outlet")
        types = [c for c in plots.PALETTES["source_type"] if c in src.columns]
        if types:
            left = pd.Series(0.0, index=order)
            for t in types:
                share = (src[t] / src["statements"].clip(lower=1)).reindex(order, fill_value=0)
                ax2.barh(range(len(order)), share.values, left=left.values, color=plots.colour("source_type", t),
                         hatch=plots.hatch("source_type", t), edgecolor="#333333", linewidth=0.5, label=t)
                left += share
            ax2.set_xlim(0, 1)
            ax2.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
            ax2.set_xlabel("share of all statements, by source type")
            ax2.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16 - 0.5 / max(len(order), 2)), ncol=3,
                       frameon=False, fontsize=8)
            ax2.set_title("Who the statements rest on")
        else:
            ax2.text(0.5, 0.5, "no source_type in quotes.csv", ha="center", va="center", transform=ax2.transAxes)
            ax2.set_axis_off()
        fig.tight_layout()
    return fig


def _top_with_groups(speakers: pd.DataFrame, top: int) -> list[str]:
    named = speakers.loc[~speakers["speaker"].isin(GROUPS), "speaker"].head(top).tolist()
    return named + speakers.loc[speakers["speaker"].isin(GROUPS), "speaker"].tolist()


def speakers_figure(quotes: pd.DataFrame, sentiment_quotes: pd.DataFrame | None = None,
                    articles: pd.DataFrame | None = None, top: int = 12):
    """The ``top`` named speakers across the corpus (then the :data:`GROUPS`, set apart in grey below a line).
    Left: articles quoting each speaker and statements. Right: each statement's tone (VADER) as a dot, the mean
    only with :data:`helpers.plots.MIN_FOR_SUMMARY` or more statements (n in every label)."""
    import matplotlib.pyplot as plt

    sp = speakers_table(quotes, articles)
    order = _top_with_groups(sp, top)
    sp = sp.set_index("speaker").reindex(order)
    n_named = sum(k not in GROUPS for k in order)
    with plots.style():
        if not order:
            fig, ax = plt.subplots(figsize=(plots.WIDTH, 2))
            ax.text(0.5, 0.5, "no statements in this run", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            return fig
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(plots.WIDTH, _height(len(order))), sharey=True,
                                       gridspec_kw={"width_ratios": [1, 1.2]})
        y = range(len(order))
        grey = [plots.OKABE_ITO["grey"] if k in GROUPS else plots.colour("count", "count") for k in order]
        ax1.barh([v + 0.2 for v in y], sp["statements"], height=0.38, color=grey, label="statements")
        ax1.barh([v - 0.2 for v in y], sp["articles"], height=0.38, color="white", edgecolor=grey, hatch="//",
                 label="articles quoting")
        ax1.set_yticks(list(y), [plots.n_label(_clip(k), int(sp.loc[k, "statements"])) for k in order])
        ax1.set_ylim(len(order) - 0.5, -0.5)
        ax1.set_xlabel("count")
        ax1.set_title("Most quoted across articles")
        ax1.legend(loc="lower right", frameon=False, fontsize=8)
        if n_named < len(order):
            for ax in (ax1, ax2):
                ax.axhline(n_named - 0.5, color="#999999", lw=0.8, ls="--")
        sq = sentiment_quotes
        if sq is not None and len(sq) and "vader" in sq.columns:
            sq = _join_quotes(sq, quotes)
            sq = sq.assign(_k=_keys(sq), vader=pd.to_numeric(sq["vader"], errors="coerce")).dropna(subset=["vader"])
            groups = {k: sq.loc[sq["_k"] == k, "vader"].tolist() for k in order}
            ax2.axvspan(-0.05, 0.05, color="#EEEEEE", zorder=0)
            plots.points_or_summary(ax2, groups, colour_of=lambda k: plots.OKABE_ITO["grey"] if k in GROUPS
                                    else plots.OKABE_ITO["black"])
            for i, k in enumerate(order):  # the tone's own n (statements with a score), right of the dots
                ax2.text(1.08, i, f"n={len(groups[k])}", va="center", fontsize=8, clip_on=False)
            ax1.set_yticks(list(y), [plots.n_label(_clip(k), int(sp.loc[k, "statements"])) for k in order])
            ax1.set_ylim(len(order) - 0.5, -0.5)  # the axes share y: points_or_summary set the ticks for both
            ax2.tick_params(labelleft=False)
            ax2.set_xlim(-1.05, 1.05)
            ax2.set_xlabel(f"statement tone (VADER); bar: mean where n ≥ {plots.MIN_FOR_SUMMARY}")
            ax2.set_title("In what tone (one dot per statement)")
        else:
            ax2.text(0.5, 0.5, "no statement tone in this run", ha="center", va="center", transform=ax2.transAxes)
            ax2.set_axis_off()
        fig.tight_layout()
    return fig


def stance_figure(stances: pd.DataFrame | None, quotes: pd.DataFrame | None = None, top: int = 12):
    """Each speaker's stances across the corpus: negative stances to the left, positive to the right (polarity
    palette and hatches); the ``top`` named speakers by non-neutral stances, then the :data:`GROUPS`."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    st = speaker_stance(stances, quotes)
    st = st[st["negative"] + st["positive"] > 0]
    order = _top_with_groups(st, top)
    st = st.set_index("speaker").reindex(order)
    with plots.style():
        fig, ax = plt.subplots(figsize=(plots.WIDTH, _height(len(order))))
        if not order:
            ax.text(0.5, 0.5, "no speaker takes a positive or negative stance in this run", ha="center",
                    va="center", transform=ax.transAxes)
            ax.set_axis_off()
            return fig
        y = range(len(order))
        for pol, sign in (("negative", -1), ("positive", 1)):
            ax.barh(list(y), sign * st[pol].astype(int), color=plots.colour("polarity", pol),
                    hatch=plots.hatch("polarity", pol), edgecolor="#333333", linewidth=0.5, label=f"{pol} stances")
        ax.axvline(0, color="black", lw=0.8)
        ax.set_yticks(list(y), [plots.n_label(_clip(k), int(st.loc[k, "negative"] + st.loc[k, "positive"]))
                           for k in order])
        ax.set_ylim(len(order) - 0.5, -0.5)
        lim = max(int(st["negative"].max()), int(st["positive"].max()), 1)
        ax.set_xlim(-lim * 1.1, lim * 1.1)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{abs(int(round(x)))}"))
        ax.set_xlabel("stances toward targets (← negative | positive →)")
        ax.set_title("Stance across the corpus, by speaker")
        ax.legend(loc="lower right", frameon=False)
        n_named = sum(k not in GROUPS for k in order)
        if n_named < len(order):
            ax.axhline(n_named - 0.5, color="#999999", lw=0.8, ls="--")
        fig.tight_layout()
    return fig


# ------------------------------------------------------------------------------------------ corpus tables
_SPEAKER = Column("speaker", "str", "Speaker across articles: canonical actor, else the name as written; sources "
                  "that name no one are grouped (`(unresolved pronoun)`, `(vague source)`, ...).")
_OUTLET = Column("outlet", "str", f"Outlet from the manifest (`{UNKNOWN_OUTLET}` when it gives none).")
CORPUS_SCHEMAS: dict[str, list[Column]] = {
    "corpus_outlets": [
        _OUTLET,
        Column("articles", "int", "Articles of the outlet in the run."),
        Column("articles_quoting", "int", "Articles with at least one counted statement (speech or naming)."),
        Column("statements", "int", "Counted statements (cue_class speech or naming)."),
        Column("words", "int", "Words inside those statements."),
        Column("speakers", "int", "Distinct speakers quoted."),
        Column("per_article", "float", "Statements per article."),
    ],
    "corpus_sourcing": [
        _OUTLET,
        Column("statements", "int", "Every statement of the outlet, whatever its cue class."),
        *[Column(t, "int", f"Statements whose source_type is {t}.") for t in SOURCE_TYPES],
        Column("weak_share", "float", "Share of statements from vague, anonymous or unresolved sources."),
    ],
    "corpus_top_speakers": [
        _OUTLET,
        Column("rank", "int", "Rank within the outlet (1 = quoted in most articles, then most statements)."),
        _SPEAKER,
        Column("articles", "int", "Articles of the outlet quoting the speaker."),
        Column("statements", "int", "Counted statements of the speaker in the outlet."),
        Column("words", "int", "Words inside them."),
    ],
    "corpus_speakers": [
        _SPEAKER,
        Column("articles", "int", "Articles quoting the speaker."),
        Column("statements", "int", "Counted statements (speech or naming)."),
        Column("attributions", "int", "Attributions: parts of one quote continued after 'X said.' count once."),
        Column("words", "int", "Words quoted."),
        Column("direct", "int", "Direct statements among them."),
        Column("outlets", "int", "Outlets quoting the speaker."),
        Column("source_type", "str", "The speaker's most frequent source_type."),
    ],
    "corpus_speaker_tone": [
        _SPEAKER,
        Column("n", "int", "Statements with a VADER score."),
        Column("mean", "float", "Mean VADER compound of those statements."),
        Column("sd", "float", f"Standard deviation (empty below n = {plots.MIN_FOR_SUMMARY})."),
        Column("min", "float", "Lowest VADER compound."),
        Column("max", "float", "Highest VADER compound."),
        Column("negative", "int", "Statements labelled negative."),
        Column("neutral", "int", "Statements labelled neutral."),
        Column("positive", "int", "Statements labelled positive."),
    ],
    "corpus_speaker_stance": [
        _SPEAKER,
        Column("negative", "int", "Negative stances (stances.csv) over all targets."),
        Column("positive", "int", "Positive stances."),
        Column("neutral", "int", "Neutral stances."),
        Column("targets", "int", "Distinct targets of a non-neutral stance."),
        Column("against", "str", "Targets of negative stances, most often first (up to three; count when > 1)."),
        Column("for", "str", "Targets of positive stances, likewise."),
    ],
    "corpus_stance_targets": [
        _SPEAKER,
        Column("target", "str", "Target of the stances."),
        Column("negative", "int", "Negative stances of the speaker toward the target."),
        Column("positive", "int", "Positive stances."),
        Column("articles", "int", "Articles with such a stance."),
    ],
}


def corpus_tables(t: dict[str, pd.DataFrame], top: int = 5) -> dict[str, pd.DataFrame]:
    """The corpus-level tables of a run, by the file name they are written under (``<name>.csv``, schemas in
    :data:`CORPUS_SCHEMAS`), from the run's tables ``t`` (``quotes``; optionally ``articles``,
    ``sentiment_quotes``, ``stances``): the tables notebook 06 shows for a run of more than one article."""
    q, arts = t["quotes"], t.get("articles")
    return {
        "corpus_outlets": statements_per_outlet(q, arts),
        "corpus_sourcing": sourcing_per_outlet(q, arts),
        "corpus_top_speakers": top_speakers_per_outlet(q, arts, n=top),
        "corpus_speakers": speakers_table(q, arts),
        "corpus_speaker_tone": speaker_tone(t.get("sentiment_quotes"), q),
        "corpus_speaker_stance": speaker_stance(t.get("stances"), q),
        "corpus_stance_targets": stance_by_target(t.get("stances"), q),
    }
