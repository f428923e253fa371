"""Numeric claims (helpers.claims): constructed passages, the seed, the Wikinews corpus and random text."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import claims, paths
from helpers.tables import conform

NO_QUOTES = pd.DataFrame({"quote_start": pd.Series([], dtype=int), "quote_end": pd.Series([], dtype=int),
                          "speaker": pd.Series([], dtype=str), "actor": pd.Series([], dtype=str)})
SEED = (paths.DATA_RAW / "kazakhstan_protests_2022.txt").read_text(encoding="utf-8")


def one(text: str) -> dict:
    c = claims.extract_claims(text, NO_QUOTES)
    assert len(c) == 1, c[["text"]].to_dict("records")
    return c.iloc[0].to_dict()


@pytest.mark.parametrize("text, quantity, value, lower, upper, hedge", [
    ("Police detained nearly 8,000 people.", "nearly 8,000", 8000, 7200, 8000, "nearly"),
    ("At least 12 people were killed.", "At least 12", 12, 12, None, "at least"),
    ("More than 1,500 were injured.", "More than 1,500", 1500, 1500, None, "more than"),
    ("Up to 2,000 people were evacuated.", "Up to 2,000", 2000, None, 2000, "at most"),
    ("About 300 protesters gathered.", "About 300", 300, 270, 330, "approximately"),
    ("Between 10 and 20 are missing.", "Between 10 and 20", 10, 10, 20, "range"),
    ("Dozens of people were killed.", "Dozens", 24, 24, 99, "vague"),
    ("Tens of thousands marched.", "Tens of thousands", 20000, 20000, 99999, "vague"),
    ("Twenty-five people died.", "Twenty-five", 25, 25, 25, "exact"),
    ("Three hundred and twelve soldiers surrendered.", "Three hundred and twelve", 312, 312, 312, "exact"),
    ("Turnout reached 45 per cent.", "45 per cent", 45, 45, 45, "exact"),
    ("The fund holds $3.5 million.", "$3.5 million", 3.5e6, 3.5e6, 3.5e6, "exact"),
    ("It cost 12 billion tenge.", "12 billion tenge", 12e9, 12e9, 12e9, "exact"),
    ("Fuel prices doubled.", "doubled", 2, 2, 2, "factor"),
])
def test_quantity_hedge_and_bounds(text, quantity, value, lower, upper, hedge):
    c = one(text)
    assert text[c["start"]:c["end"]] == c["text"] == quantity
    assert c["value"] == pytest.approx(value) and c["hedge"] == hedge
    for got, want in ((c["lower"], lower), (c["upper"], upper)):
        assert math.isnan(got) if want is None else got == pytest.approx(want)


@pytest.mark.parametrize("text, unit, counted", [
    ("Police detained 8,000 people during protests.", "people", "people detained"),
    ("The official death toll is 164 people.", "people", "people killed"),
    ("The unrest began 30 years after independence.", "years", "years"),
    ("The violence followed a doubling of fuel prices.", "factor", "fuel prices"),
    ("Inflation hit 8% in December.", "percent", ""),
    ("The bill was 40 euros.", "EUR", "money"),
    ("Officials said 20 were wounded by gunfire.", "", "people injured"),
])
def test_what_a_claim_counts(text, unit, counted):
    c = one(text)
    assert (c["unit"], c["counted"]) == (unit, counted)


@pytest.mark.parametrize("text", [
    "Kazakh authorities reported on Monday, Jan. 10, that the city was calm.",
    "The summit opened on 10 January in Geneva.",
    "The law passed in 2022 after a long debate.",
    "They met at 3 p.m. on the square.",
    "He cited Resolution 2231 and COVID-19 rules.",
    "She finished 10th in the race.",
    "The team won 3-1 at home.",
    "A 25-year-old man was questioned.",
    "No one was hurt, and one of the guards left.",
])
def test_dates_times_identifiers_are_not_claims(text):
    assert claims.extract_claims(text, NO_QUOTES).empty


def test_two_sources_with_incompatible_totals_are_contested():
    text = ("Police said three people were killed in the clashes. "
            "The opposition said 40 people were killed in the clashes.")
    first, second = "three people were killed in the clashes", "40 people were killed in the clashes"
    quotes = pd.DataFrame({"quote_start": [text.index(first), text.index(second)],
                           "quote_end": [text.index(first) + len(first), text.index(second) + len(second)],
                           "speaker": ["Police", "The opposition"], "actor": ["police", "opposition"]})
    c = claims.extract_claims(text, quotes)
    assert c["source"].tolist() == ["police", "opposition"]
    assert c["contested"].tolist() == [True, True] and c["inconsistent"].tolist() == [True, True]
    assert c["conflicts_with"].tolist() == ["1", "0"]


def test_compatible_numbers_and_partial_counts_do_not_clash():
    text = ("Police detained nearly 8,000 people. Officials said 7,900 people had been detained in total. "
            "The death toll rose from fourteen to 31. Three more people died on Tuesday. "
            "In all, 31 people were killed, including 12 children.")
    c = claims.extract_claims(text, NO_QUOTES)
    assert not c["inconsistent"].any(), c[["text", "conflicts_with"]].to_dict("records")


def test_one_narrator_with_incompatible_numbers_is_inconsistent_not_contested():
    text = "Dozens of people were killed in the unrest. The official death toll is 164 people."
    c = claims.extract_claims(text, NO_QUOTES)
    assert c["inconsistent"].tolist() == [True, True]
    assert not c["contested"].any()


def test_a_comparative_is_bounded_by_the_figure_it_disputes():
    text = "The official death toll is 164 people, but residents say the real number is far higher."
    c = claims.extract_claims(text, NO_QUOTES)
    comp = c[c["hedge"] == "higher than"].iloc[0]
    assert comp["text"] == "far higher" and comp["lower"] == 164 and math.isnan(comp["upper"])
    assert comp["counted"] == "people killed" and comp["conflicts_with"] == "0"


def test_seed_claims_sources_and_flags():
    """The seed: nearly 8,000 detained twice (two statements, compatible), dozens killed against an official toll
    of 164 (inconsistent), contested by citizens' 'considerably higher'; a doubling of fuel prices; 30 years."""
    c = claims.extract_claims(SEED)
    by = {t: g for t, g in c.groupby("text")}
    assert len(by["nearly 8,000"]) == 2 and not by["nearly 8,000"]["inconsistent"].any()
    assert set(by["nearly 8,000"]["counted"]) == {"people detained"}
    assert (by["nearly 8,000"]["source"] != "narrator").all()
    dozens, toll, higher = by["dozens"].iloc[0], by["164"].iloc[0], by["considerably higher"].iloc[0]
    assert dozens["counted"] == toll["counted"] == higher["counted"] == "people killed"
    assert dozens["inconsistent"] and toll["inconsistent"] and higher["inconsistent"]
    assert toll["contested"] and higher["contested"]
    assert "citizens" in higher["source"].lower()
    assert str(toll["claim_id"]) in higher["conflicts_with"].split(";")
    assert by["doubling"].iloc[0]["counted"] == "fuel prices"
    assert by["30"].iloc[0]["unit"] == "years" and not by["30"].iloc[0]["inconsistent"]
    assert "10" not in by  # Jan. 10 is a date
    assert (c["sentence_id"] >= 0).all()


def test_schema_and_table():
    t = claims.claims_table({"b": "Two people died.", "a": "Nothing to count here."})
    assert list(t.columns) == [col.name for col in claims.CLAIMS_TABLE_SCHEMA]
    assert t["article_id"].tolist() == ["b"]
    conform(t, claims.CLAIMS_TABLE_SCHEMA)


def test_wikinews_corpus_runs_and_offsets_hold():
    files = paths.corpus_files(("wikinews-2019-2020",))
    n = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        c = claims.extract_claims(text)
        n += len(c)
        assert all(text[s:e] == t for s, e, t in zip(c["start"], c["end"], c["text"]))
        assert ((c["lower"].isna()) | (c["upper"].isna()) | (c["lower"] <= c["upper"])).all()
    assert n > (1000 if len(files) > 100 else 0)


TOKENS = st.sampled_from(["8,000", "164", "nearly", "at least", "dozens", "of", "people", "were", "killed",
                          "detained", "the", "death toll", "is", "considerably higher", "Jan.", "10", "2022",
                          "%", "$", "million", "doubling", "between", "and", "-", "3", "twenty-five", "one",
                          "“", "”", ".", ",", "\n\n", "said", "Police", "thousands", "tens"])


@settings(max_examples=200, deadline=None)
@given(st.lists(TOKENS, max_size=40), st.text(max_size=40))
def test_never_raises_and_offsets_index_the_text(tokens, noise):
    text = " ".join(tokens) + noise
    c = claims.extract_claims(text, NO_QUOTES)
    assert all(text[s:e] == t for s, e, t in zip(c["start"], c["end"], c["text"]))
    assert (c["start"] < c["end"]).all()
    assert ((c["lower"].isna()) | (c["upper"].isna()) | (c["lower"] <= c["upper"] + 1e-9)).all()
    assert c["claim_id"].tolist() == list(range(len(c)))


def test_gold_set_scores():
    """Detection F1 and value accuracy on the hand-annotated Wikinews gold set (both splits; see README_claims.md),
    far above taking every numeral as a claim."""
    import json
    import sys

    sys.path.insert(0, str(paths.ROOT / "scripts"))
    import eval_claims

    items = [json.loads(line) for line in (paths.ROOT / "tests/gold/claims_gold.jsonl").read_text().splitlines()
             if line.strip()]
    for split in ("dev", "test"):
        part = [i for i in items if i["split"] == split]
        ours, base = eval_claims.score(part, eval_claims.predicted), eval_claims.score(part, eval_claims.baseline)
        assert ours["f1"] >= 0.9 and ours["value_acc"] >= 0.9 and ours["bounds_acc"] >= 0.9, (split, ours)
        assert ours["f1"] > base["f1"] + 0.3


def test_claims_table_is_extract_claims_per_article_with_its_statements():
    from helpers import quotes
    files = paths.corpus_files(("wikinews-2019-2020",))[:25]
    texts = {f.stem: f.read_text(encoding="utf-8") for f in files}
    q = quotes.quotes_table(texts)
    t = claims.claims_table(texts, q)
    parts = [claims.extract_claims(texts[a], q[q["article_id"] == a]).assign(article_id=a) for a in sorted(texts)]
    expected = conform(pd.concat(parts, ignore_index=True), claims.CLAIMS_TABLE_SCHEMA)
    assert len(t) > 50
    pd.testing.assert_frame_equal(t, expected)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(1, 30)), max_size=30), st.integers(0, 600))
def test_sentence_lookup_by_bisection_is_the_scan_it_replaced(gaps_and_lengths, pos):
    """Claims find their sentence by bisection (linear in the article, not claims x sentences): the same span
    as scanning the sentences in order, or the 300-character window when no sentence holds the position."""
    spans, at = [], 0
    for gap, length in gaps_and_lengths:
        spans.append((at + gap, at + gap + length))
        at += gap + length
    scanned = next(((a, b) for a, b in spans if a <= pos < b), (max(0, pos - 300), pos + 300))
    assert claims._sentence_of(claims._Spans(spans), pos) == scanned


def test_claims_table_engines_give_the_same_rows():
    texts = {f"a{i}": f"Police said {i * 7 + 3} people were detained and {i + 2} were injured on day {i}." for i in
             range(12)}
    loop = claims.claims_table(texts, engine="loop")
    assert len(loop) >= 24 and loop["article_id"].tolist() == sorted(loop["article_id"])
    try:
        pd.testing.assert_frame_equal(claims.claims_table(texts, engine="local"), loop)
    finally:
        from helpers import corpus
        corpus.shutdown()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([None, ("killed", "people"), ("injured", "people")]),
                          st.sampled_from(["narrator", "A", "B", "C"]), st.integers(-1, 12), st.booleans()),
                max_size=25))
def test_candidate_pairs_hold_every_comparable_pair(spec):
    """Clashes are checked only on candidate pairs (linear in the claims of one source): every pair of the same
    tally that `_comparable` accepts is among them, as when all pairs were checked."""
    cl = [claims._Claim(i, i + 1, 1, 1, 1, "exact", total=total) for i, (_, _, _, total) in enumerate(spec)]
    for i, c in enumerate(cl):
        c.index = i
    rows = [{"source": src, "sentence_id": sid} for _, src, sid, _ in spec]
    keys = [k for k, _, _, _ in spec]
    every = {(i, j) for i in range(len(cl)) for j in range(i + 1, len(cl))
             if keys[i] is not None and keys[i] == keys[j] and claims._comparable(cl[i], cl[j], rows)}
    candidates = claims._candidate_pairs(cl, keys, rows)
    assert every <= set(candidates) and all(keys[i] == keys[j] is not None for i, j in candidates)


def test_one_speakers_many_tallies_take_linear_time():
    """20,000-quotation articles: the statement lookup and the clash check no longer compare every claim with every
    statement and every other claim (counted through _comparable's calls, not timed)."""
    from unittest import mock
    parts, rows, pos = [], [], 0
    for i in range(3000):
        s = f'"{i % 90 + 2} people were killed," he said. '
        parts.append(s)
        rows.append({"article_id": "x", "quote_start": pos + 1, "quote_end": pos + s.index(","), "speaker": "he",
                     "actor": "", "source_type": "unresolved"})
        pos += len(s)
    with mock.patch.object(claims, "_comparable", wraps=claims._comparable) as spy:
        t = claims.claims_table({"x": "".join(parts)}, pd.DataFrame(rows))
    assert len(t) == 3000 and (t["source"] == "he").all() and spy.call_count < 3000
