"""From an annotated ``Doc`` to records (ids and merging are in ``identity.py``)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from sci_diplo.components.base import found, sentences, span_text
from sci_diplo.components.claims import Claim, Found, Pair, claims_of, sentence_countries
from sci_diplo.components.extensions import COUNTRIES, FIGURES, PROGRAMMES
from sci_diplo.identity import merge, norm_text, record_id
from sci_diplo.models import ClaimRecord, DateValue, FigureRecord, Mention, ProgrammeRecord, Record
from sci_diplo.normalize.programmes import programme_key


@dataclass
class DocContext:
    """What every mention of a document carries besides its offsets."""

    path: str
    doc_id: str
    published: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    offset: int = 0  # where this Doc starts in the whole document (long texts are read in pieces)

    def mention(self, span: Span, sentence: Span) -> Mention:
        return Mention(
            path=self.path, doc_id=self.doc_id,
            start=span.start_char + self.offset, end=span.end_char + self.offset,
            sentence=sys.intern(span_text(sentence).strip()), published=self.published,
            url=self.meta.get("url"), title=self.meta.get("title"), outlet=self.meta.get("outlet"),
        )


def date_value(pair: Pair) -> DateValue:
    span, match = pair
    return DateValue(value=match.value, relation=match.relation or "on", text=span_text(span))


def doc_records(doc: Doc, ctx: DocContext) -> list[Record]:
    """Return the records of one annotated Doc, merged where two state the same fact."""
    countries = Found(found(doc, COUNTRIES))
    sents = sentences(doc)
    claims = claims_of(doc)
    sentence_dates = {c.sentence.start: c.dates[0] for c in claims}
    ids: dict[tuple[int, int, str], str] = {}
    out: list[Record] = []
    for span, match in found(doc, FIGURES):
        sent = sents.of(span)
        rec = figure_record(doc, (span, match), sent, ctx, countries, sentence_dates.get(sent.start))
        ids[(span.start, span.end, "figure")] = rec.id
        out.append(rec)
    for span, match in found(doc, PROGRAMMES):
        rec = programme_record((span, match), sents.of(span), ctx, countries)
        ids[(span.start, span.end, "programme")] = rec.id
        out.append(rec)
    for claim in claims:
        figs = [ids[(s.start, s.end, "figure")] for s, _ in claim.figures]
        progs = [ids[(s.start, s.end, "programme")] for s, _ in claim.programmes]
        out.extend(claim_records(claim, ctx, figs, progs))
    return merge(out)


def figure_record(doc: Doc, pair: Pair, sent: Span, ctx: DocContext, countries: Found,
                  date: Pair | None) -> FigureRecord:
    span, m = pair
    codes, inferred = sentence_countries(doc, sent, countries)
    value = float(m.value)
    key = (value, (m.unit or "").casefold(), m.qualifier, m.upper, norm_text(span_text(sent)))
    return FigureRecord(
        id=record_id("figure", *key), mentions=[ctx.mention(span, sent)], text=span_text(span),
        value=value, unit=m.unit, qualifier=m.qualifier or "exact", upper=m.upper,
        countries=codes, inferred_countries=inferred, date=date_value(date) if date is not None else None,
    )


def programme_record(pair: Pair, sent: Span, ctx: DocContext, countries: Found) -> ProgrammeRecord:
    span, m = pair
    codes = {c.code for _, c in countries.within(sent.start, sent.end)}
    return ProgrammeRecord(
        id=record_id("programme", programme_key(m.name)), mentions=[ctx.mention(span, sent)], name=m.name,
        aliases=list(m.aliases or ()), category=m.category or "other", countries=sorted(codes),
    )


def claim_records(claim: Claim, ctx: DocContext, figures: list[str], programmes: list[str]) -> list[ClaimRecord]:
    text = span_text(claim.sentence)
    norm = norm_text(text)
    mention = ctx.mention(claim.sentence, claim.sentence)
    out = []
    for pair in claim.dates:
        value = date_value(pair)
        key = (value.value or norm_text(value.text), value.relation, norm)
        out.append(ClaimRecord(
            id=record_id("claim", *key), mentions=[mention], text=text.strip(), date=value,
            countries=claim.countries, inferred_countries=claim.inferred, figures=figures, programmes=programmes,
        ))
    return out
