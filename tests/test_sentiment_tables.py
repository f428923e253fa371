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


def test_score_actors_matches_toward_on_the_whole_masked_text():
    text = ARTICLE + " " + "“Yes,” he said. " * 40  # a long paragraph: many reporting sources in a row
    q, m = _statements(text), _mentions(text)
    got = sentiment.score_actors(m, {"a": text}, q)
    assert got["relayed_masked"].sum() >= 4
    for r in got.itertuples(index=False):
        s, e, ss, se = r.start, r.end, r.sentence_start, r.sentence_end
        relayed = [(max(a, ss), min(b, se)) for a, b, x, y in
                   zip(q["quote_start"], q["quote_end"], q["speaker_start"], q["speaker_end"])
                   if x < e and s < y and a < se and ss < b and not (a <= s and e <= b)]
        seen = _mask(text, relayed) if relayed else text
        assert r.relayed_masked == bool(relayed)
        assert r.toward == sentiment.toward(seen, s, e)
        ev = sentiment.toward_evidence(seen, s, e)
        ev = ev[(ev["source"] != "(intercept)") & (ev["contribution"].abs() > 0)].head(6)
        cell = "; ".join(f"{t}({c:+.2f})" + ("" if t == src else f"[{src}]")
                         for t, c, src in zip(ev["token"], ev["contribution"], ev["source"]))
        assert r.evidence == cell, (r.mention, s)
        assert r.sentence_vader == sentiment.score(text[ss:se])


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


def test_local_stretch_agrees_with_the_article_model():
    text = "“Yes,” he said. " * 30
    s = text.index("he", 200)
    ss, se = sentiment.sentence_bounds(text, s, s + 2)
    a, b = tables._local_text(text, ss, se)
    assert a <= ss and se <= b and (a, b) != (0, len(text))
