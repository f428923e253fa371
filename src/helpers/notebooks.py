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
import signal
import sys
import tempfile
import time
from pathlib import Path

# The normalised form (also git's clean filter for notebooks) lives in helpers.gitfilter, which needs no pandas and
# imports nbformat without its slow optional IRI checker (``without_iri_checker``).
from .gitfilter import (  # noqa: F401 (re-exported: helpers.notebooks is the public home of these names)
    KERNEL_DISPLAY_NAME, VOLATILE_CELL_METADATA, VOLATILE_NOTEBOOK_METADATA, canonical_bytes,
    execution_counts_in_order, nbformat, normalise, without_iri_checker,
)
from . import runstate
from .tables import write_bytes_atomic


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


def _cell_label(executed: str | os.PathLike, cell_index: int) -> str:
    """``cell N (first line)`` for the failing cell: N counts the notebook's own cells from 1 (a papermill
    ``injected-parameters`` cell is not counted), as JupyterLab shows them."""
    try:
        cells = nbformat.read(executed, as_version=4).cells
    except Exception:  # the executed copy is only for the message: never mask the real error
        return f"cell {cell_index + 1}"
    own = [c for c in cells if not {"injected-parameters", "papermill-error-cell-tag"} & set(c.metadata.get("tags", []))]
    code = [c for c in cells if "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
    cell = code[cell_index] if cell_index < len(code) else None  # papermill's index ignores its own error cells
    position = next((i for i, c in enumerate(own) if c is cell), None)
    if position is None:
        return f"cell {cell_index + 1}"
    source = cell.source.strip().splitlines()
    first = source[0][:60] if source else ""
    return f"cell {position + 1} ({first!r})"


#: Arguments for the kernel papermill starts: none of its own log on the terminal (the "TCP without encryption"
#: notice every kernel logs at start, the message-handler traceback of a kernel stopped mid-cell by Ctrl-C or
#: ``kill``). A cell's error is reported from the executed notebook, not from this log.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]


def parallel_make(makeflags: str | None = None) -> bool:
    """Whether this process is a recipe of a ``make -jN`` run with N > 1 (another notebook may be printing to the
    same terminal): GNU make then passes a jobserver in ``MAKEFLAGS``.

    >>> parallel_make(" -j2 --jobserver-auth=fifo:/tmp/GMfifo1"), parallel_make("-j1"), parallel_make("")
    (True, False, False)
    """
    flags = os.environ.get("MAKEFLAGS", "") if makeflags is None else makeflags
    return "--jobserver-auth" in flags or "--jobserver-fds" in flags


def run(notebook: str | os.PathLike, output: str | os.PathLike, raw_dir: str = "", out_dir: str = "",
        root: str | os.PathLike | None = None) -> Path:
    """Execute ``notebook`` with papermill into ``output`` (atomically, normalised).

    The kernel runs with ``HELPERS_PROGRESS=stderr`` (unless set otherwise; ``lines`` when make runs several jobs
    at once: :func:`parallel_make`), so :mod:`helpers.corpus` progress bars go to the terminal, never into the
    executed notebook. A failing cell raises ``RuntimeError`` naming the
    notebook and the cell; the previous output is left as it was.
    """
    with without_iri_checker():
        import papermill as pm

    notebook, output = Path(notebook), Path(output)
    params = {k: v for k, v in {"raw_dir": raw_dir, "out_dir": out_dir}.items() if v}
    output.parent.mkdir(parents=True, exist_ok=True)
    previous = os.environ.get("HELPERS_PROGRESS")
    os.environ.setdefault("HELPERS_PROGRESS", "lines" if parallel_make() else "stderr")
    with tempfile.TemporaryDirectory(prefix="helpers-run-") as scratch:
        tmp = os.path.join(scratch, output.name)
        try:
            pm.execute_notebook(
                str(notebook), tmp, parameters=params, kernel_name="python3", progress_bar=False,
                log_output=False, cwd=str(root or notebook.resolve().parent.parent),
                extra_arguments=KERNEL_ARGUMENTS,
            )
        except pm.PapermillExecutionError as exc:
            fd, failed = tempfile.mkstemp(prefix=f"failed_{output.stem}_", suffix=".ipynb")  # unique per run
            os.close(fd)
            os.replace(tmp, failed)
            message = exc.evalue or (f"{exc.ename} (no error message recorded)" if exc.ename else "failed")
            raise RuntimeError(f"{notebook}, {_cell_label(failed, exc.cell_index)}: {message}  "
                               f"[executed copy: {failed}]") from None
        finally:
            if previous is None:
                os.environ.pop("HELPERS_PROGRESS", None)
        nb = normalise(nbformat.read(tmp, as_version=4))
    write_bytes_atomic(output, canonical_bytes(nb))
    return output


def report_failures(notebook: str | os.PathLike, raw_dir: str = "", out_dir: str = "", stream=None,
                    since: float = 0.0) -> int:
    """Print ``error: <file>: <reason>`` on stderr for each row of the run's ``failures.csv`` that ``notebook``'s
    stage recorded (articles it skipped), if the file was written after ``since`` (a run's start, so a failed run
    never repeats an older run's list); return how many. The run goes on: ``make report`` fails at the end."""
    stage = Path(notebook).stem
    processed = _run_dirs(raw_dir, out_dir)["processed"]
    table = Path(processed) / runstate.FAILURES_FILE
    if not table.is_file() or table.stat().st_mtime < since:
        return 0
    rows = [r for r in runstate.read_failures(processed) if r.get("stage") == stage]
    for r in rows:
        print(f"error: {r.get('file')}: {r.get('reason')}", file=stream or sys.stderr)
    return len(rows)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebook")
    ap.add_argument("output")
    ap.add_argument("--raw-dir", default="")
    ap.add_argument("--out-dir", default="")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)  # killed by make or a user: clean up like Ctrl-C does
    from .corpus import ENGINES
    engine = os.environ.get("HELPERS_ENGINE", "")
    if engine not in ("", *ENGINES):  # before any notebook runs, not in the first map several notebooks later
        print(f"error: HELPERS_ENGINE={engine!r}: not one of {', '.join(ENGINES)}", file=sys.stderr)
        return 2
    started = time.time() - 1  # file systems with one-second time stamps
    dirs = [_run_dirs(args.raw_dir, args.out_dir)[k] for k in ("processed", "figures")]  # what a notebook writes
    before = runstate.file_times(dirs)
    try:
        run(args.notebook, args.output, args.raw_dir, args.out_dir)
    except RuntimeError as exc:
        report_failures(args.notebook, args.raw_dir, args.out_dir, since=started)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"error: {args.notebook}: interrupted; {args.output} left as it was", file=sys.stderr)
        return 130
    report_failures(args.notebook, args.raw_dir, args.out_dir, since=started)
    runstate.record_outputs(args.out_dir, args.notebook, before, runstate.file_times(dirs))
    return 0


def _run_dirs(raw_dir: str, out_dir: str) -> dict[str, Path]:
    """The folders of a run (:func:`helpers.paths.resolve_dirs`); the committed ones without either folder."""
    from . import paths

    if not (raw_dir or out_dir):
        return {"processed": paths.DATA_PROCESSED, "figures": paths.FIGURES}
    return paths.resolve_dirs(raw_dir or None, out_dir or None)


if __name__ == "__main__":
    sys.exit(main())
