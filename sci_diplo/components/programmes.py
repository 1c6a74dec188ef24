"""Named programmes: agreements, plans, funds, joint labs, dialogues, facilities ..."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sci_diplo.components.base import RESTORE, FinderComponent, doc_text
from sci_diplo.components.extensions import PROGRAMMES
from sci_diplo.normalize.programmes import find_programmes
from sci_diplo.normalize.types import ProgrammeMatch


class ProgrammeFinder(FinderComponent):
    """Writes ``doc.spans["sci_diplo_programmes"]`` with ``programme_name``, ``aliases``, ``category``."""

    key = PROGRAMMES
    label = "PROGRAMME"
    names = ("programme_name", "aliases", "category")

    def find(self, doc: Doc) -> list[ProgrammeMatch]:
        return find_programmes(doc_text(doc))

    def values(self, match: ProgrammeMatch) -> tuple[object, ...]:
        return match.name, list(match.aliases), match.category


@Language.factory("sci_diplo_programmes")
def make_programmes(nlp: Language, name: str) -> ProgrammeFinder:
    return ProgrammeFinder(nlp, name)


RESTORE[PROGRAMMES] = lambda s: ProgrammeMatch(
    s.start_char, s.end_char, s._.programme_name, s._.category or "other", tuple(s._.aliases or ())
)
