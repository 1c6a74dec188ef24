"""Sentence boundaries: punctuation, paragraphs and line breaks.

On a Doc that has no sentence boundaries yet, the component first applies
spaCy's sentencizer rule (a sentence starts at the first token that is not
punctuation after one of ``Sentencizer.default_punct_chars``), computed with
numpy over token attributes rather than a Python loop over tokens; the result
is the same (a test checks it). Punctuation alone would run a heading or a
dateline into the next sentence, so the component also starts a sentence
after a blank line, and after a single line break that ends a short
line or a sentence, except where a paragraph was cut in mid-sentence (a long
paragraph with no final punctuation, or a word hyphenated across the break),
as in text copied from PDF pages. It also writes the paragraphs to
``doc.spans["sci_diplo_paragraphs"]``, the passages that facts with no country
in their sentence take their countries from.

Line breaks are found with one regex pass over the text, and the sentence
starts are written in one array operation (setting ``token.is_sent_start``
one token at a time rescans the whole Doc each time). A Doc parsed by a
trained pipeline keeps its parser's sentences; one with a senter's keeps
those and only gains the paragraph breaks.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import DEP, IDX, IS_PUNCT, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from sci_diplo.components import extensions
from sci_diplo.components.base import Batched, doc_cache, doc_text, set_token_bounds
from sci_diplo.components.extensions import PARAGRAPHS

# A line break and the white space after it. Its literal first character lets the regex
# engine jump from one line break to the next; a pattern that starts with the spaces
# before the break is tried at every character, ten times slower.
LINE_BREAK = re.compile(r"\n\s*+")
TERMINAL = frozenset('.!?:;"”’)]…>')  # "]": a footnote mark; ">": an autolink, "<https://...>"
SHORT_LINE = 60  # a line shorter than this, ended by a line break, is a heading or a dateline
CUT_PARAGRAPH = 150  # a longer paragraph with no final punctuation was cut mid-sentence


def breaks(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Return the character offsets where a sentence must start, and the paragraphs' extents.

    Each run of white space holding a line break counts once, except at either end of the text.
    """
    starts, paragraphs = [], []
    para_start = block_start = line_start = 0  # block: the text since the last blank line
    for m in LINE_BREAK.finditer(text):
        start, end = run_start(text, m.start()), m.end()
        if start == 0 or end == len(text):
            continue
        last = text[start - 1]
        blank = m.group().count("\n") >= 2
        ended = last in TERMINAL
        cut = last == "-" or start - block_start > CUT_PARAGRAPH
        if blank and (ended or not cut):
            paragraphs.append((para_start, start))
            para_start = end
            starts.append(end)
        elif not blank and (ended or start - line_start < SHORT_LINE):
            starts.append(end)
        line_start = end
        if blank:
            block_start = end
    paragraphs.append((para_start, len(text)))
    return starts, paragraphs


def run_start(text: str, i: int) -> int:
    """Return where the run of white space that reaches ``i`` starts (``i`` if none precedes it)."""
    while i and text[i - 1].isspace():  # the characters of the regex class ``\s``
        i -= 1
    return i


def paragraph_spans(doc: Doc, text: str, paragraphs: list[tuple[int, int]], idx: numpy.ndarray) -> list[Span]:
    """Return the paragraphs that hold more than white space as Spans of the tokens they overlap.

    ``idx`` holds the tokens' character offsets. The Spans are those of ``doc.char_span(a, b,
    alignment_mode="expand")``: a paragraph starts at the text's start or on a character that is
    no white space, so never in a token's trailing space.
    """
    kept = numpy.array([(a, b) for a, b in paragraphs if text[a:b].strip()], dtype=numpy.uint64)
    if not len(kept):
        return []
    first = numpy.searchsorted(idx, kept[:, 0], side="right") - 1
    end = numpy.searchsorted(idx, kept[:, 1] - 1, side="right")
    return [Span(doc, a, b) for a, b in zip(first.tolist(), end.tolist())]


NOT_START = numpy.uint64(2**64 - 1)  # SENT_START -1 ("not a sentence start") as to_array gives it


class ParagraphSplitter(Batched):
    def __init__(self, nlp: Language, name: str, punctuation: bool = True) -> None:
        extensions.register()
        self.name = name
        self.punctuation = punctuation
        self.punct = numpy.unique(numpy.array([nlp.vocab.strings.add(c) for c in Sentencizer.default_punct_chars],
                                              dtype=numpy.uint64))  # sorted, for searchsorted

    def punctuation_starts(self, orth: numpy.ndarray, is_punct: numpy.ndarray) -> numpy.ndarray:
        """Return SENT_START values by the sentencizer's rule: 1 at token 0 and at the first token
        after a sentence-final character that is neither punctuation nor such a character."""
        punct = is_punct.astype(bool)
        candidates = numpy.flatnonzero(punct)  # every sentence-final character is punctuation (tested)
        final = candidates[self.sentence_final(orth[candidates])]
        words = numpy.flatnonzero(~punct)
        after = numpy.searchsorted(words, final, side="right")
        sent = numpy.full(len(orth), NOT_START, dtype=numpy.uint64)
        sent[0] = 1
        sent[words[after[after < len(words)]]] = 1
        return sent

    def sentence_final(self, orth: numpy.ndarray) -> numpy.ndarray:
        """Return which of the ``orth`` values are sentence-final characters (``numpy.isin``,
        which costs fifteen times as much on arrays this small)."""
        found = numpy.searchsorted(self.punct, orth)
        return self.punct[numpy.minimum(found, len(self.punct) - 1)] == orth

    def sentence_starts(self, table: numpy.ndarray, starts: list[int]) -> numpy.ndarray:
        """Return the SENT_START values: those already set, else the punctuation's, plus ``starts``.

        ``table`` holds ORTH, IS_PUNCT, IDX and SENT_START columns; ``starts`` are character offsets.
        """
        sent = table[:, 3].copy()
        if self.punctuation and not sent[1:].any():  # the first token always reads as a start
            sent = self.punctuation_starts(table[:, 0], table[:, 1])
        hits = numpy.searchsorted(table[:, 2], starts)
        sent[hits[hits < len(sent)]] = 1
        return sent

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            doc.spans[PARAGRAPHS] = []
            return doc
        text, cache = doc_text(doc), doc_cache(doc)
        starts, paragraphs = breaks(text)
        table = doc.to_array([ORTH, IS_PUNCT, IDX, SENT_START, DEP, LENGTH])
        cache.pop("sents", None)
        cache.pop("sent_starts", None)
        if not table[:, 4].any():  # a parser's sentences are its own
            sent = self.sentence_starts(table, starts)
            doc.from_array([SENT_START], sent)
            # the sentences' first tokens, as ``doc.sents`` gives them (token 0 always starts one)
            cache["sent_starts"] = [0, *(numpy.flatnonzero(sent[1:] == 1) + 1).tolist()]
        set_token_bounds(doc, table[:, 2], table[:, 5])
        spans = doc.spans[PARAGRAPHS] = paragraph_spans(doc, text, paragraphs, table[:, 2])
        cache["paragraphs"] = (spans, [p.start for p in spans])  # for ``paragraph_of``
        return doc


@Language.factory("sci_diplo_paragraphs", default_config={"punctuation": True})
def make_paragraphs(nlp: Language, name: str, punctuation: bool) -> ParagraphSplitter:
    return ParagraphSplitter(nlp, name, punctuation)


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
