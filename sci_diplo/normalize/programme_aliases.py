"""Aliases a text gives for a programme name: parenthesised acronyms and other names.

Helpers for :mod:`sci_diplo.normalize.programmes`.
"""

from __future__ import annotations

import re

from sci_diplo.normalize.programme_scan import YEAR_RE, is_acronym, is_title
from sci_diplo.normalize.programme_words import ProgrammeWords

# A parenthesis right after a name: "(CERC)", "(the UK's Newton Fund)", "(BETA Center)".
PAREN_AFTER_RE = re.compile(r"[ \t\u00a0]{0,3}\(([^()\n]{1,120})\)")
# An acronym explained as another language's: "(RISC, for its Spanish initials)".
FOREIGN_INITIALS_RE = re.compile(r",\s*+(?:for|by|from)\s++(?:its|the)\s++[A-Z]\w+\s++(?:initials|acronym|name)\b")
# ", FAST" after a name that itself stands inside a parenthesis.
INNER_ACRONYM_RE = re.compile(r"\s{0,2},\s{0,2}([A-Z][A-Za-z0-9&.\-]{1,14})(?=\s{0,2}[,)])")
# Text before a name that opens a parenthesis: “Sky Eye” ( or ITER ( .
BEFORE_PAREN_RE = re.compile(
    r"(?:[“\"]([^“”\"\n]{1,60})[”\"]|\b([A-Z][A-Z0-9&.\-]{1,14}))\s{0,2}\(\s{0,2}$"
)
# A leading "the" and an owner of up to four words before an alias: "the UK's",
# "the Nordic Council's". Bounded repeats only.
OWNER_RE = re.compile(
    r"(?i:the\s+)?"
    r"(?:(?:[^\W\d_][\w.&\-]{0,40}\s+){0,3}[^\W\d_][\w.&\-]{0,40}['’]s\s+)?"
    r"(?i:the\s+)?"
)
# Words that may join the capitalised words of an alias phrase.
ALIAS_JOINERS = frozenset({"and", "&", "of", "for", "on", "in", "the"})
MAX_ALIAS_WORDS = 8


def _initials(name: str) -> str:
    """Return the upper-cased first letters of the words of ``name`` (split at spaces, hyphens),
    and every capital of a word that has more than one ("UK-India ... Initiative": UKI...I)."""
    out = []
    for w in re.split(r"[\s\-‐‑–]+", name):
        if w:
            caps = [c for c in w if c.isupper()]
            out.append("".join(caps) if len(caps) > 1 else w[0])
    return "".join(out).upper()


def acronym_fits(acronym: str, name: str) -> bool:
    """True when the acronym's letters appear in order among the initials of ``name``."""
    initials = iter(_initials(name))
    letters = [c for c in acronym.upper() if c.isalpha()]
    return len(letters) >= 2 and all(c in initials for c in letters)


def _title_alias(phrase: str, words: ProgrammeWords) -> bool:
    """True for a short capitalised phrase that ends in a head word ("BETA Center")."""
    parts = phrase.split()
    if not 2 <= len(parts) <= MAX_ALIAS_WORDS or parts[-1] not in words.heads:
        return False
    return all(is_title(p) or p in ALIAS_JOINERS for p in parts) and is_title(parts[0])


def alias_from_paren(content: str, name: str, words: ProgrammeWords) -> str | None:
    """Return the alias that a parenthesis after ``name`` gives, or None.

    "CERC" (an acronym fitting the name's initials, one with digits: "COP26", or one
    said to be another language's: "RISC, for its Spanish initials"), "the UK's Newton Fund"
    (owner and "the" dropped) and "BETA Center" (a capitalised phrase ending
    in a head word) are aliases; years, places and explanations are not.
    """
    first = content.split(",", 1)[0].strip()
    first = first[OWNER_RE.match(first).end() :].strip()
    if not first or YEAR_RE.fullmatch(first):
        return None
    if " " not in first:
        fits = acronym_fits(first, name) or any(c.isdigit() for c in first) or FOREIGN_INITIALS_RE.search(content)
        return first if is_acronym(first) and fits else None
    if not _title_alias(first, words):
        return None
    # a name of another kind is another programme, its funder or its frame: "UK–Ethiopia Gully
    # Erosion Project (Newton Fund)"
    heads = [words.heads[w] for w in name.split() if w in words.heads]
    return None if heads and heads[-1] != words.heads[first.split()[-1]] else first


def alias_after(
    text: str, name_end: int, name: str, words: ProgrammeWords
) -> tuple[str | None, int]:
    """Return ``(alias, end)`` for a parenthesis right after a name at ``name_end``.

    ``end`` is the position after the closing parenthesis when an alias was
    found there, else ``name_end``.
    """
    m = PAREN_AFTER_RE.match(text, name_end)
    if not m:
        return None, name_end
    alias = alias_from_paren(m.group(1), name, words)
    return (alias, m.end()) if alias else (None, name_end)


def aliases_inside_paren(text: str, start: int, end: int, name: str) -> list[str]:
    """Return aliases around a name that itself opens a parenthesis.

    For '“Sky Eye” (Five-Hundred-Meter ... Telescope, FAST, ...)' the quoted
    phrase before the parenthesis and the acronym after the name are aliases.
    """
    found: list[str] = []
    if not text[max(0, start - 4) : start].rstrip().endswith("("):
        return found
    before = BEFORE_PAREN_RE.search(text, max(0, start - 80), start)
    if before is None or before.end() != start:
        return found
    quoted, acronym = before.group(1), before.group(2)
    if quoted:
        found.append(quoted.strip())
    elif acronym and acronym_fits(acronym, name):
        found.append(acronym)
    after = INNER_ACRONYM_RE.match(text, end)
    if after and is_acronym(after.group(1)) and acronym_fits(after.group(1), name):
        found.append(after.group(1))
    return found
