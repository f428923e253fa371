"""The per-article map behind every notebook: plain loop, local Dask cluster or your own cluster; progress; failures.

A notebook's per-article work is a pure function of one article (its id and analysis text, say); the notebook
aggregates. :func:`map_articles` runs that function over every article and returns the results **in input order**,
so the tables a notebook writes are byte-identical whichever engine ran them:

- ``engine="loop"``: a plain loop in the notebook's own process;
- ``engine="local"``: a ``dask.distributed`` ``LocalCluster`` of worker *processes* (one per CPU, at most
  ``HELPERS_DASK_WORKERS``; 2 on a 2-core machine), started on first use and reused by the notebook's later maps;
- ``engine="cluster"``: an existing Dask cluster, at ``$DASK_SCHEDULER_ADDRESS`` (e.g. ``tcp://10.0.0.5:8786``).
  Its workers must have this project installed (``pip install -e .`` of the same checkout) and see the raw folder
  if a stage reads files;
- ``engine="auto"`` (the default): ``loop`` below :data:`DASK_MIN_ARTICLES` articles (a local cluster costs a few
  seconds to start, more than small runs take). From that size the map *starts* as a loop and measures its own rate;
  once the loop's projected remaining time exceeds :data:`DASK_SWITCH_SECONDS` it starts Dask (``cluster`` when
  ``DASK_SCHEDULER_ADDRESS`` is set, else ``local``) in a background thread, with the stage's module imported on
  every worker, and goes on looping until the cluster is ready; then it hands over the rest of the articles. A
  cheap stage of a mid-sized run never pays a cluster's start-up, and an expensive one loses no time waiting for
  it. Results are in input order either way.
  ``HELPERS_ENGINE=loop|local|cluster`` in the environment overrides ``auto`` for a whole run
  (``make report HELPERS_ENGINE=loop`` or exported).

Input is streamed: ``items`` may be a generator (e.g. :func:`helpers.ingest.iter_texts`); at most a few chunks per
worker are in flight, so the raw texts are never all in memory at once, only the results.

**Failures.** With a ``failures`` list, an exception raised by ``func`` for one item is recorded there as a
:class:`Failure` (the item's key and a one-line reason), that item's result is ``None``, and the map goes on; without
it the first exception propagates. :func:`record_failures` adds a stage's failures to the run's ``failures.csv``
(schema :data:`FAILURES_SCHEMA`), which ``make report`` summarises at the end with a non-zero exit status.

**Progress.** A tqdm bar with rate and ETA on stderr: in a terminal (and under ``make report``, where the runner
sets ``HELPERS_PROGRESS=stderr`` so the bar goes to the terminal and never into the executed notebook), or a
widget (``tqdm.auto``) in JupyterLab. ``HELPERS_PROGRESS=off`` silences it. When ``make report`` runs two
notebooks at once the runner sets ``HELPERS_PROGRESS=lines``: each bar then prints a line per update, named by its
stage, instead of redrawing a terminal line the other notebook's bar also redraws (so does a bar whose stderr is a
log file or a pipe).

>>> map_articles(len, ["a", "bb", "ccc"], desc="lengths", engine="loop")
[1, 2, 3]
>>> failures = []
>>> map_articles(lambda kv: 1 // kv[1], [("x", 1), ("y", 0)], desc="demo", engine="loop", failures=failures)
[1, None]
>>> failures
[Failure(key='y', reason='ZeroDivisionError: integer division or modulo by zero')]
"""
from __future__ import annotations

import atexit
import contextlib
import gc
import io
import itertools
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .runstate import FAILURES_FILE
from .tables import Column, conform, read_table, write_table

#: ``engine="auto"`` starts a Dask cluster from this many articles (below it a plain loop is faster: a local
#: cluster takes ~3 s to start and its workers ~2 s to import the stage modules).
DASK_MIN_ARTICLES = int(os.environ.get("HELPERS_DASK_MIN_ARTICLES", "400"))
#: ``engine="auto"`` on a large run moves to Dask when the loop's projected remaining time exceeds this many seconds
#: (measured on this 2-core machine: a local cluster costs ~2.5 s to start, warm up and close, and 2 workers then
#: run about 1.8x faster, so switching pays from about 6 s of remaining work).
DASK_SWITCH_SECONDS = float(os.environ.get("HELPERS_DASK_SWITCH_SECONDS", "8"))
ENGINES = ("auto", "loop", "local", "cluster")

FAILURES_SCHEMA = [
    Column("stage", "str", "Notebook whose per-article work failed (01_ingest, 03_actors, ...)."),
    Column("file", "str", "Raw file name as listed in the manifest (or found in the raw folder)."),
    Column("article_id", "str", "Article key (empty when the file never became an article)."),
    Column("reason", "str", "One-line reason: what was wrong with the file, or the error the stage raised."),
]


@dataclass(frozen=True)
class Failure:
    """One item a map could not process: its key (article id or file name) and a one-line reason."""
    key: str
    reason: str


def one_line(exc: BaseException) -> str:
    """A one-line reason for an exception: an input error's own problem, else ``Type: message``.

    >>> one_line(ValueError("bad\\nvalue"))
    'ValueError: bad value'
    """
    problem = getattr(exc, "problem", None)
    text = problem if problem else f"{type(exc).__name__}: {exc}"
    return " ".join(str(text).split())


def _key(item, index: int) -> str | None:
    """An item's key: its first element when it is a tuple starting with a string, else its index (or None)."""
    if isinstance(item, tuple) and item and isinstance(item[0], str):
        return item[0]
    return str(index) if index >= 0 else None


@contextlib.contextmanager
def fewer_gc_pauses():
    """Run a block with the objects that exist when it starts exempt from garbage collection (``gc.freeze``) and a
    higher first-generation threshold: a map creates many short-lived objects while caches keep many alive, and
    repeated scans of those cost about 8% of the sentiment stage. Reference counting frees memory as before; cycles
    are still collected, less often. The previous settings are restored afterwards."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _run_chunk(func: Callable, chunk: list, catch: bool) -> list[tuple[bool, object]]:
    """Apply ``func`` to each item; ``(True, result)`` or, when ``catch``, ``(False, reason)`` per item."""
    if len(chunk) > 1:  # a chunk on a Dask worker
        with fewer_gc_pauses():
            return _apply(func, chunk, catch)
    return _apply(func, chunk, catch)


def _apply(func: Callable, chunk: list, catch: bool) -> list[tuple[bool, object]]:
    out = []
    for item in chunk:
        if not catch:
            out.append((True, func(item)))
            continue
        try:
            out.append((True, func(item)))
        except Exception as exc:  # a per-article failure is data, not a crash
            out.append((False, (one_line(exc), _key(item, -1))))
    return out


# ----------------------------------------------------------------------------------------------- engines

_CLIENTS: dict[str, object] = {}
_LOCK = threading.Lock()


def workers() -> int:
    """Worker processes of the local cluster: one per CPU, at most ``$HELPERS_DASK_WORKERS`` when it is set."""
    cap = int(os.environ.get("HELPERS_DASK_WORKERS", "0") or 0)
    n = os.cpu_count() or 1
    return max(1, min(n, cap) if cap else n)


def choose_engine(engine: str, n_items: int | None) -> str:
    """The engine a map runs on (see the module docstring).

    >>> choose_engine("auto", 10), choose_engine("loop", 10_000)
    ('loop', 'loop')
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    if engine == "auto":
        engine = os.environ.get("HELPERS_ENGINE", "auto") or "auto"
        if engine not in ENGINES:
            raise ValueError(f"HELPERS_ENGINE must be one of {ENGINES}, got {engine!r}")
    if engine != "auto":
        return engine
    if n_items is not None and n_items < DASK_MIN_ARTICLES:
        return "loop"
    return "cluster" if os.environ.get("DASK_SCHEDULER_ADDRESS") else "local"


def client(engine: str):
    """The ``dask.distributed`` client for ``local`` or ``cluster``, created once per process and reused."""
    with _LOCK:
        if engine in _CLIENTS:
            return _CLIENTS[engine]
        import logging

        from distributed import Client, LocalCluster
        if engine == "cluster":
            address = os.environ.get("DASK_SCHEDULER_ADDRESS", "")
            if not address:
                raise RuntimeError("engine='cluster' needs DASK_SCHEDULER_ADDRESS (e.g. tcp://host:8786)")
            c = Client(address, set_as_default=False)
            wait = float(os.environ.get("HELPERS_DASK_WORKER_WAIT", "60"))
            try:  # a scheduler without workers would take the chunks and never run them
                c.wait_for_workers(1, timeout=wait)
            except (TimeoutError, OSError):
                c.close()
                raise RuntimeError(f"DASK_SCHEDULER_ADDRESS {address}: no worker joined that scheduler within "
                                   f"{wait:g} s (start one: dask worker {address} --nthreads 1)") from None
        else:
            import dask

            # the workers' statistical profiler samples every thread 100 times a second: about 5% of a map
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = LocalCluster(n_workers=workers(), threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
            c = Client(cluster, set_as_default=False)
        _CLIENTS[engine] = c
        atexit.register(shutdown)
        return c


def shutdown() -> None:
    """Close the clients (and the local cluster) this process started."""
    with _LOCK:
        for c in list(_CLIENTS.values()):
            try:
                cluster = c.cluster
                c.close()
                if cluster is not None:
                    cluster.close()
            except Exception:
                pass
        _CLIENTS.clear()


# ----------------------------------------------------------------------------------------------- progress

def _in_kernel() -> bool:
    shell = sys.modules.get("IPython") and getattr(sys.modules["IPython"], "get_ipython", lambda: None)()
    return bool(shell) and type(shell).__name__ == "ZMQInteractiveShell"


class _Lines(io.TextIOBase):
    """A stream for tqdm that writes each redraw of the bar as a line of its own (no carriage return): what a log
    file, or a terminal that two notebooks share, can show without one bar overwriting the other. The bar's
    opening state (nothing done yet) is not printed: a short map prints one line, its final state."""

    def __init__(self, stream):
        self._stream, self._last = stream, None

    def write(self, s: str) -> int:
        line = s.replace("\r", "").strip()
        if line and self._last is None:
            self._last = line
        elif line and line != self._last:
            self._stream.write(line + "\n")
            self._stream.flush()
            self._last = line
        return len(s)

    def flush(self) -> None:
        self._stream.flush()


def progress(total: int | None, desc: str):
    """A tqdm bar (rate, ETA) for a map: terminal stderr, or a widget in JupyterLab (see module docstring).

    Under papermill (``HELPERS_PROGRESS=stderr`` or ``lines``, set by :mod:`helpers.notebooks`) a kernel's
    ``sys.stderr`` would be captured into the notebook, so the bar writes to the kernel's original stderr file
    descriptor instead. It is redrawn in place only on a terminal this process has alone; with ``lines`` (two
    notebooks at once under ``make -j2``), or when stderr is a file or a pipe (a CI log), each update is a line of
    its own, every few seconds.
    """
    mode = os.environ.get("HELPERS_PROGRESS", "")
    common = dict(total=total, desc=desc, unit="article", smoothing=0.1)
    if mode == "off":
        from tqdm import tqdm
        return tqdm(disable=True, **common)
    if _in_kernel() and mode not in ("stderr", "lines"):
        from tqdm.auto import tqdm
        return tqdm(**common)
    from tqdm import tqdm
    stream = sys.stderr
    if _in_kernel():
        try:  # ipykernel's stderr.fileno() is a copy of the kernel's original stderr: the terminal, not the notebook
            stream = open(sys.stderr.fileno(), "w", closefd=False, encoding="utf-8")
        except (OSError, ValueError, AttributeError):
            stream = sys.__stderr__
    if mode != "lines" and hasattr(stream, "isatty") and stream.isatty():
        return tqdm(file=stream, mininterval=0.2, **common)
    return tqdm(file=_Lines(stream), mininterval=5.0, ncols=100, **common)


def _log_timing(desc: str, n: int, failed: int, seconds: float, engine: str) -> None:
    path = os.environ.get("HELPERS_TIMINGS")
    if not path:
        return
    record = {"desc": desc, "articles": n, "failed": failed, "seconds": round(seconds, 4), "engine": engine,
              "workers": 1 if engine == "loop" else
              len(_CLIENTS[engine.split("+")[-1]].scheduler_info().get("workers", {}))}
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")


# ----------------------------------------------------------------------------------------------- the map

def _worth_dask(done: int, total: int | None, elapsed: float) -> bool:
    """Whether an adaptive map should hand its remaining items to Dask: after at least 1 s of looping (or
    :data:`DASK_SWITCH_SECONDS` when smaller), when the loop's rate projects more than that many seconds to go.

    >>> _worth_dask(100, 10_000, 2.0), _worth_dask(100, 400, 2.0), _worth_dask(10, 10_000, 0.5)
    (True, False, False)
    """
    if elapsed < min(1.0, DASK_SWITCH_SECONDS) or not done:
        return False
    remaining = (total - done) if total is not None else float("inf")
    return elapsed / done * remaining > DASK_SWITCH_SECONDS


def _warm(module: str) -> None:
    """Import ``module`` on a worker (the first chunk then does not pay for it)."""
    import importlib
    importlib.import_module(module)


def _start_in_background(engine: str, func: Callable):
    """Start (or reach) the cluster of ``engine`` in a thread and import ``func``'s module on its workers, so the
    loop of an adaptive map goes on meanwhile; returns a ``concurrent.futures.Future`` of the client."""
    from concurrent.futures import ThreadPoolExecutor

    module = getattr(getattr(func, "func", func), "__module__", None)

    def start():
        c = client(engine)
        if module and module != "__main__":
            c.run(_warm, module)
        return c

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="helpers-dask-start")
    future = pool.submit(start)
    pool.shutdown(wait=False)
    return future


_EARLY: dict[str, object] = {}  # engine -> Future of its client, from start_early


def start_early(func: Callable, total: int) -> None:
    """Start now, in the background, the Dask cluster that a coming :func:`map_articles` of ``func`` over ``total``
    items would use, so it starts while the notebook reads its inputs; that map then loops only until the cluster
    is ready. For a stage known to be expensive per article (notebook 05). Nothing happens when the map would be a
    plain loop (fewer than :data:`DASK_MIN_ARTICLES` items, or ``HELPERS_ENGINE=loop``).

    >>> start_early(len, 10); _EARLY
    {}
    """
    chosen = choose_engine("auto", total)
    if chosen != "loop" and chosen not in _CLIENTS and chosen not in _EARLY:
        _EARLY[chosen] = _start_in_background(chosen, func)


def _chunks(items: Iterable, size: int):
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def map_articles(func: Callable, items: Iterable, *, desc: str, engine: str = "auto",
                 failures: list[Failure] | None = None, keys: Iterable[str] | None = None,
                 total: int | None = None, chunk_size: int | None = None) -> list:
    """``[func(item) for item in items]``, on the chosen engine, with a progress bar; results in input order.

    ``func`` must be picklable for the Dask engines (a module-level function or a ``functools.partial`` of one;
    lambdas and closures work too, through cloudpickle, but are shipped with every chunk). ``items`` may be any
    iterable; ``total`` (or ``len(items)``) sizes the bar and lets ``auto`` choose the engine (an iterable of
    unknown length runs on Dask unless ``total`` is small). With ``failures`` a list, a failing item gives
    ``None`` and a :class:`Failure` keyed by ``keys`` (default: the item's first element when it is a tuple
    starting with a string, e.g. ``(article_id, text)``, else its index). :func:`iter_articles` is the same map
    as a stream, for results too large to hold all at once.
    """
    return list(iter_articles(func, items, desc=desc, engine=engine, failures=failures, keys=keys, total=total,
                              chunk_size=chunk_size))


def iter_articles(func: Callable, items: Iterable, *, desc: str, engine: str = "auto",
                  failures: list[Failure] | None = None, keys: Iterable[str] | None = None,
                  total: int | None = None, chunk_size: int | None = None):
    """:func:`map_articles` as a generator: each result is yielded, in input order, as soon as it and every result
    before it are done, so a caller that writes them out (:func:`helpers.tables.table_writer`) never holds them all
    (on Dask, finished chunks wait only for an earlier chunk still running). The caller's own work on a result is
    timed with the map (``HELPERS_TIMINGS``). A :class:`Failure` is appended to ``failures`` when its ``None``
    is yielded; the timing record and the closed progress bar come when the stream ends.

    >>> list(iter_articles(len, iter(["a", "bb"]), desc="lengths", engine="loop"))
    [1, 2]
    """
    if total is None and hasattr(items, "__len__"):
        total = len(items)
    chosen = choose_engine(engine, total)
    adaptive = chosen != "loop" and (engine == "auto" and os.environ.get("HELPERS_ENGINE", "auto") in ("", "auto"))
    catch = failures is not None
    started = time.perf_counter()
    key_iter = iter(keys) if keys is not None else None
    count = {"done": 0, "failed": 0}

    def settle(ok: bool, value):
        """The result to yield for one ``(ok, value)`` of :func:`_run_chunk` (a failure recorded, ``None``)."""
        i = count["done"]
        count["done"] += 1
        key = next(key_iter) if key_iter is not None else None
        if ok:
            return value
        count["failed"] += 1
        reason, item_key = value
        failures.append(Failure(str(key) if key is not None else item_key or str(i), reason))
        return None

    bar = progress(total, desc)
    items = iter(items)
    try:
        early = _EARLY.pop(chosen, None)
        if chosen == "loop" or adaptive:
            starting = early  # the cluster starting in the background while the loop goes on
            with fewer_gc_pauses():
                for item in items:
                    (result,) = _run_chunk(func, [item], catch)
                    yield settle(*result)
                    bar.update(1)
                    if adaptive and starting is None and _worth_dask(count["done"], total,
                                                                     time.perf_counter() - started):
                        starting = _start_in_background(chosen, func)
                    if starting is not None and starting.done():
                        starting.result()  # a cluster that failed to start raises here
                        break
                else:  # the loop finished every item
                    chosen = "loop"
        if chosen != "loop":
            remaining = None if total is None else total - count["done"]
            for result in _map_dask(func, items, chosen, catch, remaining, chunk_size, bar):
                yield settle(*result)
            chosen = f"loop+{chosen}" if adaptive else chosen
    finally:
        bar.close()
    _log_timing(desc, count["done"], count["failed"], time.perf_counter() - started, chosen)


def _map_dask(func, items, engine, catch, total, chunk_size, bar):
    """Stream chunks of ``items`` to the cluster with a bounded window; yield the results in input order."""
    from distributed import wait

    c = client(engine)
    n_workers = max(1, len(c.scheduler_info().get("workers", {})))
    size = chunk_size or max(1, min(16, (total or 10_000) // (n_workers * 8) or 1))
    window = 4 * n_workers
    done: dict[int, list] = {}  # chunk index -> its results, until every earlier chunk has been yielded
    pending: dict = {}  # future -> chunk index
    ready = 0  # the next chunk index to yield

    def collect(futures):
        for fut in futures:
            part = fut.result()
            done[pending.pop(fut)] = part
            bar.update(len(part))
            fut.release()

    with c.as_current():  # `wait` looks the client up; ours is not the process-wide default
        try:
            for i, chunk in enumerate(_chunks(items, size)):
                pending[c.submit(_run_chunk, func, chunk, catch, pure=False)] = i
                if len(pending) >= window:
                    collect(wait(list(pending), return_when="FIRST_COMPLETED").done)
                while ready in done:
                    yield from done.pop(ready)
                    ready += 1
            while pending:
                collect(wait(list(pending), return_when="FIRST_COMPLETED").done)
                while ready in done:
                    yield from done.pop(ready)
                    ready += 1
        except BaseException:
            for fut in list(pending):
                fut.cancel()
            raise


def built_tables(results: Iterable, builders: list[Callable[[list], pd.DataFrame]], chunk_rows: int = 50_000
                 ) -> list[pd.DataFrame]:
    """Tables from a stream of per-article results, each a tuple of row lists (``None``, a failed article,
    skipped): ``builders[i]`` makes table ``i`` from rows, and is applied every ``chunk_rows`` rows, so the rows
    (dicts, several times the size of the frame they become) are never all held at once. Each builder must give
    a frame sorted by article first, or keep the rows' order: the articles come in order, so the chunks
    concatenated are the table built from all rows at once.

    >>> t, = built_tables(iter([([{"a": 2}, {"a": 1}],), None, ([{"a": 3}],)]),
    ...                   [lambda rows: pd.DataFrame(rows)], chunk_rows=2)
    >>> t["a"].tolist()
    [2, 1, 3]
    """
    frames: list[list[pd.DataFrame]] = [[] for _ in builders]
    rows: list[list] = [[] for _ in builders]

    def flush() -> None:
        for build, done, pending in zip(builders, frames, rows):
            if pending or not done:
                done.append(build(pending))
            pending.clear()

    for result in results:
        if result is None:
            continue
        for pending, part in zip(rows, result):
            pending.extend(part)
        if sum(map(len, rows)) >= chunk_rows:
            flush()
    flush()
    return [done[0] if len(done) == 1 else pd.concat(done, ignore_index=True) for done in frames]


# ----------------------------------------------------------------------------------------------- failures.csv

def failures_frame(stage: str, failures: Iterable[Failure], files: dict[str, str] | None = None) -> pd.DataFrame:
    """A ``failures.csv`` table for one stage; ``files`` maps a failure's key (article id) to its raw file name.

    >>> failures_frame("03_actors", [Failure("a1", "ValueError: x")], {"a1": "a1.txt"}).iloc[0].tolist()
    ['03_actors', 'a1.txt', 'a1', 'ValueError: x']
    """
    files = files or {}
    rows = [{"stage": stage, "file": files.get(f.key, f.key), "article_id": f.key if f.key in files else "",
             "reason": f.reason} for f in failures]
    return conform(pd.DataFrame(rows, columns=[c.name for c in FAILURES_SCHEMA]), FAILURES_SCHEMA)


def record_failures(processed_dir: str | os.PathLike, stage: str, failures: pd.DataFrame | Iterable[Failure],
                    files: dict[str, str] | None = None) -> pd.DataFrame:
    """Replace ``stage``'s rows of ``processed_dir/failures.csv`` with ``failures`` (written atomically, sorted by
    stage, file and article id, so the bytes do not depend on the engine). Returns the whole table.

    Without ``files``, a later stage's article ids are mapped to file names through ``articles.csv``. Stages that
    run at the same time (``make report`` runs 02 beside 03 and 04) take turns: the read-and-replace holds an
    exclusive lock on the folder, so no stage's rows are lost.
    """
    processed = Path(processed_dir)
    if not isinstance(failures, pd.DataFrame):
        failures = list(failures)
        if files is None and failures and (processed / "articles.csv").is_file():
            arts = read_table(processed / "articles.csv")
            files = dict(zip(arts["article_id"], arts["file"]))
        failures = failures_frame(stage, failures, files)
    path = processed / FAILURES_FILE
    processed.mkdir(parents=True, exist_ok=True)
    with _locked(processed):
        old = read_table(path, FAILURES_SCHEMA) if path.is_file() else failures.iloc[0:0]
        table = pd.concat([old[old["stage"] != stage], failures], ignore_index=True)
        table = table.sort_values(["stage", "file", "article_id", "reason"], kind="stable")
        write_table(table, path, FAILURES_SCHEMA)
    return conform(table, FAILURES_SCHEMA)


@contextlib.contextmanager
def _locked(folder: Path):
    """An exclusive ``flock`` on ``folder`` itself (no lock file is left behind) while the block runs; a no-op
    where ``fcntl`` is missing (Windows)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - POSIX only
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
