"""Mentions point at the text model's sentences (issue 8): each mention's ``sentence_id`` is the sentences.csv id
(the index in ``helpers.text.build(text).sentences``) of the sentence that contains the whole mention."""
from __future__ import annotations

from helpers import paths
from helpers import text as tm
from helpers.actors import find_mentions, mention_table


def _check(text: str) -> int:
    m = find_mentions(text)
    sents = tm.build(text).sentences
    for s, e, sid, mention in zip(m["start"], m["end"], m["sentence_id"], m["mention"]):
        assert 0 <= sid < len(sents), (mention, sid)
        a, b = sents[sid]
        assert a <= s and e <= b, (mention, sid, text[a:b][:80])
    return len(m)


def test_seed_mentions_lie_in_their_sentence():
    text = (paths.DATA_RAW / "kazakhstan_protests_2022.txt").read_text(encoding="utf-8")
    assert _check(text) > 20


def test_corpus_mentions_lie_in_their_sentence():
    files = paths.corpus_files()
    step = max(1, len(files) // 30)
    assert sum(_check(f.read_text(encoding="utf-8")) for f in files[::step][:30]) > 100


def test_no_mention_crosses_a_sentence_boundary():
    # the splitter ends the sentence after "Inc." before "It" and after "Jr." before "He": names stop there
    text = "He works for Morgan Stanley Inc. It makes sense. She met Martin Luther King Jr. He spoke."
    m = find_mentions(text)
    assert "Morgan Stanley Inc. It" not in set(m["mention"])
    assert _check(text) >= 3
    assert [s for s in m["sentence_id"]] == sorted(m["sentence_id"])


def test_mention_table_keeps_sentence_id():
    t = mention_table({"a": "Police came. Tokayev spoke."})
    assert t[["mention", "sentence_id"]].values.tolist() == [["Police", 0], ["Tokayev", 1]]
