"""``reports/report.html``: the executed notebooks as one offline page without code.

``python -m helpers.reportpage OUT NOTEBOOK...`` (run by ``make report``) writes the page atomically. This module
needs nbconvert but not pandas, so the step that ends every ``make report`` does not pay for importing the table
stack (:mod:`helpers.report`, which re-exports :func:`render_html`, holds the findings layer).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from .runstate import write_if_changed

TITLE = "Who is quoted, saying what, in what tone"


class PageError(ValueError):
    """A notebook that cannot go into the page: ``path: problem`` in one line."""


def _nbconvert():
    """``(nbformat, HTMLExporter)``, imported without jsonschema's slow optional IRI checker
    (:func:`helpers.gitfilter.without_iri_checker`: 1.3-1.6 s of the 2.5 s this step took on 500 articles)."""
    from .gitfilter import without_iri_checker

    with without_iri_checker():
        import nbformat
        from nbconvert import HTMLExporter
    return nbformat, HTMLExporter


def page_order(notebooks: list[str | Path]) -> list[str | Path]:
    """The report notebook (``06_*``) first, then the chain in order.

    >>> page_order(["a/01_ingest.ipynb", "a/06_report.ipynb", "a/02_tokenize.ipynb"])
    ['a/06_report.ipynb', 'a/01_ingest.ipynb', 'a/02_tokenize.ipynb']
    """
    return sorted(notebooks, key=lambda p: (not Path(p).name.startswith("06_"), Path(p).name))


def render_html(notebooks: list[str | Path], title: str = TITLE) -> str:
    """The executed ``notebooks`` as one offline HTML page without code: nbconvert's ``lab`` template with inputs
    and prompts excluded, images embedded, and every ``<script>`` removed (the page needs none: figures are
    inline PNG, tables and the annotated article are HTML), so it opens offline and renders the same bytes."""
    nbformat, HTMLExporter = _nbconvert()

    merged = None
    for path in notebooks:
        try:
            nb = nbformat.read(str(path), as_version=4)
        except (OSError, ValueError) as exc:
            raise PageError(f"{path}: not a readable notebook ({exc})") from None
        nb.cells = [c for c in nb.cells if "parameters" not in c.metadata.get("tags", [])
                    and "injected-parameters" not in c.metadata.get("tags", [])]
        for i, c in enumerate(nb.cells):  # unique, stable ids across the merged notebooks
            c["id"] = f"{Path(path).stem}-{i}"
        if merged is None:
            merged = nb
        else:
            merged.cells.extend(nb.cells)
    if merged is None:
        raise ValueError("render_html: no notebooks given")
    merged.metadata = {"title": title, "kernelspec": merged.metadata.get("kernelspec", {}),
                       "language_info": {"name": "python"}}
    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True)
    body, _ = exporter.from_notebook_node(merged, resources={"metadata": {"name": title}})
    body = re.sub(r"<script\b[^>]*>.*?</script>\s*", "", body, flags=re.S | re.I)
    body = re.sub(r"<link\b[^>]*href=\"https?://[^>]*>\s*", "", body, flags=re.I)
    return body


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.reportpage OUT NOTEBOOK...``: write the page (a one-line error and status 1 on bad input)."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) < 2:
        print("usage: python -m helpers.reportpage OUT.html NOTEBOOK.ipynb...", file=sys.stderr)
        return 2
    try:
        write_if_changed(argv[0], render_html(page_order(argv[1:])))
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
