"""Exploring in JupyterLab is safe: runs with other parameters write under build/, a missing input is one line,
only the chain's own notebooks join `make report`, git stores notebooks without run-to-run noise, `make lab`
serves the project's kernel, and tables display text left-aligned with line breaks.

The browser itself is driven in tests/test_browser.py. Everything here runs in temporary folders: temporary
copies of the project (the kernel finds them through HELPERS_PROJECT_ROOT) and a temporary git repository.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import gitfilter, notebooks, paths, tables
from helpers.tableview import show

CHAIN = [p.stem for p in paths.chain_notebooks()]


# --- where a run writes -------------------------------------------------------------------------------------------

@pytest.fixture
def build(tmp_path, monkeypatch):
    """Point the build folder at a temporary one (resolve_dirs copies tables there when exploring)."""
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    return tmp_path / "build"


def test_defaults_write_the_committed_outputs(build):
    defaults = {k: v for k, v in paths.notebook_defaults("02_tokenize").items() if k not in ("raw_dir", "out_dir")}
    d = paths.resolve_dirs("", "", notebook="02_tokenize", **defaults)
    assert (d["raw"].resolve(), d["processed"], d["figures"]) == (paths.DATA_RAW.resolve(), paths.DATA_PROCESSED,
                                                                   paths.FIGURES)
    assert paths.resolve_dirs(raw_dir="data/raw")["processed"] == paths.DATA_PROCESSED  # the default, spelt out
    assert not build.exists()


def test_another_raw_folder_without_out_dir_never_writes_data_processed(build, tmp_path, capsys):
    d = paths.resolve_dirs(raw_dir=str(tmp_path / "my articles"))
    assert d["processed"] == build / "runs" / "my articles" / "data" / "processed"
    assert d["figures"] == build / "runs" / "my articles" / "reports" / "figures"
    assert "outputs go to" in capsys.readouterr().out


def test_display_parameters_other_than_the_defaults_write_under_build_lab(build, capsys):
    top_n = paths.notebook_defaults("02_tokenize")["top_n"]
    d = paths.resolve_dirs("", "", notebook="02_tokenize", top_n=top_n + 5)
    assert d["figures"].parent.parent.parent == build / "lab" and d["figures"].name == "figures"
    assert d["processed"] != paths.DATA_PROCESSED and d["raw"].resolve() == paths.DATA_RAW.resolve()
    # it reads what the notebook always reads: the committed tables, copied byte for byte
    for table in paths.DATA_PROCESSED.glob("*.csv"):
        assert (d["processed"] / table.name).read_bytes() == table.read_bytes()
    assert f"top_n={top_n + 5}" in capsys.readouterr().out
    # the same parameters give the same folder, other ones another
    assert paths.resolve_dirs(notebook="02_tokenize", top_n=top_n + 5)["out"] == d["out"]
    assert paths.resolve_dirs(notebook="02_tokenize", top_n=top_n + 6)["out"] != d["out"]
    # an unknown parameter counts as changed; parameters without the notebook to compare with are refused
    assert paths.resolve_dirs(notebook="02_tokenize", colour="red")["processed"] != paths.DATA_PROCESSED
    with pytest.raises(TypeError, match="notebook="):
        paths.resolve_dirs(top_n=3)


@pytest.mark.parametrize("name", CHAIN)
def test_every_notebook_has_readable_defaults(name):
    defaults = paths.notebook_defaults(name)
    assert defaults.get("raw_dir") == "" and defaults.get("out_dir") == "", defaults


@pytest.mark.parametrize("name", CHAIN)
def test_every_notebook_routes_all_its_parameters_through_paths(name):
    """A parameter the output folder does not hear about (top_n, article_id ...) would let an exploring run
    overwrite a committed figure: each notebook hands all of them over, by `paths.run_dirs(name, globals())` or by
    naming each in `paths.resolve_dirs(raw_dir, out_dir, notebook=name, top_n=top_n, ...)`."""
    nb = nbformat.read(paths.NOTEBOOKS / f"{name}.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    if re.search(rf"paths\.run_dirs\(\s*[\"']{name}[\"']\s*,\s*globals\(\)\s*\)", code):
        return
    display = [k for k in paths.notebook_defaults(name) if k not in ("raw_dir", "out_dir")]
    call = re.search(r"paths\.resolve_dirs\(([^)]*)\)", code)
    assert call, f"{name}: no paths.run_dirs/resolve_dirs call"
    if display:
        args = re.sub(r"\s+", "", call.group(1))
        assert f'notebook="{name}"' in args or f"notebook='{name}'" in args, f"{name}: resolve_dirs without notebook="
        missing = [k for k in display if f"{k}={k}" not in args]
        assert not missing, f"{name}: parameters not passed to paths.resolve_dirs: {missing}"


def _project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for name in ("notebooks", "data", "reports"):
        shutil.copytree(paths.ROOT / name, project / name)
    shutil.copy2(paths.ROOT / "environment.yml", project / "environment.yml")
    return project


def _tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_setting_raw_dir_in_the_first_notebook_leaves_committed_tables_alone(tmp_path, monkeypatch):
    """The issue's case: 01 with raw_dir and no out_dir overwrote data/processed; now it writes build/runs/<name>."""
    project = _project_copy(tmp_path)
    other = tmp_path / "elsewhere" / "other_raw"
    shutil.copytree(paths.DATA_RAW, other)
    committed = _tree_bytes(project / "data" / "processed")
    monkeypatch.setenv("HELPERS_PROJECT_ROOT", str(project))
    notebooks.run(project / "notebooks" / "01_ingest.ipynb", tmp_path / "01.ipynb", raw_dir=str(other), root=project)
    assert _tree_bytes(project / "data" / "processed") == committed
    written = project / "build" / "runs" / "other_raw" / "data" / "processed"
    assert (written / "articles.csv").is_file() and (written / "paragraphs.csv").is_file()


def test_changing_a_display_parameter_leaves_committed_figures_alone(tmp_path, monkeypatch):
    """The issue's case: changing top_n overwrote a committed figure. The report notebook with another `words`
    (a display parameter) writes its figure and tables under build/lab/, the committed outputs keep every byte."""
    import papermill as pm

    project = _project_copy(tmp_path)
    committed = {**_tree_bytes(project / "data" / "processed"), **_tree_bytes(project / "reports")}
    monkeypatch.setenv("HELPERS_PROJECT_ROOT", str(project))
    words = paths.notebook_defaults("06_report")["words"] + 3
    pm.execute_notebook(str(project / "notebooks" / "06_report.ipynb"), str(tmp_path / "06.ipynb"),
                        parameters={"words": words}, kernel_name="python3", progress_bar=False, cwd=str(project))
    assert {**_tree_bytes(project / "data" / "processed"), **_tree_bytes(project / "reports")} == committed
    runs = list((project / "build" / "lab").glob("06_report-*"))
    assert len(runs) == 1 and list((runs[0] / "reports" / "figures").glob("*.png"))
    assert (runs[0] / "data" / "processed" / "claims.csv").is_file()


def test_a_missing_input_is_one_line_naming_the_file(tmp_path, monkeypatch):
    """04 run on a folder whose earlier notebooks have not run: one line naming the table, in the notebook too."""
    project = _project_copy(tmp_path)
    monkeypatch.setenv("HELPERS_PROJECT_ROOT", str(project))
    with pytest.raises(RuntimeError) as err:
        notebooks.run(project / "notebooks" / "04_quotes.ipynb", tmp_path / "04.ipynb",
                      raw_dir=str(tmp_path / "fresh_raw"), root=project)
    message = str(err.value)
    assert "\n" not in message and "build/runs/fresh_raw/data/processed/articles.csv" in message, message
    failed = re.search(r"\[executed copy: (.+)\]", message).group(1)
    errors = [o for c in nbformat.read(failed, as_version=4).cells for o in c.get("outputs", [])
              if o.output_type == "error"]
    os.unlink(failed)
    assert len(errors) == 1 and errors[0].ename == "InputError"
    assert len(errors[0].traceback) == 1 and "articles.csv" in errors[0].traceback[0]
    assert not (project / "build" / "runs" / "fresh_raw" / "data" / "processed" / "quotes.csv").exists()


# --- which notebooks make report runs ------------------------------------------------------------------------------

def _make_sandbox(tmp_path: Path) -> Path:
    """A folder that looks like the project to make: links to everything, a real copy of notebooks/."""
    box = tmp_path / "box"
    box.mkdir()
    for entry in paths.ROOT.iterdir():
        if entry.name not in ("notebooks", "build", ".git"):
            (box / entry.name).symlink_to(entry)
    shutil.copytree(paths.ROOT / "notebooks", box / "notebooks")
    return box


def test_make_report_runs_only_the_chain_notebooks(tmp_path):
    box = _make_sandbox(tmp_path)
    nb = box / "notebooks"
    for extra in ("04_quotes-Copy1.ipynb", "Untitled.ipynb", "Untitled1.ipynb", "04_quotes copy.ipynb",
                  "07_Scratch.ipynb", "7_x.ipynb", "06_report.ipynb.bak"):
        shutil.copy2(nb / "04_quotes.ipynb", nb / extra)
    r = subprocess.run(["make", "-n", "--no-print-directory", "report", f"OUT_DIR={tmp_path / 'out'}"], cwd=box,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    run = re.findall(r"-m helpers\.notebooks (\S+)", r.stdout)
    assert run == [f"notebooks/{n}.ipynb" for n in CHAIN], run
    assert [p.name for p in paths.chain_notebooks(nb)] == [f"{n}.ipynb" for n in CHAIN]


# --- no noisy diffs -----------------------------------------------------------------------------------------------

def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    r = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout


def _lab_rerun(nb: nbformat.NotebookNode, shift: int) -> nbformat.NotebookNode:
    """What a second Run All in the Lab leaves: counts moved on, timestamps, widget state, another display name, and
    a progress bar's widget view (helpers.corpus shows tqdm.auto bars in the Lab)."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.execution_count:
            cell.execution_count += shift
            for o in cell.outputs:
                if "execution_count" in o:
                    o.execution_count += shift
            cell.outputs.insert(0, nbformat.v4.new_output("display_data", {
                gitfilter.WIDGET_VIEW: {"model_id": f"{shift:032x}", "version_major": 2, "version_minor": 0},
                "text/plain": "02 tokenize: 100%|##########| 1/1"}))
            cell.metadata["execution"] = {"iopub.execute_input": "2026-12-02T10:00:00.000Z"}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    nb.metadata["kernelspec"]["display_name"] = "Python 3"
    return nb


def test_git_filter_hides_run_noise_but_not_changed_results(tmp_path):
    box = _make_sandbox(tmp_path)  # `make setup-git` in a git repository of its own
    _git(box, "init", "-q")
    r = subprocess.run(["make", "--no-print-directory", "setup-git"], cwd=box, capture_output=True, text=True)
    assert r.returncode == 0 and "clean filter" in r.stdout, r.stdout + r.stderr
    command = _git(box, "config", "filter.nbnormalise.clean").strip()
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "filter.nbnormalise.clean", command.replace(".venv/bin/python", sys.executable))
    shutil.copy2(paths.ROOT / ".gitattributes", repo / ".gitattributes")
    cells = [nbformat.v4.new_code_cell(f"{i} * 2", execution_count=i + 1, outputs=[nbformat.v4.new_output(
        "execute_result", {"text/plain": str(i * 2)}, execution_count=i + 1)]) for i in range(3)]
    nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {
        "name": "python3", "display_name": notebooks.KERNEL_DISPLAY_NAME, "language": "python"}})
    path = repo / "01_x.ipynb"
    path.write_bytes(notebooks.canonical_bytes(nb))
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "x")
    path.write_bytes(notebooks.canonical_bytes(_lab_rerun(nb, 7)))
    assert b'"execution_count": 8' in path.read_bytes()
    # no diff, and nothing to commit (git status may list the file until `git add`, which then stages nothing:
    # git's stat check sees a new size before the filter runs)
    assert _git(repo, "diff") == ""
    _git(repo, "add", "-A")
    assert _git(repo, "status", "--porcelain") == ""
    changed = _lab_rerun(nb, 7)
    changed.cells[1].outputs[-1].data["text/plain"] = "3"
    path.write_bytes(notebooks.canonical_bytes(changed))
    assert _git(repo, "status", "--porcelain").split() == ["M", "01_x.ipynb"]
    diff = [line for line in _git(repo, "diff").splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert diff == ['-       "2"', '+       "3"'], diff  # the changed result, and nothing else


def test_git_filter_is_idempotent_and_keeps_committed_notebooks(tmp_path):
    for nb_path in paths.chain_notebooks():
        text = nb_path.read_text(encoding="utf-8")
        once = gitfilter.clean(text)
        assert gitfilter.clean(once) == once
    r = subprocess.run([sys.executable, "-m", "helpers.gitfilter", "x.ipynb"], input=b"<<<<<<< HEAD\n",
                       capture_output=True, timeout=60)
    assert r.returncode == 0 and r.stdout == b"<<<<<<< HEAD\n" and b"x.ipynb" in r.stderr


# --- make lab -----------------------------------------------------------------------------------------------------

def test_make_lab_prints_the_url_and_serves_the_projects_kernel(tmp_path):
    box = _make_sandbox(tmp_path)
    home = tmp_path / "home"
    shadow = home / ".local" / "share" / "jupyter" / "kernels" / "python3"
    shadow.mkdir(parents=True)  # a user-level kernel named python3 that must not win over the project's
    (shadow / "kernel.json").write_text(json.dumps({"argv": ["/usr/bin/false", "{connection_file}"],
                                                    "display_name": "Someone else's python", "language": "python"}))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    # a user who prefers their own Jupyter folders over the environment's (jupyter_core's default is the opposite)
    env.update(HOME=str(home), BROWSER="true", JUPYTER_RUNTIME_DIR=str(home / "rt"), JUPYTER_PREFER_ENV_PATH="0")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_ARGS=--port={port} --ServerApp.port_retries=0"],
                            cwd=box, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        url, lines, deadline = None, [], time.monotonic() + 60
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
            lines.append(line)
            m = re.search(rf"(http://127\.0\.0\.1:{port})/lab/tree/notebooks\?token=(\w+)", line)
            url = m and (m.group(1), m.group(2))
        assert url, "make lab printed no URL:\n" + "".join(lines[-20:])
        base, token = url
        while True:  # the URL is logged a moment before the server accepts connections
            try:
                with urllib.request.urlopen(f"{base}/api/kernelspecs?token={token}", timeout=10) as r:
                    specs = json.load(r)
                break
            except urllib.error.URLError:
                assert time.monotonic() < deadline, "make lab's server does not answer"
                time.sleep(0.2)
        assert specs["default"] == "python3"
        assert specs["kernelspecs"]["python3"]["spec"]["display_name"] == notebooks.KERNEL_DISPLAY_NAME
        with urllib.request.urlopen(f"{base}/lab/api/settings?token={token}", timeout=10):
            pass
        req = urllib.request.Request(f"{base}/?token={token}")
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(req, timeout=10)
        assert redirect.value.headers["Location"].split("?")[0].endswith("/lab/tree/notebooks")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# --- tables as a reader sees them ---------------------------------------------------------------------------------

def test_show_displays_a_two_paragraph_quote_with_breaks_left_aligned():
    quotes = tables.read_table(paths.DATA_PROCESSED / "quotes.csv")
    long = quotes[quotes["quote_text"].str.contains("\n")]
    frame = (long if len(long) else pd.DataFrame({"quote_text": ["One.\n\nTwo."]}))[["quote_text"]]
    html_out = show(frame)._repr_html_()
    assert "<br><br>" in html_out and "\\n" not in html_out and "\n\n" not in html_out
    assert 'style="text-align: left; white-space: pre-wrap;"' in html_out
    assert "..." not in html_out.split("</table>")[0]  # not truncated
    assert show(frame)._repr_html_() == html_out and repr(show(frame)) == repr(show(frame))
    assert "0x" not in repr(show(frame))
