import json
import multiprocessing
import time
from collections import Counter

import pytest

from sci_diplo import store, storedata
from sci_diplo.errors import StoreError, StoreLockedError
from sci_diplo.models import DocumentInfo, Store
from tests.factories import claim, figure, programme


def info(path: str, doc_id: str | None = None) -> DocumentInfo:
    return DocumentInfo(path=path, doc_id=doc_id or "d" + path)  # the factories' mentions use "d" + path


def test_missing_store_loads_empty(tmp_path):
    assert store.load(tmp_path / "none.json") == Store()


def test_round_trip_is_identity(tmp_path):
    path = tmp_path / "facts.json"
    s = Store(documents=[info("a.txt")], records=[figure(), programme(), claim()])
    store.save(path, s)
    assert store.load(path) == s
    assert not list(tmp_path.glob("*.tmp"))  # no temporary file left behind


def test_apply_replaces_a_changed_documents_mentions(tmp_path):
    s = store.apply(Store(), [(info("a.txt", "v1"), [figure(path="a.txt"), programme(path="a.txt")])])
    s = store.apply(s, [(info("b.txt"), [figure(path="b.txt")])])
    assert len(s.records) == 2
    assert sorted(m.path for m in s.records[0].mentions) == ["a.txt", "b.txt"]
    # a.txt changes: its old mentions go, the programme it alone held goes too
    s = store.apply(s, [(info("a.txt", "v2"), [claim(path="a.txt")])])
    kinds = sorted(r.kind for r in s.records)
    assert kinds == ["claim", "figure"]
    fig = next(r for r in s.records if r.kind == "figure")
    assert [m.path for m in fig.mentions] == ["b.txt"]
    assert [d.doc_id for d in s.documents if d.path == "a.txt"] == ["v2"]


def test_mentions_share_their_documents_fields_and_sentences(tmp_path):
    path = tmp_path / "facts.json"
    store.save(path, Store(documents=[info("a.txt")], records=[figure(path="a.txt"), claim(path="a.txt")]))
    data = json.loads(path.read_text())
    assert data["records"][0]["mentions"] == [[0, 0, 10, 0]]
    assert len(data["documents"]) == 1 and len(data["sentences"]) == 2


def test_a_mention_of_an_unlisted_document_keeps_its_fields(tmp_path):
    path = tmp_path / "facts.json"
    store.save(path, Store(records=[figure(path="b.txt")]))
    loaded = store.load(path)
    assert loaded.records[0].mentions == figure(path="b.txt").mentions
    assert [d.path for d in loaded.documents] == ["b.txt"]


@pytest.mark.parametrize(
    "mention,problem",
    [("[5, 0, 1, 0]", "records.0.mentions.0: reference out of range"), ("[0, 9, 1, 0]", "reference out of range"),
     ("[-1, 0, 1, 0]", "reference out of range"), ("[0, 0, 1, -1]", "reference out of range"),
     ("[0, -2, 1, 0]", "reference out of range"), ("[0, 5, 1, 0]", "reference out of range"),
     ("[0, 0, 1]", "invalid at records.0.figure.mentions.0")],
)
def test_bad_mention_references_are_caught(tmp_path, mention, problem):
    path = tmp_path / "facts.json"
    store.save(path, Store(documents=[info("a.txt")], records=[figure(path="a.txt")]))
    path.write_text(path.read_text().replace("[[0,0,10,0]]", f"[{mention}]"))
    with pytest.raises(StoreError, match=problem.replace(".", r"\.")):
        store.load(path)


def test_apply_twice_changes_nothing():
    results = [(info("a.txt"), [figure(path="a.txt"), claim(path="a.txt")])]
    once = store.apply(Store(), results)
    assert store.apply(once, results) == once


@pytest.mark.parametrize(
    "content,message",
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "other"}', "not a sci_diplo store"),
        (b'{"format": "sci_diplo.facts", "version": 99}', "format version 99"),
        (b'{"format": "sci_diplo.facts", "version": 1, "records": [{"kind": "figure"}]}', "invalid at records.0"),
        # a field left out would read as empty: a store that lost its records is damaged
        (b'{"format": "sci_diplo.facts", "version": 1, "documents": [], "sentences": []}',
         "invalid at records: field required"),
    ],
)
def test_damaged_store_raises_naming_file_and_problem(tmp_path, content, message):
    path = tmp_path / "facts.json"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message) as exc:
        store.load(path)
    assert str(path) in str(exc.value)
    assert path.read_bytes() == content


def test_set_aside_keeps_the_damaged_file(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text("{broken")
    kept = store.set_aside(path)
    assert not path.exists() and kept.read_text() == "{broken"
    assert kept.name.startswith("facts.json.damaged-")


def _hold_lock(path, seconds, ready):
    with store.locked(path, timeout=1):
        ready.set()
        time.sleep(seconds)


def test_lock_times_out_while_another_process_holds_it(tmp_path):
    path = tmp_path / "facts.json"
    ready = multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold_lock, args=(path, 2.0, ready))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(StoreLockedError, match="locked by another scidip"):
            with store.locked(path, timeout=0.2):
                pass
    finally:
        holder.join()
    with store.locked(path, timeout=0.2):  # free again
        pass


def test_saved_file_is_plain_json_with_header(tmp_path):
    path = tmp_path / "facts.json"
    store.save(path, Store(records=[figure()]))
    data = json.loads(path.read_text())
    assert data["format"] == "sci_diplo.facts" and data["version"] == 1
    assert data["records"][0]["kind"] == "figure"


def test_stored_records_print_as_the_public_records_do(tmp_path):
    path = tmp_path / "facts.json"
    original = Store(documents=[info("a.txt")], records=[figure(path="a.txt"), programme(path="a.txt"), claim(path="a.txt")])
    store.save(path, original)
    data = storedata.read(path)
    expected = [r.model_dump(mode="json") for r in original.records]
    assert [json.loads(data.as_json(r)) for r in data.records] == expected
    assert [data.public(r) for r in data.records] == expected
    # the same keys in the same order
    assert [json.dumps(json.loads(data.as_json(r))) for r in data.records] == [json.dumps(r) for r in expected]
    assert [json.dumps(data.public(r)) for r in data.records] == [json.dumps(r) for r in expected]


def apply_file(file, infos, fresh):
    """Merge into a store file's lines (as a checkpoint does) and return the result validated."""
    from sci_diplo.models import StoreFile
    from sci_diplo.storefile import StoreLines
    from sci_diplo.storemerge import apply_lines

    return StoreFile.model_validate_json(apply_lines(StoreLines.of_file(file), infos, fresh).json())


def test_merging_on_the_stored_form_equals_merging_records():
    from sci_diplo.storefile import Fresh, pack, unpack

    before = store.apply(Store(), [
        (info("a.txt"), [figure(path="a.txt"), programme(path="a.txt"), claim(path="a.txt")]),
        (info("b.txt"), [figure(path="b.txt"), programme("Green Fund", path="b.txt")]),
    ])
    new_infos = [info("a.txt", "da.txt"), info("c.txt")]
    new_records = [claim(path="a.txt"), figure(path="c.txt"), programme(path="c.txt", aliases=("NF",))]
    expected = store.apply_merged(before, new_infos, new_records)
    fresh = Fresh()
    fresh.add_records(new_records)
    got = unpack(apply_file(pack(before), new_infos, fresh))
    assert got.model_dump() == expected.model_dump()
    fig = next(r for r in got.records if r.kind == "figure")
    assert [m.path for m in fig.mentions] == ["b.txt", "c.txt"]
    prog = next(r for r in got.records if r.kind == "programme" and r.name == "Newton Fund")
    assert prog.aliases == ["NF"] and [m.path for m in prog.mentions] == ["c.txt"]


def test_a_held_record_writes_the_line_its_stored_model_writes():
    """Between checkpoints a new figure or claim is held as its JSON less its mentions
    (``storefile.Held``); written, it must be the line its stored model dumps, byte for byte,
    with non-ASCII text, a null date and several mentions."""
    from sci_diplo.storefile import STORED, Held, _fields

    sentence = "Côte d’Ivoire joined “30” countries\u2002— 95%."
    refs = [(0, 3, 9, 0), (2, 140, 151, 7)]
    for rec in (figure(sentence=sentence), figure(date=None, countries=()), claim(text=sentence)):
        stored = STORED[rec.kind].model_construct(**_fields(rec), mentions=refs)
        held = Held(rec, refs)
        assert held.json() == stored.__pydantic_serializer__.to_json(stored)
        assert held.json().startswith(b'{"id":"%b","mentions":[[0,3,9,0],[2,140,151,7]],"kind":"%b"' % (
            rec.id.encode(), rec.kind.encode()))


def test_fresh_holds_figures_and_claims_as_lines_and_merges_their_repeats():
    from sci_diplo.models import StoredProgramme
    from sci_diplo.storefile import Fresh, Held

    fresh = Fresh()
    fresh.add_records([figure(path="a.txt"), claim(path="a.txt"), programme(path="a.txt")])
    fresh.add_records([figure(path="b.txt"), figure(path="a.txt"), programme(path="b.txt", aliases=("NF",))])
    held = fresh.merger.merged
    assert [type(r) for r in held.values()] == [Held, Held, StoredProgramme]
    fig = held[figure().id]
    assert [(doc, start) for doc, start, _, _ in fig.mentions] == [(("a.txt", "da.txt"), 0), (("b.txt", "db.txt"), 0)]
    assert held[programme().id].aliases == ["NF"] and len(held[programme().id].mentions) == 2


def test_merging_packed_parts_gives_the_file_merging_records_gives():
    """``--jobs`` workers send each document packed; merged, the store must be the one
    that merging the same documents' records gives, byte for byte (sentence numbers too)."""
    import pickle

    from sci_diplo.storefile import Fresh, Part, pack

    def before():  # a store holding a.txt, read again below, and k.txt, kept
        return pack(store.apply(Store(), [(info("a.txt"), [figure(path="a.txt"), programme(path="a.txt")]),
                                          (info("k.txt"), [programme(path="k.txt", aliases=("NFund",))])]))

    docs = [
        (info("a.txt", "da2"), [claim(path="a.txt"), figure(path="a.txt", sentence="Peru joined 30 countries.")]),
        (info("b.txt"), [figure(path="b.txt"), programme(path="b.txt", aliases=("NF",)), claim(path="b.txt"),
                         figure(path="b.txt", sentence="Chile joined 30 countries.")]),
        (info("c.txt"), [programme("Green Fund", path="c.txt"), figure(path="c.txt"), programme(path="c.txt")]),
    ]
    for doc, records in docs:  # the mentions name their document as the infos do
        for rec in records:
            rec.mentions = [m.model_copy(update={"doc_id": doc.doc_id}) for m in rec.mentions]
    # the Newton Fund again, in another sentence: numbered with the stored record it merges into
    docs[2][1][2].mentions[0].sentence = "The Newton Fund again."
    infos = [doc for doc, _ in docs]
    as_records, as_parts = Fresh(), Fresh()
    as_records.add_records(rec for _, records in docs for rec in records)  # repeats merge as they come
    expected = apply_file(before(), infos, as_records)
    for doc, records in docs:  # as a worker sends them
        part = pickle.loads(pickle.dumps(Part([doc], records)))
        packed = pack(Store(documents=[doc], records=records))
        assert (part.documents, part.sentences) == (packed.documents, packed.sentences)
        assert list(part.refs()) == [r.mentions for r in packed.records] and part.check() is None
        as_parts.add_part(part)
    orphan = Part([], [figure(path="z.txt"), claim(path="z.txt")])  # the table gains z.txt from its mentions
    assert [d.path for d in orphan.documents] == ["z.txt"] and orphan.check() is None
    got = apply_file(before(), infos, as_parts)
    assert got.model_dump_json() == expected.model_dump_json()
    newton = next(r for r in got.records if r.kind == "programme" and r.name == "Newton Fund")
    assert newton.aliases == ["NFund", "NF"] and [got.documents[d].path for d, *_ in newton.mentions] == [
        "k.txt", "b.txt", "c.txt"]  # the kept record absorbed the new mentions
    fig = next(r for r in got.records if r.kind == "figure" and r.id == figure().id)
    assert [got.documents[d].path for d, *_ in fig.mentions] == ["b.txt", "c.txt"]  # a.txt was read anew
    # numbered in the order the records cite them: the kept Newton Fund first, with its new mentions
    assert got.sentences == ["A sentence.", "The Newton Fund again.", "In March 2021, China and Russia signed a memorandum.",
                             "Peru joined 30 countries.", "China partnered with 30 countries.", "Chile joined 30 countries."]


@pytest.mark.parametrize(("spoil", "problem"), [
    (lambda refs: refs.__setitem__(0, (1, 0, 1, 0)), "records.0.mentions.0: reference out of range"),
    (lambda refs: refs.__setitem__(0, (0, 0, 1, 3)), "records.0.mentions.0: reference out of range"),
    (lambda refs: refs.__setitem__(0, (0, 5, 1, 0)), "records.0.mentions.0: reference out of range"),
    (lambda refs: refs.clear(), "a record without mentions"),
])
def test_a_worker_batch_with_a_bad_reference_is_refused(spoil, problem):
    """The parent keeps what a worker sends as it is: a mention that points outside the batch's
    tables (a bug in the worker) stops the run rather than being stored."""
    from sci_diplo.storefile import Part
    from sci_diplo.workers import _received

    part = Part([info("a.txt")], [figure(path="a.txt"), programme(path="a.txt")])
    assert part.check() is None and _received(part, Counter()).infos == [info("a.txt")]
    spoil(part.records[0].mentions)
    assert part.check() == problem
    with pytest.raises(RuntimeError, match="a worker sent a malformed result"):
        _received(part, Counter())


def test_stored_records_json_is_the_public_records_json(tmp_path):
    """``StoreData.as_json`` builds the text from pieces encoded once; it must be the bytes
    ``json.dumps`` gives for the public record, with metadata, reprints and non-ASCII text."""
    from sci_diplo.identity import merge

    sentence = "Côte d’Ivoire and Türkiye signed a “joint” plan\u2002— 95%."
    reprints = merge([figure(path=p, sentence=sentence) for p in ("a.txt", "b.txt", "c/ü.txt")])
    docs = [DocumentInfo(path="a.txt", doc_id="da.txt", published="2021-03-02", url="https://x.org/ç",
                         title='A "title"', outlet="Xinhua"), info("b.txt"), info("c/ü.txt")]
    original = Store(documents=docs, records=[*reprints, programme(path="b.txt", aliases=("NF",)), claim(path="a.txt")])
    path = tmp_path / "facts.json"
    store.save(path, original)
    data = storedata.read(path)
    got = [data.as_json(r) for r in data.records]
    expected = [json.dumps(data.public(r), ensure_ascii=False).encode() for r in data.records]
    assert got == expected
    assert json.loads(got[0])["mentions"][0]["url"] == "https://x.org/ç"
    assert len(json.loads(got[0])["mentions"]) == 3
    public = store.load(path).records
    assert [storedata.json_bytes(r.model_dump(mode="json")) for r in public] == expected  # the models agree


def fig(path: str, sentence: str, value: float = 30):
    return figure(value=value, path=path, sentence=sentence)


@pytest.mark.parametrize("new_paths", [("m.txt", "c.txt"), ("y.txt", "z.txt"), ("0.txt",)])
def test_merging_into_the_stored_lines_writes_the_bytes_packing_the_merged_records_writes(new_paths):
    """A checkpoint merges into the store's lines. Whether the new documents sort before, among or
    after the stored ones (their numbers then move or not), and with a document read anew whose
    sentences are no longer cited, the bytes are those of packing the merged public records."""
    from sci_diplo.storefile import Fresh, StoreLines, pack
    from sci_diplo.storemerge import apply_lines

    docs = {p: [fig(p, f"{p} names 30 labs."), fig(p, "Shared 30 countries."), programme(path=p)]
            for p in ("b.txt", "d.txt", "k.txt", "r.txt")}
    before = store.apply(Store(), [(info(p), recs) for p, recs in docs.items()])
    held = StoreLines.of_json(store.file_json(pack(before)))
    new_infos = [info("d.txt", "dd2"), *(info(p) for p in new_paths)]  # d.txt read anew, its first sentence gone
    new_records = [fig("d.txt", "Shared 30 countries."), programme(path="d.txt", aliases=("NF",))]
    new_records += [r for p in new_paths for r in (fig(p, f"{p} adds 7 labs.", 7), fig(p, "k.txt names 30 labs."))]
    for rec in new_records[:2]:
        rec.mentions = [m.model_copy(update={"doc_id": "dd2"}) for m in rec.mentions]
    fresh = Fresh()
    fresh.add_records(new_records)
    got = apply_lines(held, new_infos, fresh)
    expected = store.apply_merged(before, new_infos, new_records)
    assert got.json() == store.file_json(pack(expected))
    assert b'"d.txt names 30 labs."' not in got.json() and b'"d.txt names 30 labs."' in held.json()
    shared = next(r for r in expected.records if r.mentions[0].sentence == "Shared 30 countries.")
    assert [m.path for m in shared.mentions] == ["b.txt", "k.txt", "r.txt", "d.txt"]  # the kept record absorbed it
    moved = any(p < "b.txt" for p in new_paths)  # b.txt's number moves, and with it its first sentence's
    kept_line = held.records[0]  # b.txt's first figure: document 0, sentence 0
    assert b'"mentions":[[0,0,10,0]]' in kept_line
    assert any(line is kept_line for line in got.records) is not moved  # a line whose numbers stay is kept as read


def test_a_stored_line_of_another_layout_is_read_whole():
    """A record whose line does not start with its id and mentions (as an edited, validated store
    may have it) is read as a model, and merges the same."""
    from sci_diplo.storefile import Fresh, StoreLines, pack
    from sci_diplo.storemerge import apply_lines

    before = store.apply(Store(), [(info("a.txt"), [fig("a.txt", "A has 30 labs.")]), (info("b.txt"), [claim(path="b.txt")])])
    held = StoreLines.of_json(store.file_json(pack(before)))
    record = json.loads(held.records[0])
    held.records[0] = json.dumps({"kind": record.pop("kind"), **record}, separators=(",", ":")).encode()
    fresh = Fresh()
    fresh.add_records([fig("c.txt", "A has 30 labs.")])
    got = apply_lines(held, [info("c.txt")], fresh)
    expected = store.apply_merged(before, [info("c.txt")], [fig("c.txt", "A has 30 labs.")])
    assert got.json() == store.file_json(pack(expected))


def test_sentences_are_renumbered_in_the_order_the_remaining_mentions_cite_them():
    """A programme cited in "Beta." (b.txt) and "Alpha." (c.txt), after a figure of a.txt in
    "Alpha.": once a.txt is read anew without it, "Beta." is cited first and comes first."""
    from sci_diplo.storefile import Fresh, StoreLines, pack
    from sci_diplo.storemerge import apply_lines

    def prog(path, sentence):
        rec = programme(path=path)
        rec.mentions = [rec.mentions[0].model_copy(update={"sentence": sentence})]
        return rec

    before = store.apply(Store(), [(info("a.txt"), [fig("a.txt", "Alpha.")]), (info("b.txt"), [prog("b.txt", "Beta.")]),
                                   (info("c.txt"), [prog("c.txt", "Alpha.")])])
    packed = pack(before)
    assert packed.sentences == ["Alpha.", "Beta."]
    got = apply_lines(StoreLines.of_json(store.file_json(packed)), [info("a.txt", "da2")], Fresh())
    assert got.sentences == [b'"Beta."', b'"Alpha."']
    assert got.json() == store.file_json(pack(store.apply_merged(before, [info("a.txt", "da2")], [])))


@pytest.mark.parametrize("lines", [1, 2, 3, 4096])
def test_the_stored_lines_are_written_in_pieces_that_join_to_the_file(lines, tmp_path):
    """``save_chunks`` writes the JSON as it comes, a few thousand lines at a time, and sums it
    as it goes: the file and its sum are those of the JSON written in one piece."""
    from sci_diplo.storefile import StoreLines, pack

    before = store.apply(Store(), [(info(p), [fig(p, f"{p} names 30 labs."), programme(path=p)]) for p in "abcde"])
    held = StoreLines.of_json(store.file_json(pack(before)))
    assert len(held.records) == 6 and len(held.sentences) == 6
    assert b"".join(held.chunks(lines)) == store.file_json(pack(before))
    store.save_chunks(tmp_path / "facts.json", held.chunks(lines))
    assert (tmp_path / "facts.json").read_bytes() == store.file_json(pack(before))
    assert storedata.trusted(tmp_path / "facts.json", (tmp_path / "facts.json").read_bytes())
