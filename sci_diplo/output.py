"""Every way a result leaves the program: JSON, JSON Lines, CSV and Rich tables.

Machine formats are written straight to the stream (never through Rich, which
wraps lines); tables are for terminals only.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from sci_diplo.formats import Format
from sci_diplo.models import ClaimRecord, FigureRecord, ProgrammeRecord, Record
from sci_diplo.storefile import record_json


CSV_COLUMNS = (
    "id", "kind", "text", "value", "unit", "qualifier", "upper", "name", "aliases", "category",
    "date", "relation", "countries", "inferred_countries", "mentions", "path", "start", "end", "sentence",
)


class _Decoding:
    """A byte sink over a text stream that has no byte stream beneath (``io.StringIO``)."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, data: bytes) -> None:
        self.out.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.out.flush()


def byte_stream(out: IO[str]) -> IO[bytes] | _Decoding:
    """Return the byte stream beneath ``out`` (flushed first), where JSON is written as UTF-8
    encoded once per document and sentence; a text-only stream gets the text decoded."""
    out.flush()
    buffer = getattr(out, "buffer", None)
    return buffer if buffer is not None else _Decoding(out)


def write_json(items: Iterable[bytes], out: IO[bytes]) -> None:
    """Write JSON texts (UTF-8) as one JSON array, an item per line, streaming (no list held in memory)."""
    first = True
    out.write(b"[")
    for item in items:
        out.write(b"\n" if first else b",\n")
        out.write(item)
        first = False
    out.write(b"]\n" if first else b"\n]\n")


def write_jsonl(items: Iterable[bytes], out: IO[bytes]) -> None:
    """Write JSON texts (UTF-8) one per line."""
    for item in items:
        out.write(item)
        out.write(b"\n")


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
        upper = f"–{number_cell(rec.upper)}" if rec.upper is not None else ""
        return f"{number_cell(rec.value)}{upper} {rec.unit or ''} ({rec.qualifier}): {rec.text}"
    return rec.text


def number_cell(value: float) -> str:
    """Return a value as a reader takes it in: "2,500,000,000", "12.5", "66.67"."""
    if value.is_integer():
        return f"{int(value):,}"
    if abs(value) < 1:
        return f"{value:.3g}"  # "0.005", not "0.01"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def date_cell(rec: Record) -> str:
    if isinstance(rec, (ClaimRecord, FigureRecord)) and rec.date is not None:
        value = rec.date.value or f"? {rec.date.text}"
        return value if rec.date.relation == "on" else f"{rec.date.relation} {value}"
    return ""


def write_table(records: list[Record], out: IO[str]) -> None:
    """Print ``records`` as a Rich table on ``out`` (a terminal)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out)
    table = Table(show_lines=False, header_style="bold")
    for column in ("kind", "fact", "date", "countries", "sources"):
        table.add_column(column, overflow="fold")
    for rec in records:
        countries = ", ".join(c + ("*" if c in getattr(rec, "inferred_countries", ()) else "") for c in rec.countries)
        table.add_row(rec.kind, fact_cell(rec), date_cell(rec), countries, str(len(rec.mentions)))
    console.print(table)
    console.print(f"{len(records)} facts (* country inferred from the passage)", style="dim")


def write_records(records: list, fmt: Format, out: IO[str], unpacker=None) -> None:
    """Write ``records`` in ``fmt`` to ``out``.

    ``records`` may be stored records, turned into public ones by ``unpacker``
    (``storefile.Unpacker``); JSON formats are written without building the
    mentions as models.
    """
    if fmt in (Format.json, Format.jsonl):
        texts = (unpacker.as_json(r) if unpacker else record_json(r) for r in records)
        sink = byte_stream(out)
        (write_json if fmt is Format.json else write_jsonl)(texts, sink)
        sink.flush()
        return
    public = [unpacker.as_record(r) for r in records] if unpacker else records
    if fmt is Format.table:
        write_table(public, out)
    else:
        write_csv(public, out)
