"""The store's form on disk: mentions as four integers, each sentence once.

A record's mentions repeat the same document fields and, across reprints, the
same sentences; stored in full they made the file grow by ~350 bytes a
mention. On disk a mention is ``[document, start, end, sentence]``: indexes
into the ``documents`` and ``sentences`` tables. ``pack`` and ``unpack`` move
between that form (``StoreFile``, validated as a whole on load) and the
records of the public contract (``Store``). ``StoreLines`` holds the file as the
JSON of its items, a line each, which a checkpoint of ``scidip extract`` merges
into (``apply_lines``) without building most records as models.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy
from pydantic import TypeAdapter
from pydantic_core import to_json

from sci_diplo.identity import Merger, absorb
from sci_diplo.models import (
    STORE_FORMAT, STORE_VERSION, ClaimRecord, DocumentInfo, FigureRecord, Mention, ProgrammeRecord, Record, Store,
    StoreFile, StoredClaim, StoredFigure, StoredProgramme, StoredRecord, records_adapter,
)
from sci_diplo.storedata import SECTIONS, split_lines


PUBLIC = {"figure": FigureRecord, "programme": ProgrammeRecord, "claim": ClaimRecord}
STORED = {"figure": StoredFigure, "programme": StoredProgramme, "claim": StoredClaim}


def _fields(rec: Record | StoredRecord) -> dict:
    return {name: getattr(rec, name) for name in type(rec).model_fields if name != "mentions"}


class Packer:
    """Builds the two tables while records are packed."""

    def __init__(self, documents: list[DocumentInfo]) -> None:
        self.documents = list(documents)
        self.doc_index = {(d.path, d.doc_id): i for i, d in enumerate(self.documents)}
        self.sentences: list[str] = []
        self.sentence_index: dict[str, int] = {}

    def ref(self, m: Mention) -> tuple[int, int, int, int]:
        return (self.document_of(m), m.start, m.end, self.sentence(m.sentence))

    def document_of(self, m: Mention | DocumentInfo) -> int:
        """Return the index of the document that ``m`` (a mention, or a document) names by path and
        doc_id. One the table lacks (an earlier reading of a file read again in the same run) is
        added with what a mention knows of it."""
        doc = self.doc_index.get((m.path, m.doc_id))
        if doc is None:
            doc = self.doc_index[(m.path, m.doc_id)] = len(self.documents)
            self.documents.append(DocumentInfo(path=m.path, doc_id=m.doc_id, published=m.published,
                                               url=m.url, title=m.title, outlet=m.outlet))
        return doc

    def sentence(self, text: str) -> int:
        """Return the index of ``text`` in the sentences table, adding it if new."""
        index = self.sentence_index.get(text)
        if index is None:
            index = self.sentence_index[text] = len(self.sentences)
            self.sentences.append(text)
        return index


def pack(store: Store) -> StoreFile:
    """Return the on-disk form of ``store`` (built from validated records, so not validated again)."""
    packer = Packer(store.documents)
    records = [
        STORED[rec.kind].model_construct(**_fields(rec), mentions=[packer.ref(m) for m in rec.mentions])
        for rec in store.records
    ]
    return StoreFile.model_construct(format=store.format, version=store.version, documents=packer.documents,
                                     sentences=packer.sentences, records=records)


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def pack_json(store: Store) -> bytes:
    """Return ``pack(store)`` as JSON (what a ``--jobs`` worker sends; it is validated as a
    ``StoreFile`` where it is received). The records' fields are dumped by pydantic-core in one
    call: ``pack`` builds a stored model per record, field by field, and with the dump cost
    three times as much (0.20-0.27 s against 0.07 s for the records of 400 bench documents
    in batches of 8). Keys come in another order than ``pack(store).model_dump_json()`` gives
    (``mentions`` last)."""
    packer = Packer(store.documents)
    records = records_adapter().dump_python(store.records, mode="json", exclude={"__all__": {"mentions"}})
    for fields, rec in zip(records, store.records):
        fields["mentions"] = [packer.ref(m) for m in rec.mentions]
    documents = [d.model_dump(mode="json") for d in packer.documents]  # after the refs, which may add some
    return _COMPACT({"format": store.format, "version": store.version, "documents": documents,
                     "sentences": packer.sentences, "records": records}).encode("utf-8")


class Unpacker:
    """Turns stored records back into public ones (the StoreFile was validated on load)."""

    def __init__(self, file: StoreFile) -> None:
        self.file = file

    def mention(self, ref: tuple[int, int, int, int]) -> Mention:
        doc_i, start, end, sentence_i = ref
        doc = self.file.documents[doc_i]
        return Mention.model_construct(
            path=doc.path, doc_id=doc.doc_id, start=start, end=end, sentence=self.file.sentences[sentence_i],
            published=doc.published, url=doc.url, title=doc.title, outlet=doc.outlet,
        )

    def record(self, rec: StoredRecord) -> Record:
        return PUBLIC[rec.kind].model_construct(**_fields(rec), mentions=[self.mention(r) for r in rec.mentions])

    def check(self) -> str | None:
        """Return the first reference that points outside the tables or has a negative offset, or None."""
        docs, sentences = len(self.file.documents), len(self.file.sentences)
        for i, rec in enumerate(self.file.records):
            for j, (doc_i, start, end, sentence_i) in enumerate(rec.mentions):
                if not (0 <= doc_i < docs and 0 <= sentence_i < sentences and 0 <= start <= end):
                    return f"records.{i}.mentions.{j}: reference out of range"
        return None


def unpack(file: StoreFile) -> Store:
    """Return the in-memory store of a validated store file."""
    unpacker = Unpacker(file)
    return Store.model_construct(format=file.format, version=file.version, documents=list(file.documents),
                                 records=[unpacker.record(r) for r in file.records])


@lru_cache(maxsize=1)
def stored_adapter() -> TypeAdapter[StoredRecord]:
    """Return the validator of one stored record (built on first use)."""
    return TypeAdapter(StoredRecord)


def _ref_key(ref: tuple[int, int, int, int]) -> tuple[int, int, int]:
    return ref[:3]  # document, start, end: the sentence follows from them


class Held:
    """A new figure or claim held until the checkpoint that stores it: its JSON without the
    mentions, and its mentions as ``Fresh`` keeps them. As a model, a record took about 2,500
    bytes (a fresh Python object for every field, nested date and list); held so, about 800.
    Merging a repeat into it only adds mentions (see ``identity.absorb``); a programme, whose
    names and countries merge too, is held as a model."""

    __slots__ = ("id", "mentions", "line")

    def __init__(self, rec: StoredRecord | Record, mentions: list, line: bool = True) -> None:
        self.id, self.mentions = rec.id, mentions
        self.line = rec.__pydantic_serializer__.to_json(rec, exclude=_MENTIONS) if line else b""

    def json(self) -> bytes:
        """Return the record's line, mentions and all: the bytes its stored model dumps (the id
        first, then the mentions, as ``_HEAD`` reads them)."""
        head = len(b'{"id":"%b"' % self.id.encode())
        return b'%b,"mentions":%b%b' % (self.line[:head], to_json(self.mentions), self.line[head:])


_MENTIONS = {"mentions"}


class Fresh:
    """New records merged as they come, held compact until they are applied to the store file:
    each record once (figures and claims as ``Held``), each mention four items (its document's
    (path, doc_id), start, end and sentence). A run keeps the documents read since its last
    checkpoint here, from one process as records or from ``--jobs`` workers as packed store files."""

    def __init__(self) -> None:
        self.merger = Merger(in_place=True, mention_key=_ref_key)  # its records are ours to change
        self.documents: dict[tuple[str, str], Mention | DocumentInfo] = {}  # what names each document
        self.keys: dict[tuple[str, str], tuple[str, str]] = {}  # one key tuple a document

    def _key(self, doc: Mention | DocumentInfo) -> tuple[str, str]:
        key = (doc.path, doc.doc_id)
        held = self.keys.get(key)
        if held is None:
            held = self.keys[key] = key
            self.documents[key] = doc
        return held

    def _held(self, rec: StoredRecord | Record, mentions: list) -> StoredRecord | Held:
        """Return ``rec`` with ``mentions``, as it is held: a programme as a stored model, anything
        else as ``Held`` (its JSON only when it is the first of its id: a repeat adds mentions)."""
        if rec.kind == "programme":
            if not isinstance(rec, StoredProgramme):  # a public record, from this process
                return StoredProgramme.model_construct(**_fields(rec), mentions=mentions)
            rec.mentions = mentions
            return rec
        return Held(rec, mentions, line=rec.id not in self.merger.merged)

    def add_records(self, records: Iterable[Record]) -> None:
        """Merge public records in (their mentions are not kept as models)."""
        self.merger.add(self._held(rec, [(self._key(m), m.start, m.end, m.sentence) for m in rec.mentions])
                        for rec in records)

    def add_part(self, part: StoreFile) -> None:
        """Merge a packed store file in (its programmes are changed and kept)."""
        keys = [self._key(d) for d in part.documents]
        sentences = [sys.intern(text) for text in part.sentences]  # reprints share their sentences
        self.merger.add(self._held(new, [(keys[d], a, b, sentences[si]) for d, a, b, si in new.mentions])
                        for new in part.records)


class StoreLines:
    """A store file held as it is written: the JSON of each document, sentence and record, a line
    each (``store.file_json`` writes the lines; ``json`` joins them back). A checkpoint merges into
    this form and builds a model only of the records that new ones merge into: a record no document
    of the run touched keeps its line, its mentions renumbered where the tables moved. (Held as
    models, a store of 300,000 records took 1.3 GiB and 4 s to validate at each checkpoint.)"""

    def __init__(self, documents: list[bytes] | None = None, sentences: list[bytes] | None = None,
                 records: list[bytes] | None = None) -> None:
        self.documents, self.sentences, self.records = documents or [], sentences or [], records or []

    @classmethod
    def of_file(cls, file: StoreFile) -> StoreLines:
        """Return the lines of a store file's models."""
        return cls([d.__pydantic_serializer__.to_json(d) for d in file.documents],
                   [to_json(s) for s in file.sentences],
                   [r.__pydantic_serializer__.to_json(r) for r in file.records])

    @classmethod
    def of_json(cls, raw: bytes) -> StoreLines | None:
        """Return the lines of a store file's JSON written a line per item, or None when it is not
        laid out so (see ``storedata.sections``). The JSON is not validated."""
        parts = split_lines(raw)
        return None if parts is None else cls.of_sections(parts)

    @classmethod
    def of_sections(cls, parts: dict[str, list[bytes]]) -> StoreLines:
        """Return the store of the lines of each of a file's lists (``storedata.sections``; they are
        used up: each line but a list's last loses its comma)."""
        for items in parts.values():
            for i in range(len(items) - 1):
                items[i] = items[i][:-1]
        return cls(*(parts[name] for name in SECTIONS))

    def json(self) -> bytes:
        """Return the store file's JSON, a line per item (what ``store.file_json`` gives)."""
        return b"".join(self.chunks())

    def chunks(self, lines: int = 4096) -> Iterator[bytes]:
        """Yield the store file's JSON in pieces of up to ``lines`` lines (``store.save_chunks``
        writes them as they come: the JSON of a large store is not held whole)."""
        yield b'{"format":%b,"version":%d' % (to_json(STORE_FORMAT), STORE_VERSION)
        for name, items in zip(SECTIONS, (self.documents, self.sentences, self.records)):
            yield b',"%b":[\n' % name.encode()
            for k in range(0, len(items), lines):
                yield b"%b%b" % (b",\n" if k else b"", b",\n".join(items[k : k + lines]))
            yield b"\n]"
        yield b"}\n"


@dataclass
class _DocLine:
    """A stored document as the packer sees it: its path, its doc_id and its line."""

    path: str
    doc_id: str
    line: bytes


# How a stored record's line starts: ``StoredRecord`` dumps its id, then its mentions (a list of
# lists of integers). A line that does not start so is read whole.
_HEAD = re.compile(rb'\{"id":"([0-9A-Za-z]+)","mentions":(\[\[[0-9,\[\]]*\]\])')  # up to its last "]]"
_BRACKETS = bytes.maketrans(b"[]", b"  ")


def _old_refs(lines: list[bytes], heads: list[re.Match | None], whole: dict[int, StoredRecord]) -> numpy.ndarray:
    """Return the integers of the stored records' mentions (document, start, end, sentence, for
    each mention), in one array: each record's after the one before, and ``-1`` after each record
    (the integers of a valid store are never negative). They are read from the lines' ``heads``
    in one call, or from the records read ``whole``."""
    if not lines:
        return numpy.zeros(0, dtype=numpy.int64)
    parts = [head.group(2) if head else to_json(whole[i].mentions) for i, head in enumerate(heads)]
    text = (b",-1,".join(parts) + b",-1").translate(_BRACKETS).decode("ascii")
    return numpy.fromstring(text, dtype=numpy.int64, sep=",")


def apply_lines(held: StoreLines, infos: list[DocumentInfo], fresh: Fresh) -> StoreLines:
    """Return the store ``held`` with the documents ``infos`` replaced by their new records
    (``fresh``). The result is the store ``store.apply_merged`` gives, in the bytes ``pack`` writes
    for it: documents sorted by path, sentences numbered in the order the records cite them, and
    only those still cited; so the bytes do not depend on where a run's checkpoints fell. The
    stored mentions are renumbered in arrays; a record keeps its line unless its numbers moved,
    and is read as a model only when a new one merges into it. ``fresh`` is used up (its records
    are changed and kept), ``held`` is not."""
    latest = {info.path: info for info in infos}
    old_docs = [_DocLine(d["path"], d["doc_id"], line) for d, line in
                zip(json.loads(b"[%b]" % b",".join(held.documents)), held.documents)]
    packer = Packer(sorted([*(d for d in old_docs if d.path not in latest), *latest.values()],  # type: ignore[misc]
                           key=lambda d: d.path))
    doc_map = numpy.array([-1 if d.path in latest else packer.doc_index[(d.path, d.doc_id)] for d in old_docs],
                          dtype=numpy.int64)
    incoming = fresh.merger.merged
    lines = held.records
    heads = [_HEAD.match(line) for line in lines]
    ids = {key.encode() for key in incoming}
    # Read as models: the records new ones merge into (their mentions are set below, from the
    # arrays: a record reprinted thousands of times would parse them as thousands of tuples),
    # and the lines laid out otherwise.
    whole = {i: stored_adapter().validate_json(line if head is None else b"%b[[0,0,0,0]]%b" % (
                 line[: head.start(2)], line[head.end(2) :]))
             for i, (line, head) in enumerate(zip(lines, heads)) if head is None or head.group(1) in ids}
    flat = _old_refs(lines, heads, whole)
    closes = numpy.flatnonzero(flat == -1)
    refs = numpy.delete(flat, closes).reshape(-1, 4)
    del flat
    counts = numpy.diff(closes, prepend=-1) // 4  # each record's mentions (at least one)
    firsts = numpy.cumsum(counts) - counts
    docs = doc_map[refs[:, 0]]  # -1: a document read anew, whose stored mentions are dropped
    alive = docs >= 0
    kept = numpy.add.reduceat(alive, firsts).tolist() if len(firsts) else []
    # Until they are numbered, mentions cite a sentence by a key: a stored sentence's old number,
    # or a number past those for a new one.
    keys = {text: k for k, text in enumerate(held.sentences)}
    new_texts: list[bytes] = []
    sentence_json: dict[str, bytes] = {}

    def key(text: str) -> int:
        encoded = sentence_json.get(text) or sentence_json.setdefault(text, to_json(text))
        k = keys.get(encoded)
        if k is None:
            k = keys[encoded] = len(held.sentences) + len(new_texts)
            new_texts.append(encoded)
        return k

    # The stored records new ones merge into (with their remaining mentions), then the new ones.
    # Each new record is merged once (``fresh`` merged repeats already), so the keys of a stored
    # record's mentions are gathered only while it absorbs one (``Merger`` would keep them all).
    merged: dict[str, StoredRecord | Held] = {}
    for i, rec in whole.items():
        if kept[i]:
            a = int(firsts[i])
            rec.mentions = [(d, s, e, k) for d, (_, s, e, k) in zip(docs[a : a + counts[i]].tolist(),
                                                                  refs[a : a + counts[i]].tolist()) if d >= 0]
            if isinstance(rec, StoredProgramme):  # merging may grow it: never a list shared with another record
                rec.aliases = list(rec.aliases)
            merged[rec.id] = rec
    docs_of = {doc_key: packer.document_of(doc) for doc_key, doc in fresh.documents.items()}
    added = []
    for new in incoming.values():
        new.mentions = [(docs_of[doc_key], s, e, key(text)) for doc_key, s, e, text in new.mentions]
        old = merged.get(new.id)
        if old is None:
            merged[new.id] = new
            added.append(new)
        else:
            absorb(old, new, {_ref_key(m) for m in old.mentions}, _ref_key)
    # Sentences numbered in the order the records cite them, in the order they are written: a
    # stored record's mentions, and after those of a record new ones merged into, theirs.
    old_keys = numpy.where(alive, refs[:, 3], -1)
    cited, at = [], 0
    for i, rec in whole.items():
        if kept[i]:
            end = int(firsts[i] + counts[i])
            cited += [old_keys[at:end], numpy.array([m[3] for m in rec.mentions[kept[i]:]], dtype=numpy.int64)]
            at = end
    cited += [old_keys[at:], numpy.array([m[3] for rec in added for m in rec.mentions], dtype=numpy.int64)]
    sequence = numpy.concatenate(cited)
    unique, first = numpy.unique(sequence[sequence >= 0], return_index=True)
    order = unique[numpy.argsort(first, kind="stable")]
    number = numpy.full(len(held.sentences) + len(new_texts), -1, dtype=numpy.int64)
    number[order] = numpy.arange(len(order))
    sentences = [held.sentences[k] if k < len(held.sentences) else new_texts[k - len(held.sentences)]
                 for k in order.tolist()]
    numbers = number.tolist()
    for rec in merged.values():
        rec.mentions = [(d, s, e, numbers[k]) for d, s, e, k in rec.mentions]
    # The stored lines: kept as they are where no number moved, else their mentions rewritten.
    new_refs = numpy.column_stack([docs, refs[:, 1], refs[:, 2], number[refs[:, 3]]])
    unchanged = numpy.logical_and.reduceat((new_refs == refs).all(axis=1), firsts).tolist() if len(firsts) else []
    records: list[bytes | StoredRecord | Held] = []
    for i, (line, a, b) in enumerate(zip(lines, firsts.tolist(), (firsts + counts).tolist())):
        if not kept[i]:
            continue
        rec = whole.get(i)
        if rec is not None:
            records.append(rec)
        elif unchanged[i]:
            records.append(line)
        else:
            mine = new_refs[a:b].tolist()  # a line's at a time: all at once took 100 bytes a mention
            if kept[i] < b - a:
                mine = [r for r in mine if r[0] >= 0]
            head = heads[i]
            records.append(b"%b%b%b" % (line[: head.start(2)], to_json(mine), line[head.end(2) :]))
    records += added
    return StoreLines(
        [d.line if isinstance(d, _DocLine) else d.__pydantic_serializer__.to_json(d) for d in packer.documents],
        sentences,
        [_line(r) for r in records])


def _line(rec: bytes | StoredRecord | Held) -> bytes:
    """Return the line of a record ``apply_lines`` writes (a held one gives up its own: ``fresh`` is used up)."""
    if isinstance(rec, bytes):
        return rec
    if isinstance(rec, Held):
        line, rec.line = rec.json(), b""
        return line
    return rec.__pydantic_serializer__.to_json(rec)
