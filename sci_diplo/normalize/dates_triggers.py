"""Where the scanner's candidates start: the trigger positions, found fast.

A trigger (``g.TRIGGER_AT_RX``) starts at a character that follows no word character:
a digit, a quote or a trigger word. Searching the text for "no word character, then
a trigger" makes ``re`` test a character class at every position and enter the
pattern after every space and punctuation mark (about a thousand times in a
5,000-character text): that was the largest single cost of ``find_dates``.

Here the text is first projected to bytes, one per character, by C-level methods:
ASCII letters lower-cased, digits kept, other word characters ``w``, the quote and
every character outside Latin-1 ``?`` (unknown: a word character, a digit, a quote
or a space), every other character a space. Two patterns that start with a literal
byte (which ``re`` finds without entering the pattern) give a superset of the
trigger positions; the scanner checks each on the text itself when it reaches it.
"""

from __future__ import annotations

import re

from sci_diplo.normalize import dates_grammar as g


def _projection_table() -> bytes:
    table = bytearray(b" " * 256)
    for code in range(256):
        ch = chr(code)
        if ch.isascii() and ch.isalnum():
            table[code] = ord(ch.lower())
        elif ch.isalnum() or ch == "_":  # what \w matches
            table[code] = ord("w")
    table[ord("?")] = table[ord("'")] = ord("?")  # "?" also stands for every character past Latin-1
    return bytes(table)


_PROJECTION = _projection_table()


def _start() -> bytes:
    """Return what a trigger may start with, in the projection: a digit or an unknown character,
    else a trigger word (lower-cased: TRIGGER_AT_RX checks the case of month and weekday names)
    that ends before no letter, digit or ``w`` ("?" may be a space), a quarter code or FY.

    The words form one alternation whose branches each start with a letter, so that ``re``
    rejects a word by its first letter without entering a branch.
    """
    end = "(?![0-9a-zw])"
    words = {w.lower(): end for w in g.ANY_CASE_TRIGGERS + g.CAPITAL_TRIGGERS}
    words.update({f"{code}{n}": end for code in "qh" for n in "1234"})
    words["fy"] = ""
    trie = g.word_trie(words)  # "(?:a...|c...|...)"
    return ("(?:[0-9?]|" + trie[3:]).encode()


# A possible trigger after a character that is no word character, or after an unknown one.
_AFTER_SPACE_RX = re.compile(b" " + _start())
# (Unknown characters come in runs, "“‘": the start is a lookahead, which leaves the next one
# free to be matched in turn.)
_AFTER_UNKNOWN_RX = re.compile(rb"\?(?=" + _start() + rb")")
# Long enough to hold any trigger word, so that a word started before ``hi`` is seen whole.
_WORD_REACH = 12


def project(text: str) -> bytes:
    """Return the projection of ``text`` after one space (byte ``k + 1`` is character ``k``)."""
    return b" " + text.encode("latin-1", "replace").translate(_PROJECTION)


def candidates(proj: bytes, lo: int = 0, hi: int | None = None) -> list[int]:
    """Return, sorted, positions in ``[lo, hi)`` of the text that include every trigger start there."""
    end = len(proj) if hi is None else min(len(proj), hi + 1 + _WORD_REACH)
    found = [m.start() for m in _AFTER_SPACE_RX.finditer(proj, lo, end)]
    unknown = [m.start() for m in _AFTER_UNKNOWN_RX.finditer(proj, lo, end)]
    if unknown:
        found = sorted(set(found).union(unknown))
    if hi is not None and found and found[-1] >= hi:
        found = [k for k in found if k < hi]
    return found


def trigger_end(text: str, start: int) -> int:
    """Return where the trigger at ``start`` ends, or -1 when none starts there.

    A trigger follows no word character (ASCII or not).
    """
    if start:
        before = text[start - 1]
        if before.isalnum() or before == "_":  # what \w matches
            return -1
    mt = g.TRIGGER_AT_RX.match(text, start)
    return -1 if mt is None else mt.end()
