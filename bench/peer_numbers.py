"""Score the number rules against the Recognizers-Text English specs.

Usage: python bench/peer_numbers.py PATH_TO_PEER_RECOGNIZERS_DIR

Reads ``number_NumberModel.jsonl`` (scored with ``find_numbers``) and
``number_PercentModel.jsonl`` (scored with the ``percent`` figures of
``find_figures``) from that directory, as the peer README (section 1.3) says:
an expected entity's span is ``[start, end + 1)``; a prediction matches it on
the same span, one to one in order; it is right when the values agree to a
relative 1e-9 (absolute 1e-12 at zero). Prints micro P/R/F1 (span+value and
span only), case accuracy, the same on the cases with no fraction and no
negative number, and the cases missed, by category. Not imported by tests.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sci_diplo.normalize.figures import find_figures  # noqa: E402
from sci_diplo.normalize.numbers import find_numbers  # noqa: E402

# Expected texts that hold a fraction: slash, "over", "out of", fraction words.
_FRACTION_RE = re.compile(
    r"(?i)/|\bover\b|out of|\bhal(?:f|ves)\b|\bquarters?\b|\bthirds?\b|"
    r"(?:first|second|fourth|fifth|sixth|seventh|eighth|ninth|th)s?\b"
)


def _value(s: str) -> float:
    return float(s.rstrip("%"))


def _close(got: float, want: float) -> bool:
    if want == 0:
        return abs(got) <= 1e-12
    return abs(got - want) <= 1e-9 * abs(want)


def _score_case(expected: list[tuple], got: list[tuple]) -> tuple[int, int, bool]:
    """Return (span matches, span+value matches, case exactly right)."""
    used: set[int] = set()
    span_tp = full_tp = 0
    for s, e, v in expected:
        for k, (gs, ge, gv) in enumerate(got):
            if k not in used and (gs, ge) == (s, e):
                used.add(k)
                span_tp += 1
                full_tp += v is not None and _close(gv, v)
                break
    exact = full_tp == len(expected) == len(got)
    return span_tp, full_tp, exact


def _category(case: dict) -> str:
    texts = " ".join(e["text"] for e in case["expected"])
    if any((e["value"] or "").startswith("-") for e in case["expected"]):
        return "negative"
    if _FRACTION_RE.search(texts):
        return "fraction"
    return "plain"


def _predict_numbers(text: str) -> list[tuple]:
    return [(m.start, m.end, m.value) for m in find_numbers(text)]


def _predict_percent(text: str) -> list[tuple]:
    return [(f.start, f.end, f.value) for f in find_figures(text) if f.unit == "percent"]


def _report(title: str, rows: list[dict]) -> None:
    n_exp = sum(r["n_exp"] for r in rows)
    n_got = sum(r["n_got"] for r in rows)
    for label, key in (("span+value", "full"), ("span only", "span")):
        tp = sum(r[key] for r in rows)
        p = tp / n_got if n_got else 0.0
        rec = tp / n_exp if n_exp else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        print(f"  {title:<28} {label:<10}  P={p:.3f} R={rec:.3f} F1={f1:.3f}  (tp={tp}, exp={n_exp}, got={n_got})")
    acc = sum(r["exact"] for r in rows) / len(rows) if rows else 0.0
    print(f"  {title:<28} case accuracy {acc:.3f} ({sum(r['exact'] for r in rows)}/{len(rows)})")


def score_file(path: Path, predict: Callable[[str], list[tuple]]) -> list[dict]:
    """Score one JSONL spec file; return one row per case."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        exp = [(e["start"], e["end"] + 1, _value(e["value"]) if e["value"] else None)
               for e in case["expected"]]
        got = predict(case["input"])
        span, full, exact = _score_case(exp, got)
        rows.append({"case": case, "got": got, "n_exp": len(exp), "n_got": len(got),
                     "span": span, "full": full, "exact": exact, "cat": _category(case)})
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = Path(argv[1])
    for name, predict in (("number_NumberModel.jsonl", _predict_numbers),
                          ("number_PercentModel.jsonl", _predict_percent)):
        rows = score_file(root / name, predict)
        print(f"{name}: {len(rows)} cases")
        _report("all cases", rows)
        _report("no fraction, no negative", [r for r in rows if r["cat"] == "plain"])
        missed = [r for r in rows if not r["exact"]]
        print(f"  missed cases by category: {dict(Counter(r['cat'] for r in missed))}")
        for r in missed:
            c = r["case"]
            want = [(e["text"], e["value"]) for e in c["expected"]]
            got = [(c["input"][s:e], round(v, 6)) for s, e, v in r["got"]]
            print(f"    [{r['cat']}] {c['input'][:70]!r}: want {want} got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
