"""statement_tables (notebook 04's one pass) gives quotes_table's and scare_quotes_table's rows, per article."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import actors, corpus, paths, quotes
from helpers.quotes.table import _MentionIndex


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    files = paths.corpus_files(("wikinews-2019-2020",))[:30]
    return {f.stem: f.read_text(encoding="utf-8") for f in files}


def test_statement_tables_are_extract_quotes_and_find_scare_quotes_per_article(texts):
    table, scare = quotes.statement_tables(texts, engine="loop")
    assert len(table) > 50 and len(scare) > 5
    for aid in sorted(texts):
        q = quotes.extract_quotes(texts[aid])
        mine = table[table["article_id"] == aid].drop(columns="article_id").reset_index(drop=True)
        assert mine.equals(q)
        s = quotes.find_scare_quotes(texts[aid])
        mine = scare[scare["article_id"] == aid].drop(columns="article_id").reset_index(drop=True)
        assert mine.equals(s)


def test_given_mentions_name_the_speakers(texts):
    dated = {aid: "2020-01-01" for aid in texts}
    mentions = actors.mention_table(texts, dated, engine="loop")
    table, _ = quotes.statement_tables(texts, mentions, engine="loop")
    by_article = dict(tuple(mentions.groupby("article_id")))
    named = 0
    for r in table[table["speaker_start"] >= 0].itertuples():
        name = _MentionIndex(by_article[r.article_id]).name(r.speaker_start, r.speaker_end)
        if name:
            assert r.actor == name
            named += 1
    assert named > 20


def test_a_failing_article_is_recorded_and_left_out(monkeypatch):
    real = quotes.table._statement_rows

    def flaky(text, mentions=None):
        if "boom" in text:
            raise ValueError("boom")
        return real(text, mentions)

    monkeypatch.setattr(quotes.table, "_statement_rows", flaky)
    failures = []
    table, scare = quotes.statement_tables({"a": '"Yes," she said.', "b": "boom"}, failures=failures, engine="loop")
    assert table["article_id"].tolist() == ["a"] and scare.empty
    assert failures == [corpus.Failure("b", "ValueError: boom")]
    assert isinstance(table, pd.DataFrame)
