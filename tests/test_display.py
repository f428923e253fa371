"""The annotated article (helpers.display): marks placed through offsets, filters, GitHub-safe markup."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from helpers import claims, display, paths, tables

AID = "kazakhstan_protests_2022"
SEED = (paths.DATA_RAW / f"{AID}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_tables():
    t = {n: tables.read_table(paths.DATA_PROCESSED / f"{n}.csv") for n in ("quotes", "mentions", "scare_quotes")}
    for name, cols in (("quotes", ["quote_start", "quote_end", "cue_start", "cue_end", "speaker_start", "speaker_end"]),
                       ("mentions", ["start", "end"]), ("scare_quotes", ["start", "end"])):
        t[name][cols] = t[name][cols].astype(int)
    t["claims"] = claims.claims_table({AID: SEED}, t["quotes"])
    return t


class Checker(HTMLParser):
    """Checks well-formed nesting and collects the text and the text inside each tag."""

    VOID = {"br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.inside = [], [], {}

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append([tag, ""])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"bad nesting at </{tag}>"
        tag, txt = self.stack.pop()
        self.inside.setdefault(tag, []).append(txt)

    def handle_data(self, data):
        in_label = any(f[0] == "sup" for f in self.stack)
        for frame in self.stack:
            frame[1] += data if frame[0] == "sup" or not in_label else ""
        if not in_label:
            self.text.append(data)


def article_body(html: str) -> str:
    return html[html.index('<div style="line-height:1.7">'):-len("</div>")]


def parse(html: str) -> Checker:
    c = Checker()
    c.feed(html)
    assert not c.stack
    return c


def test_every_statement_and_claim_is_marked_in_place(seed_tables):
    html = display.render_article(seed_tables, {AID: SEED}, AID)
    body = parse(article_body(html))
    assert "".join(body.text).replace("\n", "") == SEED.replace("\n", "")  # the text is all there, once
    marked = " ".join(body.inside["mark"])
    q = seed_tables["quotes"]
    for r in q.itertuples():
        inner = [s for s in q.itertuples() if r.quote_start < s.quote_start and s.quote_end <= r.quote_end]
        if not inner:
            assert SEED[r.quote_start:r.quote_end].replace("\n", "") in marked.replace("\n", "")
    codes = body.inside["code"]
    assert set(seed_tables["claims"]["text"]) <= set(codes)
    assert html.count("[S") - html.count("[S<i>") == len(q)  # one label per statement
    assert "⚑" in html  # the contested toll


def test_cues_mentions_framing_are_marked_with_hover_text(seed_tables):
    html = display.render_article(seed_tables, {AID: SEED}, AID)
    assert re.search(r'<b title="cue: accused[^"]*">accused</b>', html)
    assert '<u title="Kassym-Jomart Tokayev (head of state)">Tokayev</u>' in html
    assert re.search(r'<i title="framing quote: so-called"[^>]*>peacekeeping forces</i>', html)


def test_filters_keep_only_the_chosen_statements(seed_tables):
    html = display.render_article(seed_tables, {AID: SEED}, AID, actor="Antony Blinken")
    assert html.count("<mark title=") == 1 and re.search(r"\[S\d+ direct\]", html)
    assert "Tokayev</u>" not in html  # only Blinken's mentions underlined
    kinds = display.render_article(seed_tables, {AID: SEED}, AID, kind="mixed")
    n_mixed = int((seed_tables["quotes"]["kind"] == "mixed").sum())
    assert n_mixed >= 1 and kinds.count("<mark title=") == n_mixed == kinds.count(" mixed]</sup>")
    assert "direct]" not in kinds and "indirect]" not in kinds
    st = display.render_article(seed_tables, {AID: SEED}, AID, source_type="person")
    if "source_type" not in seed_tables["quotes"].columns:
        assert "ignored" in st


def test_colours_do_not_change_under_a_filter(seed_tables):
    full = display.render_article(seed_tables, {AID: SEED}, AID)
    one = display.render_article(seed_tables, {AID: SEED}, AID, actor="Kassym-Jomart Tokayev")
    colour = lambda h: set(re.findall(r'S\d+ Kassym[^"]*" style="background:(#\w{6})', h))  # noqa: E731
    assert colour(one) and colour(one) == colour(full)


def test_github_safe_markup_carries_every_distinction(seed_tables):
    """With every style attribute removed (as GitHub's sanitiser does), kinds, speakers and flags remain visible."""
    html = display.render_article(seed_tables, {AID: SEED}, AID)
    stripped = re.sub(r'\sstyle="[^"]*"', "", html)
    assert "<script" not in html and "<style" not in html and " id=" not in html
    for label in (r"\[S1 indirect\]", r"\[S\d+ direct\]", r"\[S\d+ mixed\]", "⚑"):
        assert re.search(label, stripped)
    assert "<mark title=" in stripped and "<code title=" in stripped


def test_pure_and_deterministic(seed_tables):
    before = {k: v.copy() for k, v in seed_tables.items()}
    a = display.render_article(seed_tables, {AID: SEED}, AID)
    b = display.render_article(seed_tables, {AID: SEED}, AID)
    assert a == b
    for k in before:
        pd.testing.assert_frame_equal(before[k], seed_tables[k])


def test_html_is_escaped_and_unknown_article_is_a_clear_error():
    text = "A <b>bold</b> & claim: 5 people <script>"
    html = display.render_article({"quotes": pd.DataFrame()}, {"x": text}, "x")
    assert "&lt;script&gt;" in html and "<script>" not in html
    with pytest.raises(KeyError, match="'nope' not in this run"):
        display.render_article({}, {"x": text}, "nope")


def test_a_long_article_is_shown_cut_with_its_annotations_cut_too(seed_tables):
    cut = SEED.index("Tokayev") + 3  # inside a mention and, further on, inside statements
    html = display.render_article(seed_tables, {AID: SEED}, AID, max_chars=cut)
    body = parse(article_body(html))  # tags still balanced where annotations were cut
    assert "".join(body.text).replace("\n", "") == SEED[:cut].replace("\n", "")
    assert f"The first {cut:,} of {len(SEED):,} characters" in html
    assert "characters; the tables" not in display.render_article(seed_tables, {AID: SEED}, AID)
