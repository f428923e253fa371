"""The text model (helpers.text): paragraphs, quote pairing, skeleton, sentences, tokens, lookups."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from helpers import text as tm

ZW = "\u200b\u200c\u200d\u2060\ufeff"


def _sents(t: str) -> list[str]:
    return [t[a:b] for a, b in tm.build(t).sentences]


def _quotes(t: str) -> list[tuple[str, bool]]:
    return [(t[q.content_start:q.content_end], q.closed) for q in tm.build(t).quotations]


# ------------------------------------------------------------------ quote pairing
@pytest.mark.parametrize("t, want", [
    ("“We are ready,” he said.", [("We are ready,", True)]),
    ('"We are ready," he said.', [("We are ready,", True)]),
    ("„Wir sind bereit“, sagte er.", [("Wir sind bereit", True)]),
    ("«Nous sommes prêts», a-t-il dit.", [("Nous sommes prêts", True)]),
    ("``We are ready,'' he said.", [("We are ready,", True)]),
    ("‘Peace now’ rally planned", [("Peace now", True)]),  # single marks in a text with no double marks
])
def test_marks_of_every_style_pair(t, want):
    assert _quotes(t) == want


@pytest.mark.parametrize("t, want", [
    # two right single marks or two straight ones close a quote opened by “ or ``
    ("“We are ready,’’ he said.", [("We are ready,", True)]),
    ("“We are ready,'' he said.", [("We are ready,", True)]),
    ("``We are ready,’’ he said.", [("We are ready,", True)]),
    ("‘‘We are ready,’’ he said.", [("We are ready,", True)]),
    # NYT style: '' opens and closes; ''' is an inner single mark followed by the closing double mark
    ("''He called it 'a disaster,''' she said.", [("He called it 'a disaster,'", True)]),
    ("''He called it 'a disaster.''' She left.", [("He called it 'a disaster.'", True)]),
    # ... and at a word start the double mark comes first: '' then an inner opening '
    ("He said: '''Tis the season,' she sang.'' Then he left.", [("'Tis the season,' she sang.", True)]),
])
def test_two_character_closing_marks(t, want):
    assert _quotes(t) == want


def test_two_character_marks_are_one_glyph_and_a_space_in_the_skeleton():
    for t in ["``We won,'' he said. They left.", "“We won,’’ he said. They left.", "''We won,'' he said. They left."]:
        m = tm.build(t)
        q = m.quotations[0]
        o, c = t.index("We") - q.open_start, q.close_end - q.content_end
        assert m.skeleton[q.open_start:q.content_start] == "“ "[:o]
        assert m.skeleton[q.content_end:q.close_end] == "”" + " " * (c - 1)
        toks = [m.skeleton[a:b] for a, b in m.skeleton_tokens]
        assert toks.count("“") == 1 and toks.count("”") == 1 and "xx" in toks
        assert _sents(t) == [t[:t.index(" They")], "They left."]
    # the quotes stage reads the quote and its speaker
    from helpers.quotes import extract_quotes
    df = extract_quotes("''He called it 'a disaster,''' Jane Doe said. “We are ready,’’ she added.")
    assert df[["kind", "quote_text", "speaker"]].values.tolist() == [
        ["direct", "He called it 'a disaster,'", "Jane Doe"], ["direct", "We are ready,", "she"]]


def test_apostrophes_are_never_quote_marks():
    for t in ["They’ve said it's O'Neill's plan.", "The players’ union met.", "Rock ’n’ roll, can’t stop."]:
        assert tm.build(t).quotations == ()
        assert tm.build(t).skeleton == t
    # inside double quotes, single marks are content
    t = '"It’s the ‘best’ plan," she said.'
    assert _quotes(t) == [("It’s the ‘best’ plan,", True)]


def test_odd_mark_counts_do_not_break_the_rest_of_the_document():
    t = '“Unclosed quote runs to the end of the paragraph.\n\nHe said "yes" and left.'
    assert _quotes(t) == [("Unclosed quote runs to the end of the paragraph.", False), ("yes", True)]
    # a closing mark with no open quote and a straight mark between letters are stray, blanked in the skeleton
    t = 'A 6” pipe. Qatar"s team said “go.”'
    m = tm.build(t)
    assert _quotes(t) == [("go.", True)]
    assert m.skeleton[3] == " " and m.skeleton[t.index('"')] == " "
    # an opening mark inside an open quote closes the first quote there
    t = '“First part “second part,” he said.'
    assert _quotes(t) == [("First part", False), ("second part,", True)]


def test_multi_paragraph_convention():
    t = ("“We will not give up.\n\n“We will keep marching,” she said.\n\n"
         "“Unclosed and the next paragraph has none.\n\nNarration resumes.")
    m = tm.build(t)
    q0, q1 = m.quotations
    assert (q0.closed, q0.n_paragraphs) == (True, 2)
    assert t[q0.content_start:q0.content_end] == "We will not give up.\n\n“We will keep marching,"
    assert m.reopen_marks == ((t.index("“We will keep"), t.index("“We will keep") + 1),)
    assert (q1.closed, q1.n_paragraphs) == (False, 1)
    assert t[q1.content_start:q1.content_end] == "Unclosed and the next paragraph has none."
    # sentences never cross paragraphs, even inside a multi-paragraph quote
    assert _sents(t)[0] == "“We will not give up."


def test_unclosed_quote_is_cut_before_its_own_attribution():
    t = '"We will appeal the verdict, the lawyer said after the hearing.\n\nThe court adjourned.'
    q = tm.build(t).quotations[0]
    assert t[q.content_start:q.content_end] == "We will appeal the verdict" and q.cut and not q.closed
    assert "the lawyer said" in tm.build(t).skeleton
    t = '"We will appeal the verdict and the lawyer stays.\n\nThe court adjourned.'
    assert not tm.build(t).quotations[0].cut


def test_skeleton_masks_contents_keeps_length_and_final_punctuation():
    t = 'He said: "We won. They lost!" Then: «Maybe?» End.'
    m = tm.build(t)
    assert len(m.skeleton) == len(t)
    assert m.skeleton == 'He said: “xx xxxx xxxx xxxx!” Then: “xxxxx?” End.'


# ------------------------------------------------------------------ paragraphs
def test_paragraphs_kinds_and_wrapping():
    t = ("Origin of the protests\n\nMonday, January 10, 2022\n\nFuel prices doubled and people\n"
         "took to the streets.\nA second paragraph.\n\nSign up for our newsletter!")
    m = tm.build(t)
    assert [(t[p.start:p.end], p.kind) for p in m.paragraphs] == [
        ("Origin of the protests", "heading"), ("Monday, January 10, 2022", "dateline"),
        ("Fuel prices doubled and people\ntook to the streets.", "body"), ("A second paragraph.", "body"),
        ("Sign up for our newsletter!", "boilerplate")]


def test_hard_wrapped_text_splits_only_at_blank_lines():
    line = "This line of a wire story is hard wrapped at about seventy chars"
    t = "\n".join([line + "."] + [line] * 5) + "\n\nNext paragraph starts here and ends."
    m = tm.build(t)
    assert len(m.paragraphs) == 2


# ------------------------------------------------------------------ sentences
@pytest.mark.parametrize("t, want", [
    ("Police said on Monday, Jan. 10, that 8,000 were held. U.S. Secretary of State Blinken spoke.",
     ["Police said on Monday, Jan. 10, that 8,000 were held.", "U.S. Secretary of State Blinken spoke."]),
    ("Gen. J. R. Smith met Mr. Li. They spoke.", ["Gen. J. R. Smith met Mr. Li.", "They spoke."]),
    ("The firm is Acme Inc. The deal closed.", ["The firm is Acme Inc.", "The deal closed."]),
    ("Acme Inc. Chief Executive Jane Doe resigned.", ["Acme Inc. Chief Executive Jane Doe resigned."]),
    ("It is in the U.S. The rest is not.", ["It is in the U.S.", "The rest is not."]),
    ("Aid came from the U.S. Navy on Friday.", ["Aid came from the U.S. Navy on Friday."]),
    ("“Is it over? No. Never!” he asked. She left.", ["“Is it over? No. Never!” he asked.", "She left."]),
    ("“We will win. We will stay.” The minister left.", ["“We will win. We will stay.”", "The minister left."]),
    ("Prices rose 3.5 percent. Analysts said it was expected.",
     ["Prices rose 3.5 percent.", "Analysts said it was expected."]),
    ("He waited... Then he left.", ["He waited...", "Then he left."]),
    # ? or ! ending a quote, then a name and a reporting verb: the attribution, not a new sentence
    ("“Let us act now!” Macron told the world. He left.", ["“Let us act now!” Macron told the world.", "He left."]),
    ("“Why now?” Prime Minister Jane Doe asked.", ["“Why now?” Prime Minister Jane Doe asked."]),
    ("“Act now!” The police arrived.", ["“Act now!”", "The police arrived."]),
    # a quote ending in a comma does not end the sentence, even after an ellipsis
    ('"We will repay... by way of debt servicing...," Moi told them.',
     ['"We will repay... by way of debt servicing...," Moi told them.']),
    # Reuters copy capitalises after an acronym: "the U.S. And Japan" is one sentence
    ("Talks between the U.S. And Japan ended.", ["Talks between the U.S. And Japan ended."]),
])
def test_sentence_splitting(t, want):
    assert _sents(t) == want


def test_headings_and_datelines_are_one_sentence():
    t = "U.S. Officials Meet In Geneva\n\nMonday, January 10, 2022\n\nThey met. Talks ended."
    assert _sents(t) == ["U.S. Officials Meet In Geneva", "Monday, January 10, 2022", "They met.", "Talks ended."]


def test_sentence_lookups():
    t = "First one. Second one here.\n\nThird."
    m = tm.build(t)
    assert m.sentences == ((0, 10), (11, 27), (29, 35))
    assert [m.sentence_at(p) for p in (0, 9, 10, 11, 28, 29, 35, 100)] == [0, 0, 0, 1, 1, 2, 2, 2]
    assert m.sentence_at(-1) == -1
    assert m.sentence_range(3, 20) == (0, 1) and m.sentence_range(11, 27) == (1, 1)
    assert m.sentence_range(29, 29) == (2, 2)
    assert m.paragraph_at(30) == 1
    assert tm.sentence_spans(t) == list(m.sentences)


def test_tokens_offsets_and_sentences():
    t = "“They’ve raised concerns,” Gen. J. Smith said.\n\nNazarbayev's U.S. allies paid $8,000."
    m = tm.build(t)
    assert [t[a:b] for a, b in m.tokens] == [
        "“", "They’ve", "raised", "concerns", ",", "”", "Gen.", "J.", "Smith", "said", ".",
        "Nazarbayev's", "U.S.", "allies", "paid", "$", "8,000", "."]
    assert m.token_sentence == (0,) * 11 + (1,) * 7
    assert tm.tokenize("ab cd", offset=5) == [(5, 7), (8, 10)]
    # the skeleton's tokens are what rule-based stages read: quote contents are masked
    assert [m.skeleton[a:b] for a, b in m.skeleton_tokens][:4] == ["“", "xxxxxxx", "xxxxxx", "xxxxxxxxx"]  # the comma too


@pytest.mark.parametrize("zw", list("\u200b\u200c\u200d\u2060\ufeff"))
def test_zero_width_characters_are_whitespace(zw):
    t = f"{zw}Fuel prices doubled.{zw}\n{zw}\n“We won,”{zw} J.{zw} Smith{zw} said.{zw}They left{zw}."
    m = tm.build(t)
    # no token, and the offsets of the other tokens are unchanged
    assert [t[a:b] for a, b in m.tokens] == ["Fuel", "prices", "doubled", ".", "“", "We", "won", ",", "”", "J.",
                                             "Smith", "said", ".", "They", "left", "."]
    assert m.tokens[0] == (1, 5) and all(zw not in t[a:b] for a, b in m.skeleton_tokens)
    # paragraphs and sentences do not start or end with one; a line holding only one is a blank line
    assert [t[p.start:p.end] for p in m.paragraphs] == [
        "Fuel prices doubled.", f"“We won,”{zw} J.{zw} Smith{zw} said.{zw}They left{zw}."]
    assert _sents(t) == ["Fuel prices doubled.", f"“We won,”{zw} J.{zw} Smith{zw} said.", f"They left{zw}."]
    assert m.skeleton[t.index("We"):t.index("J.")] == f"xx xxxx”{zw} "
    # the quote with a zero-width space after the name is attributed
    from helpers.quotes import extract_quotes
    df = extract_quotes(f"“We are ready,” Jane Doe{zw} said.")
    assert df[["quote_text", "speaker", "cue"]].values.tolist() == [["We are ready,", "Jane Doe", "said"]]


def test_tokeniser_is_the_stdlib_regex_and_keeps_joiners_out_of_words():
    # NLTK's RegexpTokenizer, measured as a replacement (module docstring), runs TOKEN_RE on the `regex` engine,
    # whose \w matches U+200C/U+200D and returns "Xtra\u200d's" as one token; the tokeniser is TOKEN_RE on `re`
    t = "Daily Xtra\u200d's editor, Persian\u200cword and Wikinews\u200d's reporter"
    assert tm.tokenize(t) == [m.span() for m in tm.TOKEN_RE.finditer(t)]
    assert [t[a:b] for a, b in tm.tokenize(t)] == ["Daily", "Xtra", "'", "s", "editor", ",", "Persian", "word", "and",
                                                  "Wikinews", "'", "s", "reporter"]


_RULES_ONLY = __import__("re").compile(tm._TOKEN_RULES)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé1_ .,:;%'’-–&<>\nJUSPhDco\u200b\u200d\t")), max_size=60))
def test_tokeniser_shortcuts_give_the_rules_own_spans(t):
    """TOKEN_RE's speed shortcuts (no token at a space; plain words and numbers at once) change no span."""
    assert [m.span() for m in tm.TOKEN_RE.finditer(t)] == [m.span() for m in _RULES_ONLY.finditer(t)]


def test_tokeniser_shortcuts_on_the_hard_cases():
    t = "U.S officials met J. Smith at Znak.com, 34-year-old's co-op: 3.5% of 1,000 <DAIG.F> x_y 2nd Ph.D. e-mail"
    assert [m.span() for m in tm.TOKEN_RE.finditer(t)] == [m.span() for m in _RULES_ONLY.finditer(t)]


def test_build_is_cached_and_rejects_non_text():
    t = "A cached text. Twice."
    assert tm.build(t) is tm.build(t)
    with pytest.raises(TypeError):
        tm.build(None)
    m = tm.build("")
    assert m.sentences == () and m.tokens == () and m.paragraphs == () and m.sentence_at(0) == -1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab A.?!\n \"“”‘’'«»,J_<>`\u200b\ufeff")), max_size=80))
def test_invariants_on_arbitrary_text(t):
    m = tm.build(t)
    assert len(m.skeleton) == len(t)
    prev = -1
    for a, b in m.sentences:
        assert prev <= a < b <= len(t) and t[a:b] == t[a:b].strip().strip(ZW)  # zero-width: whitespace
        prev = b
        # a sentence never crosses a paragraph
        p = m.paragraphs[m.paragraph_at(a)]
        assert p.start <= a and b <= p.end
    for q in m.quotations:
        assert q.open_start < q.content_start < q.content_end <= q.close_end <= len(t)
    for (a, b), s in zip(m.tokens, m.token_sentence):
        assert 0 <= a < b <= len(t) and s == m.sentence_at(a)
        # every token of a paragraph lies inside its sentence
        assert m.sentences[s][0] <= a and b <= m.sentences[s][1]
    # sentences cover every non-space character of every paragraph
    covered = {i for a, b in m.sentences for i in range(a, b)}
    assert all(i in covered for p in m.paragraphs for i in range(p.start, p.end) if not t[i].isspace() and t[i] not in ZW)


def test_many_quotations_build_in_linear_time():
    """Not a timing test: a text of 20,000 short quotations builds, with every quotation paired."""
    t = " ".join(f"“Item {i}.” he said." for i in range(20000))
    m = tm.build(t)
    assert len(m.quotations) == 20000 and len(m.sentences) == 20000
