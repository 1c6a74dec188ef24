"""The store as plain data, read fast: what ``scidip facts`` queries.

Whenever ``store.save_chunks`` writes a store (for ``save_file`` and for ``extract``'s
checkpoints), it also writes ``<store>.sha256`` beside it: the SHA-256 of the bytes written
and the sci_diplo version that wrote them. A store is only ever written from validated
records (a checkpoint adds validated records to a store it validated or found trusted by
this sum), so a file whose bytes still hash to that sum, read by the same version, holds
exactly what validation accepted. ``read`` loads such a
file with ``json.loads``. Validating it again would cost the import of Pydantic and the
building of the store's schema, about two thirds of a query's time.

The store is written with each document, sentence and record on a line of its own
(``store.file_json``): a trusted file is split into lines, its records are parsed only
where a query's quick test of their text passes (``read``'s ``keep``), and its documents
and sentences only when a mention needs them. A file of one line (written before) is
read with ``json.loads``.

Every other file is validated with Pydantic as before, and is rejected with a
``StoreError`` if it fails:
- an edited or damaged file;
- a file written by another version;
- a file with no sum.

The sum guards against damage and version skew, not against someone who rewrites
both files. Nothing here imports Pydantic.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sci_diplo import __version__
from sci_diplo.errors import StoreError

STORE_FORMAT = "sci_diplo.facts"
STORE_VERSION = 1
KINDS = ("figure", "programme", "claim")
# The store file's lists, in its order: each item on a line of its own (``store.file_json``).
SECTIONS = ("documents", "sentences", "records")
WRITER = f"sci_diplo {__version__}"

_DUMPS = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(value, ensure_ascii=False), one encoder
# A mention's fields, in the order of ``models.Mention``, after its document's path and doc_id.
_DOC_AFTER = ("published", "url", "title", "outlet")


def json_bytes(value: object) -> bytes:
    """Return ``json.dumps(value, ensure_ascii=False)`` as UTF-8 (lone surrogates escaped, as JSON allows)."""
    return _DUMPS(value).encode("utf-8", "backslashreplace")


def sum_path(path: Path) -> Path:
    """Return where the sum of the store at ``path`` is kept."""
    return path.with_name(path.name + ".sha256")


def sum_text(raw: bytes) -> str:
    """Return the content of the sum file for a store whose bytes are ``raw``."""
    return sum_of(hashlib.sha256(raw).hexdigest())


def sum_of(sha256: str) -> str:
    """Return the content of the sum file for a store whose SHA-256 (in hex) is ``sha256``."""
    return json.dumps({"sha256": sha256, "writer": WRITER}) + "\n"


def trusted(path: Path, raw: bytes) -> bool:
    """Return True when ``raw`` (the bytes of the store at ``path``) hash to the sum this version wrote beside it."""
    return trusted_sum(path, hashlib.sha256(raw).hexdigest())


def trusted_sum(path: Path, sha256: str) -> bool:
    """Return True when ``sha256`` (of the bytes of the store at ``path``) is the sum this version wrote beside it."""
    try:
        return sum_path(path).read_text(encoding="utf-8") == sum_of(sha256)
    except (OSError, UnicodeDecodeError):
        return False


class Lines(Sequence):
    """The items of one of a store file's lists, parsed from their lines when first asked for,
    ``BLOCK`` lines at a time (one ``json.loads`` per item would cost more than the parsing).

    A line is an item's JSON, then a comma unless it is the list's last: an item is an object
    or a string, whose JSON never ends with a comma.
    """

    BLOCK = 256

    def __init__(self, lines: list[bytes]) -> None:
        self.lines = lines
        self.blocks: dict[int, list[Any]] = {}

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.lines)))]
        if i < 0:
            i += len(self.lines)
        if not 0 <= i < len(self.lines):
            raise IndexError(i)
        k, at = divmod(i, self.BLOCK)
        return self.block(k)[at]

    def __iter__(self) -> Iterator[Any]:
        """Yield the items in order. A block not parsed before is parsed and not kept: a pass over
        the records of a large store holds one block of them at a time."""
        for k in range(-(-len(self.lines) // self.BLOCK)):
            block = self.blocks.get(k)
            yield from (block if block is not None else parse_items(self.lines[k * self.BLOCK : (k + 1) * self.BLOCK]))

    def block(self, k: int) -> list[Any]:
        """Return the items of block ``k`` (lines ``k * BLOCK`` to ``(k + 1) * BLOCK``), parsed once."""
        block = self.blocks.get(k)
        if block is None:
            block = self.blocks[k] = parse_items(self.lines[k * self.BLOCK : (k + 1) * self.BLOCK])
        return block


def parse_items(lines: list[bytes]) -> list[Any]:
    """Return the items of consecutive lines of a list (see ``Lines``), in one ``json.loads``."""
    return json.loads(b"[%b]" % b"".join(lines).removesuffix(b",")) if lines else []


def split_lines(raw: bytes) -> dict[str, list[bytes]] | None:
    """Return the lines of each of ``SECTIONS`` in a store file written a line per item, or None
    when ``raw`` is not laid out so (a file of one line, written before)."""
    return sections(raw.split(b"\n"))


def sections(lines: list[bytes]) -> dict[str, list[bytes]] | None:
    """Return the lines of each of ``SECTIONS`` among a store file's ``lines`` (``raw.split(b"\\n")``),
    or None when it is not laid out a line per item. A line between the lists holds no item: an
    item's line starts with "{" or '"'."""
    if lines[0] != b'{"format":"%b","version":%d,"documents":[' % (STORE_FORMAT.encode(), STORE_VERSION):
        return None
    out, i = {}, 1
    for name, closing in zip(SECTIONS, (b'],"sentences":[', b'],"records":[', b"]}")):
        try:
            end = lines.index(closing, i)
        except ValueError:
            return None
        out[name] = [] if lines[i:end] == [b""] else lines[i:end]
        i = end + 1
    return out if lines[i:] in ([], [b""]) else None


class StoreData:
    """A store file as plain data, as JSON has it.

    ``documents`` and ``records`` are dicts, ``sentences`` strings, and a mention is
    ``[document, start, end, sentence]``. The data can give a record in its public
    form (as a dict, or as JSON text). The JSON text is built from pieces: each
    document's and each sentence's JSON is encoded once, because a fact reprinted a
    thousand times is a thousand mentions that differ only in their offsets.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.documents: Sequence[dict[str, Any]] = data.get("documents", [])
        self.sentences: Sequence[str] = data.get("sentences", [])
        self.records: Sequence[dict[str, Any]] = data.get("records", [])
        self._docs_json: dict[int, tuple[bytes, bytes]] = {}
        self._sentences_json: dict[int, bytes] = {}

    def mention(self, ref: list[int]) -> dict[str, Any]:
        """Return the public mention (``models.Mention`` as JSON has it) of a stored one."""
        doc_i, start, end, sentence_i = ref
        doc = self.documents[doc_i]
        return {"path": doc["path"], "doc_id": doc["doc_id"], "start": start, "end": end,
                "sentence": self.sentences[sentence_i], **{k: doc.get(k) for k in _DOC_AFTER}}

    def public(self, rec: dict[str, Any]) -> dict[str, Any]:
        """Return the public record of a stored one, its fields in the order of the record models."""
        out = {"id": rec["id"], "mentions": [self.mention(ref) for ref in rec["mentions"]]}
        out.update((k, v) for k, v in rec.items() if k not in out)
        return out

    def as_json(self, rec: dict[str, Any]) -> bytes:
        """Return ``json_bytes(self.public(rec))``, built from pieces encoded once."""
        mentions = b", ".join(self.mentions_json(rec["mentions"]))
        rest = {k: v for k, v in rec.items() if k not in ("id", "mentions")}
        head = json_bytes({"id": rec["id"]})[:-1]  # the public field order: id, mentions, the rest
        tail = b", " + json_bytes(rest)[1:] if rest else b"}"
        return b'%b, "mentions": [%b]%b' % (head, mentions, tail)

    def mentions_json(self, refs: list[list[int]]) -> list[bytes]:
        """Return the JSON of each mention (UTF-8), in the field order of ``models.Mention``."""
        docs, sentences, out = self._docs_json, self._sentences_json, []
        for doc_i, start, end, sentence_i in refs:
            parts = docs.get(doc_i) or self._doc_json(doc_i)
            sentence = sentences.get(sentence_i)
            if sentence is None:
                sentence = sentences[sentence_i] = json_bytes(self.sentences[sentence_i])
            out.append(b'%b"start": %d, "end": %d, "sentence": %b, %b' % (parts[0], start, end, sentence, parts[1]))
        return out

    def _doc_json(self, doc_i: int) -> tuple[bytes, bytes]:
        """Return (and keep) the JSON of a document's mention fields before the offsets and after the sentence."""
        doc = self.documents[doc_i]
        before = b'{"path": %b, "doc_id": %b, ' % (json_bytes(doc["path"]), json_bytes(doc["doc_id"]))
        after = json_bytes({k: doc.get(k) for k in _DOC_AFTER})[1:]
        self._docs_json[doc_i] = (before, after)
        return before, after


def lock_path(path: Path) -> Path:
    """Return the lock file of the store at ``path``."""
    return path.with_name(path.name + ".lock")


def check_writable(path: Path) -> None:
    """Raise StoreError when the store at ``path`` cannot be written: the nearest folder that
    exists on the way to it (where the new store is written beside the old one, then renamed
    over it), or its lock file, is not writable (a read-only folder or file system). Nothing
    is created: this runs before any reading, so that a run does not find out at its first
    save, after the work."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    lock = lock_path(path)
    for probe in (folder, lock) if lock.exists() else (folder,):
        if not os.access(probe, os.W_OK):
            raise StoreError(f"cannot write store {path}: {probe} is not writable")


def read_bytes(path: Path) -> bytes | None:
    """Return the bytes of the store at ``path``, or None if there is none; raise StoreError if unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"cannot read store {path}: {exc.strerror or exc}") from None


def read_split(path: Path, chunk: int = 1 << 20) -> tuple[list[bytes], str] | None:
    """Return the lines of the store at ``path`` (as ``raw.split(b"\\n")`` gives them) and the
    SHA-256 of its bytes, or None if there is none; raise StoreError if unreadable. The file is
    read ``chunk`` bytes at a time: its bytes are not held whole beside their lines."""
    digest, lines, tail = hashlib.sha256(), [], b""
    try:
        with open(path, "rb") as fh:
            while data := fh.read(chunk):
                digest.update(data)
                parts = (tail + data).split(b"\n")
                tail = parts.pop()
                lines += parts
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"cannot read store {path}: {exc.strerror or exc}") from None
    lines.append(tail)
    return lines, digest.hexdigest()


@dataclass
class Stored:
    """A store file as read: the lines of each of its lists when this version wrote it a line per
    item and nobody changed it since (``sections``), else its bytes (``raw``) and whether its sum
    vouches for them (a file of one line, written before)."""

    sections: dict[str, list[bytes]] | None
    raw: bytes | None
    vouched: bool


def read_stored(path: Path) -> Stored | None:
    """Return the store file at ``path`` as read (see ``Stored``), or None if there is none;
    raise StoreError if unreadable. Its bytes are joined from their lines only when needed."""
    got = read_split(path)
    if got is None:
        return None
    lines, sha256 = got
    vouched = trusted_sum(path, sha256)
    parts = sections(lines) if vouched else None
    return Stored(parts, None, True) if parts is not None else Stored(None, b"\n".join(lines), vouched)


def read(path: Path, keep: Callable[[bytes], bool] | None = None) -> StoreData:
    """Return the store at ``path`` as plain data, or an empty store if the file does not exist.

    A file this version wrote and nobody changed is read as it is: with ``keep``, only the
    records whose line it accepts, when the file has a line per item (``keep`` is a quick
    test that must accept every record the caller wants). Any other file is validated
    first. Raises StoreError as ``store.load_file`` does.
    """
    stored = read_stored(path)
    if stored is None:
        return StoreData({})
    if stored.sections is not None:
        parts = stored.sections
        records = parts["records"]
        return StoreData({"documents": Lines(parts["documents"]), "sentences": Lines(parts["sentences"]),
                          "records": Lines(records if keep is None else [r for r in records if keep(r)])})
    if stored.vouched:
        data = json.loads(stored.raw)
        if data.get("format") == STORE_FORMAT and data.get("version") == STORE_VERSION:
            return StoreData(data)
    from sci_diplo import store  # Pydantic: only for a file that must be validated

    return StoreData(store.validate_file(path, stored.raw).model_dump(mode="json"))
