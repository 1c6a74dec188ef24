"""From an annotated ``Doc`` to records (ids and merging are in ``identity.py``)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from sci_diplo.components.base import doc_text, found, sentences, span_text
from sci_diplo.components.claims import Claim, Pair, claims_of, found_index, sentence_countries
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

    def mention(self, span: Span, sentence: str) -> Mention:
        """Return the mention of ``span``, quoting ``sentence`` (its sentence's text, stripped)."""
        meta = self.meta
        return Mention(
            path=self.path, doc_id=self.doc_id,
            start=span.start_char + self.offset, end=span.end_char + self.offset,
            sentence=sentence, published=self.published,
            url=meta.get("url"), title=meta.get("title"), outlet=meta.get("outlet"),
        )


class SentenceFacts:
    """What the records of one sentence share, computed once per sentence of a Doc."""

    def __init__(self, doc: Doc, claims: list[Claim]) -> None:
        self.doc, self.text = doc, doc_text(doc)
        self.found = found_index(doc, COUNTRIES)
        self.texts: dict[int, tuple[str, str]] = {}
        # the linker gave each claim the countries of its sentence by the same ``sentence_countries``
        self.codes = {c.sentence.start: (c.countries, c.inferred) for c in claims}

    def texts_of(self, sent: Span) -> tuple[str, str]:
        """Return the sentence as mentions quote it (stripped) and as ids normalize it."""
        texts = self.texts.get(sent.start)
        if texts is None:
            text = self.text[sent.start_char : sent.end_char]
            texts = self.texts[sent.start] = (sys.intern(text.strip()), norm_text(text))
        return texts

    def countries(self, sent: Span) -> tuple[list[str], list[str]]:
        """Return ``(codes, inferred)`` of the sentence, as ``sentence_countries`` does."""
        codes = self.codes.get(sent.start)
        if codes is None:
            codes = self.codes[sent.start] = sentence_countries(self.doc, sent, self.found)
        return codes

    def own_countries(self, sent: Span) -> list[str]:
        """Return the countries named in the sentence itself (none when they are inferred)."""
        codes, inferred = self.countries(sent)
        return [] if inferred else codes


def date_value(pair: Pair) -> DateValue:
    span, match = pair
    return DateValue(value=match.value, relation=match.relation or "on", text=span_text(span))


def doc_records(doc: Doc, ctx: DocContext) -> list[Record]:
    """Return the records of one annotated Doc, merged where two state the same fact."""
    sents = sentences(doc)
    claims = claims_of(doc)
    facts = SentenceFacts(doc, claims)
    dates = {c.sentence.start: [date_value(pair) for pair in c.dates] for c in claims}  # shared: never changed
    figure_ids: dict[tuple[int, int], str] = {}
    programme_ids: dict[tuple[int, int], str] = {}
    out: list[Record] = []
    for span, match in found(doc, FIGURES):
        sent = sents.of(span)
        sent_dates = dates.get(sent.start)
        rec = figure_record((span, match), sent, ctx, facts, sent_dates[0] if sent_dates else None)
        figure_ids[(span.start, span.end)] = rec.id
        out.append(rec)
    for span, match in found(doc, PROGRAMMES):
        rec = programme_record((span, match), sents.of(span), ctx, facts)
        programme_ids[(span.start, span.end)] = rec.id
        out.append(rec)
    for claim in claims:
        figs = [figure_ids[(s.start, s.end)] for s, _ in claim.figures]
        progs = [programme_ids[(s.start, s.end)] for s, _ in claim.programmes]
        out.extend(claim_records(claim, ctx, facts, dates[claim.sentence.start], figs, progs))
    return merge(out, in_place=True)  # the records were just made here


def figure_record(pair: Pair, sent: Span, ctx: DocContext, facts: SentenceFacts,
                  date: DateValue | None) -> FigureRecord:
    span, m = pair
    quoted, norm = facts.texts_of(sent)
    codes, inferred = facts.countries(sent)
    value = float(m.value)
    key = (value, (m.unit or "").casefold(), m.qualifier, m.upper, norm)
    return FigureRecord(
        id=record_id("figure", *key), mentions=[ctx.mention(span, quoted)], text=span_text(span),
        value=value, unit=m.unit, qualifier=m.qualifier or "exact", upper=m.upper,
        countries=codes, inferred_countries=inferred, date=date,
    )


@lru_cache(maxsize=8192)  # the same programmes are named again and again, in a document and across a corpus
def programme_id(name: str) -> str:
    """Return the id of the programme called ``name``."""
    return record_id("programme", programme_key(name))


def programme_record(pair: Pair, sent: Span, ctx: DocContext, facts: SentenceFacts) -> ProgrammeRecord:
    span, m = pair
    return ProgrammeRecord(
        id=programme_id(m.name), mentions=[ctx.mention(span, facts.texts_of(sent)[0])], name=m.name,
        aliases=list(m.aliases or ()), category=m.category or "other", countries=facts.own_countries(sent),
    )


def claim_records(claim: Claim, ctx: DocContext, facts: SentenceFacts, dates: list[DateValue],
                  figures: list[str], programmes: list[str]) -> list[ClaimRecord]:
    """Return one record per date of ``claim`` (``dates``: those dates as values)."""
    text, norm = facts.texts_of(claim.sentence)
    mention = ctx.mention(claim.sentence, text)
    out = []
    for value in dates:
        key = (value.value or norm_text(value.text), value.relation, norm)
        out.append(ClaimRecord(
            id=record_id("claim", *key), mentions=[mention], text=text, date=value,
            countries=claim.countries, inferred_countries=claim.inferred, figures=figures, programmes=programmes,
        ))
    return out
