"""From an annotated ``Doc`` to records (ids and merging are in ``identity.py``)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from spacy.tokens import Doc, Span

from sci_diplo.components.base import doc_text, found, sentences
from sci_diplo.components.claims import Claim, Pair, claims_of, found_index, sentence_countries
from sci_diplo.components.extensions import COUNTRIES, DATES, FIGURES, PROGRAMMES
from sci_diplo.identity import merge, norm_text, record_id
from sci_diplo.models import ClaimRecord, DateValue, FigureRecord, ProgrammeRecord, Record
from sci_diplo.normalize.dates import AFTER_DATELINE_RX
from sci_diplo.normalize.programmes import programme_key


@dataclass
class DocContext:
    """What every mention of a document carries besides its offsets."""

    path: str
    doc_id: str
    published: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    offset: int = 0  # where this Doc starts in the whole document (long texts are read in pieces)

    def __post_init__(self) -> None:
        meta = self.meta
        self.fields = {"path": self.path, "doc_id": self.doc_id, "published": self.published,
                       "url": meta.get("url"), "title": meta.get("title"), "outlet": meta.get("outlet")}

    def mention(self, span: Span, sentence: str, start: int | None = None, end: int | None = None) -> dict[str, Any]:
        """Return the fields of the mention of ``span`` (or of ``start``-``end`` in the Doc's text),
        quoting ``sentence`` (its sentence's text, stripped); they are validated as a
        :class:`Mention` with the record that holds them."""
        start = span.start_char if start is None else start
        end = span.end_char if end is None else end
        return {**self.fields, "start": start + self.offset, "end": end + self.offset, "sentence": sentence}


class SentenceFacts:
    """What the records of one sentence share, computed once per sentence of a Doc."""

    def __init__(self, doc: Doc, claims: list[Claim]) -> None:
        self.doc, self.text = doc, doc_text(doc)
        self.found = found_index(doc, COUNTRIES)
        self.texts: dict[int, tuple[str, str]] = {}
        # the linker gave each claim the countries of its sentence by the same ``sentence_countries``
        self.codes = {c.sentence.start: (c.countries, c.inferred) for c in claims}
        # Where a sentence's words start after the news dateline that opens it ("NAIROBI, March 5,
        # 2025 (Reuters) — "): the ids leave the dateline out, which reprints by other agencies change.
        sents = sentences(doc)
        self.after_dateline = {sents.of(span).start: (span.start_char, _dateline_end(self.text, span.end_char))
                               for span, m in found(doc, DATES) if m.dateline}

    def texts_of(self, sent: Span) -> tuple[str, str]:
        """Return the sentence as mentions quote it (stripped) and as ids normalize it (without
        the dateline that opens it)."""
        texts = self.texts.get(sent.start)
        if texts is None:
            text = self.text[sent.start_char : sent.end_char]
            date_start, story = self.after_dateline.get(sent.start, (sent.start_char, sent.start_char))
            cut = story - sent.start_char
            if 0 < cut < len(text.rstrip()):
                # the place stays: "NAIROBI, Kenya (AP) —" and "NAIROBI, March 5 (Reuters) —" are one
                # story, "ACCRA, Ghana, March 5 —" another
                norm = _dateline_place(self.text[sent.start_char : date_start]) + " | " + norm_text(text[cut:])
            else:
                norm = norm_text(text)
            texts = self.texts[sent.start] = (sys.intern(text.strip()), norm)
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


def _dateline_place(prefix: str) -> str:
    """Return the place a dateline names before its date, as ids compare it: its first words
    (the city), folded ("NAIROBI, Kenya (AP) — " and "Nairobi, " give "nairobi")."""
    return norm_text(re.split(r"[,(\-–—:|]", prefix.strip(" *_#>\t\r\n"), maxsplit=1)[0])


def _dateline_end(text: str, end: int) -> int:
    """Return where the story starts after a dateline's date that ends at ``end``."""
    return AFTER_DATELINE_RX.match(text, end).end()


@lru_cache(maxsize=None)
def list_adapter(model: type) -> TypeAdapter:
    """Return the validator of a list of ``model`` (built on first use)."""
    return TypeAdapter(list[model])


def validated(model: type, fields: list[dict[str, Any]]) -> list[Any]:
    """Return a ``model`` per dict of fields, nested parts (mentions) included, all validated in
    one call: a model built field by field costs a Python call per record and per mention."""
    return list_adapter(model).validate_python(fields) if fields else []


def claim_dates(claims: list[Claim], text: str) -> dict[int, list[DateValue]]:
    """Return the dates of each claim's sentence (by its start token) as values, validated in one
    call; figures of the sentence share them (they are never changed)."""
    fields = [{"value": m.value, "relation": m.relation or "on", "text": text[s.start_char : s.end_char]}
              for c in claims for s, m in c.dates]
    values = iter(validated(DateValue, fields))
    return {c.sentence.start: [next(values) for _ in c.dates] for c in claims}


def doc_records(doc: Doc, ctx: DocContext) -> list[Record]:
    """Return the records of one annotated Doc, merged where two state the same fact."""
    sents = sentences(doc)
    claims = claims_of(doc)
    facts = SentenceFacts(doc, claims)
    dates = claim_dates(claims, facts.text)
    figures = []
    relative = {c.sentence.start: c.dates[0][1].kind == "relative" for c in claims if c.dates}
    for span, match in found(doc, FIGURES):
        sent = sents.of(span)
        sent_dates = dates.get(sent.start)
        figures.append(figure_fields((span, match), sent, ctx, facts, sent_dates[0] if sent_dates else None,
                                     relative.get(sent.start, False)))
    programmes = [programme_fields(pair, sents.of(pair[0]), ctx, facts) for pair in found(doc, PROGRAMMES)]
    figure_ids = {(s.start, s.end): f["id"] for (s, _), f in zip(found(doc, FIGURES), figures)}
    programme_ids = {(s.start, s.end): f["id"] for (s, _), f in zip(found(doc, PROGRAMMES), programmes)}
    claim_fields = []
    for claim in claims:
        figs = [figure_ids[(s.start, s.end)] for s, _ in claim.figures]
        progs = [programme_ids[(s.start, s.end)] for s, _ in claim.programmes]
        claim_fields.extend(claim_records(claim, ctx, facts, dates[claim.sentence.start], figs, progs))
    out: list[Record] = validated(FigureRecord, figures)
    out += validated(ProgrammeRecord, programmes)
    out += validated(ClaimRecord, claim_fields)
    return merge(out, in_place=True)  # the records were just made here


def context(date: DateValue | None = None, relative: bool = False) -> tuple[str, ...]:
    """Return what a figure's id holds beyond its sentence: the resolved date of a relative one.
    The same sentence in two stories ("Last month, China and Brazil agreed to build two more
    satellites.") states two facts when "last month" resolves to two months, as its claims do
    (a claim's id holds its date). The countries a sentence takes from its paragraph do not
    enter the id: a reprint that splits a paragraph would no longer merge."""
    return ("at", date.value) if relative and date is not None and date.value else ()


def figure_fields(pair: Pair, sent: Span, ctx: DocContext, facts: SentenceFacts,
                  date: DateValue | None, relative: bool = False) -> dict[str, Any]:
    """Return the fields of a :class:`FigureRecord` (``relative``: its ``date`` was resolved
    against the publication date)."""
    span, m = pair
    quoted, norm = facts.texts_of(sent)
    codes, inferred = facts.countries(sent)
    value = float(m.value)
    key = (value, (m.unit or "").casefold(), m.qualifier, m.upper, norm, *context(date, relative))
    return {
        "id": record_id("figure", *key), "mentions": [ctx.mention(span, quoted)],
        "text": facts.text[span.start_char : span.end_char], "value": value, "unit": m.unit,
        "qualifier": m.qualifier or "exact", "upper": m.upper, "countries": codes, "inferred_countries": inferred,
        "date": date,
    }


@lru_cache(maxsize=8192)  # the same programmes are named again and again, in a document and across a corpus
def programme_id(name: str) -> str:
    """Return the id of the programme called ``name``."""
    return record_id("programme", programme_key(name))


def programme_fields(pair: Pair, sent: Span, ctx: DocContext, facts: SentenceFacts) -> dict[str, Any]:
    """Return the fields of a :class:`ProgrammeRecord`."""
    span, m = pair
    return {
        "id": programme_id(m.name), "mentions": [ctx.mention(span, facts.texts_of(sent)[0])], "name": m.name,
        "aliases": list(m.aliases or ()), "category": m.category or "other", "countries": facts.own_countries(sent),
    }


def claim_records(claim: Claim, ctx: DocContext, facts: SentenceFacts, dates: list[DateValue],
                  figures: list[str], programmes: list[str]) -> list[dict[str, Any]]:
    """Return the fields of one :class:`ClaimRecord` per date of ``claim`` (``dates``: those dates as values)."""
    text, norm = facts.texts_of(claim.sentence)
    sent = claim.sentence
    # The claim's evidence is its sentence as quoted: without the white space (line breaks, form
    # feeds) that a sentence with no closing punctuation holds at either end.
    raw = facts.text[sent.start_char : sent.end_char]
    start = sent.start_char + len(raw) - len(raw.lstrip())
    mention = ctx.mention(sent, text, start, start + len(text))
    out = []
    for value in dates:
        key = (value.value or norm_text(value.text), value.relation, norm)
        out.append({
            "id": record_id("claim", *key), "mentions": [mention], "text": text, "date": value,
            "countries": claim.countries, "inferred_countries": claim.inferred, "figures": figures,
            "programmes": programmes,
        })
    return out
