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


def _words(text: str, pos: int, limit: int = 10) -> list[re.Match[str]]:
    out = []
    for m in WALK_RE.finditer(text, pos, min(len(text), pos + 160)):
        out.append(m)
        if len(out) >= limit:
            break
    return out


def _is_boundary(m: re.Match[str] | None) -> bool:
    """Return whether a walked item ends a noun phrase (or there is none)."""
    if m is None:
        return True
    w = m.group()
    if len(w) > 1 and w.isupper():  # acronyms ("US troops") are modifiers
        return False
    return not w[0].isalpha() or w.lower() in BOUNDARY


def head_noun(text: str, pos: int, singular: bool = False, partitive: bool = True
              ) -> tuple[str, int] | None:
    """Return (head word as written, end offset) of the noun phrase at ``pos``, else None.

    ``partitive`` also reads "of the X" right at ``pos`` ("three of the labs");
    a pronoun there ("eight of them") gives None.
    """
    ws = _words(text, pos)
    i = 0
    if partitive and ws and ws[0].group().lower() == "of":
        i = 1
        if i < len(ws) and ws[i].group().lower() in _DETERMINERS:
            i += 1
        if i >= len(ws) or ws[i].group().lower() in _PRONOUNS:
            return None
        ws = [m for m in ws[i:] if not m.group()[0].isdigit()]
        i = 0
    return _walk(ws, i, singular)


def _walk(ws: list[re.Match[str]], i: int, singular: bool) -> tuple[str, int] | None:
    """Walk modifiers from ``ws[i]``; return the head (word, end) or None."""
    fallback = None
    while i < len(ws) and i < 8:
        m = ws[i]
        w = m.group()
        nxt = ws[i + 1] if i + 1 < len(ws) else None
        if w in (",", "&") or w.lower() in ("and", "or"):  # "Chinese and British", "science and education"
            if fallback or i == 0 or nxt is None or _is_boundary(nxt) or (w == "," and not is_adjective_like(nxt.group())):
                break
        elif _is_boundary(m):
            break
        elif singular:
            if is_plural(w) or _contraction(w):
                break
            if _adjective_suffix(w):
                pass
            elif _is_boundary(nxt) or is_plural(nxt.group()) or nxt.group().lower().endswith("ed"):
                return w.rstrip("'’"), m.end()
        elif is_plural(w):  # "sports facilities", "crew members": the second noun heads
            if not _is_boundary(nxt) and (w.lower() in PLURAL_MODIFIERS or is_plural(nxt.group())):
                fallback = fallback or (w, m.end())
            else:
                return w.rstrip("'’"), m.end() - (len(w) - len(w.rstrip("'’")))
        i += 1
    return fallback
