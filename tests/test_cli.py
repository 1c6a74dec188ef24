import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sci_diplo.cli import app
from sci_diplo.sources import doc_id
from tests.factories import paragraph_corpus

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def facts_json(store, *args):
    result = run("facts", "--store", store, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "command,says",
    [("extract", "store their facts"), ("facts", "Query the stored facts"), ("annotate", "normalized values"),
     ("schema", "JSON Schema of the records"), ("eval", "against gold annotations")],
)
def test_every_command_has_help(command, says):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: scidip {command}") and says in result.stdout


def test_comoros_has_the_malaria_figure_with_period_and_evidence(seed_store, seed_copy):
    records = facts_json(seed_store, "--country", "Comoros")
    figures = [r for r in records if r["kind"] == "figure" and r["value"] == 95 and r["unit"] == "percent"]
    assert len(figures) == 1
    fig = figures[0]
    assert fig["date"]["value"] == "2008/2013"
    assert "COM" in fig["countries"] and "COM" in fig["inferred_countries"]
    m = fig["mentions"][0]
    text = Path(m["path"]).read_text(encoding="utf-8")
    assert "95%" in text[m["start"] : m["end"]]
    assert "Mohéli dropped by 95%" in m["sentence"]


def test_russia_has_the_march_2021_memorandum_claim(seed_store):
    records = facts_json(seed_store, "--country", "Russia", "--kind", "claim")
    claims = [r for r in records if r["date"]["value"] == "2021-03"]
    assert len(claims) == 1
    assert "memorandum of understanding" in claims[0]["text"]
    m = claims[0]["mentions"][0]
    assert Path(m["path"]).read_text(encoding="utf-8")[m["start"] : m["end"]].startswith("In March 2021")


@pytest.mark.parametrize("name", ["COM", "Comorian", "comoros", "the Comoros"])
def test_country_filter_accepts_name_code_and_demonym(seed_store, name):
    assert facts_json(seed_store, "--country", name) == facts_json(seed_store, "--country", "Comoros")


@pytest.mark.parametrize("name", ["the US", "The U.S.", "the United States"])
def test_country_filter_takes_the_before_a_short_form(seed_store, name):
    assert facts_json(seed_store, "--country", name) == facts_json(seed_store, "--country", "USA") != []


@pytest.mark.parametrize("kind", ["Claim", "claims", "CLAIMS"])
def test_kind_filter_takes_any_case_and_the_plural(seed_store, kind):
    assert facts_json(seed_store, "--kind", kind) == facts_json(seed_store, "--kind", "claim") != []


@pytest.mark.parametrize("args", [("--kind", "people"), ("--programme", ""), ("--search", "  "), ("--source", "")])
def test_unknown_kind_and_empty_text_filters_exit_2(seed_store, args):
    result = run("facts", "--store", seed_store, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: ")


@pytest.mark.parametrize("args", [("--country", "China"), ("--kind", "claim"), ("--country", "Russia", "--kind", "figure"),
                                  ("--country", "Russia", "--kind", "claim", "--programme", "China-Russia"),
                                  ("--country", "Comoros", "--source", "nowhere")])
def test_facts_reading_only_the_records_that_may_match_prints_what_reading_all_prints(seed_store, monkeypatch, args):
    from sci_diplo import query

    quick = facts_json(seed_store, *args)
    monkeypatch.setattr(query, "prefilter", lambda filters: None)
    assert quick == facts_json(seed_store, *args)
    assert len(quick) > 0 or "--source" in args


def test_unknown_country_exits_2_with_suggestions(seed_store):
    result = run("facts", "--store", seed_store, "--country", "Comoro Islandz")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown country 'Comoro Islandz'")
    assert "did you mean" in result.stderr


def test_no_match_is_empty_and_exit_0(seed_store):
    assert facts_json(seed_store, "--search", "no such words anywhere") == []


def test_interview_figures_are_one_record_with_a_mention_per_copy(seed_store):
    records = facts_json(seed_store, "--kind", "figure")
    protocols = [r for r in records if r["value"] == 30 and r["unit"] == "protocols"]
    assert len(protocols) == 1
    assert len({m["doc_id"] for m in protocols[0]["mentions"]}) == 3


def test_rerun_on_unchanged_files_changes_nothing(seed_store, seed_copy):
    before = seed_store.read_bytes()
    result = run("extract", seed_copy, "--store", seed_store)
    assert result.exit_code == 0
    assert "Read 0 documents (5 unchanged, 0 failed)" in result.stderr
    assert seed_store.read_bytes() == before


def test_since_until_and_kind_filters(seed_store):
    claims = facts_json(seed_store, "--kind", "claim", "--since", "2021-01", "--until", "2021-12")
    assert claims and all(c["date"]["value"].startswith("2021") for c in claims)
    assert all(r["kind"] == "programme" for r in facts_json(seed_store, "--kind", "programme"))


def test_programme_filter_finds_programme_and_its_claims(seed_store):
    records = facts_json(seed_store, "--programme", "Clean Energy Research")
    assert any(r["kind"] == "programme" and "CERC" in r["aliases"] for r in records)


def test_jsonl_and_csv_formats(seed_store):
    result = run("facts", "--store", seed_store, "--country", "Comoros", "--format", "jsonl")
    lines = result.stdout.splitlines()
    assert lines and all(json.loads(line)["id"] for line in lines)
    result = run("facts", "--store", seed_store, "--country", "Comoros", "--format", "csv")
    header = result.stdout.splitlines()[0].split(",")
    assert header[:4] == ["id", "kind", "text", "value"]


def test_missing_store_is_a_clear_error(tmp_path):
    result = run("facts", "--store", tmp_path / "none.json")
    assert result.exit_code == 1
    assert "no store at" in result.stderr


def test_a_store_that_cannot_be_written_is_a_clear_error_and_the_old_store_stays(tmp_path, monkeypatch):
    import errno

    from sci_diplo import store as store_mod

    (tmp_path / "a.txt").write_text("In 2019, Kenya opened 2 observatories.", encoding="utf-8")
    store = tmp_path / "facts.json"
    assert run("extract", tmp_path, "--store", store).exit_code == 0
    before = store.read_bytes()
    (tmp_path / "b.txt").write_text("In 2020, Chile built 3 telescopes.", encoding="utf-8")
    write = store_mod._write_atomically

    def full_disk(path, data, durable=True):
        if path == store:
            raise OSError(errno.ENOSPC, "No space left on device")
        write(path, data, durable)

    monkeypatch.setattr(store_mod, "_write_atomically", full_disk)
    result = run("extract", tmp_path, "--store", store)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot write store {store}: no space left on device; what this run read")
    assert store.read_bytes() == before
    monkeypatch.setattr(store_mod, "_write_atomically", write)
    assert "Read 1 document (1 unchanged" in run("extract", tmp_path, "--store", store).stderr  # b.txt, read again


def test_a_read_only_store_folder_is_an_error_before_any_reading(tmp_path, monkeypatch):
    import os

    from sci_diplo import storedata

    (tmp_path / "a.txt").write_text("In 2019, Kenya opened 2 observatories.", encoding="utf-8")
    store = tmp_path / "sub" / "deeper" / "facts.json"
    access = os.access
    monkeypatch.setattr(storedata.os, "access", lambda p, mode: access(p, mode) and p != tmp_path)
    for extra in ((), ("--rebuild",)):
        result = run("extract", tmp_path, "--store", store, *extra)
        assert result.exit_code == 1
        assert result.stderr == f"Error: cannot write store {store}: {tmp_path} is not writable\n"  # no summary
        assert not (tmp_path / "sub").exists()  # nothing made on the way
    monkeypatch.setattr(storedata.os, "access", access)
    store = tmp_path / "facts.json"  # a lock file that exists (a store made before) and cannot be written
    assert run("extract", tmp_path / "a.txt", "--store", store).exit_code == 0
    lock = tmp_path / "facts.json.lock"
    monkeypatch.setattr(storedata.os, "access", lambda p, mode: access(p, mode) and p != lock)
    assert run("extract", tmp_path, "--store", store).stderr == f"Error: cannot write store {store}: {lock} is not writable\n"


def test_schema_prints_json_schema():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert {"FigureRecord", "ProgrammeRecord", "ClaimRecord"} <= set(schema["$defs"])


def test_annotate_spans_match_the_text(seed_copy):
    path = sorted(seed_copy.glob("002_*.txt"))[0]
    result = run("annotate", path, "--format", "jsonl")
    assert result.exit_code == 0
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    text = path.read_text(encoding="utf-8")
    assert doc["published"] == "2021-12-23"
    labels = {s["label"] for s in doc["spans"]}
    assert labels == {"DATE", "FIGURE", "PROGRAMME", "COUNTRY"}
    for span in doc["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
    assert {"value": "2021-03", "relation": "on"}.items() <= next(
        s for s in doc["spans"] if s["label"] == "DATE" and s["text"].endswith("March 2021")).items()


def test_annotate_warns_of_a_text_that_is_not_utf8_as_extract_does(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("In 2017, Perú signed.".encode("cp1252"))
    result = run("annotate", path, "--format", "jsonl")
    assert result.exit_code == 0
    assert f"Warning: {path}: not UTF-8, decoded as windows-1252" in result.stderr
    assert json.loads(result.stdout)["spans"][0]["text"] == "2017"


def test_extract_from_stdin(tmp_path):
    store = tmp_path / "facts.json"
    text = "BEIJING, March 3, 2022. In January 2022, China and Kenya opened 12 joint laboratories."
    result = run("extract", "-", "--store", store, input=text)
    assert result.exit_code == 0, result.output
    records = facts_json(store, "--country", "Kenya")
    assert any(r["kind"] == "figure" and r["value"] == 12 and r["unit"] == "laboratories" for r in records)
    assert {m["path"] for r in records for m in r["mentions"]} == {f"stdin:{doc_id(text)}"}


def test_texts_piped_in_one_after_another_are_all_kept(tmp_path):
    store = tmp_path / "facts.json"
    first = "Norway and Chile signed a deal on 14 labs in May 2022."
    second = "Peru and Japan signed a deal on 9 observatories in June 2021."
    for text in (first, second, first):
        assert run("extract", "-", "--store", store, input=text).exit_code == 0
    units = {r["unit"] for r in facts_json(store, "--kind", "figure")}
    assert units == {"labs", "observatories"}
    result = run("extract", "-", "--store", store, input=second)
    assert "1 unchanged" in result.output, result.output


def test_bad_inputs_are_named_and_the_rest_stored(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("In May 2020, Chile and Peru signed an agreement on 3 observatories.", encoding="utf-8")
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    store = tmp_path / "facts.json"
    result = run("extract", tmp_path / "missing.txt", tmp_path / "pic.txt", good, "--store", store)
    assert result.exit_code == 3
    assert f"Error: {tmp_path / 'missing.txt'}: no such file or directory" in result.stderr
    assert f"Error: {tmp_path / 'pic.txt'}: binary file, not text" in result.stderr
    assert facts_json(store, "--country", "Chile")


def test_damaged_store_is_never_overwritten_and_rebuild_keeps_it(tmp_path):
    good = tmp_path / "in" / "a.txt"
    good.parent.mkdir()
    good.write_text("In 2019, Brazil and China launched 4 satellites.", encoding="utf-8")
    store = tmp_path / "facts.json"
    store.write_text('{"format": "sci_diplo.facts", "version": 1, "records": [{"kind": "nonsense"}]}')
    result = run("extract", good.parent, "--store", store)
    assert result.exit_code == 1
    assert f"store {store} is invalid" in result.stderr
    assert "nonsense" in store.read_text()
    result = run("facts", "--store", store)  # facts names the command that rebuilds it
    assert result.exit_code == 1 and "run `scidip extract --rebuild` to start anew" in result.stderr
    result = run("extract", good.parent, "--store", store, "--rebuild")
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("facts.json.damaged-*"))) == 1
    assert facts_json(store, "--country", "Brazil")


def test_eval_reports_every_category_as_json():
    result = run("eval", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for cat in ("figures", "dates", "programmes", "claims", "countries"):
        assert 0 <= report[cat]["f1"] <= 1


def scidip(*args, input=None):
    return subprocess.run([sys.executable, "-m", "sci_diplo", *map(str, args)], input=input,
                          capture_output=True, text=True, timeout=300)


def test_real_pipe_gives_json_to_the_next_tool(seed_store):
    proc = scidip("facts", "--store", seed_store, "--country", "Comoros")
    assert proc.returncode == 0, proc.stderr
    records = json.loads(proc.stdout)  # piped: JSON by default, not a table
    assert any(r["kind"] == "figure" and r["value"] == 95 for r in records)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_a_reader_that_stops_early_is_success_not_failure(seed_store, fmt):
    """`scidip facts | head`: the reader closes the pipe before the output ends. That is
    success (0) with nothing on stderr, not Click's or Rich's status 1."""
    proc = subprocess.Popen([sys.executable, "-m", "sci_diplo", "facts", "--store", str(seed_store), "--format", fmt],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # before the first write: every write meets a closed pipe
    stderr = proc.stderr.read()
    assert proc.wait(timeout=300) == 0
    assert stderr == b""


def test_schema_and_annotate_into_a_closed_pipe(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("In March 2021, China and Russia signed a memorandum of understanding.\n")
    for args in (["schema"], ["annotate", str(doc)]):
        proc = subprocess.Popen([sys.executable, "-m", "sci_diplo", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.close()
        stderr = proc.stderr.read()
        assert (proc.wait(timeout=300), stderr) == (0, b""), args


def test_real_pipe_into_extract_and_annotate(tmp_path):
    text = "date 2023-05-04\nLast month, Egypt and China signed a memorandum of understanding."
    proc = scidip("annotate", "-", input=text)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    dates = [s for s in doc["spans"] if s["label"] == "DATE" and s["text"] == "Last month"]
    assert dates[0]["value"] == "2023-04"
    proc = scidip("extract", "-", "--store", tmp_path / "s.json", input=text)
    assert proc.returncode == 0, proc.stderr
    assert "Read 1 document (" in proc.stderr


def test_sidecar_metadata_travels_into_mentions_and_anchors_dates(tmp_path):
    (tmp_path / "story.txt").write_text("Last month, Chile and China opened 2 observatories.", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(json.dumps(
        {"published": "2022-05-09", "url": "https://example.org/s", "title": "Observatories", "outlet": "Wire"}))
    store = tmp_path / "facts.json"
    assert run("extract", tmp_path, "--store", store).exit_code == 0
    (claim,) = facts_json(store, "--kind", "claim")
    assert claim["date"]["value"] == "2022-04"
    m = claim["mentions"][0]
    assert (m["published"], m["url"], m["title"], m["outlet"]) == ("2022-05-09", "https://example.org/s", "Observatories", "Wire")
    doc = json.loads(store.read_text())["documents"][0]
    assert doc["published_source"] == "sidecar" and doc["path"].endswith("story.txt")


def test_published_option_is_the_fallback_and_unresolved_dates_stay_null(tmp_path):
    (tmp_path / "a.txt").write_text("Last year, Peru joined 3 projects.", encoding="utf-8")
    store = tmp_path / "facts.json"
    assert run("extract", tmp_path, "--store", store).exit_code == 0
    (claim,) = facts_json(store, "--kind", "claim")
    assert claim["date"] == {"value": None, "relation": "on", "text": "Last year"}
    assert run("extract", tmp_path, "--store", store, "--published", "2020-06-01", "--rebuild").exit_code == 0
    (claim,) = facts_json(store, "--kind", "claim")
    assert claim["date"]["value"] == "2019"
    assert run("extract", tmp_path, "--store", store, "--published", "June-ish").exit_code == 2


@pytest.mark.parametrize("start_method", ["fork", "spawn"])  # macOS and Windows spawn the workers
def test_jobs_2_gives_the_same_store_as_jobs_1(tmp_path, seed_copy, monkeypatch, start_method):
    from sci_diplo import workers

    monkeypatch.setattr(workers, "START_METHOD", start_method)
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert run("extract", seed_copy, "--store", one, "--jobs", "1").exit_code == 0
    result = run("extract", seed_copy, "--store", two, "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert "with 2 worker processes" in result.stderr
    assert one.read_bytes() == two.read_bytes()


def test_jobs_2_in_batches_gives_the_same_store_and_summary_as_jobs_1(tmp_path):
    """40 documents: workers read them in batches of 5 and merge the reprints among them."""
    from sci_diplo.workers import batch_size

    corpus = paragraph_corpus(tmp_path / "corpus", 39)
    (corpus / "empty.txt").write_text("")
    assert batch_size(40, 2) == 5
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    first, second = (run("extract", corpus, "--store", store, "--jobs", jobs) for store, jobs in ((one, "1"), (two, "2")))
    assert first.exit_code == second.exit_code == 3
    assert one.read_bytes() == two.read_bytes()
    def said(result, store):  # the error, then the summary with its counts
        return re.sub(r" in [\d.]+ s( with 2 worker processes)?:", " in T s:", result.stderr).replace(str(store), "STORE").splitlines()

    assert said(first, one) == said(second, two)
    assert "worker" not in first.stderr and " s with 2 worker processes: " in second.stderr
    assert "Read 39 documents (0 unchanged, 1 failed)" in first.stderr


def test_jobs_left_unset_are_one_per_core_up_to_eight_and_one_per_full_batch(monkeypatch):
    from sci_diplo import workers

    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    assert [workers.auto_jobs(n, None) for n in (0, 5, 63, 64, 2000)] == [1, 1, 1, 2, 2]
    monkeypatch.setattr(workers, "usable_cores", lambda: 16)
    assert [workers.auto_jobs(n, None) for n in (100, 255, 256, 100_000)] == [3, 7, 8, 8]
    assert workers.auto_jobs(100_000, "en_core_web_sm") == 1  # each worker would load the model


def test_extract_help_states_the_worker_limits_that_run_applies():
    from sci_diplo import workers  # the CLI leaves it unimported, to start fast

    text = " ".join(run("extract", "--help").stdout.split())
    assert (f"at most {workers.MAX_AUTO_JOBS} and at most one per {workers.MAX_BATCH} documents "
            f"(so 1 below {2 * workers.MAX_BATCH} documents)") in text


def test_extract_without_jobs_uses_workers_on_a_large_corpus_only(tmp_path, seed_copy, monkeypatch):
    from sci_diplo import workers

    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    corpus = paragraph_corpus(tmp_path / "corpus", 64)
    auto, one = tmp_path / "auto.json", tmp_path / "one.json"
    result = run("extract", corpus, "--store", auto)
    assert result.exit_code == 0, result.output
    assert re.search(r"Read 64 documents \(0 unchanged, 0 failed\) in [\d.]+ s with 2 worker processes:", result.stderr)
    assert run("extract", corpus, "--store", one, "--jobs", "1").exit_code == 0
    assert auto.read_bytes() == one.read_bytes()
    again = run("extract", corpus, "--store", auto)  # nothing to read: no workers started, none named
    assert "Read 0 documents (64 unchanged, 0 failed) in " in again.stderr and "worker" not in again.stderr
    small = run("extract", seed_copy, "--store", tmp_path / "small.json")
    assert "Read 5 documents" in small.stderr and "worker" not in small.stderr


def test_batches_cover_every_item_in_order():
    from sci_diplo.workers import batch_size, batched

    assert [list(b) for b in batched(iter(range(7)), 3)] == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched(iter([]), 3)) == []
    assert [batch_size(n, 2) for n in (0, 5, 8, 16, 40, 64, 256, 2000)] == [1, 1, 1, 2, 5, 8, 32, 32]


def test_real_pipe_schema_eval_and_help():
    proc = scidip("schema")
    assert proc.returncode == 0 and "FigureRecord" in json.loads(proc.stdout)["$defs"]
    proc = scidip("eval", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["published"]["hits"] == 5
    proc = scidip("--help")
    assert proc.returncode == 0 and "extract" in proc.stdout and "facts" in proc.stdout
    proc = scidip("facts", "--country", "Narnia")
    assert proc.returncode == 2 and proc.stderr.startswith("Error: unknown country 'Narnia'")


def test_a_changed_sidecar_or_published_option_reads_the_document_again(tmp_path):
    doc = tmp_path / "v.txt"
    doc.write_text("Last week, Kenya and Japan opened 3 joint laboratories.\n")
    side = tmp_path / "v.meta.json"
    side.write_text(json.dumps({"published": "2025-06-13", "outlet": "A"}))
    store = tmp_path / "s.json"

    def extract(*args):
        result = run("extract", doc, "--store", store, *args)
        assert result.exit_code == 0, result.output
        return re.search(r"Read (\d+) documents? \((\d+) unchanged", result.stderr).groups()

    def dated():
        (fig,) = [r for r in facts_json(store, "--kind", "figure")]
        return fig["date"]["value"], fig["mentions"][0]["outlet"]

    assert extract() == ("1", "0") and dated() == ("2025-06-02/2025-06-08", "A")
    assert extract() == ("0", "1")  # nothing changed
    side.write_text(json.dumps({"published": "2025-06-20", "outlet": "A"}))
    assert extract() == ("1", "0") and dated() == ("2025-06-09/2025-06-15", "A")
    side.write_text(json.dumps({"published": "2025-06-20", "outlet": "B"}))
    assert extract() == ("1", "0") and dated() == ("2025-06-09/2025-06-15", "B")
    side.write_text(json.dumps({"published": "someday", "outlet": "B"}))  # a date that does not parse
    assert extract() == ("1", "0") and extract() == ("0", "1")  # read once, then unchanged
    side.unlink()
    assert extract("--published", "2025-06-27") == ("1", "0") and dated() == ("2025-06-16/2025-06-22", None)
    assert extract("--published", "2025-06-27") == ("0", "1")
    assert extract("--published", "2025-07-04") == ("1", "0") and dated()[0] == "2025-06-23/2025-06-29"
    doc.write_text("WINDHOEK, 1 May 2025 — Last week, Kenya and Japan opened 3 joint laboratories.\n")
    assert extract("--published", "2025-07-04") == ("1", "0")
    assert extract("--published", "2025-08-01") == ("0", "1")  # the text's own date wins: unchanged
