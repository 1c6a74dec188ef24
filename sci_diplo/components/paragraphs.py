"""Paragraphs and line breaks as sentence boundaries.

spaCy's sentencizer splits on punctuation only, so a heading or a dateline
would run into the next sentence. This component runs after it and starts a
sentence after a blank line, and after a single line break that ends a short
line or a sentence, except where a paragraph was cut in mid-sentence (a long
paragraph with no final punctuation, or a word hyphenated across the break),
as in text copied from PDF pages. It also writes the paragraphs to
``doc.spans["sci_diplo_paragraphs"]``, the passages that facts with no country
in their sentence take their countries from.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sci_diplo.components import extensions
from sci_diplo.components.extensions import PARAGRAPHS

TERMINAL = frozenset('.!?:;"”’)…')
SHORT_LINE = 60  # a line shorter than this, ended by a line break, is a heading or a dateline
CUT_PARAGRAPH = 150  # a longer paragraph with no final punctuation was cut mid-sentence


class ParagraphSplitter:
    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        can_split = not doc.has_annotation("DEP")  # a parser's sentences are its own
        paragraphs, start, line_start = [], 0, 0
        for token in doc:
            if not token.is_space or "\n" not in token.text or token.i + 1 >= len(doc):
                continue
            prev, nxt = _previous_word(doc, token.i), doc[token.i + 1]
            if prev is None:
                continue
            blank = token.text.count("\n") >= 2
            ended = prev.text[-1] in TERMINAL
            line_len = prev.idx + len(prev.text) - line_start
            if blank and (ended or not _cut(doc, prev, start)):
                if start < token.i:
                    paragraphs.append(doc[start : token.i])
                start = token.i + 1
                brk = True
            else:
                brk = not blank and (ended or line_len < SHORT_LINE)
            if brk and can_split:
                nxt.is_sent_start = True
            line_start = nxt.idx
        if start < len(doc):
            paragraphs.append(doc[start:])
        doc.spans[PARAGRAPHS] = [p for p in paragraphs if p.text.strip()]
        return doc


def _previous_word(doc: Doc, i: int) -> Token | None:
    while i > 0:
        i -= 1
        if not doc[i].is_space:
            return doc[i]
    return None


def _cut(doc: Doc, prev: Token, start: int) -> bool:
    """True when a blank line falls inside a sentence (hyphenated word or long unended paragraph)."""
    if prev.text.endswith("-"):
        return True
    return prev.idx + len(prev.text) - doc[start].idx > CUT_PARAGRAPH


@Language.factory("sci_diplo_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter(nlp, name)


def paragraph_of(doc: Doc, span: Span) -> Span | None:
    """Return the paragraph that holds ``span``, or None."""
    for para in doc.spans.get(PARAGRAPHS, []):
        if para.start <= span.start < para.end:
            return para
    return None
