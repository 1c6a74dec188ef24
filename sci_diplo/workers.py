"""Reading documents into records: in this process, or in worker processes (``--jobs``).

With workers, the parent sends batches of documents (paths, for the files the store does not
know: the workers read them) and receives each batch's records merged and packed
(``storefile.Part``), whose references it checks. ``results`` yields the documents read, in
the order they were sent, whichever way they were read; ``run.extract`` merges them into the
store.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from sci_diplo.errors import InputError, WorkerError
from sci_diplo.sources import Source, read_source

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from sci_diplo.models import DocumentInfo, Record
    from sci_diplo.run import Settings
    from sci_diplo.storefile import Part


@dataclass
class Done:
    """Documents read: their infos, their records (public ones, or merged and packed by a worker)
    and how many facts of each kind the documents stated."""

    infos: list[DocumentInfo]
    records: list[Record] | Part
    kinds: Counter


_WORKER_NLP = None
# Reading text allocates millions of short-lived objects. By default the garbage collector
# runs every 700 of them and re-examines what survived, the pipeline's tables among it.
# Once the pipeline is built, it is frozen out of the collector's view and the youngest
# generation is collected every 10,000 allocations: 3.2% fewer instructions over 100 bench
# documents (callgrind; 1.4% from freezing alone). Documents are released by reference
# counting as before; the collector only finds cycles, later. With --jobs the parent, which
# validates and merges what the workers send, does the same before it forks them.
GC_THRESHOLDS = (10_000, 20, 100)


def collect_less() -> None:
    """Freeze what the process holds now (the pipeline) and make young collections rarer."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _init_worker(model: str | None) -> None:
    global _WORKER_NLP
    from sci_diplo.pipeline import build_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle

    _WORKER_NLP = build_pipeline(model)
    collect_less()


# What a worker sends back for a batch: its documents and records, warnings, (path, reason) of
# each file it could not read, and the facts of each kind.
WorkerResult = tuple["Part", list[str], list[tuple[str, str]], Counter]


def _work(args: tuple[list[Source | Path], str | None]) -> WorkerResult:
    """Read a batch of sources in a worker (paths from their files first); return them packed,
    their records merged, with what else ``WorkerResult`` holds."""
    from sci_diplo.api import analyse
    from sci_diplo.identity import Merger
    from sci_diplo.storefile import Part

    items, published = args
    sources, failures = [], []
    for item in items:
        source = read_source(item) if isinstance(item, Path) else item
        if isinstance(source, InputError):
            failures.append((source.path, source.reason))
        else:
            sources.append(source)
    infos, merger, kinds = [], Merger(in_place=True), Counter()
    for analysis in analyse(_WORKER_NLP, sources, published):
        infos.append(analysis.info)
        kinds.update(r.kind for r in analysis.records)
        merger.add(analysis.records)
    return Part(infos, merger.records()), [w for s in sources for w in s.warnings], failures, kinds


def _received(part: Part, kinds: Counter) -> Done:
    """Return a worker's batch, its references checked. It crosses the process boundary packed
    (mentions as four integers, each sentence once) and is merged in that form."""
    problem = part.check()
    if problem:
        raise RuntimeError(f"a worker sent a malformed result ({problem})")
    return Done(list(part.documents), part, kinds)


# The most documents a worker reads at a time. Reprints among them are merged in the worker,
# and each batch costs the parent a merge (and, when it still validated each batch, a
# validation): over the 2,000 documents of the seeds' bench corpus the parent's CPU went from
# 1.0-1.15 s with batches of 8 to 0.8-0.9 s with 16 and 0.55-0.7 s with 32 or 64, all of it
# time taken from the two workers on two cores. Larger batches can leave one worker idle longer
# at the end, and put a re-run's few changed files in one batch.
MAX_BATCH = 32
# Each worker holds a pipeline of its own (about 140 MiB with the default one).
MAX_AUTO_JOBS = 8
# Workers are forked where that is safe, and then start with what the parent imported; on macOS
# (where a fork may crash in system libraries) and on Windows (which has none) they are spawned:
# each imports sci_diplo afresh.
START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"


def usable_cores() -> int:
    """Return the cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def auto_jobs(documents: int, model: str | None) -> int:
    """Return the worker processes to use when none were asked for: one per usable core, at most
    ``MAX_AUTO_JOBS`` and at most one per full batch (``MAX_BATCH``) of ``documents``, so that fewer
    than two batches are read in this process. With a user's ``model``, 1: each worker would load
    its own copy, and a trained pipeline can take gigabytes."""
    if model is not None:
        return 1
    return max(1, min(usable_cores(), MAX_AUTO_JOBS, documents // MAX_BATCH))


def batch_size(documents: int, jobs: int) -> int:
    """Return how many documents a worker reads at a time: up to ``MAX_BATCH``, but at least
    four batches a worker, so that a small corpus still keeps every worker busy."""
    return max(1, min(MAX_BATCH, documents // (4 * jobs)))


def results(sources: Iterable[Source | Path], settings: Settings,
            on_problem: Callable[[InputError | str], None], batch: int = 1) -> Iterator[Done]:
    """Yield the documents read, one at a time in one process, else in batches of ``batch`` from
    ``settings.jobs`` workers (which read the paths; ``on_problem`` hears of the files that fail,
    and of warnings)."""
    iterator = iter(sources)
    first = next(iterator, None)  # import and build spaCy only when there is work
    if first is None:
        return
    if settings.jobs <= 1:
        from sci_diplo.api import analyse
        from sci_diplo.pipeline import build_pipeline

        nlp = build_pipeline(settings.model)
        collect_less()
        for analysis in analyse(nlp, _chain(first, iterator), settings.published):
            yield Done([analysis.info], analysis.records, Counter(r.kind for r in analysis.records))
        return
    from concurrent.futures import ProcessPoolExecutor

    collect_less()
    pool = ProcessPoolExecutor(settings.jobs, mp_context=multiprocessing.get_context(START_METHOD),
                               initializer=_init_worker, initargs=(settings.model,))
    in_flight: deque = deque()  # (batch, future) of the batches sent to the workers, oldest first
    done = False
    try:
        for chunk in batched(_chain(first, iterator), batch):
            if len(in_flight) >= IN_FLIGHT * settings.jobs:
                yield _collected(in_flight, on_problem)
            in_flight.append((chunk, _submit(pool, chunk, settings.published, in_flight)))
        while in_flight:
            yield _collected(in_flight, on_problem)
        done = True
    finally:
        _stop(pool, done)


# Batches sent to the workers and not yet collected, per worker: enough to keep each busy while
# the parent merges, few enough that the parent holds little (a batch from stdin holds texts).
IN_FLIGHT = 2


def _submit(pool: ProcessPoolExecutor, chunk: list[Source | Path], published: str | None, in_flight: deque) -> Future:
    """Send a batch to the workers."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit(_work, (chunk, published))
    except BrokenProcessPool:  # a worker died while the parent merged a batch
        raise _worker_died(in_flight or [(chunk, None)]) from None


def _collected(in_flight: deque, on_problem: Callable[[InputError | str], None]) -> Done:
    """Return the oldest batch sent to the workers, once it is read; tell ``on_problem`` of its
    failures and warnings."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        part, warnings, failures, kinds = in_flight[0][1].result()
    except BrokenProcessPool:
        raise _worker_died(in_flight) from None
    in_flight.popleft()
    for problem in [*(InputError(path, reason) for path, reason in failures), *warnings]:
        on_problem(problem)
    return _received(part, kinds)


def _worker_died(under_way: Iterable[tuple[list[Source | Path], Future | None]]) -> WorkerError:
    """The error of a worker that ended without returning its batch: one of the batches ``under_way``."""
    firsts = [str(c[0].path if isinstance(c[0], Source) else c[0]) for c, _ in under_way]
    return WorkerError(
        f"a worker process stopped before it returned its documents (killed by the system, perhaps for lack "
        f"of memory) while reading the batches that start at {', '.join(firsts)}; the documents finished "
        "before are stored, and the next run goes on from there (--jobs 1 reads in one process)")


def _stop(pool: ProcessPoolExecutor, done: bool) -> None:
    """Shut the workers down: once they are idle after a whole run, else (Ctrl-C, an error) at once,
    dropping the batches not yet started and ending those under way."""
    if done:
        pool.shutdown()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # (no public way before Python 3.14)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)
        if process.exitcode is None:
            process.kill()
            process.join()
    # A worker ended while it sent its batch leaves the pool's thread reading the rest of the
    # message, for ever: the pool holds a write end of the pipe too. This process never writes
    # to it; with every worker's end closed by its death, closing this one gives that read an end
    # of file, the thread sees the pool broken, and ends (else shutdown, and then the
    # interpreter's exit, waited for it: about one Ctrl-C in fifty hung, late in a run).
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()
    pool.shutdown(cancel_futures=True)  # the pool's thread sees them ended, and ends


def batched(items: Iterator[Source | Path], size: int) -> Iterator[list[Source | Path]]:
    """Yield lists of ``size`` items (the last one shorter)."""
    while chunk := list(islice(items, size)):
        yield chunk


def _chain(first: Source | Path, rest: Iterator[Source | Path]) -> Iterator[Source | Path]:
    yield first
    yield from rest
