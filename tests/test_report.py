"""The findings layer (helpers.report): README drift guard, findings text and table, the offline HTML report."""
from __future__ import annotations

import re

import matplotlib
import nbformat
import pandas as pd
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers import paths, report

matplotlib.use("Agg")


def test_readme_findings_block_is_current():
    """The README's findings block is what `make report` generates from the committed tables."""
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    i, j = readme.index(report.START), readme.index(report.END) + len(report.END)
    assert readme[i:j] == report.readme_block(paths.DATA_PROCESSED), \
        "README findings block is stale: run `make report` (or python -m helpers.report readme README.md)"
    title_paragraph_end = readme.index("\n\n", readme.index("\n\n") + 2)
    assert i == title_paragraph_end + 2, "the findings block opens the README, right under the title paragraph"


def tables_for(quotes, **extra):
    t = {"quotes": pd.DataFrame(quotes, columns=["article_id", "kind", "quote_start", "quote_end", "quote_text",
                                                 "speaker", "actor", "cue"])}
    t.update(extra)
    return t


def test_findings_follow_the_tables():
    q = [("a", "direct", 0, 40, "We will not accept this order at all, ever.", "she", "Ana Diaz", "said"),
         ("a", "indirect", 50, 70, "the talks failed", "officials", "", "said"),
         ("a", "indirect", 80, 95, "talks resume", "Ana Diaz", "Ana Diaz", "said")]
    md = report.findings_markdown(tables_for(q))
    assert "3 statements from 2 speakers in 1 article" in md
    assert "Most quoted: Ana Diaz (2 statements, 11 words) and officials (1 statement, 3 words)" in md
    assert "1 direct, 0 mixed and 2 indirect" in md and "quoted in their own words: Ana Diaz only" in md
    assert "Source types are not in this run" in md and "not written yet" in md
    claims = pd.DataFrame({"article_id": ["a"] * 3, "claim_id": [0, 1, 2], "text": ["3", "40", "doubled"],
                           "source": ["police", "x", "narrator"], "counted": ["people killed"] * 2 + ["prices"],
                           "unit": ["people", "people", "factor"], "event": ["killed"] * 2 + [""],
                           "inconsistent": [True, True, False], "conflicts_with": ["1", "0", ""],
                           "start": [1, 60, 80], "end": [2, 62, 87]})
    md = report.findings_markdown(tables_for(q, claims=claims))
    assert "Tallies: people killed: 3 (police), 40 (x). Other quantities: doubled (prices)." in md
    assert "“3” (police) against “40” (x), people killed: contested (two sources disagree)" in md
    claims["source"] = "police"
    md = report.findings_markdown(tables_for(q, claims=claims))
    assert ("“3” against “40”, people killed, both from police: inconsistent (one source, incompatible numbers)"
            in md)


def test_findings_table_degrades_without_optional_columns():
    q = [("a", "direct", 0, 40, "We will not accept this order at all, ever.", "she", "Ana Diaz", "said")]
    ft = report.findings_table(tables_for(q), "a", words=4)
    assert ft.iloc[0].to_dict() == {"speaker": "Ana Diaz", "source type": "", "what was said": "We will not accept …",
                                    "kind": "direct", "cue": "said", "tone": "", "stance targets": "", "claims": ""}


def test_overview_figure_draws_from_the_tables():
    q = [("a", "direct", 0, 40, "We will not accept this order.", "she", "Ana Diaz", "said")]
    sq = pd.DataFrame({"article_id": ["a"], "quote_start": [0], "quote_end": [40], "actor": ["Ana Diaz"],
                       "speaker": ["she"], "vader": [-0.4]})
    fig = report.overview_figure(tables_for(q, sentiment_quotes=sq))
    ax1, ax2 = fig.axes
    assert [t.get_text() for t in ax1.get_yticklabels()] == ["Ana Diaz (n=1)"]
    assert not ax2.lines or all(len(set(l.get_xdata())) == 1 for l in ax2.lines)  # no mean bar for one point


def notebook(tmp_path, name, image=True):
    cells = [new_markdown_cell(f"# {name}"), new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
             new_code_cell("print('hi')", outputs=[new_output("stream", name="stdout", text="hi\n")])]
    if image:
        png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        cells.append(new_code_cell("plot()", outputs=[new_output("display_data", data={"image/png": png})]))
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(nb, str(path))
    return path


def test_html_report_is_offline_without_code_and_byte_stable(tmp_path):
    nbs = [notebook(tmp_path, "01_a"), notebook(tmp_path, "06_report")]
    a = report.render_html(nbs)
    assert a == report.render_html(nbs)
    assert "<script" not in a.lower()
    assert not re.search(r'(?:src|href)="https?://', a)
    assert "x = 1" not in a and "print(&#39;hi&#39;)" not in a and "print('hi')" not in a  # no code
    assert a.count('src="data:image/png;base64,') == 2


def test_main_writes_report_and_readme(tmp_path, capsys):
    nbs = [notebook(tmp_path, "01_a"), notebook(tmp_path, "06_report")]
    out = tmp_path / "r" / "report.html"
    assert report.main(["html", str(out), *map(str, nbs)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.index(">06_report<") < html.index(">01_a<")  # the findings notebook comes first
    bad = tmp_path / "README.md"
    bad.write_text("# T\n\nno markers\n", encoding="utf-8")
    assert report.main(["readme", str(bad), str(paths.DATA_PROCESSED)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err
    assert report.main(["html", str(out), str(tmp_path / "missing.ipynb")]) == 1


def test_reportpage_command_writes_the_same_page_without_pandas(tmp_path):
    """`make report` runs `python -m helpers.reportpage`: the page of `report.main html`, without importing pandas,
    with a one-line error naming a bad notebook."""
    import subprocess
    import sys

    nbs = [str(notebook(tmp_path, "01_a")), str(notebook(tmp_path, "06_report"))]
    out = tmp_path / "page.html"
    code = ("import sys\nfrom helpers import reportpage\nrc = reportpage.main(sys.argv[1:])\n"
            "print('pandas' in sys.modules, file=sys.stderr)\nsys.exit(rc)")
    run = subprocess.run([sys.executable, "-c", code, str(out), *nbs], capture_output=True, text=True)
    assert run.returncode == 0 and run.stderr.strip() == "False"
    assert report.main(["html", str(tmp_path / "same.html"), *nbs]) == 0
    assert out.read_bytes() == (tmp_path / "same.html").read_bytes()
    assert oct(out.stat().st_mode & 0o777) == "0o644"
    bad = tmp_path / "bad.ipynb"
    bad.write_text("not json", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "helpers.reportpage", str(out), str(bad)], capture_output=True,
                         text=True)
    assert run.returncode == 1 and run.stderr.startswith(f"error: {bad}: not a readable notebook")
    assert len(run.stderr.strip().splitlines()) == 1


def test_committed_report_html():
    """reports/report.html (written by `make report`): offline, no code cells, every figure inline."""
    path = paths.REPORTS / "report.html"
    assert path.exists(), "reports/report.html missing: run `make report`"
    html = path.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and not re.search(r'(?:src|href)="https?://', html)
    assert "annotated-article" in html and html.count("data:image/png;base64,") >= 5


def test_stance_findings_show_the_strongest_in_reading_order():
    q = [("a", "direct", 0, 40, "The order is wrong.", "he", "Blinken", "said")]
    st = pd.DataFrame({"article_id": ["a"] * 4, "quote_start": [0, 0, 0, 0], "target_start": [1, 5, 9, 12],
                       "holder": ["he"] * 4, "holder_actor": ["Blinken"] * 4,
                       "target_text": ["weak", "the order", "protesters", "neutral"],
                       "target_actor": ["", "", "Protesters", ""], "polarity": [-1, -1, 1, 0],
                       "score": [-0.1, -0.9, 0.5, 0.0]})
    md = report.findings_markdown(tables_for(q, stances=st))
    line = next(x for x in md.splitlines() if x.startswith("- **Stance.**"))
    assert line == ("- **Stance.** Blinken → weak: negative; Blinken → the order: negative; "
                    "Blinken → Protesters: positive.")


def test_unresolved_pronouns_are_grouped_and_never_top():
    """'he' in one article is not 'he' in another: unresolved pronouns form one group, ranked after every named
    speaker in the findings and drawn last in the overview figure."""
    q = [("a", "indirect", 0, 20, "the talks failed badly today", "he", "", "said"),
         ("b", "indirect", 0, 20, "prices will rise again", "He", "", "said"),
         ("c", "indirect", 0, 20, "we must talk", "they", "", "said"),
         ("c", "direct", 30, 50, "It is over.", "Ana Diaz", "Ana Diaz", "said"),
         ("c", "direct", 60, 70, "Fine.", "", "", "said")]
    md = report.findings_markdown(tables_for(q))
    assert "3 statements from 3 speakers" not in md and "5 statements from 3 speakers" in md
    assert "Most quoted: Ana Diaz (1 statement, 3 words), (unresolved pronoun) (3 statements" in md
    assert "By words quoted, Ana Diaz takes the most space" in md
    assert " he (" not in md and "He (" not in md
    fig = report.overview_figure(tables_for(q))
    labels = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert labels == ["Ana Diaz (n=1)", "(unresolved pronoun) (n=3)", "(no speaker) (n=1)"]


def test_html_report_is_the_same_without_the_iri_checker_import(tmp_path):
    """render_html imports nbformat with jsonschema's optional ``rfc3987_syntax`` hidden (1.3-1.6 s of lark
    grammars for a format the notebook schema never uses): the page is the same as with it, and the package is
    importable again afterwards."""
    import subprocess
    import sys

    nbs = [str(notebook(tmp_path, "01_a")), str(notebook(tmp_path, "06_report"))]
    code = ("import sys, {first}\nfrom helpers import report\n"
            "sys.stdout.write(report.render_html(sys.argv[1:]))\n"
            "print(repr(sys.modules.get('rfc3987_syntax', 'absent')), file=sys.stderr)\n"
            "import importlib.util; print(importlib.util.find_spec('rfc3987_syntax') is not None, file=sys.stderr)")
    run = lambda first: subprocess.run([sys.executable, "-c", code.format(first=first), *nbs],  # noqa: E731
                                       capture_output=True, text=True, check=True)
    hidden, loaded = run("os"), run("jsonschema")  # importing jsonschema first: the checker is loaded as usual
    assert hidden.stdout == loaded.stdout and hidden.stdout.count('src="data:image/png;base64,') == 2
    assert hidden.stderr.splitlines()[0] == "'absent'" and "module 'rfc3987_syntax'" in loaded.stderr
    assert hidden.stderr.splitlines()[1] == "True"
