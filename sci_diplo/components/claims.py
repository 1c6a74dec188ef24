"""Dated claims: one per date-bearing statement, linking the sentence's facts.

A claim is a sentence holding at least one date that stands in a statement
(not a masthead or dateline, not the vague "today", not a year inside a
programme's name). Its span in ``doc.spans["sci_diplo_claims"]`` carries those
dates (``claim_dates``; the records hold one claim per date) and the
countries, figures and programmes of the sentence. A sentence that names no
country takes the countries of its paragraph, and says so in
``span._.claim_inferred``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from sci_diplo.components import extensions
from sci_diplo.components.extensions import CLAIMS, COUNTRIES, DATES, FIGURES, PROGRAMMES
from sci_diplo.components.paragraphs import paragraph_of

# Dates that name the moment of speaking rather than the time of an event.
DEICTIC = frozenset({"today", "now", "nowadays", "currently", "at present", "presently"})


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

    def covering(self, span: Span) -> bool:
        i = bisect_left(self.starts, span.start + 1)
        return any(s.start <= span.start and span.end <= s.end for s in self.spans[max(0, i - 8) : i])


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


def claim_dates(doc: Doc, programmes: SpanIndex) -> list[Span]:
    """Return the date spans that carry a claim."""
    return [
        d
        for d in doc.spans.get(DATES, [])
        if not d._.dateline and d.text.lower() not in DEICTIC and not programmes.covering(d)
    ]


class ClaimLinker:
    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        countries = SpanIndex(doc.spans.get(COUNTRIES, []))
        figures = SpanIndex(doc.spans.get(FIGURES, []))
        programmes = SpanIndex(doc.spans.get(PROGRAMMES, []))
        by_sentence: dict[int, list[Span]] = {}
        for date in claim_dates(doc, programmes):
            by_sentence.setdefault(date.sent.start, []).append(date)
        claims = []
        for dates in by_sentence.values():
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
