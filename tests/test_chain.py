"""The whole chain, re-executed headlessly into a temporary folder exactly as a user would (`make report OUT_DIR=...`),
with NLTK_DATA pointing at an empty folder and HOME replaced (so no ~/nltk_data either).

Fails when the committed notebooks, processed tables or figures are stale: re-run `make report` and commit.
"""
from __future__ import annotations

import json
import os
import subprocess

import nbformat
import pytest

from helpers import notebooks, paths

pytestmark = pytest.mark.chain

NOTEBOOKS = paths.chain_notebooks()  # NN_name.ipynb only, as the Makefile (no Lab copies, no Untitled)


@pytest.fixture(scope="module")
def fresh_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("chain")
    (tmp / "nltk_data").mkdir()
    (tmp / "home").mkdir()
    env = {**os.environ, "NLTK_DATA": str(tmp / "nltk_data"), "HOME": str(tmp / "home"),
           "MPLCONFIGDIR": str(tmp / "home" / "mpl")}
    out = tmp / "run"
    r = subprocess.run(["make", "--no-print-directory", "report", f"OUT_DIR={out}"], cwd=paths.ROOT, env=env,
                       capture_output=True, text=True, timeout=1800)
    assert r.returncode == 0, f"make report failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return out


def test_chain_has_the_numbered_notebooks():
    names = [p.stem for p in NOTEBOOKS]
    assert names[:2] == ["01_ingest", "02_tokenize"]
    assert names == sorted(names)


def test_report_is_incremental(fresh_run):
    """With nothing changed, `make report` has nothing to re-execute (`make --question` exits 0)."""
    r = subprocess.run(["make", "--question", "report", f"OUT_DIR={fresh_run}"], cwd=paths.ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, "make report would re-execute notebooks although nothing changed"
    # ... and a changed helper makes its stage stale (-W: "what if this file were new", nothing is touched)
    r = subprocess.run(["make", "--question", "-W", "src/helpers/tokenize.py", "report", f"OUT_DIR={fresh_run}"],
                       cwd=paths.ROOT, capture_output=True, text=True)
    assert r.returncode == 1


def test_processed_tables_are_reproduced_byte_for_byte(fresh_run):
    committed = sorted(p.name for p in paths.DATA_PROCESSED.glob("*.csv"))
    fresh = sorted(p.name for p in (fresh_run / "data" / "processed").glob("*.csv"))
    assert committed == fresh
    stale = [n for n in committed
             if (paths.DATA_PROCESSED / n).read_bytes() != (fresh_run / "data" / "processed" / n).read_bytes()]
    assert not stale, f"committed tables differ from a fresh run (run `make report`): {stale}"


def test_figures_are_reproduced_byte_for_byte(fresh_run):
    committed = sorted(p.name for p in paths.FIGURES.glob("*.png"))
    fresh = sorted(p.name for p in (fresh_run / "reports" / "figures").glob("*.png"))
    assert committed == fresh and committed
    stale = [n for n in committed
             if (paths.FIGURES / n).read_bytes() != (fresh_run / "reports" / "figures" / n).read_bytes()]
    assert not stale, f"committed figures differ from a fresh run (run `make report`): {stale}"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_matches_fresh_run(fresh_run, nb_path):
    committed = nbformat.read(nb_path, as_version=4)
    fresh = nbformat.read(fresh_run / "notebooks" / nb_path.name, as_version=4)
    a, b = notebooks.comparable(committed), notebooks.comparable(fresh)
    assert len(a) == len(b)
    stale = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    assert not stale, f"{nb_path.name}: cells {stale} differ from a fresh run (run `make report`)"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_is_clean(nb_path):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    tags = [c.get("metadata", {}).get("tags", []) for c in nb["cells"]]
    assert sum("parameters" in t for t in tags) == 1, "exactly one cell tagged parameters"
    assert not any("injected-parameters" in t for t in tags)
    code = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert all(c["execution_count"] is not None for c in code), "unexecuted cells"
    assert not any(o["output_type"] == "error" for c in code for o in c["outputs"])
    assert not any("papermill" in c.get("metadata", {}) for c in nb["cells"]), "timings not normalised"
    assert not any(str(paths.ROOT) in json.dumps(c.get("outputs", [])) for c in code), "absolute path in outputs"
    assert any(c["cell_type"] == "markdown" for c in nb["cells"])


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_counts_1_to_n_in_the_bytes_the_lab_saves(nb_path):
    """Execution counts 1..n top to bottom (a second Run All or cells re-run out of order in the Lab fail here,
    even when the outputs happen to match), and the exact bytes the Lab saves (its kernel display name,
    nbformat's JSON layout), so opening and saving a notebook unchanged changes nothing."""
    data = nb_path.read_bytes()
    nb = nbformat.reads(data.decode("utf-8"), as_version=4)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert notebooks.execution_counts_in_order(nb), \
        f"{nb_path.name}: execution counts {counts} are not 1..{len(counts)} in order (run `make report`)"
    assert notebooks.canonical_bytes(notebooks.normalise(nb)) == data, \
        f"{nb_path.name}: not in the normalised form `make report` writes (run `make report`)"


def test_bad_input_fails_with_one_line_naming_the_file(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_bytes(b"\xff\xfe broken")
    (raw / "manifest.csv").write_text("file,sha256,title,outlet,published,language\n"
                                      "a.txt,9f0c5ef8f5d5e0a3e8d2b4c1a7f6e5d4c3b2a1908f7e6d5c4b3a291807f6e5d4,,,,en\n",
                                      encoding="utf-8")
    r = subprocess.run(["make", "--no-print-directory", "report", f"RAW_DIR={raw}", f"OUT_DIR={tmp_path / 'out'}"],
                       cwd=paths.ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode != 0
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    # the bad file, one line; then, since no article is left, notebook 01 stops the chain naming itself and its cell
    assert len(errors) == 2 and errors[0] == "error: a.txt: checksum mismatch: manifest says 9f0c5ef8f5d5..., " \
        "file is 3db0703cfa9f...", r.stderr
    assert errors[1].startswith("error: notebooks/01_ingest.ipynb, cell "), r.stderr
    assert "02_tokenize" not in r.stdout + r.stderr  # no later stage ran
    assert "Traceback" not in r.stderr
    assert sorted(p.name for p in raw.iterdir()) == ["a.txt", "manifest.csv"]  # raw untouched
    assert not (tmp_path / "out" / "notebooks" / "01_ingest.ipynb").exists()  # nothing half-written


def test_outputs_never_go_into_the_raw_folder_and_any_folder_name_works(tmp_path):
    raw = tmp_path / "O'Brien files"  # an apostrophe: the Makefile quotes every path for the shell
    raw.mkdir()
    (raw / "a.txt").write_text("Prices rose.\n", encoding="utf-8")
    for out in (raw, raw / "out"):  # refused before anything runs, with the reason in one line
        r = subprocess.run(["make", "--no-print-directory", "report", f"RAW_DIR={raw}", f"OUT_DIR={out}"],
                           cwd=paths.ROOT, capture_output=True, text=True, timeout=120)
        assert r.returncode != 0 and f"error: {out}: inside the raw folder {raw}" in r.stderr, r.stderr
    assert sorted(p.name for p in raw.iterdir()) == ["a.txt"]
    r = subprocess.run(["make", "--no-print-directory", "manifest", f"RAW_DIR={raw}"], cwd=paths.ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.splitlines()[1].startswith("a.txt,"), r.stderr
