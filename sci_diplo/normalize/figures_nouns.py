"""The head noun of what a number counts, found without a tagger.

``head_noun(text, pos, singular)`` walks the words after a number: modifiers
(adjectives, demonyms, noun modifiers, "X and Y" adjective pairs) are
skipped; the head is the first plural-looking word ("scientists", "people",
"data"), or with ``singular`` (value 1, fractions) the last word before a
boundary ("one joint laboratory with" -> "laboratory"). A boundary is a
preposition, conjunction, determiner, auxiliary, adverb, punctuation or number.
``vague_figures`` reads "hundreds of projects" (100 projects, ``more_than``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sci_diplo.normalize.figures_units import currency_after, currency_or_measure
from sci_diplo.normalize.number_parse import Tok
from sci_diplo.normalize.numbers_lexicon import DOZ, VAGUE, WORDS
from sci_diplo.normalize.types import FigureMatch

# One word (letters, then letters/digits/apostrophes/hyphens, or an en dash or
# Unicode hyphen between letters: "industry–academia"; an em dash is punctuation),
# a number, or one other visible character; markdown ``*`` and ``_`` are skipped.
# (The word is written as runs of one char class, which the engine reads in a
# tight loop, not as a repeated alternation: 1.7x faster, same matches. The
# runs are possessive: what follows a run never starts with its chars.)
WALK_RE = re.compile(r"[^\W\d_][\w'’\-]*+(?:[‐‑–][^\W\d_][\w'’\-]*+)*+|\d[\d.,]*+|[^\s*_]")

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
comes come came goes go went says said gets got becomes became remains remained seems appears makes takes gives
also already still now then just only even ever never not respectively together alone too again
currently recently annually worldwide nationwide abroad altogether apiece more less most
further away ahead back forward later earlier apart aside home instead anywhere everywhere
somewhere nowhere out minus
""".split())
# Plurals not ending in -s, and invariant nouns that count as plural.
IRREGULAR_PLURALS = frozenset("""
people children staff personnel media data police cattle women men feet teeth mice geese alumni
criteria phenomena bacteria fungi nuclei curricula consortia memoranda spectra strata theses analyses hypotheses
aircraft spacecraft sheep fish deer livestock
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
# Head nouns that multiply or compare rather than count: "2.6 times the size".
NOT_COUNTED = frozenset("times fold".split())
# Vague plurals: "hundreds of", "tens of thousands of", "dozens of".
_VAGUE_RE = re.compile(
    r"(?i)(?P<a>tens|hundreds|thousands|millions|billions|trillions|dozens)"
    r"(?:[^\S\n]+of[^\S\n]+(?P<b>thousands|millions|billions))?[^\S\n]+of[^\S\n]+"
)
_VAGUE = {"tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
          "trillions": 1e12, "dozens": 12}
_DETERMINERS = frozenset("the these those this that its their our his her all such my your".split())


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
def _info(w: str) -> tuple[bool, bool, bool]:
    """(joins two modifiers, ends a noun phrase, is plural) of a walked item.

    Cached: the same words recur, and each is asked about a few times.
    """
    joiner = w in (",", "&") or w.lower() in ("and", "or")
    if len(w) > 1 and w.isupper():  # acronyms ("US troops") are modifiers
        boundary = False
    else:
        boundary = not w[0].isalpha() or w.lower() in BOUNDARY
    return joiner, boundary, is_plural(w)


# The walked items (as WALK_RE.finditer reads them: only blanks, one line break and [*_]
# between, not a blank line: "19 reposts\n\nComments"), up to n per regex call: the first four
# answer most walks; the walk says _MORE when it needs more, and then the next six are read (ten
# in all, as always).
def _items_re(n: int) -> re.Pattern[str]:
    item = r"[^\S\n]*+\n?[^\S\n]*+(?:[*_][^\S\n]*+)*+(" + WALK_RE.pattern + r")"
    return re.compile(item + "".join("(?:" + item for _ in range(n - 1)) + ")?" * (n - 1))


_FIRST_ITEMS_RE, _MORE_ITEMS_RE = _items_re(4), _items_re(6)
_MORE = object()


def head_noun(text: str, pos: int, singular: bool = False, partitive: bool = True
              ) -> tuple[str, int] | None:
    """Return (head word as written, end offset) of the noun phrase at ``pos``, else None.

    ``partitive`` also reads "of the X" right at ``pos`` ("three of the labs");
    a pronoun there ("eight of them") gives None.
    """
    end = pos + 160  # (the regex engine stops at the text's end)
    first = _FIRST_ITEMS_RE.match(text, pos, end)
    if first is None:
        return None
    words = first.groups()[:first.lastindex]
    if not (partitive and words[0].lower() == "of"):
        found = _walk(words, 0, singular, len(words) < 4)
        if found is not _MORE:
            return None if found is None else (found[1], first.end(found[0] + 1) - found[2])
    ends = [first.end(k) for k in range(1, len(words) + 1)]
    more = _MORE_ITEMS_RE.match(text, first.end(), end) if len(words) == 4 else None
    if more is not None:
        words += more.groups()[:more.lastindex]
        ends += [more.end(k) for k in range(1, more.lastindex + 1)]
    return _partitive_walk(list(words), ends, singular, partitive)


def _partitive_walk(words: list[str], ends: list[int], singular: bool, partitive: bool
                    ) -> tuple[str, int] | None:
    """``head_noun`` over all its items (``words`` and their ``ends``)."""
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
    return None if found is None else (found[1], ends[found[0]] - found[2])  # type: ignore[index]


def _second_count(ws: tuple[str, ...] | list[str], i: int) -> bool:
    """Whether ``ws[i]`` is a count in digits after "and" and a word that may be an adjective: the
    second of two counts that share the head ("58 Brazilian and 44 Canadian researchers")."""
    return i >= 2 and ws[i][:1].isdigit() and ws[i].replace(",", "").isdigit() and ws[i - 1].lower() == "and" \
        and ws[i - 2][:1].isupper()


def _walk(ws: tuple[str, ...] | list[str], i: int, singular: bool, complete: bool) -> object:
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
        joiner, boundary, plural = _info(w)
        if joiner:  # "Chinese and British", "science and education"
            if fallback or i == 0 or nxt is None or (_info(nxt)[1] and not _second_count(ws, i + 1)) \
                    or (w == "," and not is_adjective_like(nxt)):
                break
        elif boundary and not _second_count(ws, i):
            break
        elif singular:
            if plural or _contraction(w):
                break
            if _adjective_suffix(w):
                pass
            elif nxt is None or _info(nxt)[1] or _info(nxt)[2] or nxt.lower().endswith("ed"):
                return i, w.rstrip("'’"), 0
        elif plural:  # "sports facilities", "crew members": the second noun heads
            if nxt is not None and not _info(nxt)[1] and (w.lower() in PLURAL_MODIFIERS or _info(nxt)[2]):
                fallback = fallback or (i, w, 0)
            else:
                head = w.rstrip("'’")
                return i, head, len(w) - len(head)
        i += 1
    return fallback


# What opens a table's or a text's note of the unit its numbers are in: "(in millions of ...",
# "(figures in thousands of ...".
_UNIT_NOTE_RE = re.compile(r"\((?:[^\S\n]*(?:all[^\S\n]+)?(?:amounts|figures|values)[^\S\n]+)?[^\S\n]*in[^\S\n]+\Z", re.I)


# "a couple of", and the scale it may multiply: "a couple of dozen projects" is about 24.
_COUPLE_RE = re.compile(r"(?i)\ba[^\S\n]+couple[^\S\n]+of[^\S\n]+(?:(?P<scale>dozen|hundred|thousand|million|billion)[^\S\n]+"
                        r"(?:(?P<scale2>thousand|million|billion)[^\S\n]+)?)?")


def couple_figures(text: str) -> list[FigureMatch]:
    """"a couple of months" -> about 2 months; "a couple of dozen projects" -> about 24 projects."""
    out: list[FigureMatch] = []
    if "couple" not in text:  # (most texts)
        return out
    for m in _COUPLE_RE.finditer(text):
        value = 2.0  # times its scales: "a couple of hundred thousand"
        for scale in (m["scale"], m["scale2"]):
            value *= WORDS[scale.lower()].value if scale else 1
        unit = currency_or_measure(text, m.end() - 1)  # money, or a unit of measure ("weeks")
        if unit is not None and len(unit) == 3:
            value, unit = value * unit[1], (unit[0], unit[2])
        found = unit or head_noun(text, m.end() - 1, partitive=False)
        if found is not None and found[0].lower() not in NOT_COUNTED:
            out.append(FigureMatch(m.start(), found[1], value, found[0], "about"))
    return out


def vague_figures(text: str, toks: list[Tok]) -> list[FigureMatch]:
    """"hundreds of projects" -> 100 projects, more_than; "billions of dollars" -> USD."""
    out: list[FigureMatch] = []
    for t in [t for t in toks if t.kind == VAGUE or (t.kind == DOZ and t.plural)]:
        m = _VAGUE_RE.match(text, t.start)
        if m is None or (out and out[-1].end > t.start) or _UNIT_NOTE_RE.search(text, max(0, t.start - 12), t.start):
            continue  # (not a table's note of its unit: "(in millions of Canadian dollars)")
        value = _VAGUE[m.group("a").lower()] * (_VAGUE[m.group("b").lower()] if m.group("b") else 1)
        money = currency_after(text, m.end() - 1)
        found = (money[0], money[1]) if money else head_noun(text, m.end() - 1)
        if found is not None and found[0].lower() not in NOT_COUNTED:
            out.append(FigureMatch(m.start(), found[1], value, found[0], "more_than"))
    return out
