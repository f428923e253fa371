"""The faster paths of notebook 04 give what the plain ones gave, on shared corpus articles.

- :func:`helpers.quotes.table._article_indexes` (one pass over the mentions table) builds, for every article, the
  same mention index as a pandas slice of that article did;
- ``_Doc`` lower-cases tokens as :func:`helpers.text.lower_token` does and finds the same cue tokens as a check of
  every token;
- ``_passive_pass`` visits only its trigger words, in text order, and adds the same statements as the loop over
  every token of every sentence.
"""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import actors, paths
from helpers import text as tm
from helpers.quotes import passive, table
from helpers.quotes.cues import _lexicon
from helpers.quotes.doc import _Doc


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    files = paths.corpus_files()
    return {f.stem + str(i): f.read_text(encoding="utf-8", errors="replace") for i, f in enumerate(files[::40])}


def test_article_indexes_equal_per_article_slices(texts):
    m = actors.mention_table(texts, engine="loop")
    by_article = table._article_indexes(m)
    assert set(by_article) == set(m["article_id"]) and len(by_article) > 50
    for aid, g in m.groupby("article_id", sort=False):
        assert by_article[aid].rows == table._MentionIndex(g).rows, aid
    some = sorted(by_article)[:20]
    for aid in some:  # and the statements they give
        assert table._statement_rows(texts[aid], by_article[aid]) == \
            table._statement_rows(texts[aid], m[m["article_id"] == aid])


def _cue_info_every_token(doc: _Doc) -> dict:
    """The cue tokens as found before: every token checked against the lexicon."""
    single, double = _lexicon()
    tl, tx, out = doc.tl, doc.tx, {}
    for i, t in enumerate(tl):
        if t[0] not in "abcdefghijklmnopqrstuvwxyz" or (tx[i][0].isupper() and t != "according" and not (
                i > 0 and tx[i - 1].endswith(".") and len(tx[i - 1]) >= 3 and tx[i - 1][1] == "." and
                not tx[i].isupper())):
            continue
        if i + 1 < doc.n and t + " " + tl[i + 1] in double:
            out[i] = (*double[t + " " + tl[i + 1]], i + 1)
        elif t in single:
            out[i] = (*single[t], i)
    return out


def test_doc_tokens_and_cues_as_before(texts):
    n_cues = 0
    for text in texts.values():
        doc = _Doc(text)
        assert doc.tl == [tm.lower_token(t) for t in doc.tx]
        assert doc.cue_info == _cue_info_every_token(doc)
        n_cues += len(doc.cue_info)
    assert n_cues > 1000
    doc = _Doc('WHO said US aid came. The US said so, according to its IT staff.')
    assert [t for t in doc.tl if t.isupper()] == ["WHO", "US", "US", "IT"]


def _passive_every_token(doc: _Doc) -> None:
    """``_passive_pass`` as it was: every token of every sentence."""
    covered = {(st.qs, st.qe) for st in doc.stmts}
    n0 = len(doc.stmts)
    for s0, s1 in doc.sents:
        for i in range(s0, s1):
            t = doc.tl[i]
            if t in passive._AGENTLESS and i + 1 < s1 and doc.tl[i + 1] == "that":
                passive._agentless(doc, i, s1)
            elif t in passive._PUBLISHED:
                passive._passive_publication(doc, i, s0, s1)
            elif t in passive._CLAIM_NOUNS:
                passive._nominal_claim(doc, i, s1)
    if len(doc.stmts) > n0:
        doc.stmts[n0:] = [st for st in doc.stmts[n0:] if (st.qs, st.qe) not in covered and not any(
            o.qs <= st.qs and st.qe <= o.qe and o.sp == st.sp for o in doc.stmts[:n0])]


def test_passive_pass_as_before(texts, monkeypatch):
    extra = ['It is widely believed that the deal will pass. Figures released by the ministry show a fall.\n\n'
             'Their claim that prices fell was rejected. "A quote." It was reported that talks failed.']
    got = [table._analyse(t).stmts for t in [*texts.values(), *extra]]
    monkeypatch.setattr(table, "_passive_pass", _passive_every_token)
    want = [table._analyse(t).stmts for t in [*texts.values(), *extra]]
    key = lambda sts: [(s.kind, s.qs, s.qe, s.sp, s.cue, s.quotes, s.cue_class) for s in sts]  # noqa: E731
    assert [key(s) for s in got] == [key(s) for s in want]
    assert sum(len(s) for s in got) > 500 and len(got[-1]) >= 3


def _per_actor_by_rows(t: pd.DataFrame) -> pd.DataFrame:
    """:func:`helpers.quotes.statements_per_actor` the long way: a key per row by ``DataFrame.apply``."""
    from helpers.speakergroups import GROUPS, speaker_group

    def key(r) -> str:
        return speaker_group(r["speaker"], r["actor"], r["source_type"])

    counts = pd.crosstab(t.apply(key, axis=1), t["kind"]).reindex(columns=["direct", "mixed", "indirect"],
                                                                    fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts = counts.rename_axis("speaker").rename_axis(None, axis=1).astype("int64")
    return counts.loc[sorted(counts.index, key=lambda k: (k in GROUPS, GROUPS.index(k) if k in GROUPS else 0,
                                                          -int(counts.loc[k, "total"]), k))]


def test_statements_per_actor_as_by_rows(texts):
    from helpers import quotes

    q = quotes.quotes_table(texts)
    q = pd.concat([q, q.head(3).assign(actor="", speaker=""), q.head(2).assign(actor="", speaker="The Officials")],
                  ignore_index=True)  # statements without a speaker, and an unresolved one written twice
    assert len(q) > 300 and (q["actor"] == "").any() and (q["speaker"] == "").any()
    pd.testing.assert_frame_equal(quotes.statements_per_actor(q), _per_actor_by_rows(q))
