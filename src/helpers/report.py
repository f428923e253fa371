"""The findings layer: findings as generated text, the one-page findings table, the overview figure, the HTML
report and the README's findings block.

Everything here is computed from the chain's tables, so it holds for any run:

- :func:`load_tables` reads every table of a run that exists (optional ones, such as ``stances.csv`` or columns
  such as ``cue_class``/``source_type``, may be absent: each user degrades and says so);
- :func:`findings_markdown` writes the findings as Markdown sentences (who is quoted, how, in what tone, about which
  numbers); :func:`findings_table` is the one-page table (speaker, source type, what was said, cue, tone, stance
  targets, claims); :func:`overview_figure` draws who is quoted how much and in what tone;
- :func:`render_html` (from :mod:`helpers.reportpage`, which ``make report`` runs: it needs no pandas) writes
  ``reports/report.html``: the executed notebooks without code, figures inline, no external scripts or styles, the
  same bytes on every run;
- :func:`splice_readme` (``python -m helpers.report readme README.md [PROCESSED_DIR]``) replaces the README block
  between ``<!-- findings:start -->`` and ``<!-- findings:end -->`` with :func:`findings_markdown` of the committed
  tables; ``tests/test_report.py`` fails when the committed block is stale.

>>> t = {"quotes": pd.DataFrame(columns=["article_id", "kind", "quote_start", "quote_end", "quote_text", "speaker",
...      "actor", "cue"])}
>>> findings_markdown(t).splitlines()[0]
'- **Who is quoted.** No statements were found in this run.'
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import argparse
import sys
from pathlib import Path

import pandas as pd

from . import plots
from .speakergroups import GROUPS as UNNAMED
from .speakergroups import speaker_groups
from . import reportpage
from .reportpage import render_html  # noqa: F401 (re-exported: report.render_html)
from .tables import InputError, read_table, write_bytes_atomic

__all__ = ["load_tables", "findings_markdown", "findings_table", "overview_figure", "render_html", "splice_readme",
           "readme_block", "short", "START", "END"]

START, END = "<!-- findings:start -->", "<!-- findings:end -->"
#: The tables the findings layer reads (``sentiment_actors.csv``, the largest table after tokens, is not one of them:
#: nothing here uses it, and reading it took a third of :func:`load_tables` on 4,379 articles).
TABLES = ("articles", "quotes", "mentions", "scare_quotes", "sentiment_quotes", "stances", "claims")
_INT = ("quote_start", "quote_end", "start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end",
        "claim_id", "sentence_id", "target_start", "target_end", "polarity", "n_chars", "attribution_id")
_FLOAT = ("vader", "afinn", "value", "lower", "upper", "score", "toward", "sentence_vader")
_BOOL = ("contested", "inconsistent")


def load_tables(processed: str | Path, names=TABLES) -> dict[str, pd.DataFrame]:
    """Every table of ``names`` present in ``processed``, numeric columns restored (absent tables are left out)."""
    out = {}
    for name in names:
        path = Path(processed) / f"{name}.csv"
        if not path.is_file():
            continue
        df = read_table(path)
        for c in df.columns:
            if c in _INT or c in _FLOAT:
                df[c] = pd.to_numeric(df[c].replace("", None), errors="coerce")
                if c in _INT and df[c].notna().all():
                    df[c] = df[c].astype("int64")
            elif c in _BOOL:
                df[c] = df[c].map({"True": True, "False": False}).fillna(False).astype(bool)
        out[name] = df
    return out


def short(text: str, words: int = 14) -> str:
    """The first ``words`` words of a text on one line, with an ellipsis when cut.

    >>> short("The shoot-to-kill order, to the extent it exists, is wrong and should be rescinded.", 6)
    'The shoot-to-kill order, to the extent …'
    """
    w = str(text).split()
    return " ".join(w[:words]) + (" …" if len(w) > words else "")


def _unnamed_last(by: pd.DataFrame) -> pd.DataFrame:
    """``by`` (indexed by speaker, already ranked) with the :data:`UNNAMED` rows moved to the end."""
    unnamed = by.index.isin(UNNAMED)
    return pd.concat([by[~unnamed], by[unnamed]])


def _counted(quotes: pd.DataFrame) -> pd.DataFrame:
    """Statements that figures count: speech and naming when ``cue_class`` exists, else all."""
    if "cue_class" in quotes.columns:
        return quotes[quotes["cue_class"].isin(["speech", "naming", ""])]
    return quotes


def _words(text: str) -> int:
    return len(str(text).split())


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _who(quotes: pd.DataFrame, n_articles: int) -> list[str]:
    q = _counted(quotes).assign(_who=speaker_groups, _w=lambda d: d["quote_text"].map(_words))
    if q.empty:
        return ["- **Who is quoted.** No statements were found in this run."]
    by = (q.groupby("_who").agg(n=("_w", "size"), words=("_w", "sum"), first=("quote_start", "min"))
          .sort_values(["n", "words", "first"], ascending=[False, False, True], kind="stable"))
    by = _unnamed_last(by)
    top = [f"{k} ({r.n} statement{'s' if r.n != 1 else ''}, {r.words} words)" for k, r in by.head(5).iterrows()]
    art = f"{n_articles} article{'s' if n_articles != 1 else ''}"
    out = [f"- **Who is quoted.** {len(q)} statements from {len(by)} speakers in {art}. Most quoted: "
           f"{_join(top)}."]
    kinds = q["kind"].value_counts()
    direct = q[q["kind"] == "direct"]
    words = _unnamed_last(by.sort_values(["words", "first"], ascending=[False, True], kind="stable"))
    lead = words.index[0]
    share = words["words"].iloc[0] / max(words["words"].sum(), 1)
    line = (f"- **How.** {kinds.get('direct', 0)} direct, {kinds.get('mixed', 0)} mixed and "
            f"{kinds.get('indirect', 0)} indirect statements")
    if len(direct):
        who = list(dict.fromkeys(speaker_groups(direct)))
        line += f"; quoted in their own words: {_join(who[:5])}" + (" only" if len(who) <= 2 else "")
    line += (f". By words quoted, {lead} takes the most space ({words['words'].iloc[0]} of "
             f"{int(words['words'].sum())} words, {share:.0%}).")
    out.append(line)
    if "source_type" in quotes.columns and quotes["source_type"].ne("").any():
        st = quotes["source_type"].replace("", "unknown").value_counts()
        vague = int(st.get("vague", 0) + st.get("anonymous", 0))
        out.append(f"- **Sources.** Of all {len(quotes)} statements (any cue class), by source type: "
                   f"{', '.join(f'{k} {v}' for k, v in st.items())}; {vague} rest on vague or anonymous sources.")
    else:
        out.append("- **Sources.** Source types are not in this run's `quotes.csv`; named versus vague sourcing "
                   "is not reported.")
    return out


def _tone(t: dict) -> list[str]:
    sq = t.get("sentiment_quotes")
    if sq is None or sq.empty or "vader" not in sq.columns:
        return ["- **Tone.** No statement tone in this run (`sentiment_quotes.csv` missing)."] + _stance(t)
    sq = sq.assign(_who=speaker_groups(sq)).sort_values(["vader", "article_id", "quote_start"], kind="stable")
    lab = sq["vader_label"].value_counts() if "vader_label" in sq.columns else pd.Series(dtype=int)
    neg, pos = sq.iloc[0], sq.iloc[-1]
    return [f"- **Tone.** {lab.get('negative', 0)} statements read negative, {lab.get('neutral', 0)} neutral and "
           f"{lab.get('positive', 0)} positive (VADER, per sentence). Most negative: {neg['_who']}, "
           f"“{short(neg['quote_text'], 10)}” ({neg['vader']:+.2f})"
           + (f"; most positive: {pos['_who']}, “{short(pos['quote_text'], 10)}” ({pos['vader']:+.2f})."
              if pos["vader"] > 0 else ".")] + _stance(t)


def _stance(t: dict) -> list[str]:
    out = []
    st = t.get("stances")
    if st is not None and not st.empty and "polarity" in st.columns:
        st = st[st["polarity"] != 0]
        st = st.assign(who=st["holder_actor"].where(st["holder_actor"] != "", st["holder"]),
                       what=st["target_actor"].where(st["target_actor"] != "", st["target_text"]))
        if "score" in st.columns:  # the strongest stances, shown in reading order
            st = st.assign(strength=st["score"].abs()).sort_values("strength", ascending=False, kind="stable")
        st = st.drop_duplicates(["who", "what"]).head(6)
        order = [c for c in ("article_id", "quote_start", "target_start") if c in st.columns]
        st = st.sort_values(order, kind="stable")
        sign = {1: "positive", -1: "negative"}
        items = [f"{r.who} → {short(r.what, 6)}: {sign[int(r.polarity)]}" for r in st.itertuples(index=False)]
        out.append(f"- **Stance.** {'; '.join(items)}." if items else
                   "- **Stance.** No statement takes a positive or negative stance toward a target.")
    else:
        out.append("- **Stance.** No `stances.csv` in this run; tone is not stance (see 05_sentiment).")
    return out


def _numbers(t: dict) -> list[str]:
    c = t.get("claims")
    if c is None or c.empty:
        return ["- **Numbers.** No numeric claims in this run." if c is not None else
                "- **Numbers.** `claims.csv` not written yet (06_report computes it)."]
    tallies = c[c["event"] != ""]
    items = []
    for counted, g in tallies.groupby("counted", sort=False):
        said = []
        for (text, src), h in g.groupby(["text", "source"], sort=False):
            said.append(f"{text} ({src}{', ' + str(len(h)) + ' times' if len(h) > 1 else ''})")
        items.append(f"{counted}: {', '.join(said[:4])}")
    others = c[c["event"] == ""]
    other = [(f"{r.text} ({r.counted})" if r.unit == "factor" else f"{r.text} {r.counted}").strip()
             for r in others.drop_duplicates(["text", "counted"]).itertuples(index=False)]
    line = f"- **Numbers.** {len(c)} numeric claims"
    if items:
        line += ". Tallies: " + "; ".join(items[:6])
    if other:
        line += ". Other quantities: " + "; ".join(other[:6])
    out = [line + "."]
    flagged = c[c["inconsistent"]]
    if len(flagged):
        parts = []
        for aid, g in flagged.groupby("article_id", sort=True):
            ids = dict(zip(g["claim_id"], g.itertuples(index=False)))
            seen = set()
            for r in g.itertuples(index=False):
                for j in (int(x) for x in r.conflicts_with.split(";") if x):
                    pair = tuple(sorted((r.claim_id, j)))
                    if pair in seen or j not in ids:
                        continue
                    seen.add(pair)
                    a, b = ids[pair[0]], ids[pair[1]]
                    if a.source != b.source:
                        parts.append(f"“{a.text}” ({a.source}) against “{b.text}” ({b.source}), {a.counted}: "
                                     "contested (two sources disagree)")
                    else:
                        parts.append(f"“{a.text}” against “{b.text}”, {a.counted}, both from {a.source}: "
                                     "inconsistent (one source, incompatible numbers)")
        out.append(f"- **Clashing numbers.** {'; '.join(parts[:6])}.")
    else:
        out.append("- **Clashing numbers.** No two claims about the same tally contradict each other.")
    return out


def _framing(t: dict) -> list[str]:
    sq = t.get("scare_quotes")
    if sq is None or sq.empty:
        return []
    terms = [f"“{r.term}” ({r.reason})" for r in sq.drop_duplicates("term").head(6).itertuples(index=False)]
    n = len(sq)
    return [f"- **Framing.** {n} quoted term{'s' if n != 1 else ''} set apart without a speaker: {', '.join(terms)}."]


def _actors(t: dict) -> list[str]:
    m = t.get("mentions")
    if m is None or m.empty:
        return []
    key = m["canonical_name"].where(m["canonical_name"] != "", m["mention"])
    top = key.value_counts(sort=False).sort_values(ascending=False, kind="stable").head(5)
    return [f"- **Actors mentioned most.** {', '.join(f'{k} ({v})' for k, v in top.items())}."]


def findings_markdown(t: dict[str, pd.DataFrame], figure: str | None = None) -> str:
    """The run's findings as Markdown bullet points (generated: they hold for any run), then ``figure`` if given."""
    n_articles = len(t["articles"]) if "articles" in t else t["quotes"]["article_id"].nunique()
    lines = (_who(t["quotes"], n_articles) + _tone(t) + _numbers(t) + _framing(t) + _actors(t))
    if figure:
        lines += ["", f"![Who is quoted how much, and in what tone]({figure})"]
    return "\n".join(lines) + "\n"


def findings_table(t: dict[str, pd.DataFrame], article_id: str | None = None, words: int = 14) -> pd.DataFrame:
    """One row per statement: speaker, source type, what was said (short), cue (class), tone, stance targets and
    the numeric claims inside it. Columns missing from this run's tables show as empty."""
    q = t["quotes"]
    if article_id is not None:
        q = q[q["article_id"] == article_id]
    q = q.sort_values(["article_id", "quote_start", "quote_end"], kind="stable")
    # one article's rows of the other tables (every lookup below is keyed by article when the table has one)
    mine = (lambda df: df[df["article_id"] == article_id] if article_id is not None and "article_id" in df.columns
            else df)
    tone = mine(t.get("sentiment_quotes", pd.DataFrame()))
    tone_of = ({(r.article_id, r.quote_start, r.quote_end): f"{r.vader_label} ({r.vader:+.2f})"
                for r in tone.itertuples(index=False)} if "vader" in tone.columns else {})
    st = mine(t.get("stances", pd.DataFrame()))
    claims = mine(t.get("claims", pd.DataFrame()))
    # stances and claims indexed once (a statement's own rows in table order), so the table is linear in statements
    sign = {1: "+", -1: "−", 0: "0"}
    targets_of: dict[tuple, list[str]] = {}
    if "target_text" in st.columns:
        aids = st["article_id"] if "article_id" in st.columns else pd.Series("", index=st.index)
        for aid, x in zip(aids, st.itertuples(index=False)):
            key = (aid, x.quote_start) if "article_id" in st.columns else x.quote_start
            targets_of.setdefault(key, []).append(f"{x.target_actor or x.target_text} "
                                                  f"({sign.get(int(x.polarity), '0')})")
    claims_of: dict[str, tuple[list[int], list]] = {}
    if "start" in claims.columns:
        for i, x in enumerate(claims.sort_values(["article_id", "start"], kind="stable").itertuples(index=False)):
            starts, items = claims_of.setdefault(x.article_id, ([], []))
            starts.append(x.start)
            items.append(x)
    rows = []
    for r in q.itertuples(index=False):
        k = (r.article_id, r.quote_start, r.quote_end)
        targets = "; ".join(targets_of.get((r.article_id, r.quote_start) if "article_id" in st.columns
                                           else r.quote_start, []))
        inside = ""
        if r.article_id in claims_of:
            starts, items = claims_of[r.article_id]
            lo, hi = bisect_left(starts, r.quote_start), bisect_right(starts, r.quote_end)
            inside = "; ".join(f"{x.text} {x.counted}".strip() + (" ⚑" if x.inconsistent else "")
                               for x in items[lo:hi] if x.end <= r.quote_end)
        cue_class = getattr(r, "cue_class", "")
        rows.append({
            "speaker": getattr(r, "actor", "") or r.speaker or "(no speaker)",
            "source type": getattr(r, "source_type", ""),
            "what was said": short(r.quote_text, words), "kind": r.kind,
            "cue": f"{r.cue} ({cue_class})" if cue_class else r.cue,
            "tone": tone_of.get(k, ""), "stance targets": targets, "claims": inside,
        })
    return pd.DataFrame(rows, columns=["speaker", "source type", "what was said", "kind", "cue", "tone",
                                       "stance targets", "claims"])


def overview_figure(t: dict[str, pd.DataFrame], max_speakers: int = 12):
    """Who is quoted how much (words quoted, stacked by kind; n statements in each label) and in what tone
    (each statement's VADER score as a dot; a mean only with three or more statements)."""
    import matplotlib.pyplot as plt

    q = _counted(t["quotes"]).assign(_who=speaker_groups, _w=lambda d: d["quote_text"].map(_words))
    by = q.groupby("_who").agg(words=("_w", "sum"), first=("quote_start", "min")).sort_values(
        ["words", "first"], ascending=[False, True], kind="stable")
    unnamed = by.index[by.index.isin(UNNAMED)].tolist()  # drawn last, whatever their share
    order = by.index[~by.index.isin(UNNAMED)][:max(max_speakers - len(unnamed), 1)].tolist() + unnamed
    tone = t.get("sentiment_quotes", pd.DataFrame())
    with plots.style():
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(plots.WIDTH, 0.45 * max(len(order), 2) + 1.6), sharey=True,
                                       gridspec_kw={"width_ratios": [1.2, 1]})
        left = pd.Series(0.0, index=order)
        for kind in plots.PALETTES["kind"]:
            w = q[q["kind"] == kind].groupby("_who")["_w"].sum().reindex(order, fill_value=0)
            ax1.barh(range(len(order)), w.values, left=left.values, color=plots.colour("kind", kind),
                     hatch=plots.hatch("kind", kind), edgecolor="#333333", linewidth=0.5, label=kind)
            left += w
        n = q.groupby("_who").size()
        ax1.set_yticks(range(len(order)), [plots.n_label(k, int(n[k])) for k in order])
        ax1.set_ylim(len(order) - 0.5, -0.5)
        ax1.set_xlabel("words quoted (n = statements)")
        ax1.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14 - 0.6 / max(len(order), 2)), ncol=3, frameon=False)
        ax1.set_title("Who is quoted, how much")
        if "vader" in tone.columns and len(tone):
            # the statements counted on the left, each under the same speaker key as there
            who = dict(zip(zip(q["article_id"], q["quote_start"], q["quote_end"]), q["_who"]))
            tone_keys = list(zip(tone["article_id"], tone["quote_start"], tone["quote_end"]))
            tone = tone[[k in who for k in tone_keys]]
            tone = tone.assign(_who=[who[k] for k in tone_keys if k in who])
            groups = {k: [] for k in order}
            for k, v in zip(tone["_who"], tone["vader"]):
                if k in groups:
                    groups[k].append(v)
            ax2.axvspan(-0.05, 0.05, color="#EEEEEE", zorder=0)
            for y, k in enumerate(order):
                vals = groups[k]
                for pol in plots.PALETTES["polarity"]:  # one scatter per polarity and row, however many statements
                    xs = [x for x in vals if ("negative" if x < -0.05 else "positive" if x > 0.05 else "neutral") == pol]
                    if xs:
                        ax2.scatter(xs, [y] * len(xs), s=46, color=plots.colour("polarity", pol),
                                    marker=plots.marker("polarity", pol), edgecolor="#333333", linewidth=0.5, zorder=3)
                if len(vals) >= plots.MIN_FOR_SUMMARY:
                    m = sum(vals) / len(vals)
                    ax2.plot([m, m], [y - 0.3, y + 0.3], color="black", lw=2.5, zorder=4)
            ax2.set_xlim(-1.05, 1.05)
            ax2.set_xlabel("statement tone (VADER, −1 … +1)")
            handles = [plt.Line2D([], [], ls="", marker=plots.marker("polarity", p), color=plots.colour("polarity", p),
                                  markeredgecolor="#333333", label=p) for p in plots.PALETTES["polarity"]]
            handles.append(plt.Line2D([], [], color="black", lw=2.5, label=f"mean (n ≥ {plots.MIN_FOR_SUMMARY})"))
            ax2.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.14 - 0.6 / max(len(order), 2)),
                       ncol=2, frameon=False, fontsize=8)
            ax2.set_title("In what tone (one dot per statement)")
        else:
            ax2.text(0.5, 0.5, "no statement tone in this run", ha="center", va="center", transform=ax2.transAxes)
            ax2.set_axis_off()
        fig.tight_layout()
    return fig


def readme_block(processed: str | Path, figure: str = "reports/figures/06_overview.png") -> str:
    """The README's findings block for the tables in ``processed`` (markers included)."""
    t = load_tables(processed)
    if "quotes" not in t:
        raise InputError(Path(processed) / "quotes.csv", "table not found (run `make report` first)")
    ids = sorted(t["articles"]["article_id"]) if "articles" in t else sorted(set(t["quotes"]["article_id"]))
    what = f"the article `{ids[0]}`" if len(ids) == 1 else f"{len(ids)} articles"
    head = (f"**Findings on {what}** (generated by `make report` from `data/processed/`; "
            "details in [`notebooks/06_report.ipynb`](notebooks/06_report.ipynb) and `reports/report.html`):")
    return f"{START}\n{head}\n\n{findings_markdown(t, figure)}{END}"


def splice_readme(readme: str, block: str) -> str:
    """``readme`` with the text between the findings markers replaced by ``block`` (markers included).

    >>> splice_readme("# T\\n\\nintro\\n<!-- findings:start -->\\nold\\n<!-- findings:end -->\\nrest", "NEW")
    '# T\\n\\nintro\\nNEW\\nrest'
    """
    i, j = readme.find(START), readme.find(END)
    if i < 0 or j < i:
        raise ValueError(f"README has no {START} ... {END} block")
    return readme[:i] + block + readme[j + len(END):]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="The HTML report and the README's findings block.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("html", help="write the executed notebooks as one offline HTML page without code")
    h.add_argument("output")
    h.add_argument("notebooks", nargs="+")
    r = sub.add_parser("readme", help="regenerate the README's findings block from the tables")
    r.add_argument("readme")
    r.add_argument("processed", nargs="?", default="data/processed")
    args = ap.parse_args(argv)
    if args.cmd == "html":  # the page is helpers.reportpage's (what `make report` runs)
        return reportpage.main([args.output, *args.notebooks])
    try:
        path = Path(args.readme)
        old = path.read_text(encoding="utf-8")
        new = splice_readme(old, readme_block(args.processed))
        if new != old:
            write_bytes_atomic(path, new.encode("utf-8"))
        print(f"wrote {args.readme}")
    except (InputError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
