"""Static figures: one house style and atomic, byte-reproducible PNG files.

>>> import matplotlib; matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt, tempfile, pathlib
>>> fig, ax = plt.subplots(); _ = ax.plot([0, 1])
>>> p = save_png(fig, pathlib.Path(tempfile.mkdtemp()) / "x.png"); p.read_bytes()[:4] == b"\\x89PNG"
True
"""
from __future__ import annotations

import io
import os
from pathlib import Path

from .tables import write_bytes_atomic

DPI = 100


def save_png(fig, path: str | os.PathLike, dpi: int = DPI) -> Path:
    """Save ``fig`` as PNG at ``path`` atomically; no timestamp or version metadata, so reruns give the same bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    return write_bytes_atomic(Path(path), buf.getvalue())
