"""Score pronoun resolution (``helpers.actors.find_mentions``) against hand-judged antecedents of PolNeAR *train*
pronoun sources.

Usage: ``.venv/bin/python scripts/eval_pronouns.py tests/gold/pronouns_polnear_train.csv [-v]``
(-v prints each wrong answer with its context).

GOLD columns: ``sample,file,start,expected``: ``file`` and ``start`` locate the pronoun in the PolNeAR train text
(the gold stores offsets only, no corpus text); ``expected`` is the antecedent's canonical name as helpers.actors
writes it ('|' separates acceptable forms), or '-' when the text names no antecedent (unresolved is then right).
Samples 7 and 11 were read while the rules were written; sample 23 was judged afterwards, on fresh items.
"""
from __future__ import annotations

import collections
import csv
import sys

from helpers import actors, paths

TEXTS = paths.SHARED / "corpora" / "polnear-train-dev" / "train" / "text"


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    if not TEXTS.is_dir():
        print(f"error: {TEXTS}: PolNeAR train texts not found beside the project", file=sys.stderr)
        return 2
    score: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    with open(argv[1], encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            text = (TEXTS / r["file"]).read_text(encoding="utf-8")
            s = int(r["start"])
            m = actors.find_mentions(text)
            hit = m[(m["start"] <= s) & (m["end"] > s)]
            got = hit.iloc[0]["canonical_name"] if len(hit) else ""
            exp = r["expected"].split("|")
            right = got == "" if exp == ["-"] else got in exp
            verdict = "right" if right else "unresolved" if got == "" else "wrong"
            if verdict == "wrong" and "-v" in argv:
                ctx = text[max(0, s - 250):s].replace("\n", " ")
                print(r["sample"], r["file"], s, "expected", exp, "got", got, "|", ctx + "[[" + text[s:s + 4] + "]]")
            for k in (r["sample"], "all"):
                score[k][verdict] += 1
    for k, c in sorted(score.items()):
        n = sum(c.values())
        print(f"sample {k:>3}: n={n:3d}  right {c['right'] / n:6.1%}  unresolved {c['unresolved'] / n:6.1%}  "
              f"wrong {c['wrong'] / n:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
