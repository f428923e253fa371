"""Figure style (helpers.plots): palettes, greyscale safety, n on summaries, reproducible PNG + SVG."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402

from helpers import plots  # noqa: E402


def luminance(hex_colour: str) -> float:
    r, g, b = to_rgb(hex_colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("meaning", sorted(plots.PALETTES))
def test_each_meaning_has_distinct_colours_and_hatches(meaning):
    pal = plots.PALETTES[meaning]
    assert len(set(pal.values())) == len(pal)
    assert len(set(plots.HATCHES[meaning].values())) == len(pal)
    assert len(set(plots.MARKERS[meaning].values())) == len(pal)


def test_kind_and_polarity_share_no_colour():
    assert not set(plots.PALETTES["kind"].values()) & set(plots.PALETTES["polarity"].values())


def test_polarity_is_ordered_in_greyscale_too():
    """Negative and positive differ in lightness from each other, not only in hue."""
    p = plots.PALETTES["polarity"]
    assert abs(luminance(p["negative"]) - luminance(p["positive"])) > 0.05


def test_handful_of_points_get_no_mean():
    with plots.style():
        fig, ax = plt.subplots()
        drawn = plots.points_or_summary(ax, {"one": [0.5], "two": [0.1, 0.2], "many": [0.1, 0.2, 0.3]})
    assert drawn == {"one": "points", "two": "points", "many": "points+mean"}
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["one (n=1)", "two (n=2)", "many (n=3)"]
    plt.close(fig)


def test_figure_width_fits_github():
    with plots.style():
        fig, _ = plt.subplots()
        assert fig.get_size_inches()[0] * fig.dpi == pytest.approx(800)
        plt.close(fig)


def test_save_writes_identical_png_and_svg_twice(tmp_path):
    def draw():
        with plots.style():
            fig, ax = plt.subplots()
            ax.bar(["a", "b"], [1, 2], hatch="//", color=plots.colour("kind", "mixed"))
            ax.set_title("x")
        return fig
    a = plots.save(draw(), tmp_path / "a" / "f.png", svg=True)
    b = plots.save(draw(), tmp_path / "b" / "f.png", svg=True)
    for p, q in zip(a, b):
        assert p.read_bytes() == q.read_bytes()
    svg = a[1].read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert not list((tmp_path / "a").glob("*.tmp"))


def test_show_saves_closes_and_shows_the_written_png(tmp_path, monkeypatch):
    """In a notebook, ``show`` displays the bytes of the PNG it wrote (one render for file and notebook)."""
    shown = []
    monkeypatch.setattr("IPython.get_ipython", lambda: object())  # as in a kernel
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    fig, ax = plt.subplots()
    ax.plot([0, 1], [1, 0])
    assert plots.show(fig, tmp_path / "f.png", svg=True) is None  # a cell ending with it shows only the figure
    assert not plt.fignum_exists(fig.number) and (tmp_path / "f.svg").is_file()
    assert len(shown) == 1 and shown[0].data == (tmp_path / "f.png").read_bytes()


def test_svg_is_opt_in_and_a_stale_one_is_removed(tmp_path, monkeypatch):
    fig, ax = plt.subplots()
    ax.plot([0, 1])
    monkeypatch.setenv("HELPERS_SVG", "1")
    assert [p.suffix for p in plots.save(fig, tmp_path / "f.png")] == [".png", ".svg"]
    monkeypatch.delenv("HELPERS_SVG")
    assert [p.suffix for p in plots.save(fig, tmp_path / "f.png")] == [".png"]
    assert not (tmp_path / "f.svg").exists()  # no vector copy of an older figure is left behind
    plt.close(fig)
