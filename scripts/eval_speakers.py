"""Speakers of a corpus run: share of statements whose speaker is a pronoun left unresolved, and the top speakers.

Usage: ``.venv/bin/python scripts/eval_speakers.py [CORPUS_ARTICLES_DIR]`` (default: the Wikinews corpus beside the
project). Issue 10's target: under 3% of statements with an unresolved pronoun speaker on Wikinews.
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

from helpers import actors, paths, quotes


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else paths.SHARED / "corpora" / "wikinews-2019-2020" / "articles"
    files = sorted(folder.glob("*.txt"))
    if not files:
        print(f"error: {folder}: no .txt articles", file=sys.stderr)
        return 2
    pronouns = {p.lower() for p in actors.PRONOUNS}
    n_pron = n_res = n_stmt = n_pron_spk = n_unres = 0
    top: collections.Counter = collections.Counter()
    for f in files:
        text = f.read_text(encoding="utf-8")
        m = actors.find_mentions(text)
        is_p = m["mention"].str.lower().isin(pronouns)
        n_pron += int(is_p.sum())
        n_res += int((is_p & (m["resolution"] == "pronoun")).sum())
        q = quotes.extract_quotes(text)
        spk = q["speaker"].fillna("").str.lower()
        act = q["actor"].fillna("")
        n_stmt += len(q)
        n_pron_spk += int(spk.isin(pronouns).sum())
        n_unres += int((spk.isin(pronouns) & (act == "")).sum())
        for s, a in zip(spk, act):
            top[a or (f"{s} (unresolved)" if s else "(no speaker)")] += 1
    print(f"{len(files)} articles; pronoun mentions {n_pron}, resolved {n_res} ({n_res / max(n_pron, 1):.1%})")
    print(f"statements {n_stmt}; pronoun speaker {n_pron_spk} ({n_pron_spk / max(n_stmt, 1):.1%}); "
          f"unresolved pronoun speaker {n_unres} ({n_unres / max(n_stmt, 1):.1%})")
    print("top speakers:", ", ".join(f"{k} ({v})" for k, v in top.most_common(10)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
