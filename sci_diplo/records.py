"""From an annotated ``Doc`` to records (ids and merging are in ``identity.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from sci_diplo.components.claims import SpanIndex, sentence_countries
from sci_diplo.components.extensions import CLAIMS, COUNTRIES, FIGURES, PROGRAMMES
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
            sentence=sentence.text.strip(), published=self.published,
            url=self.meta.get("url"), title=self.meta.get("title"), outlet=self.meta.get("outlet"),
        )


def date_value(span: Span) -> DateValue:
    return DateValue(value=span._.date_value, relation=span._.relation or "on", text=span.text)


def doc_records(doc: Doc, ctx: DocContext) -> list[Record]:
    """Return the records of one annotated Doc, merged where two state the same fact."""
    countries = SpanIndex(doc.spans.get(COUNTRIES, []))
    sentence_dates = {c.start: c._.claim_dates[0] for c in doc.spans.get(CLAIMS, [])}
    figure_ids: dict[tuple[int, int], str] = {}
    programme_ids: dict[tuple[int, int], str] = {}
    out: list[Record] = []
    for span in doc.spans.get(FIGURES, []):
        rec = figure_record(doc, span, ctx, countries, sentence_dates.get(span.sent.start))
        figure_ids[(span.start, span.end)] = rec.id
        out.append(rec)
    for span in doc.spans.get(PROGRAMMES, []):
        rec = programme_record(span, ctx, countries)
        programme_ids[(span.start, span.end)] = rec.id
        out.append(rec)
    for claim in doc.spans.get(CLAIMS, []):
        figs = [figure_ids[(s.start, s.end)] for s in claim._.claim_figures]
        progs = [programme_ids[(s.start, s.end)] for s in claim._.claim_programmes]
        out.extend(claim_records(claim, ctx, figs, progs))
    return merge(out)


def figure_record(doc: Doc, span: Span, ctx: DocContext, countries: SpanIndex, date: Span | None) -> FigureRecord:
    sent = span.sent
    codes, inferred = sentence_countries(doc, sent, countries)
    value, unit = float(span._.figure_value), span._.unit
    key = (value, (unit or "").casefold(), span._.qualifier, span._.upper, norm_text(sent.text))
    return FigureRecord(
        id=record_id("figure", *key), mentions=[ctx.mention(span, sent)], text=span.text,
        value=value, unit=unit, qualifier=span._.qualifier or "exact", upper=span._.upper,
        countries=codes, inferred_countries=inferred, date=date_value(date) if date is not None else None,
    )


def programme_record(span: Span, ctx: DocContext, countries: SpanIndex) -> ProgrammeRecord:
    sent = span.sent
    codes = {s._.country_code for s in countries.within(sent.start, sent.end)}
    return ProgrammeRecord(
        id=record_id("programme", programme_key(span._.programme_name)),
        mentions=[ctx.mention(span, sent)], name=span._.programme_name,
        aliases=list(span._.aliases or []), category=span._.category or "other", countries=sorted(codes),
    )


def claim_records(claim: Span, ctx: DocContext, figures: list[str], programmes: list[str]) -> list[ClaimRecord]:
    out = []
    for date in claim._.claim_dates:
        value = date_value(date)
        key = (value.value or norm_text(value.text), value.relation, norm_text(claim.text))
        out.append(ClaimRecord(
            id=record_id("claim", *key), mentions=[ctx.mention(claim, claim)], text=claim.text.strip(),
            date=value, countries=claim._.claim_countries, inferred_countries=claim._.claim_inferred,
            figures=figures, programmes=programmes,
        ))
    return out
