"""Figure style for every notebook: one palette per meaning, greyscale- and colour-blind-safe, reproducible files.

One meaning, one palette, in every notebook (:data:`PALETTES`): statement ``kind`` (direct/mixed/indirect),
``source_type``, ``cue_class``, ``polarity`` (negative/neutral/positive), ``lexicon`` (VADER/AFINN), an actor
mention's ``resolution`` (name/title/pronoun), ``actor_type`` and ``count`` (a single series). Colours come
from the Okabe-Ito palette (Okabe & Ito 2008), matplotlib's ``tableau-colorblind10``, Paul Tol's "muted" scheme and
a ColorBrewer ramp, all designed to stay
distinct for the common colour-vision deficiencies; every category also has a hatch (:data:`HATCHES`) and a marker
(:data:`MARKERS`), so bars and points stay apart in greyscale. Meanings do not share colours where it can be
avoided (kind and polarity never do).

Sizes: :data:`WIDTH` inches at :data:`DPI` gives 800 px, the width at which GitHub shows a notebook's figures
without scaling, with fonts at least 10 pt.

A mean is never drawn without its n (:func:`n_label`), and a handful of points is shown as points, not as a
distribution (:func:`points_or_summary`: fewer than :data:`MIN_FOR_SUMMARY` values get dots only).

:func:`save` writes PNG (and, when asked, SVG) atomically and byte-reproducibly (no dates or software versions in
the metadata, a fixed SVG hash salt); notebooks call :func:`show`, which saves and shows the written PNG.

>>> import matplotlib; matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt, tempfile, pathlib
>>> colour("kind", "direct"), hatch("kind", "mixed"), n_label("Tokayev", 2)
('#CC79A7', '//', 'Tokayev (n=2)')
>>> with style():
...     fig, ax = plt.subplots()
...     drawn = points_or_summary(ax, {"a": [0.1, 0.2], "b": [0.1, -0.3, 0.5, 0.2]})
>>> drawn
{'a': 'points', 'b': 'points+mean'}
>>> out = save(fig, pathlib.Path(tempfile.mkdtemp()) / "x.png", svg=True)
>>> [p.suffix for p in out], out[0].read_bytes()[:4] == b"\\x89PNG"
(['.png', '.svg'], True)
"""
from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

from .tables import write_bytes_atomic

__all__ = ["PALETTES", "HATCHES", "MARKERS", "OKABE_ITO", "WIDTH", "DPI", "MIN_FOR_SUMMARY", "colour", "hatch",
           "marker", "category_colours", "n_label", "style", "points_or_summary", "save", "show"]

#: Okabe-Ito colour-blind-safe palette.
OKABE_ITO = {"orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442", "blue": "#0072B2",
             "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000", "grey": "#999999"}
#: matplotlib's tableau-colorblind10, for meanings with more categories than Okabe-Ito leaves free.
TAB_CB = ["#006BA4", "#FF800E", "#ABABAB", "#595959", "#5F9ED1", "#C85200", "#898989", "#A2C8EC", "#FFBC79",
          "#CFCFCF"]

PALETTES: dict[str, dict[str, str]] = {
    "kind": {"direct": OKABE_ITO["purple"], "mixed": OKABE_ITO["orange"], "indirect": OKABE_ITO["sky"]},
    "polarity": {"negative": OKABE_ITO["vermillion"], "neutral": OKABE_ITO["grey"], "positive": OKABE_ITO["blue"]},
    "lexicon": {"vader": OKABE_ITO["black"], "afinn": OKABE_ITO["grey"], "toward": OKABE_ITO["vermillion"],
                "sentence": "#BBBBBB"},
    # who a statement is attributed to, named (green) to veiled (purple): ColorBrewer PRGn, colour-blind safe and
    # apart from the kind and polarity palettes that share notebook 04 and 06 with it
    "source_type": {"person": "#1B7837", "organisation": "#7FBF7B", "document": "#D9F0D3", "vague": "#E7D4E8",
                    "anonymous": "#AF8DC3", "unresolved": "#DDDDDD", "narrator": "#FFFFFF"},
    "cue_class": {"speech": OKABE_ITO["green"], "naming": OKABE_ITO["yellow"], "request": TAB_CB[5],
                  "intention": TAB_CB[7], "belief": TAB_CB[8], "finding": TAB_CB[3]},
    # how an actor mention was resolved, ordered from explicit to inferred: dark to light brown (ColorBrewer BrBG)
    "resolution": {"name": "#8C510A", "title": "#D8B365", "pronoun": "#F6E8C3"},
    # codebook actor types (helpers.actors.ACTOR_TYPES): Paul Tol's colour-blind-safe "muted" scheme
    "actor_type": {"head of state": "#332288", "government": "#88CCEE", "security forces": "#44AA99",
                   "foreign government": "#117733", "international organisation": "#999933",
                   "civil society": "#DDCC77", "media": "#CC6677", "citizens": "#882255"},
    # a plain count with no categories (one series of bars): neutral dark grey
    "count": {"count": "#555555"},
}
_HATCH_CYCLE = ["", "//", "..", "xx", "\\\\", "oo", "--", "++"]
_MARKER_CYCLE = ["o", "s", "^", "D", "v", "P", "X", "*"]
HATCHES = {m: {k: _HATCH_CYCLE[i % len(_HATCH_CYCLE)] for i, k in enumerate(p)} for m, p in PALETTES.items()}
MARKERS = {m: {k: _MARKER_CYCLE[i % len(_MARKER_CYCLE)] for i, k in enumerate(p)} for m, p in PALETTES.items()}
#: Categorical colours for speakers and actors (display and charts), in order of first appearance.
CATEGORICAL = [OKABE_ITO[k] for k in ("blue", "vermillion", "green", "purple", "orange", "sky", "yellow")] + TAB_CB

WIDTH, DPI = 8.0, 100
MIN_FOR_SUMMARY = 3
_FALLBACK = "#777777"


def colour(meaning: str, key: str) -> str:
    """The colour of ``key`` under ``meaning`` (grey for a key the palette does not know)."""
    return PALETTES[meaning].get(str(key), _FALLBACK)


def hatch(meaning: str, key: str) -> str:
    """The hatch of ``key`` under ``meaning`` (greyscale-safe fills for bars)."""
    return HATCHES[meaning].get(str(key), "")


def marker(meaning: str, key: str) -> str:
    """The marker of ``key`` under ``meaning`` (greyscale-safe points)."""
    return MARKERS[meaning].get(str(key), "o")


def category_colours(names) -> dict[str, str]:
    """A colour per name, in the order given (e.g. speakers by first statement); cycles after 17 names.

    >>> category_colours(["Blinken", "Tokayev"])
    {'Blinken': '#0072B2', 'Tokayev': '#D55E00'}
    """
    out: dict[str, str] = {}
    for n in names:
        if n not in out:
            out[n] = CATEGORICAL[len(out) % len(CATEGORICAL)]
    return out


def n_label(name: str, n: int) -> str:
    """A category label carrying its count, for every axis where a mean or a total is drawn."""
    return f"{name} (n={n})"


RC = {
    "figure.figsize": (WIDTH, 4.0), "figure.dpi": DPI, "savefig.dpi": DPI, "font.size": 10,
    "axes.titlesize": 11, "axes.labelsize": 10, "xtick.labelsize": 9, "ytick.labelsize": 9, "legend.fontsize": 9,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": False,
    "svg.hashsalt": "helpers", "svg.fonttype": "path", "hatch.linewidth": 0.8, "hatch.color": "#333333",
}


@contextlib.contextmanager
def style():
    """The house style as a matplotlib rc context (``with plots.style(): ...``)."""
    import matplotlib as mpl
    from cycler import cycler

    rc = dict(RC, **{"axes.prop_cycle": cycler(color=CATEGORICAL[:7])})
    with mpl.rc_context(rc):
        yield


def points_or_summary(ax, groups: dict[str, list[float]], *, colour_of=None, horizontal: bool = True,
                      seed: int = 0) -> dict[str, str]:
    """One row per group: every value as a dot; the mean as a bar only with :data:`MIN_FOR_SUMMARY` or more
    values. Labels carry n. Returns ``{group: 'points' | 'points+mean'}`` (what was drawn).

    ``colour_of(group)`` gives a group's colour (default black).
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    drawn = {}
    names = list(groups)
    for y, name in enumerate(names):
        vals = np.asarray(groups[name], dtype=float)
        c = colour_of(name) if colour_of else OKABE_ITO["black"]
        jit = rng.uniform(-0.12, 0.12, len(vals)) if len(vals) > 1 else np.zeros(len(vals))
        xs, ys = (vals, y + jit) if horizontal else (y + jit, vals)
        ax.scatter(xs, ys, s=40, color=c, edgecolor="white", linewidth=0.6, zorder=3)
        if len(vals) >= MIN_FOR_SUMMARY:
            m = float(vals.mean())
            seg = ([m, m], [y - 0.3, y + 0.3]) if horizontal else ([y - 0.3, y + 0.3], [m, m])
            ax.plot(*seg, color=OKABE_ITO["black"], lw=2.5, zorder=4)
            drawn[name] = "points+mean"
        else:
            drawn[name] = "points"
    labels = [n_label(n, len(groups[n])) for n in names]
    if horizontal:
        ax.set_yticks(range(len(names)), labels)
        ax.set_ylim(len(names) - 0.5, -0.5)
    else:
        ax.set_xticks(range(len(names)), labels, rotation=30, ha="right")
    return drawn


def save(fig, path: str | os.PathLike, svg: bool | None = None) -> list[Path]:
    """Write ``fig`` as PNG at ``path``, atomically and byte-reproducibly, and as SVG beside it when ``svg`` is true
    (default: ``$HELPERS_SVG`` is ``1``, e.g. ``make report HELPERS_SVG=1`` for vector copies of every figure).
    Without an SVG, a stale one beside the PNG is removed, so no vector copy ever shows an older figure.

    (SVG is opt-in because it doubles each figure's drawing time and the notebooks and README show the PNGs.)
    """
    import matplotlib as mpl

    path = Path(path).with_suffix(".png")
    if svg is None:
        svg = os.environ.get("HELPERS_SVG", "") == "1"
    out = []
    for fmt, target, meta in (("png", path, {"Software": None}),
                              ("svg", path.with_suffix(".svg"), {"Date": None, "Creator": None})):
        if fmt == "svg" and not svg:
            target.unlink(missing_ok=True)
            continue
        buf = io.BytesIO()
        with mpl.rc_context({"svg.hashsalt": "helpers"}):
            fig.savefig(buf, format=fmt, dpi=DPI, bbox_inches="tight", metadata=meta)
        out.append(write_bytes_atomic(target, buf.getvalue()))
    return out


def show(fig, path: str | os.PathLike, svg: bool | None = None) -> None:
    """:func:`save` ``fig``, then show the PNG just written in the notebook and close ``fig``.

    The notebook shows the very bytes of the file (a reviewer sees what the README links to), and the figure is
    rendered once for both instead of again by the inline backend (about 0.15 s a figure). Outside a kernel it
    only saves and closes. Returns nothing, so a cell ending with it shows only the figure.
    """
    import matplotlib.pyplot as plt

    out = save(fig, path, svg)
    plt.close(fig)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the environment
        return
    if get_ipython() is not None:
        from IPython.display import Image, display
        display(Image(data=out[0].read_bytes(), format="png"))
