"""Programme names closed by a lower-case head word: "the Horizon Europe programme",
"the Belt and Road initiative", "India's INSPIRE scheme".

Helpers for :mod:`sci_diplo.normalize.programmes`. A lower-case head makes a name only in a
narrow shape, since "programme" or "plan" after a capitalised word is most often no name
("the Chinese programme", "the EU plan", "the Greens plan to ..."):

- the capitalised words stand right before the head, after "the" or a possessive ("India's");
- they are not all words that name no programme: a country or its demonym ("the UK
  programme", "the US-China agreement"), a generic modifier ("the National plan"), a month
  or another word that opens no name ("the March agreement"), a body of the solar system
  ("the Mars mission");
- none of them is an organisation's word ("the World Bank programme");
- a lone acronym comes only before a head that organisations rarely take ("the INSPIRE
  scheme"; "the NASA programme" and "the EU initiative" are an organisation's);
- the head is no verb ("... plan to", "... fund the").

The name is written with its head ("INSPIRE scheme"); the capitalised words alone are an
alias ("INSPIRE"), the form a text uses when it drops the head.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sci_diplo.normalize.countries import lookup_country
from sci_diplo.normalize.programme_aliases import alias_after
from sci_diplo.normalize.programme_premods import BY_WHOM, scan_premods
from sci_diplo.normalize.programme_scan import is_acronym
from sci_diplo.normalize.programme_words import ProgrammeWords

# "the", a possessive determiner or a possessive right before the capitalised words, maybe
# with a word of who leads or funds it between ("the EU-funded Horizon Europe programme").
_DETERMINER_BEFORE_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[Hh]is|[Hh]er|[Tt]his)|[^\W\d_]['’]s?)[^\S\n]+"
    r"(?:[\w.]{1,20}[-–](?:" + "|".join(w.lstrip("-–") for w in BY_WHOM if w[0] == "-") + r")[^\S\n]+)?\Z"
)
DETERMINER_LOOKBACK = 40
# A hyphen or dash inside a word: "US-China".
_DASH_RE = re.compile(r"[\-‐‑‒–—―−]")
# A word after the head that makes it a verb ("the Europeans plan to", "Americans fund the")
# or the head part of a compound ("the Benefit fund raiser").
_NO_HEAD_AFTER_RE = re.compile(r"[^\S\n]+(?:to|the|a|an|its|their|new|more|rais(?:er|ers|ing))\b")


class LowerName(NamedTuple):
    """A name closed by a lower-case head: its span, name, category and the alias without the head."""

    start: int
    end: int
    name: str
    category: str
    alias: str
    explicit: str | None  # an acronym in a parenthesis after it: "(GIAN)"


def _names_nothing(word: str, words: ProgrammeWords) -> bool:
    """True for a word that names no programme by itself: a country or demonym (or a pair of
    them, "US-China"), a generic modifier, a word that opens no name, a body of the solar system."""
    if word in words.generic_modifiers or word in words.stop_starts or word in words.not_name_words:
        return True
    return all(lookup_country(part) for part in _DASH_RE.split(word))


def _a_name(head: str, premods: list[str], words: ProgrammeWords) -> bool:
    """True when the capitalised words before a lower-case head make a programme's name."""
    mods = [w for w in premods if w not in words.premod_connectors]
    if not mods or not words.organisation_words.isdisjoint(mods):
        return False
    if all(_names_nothing(w, words) for w in mods) or lookup_country(" ".join(mods)):
        return False  # "the Chinese programme", "the United States plan"
    return not (len(mods) == 1 and is_acronym(mods[0]) and head not in words.lower_acronym_heads)


def _after_capitalised(text: str, end: int) -> bool:
    """True when the word that ends at ``end`` starts with a capital (looked at over 40 characters)."""
    if not end or not (text[end - 1].isalnum() or text[end - 1] in "'’."):
        return False
    low = max(0, end - 40)
    space = max(text.rfind(" ", low, end), text.rfind("\n", low, end))
    return text[space + 1 if space >= 0 else low].isupper()


def _head_places(scan: bytes, keys: tuple[bytes, ...]) -> list[int]:
    """Return where a lower-case head may start after a space, in order (``bytes.find`` per head:
    a quick search each, cheaper than a regex tried at every space)."""
    places = []
    for key in keys:
        at = scan.find(key, 1)
        while at >= 0:
            if scan[at - 1] == 32:  # b" "
                places.append(at)
            at = scan.find(key, at + len(key))
    return sorted(set(places))  # ("program" is found again inside "programme")


def find_lower_names(text: str, words: ProgrammeWords, scan: bytes | None = None) -> list[LowerName]:
    """Return the names closed by a lower-case head in ``text``, left to right. ``scan`` is the
    text's ASCII bytes as ``programmes`` scans them (made here if not given)."""
    if scan is None:
        scan = text.encode("ascii", "replace").translate(words.head_scan_table)
    out: list[LowerName] = []
    floor = 0
    heads = words.lower_head_re
    for head_start in _head_places(scan, words.lower_head_keys):
        if head_start < floor or not _after_capitalised(text, head_start - 1):
            continue
        m = heads.match(scan, head_start - 1)
        if m is None:
            continue
        head_end, last = m.end(), head_start
        while (more := heads.match(scan, head_end)) is not None:
            last, head_end = more.start("head"), more.end()  # "the MEXT scholarship scheme"
        if head_end < len(text) and text[head_end].isalnum():
            continue  # a letter the scan bytes hide ("programmeé")
        head = text[last:head_end]
        if _NO_HEAD_AFTER_RE.match(text, head_end):
            continue
        if head_end < len(text) and text[head_end] in "-‐‑–&_":
            continue  # "plan-based", a word that goes on
        premods = scan_premods(text, head_start, floor, words)
        if not premods:
            continue
        start = premods[0][0]
        if not _DETERMINER_BEFORE_RE.search(text, max(0, start - DETERMINER_LOOKBACK), start):
            continue
        if not _a_name(head, [t[2] for t in premods], words):
            continue
        alias = " ".join(text[start : premods[-1][1]].split())
        name = " ".join(text[start:head_end].split())
        explicit, end = alias_after(text, head_end, name, words)
        out.append(LowerName(start, end, name, words.lower_heads[head], alias, explicit))
        floor = end
    return out
