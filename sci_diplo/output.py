"""Every way a result leaves the program: JSON, JSON Lines, CSV and Rich tables.

Machine formats are written straight to the stream (never through Rich, which
wraps lines); tables are for terminals only.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from sci_diplo.formats import Format
from sci_diplo.storedata import StoreData, json_bytes

# The writers take records as JSON data (``model_dump(mode="json")`` of the public records, or
# what ``StoreData.public`` gives): ``scidip facts`` reads the store without building models.
Rec = dict[str, Any]


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


def csv_row(rec: Rec) -> dict:
    first = rec["mentions"][0]
    row = {"id": rec["id"], "kind": rec["kind"], "mentions": len(rec["mentions"]), "path": first["path"],
           "start": first["start"], "end": first["end"], "sentence": first["sentence"],
           "countries": ";".join(rec["countries"])}
    if rec["kind"] == "programme":
        row.update(name=rec["name"], aliases=";".join(rec["aliases"]), category=rec["category"])
        return row
    row.update(text=rec["text"], inferred_countries=";".join(rec["inferred_countries"]))
    if rec["date"] is not None:
        row.update(date=rec["date"]["value"] or "", relation=rec["date"]["relation"])
    if rec["kind"] == "figure":
        row.update(value=rec["value"], unit=rec["unit"] or "", qualifier=rec["qualifier"],
                   upper="" if rec["upper"] is None else rec["upper"])
    return row


def write_csv(records: Iterable[Rec], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow(csv_row(rec))


def fact_cell(rec: Rec) -> str:
    if rec["kind"] == "programme":
        aliases = f" ({', '.join(rec['aliases'])})" if rec["aliases"] else ""
        return f"{rec['name']}{aliases} [{rec['category']}]"
    if rec["kind"] == "figure":
        upper = f"–{number_cell(rec['upper'])}" if rec["upper"] is not None else ""
        return f"{number_cell(rec['value'])}{upper} {rec['unit'] or ''} ({rec['qualifier']}): {rec['text']}"
    return rec["text"]


def number_cell(value: float) -> str:
    """Return a value as a reader takes it in: "2,500,000,000", "12.5", "66.67"."""
    if value.is_integer():
        return f"{int(value):,}"
    if abs(value) < 1:
        return f"{value:.3g}"  # "0.005", not "0.01"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def date_cell(rec: Rec) -> str:
    date = rec.get("date")
    if date is None:
        return ""
    value = date["value"] or f"? {date['text']}"
    return value if date["relation"] == "on" else f"{date['relation']} {value}"


def reader_console(out: IO[str] | None = None) -> Any:
    """Return a Rich console on ``out`` (stdout by default) that lets a reader who stops early
    (``| head``) end the command as a broken pipe, which ``cli.to_reader`` takes for success;
    Rich's own console would exit with status 1."""
    from rich.console import Console

    class ReaderConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return ReaderConsole(file=out)


def write_table(records: list[Rec], out: IO[str]) -> None:
    """Print ``records`` as a Rich table on ``out`` (a terminal)."""
    from rich.table import Table
    from rich.text import Text  # plain text: "[fund]" or a quoted "[1]" is no markup

    console = reader_console(out)
    table = Table(show_lines=False, header_style="bold")
    for column in ("kind", "fact", "date", "countries", "sources"):
        table.add_column(column, overflow="fold")
    for rec in records:
        inferred = rec.get("inferred_countries", ())
        countries = ", ".join(c + ("*" if c in inferred else "") for c in rec["countries"])
        cells = (rec["kind"], fact_cell(rec), date_cell(rec), countries, str(len(rec["mentions"])))
        table.add_row(*(Text(cell) for cell in cells))
    console.print(table)
    console.print(f"{len(records)} facts (* country inferred from the passage)", style="dim")


def write_records(records: Iterable[Rec], fmt: Format, out: IO[str], data: StoreData | None = None) -> None:
    """Write ``records`` in ``fmt`` to ``out``: public records, or with ``data`` the stored records
    of that store (JSON formats are then written from pieces, without building the public ones,
    each as it comes)."""
    if fmt in (Format.json, Format.jsonl):
        texts = (data.as_json(r) if data else json_bytes(r) for r in records)
        sink = byte_stream(out)
        (write_json if fmt is Format.json else write_jsonl)(texts, sink)
        sink.flush()
        return
    public = [data.public(r) for r in records] if data else records
    if fmt is Format.table:
        write_table(public, out)
    else:
        write_csv(public, out)
