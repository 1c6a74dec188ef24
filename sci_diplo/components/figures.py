"""Figures: stated quantities with value, unit or counted noun, qualifier and range."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from sci_diplo.components.base import FinderComponent, doc_text
from sci_diplo.components.extensions import FIGURES
from sci_diplo.normalize.figures import find_figures
from sci_diplo.normalize.types import FigureMatch


class FigureFinder(FinderComponent):
    """Writes ``doc.spans["sci_diplo_figures"]`` with ``figure_value``, ``unit``, ``qualifier``, ``upper``."""

    key = FIGURES
    label = "FIGURE"

    def find(self, doc: Doc) -> list[FigureMatch]:
        return find_figures(doc_text(doc))

    def annotate(self, span: Span, match: FigureMatch) -> None:
        span._.figure_value = match.value
        span._.unit = match.unit
        span._.qualifier = match.qualifier
        span._.upper = match.upper


@Language.factory("sci_diplo_figures")
def make_figures(nlp: Language, name: str) -> FigureFinder:
    return FigureFinder(nlp, name)
