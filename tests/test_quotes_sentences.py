"""Statements and framing quotes point at the text model's sentences (issue 8): ``sentence_id`` and
``last_sentence_id`` are the sentences.csv ids of the first and last sentence of each row's span."""
from __future__ import annotations

import pytest

from helpers import paths
from helpers import text as tm
from helpers.quotes import extract_quotes, find_scare_quotes

SEED = (paths.ROOT / "data" / "raw" / "kazakhstan_protests_2022.txt").read_text(encoding="utf-8")
TEXTS = [SEED] + [f.read_text(encoding="utf-8", errors="replace") for f in paths.corpus_files()[:40]]


def _inside(model: tm.TextModel, sid: int, start: int, end: int, last: int | None = None) -> bool:
    last = sid if last is None else last
    return 0 <= sid <= last < len(model.sentences) and model.sentences[sid][0] <= start and \
        end <= model.sentences[last][1]


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_every_statement_lies_in_its_sentences(k):
    text = TEXTS[k]
    model = tm.build(text)
    df = extract_quotes(text)
    for r in df.itertuples():
        assert _inside(model, r.sentence_id, r.quote_start, r.quote_end, r.last_sentence_id), \
            (r.quote_text[:60], r.sentence_id, r.last_sentence_id)
        assert (r.sentence_id, r.last_sentence_id) == model.sentence_range(r.quote_start, r.quote_end)
    for r in find_scare_quotes(text).itertuples():
        assert _inside(model, r.sentence_id, r.start, r.end), (r.term, r.sentence_id)


def test_a_quote_over_two_paragraphs_spans_two_sentences():
    text = ('Intro line here.\n\n“We will not stop.\n\n“We will win,” she said. Police said two men had been '
            'arrested.')
    df = extract_quotes(text)
    first = df[df["kind"] == "direct"].iloc[0]
    assert (first["sentence_id"], first["last_sentence_id"]) == (1, 2)
    reported = df[df["cue"] == "said"].iloc[-1]
    assert reported["sentence_id"] == reported["last_sentence_id"] == 3
    assert tm.build(text).sentences[3][0] <= reported["quote_start"]


@pytest.mark.parametrize("k", range(0, len(TEXTS), 4))
def test_speaker_actor_is_the_one_resolve_span_picks(k):
    """extract_quotes resolves speakers through a sorted index of mentions (linear time); it must pick the mention
    ``helpers.actors.resolve_span`` picks."""
    from helpers import actors
    text = TEXTS[k]
    mentions = actors.find_mentions(text)
    for r in extract_quotes(text).itertuples():
        if r.speaker_start < 0:
            continue
        hit = actors.resolve_span(mentions, r.speaker_start, r.speaker_end)
        assert r.actor == ("" if hit is None else str(hit["canonical_name"] or "")), r.speaker
