import io
import json

import pytest

from sci_diplo.formats import Format
from sci_diplo.output import write_records
from sci_diplo.storefile import json_bytes
from tests.factories import claim, figure


@pytest.mark.parametrize("fmt", [Format.json, Format.jsonl])
def test_json_reaches_text_streams_with_and_without_a_byte_stream(fmt):
    records = [figure(sentence="Côte d’Ivoire got 95%."), claim()]
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
    assert [i["id"] for i in items] == [r.id for r in records]
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
