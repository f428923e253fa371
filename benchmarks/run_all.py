"""`make bench`: the five corpus figures of issue 11, each a ratio against a baseline measured in the same run.

Usage: python benchmarks/run_all.py [--quick] [--out reports/benchmarks.md] [--keep DIR]  (make bench [QUICK=1])

1. **Start-up.** A cold ``make report OUT_DIR=...`` on the project's own article (environment present, every notebook
   executed) against N runs, through the same runner, of an empty notebook importing the same libraries (N = the
   chain's notebooks; the imports are collected from their code cells); fastest of 3 alternating rounds of each.
   ``make report`` runs independent notebooks two at a time (02 beside 03 and 04); the same run with ``JOBS=1``
   (one notebook at a time) is printed beside it for reference.
   Target <= 1.25x. Then a no-op
   ``make report``: target < 1 s.
2. **Corpus throughput.** ``make report RAW_DIR=<Reuters> OUT_DIR=...`` (articles/s, characters/s) against the
   *floor* on the same texts in one process: Punkt sentences (``PunktSentenceTokenizer``), NLTK word tokens
   (``NLTKWordTokenizer.span_tokenize``) and VADER (``vaderSentiment``) per sentence. Target >= 0.5x the floor.
3. **Scaling.** The chain on 1x, 10x and 100x a slice of Reuters, each on the loop engine (``HELPERS_ENGINE=loop``, so
   the engine is the same at every size): the marginal time per article from 1x to 10x against 10x to 100x
   (linear: within 10%), and the peak memory of the largest process at each size (flat), beside the growth of the
   output tables themselves (pandas, in memory), which a notebook holding its tables must grow by.
4. **Dask.** The per-article work of every stage on the largest size in one process against a local cluster of 2
   worker processes on this 2-core machine (start-up included; target >= 1.6x; per-article results identical), and
   the whole ``make report`` on the default engine against the one-process run of figure 3 (tables byte-identical).
5. **Hostile corpus.** A few normal articles plus the bad files of issue 11 item 2 (undecodable, empty, binary,
   HTML, a 20 MB file, a manifest row pointing outside the folder) and text that is merely hard: 20,000
   quotations in one article, a 5,000-word sentence, UTF-16 and Windows-1252 files. It must complete with exactly
   the bad files in ``failures.csv``; its time is compared with the same normal articles alone.

Full run: 1x = 44 Reuters articles, 100x = all 4,379. ``--quick``: 1x = 5, 100x = 500 (a few minutes).
Writes the figures and the machine description to ``reports/benchmarks.md``; nothing else in the project.
"""
from __future__ import annotations

import argparse
import ast
import hashlib
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578-quotes" / "articles"
WIKINEWS = ROOT.parent / "shared" / "corpora" / "wikinews-2019-2020" / "articles"

# Runs a command and reports the peak resident memory of its largest descendant (ru_maxrss of waited children).
_WRAPPER = ("import resource, subprocess, sys\n"
            "r = subprocess.run(sys.argv[1:])\n"
            "print('maxrss_kb=%d' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(r.returncode)\n")


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    mem_kb = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return {"nproc": str(os.cpu_count()), "RAM": f"{mem_kb / 1024 / 1024:.1f} GiB", "CPU": cpu,
            "python": platform.python_version(), "OS": platform.platform(),
            "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def run_make(raw: Path | None, out: Path, env: dict | None = None, timings: Path | None = None,
             timeout: float | None = None) -> dict:
    """``make report`` into ``out``: wall time, exit status, peak RSS (MB) of the largest process, error lines.
    After ``timeout`` seconds the run is stopped (its whole process group) and reported with exit status -1."""
    args = ["make", "--no-print-directory", "report", f"OUT_DIR={out}"] + ([f"RAW_DIR={raw}"] if raw else [])
    full_env = {**os.environ, **(env or {})}
    if timings:
        full_env["HELPERS_TIMINGS"] = str(timings)
    full_env.setdefault("HELPERS_PROGRESS", "off")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, *args], cwd=ROOT, env=full_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
        returncode = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)
        stdout, stderr = proc.communicate()
        returncode = -1
    seconds = time.perf_counter() - t0
    m = re.search(r"maxrss_kb=(\d+)", stderr)
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    return {"seconds": seconds, "returncode": returncode, "peak_mb": int(m.group(1)) / 1024 if m else float("nan"),
            "errors": errors, "stdout": stdout}


def chain_imports() -> list[str]:
    """Every top-level import statement of the chain notebooks' code cells (what an empty notebook must import)."""
    import nbformat
    lines: list[str] = []
    for nb_path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        if not re.fullmatch(r"[0-9]{2}_[a-z][a-z0-9_]*\.ipynb", nb_path.name):
            continue
        for cell in nbformat.read(nb_path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            source = "\n".join(line for line in cell.source.splitlines() if not line.startswith(("%", "!")))
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            for node in tree.body:
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    stmt = ast.unparse(node)
                    if stmt not in lines:
                        lines.append(stmt)
    return lines


def empty_notebook_runs(n: int, tmp: Path) -> float:
    """Seconds for ``n`` runs, through helpers.notebooks (as make does), of a notebook that only imports."""
    import nbformat
    source = "%config InlineBackend.figure_formats = ['png']\n" + "\n".join(chain_imports())
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    path = tmp / "00_empty.ipynb"
    nbformat.write(nb, path)
    t0 = time.perf_counter()
    for i in range(n):
        r = subprocess.run([sys.executable, "-m", "helpers.notebooks", str(path), str(tmp / f"empty_{i}.ipynb")],
                           cwd=ROOT, capture_output=True, text=True)
        if r.returncode:
            raise SystemExit(f"error: empty notebook run failed: {r.stderr.strip()[-500:]}")
    return time.perf_counter() - t0


def floor_seconds(files: list[Path]) -> tuple[float, int]:
    """The floor: Punkt sentences, NLTK word tokens and VADER per sentence, one process; (seconds, characters)."""
    from nltk.tokenize import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    punkt, words, vader = PunktSentenceTokenizer(), NLTKWordTokenizer(), SentimentIntensityAnalyzer()
    chars = 0
    t0 = time.perf_counter()
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        chars += len(text)
        for s, e in punkt.span_tokenize(text):
            sentence = text[s:e]
            list(words.span_tokenize(sentence))
            vader.polarity_scores(sentence)
    return time.perf_counter() - t0, chars


def corpus_slice(files: list[Path], n: int, folder: Path) -> Path:
    """A raw folder with the first ``n`` files (copies, so the shared corpus is never touched)."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in files[:n]:
        shutil.copyfile(f, folder / f.name)
    return folder


def hostile_corpus(folder: Path, normal: list[Path]) -> tuple[Path, set[str]]:
    """Normal articles plus the hostile files; returns the folder and the names that must be in failures.csv."""
    corpus_slice(normal, len(normal), folder)
    bad = {
        "undecodable.txt": b"Caf\x81\x8d broken bytes \xff\xfe\x90",
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 40,
        "page.txt": b"<!DOCTYPE html>\n<html><head><title>News</title></head><body>" + b"<p>Text.</p>" * 50
                    + b"</body></html>\n",
        "huge.txt": b"The minister said prices would rise. " * 560_000,  # 20.7 MB
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    hard = {
        "many_quotes.txt": ("Officials spoke on Monday.\n\n" + "“Yes,” he said. " * 20_000 + "\n").encode(),
        "long_sentence.txt": ("Police said " + " ".join(["protesters", "and", "officials", "met"] * 1250)
                              + ".\n").encode(),
        "utf16.txt": b"\xff\xfe" + "The minister said: “We will act.”\n\nPrices rose.\n".encode("utf-16-le"),
        "cp1252.txt": "The mayor said: “Cafés will reopen,” on Monday.\n".encode("cp1252"),
    }
    for name, data in hard.items():
        (folder / name).write_bytes(data)
    rows = ["file,sha256,title,outlet,published,language"]
    for p in sorted(folder.glob("*.txt")):
        rows.append(f"{p.name},{hashlib.sha256(p.read_bytes()).hexdigest()},,,,en")
    rows.append(f"../outside.txt,{'0' * 64},,,,en")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder, set(bad) | {"../outside.txt"}


def chain_article(item) -> tuple:
    """Every stage's per-article work on one raw article, as the notebooks do it (ingest, text model, mentions,
    statements, framing quotes, tone toward actors); returns the tables as CSV text (to compare engines byte for
    byte). Module-level, so Dask can ship it."""
    from helpers import actors, ingest, quotes, sentiment
    from helpers import text as tm

    article_id, raw = item
    norm = ingest.normalise(raw)
    paras = ingest.paragraph_rows(norm, article_id)
    text = ingest._blanked(norm, [(p["start"], p["end"]) for p in paras if p["kind"] == "boilerplate"])
    model = tm.build(text)
    mentions = actors.find_mentions(text, None)
    mentions.insert(0, "article_id", article_id)
    statements = quotes.extract_quotes(text)
    framing = quotes.find_scare_quotes(text)
    tone = sentiment.score_actors(mentions, {article_id: text})
    return (len(paras), len(model.sentences), len(model.tokens), mentions.to_csv(index=False),
            statements.to_csv(index=False), framing.to_csv(index=False), tone.to_csv(index=False))


def burn(n: int) -> int:
    """Control for figure 4: pure CPU work with no data to ship (shows how much of 2 cores the machine gives)."""
    return sum(i * i for i in range(n))


def dask_versus_loop(files: list[Path]) -> dict:
    """The per-article chain over ``files`` in one process and on a 2-worker local cluster (start-up included)."""
    from helpers import corpus

    items = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    if not sys.stderr.isatty():  # a log file gets the figures, not the bars
        os.environ.setdefault("HELPERS_PROGRESS", "off")
    out = {}
    for engine in ("loop", "local"):
        failures: list = []
        t0 = time.perf_counter()
        results = corpus.map_articles(chain_article, items, desc=f"chain ({engine})", engine=engine, failures=failures)
        out[engine] = (time.perf_counter() - t0, results, len(failures))
        if engine == "local":
            out["workers"] = corpus.workers()
            control = []
            for control_engine in ("loop", "local"):  # the cluster is warm now: this is the machine's parallelism
                t1 = time.perf_counter()
                corpus.map_articles(burn, [2_000_000] * 24, desc="control", engine=control_engine)
                control.append(time.perf_counter() - t1)
            out["control"] = control[0] / control[1]
            corpus.shutdown()
    return {"loop_s": out["loop"][0], "dask_s": out["local"][0], "ratio": out["loop"][0] / out["local"][0],
            "identical": out["loop"][1] == out["local"][1], "failed": out["loop"][2], "workers": out["workers"],
            "differing": sum(a != b for a, b in zip(out["loop"][1], out["local"][1])), "control": out["control"]}


def tables_memory_mb(out: Path) -> float:
    """Memory (MB, pandas ``memory_usage(deep=True)``) of every output table of a run, loaded as notebooks load them:
    what a notebook holding the tables it writes and reads must hold at least, whatever the code around them."""
    import pandas as pd
    total = 0
    for p in sorted((out / "data" / "processed").glob("*.csv")):
        total += int(pd.read_csv(p, keep_default_na=False, dtype=str).memory_usage(deep=True).sum())
    return total / 1e6


def tables_digest(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((out / "data" / "processed").glob("*.csv"))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (1x = 5 articles, 100x = 500)")
    ap.add_argument("--base", type=int, default=0, help="articles at 1x (default 44, or 5 with --quick)")
    ap.add_argument("--out", default=str(ROOT / "reports" / "benchmarks.md"))
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of figure 1 (fastest of each kept)")
    ap.add_argument("--hostile-timeout", type=float, default=1200, help="seconds before the hostile run is stopped")
    ap.add_argument("--keep", default="", help="keep the runs' outputs in this folder (default: a temp folder)")
    args = ap.parse_args()
    if not REUTERS.is_dir():
        print(f"error: {REUTERS}: the shared Reuters corpus is needed beside the project", file=sys.stderr)
        return 2
    files = sorted(REUTERS.glob("*.txt"))
    base = args.base or (5 if args.quick else 44)
    sizes = [base, base * 10, min(base * 100, len(files))]
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    info = machine()
    results: dict[str, object] = {}
    print(f"machine: {info}", flush=True)

    # 1. start-up: cold make report on the seed vs N empty notebooks; then a no-op make report
    n_notebooks = len([p for p in (ROOT / "notebooks").glob("*.ipynb")
                       if re.fullmatch(r"[0-9]{2}_[a-z][a-z0-9_]*\.ipynb", p.name)])
    # alternating rounds, fastest of each: one round of either varies by 30% on a shared machine
    colds, serials, empties = [], [], []
    for _ in range(args.rounds):
        shutil.rmtree(tmp / "cold", ignore_errors=True)
        cold = run_make(None, tmp / "cold")
        colds.append(cold["seconds"])
        empties.append(empty_notebook_runs(n_notebooks, tmp))
        shutil.rmtree(tmp / "cold1", ignore_errors=True)  # for reference: one notebook at a time
        serials.append(run_make(None, tmp / "cold1", env={"JOBS": "1"})["seconds"])
    cold["seconds"], empty, serial = min(colds), min(empties), min(serials)
    # catch up first: a source file edited during the cold run (other work on the machine) makes stages stale
    subprocess.run(["make", "--no-print-directory", "report", f"OUT_DIR={tmp / 'cold'}"], cwd=ROOT,
                   capture_output=True, text=True)
    t0 = time.perf_counter()
    noop = subprocess.run(["make", "--no-print-directory", "report", f"OUT_DIR={tmp / 'cold'}"], cwd=ROOT,
                          capture_output=True, text=True)
    noop_s = time.perf_counter() - t0
    results["startup"] = {"cold_s": cold["seconds"], "serial_s": serial, "empty_s": empty, "n": n_notebooks,
                          "rounds": args.rounds,
                          "ratio": cold["seconds"] / empty, "noop_s": noop_s,
                          "ok": cold["returncode"] == 0 and noop.returncode == 0}
    print(f"1. cold make report {cold['seconds']:.1f} s vs {n_notebooks} empty notebooks {empty:.1f} s: "
          f"{cold['seconds'] / empty:.2f}x (target <= 1.25x); one notebook at a time (JOBS=1) {serial:.1f} s: "
          f"{serial / empty:.2f}x; no-op make report {noop_s:.2f} s (target < 1 s)",
          flush=True)

    # 3 (and 2, 4): the chain on 1x, 10x, 100x in one process (HELPERS_ENGINE=loop: the engine is fixed, so the
    # figure measures the code's scaling, not the switch to Dask); the largest again on the default engine
    runs = {}
    for n in sizes:
        raw = corpus_slice(files, n, tmp / f"raw_{n}")
        runs[n] = run_make(raw, tmp / f"out_{n}_loop", env={"HELPERS_ENGINE": "loop"},
                           timings=tmp / f"timings_{n}_loop.jsonl")
        runs[n]["tables_mb"] = tables_memory_mb(tmp / f"out_{n}_loop")
        print(f"   chain on {n} articles, loop engine: {runs[n]['seconds']:.1f} s, peak {runs[n]['peak_mb']:.0f} MB "
              f"(output tables {runs[n]['tables_mb']:.0f} MB in memory), exit {runs[n]['returncode']}", flush=True)
    largest = sizes[-1]
    loop = runs[largest]
    chain = run_make(tmp / f"raw_{largest}", tmp / f"out_{largest}", timings=tmp / f"timings_{largest}.jsonl")
    print(f"   chain on {largest} articles, default engine: {chain['seconds']:.1f} s, peak {chain['peak_mb']:.0f} MB, "
          f"exit {chain['returncode']}", flush=True)

    floor_s, chars = floor_seconds(files[:largest])
    results["throughput"] = {"articles": largest, "chars": chars, "chain_s": chain["seconds"], "floor_s": floor_s,
                             "ratio": floor_s / chain["seconds"]}
    print(f"2. throughput on {largest} Reuters articles ({chars:,} chars): chain {largest / chain['seconds']:.1f} "
          f"articles/s, {chars / chain['seconds']:,.0f} chars/s; floor {largest / floor_s:.1f} articles/s: "
          f"{floor_s / chain['seconds']:.3f}x the floor (target >= 0.5x)", flush=True)

    a, b, c = sizes
    marg_low = (runs[b]["seconds"] - runs[a]["seconds"]) / (b - a)
    marg_high = (runs[c]["seconds"] - runs[b]["seconds"]) / (c - b)
    results["scaling"] = {"sizes": sizes, "seconds": [runs[n]["seconds"] for n in sizes],
                          "peak_mb": [runs[n]["peak_mb"] for n in sizes], "marginal_low": marg_low,
                          "marginal_high": marg_high, "linearity": marg_high / marg_low if marg_low > 0 else float("nan"),
                          "memory_ratio": runs[c]["peak_mb"] / runs[a]["peak_mb"],
                          "tables_mb": [runs[n]["tables_mb"] for n in sizes],
                          "growth_mb": runs[c]["peak_mb"] - runs[a]["peak_mb"],
                          "tables_growth_mb": runs[c]["tables_mb"] - runs[a]["tables_mb"]}
    peaks = " / ".join(f"{runs[n]['peak_mb']:.0f}" for n in sizes)
    print(f"3. scaling {sizes}: marginal {marg_low * 1000:.1f} ms/article (1x-10x) vs {marg_high * 1000:.1f} "
          f"ms/article (10x-100x): {results['scaling']['linearity']:.2f} (linear within 10%: 0.9-1.1); peak memory "
          f"{peaks} MB: {results['scaling']['memory_ratio']:.2f}x "
          f"from 1x to 100x (flat: ~1x); growth {results['scaling']['growth_mb']:.0f} MB against "
          f"{results['scaling']['tables_growth_mb']:.0f} MB more output tables (target: growth within the tables)",
          flush=True)

    identical = tables_digest(tmp / f"out_{largest}") == tables_digest(tmp / f"out_{largest}_loop")
    per_article = dask_versus_loop(files[:largest])
    results["dask"] = {"loop_s": loop["seconds"], "dask_s": chain["seconds"], "ratio": loop["seconds"] / chain["seconds"],
                       "map_loop_s": per_article["loop_s"], "map_dask_s": per_article["dask_s"],
                       "map_ratio": per_article["ratio"], "identical": per_article["identical"],
                       "chain_identical": identical, "workers": per_article["workers"], "failed": per_article["failed"],
                       "differing": per_article["differing"], "control": per_article["control"]}
    print(f"4. Dask ({per_article['workers']} local workers) vs one process on {largest} articles: per-article chain "
          f"(ingest, text model, mentions, statements, framing, tone) {per_article['loop_s']:.1f} s -> "
          f"{per_article['dask_s']:.1f} s = {per_article['ratio']:.2f}x (target >= 1.6x; results identical: "
          f"{per_article['identical']} ({per_article['differing']} article(s) differ), {per_article['failed']} "
          f"article(s) failed; control, pure CPU work: {per_article['control']:.2f}x); whole make report "
          f"{loop['seconds']:.1f} s -> {chain['seconds']:.1f} s = {loop['seconds'] / chain['seconds']:.2f}x, tables "
          f"byte-identical: {identical}", flush=True)

    normal = sorted(WIKINEWS.glob("*.txt"))[:20] if WIKINEWS.is_dir() else files[:20]
    plain = run_make(corpus_slice(normal, len(normal), tmp / "raw_plain"), tmp / "out_plain")
    folder, expected = hostile_corpus(tmp / "raw_hostile", normal)
    hostile = run_make(folder, tmp / "out_hostile", timeout=args.hostile_timeout)
    failures_path = tmp / "out_hostile" / "data" / "processed" / "failures.csv"
    listed = set()
    if failures_path.is_file():
        import csv
        with open(failures_path, encoding="utf-8", newline="") as fh:
            listed = {r["file"] for r in csv.DictReader(fh)}
    completed = all((tmp / "out_hostile" / "notebooks" / f"{p.stem}.ipynb").is_file()
                    for p in (ROOT / "notebooks").glob("*.ipynb") if re.fullmatch(r"[0-9]{2}_[a-z][a-z0-9_]*\.ipynb", p.name))
    results["hostile"] = {"seconds": hostile["seconds"], "plain_s": plain["seconds"],
                          "ratio": hostile["seconds"] / plain["seconds"], "completed": completed,
                          "failures_as_expected": listed == expected, "listed": sorted(listed),
                          "exit": hostile["returncode"], "peak_mb": hostile["peak_mb"]}
    if hostile["returncode"] == -1:
        print(f"   hostile run stopped after {args.hostile_timeout:.0f} s", flush=True)
    print(f"5. hostile corpus: {'completed' if completed else 'DID NOT COMPLETE'} in {hostile['seconds']:.1f} s "
          f"({hostile['seconds'] / plain['seconds']:.2f}x the same {len(normal)} normal articles alone, "
          f"{plain['seconds']:.1f} s); failures.csv lists {sorted(listed)}; as expected: {listed == expected}; "
          f"exit status {hostile['returncode']} (non-zero: files failed)", flush=True)

    write_report(Path(args.out), info, results, command=" ".join(["benchmarks/run_all.py", *sys.argv[1:]]))
    print(f"wrote {args.out}")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def write_report(path: Path, info: dict, r: dict, command: str) -> None:
    s, t, sc, d, h = r["startup"], r["throughput"], r["scaling"], r["dask"], r["hostile"]
    lines = [
        "# Corpus benchmarks (`make bench`)", "",
        f"Written by `{command}`; every figure is a ratio against a baseline "
        "measured in the same run. Other processes may share the machine: see the load average.", "",
        "## Machine", "", "| | |", "| --- | --- |", *[f"| {k} | {v} |" for k, v in info.items()], "",
        "## Figures", "",
        "| # | figure | measured | baseline | ratio | target |", "| --- | --- | --- | --- | --- | --- |",
        f"| 1 | cold `make report` (seed; fastest of {s['rounds']} alternating rounds) | {s['cold_s']:.1f} s | "
        f"{s['n']} empty notebooks {s['empty_s']:.1f} s | "
        f"{s['ratio']:.2f}x | <= 1.25x |",
        f"| 1 | the same, one notebook at a time (`JOBS=1`; for reference) | {s['serial_s']:.1f} s | "
        f"{s['n']} empty notebooks {s['empty_s']:.1f} s | {s['serial_s'] / s['empty_s']:.2f}x | |",
        f"| 1 | no-op `make report` | {s['noop_s']:.2f} s | | | < 1 s |",
        f"| 2 | chain on {t['articles']:,} Reuters articles ({t['chars']:,} chars) | {t['chain_s']:.1f} s, "
        f"{t['articles'] / t['chain_s']:.1f} articles/s | floor {t['floor_s']:.1f} s, "
        f"{t['articles'] / t['floor_s']:.1f} articles/s | {t['ratio']:.3f}x | >= 0.5x |",
        f"| 3 | marginal time per article, 10x-100x vs 1x-10x (sizes {sc['sizes']}) | "
        f"{sc['marginal_high'] * 1000:.1f} ms | {sc['marginal_low'] * 1000:.1f} ms | {sc['linearity']:.2f} | 0.9-1.1 |",
        f"| 3 | peak memory of the largest process at 100x vs 1x | {sc['peak_mb'][2]:.0f} MB | "
        f"{sc['peak_mb'][0]:.0f} MB | {sc['memory_ratio']:.2f}x | ~1x (flat) |",
        f"| 3 | peak memory growth 1x to 100x vs growth of the output tables (pandas, all tables) | "
        f"{sc['growth_mb']:.0f} MB | {sc['tables_growth_mb']:.0f} MB | {sc['growth_mb'] / max(sc['tables_growth_mb'], 1e-9):.2f}x | "
        "<= 1x (nothing beyond the tables) |",
        f"| 4 | Dask, {d['workers']} local workers, per-article chain ({t['articles']:,} articles) | {d['map_dask_s']:.1f} s | "
        f"one process {d['map_loop_s']:.1f} s | {d['map_ratio']:.2f}x | >= 1.6x |",
        f"| 4 | control: pure CPU work (no data), same engines | | | {d['control']:.2f}x | ~2x on an idle 2-core machine |",
        f"| 4 | Dask, whole `make report` (`HELPERS_ENGINE=loop` as baseline) | {d['dask_s']:.1f} s | loop engine "
        f"{d['loop_s']:.1f} s | {d['ratio']:.2f}x | |",
        f"| 5 | hostile corpus ({'completed' if h['completed'] else 'DID NOT COMPLETE'}, bad files listed: "
        f"{h['failures_as_expected']}) | {h['seconds']:.1f} s | same normal articles {h['plain_s']:.1f} s | "
        f"{h['ratio']:.2f}x | completes |", "",
        f"Per-article results identical on both engines: {d['identical']} ({d['differing']} article(s) differ); "
        f"whole-chain tables byte-identical on both engines: {d['chain_identical']}. Scaling runs (loop engine): "
        + ", ".join(f"{n} articles {sec:.1f} s / {mb:.0f} MB" for n, sec, mb in zip(sc['sizes'], sc['seconds'], sc['peak_mb']))
        + f". Hostile corpus: failures.csv lists {', '.join(h['listed'])}; exit status {h['exit']}.", "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())
