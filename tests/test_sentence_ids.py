"""Every table row that points into text carries the ``sentence_id`` of the sentence it lies in (issue 8).

``sentence_id`` is the index of a sentence of the text model, ``helpers.text.build(text).sentences``, which is
also the ``sentence_id`` of ``sentences.csv``. A row whose span may cross sentences (a statement) carries the
first (``sentence_id``) and the last (``last_sentence_id``) sentence. :func:`sentence_id_problems` is the generic
checker, importable by other tests::

    from test_sentence_ids import sentence_id_problems
    assert not sentence_id_problems(df, text, "quote_start", "quote_end", last="last_sentence_id")

The stage functions are run on a freshly computed seed (its analysis text) and on 30 Wikinews articles of the
shared corpora (when they sit beside the project). Stages in :data:`REQUIRED` must have the column; any other
stage function found with a ``sentence_id`` column is checked too.
"""
from __future__ import annotations

import importlib

import pandas as pd
import pytest

from helpers import ingest, paths
from helpers import text as tm

CORPUS = paths.ROOT.parent / "shared" / "corpora" / "wikinews-2019-2020" / "articles"
N_CORPUS = 30


def sentence_id_problems(df: pd.DataFrame, texts: dict[str, str] | str, start: str = "start", end: str = "end",
                         first: str = "sentence_id", last: str | None = None, limit: int = 5) -> list[str]:
    """Rows of ``df`` whose span ``[start, end)`` does not lie in its sentence(s); ``[]`` when all do.

    ``texts`` is one text or ``{article_id: text}`` (then ``df`` needs ``article_id``). A row is right when
    ``build(text).sentence_range(start, end) == (first, last)`` (``last`` defaults to the ``first`` column): its
    first sentence holds its start, its last sentence holds its end, and a span without a ``last`` column stays in
    one sentence; ``last=""`` checks only the first sentence of spans that may cross sentences. Rows with a
    negative offset (no span) are not checked. At most ``limit`` problems are listed.

    >>> t = "One sentence here. Another one."
    >>> ok = pd.DataFrame({"start": [0, 19], "end": [3, 26], "sentence_id": [0, 1]})
    >>> sentence_id_problems(ok, t)
    []
    >>> bad = pd.DataFrame({"start": [19, 4], "end": [26, 25], "sentence_id": [0, 0]})
    >>> [p.split(":")[0] for p in sentence_id_problems(bad, t)]
    ['row 0', 'row 1']
    """
    missing = [c for c in (start, end, first, last) if c and c not in df.columns]
    if missing:
        return [f"missing column(s) {missing}"]
    if last == "":  # a multi-sentence span whose table has no last-sentence column: check the first only
        df = df.assign(_last=[tm.build(texts if isinstance(texts, str) else texts[a]).sentence_range(int(s), int(e))[1]
                              for a, s, e in zip(df["article_id"] if "article_id" in df else [""] * len(df),
                                                 df[start], df[end])])
        last = "_last"
    problems = []
    for i, r in enumerate(df.to_dict("records")):
        text = texts if isinstance(texts, str) else texts[r["article_id"]]
        s, e = int(r[start]), int(r[end])
        if s < 0 or e < 0:
            continue
        model = tm.build(text)
        want = (int(r[first]), int(r[last]) if last else int(r[first]))
        got = model.sentence_range(s, e)
        if got != want or not (0 <= want[0] < len(model.sentences)):
            sa, sb = model.sentences[got[0]] if got[0] >= 0 else (0, 0)
            problems.append(f"row {i}: span {s}-{e} {text[s:e][:40]!r} lies in sentence(s) {got}, row says {want} "
                            f"(sentence {got[0]}: {text[sa:sb][:60]!r})")
            if len(problems) >= limit:
                break
    return problems


# ------------------------------------------------------------------ the texts
def _analysis_text(raw: str) -> str:
    return ingest.analysis_text(raw, ingest.split_paragraphs(ingest.normalise(raw)))


def _texts() -> dict[str, str]:
    out = {"seed": _analysis_text((paths.DATA_RAW / "kazakhstan_protests_2022.txt").read_text(encoding="utf-8"))}
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    step = max(1, len(files) // N_CORPUS)
    for f in files[::step][:N_CORPUS]:
        raw = f.read_text(encoding="utf-8")
        if len(raw) <= 20_000:  # the long interviews would only slow the test down
            out[f"wn-{f.stem}"] = _analysis_text(raw)
    return out


TEXTS = _texts()


# ------------------------------------------------------------------ the stages
def _mentions(text: str) -> pd.DataFrame:
    return importlib.import_module("helpers.actors").find_mentions(text)


def _quotes(text: str) -> pd.DataFrame:
    return importlib.import_module("helpers.quotes").extract_quotes(text)


def _scare(text: str) -> pd.DataFrame:
    return importlib.import_module("helpers.quotes").find_scare_quotes(text)


def _sentiment_actors(text: str) -> pd.DataFrame:
    sentiment = importlib.import_module("helpers.sentiment")
    return sentiment.score_actors(_mentions(text).assign(article_id="a"), {"a": text})


def _sentiment_quotes(text: str) -> pd.DataFrame:
    sentiment = importlib.import_module("helpers.sentiment")
    q = _quotes(text).assign(article_id="a")
    # score_quotes takes the quotes table; it may read the text through the table's own columns only
    return sentiment.score_quotes(q)


def _stances(text: str) -> pd.DataFrame:
    return importlib.import_module("helpers.sentiment").stances(text)


def _claims(text: str) -> pd.DataFrame:
    return importlib.import_module("helpers.claims").extract_claims(text)


#: stage -> (function of the text, start column, end column, last-sentence column or None)
STAGES = {
    "mentions": (_mentions, "start", "end", None),
    "quotes": (_quotes, "quote_start", "quote_end", "last_sentence_id"),
    "scare_quotes": (_scare, "start", "end", None),
    "sentiment_actors": (_sentiment_actors, "start", "end", None),
    "sentiment_quotes": (_sentiment_quotes, "quote_start", "quote_end", "last_sentence_id"),
    "stances": (_stances, "quote_start", "quote_end", "last_sentence_id"),
    "claims": (_claims, "start", "end", None),
}
#: stages issue 8 requires to carry sentence ids (mentions, statements, scare quotes, sentiment rows)
REQUIRED = {"mentions", "quotes", "scare_quotes", "sentiment_actors", "sentiment_quotes"}


def _available(stage: str) -> bool:
    """Whether the stage function exists in the code (a missing optional stage is not checked)."""
    fn = STAGES[stage][0]
    try:
        fn("Warm-up. He said it was “fine”.")
    except (AttributeError, ModuleNotFoundError):
        return False
    return True


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_rows_lie_in_their_sentence(stage):
    fn, start, end, last = STAGES[stage]
    if stage not in REQUIRED and not _available(stage):
        return  # an optional stage that does not exist (yet): nothing to check
    checked = 0
    for name, text in TEXTS.items():
        df = fn(text)
        if "sentence_id" not in df.columns:
            assert stage not in REQUIRED, f"{stage}: rows lack a sentence_id column (issue 8 requires it)"
            return  # an optional stage without the column is not checked
        if last and last not in df.columns and stage not in REQUIRED:
            last = ""  # an optional statement-level table with only sentence_id: its first sentence is checked
        problems = sentence_id_problems(df, text, start, end, last=last)
        assert not problems, f"{stage} on {name}:\n" + "\n".join(problems)
        checked += len(df)
    assert checked > 0 or stage not in {"mentions", "quotes"}, f"{stage}: no rows at all on {len(TEXTS)} texts"


def test_the_corpus_sample_is_used_when_present():
    assert "seed" in TEXTS
    if CORPUS.is_dir():
        assert len(TEXTS) >= 20


def test_checker_catches_rows_that_cross_sentences():
    t = "“We will stay,” he said. Police left. They came back."
    rows = pd.DataFrame({"start": [0, 25, 25], "end": [14, 37, 52], "sentence_id": [0, 1, 1],
                         "last_sentence_id": [0, 1, 1]})
    assert sentence_id_problems(rows.iloc[:2], t, last="last_sentence_id") == []
    assert len(sentence_id_problems(rows, t, last="last_sentence_id")) == 1  # the third ends in sentence 2
    assert sentence_id_problems(rows.drop(columns="sentence_id"), t) == ["missing column(s) ['sentence_id']"]
    # only a first-sentence column: the first sentence is checked, the span may go on
    first_only = rows.drop(columns="last_sentence_id")
    assert sentence_id_problems(first_only, t, last="") == []
    assert len(sentence_id_problems(first_only.assign(sentence_id=[0, 0, 1]), t, last="")) == 1
