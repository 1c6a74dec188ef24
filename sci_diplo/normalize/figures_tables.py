"""Money in the cells of a plain-text table whose note gives the unit: "(in millions of Canadian
dollars)", "(CAD million)", "(EUR thousand)".

A report's table writes bare numbers ("46.0", "8.15") and states once, in its title or a line
of its own, what they are in. A number that stands alone in a cell of the rows after such a note
is money, the number times the note's scale in the note's currency ("46.0" under "(in millions
of Canadian dollars)" is CAD 46,000,000), when its column's header names a period or an amount
("2024–25", "FY 2022–23", "Budget", "Main Est.") and nothing counted ("Projects", "Staff", "%",
"Share"). A row is a line whose cells are set apart by two spaces or more (or a tab or "|"); the
header is the rows before the first that holds such a number, and a cell is under the header
cell its characters overlap most (in a table with bars, the cell of its rank); the table ends at
the first line after its rows that is none. Percentages and years in the cells are left to the
finder of running text.

In a table with bars, a row that opens with a label of what it counts gives each of its bare
numbers that noun (``row_figures``: "New joint projects approved | 40 | 46").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from sci_diplo.normalize.countries import names_place
from sci_diplo.normalize.figures_nouns import is_plural
from sci_diplo.normalize.figures_units import ISO_CODES, currency_after, marker_code
from sci_diplo.normalize.numbers_lexicon import SUFFIX_SCALES
from sci_diplo.normalize.readable import line_end
from sci_diplo.normalize.types import FigureMatch

# A note's scale word, whose value (lower-cased, singular) is the digits' suffix's.
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
# A header that names a period or an amount, and one that names something counted.
_MONEY_HEADER_RE = re.compile(
    r"(?i)\b(?:(?:19|20)\d\d|FY|Q[1-4]|budget|amount|spending|spend|funding|allocation|costs?|revenue|"
    r"expenditure|estimates?|est|planned|actual|total|value|outlays?|appropriations?|forecast)\b"
)
_COUNT_HEADER_RE = re.compile(
    r"(?i)%|\b(?:per\s?cent|percent|share|number|no|count|projects|staff|employees|fte|people|researchers|"
    r"students|partners|rank|change|ratio|rate|units|members)\b"
)
Cell = tuple[int, int, str]  # start, end (offsets in the text) and the cell's text


def table_figures(text: str) -> tuple[list[FigureMatch], list[tuple[int, int]]]:
    """Return the money in the cells of the tables of ``text`` that a unit note precedes, in
    order, and the (start, end) of those tables' rows, in order."""
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


# A cell that is a bare count: "46", "1.250", "1,250", "1 250" (no decimals, no sign, no unit).
_COUNT_CELL_RE = re.compile(r"\d{1,3}(?:(?P<sep>[.,\u00a0\u202f ])\d{3}(?:(?P=sep)\d{3})*)?")
# A row label's words, and the money note it may hold: "Industry co-funding (thousand €)".
_LABEL_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_LABEL_NOTE_RE = re.compile(r"\((?P<a>thousands?|millions?|billions?)?[^\S\n]*(?P<cur>[^\w\s()]{1,2}|[A-Z]{3}|US\$)"
                            r"[^\S\n]*,?[^\S\n]*(?P<b>thousands?|millions?|billions?|m|k|bn)?\)", re.I)
# A scale alone in brackets: "Doses delivered (millions)".
_LABEL_SCALE_RE = re.compile(r"\((?P<s>thousands|millions|billions)\)", re.I)
# Words of a label whose numbers are no counts of its noun: a share, a rate, a rank, a year, a sum.
_NOT_COUNT_LABEL_RE = re.compile(r"(?i)%|\b(?:shares?|proportions?|percentages?|rates?|ratios?|ranks?|rankings?|index"
                                 r"|indices|scores?|averages?|means?|medians?|years?|ages?|days|months|hours|totals?"
                                 r"|others?|costs?|budgets?|amounts?|funding|value|prices?|spending)\b")
# What a label's noun phrase stops at ("Participants from partner countries": participants).
_LABEL_STOPS = frozenset("of by with from in for to on among per at between".split())
# The header of a column of counts: a period, a status or a plan ("2023", "FY 2024", "Q1",
# "Target", "Achieved", "Baseline"); a column headed by a noun or a unit ("Partners", "EUR",
# "Due month", "Share") counts something else.
_COUNT_HEADER_CELL_RE = re.compile(
    r"(?i)(?:(?:FY[^\S\n]?)?(?:19|20)\d\d(?:[/–-]\d{2,4})?|Q[1-4](?:[^\S\n]+(?:19|20)\d\d)?|H[12](?:[^\S\n]+(?:19|20)\d\d)?"
    r"|targets?|achieved|actuals?|planned|plan|baseline|results?|outcomes?|forecast|estimated?|projected|previous|current"
    r"|goal|to[^\S\n]+date|cumulative|this[^\S\n]+year|last[^\S\n]+year)(?:[^\S\n]*\((?:19|20)\d\d\))?")


def row_figures(text: str) -> list[FigureMatch]:
    """Return the counts in the cells of a table with bars whose rows open with a label naming
    what they count ("New joint projects approved | 40 | 46": 40 and 46 projects; "Industry
    co-funding (thousand €) | 600 | 845": EUR 600,000 and 845,000), under a header that names a
    period or a status ("Target", "Achieved", "2023"). A row's noun is the last plural of its
    label before a preposition and the words that qualify it ("Researchers taking part",
    "Participants from partner countries"), in lower case unless it opens the label, and no
    country. Rows of two lines or more in a row, with the same number of bars, make a table, its
    first row the header; a label of a share, a rate, a sum or a year, a row that opens with a
    number or holds a unit's cell, and a column whose header names anything else give none."""
    out: list[FigureMatch] = []
    block: list[tuple[int, int, int]] = []  # (start, end, bars) of the rows in a row
    bar = text.find("|")
    while bar >= 0 or block:
        line = None
        if bar >= 0:  # the line of the next bar
            start, end = text.rfind("\n", 0, bar) + 1, line_end(text, bar)
            line = (start, end, text.count("|", start, end))
            bar = text.find("|", end)
        if line is not None and block and line[0] == block[-1][1] + 1 and line[2] == block[-1][2]:
            block.append(line)
            continue
        if len(block) >= 2:
            header = [cell[2] for cell in _cells(text, block[0][0], block[0][1])]
            for start, end, _ in block[1:]:
                out.extend(_row_counts(text, start, end, header))
        block = [line] if line is not None else []
    return out


def _row_counts(text: str, start: int, end: int, header: list[str]) -> list[FigureMatch]:
    """Return the counts of one row of a table with bars (``row_figures``)."""
    cells = _cells(text, start, end)
    if len(cells) != len(header) or len(cells) < 2 or not _LABEL_WORD_RE.match(cells[0][2]) \
            or any(_LABEL_WORD_RE.match(c[2]) for c in cells[1:]):
        return []
    unit = _label_unit(text, cells[0][2])
    if unit is None:
        return []
    out = []
    for (a, b, cell), head in zip(cells[1:], header[1:]):
        if _COUNT_CELL_RE.fullmatch(cell) and not _YEAR_RE.fullmatch(cell) and _COUNT_HEADER_CELL_RE.fullmatch(head) \
                and (unit[0] == 1.0 or cell.isdigit()):  # (a scaled count in digits alone: "1.250" may be 1.25)
            out.append(FigureMatch(a, b, float(re.sub(r"\D", "", cell)) * unit[0], unit[1], "exact"))
    return out


def scale_of(word: str) -> float:
    """Return the factor of a note's scale word: "thousand", "Millions", "m", "bn"."""
    return SUFFIX_SCALES[word.lower().removesuffix("s")]


def _label_unit(text: str, label: str) -> tuple[float, str] | None:
    """Return (scale, unit) of a row label: money by its note, else the noun it counts, or None."""
    if "(" in label:
        note = _LABEL_NOTE_RE.search(label)
        if note is not None:  # money: "(thousand €)", "(EUR million)"
            code = marker_code(note["cur"], text)
            scale = note["a"] or note["b"]
            return None if code is None else (scale_of(scale) if scale else 1.0, code)
        if (note := _NOTE_RE.search(label)) is not None:  # "(millions of euros)"
            return _note_unit(label, note)
        scaled = _LABEL_SCALE_RE.search(label)
        if scaled is None:
            return None  # a note of another unit
        factor, label = scale_of(scaled["s"]), label[:scaled.start()]
    else:
        factor = 1.0
    if _NOT_COUNT_LABEL_RE.search(label):
        return None
    words = _LABEL_WORD_RE.findall(label)
    if len(words) >= 2 and words[0].lower() == "number" and words[1].lower() == "of":
        words = words[2:]  # "Number of visits by researchers": visits
    stop = next((k for k, w in enumerate(words) if k and w.lower() in _LABEL_STOPS), len(words))
    words = words[:stop]
    while words and words[-1].lower().endswith(("ed", "ing", "part")):
        words.pop()  # what qualifies the noun: "approved", "taking part", "funded"
    if not words or not is_plural(words[-1]) or (len(words) > 1 and not words[-1].islower()) \
            or not words[-1][1:].islower() or names_place(words[-1]):
        return None
    return factor, words[-1].lower()


def across_rows(figures: list[FigureMatch], rows: list[tuple[int, int]]) -> list[FigureMatch]:
    """Return ``figures`` less those that start in a table's row and end past it: a number of a
    header read with a word of the next row ("2024–25     Change\\nJoint Labs")."""
    if not rows:
        return figures
    starts = [start for start, _ in rows]
    out = []
    for f in figures:
        k = bisect_right(starts, f.start) - 1
        if not (k >= 0 and rows[k][0] <= f.start < rows[k][1] < f.end):
            out.append(f)
    return out


def _note_unit(text: str, note: re.Match[str]) -> tuple[float, str] | None:
    """Return (scale, ISO code) of a unit note, or None when it names no currency."""
    scale = next(s for s in (note["scale_a"], note["scale_b"], note["scale_c"]) if s)
    key = next(k for k in ("cur_a", "cur_b", "cur_c") if note[k])
    if key == "cur_b":  # a code or a sign before the scale: "CAD million", "€ million"
        code = marker_code(note[key], text)
    else:  # words after it: "Canadian dollars", "euros", "yuan"
        money = currency_after(text, note.start(key) - 1)
        code = money[0] if money is not None and not text[money[1]:note.end(key)].strip() else None
    return (scale_of(scale), code) if code else None


def _rows_after(text: str, start: int) -> list[tuple[int, int]]:
    """Return the (start, end) of the table rows that begin within a few lines of ``start``
    (after a title or a header, no sentence): blank lines may stand among them, and the first
    other line ends them."""
    rows: list[tuple[int, int]] = []
    pos, lines = start, 0
    while pos < len(text) and (rows or lines < _ROWS_WITHIN):
        end = line_end(text, pos)
        line = text[pos:end].strip()
        if _CELL_GAP_RE.search(line):
            rows.append((pos, end))
        elif line and (rows or line.endswith((".", "!", "?"))):
            break  # prose after the rows, or before any
        lines += 1
        pos = end + 1
    return rows


def _cells(text: str, start: int, end: int) -> list[Cell]:
    """Return the non-empty cells of the row ``text[start:end]``."""
    cells, cell_start = [], start
    for gap in [*_CELL_GAP_RE.finditer(text, start, end), None]:
        cell_end = gap.start() if gap is not None else end
        raw = text[cell_start:cell_end]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            cells.append((cell_start + lead, cell_start + lead + len(raw.strip()), raw.strip()))
        cell_start = gap.end() if gap is not None else end
    return cells


def _is_amount(cell: str) -> bool:
    return bool(_AMOUNT_RE.fullmatch(cell)) and not _YEAR_RE.fullmatch(cell)


def _cell_figures(text: str, rows: list[tuple[int, int]], scale: float, code: str) -> list[FigureMatch]:
    """Return the bare amounts of ``rows`` that stand under a money column's header, as money."""
    table = [(start, _cells(text, start, end)) for start, end in rows]
    first = next((k for k, (_, cells) in enumerate(table) if any(_is_amount(c[2]) for c in cells[1:])), None)
    if not first:  # no row with an amount, or no header above the first
        return []
    header, barred = table[:first], "|" in text[rows[0][0]:rows[0][1]]
    out = []
    for line_start, cells in table[first:]:
        for rank, (a, b, cell) in enumerate(cells):
            if rank and _is_amount(cell) and _money_column(header, a - line_start, b - line_start, rank, barred):
                value = round(float(cell.replace(",", "").replace("−", "-")) * scale, 6)
                out.append(FigureMatch(a, b, value, code, "exact"))
    return out


def _money_column(header: list[tuple[int, list[Cell]]], a: int, b: int, rank: int, barred: bool) -> bool:
    """Whether the header rows over the cell at columns ``a``-``b`` (the ``rank``-th of its row)
    name a period or an amount and nothing counted."""
    words = []
    for line_start, cells in header:
        if barred:
            words += [cells[rank][2]] if rank < len(cells) else []
            continue
        best = max(cells, key=lambda c: min(b, c[1] - line_start) - max(a, c[0] - line_start), default=None)
        if best is not None and min(b, best[1] - line_start) - max(a, best[0] - line_start) > -4:
            words.append(best[2])
    label = " ".join(words)
    return bool(_MONEY_HEADER_RE.search(label)) and not _COUNT_HEADER_RE.search(label)


# A CSV export's line: fields parted by commas, each quoted ("...", a quote doubled inside) or bare.
_CSV_FIELD_RE = re.compile(r'[^\S\n]*+(?:"(?P<q>(?:[^"\n]|"")*+)"|(?P<b>[^,"\n]*+))[^\S\n]*+(?:,|$)', re.M)
_CSV_MIN_FIELDS = 4
# A bare CSV header: four names or more, commas and no blanks between ("record_id,title,amount,currency").
_CSV_BARE_HEADER_RE = re.compile(r"[A-Za-z_][\w.-]{0,39}(?:,[A-Za-z_][\w.-]{0,39}){3,}[^\S\n]*+\n")
_LINE_START_RE = re.compile(r"\n")  # (searched first: a literal, which the engine skips to)
_BARE_PAIR_RE = re.compile(r",[A-Za-z_][\w.-]{0,39},[A-Za-z_]")  # (what a bare header must hold; a comma first)
# A column of money: its header names an amount ("amount", "budget_eur", "Funding (USD)"), and its
# currency is the header's code or the row's cell under a "currency" header.
_CSV_MONEY_HEADER_RE = re.compile(r"(?i)(?:^|[\W_])(?:amount|budget|funding|value|cost|grant|contribution|total)s?(?:$|[\W_])")
_CSV_CODE_RE = re.compile(r"(?i)(?:^|[\W_])([a-z]{3})(?:$|[\W_])")
_CSV_CURRENCY_HEADER_RE = re.compile(r"(?i)^(?:currency|curr|ccy|currency[\W_]code)$")
_CSV_NUMBER_RE = re.compile(r"\d{1,15}(?:\.\d+)?")


def _bare_header(text: str) -> bool:
    """Whether a line of ``text`` is a bare CSV header (``_CSV_BARE_HEADER_RE``)."""
    if text.count(",") < _CSV_MIN_FIELDS - 1 or _BARE_PAIR_RE.search(text) is None:
        return False
    if _CSV_BARE_HEADER_RE.match(text):
        return True
    return any(_CSV_BARE_HEADER_RE.match(text, m.end()) for m in _LINE_START_RE.finditer(text))


def _csv_fields(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return the fields of the CSV line ``text[start:end]``: (start, end, value) each, the quotes'
    insides for a quoted one."""
    fields, pos = [], start
    while pos <= end:
        m = _CSV_FIELD_RE.match(text, pos, end)
        if m is None:
            return []
        a, b = m.span("q") if m["q"] is not None else m.span("b")
        fields.append((a, b, text[a:b].replace('""', '"')))
        if m.end() >= end or m.end() == pos:
            break
        pos = m.end()
    return fields


def csv_figures(text: str) -> list[FigureMatch]:
    """Return the money in a CSV export's cells: a bare number under a header that names an amount,
    in the currency that the header's code gives ("amount_eur") or the row's cell under a
    "currency" header ("amount" with "currency" "ARS"). A CSV block is a header line of four fields
    or more and the lines after it with as many fields."""
    out: list[FigureMatch] = []
    if text.count('","') < _CSV_MIN_FIELDS - 1 and not _bare_header(text):
        return out  # (most texts: no such export, quoted or bare)
    header: list[tuple[int, int, str]] | None = None
    money: dict[int, str | None] = {}  # money column -> its currency code, or None: the row's
    currency_col = -1
    pos = 0
    while pos < len(text):
        end = line_end(text, pos)
        fields = _csv_fields(text, pos, end) if "," in text[pos:end] else []
        if header is not None and len(fields) == len(header):
            for k, code in money.items():
                a, b, value = fields[k]
                code = code or (fields[currency_col][2].strip().upper() if currency_col >= 0 else None)
                if code in ISO_CODES and _CSV_NUMBER_RE.fullmatch(value.strip()):
                    out.append(FigureMatch(a, b, float(value), code, "exact"))
        elif len(fields) >= _CSV_MIN_FIELDS and all(f[2] and not f[2][0].isdigit() for f in fields):
            header, money, currency_col = fields, {}, -1
            for k, (_, _, name) in enumerate(fields):
                if _CSV_CURRENCY_HEADER_RE.match(name.strip()):
                    currency_col = k
                elif _CSV_MONEY_HEADER_RE.search(name):
                    codes = [c.upper() for c in _CSV_CODE_RE.findall(name) if c.upper() in ISO_CODES]
                    money[k] = codes[0] if codes else None
        else:
            header = None
        pos = end + 1
    return out
