"""Score ``find_dates`` on the TempEval-3 platinum timexes (TimeML values).

Usage::

    python bench/peer_tempeval.py PATH/te3_platinum_timex.jsonl [--refs] [--no-split] [--quiet]

The suite stays outside the project: its path is an argument and nothing of it
is copied here. Each document is run with reference = its DCT. Scoring follows
the official TE3 entity scorer as described in the suite's README (section
2.1): relaxed = overlap of at least one non-space character, pairs made
greedily by largest overlap; strict = identical extents after trimming
spaces; value F1 = value accuracy on relaxed matches x relaxed F1.

Conversions from our values to TimeML (``to_timeml``): points stay as they are;
a decade interval ``1990/1999`` is ``199``, a century ``1900/1999`` is ``19``, a
Monday-Sunday interval is an ISO week ``2013-W12`` (Saturday-Sunday
``2013-W12-WE``), month intervals of a quarter/half/season are ``2013-Q1``,
``2013-H2``, ``2012-SU`` (our seasons are now their years, "summer 2012" is ``2012``, which
TimeML's ``2012-SU`` does not match). Anything else (e.g. ``2008/2013``) has no TimeML value
and is counted apart as inexpressible. Relation words are trimmed from our
spans ("since 2005" -> "2005"), because TimeML extents never hold them.
Unless ``--no-split``, an explicit range "2009-2010" becomes two timexes, as
TimeML annotates its ends separately. ``--refs`` also emits "now"/"currently"
as ``PRESENT_REF`` (``find_dates(..., timeml_refs=True)``).

For type DATE, a system timex paired with a gold timex of another type
(DURATION, TIME, SET) counts neither for nor against DATE precision.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sci_diplo.normalize.dates import find_dates  # noqa: E402
from sci_diplo.normalize.dates_calendar import parse_point  # noqa: E402

# Leading relation and qualifier words that TimeML leaves outside a timex.
_LEAD_RX = re.compile(
    r"^(?:(?:since|before|after|until|till|through|by|from|between|during|throughout|prior to|"
    r"ahead of|as of|up to|no later than|more than|over|less than|under|within|starting in|"
    r"beginning in|ever)\s+)+",
    re.I,
)
# Where an explicit range splits: "2009-2010", "1957-58", "2016 to 2020".
_SPLIT_RX = re.compile(r"^(.*?\w)(\s*(?:[-–—/]|\bto\b|\band\b|\bthrough\b|\buntil\b)\s*)(\w.*)$", re.S)
_SEASONS = {(3, 5): "SP", (6, 8): "SU", (9, 11): "FA", (12, 2): "WI"}


def to_timeml(value: str | None) -> str | None:
    """Return the TimeML value of one of our values, or None when TimeML cannot say it."""
    if value is None:
        return None
    if value.endswith("_REF"):
        return value
    if "/" not in value:
        return value
    a, b = value.split("/")
    lo, hi = parse_point(a), parse_point(b)
    if lo is None or hi is None:
        return None
    if lo[1] is None and hi[1] is None:
        if lo[0] % 10 == 0 and hi[0] == lo[0] + 9:
            return f"{lo[0] // 10:03d}"
        if lo[0] % 100 == 0 and hi[0] == lo[0] + 99:
            return f"{lo[0] // 100:02d}"
        return None
    if lo[2] is not None and hi[2] is not None:
        return _week(lo, hi)
    if lo[2] is None and hi[2] is None and lo[1] and hi[1]:
        return _months(lo, hi)
    return None


def _week(lo, hi) -> str | None:
    d0, d1 = date(*lo), date(*hi)
    iso = d0.isocalendar()
    if d0.weekday() == 0 and (d1 - d0).days == 6:
        return f"{iso[0]}-W{iso[1]:02d}"
    if d0.weekday() == 5 and (d1 - d0).days == 1:
        return f"{iso[0]}-W{iso[1]:02d}-WE"
    return None


def _months(lo, hi) -> str | None:
    (y0, m0, _), (y1, m1, _) = lo, hi
    season = _SEASONS.get((m0, m1))
    if season and y1 == y0 + (m1 < m0):
        return f"{y0}-{season}"
    if y0 != y1:
        return None
    if m1 - m0 == 2 and m0 % 3 == 1:
        return f"{y0}-Q{m0 // 3 + 1}"
    if m1 - m0 == 5 and m0 in (1, 7):
        return f"{y0}-H{1 if m0 == 1 else 2}"
    return None


def system_timexes(text: str, dct: str, refs: bool, split: bool) -> list[dict]:
    """Return our timexes of ``text`` as dicts: start, end, value (TimeML or None), ours."""
    out = []
    for m in find_dates(text, dct, timeml_refs=refs):
        start, end = m.start, m.end
        lead = _LEAD_RX.match(text[start:end])
        if lead and lead.end() < end - start:
            start += lead.end()
        piece = {"start": start, "end": end, "ours": m.value, "value": to_timeml(m.value)}
        parts = _split(text, piece) if split and m.value and "/" in m.value else None
        out.extend(parts or [piece])
    return out


def _split(text: str, piece: dict) -> list[dict] | None:
    """Return a range as its two ends ("2009-2010" -> 2009, 2010), or None when it is no such range."""
    mt = _SPLIT_RX.match(text[piece["start"]:piece["end"]])
    if mt is None or not re.search(r"\d", mt.group(1)) or not re.search(r"\d", mt.group(3)):
        return None
    lo, hi = piece["ours"].split("/")
    s = piece["start"]
    return [
        {"start": s, "end": s + len(mt.group(1)), "ours": lo, "value": to_timeml(lo)},
        {"start": s + mt.end(2), "end": piece["end"], "ours": hi, "value": to_timeml(hi)},
    ]


def pair(text: str, system: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Return one-to-one (system, gold) index pairs, greedily by largest non-space overlap."""
    cands = []
    for si, s in enumerate(system):
        for gi, g in enumerate(gold):
            lo, hi = max(s["start"], g["start"]), min(s["end"], g["end"])
            if lo < hi:
                overlap = len("".join(text[lo:hi].split()))
                if overlap:
                    cands.append((-overlap, si, gi))
    cands.sort()
    used_s, used_g, pairs = set(), set(), []
    for _, si, gi in cands:
        if si not in used_s and gi not in used_g:
            used_s.add(si)
            used_g.add(gi)
            pairs.append((si, gi))
    return pairs


def score_doc(doc: dict, refs: bool, split: bool) -> dict:
    """Return the counts of one document (per type DATE and over all types) and its errors."""
    text, gold = doc["text"], doc["timexes"]
    system = system_timexes(text, doc["dct"], refs, split)
    pairs = pair(text, system, gold)
    c = {k: 0 for k in ("sys", "gold", "rel", "strict", "val", "dsys", "dgold", "drel", "dstrict", "dval", "inexpr")}
    c["sys"], c["gold"] = len(system), len(gold)
    c["dgold"] = sum(g["type"] == "DATE" for g in gold)
    other = {si for si, gi in pairs if gold[gi]["type"] != "DATE"}
    c["dsys"] = len(system) - len(other)
    c["inexpr"] = sum(s["ours"] is not None and s["value"] is None for s in system)
    errors = []
    for si, gi in pairs:
        s, g = system[si], gold[gi]
        strict = text[s["start"]:s["end"]].strip() == text[g["start"]:g["end"]].strip()
        good = s["value"] == g["value"]
        c["rel"] += 1
        c["strict"] += strict
        c["val"] += good
        if g["type"] == "DATE":
            c["drel"] += 1
            c["dstrict"] += strict
            c["dval"] += good
            if not good:
                errors.append(("WRONG", g["text"], g["value"], s["ours"], s["value"]))
    paired_g = {gi for _, gi in pairs}
    paired_s = {si for si, _ in pairs}
    errors += [("MISS", g["text"], g["value"], None, None) for gi, g in enumerate(gold)
               if gi not in paired_g and g["type"] == "DATE"]
    errors += [("FP", text[s["start"]:s["end"]], None, s["ours"], s["value"]) for si, s in enumerate(system)
               if si not in paired_s]
    return {"counts": c, "errors": errors, "file": doc["file"]}


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summary(counts: list[dict], prefix: str) -> dict[str, float]:
    """Return strict/relaxed P/R/F1 and value F1 of summed counts (``prefix`` "d" for DATE)."""
    tot = {k: sum(c[k] for c in counts) for k in counts[0]}
    n_sys, n_gold = tot[prefix + "sys"], tot[prefix + "gold"]
    sp, sr, sf = prf(tot[prefix + "strict"], n_sys, n_gold)
    rp, rr, rf = prf(tot[prefix + "rel"], n_sys, n_gold)
    acc = tot[prefix + "val"] / tot[prefix + "rel"] if tot[prefix + "rel"] else 0.0
    return {"sP": sp, "sR": sr, "sF": sf, "rP": rp, "rR": rr, "rF": rf, "vF": acc * rf,
            "n_sys": n_sys, "n_gold": n_gold, "inexpr": tot["inexpr"]}


def bootstrap(counts: list[dict], prefix: str, rounds: int = 2000) -> tuple[float, float]:
    """Return a 95% interval of value F1 by resampling documents (seeded)."""
    rng = random.Random(13)
    vals = sorted(summary([rng.choice(counts) for _ in counts], prefix)["vF"] for _ in range(rounds))
    return vals[int(0.025 * rounds)], vals[int(0.975 * rounds) - 1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, help="te3_platinum_timex.jsonl")
    ap.add_argument("--refs", action="store_true", help="also emit now/currently as PRESENT_REF")
    ap.add_argument("--no-split", action="store_true", help="keep explicit ranges as one timex")
    ap.add_argument("--quiet", action="store_true", help="do not list the errors")
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = [score_doc(d, args.refs, not args.no_split) for d in docs]
    counts = [r["counts"] for r in results]
    print(f"TempEval-3 platinum: {len(docs)} documents, refs={args.refs}, split={not args.no_split}")
    for label, prefix in (("DATE", "d"), ("all types", "")):
        s = summary(counts, prefix)
        lo, hi = bootstrap(counts, prefix)
        print(f"{label:9} gold={s['n_gold']} system={s['n_sys']}  "
              f"strict P/R/F1 {s['sP']:.3f}/{s['sR']:.3f}/{s['sF']:.3f}  "
              f"relaxed P/R/F1 {s['rP']:.3f}/{s['rR']:.3f}/{s['rF']:.3f}  "
              f"value F1 {s['vF']:.3f} (95% CI {lo:.3f}-{hi:.3f})")
    print(f"inexpressible in TimeML (counted wrong when paired): {summary(counts, 'd')['inexpr']}")
    if not args.quiet:
        for r in results:
            for kind, txt, gold_v, ours, tml in r["errors"]:
                print(f"  {kind:5} {r['file']:38} {txt!r:32} gold={gold_v} ours={ours} timeml={tml}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
