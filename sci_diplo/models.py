"""The Pydantic records: the public contract of sci_diplo.

Three record kinds share one discriminated union on ``kind``: ``figure``,
``programme`` and ``claim``. Every record has a stable ``id`` (a hash of its
normalized content, so the same fact in several documents is one record) and
``mentions``, one per occurrence, each with the evidence needed to quote and
check it: the file, a hash of the document text, character offsets into the
text as read, and the sentence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

# Named where the store's Pydantic-free reader can see them; re-exported here.
from sci_diplo.storedata import KINDS, STORE_FORMAT, STORE_VERSION  # noqa: F401

Qualifier = Literal[
    "exact", "more_than", "at_least", "less_than", "at_most", "about", "nearly", "range"
]
Relation = Literal["on", "before", "after", "since", "until", "by", "during"]
Category = Literal[
    "agreement", "treaty", "mou", "plan", "programme", "fund", "initiative", "centre",
    "joint_lab", "dialogue", "conference", "project", "facility", "other",
]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class _Strict(BaseModel):
    # defer_build: a schema is built on first use, so commands that use few models start fast
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Mention(_Strict):
    """One occurrence of a fact in one document."""

    path: str = Field(description="The file the fact was read from, as given ('stdin:' and the document id for a text read from stdin).")
    doc_id: str = Field(description="Hash of the document's text.")
    start: int = Field(ge=0, description="Start offset of the evidence in the text as read.")
    end: int = Field(ge=0, description="End offset (exclusive).")
    sentence: str = Field(description="The sentence that carries the fact.")
    published: str | None = Field(default=None, description="The document's publication date.")
    url: str | None = None
    title: str | None = None
    outlet: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Mention:
        if self.end < self.start:
            raise ValueError(f"mention end {self.end} is before its start {self.start}")
        return self


class DateValue(_Strict):
    """A normalized date: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``A/B``; None if unresolved."""

    value: str | None
    relation: Relation = "on"
    text: str = Field(description="The date expression as written.")


class _Record(_Strict):
    id: str = Field(description="Stable hash of the record's normalized content.")
    mentions: list[Mention] = Field(min_length=1)


class FigureRecord(_Record):
    """A stated quantity: "more than 1.8 billion doses"."""

    kind: Literal["figure"] = "figure"
    text: str = Field(description="The figure phrase as first seen.")
    value: float
    unit: str | None = Field(description="Counted head noun, unit of measure, 'percent' or ISO 4217 code.")
    qualifier: Qualifier = "exact"
    upper: float | None = Field(default=None, description="Upper bound of a range.")
    countries: list[CountryCode] = Field(default_factory=list)
    inferred_countries: list[CountryCode] = Field(
        default_factory=list,
        description="The subset of countries taken from the surrounding passage, not the sentence.",
    )
    date: DateValue | None = None


class ProgrammeRecord(_Record):
    """A named programme: agreement, plan, fund, joint lab, facility ..."""

    kind: Literal["programme"] = "programme"
    name: str
    aliases: list[str] = Field(default_factory=list)
    category: Category = "other"
    countries: list[CountryCode] = Field(default_factory=list)


class ClaimRecord(_Record):
    """A dated claim: a statement that something happened, holds or will happen at a time."""

    kind: Literal["claim"] = "claim"
    text: str = Field(description="The sentence that carries the claim.")
    date: DateValue
    countries: list[CountryCode] = Field(default_factory=list)
    inferred_countries: list[CountryCode] = Field(default_factory=list)
    figures: list[str] = Field(default_factory=list, description="Ids of the figures in the claim.")
    programmes: list[str] = Field(default_factory=list, description="Ids of the programmes in the claim.")


Record = Annotated[Union[FigureRecord, ProgrammeRecord, ClaimRecord], Field(discriminator="kind")]


class DocumentInfo(_Strict):
    """What the store remembers of one input file, to skip it when unchanged."""

    path: str
    doc_id: str
    published: str | None = None
    published_source: Literal["text", "sidecar", "option", "estimate"] | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    chars: int = 0
    encoding: str = "utf-8"


class Store(_Strict):
    """The store in memory: the documents read and the records, with full mentions."""

    format: Literal["sci_diplo.facts"] = STORE_FORMAT
    version: int = STORE_VERSION
    documents: list[DocumentInfo] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)


# On disk a mention is four integers: the index of its document in ``documents``
# (which carries path, doc_id, published, url, title, outlet), its start and end
# offsets, and the index of its sentence in ``sentences`` (each sentence once).
# That the four are in range (none negative, end not before start, indexes
# inside the tables) is checked after validation, in one pass over the file
# (``storefile.Unpacker.check``): a constraint per integer doubled the load time.
MentionRef = tuple[int, int, int, int]


class StoredFigure(FigureRecord):
    mentions: list[MentionRef] = Field(min_length=1)  # type: ignore[assignment]


class StoredProgramme(ProgrammeRecord):
    mentions: list[MentionRef] = Field(min_length=1)  # type: ignore[assignment]


class StoredClaim(ClaimRecord):
    mentions: list[MentionRef] = Field(min_length=1)  # type: ignore[assignment]


StoredRecord = Annotated[Union[StoredFigure, StoredProgramme, StoredClaim], Field(discriminator="kind")]


class StoreFile(_Strict):
    """The store file: every record validated, mentions pointing into the two tables."""

    format: Literal["sci_diplo.facts"] = STORE_FORMAT
    version: int = STORE_VERSION
    documents: list[DocumentInfo] = Field(default_factory=list)
    sentences: list[str] = Field(default_factory=list)
    records: list[StoredRecord] = Field(default_factory=list)


@lru_cache(maxsize=1)
def records_adapter() -> TypeAdapter[list[Record]]:
    """Return the validator and serializer of a list of records (built on first use)."""
    return TypeAdapter(list[Record])


def records_json_schema() -> dict:
    """Return the JSON Schema of a list of records (what ``scidip schema`` prints)."""
    return records_adapter().json_schema()
