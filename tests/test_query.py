"""The filters of ``scidip facts`` over a store read as plain data."""

from sci_diplo import store, storedata
from sci_diplo.identity import merge
from sci_diplo.models import DocumentInfo, Store
from sci_diplo.query import Filters, select
from tests.factories import claim, figure, programme


def data(tmp_path):
    path = tmp_path / "facts.json"
    docs = [DocumentInfo(path=p, doc_id="d" + p) for p in ("a.txt", "news/b.txt", "news/c.txt")]
    records = merge([figure(path="a.txt"), figure(path="news/b.txt"), figure(value=5, unit="labs", path="news/c.txt",
                                                                              sentence="Peru opened 5 labs.", countries=("PER",), date=None),
                     programme(path="news/b.txt", aliases=("NF",)), claim(path="a.txt")])
    store.save(path, Store(documents=docs, records=records))
    return storedata.read(path)


def kinds(records):
    return [r["kind"] for r in records]


def test_each_filter_over_stored_records(tmp_path):
    d = data(tmp_path)
    assert kinds(select(d, Filters())) == ["figure", "figure", "programme", "claim"]
    assert kinds(select(d, Filters(countries=("PER",)))) == ["figure"]
    assert kinds(select(d, Filters(countries=("CHN", "GBR"), kinds=("programme", "claim")))) == ["programme", "claim"]
    assert kinds(select(d, Filters(since=(2021, 1, 1), until=(2021, 3, 31)))) == ["figure", "claim"]  # undated: out
    assert kinds(select(d, Filters(since=(2022, 1, 1)))) == []
    assert kinds(select(d, Filters(search="PERU OPENED"))) == ["figure"]  # a mention's sentence
    assert kinds(select(d, Filters(search="nf"))) == ["programme"]  # an alias
    assert kinds(select(d, Filters(programme="newton"))) == ["programme"]


def test_source_keeps_only_that_folders_mentions(tmp_path):
    d = data(tmp_path)
    got = select(d, Filters(source="news"))
    assert kinds(got) == ["figure", "figure", "programme"]
    china = got[0]
    assert [d.public(china)["mentions"][k]["path"] for k in range(len(china["mentions"]))] == ["news/b.txt"]
    assert len(d.records[0]["mentions"]) == 2  # the store's own record is left whole
    assert select(d, Filters(source="news/c.txt"))[0]["unit"] == "labs"
    assert select(d, Filters(source="elsewhere")) == []


def test_source_is_matched_however_it_is_written(tmp_path, monkeypatch):
    d = data(tmp_path)
    monkeypatch.chdir(tmp_path)  # the stored paths are relative to the folder extract ran in
    for source in ("news", "./news/", str(tmp_path / "news"), "news/../news", "elsewhere/../news"):
        assert kinds(select(d, Filters(source=source))) == ["figure", "figure", "programme"], source
    assert kinds(select(d, Filters(source=str(tmp_path / "a.txt")))) == ["figure", "claim"]
    assert select(d, Filters(source="new")) == []  # a folder is matched whole, not as a prefix of names
    assert select(d, Filters(source="-")) == []  # no text came from stdin


def test_source_dash_is_every_text_read_from_stdin(tmp_path):
    path = tmp_path / "facts.json"
    piped = "stdin:0123456789abcdef"
    records = merge([figure(path=piped), figure(value=5, unit="labs", path="stdin.txt")])
    docs = [DocumentInfo(path=p, doc_id="d" + p) for p in (piped, "stdin.txt")]
    store.save(path, Store(documents=docs, records=records))
    d = storedata.read(path)
    for source in ("-", "stdin:", piped):
        assert [r["value"] for r in select(d, Filters(source=source))] == [figure().value], source
    assert [r["unit"] for r in select(d, Filters(source="stdin.txt"))] == ["labs"]


def test_text_filters_fold_case_accents_quotes_dashes_and_dots(tmp_path):
    path = tmp_path / "facts.json"
    records = merge([
        programme(name="U.S.–China Clean Energy Research Center", path="a.txt"),
        programme(name="Belt and Road Initiative", path="a.txt"),
        figure(value=5, unit="labs", path="a.txt", sentence="Côte d’Ivoire opened 5 labs.", countries=("CIV",)),
    ])
    store.save(path, Store(documents=[DocumentInfo(path="a.txt", doc_id="da")], records=records))
    d = storedata.read(path)
    names = lambda f: [r.get("name") or r["unit"] for r in select(d, f)]  # noqa: E731
    assert names(Filters(programme="US-China")) == ["U.S.–China Clean Energy Research Center"]
    assert names(Filters(programme="u.s.-china clean")) == ["U.S.–China Clean Energy Research Center"]
    assert names(Filters(programme="the Belt and Road Initiative")) == ["Belt and Road Initiative"]
    assert names(Filters(programme="Belt  and road")) == ["Belt and Road Initiative"]
    assert names(Filters(search="Cote d'Ivoire")) == ["labs"]
    assert names(Filters(search="CÔTE D’IVOIRE OPENED")) == ["labs"]
    assert names(Filters(programme="Horizon")) == []
