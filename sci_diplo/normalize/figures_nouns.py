"""The head noun of what a number counts, found without a tagger.

``head_noun(text, pos, singular)`` walks the words after a number: modifiers
(adjectives, demonyms, noun modifiers, "X and Y" adjective pairs) are
skipped; the head is the first plural-looking word ("scientists", "people",
"data"), or with ``singular`` (value 1, fractions) the last word before a
boundary ("one joint laboratory with" -> "laboratory"). A boundary is a
preposition, conjunction, determiner, auxiliary, adverb, punctuation or number.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

# One word (letters, then letters/digits/apostrophes/hyphens), a number, or one
# other visible character; markdown ``*`` and ``_`` are skipped.
WALK_RE = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d.,]*|[^\s*_]")

BOUNDARY = frozenset("""
of in on at to from with by for into onto across among amongst between through throughout
over under about after before during since until till within without per via including like
unlike than as against toward towards upon around near beyond despite except along beside
besides behind below above ago versus vs
and or but nor while whereas that which who whom whose where when whether if because although
though so yet
the a an this these those its their our his her my your each every some any all no both either
neither another such it they them we us he she i you there here what
is are was were be been being am has have had having will would can could should may might must
do does did shall
also already still now then just only even ever never not respectively together alone too again
currently recently annually worldwide nationwide abroad altogether apiece more less most
further away ahead back forward later earlier apart aside home instead anywhere everywhere
somewhere nowhere out minus
""".split())
# Plurals not ending in -s, and invariant nouns that count as plural.
IRREGULAR_PLURALS = frozenset("""
people children staff personnel media data police cattle women men feet teeth mice geese alumni
criteria phenomena bacteria fungi nuclei curricula aircraft spacecraft sheep fish deer livestock
poultry youth clergy faculty crew offspring species series headquarters
""".split())
# Words ending in -s that are not plural nouns.
NOT_PLURAL = frozenset("""
news means lens gas bus bias atlas canvas chaos yes this his its thus plus less unless perhaps
always sometimes afterwards towards besides whereas overseas nevertheless hers ours yours theirs
does has was is as us alias diabetes measles rabies herpes physics economics politics mathematics
ethics logistics statistics analytics genetics electronics robotics
""".split())
# Plural words that usually modify a following noun ("sports facilities").
PLURAL_MODIFIERS = frozenset("sports arms sales savings goods communications customs".split())
# Endings of singular words in -s ("business", "campus", "analysis", "hepatitis");
# "Iraqis", "taxis" stay plural.
_SINGULAR_S_ENDINGS = ("ss", "us", "sis", "xis", "itis", "polis", "tennis", "iris", "ous", "'s", "’s")
_NOT_MEN = ("specimen", "regimen", "abdomen", "acumen", "omen", "amen", "hymen", "stamen",
            "semen", "lumen")
_ADJ_SUFFIXES = ("al", "ic", "ive", "ous", "ary", "ful", "less", "able", "ible", "ese", "ish",
                 "an", "ian", "ed", "ing", "ern", "ory", "ant", "ent")
# Pronouns after a partitive "of": "eight of them" counts nothing named.
_PRONOUNS = frozenset("them us these those which whom it you".split())
# A verb clitic at the end of a word: "wouldn't", "they'll", "I'm".
_CONTRACTION_RE = re.compile(r"(?i)n['’]t$|['’](?:ll|d|re|ve|m)$")
_DETERMINERS = frozenset("the these those its their our his her all such my your".split())


@lru_cache(maxsize=8192)
def is_plural(word: str) -> bool:
    """Return whether ``word`` looks like a plural noun ("bases", "people", "SMEs")."""
    lw = word.lower().rstrip("'’")
    if lw in IRREGULAR_PLURALS:
        return True
    if lw.endswith("men") and not lw.endswith(_NOT_MEN):
        return len(lw) > 3
    if len(lw) < 3 or not lw.endswith("s") or lw in NOT_PLURAL:
        return False
    return not lw.endswith(_SINGULAR_S_ENDINGS)


def is_adjective_like(word: str) -> bool:
    """Return whether ``word`` may be an adjective ("British", "technological", "state-level")."""
    return word[0].isupper() or "-" in word or word.lower().endswith(_ADJ_SUFFIXES)


def _contraction(word: str) -> bool:
    """A verb with a clitic ("wouldn't", "I'll"): never part of a noun phrase."""
    return _CONTRACTION_RE.search(word) is not None


def _adjective_suffix(word: str) -> bool:
    """A participle or -able adjective ("well-designed", "available"), never a head noun."""
    return word.lower().endswith(("ed", "ing", "able", "ible"))


@lru_cache(maxsize=8192)
def _boundary_word(w: str) -> bool:
    """Whether a walked item ends a noun phrase (cached: the same words recur)."""
    if len(w) > 1 and w.isupper():  # acronyms ("US troops") are modifiers
        return False
    return not w[0].isalpha() or w.lower() in BOUNDARY


# The first four walked items (as WALK_RE.finditer reads them: [\s*_] between)
# in one regex call: most walks end within them. The walk says _MORE when it
# needs further items, and then all ten are read.
_ITEM = r"(" + WALK_RE.pattern + r")"
_FIRST_ITEMS_RE = re.compile(
    r"[\s*_]*" + _ITEM + r"(?:[\s*_]*" + _ITEM + r"(?:[\s*_]*" + _ITEM + r"(?:[\s*_]*" + _ITEM + r")?)?)?"
)
_MORE = object()


def head_noun(text: str, pos: int, singular: bool = False, partitive: bool = True
              ) -> tuple[str, int] | None:
    """Return (head word as written, end offset) of the noun phrase at ``pos``, else None.

    ``partitive`` also reads "of the X" right at ``pos`` ("three of the labs");
    a pronoun there ("eight of them") gives None.
    """
    end = min(len(text), pos + 160)
    first = _FIRST_ITEMS_RE.match(text, pos, end)
    if first is None:
        return None
    words = [w for w in first.groups() if w is not None]
    if not (partitive and words[0].lower() == "of"):
        found = _walk(words, 0, singular, len(words) < 4)
        if found is not _MORE:
            return None if found is None else (found[1], first.end(found[0] + 1) - found[2])
    items = list(islice(WALK_RE.finditer(text, pos, end), 10))
    words, ends = [m.group() for m in items], [m.end() for m in items]
    i = 0
    if partitive and words[0].lower() == "of":
        i = 1
        if i < len(words) and words[i].lower() in _DETERMINERS:
            i += 1
        if i >= len(words) or words[i].lower() in _PRONOUNS:
            return None
        keep = [k for k in range(i, len(words)) if not words[k][0].isdigit()]
        words, ends, i = [words[k] for k in keep], [ends[k] for k in keep], 0
    found = _walk(words, i, singular, True)
    return None if found is None else (found[1], ends[found[0]] - found[2])


def _walk(ws: list[str], i: int, singular: bool, complete: bool) -> object:
    """Walk modifiers from ``ws[i]``; return the head (index, word, chars cut from its end), None or _MORE.

    ``complete``: ``ws`` holds every item there is to walk (else _MORE when past them).
    """
    fallback = None
    n = len(ws)
    while i < 8:
        if i + 1 >= n and not complete:
            return _MORE
        if i >= n:
            break
        w = ws[i]
        nxt = ws[i + 1] if i + 1 < n else None
        if w in (",", "&") or w.lower() in ("and", "or"):  # "Chinese and British", "science and education"
            if fallback or i == 0 or nxt is None or _boundary_word(nxt) or (w == "," and not is_adjective_like(nxt)):
                break
        elif _boundary_word(w):
            break
        elif singular:
            if is_plural(w) or _contraction(w):
                break
            if _adjective_suffix(w):
                pass
            elif nxt is None or _boundary_word(nxt) or is_plural(nxt) or nxt.lower().endswith("ed"):
                return i, w.rstrip("'’"), 0
        elif is_plural(w):  # "sports facilities", "crew members": the second noun heads
            if nxt is not None and not _boundary_word(nxt) and (w.lower() in PLURAL_MODIFIERS or is_plural(nxt)):
                fallback = fallback or (i, w, 0)
            else:
                head = w.rstrip("'’")
                return i, head, len(w) - len(head)
        i += 1
    return fallback
