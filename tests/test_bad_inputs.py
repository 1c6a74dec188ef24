"""Every kind of bad input gets one error line naming the file; the others are stored."""

import io
import os
import zipfile

import pytest

from typer.testing import CliRunner

from sci_diplo import store as store_mod
from sci_diplo.cli import app


@pytest.mark.parametrize("jobs", ["1", "2"])  # with --jobs, workers read the files the store does not know
def test_one_run_over_every_kind_of_bad_input(tmp_path, jobs):
    corpus = tmp_path / "in"
    corpus.mkdir()
    good = "In March 2021, China and Russia signed a memorandum on 3 joint laboratories."
    (corpus / "good.txt").write_text(good, encoding="utf-8")
    (corpus / "bom.txt").write_bytes("\ufeffIn 2019, Kenya opened 2 observatories.".encode("utf-8"))
    (corpus / "utf16.txt").write_bytes("In 2018, Chile pledged US$5 million.".encode("utf-16"))
    (corpus / "latin1.txt").write_bytes("In 2017, Perú and Côte d'Ivoire signed 4 agreements.".encode("cp1252"))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "zipped")
    (corpus / "archive.md").write_bytes(buf.getvalue())
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "longline.txt").write_text("x" * 5_000_000)
    (corpus / "digits.txt").write_text("1," * 100_000 + "9" * 100_000 + "." * 50_000 + "A-" * 50_000)
    (corpus / "control.txt").write_text(("Chile\x07 and Peru\x1b\x0c signed. العربية 中文 " * 2000), encoding="utf-8")
    # names that are not UTF-8 (their bytes reach Python as lone surrogates) and a sidecar with a
    # lone surrogate: stored and printed with the bytes as escapes, the surrogate replaced
    (corpus / os.fsdecode(b"caf\xe9.txt")).write_text("In 2016, Peru built 6 telescopes.", encoding="utf-8")
    (corpus / os.fsdecode(b"bad\xff.txt")).write_bytes(b"")
    (corpus / "good.meta.json").write_text('{"title": "Lunar \\ud800 station"}', encoding="utf-8")
    (tmp_path / "nothing").mkdir()
    store = tmp_path / "facts.json"
    result = CliRunner().invoke(app, ["extract", str(corpus), str(tmp_path / "nothing"), str(tmp_path / "gone.txt"),
                                      "--store", str(store), "--jobs", jobs])
    assert result.exit_code == 3, result.output
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("Error:"))
    assert errors == sorted([
        f"Error: {corpus / 'archive.md'}: binary file, not text",
        f"Error: {corpus}/bad\\xff.txt: empty file",
        f"Error: {corpus / 'empty.txt'}: empty file",
        f"Error: {corpus / 'image.txt'}: binary file, not text",
        f"Error: {corpus / 'loop.txt'}: symlink loop",
        f"Error: {tmp_path / 'nothing'}: folder holds no .txt or .md files",
        f"Error: {tmp_path / 'gone.txt'}: no such file or directory",
    ])
    assert f"Warning: {corpus / 'latin1.txt'}: not UTF-8, decoded as windows-1252" in result.stderr
    docs = {d.path.rsplit("/", 1)[1]: d for d in store_mod.load(store).documents}
    assert sorted(docs) == ["bom.txt", "caf\\xe9.txt", "control.txt", "digits.txt", "good.txt", "latin1.txt",
                            "longline.txt", "utf16.txt"]
    assert docs["good.txt"].title == "Lunar \ufffd station"
    assert docs["utf16.txt"].encoding == "utf-16" and docs["latin1.txt"].encoding == "windows-1252"
    records = store_mod.load(store).records
    assert any(r.kind == "figure" and r.unit == "USD" and r.value == 5_000_000 for r in records)
    assert any(r.kind == "claim" and "CIV" in r.countries for r in records)
    assert any(r.kind == "figure" and r.unit == "telescopes" and r.mentions[0].path.endswith("caf\\xe9.txt")
               for r in records)
    again = CliRunner().invoke(app, ["extract", str(corpus), "--store", str(store), "--jobs", jobs])
    assert "Read 0 documents (8 unchanged, " in again.stderr, again.output  # the escaped name is known
