"""Static figures: atomic, byte-reproducible PNG files, each with an SVG copy beside it.

Kept for the notebooks that call ``figures.save_png``; the house style (palettes, sizes, n labels) and the writer
itself live in :mod:`helpers.plots`, which new code should use directly (``plots.save``).

>>> import matplotlib; matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt, tempfile, pathlib
>>> fig, ax = plt.subplots(); _ = ax.plot([0, 1])
>>> p = save_png(fig, pathlib.Path(tempfile.mkdtemp()) / "x.png"); p.read_bytes()[:4] == b"\\x89PNG"
True
>>> p.with_suffix(".svg").exists()
True
"""
from __future__ import annotations

import os
from pathlib import Path

from .plots import DPI, save


def save_png(fig, path: str | os.PathLike, dpi: int = DPI) -> Path:
    """Save ``fig`` as PNG at ``path`` and as SVG beside it, atomically; no timestamp or version metadata, so
    reruns give the same bytes. Returns the PNG's path. (``dpi`` is fixed by :data:`helpers.plots.DPI`.)"""
    if dpi != DPI:
        raise ValueError(f"save_png: figures are written at {DPI} dpi (GitHub's width); got dpi={dpi}")
    return save(fig, path)[0]
