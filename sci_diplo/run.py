"""Running an extraction into the store: the work behind ``scidip extract``.

Documents whose text is unchanged since the store last read them are skipped
before spaCy is even loaded. The others stream through the pipeline (in
``jobs`` worker processes when asked), and their records are merged into the
store under its lock at checkpoints: every ``checkpoint_seconds``, at the end,
and when the run is interrupted, so Ctrl-C keeps every finished document.
Nothing here prints: progress goes to the ``on_event`` callback.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sci_diplo import store as store_mod
from sci_diplo.errors import InputError
from sci_diplo.identity import Merger
from sci_diplo.models import DocumentInfo, Record, StoreFile
from sci_diplo.sources import Source, discover, doc_id, iter_sources, read_source
from sci_diplo.storefile import Unpacker, apply_file

# A document read: its info, and its records (public ones, or packed by a worker as a store file).
Result = tuple[DocumentInfo, "list[Record] | StoreFile"]


@dataclass
class Settings:
    """How to run: the store, the pipeline and the fallback publication date."""

    store: Path
    jobs: int = 1
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
    read = (lambda path: str(path) in known) if unread else (lambda path: True)
    for item in iter_sources(paths, read):
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


def _init_worker(model: str | None) -> None:
    global _WORKER_NLP
    import signal

    from sci_diplo.pipeline import build_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle

    _WORKER_NLP = build_pipeline(model)


def _work(args: tuple[Source | Path, str | None]) -> tuple[bytes, tuple[str, ...]] | tuple[str, str]:
    """Read one source in a worker (a path: from its file first); return it packed as a store file
    of its own, in JSON (see ``_received``), and the warnings of its reading; or, for a file that
    cannot be read, its path and the reason."""
    from sci_diplo.api import analyse
    from sci_diplo.models import Store
    from sci_diplo.storefile import pack

    source, published = args
    if isinstance(source, Path):
        source = read_source(source)
        if isinstance(source, InputError):
            return source.path, source.reason
    analysis = next(analyse(_WORKER_NLP, [source], published))
    part = pack(Store.model_construct(documents=[analysis.info], records=analysis.records))
    return part.model_dump_json().encode(), source.warnings


def _received(part_json: bytes) -> Result:
    """Return a worker's document, validated. It crosses the process boundary in the store's
    packed form (mentions as four integers, each sentence once) and is merged in that form."""
    part = StoreFile.model_validate_json(part_json)
    problem = Unpacker(part).check()
    if problem or len(part.documents) != 1:
        raise RuntimeError(f"a worker sent a malformed result ({problem or 'not one document'})")
    return part.documents[0], part


def results(sources: Iterable[Source | Path], settings: Settings,
            on_problem: Callable[[InputError | str], None]) -> Iterator[Result]:
    """Yield ``(info, records)`` for each source, in one process or in ``settings.jobs``
    (paths are read there; ``on_problem`` hears of those that fail, and of warnings)."""
    iterator = iter(sources)
    first = next(iterator, None)  # import and build spaCy only when there is work
    if first is None:
        return
    if settings.jobs <= 1:
        from sci_diplo.api import analyse
        from sci_diplo.pipeline import build_pipeline

        nlp = build_pipeline(settings.model)
        for analysis in analyse(nlp, _chain(first, iterator), settings.published):
            yield analysis.info, analysis.records
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(settings.jobs, initializer=_init_worker, initargs=(settings.model,)) as pool:
        try:
            for out, extra in pool.imap(_work, ((s, settings.published) for s in _chain(first, iterator)),
                                        chunksize=2):
                if isinstance(out, str):  # a file the worker could not read: (path, reason)
                    on_problem(InputError(out, extra))
                    continue
                for warning in extra:
                    on_problem(warning)
                yield _received(out)
        finally:
            pool.terminate()


def _chain(first: Source | Path, rest: Iterator[Source | Path]) -> Iterator[Source | Path]:
    yield first
    yield from rest


class Pending:
    """Documents finished since the last checkpoint, their records merged as they come
    (reprints of a story add mentions, not records)."""

    def __init__(self) -> None:
        self.infos: list[DocumentInfo] = []
        self.merger = Merger()
        self.parts: list[StoreFile] = []  # documents a worker packed: merged at the checkpoint

    def add(self, info: DocumentInfo, records: list[Record] | StoreFile) -> None:
        self.infos.append(info)
        if isinstance(records, StoreFile):
            self.parts.append(records)
        else:
            self.merger.add(records)


def checkpoint(settings: Settings, pending: Pending, summary: Summary) -> Pending:
    """Merge ``pending`` into the store on disk under its lock; return a new, empty Pending."""
    if not pending.infos:
        return pending
    with store_mod.locked(settings.store, settings.lock_timeout):
        current = store_mod.load_file(settings.store)  # merged in its stored form: no mention models
        updated = apply_file(current, pending.infos, pending.merger.records(), pending.parts)
        store_mod.save_file(settings.store, updated)
    summary.total_records = len(updated.records)
    return Pending()


def prepare(settings: Settings, summary: Summary) -> dict[str, str]:
    """Return the store's known ``{path: doc_id}``; with ``rebuild``, set the old store aside first."""
    if settings.rebuild:
        with store_mod.locked(settings.store, settings.lock_timeout):
            summary.set_aside = store_mod.set_aside(settings.store)
        return {}
    current = store_mod.load_file(settings.store)  # validated; a damaged store raises StoreError
    summary.total_records = len(current.records)
    return {d.path: d.doc_id for d in current.documents}


def extract(paths: list[str], settings: Settings, on_event: Callable[[Event], None] = lambda e: None) -> Summary:
    """Read ``paths`` into the store; return what was done. Store problems raise StoreError."""
    started, summary = time.perf_counter(), Summary()
    known = prepare(settings, summary)
    on_event(("total", count_inputs(paths)))
    pending = Pending()
    last_save = time.monotonic()
    try:
        sources = pending_sources(paths, known, summary, on_event, unread=settings.jobs > 1)
        for info, records in results(sources, settings, lambda problem: note(summary, on_event, problem)):
            pending.add(info, records)
            summary.read += 1
            summary.facts.update(r.kind for r in (records.records if isinstance(records, StoreFile) else records))
            on_event(("done", info.path))
            if time.monotonic() - last_save >= settings.checkpoint_seconds:
                pending = checkpoint(settings, pending, summary)
                last_save = time.monotonic()
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        checkpoint(settings, pending, summary)
        summary.seconds = time.perf_counter() - started
    return summary

