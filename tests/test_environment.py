"""environment.yml is the single source of dependencies: the venv bootstrap reads it, and the installed
environment must not drift from its pins."""
from __future__ import annotations

import importlib.metadata as md
import re
import sys
import tomllib

import yaml

from helpers import paths

sys.path.insert(0, str(paths.ROOT / "scripts"))
from env_requirements import pip_requirements  # noqa: E402


def _env():
    return yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))


def _yaml_pip_list():
    return next(d["pip"] for d in _env()["dependencies"] if isinstance(d, dict) and "pip" in d)


def test_stdlib_parser_reads_the_same_list_as_yaml():
    assert pip_requirements((paths.ROOT / "environment.yml").read_text(encoding="utf-8")) == _yaml_pip_list()


def test_every_dependency_is_pinned_and_installed_at_that_version():
    drift = []
    for req in _yaml_pip_list():
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)==([A-Za-z0-9_.+-]+)", req)
        assert m, f"environment.yml: {req!r} is not pinned with =="
        name, version = m.groups()
        try:
            installed = md.version(name)
        except md.PackageNotFoundError:
            installed = None
        if installed != version:
            drift.append(f"{name}: environment.yml pins {version}, installed {installed}")
    assert not drift, "environment drifted from environment.yml (run `make env`): " + "; ".join(drift)


def test_python_version_agrees_everywhere():
    conda_python = next(d for d in _env()["dependencies"] if isinstance(d, str) and d.startswith("python="))
    major_minor = conda_python.split("=")[1]
    assert f"{sys.version_info.major}.{sys.version_info.minor}" == major_minor
    pyproject = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["requires-python"] == f">={major_minor}"
    assert pyproject["project"]["dependencies"] == []  # no second list of dependencies
    workflow = (paths.ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert f'python-version: "{major_minor}"' in workflow


def test_core_design_card_packages_are_listed():
    names = {re.split(r"[=<>]", r)[0].lower() for r in _yaml_pip_list()}
    assert {"jupyterlab", "pandas", "matplotlib", "nltk", "papermill"} <= names


def _lock() -> dict[str, str]:
    lines = (paths.ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    pins = dict(line.split("==", 1) for line in lines if line and not line.startswith("#"))
    return {md_name(k): v for k, v in pins.items()}


def md_name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_lock_agrees_with_environment_yml():
    lock = _lock()
    for req in _yaml_pip_list():
        name, version = req.split("==")
        assert lock.get(md_name(name)) == version, f"requirements.lock disagrees with environment.yml on {name}"


def test_installed_environment_matches_the_lock():
    """Every installed package is at its locked version (a package another platform does not need may be absent)."""
    drift = []
    for name, version in _lock().items():
        try:
            installed = md.version(name)
        except md.PackageNotFoundError:
            continue
        if installed != version:
            drift.append(f"{name} {installed} (lock {version})")
    assert not drift, "installed packages differ from requirements.lock (run `make env`): " + ", ".join(drift)
