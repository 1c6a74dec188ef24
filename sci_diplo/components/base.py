"""What the rule components share: run a pure finder on the text, write spans."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from sci_diplo.components import extensions


TEXT_KEY = "sci_diplo.text"


def doc_text(doc: Doc) -> str:
    """Return ``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get(TEXT_KEY)
    # The length check guards against user_data copied into another Doc (Span.as_doc).
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """Return the token span for a character range, shrunk to whole tokens, else grown to them."""
    span = doc.char_span(start, end, label=label, alignment_mode="contract")
    if span is None or len(span) == 0:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
    return span if span is not None and len(span) else None


class FinderComponent:
    """A component that finds matches with a pure function and stores them as spans.

    Subclasses set ``key`` and ``label`` and implement ``find`` (matches for a
    doc) and ``annotate`` (copy a match's values onto its span).
    """

    key: str = ""
    label: str = ""

    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()
        self.name = name

    def find(self, doc: Doc) -> Sequence[Any]:
        raise NotImplementedError

    def annotate(self, span: Span, match: Any) -> None:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        self.write(doc, self.find(doc))
        return doc

    def write(self, doc: Doc, matches: Iterable[Any]) -> None:
        spans = []
        for match in matches:
            span = char_span(doc, match.start, match.end, self.label)
            if span is not None:
                self.annotate(span, match)
                spans.append(span)
        doc.spans[self.key] = spans


def make_factory(cls: type) -> Callable[[Language, str], Any]:
    """Return a factory function that builds ``cls`` (the factories take no options)."""

    def factory(nlp: Language, name: str) -> Any:
        return cls(nlp, name)

    return factory
