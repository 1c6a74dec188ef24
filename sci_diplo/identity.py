"""Record identity: normalized content hashes, and merging records that state the same fact.

A record's id hashes its normalized content, so the same fact read from
several documents (reprints of one story) gets the same id, and merging keeps
one record with a mention per occurrence. Sentences are normalized for the id
(case, quotes, dashes, markdown emphasis, line-break hyphenation, white
space, British or American spelling, "U.S." or "US", "%" or "per cent") so that
copies that differ only in typography or house style still agree. No spaCy
here: the store merges with it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from sci_diplo.models import ProgrammeRecord, Record
from sci_diplo.normalize.spelling import fold_spelling

QUOTE_PAIRS = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("‐", "-"))
HYPHEN_BREAK = re.compile(r"(?<=\w)-\s*\n\s*(?=[a-z])")  # "coop-\n\neration"
EMPHASIS = re.compile(r"[*_]+")


def norm_text(text: str) -> str:
    """Return ``text`` normalized for comparison: NFKC, plain quotes and dashes, one space, lower
    case, and one spelling for words that house styles write two ways (``fold_spelling``).

    Each step runs only where it can change something: most sentences are ASCII (so NFKC
    already, with no curly quote or dash) and hold no line-break hyphen and no emphasis mark.
    """
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = plain_quotes(text)
    if "\n" in text and "-" in text:
        text = HYPHEN_BREAK.sub("", text)
    if "*" in text or "_" in text:
        text = EMPHASIS.sub("", text)
    return fold_spelling(one_space(text).replace(" - ", "-").strip().casefold())


def plain_quotes(text: str) -> str:
    """Return ``text`` with each quote and dash of ``QUOTE_PAIRS`` made plain. (``str.translate``
    with their table looks up every character of a non-ASCII text: fifteen times as long.)"""
    for fancy, plain in QUOTE_PAIRS:
        if fancy in text:
            text = text.replace(fancy, plain)
    return text


def one_space(text: str) -> str:
    """Return ``re.sub(r"\\s+", " ", text)``: each run of white space as one space, five times
    faster (``str.split`` and the regex's ``\\s`` know the same white space)."""
    words = text.split()
    joined = " ".join(words)
    if text[:1].isspace():
        joined = " " + joined
    if words and text[-1].isspace():
        joined += " "
    return joined


def record_id(kind: str, *parts: object) -> str:
    """Return a stable id: the kind's initial and 15 hex digits of a hash of the parts."""
    digest = hashlib.sha256("\x1f".join(map(str, (kind, *parts))).encode("utf-8", "surrogatepass"))
    return kind[0] + digest.hexdigest()[:15]


class Merger:
    """Merges records as they come: one per id, mentions appended (inputs are never modified,
    unless ``in_place``: then they are the caller's own, and the first of an id absorbs the others).

    A fact reprinted thousands of times gets thousands of mentions, so the keys
    of the mentions already held are kept per record rather than recomputed at
    each merge.
    """

    def __init__(self, in_place: bool = False, mention_key=None) -> None:
        self.in_place = in_place
        self.mention_key = mention_key or _mention_key  # stored records pass theirs (see ``absorb``)
        self.merged: dict[str, Record] = {}
        self.seen: dict[str, set[tuple]] = {}  # for records that absorbed another: their mention keys

    def add(self, records: Iterable[Record]) -> None:
        for rec in records:
            old = self.merged.get(rec.id)
            if old is None:
                self.merged[rec.id] = rec
                continue
            seen = self.seen.get(rec.id)
            if seen is None:  # the first merge into this record: work on a copy (unless in place)
                if not self.in_place:
                    old = self.merged[rec.id] = _copy(old)
                seen = self.seen[rec.id] = {self.mention_key(m) for m in old.mentions}
            absorb(old, rec, seen, self.mention_key)

    def records(self) -> list[Record]:
        return list(self.merged.values())


def merge(records: Iterable[Record], in_place: bool = False) -> list[Record]:
    """Return records with those of equal id merged: mentions appended, aliases and countries united.

    With ``in_place``, the records are the caller's to change: merged into without copies."""
    merger = Merger(in_place)
    merger.add(records)
    return merger.records()


def _mention_key(m) -> tuple:
    return (m.doc_id, m.path, m.start, m.end)


def _copy(rec: Record) -> Record:
    """Return a copy of ``rec`` whose lists can grow (mentions are shared: they never change)."""
    update: dict = {"mentions": list(rec.mentions)}
    if isinstance(rec, ProgrammeRecord):
        update["aliases"] = list(rec.aliases)
    return rec.model_copy(update=update)


def absorb(old: Record, rec: Record, seen: set[tuple], mention_key=_mention_key) -> None:
    """Add ``rec``'s new mentions (and a programme's names and countries) to ``old``; ``seen``
    holds the keys of ``old``'s mentions and is kept up to date. Stored records (mentions as
    index tuples) pass their own ``mention_key``."""
    for m in rec.mentions:
        key = mention_key(m)
        if key not in seen:
            seen.add(key)
            old.mentions.append(m)
    if isinstance(old, ProgrammeRecord) and isinstance(rec, ProgrammeRecord):
        if rec.name != old.name or rec.aliases:  # else (a reprint, most often) no new name
            names = {old.name.casefold()} | {a.casefold() for a in old.aliases}
            for alias in [rec.name, *rec.aliases]:
                if alias.casefold() not in names:
                    old.aliases.append(alias)
                    names.add(alias.casefold())
        countries = sorted(set(old.countries).union(rec.countries))
        if countries != old.countries:  # setting a model's field costs a Pydantic call
            old.countries = countries
