"""Score predicted extractions against gold annotations (rules in SCHEMA.md).

``score(pairs)`` takes ``(GoldDoc, Prediction)`` pairs, one per document, and
returns a ``Report`` micro-summed over the documents:

- figures: same value (1e-6 relative) and same unit head noun, singular or
  plural; a noun joined by "and"/"or" to the gold unit in its quote counts too;
- dates: same normalized value and a span overlapping an occurrence of the quote;
- programmes: same normalized name, an alias counting as a name on either side;
- claims: same date and evidence overlapping an occurrence of the quote;
- countries: set precision and recall per document.

Each category is matched one-to-one, greedily, best-ranked pairs first (spans
overlapping the quote, then nearest). Predictions are first matched against the
required gold items; a prediction left over that would match an optional gold
item is dropped rather than counted as a false positive, and an optional gold
item is never a false negative.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sci_diplo.evaluate.gold import GoldDoc, find_quote_spans, locate_quote
from sci_diplo.evaluate.matching import GoldSpans, RankFn, distance, match_items, overlaps
from sci_diplo.evaluate.nouns import name_keys, unit_matches
from sci_diplo.evaluate.report import Mismatch, Miss, Report, Spurious

__all__ = [
    "PredClaim",
    "PredDate",
    "PredFigure",
    "PredProgramme",
    "Prediction",
    "find_quote_spans",
    "score",
]

# Relative tolerance when comparing figure values.
VALUE_REL_TOL = 1e-6


@dataclass(frozen=True)
class PredFigure:
    """A predicted figure; ``start``/``end`` is the phrase's span in the text."""

    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str = "exact"
    upper: float | None = None


@dataclass(frozen=True)
class PredDate:
    """A predicted date; ``value`` None when it could not be normalized."""

    start: int
    end: int
    value: str | None
    relation: str = "on"


@dataclass(frozen=True)
class PredProgramme:
    """A predicted programme name with its aliases."""

    start: int
    end: int
    name: str
    aliases: tuple[str, ...] = ()
    category: str = "other"


@dataclass(frozen=True)
class PredClaim:
    """A predicted dated claim; ``start``/``end`` is the evidence span."""

    start: int
    end: int
    date: str | None


@dataclass(frozen=True)
class Prediction:
    """Everything the pipeline extracted from one document's ``text``."""

    text: str
    published: str | None = None
    countries: set[str] | frozenset[str] = field(default_factory=frozenset)
    figures: Sequence[PredFigure] = ()
    dates: Sequence[PredDate] = ()
    programmes: Sequence[PredProgramme] = ()
    claims: Sequence[PredClaim] = ()


def same_value(gold: float, pred: float) -> bool:
    """Whether a predicted value is the gold one: equal, or, when it is a fraction with no end in
    decimals, rounded as the gold writes it in two decimals or more ("a third" is 33.33
    percent in gold, 33.333... predicted; 0.254 is not 0.25)."""
    if math.isclose(gold, pred, rel_tol=VALUE_REL_TOL):
        return True
    digits = repr(gold).partition(".")[2]
    return len(digits) >= 2 and "e" not in digits and round(pred, 6) != pred \
        and math.isclose(round(pred, len(digits)), gold, rel_tol=VALUE_REL_TOL)


def _rank_figure(gold: GoldSpans, pred: PredFigure) -> tuple | None:
    """Same value (``same_value``) and unit: rank overlapping spans first, then nearest."""
    g = gold.item
    try:
        same = same_value(float(g.value), float(pred.value))
    except (TypeError, ValueError):
        return None
    if not same or not unit_matches(g.unit, g.quote, pred.unit):
        return None
    return (0 if overlaps(gold.spans, pred) else 1, distance(gold.spans, pred))


def _rank_date(gold: GoldSpans, pred: PredDate) -> tuple | None:
    """Same value and overlapping span: rank nearest first."""
    if pred.value != gold.item.value or not overlaps(gold.spans, pred):
        return None
    return (distance(gold.spans, pred),)


def _rank_claim(gold: GoldSpans, pred: PredClaim) -> tuple | None:
    """Same date and evidence overlapping the quote: rank nearest first."""
    if pred.date != gold.item.date or not overlaps(gold.spans, pred):
        return None
    return (distance(gold.spans, pred),)


def _rank_programme(gold: GoldSpans, pred: PredProgramme) -> tuple | None:
    """A shared name or alias: rank overlapping spans first, then nearest."""
    g = gold.item
    if not name_keys(g.name, g.aliases) & name_keys(pred.name, tuple(pred.aliases)):
        return None
    return (0 if overlaps(gold.spans, pred) else 1, distance(gold.spans, pred))


def _num(value: float | None) -> str:
    """Return a number as short text: integers without ".0"."""
    if value is None:
        return ""
    v = float(value)
    return str(int(v)) if v.is_integer() and abs(v) < 1e18 else f"{v:.10g}"


def _figure_text(value: float, unit: str | None, upper: float | None) -> str:
    """Return "30 protocols" or "5-10 projects" for a figure."""
    number = _num(value) if upper is None else f"{_num(value)}-{_num(upper)}"
    return f"{number} {unit or '?'}"


def _gold_value(category: str, item: Any) -> str:
    """Return a gold item's value as text, for a miss."""
    if category == "figures":
        return _figure_text(item.value, item.unit, item.upper)
    if category == "dates":
        return item.value
    if category == "programmes":
        return item.name
    return item.date


def _pred_value(category: str, pred: Any) -> str:
    """Return a prediction's value as text, for a spurious entry."""
    if category == "figures":
        return _figure_text(pred.value, pred.unit, pred.upper)
    if category == "dates":
        return str(pred.value)
    if category == "programmes":
        return pred.name
    return str(pred.date)


# Category name, rank function, and the attribute whose agreement is measured
# on matched pairs (with the Report field that counts it).
_CATEGORIES: tuple[tuple[str, RankFn, str | None, str | None], ...] = (
    ("figures", _rank_figure, "qualifier", "figure_qualifier"),
    ("dates", _rank_date, "relation", "date_relation"),
    ("programmes", _rank_programme, None, None),
    ("claims", _rank_claim, None, None),
)


def _locate_all(report: Report, gold: GoldDoc, category: str, text: str) -> list[GoldSpans]:
    """Return the gold items of ``category`` with their spans; note quotes not found."""
    located = []
    for item in gold.items(category):
        spans = tuple(locate_quote(text, item.quote))
        if not spans:
            report.unlocated.append(Miss(category, gold.doc, item.quote, _gold_value(category, item)))
        located.append(GoldSpans(item, spans))
    return located


def _score_category(
    report: Report, gold: GoldDoc, pred: Prediction, spec: tuple, merge: bool
) -> None:
    """Match one category of one document and add its counts and errors to ``report``."""
    category, rank, attr, acc_name = spec
    golds = _locate_all(report, gold, category, pred.text)
    outcome = match_items(golds, list(getattr(pred, category)), rank, merge)
    report.category(category).add(len(outcome.pairs), len(outcome.spurious), len(outcome.missed))
    for g in outcome.missed:
        report.misses.append(Miss(category, gold.doc, g.item.quote, _gold_value(category, g.item)))
    for p in outcome.spurious:
        text = pred.text[p.start : p.end]
        report.spurious.append(Spurious(category, gold.doc, text, _pred_value(category, p)))
    if attr is None:
        return
    for g, p in outcome.pairs:
        expected, got = getattr(g.item, attr), getattr(p, attr)
        getattr(report, acc_name).add(expected == got)
        if expected != got:
            report.mismatches.append(Mismatch(acc_name, gold.doc, g.item.quote, str(expected), str(got)))


def _score_countries(report: Report, gold: GoldDoc, pred: Prediction) -> None:
    """Add one document's country-set counts and errors to ``report``."""
    expected, found = set(gold.countries), set(pred.countries)
    report.countries.add(len(expected & found), len(found - expected), len(expected - found))
    for code in sorted(expected - found):
        report.misses.append(Miss("countries", gold.doc, "", code))
    for code in sorted(found - expected):
        report.spurious.append(Spurious("countries", gold.doc, code, code))


def score(
    pairs: Sequence[tuple[GoldDoc, Prediction]], *, merge_programme_mentions: bool = False
) -> Report:
    """Return the Report of every ``(gold, prediction)`` pair, micro-summed.

    Every category is one-to-one: a second prediction of an already matched
    item is a false positive. With ``merge_programme_mentions``, a programme
    predicted again (another mention, or another of its names) is not counted
    against the prediction. An empty list gives a Report with all counts 0
    (F1 1.0, accuracies and published rate None).
    """
    report = Report()
    for gold, pred in pairs:
        report.documents += 1
        report.published_total += 1
        report.published_hits += int(gold.published == pred.published)
        for spec in _CATEGORIES:
            merge = merge_programme_mentions and spec[0] == "programmes"
            _score_category(report, gold, pred, spec, merge)
        _score_countries(report, gold, pred)
    return report
