"""Plain match types that the pure rule modules return.

They carry character offsets into the text they were given (half-open,
``text[start:end]`` is the matched text) and already-normalized values. They
know nothing of spaCy: the components in ``sci_diplo.components`` turn them
into ``Doc`` spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field

QUALIFIERS = (
    "exact",
    "more_than",
    "at_least",
    "less_than",
    "at_most",
    "about",
    "nearly",
    "range",
)
RELATIONS = ("on", "before", "after", "since", "until", "by", "during")
CATEGORIES = (
    "agreement",
    "treaty",
    "mou",
    "plan",
    "programme",
    "fund",
    "initiative",
    "centre",
    "joint_lab",
    "dialogue",
    "conference",
    "project",
    "facility",
    "other",
)


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression: "1.8 billion", "thirty-three", "8,300", "two-thirds"."""

    start: int
    end: int
    value: float


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """A stated quantity: qualifier + number + unit or counted head noun.

    ``start``/``end`` cover the whole phrase ("more than 1.8 billion doses");
    ``unit`` is the head noun as written ("scientists"), or one of ``percent``,
    ``°C``, ``megawatts``, ``meters``, ``years`` ..., or an ISO 4217 code.
    ``upper`` is set only for ranges (qualifier ``range``).
    """

    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str = "exact"
    upper: float | None = None


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A temporal expression with its normalized value.

    ``value`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, an interval ``A/B``, or
    None when the expression is relative and no anchor was known. ``kind`` is
    ``absolute`` or ``relative``; ``dateline`` is True for a date that stands as
    a document's or story's own date (masthead, dateline, citation) rather than
    in a statement.
    """

    start: int
    end: int
    value: str | None
    relation: str = "on"
    kind: str = "absolute"
    dateline: bool = False


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A country named, abbreviated or referred to by demonym: ISO alpha-3 code."""

    start: int
    end: int
    code: str


@dataclass(frozen=True, slots=True)
class ProgrammeMatch:
    """A named programme: agreement, plan, fund, joint lab, facility ..."""

    start: int
    end: int
    name: str
    category: str
    aliases: tuple[str, ...] = field(default=())
