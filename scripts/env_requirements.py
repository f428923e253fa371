"""Print the pip requirements listed in environment.yml (stdlib only: runs before the venv exists).

environment.yml is the project's single source of dependencies. conda reads it directly; the
Makefile's venv bootstrap pipes this script's output into ``pip install -r /dev/stdin``.

Usage: python scripts/env_requirements.py [environment.yml] > requirements.txt
"""
from __future__ import annotations

import re
import sys
from pathlib import Path


def pip_requirements(env_text: str) -> list[str]:
    """Return the entries of the ``- pip:`` block of a conda environment file, in order.

    >>> pip_requirements("dependencies:\\n  - python=3.11\\n  - pip:\\n      - pandas==3.1.1\\n")
    ['pandas==3.1.1']
    """
    reqs: list[str] = []
    pip_indent = None
    for line in env_text.splitlines():
        stripped = line.split("#", 1)[0].rstrip()
        if not stripped.strip():
            continue
        indent = len(stripped) - len(stripped.lstrip())
        if pip_indent is None:
            if re.fullmatch(r"\s*-\s*pip:\s*", stripped):
                pip_indent = indent
            continue
        if indent <= pip_indent:
            break
        m = re.fullmatch(r"\s*-\s*(\S.*)", stripped)
        if m:
            reqs.append(m.group(1).strip())
    return reqs


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "environment.yml"
    try:
        reqs = pip_requirements(path.read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"{path}: cannot read environment file ({exc.strerror})", file=sys.stderr)
        return 2
    if not reqs:
        print(f"{path}: no '- pip:' block with requirements found", file=sys.stderr)
        return 2
    print("\n".join(reqs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
