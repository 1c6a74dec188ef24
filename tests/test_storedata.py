"""The store read as plain data: trusted by its sum, else validated (``storedata.py``)."""

import hashlib
import json
import subprocess
import sys

import pytest

from sci_diplo import store, storedata
from sci_diplo.errors import StoreError
from sci_diplo.models import DocumentInfo, Store
from tests.factories import claim, figure, programme


def saved(tmp_path):
    path = tmp_path / "facts.json"
    docs = [DocumentInfo(path="a.txt", doc_id="da.txt", url="https://x.org/ç"), DocumentInfo(path="b.txt", doc_id="db.txt")]
    store.save(path, Store(documents=docs, records=[figure(path="a.txt"), figure(path="b.txt", sentence="Peru got 5%."),
                                                    programme(path="b.txt", aliases=("NF",)), claim(path="a.txt")]))
    return path


def test_save_writes_the_sum_of_the_bytes_beside_the_store(tmp_path):
    path = saved(tmp_path)
    written = json.loads(storedata.sum_path(path).read_text())
    assert written == {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "writer": storedata.WRITER}
    assert storedata.trusted(path, path.read_bytes())
    assert not list(tmp_path.glob("*.tmp"))


def test_a_trusted_store_reads_as_the_validated_one(tmp_path):
    path = saved(tmp_path)
    trusted = storedata.read(path)
    storedata.sum_path(path).unlink()  # now it must be validated
    validated = storedata.read(path)
    assert (list(trusted.documents), list(trusted.sentences), list(trusted.records)) == (
        validated.documents, validated.sentences, validated.records)
    assert [r["kind"] for r in trusted.records] == ["figure", "figure", "programme", "claim"]
    assert trusted.public(trusted.records[0])["mentions"][0]["url"] == "https://x.org/ç"


@pytest.mark.parametrize("change", ["edited", "other writer"])
def test_a_store_not_as_its_sum_says_is_validated(tmp_path, change):
    path = saved(tmp_path)
    path.write_text(path.read_text().replace('"CHN"', '"China"'))  # valid JSON: only validation can tell
    if change == "other writer":  # the sum matches the bytes, but another version wrote it
        text = storedata.sum_text(path.read_bytes()).replace(storedata.WRITER, "sci_diplo 0.0.1")
        storedata.sum_path(path).write_text(text)
    with pytest.raises(StoreError, match="is invalid at records"):
        storedata.read(path)


def test_missing_and_unreadable_stores(tmp_path):
    assert storedata.read(tmp_path / "none.json").records == []
    (tmp_path / "dir.json").mkdir()
    with pytest.raises(StoreError, match="cannot read store"):
        storedata.read(tmp_path / "dir.json")


def test_set_aside_drops_the_old_sum(tmp_path):
    path = saved(tmp_path)
    store.set_aside(path)
    assert not storedata.sum_path(path).exists()


def test_facts_on_a_trusted_store_imports_neither_pydantic_nor_spacy(tmp_path):
    path = saved(tmp_path)
    code = ("import sys; sys.argv = ['scidip', 'facts', '--store', sys.argv[1], '--country', 'China', '--format', 'json']\n"
            "from sci_diplo import cli\n"
            "try:\n    cli.app()\nexcept SystemExit:\n    pass\n"
            "print([m for m in ('pydantic', 'spacy') if m in sys.modules], file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == "[]"
    assert [r["kind"] for r in json.loads(out.stdout)] == ["figure", "figure", "claim"]  # the programme is British


def test_a_rerun_over_unchanged_files_imports_neither_pydantic_nor_spacy(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("In March 2021, China and Russia signed 2 agreements.", encoding="utf-8")
    store_path = tmp_path / "facts.json"
    code = ("import sys; sys.argv = ['scidip', 'extract', sys.argv[1], '--store', sys.argv[2], '-q']\n"
            "from sci_diplo import cli\n"
            "try:\n    cli.app()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
            "print([m for m in ('pydantic', 'spacy') if m in sys.modules])")
    args = [sys.executable, "-c", code, str(tmp_path / "in"), str(store_path)]
    first = subprocess.run(args, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "['pydantic', 'spacy']"
    again = subprocess.run(args, capture_output=True, text=True, check=True)
    assert again.stdout.strip() == "[]"
    assert [r["kind"] for r in storedata.read(store_path).records] == ["figure", "claim"]


def test_the_store_is_its_compact_json_with_each_item_on_a_line_of_its_own(tmp_path):
    path = saved(tmp_path)
    raw, file = path.read_bytes(), store.load_file(path)
    assert raw.replace(b"\n", b"") == file.model_dump_json().encode("utf-8")
    lines = raw.split(b"\n")
    items = len(file.documents) + len(file.sentences) + len(file.records)
    assert (len(file.documents), len(file.sentences), len(file.records)) == (2, 4, 4)
    assert len(lines) == items + 5  # the head, two lines between the lists, the end, and the empty last
    assert lines[:2] == [b'{"format":"sci_diplo.facts","version":1,"documents":[', file.documents[0].model_dump_json().encode() + b","]
    assert lines[-2:] == [b"]}", b""]
    empty = tmp_path / "empty.json"
    store.save(empty, Store())
    assert empty.read_bytes() == b'{"format":"sci_diplo.facts","version":1,"documents":[\n\n],"sentences":[\n\n],"records":[\n\n]}\n'
    assert list(storedata.read(empty).records) == [] == list(storedata.read(empty).documents)


def test_documents_and_sentences_are_parsed_when_a_mention_needs_them(tmp_path, monkeypatch):
    path = saved(tmp_path)
    whole = json.loads(path.read_bytes())
    data = storedata.read(path)
    assert isinstance(data.documents, storedata.Lines) and data.documents.blocks == {} == data.sentences.blocks
    assert list(data.documents) == whole["documents"] and list(data.sentences) == whole["sentences"]
    monkeypatch.setattr(storedata.Lines, "BLOCK", 3)  # blocks of three lines: the last one is short
    data = storedata.read(path)
    assert data.sentences[-1] == whole["sentences"][3] and set(data.sentences.blocks) == {1}
    assert data.sentences[0:2] == whole["sentences"][0:2] and set(data.sentences.blocks) == {0, 1}
    monkeypatch.setattr(storedata.Lines, "BLOCK", 1)
    data = storedata.read(path)
    record = data.public(data.records[0])
    assert record["mentions"][0]["sentence"] == whole["sentences"][data.records[0]["mentions"][0][3]]
    assert len(data.sentences.blocks) == 1 and len(data.documents.blocks) == 1  # what its one mention needs
    with pytest.raises(IndexError):
        data.sentences[4]


def test_a_store_written_on_one_line_reads_as_before(tmp_path):
    path = saved(tmp_path)
    lined = storedata.read(path)
    one_line = store.load_file(path).model_dump_json().encode("utf-8")  # as earlier versions wrote it
    path.write_bytes(one_line)
    storedata.sum_path(path).write_text(storedata.sum_text(one_line))  # trusted: read with json.loads
    assert storedata.split_lines(one_line) is None
    old = storedata.read(path)
    assert (old.documents, old.sentences, old.records) == (list(lined.documents), list(lined.sentences), list(lined.records))


def test_a_query_reads_only_the_records_its_quick_test_lets_through(tmp_path):
    from sci_diplo.query import Filters, prefilter, select

    path = saved(tmp_path)
    everything = storedata.read(path)
    for f in (Filters(countries=("CHN",)), Filters(kinds=("claim",)), Filters(countries=("GBR", "PER"), kinds=("figure", "programme"))):
        read = storedata.read(path, prefilter(f))
        assert select(read, f) == select(everything, f) and len(read.records) < len(everything.records)
    assert prefilter(Filters(kinds=("claim",), programme="Newton")) is None  # a claim's programmes are read too
    assert prefilter(Filters(since=(2021, 1, 1))) is None


@pytest.mark.parametrize("raw", [b"", b"\n", b"a", b"a\n", b"a\nb", b"a\n\nb\n", b'{"x":"\xc3\xa9\\n"}\n\n'])
def test_a_store_read_a_line_at_a_time_splits_and_sums_as_its_bytes_would(tmp_path, raw):
    path = tmp_path / "facts.json"
    path.write_bytes(raw)
    for chunk in (1, 2, 3, 1 << 24):  # lines cut across the pieces the file is read in
        lines, sha256 = storedata.read_split(path, chunk)
        assert lines == raw.split(b"\n") and sha256 == hashlib.sha256(raw).hexdigest()
    assert storedata.read_split(tmp_path / "none.json") is None
