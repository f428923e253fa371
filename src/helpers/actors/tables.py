"""Tables over many articles: :func:`mention_table`, :func:`discovered_candidates`, :func:`actor_counts`,
:func:`cooccurrence` (notebook ``03_actors``), with their schemas."""
from __future__ import annotations

import bisect

import numpy as np
import pandas as pd

from helpers.tables import Column, conform, empty_frame

from .mentions import MENTIONS_SCHEMA, mention_columns

MENTIONS_TABLE_SCHEMA = [Column("article_id", "str", "article identifier")] + MENTIONS_SCHEMA

CANDIDATES_SCHEMA = [
    Column("candidate", "str", "discovered name (longest form) that the codebook does not know"),
    Column("mentions", "int", "number of mentions"),
    Column("articles", "int", "number of articles that mention it"),
    Column("first_article_id", "str", "first article (in sort order) that mentions it"),
    Column("first_start", "int", "offset of its first mention in that article"),
    Column("forms", "str", "distinct forms as written, ' | '-separated"),
]
ACTOR_COUNTS_SCHEMA = [
    Column("canonical_name", "str", "actor"),
    Column("actor_id", "str", "codebook id; empty for discovered names"),
    Column("actor_type", "str", "actor type (most frequent in the mentions)"),
    Column("mentions", "int", "number of resolved mentions"),
    Column("articles", "int", "number of articles that mention the actor"),
    Column("by_name", "int", "mentions by name or alias"),
    Column("by_title", "int", "mentions by title"),
    Column("by_pronoun", "int", "mentions by pronoun"),
    Column("discovered", "int", "mentions as a discovered name"),
]
COOCCURRENCE_SCHEMA = [
    Column("actor_a", "str", "canonical name of one actor (alphabetically first)"),
    Column("actor_b", "str", "canonical name of the other actor"),
    Column("sentences", "int", "number of sentences that mention both"),
    Column("articles", "int", "number of articles with at least one such sentence"),
]


def _article_mentions(item: tuple) -> dict[str, list]:
    """:func:`.mentions.mention_columns` of one ``(article_id, text, date)`` item of
    :func:`helpers.corpus.map_articles`, with an ``article_id`` column."""
    article_id, text, date = item
    cols = mention_columns(text, date)
    return {"article_id": [article_id] * len(cols["start"]), **cols}


def mention_table(texts: dict[str, str], dates: dict[str, str | None] | None = None, *,
                  failures: list | None = None, engine: str = "auto") -> pd.DataFrame:
    """Mentions of many articles, keyed by ``article_id`` (:data:`MENTIONS_TABLE_SCHEMA`), sorted.

    The articles are mapped with :func:`helpers.corpus.map_articles` (``engine``; with a ``failures`` list an
    article that raises is recorded there and left out instead of stopping the run). Each article gives plain
    column lists; the table is built once from all of them.

    >>> t = mention_table({"b": "Police came.", "a": "Protesters left."})
    >>> t[["article_id", "mention"]].values.tolist()
    [['a', 'Protesters'], ['b', 'Police']]
    """
    from helpers import corpus

    items = [(aid, texts[aid], (dates or {}).get(aid)) for aid in sorted(texts)]
    parts = [p for p in corpus.map_articles(_article_mentions, items, desc="03 mentions", engine=engine,
                                            failures=failures, total=len(items)) if p is not None]
    cols = {c.name: [v for p in parts for v in p[c.name]] for c in MENTIONS_TABLE_SCHEMA}
    return pd.DataFrame({c.name: (np.array(cols[c.name], dtype="int64") if c.dtype == "int"
                                  else pd.array(cols[c.name], dtype="string")) for c in MENTIONS_TABLE_SCHEMA})


def discovered_candidates(mentions: pd.DataFrame) -> pd.DataFrame:
    """Discovered names (not in the codebook) with counts: candidates a researcher may add.

    ``mentions`` is a mentions table with ``article_id`` (:data:`MENTIONS_TABLE_SCHEMA`).

    >>> t = mention_table({"a": "Officials met Yevgeny Zinichev. Zinichev said no."})
    >>> discovered_candidates(t)[["candidate", "mentions", "forms"]].values.tolist()
    [['Yevgeny Zinichev', 2, 'Yevgeny Zinichev | Zinichev']]
    """
    d = mentions[mentions["resolution"] == "discovered"]
    if d.empty:
        return empty_frame(CANDIDATES_SCHEMA)
    d = d.sort_values(["article_id", "start"], kind="stable")
    d = d.assign(mention=d["mention"].astype(str))
    g = d.groupby("canonical_name", sort=True)
    forms = d.drop_duplicates(["canonical_name", "mention"]).groupby("canonical_name", sort=True)["mention"]
    out = pd.DataFrame({
        "candidate": g.size().index,
        "mentions": g.size().to_numpy(),
        "articles": g["article_id"].nunique().to_numpy(),
        "first_article_id": g["article_id"].first().to_numpy(),
        "first_start": g["start"].first().to_numpy(),
        "forms": forms.agg(" | ".join).to_numpy(),
    })
    out = out.sort_values(["mentions", "candidate"], ascending=[False, True], kind="stable")
    return conform(out, CANDIDATES_SCHEMA)


def actor_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Resolved mentions per actor, split by how they were resolved (:data:`ACTOR_COUNTS_SCHEMA`).

    >>> t = mention_table({"a": "Blinken spoke. He left. Blinken returned."})
    >>> actor_counts(t)[["canonical_name", "mentions", "by_name", "by_pronoun"]].values.tolist()
    [['Antony Blinken', 3, 2, 1]]
    """
    r = mentions[mentions["canonical_name"] != ""]
    if r.empty:
        return empty_frame(ACTOR_COUNTS_SCHEMA)
    res = r["resolution"]
    r = r.assign(by_name=res.isin(["name", "alias"]), by_title=res.eq("title"), by_pronoun=res.eq("pronoun"),
                 discovered=res.eq("discovered"))
    g = r.groupby("canonical_name", sort=True)
    out = g[["by_name", "by_title", "by_pronoun", "discovered"]].sum().astype("int64")
    out.insert(0, "mentions", g.size())
    out.insert(1, "articles", g["article_id"].nunique() if "article_id" in r else 1)
    ids = r["actor_id"].where(r["actor_id"].astype(str) != "").groupby(r["canonical_name"], sort=True).first()
    typed = r[r["actor_type"].astype(str) != ""].groupby(["canonical_name", "actor_type"]).size()
    typed = typed.rename("n").reset_index().sort_values(["canonical_name", "n", "actor_type"],
                                                         ascending=[True, False, True], kind="stable")
    types = typed.drop_duplicates("canonical_name").set_index("canonical_name")["actor_type"]
    out.insert(0, "actor_type", types.reindex(out.index).fillna(""))
    out.insert(0, "actor_id", ids.reindex(out.index).fillna(""))
    out = out.rename_axis("canonical_name").reset_index()
    out = out.sort_values(["mentions", "canonical_name"], ascending=[False, True], kind="stable")
    return conform(out, ACTOR_COUNTS_SCHEMA)


def cooccurrence(mentions: pd.DataFrame, sentences: pd.DataFrame | None = None,
                 include_discovered: bool = False) -> pd.DataFrame:
    """Pairs of actors mentioned in the same sentence (:data:`COOCCURRENCE_SCHEMA`).

    A mention's sentence is its ``sentence_id`` (the text model's sentence, as in ``sentences.csv``). For a
    mentions table without that column, ``sentences`` (``article_id``, ``start``, ``end``) gives the sentences
    and a mention belongs to the one that contains its start. Only codebook actors count unless
    ``include_discovered``.

    >>> t = mention_table({"a": "Blinken criticised Kazakh police. Protesters left."})
    >>> cooccurrence(t).values.tolist()
    [['Antony Blinken', 'Kazakhstan police', 1, 1]]
    >>> s = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [50]})
    >>> cooccurrence(t.drop(columns="sentence_id"), s, include_discovered=True)["actor_b"].tolist()
    ['Kazakhstan police', 'protesters', 'protesters']
    """
    m = mentions[mentions["canonical_name"] != ""]
    if not include_discovered:
        m = m[m["actor_id"] != ""]
    if "sentence_id" not in m.columns:
        if sentences is None or len(sentences) == 0:
            return empty_frame(COOCCURRENCE_SCHEMA)
        m = m.assign(sentence_id=_sentence_ids(m, sentences))
        m = m[m["sentence_id"] >= 0]
    if m.empty:
        return empty_frame(COOCCURRENCE_SCHEMA)
    # (article, sentence) -> the actors named in it, from plain lists (0.03 s for 97,000 mentions; 0.9 s by pandas
    # groups, one per sentence)
    by_sentence: dict[tuple, set] = {}
    for aid, k, name in zip(m["article_id"].tolist(), m["sentence_id"].tolist(),
                            m["canonical_name"].astype(str).tolist()):
        by_sentence.setdefault((aid, k), set()).add(name)
    pairs: dict[tuple[str, str], set] = {}
    for (aid, k), named in by_sentence.items():
        if aid is pd.NA or len(named) < 2:
            continue
        names = sorted(named)
        for a_i in range(len(names)):
            for b_i in range(a_i + 1, len(names)):
                pairs.setdefault((names[a_i], names[b_i]), set()).add((aid, k))
    if not pairs:
        return empty_frame(COOCCURRENCE_SCHEMA)
    rows = [{"actor_a": a, "actor_b": b, "sentences": len(v), "articles": len({x[0] for x in v})}
            for (a, b), v in pairs.items()]
    out = pd.DataFrame(rows).sort_values(["sentences", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable")
    return conform(out, COOCCURRENCE_SCHEMA)


def _sentence_ids(m: pd.DataFrame, sentences: pd.DataFrame) -> list[int]:
    """Index (in start order, per article) of the sentence containing each mention's start; -1 if none."""
    sent = sentences.sort_values(["article_id", "start"], kind="stable")
    by_article = {a: (g["start"].to_numpy(), g["end"].to_numpy()) for a, g in sent.groupby("article_id", sort=True)}
    out = []
    for aid, st in zip(m["article_id"], m["start"].to_numpy()):
        ss, se = by_article.get(aid, ((), ()))
        k = bisect.bisect_right(ss, st) - 1
        out.append(k if k >= 0 and st < se[k] else -1)
    return out
