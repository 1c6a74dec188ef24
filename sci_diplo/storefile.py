"""The store's form on disk: mentions as four integers, each sentence once.

A record's mentions repeat the same document fields and, across reprints, the
same sentences; stored in full they made the file grow by ~350 bytes a
mention. On disk a mention is ``[document, start, end, sentence]``: indexes
into the ``documents`` and ``sentences`` tables. ``pack`` and ``unpack`` move
between that form (``StoreFile``, validated as a whole on load) and the
records of the public contract (``Store``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable

from sci_diplo.identity import Merger
from sci_diplo.models import (
    ClaimRecord, DocumentInfo, FigureRecord, Mention, ProgrammeRecord, Record, Store, StoreFile, StoredClaim,
    StoredFigure, StoredProgramme, StoredRecord, records_adapter,
)


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


def _ref_key(ref: tuple[int, int, int, int]) -> tuple[int, int, int]:
    return ref[:3]  # document, start, end: the sentence follows from them


class Fresh:
    """New records merged as they come, held compact until they are applied to the store file:
    each record once, each mention four items (its document's (path, doc_id), start, end and
    sentence). A run keeps the documents read since its last checkpoint here, from one
    process as records or from ``--jobs`` workers as packed store files."""

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

    def add_records(self, records: Iterable[Record]) -> None:
        """Merge public records in (their mentions are not kept as models)."""
        for rec in records:
            refs = [(self._key(m), m.start, m.end, m.sentence) for m in rec.mentions]
            if rec.id in self.merger.merged:  # a repeat: only its mentions (and a programme's names) count
                self.merger.add([rec.model_copy(update={"mentions": refs})])
            else:
                self.merger.merged[rec.id] = STORED[rec.kind].model_construct(**_fields(rec), mentions=refs)

    def add_part(self, part: StoreFile) -> None:
        """Merge a packed store file in (its records are changed and kept)."""
        keys = [self._key(d) for d in part.documents]
        sentences = [sys.intern(text) for text in part.sentences]  # reprints share their sentences
        for new in part.records:
            new.mentions = [(keys[d], a, b, sentences[si]) for d, a, b, si in new.mentions]
        self.merger.add(part.records)


def apply_file(file: StoreFile, infos: list[DocumentInfo], fresh: Fresh) -> StoreFile:
    """Return ``file`` with the documents ``infos`` replaced by their new records (``fresh``),
    merged on the stored form: no mention is built as a model, and the sentences table keeps
    only the sentences still cited. Same result as ``store.apply_merged``, whether the new
    records came as records or as packed files. ``file`` and ``fresh`` are used up: their
    records are changed and reused, so that a large store is not held twice while it is merged."""
    latest = {info.path: info for info in infos}
    kept_docs = [d for d in file.documents if d.path not in latest]
    packer = Packer(sorted([*kept_docs, *latest.values()], key=lambda d: d.path))
    remap = {i: packer.doc_index[(d.path, d.doc_id)] for i, d in enumerate(file.documents) if d.path not in latest}
    merger = Merger(in_place=True, mention_key=_ref_key)  # ``file`` and ``fresh`` are used up
    merged = merger.merged
    for rec in file.records:
        refs = [(remap[d], a, b, packer.sentence(file.sentences[si])) for d, a, b, si in rec.mentions if d in remap]
        if refs:
            rec.mentions = refs
            if isinstance(rec, StoredProgramme):  # merging may grow it: never a list shared with another record
                rec.aliases = list(rec.aliases)
            merged[rec.id] = rec
    # The new sentences are numbered record by record, as packing merged public records numbers them.
    docs = {key: packer.document_of(doc) for key, doc in fresh.documents.items()}
    for new in fresh.merger.merged.values():
        new.mentions = [(docs[key], a, b, packer.sentence(text)) for key, a, b, text in new.mentions]
        merger.add([new])
    return StoreFile.model_construct(format=file.format, version=file.version, documents=packer.documents,
                                     sentences=packer.sentences, records=list(merged.values()))
