"""Crashes and interruptions never lose the store (real processes, real signals)."""

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sci_diplo import store as store_mod
from sci_diplo.resources import seeds_dir
from tests.factories import paragraph_corpus

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]


def make_corpus(folder: Path, count: int, tag: str = "") -> Path:
    """``count`` distinct documents (a seed with a numbered line, so each has its own hash)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = SEED_TEXTS[i % len(SEED_TEXTS)]
        (folder / f"{tag}doc{i:04d}.txt").write_text(f"{text}\n\nCopy {tag}{i}.\n", encoding="utf-8")
    return folder


def start_extract(corpus: Path, store: Path, *extra: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "sci_diplo", "extract", str(corpus), "--store", str(store),
            "--checkpoint-every", "0.2", *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(path: Path, proc: subprocess.Popen, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not path.exists():
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "the store never appeared"
        time.sleep(0.05)


def test_kill_9_at_random_moments_leaves_a_whole_valid_store(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 60)
    store = tmp_path / "facts.json"
    rng = random.Random(20211217)
    sizes = []
    for _ in range(6):
        proc = start_extract(corpus, store)
        if store.exists():
            time.sleep(rng.uniform(0.3, 2.5))
        else:
            wait_for(store, proc)
            time.sleep(rng.uniform(0.0, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        loaded = store_mod.load(store)  # raises if the store is torn or invalid
        sizes.append(len(loaded.documents))
    assert sizes == sorted(sizes) and sizes[-1] > 0  # every kill kept what earlier runs stored
    proc = start_extract(corpus, store)  # a clean run finishes the job
    assert proc.wait(timeout=300) == 0
    assert len(store_mod.load(store).documents) == 60


def test_ctrl_c_keeps_the_documents_finished_before_it(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 200)
    store = tmp_path / "facts.json"
    proc = start_extract(corpus, store)
    wait_for(store, proc)
    done_before = len(store_mod.load(store).documents)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Interrupted" in stderr
    kept = store_mod.load(store)
    assert done_before <= len(kept.documents) < 200
    assert {d.path for d in kept.documents} <= {str(p) for p in corpus.iterdir()}


def test_two_runs_on_one_store_keep_each_others_documents(tmp_path):
    a = make_corpus(tmp_path / "a", 12, "a")
    b = make_corpus(tmp_path / "b", 12, "b")
    store = tmp_path / "facts.json"
    procs = [start_extract(a, store), start_extract(b, store)]
    for proc in procs:
        _, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr
    paths = {Path(d.path).parent.name for d in store_mod.load(store).documents}
    assert len(store_mod.load(store).documents) == 24 and paths == {"a", "b"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_checkpoints_that_merge_into_the_store_kept_in_memory_write_what_reading_it_back_writes(
        tmp_path, monkeypatch, jobs):
    """A checkpoint after every batch, into the store the last one wrote (held in memory), gives
    the bytes of the same run that reads the store back from disk at every checkpoint."""
    from sci_diplo import run

    corpus = paragraph_corpus(tmp_path / "corpus", 24)
    monkeypatch.setattr(run, "SAVE_SHARE", 0)  # a checkpoint after every batch, however long they take
    loads = []
    load_lines = store_mod.load_lines
    monkeypatch.setattr(store_mod, "load_lines", lambda path: loads.append(path) or load_lines(path))
    held, read_back = tmp_path / "held.json", tmp_path / "read_back.json"
    summary = run.extract([str(corpus)], run.Settings(store=held, jobs=jobs, checkpoint_seconds=0))
    assert summary.read == 24 and loads == [held]  # read once, before the first merge
    monkeypatch.setattr(run, "file_stamp", lambda path: object())  # the file never looks unchanged
    run.extract([str(corpus)], run.Settings(store=read_back, jobs=jobs, checkpoint_seconds=0))
    assert len(loads) > 4  # read back at every checkpoint
    assert held.read_bytes() == read_back.read_bytes()


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_store_is_the_same_bytes_wherever_the_checkpoints_fall(tmp_path, monkeypatch, jobs):
    """A checkpoint after every batch or one at the end: the same store, byte for byte (sentences
    are numbered as the records cite them, not in the order checkpoints met them)."""
    from sci_diplo import run

    corpus = paragraph_corpus(tmp_path / "corpus", 24)
    # A programme named again in a later document, in a sentence of its own: the stored programme
    # then cites that sentence before the first document's claim (2016) cites its own.
    (corpus / "x1.txt").write_text("The Newton Fund was launched in 2014. It has 30 partner countries. "
                                   "In 2016, Peru and the United Kingdom signed a memorandum.\n")
    (corpus / "x2.txt").write_text("In 2019, Peru signed an agreement to join the Newton Fund.\n")
    once, often = tmp_path / "once.json", tmp_path / "often.json"
    run.extract([str(corpus)], run.Settings(store=once, jobs=1, checkpoint_seconds=1000))
    monkeypatch.setattr(run, "SAVE_SHARE", 0)
    summary = run.extract([str(corpus)], run.Settings(store=often, jobs=jobs, checkpoint_seconds=0))
    assert summary.read == 26
    assert b"Peru signed" in once.read_bytes()
    assert often.read_bytes() == once.read_bytes()


def test_a_save_by_another_run_between_checkpoints_is_merged_into_not_overwritten(tmp_path, monkeypatch):
    from sci_diplo import run

    corpus = paragraph_corpus(tmp_path / "corpus", 3)
    other = paragraph_corpus(tmp_path / "other", 1)
    store = tmp_path / "facts.json"
    monkeypatch.setattr(run, "SAVE_SHARE", 0)
    done = []

    def on_event(event):
        if event[0] == "done":
            done.append(event[1])
            if len(done) == 2:  # the first document is saved: another run saves its own now
                run.extract([str(other)], run.Settings(store=store, checkpoint_seconds=0))

    run.extract([str(corpus)], run.Settings(store=store, checkpoint_seconds=0), on_event)
    paths = sorted(Path(d.path).parent.name for d in store_mod.load(store).documents)
    assert paths == ["corpus", "corpus", "corpus", "other"]


def test_checkpoints_stretch_to_ten_times_the_last_ones_duration():
    from sci_diplo.run import Saved, Settings

    settings, saved = Settings(store=Path("unused.json"), checkpoint_seconds=30), Saved()
    assert not saved.due(settings, 29.9) and saved.due(settings, 30)
    saved.seconds = 5.0  # a large store took 5 s to save: the next checkpoint after 50 s
    assert not saved.due(settings, 49.9) and saved.due(settings, 50)


def test_a_checkpoint_is_due_when_the_records_held_could_double_the_store():
    from sci_diplo.run import PENDING_RECORDS, Saved, Settings

    settings, saved = Settings(store=Path("unused.json"), checkpoint_seconds=30), Saved()
    assert not saved.due(settings, 1, PENDING_RECORDS - 1, 10) and saved.due(settings, 1, PENDING_RECORDS, 10)
    stored = 3 * PENDING_RECORDS  # a large store: due once as many are held
    assert not saved.due(settings, 1, stored - 1, stored) and saved.due(settings, 1, stored, stored)


def test_records_held_past_the_bound_are_checkpointed_before_the_time_is_up(tmp_path, monkeypatch):
    """However fast documents are read, the records held between checkpoints stay bounded: a
    checkpoint comes when they reach ``PENDING_RECORDS`` or the store's size, and the store is the
    one a single checkpoint at the end writes."""
    from sci_diplo import run

    corpus = paragraph_corpus(tmp_path / "corpus", 24)
    once, bounded = tmp_path / "once.json", tmp_path / "bounded.json"
    run.extract([str(corpus)], run.Settings(store=once, checkpoint_seconds=1000))
    monkeypatch.setattr(run, "PENDING_RECORDS", 20)
    held = []  # (records held, records stored) at each checkpoint
    checkpoint = run.checkpoint
    monkeypatch.setattr(run, "checkpoint", lambda settings, pending, summary, saved: held.append(
        (pending.records(), summary.total_records)) or checkpoint(settings, pending, summary, saved))
    summary = run.extract([str(corpus)], run.Settings(store=bounded, checkpoint_seconds=1000))
    assert summary.read == 24 and len(held) >= 3
    for records, stored in held[:-1]:  # each one as soon as the bound was reached (a document adds several)
        assert max(20, stored) <= records < max(20, stored) + 40
    assert [stored for _, stored in held] == sorted(stored for _, stored in held) and held[1][1] > 20
    assert bounded.read_bytes() == once.read_bytes()


def test_ctrl_c_while_a_document_is_merged_in_stores_all_of_its_facts_or_none(tmp_path, monkeypatch):
    """A Ctrl-C that lands while a document's records are merged into those held waits for the
    merge: cut short, the document would be stored as read with only some of its facts, and the
    next run would skip it as unchanged. Resumed, the run gives the store of one uninterrupted run."""
    from sci_diplo import run
    from sci_diplo.storefile import Fresh

    corpus = make_corpus(tmp_path / "corpus", 6)
    whole, resumed = tmp_path / "whole.json", tmp_path / "resumed.json"
    run.extract([str(corpus)], run.Settings(store=whole, jobs=1))
    add_records, calls = Fresh.add_records, []

    def interrupted_midway(self, records):
        records = list(records)
        calls.append(len(records))
        add_records(self, records[:1])
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGINT)  # handled by the next bytecode, in the middle of the merge
        add_records(self, records[1:])

    monkeypatch.setattr(Fresh, "add_records", interrupted_midway)
    summary = run.extract([str(corpus)], run.Settings(store=resumed, jobs=1, checkpoint_seconds=1000))
    assert summary.interrupted and summary.read == 3 and calls[2] > 1
    assert len(store_mod.load(resumed).documents) == 3
    monkeypatch.setattr(Fresh, "add_records", add_records)
    again = run.extract([str(corpus)], run.Settings(store=resumed, jobs=1))
    assert (again.skipped, again.read) == (3, 3)
    assert resumed.read_bytes() == whole.read_bytes()


def at_save(monkeypatch, at: int, action) -> list:
    """Make the ``at``-th store save call ``action(path)`` first (no checkpoint waits for the one
    before); return the list of the saves' paths."""
    from sci_diplo import run

    monkeypatch.setattr(run, "SAVE_SHARE", 0)
    save_chunks, saves = store_mod.save_chunks, []

    def save(path, chunks):
        saves.append(path)
        if len(saves) == at:
            action(path)
        save_chunks(path, chunks)

    monkeypatch.setattr(store_mod, "save_chunks", save)
    return saves


@pytest.mark.parametrize("at", [1, 2])
def test_ctrl_c_during_a_checkpoint_stores_it_and_stops(tmp_path, monkeypatch, at):
    """Ctrl-C while a checkpoint writes (the second one, or the last one) waits for it: the
    documents it merges are stored once, the run stops there and says it was interrupted."""
    import signal

    from sci_diplo import run

    corpus = paragraph_corpus(tmp_path / "corpus", 6)
    store = tmp_path / "facts.json"
    saves = at_save(monkeypatch, at, lambda path: signal.raise_signal(signal.SIGINT))
    checkpoint_every = 0 if at == 2 else 1000  # with 1000, the one checkpoint is the last
    summary = run.extract([str(corpus)], run.Settings(store=store, checkpoint_seconds=checkpoint_every))
    assert summary.interrupted and len(saves) == at
    assert len(store_mod.load(store).documents) == summary.read == (2 if at == 2 else 6)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_store_that_cannot_be_written_at_a_checkpoint_is_reported_and_keeps_what_was_saved(tmp_path, monkeypatch):
    from sci_diplo import run
    from sci_diplo.errors import StoreError

    corpus = paragraph_corpus(tmp_path / "corpus", 6)
    store = tmp_path / "facts.json"

    def full_disk(path):
        raise StoreError(f"cannot write store {path}: No space left on device")

    saves = at_save(monkeypatch, 2, full_disk)
    with pytest.raises(StoreError, match="No space left"):  # not an error of merging the same documents again
        run.extract([str(corpus)], run.Settings(store=store, checkpoint_seconds=0))
    assert len(saves) == 2 and len(store_mod.load(store).documents) == 1


WORKER_DIES = """
import os, sys
from pathlib import Path
from sci_diplo import run, workers
from sci_diplo.errors import WorkerError

work = workers._work
def dies_on_doc005(args):  # a worker killed while it reads doc005.txt (the workers are forked: they inherit this)
    if any(Path(p).name == "doc005.txt" for p in args[0]):
        os._exit(9)
    return work(args)

workers._work = dies_on_doc005
run.SAVE_SHARE = 0
try:
    run.extract([sys.argv[1]], run.Settings(store=Path(sys.argv[2]), jobs=2, checkpoint_seconds=0))
except WorkerError as exc:
    print(exc)
"""


WORKER_STALLS = """
import os, struct, sys, time
from multiprocessing import connection
from pathlib import Path
from sci_diplo import run

PARENT, send = os.getpid(), connection.Connection._send_bytes

def stalls(self, buf):  # a worker sends half of a batch's result, then stalls (the workers are forked: they inherit this)
    if os.getpid() != PARENT and len(buf) > 10_000:
        self._send(struct.pack("!i", len(buf)))
        self._send(buf[: len(buf) // 2])
        print("stalled", flush=True)
        time.sleep(600)
    return send(self, buf)

connection.Connection._send_bytes = stalls
summary = run.extract([sys.argv[1]], run.Settings(store=Path(sys.argv[2]), jobs=2, checkpoint_seconds=0))
print("interrupted" if summary.interrupted else "finished", flush=True)
"""


def test_ctrl_c_while_a_worker_is_sending_its_batch_ends_the_run(tmp_path):
    """The workers are ended at once; one cut off in the middle of sending its batch left the
    pool's thread waiting for the rest of the message, and the run hung at its end."""
    from sci_diplo import workers

    if workers.START_METHOD != "fork":
        pytest.skip("the workers must inherit the patched sender")
    corpus = make_corpus(tmp_path / "corpus", 12)
    proc = subprocess.Popen([sys.executable, "-c", WORKER_STALLS, str(corpus), str(tmp_path / "facts.json")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert proc.stdout.readline() == "stalled\n", proc.stderr.read()
        time.sleep(0.2)  # the pool's thread reads the half it was sent, and waits for the rest
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, if it hung
    assert proc.returncode == 0 and out.splitlines()[-1] == "interrupted", err


def test_a_worker_that_dies_ends_the_run_with_an_error_and_keeps_what_was_stored(tmp_path):
    from sci_diplo import workers

    if workers.START_METHOD != "fork":
        pytest.skip("the workers must inherit the patched reader")
    corpus = paragraph_corpus(tmp_path / "corpus", 12)
    store = tmp_path / "facts.json"
    out = subprocess.run([sys.executable, "-c", WORKER_DIES, str(corpus), str(store)],
                         capture_output=True, text=True, timeout=120)  # (multiprocessing.Pool waited forever)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("a worker process stopped before it returned its documents") and "doc005.txt" in out.stdout
    stored = {Path(d.path).name for d in store_mod.load(store).documents}
    assert "doc005.txt" not in stored and stored <= {f"doc{i:03d}.txt" for i in range(12)}
