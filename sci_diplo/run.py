"""Running an extraction into the store: the work behind ``scidip extract``.

Documents whose text is unchanged since the store last read them are skipped
before spaCy is even loaded. The others stream through the pipeline (in
``jobs`` worker processes when asked: see ``workers``), and their
records are merged into the store under its lock at checkpoints: every
``checkpoint_seconds``, at the end, and when the run is interrupted, so Ctrl-C
keeps every finished document.
Nothing here prints: progress goes to the ``on_event`` callback.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sci_diplo import storedata
from sci_diplo.errors import InputError
from sci_diplo.sources import Source, discover, doc_id, iter_sources, path_text, same_file
from sci_diplo.workers import Done, auto_jobs, batch_size, results

# The models (and Pydantic) are imported where records are made or merged: a run that finds
# every file unchanged needs none of them (see ``prepare``).
if TYPE_CHECKING:
    from sci_diplo.models import DocumentInfo
    from sci_diplo.storefile import Fresh, StoreLines


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


def unchanged(stored: dict[str, Any], source: Source, option: str | None) -> bool:
    """True when ``source`` would be stored as the document ``stored`` (the store's JSON of its
    ``DocumentInfo``) already is: the same text, the same sidecar fields, and the same
    publication date from wherever it came (a sidecar or ``--published`` that changed, or that
    now gives a date where the text gives none, makes the document read again)."""
    if stored["doc_id"] != doc_id(source.text):
        return False
    meta = source.meta
    if any(stored.get(k) != meta.get(k) for k in ("url", "title", "outlet")):
        return False
    origin = stored.get("published_source")
    if origin == "text":  # the text's own date wins over the sidecar's and the option's
        return True
    sidecar = None
    if meta.get("published"):  # (a date the sidecar gives that does not parse is none)
        from sci_diplo.normalize.dates import parse_date_value

        sidecar = parse_date_value(meta["published"])
    if sidecar:
        return origin == "sidecar" and sidecar == stored.get("published")
    if origin == "sidecar":
        return False  # its sidecar date is gone
    if origin == "option":
        return option == stored.get("published")
    return option is None  # an estimate, or no date: a date given now would be taken


def pending_sources(paths: list[str], known: dict[str, dict[str, Any]], summary: Summary,
                    on_event: Callable[[Event], None], unread: bool = False,
                    option: str | None = None) -> Iterator[Source | Path]:
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
        stored = known.get(item.path)
        if stored is not None and unchanged(stored, item, option):
            summary.skipped += 1
            on_event(("skipped", item.path))
            continue
        yield item


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

    def add(self, done: Done, summary: Summary) -> None:
        """Hold ``done``. A Ctrl-C meanwhile waits (see ``ctrl_c_held``): cut short, the merge would
        leave some of a document's records held and the document stored as read, its other facts
        lost for good (the next run skips it as unchanged)."""
        with ctrl_c_held(summary):
            if isinstance(done.records, list):  # public records, from this process
                self.fresh.add_records(done.records)
            else:  # a packed batch, from a worker
                self.fresh.add_part(done.records)
            self.infos.extend(done.infos)


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
    started = time.monotonic()
    with ctrl_c_held(summary):
        # Imported under the hold too: an import cut short by Ctrl-C leaves its modules half
        # made (numpy without ``nonzero``), and the last checkpoint, which stores what was read
        # before the Ctrl-C, would fail on them.
        from sci_diplo import store as store_mod
        from sci_diplo.storemerge import apply_lines

        with store_mod.locked(settings.store, settings.lock_timeout):
            pending.used = True
            updated = apply_lines(saved.current(settings.store), pending.infos, pending.fresh)
            store_mod.save_chunks(settings.store, updated.chunks())
            saved.lines, saved.stamp = updated, file_stamp(settings.store)
    saved.seconds = time.monotonic() - started
    summary.total_records = len(updated.records)
    return Pending()


def prepare(settings: Settings, summary: Summary) -> dict[str, dict[str, Any]]:
    """Return the store's documents by path; with ``rebuild``, set the old store aside first."""
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
    return {same_file(d["path"]): d for d in current.documents}


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
        sources = pending_sources(paths, known, summary, on_event, unread=settings.jobs > 1, option=settings.published)
        batch = batch_size(total, settings.jobs)
        for done in results(sources, settings, lambda problem: note(summary, on_event, problem), batch):
            pending.add(done, summary)
            summary.read += len(done.infos)
            summary.facts.update(done.kinds)
            for info in done.infos:
                on_event(("done", info.path))
            if saved.due(settings, time.monotonic() - last_save, pending.records(), summary.total_records):
                pending = checkpoint(settings, pending, summary, saved)
                last_save = time.monotonic()
            if summary.interrupted:  # Ctrl-C while held off: stop as at any other moment
                raise KeyboardInterrupt
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if not pending.used:  # else a checkpoint failed (a full disk): its error goes on as it is
            checkpoint(settings, pending, summary, saved)
        summary.seconds = time.perf_counter() - started
    return summary

