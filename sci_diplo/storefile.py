"""The store's form on disk: mentions as four integers, each sentence once.

A record's mentions repeat the same document fields and, across reprints, the
same sentences; stored in full they made the file grow by ~350 bytes a
mention. On disk a mention is ``[document, start, end, sentence]``: indexes
into the ``documents`` and ``sentences`` tables. ``pack`` and ``unpack`` move
between that form (``StoreFile``, validated as a whole on load) and the
records of the public contract (``Store``). ``StoreLines`` holds the file as the
JSON of its items, a line each, which a checkpoint of ``scidip extract`` merges
into (``storemerge.apply_lines``) without building most records as models.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache

from pydantic import TypeAdapter
from pydantic_core import to_json

from sci_diplo.identity import Merger
from sci_diplo.models import (
    STORE_FORMAT, STORE_VERSION, ClaimRecord, DocumentInfo, FigureRecord, Mention, ProgrammeRecord, Record, Store,
    StoreFile, StoredClaim, StoredFigure, StoredProgramme, StoredRecord,
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


class Part:
    """A batch of documents read by a ``--jobs`` worker, as it crosses to the parent (pickled):
    their infos, each sentence once, and their records merged, held as ``Fresh`` holds them
    (``hold``) but with their mentions as (document, start, end, sentence) indexes into the two
    tables. Its records were validated when the worker made them, and the parent keeps their
    JSON as the worker dumped it: validating the batches again as a ``StoreFile`` took the
    parent 0.78 s of CPU over the 2,000 bench documents, all of it taken from the two workers
    on two cores."""

    __slots__ = ("documents", "sentences", "records")

    def __init__(self, documents: list[DocumentInfo], records: Iterable[Record]) -> None:
        packer = Packer(documents)
        self.records = [hold(rec, [packer.ref(m) for m in rec.mentions]) for rec in records]
        self.documents, self.sentences = packer.documents, packer.sentences  # after the refs, which may add some

    def refs(self) -> Iterator[list[tuple[int, int, int, int]]]:
        """Yield each record's mentions."""
        return (rec.mentions for rec in self.records)

    def check(self) -> str | None:
        """Return the first mention of a record that has none, points outside the tables or
        has a negative offset, or None."""
        if not all(self.refs()):
            return "a record without mentions"
        return bad_reference(self.refs(), len(self.documents), len(self.sentences))


def bad_reference(refs: Iterable[list[tuple[int, int, int, int]]], docs: int, sentences: int) -> str | None:
    """Return where the first of the records' mentions ``refs`` points outside tables of ``docs``
    documents and ``sentences`` sentences or has a negative offset, or None."""
    for i, mentions in enumerate(refs):
        for j, (doc_i, start, end, sentence_i) in enumerate(mentions):
            if not (0 <= doc_i < docs and 0 <= sentence_i < sentences and 0 <= start <= end):
                return f"records.{i}.mentions.{j}: reference out of range"
    return None


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
        return bad_reference((rec.mentions for rec in self.file.records), len(self.file.documents),
                             len(self.file.sentences))


def unpack(file: StoreFile) -> Store:
    """Return the in-memory store of a validated store file."""
    unpacker = Unpacker(file)
    return Store.model_construct(format=file.format, version=file.version, documents=list(file.documents),
                                 records=[unpacker.record(r) for r in file.records])


@lru_cache(maxsize=1)
def stored_adapter() -> TypeAdapter[StoredRecord]:
    """Return the validator of one stored record (built on first use)."""
    return TypeAdapter(StoredRecord)


def ref_key(ref: tuple[int, int, int, int]) -> tuple[int, int, int]:
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
        first, then the mentions, as ``storemerge`` reads them)."""
        head = len(b'{"id":"%b"' % self.id.encode())
        return b'%b,"mentions":%b%b' % (self.line[:head], to_json(self.mentions), self.line[head:])


_MENTIONS = {"mentions"}


def hold(rec: Record, mentions: list, line: bool = True) -> StoredProgramme | Held:
    """Return the public record ``rec`` with ``mentions``, as it is held: a programme as a stored
    model, anything else as ``Held`` (its JSON only if ``line``)."""
    if rec.kind == "programme":
        return StoredProgramme.model_construct(**_fields(rec), mentions=mentions)
    return Held(rec, mentions, line)


class Fresh:
    """New records merged as they come, held compact until they are applied to the store file:
    each record once (figures and claims as ``Held``), each mention four items (its document's
    (path, doc_id), start, end and sentence). A run keeps the documents read since its last
    checkpoint here, from one process as records or from ``--jobs`` workers as packed batches."""

    def __init__(self) -> None:
        self.merger = Merger(in_place=True, mention_key=ref_key)  # its records are ours to change
        self.documents: dict[tuple[str, str], Mention | DocumentInfo] = {}  # what names each document
        self.keys: dict[tuple[str, str], tuple[str, str]] = {}  # one key tuple a document

    def _key(self, doc: Mention | DocumentInfo) -> tuple[str, str]:
        key = (doc.path, doc.doc_id)
        held = self.keys.get(key)
        if held is None:
            held = self.keys[key] = key
            self.documents[key] = doc
        return held

    def add_records(self, records: Iterable[Record]) -> None:
        """Merge public records in (their mentions are not kept as models; a figure's or claim's
        JSON is made only when it is the first of its id: a repeat adds mentions)."""
        merged = self.merger.merged
        self.merger.add(hold(rec, [(self._key(m), m.start, m.end, m.sentence) for m in rec.mentions],
                             line=rec.id not in merged) for rec in records)

    def add_part(self, part: Part) -> None:
        """Merge a worker's batch in (its records are changed and kept)."""
        keys = [self._key(d) for d in part.documents]
        sentences = [sys.intern(text) for text in part.sentences]  # reprints share their sentences
        for rec in part.records:
            rec.mentions = [(keys[d], a, b, sentences[si]) for d, a, b, si in rec.mentions]
        self.merger.add(part.records)


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
