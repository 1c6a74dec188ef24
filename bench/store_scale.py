"""Store benchmark: `scidip facts` and a re-run over a store of distinct documents.

    python bench/store_scale.py [--docs 20000] [--quick]

The speed benchmark's corpus repeats the same few paragraphs, so its store holds a few
hundred records. Here every sentence of the same kind of corpus gets a word of its own
("... cooperation qbx."), so that no two documents share a fact and the store grows with
the corpus, as it would over distinct texts. It prints, with the machine's cores:

- the extract (default number of workers): seconds, peak RSS, records, store size;
- the baseline: a fresh Python parsing the whole store with `json.loads`, which is what
  `scidip facts` did before the store had a line per item;
- `scidip facts --country Comoros` (a few records), `--kind programme` (some) and
  `--country China` (most), a second `extract` over the unchanged files, and an `extract`
  of 100 new documents into the store, each as seconds and as a ratio to that baseline,
  with peak RSS.

Results also go to bench/out/store_scale.json.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import SCIDIP, best, build_corpus, run_and_record, run_process  # noqa: E402

SENTENCE_END = re.compile(r"\.(?=\s)")


def tag(k: int) -> str:
    """Return a word of letters only, its own for each ``k`` ("qa", "qb", ..., "qba", ...)."""
    letters = ""
    while True:
        k, r = divmod(k, 26)
        letters = chr(97 + r) + letters
        if not k:
            return "q" + letters


def distinct_corpus(folder: Path, docs: int, first_tag: int = 0) -> int:
    """Write ``docs`` documents of shuffled paragraphs (``speed.paragraphs``) with a word of its
    own before each sentence's final period (the words from ``tag(first_tag + 1)`` on); return
    the word count."""
    words = build_corpus(folder, docs, 750)
    count = first_tag
    for path in sorted(folder.glob("*.txt")):
        def own_word(m: re.Match[str]) -> str:
            nonlocal count
            count += 1
            return f" {tag(count)}."

        path.write_text(SENTENCE_END.sub(own_word, path.read_text(encoding="utf-8")), encoding="utf-8")
    return words + count - first_tag


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs of each query")
    parser.add_argument("--quick", action="store_true", help="a small corpus, to check the script itself")
    args = parser.parse_args()
    if args.quick:
        args.docs, args.runs = 200, 1
    run_and_record(measure, args, "store_scale")


def measure(work: Path, args: argparse.Namespace) -> dict:
    corpus, store = work / "corpus", work / "facts.json"
    words = distinct_corpus(corpus, args.docs)
    seconds, rss = run_process([*SCIDIP, "extract", str(corpus), "--store", str(store), "-q"])[:2]
    records = sum(1 for line in store.read_bytes().split(b"\n") if line.startswith(b'{"id":'))
    mb = store.stat().st_size / 1e6
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; corpus: {args.docs} distinct documents, "
          f"{words:,} words")
    print(f"extract                {seconds:6.1f} s  peak RSS {rss} MiB  ->  {records:,} records, store {mb:.1f} MB")
    report: dict = {"cores": os.cpu_count(), "documents": args.docs, "words": words, "extract_seconds": seconds,
                    "extract_rss_mib": rss, "records": records, "store_mb": mb}
    base, base_rss = best([sys.executable, "-c", "import json, sys; json.loads(open(sys.argv[1], 'rb').read())",
                           str(store)], args.runs)
    report.update(baseline_seconds=base, baseline_rss_mib=base_rss)
    print(f"json.loads of the store {base:5.2f} s  peak RSS {base_rss} MiB  (baseline)")
    queries = {
        "facts --country Comoros": ["facts", "--country", "Comoros"],
        "facts --kind programme": ["facts", "--kind", "programme"],
        "facts --country China": ["facts", "--country", "China"],
        "extract, unchanged": ["extract", str(corpus), "-q"],
    }
    for name, cmd in queries.items():
        took, peak = best([*SCIDIP, *cmd, "--store", str(store), *(["--format", "json"] if cmd[0] == "facts" else [])],
                          args.runs)
        report[name] = {"seconds": took, "ratio": took / base, "rss_mib": peak}
        print(f"{name:24s} {took:5.2f} s  = {took / base:.2f}x the baseline  peak RSS {peak} MiB")
    # 100 documents more, their sentences new (their programmes are the stored ones): each run into
    # a copy of the store. Their folder sorts before the corpus's, so every stored mention's
    # document number moves: the most a checkpoint has to rewrite.
    added, copy = work / "added", work / "copy.json"
    distinct_corpus(added, 100, first_tag=10**9)
    runs = []
    for _ in range(args.runs):
        for suffix in ("", ".sha256"):
            Path(f"{copy}{suffix}").write_bytes(Path(f"{store}{suffix}").read_bytes())
        runs.append(run_process([*SCIDIP, "extract", str(added), "--store", str(copy), "-q"])[:2])
    took, peak = min(runs)
    report["extract, 100 new documents"] = {"seconds": took, "ratio": took / base, "rss_mib": peak}
    print(f"{'extract, 100 new docs':24s} {took:5.2f} s  = {took / base:.2f}x the baseline  peak RSS {peak} MiB")
    return report


if __name__ == "__main__":
    main()
