"""Money in the cells of a plain-text table whose note gives the unit (figures_tables)."""

from __future__ import annotations

import pytest

from sci_diplo.normalize.figures import find_figures
from sci_diplo.normalize.figures_tables import table_figures

BUDGET = """Table 2.1 Spending by programme
(in millions of euros)

Programme                 2023–24     2024–25     Change
Joint Labs                  4.50        5.25     +16.7%
Mobility Fund              12.0        11.4       −5.0%
Total                      16.5        16.65

Note: figures may not add up.
Later, 300 researchers joined."""


def _cells(text: str) -> list[tuple[str, float, str]]:
    return [(text[m.start:m.end], m.value, m.unit) for m in table_figures(text)[0]]


def test_cells_under_a_unit_note_are_money_scaled_by_it() -> None:
    assert _cells(BUDGET) == [
        ("4.50", 4.5e6, "EUR"), ("5.25", 5.25e6, "EUR"), ("12.0", 12e6, "EUR"), ("11.4", 11.4e6, "EUR"),
        ("16.5", 16.5e6, "EUR"), ("16.65", 16.65e6, "EUR"),
    ]


@pytest.mark.parametrize(
    "note,code,scale",
    [("(CAD million)", "CAD", 1e6), ("(€ thousand)", "EUR", 1e3), ("(US$ millions)", "USD", 1e6),
     ("(in billions of Canadian dollars)", "CAD", 1e9), ("(million yuan)", "CNY", 1e6)],
)
def test_unit_notes(note: str, code: str, scale: float) -> None:
    assert _cells(f"Table 1 {note}\n\nItem   2024\nLabs   3.5\n") == [("3.5", 3.5 * scale, code)]


@pytest.mark.parametrize(
    "text",
    [
        "Reach (in millions of people)\n\nItem   2024\nLabs   3.5\n",  # no currency
        "The grant (EUR 5 million) funds labs.  It has 3.5  staff.",  # an amount, not a note
        "Budget (in millions of euros)\n\nIt rose in 2024 and fell.\n\nLabs   3.5\n",  # prose before any row
        "Budget (in millions of euros)\n" + "\n".join(["line of prose"] * 9) + "\nLabs   3.5\n",  # rows too far
    ],
)
def test_no_table_money(text: str) -> None:
    assert table_figures(text) == ([], [])


def test_the_figure_finder_reads_table_cells_and_running_text() -> None:
    found = [(BUDGET[f.start:f.end], f.value, f.unit) for f in find_figures(BUDGET)]
    # the cells, the percentages, the text after the table; no header's number with the next row's word
    assert found == [
        ("4.50", 4.5e6, "EUR"), ("5.25", 5.25e6, "EUR"), ("16.7%", 16.7, "percent"), ("12.0", 12e6, "EUR"),
        ("11.4", 11.4e6, "EUR"), ("−5.0%", -5.0, "percent"), ("16.5", 16.5e6, "EUR"), ("16.65", 16.65e6, "EUR"),
        ("300 researchers", 300, "researchers"),
    ]


def test_only_money_columns_are_money() -> None:
    text = ("Table 2 (EUR million)\n\nPartner    Projects    Staff    Budget 2024\n"
            "Kenya         12          40        4.5\nGhana          8          25        3.0\n")
    assert _cells(text) == [("4.5", 4.5e6, "EUR"), ("3.0", 3e6, "EUR")]


def test_a_table_without_a_header_or_with_bars() -> None:
    assert _cells("Budget (in millions of euros)\n\nPress office   +1  613  555  0101\n") == []
    barred = "Revenue (€ million)\n| Year | Revenue | Employees |\n|---|---|---|\n| 2023 | 120.5 | 1,200 |\n"
    assert _cells(barred) == [("120.5", 120.5e6, "EUR")]


def test_money_in_a_csv_exports_cells():
    from sci_diplo.normalize.figures_tables import csv_figures

    text = ('# Exported 2025-02-03; 3 records\n'
            '"record_id","title","partners","amount","currency","amount_eur","notes"\n'
            '"AI-2018-011","Joint Laboratory on Krill (LAIKE)","Argentina, Italy","2400000","EUR","","14 researchers"\n'
            '"AI-2019-004","Wind Fund","Argentina, Italy","185000000","ARS","2760000","9 projects"\n'
            '"AI-2020-001","Dialogue","Argentina, Italy","","","","no money"\n'
            'id,title,budget_usd,year\nB-1,Lab,25000,2021\n')
    got = [(text[f.start:f.end], f.value, f.unit) for f in csv_figures(text)]
    assert got == [("2400000", 2_400_000, "EUR"), ("185000000", 185_000_000, "ARS"), ("2760000", 2_760_000, "EUR"),
                   ("25000", 25_000, "USD")]
    # prose with commas is no export
    assert csv_figures("Kenya, Peru, Chile, Japan and Italy paid 25000 euros, 3000 dollars, and more.\n") == []
