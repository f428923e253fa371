"""Project folders, computed from this package's own location.

Notebooks import these instead of relying on their working directory, so they run the same from
JupyterLab, from papermill in CI, or from any shell folder.

>>> from helpers import paths
>>> (paths.ROOT / "environment.yml").exists()
True
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: Data files that ship inside the package (codebooks, rule lists, word lists).
PACKAGE_DATA = PACKAGE_DIR / "data"


def find_root(start: Path = PACKAGE_DIR) -> Path:
    """The project root: ``$HELPERS_PROJECT_ROOT`` if set, else the nearest folder above ``start``
    that holds both ``environment.yml`` and ``notebooks/``."""
    env = os.environ.get("HELPERS_PROJECT_ROOT")
    if env:
        return Path(env).resolve()
    for folder in (start, *start.parents):
        if (folder / "environment.yml").is_file() and (folder / "notebooks").is_dir():
            return folder
    raise RuntimeError(
        f"{start}: no project root above this folder (looked for environment.yml beside notebooks/); "
        "install the package in editable mode (`make env`) or set HELPERS_PROJECT_ROOT"
    )


ROOT = find_root()
NOTEBOOKS = ROOT / "notebooks"
DATA_RAW = ROOT / "data" / "raw"
DATA_PROCESSED = ROOT / "data" / "processed"
REPORTS = ROOT / "reports"
FIGURES = REPORTS / "figures"


def resolve_dirs(raw_dir: str | os.PathLike | None = None, out_dir: str | os.PathLike | None = None) -> dict[str, Path]:
    """Folders for one run of the chain, from a notebook's ``raw_dir``/``out_dir`` parameters.

    With no arguments: the project's own ``data/raw``, ``data/processed`` and ``reports/figures``.
    With ``out_dir``: ``<out_dir>/data/processed`` and ``<out_dir>/reports/figures``, so a run on another
    folder never writes over the committed outputs. Relative paths are taken from the project root.

    >>> d = resolve_dirs(out_dir="/tmp/run")
    >>> str(d["processed"]), str(d["figures"])
    ('/tmp/run/data/processed', '/tmp/run/reports/figures')
    """
    raw = Path(raw_dir) if raw_dir else DATA_RAW
    raw = raw if raw.is_absolute() else ROOT / raw
    if out_dir:
        out = Path(out_dir)
        out = out if out.is_absolute() else ROOT / out
        processed, figures = out / "data" / "processed", out / "reports" / "figures"
    else:
        processed, figures = DATA_PROCESSED, FIGURES
    return {"raw": raw, "processed": processed, "figures": figures}


#: Material provided beside the project (seed, corpora): present on our machines and in CI, absent in a fork.
SHARED = ROOT.parent / "shared"
CORPORA = ("wikinews-2019-2020", "reuters21578-quotes")


def corpus_files(corpora: tuple[str, ...] = CORPORA) -> list[Path]:
    """Article files of the shared news corpora, in corpus then file order, for benchmarks and robustness tests;
    the project's own raw articles when the corpora are not beside the project."""
    files = [f for name in corpora for f in sorted((SHARED / "corpora" / name / "articles").glob("*.txt"))]
    return files or sorted(DATA_RAW.glob("*.txt"))
