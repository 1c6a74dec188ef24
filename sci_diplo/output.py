"""Every way a result leaves the program: JSON, JSON Lines, CSV and Rich tables.

Machine formats are written straight to the stream (never through Rich, which
wraps lines); tables are for terminals only.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from rich.console import Console
from rich.table import Table

from sci_diplo.formats import Format
from sci_diplo.models import ClaimRecord, FigureRecord, ProgrammeRecord, Record


CSV_COLUMNS = (
    "id", "kind", "text", "value", "unit", "qualifier", "upper", "name", "aliases", "category",
    "date", "relation", "countries", "inferred_countries", "mentions", "path", "start", "end", "sentence",
)


def record_dict(rec: Record) -> dict:
    return rec.model_dump(mode="json")


def write_json(items: Iterable[dict], out: IO[str]) -> None:
    """Write one JSON array, an item per line, streaming (no list held in memory)."""
    first = True
    out.write("[")
    for item in items:
        out.write("\n" if first else ",\n")
        out.write(json.dumps(item, ensure_ascii=False))
        first = False
    out.write("]\n" if first else "\n]\n")


def write_jsonl(items: Iterable[dict], out: IO[str]) -> None:
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False))
        out.write("\n")


def csv_row(rec: Record) -> dict:
    first = rec.mentions[0]
    row = {"id": rec.id, "kind": rec.kind, "mentions": len(rec.mentions), "path": first.path,
           "start": first.start, "end": first.end, "sentence": first.sentence,
           "countries": ";".join(rec.countries)}
    if isinstance(rec, ProgrammeRecord):
        row.update(name=rec.name, aliases=";".join(rec.aliases), category=rec.category)
        return row
    row.update(text=rec.text, inferred_countries=";".join(rec.inferred_countries))
    if rec.date is not None:
        row.update(date=rec.date.value or "", relation=rec.date.relation)
    if isinstance(rec, FigureRecord):
        row.update(value=rec.value, unit=rec.unit or "", qualifier=rec.qualifier,
                   upper="" if rec.upper is None else rec.upper)
    return row


def write_csv(records: Iterable[Record], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow(csv_row(rec))


def fact_cell(rec: Record) -> str:
    if isinstance(rec, ProgrammeRecord):
        aliases = f" ({', '.join(rec.aliases)})" if rec.aliases else ""
        return f"{rec.name}{aliases} [{rec.category}]"
    if isinstance(rec, FigureRecord):
        upper = f"–{rec.upper:g}" if rec.upper is not None else ""
        return f"{rec.value:g}{upper} {rec.unit or ''} ({rec.qualifier}): {rec.text}"
    return rec.text


def date_cell(rec: Record) -> str:
    if isinstance(rec, (ClaimRecord, FigureRecord)) and rec.date is not None:
        value = rec.date.value or f"? {rec.date.text}"
        return value if rec.date.relation == "on" else f"{rec.date.relation} {value}"
    return ""


def write_table(records: list[Record], console: Console) -> None:
    table = Table(show_lines=False, header_style="bold")
    for column in ("kind", "fact", "date", "countries", "sources"):
        table.add_column(column, overflow="fold")
    for rec in records:
        countries = ", ".join(c + ("*" if c in getattr(rec, "inferred_countries", ()) else "") for c in rec.countries)
        table.add_row(rec.kind, fact_cell(rec), date_cell(rec), countries, str(len(rec.mentions)))
    console.print(table)
    console.print(f"{len(records)} facts (* country inferred from the passage)", style="dim")


def write_records(records: list, fmt: Format, out: IO[str], console: Console, unpacker=None) -> None:
    """Write ``records`` in ``fmt`` to ``out`` (tables go to ``console``).

    ``records`` may be stored records, turned into public ones by ``unpacker``
    (``storefile.Unpacker``); JSON formats are written without building the
    mentions as models.
    """
    if fmt in (Format.json, Format.jsonl):
        dicts = (unpacker.as_dict(r) if unpacker else record_dict(r) for r in records)
        (write_json if fmt is Format.json else write_jsonl)(dicts, out)
        return
    public = [unpacker.as_record(r) for r in records] if unpacker else records
    if fmt is Format.table:
        write_table(public, console)
    else:
        write_csv(public, out)
