"""Scan around a capitalised head word for the title-case name that it closes: tokens, the
tests of a word, heading lines and what follows a head.

Helpers for :mod:`sci_diplo.normalize.programmes` (the walk back over the words before a
head is in :mod:`sci_diplo.normalize.programme_premods`). Every scan looks at a bounded
window of text around one head word (a few hundred characters, a few dozen tokens), so the
finder stays linear in the length of the text.
"""

from __future__ import annotations

import re

from sci_diplo.normalize.programme_words import ProgrammeWords

# A word-like token: starts with a letter or digit and runs over letters,
# digits, inner hyphens/dashes, dots, "&" and apostrophes ("U.S.-China",
# "R&D", "UK's", "COVID-19", "Five-Year"). Possessive quantifier: no backtracking.
TOKEN_RE = re.compile(r"[^\W_][\w&'’.\-‐‑–]*+")
# Characters stripped from the end of a token (a trailing hyphen or quote).
TOKEN_TRAIL = "-‐‑–'’"
# An initialism at the end of a token ("U.S.", "China-U.S.", "U.K."): its dot is no full stop.
INITIALISM_RE = re.compile(r"(?:^|[\-‐‑–])(?:[A-Za-z]\.)+$")
# A numeric ordinal: "12th", "1st", "22nd".
ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")
# A version number inside a name: "Track 1.5 Dialogue", "Industry 4.0 Partnership".
VERSION_RE = re.compile(r"\d\.\d")
# A year or a year range: "2011", "2021-2025", "2016/17".
YEAR_RE = re.compile(r"(?:1[89]|20)\d\d(?:[\-‐‑–/](?:1[89]|20)?\d\d)?")
# An acronym: capitals, digits and inner dots/hyphens/&, at least two capitals ("CERC", "R&D").
ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&.\-]*+[A-Za-z0-9]?")
# A word of a heading line, for the title-case ratio.
HEADING_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*+")

SUSPENDED_HYPHENS = "-‐‑"  # a hyphen left hanging before a space: "Medium- and Long-Term"
HEADING_SPAN = 200  # a heading line is at most this long on either side of a head

Token = tuple[int, int, str]


class TokenWindow:
    """The tokens ``(start, end, word)`` of ``text[pos:high]``, read left to right on demand.

    Same tokens as ``TOKEN_RE.finditer`` with trailing hyphens/quotes stripped,
    less a last token that the window may have cut (one ending at ``high``
    before the end of the text). A tail usually stops after a few words, so
    most of its window is never tokenized.
    """

    __slots__ = ("_matches", "_cut", "toks")

    def __init__(self, text: str, pos: int, high: int) -> None:
        self._matches = TOKEN_RE.finditer(text, pos, high)
        self._cut = high if high < len(text) else -1
        self.toks: list[Token] = []

    def get(self, k: int) -> Token | None:
        """Return token ``k`` (from 0), or None when the window holds fewer tokens."""
        toks = self.toks
        if k < len(toks):
            return toks[k]  # read already (most calls)
        while len(toks) <= k:
            m = next(self._matches, None)
            if m is None:
                return None
            start, word = m.start(), m.group()
            if word[-1] in TOKEN_TRAIL:
                word = word.rstrip(TOKEN_TRAIL)
            if start + len(word) == self._cut:
                self._matches = iter(())  # it reaches the window's end: maybe cut, dropped
                return None
            toks.append((start, start + len(word), word))
        return toks[k]


def gap_kind(gap: str) -> str:
    """Classify the text between two tokens: ``space``, ``comma``, ``amp`` or ``break``."""
    if gap == " ":
        return "space"  # by far the most common gap
    if "\t" in gap:
        return "break"  # a tab parts a table's cells ("Ref\tProject\tPartners")
    if len(gap) > 12 or gap.count("\n") > 1:
        # a line break and the next line's indent, as text converted from PDF keeps it
        return "space" if len(gap) <= 40 and gap.isspace() and gap.count("\n") == 1 else "break"
    stripped = gap.strip()
    if not stripped or (stripped in SUSPENDED_HYPHENS and gap[0] in SUSPENDED_HYPHENS):
        return "space"  # white space, or a suspended hyphen: "Medium- and Long-Term"
    if stripped == ",":
        return "comma"
    return "amp" if stripped == "&" else "break"


def ends_sentence(word: str, words: ProgrammeWords) -> bool:
    """True when a token ends in a full stop that is not an abbreviation's dot."""
    if not word.endswith("."):
        return False
    return not (INITIALISM_RE.search(word) or word in words.dotted_words)


def is_title(word: str) -> bool:
    """True for a capitalised word, an acronym, an ordinal, a year, a version ("1.5") or an
    alphanumeric code."""
    first = word[0]
    if first.isupper():
        return True
    if first == "d" and word[1:2] in ("'", "’") and word[2:3].isupper():
        return True  # "Côte d'Ivoire"
    if first.isdigit():
        return bool(ORDINAL_RE.fullmatch(word) or YEAR_RE.fullmatch(word) or VERSION_RE.fullmatch(word)) or any(
            c.isalpha() for c in word
        )
    return False


def is_acronym(word: str) -> bool:
    """True for an all-capitals token with at least two capitals ("CERC", "IODP", "R&D")."""
    return bool(ACRONYM_RE.fullmatch(word)) and sum(c.isupper() for c in word) >= 2


def is_possessive(word: str) -> bool:
    """True for "UK's", "China’s", "States'"."""
    return word[-2:] in ("'s", "’s") or word[-1:] in ("'", "’")


def is_ordinal(word: str, words: ProgrammeWords) -> bool:
    """True for "12th", "Fifth": an ordinal, which opens a numbered name."""
    return bool(word[0].isdigit() and ORDINAL_RE.fullmatch(word)) or word in words.ordinal_words


def is_heading_line(text: str, pos: int) -> bool:
    """True when the line holding ``pos`` is a short title-case heading, not a sentence."""
    lo = text.rfind("\n", max(0, pos - HEADING_SPAN), pos)
    if lo < 0 and pos > HEADING_SPAN:
        return False
    hi = text.find("\n", pos, pos + HEADING_SPAN)
    if hi < 0:
        if len(text) - pos > HEADING_SPAN:
            return False
        hi = len(text)
    line = text[lo + 1 : hi].strip(" \t*#_")
    if line.endswith((".", ":", ";", ",")):
        return False
    long_words = [w for w in HEADING_WORD_RE.findall(line) if len(w) >= 4]
    if len(long_words) < 3:
        return False
    capitals = sum(w[0].isupper() for w in long_words)
    return capitals >= 0.8 * len(long_words)


def after_head(text: str, head_end: int, head: str, words: ProgrammeWords) -> str:
    """Say how the title-case run goes on after a head word.

    Returns ``defer`` when a later head closes the same run ("Satellite" in
    "Satellite Launch Center"), ``skip`` when the run turns out to name an
    organisation ("Initiative Office"), a diplomatic mission ("Mission to"),
    or the head is a verb in a heading ("Scientists Plan New ..."), else ``final``.
    Whether the line is a heading is asked last, only for a head that may be a verb.
    """
    following = text[head_end : head_end + 1]
    if following and not following.isspace() and following not in SUSPENDED_HYPHENS:
        return "final"  # "Plan,", "Fund)": the gap to the next word is no plain space
    right = head_end
    for index, m in enumerate(TOKEN_RE.finditer(text, head_end, head_end + 120)):
        if index == 6:  # six words at most
            break
        start, word = m.start(), m.group()
        if word[-1] in TOKEN_TRAIL:
            word = word.rstrip(TOKEN_TRAIL)
        gap = text[right:start]
        if gap != " " and gap_kind(gap) != "space":
            break
        if index == 0 and word in words.skip_if_followed_by.get(head, ()):
            return "skip"
        if index == 0 and head in words.heading_verb_heads and word not in words.heads:
            if word not in words.tail_connectors and is_heading_line(text, head_end - len(head)):
                return "skip"
        if not is_title(word) or is_possessive(word):
            break
        if word in words.heads or (word[-1] == "." and word[:-1] in words.heads):
            return "defer"  # "... Partnership Fund." too: the full stop ends the run, not the name
        if word in words.organisation_words:
            return "skip"
        if word[-1] == "." and ends_sentence(word, words):
            break
        right = start + len(word)
    return "final"
