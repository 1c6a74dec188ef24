"""Filtering the store's records (what ``scidip facts`` asks)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sci_diplo.errors import UsageError
from sci_diplo.models import ClaimRecord, FigureRecord, ProgrammeRecord, Record
from sci_diplo.normalize.countries import country_name, lookup_country, suggest_countries

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


def record_date(rec: Record) -> str | None:
    if isinstance(rec, (ClaimRecord, FigureRecord)) and rec.date is not None:
        return rec.date.value
    return None


def in_period(rec: Record, since: Day | None, until: Day | None) -> bool:
    """True when the record's date overlaps [since, until]; undated records never match a period."""
    if since is None and until is None:
        return True
    from sci_diplo.normalize.dates_calendar import date_bounds

    value = record_date(rec)
    bounds = date_bounds(value) if value else None
    if bounds is None:
        return False
    return (since is None or bounds[1] >= since) and (until is None or bounds[0] <= until)


def haystack(rec: Record) -> str:
    """Return the record's searchable text: its fact text, names and sentences, lower-cased."""
    parts = [m.sentence for m in rec.mentions]
    if isinstance(rec, ProgrammeRecord):
        parts += [rec.name, *rec.aliases]
    else:
        parts.append(rec.text)
    if isinstance(rec, FigureRecord) and rec.unit:
        parts.append(rec.unit)
    return "\n".join(parts).casefold()


def programme_ids(records: Iterable[Record], text: str) -> set[str]:
    """Return the ids of programmes whose name or an alias contains ``text`` (case-insensitive)."""
    needle = text.casefold()
    return {
        r.id for r in records
        if isinstance(r, ProgrammeRecord) and any(needle in n.casefold() for n in (r.name, *r.aliases))
    }


def under(path: str, source: str) -> bool:
    """True when ``path`` is ``source`` or lies in the folder ``source``."""
    a, b = os.path.normpath(path), os.path.normpath(source)
    return a == b or a.startswith(b.rstrip(os.sep) + os.sep)


def select(records: Iterable[Record], f: Filters, expand: Callable[[Any], Record] | None = None) -> list[Record]:
    """Return the records that pass every filter, in store order.

    ``records`` may be stored records (``expand`` turns one into a public
    record): the filters on a record's own fields run first, so only the
    records that pass them are expanded. With ``source``, only the mentions
    from that file or folder are kept. With ``programme``, programmes whose
    name matches and the claims that name them pass.
    """
    records = list(records)
    progs = programme_ids(records, f.programme) if f.programme else set()
    out = []
    for rec in records:
        if f.kinds and rec.kind not in f.kinds:
            continue
        if f.countries and not set(f.countries) & set(rec.countries):
            continue
        if f.programme and not (rec.id in progs or (isinstance(rec, ClaimRecord) and progs & set(rec.programmes))):
            continue
        if not in_period(rec, f.since, f.until):
            continue
        rec = expand(rec) if expand else rec
        if f.search and f.search.casefold() not in haystack(rec):
            continue
        if f.source:
            mentions = [m for m in rec.mentions if under(m.path, f.source)]
            if not mentions:
                continue
            rec = rec.model_copy(update={"mentions": mentions})
        out.append(rec)
    return out


__all__ = ["Filters", "country_code", "country_name", "day_bound", "select"]
