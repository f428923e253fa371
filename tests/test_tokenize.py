"""Stage 02: sentence and token spans, abbreviations, quote marks and apostrophes, stopwords."""
from __future__ import annotations

import pytest

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


def test_seed_abbreviations_do_not_split(seed_text, seed_paragraphs):
    sents, _ = tokenize.tokenize_article(seed_text, seed_paragraphs, "seed")
    texts = sents["text"].tolist()
    assert any("Monday, Jan. 10, that police" in s for s in texts)
    assert any("U.S. Secretary of State Anthony Blinken" in s for s in texts)
    assert not any(s.endswith(("Jan.", "U.S.")) for s in texts)
    assert "Origin of the protests" in texts  # the heading is its own sentence
    assert not any("Sign up" in s for s in texts)  # boilerplate has no sentences


def test_quote_marks_and_apostrophes_survive_as_distinct_tokens(seed_text, seed_paragraphs):
    _, toks = tokenize.tokenize_article(seed_text, seed_paragraphs, "seed")
    words = toks["token"].tolist()
    assert words.count("“") == 5 and words.count("”") == 4
    assert "’ve" in words and "they" in words
    t = 'He said "no" and they’ve gone; Nazarbayev\'s can’t.'
    got = [t[a:b] for a, b in tokenize.token_spans(t)]
    assert got == ["He", "said", '"', "no", '"', "and", "they", "’ve", "gone", ";", "Nazarbayev", "'s", "ca", "n’t", "."]


@pytest.mark.parametrize("text, n", [
    ("Mr. Smith met Dr. Jones on Feb. 3 in Washington, D.C. on Tuesday.", 1),
    ("Gen. Ivanov arrived. He spoke to Sen. Brown.", 2),
    ("Prices rose 3.5 percent. Analysts said it was expected.", 2),
    ("“We are ready.” The minister left.", 2),
])
def test_sentence_splitting_on_constructed_text(text, n):
    spans = tokenize.sentence_spans(text)
    assert len(spans) == n
    assert all(text[a:b].strip() == text[a:b] for a, b in spans)


def test_token_kinds_and_stopwords():
    assert tokenize.token_kind("8,000") == "number"
    assert tokenize.token_kind("”") == "quote"
    assert tokenize.token_kind("—") == "punct"
    sw = tokenize.stopwords()
    assert {"the", "and", "of", "'ve"} <= sw and "protests" not in sw


def test_content_word_counts_are_deterministic(seed_text, seed_paragraphs):
    _, toks = tokenize.tokenize_article(seed_text, seed_paragraphs, "seed")
    top = tokenize.content_word_counts(toks, 5)
    assert top["word"].iloc[0] == "protests"
    assert top.equals(tokenize.content_word_counts(toks.sample(frac=1, random_state=1), 5))
    assert not set(top["word"]) & tokenize.stopwords()


def test_empty_and_odd_inputs_do_not_raise():
    assert tokenize.sentence_spans("") == []
    assert tokenize.token_spans("") == []
    for t in ["\"", "’", "...", "“”", "a.b.c.", "\n\n"]:
        for a, b in tokenize.token_spans(t):
            assert 0 <= a < b <= len(t)
