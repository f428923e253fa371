"""Run a numbered notebook headlessly with papermill, normalise it, and write it atomically.

Used by ``make report`` (``python -m helpers.notebooks NOTEBOOK OUTPUT [--raw-dir D] [--out-dir D]``) and by the
chain test. What it guarantees:

- **No injected cell in committed notebooks.** Parameters are passed to papermill only when a run targets another
  folder (``RAW_DIR``/``OUT_DIR``); the default run executes the notebook's own ``parameters`` cell unchanged.
- **Atomic.** The notebook executes into a temporary file; only a successful run replaces the output, so a failed
  or killed run leaves the previous notebook in place.
- **Reproducible bytes.** :func:`normalise` drops what changes from run to run without changing results: papermill's
  timings and paths, per-cell execution timestamps, and widget state. Two runs on the same input then give
  identical files.
- **One-line errors.** A failing cell is reported as one line (the notebook, then the error's own message, which
  for bad input names the file and the problem); the executed copy with the full traceback is kept for debugging.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbformat

from .tables import write_bytes_atomic

VOLATILE_NOTEBOOK_METADATA = ("widgets",)
VOLATILE_CELL_METADATA = ("papermill", "execution", "collapsed", "scrolled")


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop run-specific metadata (timings, paths, timestamps) so identical results give identical files."""
    for key in VOLATILE_NOTEBOOK_METADATA:
        nb.metadata.pop(key, None)
    pm = nb.metadata.get("papermill")
    if pm is not None:
        nb.metadata["papermill"] = {"parameters": pm.get("parameters", {})}
        if not nb.metadata["papermill"]["parameters"]:
            del nb.metadata["papermill"]
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
    return nb


def comparable(nb: nbformat.NotebookNode) -> list[tuple]:
    """What must match between a committed notebook and a fresh run: each cell's type, source and outputs,
    excluding a papermill ``injected-parameters`` cell (present only in runs on another folder)."""
    out = []
    for cell in normalise(nb).cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            continue
        outputs = [
            {k: v for k, v in o.items() if k != "execution_count"} for o in cell.get("outputs", [])
        ]
        out.append((cell.cell_type, cell.source, repr(outputs)))
    return out


def run(notebook: str | os.PathLike, output: str | os.PathLike, raw_dir: str = "", out_dir: str = "",
        root: str | os.PathLike | None = None) -> Path:
    """Execute ``notebook`` with papermill into ``output`` (atomically, normalised)."""
    import papermill as pm

    notebook, output = Path(notebook), Path(output)
    params = {k: v for k, v in {"raw_dir": raw_dir, "out_dir": out_dir}.items() if v}
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.stem}.", suffix=".ipynb", dir=output.parent)
    os.close(fd)
    try:
        pm.execute_notebook(
            str(notebook), tmp, parameters=params, kernel_name="python3", progress_bar=False,
            log_output=False, cwd=str(root or notebook.resolve().parent.parent),
        )
    except pm.PapermillExecutionError as exc:
        fd, failed = tempfile.mkstemp(prefix=f"failed_{output.stem}_", suffix=".ipynb")  # unique per run
        os.close(fd)
        os.replace(tmp, failed)
        raise RuntimeError(f"{notebook}: {exc.evalue or exc.ename}  [executed copy: {failed}]") from None
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    nb = normalise(nbformat.read(tmp, as_version=4))
    os.unlink(tmp)
    write_bytes_atomic(output, nbformat.writes(nb).encode("utf-8") + b"\n")
    return output


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebook")
    ap.add_argument("output")
    ap.add_argument("--raw-dir", default="")
    ap.add_argument("--out-dir", default="")
    args = ap.parse_args(argv)
    try:
        run(args.notebook, args.output, args.raw_dir, args.out_dir)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
