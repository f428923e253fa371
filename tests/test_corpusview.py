"""The corpus-level view (helpers.corpusview) on constructed tables: counts per outlet and speaker, tone, stance,
sourcing shares, and unidentifiable speakers grouped and listed last."""
from __future__ import annotations

import math

import matplotlib
import pandas as pd

from helpers import corpusview as cv, plots

matplotlib.use("Agg")

QCOLS = ["article_id", "kind", "quote_start", "quote_end", "quote_text", "speaker", "actor", "cue_class",
         "source_type", "attribution_id"]


def quotes(rows):
    return pd.DataFrame(rows, columns=QCOLS)


# Three articles, two outlets (one article without outlet). "he" speaks most, but is no one in particular.
Q = quotes([
    ("a1", "direct", 0, 20, "We will not accept this.", "Ana Diaz", "Ana Diaz", "speech", "person", 0),
    ("a1", "direct", 30, 45, "Never, ever.", "she", "Ana Diaz", "speech", "person", 0),   # continued quote
    ("a1", "indirect", 50, 70, "the talks failed badly", "he", "", "speech", "unresolved", 1),
    ("a1", "indirect", 80, 95, "it was a mistake", "officials", "", "speech", "vague", 2),
    ("a2", "indirect", 0, 20, "the plan will work", "Ana Diaz", "Ana Diaz", "speech", "person", 0),
    ("a2", "indirect", 30, 50, "prices will rise", "He", "", "speech", "unresolved", 1),
    ("a2", "indirect", 60, 80, "we must talk", "He", "", "speech", "unresolved", 2),
    ("a2", "indirect", 90, 99, "it is so", "Bo Lin", "Bo Lin", "belief", "person", 3),      # not counted
    ("a3", "direct", 0, 30, "The army acted well.", "Bo Lin", "Bo Lin", "speech", "person", 0),
    ("a3", "indirect", 40, 60, "more troops were sent", "a source", "", "speech", "anonymous", 1),
    ("a3", "indirect", 70, 90, "the road is closed", "he", "", "speech", "unresolved", 2),
])
ARTS = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4"], "outlet": ["AP", "AP", "", "Reuters"]})


def test_speakers_across_articles_with_groups_last():
    sp = cv.speakers_table(Q, ARTS)
    assert sp["speaker"].tolist() == ["Ana Diaz", "Bo Lin", "(vague source)", "(anonymous source)",
                                      "(unresolved pronoun)"]
    ana = sp.iloc[0]
    assert (ana.articles, ana.statements, ana.attributions, ana.words, ana.direct) == (2, 3, 2, 11, 2)
    assert ana.outlets == 1 and ana.source_type == "person"
    bo = sp.iloc[1]
    assert (bo.articles, bo.statements) == (1, 1)  # the belief is not counted
    he = sp.set_index("speaker").loc["(unresolved pronoun)"]
    assert (he.articles, he.statements) == (3, 4)  # the most statements of all, still listed last
    assert not any(s.lower() in ("he", "she") for s in sp["speaker"])


def test_unnamed_descriptions_are_grouped():
    q = quotes([("a", "indirect", 0, 9, "x y", "the website", "", "speech", "document", 0),
                ("b", "indirect", 0, 9, "x y z", "The website", "", "speech", "document", 0),
                ("b", "indirect", 20, 29, "x", "Znak", "", "speech", "organisation", 1),
                ("c", "indirect", 0, 9, "x", "the government", "government", "speech", "organisation", 0)])
    sp = cv.speakers_table(q)
    assert sp["speaker"].tolist() == ["Znak", "(unnamed description)"]
    assert sp.iloc[1]["statements"] == 3 and sp.iloc[1]["articles"] == 3


def test_statements_per_outlet_and_unknown_outlet():
    out = cv.statements_per_outlet(Q, ARTS).set_index("outlet")
    assert out.loc["AP", "articles"] == 2 and out.loc["AP", "statements"] == 7
    assert out.loc["AP", "speakers"] == 1  # Ana Diaz; the groups are no speakers
    assert out.loc["unknown outlet", "statements"] == 3 and out.loc["unknown outlet", "speakers"] == 1
    assert out.loc["Reuters", "articles"] == 1 and out.loc["Reuters", "articles_quoting"] == 0
    assert out.loc["Reuters", "statements"] == 0 and out.loc["AP", "per_article"] == 3.5
    assert list(cv.statements_per_outlet(Q, ARTS, unknown="cv_raw")["outlet"]).count("cv_raw") == 1
    # without articles.csv every article is of the unknown outlet
    assert cv.statements_per_outlet(Q)["articles"].tolist() == [3]


def test_top_speakers_per_outlet_ranks_named_actors_only():
    top = cv.top_speakers_per_outlet(Q, ARTS, n=5)
    assert top[top["outlet"] == "AP"]["speaker"].tolist() == ["Ana Diaz"]
    assert top[top["outlet"] == "unknown outlet"]["speaker"].tolist() == ["Bo Lin"]
    assert top["rank"].tolist() == [1, 1]


def test_sourcing_shares_per_outlet():
    src = cv.sourcing_per_outlet(Q, ARTS).set_index("outlet")
    ap = src.loc["AP"]
    assert ap["statements"] == 8 and ap["unresolved"] == 3 and ap["vague"] == 1 and ap["person"] == 4
    assert math.isclose(ap["weak_share"], 0.5)
    assert math.isclose(src.loc["unknown outlet", "weak_share"], round(2 / 3, 3))
    assert src.index[0] == "unknown outlet"  # highest share first
    no_type = cv.sourcing_per_outlet(Q.drop(columns="source_type"), ARTS)
    assert "weak_share" not in no_type.columns and no_type["statements"].sum() == 11


def sentiment(rows):
    return pd.DataFrame(rows, columns=["article_id", "quote_start", "quote_end", "speaker", "actor", "vader"])


def test_tone_has_n_and_spread_only_from_min_for_summary():
    sq = sentiment([("a1", 0, 20, "Ana Diaz", "Ana Diaz", -0.4), ("a1", 30, 45, "she", "Ana Diaz", -0.2),
                    ("a2", 0, 20, "Ana Diaz", "Ana Diaz", 0.3), ("a3", 0, 30, "Bo Lin", "Bo Lin", 0.5),
                    ("a2", 90, 99, "Bo Lin", "Bo Lin", -0.9),        # the belief: not counted with quotes
                    ("a1", 50, 70, "he", "", -0.5), ("a3", 70, 90, "he", "", 0.0)])
    tone = cv.speaker_tone(sq, Q).set_index("speaker")
    assert tone.loc["Ana Diaz", "n"] == 3 == plots.MIN_FOR_SUMMARY
    assert math.isclose(tone.loc["Ana Diaz", "mean"], -0.1)
    assert math.isclose(tone.loc["Ana Diaz", "sd"], round(pd.Series([-0.4, -0.2, 0.3]).std(), 4))
    assert tone.loc["Ana Diaz", "negative"] == 2 and tone.loc["Ana Diaz", "positive"] == 1
    assert tone.loc["Bo Lin", "n"] == 1 and math.isnan(tone.loc["Bo Lin", "sd"])
    assert tone.index[-1] == "(unresolved pronoun)" and tone.loc["(unresolved pronoun)", "neutral"] == 1
    assert cv.speaker_tone(sq).set_index("speaker").loc["Bo Lin", "n"] == 2  # without quotes: every row
    assert cv.speaker_tone(None).empty


def stances(rows):
    return pd.DataFrame(rows, columns=["article_id", "quote_start", "quote_end", "holder", "holder_actor",
                                       "target_text", "target_actor", "polarity"])


def test_stance_counts_per_speaker_and_target():
    st = stances([("a1", 0, 20, "Ana Diaz", "Ana Diaz", "the army", "Kazakh army", -1),
                  ("a2", 0, 20, "Ana Diaz", "Ana Diaz", "soldiers", "Kazakh army", -1),
                  ("a2", 0, 20, "Ana Diaz", "Ana Diaz", "the plan", "", 1),
                  ("a2", 0, 20, "Ana Diaz", "Ana Diaz", "the talks", "", 0),
                  ("a3", 0, 30, "Bo Lin", "Bo Lin", "The army", "Kazakh army", 1),
                  ("a1", 50, 70, "he", "", "it", "", -1)])
    by = cv.speaker_stance(st, Q).set_index("speaker")
    assert by.loc["Ana Diaz", ["negative", "positive", "neutral", "targets"]].tolist() == [2, 1, 1, 2]
    assert by.loc["Ana Diaz", "against"] == "Kazakh army (2)" and by.loc["Ana Diaz", "for"] == "the plan"
    assert by.index[-1] == "(unresolved pronoun)" and by.loc["(unresolved pronoun)", "against"] == ""
    tg = cv.stance_by_target(st, Q)
    first = tg.iloc[0]
    assert (first.speaker, first.target, first.negative, first.positive, first.articles) == \
        ("Ana Diaz", "Kazakh army", 2, 0, 2)
    assert ("Bo Lin", "Kazakh army", 0, 1) in {(r.speaker, r.target, r.negative, r.positive) for r in tg.itertuples()}
    assert tg.iloc[-1]["target"] == "(pronoun)" and "the talks" not in set(tg["target"])
    assert cv.speaker_stance(None).empty and cv.stance_by_target(None).empty


def test_corpus_markdown_names_the_widely_quoted_first():
    t = {"quotes": Q, "articles": ARTS,
         "sentiment_quotes": sentiment([("a1", 0, 20, "Ana Diaz", "Ana Diaz", -0.4),
                                        ("a1", 30, 45, "she", "Ana Diaz", -0.2),
                                        ("a2", 0, 20, "Ana Diaz", "Ana Diaz", 0.3)])}
    md = cv.corpus_markdown(t)
    assert "4 articles from 3 outlets" in md
    assert "most widely quoted: Ana Diaz (2 articles, 3 statements, 11 words) and Bo Lin" in md
    assert "(unresolved pronoun) 4" in md and "Ana Diaz -0.10 (n=3)" in md
    assert "Stance" not in md  # no stances table


def test_figures_put_named_speakers_first_and_show_n():
    import matplotlib.pyplot as plt

    sq = sentiment([("a1", 0, 20, "Ana Diaz", "Ana Diaz", -0.4), ("a1", 50, 70, "he", "", -0.5)])
    fig = cv.speakers_figure(Q, sq, ARTS)
    labels = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert labels[0] == "Ana Diaz (n=3)" and labels[-1] == "(unresolved pronoun) (n=4)"
    assert [x.get_text() for x in fig.axes[1].texts][:1] == ["n=1"]  # the tone's own n: one scored statement
    plt.close(fig)
    fig = cv.outlets_figure(Q, ARTS)
    assert [x.get_text() for x in fig.axes[0].get_yticklabels()][0] == "AP\n(2 articles)"
    plt.close(fig)
    fig = cv.stance_figure(None, Q)
    assert "no speaker takes" in fig.axes[0].texts[0].get_text()
    plt.close(fig)


def _corpus_cells():
    import nbformat

    from helpers import paths

    nb = nbformat.read(str(paths.ROOT / "notebooks" / "06_report.ipynb"), as_version=4)
    i = next(k for k, c in enumerate(nb.cells) if c.cell_type == "markdown" and "## Across the corpus" in c.source)
    return [c.source for c in nb.cells[i + 1:i + 3]]


def _run_cells(t, texts, figures, processed=None):
    """Notebook 06's corpus cells run on constructed tables; returns what they displayed."""
    import matplotlib.pyplot as plt
    from IPython.display import Markdown

    from helpers import tables
    from helpers.tableview import show

    shown = []
    processed = processed or figures.parent / "processed"
    processed.mkdir(parents=True, exist_ok=True)
    ns = {"t": t, "texts": texts, "dirs": {"figures": figures, "processed": processed}, "plots": plots, "plt": plt,
          "Markdown": Markdown, "show": show, "display": shown.append, "tables": tables}
    for src in _corpus_cells():
        exec(compile(src, "06_report corpus cell", "exec"), ns)  # noqa: S102 - the notebook's own cells
    plt.close("all")
    return shown


def test_notebook_corpus_section_for_many_articles_and_one(tmp_path):
    texts = {a: "x" * 100 for a in ("a1", "a2", "a3", "a4")}
    figures, processed = tmp_path / "figures", tmp_path / "processed"
    shown = _run_cells({"quotes": Q, "articles": ARTS}, texts, figures, processed)
    assert "4 articles from 3 outlets" in shown[0].data
    assert sorted(p.name for p in figures.iterdir()) == sorted(
        f"06_corpus_{n}.png" for n in ("outlets", "speakers", "stance"))
    # the tables shown are written, each with its schema's header (and so listed in the data dictionary)
    from helpers import dictionary
    written = sorted(p.stem for p in processed.glob("*.csv"))
    assert written == sorted(cv.CORPUS_SCHEMAS) and set(written) <= set(dictionary.schemas())
    for name in written:
        header = (processed / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(c.name for c in cv.CORPUS_SCHEMAS[name])
    speakers = pd.read_csv(processed / "corpus_speakers.csv", keep_default_na=False)
    assert speakers["statements"].sum() == cv.speakers_table(Q, ARTS)["statements"].sum() > 0
    one = tmp_path / "one"
    shown = _run_cells({"quotes": Q[Q["article_id"] == "a1"], "articles": ARTS.head(1)}, {"a1": "x" * 100}, one,
                       processed)
    assert len(shown) == 1 and shown[0].data.startswith("A single-article run (`a1`)")
    assert not one.exists()  # no corpus figure for a single article
    assert not list(processed.glob("corpus_*.csv"))  # nor corpus tables from the earlier run into the same folder


# ---------------------------------------------------------------------------------------- linear fast paths
# The corpus tables aggregate in one pass over plain values (a pandas frame per speaker made notebook 06 take
# seconds per 500 articles); these tests hold them to the per-group pandas definitions, to the last bit, on
# random tables with many speakers, ties, pronoun targets and outlets.
def _random_tables(seed: int, n: int = 400):
    import numpy as np

    rng = np.random.default_rng(seed)
    names = ["Ana Diaz", "Bo Lin", "he", "officials", "the website", "Cy Ode", "a source", "Dee", "Eve Ash"]
    pick = lambda xs: [xs[i] for i in rng.integers(0, len(xs), n)]  # noqa: E731
    speaker = pick(names)
    q = pd.DataFrame({
        "article_id": [f"a{i}" for i in rng.integers(0, 60, n)], "kind": pick(["direct", "mixed", "indirect"]),
        "quote_start": list(range(0, 10 * n, 10)), "quote_end": list(range(5, 10 * n, 10)),
        "quote_text": pick(["we will", "no", "the plan is good and fair", "prices rise"]), "speaker": speaker,
        "actor": [s if s[0].isupper() and " " in s else "" for s in speaker],
        "cue_class": pick(["speech", "speech", "naming", "belief"]),
        "source_type": pick(["person", "organisation", "vague", "anonymous", "unresolved", ""]),
        "attribution_id": rng.integers(0, 5, n)})
    sq = q[["article_id", "quote_start", "quote_end", "speaker", "actor"]].assign(
        vader=np.round(rng.uniform(-1, 1, n), 4))
    st = pd.DataFrame({
        "article_id": q["article_id"], "quote_start": q["quote_start"], "quote_end": q["quote_end"],
        "holder": speaker, "holder_actor": q["actor"],
        "target_text": pick(["the plan", "The plan", "it", "taxes", "the army", "they"]),
        "target_actor": pick(["", "", "", "Bo Lin"]), "polarity": rng.integers(-1, 2, n)})
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(70)],
                         "outlet": [["AP", "", "Reuters", "BBC", "Znak"][i % 5] for i in range(70)]})
    return q, sq, st, arts


def _tone_by_definition(sq, q):
    sq = cv._join_quotes(sq, q)
    sq = sq.assign(speaker=cv._keys(sq), vader=pd.to_numeric(sq["vader"]))
    rows = []
    for k, g in sq.groupby("speaker", sort=True):
        v = g["vader"]
        rows.append({"speaker": k, "n": len(v), "mean": round(float(v.mean()), 4),
                     "sd": round(float(v.std(ddof=1)), 4) if len(v) >= plots.MIN_FOR_SUMMARY else float("nan"),
                     "min": float(v.min()), "max": float(v.max())})
    return pd.DataFrame(rows)


def _stance_by_definition(st, q):
    st = cv._stance_rows(st, q)
    rows = []
    for k, g in st.groupby("speaker", sort=True):
        neg, pos = g[g["polarity"] < 0], g[g["polarity"] > 0]

        def top(s):
            c = s[s != "(pronoun)"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
            return "; ".join(f"{t} ({v})" if v > 1 else t for t, v in c.head(3).items())
        rows.append({"speaker": k, "negative": len(neg), "positive": len(pos),
                     "neutral": int((g["polarity"] == 0).sum()),
                     "targets": int(pd.concat([neg["target"], pos["target"]]).nunique()),
                     "against": top(neg["target"]), "for": top(pos["target"])})
    return pd.DataFrame(rows)


def test_one_pass_aggregates_equal_the_per_group_definitions():
    for seed in range(4):
        q, sq, st, arts = _random_tables(seed)
        tone = cv.speaker_tone(sq, q).sort_values("speaker").reset_index(drop=True)
        pd.testing.assert_frame_equal(tone[["speaker", "n", "mean", "sd", "min", "max"]],
                                      _tone_by_definition(sq, q), check_dtype=False)
        stance = cv.speaker_stance(st, q).sort_values("speaker").reset_index(drop=True)
        pd.testing.assert_frame_equal(stance, _stance_by_definition(st, q), check_dtype=False)
        sp = cv.speakers_table(q, arts).set_index("speaker")
        counted = cv._counted(q).assign(_k=lambda d: cv._keys(d))
        for k, g in counted.groupby("_k"):
            assert sp.loc[k, "direct"] == (g["kind"] == "direct").sum()
            c = g["source_type"].value_counts()
            assert sp.loc[k, "source_type"] == min(t for t, v in c.items() if v == c.max())
        by = cv.stance_by_target(st, q)
        rows = cv._stance_rows(st, q)
        assert (by["negative"] + by["positive"]).sum() == int((rows["polarity"] != 0).sum()) > 0
        assert (by["articles"] >= 1).all() and by["articles"].sum() <= len(rows)
        outl = cv.statements_per_outlet(q, arts).set_index("outlet")
        out_of = cv.outlet_of(arts)
        for outlet, g in counted.assign(o=counted["article_id"].map(out_of)).groupby("o"):
            assert outl.loc[outlet, "statements"] == len(g)
            assert outl.loc[outlet, "speakers"] == g.loc[~g["_k"].isin(cv.GROUPS), "_k"].nunique()
