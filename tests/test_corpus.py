"""helpers.corpus: the per-article map on every engine (byte-identical results), failures, progress, failures.csv."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import nbformat
import pandas as pd
import pytest

from helpers import corpus, ingest, paths, runstate, tables
from helpers import text as tm


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, str]]:
    """A few hundred real articles from the shared corpora (Wikinews then Reuters; the seed in a fork)."""
    files = paths.corpus_files()
    picked = files[:150] + files[-150:] if len(files) > 300 else files
    return [(p.stem, ingest.normalise(p.read_text(encoding="utf-8"))) for p in picked]


def _stage(item):
    """Stand-in for a stage: paragraphs and sentences of one article as rows (module-level: picklable)."""
    article_id, text = item
    if text is None:
        raise ValueError(f"no text for {article_id}\n(second line)")
    rows = ingest.paragraph_rows(text, article_id)
    return rows, [(article_id, i, a, b) for i, (a, b) in enumerate(tm.sentence_spans(text))]


def _slow_stage(item):
    """:func:`_stage` that takes at least 20 ms an article, so a cluster starting in the background is ready long
    before the loop ends."""
    import time
    time.sleep(0.02)
    return _stage(item)


def _bytes(results) -> bytes:
    paras = pd.DataFrame([r for res in results if res for r in res[0]])
    sents = pd.DataFrame([s for res in results if res for s in res[1]])
    return paras.to_csv(index=False).encode() + sents.to_csv(index=False).encode()


@pytest.fixture(scope="module")
def local_results(articles):
    out = corpus.map_articles(_stage, articles, desc="local", engine="local")
    yield out
    corpus.shutdown()


def test_loop_and_local_dask_cluster_give_identical_bytes_in_input_order(articles, local_results):
    loop = corpus.map_articles(_stage, articles, desc="loop", engine="loop")
    assert len(articles) >= min(300, len(paths.corpus_files()))
    assert [r[0][0]["article_id"] for r in local_results if r[0]] == [r[0][0]["article_id"] for r in loop if r[0]]
    assert _bytes(loop) == _bytes(local_results)


def test_existing_cluster_from_dask_scheduler_address(articles, monkeypatch, tmp_path):
    from distributed import LocalCluster
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as cluster:
        monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
        assert corpus.choose_engine("auto", 10_000) == "cluster"
        monkeypatch.setattr(corpus, "DASK_SWITCH_SECONDS", 0.0)  # start reaching the cluster after the first article
        timings = tmp_path / "timings.jsonl"
        monkeypatch.setenv("HELPERS_TIMINGS", str(timings))
        try:  # the loop goes on while the client connects (in the background), then hands the rest over
            got = corpus.map_articles(_slow_stage, iter(articles[:150]), desc="cluster", engine="auto", total=10_000)
        finally:
            corpus._CLIENTS.pop("cluster").close()
    assert json.loads(timings.read_text())["engine"] == "loop+cluster"
    assert _bytes(got) == _bytes(corpus.map_articles(_stage, articles[:150], desc="loop", engine="loop"))


def test_start_early_hands_a_map_the_cluster_it_started(articles, monkeypatch, tmp_path):
    """A notebook starts its cluster before reading its inputs; the map then hands over as soon as the cluster is
    ready, even when its own projection would never have started one."""
    from distributed import LocalCluster
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as cluster:
        monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
        monkeypatch.setattr(corpus, "DASK_SWITCH_SECONDS", 1e9)  # the loop alone would never switch
        timings = tmp_path / "timings.jsonl"
        monkeypatch.setenv("HELPERS_TIMINGS", str(timings))
        corpus.start_early(_slow_stage, 10_000)
        assert set(corpus._EARLY) == {"cluster"}
        try:
            got = corpus.map_articles(_slow_stage, iter(articles[:150]), desc="early", engine="auto", total=10_000)
        finally:
            corpus._CLIENTS.pop("cluster").close()
    assert corpus._EARLY == {}
    assert json.loads(timings.read_text())["engine"] == "loop+cluster"
    assert _bytes(got) == _bytes(corpus.map_articles(_stage, articles[:150], desc="loop", engine="loop"))


def test_local_workers_do_not_run_the_statistical_profiler(local_results):
    def profiling():
        import dask
        return dask.config.get("distributed.worker.profile.enabled")

    assert set(corpus._CLIENTS["local"].run(profiling).values()) == {False}


def test_auto_keeps_a_cheap_large_map_in_the_loop(articles, monkeypatch, tmp_path):
    """From DASK_MIN_ARTICLES on, auto starts as a loop: work it projects to finish within DASK_SWITCH_SECONDS never
    starts a cluster; work projected to take longer moves to one (above)."""
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    monkeypatch.delenv("HELPERS_ENGINE", raising=False)
    timings = tmp_path / "timings.jsonl"
    monkeypatch.setenv("HELPERS_TIMINGS", str(timings))
    before = set(corpus._CLIENTS)
    items = [articles[i % len(articles)] for i in range(corpus.DASK_MIN_ARTICLES)]
    got = corpus.map_articles(len, items, desc="cheap", engine="auto")
    assert got == [len(a) for a in items] and set(corpus._CLIENTS) == before
    assert json.loads(timings.read_text())["engine"] == "loop"


def test_failures_are_recorded_with_their_key_on_every_engine(articles, local_results):
    items = list(articles[:40]) + [("broken", None)] + list(articles[40:50])
    for engine in ("loop", "local"):
        failures: list = []
        out = corpus.map_articles(_stage, items, desc=engine, engine=engine, failures=failures)
        assert out[40] is None and all(r is not None for i, r in enumerate(out) if i != 40)
        assert failures == [corpus.Failure("broken", failures[0].reason)]
        assert failures[0].reason == "ValueError: no text for broken (second line)"
    with pytest.raises(ValueError):
        corpus.map_articles(_stage, items, desc="strict", engine="loop")


def test_streamed_input_is_consumed_lazily():
    seen = []

    def items():
        for i in range(5):
            seen.append(i)
            yield i

    it = items()
    assert seen == []  # nothing read before the map
    assert corpus.map_articles(str, it, desc="lazy", engine="loop") == ["0", "1", "2", "3", "4"]


def test_engine_choice(monkeypatch):
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    monkeypatch.delenv("HELPERS_ENGINE", raising=False)
    assert corpus.choose_engine("auto", corpus.DASK_MIN_ARTICLES - 1) == "loop"
    assert corpus.choose_engine("auto", corpus.DASK_MIN_ARTICLES) == "local"
    assert corpus.choose_engine("auto", None) == "local"
    monkeypatch.setenv("HELPERS_ENGINE", "loop")
    assert corpus.choose_engine("auto", 10 ** 6) == "loop" and corpus.choose_engine("local", 3) == "local"
    monkeypatch.setenv("HELPERS_ENGINE", "gpu")
    with pytest.raises(ValueError, match="HELPERS_ENGINE"):
        corpus.choose_engine("auto", 3)
    with pytest.raises(ValueError, match="engine must be one of"):
        corpus.choose_engine("spark", 3)


def test_progress_bar_on_stderr_with_rate_and_eta(capsys, monkeypatch):
    monkeypatch.delenv("HELPERS_PROGRESS", raising=False)
    corpus.map_articles(len, ["ab"] * 7, desc="demo bar", engine="loop")
    err = capsys.readouterr().err
    assert "demo bar: 100%" in err and "7/7" in err and "article/s" in err and "<" in err  # elapsed<remaining
    monkeypatch.setenv("HELPERS_PROGRESS", "off")
    corpus.map_articles(len, ["ab"] * 7, desc="silent", engine="loop")
    assert "silent" not in capsys.readouterr().err


def test_timings_are_logged_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv("HELPERS_TIMINGS", str(tmp_path / "t.jsonl"))
    failures: list = []
    corpus.map_articles(lambda x: 1 / x, [1, 0, 2], desc="timed", engine="loop", failures=failures)
    record = json.loads((tmp_path / "t.jsonl").read_text().splitlines()[0])
    assert record["desc"] == "timed" and record["articles"] == 3 and record["failed"] == 1
    assert record["engine"] == "loop" and record["seconds"] >= 0


def test_record_failures_replaces_one_stage_and_sorts(tmp_path):
    processed = tmp_path / "processed"
    tables.write_table(pd.DataFrame({"article_id": ["b", "a"], "file": ["b.txt", "a.txt"]}),
                       processed / "articles.csv")
    corpus.record_failures(processed, "01_ingest", corpus.failures_frame("01_ingest", [corpus.Failure("z.txt", "empty file")]))
    corpus.record_failures(processed, "03_actors", [corpus.Failure("b", "ValueError: x"), corpus.Failure("a", "KeyError: y")])
    table = corpus.record_failures(processed, "03_actors", [corpus.Failure("b", "ValueError: x")])
    assert table[["stage", "file", "article_id"]].values.tolist() == [["01_ingest", "z.txt", ""],
                                                                     ["03_actors", "b.txt", "b"]]
    assert tables.read_table(processed / "failures.csv", corpus.FAILURES_SCHEMA).equals(table)
    stream = io.StringIO()
    assert runstate.summary(processed, stream=stream) == 1
    assert "2 file(s) failed in 2 stage(s); 2 article(s) ingested" in stream.getvalue()
    corpus.record_failures(processed, "01_ingest", [])
    corpus.record_failures(processed, "03_actors", [])
    assert runstate.summary(processed, tmp_path / "stamp", stream=stream) == 0 and (tmp_path / "stamp").exists()


def test_papermill_run_keeps_progress_out_of_the_notebook(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from helpers import corpus\nprint(corpus.map_articles(len, ['ab'] * 5, desc='nb progress', engine='loop'))")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    src = tmp_path / "99_demo.ipynb"
    nbformat.write(nb, src)
    r = subprocess.run([sys.executable, "-m", "helpers.notebooks", str(src), str(tmp_path / "out.ipynb")],
                       capture_output=True, text=True, timeout=300, cwd=paths.ROOT)
    assert r.returncode == 0, r.stderr
    assert "nb progress: 100%" in r.stderr  # the bar went to the terminal ...
    out = (tmp_path / "out.ipynb").read_text(encoding="utf-8")
    outputs = nbformat.reads(out, as_version=4).cells[0].outputs
    assert "100%" not in out and "widget" not in out  # ... and nothing of it into the notebook
    assert [o.get("name") for o in outputs] == ["stdout"] and outputs[0]["text"] == "[2, 2, 2, 2, 2]\n"


def test_failures_from_a_generator_keep_the_article_id():
    failures: list = []
    items = ((f"a{i}", i) for i in range(4))
    out = corpus.map_articles(lambda kv: 10 // kv[1], items, desc="gen", engine="loop", failures=failures)
    assert out == [None, 10, 5, 3] and failures[0].key == "a0" and failures[0].reason.startswith("ZeroDivisionError")
    failures = []
    corpus.map_articles(lambda x: 1 // x, iter([1, 0]), desc="plain", engine="loop", failures=failures)
    assert failures == [corpus.Failure("1", "ZeroDivisionError: integer division or modulo by zero")]


def test_stages_recording_failures_at_the_same_time_lose_no_rows(tmp_path):
    """`make report` runs 02 beside 03 and 04: two processes replacing their own rows of failures.csv at once keep
    every row (the read-and-replace holds a lock on the folder; without it, one write drops the other's rows)."""
    code = ("import sys\nfrom helpers import corpus\n"
            "for k in range(25):\n"
            "    corpus.record_failures(sys.argv[1], f'{sys.argv[2]}_{k:02d}', [corpus.Failure('a', 'ValueError: x')],"
            " {'a': 'a.txt'})\n")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path), name]) for name in ("p", "q")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    table = tables.read_table(tmp_path / "failures.csv", corpus.FAILURES_SCHEMA)
    assert sorted(table["stage"]) == sorted(f"{n}_{k:02d}" for n in ("p", "q") for k in range(25))
    assert [p.name for p in tmp_path.iterdir()] == ["failures.csv"]  # no lock file or temporary file left behind


def test_progress_in_lines_mode_prints_one_line_per_update(capsys, monkeypatch):
    # what make -j2 gets (helpers.notebooks.parallel_make): two notebooks never redraw one terminal line
    monkeypatch.setenv("HELPERS_PROGRESS", "lines")
    corpus.map_articles(len, ["ab"] * 7, desc="two at once", engine="loop")
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert "\r" not in err and err.endswith("\n") and lines
    assert all(line.startswith("two at once: ") for line in lines) and "7/7" in lines[-1]
    assert len(lines) == len(set(lines))  # a redraw that changes nothing is not repeated


def test_sentiment_map_runs_to_its_end(tmp_path, monkeypatch):
    # the map is consumed to its end: the bar reaches 100% and the timing record is written (zip stopped one short)
    from helpers import sentiment
    monkeypatch.setenv("HELPERS_TIMINGS", str(tmp_path / "t.jsonl"))
    texts = {f"a{i}": "Security forces violently repressed the protests." for i in range(3)}
    m = pd.DataFrame({"article_id": list(texts), "start": [0] * 3, "end": [15] * 3, "mention": ["Security forces"] * 3,
                      "actor_id": ["sec"] * 3, "canonical_name": ["security forces"] * 3, "actor_type": ["state"] * 3})
    q = pd.DataFrame(columns=["article_id", "kind", "quote_start", "quote_end", "quote_text", "speaker", "actor"])
    _, _, actors = sentiment.sentiment_tables(texts, q, m, engine="loop")
    assert len(actors) == 3
    record = json.loads((tmp_path / "t.jsonl").read_text().splitlines()[-1])
    assert record["desc"] == "05 sentiment" and record["articles"] == 3


def test_a_scheduler_without_workers_is_an_error_not_a_hang(monkeypatch):
    from distributed import LocalCluster
    with LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as cluster:
        monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
        monkeypatch.setenv("HELPERS_DASK_WORKER_WAIT", "1")
        with pytest.raises(RuntimeError, match="no worker joined that scheduler within 1 s"):
            corpus.map_articles(len, ["a", "b"], desc="nobody", engine="cluster")
    assert "cluster" not in corpus._CLIENTS
