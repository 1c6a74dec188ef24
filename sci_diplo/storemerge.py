"""A checkpoint's merge: new records applied to the store file's lines (``apply_lines``).

The result is the store ``store.apply_merged`` gives, in the bytes ``storefile.pack`` writes
for it: documents sorted by path, sentences numbered in the order the records cite them, and
only those still cited; so the bytes do not depend on where a run's checkpoints fell. The
stored mentions are renumbered in arrays; a record keeps its line unless its numbers moved,
and is read as a model only when a new one merges into it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import numpy
from pydantic_core import to_json

from sci_diplo.identity import absorb
from sci_diplo.models import DocumentInfo, StoredProgramme, StoredRecord
from sci_diplo.sources import same_file
from sci_diplo.storefile import Fresh, Held, Packer, StoreLines, ref_key, stored_adapter


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


def apply_lines(held: StoreLines, infos: list[DocumentInfo], fresh: Fresh) -> StoreLines:
    """Return the store ``held`` with the documents ``infos`` replaced by their new records
    (``fresh``), laid out as the module's docstring says. ``fresh`` is used up (its records are
    changed and kept), ``held`` is not."""
    merge = _LineMerge(held, infos, fresh)
    merged, added = merge.merged()
    sentences, number = merge.numbered(merged, added)
    records = merge.records(number) + added
    return StoreLines(
        [d.line if isinstance(d, _DocLine) else d.__pydantic_serializer__.to_json(d) for d in merge.packer.documents],
        sentences,
        [_line(r) for r in records])


class _LineMerge:
    """The stored side of ``apply_lines``: the documents' new order, and the stored mentions as
    arrays (``refs``: a row of document, start, end and sentence per mention; record ``i`` has
    rows ``firsts[i]`` to ``firsts[i] + counts[i]``, of which ``kept[i]`` stay)."""

    def __init__(self, held: StoreLines, infos: list[DocumentInfo], fresh: Fresh) -> None:
        self.held, self.fresh = held, fresh
        latest = {info.path: info for info in infos}
        old_docs = [_DocLine(d["path"], d["doc_id"], line) for d, line in
                    zip(json.loads(b"[%b]" % b",".join(held.documents)), held.documents)]
        replaced = [same_file(d.path) in latest for d in old_docs]
        self.packer = Packer(sorted([*(d for d, r in zip(old_docs, replaced) if not r), *latest.values()],  # type: ignore[misc]
                                    key=lambda d: d.path))
        doc_map = numpy.array([-1 if r else self.packer.doc_index[(d.path, d.doc_id)]
                               for d, r in zip(old_docs, replaced)], dtype=numpy.int64)
        self.lines = held.records
        self.heads = [_HEAD.match(line) for line in self.lines]
        self.whole = self._read_whole({key.encode() for key in fresh.merger.merged})
        flat = _old_refs(self.lines, self.heads, self.whole)
        closes = numpy.flatnonzero(flat == -1)
        self.refs = numpy.delete(flat, closes).reshape(-1, 4)
        del flat
        self.counts = numpy.diff(closes, prepend=-1) // 4  # each record's mentions (at least one)
        self.firsts = numpy.cumsum(self.counts) - self.counts
        self.docs = doc_map[self.refs[:, 0]]  # -1: a document read anew, whose stored mentions are dropped
        self.alive = self.docs >= 0
        self.kept = numpy.add.reduceat(self.alive, self.firsts).tolist() if len(self.firsts) else []
        # Until they are numbered, mentions cite a sentence by a key: a stored sentence's old
        # number, or a number past those for a new one.
        self.keys = {text: k for k, text in enumerate(held.sentences)}
        self.new_texts: list[bytes] = []
        self.sentence_json: dict[str, bytes] = {}

    def _read_whole(self, ids: set[bytes]) -> dict[int, StoredRecord]:
        """Return, by line, the stored records read as models: those new ones merge into (their
        mentions are set in ``merged``, from the arrays: a record reprinted thousands of times would
        parse them as thousands of tuples), and the lines laid out otherwise."""
        adapter = stored_adapter()
        return {i: adapter.validate_json(line if head is None else b"%b[[0,0,0,0]]%b" % (
                    line[: head.start(2)], line[head.end(2) :]))
                for i, (line, head) in enumerate(zip(self.lines, self.heads)) if head is None or head.group(1) in ids}

    def key(self, text: str) -> int:
        """Return the key of the sentence ``text`` (see ``__init__``)."""
        encoded = self.sentence_json.get(text) or self.sentence_json.setdefault(text, to_json(text))
        k = self.keys.get(encoded)
        if k is None:
            k = self.keys[encoded] = len(self.held.sentences) + len(self.new_texts)
            self.new_texts.append(encoded)
        return k

    def merged(self) -> tuple[dict[str, StoredRecord | Held], list[StoredRecord | Held]]:
        """Return the records by id (the stored ones that new ones merge into, with their remaining
        mentions, and the new ones), and the new ones that merged into no stored one.

        Each new record is merged once (``fresh`` merged repeats already), so the keys of a stored
        record's mentions are gathered only while it absorbs one (``Merger`` would keep them all).
        """
        merged: dict[str, StoredRecord | Held] = {}
        for i, rec in self.whole.items():
            if self.kept[i]:
                a, n = int(self.firsts[i]), int(self.counts[i])
                rec.mentions = [(d, s, e, k) for d, (_, s, e, k) in zip(self.docs[a : a + n].tolist(),
                                                                      self.refs[a : a + n].tolist()) if d >= 0]
                if isinstance(rec, StoredProgramme):  # merging may grow it: never a list shared with another record
                    rec.aliases = list(rec.aliases)
                merged[rec.id] = rec
        docs_of = {doc_key: self.packer.document_of(doc) for doc_key, doc in self.fresh.documents.items()}
        added = []
        for new in self.fresh.merger.merged.values():
            new.mentions = [(docs_of[doc_key], s, e, self.key(text)) for doc_key, s, e, text in new.mentions]
            old = merged.get(new.id)
            if old is None:
                merged[new.id] = new
                added.append(new)
            else:
                absorb(old, new, {ref_key(m) for m in old.mentions}, ref_key)
        return merged, added

    def numbered(self, merged: dict[str, StoredRecord | Held], added: list[StoredRecord | Held]
                 ) -> tuple[list[bytes], numpy.ndarray]:
        """Number the sentences in the order the records cite them, in the order they are written (a
        stored record's mentions, and after those of a record new ones merged into, theirs); renumber
        the mentions of the ``merged`` records. Return the sentences' lines, and each key's number
        (-1: no longer cited)."""
        old_keys = numpy.where(self.alive, self.refs[:, 3], -1)
        cited, at = [], 0
        for i, rec in self.whole.items():
            if self.kept[i]:
                end = int(self.firsts[i] + self.counts[i])
                cited += [old_keys[at:end], numpy.array([m[3] for m in rec.mentions[self.kept[i]:]], dtype=numpy.int64)]
                at = end
        cited += [old_keys[at:], numpy.array([m[3] for rec in added for m in rec.mentions], dtype=numpy.int64)]
        sequence = numpy.concatenate(cited)
        unique, first = numpy.unique(sequence[sequence >= 0], return_index=True)
        order = unique[numpy.argsort(first, kind="stable")]
        stored = len(self.held.sentences)
        number = numpy.full(stored + len(self.new_texts), -1, dtype=numpy.int64)
        number[order] = numpy.arange(len(order))
        sentences = [self.held.sentences[k] if k < stored else self.new_texts[k - stored] for k in order.tolist()]
        numbers = number.tolist()
        for rec in merged.values():
            rec.mentions = [(d, s, e, numbers[k]) for d, s, e, k in rec.mentions]
        return sentences, number

    def records(self, number: numpy.ndarray) -> list[bytes | StoredRecord | Held]:
        """Return the stored records that keep a mention, in their order: a line kept as it is where
        no number moved, else with its mentions rewritten; a record read whole as its model."""
        refs, firsts, kept = self.refs, self.firsts, self.kept
        new_refs = numpy.column_stack([self.docs, refs[:, 1], refs[:, 2], number[refs[:, 3]]])
        unchanged = numpy.logical_and.reduceat((new_refs == refs).all(axis=1), firsts).tolist() if len(firsts) else []
        out: list[bytes | StoredRecord | Held] = []
        for i, (line, a, b) in enumerate(zip(self.lines, firsts.tolist(), (firsts + self.counts).tolist())):
            if not kept[i]:
                continue
            rec = self.whole.get(i)
            if rec is not None:
                out.append(rec)
            elif unchanged[i]:
                out.append(line)
            else:
                mine = new_refs[a:b].tolist()  # a line's at a time: all at once took 100 bytes a mention
                if kept[i] < b - a:
                    mine = [r for r in mine if r[0] >= 0]
                head = self.heads[i]
                out.append(b"%b%b%b" % (line[: head.start(2)], to_json(mine), line[head.end(2) :]))
        return out


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


def _line(rec: bytes | StoredRecord | Held) -> bytes:
    """Return the line of a record ``apply_lines`` writes (a held one gives up its own: ``fresh`` is used up)."""
    if isinstance(rec, bytes):
        return rec
    if isinstance(rec, Held):
        line, rec.line = rec.json(), b""
        return line
    return rec.__pydantic_serializer__.to_json(rec)
