"""The fast paths of notebook 05's tables give what the public per-target functions give.

score_actors scores a reporting source on a stretch of a few sentences around it (with the relayed content
masked) instead of masking the whole article; stance_table and score_actors index statements and mentions
instead of scanning them; AFINN matches through a narrowed pattern. Each is checked here against the plain
definition: toward()/toward_evidence() on the whole masked text, Afinn.find_all, the per-function tables.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import sentiment
from helpers.sentiment import lexicon, tables


def _mask(text: str, spans) -> str:
    out = text
    for a, b in spans:
        out = out[:a] + re.sub(r"[^\W_]", "x", out[a:b]) + out[b:]
    return out


ARTICLE = ("Officials spoke on Monday.\n\n"
           "Police beat peaceful protesters and killed two students, AP News reported. "
           "“The police are brutal and corrupt,” said Dana Lee, a student. “Yes,” he said. "
           "The mayor praised the officers, the city said. Critics called the mayor a liar.\n\n"
           "“We will not stop,” a protester told Reuters. Reuters reported that the army was deployed.")


def _statements(text: str) -> pd.DataFrame:
    """Statements with speaker spans, as quotes.csv has them (content span, speaker span)."""
    rows = []
    for content, speaker in [("Police beat peaceful protesters and killed two students", "AP News"),
                             ("The police are brutal and corrupt,", "Dana Lee"), ("Yes,", "he"),
                             ("The mayor praised the officers", "the city"), ("We will not stop,", "a protester"),
                             ("the army was deployed", "Reuters reported")]:
        qs = text.index(content)
        ss = text.index(speaker, qs + len(content)) if speaker != "Reuters reported" else text.index(speaker)
        se = ss + len(speaker.split()[0])
        rows.append({"article_id": "a", "kind": "direct", "quote_start": qs, "quote_end": qs + len(content),
                     "quote_text": content, "speaker": speaker.split()[0], "actor": "", "speaker_start": ss,
                     "speaker_end": se, "cue_start": -1, "cue_end": -1})
    return pd.DataFrame(rows)


def _mentions(text: str) -> pd.DataFrame:
    rows = []
    for name in ["Officials", "Police", "AP News", "The police", "Dana Lee", "he", "The mayor", "the city",
                 "Critics", "the mayor", "a protester", "Reuters", "the army"]:
        for m in re.finditer(re.escape(name), text):
            rows.append({"article_id": "a", "start": m.start(), "end": m.end(), "mention": name,
                         "actor_id": name.lower(), "canonical_name": name.lower(), "actor_type": ""})
    return pd.DataFrame(rows).drop_duplicates(["start", "end"])


def test_score_actors_scores_a_reporting_source_on_its_own_sentence_with_the_relayed_words_muted():
    text = ARTICLE + " " + "“Yes,” he said. " * 40  # a long paragraph: many reporting sources in a row
    q, m = _statements(text), _mentions(text)
    got = sentiment.score_actors(m, {"a": text}, q)
    assert got["relayed_masked"].sum() >= 4
    for r in got.itertuples(index=False):
        s, e, ss, se = r.start, r.end, r.sentence_start, r.sentence_end
        relayed = [(max(a, ss), min(b, se)) for a, b, x, y in
                   zip(q["quote_start"], q["quote_end"], q["speaker_start"], q["speaker_end"])
                   if x < e and s < y and a < se and ss < b and not (a <= s and e <= b)]
        assert r.relayed_masked == bool(relayed)
        # the oracle: the mention's sentence (the article's), alone, with the relayed words masked
        seen = _mask(text[ss:se], [(a - ss, b - ss) for a, b in relayed])
        assert r.toward == sentiment.toward(seen, s - ss, e - ss), (r.mention, s)
        ev = sentiment.toward_evidence(seen, s - ss, e - ss)
        ev = ev[(ev["source"] != "(intercept)") & (ev["contribution"].abs() > 0)].head(6)
        cell = "; ".join(f"{t}({c:+.2f})" + ("" if t == src else f"[{src}]")
                         for t, c, src in zip(ev["token"], ev["contribution"], ev["source"]))
        assert r.evidence == cell, (r.mention, s)
        assert r.sentence_vader == sentiment.score(text[ss:se])


def test_muting_relayed_words_does_not_resegment_the_article():
    from helpers import text as tm
    from helpers.sentiment import sentences

    t = "Officials said prices rose. Wages fell in May. Dana Lee, a trader, said so."
    relayed = [(15, 46)]
    assert tm.sentence_spans(_mask(t, relayed)) == [(0, 46), (47, 75)]  # plain masking merges two sentences
    assert sentences.muted(t, relayed) == _mask(t, relayed)
    assert sentences.muted(t, relayed, 0, 27) == _mask(t[:27], [(15, 27)])
    # a mention of the reporting source is scored on its own sentence, not on the merged one
    q = pd.DataFrame([{"article_id": "a", "kind": "indirect", "quote_start": 15, "quote_end": 46,
                       "quote_text": t[15:46], "speaker": "Officials", "actor": "", "speaker_start": 0,
                       "speaker_end": 9, "cue_start": 10, "cue_end": 14}])
    mention = pd.DataFrame([{"article_id": "a", "start": 0, "end": 9, "mention": "Officials", "actor_id": "o",
                             "canonical_name": "officials", "actor_type": ""}])
    r = sentiment.score_actors(mention, {"a": t}, q).iloc[0]
    assert bool(r["relayed_masked"]) and (r["sentence_start"], r["sentence_end"]) == (0, 27)
    assert r["toward"] == sentiment.toward(_mask(t[:27], [(15, 27)]), 0, 9)
    # an article alike but for the muted words, segmented otherwise, is scored on its own sentence
    t2 = t.replace("Wages", "wages")
    assert sentences.muted(t2, relayed) == sentences.muted(t, relayed) and tm.sentence_spans(t2) == [(0, 46), (47, 75)]
    r2 = sentiment.score_actors(mention, {"a": t2}, q).iloc[0]
    assert (r2["sentence_start"], r2["sentence_end"]) == (0, 46)
    assert r2["toward"] == sentiment.toward(_mask(t2[:46], [(15, 46)]), 0, 9)


def test_many_reporting_sources_cost_their_sentences_not_the_article_each():
    """Not a timing test: 3,000 reporting sources, each scored on its own sentence with what it relays muted;
    the article's quotations are indexed once and only each source's sentence is muted (counted, not timed)."""
    from unittest import mock

    from helpers.sentiment import features, rules, sentences, target

    text = "Officials spoke on Monday. " + "“Yes,” he said. " * 3000
    he = [m.start() for m in re.finditer(r"\bhe\b", text)]
    q = pd.DataFrame({"article_id": "a", "kind": "direct", "quote_start": [h - 6 for h in he],
                      "quote_end": [h - 3 for h in he], "quote_text": "Yes", "speaker": "he", "actor": "",
                      "speaker_start": he, "speaker_end": [h + 2 for h in he], "cue_start": -1, "cue_end": -1})
    m = pd.DataFrame({"article_id": "a", "start": he, "end": [h + 2 for h in he], "mention": "he", "actor_id": "",
                      "canonical_name": "he", "actor_type": ""})
    features._quotation_contents.cache_clear()
    seen = []
    spy = mock.Mock(side_effect=lambda *a: seen.append(sentences.muted(*a)) or seen[-1])
    with mock.patch.object(features, "muted", spy), mock.patch.object(rules, "muted", spy), \
            mock.patch.object(target, "muted", spy):
        got = sentiment.score_actors(m, {"a": text}, q)
    assert len(got) == 3000 and got["relayed_masked"].all()
    assert features._quotation_contents.cache_info().misses == 1
    assert "“xxx,” he said." in seen and sum(map(len, seen)) < 3 * len(text)


def test_voice_is_the_innermost_statement_holding_the_mention():
    text = "“The mayor said ‘the police lied’ today,” Lee said. The police left."
    p = text.index("the police")
    q = pd.DataFrame({"article_id": ["a", "a"], "quote_start": [1, text.index("the police")],
                      "quote_end": [text.index(" today"), text.index("lied") + 4], "speaker": ["Lee", "The mayor"],
                      "actor": ["", ""], "speaker_start": [text.index("Lee"), 1], "speaker_end": [text.index("Lee") + 3, 10]})
    m = pd.DataFrame({"article_id": ["a", "a"], "start": [p, text.index("The police left")],
                      "end": [p + 10, text.index("The police left") + 10], "mention": ["the police", "The police"],
                      "actor_id": ["p", "p"], "canonical_name": ["police", "police"], "actor_type": ["", ""]})
    assert sentiment.score_actors(m, {"a": text}, q)["voice"].tolist() == ["The mayor", "narrator"]


@pytest.mark.parametrize("engine", ["loop"])
def test_sentiment_tables_equals_the_three_table_functions(engine):
    texts = {"a": ARTICLE, "b": "“The order is wrong,” Blinken said. Police killed two men.", "c": ""}
    q = pd.concat([_statements(ARTICLE),
                   pd.DataFrame([{"article_id": "b", "kind": "direct", "quote_start": 1, "quote_end": 19,
                                  "quote_text": "The order is wrong", "speaker": "Blinken", "actor": "Antony Blinken",
                                  "speaker_start": 22, "speaker_end": 29, "cue_start": 30, "cue_end": 34}])],
                  ignore_index=True)
    m = pd.concat([_mentions(ARTICLE), pd.DataFrame([{"article_id": "b", "start": 36, "end": 42, "mention": "Police",
                                                      "actor_id": "p", "canonical_name": "police", "actor_type": ""}])],
                  ignore_index=True)
    failures = []
    s, st_, a = sentiment.sentiment_tables(texts, q, m, failures=failures, engine=engine)
    assert failures == []
    pd.testing.assert_frame_equal(s, sentiment.score_quotes(q, texts))
    pd.testing.assert_frame_equal(st_, sentiment.stance_table(texts, q, m))
    pd.testing.assert_frame_equal(a, sentiment.score_actors(m, texts, q))
    assert len(s) == 7 and len(a) == len(m) and set(st_["article_id"]) == {"a", "b"}


def test_tone_arc_reuses_the_sentence_tones_of_the_sentiment_pass(monkeypatch):
    from helpers import ingest, tokenize

    texts = {"a": ARTICLE, "b": "“The order is wrong,” Blinken said. Police killed two men.", "bad": "Fine."}
    q = pd.concat([_statements(ARTICLE), pd.DataFrame([{"article_id": "bad", "kind": "direct", "quote_start": "x",
                                                        "quote_end": 3, "quote_text": "bad", "speaker": "",
                                                        "actor": ""}])], ignore_index=True)
    failures, tones = [], {}
    sentiment.sentiment_tables(texts, q, _mentions(ARTICLE), failures=failures, tones=tones, engine="loop")
    assert [f.key for f in failures] == ["bad"]
    sents = pd.concat([tokenize.tokenize_article(t, ingest.split_paragraphs(t, aid), aid)[0] for aid, t in texts.items()],
                      ignore_index=True)
    assert {k[0] for k in tones} == {"a", "b"} and len(tones) == (sents["article_id"] != "bad").sum()
    good = q[q["article_id"] != "bad"]
    expected = sentiment.tone_arc(sents, good)
    pd.testing.assert_frame_equal(sentiment.tone_arc(sents, good, tones), expected)
    monkeypatch.setattr(tables, "score_pair", lambda t: pytest.fail(f"scored again: {t!r}"))
    scored = sents[sents["article_id"] != "bad"]
    pd.testing.assert_frame_equal(sentiment.tone_arc(scored, good, tones),
                                  expected[expected["article_id"] != "bad"].reset_index(drop=True))


def test_sentiment_tables_records_a_failing_article():
    q = pd.DataFrame([{"article_id": "bad", "kind": "direct", "quote_start": "x", "quote_end": 3,
                       "quote_text": "bad", "speaker": "", "actor": ""}])
    m = pd.DataFrame(columns=["article_id", "start", "end", "mention", "actor_id", "canonical_name", "actor_type"])
    failures = []
    s, _, _ = sentiment.sentiment_tables({"bad": "abc", "ok": "Fine."}, q, m, failures=failures, engine="loop")
    assert [f.key for f in failures] == ["bad"] and len(s) == 0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["good", "bad", "no", "fun", "not", "can't", "stand", "self-deluded", "cool",
                                 "  ", "\n", "GOOD", "fun!", "x", "-", "ok", "İ", "dont", "like", "some", "kind"]),
                max_size=12).map(" ".join))
def test_afinn_fast_match_is_afinn(text):
    assert lexicon._afinn_find_all(text) == lexicon._afinn().find_all(text)


def test_a_run_on_sentence_is_scored_in_blocks_of_bounded_size():
    """A 'sentence' of 5,000 words (a table, a list without stops): each target is scored in the block of at most
    MAX_WINDOW characters that holds it, exactly as if that block stood alone; shorter sentences are untouched."""
    from helpers.sentiment import sentences

    text = "Police said " + " ".join(["protesters", "and", "officials", "met", "angrily"] * 1000) + "."
    assert len(text) > 10 * sentences.MAX_WINDOW
    blocks = sentences._blocks(text, 0, len(text))
    assert blocks[0] == 0 and blocks[-1] == len(text)
    assert all(0 < b - a <= sentences.MAX_WINDOW for a, b in zip(blocks, blocks[1:]))
    for k in (5, 300, 700, 999):
        s = [m.start() for m in re.finditer("officials", text)][k]
        e = s + len("officials")
        a, b = sentences.target_window(text, s, e)
        assert a <= s < e <= b and b - a <= sentences.MAX_WINDOW
        assert sentiment.toward(text, s, e) == sentiment.toward(text[a:b], s - a, e - a)
    short = "Police said protesters and officials met angrily."
    assert sentences.target_window(short, 28, 37) == (0, len(short))
