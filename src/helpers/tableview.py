"""Tables for reading in a notebook: text left-aligned and wrapped, line breaks shown as breaks.

pandas' own notebook display right-aligns every cell, cuts text at ``display.max_colwidth`` and shows a quote that
spans two paragraphs with a literal ``\\n\\n``. :func:`show` returns an object that JupyterLab, nbconvert's HTML
report and GitHub's notebook renderer all display as a plain HTML table:

- text cells left-aligned and wrapped, whole (no ``...``), line breaks as ``<br>``, which every renderer keeps;
  GitHub drops ``<style>`` blocks and ``style`` attributes, so alignment is given twice: ``align`` for GitHub,
  an inline ``style`` for JupyterLab and the HTML report (whose stylesheets right-align table cells);
- numbers right-aligned, floats with ``digits`` decimals;
- the same bytes on every run (no random element ids, no memory addresses), so committed notebooks stay
  reproducible, and a text/plain form for terminals and diffs.

>>> import pandas as pd
>>> t = show(pd.DataFrame({"speaker": ["Blinken"], "quote": ["We urge restraint.\\n\\nAnd calm."], "vader": [0.25]}))
>>> print(t._repr_html_())  # doctest: +NORMALIZE_WHITESPACE
<table class="dataframe helpers-table">
<thead><tr><th align="left" style="text-align: left;">speaker</th><th align="left" style="text-align: left;">quote</th><th
align="right" style="text-align: right;">vader</th></tr></thead>
<tbody>
<tr><td align="left" style="text-align: left; white-space: pre-wrap;">Blinken</td><td align="left" style="text-align:
left; white-space: pre-wrap;">We urge restraint.<br><br>And calm.</td><td align="right" style="text-align:
right;">0.250</td></tr>
</tbody>
</table>
"""
from __future__ import annotations

import html

import pandas as pd

# (header, cell) attributes: inline styles for the Lab and the HTML report, `align` for GitHub, which drops styles
_TEXT = ('align="left" style="text-align: left;"', 'align="left" style="text-align: left; white-space: pre-wrap;"')
_NUMBER = ('align="right" style="text-align: right;"', 'align="right" style="text-align: right;"')


class Table:
    """A table as notebooks display it (see :func:`show`); ``.frame`` is the DataFrame shown."""

    def __init__(self, frame: pd.DataFrame, max_rows: int, digits: int):
        self.frame, self.max_rows, self.digits = frame, max_rows, digits

    def _cell(self, value) -> str:
        if isinstance(value, float):
            return "" if pd.isna(value) else f"{value:.{self.digits}f}"
        if value is None or value is pd.NA:
            return ""
        return str(value)

    def _is_text(self, column) -> bool:
        dtype = self.frame[column].dtype
        return not (pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype))

    def _rows(self) -> tuple[pd.DataFrame, int]:
        shown = self.frame if self.max_rows <= 0 else self.frame.head(self.max_rows)
        return shown, len(self.frame) - len(shown)

    def _repr_html_(self) -> str:
        shown, hidden = self._rows()
        styles = [_TEXT if self._is_text(c) else _NUMBER for c in shown.columns]
        head = "".join(f'<th {s[0]}>{html.escape(str(c))}</th>' for c, s in zip(shown.columns, styles))
        body = []
        for row in shown.itertuples(index=False, name=None):
            cells = "".join(f'<td {s[1]}>{html.escape(self._cell(v)).replace(chr(10), "<br>")}</td>'
                            for v, s in zip(row, styles))
            body.append(f"<tr>{cells}</tr>")
        more = f"\n<p>... {hidden} more row(s), {len(self.frame)} in all</p>" if hidden else ""
        return (f'<table class="dataframe helpers-table">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
                + "\n".join(body) + f"\n</tbody>\n</table>{more}")

    def __repr__(self) -> str:
        shown, hidden = self._rows()
        text = shown.to_string(index=False, float_format=lambda x: f"{x:.{self.digits}f}")
        return text + (f"\n... {hidden} more row(s), {len(self.frame)} in all" if hidden else "")


def show(frame: pd.DataFrame, max_rows: int = 60, digits: int = 3) -> Table:
    """Display ``frame`` with text left-aligned and wrapped and line breaks as breaks (first ``max_rows`` rows;
    0 shows all). The index is not shown: put what identifies a row in a column.

    >>> repr(show(pd.DataFrame({"n": [1, 2, 3]}), max_rows=2)).splitlines()[-1]
    '... 1 more row(s), 3 in all'
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"show() takes a pandas DataFrame, not {type(frame).__name__}")
    return Table(frame, max_rows, digits)
