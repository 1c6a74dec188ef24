"""Figures: stated quantities with value, unit or counted noun, qualifier and range."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from sci_diplo.components.base import RESTORE, FinderComponent, doc_text, finder_text, joined_text
from sci_diplo.components.extensions import FIGURES
from sci_diplo.normalize.figures import find_figures
from sci_diplo.normalize.readable import capitals_lowered, in_capitals
from sci_diplo.normalize.types import FigureMatch


class FigureFinder(FinderComponent):
    """Writes ``doc.spans["sci_diplo_figures"]`` with ``figure_value``, ``unit``, ``qualifier``, ``upper``."""

    key = FIGURES
    label = "FIGURE"
    names = ("figure_value", "unit", "qualifier", "upper")

    def find(self, doc: Doc) -> list[FigureMatch]:
        text = doc_text(doc)
        joined, layout = joined_text(doc), finder_text(doc)
        if in_capitals(text):  # a cable or a fax: its counts' nouns in lower case, not as names
            joined, layout = capitals_lowered(joined, text), capitals_lowered(layout, text)
        return [rejoined(m, text) for m in find_figures(joined, layout)]

    def values(self, match: FigureMatch) -> tuple[object, ...]:
        return match.value, match.unit, match.qualifier, match.upper


# A word hyphenated across a line break ("coun-\ntries"), its first part ending before the match's unit.
_BROKEN_WORD = re.compile(r"([^\W\d_]+)-[^\S\n]*\n\s*\Z")


def rejoined(m: FigureMatch, text: str) -> FigureMatch:
    """Return ``m`` with its unit made whole when it is the second part of a word hyphenated
    across a line break: "the two coun-\ntries" counts countries, not "tries"."""
    unit = m.unit
    if not unit or not unit.islower() or text[m.end - len(unit) : m.end] != unit:
        return m
    u = m.end - len(unit)
    if text.rfind("\n", max(0, u - 4), u) < 0:  # no line break right before the unit: most figures
        return m
    broken = _BROKEN_WORD.search(text, max(0, u - 40), u)
    return replace(m, unit=broken.group(1).lower() + unit) if broken else m


@Language.factory("sci_diplo_figures")
def make_figures(nlp: Language, name: str) -> FigureFinder:
    return FigureFinder(nlp, name)


RESTORE[FIGURES] = lambda s: FigureMatch(
    s.start_char, s.end_char, s._.figure_value, s._.unit, s._.qualifier or "exact", s._.upper
)
