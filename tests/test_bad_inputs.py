"""Every kind of bad input gets one error line naming the file; the others are stored."""

import io
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
    (tmp_path / "nothing").mkdir()
    store = tmp_path / "facts.json"
    result = CliRunner().invoke(app, ["extract", str(corpus), str(tmp_path / "nothing"), str(tmp_path / "gone.txt"),
                                      "--store", str(store), "--jobs", jobs])
    assert result.exit_code == 3, result.output
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("Error:"))
    assert errors == sorted([
        f"Error: {corpus / 'archive.md'}: binary file, not text",
        f"Error: {corpus / 'empty.txt'}: empty file",
        f"Error: {corpus / 'image.txt'}: binary file, not text",
        f"Error: {corpus / 'loop.txt'}: symlink loop",
        f"Error: {tmp_path / 'nothing'}: folder holds no .txt or .md files",
        f"Error: {tmp_path / 'gone.txt'}: no such file or directory",
    ])
    assert f"Warning: {corpus / 'latin1.txt'}: not UTF-8, decoded as windows-1252" in result.stderr
    docs = {d.path.rsplit("/", 1)[1]: d for d in store_mod.load(store).documents}
    assert sorted(docs) == ["bom.txt", "control.txt", "digits.txt", "good.txt", "latin1.txt", "longline.txt", "utf16.txt"]
    assert docs["utf16.txt"].encoding == "utf-16" and docs["latin1.txt"].encoding == "windows-1252"
    records = store_mod.load(store).records
    assert any(r.kind == "figure" and r.unit == "USD" and r.value == 5_000_000 for r in records)
    assert any(r.kind == "claim" and "CIV" in r.countries for r in records)
