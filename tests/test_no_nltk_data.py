"""Nothing needs downloaded NLTK data: every stage's helpers run with NLTK's data path emptied and downloads blocked."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from helpers import paths


def test_helpers_run_without_any_nltk_data(tmp_path):
    code = textwrap.dedent(f"""
        import importlib, nltk
        nltk.data.path[:] = [{str(tmp_path)!r}]
        def _blocked(*a, **k):
            raise SystemExit("nltk.download was called")
        nltk.download = _blocked
        from helpers import ingest, tokenize
        raw = open({str(paths.DATA_RAW / 'kazakhstan_protests_2022.txt')!r}, encoding="utf-8").read()
        paras = ingest.split_paragraphs(ingest.normalise(raw))
        text = ingest.analysis_text(raw, paras)
        s, t = tokenize.tokenize_article(text, paras)
        assert len(s) > 10 and len(t) > 100
        ran = ["ingest", "tokenize"]
        for mod, call in [("helpers.actors", "find_mentions(text)"), ("helpers.quotes", "extract_quotes(text)"),
                          ("helpers.sentiment", "score(text)")]:
            try:
                m = importlib.import_module(mod)
            except ModuleNotFoundError:
                continue
            eval("m." + call)
            ran.append(mod)
        print(" ".join(ran))
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={"NLTK_DATA": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split()[:2] == ["ingest", "tokenize"]
