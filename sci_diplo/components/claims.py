"""Dated claims: one per date-bearing statement, linking the sentence's facts.

A claim is a sentence holding at least one date that stands in a statement:
not a masthead or dateline, not the vague "today" or a decade ("the ‘80s"),
and not a date that a more precise date of the same sentence lies within
("the 2021 Conference opened on December 12" is dated 2021-12-12). Its span in ``doc.spans["sci_diplo_claims"]`` carries those
dates (``claim_dates``; the records hold one claim per date) and the
countries, figures and programmes of the sentence. A sentence that names no
country takes the countries of its paragraph, and says so in
``span._.claim_inferred``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from sci_diplo.components import extensions
from sci_diplo.components.extensions import CLAIMS, COUNTRIES, DATES, FIGURES, PROGRAMMES
from sci_diplo.components.paragraphs import paragraph_of
from sci_diplo.normalize.dates import date_bounds

# Dates that name the moment of speaking rather than the time of an event.
DEICTIC = frozenset({"today", "now", "nowadays", "currently", "at present", "presently"})
# Past forms that make "today" the day of an event ("has today signed", "today announced").
IRREGULAR_PAST = frozenset("said made began held met won gave sent took became put set struck told paid led".split())
# Decades and centuries name an era, not the time of an event: "the ‘80s", "1990s", "the 21st century".
VAGUE = re.compile(r"\d0s\b|\bcentur(?:y|ies)\b", re.I)


class SpanIndex:
    """Spans sorted by start token, to find those inside a token range quickly."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.spans]

    def within(self, start: int, end: int) -> list[Span]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end <= end:
                out.append(self.spans[i])
            i += 1
        return out


def sentence_countries(doc: Doc, sent: Span, countries: SpanIndex) -> tuple[list[str], list[str]]:
    """Return ``(codes, inferred)``: the sentence's countries, else its paragraph's (all inferred)."""
    codes = sorted({s._.country_code for s in countries.within(sent.start, sent.end)})
    if codes:
        return codes, []
    para = paragraph_of(doc, sent)
    if para is None:
        return [], []
    inferred = sorted({s._.country_code for s in countries.within(para.start, para.end)})
    return inferred, inferred


def dates_an_event(date: Span) -> bool:
    """True when "today" dates an event: a past verb follows it, or "has"/"have" comes before it."""
    doc = date.doc
    after = doc[date.end].lower_ if date.end < len(doc) else ""
    before = doc[date.start - 1].lower_ if date.start > 0 else ""
    return (after.endswith("ed") and after.isalpha()) or after in IRREGULAR_PAST or before in ("has", "have")


def claim_dates(doc: Doc) -> list[Span]:
    """Return the date spans that may carry a claim."""
    return [
        d
        for d in doc.spans.get(DATES, [])
        if not d._.dateline and not VAGUE.search(d.text)
        and (d.text.lower() not in DEICTIC or dates_an_event(d))
    ]


def most_precise(dates: list[Span]) -> list[Span]:
    """Return ``dates`` less those that strictly contain another one's period."""
    bounds = [date_bounds(d._.date_value) if d._.date_value else None for d in dates]

    def contains(a, b) -> bool:
        return a is not None and b is not None and a != b and a[0] <= b[0] and b[1] <= a[1]

    return [d for d, a in zip(dates, bounds) if not any(contains(a, b) for b in bounds)]


class ClaimLinker:
    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        countries = SpanIndex(doc.spans.get(COUNTRIES, []))
        figures = SpanIndex(doc.spans.get(FIGURES, []))
        programmes = SpanIndex(doc.spans.get(PROGRAMMES, []))
        by_sentence: dict[int, list[Span]] = {}
        for date in claim_dates(doc):
            by_sentence.setdefault(date.sent.start, []).append(date)
        claims = []
        for dates in by_sentence.values():
            dates = most_precise(dates)
            sent = dates[0].sent
            claim = Span(doc, sent.start, sent.end, label="CLAIM")
            claim._.claim_dates = dates
            claim._.claim_countries, claim._.claim_inferred = sentence_countries(doc, sent, countries)
            claim._.claim_figures = figures.within(sent.start, sent.end)
            claim._.claim_programmes = programmes.within(sent.start, sent.end)
            claims.append(claim)
        doc.spans[CLAIMS] = claims
        return doc


@Language.factory("sci_diplo_claims")
def make_claims(nlp: Language, name: str) -> ClaimLinker:
    return ClaimLinker(nlp, name)
