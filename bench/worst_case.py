"""Worst-case benchmark: the pipeline on text shapes that rules may read in more than linear time.

    python bench/worst_case.py [--words 8000] [--repeat 3] [--quick]

Scraped pages and converted files hold shapes that prose does not: a table or a calendar
flattened into one line with no sentence end, thousands of short lines, runs of numbers,
currencies, capitalised words, hyphens or quotes. Each shape but prose is generated from a
fixed random seed and no text of the project's, at ``--words`` words and at four times as
many, and read by the library's pipeline from text to records. It prints, with the
machine's cores:

- the growth of the time from 1x to 4x: 4 for a rule that is linear in its input; 16 for one
  that takes the square of its length (flagged above 6, unless the tokenizer's own time grew
  more);
- the speed at 4x in MB/s, and as a ratio to prose of the same size (the paragraphs that
  `make bench` shuffles, measured in the same run) and to spaCy's tokenizer and sentencizer
  over the same text (the ceiling), with the ceiling's own growth: a shape of numbers new to
  the vocabulary slows the tokenizer too, and spaCy's tokenizer stops caching a document's
  words after its first special case ("don't", ":)"), so over one long document it is much
  slower than over many short ones.

Each time is the best of ``--repeat``. Results also go to bench/out/worst_case.json.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import paragraphs, run_and_record, shuffled_document  # noqa: E402

SUPERLINEAR = 6.0  # growth from 1x to 4x above which a shape is flagged (unless the tokenizer's grew more)


def _words(rng: random.Random, vocabulary: list[str], n: int, sep: str = " ") -> str:
    return sep.join(rng.choice(vocabulary) for _ in range(n))


def _table(rng: random.Random, n: int) -> str:
    return " ".join(f"| {rng.randint(1990, 2030)} | {rng.randint(1, 99)}% | {rng.randint(1, 900)} million |"
                    f" {rng.choice(['China', 'Kenya', 'Peru'])}" for _ in range(n // 8))


def _money_table(rng: random.Random, n: int) -> str:
    rows = "\n".join(f"Line {i} of the table   {rng.randint(1, 900)}.5   {rng.randint(1, 900)}.0 staff" for i in range(n // 7))
    return f"Table 1 Spending by line (in millions of euros)\n\nLine   2023   2024\n{rows}\n"


def _prose(rng: random.Random, n: int) -> str:
    return shuffled_document(rng, paragraphs(), n)[0]


# name -> (what it stands for, generator of about n words)
SHAPES: dict[str, tuple[str, Callable[[random.Random, int], str]]] = {
    "prose": ("the paragraphs of the seed and held-out texts (the baseline)", _prose),
    "calendar line": ("dates with no sentence end", lambda r, n: _words(
        r, ["January", "2021", "March", "15,", "between", "and", "since", "until", "1999", "to"], n)),
    "table line": ("a table flattened into one line", _table),
    "money table": ("a table's rows under a note of its unit", _money_table),
    "figures line": ("counts, money, percentages with no sentence end", lambda r, n: _words(
        r, ["$5", "US$", "€", "2bn", "USD", "million", "yuan", "RMB", "3.5", "40%", "120", "scientists"], n)),
    "numbers": ("numbers, each new to the vocabulary", lambda r, n: " ".join(
        str(r.randint(1, 10**6)) for _ in range(n))),
    "number words": ("spelled-out numbers", lambda r, n: _words(
        r, ["one", "two", "hundred", "thousand", "million", "and", "twenty", "three"], n)),
    "hyphenated numbers": ("numbers joined by hyphens", lambda r, n: "-".join(
        str(r.randint(1, 99)) for _ in range(n))),
    "ranges": ("range words and numbers", lambda r, n: _words(
        r, ["between", "5", "and", "10", "to", "20", "-", "percent", "from"], n)),
    "capitalised run": ("country and person names with no punctuation", lambda r, n: _words(
        r, ["China", "Russia", "South", "Africa", "New", "Guinea", "Papua", "United", "States", "Jordan"], n)),
    "programme words": ("words that name programmes", lambda r, n: _words(
        r, ["the", "Joint", "Laboratory", "of", "Agreement", "on", "Science", "Plan", "Fund", "(JF)", "Road"], n)),
    "possessives": ("apostrophes and possessives", lambda r, n: _words(
        r, ["China's", "O'Brien", "'", "’s", "Russia’", "Korea's"], n)),
    "short lines": ("one short item per line", lambda r, n: _words(
        r, ["China", "2021", "the Fund", "", "5 million"], n, "\n")),
    "short paragraphs": ("one item per paragraph", lambda r, n: _words(
        r, ["China", "5 million", "2021", "x"], n, "\n\n")),
    "short sentences": ("one item per sentence", lambda r, n: _words(
        r, ["A.", "China.", "In 2021.", "5 million."], n)),
    "quotes": ("quotation marks", lambda r, n: _words(r, ['"', "“", "”", "'", "China", "said", "2021"], n)),
}


def best_time(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(work: Path, args: argparse.Namespace) -> dict:
    import spacy

    from sci_diplo.api import analyse
    from sci_diplo.pipeline import build_pipeline
    from sci_diplo.sources import Source

    nlp = build_pipeline()
    ceiling = spacy.blank("en")
    ceiling.add_pipe("sentencizer")
    list(analyse(nlp, [Source("warm", _prose(random.Random(0), 2000))]))  # tables built, caches warm
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
          f"shapes of {args.words:,} and {4 * args.words:,} words, best of {args.repeat}")
    print(f"{'shape':20s} {'MB at 4x':>8s} {'1x s':>7s} {'4x s':>7s} {'growth':>6s} {'MB/s':>6s} "
          f"{'/prose':>6s} {'/ceiling':>8s} {'its growth':>10s}")
    rows: dict = {}
    for name, (what, make) in SHAPES.items():
        small, large = (make(random.Random(1217), n) for n in (args.words, 4 * args.words))
        t1, t4 = (best_time(lambda text=text: list(analyse(nlp, [Source(name, text)])), args.repeat)
                  for text in (small, large))
        c1, c4 = (best_time(lambda text=text: ceiling(text), args.repeat) for text in (small, large))
        mb = len(large.encode("utf-8")) / 1e6
        rows[name] = {"what": what, "mb": mb, "seconds_1x": t1, "seconds_4x": t4, "growth": t4 / t1,
                      "mb_per_s": mb / t4, "ceiling_seconds_1x": c1, "ceiling_seconds_4x": c4,
                      "ceiling_growth": c4 / c1, "ceiling_ratio": c4 / t4}
    prose = rows["prose"]["mb_per_s"]
    flagged = [name for name, row in rows.items() if SUPERLINEAR < row["growth"] and row["ceiling_growth"] < row["growth"]]
    for name, row in rows.items():
        row["prose_ratio"] = row["mb_per_s"] / prose
        flag = "  superlinear" if name in flagged else ""
        print(f"{name:20s} {row['mb']:8.2f} {row['seconds_1x']:7.3f} {row['seconds_4x']:7.3f} {row['growth']:6.1f} "
              f"{row['mb_per_s']:6.2f} {row['prose_ratio']:6.2f} {row['ceiling_ratio']:8.2f} "
              f"{row['ceiling_growth']:10.1f}{flag}")
    print(f"growth above {SUPERLINEAR:g} and above the tokenizer's (more than linear): {', '.join(flagged) or 'none'}")
    return {"cores": os.cpu_count(), "python": sys.version.split()[0], "words": args.words,
            "repeat": args.repeat, "shapes": rows, "superlinear": flagged}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=8000, help="words of each shape at 1x")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--quick", action="store_true", help="small shapes, one run: to check the script itself")
    args = parser.parse_args()
    if args.quick:
        args.words, args.repeat = 500, 1
    run_and_record(measure, args, "worst_case")


if __name__ == "__main__":
    main()
