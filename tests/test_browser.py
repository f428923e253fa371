"""End to end in a real browser: JupyterLab in headless Chromium runs the report notebook through its UI.

What a new user does, automated: start JupyterLab (the environment's ``jupyter lab``) on a free loopback port with a
random token, open the chain's report notebook, clear it and Run All Cells from the menu, wait for the kernel, then
check that no cell shows an error or traceback and that the annotated article shows the seed's statements
highlighted; saved, the notebook must equal the committed one once git's clean filter (helpers.gitfilter) has
dropped the run's noise. Then open ``reports/report.html`` and check that every image in it loaded. A third test opens every
chain notebook in the Lab, lets its kernel start, saves them all unchanged and compares bytes with the committed
files (the Lab writes its kernel's display name and language_info into a notebook it opens).

The Lab never touches the committed notebooks: it serves a temporary copy of the project (notebooks, data, reports)
and its kernel sees that copy as the project root (``HELPERS_PROJECT_ROOT``); HOME and the Jupyter config, data
and runtime folders are temporary too. The browser is Debian's ``chromium`` (``make browser`` installs it when
missing and running as root; nothing is downloaded at test time). Without it the tests fail with one line. On a
failure the page's screenshot is saved in the test's temporary folder (the path is in the failure message).
"""
from __future__ import annotations

import csv
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from helpers import gitfilter, paths

#: The notebook run through the UI: the chain's last notebook, which shows the annotated article.
NOTEBOOK = "notebooks/06_report.ipynb"
#: Notebooks saved unchanged through the Lab, which must keep every byte.
SAVED_UNCHANGED = [p.relative_to(paths.ROOT).as_posix() for p in paths.chain_notebooks()]
REPORT_HTML = "reports/report.html"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RUN_TIMEOUT_S = 60
#: Elements of the annotated view that mark one statement (helpers.display): highlighted with its speaker's colour.
STATEMENT_SELECTOR = ".jp-OutputArea-output mark[title]"
#: The notebook on screen (the Lab keeps other panels in the DOM, hidden).
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _copy_project(target: Path) -> Path:
    """The parts of the project a notebook reads and writes, copied so the Lab can change nothing committed."""
    for name in ("notebooks", "data", "reports"):
        shutil.copytree(paths.ROOT / name, target / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    for name in ("environment.yml",):
        shutil.copy2(paths.ROOT / name, target / name)
    return target


@contextmanager
def jupyterlab(project: Path, tmp: Path):
    """A JupyterLab server on ``project`` (yields its base URL and token); stopped (its process group) on exit."""
    port, token = _free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    home = tmp / "home"
    env.update(HOME=str(home), JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
               JUPYTER_DATA_DIR=str(home / "jupyter-data"), JUPYTER_RUNTIME_DIR=str(home / "jupyter-runtime"),
               IPYTHONDIR=str(home / "ipython"), MPLCONFIGDIR=str(home / "mpl"),
               JUPYTER_PATH=str(Path(sys.prefix) / "share" / "jupyter"), HELPERS_PROJECT_ROOT=str(project),
               NLTK_DATA=str(home / "nltk_data"))
    # every cell in the DOM (no windowing), so the checks see the whole notebook
    settings = home / "lab-settings"
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True, exist_ok=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        '{"windowingMode": "none"}', encoding="utf-8")
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True, exist_ok=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8")  # no popup over the page, no network
    env["JUPYTERLAB_SETTINGS_DIR"] = str(settings)
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(home / "lab-workspaces")
    log = (tmp / "jupyterlab.log").open("wb")
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={project}", "--LabApp.news_url=None",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--allow-root"]
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    tail = (tmp / "jupyterlab.log").read_text(errors="replace")[-1500:]
                    pytest.fail(f"JupyterLab did not start (exit {proc.poll()}):\n{tail}")
                time.sleep(0.25)
        yield base, token
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
        log.close()


@contextmanager
def chromium_page(tmp: Path):
    """A page in headless Debian Chromium driven by Playwright; on an exception, a screenshot in ``tmp``."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM}: Chromium not found: run `make browser` as root, `apt-get install chromium`, "
                    "or set CHROMIUM=/path/to/chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        except Exception as exc:  # noqa: BLE001 - one line, not Playwright's page of launch logs
            pytest.fail(f"{CHROMIUM}: Chromium does not start: {str(exc).splitlines()[0]}", pytrace=False)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            try:
                yield page
            except BaseException as exc:
                shot = tmp / "failure.png"
                try:
                    page.screenshot(path=str(shot), full_page=True)
                except Exception:  # noqa: BLE001 - the original failure matters more
                    pass
                if isinstance(exc, AssertionError):
                    raise AssertionError(f"{exc}\n[screenshot: {shot}]") from None
                if type(exc).__name__ == "TimeoutError":  # Playwright's: one line, not its call log
                    pytest.fail(f"{str(exc).splitlines()[0]} [screenshot: {shot}]", pytrace=False)
                raise
        finally:
            browser.close()


def _open_notebook(page, base: str, token: str, path: str, settle: bool = True) -> None:
    """Open ``path`` in the Lab and wait until its kernel is connected and idle.

    The Lab writes the kernel's kernelspec and language_info into the notebook's metadata once the kernel has
    answered its info request, shortly after it reports idle: the short settle time lets that happen, so a save
    afterwards shows what a user's save writes.
    """
    page.goto(f"{base}/lab/tree/{path}?reset&token={token}", wait_until="domcontentloaded")
    page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=30_000)
    _wait_idle(page)
    deadline = time.monotonic() + 30
    while not _kernel_connected(base, token, path):
        assert time.monotonic() < deadline, f"{path}: no kernel connected in JupyterLab"
        time.sleep(0.2)
    if settle:
        page.wait_for_timeout(2000)


def _kernel_connected(base: str, token: str, path: str) -> bool:
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=5) as r:
        sessions = json.load(r)
    return any(s.get("path") == path and s["kernel"]["execution_state"] == "idle" and s["kernel"]["connections"]
               for s in sessions)


def _wait_idle(page, timeout_s: float = 30) -> None:
    """Until the notebook's kernel reports idle (the toolbar's execution indicator)."""
    page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']",
                           timeout=timeout_s * 1000)


def _menu(page, menu: str, command: str) -> None:
    """Click a menu bar entry, then one of its items (by JupyterLab command id)."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{menu}$")).click()
    page.locator(f".lm-Menu-item[data-command='{command}']").first.click()


def _run_all(page) -> int:
    """Clear every output, Run All Cells from the menu, wait until every code cell has run; the number of cells."""
    _menu(page, "Edit", "editmenu:clear-all")
    page.wait_for_function(f"() => !document.querySelector('{PANEL} .jp-OutputArea-output')")
    code_cells = page.locator(f"{PANEL} .jp-CodeCell").count()
    _menu(page, "Run", "runmenu:run-all")
    # done: every non-blank code cell numbered, or an error output and nothing still queued ([*]) after it
    page.wait_for_function(
        """panel => {
             const cells = [...document.querySelectorAll(panel + ' .jp-CodeCell')].map(c => [
               c.querySelector('.jp-InputArea-prompt')?.textContent.trim() ?? '',
               c.querySelector('.cm-content')?.textContent.trim() ?? '',
               !!c.querySelector('[data-mime-type="application/vnd.jupyter.stderr"]')]);  // errors render as stderr
             if (cells.some(([p]) => p === '[*]:')) return false;
             return cells.some(([, , err]) => err) || cells.every(([p, src]) => !src || /^\\[\\d+\\]:$/.test(p));
           }""", arg=PANEL, timeout=RUN_TIMEOUT_S * 1000)
    _wait_idle(page)
    return code_cells


def _errors(page) -> list[str]:
    """Text of every error or stderr output, and of any output showing a traceback."""
    found = page.eval_on_selector_all(
        f"{PANEL} .jp-OutputArea-output",
        """els => els.filter(e => e.matches('[data-mime-type="application/vnd.jupyter.stderr"]')
                               || e.closest('.jp-OutputArea-child')?.querySelector('[data-mime-type="application/vnd.jupyter.error"]')
                               || /Traceback|Error:/.test(e.textContent))
                    .map(e => e.textContent.trim().slice(0, 300))""")
    return found


def _norm(text: str) -> str:
    """Words only: marks inside a statement (a claim's flag ⚑, a label) do not break the comparison."""
    return re.sub(r"\W+", " ", text).strip().lower()


def _seed_statements(project: Path) -> list[str]:
    with (project / "data" / "processed" / "quotes.csv").open(encoding="utf-8", newline="") as fh:
        return [row["quote_text"] for row in csv.DictReader(fh)]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    project = _copy_project(tmp / "project")
    with jupyterlab(project, tmp) as (base, token):
        yield base, token, project, tmp


def test_report_notebook_runs_in_jupyterlab(lab):
    base, token, project, tmp = lab
    committed = (paths.ROOT / NOTEBOOK).read_bytes()
    with chromium_page(tmp) as page:
        _open_notebook(page, base, token, NOTEBOOK)
        cells = _run_all(page)
        assert cells > 0
        errors = _errors(page)
        assert not errors, f"{NOTEBOOK}: error output after Run All in JupyterLab: {errors[:3]}"
        marks = [_norm(m) for m in page.locator(STATEMENT_SELECTOR).all_text_contents()]
        statements = _seed_statements(project)
        # a statement is highlighted when a mark covers it, or a part of it (nested statements mark the innermost)
        # of at least 10 characters (or the whole of a shorter one)
        missing = [s for s in statements
                   if not any(_norm(s) in m or (m in _norm(s) and len(m) >= min(10, len(_norm(s)))) for m in marks)]
        assert statements and not missing, (f"{NOTEBOOK}: {len(missing)} of {len(statements)} statements not "
                                            f"highlighted in the Lab, e.g. {missing[:2]}")
        # saved after the run, the notebook differs from the committed one only by what git's filter drops
        mtime = (project / NOTEBOOK).stat().st_mtime_ns
        page.locator(f"{PANEL} .jp-Notebook").first.click()
        page.keyboard.press("Control+s")
        deadline = time.monotonic() + 15
        while (project / NOTEBOOK).stat().st_mtime_ns == mtime and time.monotonic() < deadline:
            time.sleep(0.1)
    saved = (project / NOTEBOOK).read_text(encoding="utf-8")
    assert gitfilter.clean(saved) == committed.decode("utf-8"), \
        f"{NOTEBOOK}: run in the Lab and saved, it differs from the committed notebook beyond run noise " \
        "(stale committed outputs? run `make report`)"
    assert (paths.ROOT / NOTEBOOK).read_bytes() == committed, "the Lab run changed the committed notebook"


def test_report_html_images_load(lab):
    _, _, project, tmp = lab
    report = project / REPORT_HTML
    assert report.is_file(), f"{REPORT_HTML}: not found (run `make report`)"
    with chromium_page(tmp) as page:
        page.goto(report.as_uri(), wait_until="load")
        images = page.eval_on_selector_all("img", "els => els.map(e => [e.getAttribute('alt') || e.src.slice(0, 60), "
                                                  "e.complete && e.naturalWidth > 0])")
        assert images, f"{REPORT_HTML}: no figures"
        broken = [name for name, ok in images if not ok]
        assert not broken, f"{REPORT_HTML}: {len(broken)} of {len(images)} images did not load: {broken[:3]}"


def test_saving_unchanged_in_the_lab_keeps_every_byte(lab):
    """Open every chain notebook in the Lab (double-click in the file browser), let its kernel start, and save them
    all (File > Save All) without running anything: no file may change (kernelspec, metadata, JSON layout)."""
    base, token, project, tmp = lab
    before = {path: (project / path).read_bytes() for path in SAVED_UNCHANGED}
    with chromium_page(tmp) as page:
        _open_notebook(page, base, token, SAVED_UNCHANGED[0], settle=False)
        for path in SAVED_UNCHANGED[1:]:
            page.locator(".jp-DirListing-item", has_text=Path(path).name).first.dblclick()
            page.wait_for_selector(f".lm-TabBar-tab[title*='{Path(path).name}']", timeout=30_000)
        deadline = time.monotonic() + 60
        while not all(_kernel_connected(base, token, path) for path in SAVED_UNCHANGED):
            assert time.monotonic() < deadline, "kernels did not start in JupyterLab"
            time.sleep(0.2)
        page.wait_for_timeout(2000)
        mtimes = {path: (project / path).stat().st_mtime_ns for path in SAVED_UNCHANGED}
        _menu(page, "File", "docmanager:save-all")
        deadline = time.monotonic() + 20
        while any((project / p).stat().st_mtime_ns == m for p, m in mtimes.items()) and time.monotonic() < deadline:
            time.sleep(0.1)
        unsaved = [p for p, m in mtimes.items() if (project / p).stat().st_mtime_ns == m]
        assert not unsaved, f"the Lab did not save {unsaved}"
    changed = []
    for path, old in before.items():
        new = (project / path).read_bytes()
        if new != old:
            at = next(i for i, (a, b) in enumerate(zip(old + b"\0", new + b"\0")) if a != b)
            changed.append(f"{path} from byte {at}: {old[max(0, at - 50):at + 50]!r} -> {new[max(0, at - 50):at + 50]!r}")
    assert not changed, "saving unchanged in JupyterLab rewrote: " + "; ".join(changed)
