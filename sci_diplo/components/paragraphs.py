"""Paragraphs and line breaks as sentence boundaries.

spaCy's sentencizer splits on punctuation only, so a heading or a dateline
would run into the next sentence. This component runs after it and starts a
sentence after a blank line, and after a single line break that ends a short
line or a sentence, except where a paragraph was cut in mid-sentence (a long
paragraph with no final punctuation, or a word hyphenated across the break),
as in text copied from PDF pages. It also writes the paragraphs to
``doc.spans["sci_diplo_paragraphs"]``, the passages that facts with no country
in their sentence take their countries from.

Line breaks are found with one regex pass over the text, and the sentence
starts are written in one array operation (setting ``token.is_sent_start``
one token at a time rescans the whole Doc each time).
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from sci_diplo.components import extensions
from sci_diplo.components.base import doc_cache, doc_text
from sci_diplo.components.extensions import PARAGRAPHS

BREAK = re.compile(r"[^\S\n]*+\n\s*+")  # a run of white space holding a line break
TERMINAL = frozenset('.!?:;"”’)…')
SHORT_LINE = 60  # a line shorter than this, ended by a line break, is a heading or a dateline
CUT_PARAGRAPH = 150  # a longer paragraph with no final punctuation was cut mid-sentence


def breaks(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Return the character offsets where a sentence must start, and the paragraphs' extents."""
    starts, paragraphs = [], []
    para_start = line_start = 0
    for m in BREAK.finditer(text):
        if m.start() == 0 or m.end() == len(text):
            continue
        last = text[m.start() - 1]
        blank = m.group().count("\n") >= 2
        ended = last in TERMINAL
        cut = last == "-" or m.start() - para_start > CUT_PARAGRAPH
        if blank and (ended or not cut):
            paragraphs.append((para_start, m.start()))
            para_start = m.end()
            starts.append(m.end())
        elif not blank and (ended or m.start() - line_start < SHORT_LINE):
            starts.append(m.end())
        line_start = m.end()
    paragraphs.append((para_start, len(text)))
    return starts, paragraphs


class ParagraphSplitter:
    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            doc.spans[PARAGRAPHS] = []
            return doc
        starts, paragraphs = breaks(doc_text(doc))
        if starts and not doc.has_annotation("DEP"):  # a parser's sentences are its own
            idx = doc.to_array(IDX)
            sent = doc.to_array([SENT_START])  # one uint64 per token
            hits = numpy.searchsorted(idx, starts)
            sent[hits[hits < len(doc)]] = 1
            doc.from_array([SENT_START], sent)
            doc_cache(doc).pop("sents", None)
        text = doc_text(doc)
        spans = [doc.char_span(a, b, alignment_mode="expand") for a, b in paragraphs if text[a:b].strip()]
        doc.spans[PARAGRAPHS] = [s for s in spans if s is not None]
        doc_cache(doc).pop("paragraphs", None)
        return doc


@Language.factory("sci_diplo_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter(nlp, name)


def paragraph_of(doc: Doc, span: Span) -> Span | None:
    """Return the paragraph that holds ``span``, or None."""
    cache = doc_cache(doc)
    if "paragraphs" not in cache:
        paragraphs = list(doc.spans.get(PARAGRAPHS, []))
        cache["paragraphs"] = (paragraphs, [p.start for p in paragraphs])
    paragraphs, starts = cache["paragraphs"]
    i = bisect_right(starts, span.start) - 1
    if 0 <= i < len(paragraphs) and span.start < paragraphs[i].end:
        return paragraphs[i]
    return None
