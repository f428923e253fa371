"""Tests for helpers.actors: the seed article (our own annotation of it), constructed passages for other
constructions, the codebook, robustness (hypothesis), and the table helpers used by notebook 03."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import actors
from helpers.actors import find_mentions, resolve_span
from helpers.tables import empty_frame

COLUMNS = [c.name for c in actors.MENTIONS_SCHEMA]


# ----------------------------------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------------------------------


def rows(m: pd.DataFrame, mention: str) -> pd.DataFrame:
    return m[m["mention"] == mention]


def one(m: pd.DataFrame, mention: str, nth: int = 0) -> pd.Series:
    r = rows(m, mention)
    assert len(r) > nth, f"no mention {mention!r} (#{nth}) in {m['mention'].tolist()}"
    return r.iloc[nth]


def check_offsets(text: str, m: pd.DataFrame) -> None:
    assert list(m.columns) == COLUMNS
    for r in m.itertuples():
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.mention
    assert m["start"].is_monotonic_increasing
    assert (m["start"].to_numpy()[1:] >= m["end"].to_numpy()[:-1]).all(), "mentions overlap"
    assert set(m["resolution"]) <= set(actors.RESOLUTIONS)
    assert set(m["actor_type"]) <= set(actors.ACTOR_TYPES) | {""}
    assert set(m["spelling"]) <= {"canonical", "variant", ""}
    unresolved = m["resolution"] == "unresolved"
    assert (m.loc[unresolved, "canonical_name"] == "").all()
    assert (m.loc[unresolved, "actor_id"] == "").all()
    assert (m.loc[~unresolved, "canonical_name"] != "").all()
    assert (m.loc[m["resolution"] == "discovered", "actor_id"] == "").all()


# ----------------------------------------------------------------------------------------------------------------------
# the seed article
# ----------------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=[None, "2022-01-10"], ids=["no-date", "dated"])
def seed(request, seed_text):
    return seed_text, find_mentions(seed_text, request.param)


def test_seed_offsets_and_columns(seed):
    text, m = seed
    check_offsets(text, m)


def test_seed_tokayev_by_name_title_and_pronoun(seed):
    _, m = seed
    assert one(m, "Kassym-Jomart Tokayev")["actor_id"] == "tokayev"
    assert one(m, "Kassym-Jomart Tokayev")["spelling"] == "canonical"
    assert one(m, "Tokayev")["actor_id"] == "tokayev"
    for mention in ("The president", "the president"):
        r = one(m, mention)
        assert (r["actor_id"], r["resolution"]) == ("tokayev", "title")
        assert r["canonical_name"] == "Kassym-Jomart Tokayev"
    he = one(m, "He")
    assert (he["actor_id"], he["resolution"]) == ("tokayev", "pronoun")
    assert one(m, "Tokayev")["actor_type"] == "head of state"


def test_seed_blinken_variant_spelling_and_title(seed):
    _, m = seed
    r = one(m, "Anthony Blinken")
    assert (r["actor_id"], r["canonical_name"], r["spelling"]) == ("blinken", "Antony Blinken", "variant")
    assert r["resolution"] == "alias"
    t = one(m, "U.S. Secretary of State")
    assert (t["actor_id"], t["resolution"]) == ("blinken", "title")
    assert r["actor_type"] == "foreign government"  # a US official in an article about Kazakhstan
    assert r["country"] == "United States"


def test_seed_nazarbayev_variant_and_former_president(seed):
    _, m = seed
    r = one(m, "Nursultan Nazarbayevy")
    assert (r["actor_id"], r["canonical_name"], r["spelling"]) == ("nazarbayev", "Nursultan Nazarbayev", "variant")
    t = one(m, "the former president")
    assert (t["actor_id"], t["resolution"]) == ("nazarbayev", "title")


def test_seed_pashinyan_csto_ap(seed):
    _, m = seed
    assert one(m, "Nikol Pashinyan")["actor_id"] == "pashinyan"
    assert one(m, "chairman")["actor_id"] == "pashinyan"
    assert one(m, "CSTO")["actor_type"] == "international organisation"
    ap = one(m, "AP News")
    assert (ap["actor_id"], ap["actor_type"]) == ("ap", "media")


def test_seed_government_authorities_officials_are_one_actor(seed):
    _, m = seed
    for mention in ("The government of Kazakhstan", "Kazakh authorities", "Kazakh officials", "the government"):
        r = one(m, mention)
        assert r["actor_id"] == "KAZ:government", mention
        assert r["actor_type"] == "government"
        assert r["country"] == "Kazakhstan"


def test_seed_generic_agents(seed):
    _, m = seed
    expected = {
        "police": "KAZ:police",
        "police forces": "KAZ:police",
        "Security forces": "KAZ:security_forces",
        "local security forces": "KAZ:security_forces",
        "protesters": "KAZ:protesters",
        "citizens": "KAZ:citizens",
        "the residents": "KAZ:residents",
        "The international community": "international_community",
        "human rights organizations": "human_rights_groups",
    }
    for mention, actor_id in expected.items():
        assert one(m, mention)["actor_id"] == actor_id, mention
    assert one(m, "police")["actor_type"] == "security forces"
    assert one(m, "human rights organizations")["actor_type"] == "civil society"
    assert one(m, "The international community")["actor_type"] == "international organisation"


def test_seed_they_and_them(seed):
    _, m = seed
    assert one(m, "they")["actor_id"] == "KAZ:protesters"  # "...peaceful protesters ... the concerns that they've raised"
    assert one(m, "them")["actor_id"] == "KAZ:residents"  # "The situation of the residents ... Many of them"


def test_seed_no_function_words_or_adjectives_as_names(seed):
    _, m = seed
    discovered = set(m.loc[m["resolution"] == "discovered", "mention"])
    for word in ("The", "While", "According", "Among", "Simultaneously", "In", "Many", "Origin", "Sign", "By",
                 "News", "Monday", "Jan.", "Internet", "Russian-dominated", "Central Asian", "Soviet Union", "I"):
        assert word not in discovered
    assert "the official" not in set(m["mention"])  # "the official death toll" is an adjective


def test_seed_boilerplate_blanked_text_has_no_mentions_there(seed):
    text, m = seed
    tail = text.index("Sign up") if "Sign up" in text else len(text.rstrip())
    assert (m["start"] < tail).all()


# ----------------------------------------------------------------------------------------------------------------------
# constructed passages
# ----------------------------------------------------------------------------------------------------------------------


def test_second_person_with_same_surname_stays_unresolved():
    text = "President Joe Biden spoke on Monday. His son Hunter Biden was also there. Biden said the talks went well."
    m = find_mentions(text)
    check_offsets(text, m)
    assert one(m, "Joe Biden")["actor_id"] == "biden"
    hunter = one(m, "Hunter Biden")
    assert (hunter["resolution"], hunter["actor_id"], hunter["canonical_name"]) == ("discovered", "", "Hunter Biden")
    assert one(m, "Biden")["resolution"] == "unresolved"
    assert one(m, "His")["actor_id"] == "biden"


def test_same_surname_among_discovered_names():
    m = find_mentions("Kim Smith met reporters. Her sister Anna Smith stayed home. Smith said nothing.")
    assert one(m, "Smith")["resolution"] == "unresolved"
    assert one(m, "Anna Smith")["canonical_name"] == "Anna Smith"


def test_surname_links_to_discovered_full_name():
    m = find_mentions("Emergencies Minister Yevgeny Zinichev visited the site. Later Zinichev said work would continue.")
    z = one(m, "Zinichev")
    assert (z["resolution"], z["canonical_name"]) == ("discovered", "Yevgeny Zinichev")
    t = one(m, "Emergencies Minister")
    assert (t["resolution"], t["canonical_name"]) == ("title", "Yevgeny Zinichev")


def test_title_before_the_name_is_known():
    text = "The prime minister resigned on Tuesday. Later, Prime Minister Jacinda Ardern said the decision was final."
    m = find_mentions(text)
    early = one(m, "The prime minister")
    assert (early["resolution"], early["canonical_name"]) == ("title", "Jacinda Ardern")


def test_title_with_no_holder_in_text_stays_unresolved():
    m = find_mentions("The president spoke on Monday.")
    assert one(m, "The president")["resolution"] == "unresolved"
    m = find_mentions("A spokesman said the talks failed.")
    assert one(m, "spokesman")["resolution"] == "unresolved"


def test_title_resolved_by_date():
    text = "The U.S. secretary of state arrived in Almaty."
    assert one(find_mentions(text, "2022-01-10"), "The U.S. secretary of state")["actor_id"] == "blinken"
    assert one(find_mentions(text, "2019-01-01"), "The U.S. secretary of state")["resolution"] == "unresolved"
    assert one(find_mentions(text), "The U.S. secretary of state")["actor_id"] == "blinken"  # only holder in codebook
    kz = "The Kazakh president said on Monday that order was restored in Kazakhstan."
    assert one(find_mentions(kz, "2022-01-10"), "The Kazakh president")["actor_id"] == "tokayev"
    assert one(find_mentions(kz, "2018-05-01"), "The Kazakh president")["actor_id"] == "nazarbayev"
    assert one(find_mentions(kz), "The Kazakh president")["resolution"] == "unresolved"  # two holders, no date
    former = find_mentions("Kazakhstan's former president stayed silent.", "2022-01-10")
    assert one(former, "Kazakhstan's former president")["actor_id"] == "nazarbayev"
    assert one(find_mentions(kz, "not a date"), "The Kazakh president")["resolution"] == "unresolved"


def test_title_after_name_apposition():
    m = find_mentions("Julie Payette, the Governor General of Canada, dissolved parliament.")
    t = one(m, "the Governor General of Canada")
    assert (t["resolution"], t["canonical_name"]) == ("title", "Julie Payette")


def test_she_after_two_women_takes_the_first_one():
    # a reader takes the subject (the first compatible person) of the nearest sentence with one
    m = find_mentions("Angela Merkel met Theresa May in Berlin. She said the talks were useful.")
    assert one(m, "Theresa May")["resolution"] == "discovered"
    she = one(m, "She")
    assert (she["resolution"], she["actor_id"], she["canonical_name"]) == ("pronoun", "merkel", "Angela Merkel")


def test_gender_separates_two_people():
    m = find_mentions("Angela Merkel met Vladimir Putin in Berlin. She said the talks were useful. He disagreed.")
    assert one(m, "She")["actor_id"] == "merkel"
    assert one(m, "He")["actor_id"] == "putin"
    m = find_mentions("Julie Payette met Justin Trudeau. She said the talks were useful.")
    assert one(m, "She")["canonical_name"] == "Julie Payette"  # gender from a common first name


def test_he_after_two_men_takes_the_subject():
    m = find_mentions("Vladimir Putin met Joe Biden in Geneva. He said the talks were useful.")
    assert one(m, "He")["actor_id"] == "putin"
    m = find_mentions("Flynn was on stage. This was the first time Flynn spoke since he was pardoned by Trump. He left.")
    assert one(m, "He")["canonical_name"] == "Flynn"


def test_pronoun_prefers_a_known_gender_and_skips_unidentified_people():
    m = find_mentions("Flynn met Mary Jones. She said the talks were useful.")
    assert one(m, "She")["canonical_name"] == "Mary Jones"
    m = find_mentions("The president spoke to Mary Jones. He said the talks were useful.")
    assert one(m, "He")["resolution"] == "unresolved"  # the unidentified president, not a guess


def test_pronoun_never_takes_a_heading_a_credit_line_or_a_name_inside_quotes():
    m = find_mentions("Article Continued Below\n\nHe said no.")
    assert one(m, "He")["resolution"] == "unresolved"
    m = find_mentions("“I met Biden,” he said.")
    assert one(m, "he")["resolution"] == "unresolved"
    m = find_mentions("Joe Smith, a mechanic based in Kansas City, said he was sad.")
    assert one(m, "he")["canonical_name"] == "Joe Smith"


def test_pronoun_without_antecedent_is_an_unresolved_row():
    m = find_mentions("He said it was fine.")
    assert m["mention"].tolist() == ["He"]
    assert m.iloc[0]["resolution"] == "unresolved"


def test_they_resolves_to_the_one_plural_group():
    m = find_mentions("Protesters gathered in the square. They demanded lower fuel prices.")
    assert one(m, "They")["actor_id"] == "protesters"
    m = find_mentions("Police met protesters in the square. They were angry.")
    assert one(m, "They")["actor_id"] == "police"  # the subject
    m = find_mentions("Mary Smith spoke. They were angry.")
    assert one(m, "They")["resolution"] == "unresolved"  # a person is not a group


def test_country_coding_of_generic_agents():
    m = find_mentions("French police fired tear gas in Paris. The French government defended the action.")
    assert one(m, "French police")["actor_id"] == "FRA:police"
    assert one(m, "The French government")["country"] == "France"
    m = find_mentions("Kazakh police detained protesters in Kazakhstan. U.S. officials criticised Kazakhstan.")
    us = one(m, "U.S. officials")
    assert (us["actor_id"], us["actor_type"]) == ("USA:government", "foreign government")
    assert one(m, "protesters")["actor_id"] == "KAZ:protesters"  # the focal country
    m = find_mentions("The government said it would act.")
    assert (one(m, "The government")["actor_id"], one(m, "The government")["country"]) == ("government", "")
    m = find_mentions("Thousands of Kazakhs took to the streets.")
    assert one(m, "Kazakhs")["actor_id"] == "KAZ:citizens"


def test_role_nouns_used_as_modifiers_are_not_mentions():
    m = find_mentions("Crowds stormed police stations. The official death toll rose.")
    assert "police" not in set(m["mention"]) and "official" not in set(m["mention"])
    m = find_mentions("Police said the official was arrested.")
    assert {"Police", "the official"} <= set(m["mention"])


def test_sentence_initial_words_and_months_are_not_names():
    m = find_mentions("However the plan failed. Meanwhile Astana waited. On Monday, January 10, nothing happened.")
    assert m["mention"].tolist() == ["Astana"]
    assert find_mentions("Crowds gathered in the square. Crowds were large.").empty
    m = find_mentions("Zhanaozen saw protests. Riots spread to Zhanaozen and Almaty.")
    assert m["mention"].tolist() == ["Zhanaozen", "Zhanaozen", "Almaty"]


def test_unlisted_misspelling_is_matched_by_edit_distance():
    r = one(find_mentions("Kassym-Jomart Tokaiev spoke."), "Kassym-Jomart Tokaiev")
    assert (r["actor_id"], r["spelling"], r["resolution"]) == ("tokayev", "variant", "alias")


def test_common_surname_needs_the_full_name():
    assert one(find_mentions("Officials said Harris refused."), "Harris")["resolution"] == "discovered"
    m = find_mentions("Kamala Harris arrived. Harris said no.")
    assert one(m, "Harris")["actor_id"] == "harris"


def test_headline_in_capitals_gives_no_candidates():
    assert find_mentions("TALKING POINT/BANKAMERICA EQUITY OFFER IS DELAYED\n\nBody text.").empty


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", ".", "“”", "\x00\ufeff\u200b", "A", "I", "He", "the the the",
                                  "ÉÉÉ Ññ", "U.S.", "Mr.", "President", "of of", "'s", "-" * 50, "A. B. C. D."])
def test_garbage_does_not_raise(text):
    m = find_mentions(text)
    check_offsets(text, m)


@pytest.mark.parametrize("unit", ["\n", ".\n", "he ", "Police they ", "Tokayev spoke. The president said. ",
                                  "Aaaa Bbbb ", "“a ”", "Minister of Foreign Affairs police ", "President Tokayev said. "])
def test_long_repetitive_input_stays_linear(unit):
    text = unit * (60_000 // len(unit))  # quadratic code would take minutes here; linear code takes a fraction
    m = find_mentions(text)
    assert len(m) <= len(text)
    assert (m["end"] <= len(text)).all()


def test_non_string_gives_empty_frame():
    for bad in (None, 3, b"bytes"):
        m = find_mentions(bad)
        assert list(m.columns) == COLUMNS and m.empty


def test_deterministic(seed_text):
    a = find_mentions(seed_text)
    b = find_mentions(seed_text)
    pd.testing.assert_frame_equal(a, b)


_ALPHABET = st.sampled_from(
    ["He", "she", "they", "The president", " ", ", ", ". ", "\n\n", "Tokayev", "Blinken", "Kazakh", "police",
     "“", "”", "'s", "Mr", "Anthony", "Biden", "Hunter", "of", "the", "former", "U.S.", "Secretary of State",
     "É", "x", "-", "Jan.", "Monday", "ABC", "government", "officials", "Ivan", "Smith", "\u00a0", "é", "1"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(_ALPHABET, max_size=40), noise=st.text(max_size=30))
def test_property_never_raises_and_offsets_hold(parts, noise):
    text = "".join(parts) + noise
    for date in (None, "2022-01-10"):
        m = find_mentions(text, date)
        check_offsets(text, m)


# ----------------------------------------------------------------------------------------------------------------------
# resolve_span
# ----------------------------------------------------------------------------------------------------------------------


def test_resolve_span_prefers_resolved_and_longest():
    text = "U.S. Secretary of State Anthony Blinken said so. He left."
    m = find_mentions(text)
    assert resolve_span(m, 0, 39)["canonical_name"] == "Antony Blinken"
    assert resolve_span(m, 24, 39)["mention"] == "Anthony Blinken"
    he = text.index("He")
    assert resolve_span(m, he, he + 2)["resolution"] == "pronoun"
    assert resolve_span(m, 40, 44) is None
    assert resolve_span(empty_frame(actors.MENTIONS_SCHEMA), 0, 5) is None
    unresolved = find_mentions("He said it was fine. Tokayev agreed.")
    assert resolve_span(unresolved, 0, 30)["mention"] == "Tokayev"  # resolved beats unresolved


# ----------------------------------------------------------------------------------------------------------------------
# codebook
# ----------------------------------------------------------------------------------------------------------------------


def test_codebook_is_versioned_and_consistent():
    cb = actors.load_codebook()
    assert (cb["codebook_version"] == actors.CODEBOOK_VERSION).all()
    assert cb["actor_id"].is_unique
    named = cb[cb["kind"] != "country"]
    assert set(named["actor_type"]) <= set(actors.ACTOR_TYPES) - {"foreign government"}
    assert set(cb["kind"]) == {"person", "organisation", "role", "group", "country"}
    persons = cb[cb["kind"] == "person"]
    assert set(persons["gender"]) <= {"m", "f"}
    countries = set(cb.loc[cb["kind"] == "country", "actor_id"])
    assert set(persons["country"]) <= countries
    for spec in ";".join(cb["roles"]).split(";"):
        if spec.strip():
            assert "@" in spec and ".." in spec, spec
    tok = cb.set_index("actor_id").loc["tokayev"]
    assert "president@KAZ:2019-03-20.." in tok["roles"]
    assert "Nazarbayevy" in cb.set_index("actor_id").loc["nazarbayev", "variants"]


def test_schemas():
    assert COLUMNS == ["start", "end", "mention", "actor_id", "canonical_name", "actor_type", "country",
                       "resolution", "spelling", "sentence_id"]
    assert [c.name for c in actors.MENTIONS_TABLE_SCHEMA] == ["article_id"] + COLUMNS
    m = find_mentions("Tokayev spoke.")
    assert str(m["start"].dtype) == "int64" and str(m["mention"].dtype) == "string"
    assert str(m["sentence_id"].dtype) == "int64"


# ----------------------------------------------------------------------------------------------------------------------
# table helpers (notebook 03)
# ----------------------------------------------------------------------------------------------------------------------


def test_table_helpers_on_two_articles():
    texts = {
        "b": "Tokayev met Antony Blinken. He thanked Kazakh police. Yevgeny Zinichev watched.",
        "a": "Blinken criticised Kazakh authorities. Yevgeny Zinichev left.",
    }
    table = actors.mention_table(texts)
    assert list(table.columns) == [c.name for c in actors.MENTIONS_TABLE_SCHEMA]
    assert table["article_id"].tolist() == sorted(table["article_id"])
    counts = actors.actor_counts(table).set_index("canonical_name")
    assert counts.loc["Antony Blinken", "mentions"] == 2 and counts.loc["Antony Blinken", "articles"] == 2
    cands = actors.discovered_candidates(table)
    assert cands["candidate"].tolist() == ["Yevgeny Zinichev"] and cands.iloc[0]["articles"] == 2
    sentences = pd.DataFrame({"article_id": ["a", "a", "b", "b", "b"], "start": [0, 39, 0, 28, 54],
                              "end": [38, 61, 27, 53, 80]})
    co = actors.cooccurrence(table, sentences)
    pairs = {(r.actor_a, r.actor_b): r.sentences for r in co.itertuples()}
    assert pairs[("Antony Blinken", "Kassym-Jomart Tokayev")] == 1
    assert pairs[("Antony Blinken", "Government of Kazakhstan")] == 1
    assert not any("Zinichev" in a or "Zinichev" in b for a, b in pairs)
    empty = actors.mention_table({})
    assert empty.empty and actors.actor_counts(empty).empty and actors.discovered_candidates(empty).empty


# ----------------------------------------------------------------------------------------------------------------------
# round 2: surnames, name spans, countries as agents
# ----------------------------------------------------------------------------------------------------------------------


def test_codebook_surname_after_a_title_inside_a_title_phrase():
    # "Prime Minister Johnson": the capitalised "Minister" is part of a title, not another first name
    text = ("Prime Minister Boris Johnson asked for the suspension. Johnson said it was needed. "
            "Prime Minister Johnson told the public via Twitter.")
    m = find_mentions(text)
    check_offsets(text, m)
    assert rows(m, "Johnson")["actor_id"].tolist() == ["johnson", "johnson"]


def test_codebook_surname_named_in_full_later():
    m = find_mentions("Johnson spoke first. Later, Boris Johnson left for Brussels.")
    assert one(m, "Johnson")["actor_id"] == "johnson"


def test_sentence_initial_adverb_is_not_another_first_name():
    text = "Donald Trump spoke on Monday. Afterwards Trump left. Longtime Imus fans waited. Don Imus said no."
    m = find_mentions(text)
    check_offsets(text, m)
    assert one(m, "Trump")["canonical_name"] == "Donald Trump"
    assert "Afterwards Trump" not in m["mention"].tolist()
    assert one(m, "Imus")["canonical_name"] == "Don Imus"


def test_shared_surname_resolves_to_the_codebook_person_last_named_in_full():
    m = find_mentions("Joe Biden met Hunter Biden. Later Joe Biden spoke. Biden said no. Mrs. Biden smiled.")
    assert rows(m, "Biden")["canonical_name"].tolist() == ["Joe Biden", ""]  # "Mrs." says another person


def test_shared_surname_resolves_after_a_title_only_one_holds():
    text = "President Donald Trump and Melania Trump arrived. Trump waved. President Trump spoke."
    m = find_mentions(text)
    trumps = rows(m, "Trump")
    assert trumps["resolution"].tolist() == ["unresolved", "name"]
    assert trumps.iloc[1]["canonical_name"] == "Donald Trump"


def test_forms_of_one_discovered_person_are_merged():
    text = ("Vermont Senator Bernie Sanders spoke. Bernie Sanders said no. Sanders left. "
            "Representative John Conyers arrived; John James Conyers Jr. was born in 1929. Conyers agreed.")
    m = find_mentions(text)
    check_offsets(text, m)
    assert one(m, "Sanders")["canonical_name"] == "Bernie Sanders"
    assert one(m, "Conyers")["resolution"] == "discovered"
    assert one(m, "Conyers")["canonical_name"] == one(m, "John James Conyers Jr.")["canonical_name"]
    # different given names stay different people
    m = find_mentions("Tony Mendez and Jonna Mendez wrote books. Mendez said so.")
    assert one(m, "Mendez")["resolution"] == "unresolved"


def test_initials_and_suffixes_stay_inside_discovered_names():
    text = "The board named Charles E. Exley Jr. as chairman. Exley said profits rose. Acme Inc. and Exxon Corp. agreed."
    m = find_mentions(text)
    check_offsets(text, m)
    assert one(m, "Charles E. Exley Jr.")["resolution"] == "discovered"
    assert one(m, "Exley")["canonical_name"] == "Charles E. Exley Jr."
    assert "Acme Inc." in m["mention"].tolist() and "Exxon Corp." in m["mention"].tolist()


def test_company_names_keep_a_leading_country_adjective_or_general():
    text = ("Shares of American Motors Corp. rose. British Airways said it would cut jobs. "
            "General Motors said sales fell. American officials said nothing.")
    m = find_mentions(text)
    check_offsets(text, m)
    for name in ("American Motors Corp.", "British Airways", "General Motors"):
        r = one(m, name)
        assert (r["resolution"], r["canonical_name"]) == ("discovered", name)
    assert "Motors" not in m["mention"].tolist() and "Airways" not in m["mention"].tolist()
    assert one(m, "American officials")["actor_id"] == "USA:government"


def test_country_as_agent_is_its_government():
    text = ("Russia said it would respond. China has warned Japan. The United States condemned the strike. "
            "Iran's foreign ministry said the claim was false.")
    m = find_mentions(text)
    check_offsets(text, m)
    for mention, aid in [("Russia", "RUS:government"), ("China", "CHN:government"),
                         ("United States", "USA:government"), ("Iran's foreign ministry", "IRN:government")]:
        r = one(m, mention)
        assert r["actor_id"] == aid, mention
        assert r["resolution"] in ("name", "alias")
    assert one(m, "Russia")["resolution"] == "name"
    assert one(m, "Russia")["actor_type"] in ("government", "foreign government")


def test_country_as_place_is_not_a_mention():
    text = ("Protests spread in Russia. Troops moved to China and from Iran. Russia's capital is cold. "
            "Bank of China said profits rose. Air China said flights resumed. A firm in Munich, Germany confirmed it. "
            "The U.S. offer was rejected. Russia and China.")
    m = find_mentions(text)
    check_offsets(text, m)
    assert not m["actor_id"].str.endswith(":government").any(), m[["mention", "actor_id"]].values.tolist()


def test_ambiguous_country_names_are_not_agents():
    m = find_mentions("Jordan said he would play. Georgia voted for Biden.")
    assert not m["actor_id"].str.endswith(":government").any()


def test_a_name_next_to_a_title_fragment_or_a_place_wins():
    # issue 10: "Ms. May said" gives the person May (a month after an honorific is a name), never "Ms."
    text = "“We will leave,” Ms. May said. She smiled."
    m = find_mentions(text)
    assert one(m, "May")["resolution"] == "discovered"
    assert one(m, "She")["canonical_name"] == "May"
    s = text.index("Ms.")
    assert resolve_span(m, s, s + len("Ms. May"))["mention"] == "May"
    assert resolve_span(m, s, s + 3) is None  # the fragment alone is no actor
    # "Kansas City, Mo." is a place: no person, no mention for the state abbreviation
    m = find_mentions("Joe Smith, a mechanic based in Kansas City, Mo., said he was sad.")
    assert "Mo" not in set(m["mention"])
    assert one(m, "he")["canonical_name"] == "Joe Smith"
    assert find_mentions("It rained on Monday, May 3.").empty


def test_they_takes_coordinated_persons_or_experts():
    m = find_mentions("Joe Biden and Kamala Harris both refused to say whether they would support it.")
    they = one(m, "they")
    assert (they["canonical_name"], they["actor_id"], they["resolution"]) == ("Joe Biden and Kamala Harris", "", "pronoun")
    m = find_mentions("The researchers used satellite images. They found open water.")
    assert one(m, "They")["actor_id"] == "experts"
    m = find_mentions("Analysts said prices would rise.")
    assert one(m, "Analysts")["actor_type"] == "civil society"


def test_possessive_takes_the_nearest_and_names_as_modifiers_are_skipped():
    m = find_mentions("Trump asked Ukraine to investigate Joe Biden and his son.")
    assert one(m, "his")["canonical_name"] == "Joe Biden"
    m = find_mentions("Former Trump campaign manager Corey Lewandowski joined CNN, but it is unclear whether he "
                      "can speak freely.")
    assert one(m, "he")["canonical_name"] == "Corey Lewandowski"


def test_org_official_before_a_name_is_the_person():
    text = "CSTO official John Smith said the troops would leave."
    m = find_mentions(text)
    assert one(m, "CSTO official")["canonical_name"] == "John Smith"
    assert resolve_span(m, 0, len("CSTO official John Smith"))["canonical_name"] == "John Smith"
    m = find_mentions("It became clear that opposition Democrats would pass it.")  # not a person: the agent
    assert one(m, "opposition")["actor_id"] == "opposition"


def test_they_after_et_al_is_the_team():
    m = find_mentions("A model by Vlada Stamenković was published. Vlada Stamenković et al studied it. They found oxygen.")
    assert one(m, "They")["canonical_name"] == "Vlada Stamenković"
