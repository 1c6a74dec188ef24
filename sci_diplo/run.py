"""Running an extraction into the store: the work behind ``scidip extract``.

Documents whose text is unchanged since the store last read them are skipped
before spaCy is even loaded. The others stream through the pipeline (in
``jobs`` worker processes when asked, which read the files the store does not
know and send back batches of documents in the store's packed form), and their
records are merged into the store under its lock at checkpoints: every
``checkpoint_seconds``, at the end, and when the run is interrupted, so Ctrl-C
keeps every finished document.
Nothing here prints: progress goes to the ``on_event`` callback.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from sci_diplo import storedata
from sci_diplo.errors import InputError, WorkerError
from sci_diplo.sources import Source, discover, doc_id, iter_sources, path_text, read_source

# The models (and Pydantic) are imported where records are made or merged: a run that finds
# every file unchanged needs none of them (see ``prepare``).
if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from sci_diplo.models import DocumentInfo, Record, StoreFile
    from sci_diplo.storefile import Fresh, StoreLines


@dataclass
class Done:
    """Documents read: their infos, their records (public ones, or merged and packed as a store
    file by a worker) and how many facts of each kind the documents stated."""

    infos: list[DocumentInfo]
    records: list[Record] | StoreFile
    kinds: Counter


@dataclass
class Settings:
    """How to run: the store, the pipeline and the fallback publication date."""

    store: Path
    jobs: int | None = 1  # None: as many as ``auto_jobs`` gives
    published: str | None = None
    model: str | None = None
    rebuild: bool = False
    lock_timeout: float = 60.0
    checkpoint_seconds: float = 30.0


@dataclass
class Summary:
    """What a run did."""

    read: int = 0
    skipped: int = 0
    failed: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False
    set_aside: Path | None = None
    total_records: int = 0
    jobs: int = 1  # the worker processes the run was set to use (1: none, the documents read in this process)


Event = tuple[str, object]  # ("total", n) | ("done", path) | ("skipped", path) | ("failed", InputError) | ("warning", str)


def count_inputs(paths: list[str]) -> int:
    """Return how many documents ``paths`` name (for a progress bar)."""
    return sum(1 for item in discover(p for p in paths if p != "-") if not isinstance(item, InputError)) + (
        "-" in paths
    )


def note(summary: Summary, on_event: Callable[[Event], None], item: InputError | str) -> None:
    """Record an input that failed (an InputError) or a warning (a string), and tell ``on_event``."""
    if isinstance(item, InputError):
        summary.failed.append(item)
        on_event(("failed", item))
    else:
        summary.warnings.append(item)
        on_event(("warning", item))


def pending_sources(paths: list[str], known: dict[str, str], summary: Summary,
                    on_event: Callable[[Event], None], unread: bool = False) -> Iterator[Source | Path]:
    """Yield the sources that need reading; note failures and unchanged files in ``summary``.

    With ``unread``, files the store does not know are yielded as paths, unread: nothing can
    be skipped without reading it, so a worker reads them (the reading is then spread over the
    workers, not all done by the parent that feeds them).
    """
    for item in iter_sources(paths, (lambda path: path_text(path) in known) if unread else None):
        if isinstance(item, Path):
            yield item
            continue
        if isinstance(item, InputError):
            note(summary, on_event, item)
            continue
        for warning in item.warnings:
            note(summary, on_event, warning)
        if known.get(item.path) == doc_id(item.text):
            summary.skipped += 1
            on_event(("skipped", item.path))
            continue
        yield item


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


# What a worker sends back for a batch: the store file's JSON, warnings, (path, reason) of each
# file it could not read, and the facts of each kind.
WorkerResult = tuple[bytes, list[str], list[tuple[str, str]], Counter]


def _work(args: tuple[list[Source | Path], str | None]) -> WorkerResult:
    """Read a batch of sources in a worker (paths from their files first); return them as one
    store file, their records merged (see ``_received``), with what else ``WorkerResult`` holds."""
    from sci_diplo.api import analyse
    from sci_diplo.identity import Merger
    from sci_diplo.models import Store
    from sci_diplo.storefile import pack_json

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
    part = pack_json(Store.model_construct(documents=infos, records=merger.records()))
    return part, [w for s in sources for w in s.warnings], failures, kinds


def _received(part_json: bytes, kinds: Counter) -> Done:
    """Return a worker's batch, validated. It crosses the process boundary in the store's
    packed form (mentions as four integers, each sentence once) and is merged in that form."""
    from sci_diplo.models import StoreFile
    from sci_diplo.storefile import Unpacker

    part = StoreFile.model_validate_json(part_json)
    problem = Unpacker(part).check()
    if problem:
        raise RuntimeError(f"a worker sent a malformed result ({problem})")
    return Done(list(part.documents), part, kinds)


# The most documents a worker reads at a time. Reprints among them are merged in the worker,
# and each batch costs the parent a validation and a merge: over the 2,000 bench documents the
# parent's CPU went from 1.0-1.15 s with batches of 8 to 0.8-0.9 s with 16 and 0.55-0.7 s with
# 32 or 64, all of it time taken from the two workers on two cores.
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
        part_json, warnings, failures, kinds = in_flight[0][1].result()
    except BrokenProcessPool:
        raise _worker_died(in_flight) from None
    in_flight.popleft()
    for problem in [*(InputError(path, reason) for path, reason in failures), *warnings]:
        on_problem(problem)
    return _received(part_json, kinds)


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
    processes = getattr(pool, "_processes", None) or {}  # (no public way to end them before Python 3.14)
    for process in list(processes.values()):
        process.terminate()
    pool.shutdown(cancel_futures=True)  # the pool's thread sees them ended, and ends


def batched(items: Iterator[Source | Path], size: int) -> Iterator[list[Source | Path]]:
    """Yield lists of ``size`` items (the last one shorter)."""
    while chunk := list(islice(items, size)):
        yield chunk


def _chain(first: Source | Path, rest: Iterator[Source | Path]) -> Iterator[Source | Path]:
    yield first
    yield from rest


class Pending:
    """Documents finished since the last checkpoint, their records merged as they come (reprints
    of a story add mentions, not records) and held in the compact form of ``storefile.Fresh``."""

    def __init__(self) -> None:
        self.infos: list[DocumentInfo] = []
        self._fresh: Fresh | None = None
        self.used = False  # merged by a checkpoint, which changes what it merges: never merged again

    @property
    def fresh(self) -> Fresh:
        if self._fresh is None:
            from sci_diplo.storefile import Fresh

            self._fresh = Fresh()
        return self._fresh

    def records(self) -> int:
        """Return how many records are held (repeats merged)."""
        return len(self._fresh.merger.merged) if self._fresh is not None else 0

    def add(self, done: Done) -> None:
        self.infos.extend(done.infos)
        if isinstance(done.records, list):  # public records, from this process
            self.fresh.add_records(done.records)
        else:  # a store file, from a worker
            self.fresh.add_part(done.records)


# Checkpoints come ``checkpoint_seconds`` apart, or this many times as long as the last one
# took if that is longer: saving a large store then takes at most about a tenth of the run.
SAVE_SHARE = 10
# A checkpoint is also due once this many records are held, or as many as the store holds if that
# is more. Held between checkpoints, records take memory in proportion to how fast documents are
# read, not to the store: 30 s of reading held 185,000 records (about 160 MiB) on two cores, and a
# machine with more would hold more. So bounded, they take no more than the store does, and each
# checkpoint (which rewrites the store) comes only once the store could double: their cost over
# a run stays in proportion to the store's final size.
PENDING_RECORDS = 100_000


@dataclass
class Saved:
    """The store as this run last wrote it (its lines), and when: the next checkpoint merges into
    it rather than reading the file back, unless the file on disk changed since (another scidip
    saved into it: every save writes a new file and renames it over the old)."""

    lines: StoreLines | None = None
    stamp: tuple[int, int, int] | None = None
    seconds: float = 0.0  # what the last checkpoint took

    def current(self, path: Path) -> StoreLines:
        """Return the store at ``path`` to merge into."""
        if self.lines is not None and file_stamp(path) == self.stamp:
            return self.lines
        self.lines = None  # not held while the file is read
        from sci_diplo import store as store_mod

        return store_mod.load_lines(path)

    def due(self, settings: Settings, since: float, pending: int = 0, stored: int = 0) -> bool:
        """Whether a checkpoint is due ``since`` seconds after the last one, with ``pending`` records
        held and ``stored`` records in the store."""
        return (since >= max(settings.checkpoint_seconds, SAVE_SHARE * self.seconds)
                or pending >= max(PENDING_RECORDS, stored))


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """Return the inode, size and modification time of ``path`` (None if it is missing)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


@contextmanager
def ctrl_c_held(summary: Summary) -> Iterator[None]:
    """Hold Ctrl-C off until the block ends, and note it in ``summary.interrupted``: a merge cut
    short has used up what it merges, which could then be neither stored nor merged again.
    (Only the main thread receives signals; elsewhere the block runs as it is.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: setattr(summary, "interrupted", True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)


def checkpoint(settings: Settings, pending: Pending, summary: Summary, saved: Saved) -> Pending:
    """Merge ``pending`` into the store under its lock; return a new, empty Pending. A Ctrl-C
    meanwhile sets ``summary.interrupted`` once the merge is stored."""
    if not pending.infos:
        return pending
    from sci_diplo import store as store_mod
    from sci_diplo.storemerge import apply_lines

    started = time.monotonic()
    with ctrl_c_held(summary), store_mod.locked(settings.store, settings.lock_timeout):
        pending.used = True
        updated = apply_lines(saved.current(settings.store), pending.infos, pending.fresh)
        store_mod.save_chunks(settings.store, updated.chunks())
        saved.lines, saved.stamp = updated, file_stamp(settings.store)
    saved.seconds = time.monotonic() - started
    summary.total_records = len(updated.records)
    return Pending()


def prepare(settings: Settings, summary: Summary) -> dict[str, str]:
    """Return the store's known ``{path: doc_id}``; with ``rebuild``, set the old store aside first."""
    if settings.rebuild:
        from sci_diplo import store as store_mod

        storedata.check_writable(settings.store)
        with store_mod.locked(settings.store, settings.lock_timeout):
            summary.set_aside = store_mod.set_aside(settings.store)
        return {}
    # Validated (a damaged store raises StoreError) unless its sum vouches for it: a run that finds
    # every file unchanged then builds no model at all.
    current = storedata.read(settings.store)
    storedata.check_writable(settings.store)
    summary.total_records = len(current.records)
    return {d["path"]: d["doc_id"] for d in current.documents}


def extract(paths: list[str], settings: Settings, on_event: Callable[[Event], None] = lambda e: None) -> Summary:
    """Read ``paths`` into the store; return what was done. Store problems raise StoreError."""
    started, summary = time.perf_counter(), Summary()
    known = prepare(settings, summary)
    total = count_inputs(paths)
    if settings.jobs is None:
        settings = replace(settings, jobs=auto_jobs(total, settings.model))
    summary.jobs = settings.jobs
    on_event(("total", total))
    pending, saved = Pending(), Saved()
    last_save = time.monotonic()
    try:
        sources = pending_sources(paths, known, summary, on_event, unread=settings.jobs > 1)
        batch = batch_size(total, settings.jobs)
        for done in results(sources, settings, lambda problem: note(summary, on_event, problem), batch):
            pending.add(done)
            summary.read += len(done.infos)
            summary.facts.update(done.kinds)
            for info in done.infos:
                on_event(("done", info.path))
            if saved.due(settings, time.monotonic() - last_save, pending.records(), summary.total_records):
                pending = checkpoint(settings, pending, summary, saved)
                last_save = time.monotonic()
                if summary.interrupted:  # Ctrl-C during the checkpoint: stop as at any other moment
                    raise KeyboardInterrupt
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if not pending.used:  # else a checkpoint failed (a full disk): its error goes on as it is
            checkpoint(settings, pending, summary, saved)
        summary.seconds = time.perf_counter() - started
    return summary

