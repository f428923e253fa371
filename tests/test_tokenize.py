"""Stage 02: sentences and tokens from the text model, abbreviations, quote marks and apostrophes, stopwords."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import text as tm
from helpers import tokenize


def test_seed_spans_reproduce_text(seed_text, seed_paragraphs):
    sents, toks = tokenize.tokenize_article(seed_text, seed_paragraphs, "seed")
    assert len(sents) >= 18 and len(toks) > 400
    for r in sents.itertuples():
        assert seed_text[r.start:r.end] == r.text and r.text == r.text.strip()
    for r in toks.itertuples():
        assert seed_text[r.start:r.end] == r.token
    assert toks["token_id"].tolist() == list(range(len(toks)))
    assert (toks["start"].diff().dropna() > 0).all()


def test_sentence_ids_are_the_text_models(seed_text, seed_paragraphs):
    sents, toks = tokenize.tokenize_article(seed_text, seed_paragraphs, "seed")
    model = tm.build(seed_text)
    assert list(zip(sents["start"], sents["end"])) == list(model.sentences)
    assert sents["sentence_id"].tolist() == list(range(len(model.sentences)))
    # every token lies inside its sentence, and every sentence inside its paragraph
    bounds = dict(zip(sents["sentence_id"], zip(sents["start"], sents["end"])))
    for r in toks.itertuples():
        a, b = bounds[r.sentence_id]
        assert a <= r.start and r.end <= b
    paras = seed_paragraphs.set_index("paragraph_id")
    for r in sents.itertuples():
        assert paras.at[r.paragraph_id, "start"] <= r.start and r.end <= paras.at[r.paragraph_id, "end"]
        assert r.kind == paras.at[r.paragraph_id, "kind"] != "boilerplate"


def test_seed_abbreviations_do_not_split(seed_text, seed_paragraphs):
    sents, _ = tokenize.tokenize_article(seed_text, seed_paragraphs, "seed")
    texts = sents["text"].tolist()
    assert any("Monday, Jan. 10, that police" in s for s in texts)
    assert any("U.S. Secretary of State Anthony Blinken" in s for s in texts)
    assert not any(s.endswith(("Jan.", "U.S.")) for s in texts)
    assert "Origin of the protests" in texts  # the heading is its own sentence
    assert not any("Sign up" in s for s in texts)  # boilerplate has no sentences


def test_quote_marks_and_apostrophes(seed_text, seed_paragraphs):
    _, toks = tokenize.tokenize_article(seed_text, seed_paragraphs, "seed")
    words = toks["token"].tolist()
    assert words.count("“") == 5 and words.count("”") == 4
    assert "they’ve" in words
    t = 'He said "no" and they’ve gone; Nazarbayev\'s can’t.'
    got = [t[a:b] for a, b in tokenize.token_spans(t)]
    assert got == ["He", "said", '"', "no", '"', "and", "they’ve", "gone", ";", "Nazarbayev's", "can’t", "."]
    assert tokenize.token_spans(t, 3, 7) == [(3, 7)]


@pytest.mark.parametrize("text, n", [
    ("Mr. Smith met Dr. Jones on Feb. 3 in Washington, D.C. on Tuesday.", 1),
    ("Gen. Ivanov arrived. He spoke to Sen. Brown.", 2),
    ("Prices rose 3.5 percent. Analysts said it was expected.", 2),
    ("“We are ready.” The minister left.", 2),
    ("“We are ready. We will stay.” The minister left.", 2),  # a quotation is one unit
])
def test_sentence_splitting_on_constructed_text(text, n):
    spans = tokenize.sentence_spans(text)
    assert len(spans) == n
    assert all(text[a:b].strip() == text[a:b] for a, b in spans)


def test_token_kinds_and_stopwords():
    assert tokenize.token_kind("8,000") == "number"
    assert tokenize.token_kind("”") == "quote"
    assert tokenize.token_kind("—") == "punct"
    assert tokenize.token_kind("they’ve") == "word"
    sw = tokenize.stopwords()
    assert {"the", "and", "of", "'ve"} <= sw and "protests" not in sw
    assert tokenize.is_stopword("they've") and tokenize.is_stopword("don't") and tokenize.is_stopword("won't")
    assert not tokenize.is_stopword("nazarbayev's") and not tokenize.is_stopword("protests")


def test_content_word_counts_are_deterministic(seed_text, seed_paragraphs):
    _, toks = tokenize.tokenize_article(seed_text, seed_paragraphs, "seed")
    top = tokenize.content_word_counts(toks, 5)
    assert top["word"].iloc[0] == "protests"
    assert top.equals(tokenize.content_word_counts(toks.sample(frac=1, random_state=1), 5))
    assert not set(top["word"]) & tokenize.stopwords()
    assert not top["word"].str.endswith("'s").any()


def test_possessives_fold_into_their_word():
    t = "Tokayev spoke. Tokayev's decree stood. Tokayev’s allies left."
    paras = tokenize.pd.DataFrame({"paragraph_id": [0], "start": [0], "end": [len(t)], "kind": ["body"]})
    _, toks = tokenize.tokenize_article(t, paras, "x")
    top = tokenize.content_word_counts(toks, 1)
    assert top.iloc[0].tolist() == ["tokayev", 3]


def test_empty_and_odd_inputs_do_not_raise():
    assert tokenize.sentence_spans("") == []
    assert tokenize.token_spans("") == []
    for t in ["\"", "’", "...", "“”", "a.b.c.", "\n\n", "«"]:
        for a, b in tokenize.token_spans(t):
            assert 0 <= a < b <= len(t)
        paras = tokenize.pd.DataFrame({"paragraph_id": [0], "start": [0], "end": [len(t)], "kind": ["body"]})
        s, k = tokenize.tokenize_article(t, paras, "x")
        assert set(k["sentence_id"]) <= set(s["sentence_id"])


def test_streamed_corpus_tables_are_tokenize_article_per_article(tmp_path):
    import pandas as pd
    from helpers import paths, tables
    files = paths.corpus_files(("wikinews-2019-2020",))[:20]
    texts = {f.stem: f.read_text(encoding="utf-8") for f in files}
    texts["focus"] = "Nazarbayev's party and Nazarbayev’s allies met. The the and."
    texts["zz-empty"] = ""
    parts = [tokenize.tokenize_item((aid, texts[aid], None)) for aid in sorted(texts)]
    # chunks of a few hundred rows: the file is written in many parts
    old, tokenize.TOKEN_CHUNK_ROWS = tokenize.TOKEN_CHUNK_ROWS, 300
    try:
        sentences, summary = tokenize.write_corpus(iter(parts + [None]), texts, tmp_path / "tokens.csv", "focus")
    finally:
        tokenize.TOKEN_CHUNK_ROWS = old
    frames = [tokenize.tokenize_article(texts[aid], pd.DataFrame(columns=["paragraph_id", "start", "kind"]), aid)
              for aid in sorted(texts)]
    whole = pd.concat([t for _, t in frames], ignore_index=True)
    assert len(whole) > 5000
    assert sentences.equals(pd.concat([s for s, _ in frames], ignore_index=True))
    tables.write_table(whole, tmp_path / "whole.csv", tokenize.TOKENS_SCHEMA)
    assert (tmp_path / "tokens.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    # the counts are those of the whole table
    assert summary.bad_spans == 0 and summary.outside == 0
    assert summary.kind_counts()["tokens"].to_dict() == whole["kind"].value_counts().to_dict()
    assert summary.top_words(15).equals(tokenize.content_word_counts(whole, 15))
    assert summary.top_words(5, "focus").values.tolist() == [["nazarbayev", 2], ["allies", 1], ["met", 1], ["party", 1]]
    stats = summary.stats(sentences)
    words = whole[whole["kind"] == "word"]
    assert stats["tokens"].to_dict() == whole.groupby("article_id").size().to_dict()
    assert stats["words"].to_dict() == words.groupby("article_id").size().to_dict()
    assert "zz-empty" not in stats.index


def test_token_summary_counts_spans_that_do_not_reproduce_the_text():
    text = "Police came. They left."
    sents, toks = tokenize.tokenize_item(("a", text, None))
    summary = tokenize.TokenSummary()
    summary.add(text.replace("came", "went"), sents, toks)  # one token and one sentence no longer match
    assert summary.bad_spans == 2
    toks["sentence_id"][-1] = 0  # "." of the second sentence filed under the first
    summary.add(text, sents, toks)
    assert summary.outside == 1


def test_paragraph_rows_in_any_order_give_the_same_sentences():
    text = "Title\n\nFirst para. Still first.\n\nSecond para."
    paras = pd.DataFrame({"paragraph_id": [0, 1, 2], "start": [0, text.index("First"), text.index("Second")], "kind": ["heading", "body", "body"]})
    in_order = tokenize.article_rows(text, paras, "a")[0]
    shuffled = tokenize.article_rows(text, paras.iloc[[2, 0, 1]], "a")[0]
    assert in_order == shuffled
    assert [(r["paragraph_id"], r["kind"]) for r in in_order] == [(0, "heading"), (1, "body"), (1, "body"), (2, "body")]
