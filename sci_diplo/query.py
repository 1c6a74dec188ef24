"""Filtering the store's records (what ``scidip facts`` asks).

The filters read the records as the store holds them (``storedata.StoreData``): plain
data, with each mention four numbers into the store's tables of documents and sentences.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sci_diplo.errors import UsageError
from sci_diplo.normalize.countries import country_name, lookup_country, suggest_countries
from sci_diplo.sources import STDIN
from sci_diplo.storedata import StoreData

Day = tuple[int, int, int]


@dataclass(frozen=True)
class Filters:
    """The filters of ``scidip facts``; None (or empty) means no filter."""

    countries: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    programme: str | None = None
    since: Day | None = None
    until: Day | None = None
    source: str | None = None
    search: str | None = None


def country_code(name: str) -> str:
    """Return the alpha-3 code for a name, code or demonym; raise UsageError with suggestions."""
    code = lookup_country(name)
    if code is None:
        codes = [lookup_country(n) for n in suggest_countries(name, limit=5)]
        near = list(dict.fromkeys(country_name(c) for c in codes if c))[:3]
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise UsageError(f"unknown country {name!r}{hint}")
    return code


def day_bound(text: str, last: bool) -> Day:
    """Return the first (or, with ``last``, the final) day of a user-typed date; raise UsageError."""
    from sci_diplo.normalize.dates import date_bounds, parse_date_value  # compiled only when asked

    value = parse_date_value(text)
    bounds = date_bounds(value) if value else None
    if bounds is None:
        raise UsageError(f"cannot read date {text!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    return bounds[1] if last else bounds[0]


def in_period(rec: dict[str, Any], since: Day | None, until: Day | None) -> bool:
    """True when the record's date overlaps [since, until]; undated records never match a period."""
    if since is None and until is None:
        return True
    from sci_diplo.normalize.dates_calendar import date_bounds

    value = (rec.get("date") or {}).get("value")
    bounds = date_bounds(value) if value else None
    if bounds is None:
        return False
    return (since is None or bounds[1] >= since) and (until is None or bounds[0] <= until)


def fold(text: str) -> str:
    """Return ``text`` as the text filters compare it: case-folded, accents dropped, curly quotes
    straight, every hyphen or dash "-" ("Côte d’Ivoire" finds "Cote d'Ivoire", "U.S.–China"
    finds "U.S.-China")."""
    from sci_diplo.normalize.countries import fold_accents

    return fold_accents(text.translate(_FOLD_TABLE)).casefold()


# Curly quotes and dashes made straight quotes and hyphens (see ``fold``).
_FOLD_TABLE = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "“": '"', "”": '"'} | dict.fromkeys("‐‑‒–—―−", "-"))


def haystack(rec: dict[str, Any], sentences: Sequence[str]) -> str:
    """Return the record's searchable text: its fact text, names and ``sentences`` it quotes, folded (``fold``)."""
    parts = [sentences[ref[3]] for ref in rec["mentions"]]
    if rec["kind"] == "programme":
        parts += [rec["name"], *rec["aliases"]]
    else:
        parts.append(rec["text"])
    if rec["kind"] == "figure" and rec["unit"]:
        parts.append(rec["unit"])
    return fold("\n".join(parts))


def programme_ids(records: Sequence[dict[str, Any]], text: str) -> set[str]:
    """Return the ids of programmes whose name or an alias contains ``text``, both folded (``fold``),
    a leading "the" of ``text`` dropped, and dots ignored ("US-China" finds "U.S.-China")."""
    needle = _programme_form(text)
    if needle.startswith("the "):
        needle = needle[4:]
    return {
        r["id"] for r in records
        if r["kind"] == "programme" and any(needle in _programme_form(n) for n in (r["name"], *r["aliases"]))
    }


def _programme_form(name: str) -> str:
    """Return a name as ``--programme`` compares it: folded, dots dropped, white space collapsed."""
    return " ".join(fold(name).replace(".", "").split())


def under(path: str, source: str) -> bool:
    """True when the stored ``path`` is ``source`` or lies in the folder ``source``, however either
    is written (relative paths are taken from the current folder). ``-`` or ``stdin:`` is every
    text read from standard input."""
    if source in ("-", STDIN):
        return path.startswith(STDIN)
    if path.startswith(STDIN) or source.startswith(STDIN):
        return path == source
    a, b = os.path.abspath(path), os.path.abspath(source)
    return a == b or a.startswith(b.rstrip(os.sep) + os.sep)


def prefilter(f: Filters) -> Callable[[bytes], bool] | None:
    """Return a quick test of a stored record's JSON (as ``store.file_json`` writes it) that every
    record ``select`` keeps passes: its kind and one of its countries stand in it as JSON strings.
    None when every record must be read: no kind or country is asked for, or a programme is
    (the programmes it names count whatever their kind and countries)."""
    if f.programme or not (f.kinds or f.countries):
        return None
    kinds = [b'"kind":"%b"' % k.encode() for k in f.kinds]
    countries = [b'"%b"' % c.encode() for c in f.countries]

    def keep(line: bytes) -> bool:
        return (not kinds or any(k in line for k in kinds)) and (not countries or any(c in line for c in countries))

    return keep


def select(data: StoreData, f: Filters) -> list[dict[str, Any]]:
    """Return the stored records of ``data`` that pass every filter, in store order (``selected``)."""
    return list(selected(data, f))


def selected(data: StoreData, f: Filters) -> Iterator[dict[str, Any]]:
    """Yield the stored records of ``data`` that pass every filter, in store order, as they are
    read (the records of a large store are not all held at once).

    With ``source``, only the mentions from that file or folder are kept. With
    ``programme``, programmes whose name matches and the claims that name them pass.
    """
    records: Iterable[dict[str, Any]] = data.records
    progs: set[str] = set()
    if f.programme:
        records = list(records)  # read twice: once for the programmes' ids
        progs = programme_ids(records, f.programme)
    sentences = list(data.sentences) if f.search else []  # all of them, parsed at once
    search = fold(f.search) if f.search else ""
    countries = set(f.countries)
    inside: dict[int, bool] = {}  # document index -> under --source: once per document, not per mention

    def from_source(doc: int) -> bool:
        hit = inside.get(doc)
        if hit is None:
            hit = inside[doc] = under(data.documents[doc]["path"], f.source)
        return hit

    for rec in records:
        if f.kinds and rec["kind"] not in f.kinds:
            continue
        if countries and countries.isdisjoint(rec["countries"]):
            continue
        if f.programme and not (rec["id"] in progs or (rec["kind"] == "claim" and progs & set(rec["programmes"]))):
            continue
        if not in_period(rec, f.since, f.until):
            continue
        if f.search and search not in haystack(rec, sentences):
            continue
        if f.source:
            mentions = [ref for ref in rec["mentions"] if from_source(ref[0])]
            if not mentions:
                continue
            rec = {**rec, "mentions": mentions}
        yield rec


__all__ = ["Filters", "country_code", "country_name", "day_bound", "prefilter", "select", "selected"]
