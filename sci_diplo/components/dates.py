"""Dates: calendar expressions normalized, relative ones resolved against publication.

The anchor is ``doc._.published`` when the caller set it (from the text, a
sidecar or ``--published``); otherwise the component reads the publication date
from the text itself and sets it, with ``doc._.published_source = "text"``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sci_diplo.components.base import RESTORE, FinderComponent, finder_text
from sci_diplo.components.extensions import DATES
from sci_diplo.normalize.dates import find_dates
from sci_diplo.normalize.published import find_published
from sci_diplo.normalize.types import DateMatch


class DateFinder(FinderComponent):
    """Writes ``doc.spans["sci_diplo_dates"]`` with ``date_value``, ``relation``, ``date_kind``, ``dateline``."""

    key = DATES
    label = "DATE"
    names = ("date_value", "relation", "date_kind", "dateline")

    def find(self, doc: Doc) -> list[DateMatch]:
        text = finder_text(doc)
        if doc._.published_source is None:
            doc._.published = find_published(text)
            doc._.published_source = "text" if doc._.published else "none"
        return find_dates(text, doc._.published)

    def values(self, match: DateMatch) -> tuple[object, ...]:
        return match.value, match.relation, match.kind, match.dateline


@Language.factory("sci_diplo_dates")
def make_dates(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)


RESTORE[DATES] = lambda s: DateMatch(
    s.start_char, s.end_char, s._.date_value, s._.relation or "on", s._.date_kind or "absolute", bool(s._.dateline)
)
