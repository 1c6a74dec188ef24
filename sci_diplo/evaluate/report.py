"""The result of scoring predictions against gold: counts, rates, and error lists."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SCORED_CATEGORIES = ("figures", "dates", "programmes", "claims", "countries")


def _ratio(num: int, den: int, empty: float) -> float:
    """Return ``num / den``, or ``empty`` when ``den`` is 0."""
    return num / den if den else empty


@dataclass
class CategoryScore:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 with no prediction and nothing to find, 0.0 with no prediction."""
        return _ratio(self.tp, self.tp + self.fp, 1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when there is nothing to find."""
        return _ratio(self.tp, self.tp + self.fn, 1.0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall; 1.0 when nothing to find and nothing predicted."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Add one document's counts."""
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def to_dict(self) -> dict[str, float | int]:
        """Return precision, recall, f1 (rounded to 4 places) and the counts."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    """How many of ``total`` compared attributes were ``correct``."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """correct / total, or None when nothing was compared."""
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        """Count one comparison."""
        self.total += 1
        self.correct += int(ok)


@dataclass(frozen=True)
class Miss:
    """A gold item no prediction matched: ``expected`` is its value as text."""

    category: str
    doc: str
    quote: str
    expected: str


@dataclass(frozen=True)
class Spurious:
    """A prediction no gold item matched: ``text`` is ``text[start:end]``."""

    category: str
    doc: str
    text: str
    value: str


@dataclass(frozen=True)
class Mismatch:
    """A matched item whose secondary attribute (qualifier, relation) differs."""

    category: str
    doc: str
    quote: str
    expected: str
    got: str


@dataclass
class Report:
    """Scores of a set of documents, micro-summed over documents."""

    figures: CategoryScore = field(default_factory=CategoryScore)
    dates: CategoryScore = field(default_factory=CategoryScore)
    programmes: CategoryScore = field(default_factory=CategoryScore)
    claims: CategoryScore = field(default_factory=CategoryScore)
    countries: CategoryScore = field(default_factory=CategoryScore)
    documents: int = 0
    published_hits: int = 0
    published_total: int = 0
    figure_qualifier: Accuracy = field(default_factory=Accuracy)
    date_relation: Accuracy = field(default_factory=Accuracy)
    misses: list[Miss] = field(default_factory=list)
    spurious: list[Spurious] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    unlocated: list[Miss] = field(default_factory=list)

    def category(self, name: str) -> CategoryScore:
        """Return the score of ``name`` (one of SCORED_CATEGORIES)."""
        if name not in SCORED_CATEGORIES:
            raise KeyError(name)
        return getattr(self, name)

    @property
    def published_rate(self) -> float | None:
        """Share of documents whose publication date was exactly right; None with no document."""
        return self.published_hits / self.published_total if self.published_total else None

    @property
    def figure_qualifier_accuracy(self) -> float | None:
        """Share of matched figures with the gold qualifier; None when none matched."""
        return self.figure_qualifier.value

    @property
    def date_relation_accuracy(self) -> float | None:
        """Share of matched dates with the gold relation; None when none matched."""
        return self.date_relation.value

    def misses_by_doc(self) -> dict[str, list[Miss]]:
        """Return the misses grouped by document, documents in first-seen order."""
        grouped: dict[str, list[Miss]] = {}
        for miss in self.misses:
            grouped.setdefault(miss.doc, []).append(miss)
        return grouped

    def to_dict(self) -> dict:
        """Return a JSON-ready dict with stable key names (accuracies None when undefined)."""
        out: dict = {name: self.category(name).to_dict() for name in SCORED_CATEGORIES}
        out["documents"] = self.documents
        rate = self.published_rate
        out["published"] = {
            "hits": self.published_hits,
            "total": self.published_total,
            "rate": None if rate is None else round(rate, 4),
        }
        for key, acc in (
            ("figure_qualifier", self.figure_qualifier),
            ("date_relation", self.date_relation),
        ):
            out[f"{key}_accuracy"] = None if acc.value is None else round(acc.value, 4)
            out[f"{key}_counts"] = {"correct": acc.correct, "total": acc.total}
        out["misses"] = [asdict(m) for m in self.misses]
        out["spurious"] = [asdict(s) for s in self.spurious]
        out["mismatches"] = [asdict(m) for m in self.mismatches]
        out["unlocated_quotes"] = [asdict(m) for m in self.unlocated]
        return out
