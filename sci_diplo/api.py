"""The library's entry points: text in, annotated Docs, records and spans out.

No printing, no files: ``sources.py`` reads inputs, ``store.py`` keeps
records, ``cli.py`` talks to the user. Documents stream through ``nlp.pipe``
one at a time; a long one is read in pieces cut at paragraph breaks, and the
offsets of its facts are shifted back into the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from sci_diplo.components.base import keep_cache, release, set_text, span_text
from sci_diplo.components.extensions import COUNTRIES, DATES, FIGURES, PROGRAMMES
from sci_diplo.identity import Merger
from sci_diplo.models import DocumentInfo, Record
from sci_diplo.normalize.dates import parse_date_value
from sci_diplo.normalize.published import PublishedDates
from sci_diplo.normalize.readable import readable, readable_runs
from sci_diplo.pipeline import MAX_CHARS, build_pipeline
from sci_diplo.records import DocContext, doc_records
from sci_diplo.sources import Source, doc_id

PIPE_BATCH = 16  # rule components gain nothing from big batches; small ones bound memory
# Where a long text is cut, best first: a blank line, a line break, a sentence's end (a full
# stop, "?" or "!", maybe a closing quote or bracket, white space, then a capital, a digit or
# an opening quote), white space.
BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n"),
    re.compile(r"[.!?][\"'”’)\]]?[^\S\n]+(?=[\"'“‘(\[]?[A-Z0-9])"),
    re.compile(r"\s+"),
)


@dataclass
class Analysis:
    """One document read: what is known of it, and its records and spans.

    Long documents are read in pieces; each piece's Doc is reduced to records
    (and, when asked, spans) as soon as it is annotated, so memory holds one
    piece at a time, not the whole document's Docs.
    """

    source: Source
    info: DocumentInfo
    records: list[Record] = field(default_factory=list)
    spans: list[dict] = field(default_factory=list)
    pieces: int = 0


def split_text(text: str, limit: int = MAX_CHARS) -> list[tuple[int, str]]:
    """Return ``(offset, piece)`` pairs of at most ``limit`` characters that join back to ``text``.

    Cuts fall on a blank line where one lies in the second half of the window,
    else a line break, else a sentence's end, else white space, else anywhere.
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = start + limit
        for pattern in BREAKS:
            found = None
            for found in pattern.finditer(text, start + limit // 2, start + limit):
                pass
            if found is not None:
                cut = found.end()
                break
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def publication(text: str, meta: dict[str, str], option: str | None,
                finder: str | None = None) -> tuple[str | None, str | None]:
    """Return ``(published, source)``: the text's own date, else the sidecar's, else ``option``,
    else an estimate from the dates the text states; ``(None, None)`` when there is none.
    ``finder`` is ``readable(text)`` when the caller has it already."""
    dates = PublishedDates(readable(text) if finder is None else finder)
    if dates.stated:
        return dates.stated, "text"
    sidecar = parse_date_value(meta.get("published", "")) if meta.get("published") else None
    if sidecar:
        return sidecar, "sidecar"
    if option:
        return option, "option"
    estimate = dates.stated_or_estimate()
    return (estimate, "estimate") if estimate else (None, None)


def document_info(source: Source, published: str | None = None, finder: str | None = None) -> DocumentInfo:
    value, origin = publication(source.text, source.meta, published, finder)
    return DocumentInfo(
        path=source.path, doc_id=doc_id(source.text), published=value, published_source=origin,
        url=source.meta.get("url"), title=source.meta.get("title"), outlet=source.meta.get("outlet"),
        chars=len(source.text), encoding=source.encoding,
    )


def analyse(nlp: Language, sources: Iterable[Source], published: str | None = None, *,
            records: bool = True, spans: bool = False) -> Iterator[Analysis]:
    """Yield each source annotated by ``nlp`` with its ``records`` and/or ``spans``.

    ``published`` is the fallback publication date (after the text's own and a sidecar's).
    """

    def pieces() -> Iterator[tuple[Doc, tuple[Source, DocumentInfo, int, int]]]:
        for source in sources:
            finder, runs = readable_runs(source.text)  # read once, for the date and the finders
            info = document_info(source, published, finder)
            parts = split_text(source.text)
            for offset, text in parts:
                doc = nlp.make_doc(text)
                end = offset + len(text)
                # spares the components rebuilding doc.text and reading it again
                set_text(doc, text, finder[offset:end],
                         [(max(a, offset) - offset, min(b, end) - offset) for a, b in runs if a < end and b > offset])
                keep_cache(doc)  # the records below reuse the components' working data
                doc._.published, doc._.published_source = info.published, info.published_source or "none"
                yield doc, (source, info, offset, len(parts))

    current: Analysis | None = None
    for doc, (source, info, offset, count) in nlp.pipe(pieces(), as_tuples=True, batch_size=PIPE_BATCH):
        if current is None or current.source is not source:
            current, merger = Analysis(source, info), Merger()
        if records:  # merged piece by piece: a long document's repeats take no more memory
            meta = {k: v for k in ("url", "title", "outlet") if (v := getattr(info, k))}
            merger.add(doc_records(doc, DocContext(info.path, info.doc_id, info.published, meta, offset)))
        if spans:
            current.spans.extend(doc_spans(doc, offset))
        release(doc)
        current.pieces += 1
        if current.pieces == count:
            current.records = merger.records()
            current.spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
            yield current
            current = None


def doc_spans(doc: Doc, offset: int = 0) -> list[dict]:
    """Return every DATE, FIGURE, PROGRAMME and COUNTRY span of ``doc`` with its normalized fields."""
    spans = []
    for key, label, fields in SPAN_FIELDS:
        for span in doc.spans.get(key, []):
            item = {"label": label, "start": span.start_char + offset, "end": span.end_char + offset,
                    "text": span_text(span)}
            item.update({name: _plain(getattr(span._, attr)) for name, attr in fields})
            spans.append(item)
    return spans


SPAN_FIELDS = (
    (DATES, "DATE", (("value", "date_value"), ("relation", "relation"))),
    (FIGURES, "FIGURE", (("value", "figure_value"), ("unit", "unit"), ("qualifier", "qualifier"), ("upper", "upper"))),
    (PROGRAMMES, "PROGRAMME", (("name", "programme_name"), ("aliases", "aliases"), ("category", "category"))),
    (COUNTRIES, "COUNTRY", (("code", "country_code"),)),
)


def _plain(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def extract(text: str, published: str | None = None, nlp: Language | None = None) -> list[Record]:
    """Return the records of one text (``published`` anchors relative dates if the text has none)."""
    nlp = nlp or build_pipeline()
    source = Source("<text>", text)
    return [rec for analysis in analyse(nlp, [source], published) for rec in analysis.records]
