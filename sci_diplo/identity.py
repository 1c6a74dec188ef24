"""Record identity: normalized content hashes, and merging records that state the same fact.

A record's id hashes its normalized content, so the same fact read from
several documents (reprints of one story) gets the same id, and merging keeps
one record with a mention per occurrence. Sentences are normalized for the id
(case, quotes, dashes, markdown emphasis, line-break hyphenation, white
space) so that copies that differ only in typography still agree. No spaCy
here: the store merges with it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterable

from sci_diplo.models import ProgrammeRecord, Record

QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-"})
HYPHEN_BREAK = re.compile(r"(?<=\w)-\s*\n\s*(?=[a-z])")  # "coop-\n\neration"
EMPHASIS = re.compile(r"[*_]+")
SPACE = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # a sentence is normalized once for each fact it holds
def norm_text(text: str) -> str:
    """Return ``text`` normalized for comparison: NFKC, plain quotes and dashes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    text = HYPHEN_BREAK.sub("", text)
    text = EMPHASIS.sub("", text)
    text = SPACE.sub(" ", text).replace(" - ", "-")
    return text.strip().casefold()


def record_id(kind: str, *parts: object) -> str:
    """Return a stable id: the kind's initial and 15 hex digits of a hash of the parts."""
    digest = hashlib.sha256("\x1f".join(map(str, (kind, *parts))).encode("utf-8", "surrogatepass"))
    return kind[0] + digest.hexdigest()[:15]


class Merger:
    """Merges records as they come: one per id, mentions appended (inputs are never modified)."""

    def __init__(self) -> None:
        self.merged: dict[str, Record] = {}
        self.copied: set[str] = set()

    def add(self, records: Iterable[Record]) -> None:
        for rec in records:
            old = self.merged.get(rec.id)
            if old is None:
                self.merged[rec.id] = rec
                continue
            if rec.id not in self.copied:
                old = self.merged[rec.id] = old.model_copy(deep=True)
                self.copied.add(rec.id)
            absorb(old, rec)

    def records(self) -> list[Record]:
        return list(self.merged.values())


def merge(records: Iterable[Record]) -> list[Record]:
    """Return records with those of equal id merged: mentions appended, aliases and countries united."""
    merger = Merger()
    merger.add(records)
    return merger.records()


def absorb(old: Record, rec: Record) -> None:
    """Add ``rec``'s new mentions (and a programme's names and countries) to ``old``."""
    seen = {(m.doc_id, m.path, m.start, m.end) for m in old.mentions}
    old.mentions.extend(m for m in rec.mentions if (m.doc_id, m.path, m.start, m.end) not in seen)
    if isinstance(old, ProgrammeRecord) and isinstance(rec, ProgrammeRecord):
        names = {old.name.casefold()} | {a.casefold() for a in old.aliases}
        for alias in [rec.name, *rec.aliases]:
            if alias.casefold() not in names:
                old.aliases.append(alias)
                names.add(alias.casefold())
        old.countries = sorted(set(old.countries) | set(rec.countries))
