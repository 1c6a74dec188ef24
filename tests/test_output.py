import csv
import io
import json

import pytest

from sci_diplo.formats import Format
from sci_diplo.output import write_records
from sci_diplo.storedata import json_bytes
from tests.factories import claim, figure, programme


@pytest.mark.parametrize("fmt", [Format.json, Format.jsonl])
def test_json_reaches_text_streams_with_and_without_a_byte_stream(fmt):
    records = [r.model_dump(mode="json") for r in (figure(sentence="Côte d’Ivoire got 95%."), claim())]
    with_bytes = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with_bytes.write("before ")  # text written earlier is flushed first, not overtaken
    write_records(records, fmt, with_bytes)
    text_only = io.StringIO()
    text_only.write("before ")
    write_records(records, fmt, text_only)
    written = with_bytes.buffer.getvalue().decode("utf-8")
    assert written == text_only.getvalue()
    body = written.removeprefix("before ")
    items = json.loads(body) if fmt is Format.json else [json.loads(line) for line in body.splitlines()]
    assert items == records
    assert items[0]["mentions"][0]["sentence"] == "Côte d’Ivoire got 95%."
    assert "Côte d’Ivoire" in body  # UTF-8, not \\u escapes


def test_empty_result_is_an_empty_array():
    out = io.StringIO()
    write_records([], Format.json, out)
    assert json.loads(out.getvalue()) == []


def test_json_bytes_escape_lone_surrogates_as_json_does():
    assert json.loads(json_bytes({"s": "a\ud800b"})) == {"s": "a\ud800b"}
    assert json_bytes("Türkiye") == '"Türkiye"'.encode()


@pytest.mark.parametrize("value,shown", [(2.5e9, "2,500,000,000"), (12.5, "12.5"), (66.666667, "66.67"),
                                         (0.0, "0"), (1.05, "1.05"), (95.0, "95"), (0.005, "0.005")])
def test_table_numbers_read_as_written(value, shown):
    from sci_diplo.output import number_cell

    assert number_cell(value) == shown


def test_table_and_csv_show_each_kind_of_record(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # no wrapping inside the cells
    records = [r.model_dump(mode="json") for r in (figure(value=2.5e9, unit="USD", date=None),
                                                    programme(aliases=("NF",)), claim())]
    records[2]["inferred_countries"] = ["RUS"]
    table = io.StringIO()
    write_records(records, Format.table, table)
    text = table.getvalue()
    assert "2,500,000,000 USD (exact): 2.5e+09 USD" in text
    assert "Newton Fund (NF) [fund]" in text
    assert "2021-03" in text and "CHN, RUS*" in text and "3 facts" in text
    out = io.StringIO()
    write_records(records, Format.csv, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["kind"] for r in rows] == ["figure", "programme", "claim"]
    assert (rows[0]["value"], rows[0]["unit"], rows[0]["date"], rows[0]["qualifier"]) == ("2500000000.0", "USD", "", "exact")
    assert (rows[1]["name"], rows[1]["aliases"], rows[1]["category"], rows[1]["countries"]) == ("Newton Fund", "NF", "fund", "GBR")
    assert (rows[2]["date"], rows[2]["relation"], rows[2]["inferred_countries"], rows[2]["mentions"]) == ("2021-03", "on", "RUS", "1")
    assert rows[2]["sentence"] == "In March 2021, China and Russia signed a memorandum."
