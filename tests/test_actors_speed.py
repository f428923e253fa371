"""Notebook 03's corpus tables from plain lists are the tables the per-article frames gave, on shared corpus articles.

:func:`helpers.actors.mention_table` collects each article's column lists and builds one frame;
:func:`helpers.actors.cooccurrence` groups sentences with a dict. Both are compared with the pandas versions they
replaced (a :func:`~helpers.actors.find_mentions` frame per article, concatenated and conformed; a pandas group per
sentence).
"""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import actors, paths
from helpers.tables import conform


@pytest.fixture(scope="module")
def corpus() -> tuple[dict[str, str], dict[str, str | None]]:
    files = paths.corpus_files()
    texts = {f"{i:04d}-{f.stem}": f.read_text(encoding="utf-8", errors="replace") for i, f in enumerate(files[::30])}
    texts["empty"] = ""
    dates = {aid: ("2022-01-07" if k % 3 == 0 else None) for k, aid in enumerate(texts)}
    return texts, dates


def test_mention_table_equals_per_article_frames(corpus):
    texts, dates = corpus
    got = actors.mention_table(texts, dates, engine="loop")
    frames = [actors.find_mentions(texts[a], dates[a]).assign(article_id=a) for a in sorted(texts)]
    want = conform(pd.concat(frames, ignore_index=True), actors.MENTIONS_TABLE_SCHEMA)
    pd.testing.assert_frame_equal(got, want)
    assert got.to_csv(index=False) == want.to_csv(index=False) and len(got) > 3000
    assert got.dtypes.astype(str).tolist() == want.dtypes.astype(str).tolist()


def _cooccurrence_by_groups(m: pd.DataFrame, include_discovered: bool) -> pd.DataFrame:
    """:func:`helpers.actors.cooccurrence` as it was: a pandas group per sentence."""
    m = m[(m["canonical_name"] != "") & ((m["actor_id"] != "") | include_discovered)]
    pairs: dict[tuple[str, str], set] = {}
    for (aid, k), g in m.groupby(["article_id", "sentence_id"], sort=True):
        names = sorted(set(g["canonical_name"].astype(str)))
        for a_i in range(len(names)):
            for b_i in range(a_i + 1, len(names)):
                pairs.setdefault((names[a_i], names[b_i]), set()).add((aid, k))
    rows = [{"actor_a": a, "actor_b": b, "sentences": len(v), "articles": len({x[0] for x in v})}
            for (a, b), v in pairs.items()]
    out = pd.DataFrame(rows).sort_values(["sentences", "actor_a", "actor_b"], ascending=[False, True, True],
                                         kind="stable")
    return conform(out, actors.COOCCURRENCE_SCHEMA)


def test_cooccurrence_equals_pandas_groups(corpus):
    texts, dates = corpus
    m = actors.mention_table(texts, dates, engine="loop")
    got = actors.cooccurrence(m)
    pd.testing.assert_frame_equal(got, _cooccurrence_by_groups(m, False))
    assert len(got) > 20 and (got["sentences"] > 1).any()
    wide = actors.cooccurrence(m, include_discovered=True)
    pd.testing.assert_frame_equal(wide, _cooccurrence_by_groups(m, True))
    assert len(wide) > 300


def test_quote_initial_marks_as_before():
    """``structure._QUOTE_INITIAL`` finds the spans the pattern with its condition first found."""
    import re

    from helpers.actors import structure

    before = re.compile(r"(?:^|(?<=\s))[\"“‘'(\[]+(?=\w)")
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in paths.corpus_files()[::20]]
    texts += ['"a', ' "a', 'x"a', '\n("b', '"\n"c', '"', '("', ' ((x', '“‘Yes', 'a (“b', "\t'c'"]
    spans = [[m.span() for m in structure._QUOTE_INITIAL.finditer(t)] for t in texts]
    assert spans == [[m.span() for m in before.finditer(t)] for t in texts]
    assert sum(map(len, spans)) > 500
