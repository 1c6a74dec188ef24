"""Named programmes: agreements, plans, funds, joint labs, dialogues, facilities ..."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from sci_diplo.components.base import RESTORE, FinderComponent, finder_text, joined_text, sentence_chars
from sci_diplo.components.extensions import PROGRAMMES
from sci_diplo.normalize.programme_words import programme_words
from sci_diplo.normalize.programmes import find_programmes
from sci_diplo.normalize.readable import keep_indented_breaks, rejoin_broken_words, snap
from sci_diplo.normalize.types import ProgrammeMatch


class ProgrammeFinder(FinderComponent):
    """Writes ``doc.spans["sci_diplo_programmes"]`` with ``programme_name``, ``aliases``, ``category``."""

    key = PROGRAMMES
    label = "PROGRAMME"
    names = ("programme_name", "aliases", "category")

    def find(self, doc: Doc) -> list[ProgrammeMatch]:
        # a name's word broken across lines is read whole ("Executive Pro-\ngramme"), and a
        # name that ends inside such a word is taken to its end; a name runs on into an indented
        # line ("Italy–Mexico\n      Space Weather Initiative")
        original = finder_text(doc)
        text, broken = rejoin_broken_words(keep_indented_breaks(joined_text(doc), original), original)
        matches = find_programmes(text, original)
        if not matches:
            return matches
        starts = sentence_chars(doc).tolist()
        cut = [within_sentence(m, text, starts) for m in matches]
        renamed = {m.name: c.name for m, c in zip(matches, cut) if c.name != m.name}
        matches = [replace(c, name=renamed[c.name]) if c.name in renamed and c is m else c
                   for m, c in zip(matches, cut)]  # (its later mentions by an alias: "the BSG scheme")
        if broken:
            firsts = [a for a, _ in broken]
            matches = [replace(m, start=span[0], end=span[1]) if (span := snap(m.start, m.end, broken, firsts)) != (m.start, m.end)
                       else m for m in matches]
        return matches

    def values(self, match: ProgrammeMatch) -> tuple[object, ...]:
        return match.name, list(match.aliases), match.category


def within_sentence(m: ProgrammeMatch, text: str, starts: list[int]) -> ProgrammeMatch:
    """Return ``m`` cut where the next sentence starts, if it runs into one (``starts``: where
    the sentences start, in order): a name that ends a line ("... the Joint Laboratory on
    Water") is not continued by the heading or sentence on the next ("In March 2021, China and
    Kenya ..."). Its name is then the words it keeps. Where the words before the new sentence
    hold no head of a name, the name is the sentence's: a table's header ("Scheme   FY 2022–23
    Change") does not open the name on the row below it ("Bilateral Seed Grants (BSG)")."""
    k = bisect_right(starts, m.start)
    if k == len(starts) or starts[k] >= m.end:
        return m
    end = starts[k]
    before = text[m.start:end].split()
    heads = programme_words().heads
    if not any(w.strip("(),.;:") in heads for w in before) and m.name.split()[:len(before)] == before:
        words = m.name.split()[len(before):]
        if len(words) > 1 and words[0] in ("The", "the") and text.startswith(words[0], end):
            words, end = words[1:], end + len(words[0])  # the sentence's article is no part of the name
            while text[end].isspace():
                end += 1
        return replace(m, start=end, name=" ".join(words))
    while end > m.start and text[end - 1].isspace():
        end -= 1
    return replace(m, end=end, name=" ".join(text[m.start:end].split()))


@Language.factory("sci_diplo_programmes")
def make_programmes(nlp: Language, name: str) -> ProgrammeFinder:
    return ProgrammeFinder(nlp, name)


RESTORE[PROGRAMMES] = lambda s: ProgrammeMatch(
    s.start_char, s.end_char, s._.programme_name, s._.category or "other", tuple(s._.aliases or ())
)
