"""Figures: stated quantities with value, unit or counted noun, qualifier and range."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sci_diplo.components.base import RESTORE, FinderComponent, joined_text
from sci_diplo.components.extensions import FIGURES
from sci_diplo.normalize.figures import find_figures
from sci_diplo.normalize.types import FigureMatch


class FigureFinder(FinderComponent):
    """Writes ``doc.spans["sci_diplo_figures"]`` with ``figure_value``, ``unit``, ``qualifier``, ``upper``."""

    key = FIGURES
    label = "FIGURE"
    names = ("figure_value", "unit", "qualifier", "upper")

    def find(self, doc: Doc) -> list[FigureMatch]:
        return find_figures(joined_text(doc))

    def values(self, match: FigureMatch) -> tuple[object, ...]:
        return match.value, match.unit, match.qualifier, match.upper


@Language.factory("sci_diplo_figures")
def make_figures(nlp: Language, name: str) -> FigureFinder:
    return FigureFinder(nlp, name)


RESTORE[FIGURES] = lambda s: FigureMatch(
    s.start_char, s.end_char, s._.figure_value, s._.unit, s._.qualifier or "exact", s._.upper
)
