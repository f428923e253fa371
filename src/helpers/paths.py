"""Project folders, computed from this package's own location.

Notebooks import these instead of relying on their working directory, so they run the same from
JupyterLab, from papermill in CI, or from any shell folder.

>>> from helpers import paths
>>> (paths.ROOT / "environment.yml").exists()
True
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import re
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


#: A notebook of the chain: two digits, underscore, a lower-case name (``04_quotes.ipynb``). Copies the Lab makes
#: (``04_quotes-Copy1.ipynb``), ``Untitled*.ipynb`` and anything else in notebooks/ are not part of the chain.
CHAIN_NOTEBOOK = re.compile(r"[0-9]{2}_[a-z][a-z0-9_]*\.ipynb")
#: Where exploring runs write: ``build/runs/<raw folder>`` for another raw folder (as ``make report RAW_DIR=...``),
#: ``build/lab/<notebook>-<hash>`` when only display parameters (article, actor, top_n ...) differ.
BUILD = ROOT / "build"


def chain_notebooks(folder: str | os.PathLike | None = None) -> list[Path]:
    """The chain's own notebooks in ``folder`` (default ``notebooks/``), in order; the Makefile uses the same rule.

    >>> [p.name for p in chain_notebooks()][:2]
    ['01_ingest.ipynb', '02_tokenize.ipynb']
    """
    folder = Path(folder) if folder else NOTEBOOKS
    return sorted(p for p in folder.iterdir() if p.is_file() and CHAIN_NOTEBOOK.fullmatch(p.name))


def notebook_defaults(notebook: str | os.PathLike) -> dict[str, object]:
    """The literal assignments of a notebook's ``parameters`` cell as saved on disk (``{}`` if there is none).

    ``notebook`` is a path or a chain notebook's name (``"02_tokenize"``).

    >>> notebook_defaults("01_ingest")["raw_dir"]
    ''
    """
    path = Path(notebook)
    if path.suffix != ".ipynb":
        path = NOTEBOOKS / f"{path.name}.ipynb"
    path = path if path.is_absolute() else ROOT / path
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return {}
    for cell in cells:
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            out = {}
            for node in ast.parse(source).body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    try:
                        out[node.targets[0].id] = ast.literal_eval(node.value)
                    except ValueError:
                        pass
            return out
    return {}


def _under_root(path: str | os.PathLike | None, default: Path) -> Path:
    if not path:
        return default
    path = Path(path).expanduser()
    return Path(os.path.abspath(path if path.is_absolute() else ROOT / path))  # as make's $(abspath): no symlinks


def _short(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def resolve_dirs(raw_dir: str | os.PathLike | None = None, out_dir: str | os.PathLike | None = None, *,
                 notebook: str | None = None, **params) -> dict[str, Path]:
    """Folders for one run of a notebook, from its parameters; exploring never writes over committed outputs.

    Returns ``{"raw", "processed", "figures", "reports", "out"}`` (``out``: the folder holding the other outputs);
    relative ``raw_dir``/``out_dir`` are taken from the project root (not from notebooks/, the Lab's folder):

    - defaults (``raw_dir``/``out_dir`` empty, every other parameter as saved in the notebook's ``parameters``
      cell): the project's ``data/raw``, ``data/processed``, ``reports/figures``: what ``make report`` commits;
    - ``out_dir`` set: ``<out_dir>/data/processed``, ``<out_dir>/reports/figures`` (relative paths from the root);
    - ``raw_dir`` set to another folder, no ``out_dir``: ``build/runs/<folder name>/``, the folder
      ``make report RAW_DIR=...`` fills, so 01..06 run one by one in the Lab chain through it; never data/processed;
    - only other parameters differ (``top_n``, ``article_id``, ``actor`` ... passed as keywords with ``notebook``,
      the chain notebook whose saved parameters are the defaults): ``build/lab/<notebook>-<hash>/``, which first
      gets a copy of the committed tables, so the notebook reads what it always reads and writes only there.

    Inside IPython it also makes bad input (:class:`helpers.tables.InputError`, such as a table an earlier notebook
    has not written yet) show as one line naming the file instead of a traceback.

    >>> d = resolve_dirs(out_dir="/tmp/run")
    >>> str(d["processed"]), str(d["figures"])
    ('/tmp/run/data/processed', '/tmp/run/reports/figures')
    >>> resolve_dirs(raw_dir="/tmp/other")["processed"].relative_to(ROOT).as_posix()
    exploring (raw_dir='/tmp/other'): outputs go to build/runs/other/, the committed outputs are left alone
    'build/runs/other/data/processed'
    """
    one_line_errors()
    raw = _under_root(raw_dir, DATA_RAW)
    if out_dir:
        out, why = _under_root(out_dir, ROOT), ""
    elif raw.resolve() != DATA_RAW.resolve():
        out, why = BUILD / "runs" / raw.name, f"raw_dir={_short(raw)!r}"
    else:
        defaults = notebook_defaults(notebook) if notebook else {}
        if params and not notebook:
            raise TypeError("resolve_dirs: pass notebook='NN_name' with display parameters, to compare them "
                            "with the notebook's saved defaults")
        changed = {k: v for k, v in sorted(params.items()) if k not in defaults or defaults[k] != v}
        if changed:
            key = hashlib.sha256(json.dumps(changed, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:8]
            out = BUILD / "lab" / f"{Path(str(notebook)).stem}-{key}"
            why = ", ".join(f"{k}={v!r}" for k, v in changed.items())
            _copy_tables(DATA_PROCESSED, out / "data" / "processed")
        else:
            out, why = ROOT, ""
    from .runstate import out_dir_problem
    from .tables import InputError

    problem = out_dir_problem(raw, out)
    if problem:
        raise InputError(out, problem)
    if why:
        print(f"exploring ({why}): outputs go to {_short(out)}/, the committed outputs are left alone")
    return {"raw": raw, "processed": out / "data" / "processed", "figures": out / "reports" / "figures",
            "reports": out / "reports", "out": out}


def run_dirs(notebook: str, namespace: dict) -> dict[str, Path]:
    """:func:`resolve_dirs` for a notebook, with every parameter of its ``parameters`` cell taken from ``namespace``
    (the notebook's ``globals()``), so a parameter added later is compared with its default too.

    In a notebook's first code cell: ``dirs = paths.run_dirs("02_tokenize", globals())``.

    >>> run_dirs("02_tokenize", notebook_defaults("02_tokenize"))["processed"] == DATA_PROCESSED
    True
    """
    values = {k: namespace[k] for k in notebook_defaults(notebook) if k in namespace}
    return resolve_dirs(values.pop("raw_dir", ""), values.pop("out_dir", ""), notebook=notebook, **values)


def _copy_tables(source: Path, target: Path) -> None:
    """Copy the committed tables into an exploring run's folder (atomically each, so a reader never sees half)."""
    from .tables import write_bytes_atomic

    for table in sorted(source.glob("*.csv")):
        write_bytes_atomic(target / table.name, table.read_bytes())


def one_line_errors() -> None:
    """In IPython (JupyterLab, papermill), show :class:`helpers.tables.InputError` as one line, not a traceback.

    The error still stops a Run All and fails a papermill run, whose message is that same line. Outside IPython
    this does nothing.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is part of the environment
        return
    shell = get_ipython()
    if shell is None:
        return
    from .tables import InputError

    def one_line(shell, etype, value, tb, tb_offset=None):
        stb = [f"\x1b[0;31m{etype.__name__}\x1b[0m: {value}"]
        shell._showtraceback(etype, value, stb)  # IPython leaves showing it to the handler; ipykernel sends it
        return stb

    shell.set_custom_exc((InputError,), one_line)


#: Material provided beside the project (seed, corpora): present on our machines and in CI, absent in a fork.
SHARED = ROOT.parent / "shared"
CORPORA = ("wikinews-2019-2020", "reuters21578-quotes")


def corpus_files(corpora: tuple[str, ...] = CORPORA) -> list[Path]:
    """Article files of the shared news corpora, in corpus then file order, for benchmarks and robustness tests;
    the project's own raw articles when the corpora are not beside the project."""
    files = [f for name in corpora for f in sorted((SHARED / "corpora" / name / "articles").glob("*.txt"))]
    return files or sorted(DATA_RAW.glob("*.txt"))
