"""Speed benchmark: the pipeline against spaCy's tokenizer, measured in one run.

    python bench/speed.py [--docs 2000] [--words-per-doc 750] [--repeat 3] [--pairs 5] [--profile] [--quick]

Builds a corpus of documents from the paragraphs of the texts the project holds (the
seeds and the held-out gold texts, shuffled between documents with a fixed random seed),
then prints, with the machine's cores:

- words/s of spacy.blank("en") + sentencizer (the ceiling) and of the default
  pipeline from text to records, and their ratio;
- words/s of spaCy's English tokenizer alone (the ceiling's) and of the pipeline's;
- the same with the finders' and the publication date's results given (what the
  tokenizer, sentence boundaries, spans, claims and records cost alone: the bound of
  any speed-up of the finders), against the ceiling measured in the same turn;
- words/s of `scidip extract` as a whole process (store writing included);
- the speed-up of --jobs 2 over --jobs 1;
- peak RSS of extract at 1x and 4x the corpus, and their ratio;
- a second extract over the unchanged corpus, as a fraction of the first;
- wall time of `scidip facts --country China --format json` and `scidip --help`.

Every figure is a ratio against a baseline measured in the same run; results
also go to bench/out/speed.json. Timings on a shared virtual machine move by
10-20% from one moment to the next, so each ratio is measured ``--repeat``
times (the --jobs speed-up ``--pairs`` times), baseline and contender in turn,
the baseline first every other time, and the median is reported with the
range. The package is byte-compiled first, as pip does when it installs it
(a development checkout run with PYTHONDONTWRITEBYTECODE set would otherwise
compile every module at every start of ``scidip``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCIDIP = [sys.executable, "-m", "sci_diplo"]


# The texts the project holds: the seeds and the held-out gold texts (original texts written for
# the project in other styles: wire stories, a blog, a transcript, a report with a table).
TEXTS = ("seeds/*.txt", "data/gold/heldout*/docs/*.txt")


def paragraphs() -> list[str]:
    """Return the paragraphs of at least eight words of the texts the project holds (``TEXTS``)."""
    out = []
    for pattern in TEXTS:
        for path in sorted(ROOT.glob(pattern)):
            out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= 8]
    return out


def shuffled_document(rng: random.Random, paras: list[str], words: int) -> tuple[str, int]:
    """Return a document of paragraphs drawn from ``paras`` until it holds ``words`` words or
    more, and its word count."""
    chosen, count = [], 0
    while count < words:
        para = rng.choice(paras)
        chosen.append(para)
        count += len(para.split())
    return "\n\n".join(chosen), count


def build_corpus(folder: Path, docs: int, words_per_doc: int, seed: int = 1217) -> int:
    """Write ``docs`` documents of shuffled paragraphs (``paragraphs``); return the total word count."""
    rng, paras, total = random.Random(seed), paragraphs(), 0
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        text, words = shuffled_document(rng, paras, words_per_doc)
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        total += words
    return total


def texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def time_tokenizer(corpus: list[str]) -> float:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    start = time.perf_counter()
    for _ in nlp.pipe(corpus, batch_size=64):
        pass
    return time.perf_counter() - start


def time_tokenizers(corpus: list[str]) -> tuple[float, float]:
    """Time, each from new, spaCy's English tokenizer (the ceiling's) and the pipeline's, alone."""
    import spacy

    from sci_diplo.pipeline import build_pipeline

    out = []
    for tokenizer in (spacy.blank("en").tokenizer, build_pipeline().tokenizer):
        start = time.perf_counter()
        for text in corpus:
            tokenizer(text)
        out.append(time.perf_counter() - start)
    return out[0], out[1]


def time_pipeline(corpus: list[str], profile: bool = False, nlp: Language | None = None) -> float:
    """Time the default pipeline (or ``nlp``) from text to records over ``corpus``."""
    from sci_diplo.api import analyse
    from sci_diplo.pipeline import build_pipeline
    from sci_diplo.sources import Source

    nlp = nlp or build_pipeline()
    sources = [Source(f"doc{i}", t) for i, t in enumerate(corpus)]
    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    start = time.perf_counter()
    for _ in analyse(nlp, sources):
        pass
    seconds = time.perf_counter() - start
    if profiler:
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False)[:6000])
    return seconds


def time_surroundings(corpus: list[str]) -> float:
    """Time the pipeline with its finders' and the publication date's results given: recorded by
    text in a first pass, replayed in a new pipeline (whose tokenizer starts as cold as the timed
    pipeline's). What remains is the tokenizer, sentence boundaries, span writing, claims and
    records; its speed over the ceiling's bounds the ratio that faster finders could reach."""
    from sci_diplo import api
    from sci_diplo.components.base import FinderComponent, doc_text
    from sci_diplo.pipeline import build_pipeline

    results: dict[tuple[str, str], object] = {}
    publication = api.publication

    def given_results(replay: bool) -> Language:
        """Return a new pipeline whose finders (and ``api.publication``) record or replay their results."""
        def given(key: tuple[str, str], work: Callable[[], object]) -> object:
            return results[key] if replay else results.setdefault(key, work())

        nlp = build_pipeline()
        for name, proc in nlp.pipeline:
            if isinstance(proc, FinderComponent):
                proc.find = lambda doc, name=name, find=proc.find: given((name, doc_text(doc)), lambda: find(doc))
        api.publication = lambda text, *rest: given(("publication", text), lambda: publication(text, *rest))
        return nlp

    try:
        time_pipeline(corpus, nlp=given_results(replay=False))
        nlp = given_results(replay=True)
        # The results held (about 100,000 objects over 2,000 documents) are left out of the
        # collector's full passes, which would otherwise scan them all again and again.
        gc.freeze()
        return time_pipeline(corpus, nlp=nlp)
    finally:
        gc.unfreeze()
        api.publication = publication


# A command is started by a small Python (``_LAUNCH``) that times it and reads its peak RSS. Started
# from this process, the command would begin with this process's peak RSS as its own and keep it
# across exec (Linux counts the memory a child is forked or vforked with): over the large store,
# every `facts` query read 316-327 MiB, this process's size after it counted the store's records.
_LAUNCH = (
    "import os, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "err = proc.stderr.read()\n"
    "_, status, usage = os.wait4(proc.pid, 0)\n"
    "seconds = time.perf_counter() - start\n"
    "print(seconds, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status))\n"
    "sys.stderr.buffer.write(err[-2000:])\n"
)


def run_process(args: list[str]) -> tuple[float, int, int]:
    """Run a command; return (wall seconds, peak RSS in MiB of that process, exit code)."""
    done = subprocess.run([sys.executable, "-c", _LAUNCH, *args], capture_output=True, check=True)
    seconds, rss, code = done.stdout.split()
    if int(code) != 0:
        sys.exit(f"{' '.join(args)} failed ({int(code)}): {done.stderr.decode(errors='replace')}")
    return float(seconds), int(rss), int(code)


def extract(folder: Path, store: Path, *extra: str) -> tuple[float, int]:
    seconds, rss, _ = run_process([*SCIDIP, "extract", str(folder), "--store", str(store), "-q", *extra])
    return seconds, rss


def store_rss(store: Path) -> int:
    """Return the MiB a fresh process grows by when it loads ``store`` as extract holds it (the
    store file's form): resident memory after loading less before, the validators already built
    (not peak RSS: the imports' peak may hide a small store)."""
    code = ("import sys; from pathlib import Path; from sci_diplo import store; from sci_diplo.models import StoreFile; "
            "StoreFile.model_validate_json(StoreFile().model_dump_json()); "
            "rss = lambda: int(open('/proc/self/statm').read().split()[1]) * 4096 // 2**20; base = rss(); "
            "kept = store.load_file(Path(sys.argv[1])); print(rss() - base)")
    out = subprocess.run([sys.executable, "-c", code, str(store)], capture_output=True, text=True, check=True)
    return int(out.stdout)


def best(args: list[str], runs: int) -> tuple[float, int]:
    """Return the best wall time of ``runs`` runs of a command, and the peak RSS (MiB) of that run."""
    return min(run_process(args)[:2] for _ in range(runs))


def best_of(args: list[str], runs: int = 5) -> float:
    return best(args, runs)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--words-per-doc", type=int, default=750)
    parser.add_argument("--repeat", type=int, default=3, help="measure each ratio this many times (median)")
    parser.add_argument("--pairs", type=int, default=5,
                        help="time --jobs 1 and --jobs 2 this many times each, in turn (median of their ratios)")
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile of the pipeline")
    parser.add_argument("--quick", action="store_true", help="a small corpus, to check the script itself")
    args = parser.parse_args()
    if args.quick:
        args.docs, args.words_per_doc, args.repeat, args.pairs = 100, 300, 1, 1
    run_and_record(measure, args, "speed")


def run_and_record(measure: Callable[[Path, argparse.Namespace], dict], args: argparse.Namespace, name: str) -> None:
    """Run ``measure`` in a temporary folder (removed after) and write its report to bench/out/NAME.json."""
    work = Path(tempfile.mkdtemp(prefix=f"scidip-{name}-"))
    try:
        report = measure(work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")


def spread(values: list[float]) -> str:
    return f"median of {len(values)}, range {min(values):.2f}-{max(values):.2f}" if len(values) > 1 else "one run"


def measure(work: Path, args: argparse.Namespace) -> dict:
    corpus_dir = work / "corpus"
    words = build_corpus(corpus_dir, args.docs, args.words_per_doc)
    corpus = texts(corpus_dir)
    mb = sum(len(t) for t in corpus) / 1e6
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "sci_diplo")], check=True)
    # The interpreter's build moves the pipeline's figures by 10-15% (see bench/RESULTS.md).
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]} from {sys.base_prefix}; "
          f"corpus: {args.docs} documents, {words:,} words, {mb:.1f} MB")
    r: dict = {"cores": os.cpu_count(), "python": sys.version.split()[0], "python_prefix": sys.base_prefix,
               "documents": args.docs, "words": words}
    tok, pipe, rest, alone = [], [], [], []
    for k in range(args.repeat):  # in turn, so that a busy moment weighs on each
        # Baseline first, then contender first, and so on: the host's speed drifts, over seconds
        # too, and a fixed order would tilt every pair the same way.
        if k % 2:
            pipe.append(time_pipeline(corpus))
        tok.append(time_tokenizer(corpus))
        if not k % 2:
            pipe.append(time_pipeline(corpus, args.profile and k == 0))
        rest.append(time_surroundings(corpus))
        alone.append(time_tokenizers(corpus))
    ratios = [t / p for t, p in zip(tok, pipe)]
    r.update(tokenizer_wps=words / statistics.median(tok), pipeline_wps=words / statistics.median(pipe),
             pipeline_ratio=statistics.median(ratios), pipeline_ratios=ratios)
    print(f"tokenizer+sentencizer  {r['tokenizer_wps']:>10,.0f} words/s   (ceiling)")
    print(f"default pipeline       {r['pipeline_wps']:>10,.0f} words/s   ratio {r['pipeline_ratio']:.2f}"
          f"  ({spread(ratios)}; target >= 0.35)")
    spacys, ours = statistics.median(a for a, _ in alone), statistics.median(b for _, b in alone)
    r.update(spacy_tokenizer_wps=words / spacys, pipeline_tokenizer_wps=words / ours)
    print(f"  tokenizers alone: spaCy's {r['spacy_tokenizer_wps']:,.0f} words/s, the pipeline's "
          f"{r['pipeline_tokenizer_wps']:,.0f} (x{spacys / ours:.2f}: its cache goes on after a special case)")
    bounds = [t / s for t, s in zip(tok, rest)]
    r.update(surroundings_wps=words / statistics.median(rest), surroundings_ratio=statistics.median(bounds),
             surroundings_ratios=bounds)
    print(f"  finders' results given {r['surroundings_wps']:>8,.0f} words/s   ratio {r['surroundings_ratio']:.2f}"
          f"  ({spread(bounds)}; the most that faster finders could reach)")

    one, two = [], []
    for k in range(args.pairs):  # whole runs of 7-20 s each, over which the host drifts most
        for jobs, times in (("1", one), ("2", two))[:: -1 if k % 2 else 1]:  # in turn, as above
            (work / f"j{jobs}.json").unlink(missing_ok=True)
            seconds, rss = extract(corpus_dir, work / f"j{jobs}.json", "--jobs", jobs)
            times.append(seconds)
            if jobs == "1":
                rss1 = rss
    speedups = [a / b for a, b in zip(one, two)]
    s1 = statistics.median(one)
    r.update(extract_wps=words / s1, extract_ratio=words / s1 / r["tokenizer_wps"],
             jobs2_speedup=statistics.median(speedups), jobs2_speedups=speedups, jobs1_seconds=one, jobs2_seconds=two)
    print(f"scidip extract         {r['extract_wps']:>10,.0f} words/s   ratio {r['extract_ratio']:.2f}"
          "  (whole process, store included)")
    print(f"--jobs 2 speed-up      {r['jobs2_speedup']:.2f}x  ({spread(speedups)}; target >= 1.6x)")

    again = [extract(corpus_dir, work / "j1.json", "--jobs", "1")[0] for _ in range(args.repeat)]
    r["rerun_fraction"] = statistics.median(again) / s1
    print(f"re-run, unchanged      {statistics.median(again):.2f} s = {r['rerun_fraction']:.1%} of the first"
          "  (target <= 5%)")

    big = work / "big"
    for k in range(4):
        for f in corpus_dir.glob("*.txt"):
            (big / f"{k}").mkdir(parents=True, exist_ok=True)
            (big / f"{k}" / f.name).write_text(f.read_text(encoding="utf-8") + f"\n\nCopy {k}.", encoding="utf-8")
    seconds4, rss4 = extract(big, work / "big.json", "--jobs", "1")  # one process, as rss1 was measured
    held1, held4 = store_rss(work / "j1.json"), store_rss(work / "big.json")
    r.update(rss_1x_mib=rss1, rss_4x_mib=rss4, store_1x_mib=held1, store_4x_mib=held4,
             rss_ratio=(rss4 - held4) / (rss1 - held1), rss_4x_seconds=seconds4)
    # Whether a checkpoint (every 30 s by default) fell inside the 4x run: when extract read the
    # store back at each one, such a run peaked 14-19 MiB higher; keeping the store it saved in
    # memory, it no longer does (see bench/RESULTS.md).
    print(f"peak RSS               1x {rss1} MiB, 4x {rss4} MiB ({seconds4:.0f} s: "
          f"{'one checkpoint or more' if seconds4 > 30 else 'no checkpoint'} before the end); "
          f"the store loaded alone takes {held1} and {held4} MiB")
    print(f"  store excluded       ratio {r['rss_ratio']:.2f}  (target <= 1.3)")

    r["facts_seconds"] = best_of([*SCIDIP, "facts", "--store", str(work / "j1.json"), "--country", "China", "--format", "json"])
    r["help_seconds"] = best_of([*SCIDIP, "--help"])
    print(f"scidip facts           {r['facts_seconds']:.3f} s   (best of 5; target <= 0.3 s)")
    print(f"scidip --help          {r['help_seconds']:.3f} s   (best of 5; target <= 0.3 s)")
    return r


if __name__ == "__main__":
    main()
