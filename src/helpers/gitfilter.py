"""A git clean filter for notebooks: what git stores is the notebook as ``make report`` leaves it.

Running a notebook in JupyterLab changes bytes that are not results: execution counts (a second Run All numbers
cells 8..14), per-cell timestamps, widget state, collapsed outputs, the kernel's display name. ``.gitattributes``
sends every ``*.ipynb`` through this filter (``filter=nbnormalise``); ``make setup-git`` (run by ``make lab``)
tells git the command::

    git config filter.nbnormalise.clean ".venv/bin/python -m helpers.gitfilter"

Git then stores (and ``git diff``/``git status`` compare) :func:`clean` of the working file: run-to-run noise
vanishes from diffs, while a changed output, source or parameter still shows. The working file itself is never
modified. Without the filter configured (a fresh clone before ``make lab``), git ignores the attribute; the chain
test then still fails on execution counts that are not 1..n (:func:`helpers.notebooks.execution_counts_in_order`).

:func:`normalise` and :func:`canonical_bytes` are also what ``make report`` writes (``helpers.notebooks`` uses them),
so a committed notebook passes through the filter unchanged.

The filter never loses content: input that is not a notebook (a merge conflict, a half-written file) passes
through unchanged, with a one-line warning on stderr.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1", execution_count=12)])
>>> nb.cells[0].metadata["execution"] = {"iopub.status.busy": "2026-01-01T10:00:00"}
>>> cleaned = clean(nbformat.writes(nb))
>>> '"execution_count": 1' in cleaned and "iopub" not in cleaned
True
>>> clean(cleaned) == cleaned
True
>>> clean("<<<<<<< HEAD") == "<<<<<<< HEAD"
True
"""
from __future__ import annotations

import contextlib
import sys


@contextlib.contextmanager
def without_iri_checker():
    """Import Jupyter's libraries (nbformat, papermill, nbconvert) inside this block without ``rfc3987_syntax``.

    nbformat imports jsonschema, whose format checkers import the optional ``rfc3987_syntax`` when it is installed
    (jupyter-events brings it): that import compiles 38 lark grammars, 1.3-1.6 s, a third of a notebook run's fixed
    cost and most of a git filter call. It only serves jsonschema's ``iri`` format checker, which the notebook schema
    never uses (nbformat validates without format checkers), so it is hidden while jsonschema is first imported
    (``None`` in ``sys.modules`` makes the import raise ImportError, which jsonschema expects) and visible afterwards.
    Nothing changes when jsonschema was already imported.
    """
    hide = "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules
    if hide:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if hide and sys.modules.get("rfc3987_syntax", False) is None:
            del sys.modules["rfc3987_syntax"]


with without_iri_checker():
    import nbformat


VOLATILE_NOTEBOOK_METADATA = ("widgets",)
#: Per-cell UI and run state: papermill timings, the Lab's execution timestamps (its recordTiming setting), output
#: collapsing/scrolling and collapsed headings.
VOLATILE_CELL_METADATA = ("papermill", "execution", "collapsed", "scrolled", "jp-MarkdownHeadingCollapsed")
#: The kernelspec display name the project's kernel (ipykernel's ``python3``) has in JupyterLab, which the Lab writes
#: into a notebook when it opens one: committed notebooks carry it, so saving one unchanged changes no byte.
KERNEL_DISPLAY_NAME = "Python 3 (ipykernel)"
#: The MIME type of a widget view output (an ipywidgets progress bar from ``tqdm.auto`` in JupyterLab).
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _coalesced(outputs: list) -> list:
    """``outputs`` with each run of consecutive stream outputs of one stream (stdout, stderr) joined into one: how
    a kernel chunks a cell's printing depends on timing (one ``print`` can arrive in two messages on a busy
    machine), so only the joined text is reproducible. (Like nbconvert's ``coalesce_streams``, without its import.)

    >>> out = [nbformat.v4.new_output("stream", name="stdout", text="wrote a"),
    ...        nbformat.v4.new_output("stream", name="stdout", text=" (1, 2)\\n")]
    >>> [o.text for o in _coalesced(out)]
    ['wrote a (1, 2)\\n']
    """
    merged: list = []
    for o in outputs:
        prev = merged[-1] if merged else None
        if (prev is not None and o.get("output_type") == "stream" and prev.get("output_type") == "stream"
                and o.get("name") == prev.get("name")):
            prev["text"] = prev.get("text", "") + o.get("text", "")
        else:
            merged.append(o)
    return merged


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop run-specific metadata (timings, paths, timestamps, UI state), number executed cells 1..n in order and
    name the kernel as the Lab does, so identical results give identical files (in place; returns ``nb``).

    Widget views (a progress bar run in JupyterLab: :data:`WIDGET_VIEW` outputs) are dropped too: their state is not
    kept (``widgets`` metadata is volatile), so outside a live kernel they show nothing, and each run has new ids.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", execution_count=7),
    ...                                      nbformat.v4.new_code_cell("", execution_count=None)])
    >>> nb.cells[0].outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "1"}, execution_count=7)]
    >>> nb = normalise(nb)
    >>> nb.cells[0].execution_count, nb.cells[0].outputs[0].execution_count, nb.cells[1].execution_count
    (1, 1, None)
    """
    for key in VOLATILE_NOTEBOOK_METADATA:
        nb.metadata.pop(key, None)
    pm = nb.metadata.get("papermill")
    if pm is not None:
        nb.metadata["papermill"] = {"parameters": pm.get("parameters", {})}
        if not nb.metadata["papermill"]["parameters"]:
            del nb.metadata["papermill"]
    spec = nb.metadata.get("kernelspec")
    if spec is not None and spec.get("name") == "python3":
        spec["display_name"] = KERNEL_DISPLAY_NAME
    count = 0
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []) and "id" in cell:
            cell["id"] = "injected-parameters"  # papermill gives it a random id: fixed, so runs stay byte-identical
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            count += 1
            cell.execution_count = count
            cell.outputs = _coalesced([o for o in cell.get("outputs", [])
                                       if not (o.get("output_type") == "display_data"
                                               and WIDGET_VIEW in o.get("data", {}))])
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = count
    return nb


def canonical_bytes(nb: nbformat.NotebookNode) -> bytes:
    """The bytes JupyterLab 4 saves for ``nb`` (jupyter_server writes ``nbformat.writes(nb)`` and a final newline).

    >>> canonical_bytes(nbformat.v4.new_notebook()).endswith(b"}\\n")
    True
    """
    text = nbformat.writes(nb, version=nbformat.NO_CONVERT)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def execution_counts_in_order(nb: nbformat.NotebookNode) -> bool:
    """True when the executed code cells are numbered 1..n top to bottom, as one Run All (or papermill) leaves
    them (blank code cells, which are never run, aside); False after cells were re-run or run out of order, when
    the outputs may not be what the code gives.

    >>> cells = [nbformat.v4.new_code_cell("x", execution_count=n) for n in (1, 2, 5)]
    >>> execution_counts_in_order(nbformat.v4.new_notebook(cells=cells))
    False
    """
    counts = [c.get("execution_count") for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    return counts == list(range(1, len(counts) + 1))


def clean(text: str) -> str:
    """The normalised notebook JSON for ``text`` (idempotent); ``text`` unchanged if it is not a notebook."""
    return _clean(text)[0]


def _clean(text: str) -> tuple[str, str]:
    try:
        nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
        return canonical_bytes(normalise(nb)).decode("utf-8"), ""
    except Exception as exc:  # noqa: BLE001 - whatever cannot be read is stored as it is
        return text, (str(exc).splitlines() or [type(exc).__name__])[0]


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.gitfilter [PATH]``: stdin to stdout (PATH, git's ``%f``, only names the file in warnings)."""
    argv = sys.argv[1:] if argv is None else argv
    name = argv[0] if argv else "<stdin>"
    data = sys.stdin.buffer.read()
    try:
        out, problem = _clean(data.decode("utf-8"))
    except UnicodeDecodeError:
        out, problem = "", "not UTF-8"
    if problem:
        print(f"warning: {name}: not a readable notebook, stored unchanged ({problem})", file=sys.stderr)
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.buffer.write(out.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
