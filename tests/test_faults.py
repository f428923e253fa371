"""Faults (issue 11, item 7): a killed `make report` leaves every output whole and the next run completes; a failing
notebook stops the chain naming the notebook and the cell, and no later stage runs on stale inputs; raw input is never
modified. Each test runs the real chain (`make report RAW_DIR=... OUT_DIR=...`) on a few articles in a temporary folder.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from helpers import notebooks, paths, runstate

pytestmark = pytest.mark.chain

ARTICLES = 3


def _raw(folder: Path, n: int = ARTICLES, start: int = 0) -> Path:
    """A raw folder (name with a space) of ``n`` real articles and no manifest (one is generated in the output)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = paths.corpus_files()
    for f in files[start:start + n]:
        shutil.copyfile(f, folder / f"article {f.name}")
    return folder


def _digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _kernel_of(group: int, notebook: str) -> bool:
    """Whether the runner of ``notebook`` in process group ``group`` has started its kernel (jupyter_client starts
    kernels in a session of their own, so the kernel is found as the runner's child, not by the group)."""
    runners = subprocess.run(["pgrep", "-g", str(group), "-f", f"helpers.notebooks notebooks/{notebook}"],
                             capture_output=True, text=True).stdout.split()
    return any(subprocess.run(["pgrep", "-P", pid, "-f", "ipykernel"], capture_output=True).returncode == 0
               for pid in runners)


def _make(raw: Path, out: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "report", f"RAW_DIR={raw}", f"OUT_DIR={out}"],
                          cwd=paths.ROOT, capture_output=True, text=True, timeout=900, **kw)


def test_killed_make_report_leaves_previous_outputs_whole_and_the_next_run_completes(tmp_path):
    raw, out = _raw(tmp_path / "raw in"), tmp_path / "out put"
    first = _make(raw, out)
    assert first.returncode == 0, first.stderr[-2000:]
    before = _digest(out)
    raw_before = _digest(raw)
    shutil.copyfile(paths.corpus_files()[ARTICLES], raw / "one more.txt")  # every stage is stale now

    proc = subprocess.Popen(["make", "--no-print-directory", "report", f"RAW_DIR={raw}", f"OUT_DIR={out}"],
                            cwd=paths.ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    victim = "03_actors"
    for line in proc.stdout:  # wait until the third notebook's kernel is executing, then kill everything at once
        if f"notebooks/{victim}.ipynb ->" in line:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not _kernel_of(proc.pid, victim):
                time.sleep(0.05)
            time.sleep(0.3)
            os.killpg(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode != 0

    after = _digest(out)
    assert after[f"notebooks/{victim}.ipynb"] == before[f"notebooks/{victim}.ipynb"]  # the killed one: old copy
    assert not [n for n in after if Path(n).name.startswith(".")]  # no temporary file left behind
    for name in after:  # every output is a whole file, the old one or the new one
        if name.endswith(".ipynb"):
            nbformat.read(out / name, as_version=4)
        if name.endswith(".csv"):
            text = (out / name).read_text(encoding="utf-8")
            assert text.endswith("\n") and text.count("\n") >= 1

    second = _make(raw, out)
    assert second.returncode == 0, second.stderr[-2000:]
    assert f"notebooks/{victim}.ipynb" in second.stdout and "01_ingest" not in second.stdout  # resumed where killed
    assert "one more" in (out / "data" / "processed" / "articles.csv").read_text(encoding="utf-8")
    q = subprocess.run(["make", "--question", "report", f"RAW_DIR={raw}", f"OUT_DIR={out}"], cwd=paths.ROOT)
    assert q.returncode == 0  # and now nothing is left to do
    # a deleted table or report page is an output gone: the notebook that wrote it runs again, and what follows
    stamps = paths.ROOT / runstate.stamp_dir(str(out))
    assert str(out / "data" / "processed" / "quotes.csv") in (stamps / "04_quotes.outputs").read_text(encoding="utf-8")
    kept = (out / "data" / "processed" / "quotes.csv").read_bytes()
    (out / "data" / "processed" / "quotes.csv").unlink()
    (out / "reports" / "report.html").unlink()
    third = _make(raw, out)
    assert third.returncode == 0 and "notebooks/04_quotes.ipynb" in third.stdout, third.stderr[-2000:]
    assert (out / "data" / "processed" / "quotes.csv").read_bytes() == kept and (out / "reports" / "report.html").is_file()
    raw_before["one more.txt"] = hashlib.sha256((raw / "one more.txt").read_bytes()).hexdigest()
    assert _digest(raw) == raw_before  # raw input never modified


def test_bad_articles_are_skipped_listed_and_the_run_ends_non_zero(tmp_path):
    raw, out = _raw(tmp_path / "raw ü"), tmp_path / "out"
    (raw / "empty one.txt").write_bytes(b"")
    (raw / "page.txt").write_bytes(b"<!DOCTYPE html><html><body><p>Not text.</p></body></html>")
    raw_before = _digest(raw)
    r = _make(raw, out)
    assert r.returncode != 0 and _digest(raw) == raw_before
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert errors[:2] == ["error: empty one.txt: empty file",
                          "error: page.txt: an HTML page, not plain text (convert it to text first)"], r.stderr
    assert errors[-1].startswith("error: 2 file(s) failed in 1 stage(s); 3 article(s) ingested") and len(errors) == 3
    assert "Traceback" not in r.stderr
    notebooks_run = sorted(p.name for p in (out / "notebooks").iterdir())
    assert notebooks_run == [p.name for p in paths.chain_notebooks()]  # every stage ran on the good articles
    failures = (out / "data" / "processed" / "failures.csv").read_text(encoding="utf-8").splitlines()
    assert failures[0] == "stage,file,article_id,reason" and len(failures) == 3
    assert (out / "manifest.csv").is_file() and not (raw / "manifest.csv").exists()
    again = _make(raw, out)  # (normally) nothing to re-run, but the run still says that files failed
    assert again.returncode != 0 and "2 file(s) failed" in again.stderr


def test_failing_stage_stops_the_chain_and_nothing_runs_on_its_stale_inputs(tmp_path):
    raw, out = _raw(tmp_path / "raw"), tmp_path / "out"
    assert _make(raw, out).returncode == 0
    tokenize_nb = (out / "notebooks" / "02_tokenize.ipynb").read_bytes()
    for f in raw.iterdir():  # every article now empty: notebook 01 lists them, then stops (nothing to analyse)
        f.write_bytes(b"")
    r = _make(raw, out)
    assert r.returncode != 0
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == ARTICLES + 1 and all(e.endswith(": empty file") for e in errors[:-1])
    assert errors[-1].startswith("error: notebooks/01_ingest.ipynb, cell ")
    assert "02_tokenize" not in r.stdout and (out / "notebooks" / "02_tokenize.ipynb").read_bytes() == tokenize_nb
    q = subprocess.run(["make", "--question", "report", f"RAW_DIR={raw}", f"OUT_DIR={out}"], cwd=paths.ROOT,
                       capture_output=True, text=True)
    assert q.returncode == 1  # the failed stage and everything after it are still out of date


def test_failing_cell_is_named_and_the_previous_output_kept(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A notebook that fails"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("y = x + 1\nraise ValueError(f'bad value {y}')"),
        nbformat.v4.new_code_cell("print('never')"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    src, output = tmp_path / "07_fails.ipynb", tmp_path / "executed" / "07_fails.ipynb"
    nbformat.write(nb, src)
    output.parent.mkdir()
    output.write_bytes(b"previous")
    r = subprocess.run([sys.executable, "-m", "helpers.notebooks", str(src), str(output)], cwd=paths.ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 1
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {src}, cell 3 ('y = x + 1'): bad value 2"), r.stderr
    assert output.read_bytes() == b"previous" and sorted(p.name for p in output.parent.iterdir()) == ["07_fails.ipynb"]


def test_runner_cleans_up_when_terminated(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import time\ntime.sleep(60)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    src, output = tmp_path / "08_slow.ipynb", tmp_path / "out" / "08_slow.ipynb"
    nbformat.write(nb, src)
    proc = subprocess.Popen([sys.executable, "-m", "helpers.notebooks", str(src), str(output)], cwd=paths.ROOT,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(6)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    assert not output.exists() and not list(output.parent.iterdir())
    assert notebooks.KERNEL_ARGUMENTS  # the kernel's start-up notice is silenced (no TCP warning line)
    assert "without encryption" not in err
