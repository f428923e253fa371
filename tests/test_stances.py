"""helpers.sentiment.stances: who evaluates what, on the seed and on constructed statements."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import paths, sentiment

SEED = (paths.find_root() / "data" / "raw" / "kazakhstan_protests_2022.txt").read_text(encoding="utf-8")
COLUMNS = ["quote_start", "quote_end", "holder", "holder_actor", "target_text", "target_start", "target_end",
           "target_actor", "polarity", "score", "evidence", "sentence_id", "last_sentence_id", "target_sentence_id"]


@pytest.fixture(scope="module")
def seed_stances() -> pd.DataFrame:
    return sentiment.stances(SEED, date="2022-01-10")


def _row(df, holder_actor, target):
    hit = df[(df["holder_actor"] == holder_actor) & df["target_text"].str.contains(target, regex=False)]
    assert len(hit), f"no stance {holder_actor} -> {target}: {df[['holder_actor', 'target_text']].values.tolist()}"
    return hit.iloc[0]


def test_columns_offsets_and_sentence_ids(seed_stances):
    from helpers import text as tm

    assert set(COLUMNS) <= set(seed_stances.columns)
    model = tm.build(SEED)
    for r in seed_stances.itertuples(index=False):
        assert SEED[r.target_start:r.target_end] == r.target_text
        assert r.quote_start <= r.target_start < r.quote_end or r.target_end > r.quote_start
        a, b = model.sentences[r.target_sentence_id]
        assert a <= r.target_start < b
        assert model.sentences[r.sentence_id][0] <= r.quote_start < model.sentences[r.sentence_id][1]
        assert r.sentence_id <= r.last_sentence_id
        assert r.polarity in (-1, 0, 1) and -1 <= r.score <= 1
        assert r.polarity == {"negative": -1, "neutral": 0, "positive": 1}[sentiment.label(r.score)]


def test_seed_blinken_condemns_the_shoot_to_kill_order(seed_stances):
    r = _row(seed_stances, "Antony Blinken", "shoot-to-kill order")
    assert r["polarity"] == -1
    assert "wrong@" in r["evidence"]
    at = r["evidence"].split("wrong@")[1].split("(")[0]
    s, e = map(int, at.split("-"))
    assert SEED[s:e] == "wrong"


def test_seed_tokayev_condemns_the_terrorist_gangs(seed_stances):
    r = _row(seed_stances, "Kassym-Jomart Tokayev", "“terrorist gangs”")
    assert r["polarity"] == -1 and "foreign-trained" in r["target_text"]
    assert "terrorist" in r["evidence"] and "accused" in r["evidence"]


def _stances(text):
    return {(r.holder, r.target_text): r.polarity for r in sentiment.stances(text).itertuples(index=False)}


def test_copula_evaluation_and_negation():
    got = _stances("“The new law is unfair and dangerous,” the senator said.")
    assert got[("the senator", "The new law")] == -1
    got = _stances("“The plan is not bad at all,” the minister said.")
    assert got[("the minister", "The plan")] == 1
    got = _stances("“The agreement, which took years to negotiate, is excellent,” Smith said.")
    assert got[("Smith", "The agreement")] == 1


def test_praise_blame_and_accusation_verbs():
    got = _stances("The mayor said she praised the volunteers for their courage.")
    assert got.get(("The mayor", "the volunteers")) == 1
    got = _stances("The opposition leader said the government betrayed the workers and condemned the police.")
    assert got.get(("The opposition leader", "the police")) == -1
    got = _stances("The prosecutor accused the company of fraud, according to a statement.")
    assert any(t == "the company" and p == -1 for (_, t), p in got.items())


def test_quoted_labels_are_targets():
    df = sentiment.stances("He said the “so-called reforms” were a disaster.")
    r = df[df["target_text"].str.contains("so-called reforms", regex=False)].iloc[0]
    assert r["polarity"] == -1 and r["holder"] == "He"


def test_actor_mentions_in_the_statement_are_targets_but_not_the_speaker():
    df = sentiment.stances("“Joe Biden has done a wonderful job,” Barack Obama said on Tuesday.")
    assert "Barack Obama" not in df["target_text"].tolist()
    r = df[df["target_text"] == "Joe Biden"].iloc[0]
    assert r["holder"] == "Barack Obama"


def test_no_statements_no_rows_and_never_raises():
    assert sentiment.stances("The sky was grey over the city.").empty
    assert list(sentiment.stances("").columns) == [c.name for c in sentiment.STANCES_SCHEMA]
    for t in ("“", "”x” said he.", "said", "“a” b said “c”"):
        sentiment.stances(t)


def test_stance_table_reuses_tables_and_fills_article_id():
    from helpers.actors import find_mentions
    from helpers.quotes import extract_quotes

    q = extract_quotes(SEED).assign(article_id="seed")
    m = find_mentions(SEED, "2022-01-10").assign(article_id="seed")
    table = sentiment.stance_table({"seed": SEED}, q, m)
    direct = sentiment.stances(SEED, date="2022-01-10")
    assert table["article_id"].eq("seed").all()
    assert table.drop(columns="article_id").reset_index(drop=True).equals(direct.drop(columns="article_id")
                                                                           .reset_index(drop=True))
