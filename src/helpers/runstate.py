"""What ``make report`` asks between notebooks, kept to the standard library so that it starts in milliseconds.

Two small commands, both run by the Makefile on every ``make report`` (a no-op run must stay under a second, so
nothing here imports pandas):

- ``python -m helpers.runstate prepare RAW_DIR [OUT_DIR]`` (run by the Makefile when it is read, before make looks
  at any file) prints the run's stamp folder, a path without spaces under ``build/stamps/`` (``build/stamps`` for
  the project's own run, ``build/stamps/runs/<name>-<hash of OUT_DIR>`` otherwise), and there:
  writes ``raw.listing`` (the raw folder's absolute path and a sorted listing of its files: name, size,
  modification time) **only when it changed**, and deletes the stamp of every notebook whose executed copy is
  missing from the output folder (so deleting outputs re-runs them). Notebook 01 depends on ``raw.listing``
  instead of on ``$(wildcard RAW_DIR/*)``, which breaks on file and folder names with spaces; stamps never sit in
  a user's folder, so no make target contains a space either. The raw folder is only listed, never written.
- ``python -m helpers.runstate outdir RAW_DIR`` prints the default output folder of a run on another raw folder,
  ``build/runs/<folder name>``.
- ``python -m helpers.runstate summary PROCESSED_DIR [STAMP]`` reads ``failures.csv`` (written by notebook 01 and
  by any stage whose per-article work failed; :mod:`helpers.notebooks` printed one ``error: <file>: <reason>`` line
  per failure as each notebook finished), prints a summary line on stderr, and exits 1 when any article failed (0 otherwise, touching ``STAMP``). So a run that
  skipped bad articles completes every notebook but still ends with a non-zero exit status.

>>> listing_text([("b c.txt", 3, 7), ("a.txt", 1, 2)]).splitlines()
['a.txt\\t1\\t2', 'b c.txt\\t3\\t7']
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import re
import sys
import tempfile
from pathlib import Path

FAILURES_FILE = "failures.csv"


def listing_text(entries: list[tuple[str, int, int]]) -> str:
    """One line per file: ``name<TAB>size<TAB>mtime_ns``, sorted by name (tabs/newlines in names escaped)."""
    def clean(name: str) -> str:
        return name.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    return "".join(f"{clean(n)}\t{s}\t{m}\n" for n, s, m in sorted(entries))


def folder_listing(raw_dir: str | os.PathLike) -> str:
    """The listing of a folder's regular files (not recursive); the folder is only read."""
    entries = []
    with os.scandir(raw_dir) as it:
        for e in it:
            if e.is_file():
                st = e.stat()
                entries.append((e.name, st.st_size, st.st_mtime_ns))
    return listing_text(entries)


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike):
    """The project's one atomic writer (here, in the standard library only, so the report page and the stamps use it
    too; :mod:`helpers.tables` writes every table through it). A binary file handle whose contents replace ``path``
    atomically when the block ends without an error (temp file in the same folder, fsync, ``os.replace``); on an
    error the temp file is removed and ``path`` is untouched."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield _KeepOpen(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class _KeepOpen(io.BufferedIOBase):
    """A writable view of a binary file that a wrapper (``io.TextIOWrapper``) may close without closing the file,
    so :func:`atomic_file` can still fsync it."""

    def __init__(self, raw):
        self._raw = raw

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        return self._raw.write(b)

    def flush(self) -> None:
        self._raw.flush()


def write_if_changed(path: str | os.PathLike, text: str) -> bool:
    """Write ``text`` to ``path`` atomically unless it already holds exactly that; return whether it wrote."""
    path = Path(path)
    data = text.encode("utf-8", "surrogateescape")
    if path.is_file() and path.read_bytes() == data:
        return False
    with atomic_file(path) as fh:
        fh.write(data)
    return True


def read_failures(processed_dir: str | os.PathLike) -> list[dict[str, str]]:
    """Rows of ``failures.csv`` in ``processed_dir`` (``[]`` when there is none)."""
    path = Path(processed_dir) / FAILURES_FILE
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def summary(processed_dir: str | os.PathLike, stamp: str | os.PathLike | None = None, stream=None) -> int:
    """Print a summary line of the run's failures (``failures.csv``; each was printed as one ``error:`` line when its
    notebook ran); 1 when any article failed, else 0 (and touch ``stamp``)."""
    stream = stream or sys.stderr
    processed = Path(processed_dir)
    failures = read_failures(processed)
    n_articles = 0
    if (processed / "articles.csv").is_file():
        with open(processed / "articles.csv", encoding="utf-8", newline="") as fh:
            n_articles = sum(1 for _ in csv.DictReader(fh))
    if failures:  # the runner printed one error line per failure as each notebook finished
        files = {f.get("file") for f in failures}
        print(f"error: {len(files)} file(s) failed in {len({f.get('stage') for f in failures})} stage(s); "
              f"{n_articles} article(s) ingested; listed in {processed / FAILURES_FILE}", file=stream)
        return 1
    if stamp:
        Path(stamp).parent.mkdir(parents=True, exist_ok=True)
        Path(stamp).touch()
    return 0


def stamp_dir(out_dir: str = "") -> str:
    """The stamp folder of a run (relative to the project root, never containing a space).

    >>> stamp_dir(""), stamp_dir("/tmp/my run")[:25]
    ('build/stamps', 'build/stamps/runs/my_run-')
    """
    if not out_dir:
        return "build/stamps"
    absolute = os.path.abspath(out_dir)
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", os.path.basename(absolute.rstrip(os.sep)) or "root")[:40]
    return f"build/stamps/runs/{name}-{hashlib.sha1(absolute.encode('utf-8', 'surrogateescape')).hexdigest()[:10]}"


def out_dir_problem(raw_dir: str | os.PathLike, out_dir: str | os.PathLike) -> str:
    """Why ``out_dir`` cannot hold the outputs of a run on ``raw_dir`` (empty when it can): the raw folder is only
    ever read, so outputs may not go into it (a generated ``manifest.csv`` there would pass for the user's own).

    >>> out_dir_problem("/data/raw", "/data/raw/out"), out_dir_problem("/data/raw", "/data/raw2")
    ('inside the raw folder /data/raw (the raw folder is only ever read: choose another OUT_DIR)', '')
    """
    raw, out = os.path.realpath(raw_dir), os.path.realpath(out_dir)
    if out == raw or out.startswith(raw.rstrip(os.sep) + os.sep):
        return f"inside the raw folder {raw_dir} (the raw folder is only ever read: choose another OUT_DIR)"
    return ""


def file_times(folders) -> dict[str, int]:
    """``{path: modification time (ns)}`` of the files in ``folders`` (not recursive; a missing folder is empty)."""
    times = {}
    for folder in folders:
        try:
            with os.scandir(folder) as it:
                times.update((e.path, e.stat().st_mtime_ns) for e in it if e.is_file())
        except OSError:
            continue
    return times


def record_outputs(out_dir: str, notebook: str, before: dict[str, int], after: dict[str, int]) -> None:
    """Keep, beside a notebook's stamp, the files its run wrote (new or changed between ``before`` and ``after``,
    :func:`file_times`), so :func:`prepare` re-runs it when one of them is deleted. A notebook running at the same
    time may add its own files to the list: a deleted table then re-runs both, never neither."""
    wrote = sorted(p for p, t in after.items() if before.get(p) != t)
    root = Path(__file__).resolve().parents[2]  # stamp folders are relative to the project root, as make runs
    write_if_changed(root / stamp_dir(out_dir) / f"{Path(notebook).stem}.outputs", "".join(p + "\n" for p in wrote))


def prepare(raw_dir: str, out_dir: str = "") -> str:
    """Refresh a run's ``raw.listing`` and drop the stamps whose outputs are gone (the executed notebook, a file
    :func:`record_outputs` listed for it, the report page); return the stamp folder."""
    stamps = Path(stamp_dir(out_dir))
    nb_out = Path(out_dir) / "notebooks" if out_dir else Path("notebooks")
    if stamps.is_dir():
        for stamp in stamps.iterdir():
            if not re.fullmatch(r"[0-9]{2}_[a-z][a-z0-9_]*", stamp.name):
                continue
            listed = stamps / f"{stamp.name}.outputs"
            wrote = listed.read_text(encoding="utf-8").splitlines() if listed.is_file() else []
            if not (nb_out / f"{stamp.name}.ipynb").is_file() or not all(os.path.isfile(p) for p in wrote):
                stamp.unlink()
        report = Path(out_dir) / "reports" / "report.html" if out_dir else Path("reports") / "report.html"
        if (stamps / "report.html").is_file() and not report.is_file():
            (stamps / "report.html").unlink()
    raw = os.path.abspath(raw_dir)
    try:
        listing = folder_listing(raw)
    except OSError as exc:  # notebook 01 reports the missing folder with its one-line error
        listing = f"unreadable: {exc.strerror}\n"
    write_if_changed(stamps / "raw.listing", f"# {raw}\n{listing}")
    return str(stamps)


def main(argv: list[str]) -> int:
    usage = ("usage: python -m helpers.runstate prepare RAW_DIR [OUT_DIR]\n"
             "       python -m helpers.runstate outdir RAW_DIR\n"
             "       python -m helpers.runstate summary PROCESSED_DIR [STAMP]")
    if len(argv) in (3, 4) and argv[1] == "prepare":
        out_dir = argv[3] if len(argv) == 4 else ""
        problem = out_dir and out_dir_problem(argv[2], out_dir)
        if problem:
            print(f"error: {out_dir}: {problem}", file=sys.stderr)
            return 2
        print(prepare(argv[2], out_dir))
        return 0
    if len(argv) == 3 and argv[1] == "outdir":
        print(os.path.join("build", "runs", os.path.basename(os.path.abspath(argv[2]).rstrip(os.sep))))
        return 0
    if len(argv) in (3, 4) and argv[1] == "summary":
        return summary(argv[2], argv[3] if len(argv) == 4 else None)
    print(usage, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
