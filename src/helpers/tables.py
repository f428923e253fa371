"""Table schemas, validated CSV reading and atomic writing, and one-line input errors.

Every processed table has a schema: an ordered list of :class:`Column` (name, dtype, description).
The schema is the single source of the data dictionary (``make dictionary`` writes
``reports/data_dictionary.md`` from the schemas of every stage), of the column order on disk, and of the
dtypes a reader gets back.

Writing is atomic: a table is written to a temporary file in the same folder and moved over the target
with :func:`os.replace`, so a killed run leaves either the old file or the new one, never half a file.
CSV bytes are deterministic: fixed column order, ``\\n`` line ends, UTF-8, no index.
"""
from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .runstate import atomic_file  # noqa: F401 (the project's atomic writer, stdlib-only; re-exported here)


class InputError(Exception):
    """Bad input: the message is one line and names the file and the problem.

    Notebooks and scripts show ``str(err)`` and stop; they never show a traceback for bad input.
    """

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # "str", "int", "float" or "bool"
    description: str


_PANDAS_DTYPES = {"str": "string", "int": "int64", "float": "float64", "bool": "bool"}


def empty_frame(schema: list[Column]) -> pd.DataFrame:
    """An empty table with the schema's columns and dtypes."""
    return conform(pd.DataFrame({c.name: [] for c in schema}), schema)


def conform(df: pd.DataFrame, schema: list[Column]) -> pd.DataFrame:
    """Return ``df`` with exactly the schema's columns, in order, cast to the schema's dtypes.

    Raises ``ValueError`` naming missing columns: a schema mismatch is a programming error.
    Missing text is ``""``; other cells are cast as ``astype`` casts them. The columns are converted one by one
    into one new frame (cheap for the small per-article frames of a corpus run); a text column whose cells are
    all ``str`` already is taken as it is.

    >>> s = [Column("a", "str", ""), Column("n", "int", "")]
    >>> t = conform(pd.DataFrame({"n": [2, 1], "a": ["x", None], "z": [0, 0]}, index=[7, 3]), s)
    >>> t.to_dict("list"), [str(d) for d in t.dtypes], list(t.index)
    ({'a': ['x', ''], 'n': [2, 1]}, ['string', 'int64'], [0, 1])
    """
    missing = [c.name for c in schema if c.name not in df.columns]
    if missing:
        raise ValueError(f"table lacks columns {missing}")
    if not df.columns.is_unique:  # a repeated column name: cast a copy in place
        out = df.loc[:, [c.name for c in schema]].copy()
        for c in schema:
            if c.dtype == "str":
                out[c.name] = out[c.name].fillna("").astype(str).astype("string")
            else:
                out[c.name] = out[c.name].astype(_PANDAS_DTYPES[c.dtype])
        return out.reset_index(drop=True)
    cols = {}
    for c in schema:
        s = df[c.name]
        if c.dtype == "str":
            text = s.to_numpy(dtype=object) if s.dtype == object or isinstance(s.dtype, pd.StringDtype) else None
            if text is not None and pd.api.types.infer_dtype(text, skipna=False) in ("string", "empty"):
                cols[c.name] = pd.array(text, dtype="string")  # all cells are str: fillna, astype(str) change nothing
            else:
                cols[c.name] = s.fillna("").astype(str).astype("string").array
        else:
            want = pd.api.types.pandas_dtype(_PANDAS_DTYPES[c.dtype])
            cols[c.name] = s.to_numpy() if s.dtype == want else s.astype(want).to_numpy()
    return pd.DataFrame(cols, index=pd.RangeIndex(len(df)))


def write_table(df: pd.DataFrame, path: str | os.PathLike, schema: list[Column] | None = None) -> Path:
    """Write ``df`` as CSV atomically (temp file + ``os.replace``); conform to ``schema`` first if given.

    The CSV is streamed into the temp file (no second copy of a large table as one string in memory)."""
    with table_writer(path, schema) as write:
        write(df)
    return Path(path)


@contextlib.contextmanager
def table_writer(path: str | os.PathLike, schema: list[Column] | None = None):
    """A table written part by part: ``with table_writer(path, schema) as write: write(part)`` for each part (a
    DataFrame, or a dict of equally long column lists), conformed to ``schema`` and appended to one CSV. The file
    is the bytes :func:`write_table` writes for all the parts concatenated, and is atomic the same way: it
    replaces ``path`` only when the block ends without an error. A table too large for memory is written without
    ever being whole (notebook 02's tokens). No part at all: the schema's header alone.

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "t.csv"; s = [Column("a", "str", ""), Column("n", "int", "")]
    >>> with table_writer(p, s) as write:
    ...     write({"a": ["x"], "n": [1]}); write(pd.DataFrame({"n": [2], "a": ["y, z"]}))
    >>> print(p.read_text(), end="")
    a,n
    x,1
    "y, z",2
    """
    header = [True]

    with atomic_file(path) as fh, io.TextIOWrapper(fh, encoding="utf-8", newline="") as text:
        def write(part) -> None:
            df = part if isinstance(part, pd.DataFrame) else pd.DataFrame(part)
            if schema is not None:
                df = conform(df, schema)
            if len(df) or header[0]:
                df.to_csv(text, index=False, header=header[0], lineterminator="\n")
                header[0] = False

        yield write
        if header[0] and schema is not None:  # nothing written: the header of an empty table
            write(empty_frame(schema))


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically: temp file in the same folder, fsync, ``os.replace``."""
    with atomic_file(path) as fh:
        fh.write(data)
    return Path(path)


def read_table(path: str | os.PathLike, schema: list[Column] | None = None) -> pd.DataFrame:
    """Read a processed table; with ``schema``, check its columns and restore the dtypes.

    Empty text cells come back as ``""`` (never NaN). A missing file or missing column raises
    :class:`InputError` with a one-line message naming the file.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "table not found (run the earlier notebooks first: `make report`)")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise InputError(path, f"not a readable CSV table ({str(exc).splitlines()[0]})") from None
    if schema is None:
        return df
    missing = [c.name for c in schema if c.name not in df.columns]
    if missing:
        raise InputError(path, f"missing columns {missing}")
    for c in schema:
        if c.dtype in ("int", "float"):
            df[c.name] = pd.to_numeric(df[c.name])
        elif c.dtype == "bool":
            df[c.name] = df[c.name].map({"True": True, "False": False})
    return conform(df, schema)


def data_dictionary(tables: dict[str, list[Column]]) -> str:
    """Markdown data dictionary: one section per table, one row per column."""
    lines = ["# Data dictionary", "", "Generated from the schemas in `src/helpers` (`make dictionary`).", ""]
    for name, schema in tables.items():
        lines += [f"## `{name}.csv`", "", "| column | type | meaning |", "| --- | --- | --- |"]
        lines += [f"| `{c.name}` | {c.dtype} | {c.description} |" for c in schema]
        lines.append("")
    return "\n".join(lines)
