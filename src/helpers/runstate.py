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
    """Print the run's failures and a summary line; 1 when any article failed, else 0 (and touch ``stamp``)."""
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


def prepare(raw_dir: str, out_dir: str = "") -> str:
    """Refresh a run's ``raw.listing`` and drop stamps whose outputs are gone; return the stamp folder."""
    stamps = Path(stamp_dir(out_dir))
    nb_out = Path(out_dir) / "notebooks" if out_dir else Path("notebooks")
    if stamps.is_dir():
        for stamp in stamps.iterdir():
            if re.fullmatch(r"[0-9]{2}_[a-z][a-z0-9_]*", stamp.name) and not (nb_out / f"{stamp.name}.ipynb").is_file():
                stamp.unlink()
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
        print(prepare(argv[2], argv[3] if len(argv) == 4 else ""))
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
