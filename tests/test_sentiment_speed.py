"""The sentiment stage's shortcuts (issue 11, speed) give exactly what the long way gives.

Each shortcut shares work that was done twice: one VADER pass per sentence (its trace gives the compound, pos and
neg of ``polarity_scores``), one rule-engine analysis per target span (stances and actor mentions), one token list
per sentence (all targets of a sentence), AFINN matched without building a regex per text, a local text model
checked once per stretch of sentences. The tests compare each with the computation it replaces, on real news
sentences from the shared corpora, and check that no cache changes a result (cold, warm and shuffled runs agree).
"""
from __future__ import annotations

import random
import re

import pytest

from helpers import paths
from helpers import text as tm
from helpers.sentiment import features, lexicon, rules, sentences, tables, words


def _sentences(limit: int) -> list[str]:
    out = []
    for f in paths.corpus_files()[::7]:
        text = f.read_text(encoding="utf-8", errors="replace")
        out.extend(text[a:b] for a, b in tm.build(text).sentences)
        if len(out) >= limit:
            break
    return out[:limit]


SENTENCES = _sentences(1500) + ["😀 great!", "I ❤️ it, not bad", "“Terrible,” he said 🙂", "NOT good!!!", "",
                                 "   "]


def _clear() -> None:
    for fn in (lexicon._traced, words._sentence_tokens, sentences.target_window, features.sentence_tone,
               features._sentence_words, features._word_keys, features._quotation_contents, rules._rows, rules._shared,
               tm.build):
        fn.cache_clear()


def test_polarity_from_the_trace_is_vaders_own():
    an = lexicon._vader()
    for s in SENTENCES:
        flat = lexicon.plain(s)
        ps = an.polarity_scores(flat)
        assert lexicon._polarity(flat) == (ps["compound"], ps["pos"], ps["neg"]), s


def test_emoji_free_text_keeps_its_offsets_and_emoji_text_is_rewritten():
    assert lexicon._emoji_replaced("no emoji here") == ("no emoji here", range(13))
    out, omap = lexicon._emoji_replaced("ok 😀")
    assert out != "ok 😀" and len(omap) == len(out) and omap[-1] == 3


def test_sentence_tone_is_score_and_vader_shares():
    an = lexicon._vader()
    for s in SENTENCES[:600]:
        ps = an.polarity_scores(lexicon.plain(s))
        assert features.sentence_tone(s) == (lexicon.score(s), ps["pos"], ps["neg"]), s


def test_score_and_evidence_and_explained_score_match_the_long_way():
    texts = SENTENCES[:800] + [" ".join(SENTENCES[k:k + 3]) for k in range(0, 300, 3)]  # several sentences too
    for t in texts:
        assert lexicon.score_and_evidence(t) == (lexicon.score(t), lexicon.evidence_string(t)), t
        assert lexicon.explained_score(t) == lexicon.compound_from(lexicon.explain(t)), t


def test_afinn_matching_is_afinns_own():
    af = lexicon._afinn()
    texts = SENTENCES[:400] + ["no fun at all", "can't stand it", "It is  NOT  a good idea", "cashing in, not bad"]
    for t in texts:
        assert lexicon._afinn_find_all(lexicon.plain(t)) == af.find_all(lexicon.plain(t)), t


def test_quoted_target_by_bisection_is_the_scan():
    for f in paths.corpus_files(("wikinews-2019-2020",))[:30]:
        text = f.read_text(encoding="utf-8", errors="replace")
        qs = tm.build(text).quotations
        spans = [(a, b) for a, b in tm.build(text).tokens[::3]] + [(q.content_start, q.content_end) for q in qs]
        for a, b in spans:
            assert features._quoted(text, a, b) == any(q.content_start <= a and b <= q.content_end for q in qs)


def test_cached_rule_rows_equal_a_fresh_analysis():
    text = " ".join(SENTENCES[:40])
    spans = [(m.start(), m.end()) for m in re.finditer(r"\b[A-Z][a-z]+\b", text)][:80]
    assert spans
    for a, b in spans:
        fresh = rules._rows.__wrapped__(text, a, b)
        assert rules._toward_rows(text, a, b) == list(fresh)
        assert rules._toward_rows(text, a, b) == list(fresh)  # second call: from the cache


@pytest.fixture(scope="module")
def items():
    from helpers.actors import find_mentions
    from helpers.quotes import extract_quotes

    out = []
    files = paths.corpus_files(("wikinews-2019-2020",))[:8] + paths.corpus_files(("reuters21578-quotes",))[:12]
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        m = find_mentions(text, None)
        q = extract_quotes(text)
        out.append((f.stem, text, q.to_dict("records"), m.to_dict("records")))
    return out


def test_caches_never_change_the_tables(items):
    """Cold, warm, shuffled and one-article-at-a-time runs give the same rows."""
    _clear()
    cold = [tables.article_tables(it) for it in items]
    assert any(r["relayed_masked"] for p in cold for r in p[2])  # the masked (reporting source) path ran
    assert sum(len(p[1]) for p in cold) and sum(len(p[2]) for p in cold)
    order = list(range(len(items)))
    random.Random(11).shuffle(order)
    warm = {k: tables.article_tables(items[k]) for k in order}
    assert [warm[k] for k in range(len(items))] == cold
    each = []
    for it in items:
        _clear()
        each.append(tables.article_tables(it))
    assert each == cold


def test_the_trace_explains_every_vader_word_without_running_vader_on_words_it_lacks():
    """_traced hands VADER only its lexicon words (it appends 0 for the rest, as VADER does): every traced word still
    agrees with VADER's own sentiment_valence, and the rule valences re-add to polarity_scores' compound."""
    an = lexicon._vader()
    for s in SENTENCES[:800]:
        flat = lexicon.plain(s)
        traces, _, compound, _, _ = lexicon._traced.__wrapped__(flat)
        assert not any("unexplained" in t.modifiers for t in traces), s
        assert all(flat[t.start:t.end] == t.token for t in traces), s  # offsets point at the word VADER saw
        assert compound == an.polarity_scores(flat)["compound"], s


def test_score_pair_is_both_scores():
    texts = SENTENCES[:600] + [" ".join(SENTENCES[k:k + 3]) for k in range(0, 150, 3)]
    for t in texts:
        assert lexicon.score_pair(t) == (lexicon.score(t), round(lexicon.score_afinn(t), 4)), t


def test_tone_arc_scores_a_recurring_sentence_like_any_other():
    import pandas as pd

    texts = SENTENCES[:60] + SENTENCES[:20] + ["", "Fine."]
    s = pd.DataFrame({"article_id": [f"a{k % 7}" for k in range(len(texts))], "sentence_id": range(len(texts)),
                      "start": range(len(texts)), "end": [k + 1 for k in range(len(texts))], "text": texts})
    arc = tables.tone_arc(s)
    want = {t: (lexicon.score(t), round(lexicon.score_afinn(t), 4)) for t in texts}
    assert [(v, a) for v, a in zip(arc["vader"], arc["afinn"])] == [want[t] for t in arc["text"]]
    assert arc["vader"].abs().sum() > 0


def _actor_summary_per_group(scored):
    """The per-group computation actor_summary replaced, as ``benchmarks/bench_sentiment.py`` times it (one copy)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_sentiment", paths.ROOT / "benchmarks" / "bench_sentiment.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench._summary_per_group(scored)


def test_vectorised_actor_summary_is_the_per_group_one(items):
    import pandas as pd

    from helpers.sentiment import SENTIMENT_ACTORS_SCHEMA
    from helpers.tables import conform

    rows = [r for it in items for r in tables.article_tables(it)[2]]
    scored = conform(pd.DataFrame(rows), SENTIMENT_ACTORS_SCHEMA)
    scored.loc[scored.index[::5], "canonical_name"] = " "  # unnamed mentions are grouped by the mention
    assert scored["toward_label"].nunique() == 3 and len(scored) > 100
    for part in (scored, scored.head(1), scored.head(0)):
        pd.testing.assert_frame_equal(tables.actor_summary(part), _actor_summary_per_group(part))
