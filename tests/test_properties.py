"""Property-based tests over arbitrary Unicode text and arbitrary valid records."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sci_diplo.api import Analysis, analyse
from sci_diplo.identity import norm_text, record_id
from sci_diplo.models import ClaimRecord, DateValue, DocumentInfo, FigureRecord, Mention, ProgrammeRecord, Store
from sci_diplo.normalize.countries import lookup_country
from sci_diplo.normalize.country_mentions import find_countries
from sci_diplo.normalize.dates import date_bounds, find_dates, parse_date_value
from sci_diplo.normalize.figures import find_figures
from sci_diplo.normalize.numbers import find_numbers, parse_number
from sci_diplo.normalize.programmes import find_programmes
from sci_diplo.normalize.published import find_published
from sci_diplo.sources import Source
from sci_diplo import store as store_mod

# Text that looks like news often enough to exercise the rules, and arbitrary Unicode besides.
WORDS = ["China", "the U.S.", "more than", "1.8 billion", "doses", "In March 2021", "Agreement",
         "Joint Laboratory", "(CERC)", "Friday", "95%", "Comorian", "thirty-three", "–", "\n\n", "BC", "ago",
         "5 Auguſt 2021", "thıs year", "dayſ"]
newsy = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(" ".join)
texts = st.one_of(st.text(max_size=300), newsy)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_offsets(text: str, matches) -> None:
    for m in matches:
        assert 0 <= m.start <= m.end <= len(text)


@FAST
@given(texts, st.sampled_from([None, "2021", "2021-12-17"]))
def test_normalizers_never_raise_and_stay_in_the_text(text, anchor):
    for finder in (find_figures, find_numbers, find_countries, find_programmes):
        check_offsets(text, finder(text))
    check_offsets(text, find_dates(text, anchor))
    assert find_published(text) is None or isinstance(find_published(text), str)
    for fn in (parse_number, lookup_country, parse_date_value, date_bounds):
        fn(text)  # a value or None, never an exception


@FAST
@given(texts)
def test_pipeline_never_raises_and_spans_quote_the_text(nlp, text):
    source = Source("p.txt", text)
    (analysis,) = list(analyse(nlp, [source], spans=True))
    assert isinstance(analysis, Analysis)
    for span in analysis.spans:
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]


LINES = ["In March 2021, China and Kenya signed an agreement", "Egypt opened 3 labs in 2020.", "Peru joined",
         "the Joint Laboratory on Water", "\n", "\n\n", "\r\n", "\x0c", "\t", "  ", "- ", "1. ", "</p>", ":"]


@FAST
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=12).map("".join))
def test_every_mention_quotes_its_sentence_at_its_offsets(nlp, text):
    """The evidence is exact: a claim's offsets hold its sentence as quoted, every other fact's
    lie inside it, whatever white space or markup ends the sentence."""
    (analysis,) = list(analyse(nlp, [Source("p.txt", text)]))
    for rec in analysis.records:
        for m in rec.mentions:
            quoted = text[m.start : m.end]
            if rec.kind == "claim":  # (reprints of the sentence in other white space share its record)
                assert quoted == m.sentence and norm_text(m.sentence) == norm_text(rec.text)
            else:
                at = text.find(m.sentence, max(0, m.end - len(m.sentence)))
                assert 0 <= at <= m.start and m.end <= at + len(m.sentence), (quoted, m.sentence)


codes = st.sampled_from(["CHN", "USA", "COM", "RUS", "GBR"])
plain = st.text(string.ascii_letters + string.digits + " .,’é–", min_size=1, max_size=40)
DOCS = [DocumentInfo(path=f"d{i}.txt", doc_id=f"{i:016d}", published=p) for i, p in enumerate(["2021", None, "2021-12-17"])]
mentions = st.builds(
    lambda d, s, n, sent: Mention(path=d.path, doc_id=d.doc_id, start=s, end=s + n, sentence=sent, published=d.published),
    st.sampled_from(DOCS), st.integers(0, 10**6), st.integers(0, 500), plain,
)
dates = st.builds(DateValue, value=st.sampled_from([None, "2021", "2008/2013", "-0271", "2021-03-05"]),
                  relation=st.sampled_from(["on", "before", "since", "during"]), text=plain)
finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15)
figures = st.builds(
    lambda m, v, u, d, c: FigureRecord(id=record_id("figure", v, u), mentions=m, text=u, value=v, unit=u,
                                       date=d, countries=c),
    st.lists(mentions, min_size=1, max_size=3), finite, plain, st.none() | dates, st.lists(codes, max_size=3),
)
programmes = st.builds(
    lambda m, n, a: ProgrammeRecord(id=record_id("programme", n), mentions=m, name=n, aliases=a, category="fund"),
    st.lists(mentions, min_size=1, max_size=3), plain, st.lists(plain, max_size=2),
)
claims = st.builds(
    lambda m, t, d: ClaimRecord(id=record_id("claim", t), mentions=m, text=t, date=d),
    st.lists(mentions, min_size=1, max_size=3), plain, dates,
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(figures, programmes, claims), max_size=8))
def test_store_round_trip_is_identity(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("rt") / "facts.json"
    store = Store(documents=DOCS, records=records)
    store_mod.save(path, store)
    assert store_mod.load(path) == store


# Any text, line breaks, quotes, backslashes and control characters included.
wild = st.text(min_size=1, max_size=30)
WILD_DOCS = [*DOCS, DocumentInfo(path='we"ird\\\n\u2028path.txt', doc_id="f" * 16, title="T\r\n")]
wild_mentions = st.builds(
    lambda d, s, sent: Mention(path=d.path, doc_id=d.doc_id, start=s, end=s + 1, sentence=sent, title=d.title),
    st.sampled_from(WILD_DOCS), st.integers(0, 10**6), wild,
)
wild_records = st.one_of(
    st.builds(lambda m, t, c: FigureRecord(id=record_id("figure", t), mentions=m, text=t, value=1.5, unit=t, countries=c),
              st.lists(wild_mentions, min_size=1, max_size=3), wild, st.lists(codes, max_size=3)),
    st.builds(lambda m, n, a, c: ProgrammeRecord(id=record_id("programme", n), mentions=m, name=n, aliases=a,
                                                 category="fund", countries=c),
              st.lists(wild_mentions, min_size=1, max_size=3), wild, st.lists(wild, max_size=2), st.lists(codes, max_size=2)),
    st.builds(lambda m, t, d, c: ClaimRecord(id=record_id("claim", t), mentions=m, text=t, date=d, countries=c),
              st.lists(wild_mentions, min_size=1, max_size=3), wild, dates, st.lists(codes, max_size=3)),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(wild_records, max_size=8), st.sampled_from([(), ("CHN",), ("COM", "USA")]),
       st.sampled_from([(), ("claim",), ("figure", "programme")]))
def test_a_store_with_a_line_per_item_reads_as_validating_it_does(tmp_path_factory, records, countries, kinds):
    from sci_diplo import storedata
    from sci_diplo.query import Filters, prefilter, select

    path = tmp_path_factory.mktemp("lines") / "facts.json"
    store_mod.save(path, Store(documents=WILD_DOCS, records=records))
    raw = path.read_bytes()
    assert storedata.split_lines(raw) is not None
    assert raw.replace(b"\n", b"") == store_mod.load_file(path).model_dump_json().encode("utf-8")
    f = Filters(countries=countries, kinds=kinds)
    lines = storedata.read(path, prefilter(f))
    storedata.sum_path(path).unlink()  # validated now, and read whole
    whole = storedata.read(path)
    assert [lines.as_json(r) for r in select(lines, f)] == [whole.as_json(r) for r in select(whole, f)]
    assert list(lines.sentences) == whole.sentences and list(lines.documents) == whole.documents


# Runs of ``extract``, each a list of documents read: a path (from a few, so that documents are
# read anew), which reading of it (its doc_id), and its facts: kind, a number, a sentence and an
# offset. Few numbers and sentences, so that facts recur across documents and merge; a
# programme's id is its name, so its mentions cite several sentences.
fact_specs = st.lists(st.tuples(st.sampled_from(["figure", "programme", "claim"]), st.integers(0, 2),
                                st.sampled_from(["S1.", "S2.", "S3.", "Ş4 “q”."]), st.integers(0, 40)), max_size=4)
runs = st.lists(st.lists(st.tuples(st.sampled_from(["a.txt", "b.txt", "k.txt", "m.txt", "z.txt"]),
                                   st.integers(0, 2), fact_specs), min_size=1, max_size=4), min_size=1, max_size=4)


def read_document(path: str, reading: int, specs) -> tuple[DocumentInfo, list]:
    info = DocumentInfo(path=path, doc_id=f"{path}-{reading}")
    records = []
    for kind, k, sentence, start in specs:
        m = Mention(path=path, doc_id=info.doc_id, start=start, end=start + 5, sentence=sentence)
        if kind == "figure":
            records.append(FigureRecord(id=record_id("figure", k, sentence), mentions=[m], text=f"{k} labs",
                                        value=k, unit="labs", countries=["CHN"][: k % 2]))
        elif kind == "programme":
            name = ["Newton Fund", "the Newton Fund", "Belt and Road"][k]
            records.append(ProgrammeRecord(id=record_id("programme", name.removeprefix("the ")), mentions=[m],
                                           name=name, aliases=["NF"][: k % 2], category="fund",
                                           countries=[["GBR"], ["COM", "GBR"], []][k]))
        else:
            records.append(ClaimRecord(id=record_id("claim", k, sentence), mentions=[m], text=sentence,
                                       date=DateValue(value=str(2020 + k), relation="on", text=str(2020 + k))))
    return info, records


@settings(max_examples=80, deadline=None)
@given(runs)
def test_checkpoints_merging_into_the_stored_lines_write_what_packing_the_merged_records_writes(history):
    """Run after run, documents new, read anew or named twice in a run, facts merging into stored
    ones: the lines a checkpoint writes hold the merged public records, and are the bytes of
    packing them. (Not quite when a run reads a file twice: the first reading's mentions then
    name a document the table lacks, which packing adds last and a later merge sorts in, as
    merging on the stored form did before.)"""
    from sci_diplo.models import StoreFile
    from sci_diplo.storefile import Fresh, StoreLines, pack, unpack
    from sci_diplo.storemerge import apply_lines

    expected, lines, twice = Store(), StoreLines(), False
    for run in history:
        results = [read_document(*doc) for doc in run]
        fresh = Fresh()
        for _, records in results:
            fresh.add_records(records)
        lines = apply_lines(lines, [info for info, _ in results], fresh)
        expected = store_mod.apply(expected, results)
        got = unpack(StoreFile.model_validate_json(lines.json()))
        assert [r.model_dump() for r in got.records] == [r.model_dump() for r in expected.records]
        twice = twice or len({path for path, *_ in run}) < len(run)
        if not twice:
            assert lines.json() == store_mod.file_json(pack(expected))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 30), st.integers(0, 3), st.sampled_from(["x", ",", ";", "\n"]),
                          st.booleans()), min_size=1, max_size=80),
       st.integers(10, 60))
def test_long_sentences_are_cut_and_no_start_is_lost(tokens, limit):
    """Over any tokens (length, trailing spaces, kind, marked as a sentence start or not) and any
    limit: every start stays, and a sentence longer than the limit is a single token."""
    import numpy

    from sci_diplo.components.paragraphs import NOT_START, cut_long_sentences

    text, idx = "", []
    for length, spaces, kind, _ in tokens:
        idx.append(len(text))
        text += (kind if kind != "x" else "x" * length) + " " * spaces
    idx = numpy.array(idx, dtype=numpy.uint64)
    sent = numpy.array([1 if start else NOT_START for *_, start in tokens], dtype=numpy.uint64)
    before = set((sent == 1).nonzero()[0].tolist())
    starts = cut_long_sentences(sent, text, idx, limit).tolist()
    assert starts == (sent == 1).nonzero()[0].tolist() and before <= set(starts)
    bounds = sorted({0, *starts}) + [len(idx)]
    for a, b in zip(bounds, bounds[1:]):
        end = len(text) if b == len(idx) else int(idx[b])
        assert end - int(idx[a]) <= limit or b == a + 1
