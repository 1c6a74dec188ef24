import errno
import json
import os

import pytest

from sci_diplo.errors import InputError
from sci_diplo.sources import Source, decode, iter_sources


def test_utf8_bom_and_utf16_decode():
    assert decode("\ufeffCôte d'Ivoire".encode("utf-8"), "f")[:2] == ("Côte d'Ivoire", "utf-8")
    assert decode("Türkiye signed".encode("utf-16"), "f")[:2] == ("Türkiye signed", "utf-16")


def test_text_with_stray_control_characters_is_text():
    data = ("Chile\x07 and Peru\x1b signed \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u4e2d\u6587 " * 50).encode() + b"\x00"
    text, encoding, _ = decode(data, "f")
    assert encoding == "utf-8" and text.startswith("Chile\x07")


def test_windows_1252_decodes_with_a_warning():
    text, encoding, warnings = decode("“Café” – 5 €".encode("cp1252"), "old.txt")
    assert text == "“Café” – 5 €" and encoding == "windows-1252"
    assert warnings == ("old.txt: not UTF-8, decoded as windows-1252",)


def test_a_utf8_text_with_a_few_windows_1252_bytes_keeps_its_utf8():
    data = "Chile and Perú signed it in São Paulo for ".encode() + "€5 million – “a start”.".encode("cp1252")
    text, encoding, warnings = decode(data, "mixed.txt")
    assert text == "Chile and Perú signed it in São Paulo for €5 million – “a start”."
    assert encoding == "utf-8 and windows-1252"
    assert warnings == ("mixed.txt: not all UTF-8: the bytes that are not were read as windows-1252",)
    assert decode(b"caf\xe9 \x81", "f")[0] == "café \x81"  # a byte Windows-1252 leaves undefined: Latin-1's


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty file"),
        (b" \n\t ", "only white space"),
        ("\ufeff".encode("utf-8"), "only white space"),
        ("\ufeff\r\n\r\n".encode("utf-8"), "only white space"),
        ("\u00a0\u200b \u2060\n".encode("utf-8"), "only white space"),
        ("\u00a0\u200b".encode("utf-16"), "only white space"),
        ("\u200b \u200b\n\ufeff\u2060 \u00a0\u200d".encode("utf-8"), "only white space"),  # interleaved
        (b"\x89PNG\r\n\x1a\n....", "binary file"),
        (b"PK\x03\x04zipdata", "binary file"),
        (b"text\x00with nul", "binary file"),
        (b"\x00\x00\x01\x02" * 100, "binary file"),
        (b"caf\xe9\x00 latin-1 with a NUL", "binary file"),
    ],
)
def test_unreadable_bytes_raise_input_error(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data, "f")


def collect(paths):
    items = list(iter_sources(paths))
    return [i for i in items if isinstance(i, Source)], [str(i) for i in items if isinstance(i, InputError)]


def test_folder_walk_reads_txt_and_md_and_sidecar(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("China and Russia.")
    (tmp_path / "sub" / "b.md").write_text("# Title\nText.")
    (tmp_path / "a.meta.json").write_text('{"published": "2021-12-19", "url": "http://x", "title": "T"}')
    (tmp_path / "c.json").write_text("{}")
    sources, errors = collect([str(tmp_path)])
    assert errors == []
    assert [os.path.basename(s.path) for s in sources] == ["a.txt", "b.md"]
    assert sources[0].meta == {"published": "2021-12-19", "url": "http://x", "title": "T"}


def test_folder_walk_takes_any_case_of_extension_and_skips_hidden_files_and_folders(tmp_path):
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("Hidden folder.")
    (tmp_path / ".d.txt").write_text("Hidden file.")
    (tmp_path / "A.TXT").write_text("Upper case.")
    (tmp_path / "b.Md").write_text("Mixed case.")
    sources, errors = collect([str(tmp_path)])
    assert errors == []
    assert [os.path.basename(s.path) for s in sources] == ["A.TXT", "b.Md"]


def test_bad_inputs_each_get_one_error_and_the_rest_is_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Fine text.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    nodir = tmp_path / "nothing"
    nodir.mkdir()
    sources, errors = collect([str(tmp_path / "missing.txt"), str(empty), str(loop), str(nodir), str(good)])
    assert [s.path for s in sources] == [str(good)]
    assert errors == [
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{empty}: empty file",
        f"{loop}: symlink loop",
        f"{nodir}: folder holds no .txt or .md files",
    ]


def test_unreadable_file(tmp_path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text("x")
    f.chmod(0)
    if os.geteuid() == 0:  # root reads every file: make the read fail as it would for a user
        real = type(f).read_bytes

        def deny(self):
            if self == f:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(type(f), "read_bytes", deny)
    assert collect([str(f)])[1] == [f"{f}: permission denied"]


def test_path_text_shows_bytes_that_are_not_utf8_as_escapes():
    from sci_diplo.sources import path_text

    assert path_text(os.fsdecode(b"in/caf\xe9/\xff.txt")) == "in/caf\\xe9/\\xff.txt"
    assert path_text("in/café/文.txt") == "in/café/文.txt"  # valid UTF-8 names are kept as they are


def test_a_file_is_stored_under_one_path_however_it_is_named(tmp_path, monkeypatch):
    from sci_diplo.sources import stored_path

    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Kenya opened 3 labs in 2021.")
    names = ["news/a.txt", "./news/a.txt", "news/../news/a.txt", str(tmp_path / "news" / "a.txt")]
    assert {str(stored_path(n)) for n in names} == {os.path.join("news", "a.txt")}
    assert [s.path for n in names for s in collect([n])[0]] == [os.path.join("news", "a.txt")] * 4
    assert [s.path for s in collect([str(tmp_path / "news")])[0]] == [os.path.join("news", "a.txt")]
    outside = os.path.join(os.path.dirname(str(tmp_path)), "other", "b.txt")
    assert str(stored_path(outside)) == outside  # outside the current folder: kept absolute


def test_a_store_with_absolute_paths_still_knows_its_files(tmp_path, monkeypatch):
    """A store written before paths were made relative holds the absolute path of a file inside
    the current folder: the same file is unchanged, and once changed it replaces its old facts."""
    import json

    from typer.testing import CliRunner

    from sci_diplo.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    doc = tmp_path / "news" / "a.txt"
    doc.write_text("On 3 May 2021, Kenya and Japan opened 3 joint laboratories.\n")
    store = tmp_path / "s.json"
    assert CliRunner().invoke(app, ["extract", "news", "--store", str(store), "-q"]).exit_code == 0
    raw = json.loads(store.read_text())
    for d in raw["documents"]:
        d["path"] = str(tmp_path / d["path"])  # as the earlier version stored it
    store.write_text(json.dumps(raw))
    (tmp_path / "s.json.sha256").unlink()  # an edited store: validated, not trusted

    def paths_and_values():
        out = CliRunner().invoke(app, ["facts", "--store", str(store), "--format", "json", "--kind", "figure"])
        recs = json.loads(out.stdout)
        return sorted((m["path"], r["value"]) for r in recs for m in r["mentions"])

    result = CliRunner().invoke(app, ["extract", str(doc), "--store", str(store)])
    assert "1 unchanged" in result.stderr, result.output
    assert paths_and_values() == [(str(doc), 3)]
    doc.write_text("On 3 May 2021, Kenya and Japan opened 4 joint laboratories.\n")
    assert CliRunner().invoke(app, ["extract", "news", "--store", str(store), "-q"]).exit_code == 0
    assert paths_and_values() == [(os.path.join("news", "a.txt"), 4)]


def test_windows_line_ends_give_the_same_facts_as_unix_ones(nlp):
    """Every seed text read with CRLF line ends: the same publication date and the same facts
    (values, dates, countries, sentences) as with LF."""
    from sci_diplo.api import analyse
    from sci_diplo.resources import seeds_dir

    def facts(text):
        (a,) = analyse(nlp, [Source("p.txt", text)])
        out = set()
        for r in a.records:
            fields = r.model_dump(exclude={"id", "mentions", "text"})
            out.add((r.kind, json.dumps(fields, sort_keys=True), " ".join(r.mentions[0].sentence.split())))
        return a.info.published, out

    for path in sorted(seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert "\r" not in text
        unix, windows = facts(text), facts(text.replace("\n", "\r\n"))
        assert windows[0] == unix[0], path.name
        assert windows[1] == unix[1], path.name


def test_a_dateline_on_a_line_of_its_own_is_read_with_windows_line_ends():
    from sci_diplo.normalize.published import find_published

    for end in ("\n", "\r\n"):
        text = end.join(["Madrid, 12 September 2024", "", "Chile and Peru signed an agreement on Friday.", ""])
        assert find_published(text) == "2024-09-12", repr(end)
        text = end.join(["THURSDAY, DECEMBER 23, 2021", "", "China opened 3 labs."])
        assert find_published(text) == "2021-12-23", repr(end)
