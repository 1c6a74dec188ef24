"""Country mentions: names, short forms and demonyms, as ISO 3166-1 alpha-3 codes."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sci_diplo.components.base import RESTORE, FinderComponent, joined_text
from sci_diplo.components.extensions import COUNTRIES
from sci_diplo.normalize.country_mentions import find_countries
from sci_diplo.normalize.types import CountryMatch


class CountryFinder(FinderComponent):
    """Writes ``doc.spans["sci_diplo_countries"]``, each span with ``span._.country_code``."""

    key = COUNTRIES
    label = "COUNTRY"
    names = ("country_code",)

    def find(self, doc: Doc) -> list[CountryMatch]:
        return find_countries(joined_text(doc))

    def values(self, match: CountryMatch) -> tuple[object, ...]:
        return (match.code,)


@Language.factory("sci_diplo_countries")
def make_countries(nlp: Language, name: str) -> CountryFinder:
    return CountryFinder(nlp, name)


RESTORE[COUNTRIES] = lambda s: CountryMatch(s.start_char, s.end_char, s._.country_code)
