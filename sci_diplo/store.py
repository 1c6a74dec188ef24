"""The JSON store: load and validate, merge under a lock, save atomically.

The store is one JSON file (``data/facts.json`` by default) holding a format
name and version, the documents read, the sentences that are evidence, and
the records (see ``storefile.py`` for the compact form of mentions), each document,
sentence and record on a line of its own (``file_json``). It is written to a
temporary file beside it, flushed to disk and renamed over the old one, so a
crash at any moment leaves either the old store or the new one. Its SHA-256
goes to ``<store>.sha256`` beside it, so that a reader can tell a file nobody
changed since and skip validating it (``storedata.py``). A store that
fails validation is never overwritten: loading it raises ``StoreError`` naming
the file and the first problem.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from sci_diplo.errors import StoreError, StoreLockedError
from sci_diplo.models import STORE_FORMAT, STORE_VERSION, DocumentInfo, Record, Store, StoreFile
from sci_diplo.sources import os_reason, same_file
from sci_diplo.storedata import lock_path, read_bytes, read_stored, sum_of, sum_path
from sci_diplo.storefile import StoreLines, Unpacker, pack, unpack
from sci_diplo.identity import merge


# What every message about a damaged store ends with (``facts`` prints them too, hence the command).
REBUILD = "run `scidip extract --rebuild` to start anew"


def load(path: Path) -> Store:
    """Return the store at ``path``; an empty one if the file does not exist.

    Raises StoreError when the file cannot be read, is not JSON, is of another
    format or version, or fails validation (the message names the first problem).
    """
    return unpack(load_file(path))


def load_file(path: Path) -> StoreFile:
    """Return the store file at ``path`` as stored (validated), or an empty one if it does not exist."""
    raw = read_bytes(path)
    return StoreFile() if raw is None else validate_file(path, raw)


def load_lines(path: Path) -> StoreLines:
    """Return the store at ``path`` as lines to merge into (``storemerge.apply_lines``); empty if
    there is none. A file whose sum vouches for it (``storedata.read_stored``) is taken as it is;
    any other is validated first, and raises StoreError as ``load_file`` does."""
    stored = read_stored(path)
    if stored is None:
        return StoreLines()
    if stored.sections is not None:
        return StoreLines.of_sections(stored.sections)
    return StoreLines.of_file(validate_file(path, stored.raw))


def validate_file(path: Path, raw: bytes) -> StoreFile:
    """Return the store file whose bytes are ``raw`` (read from ``path``), validated; raise StoreError."""
    try:
        file = StoreFile.model_validate_json(raw)
    except ValidationError as exc:
        check_header(path, raw)  # not JSON, or not our format or version: say that first
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise StoreError(f"store {path} is invalid at {where}: {err['msg']} ({REBUILD})") from None
    if file.version != STORE_VERSION:
        check_header(path, raw)
    missing = [name for name in StoreFile.model_fields if name not in file.model_fields_set]
    if missing:  # a field left out would read as empty: a store that lost its records is damaged
        check_header(path, raw)
        raise StoreError(f"store {path} is invalid at {missing[0]}: field required ({REBUILD})")
    problem = Unpacker(file).check()
    if problem:
        raise StoreError(f"store {path} is invalid at {problem} ({REBUILD})")
    return file


def check_header(path: Path, raw: bytes) -> None:
    """Raise StoreError unless ``raw`` is a JSON object of our format and version."""
    try:
        head = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise StoreError(f"store {path} is not valid JSON ({exc}); {REBUILD}") from None
    if not isinstance(head, dict) or head.get("format") != STORE_FORMAT:
        raise StoreError(f"{path} is not a sci_diplo store (no \"format\": \"{STORE_FORMAT}\")")
    if head.get("version") != STORE_VERSION:
        raise StoreError(
            f"store {path} has format version {head.get('version')!r}; this scidip reads version "
            f"{STORE_VERSION}: re-create it with --rebuild (the old file is kept beside it)"
        )


def save(path: Path, store: Store) -> None:
    """Write ``store`` to ``path`` atomically (temporary file, fsync, rename, fsync of the folder)."""
    save_file(path, pack(store))


def save_file(path: Path, file: StoreFile) -> None:
    """Write a store file to ``path`` atomically (see ``save``), then its sum (``storedata``)."""
    save_chunks(path, StoreLines.of_file(file).chunks())


def save_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """Write a store file's JSON, given in pieces (from validated records), to ``path`` atomically,
    then its sum, computed as the pieces are written: a large store is never held whole as bytes.

    The sum is not flushed to disk: whatever a crash leaves of it (the old sum, none, an empty
    file) does not match the store, which is then validated when read.
    """
    digest = hashlib.sha256()

    def hashed() -> Iterator[bytes]:
        for chunk in chunks:
            digest.update(chunk)
            yield chunk

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, hashed())
    except OSError as exc:  # a full disk, a read-only folder: the old store is whole (or none was there)
        raise StoreError(f"cannot write store {path}: {os_reason(exc)}; what this run read since its last save "
                         "is not stored (run again once the store can be written)") from None
    with contextlib.suppress(OSError):  # an old sum left in place does not match: the store is validated
        _write_atomically(sum_path(path), [sum_of(digest.hexdigest()).encode("utf-8")], durable=False)


def file_json(file: StoreFile) -> bytes:
    """Return ``file`` as JSON with each item of its three lists on a line of its own: the bytes of
    ``file.model_dump_json()`` with line breaks before and after each list's items and after the
    whole. ``storedata.read`` then parses only the lines a query needs, and a checkpoint keeps the
    lines of the records it does not change (``storefile.StoreLines``). (A JSON string holds no
    line break, so a line is an item.)"""
    return StoreLines.of_file(file).json()


def _write_atomically(path: Path, chunks: Iterable[bytes], durable: bool = True) -> None:
    """Write ``chunks`` to ``path`` by a temporary file beside it renamed over it, flushed to disk
    first and the rename after (unless not ``durable``)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _file_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.writelines(chunks)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if not durable:
        return
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _file_mode(path: Path) -> int:
    """Return the old store's permissions, or those the umask gives a new file (not mkstemp's 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def set_aside(path: Path) -> Path | None:
    """Rename a damaged store to ``<name>.damaged-<time>`` beside it; return the new path."""
    if not path.exists():
        return None
    target = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(path, target)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(sum_path(path))  # the sum of the old file: the new store gets its own
    return target


@contextlib.contextmanager
def locked(path: Path, timeout: float = 60.0) -> Iterator[None]:
    """Hold an exclusive lock on ``<store>.lock`` for the block; wait up to ``timeout`` seconds.

    Raises StoreLockedError when another process keeps the lock longer than that.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path(path), "a+") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreLockedError(
                        f"store {path} is locked by another scidip process; gave up after {timeout:g} s"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def apply(store: Store, results: Iterable[tuple[DocumentInfo, list[Record]]]) -> Store:
    """Return ``store`` with each document's records in place of what the store held for its path."""
    results = list(results)
    return apply_merged(store, [info for info, _ in results], [rec for _, recs in results for rec in recs])


def apply_merged(store: Store, infos: list[DocumentInfo], records: list[Record]) -> Store:
    """Return ``store`` with the documents ``infos`` replaced by ``records`` (the new records of them all)."""
    if not infos:
        return store
    latest = {info.path: info for info in infos}  # a file named twice in one run: its last reading
    stale = {d.path for d in store.documents if same_file(d.path) in latest}
    documents = [d for d in store.documents if d.path not in stale]
    documents.extend(latest.values())
    kept: list[Record] = []
    for rec in store.records:
        mentions = [m for m in rec.mentions if m.path not in stale]
        if mentions:
            kept.append(rec.model_copy(update={"mentions": mentions}))
    merged = merge([*kept, *records])
    documents.sort(key=lambda d: d.path)
    return Store(documents=documents, records=merged)
