"""The corpus tables of notebook 03 (helpers.actors.tables) against per-actor / per-article references."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import actors, paths
from helpers.tables import conform


@pytest.fixture(scope="module")
def mentions() -> pd.DataFrame:
    files = paths.corpus_files(("wikinews-2019-2020",))[:40]
    texts = {f.stem: f.read_text(encoding="utf-8") for f in files}
    return actors.mention_table(texts, engine="loop")


def test_mention_table_is_find_mentions_per_article_in_order():
    texts = {"b": "Blinken spoke. He left.", "a": "Protesters left.", "c": ""}
    t = actors.mention_table(texts, engine="loop")
    expected = pd.concat([actors.find_mentions(texts[a]).assign(article_id=a) for a in sorted(texts)],
                         ignore_index=True)
    assert t["article_id"].tolist() == ["a", "b", "b"]
    assert t.drop(columns="article_id").equals(conform(expected, actors.MENTIONS_SCHEMA))


def test_actor_counts_matches_a_per_actor_count(mentions):
    counts = actors.actor_counts(mentions).set_index("canonical_name")
    r = mentions[mentions["canonical_name"] != ""]
    assert len(counts) == r["canonical_name"].nunique() > 20
    for name, g in r.groupby("canonical_name"):
        row, res = counts.loc[name], g["resolution"]
        types = g.loc[g["actor_type"] != "", "actor_type"].value_counts()
        ids = [i for i in g["actor_id"] if i]
        assert row["actor_id"] == (ids[0] if ids else "")
        assert row["actor_type"] == (sorted(types.index, key=lambda t: (-types[t], t))[0] if len(types) else "")
        assert (row["mentions"], row["articles"]) == (len(g), g["article_id"].nunique())
        assert (row["by_name"], row["by_title"], row["by_pronoun"], row["discovered"]) == (
            res.isin(["name", "alias"]).sum(), (res == "title").sum(), (res == "pronoun").sum(),
            (res == "discovered").sum())
    order = list(zip(-counts["mentions"], counts.index))
    assert order == sorted(order)


def test_discovered_candidates_matches_a_per_name_count(mentions):
    cands = actors.discovered_candidates(mentions).set_index("candidate")
    d = mentions[mentions["resolution"] == "discovered"].sort_values(["article_id", "start"], kind="stable")
    assert len(cands) == d["canonical_name"].nunique() > 5
    for name, g in d.groupby("canonical_name"):
        row = cands.loc[name]
        assert row["mentions"] == len(g) and row["articles"] == g["article_id"].nunique()
        assert (row["first_article_id"], row["first_start"]) == (g["article_id"].iloc[0], g["start"].iloc[0])
        assert row["forms"] == " | ".join(dict.fromkeys(g["mention"]))
