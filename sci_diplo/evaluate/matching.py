"""One-to-one matching of gold items and predictions, shared by every category.

A rank function says whether a gold item and a prediction match (None when
not) and, when they do, how good the pair is (a sort key, smaller is better).
``match_items`` pairs them greedily, best first, and sorts out which gold items
were missed and which predictions are spurious.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# Rank distance used for a gold item whose quote is not in the text.
FAR = 10**12

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldSpans:
    """A gold item with every span where its quote occurs in the text."""

    item: Any
    spans: tuple[Span, ...]


# A rank function: None when gold and prediction do not match, else a sort key
# (smaller is better).
RankFn = Callable[[GoldSpans, Any], tuple | None]


def overlaps(spans: Sequence[Span], pred: Any) -> bool:
    """Return True when the prediction's span overlaps any of ``spans``."""
    return any(s < pred.end and pred.start < e for s, e in spans)


def distance(spans: Sequence[Span], pred: Any) -> int:
    """Return the distance from the prediction's start to the nearest span start."""
    return min((abs(s - pred.start) for s, _ in spans), default=FAR)


def greedy(golds: Sequence[GoldSpans], preds: Sequence[Any], rank: RankFn) -> list[tuple[int, int]]:
    """Return one-to-one ``(gold index, prediction index)`` pairs, best rank first."""
    candidates = []
    for gi, gold in enumerate(golds):
        for pj, pred in enumerate(preds):
            key = rank(gold, pred)
            if key is not None:
                candidates.append((key, gi, pj))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pj in candidates:
        if gi not in used_gold and pj not in used_pred:
            used_gold.add(gi)
            used_pred.add(pj)
            pairs.append((gi, pj))
    return pairs


@dataclass
class Outcome:
    """One category of one document: matched pairs, missed gold, spurious predictions."""

    pairs: list[tuple[GoldSpans, Any]]
    missed: list[GoldSpans]
    spurious: list[Any]


def match_items(
    golds: Sequence[GoldSpans], preds: Sequence[Any], rank: RankFn, merge: bool = False
) -> Outcome:
    """Match predictions to required gold, then drop leftovers matching optional gold.

    With ``merge``, a leftover prediction that would match an already matched
    gold item is a repeated mention and is dropped too, not counted as spurious.
    """
    required = [g for g in golds if not g.item.optional]
    pairs = greedy(required, preds, rank)
    hit_gold = {gi for gi, _ in pairs}
    hit_pred = {pj for _, pj in pairs}
    forgiven = [g for g in golds if g.item.optional]
    if merge:
        forgiven += [required[gi] for gi in sorted(hit_gold)]
    spurious = [
        p
        for pj, p in enumerate(preds)
        if pj not in hit_pred and not any(rank(o, p) is not None for o in forgiven)
    ]
    return Outcome(
        pairs=[(required[gi], preds[pj]) for gi, pj in pairs],
        missed=[g for gi, g in enumerate(required) if gi not in hit_gold],
        spurious=spurious,
    )
