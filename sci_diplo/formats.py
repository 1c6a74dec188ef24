"""Output formats, apart from the writers so that the command line starts fast."""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def choose(fmt: Format | None, is_terminal: bool) -> Format:
    """Return the format to use: the one asked, else a table on a terminal and JSON in a pipe."""
    if fmt is not None:
        return fmt
    return Format.table if is_terminal else Format.json
