"""Tests for helpers.quotes: statements, speakers, kinds, scare quotes, robustness and the gold set."""
from __future__ import annotations

import importlib.util
import json

import pandas as pd
import pytest
from hypothesis import given, settings, HealthCheck
from hypothesis import strategies as st

from helpers import paths, quotes
from helpers.quotes import extract_quotes, find_scare_quotes, quote_spans

ROOT = paths.ROOT
SEED = (ROOT / "data" / "raw" / "kazakhstan_protests_2022.txt").read_text(encoding="utf-8")
GOLD = ROOT / "tests" / "gold" / "quotes_gold.jsonl"


def rows(text: str) -> list[tuple[str, str, str]]:
    """(kind, quote_text, speaker) of every statement."""
    return [(r.kind, r.quote_text, r.speaker) for r in extract_quotes(text).itertuples()]


def find(text: str, fragment: str):
    """The statement whose content contains ``fragment`` (exactly one)."""
    df = extract_quotes(text)
    hit = df[df["quote_text"].str.contains(fragment, regex=False)]
    assert len(hit) == 1, f"{len(hit)} statements contain {fragment!r}: {df[['kind', 'quote_text']].values.tolist()}"
    return hit.iloc[0]


# ------------------------------------------------------------------------------------------ contract
def test_schema_columns_and_dtypes():
    df = extract_quotes('"We will win," she said.')
    assert list(df.columns) == [c.name for c in quotes.QUOTES_SCHEMA]
    assert [c.name for c in quotes.QUOTES_TABLE_SCHEMA] == ["article_id"] + list(df.columns)
    for c in quotes.QUOTES_SCHEMA:
        assert str(df[c.name].dtype) == ("int64" if c.dtype == "int" else "string"), c.name
    sc = find_scare_quotes("They call it a “reform”.")
    assert list(sc.columns) == [c.name for c in quotes.SCARE_QUOTES_SCHEMA]
    assert [c.name for c in quotes.SCARE_QUOTES_TABLE_SCHEMA] == ["article_id"] + list(sc.columns)


@pytest.mark.parametrize("text", ["", "   \n\n ", "No quotes here at all.", '"', "“”", "''", "\"\"\"\""])
def test_empty_and_degenerate_inputs_give_empty_tables(text):
    df = extract_quotes(text)
    assert df.empty and list(df.columns) == [c.name for c in quotes.QUOTES_SCHEMA]


def test_no_speaker_or_cue_uses_minus_one():
    text = 'The minister spoke for an hour. "We will win," she said. "Nobody can stop us."'
    floating = find(text, "Nobody can stop us.")
    assert floating["cue"] == "" and floating["cue_start"] == -1 and floating["cue_end"] == -1
    assert floating["speaker"] == "she"   # a floating quote keeps the last speaker's mention


def test_rows_sorted_by_quote_start_then_cue():
    df = extract_quotes(SEED)
    assert df[["quote_start", "cue_start"]].values.tolist() == sorted(df[["quote_start", "cue_start"]].values.tolist())


def test_lexicon_is_documented_and_covers_parc_verbs():
    lex = quotes.load_cue_lexicon()
    assert list(lex.columns) == ["lemma", "inflections", "frames", "notes", "cue_class"]
    assert set(lex["cue_class"]) <= {"speech", "naming", "request", "intention", "belief", "finding"}
    required = ("say tell add warn claim note explain confirm insist state report announce deny urge declare argue "
                "stress acknowledge admit allege assert believe comment complain contend describe emphasise estimate "
                "indicate maintain mention predict promise recall reiterate remark reply respond reveal suggest "
                "testify write tweet ask agree concede accuse").split() + ["point out", "according to"]
    assert not set(required) - set(lex["lemma"])
    forms = {f for cell in lex["inflections"] for f in cell.split("|")}
    assert {"accused", "accuses", "said", "told", "emphasized", "emphasised", "pointed out"} <= forms
    assert lex["frames"].str.len().gt(0).all()


# ------------------------------------------------------------------------------------------ the seed
def test_seed_statements_speakers_kinds_and_source_types():
    got = {(r.kind, r.speaker, r.source_type) for r in extract_quotes(SEED).itertuples()}
    expected = {
        ("indirect", "The government of Kazakhstan", "organisation"), ("indirect", "AP News", "organisation"),
        ("indirect", "Kazakh authorities", "organisation"), ("indirect", "Kazakh officials", "organisation"),
        ("indirect", "some citizens", "person"), ("direct", "U.S. Secretary of State Anthony Blinken", "person"),
        ("mixed", "Tokayev", "person"), ("indirect", "the president", "person"), ("indirect", "Many of them", "person"),
        # issue 10: vague, passive and nominal sources are statements too
        ("indirect", "the allegations", "vague"), ("indirect", "reports", "vague"),
        ("indirect", "the government", "organisation"),   # 'the official death toll published by the government'
        ("indirect", "The international community and human rights organizations", "organisation"),   # criticized
    }
    assert got == expected


def test_seed_multi_paragraph_quote_is_one_statement():
    row = find(SEED, "shoot-to-kill")
    start = SEED.index("“The shoot-to-kill") + 1
    end = SEED.index("political concerns.”") + len("political concerns.")
    assert (row["kind"], row["quote_start"], row["quote_end"]) == ("direct", start, end)
    assert "\n\n“Kazakhstan has the ability" in row["quote_text"]
    assert row["cue"] == "stated"


def test_scare_quote_term_excludes_inner_sentence_punctuation():
    seed_sc = find_scare_quotes(SEED).set_index("term")
    s, e = (int(v) for v in seed_sc.loc["peacekeeping forces", ["start", "end"]])
    assert SEED[s:e] == "peacekeeping forces" and SEED[e] == "."
    text = 'Critics mocked the so-called “reform,” and the film “Oklahoma!” and the “U.S.A.”'
    sc = find_scare_quotes(text)
    assert list(sc["term"]) == ["reform", "Oklahoma!", "U.S.A."]
    assert all(text[r.start:r.end] == r.term for r in sc.itertuples())


def test_seed_mixed_statement_and_scare_quotes():
    row = find(SEED, "terrorist gangs")
    assert row["kind"] == "mixed"
    assert row["quote_text"] == "foreign-trained “terrorist gangs” of instigating the protests"
    sc = find_scare_quotes(SEED)
    assert set(sc["term"]) == {"kill order", "peacekeeping forces"}
    assert sc.set_index("term").loc["peacekeeping forces", "reason"] == "so-called"
    kill = SEED.index("“kill order”")
    df = extract_quotes(SEED)
    covering = df[(df["quote_start"] <= kill) & (df["quote_end"] > kill)]
    # only the vague 'According to the allegations, ...' statement covers it, and a vague source has no words to
    # quote: the term stays framing and the statement indirect
    assert covering[["kind", "speaker", "source_type"]].values.tolist() == [["indirect", "the allegations", "vague"]]


def test_seed_nested_attribution_yields_both():
    outer = find(SEED, "Kazakh authorities reported")
    assert outer["speaker"] == "AP News"
    inner = extract_quotes(SEED).query("speaker == 'Kazakh authorities'").iloc[0]
    assert inner["quote_text"].startswith("police detained nearly 8,000")
    assert inner["quote_end"] <= outer["quote_end"] and inner["quote_start"] > outer["quote_start"]


def test_seed_actors_resolve_titles_and_names():
    if importlib.util.find_spec("helpers.actors") is None:
        pytest.fail("helpers.actors is missing: actor resolution cannot be tested")
    df = extract_quotes(SEED).set_index("speaker")
    assert df.loc["the president", "actor"] == "Kassym-Jomart Tokayev"
    assert df.loc["Tokayev", "actor"] == "Kassym-Jomart Tokayev"
    assert df.loc["U.S. Secretary of State Anthony Blinken", "actor"] == "Antony Blinken"


def test_seed_pronoun_speaker_resolves_to_tokayev():
    # the seed's own paragraphs, followed by a sentence whose speaker is "He"
    start = SEED.index("The president, Kassym-Jomart Tokayev")
    text = SEED[start:SEED.index("\n", start)] + "\n\nHe said the protests had been organised from abroad."
    row = find(text, "organised from abroad")
    assert row["speaker"] == "He" and row["actor"] == "Kassym-Jomart Tokayev"


# ------------------------------------------------------------------------------------------ direct quotes
@pytest.mark.parametrize("text, content, speaker, cue", [
    ('"The plan is dead," Smith said on Monday.', "The plan is dead,", "Smith", "said"),
    ('“Nobody saw it coming,” said Ana Pereira, a Red Cross volunteer.', "Nobody saw it coming,", "Ana Pereira",
     "said"),
    ('Speaking to reporters, coach Marco Rossi said: “We were not good enough.”', "We were not good enough.",
     "coach Marco Rossi", "said"),
    ('The father said "I love my children."', "I love my children.", "The father", "said"),
    ('"We are not going anywhere," union leader Tom Baxter told the crowd.', "We are not going anywhere,",
     "union leader Tom Baxter", "told"),
    ('Among them was Rosa Delgado, 54, who said: "I just want answers."', "I just want answers.", "Rosa Delgado",
     "said"),
    ('"Stay home," according to the fire chief.', "Stay home,", "the fire chief", "according to"),
    ('Jean Dupont, a farmer from Normandy, told Reuters: "Prices keep falling."', "Prices keep falling.",
     "Jean Dupont", "told"),
    ('"It\'s getting worse," a source close to the central bank said.', "It's getting worse,",
     "a source close to the central bank", "said"),
    ('"We\'ll see," he was quoted as saying.', "We'll see,", "he", "saying"),
])
def test_direct_quote_attribution(text, content, speaker, cue):
    row = find(text, content)
    assert (row["kind"], row["quote_text"], row["speaker"], row["cue"]) == ("direct", content, speaker, cue)
    assert text[row["speaker_start"]:row["speaker_end"]] == speaker
    assert text[row["cue_start"]:row["cue_end"]] == cue


def test_interrupted_quote_after_comma_is_one_statement():
    text = '"The vaccine is safe," the minister said, "and we will keep offering it."'
    assert rows(text) == [("direct", 'The vaccine is safe," the minister said, "and we will keep offering it.',
                           "the minister")]


def test_quote_after_full_stop_is_floating_with_same_speaker():
    text = '"It was a difficult year," chief executive Sarah Okafor said. "But our customers stayed."'
    assert rows(text) == [("direct", "It was a difficult year,", "chief executive Sarah Okafor"),
                          ("direct", "But our customers stayed.", "chief executive Sarah Okafor")]


def test_floating_quote_stops_at_narrative():
    text = ('"The numbers are improving," said Dr. Amir Haddad.\n\n"Stay careful indoors."\n\n'
            'Hospital admissions fell by a third.\n\n"We are over the worst of it."')
    got = rows(text)
    assert ("direct", "Stay careful indoors.", "Dr. Amir Haddad") in got
    assert ("direct", "We are over the worst of it.", "Dr. Amir Haddad") not in got


def test_multi_paragraph_quote_with_trailing_attribution():
    text = ('The minister defended the budget.\n\n"This budget is about fairness.\n\n'
            '"It protects families," she said.\n\nOpposition members walked out.')
    assert rows(text) == [("direct", 'This budget is about fairness.\n\n"It protects families,', "she")]


def test_colon_and_previous_sentence_introductions():
    text = "The ministry issued a short statement on Sunday:\n\n“Schools will remain closed.”"
    assert rows(text) == [("direct", "Schools will remain closed.", "The ministry")]
    text = ("The plan was welcomed by Amnesty International, which said in a statement. "
            "“This is a long-overdue step.”")
    assert rows(text) == [("direct", "This is a long-overdue step.", "Amnesty International")]


# ------------------------------------------------------------------------------------------ indirect and mixed
@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Police said a 34-year-old man had been arrested.", "a 34-year-old man had been arrested", "Police", "said"),
    ("The company will cut 1,200 jobs, a spokeswoman said on Wednesday.", "The company will cut 1,200 jobs",
     "a spokeswoman", "said"),
    ("The central bank said in a statement on Thursday that inflation would peak in May.",
     "inflation would peak in May", "The central bank", "said"),
    ("The opposition leader accused the government of hiding the cost.", "the government of hiding the cost",
     "The opposition leader", "accused"),
    ("Economists warned that rates could rise.", "rates could rise", "Economists", "warned"),
    ("The United Nations urged both sides to return to talks.", "both sides to return to talks",
     "The United Nations", "urged"),
    ("The minister denied any wrongdoing.", "any wrongdoing", "The minister", "denied"),
    ("Maria Lopez, 42, a nurse, has said she was never told about the risks.", "she was never told about the risks",
     "Maria Lopez", "said"),
    ("The fire started in a storage room, according to fire chief Daniel Obi.", "The fire started in a storage room",
     "fire chief Daniel Obi", "according to"),
    ("Reuters quoted a senior diplomat as saying the talks had collapsed.", "the talks had collapsed",
     "a senior diplomat", "saying"),
    ("Prices will keep rising, said Paolo Bianchi, an economist.", "Prices will keep rising", "Paolo Bianchi", "said"),
    ("Fans’ groups said they’d meet the owners next week.", "they’d meet the owners next week", "Fans’ groups",
     "said"),
])
def test_indirect_statements(text, content, speaker, cue):
    row = find(text, content)
    assert (row["kind"], row["quote_text"], row["speaker"], row["cue"]) == ("indirect", content, speaker, cue)


def test_participle_and_coordinated_cues_take_the_sentence_subject():
    text = "Chief executive Tim Wang said demand was strong, adding that the company would hire 300 staff."
    assert rows(text) == [("indirect", "demand was strong", "Chief executive Tim Wang"),
                          ("indirect", "the company would hire 300 staff", "Chief executive Tim Wang")]
    text = "The company acknowledged that the software had a flaw, but argued it posed no risk."
    assert [r[2] for r in rows(text)] == ["The company", "The company"]


def test_sequential_speakers_in_one_sentence_are_split():
    text = "Labour said the plan was unfair, while the Conservatives said it did not go far enough."
    assert rows(text) == [("indirect", "the plan was unfair", "Labour"),
                          ("indirect", "it did not go far enough", "the Conservatives")]


def test_nested_attribution():
    text = "The newspaper reported that officials said the bridge had failed an inspection."
    assert rows(text) == [("indirect", "officials said the bridge had failed an inspection", "The newspaper"),
                          ("indirect", "the bridge had failed an inspection", "officials")]


def test_mixed_quote_with_two_fragments():
    text = 'The judge said the defendant had shown "no remorse" and that his acts were "calculated and cruel".'
    assert rows(text) == [("mixed", 'the defendant had shown "no remorse" and that his acts were '
                                    '"calculated and cruel"', "The judge")]
    assert find_scare_quotes(text).empty


@pytest.mark.parametrize("text", [
    "The minister said nothing about the delay.",
    "He declined to comment.",
    "The agency did not respond to a request for comment.",
    "The team will announce its squad on Friday.",
    "He told a story about his grandfather.",
    "Fans claimed their tickets at the gate.",
    "He was told to leave the building.",
    "The company reported net income of 5 mln dlrs.",
    "According to the latest census, the town has 12,000 residents.",
    "The festival will go ahead according to plan.",
    "Asked about the protests, the president left.",
    "By submitting this form, I agree to the terms.",
])
def test_non_statements(text):
    assert extract_quotes(text).empty


# ------------------------------------------------------------------------------------------ quote marks
def test_apostrophes_are_not_quote_marks():
    text = "They’ve said Nazarbayev's rule ended. O’Neill’s team won’t play. The players' union agreed."
    assert quote_spans(text) == []


def test_odd_quote_count_does_not_break_the_rest():
    text = ('"We will appeal the decision, the lawyer said after the hearing.\n\n'
            'The judge ordered a retrial. "This case is far from over," said prosecutor Jane Liu.')
    got = rows(text)
    assert ("direct", "We will appeal the decision", "the lawyer") in got
    assert ("direct", "This case is far from over,", "prosecutor Jane Liu") in got


def test_stray_marks_inches_and_typos():
    text = 'The storm dropped 14" of snow. "Stay off the roads," the weather service said.'
    assert rows(text) == [("direct", "Stay off the roads,", "the weather service")]
    text = 'Sources say buyers resist Qatar"s prices. "Prices are too high," a trader said.'
    assert rows(text)[-1] == ("direct", "Prices are too high,", "a trader")


def test_quotes_inside_quotes_are_content():
    text = "“The sign said ‘no entry’, so we turned back,” one hiker told the BBC."
    assert rows(text) == [("direct", "The sign said ‘no entry’, so we turned back,", "one hiker")]


def test_single_quotes_as_primary_marks():
    text = "‘The hospital is full,’ said nurse Grace Mensah. ‘We are turning people away.’"
    assert [r[1:] for r in rows(text)] == [("The hospital is full,", "nurse Grace Mensah"),
                                           ("We are turning people away.", "nurse Grace Mensah")]


def test_guillemets():
    assert rows("«We do not accept them,» he said.") == [("direct", "We do not accept them,", "he")]


# ------------------------------------------------------------------------------------------ scare quotes
@pytest.mark.parametrize("text, term, reason", [
    ("Supporters of the so-called “reform package” cheered.", "reform package", "so-called"),
    ('Joaquin "El Chapo" Guzman ran the cartel.', "El Chapo", "nickname"),
    ('She appeared on the show "Good Morning America" to promote it.', "Good Morning America", "title"),
    ('A mannequin, nicknamed "Ripley", was on board.', "Ripley", "label"),
    ('The word "resilience" appears 40 times.', "resilience", "term"),
    ('Police implemented the "kill order" without warning.', "kill order", "short-fragment"),
])
def test_scare_quotes(text, term, reason):
    sc = find_scare_quotes(text)
    assert sc[["term", "reason"]].values.tolist() == [[term, reason]]
    assert text[sc.loc[0, "start"]:sc.loc[0, "end"]] == term
    assert not extract_quotes(text)["quote_text"].str.contains(term, regex=False).any()


# ------------------------------------------------------------------------------------------ gold set
def test_gold_file_is_well_formed():
    docs = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(docs) >= 60
    assert sum(d["source"] == "seed" for d in docs) == 1
    kinds = {q["kind"] for d in docs for q in d["quotes"]}
    assert kinds == {"direct", "mixed", "indirect"}
    for d in docs:
        for q in d["quotes"]:
            assert d["text"][q["start"]:q["end"]] == q["text"]
            assert d["text"][q["speaker_start"]:q["speaker_end"]] == q["speaker"]


def test_gold_scores_stay_above_targets():
    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "scripts" / "eval_quotes.py")
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    gold = ev.load_gold(GOLD)
    for threshold in (0.3, 0.8):
        res = ev.evaluate(gold, threshold)
        assert res["f1"] >= 0.9 and res["speaker_acc"] >= 0.9, res


# ------------------------------------------------------------------------------------------ properties
QUOTEY = st.lists(st.sampled_from(list('ab Z.,:;!?"“”‘’\'«»\n-—') +
                                  ["said", " he ", "Smith", "told ", "that ", "according to ", "Mr. ", " the "]),
                  max_size=80).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), QUOTEY, st.lists(QUOTEY, max_size=5).map("".join)))
def test_never_raises_offsets_consistent_and_deterministic(text):
    df = extract_quotes(text)
    assert list(df.columns) == [c.name for c in quotes.QUOTES_SCHEMA]
    for r in df.itertuples():
        assert 0 <= r.quote_start < r.quote_end <= len(text)
        assert text[r.quote_start:r.quote_end] == r.quote_text
        assert r.kind in ("direct", "mixed", "indirect")
        if r.speaker_start >= 0:
            assert 0 <= r.speaker_start < r.speaker_end <= len(text)
            assert text[r.speaker_start:r.speaker_end] == r.speaker
        else:
            assert r.speaker == "" and r.speaker_end == -1
        if r.cue_start >= 0:
            assert text[r.cue_start:r.cue_end] == r.cue
        else:
            assert r.cue == "" and r.cue_end == -1
    quotes._analysed.cache_clear()
    pd.testing.assert_frame_equal(df, extract_quotes(text))
    sc = find_scare_quotes(text)
    for r in sc.itertuples():
        assert text[r.start:r.end] == r.term


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(['"Yes," he said.', "Police said two men were held.", '"No', "It’s fine.",
                                 "\n\n", '“Go.”', " ", "so-called “x”"]), max_size=12).map("".join))
def test_prefix_paragraphs_do_not_change_later_statements(text):
    """Unbalanced or odd quote marks earlier cannot change a later paragraph that does not open with a quote
    mark (one that does may legitimately continue an open multi-paragraph quote)."""
    tail = '\n\nThe mayor said: "We will rebuild."'
    df = extract_quotes(text + tail)
    assert ("direct", "We will rebuild.", "The mayor") in [(r.kind, r.quote_text, r.speaker) for r in df.itertuples()]


def test_non_string_input_is_handled():
    assert extract_quotes(None).empty  # type: ignore[arg-type]
    assert find_scare_quotes(12345).empty  # type: ignore[arg-type]


# ------------------------------------------------------------------------ round 2: real-news constructions
ROUND2_CONSTRUCTIONS = [
    ('He said, in remarks published by CNN in February, "no other virus has spread like this."',
     "no other virus has spread like this.", "He", "said"),
    ("The study found that the drug reduced deaths by a third.", "the drug reduced deaths by a third", "The study",
     "found"),
    ("Researchers found the vaccine was 95 percent effective.", "the vaccine was 95 percent effective", "Researchers",
     "found"),
    ("The minister expressed concern that the talks could fail.", "the talks could fail", "The minister",
     "expressed"),
    ('The spokesperson added regarding the request, they "would not consider requests of this nature".',
     'they "would not consider requests of this nature"', "The spokesperson", "added"),
]


ROUND2_NON_STATEMENTS = [
    "Police found the body near the river.",
    "The doctor was found dead in his flat.",
    "The minister expressed a similar view.",
    "The jury found him guilty.",
]


def test_participle_after_according_to_takes_the_verb_cue_speaker():
    text = ("According to the agency ISNA, the prosecutor Ali Mehr said the men must face charges, "
            "adding Iran will pursue the case.")
    assert find(text, "Iran will pursue the case")["speaker"] == "the prosecutor Ali Mehr"


def test_coordinated_cue_has_no_content_before_it():
    df = extract_quotes("On Monday, Fars reported Iran issued warrants and demanded a red notice.")
    assert "On Monday" not in set(df["quote_text"])
    assert list(df["quote_text"]) == ["Iran issued warrants"]


def test_speaker_does_not_swallow_a_preceding_quote():
    row = find('Calling it a "culture of death" the archbishop said "We need to pray."', "We need to pray.")
    assert row["speaker"] == "the archbishop"


# ------------------------------------------------------------------------ round 3: wire-service constructions
ROUND3_CONSTRUCTIONS = [
    ("The bank plans to sell bonds this year, Anna Berg, vice president of finance said at a briefing.",
     "The bank plans to sell bonds this year", "Anna Berg", "said"),
    ("A shareholder group led by Acme Holdings Inc said it had bought a 9.8 pct stake.",
     "it had bought a 9.8 pct stake", "A shareholder group", "said"),
    ("Delta Partners, which currently holds 5.8 mln common shares, said it may seek control.",
     "it may seek control", "Delta Partners", "said"),
    ('"Output will rise next year," said Maria Lopez, chief economist of the central bank.',
     "Output will rise next year,", "Maria Lopez", "said"),
    ("The company's spokesman said the plant would close in June.", "the plant would close in June",
     "The company's spokesman", "said"),
    ("Analysts say the shares remain undervalued.", "the shares remain undervalued", "Analysts", "say"),
    ("The rules state that visitors must register at the gate.", "visitors must register at the gate",
     "The rules", "state"),
    ("The WHO declared that the outbreak was a pandemic.", "the outbreak was a pandemic", "The WHO", "declared"),
    ("The president claimed without evidence that the vote had been rigged.", "the vote had been rigged",
     "The president", "claimed"),
    ("The mayor called on residents to stay indoors.", "residents to stay indoors", "The mayor", "called"),
    ("The board urged its shareholders not to tender their shares.", "its shareholders not to tender their shares",
     "The board", "urged"),
    ("The fires, which officials said were under control, burned for hours.", "were under control", "officials",
     "said"),
    ("The attacks caused fires at the plant, which state media said were under control.", "were under control",
     "state media", "said"),
    ("The minister praised the engineering industry, which the party leader has described as a sector where reform is "
     "essential.", "a sector where reform is essential", "the party leader", "described"),
    ("The government last summer warned stores not to sell the shoes.", "stores not to sell the shoes",
     "The government", "warned"),
]


ROUND3_NON_STATEMENTS = [
    "The governor declared a state of emergency on Monday.",
    "The WHO declared the outbreak to be a pandemic.",
    "The president declared victory.",
    "She shares her story with readers every week.",
    "The bank reported earnings of 40 cts a share.",
    "The agency, which holds 400 common shares, was sold.",
]


@pytest.mark.parametrize("text, content, speaker, cue", ROUND2_CONSTRUCTIONS + ROUND3_CONSTRUCTIONS)
def test_corpus_constructions(text, content, speaker, cue):
    row = find(text, content)
    assert row["quote_text"] == content
    assert row["speaker"] == speaker and row["cue"] == cue


@pytest.mark.parametrize("text", ROUND2_NON_STATEMENTS + ROUND3_NON_STATEMENTS)
def test_corpus_non_statements(text):
    assert extract_quotes(text).empty


def test_saying_quote_then_elaborated_quote_are_two_statements():
    text = 'Saying "we will not back down", the minister elaborated, "the law stays in place."'
    assert rows(text) == [("direct", "we will not back down", "the minister"),
                          ("direct", "the law stays in place.", "the minister")]


def test_according_to_content_keeps_a_subject_with_a_name_in_apposition():
    text = "According to ISNA, the prosecutor general of Tehran, Ali Mehr, said the suspects had been arrested."
    outer = find(text, "the prosecutor general of Tehran, Ali Mehr, said")
    assert outer["speaker"] == "ISNA"
    assert outer["quote_text"] == "the prosecutor general of Tehran, Ali Mehr, said the suspects had been arrested"
    inner = extract_quotes(text)
    assert ("the suspects had been arrested", "Ali Mehr") in set(zip(inner["quote_text"], inner["speaker"]))


def test_nested_belief_of_the_same_speaker_is_one_statement():
    df = extract_quotes("Curd said he believed a strike would be avoided.")
    assert list(zip(df["quote_text"], df["speaker"])) == [("he believed a strike would be avoided", "Curd")]
    # a belief held by someone else stays a nested statement of its own
    df = extract_quotes("He said analysts believe the shares are cheap.")
    assert ("the shares are cheap", "analysts") in set(zip(df["quote_text"], df["speaker"]))


def test_acronym_who_is_a_name_not_a_relative_pronoun():
    assert rows("The WHO said the virus is spreading.") == [("indirect", "the virus is spreading", "The WHO")]


# ------------------------------------------------------------------ reviewer round: parentheticals, passives, domains
def cues(text: str) -> list[tuple[str, str, str]]:
    df = extract_quotes(text)
    return list(zip(df["quote_text"], df["speaker"], df["cue"]))


@pytest.mark.parametrize("text, speaker, cue", [
    ("Around 50 gallons of fuel, officials said, spilled and ignited.", "officials", "said"),
    ("The economy, the minister said, will grow next year.", "the minister", "said"),
    ("In Almaty, police said, protesters set fire to the city hall.", "police", "said"),
    ("Prices, analysts said on Monday, will rise further.", "analysts", "said"),
    ("The talks, he told reporters, were productive.", "he", "told"),
])
def test_parenthetical_attribution_spans_the_whole_sentence(text, speaker, cue):
    # whichever side of the attribution the reported verb is on, the statement is the whole sentence
    assert cues(text) == [(text[:-1], speaker, cue)]


def test_passive_participle_is_not_a_cue():
    text = "The chances of survivors being found alive were slim, the minister indicated."
    assert cues(text) == [("The chances of survivors being found alive were slim", "the minister", "indicated")]
    assert extract_quotes("It was found that the company had broken the rules.").empty


def test_web_domain_is_one_speaker_token():
    assert cues("Znak.com reported that two men were arrested.") == [
        ("two men were arrested", "Znak.com", "reported")]
    assert cues("According to bbc.co.uk, the vote was delayed.")[0][1] == "bbc.co.uk"


def test_cue_inside_relative_clause_after_speaker_is_skipped():
    df = extract_quotes('"I don\'t know," a witness, who asked not to be named, told AFP.')
    assert list(zip(df["kind"], df["speaker"], df["cue"])) == [("direct", "a witness", "told")]
    assert cues("The fire is under control, a witness, who asked not to be named, told AFP.") == [
        ("The fire is under control", "a witness", "told")]


@pytest.mark.parametrize("text", [
    "Officials told state media, adding that the fire was under control.",
    "Officials said on Monday, adding that the fire was under control.",
])
def test_cue_followed_by_adding_that_has_no_statement_of_its_own(text):
    assert cues(text) == [("the fire was under control", "Officials", "adding")]


def test_court_and_inquiry_verbs_need_a_that_clause():
    assert cues("The court ruled that the law was unconstitutional.") == [
        ("the law was unconstitutional", "The court", "ruled")]
    assert cues("Investigators determined that the fire started in the kitchen.") == [
        ("the fire started in the kitchen", "Investigators", "determined")]
    assert cues("The inquiry concluded that the crash was caused by pilot error.") == [
        ("the crash was caused by pilot error", "The inquiry", "concluded")]
    for text in ("The court ruled the country for years.", "The panel determined the cause was a faulty valve.",
                 "He was determined that nothing would stop him."):
        assert extract_quotes(text).empty, text


def test_ruling_out_is_not_a_cue_and_does_not_cut_a_content():
    df = extract_quotes("Seoul had let its currency rise, ruling out a sharp revaluation, the spokesman said.")
    assert list(zip(df["quote_text"], df["cue"])) == [
        ("Seoul had let its currency rise, ruling out a sharp revaluation", "said")]


def test_long_phrase_after_cue_is_not_a_parenthetical_attribution():
    # the seed's sentence: 'asked for help from <long phrase>, the CSTO, ...' is no 'A, X said, B' aside
    t = ("In this context, the president asked for help from a Russian-dominated alliance of former Soviet states, "
         "the CSTO, whose chairman, Nikol Pashinyan, accepted and sent troops.")
    df = quotes.extract_quotes(t)
    assert len(df) == 1 and df["speaker"].iloc[0] == "the president" and df["cue"].iloc[0] == "asked"
    assert df["quote_text"].iloc[0].startswith("help from a Russian-dominated alliance")
