"""Gold annotation files: pydantic models, loading, and locating quotes.

A gold file describes what a correct extraction of one document contains (see
``data/gold/seeds/SCHEMA.md``). Every ``quote`` is meant to be an exact
substring of the document text; a quote may occur several times, and every
occurrence is a candidate span for the scorer.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sci_diplo.normalize.types import CATEGORIES, QUALIFIERS, RELATIONS

# One calendar point: YYYY, YYYY-MM or YYYY-MM-DD; a leading minus for years
# before the common era in astronomical numbering ("-0271").
_POINT = r"-?\d{4}(?:-\d{2}(?:-\d{2})?)?"
# A normalized date value: a point, or an interval "A/B" of two points.
DATE_VALUE_RE = re.compile(rf"{_POINT}(?:/{_POINT})?")
# An ISO 3166-1 alpha-3 country code.
COUNTRY_CODE_RE = re.compile(r"[A-Z]{3}")

CATEGORY_NAMES = ("figures", "dates", "programmes", "claims")


class GoldError(ValueError):
    """A gold file or folder that cannot be used; the message names the file."""


def _check_date(value: str) -> str:
    """Return ``value`` unchanged if it is a normalized date, else raise ValueError."""
    if not DATE_VALUE_RE.fullmatch(value):
        raise ValueError(f"not a normalized date value: {value!r}")
    return value


class _Item(BaseModel):
    """Fields every gold item has: the exact quote and the optional flag."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    quote: str = Field(min_length=1)
    optional: bool = False


class GoldFigure(_Item):
    """A stated quantity: value, unit (head noun or unit of measure), qualifier."""

    value: float
    unit: str = Field(min_length=1)
    qualifier: str = "exact"
    upper: float | None = None

    @field_validator("qualifier")
    @classmethod
    def _known_qualifier(cls, v: str) -> str:
        if v not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {v!r}; expected one of {QUALIFIERS}")
        return v


class GoldDate(_Item):
    """A temporal expression with its normalized value and relation."""

    value: str
    relation: str = "on"

    @field_validator("value")
    @classmethod
    def _value_ok(cls, v: str) -> str:
        return _check_date(v)

    @field_validator("relation")
    @classmethod
    def _known_relation(cls, v: str) -> str:
        if v not in RELATIONS:
            raise ValueError(f"unknown relation {v!r}; expected one of {RELATIONS}")
        return v


class GoldProgramme(_Item):
    """A named programme, agreement, centre, ... with its aliases."""

    name: str = Field(min_length=1)
    aliases: list[str] = []
    category: str = "other"

    @field_validator("category")
    @classmethod
    def _known_category(cls, v: str) -> str:
        if v not in CATEGORIES:
            raise ValueError(f"unknown category {v!r}; expected one of {CATEGORIES}")
        return v


class GoldClaim(_Item):
    """A dated claim: the quote carrying it, its date, the countries named."""

    date: str
    countries: list[str] = []

    @field_validator("date")
    @classmethod
    def _date_ok(cls, v: str) -> str:
        return _check_date(v)


class GoldDoc(BaseModel):
    """Everything a correct extraction of one document contains."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    doc: str = Field(min_length=1)
    published: str | None = None
    countries: list[str] = []
    figures: list[GoldFigure] = []
    dates: list[GoldDate] = []
    programmes: list[GoldProgramme] = []
    claims: list[GoldClaim] = []

    @field_validator("published")
    @classmethod
    def _published_ok(cls, v: str | None) -> str | None:
        return None if v is None else _check_date(v)

    @field_validator("countries")
    @classmethod
    def _codes_ok(cls, v: list[str]) -> list[str]:
        bad = [c for c in v if not COUNTRY_CODE_RE.fullmatch(c)]
        if bad:
            raise ValueError(f"not ISO alpha-3 country codes: {bad}")
        return v

    def items(self, category: str) -> list[_Item]:
        """Return the gold items of ``category`` (one of CATEGORY_NAMES)."""
        if category not in CATEGORY_NAMES:
            raise KeyError(category)
        return list(getattr(self, category))


def load_gold_file(path: str | Path) -> GoldDoc:
    """Load one gold JSON file; raise GoldError naming the file on any problem."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path.name}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path.name}: invalid JSON: {exc}") from exc
    try:
        return GoldDoc.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
            for err in exc.errors()
        )
        raise GoldError(f"{path.name}: does not follow the gold schema: {problems}") from exc


def load_gold_dir(path: str | Path) -> list[GoldDoc]:
    """Load every ``*.json`` file of a folder, sorted by file name.

    Raises GoldError if the folder does not exist, holds no ``*.json`` file, a
    file is not valid JSON or does not follow the schema, or two files annotate
    the same document.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a directory")
    files = sorted(p for p in folder.glob("*.json") if p.is_file())
    if not files:
        raise GoldError(f"{folder}: no *.json gold files")
    docs: list[GoldDoc] = []
    seen: dict[str, str] = {}
    for file in files:
        gold = load_gold_file(file)
        if gold.doc in seen:
            raise GoldError(f"{file.name}: document {gold.doc!r} already annotated in {seen[gold.doc]}")
        seen[gold.doc] = file.name
        docs.append(gold)
    return docs


def find_quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every occurrence of ``quote`` in ``text``.

    Occurrences are exact (character for character) and may overlap one
    another; the list is in text order and empty when the quote is absent or
    empty.
    """
    spans: list[tuple[int, int]] = []
    if not quote:
        return spans
    start = text.find(quote)
    while start != -1:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def locate_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Return the spans of ``quote`` in ``text``, tolerating white-space changes.

    Exact occurrences are preferred; only when there is none, the quote is
    searched with every white-space run allowed to be any non-empty run of
    white space (a text re-wrapped or with other line endings). Empty list when
    neither finds it.
    """
    spans = find_quote_spans(text, quote)
    if spans:
        return spans
    words = quote.split()
    if not words:
        return []
    # Literal words separated by white-space runs: linear, no nested quantifier.
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [m.span() for m in pattern.finditer(text)]


def unlocated_quotes(gold: GoldDoc, text: str, *, exact: bool = True) -> list[tuple[str, str]]:
    """Return ``(category, quote)`` for every gold quote not found in ``text``.

    With ``exact`` (default) only character-for-character occurrences count;
    otherwise white-space differences are tolerated as in ``locate_quote``.
    Empty list when every quote is found.
    """
    finder = find_quote_spans if exact else locate_quote
    return [
        (category, item.quote)
        for category in CATEGORY_NAMES
        for item in gold.items(category)
        if not finder(text, item.quote)
    ]

