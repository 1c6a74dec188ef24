"""Money in the cells of a plain-text table whose note gives the unit: "(in millions of Canadian
dollars)", "(CAD million)", "(EUR thousand)".

A report's table writes bare numbers ("46.0", "8.15") and states once, in its title or a line
of its own, what they are in. Each number that stands alone in a cell of the rows after such a
note is money: the number times the note's scale, in the note's currency ("46.0" under "(in
millions of Canadian dollars)" is CAD 46,000,000). A row is a line whose cells are set apart by
two spaces or more (or a tab or "|"); the header rows (years, "Main Est.") hold no such number;
the table ends at the first line after its rows that is none. Percentages and years in the cells
are left to the finder of running text.
"""

from __future__ import annotations

import re

from sci_diplo.normalize.figures_units import currency_after, marker_code
from sci_diplo.normalize.types import FigureMatch

_SCALES = {"thousand": 1e3, "thousands": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
           "mln": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9}
_SCALE = r"(?:thousands?|millions?|billions?|mln|mn|bn|m|k)"
# A unit note in brackets: "(in millions of Canadian dollars)", "(CAD million)", "(EUR, millions)",
# "(€ million)", "(US$ millions)", "(million yuan)". The currency is read by the figures' own
# currency readers, so the group keeps what stands there.
_NOTE_RE = re.compile(
    r"\((?:in[^\S\n]+)?(?:"
    r"(?P<scale_a>thousands|millions|billions)[^\S\n]+of[^\S\n]+(?P<cur_a>[^()\n]{1,30}?)"
    r"|(?P<cur_b>[A-Z]{3}|[^\w\s()]{1,2}|[A-Z]{1,3}\$)[^\S\n]*,?[^\S\n]*(?P<scale_b>" + _SCALE + r")"
    r"|(?P<scale_c>thousands?|millions?|billions?)[^\S\n]+(?P<cur_c>[^()\n]{1,20}?)"
    r")[^\S\n]*\)",
    re.I,
)
# A row's cells: two spaces or more, a tab or a bar between them.
_CELL_GAP_RE = re.compile(r"[ \u00a0]{2,}|\t|\s*\|\s*")
# A cell that is a bare amount: "46.0", "1,250.5", "−7" (a year, "2024", is none).
_AMOUNT_RE = re.compile(r"[+\-−]?\d{1,3}(?:,\d{3})*(?:\.\d+)?")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# How many lines after the note its table's rows may start (a title, a blank line, headers).
_ROWS_WITHIN = 8


def table_figures(text: str) -> tuple[list[FigureMatch], list[tuple[int, int]]]:
    """Return the money in the cells of the tables of ``text`` that a unit note precedes, in
    order, and the (start, end) of those tables' rows."""
    figures: list[FigureMatch] = []
    rows: list[tuple[int, int]] = []
    if "(" not in text:
        return figures, rows
    pos = 0
    while (note := _NOTE_RE.search(text, pos)) is not None:
        pos = note.end()
        unit = _note_unit(text, note)
        line_end = text.find("\n", pos)
        if unit is not None and line_end >= 0:
            table = _rows_after(text, line_end + 1)
            figures.extend(_cell_figures(text, table, *unit))
            rows.extend(table)
            pos = max(pos, table[-1][1]) if table else pos
    return figures, rows


def across_rows(figures: list[FigureMatch], rows: list[tuple[int, int]]) -> list[FigureMatch]:
    """Return ``figures`` less those that start in a table's row and end past it: a number of a
    header read with a word of the next row ("2024–25     Change\nJoint Labs")."""
    if not rows:
        return figures
    return [f for f in figures if not any(start <= f.start < end < f.end for start, end in rows)]


def _note_unit(text: str, note: re.Match[str]) -> tuple[float, str] | None:
    """Return (scale, ISO code) of a unit note, or None when it names no currency."""
    scale = next(s for s in (note["scale_a"], note["scale_b"], note["scale_c"]) if s)
    key = next(k for k in ("cur_a", "cur_b", "cur_c") if note[k])
    if key == "cur_b":  # a code or a sign before the scale: "CAD million", "€ million"
        code = marker_code(note[key], text)
    else:  # words after it: "Canadian dollars", "euros", "yuan"
        money = currency_after(text, note.start(key) - 1)
        code = money[0] if money is not None and not text[money[1]:note.end(key)].strip() else None
    return (_SCALES[scale.lower()], code) if code else None


def _rows_after(text: str, start: int) -> list[tuple[int, int]]:
    """Return the (start, end) of the table rows that begin within a few lines of ``start``
    (after a title or a header, no sentence): blank lines may stand among them, and the first
    other line ends them."""
    rows: list[tuple[int, int]] = []
    pos, lines = start, 0
    while pos < len(text) and (rows or lines < _ROWS_WITHIN):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if _CELL_GAP_RE.search(line):
            rows.append((pos, end))
        elif line and (rows or line.endswith((".", "!", "?"))):
            break  # prose after the rows, or before any
        lines += 1
        pos = end + 1
    return rows


def _cell_figures(text: str, rows: list[tuple[int, int]], scale: float, code: str) -> list[FigureMatch]:
    """Return the bare amounts standing alone in the cells of ``rows``, as money."""
    out = []
    for start, end in rows:
        cell_start = start
        for gap in [*_CELL_GAP_RE.finditer(text, start, end), None]:
            cell_end = gap.start() if gap is not None else end
            cell = text[cell_start:cell_end].strip()
            if cell and _AMOUNT_RE.fullmatch(cell) and not _YEAR_RE.fullmatch(cell):
                at = text.index(cell, cell_start, cell_end)
                value = round(float(cell.replace(",", "").replace("−", "-")) * scale, 6)
                out.append(FigureMatch(at, at + len(cell), value, code, "exact"))
            cell_start = gap.end() if gap is not None else end
    return out
