"""helpers.sentiment: VADER score and its explanation, AFINN and agreement, toward(), notebook tables."""
from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from helpers import paths, sentiment, tables

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "toward_gold.csv"

VADER = SentimentIntensityAnalyzer()

TRICKY = [
    "", "   ", "good", "GOOD", "The food is GOOD and the service is bad.", "Not bad at all",
    "At least it isn't a horrible book.", "never so good", "without doubt good", "no good no bad",
    "The book was only kind of good.", "The plot was good, but the characters are dull.", "what??? terrible??",
    "Great!!!!! Really great!!", "I love it 😁 so much!!", "😁", "💘 and 💋", "kind", "kind of",
    "He is not very good, but not very bad either.", "least bad option", "the least good option",
    "It was the shit", "Kazakhstan has the ability to maintain law and order, but to do so in a way that respects "
    "the rights of peaceful protesters.", "“The shoot-to-kill order, to the extent it exists, is wrong.”",
    "Tabs\tand\nnewlines\u00a0and\u2003wide spaces are fine", "HAPPY happy HAPPY", "no no no",
]


def corpus_sentences(limit: int) -> list[str]:
    """Sentences from the unannotated corpora (or the seed, where the corpora are absent), in sorted order."""
    files = paths.corpus_files()[::7]
    out: list[str] = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        pos = 0
        while pos < len(text) and len(out) < limit:
            s, e = sentiment.sentence_bounds(text, pos, pos + 1)
            if e <= pos:
                break
            if e - s > 3:
                out.append(text[s:e])
            pos = e + 1
        if len(out) >= limit:
            break
    return out


SENTENCES = corpus_sentences(1500)


# ---------------------------------------------------------------------------------------------- score
def test_corpus_sample_is_real_news():
    # the shared corpora sit beside the project here and in CI; a fork falls back to the seed article
    assert len(SENTENCES) >= (100 if (paths.SHARED / "corpora").is_dir() else 15)
    assert sum(sentiment.score(s) != 0 for s in SENTENCES) > len(SENTENCES) // 4


def _vader_by_sentence(text: str) -> float:
    """The contract of score(): VADER on each text-model sentence (quotes straightened), then the mean."""
    from helpers import text as tm

    text = "" if not isinstance(text, str) else text
    spans = tm.build(text).sentences if text.strip() else ()
    if len(spans) <= 1:
        return VADER.polarity_scores(sentiment.plain(text))["compound"] if text.strip() else 0.0
    vals = [VADER.polarity_scores(sentiment.plain(text[a:b]))["compound"] for a, b in spans]
    return round(sum(vals) / len(vals), 4)


@pytest.mark.parametrize("text", TRICKY)
def test_score_is_vader_sentence_by_sentence_on_tricky_text(text):
    assert sentiment.score(text) == _vader_by_sentence(text)


def test_score_equals_raw_vader_on_single_corpus_sentences_without_curly_quotes():
    from helpers import text as tm

    single = [s for s in SENTENCES if len(tm.build(s).sentences) == 1 and s == sentiment.plain(s)]
    assert len(single) > 300
    diff = [s for s in single if sentiment.score(s) != VADER.polarity_scores(s)["compound"]]
    assert diff == []


def test_one_sentence_shortcut_agrees_with_the_text_model():
    """score() skips building the text model when no boundary is possible; the model must agree."""
    from helpers import text as tm
    from helpers.sentiment import lexicon

    pieces = SENTENCES + [s + " " + t for s, t in zip(SENTENCES[::2], SENTENCES[1::2])] + TRICKY
    shortcut = [p for p in pieces if p.strip() and not lexicon._MAYBE_BOUNDARY.search(p.rstrip())]
    assert len(shortcut) > 300
    assert [p for p in shortcut if len(tm.build(p).sentences) > 1] == []


def _curly(text: str) -> str:
    """Straight quotes made typographic: an apostrophe inside a word -> ’, a double quote -> “ or ” by position."""
    out, opened = [], False
    for i, ch in enumerate(text):
        if ch == "'":
            out.append("’" if i and text[i - 1].isalnum() else "‘")
        elif ch == '"':
            out.append("”" if opened else "“")
            opened = not opened
        else:
            out.append(ch)
    return "".join(out)


def test_curly_and_straight_quotes_give_the_same_score_on_corpus_sentences():
    quoted = [s for s in SENTENCES if any(c in s for c in "'\"‘’“”")]
    assert len(quoted) >= 200
    for s in quoted:
        straight, curly = sentiment.plain(s), _curly(sentiment.plain(s))
        assert sentiment.score(curly) == sentiment.score(straight), s
        assert sentiment.score_afinn(curly) == sentiment.score_afinn(straight), s
        assert sentiment.evidence_string(curly) == sentiment.evidence_string(straight), s


def test_curly_quotes_no_longer_hide_words_from_vader():
    t = "Simultaneously, Tokayev accused foreign-trained “terrorist gangs” of instigating the protests."
    assert VADER.polarity_scores(t)["compound"] > -0.5  # the bug: VADER sees '“terrorist'
    assert sentiment.score(t) < -0.75
    assert sentiment.score("He doesn’t like it.") == sentiment.score("He doesn't like it.") < 0


def test_the_but_rule_does_not_cross_sentences_in_the_seed_statements():
    seed = (paths.find_root() / "data" / "raw" / "kazakhstan_protests_2022.txt").read_text(encoding="utf-8")
    i = seed.index("terrorist gangs")
    tokayev = seed[seed.rindex("\n", 0, i) + 1:seed.index("\n", i)]
    assert sentiment.score(tokayev) < -0.5
    j = seed.index("shoot-to-kill order, to the extent")
    blinken = seed[j:seed.index("peaceful protesters", j) + len("peaceful protesters")]
    assert "but" in blinken and "wrong" in blinken
    raw = VADER.polarity_scores(blinken)["compound"]
    assert raw > 0.6  # raw VADER: "but" halves "wrong" a paragraph away
    ex = sentiment.explain(blinken)
    first = ex[(ex["kind"] == "sentence") & (ex["sentence"] == 0)]["sentence_score"].iloc[0]
    assert first < -0.4  # "... is wrong and should be rescinded." keeps its full weight
    assert ex.loc[ex["token"] == "wrong", "modifiers"].iloc[0] == ""  # no but-weight across the stop
    assert sentiment.score(blinken) < raw - 0.4


def test_score_empty_and_non_string_give_zero():
    assert sentiment.score("") == 0.0
    assert sentiment.score("  \n ") == 0.0
    assert sentiment.score(None) == 0.0
    assert sentiment.score(float("nan")) == 0.0


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_score_never_raises_and_stays_in_range(text):
    v = sentiment.score(text)
    assert -1.0 <= v <= 1.0
    assert v == _vader_by_sentence(text)


def test_vader_needs_no_network_and_uses_its_own_lexicon():
    code = (
        "import socket, sys\n"
        "def _no(*a, **k): raise RuntimeError('network used')\n"
        "socket.socket = _no; socket.create_connection = _no; socket.getaddrinfo = _no\n"
        "from helpers import sentiment\n"
        "assert sentiment.score('a good day') > 0 and sentiment.score_afinn('a good day') > 0\n"
        "import vaderSentiment.vaderSentiment as V, os\n"
        "a = sentiment._vader()\n"
        "assert len(a.lexicon) > 7000\n"
        "assert 'requests' not in sys.modules\n"
        "print('ok', os.path.dirname(V.__file__).endswith('vaderSentiment'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok True"


# ---------------------------------------------------------------------------------------------- explain
def _rebuilt(text: str) -> float:
    """The score recomputed from the explanation alone: per sentence the sum of final valences, normalised;
    then the mean over the sentence rows."""
    df = sentiment.explain(text)
    per = []
    for _, g in df.groupby("sentence", sort=True):
        total = 0.0
        for v in g.loc[g["kind"] != "sentence", "final_valence"]:
            total += v
        per.append(round(sentiment.normalize(total), 4) if total else 0.0)
        assert (g["sentence_score"] == per[-1]).all()
    if not per:
        return 0.0
    return per[0] if len(per) == 1 else round(sum(per) / len(per), 4)


def test_explanation_reproduces_score_on_corpus_sentences():
    bad = [s for s in SENTENCES if _rebuilt(s) != sentiment.score(s)]
    assert bad == []


@pytest.mark.parametrize("text", TRICKY)
def test_explanation_reproduces_score_on_tricky_text(text):
    assert _rebuilt(text) == sentiment.score(text)
    assert sentiment.compound_from(sentiment.explain(text)) == sentiment.score(text)


WORDS = ["good", "bad", "great", "terrible", "not", "very", "no", "never", "but", "kind", "of", "least", "at",
         "GOOD", "BAD", "the", "plan", "slightly", "so", "without", "doubt", "!", "?", "really", "isn't", "nor"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.sampled_from(["", "!", "!!!", "??", "?"]))
def test_explanation_reproduces_score_on_generated_modifier_soup(words, end):
    text = " ".join(words) + end
    assert _rebuilt(text) == sentiment.score(text)


def test_explain_offsets_point_into_the_text():
    for text in SENTENCES[:400] + TRICKY:
        df = sentiment.explain(text)
        words = df[df["kind"] == "word"]
        for r in words.itertuples(index=False):
            if any(ch in VADER.emojis for ch in text[r.start:r.end]):
                continue
            assert sentiment.plain(text[r.start:r.end]) == r.token


def test_explain_names_the_modifiers():
    df = sentiment.explain("The plan is not good, but the results are very good!")
    assert df["token"].tolist() == ["<sentence>", "good", "good", "<punctuation>"]
    df = df.iloc[1:].reset_index(drop=True)
    assert df.loc[0, "lexicon_valence"] == 1.9
    assert df.loc[0, "rule_valence"] == pytest.approx(1.9 * -0.74)
    assert df.loc[0, "modifiers"] == "negated:not;but-weight(x0.5)"
    assert df.loc[1, "modifiers"] == "booster:very(+0.293);but-weight(x1.5)"
    assert df.loc[2, "kind"] == "punctuation" and df.loc[2, "final_valence"] == pytest.approx(0.292)
    caps = sentiment.explain("The food is GOOD and cheap.")
    assert "caps" in caps.loc[caps["token"] == "GOOD", "modifiers"].iloc[0]
    assert list(caps.columns) == sentiment.EXPLAIN_COLUMNS


def test_explain_maps_emoji_to_its_character():
    text = "I love it 😁 so much"
    df = sentiment.explain(text)
    row = df[df["token"] == "smiling"].iloc[0]
    assert text[row["start"]:row["end"]] == "😁"


def test_explain_empty_text_has_columns_and_no_rows():
    df = sentiment.explain("")
    assert df.empty and list(df.columns) == sentiment.EXPLAIN_COLUMNS


# ---------------------------------------------------------------------------------------------- AFINN, agreement
def test_afinn_is_independent_and_normalised_like_vader():
    assert sentiment.afinn_raw("a corrupt regime") == -3.0  # "corrupt" is in AFINN, not in VADER
    assert "corrupt" not in VADER.lexicon
    assert sentiment.score_afinn("a corrupt regime") == pytest.approx(-3 / math.sqrt(9 + 15))
    assert sentiment.score_afinn("") == 0.0
    assert sentiment.afinn_evidence("A wrong and cruel order") == "wrong(-2); cruel(-3)"
    for s in SENTENCES[:300]:
        assert -1.0 <= sentiment.score_afinn(s) <= 1.0


def test_agreement_known_values():
    perfect = sentiment.agreement([0.1, -0.5, 0.9, 0.0], [0.2, -0.4, 0.8, 0.01])
    assert perfect["n"] == 4
    assert perfect["spearman"] == pytest.approx(1.0)
    assert perfect["label_agreement"] == 1.0 and perfect["cohen_kappa"] == pytest.approx(1.0)
    opposite = sentiment.agreement([0.5, -0.5, 0.3], [-0.5, 0.5, -0.3])
    assert opposite["pearson"] == pytest.approx(-1.0)
    assert opposite["sign_agreement"] == 0.0
    nan = sentiment.agreement([0.2, 0.2, 0.2], [0.1, 0.5, float("nan")])
    assert nan["n"] == 2 and math.isnan(nan["pearson"])
    with pytest.raises(ValueError):
        sentiment.agreement([1, 2], [1])


def test_vader_and_afinn_agree_moderately_on_news():
    r = sentiment.agreement([sentiment.score(s) for s in SENTENCES], [sentiment.score_afinn(s) for s in SENTENCES])
    assert 0.4 < r["pearson"] < 0.95  # related but not the same instrument
    assert r["sign_agreement"] > 0.75


def test_label_thresholds():
    assert [sentiment.label(v) for v in (-0.06, -0.05, 0.0, 0.0499, 0.05)] == [
        "negative", "negative", "neutral", "neutral", "positive"]
    assert sentiment.label(float("nan")) == "neutral"


# ---------------------------------------------------------------------------------------------- toward
def span(text: str, target: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(target), text)]
    return starts[nth], starts[nth] + len(target)


def tw(text: str, target: str, nth: int = 0) -> float:
    """The rule engine (rule_toward): these constructed tests pin down its documented rules."""
    return sentiment.rule_toward(text, *span(text, target, nth))


def test_toward_agent_versus_patient_of_harm():
    t = "Security forces violently repressed the protests."
    assert tw(t, "Security forces") < -0.5
    assert tw(t, "the protests") == 0.0  # a victim is not blamed
    assert sentiment.score(t) < -0.5  # while the sentence as a whole is negative


def test_toward_passive_voice_and_by_agent():
    t = "The protesters were beaten by the police."
    assert tw(t, "The protesters") == 0.0
    assert tw(t, "the police") < -0.1


def test_toward_evaluation_lands_on_the_patient():
    t = "The union accused management of bullying staff."
    assert tw(t, "management") < -0.3
    assert abs(tw(t, "The union")) < 0.2
    t = "The mayor was praised for her quick response."
    assert tw(t, "The mayor") > 0.3


def test_toward_apposition_relative_clause_premodifier():
    assert tw("Dr. Osei, a widely admired surgeon, will lead the clinic.", "Dr. Osei") > 0.2
    assert tw("Mr. Petrov, a convicted fraudster, now runs three companies.", "Mr. Petrov") < -0.2
    assert tw("The minister, who has been accused of corruption, resigned on Friday.", "The minister") < -0.1
    assert tw("The corrupt and incompetent administration wasted money.", "administration") < -0.3


def test_toward_predicate_and_negation():
    assert tw("The senator is honest and brave.", "The senator") > 0.3
    assert tw("The senator is not honest.", "The senator") < -0.1
    assert tw("The order is wrong and should be rescinded.", "The order") < -0.2


def test_toward_reported_speech_says_little_about_the_speaker():
    t = "The president said the economy was in terrible shape."
    assert abs(tw(t, "The president")) < 0.1
    assert tw(t, "the economy") < -0.2
    t = "The bill would hurt small businesses, opponents argue."
    assert tw(t, "The bill") < -0.2
    assert abs(tw(t, "opponents")) < 0.1


def test_toward_two_targets_in_one_sentence_can_differ():
    t = "Smith won the race easily, while Jones was badly beaten by his rivals and blamed for the loss."
    assert tw(t, "Smith") > 0.2
    t = "Firefighters rescued a family of four, but looters robbed the empty homes."
    assert tw(t, "Firefighters") > 0.2 and tw(t, "looters") < -0.2


def test_toward_only_counts_the_target_sentence():
    t = "The minister opened the bridge. Terrible, awful, horrible violence broke out elsewhere."
    assert tw(t, "The minister") == 0.0


def test_toward_victim_states_are_not_negative_toward_the_victim():
    assert tw("Residents are afraid and many were injured.", "Residents") == 0.0


def test_toward_bad_spans_return_zero():
    t = "Security forces violently repressed the protests."
    for s, e in [(0, 0), (5, 2), (-1, 4), (0, 10_000), (15, 16), (None, 3), ("a", "b")]:
        assert sentiment.toward(t, s, e) == 0.0
    assert sentiment.toward("", 0, 1) == 0.0
    assert sentiment.toward_evidence(t, 5, 2).empty


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.integers(-5, 210), st.integers(-5, 210))
def test_toward_never_raises_on_any_input(text, s, e):
    v = sentiment.toward(text, s, e)
    assert -1.0 <= v <= 1.0


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SENTENCES[:300]), st.integers(0, 400), st.integers(1, 30))
def test_rule_toward_is_the_normalised_sum_of_its_evidence(text, s, width):
    s = min(s, max(len(text) - 1, 0))
    e = min(len(text), s + width)
    ev = sentiment.rule_evidence(text, s, e)
    total = 0.0
    for c in ev["contribution"]:
        total += c
    expect = round(sentiment.normalize(total), 4) if abs(total) >= sentiment._MIN_EVIDENCE else 0.0
    assert sentiment.rule_toward(text, s, e) == expect
    assert set(ev.columns) == set(sentiment.EVIDENCE_COLUMNS)
    for r in ev.itertuples(index=False):
        assert text[r.start:r.end] == r.token


def test_toward_beats_the_sentence_baseline_on_the_gold():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import eval_toward
    finally:
        sys.path.pop(0)
    gold = pd.read_csv(GOLD, keep_default_na=False)
    assert len(gold) >= 60 and set(gold["label"]) == {"negative", "neutral", "positive"}
    for r in gold.itertuples(index=False):  # spans are right
        assert r.text[r.start:r.end] == r.target
    res = eval_toward.evaluate(gold)
    assert res["toward_macro_f1"] >= 0.62
    assert res["toward_macro_f1"] >= res["baseline_macro_f1"] + 0.08
    fresh = gold[gold["split"] == "fresh"].reset_index(drop=True)
    res_fresh = eval_toward.evaluate(fresh)
    assert res_fresh["toward_macro_f1"] > res_fresh["baseline_macro_f1"]


def test_eval_script_runs_and_prints_both_methods():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_toward.py"), str(GOLD)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "toward" in out.stdout and "sentence VADER (baseline)" in out.stdout and "macro-F1" in out.stdout


def test_sentence_bounds_respect_abbreviations():
    t = "Mr. Lee met U.S. officials on Jan. 10 in Almaty. Police then left."
    s, e = sentiment.sentence_bounds(t, 4, 7)
    assert t[s:e] == "Mr. Lee met U.S. officials on Jan. 10 in Almaty."
    s, e = sentiment.sentence_bounds(t, 52, 56)
    assert t[s:e] == "Police then left."


def test_word_lists_are_well_formed():
    lists = sentiment._lists()
    classes = {r["class"] for r in sentiment._data_rows("sentiment_verb_classes.csv")}
    assert classes == {"harm", "sanction", "evaluate", "help", "speech", "contest", "exculpate"}
    assert lists.verb_class["repressed"] == "harm" and lists.verb_class["said"] == "speech"
    assert lists.verb_class["criticised"] == "evaluate" and lists.noun_class["crackdown"] == "harm"
    assert "state" not in lists.verb_class and "report" not in lists.verb_class  # nouns too: not generated
    for name in ("neutral", "victim", "det", "prep", "be", "aux", "verb"):
        assert lists.words[name], name
    for w in lists.supplement:  # the supplement only fills gaps of both lexicons
        assert w not in VADER.lexicon and w not in sentiment._afinn()._dict


# ---------------------------------------------------------------------------------------------- tables
def quotes_fixture() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a", "a", "a", "b"],
        "kind": ["direct", "direct", "indirect", "direct"],
        "quote_start": [40, 0, 100, 0],
        "quote_end": [80, 30, 140, 10],
        "quote_text": ["The order is wrong and should be rescinded.", "We welcome this great progress!",
                       "terrorist gangs instigated the protests", ""],
        "speaker": ["Blinken", "the minister", "Tokayev", ""],
        "actor": ["Antony Blinken", "", "Kassym-Jomart Tokayev", ""],
        "cue": ["stated", "said", "accused", ""],
    })


def test_score_quotes_table():
    df = sentiment.score_quotes(quotes_fixture())
    assert list(df.columns) == [c.name for c in sentiment.SENTIMENT_QUOTES_SCHEMA]
    assert df["quote_start"].tolist() == [0, 40, 100, 0]  # sorted by article, offset
    row = df[df["speaker"] == "Blinken"].iloc[0]
    assert row["speaker_group"] == "Antony Blinken" and row["vader_label"] == "negative"
    assert "wrong(-2.100)" in row["evidence"] and "wrong(-2)" in row["afinn_evidence"]
    assert df[df["article_id"] == "b"]["speaker_group"].iloc[0] == "(no speaker)"
    # unresolved pronouns from different articles are not one person: they share one explicit group
    assert [sentiment.speaker_group(s, "") for s in ["he", "She", "they"]] == ["(unresolved pronoun)"] * 3
    assert sentiment.speaker_group("he", "Kassym-Jomart Tokayev") == "Kassym-Jomart Tokayev"
    assert df[df["article_id"] == "b"]["vader"].iloc[0] == 0.0
    tables.conform(df, sentiment.SENTIMENT_QUOTES_SCHEMA)
    summary = sentiment.speaker_summary(df)
    assert summary["n"].sum() == 4 and summary["mean"].is_monotonic_increasing


def test_score_quotes_empty_table_keeps_schema():
    df = sentiment.score_quotes(quotes_fixture().iloc[0:0])
    assert df.empty and list(df.columns) == [c.name for c in sentiment.SENTIMENT_QUOTES_SCHEMA]


def test_score_actors_and_summary():
    text = "Security forces violently repressed the protests. Tokayev praised the security forces."
    mentions = pd.DataFrame({
        "article_id": ["a", "a", "a", "a"], "start": [0, 36, 50, 70], "end": [15, 48, 57, 85],
        "mention": ["Security forces", "the protests", "Tokayev", "security forces"],
        "actor_id": ["KAZ:sec", "", "KAZ:pres", "KAZ:sec"],
        "canonical_name": ["security forces", "protests", "Tokayev", "security forces"],
        "actor_type": ["security forces", "", "head of state", "security forces"],
    })
    df = sentiment.score_actors(mentions, {"a": text})
    assert list(df.columns) == [c.name for c in sentiment.SENTIMENT_ACTORS_SCHEMA]
    got = dict(zip(df["mention"], df["toward_label"]))
    tw_of = dict(zip(df["mention"], df["toward"]))
    assert got["Security forces"] == "negative" and got["security forces"] == "positive"
    assert tw_of["Security forces"] < tw_of["the protests"]  # the agent of harm more than its patient
    first = df.iloc[0]
    assert text[first["sentence_start"]:first["sentence_end"]] == "Security forces violently repressed the protests."
    assert "violently" in first["evidence"] or "repressed" in first["evidence"]
    assert df["voice"].tolist() == ["narrator"] * 4 and df["sentence_id"].tolist() == [0, 0, 1, 1]
    summ = sentiment.actor_summary(df)
    sec = summ[summ["canonical_name"] == "security forces"].iloc[0]
    assert sec["mentions"] == 2 and sec["negative"] == 1 and sec["positive"] == 1


def test_tone_arc_scores_each_sentence_in_order():
    s = pd.DataFrame({"article_id": ["a", "a", "a"], "sentence_id": [2, 0, 1], "start": [30, 0, 12],
                      "end": [40, 10, 25], "text": ["Awful.", "All good.", "Nothing here."]})
    arc = sentiment.tone_arc(s)
    assert arc["sentence_id"].tolist() == [0, 1, 2]
    assert arc["vader_label"].tolist() == ["positive", "neutral", "negative"]


# --- round 2 rules (issue 5): contest verbs, undergo verbs, sanction defaults, evidence threshold ------------
def _tw(text, target):
    i = text.index(target)
    return sentiment.rule_toward(text, i, i + len(target))


def test_contest_verbs_make_the_winner_positive_and_the_loser_negative():
    t = "In other results, Maroochydore defeated Caboolture 43-5."
    assert _tw(t, "Maroochydore") > 0.05
    assert _tw(t, "Caboolture") < -0.05
    assert _tw("The incumbent was defeated in the runoff.", "incumbent") < -0.05


def test_undergo_verbs_pass_their_object_to_the_subject():
    assert _tw("The senator faced sharp criticism over the deal.", "senator") < -0.05
    assert _tw("The mayor received an award for bravery.", "mayor") > 0.05
    # an ordinary verb's object counts only weakly (0.15): no label from one distant word
    assert _tw("Wong and three co-authors have started a company to sell their invention.", "Wong") == 0.0


def test_sanction_words_vader_barely_scores_use_their_class_default():
    t = "Judge Bernard Schwartz sentenced David Turpin to life in prison for torturing his children."
    assert _tw(t, "David Turpin") < -0.05
    assert sentiment.label(_tw(t, "Judge Bernard Schwartz")) == "neutral"


def test_weak_evidence_is_no_evidence_and_intransitive_victim_verbs_are_not_blamed():
    assert _tw("Police were investigating the conditions leading up to his death.", "Police") == 0.0
    assert _tw("Akilisi Pohiva, the prime minister of Tonga, died today.", "Akilisi Pohiva") == 0.0
    assert _tw("Rebels killed three soldiers.", "Rebels") < -0.05
    assert _tw("The president expressed his sadness at Iyambo's death.", "Iyambo") == 0.0
    # an age between the name and its apposition does not hide the apposition
    assert _tw("The attacker was restrained by James Ford, 42, a convicted murderer.", "James Ford") < -0.05


def test_real_wikinews_gold_is_well_formed_and_toward_beats_the_baseline():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import eval_toward
    finally:
        sys.path.pop(0)
    real = pd.read_csv(ROOT / "tests" / "gold" / "toward_gold_real.csv", keep_default_na=False)
    assert len(real) >= 100 and set(real["split"]) == {"real", "real2"}
    assert set(real["label"]) == {"negative", "neutral", "positive"}
    for r in real.itertuples(index=False):
        assert r.text[r.start:r.end] == r.target
        assert r.source_url.startswith("https://en.wikinews.org/wiki/") and r.source_file.endswith(".txt")
    for sp in ("real", "real2"):
        res = eval_toward.evaluate(real[real["split"] == sp].reset_index(drop=True))
        # the rule engine was tuned on this gold's conventions (speakers and victims neutral)
        assert res["rules_macro_f1"] >= res["baseline_macro_f1"] + 0.10
        assert res["rules_macro_f1"] >= 0.60
        # the learned model follows NewsMTSC's reader judgements, and still beats the sentence baseline here
        assert res["toward_macro_f1"] >= res["baseline_macro_f1"] + 0.05


# --- review fixes: V6 negative subjects, T7b culpability / exculpation -----------------------------------
def _tw(text, target):
    s = text.index(target)
    return sentiment.rule_toward(text, s, s + len(target))


def test_negative_subject_negates_evaluation_verb():
    assert _tw("Nobody blamed the firefighters.", "the firefighters") > 0
    assert _tw("None of the critics blamed the mayor.", "the mayor") > 0
    assert _tw("Analysts blamed the firefighters.", "the firefighters") < 0
    assert _tw("The senator was criticized by nobody.", "The senator") > 0
    assert _tw("The senator was criticized by analysts.", "The senator") < 0
    ev = sentiment.rule_evidence("Nobody blamed the firefighters.", 14, 30)
    assert ev["source"].tolist() == ["vader+negated-subject"]


def test_no_plus_noun_subject_negates_and_no_longer_does_not():
    # "no" + noun as the subject negates the verb; "no longer" is not a quantifier
    assert not sentiment._neg_quantifier_at(sentiment._sentence_tokens("No longer do critics praise him."), 0)
    assert _tw("No critic praised the mayor.", "the mayor") < 0
    assert _tw("Critics praised the mayor.", "the mayor") > 0


def test_exculpation_cancels_blame():
    assert _tw("The company was not responsible for the spill, the court ruled.", "The company") > 0
    assert _tw("The company was responsible for the attack, the court ruled.", "The company") < 0
    assert _tw("The company is responsible for security.", "The company") == 0.0
    assert _tw("The company was found not guilty of fraud.", "The company") > 0
    assert _tw("The company was found guilty of fraud.", "The company") < 0
    assert _tw("A jury found Smith not guilty of murder.", "Smith") > 0
    assert _tw("The pilot was not to blame for the crash.", "The pilot") > 0


def test_exculpation_verbs():
    assert _tw("The former minister was acquitted of murder.", "The former minister") > 0
    assert _tw("A judge cleared the driver of negligence.", "the driver") > 0
    assert _tw("The report exonerated the police chief of any wrongdoing.", "the police chief") > 0
    assert _tw("The court acquitted the journalist.", "The court") == 0.0
    # "cleared the square of protesters" is no exculpation
    assert not sentiment._exculpating(sentiment._sentence_tokens("Police cleared the square of protesters."), 1)


def test_score_actors_voice_and_relayed_content():
    text = ("Police beat peaceful protesters and killed two students, AP News reported. "
            "“The police are brutal and corrupt,” said Dana Lee, a student.")
    ap, dl, tp = text.index("AP News"), text.index("Dana Lee"), text.index("The police")
    q = pd.DataFrame({"article_id": ["a", "a"], "quote_start": [0, tp], "quote_end": [55, tp + 34],
                      "speaker": ["AP News", "Dana Lee"], "actor": ["Associated Press", ""],
                      "speaker_start": [ap, dl], "speaker_end": [ap + 7, dl + 8]})
    assert text[tp:tp + 34] == "The police are brutal and corrupt,"
    m = pd.DataFrame({"article_id": ["a"] * 3, "start": [0, ap, tp], "end": [6, ap + 7, tp + 10],
                      "mention": ["Police", "AP News", "The police"], "actor_id": ["p", "ap", "p"],
                      "canonical_name": ["police", "Associated Press", "police"], "actor_type": ["", "", ""]})
    df = sentiment.score_actors(m, {"a": text}, q).set_index("mention")
    assert df.loc["Police", "voice"] == "Associated Press"  # inside AP's relayed statement
    assert df.loc["The police", "voice"] == "Dana Lee"
    assert df.loc["AP News", "voice"] == "narrator" and bool(df.loc["AP News", "relayed_masked"])
    assert df.loc["AP News", "toward_label"] != "negative"  # not scored for the killings it reports
    relayed = {"beat", "peaceful", "protesters", "killed", "students"}
    unmasked = set(sentiment.toward_evidence(text, ap, ap + 7)["token"])
    assert unmasked & relayed  # without the mask, the relayed words would count toward AP News
    assert not any(w in df.loc["AP News", "evidence"] for w in relayed)
    assert df.loc["Police", "toward_label"] == "negative" and df.loc["The police", "toward_label"] == "negative"
    assert df["sentence_id"].tolist() == [0, 0, 1]


def test_score_quotes_carries_sentence_ids():
    text = "It is wrong. He said we will win. They will lose."
    q = pd.DataFrame({"article_id": ["a", "a"], "kind": ["direct", "indirect"], "quote_start": [0, 21],
                      "quote_end": [12, 48], "quote_text": [text[0:12], text[21:48]], "speaker": ["", "he"],
                      "actor": ["", ""]})
    df = sentiment.score_quotes(q, {"a": text})
    assert df[["sentence_id", "last_sentence_id"]].values.tolist() == [[0, 0], [1, 2]]
    q["sentence_id"], q["last_sentence_id"] = [5, 6], [5, 7]  # the quotes table's own ids win
    assert sentiment.score_quotes(q)[["sentence_id", "last_sentence_id"]].values.tolist() == [[5, 5], [6, 7]]


def test_tone_arc_marks_sentences_inside_statements():
    s = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0], "start": [0, 10, 0],
                      "end": [9, 20, 9], "text": ["All good.", "All bad.", "Fine."]})
    q = pd.DataFrame({"article_id": ["a"], "quote_start": [12], "quote_end": [30]})
    assert sentiment.tone_arc(s, q)["in_statement"].tolist() == [False, True, False]


def test_tone_arc_marks_statements_by_overlap_whatever_their_order_and_nesting():
    """A sentence is in a statement when it overlaps one, as a scan of every statement finds it; checked on random
    nested, touching, empty and unordered statements (the arc looks them up in O(log n), not by a scan)."""
    import random

    rnd = random.Random(7)
    starts = sorted(rnd.sample(range(0, 4000), 300))
    s = pd.DataFrame({"article_id": "a", "sentence_id": range(300), "start": starts,
                      "end": [a + rnd.randint(1, 12) for a in starts], "text": "Calm."})
    qa = [rnd.randint(0, 4000) for _ in range(200)]
    q = pd.DataFrame({"article_id": "a", "quote_start": qa, "quote_end": [a + rnd.choice([0, 1, 5, 40]) for a in qa]})
    spans = list(zip(q["quote_start"], q["quote_end"]))
    want = [any(a < e and b0 < b for a, b in spans) for b0, e in zip(s["start"], s["end"])]
    assert sentiment.tone_arc(s, q)["in_statement"].tolist() == want and 0 < sum(want) < 300
