"""Number tokens, the links between them, and cardinals read token by token.

Digit tokens are built here from the matches of ``DIGIT_RE`` (see
:func:`sci_diplo.normalize.numbers.tokens`), with their value and details.

The cardinal grammar: units, teens and tens in the usual English order,
"hundred", descending scales ("two million three thousand"), chained scales
("lakh crore"), "and" after hundred or a scale, digits with scale words
("1.8 billion", "322 hundred"), dozens. What may follow a cardinal (fractions,
decimals, ratios) is read in :mod:`sci_diplo.normalize.number_tails`.
"""

from __future__ import annotations

import dataclasses
import math
import re

from sci_diplo.normalize.numbers_lexicon import (
    DIG, DOZ, HUND, SCALE, SPACED_SCALES, SUFFIX_SCALES, TEEN, TENS, UNIT,
)


# What stands between two tokens: spaces, a hyphen or dash, a joining word
# ("and", "and a", "point", "over", "out of", "of a", "a") or a slash.
_GAP_RE = re.compile(
    r"(?P<sp>[^\S\n]*)"
    r"|[^\S\n]*(?P<hy>[-\u2010\u2011\u2013\u2014])[^\S\n]*"
    r"|[^\S\n]+(?P<kw>(?i:and[^\S\n]+an?|and|point|over|out[^\S\n]+of|of[^\S\n]+an?|an?))[^\S\n]+"
    r"|(?P<sl>/)"
)
_KW = {"and": "and", "point": "point", "over": "over", "out": "outof", "of": "of_a", "a": "a", "an": "a"}


class Tok:
    """One number token: kind, value, half-open span and digit details.

    No ``__slots__``: the rarely set details default to class attributes,
    which keeps building a token cheap on number-dense input.
    """

    is_int = grouped = dcomma = spaced = False
    alone = False  # it starts a number of its own ("ten" written "ten (10)"), whatever stands before it
    sfx: str | None = None
    fu: str | None = None
    ndigits = 0
    link: str | None = "?"  # gap() to the token before, once computed

    def __init__(self, kind: str, value: float, start: int, end: int, plural: bool,
                 text: str, is_int: bool = False) -> None:
        self.kind, self.value, self.start, self.end = kind, value, start, end
        self.plural, self.text, self.is_int = plural, text, is_int


@dataclasses.dataclass(slots=True)
class Num:
    """A parsed number expression with what the figure rules need to know.

    ``scale`` is the multiplier of a trailing scale word or suffix (1e9 for
    "2 billion"), ``head`` the first token, ``ntok`` the token count.
    """

    start: int
    end: int
    value: float
    text: str
    head: Tok
    ntok: int
    scale: float = 1.0
    fraction: bool = False
    negative: bool = False
    sfx: str | None = None

    def replace(self, **changes: object) -> "Num":
        """Return a copy with ``changes`` applied."""
        return dataclasses.replace(self, **changes)


def gap(text: str, toks: list[Tok], j: int) -> str | None:
    """Return the kind of link between ``toks[j-1]`` and ``toks[j]``, or None.

    Kinds: "sp" (spaces), "hy" (hyphen or dash), "and", "and_a", "point",
    "over", "outof", "of_a", "a", "sl" (slash). Cached on the token.
    """
    t = toks[j]
    if t.link != "?":
        return t.link
    a, b = toks[j - 1].end, t.start
    link = None
    if b - a <= 14:
        m = _GAP_RE.fullmatch(text, a, b)
        if m is None:
            link = None
        elif m.group("kw"):
            words = m.group("kw").lower().split()
            link = "and_a" if len(words) == 2 and words[0] == "and" else _KW[words[0]]
        else:
            link = "sp" if m.group("sp") is not None else ("hy" if m.group("hy") else "sl")
    t.link = link
    return link


class Card:
    """State of a cardinal being read token by token."""

    def __init__(self, a_prefix: bool) -> None:
        self.total, self.group, self.min_scale, self.scale = 0.0, 0.0, math.inf, 1.0
        self.cur = self.small = 1.0 if a_prefix else 0.0
        self.a_prefix = a_prefix
        self.last: str | None = "a" if a_prefix else None

    @property
    def value(self) -> float:
        return self.total + self.cur

    def _dig_ok(self, t: Tok) -> bool:
        limit = 100 if self.last == HUND else self.min_scale
        return t.kind == DIG and t.is_int and not t.sfx and not t.fu and 0 < t.value < limit

    def accepts(self, t: Tok, g: str | None) -> bool:
        """Return whether ``t``, linked by ``g``, continues this cardinal."""
        k, last = t.kind, self.last
        if last is None:
            return k in (UNIT, TEEN, TENS, DIG)
        if last == "dsfx" or g is None or t.fu or t.alone:
            return False
        if g == "and":
            # digits after "hundred and" only ("3 hundred and 21"): "$10 million and 300 grants" is two numbers
            return last in (HUND, SCALE) and (k in (UNIT, TEEN, TENS) or (last == HUND and self._dig_ok(t)))
        if g == "hy":  # "thirty-three", "two-hundred", "$1.5-trillion"
            return ((k == UNIT and last == TENS) or (k == HUND and last in (UNIT, TEEN))
                    or (k == SCALE and last == DIG and t.value < self.min_scale))
        if g != "sp":
            return False
        if last == "a":
            return k in (HUND, SCALE, DOZ)
        if k in (UNIT, TEEN, TENS, DIG):
            return (last in (HUND, SCALE) and (k != DIG or self._dig_ok(t))) or (k == UNIT and last == TENS)
        if k == HUND:
            return last in (UNIT, TEEN, TENS, DIG) and (self.cur < 100 or (last == DIG and self.cur == self.small))
        if k == SCALE:
            return last in (UNIT, TEEN, TENS, DIG, HUND) and t.value < self.min_scale or last == SCALE
        return k == DOZ and last in (UNIT, TEEN, TENS, DIG)

    def add(self, t: Tok) -> None:
        """Consume ``t`` (already accepted)."""
        k, v = t.kind, t.value
        if k in (UNIT, TEEN, TENS, DIG):
            self.small = self.small + v if self.last == TENS else v
            self.cur += v
            if k == DIG and (t.sfx or t.fu):
                self.scale, k = SUFFIX_SCALES.get(t.sfx or "", 1.0), "dsfx"
        elif k == HUND:
            self.cur, self.small, self.scale = self.cur * 100, 0.0, 100.0
        elif k == SCALE:
            if self.last == SCALE:
                self.total += self.group * (v - 1)
                self.group *= v
                self.min_scale *= v
            else:
                self.group = self.cur * v
                self.total, self.cur, self.min_scale = self.total + self.group, 0.0, v
            self.small, self.scale = 0.0, self.min_scale
        elif k == DOZ:
            self.cur += self.small * 11
            self.small *= 12
        self.last = k



def read_card(text: str, toks: list[Tok], i: int, a_prefix: bool, stop: int = -1) -> tuple[Card, int]:
    """Read the longest cardinal from ``toks[i]`` (not past ``stop``); return it and its end."""
    card, j, n = Card(a_prefix), i, len(toks) if stop < 0 else stop
    after_and = -1
    while j < n:
        g = "sp" if j == i else gap(text, toks, j)
        if not card.accepts(toks[j], g):
            break
        after_and = j if g == "and" else after_and
        card.add(toks[j])
        j += 1
    # "3 hundred and 2 hundred": the "and" joined two numbers, not one
    if j < n and j - 1 == after_and and toks[j].kind in (HUND, SCALE) and gap(text, toks, j) == "sp":
        return read_card(text, toks, i, a_prefix, stop=after_and)
    # digits after a scale word end a number only with a scale of their own ("3 million 500
    # thousand"): "NOK 140 million 2025–2029" (a table's next cell), "$1 million 200 grants" are two
    if j - i >= 2 and toks[j - 1].kind == DIG and toks[j - 2].kind == SCALE and j - 1 != after_and:
        return read_card(text, toks, i, a_prefix, stop=j - 1)
    return card, j


# Digit tokens, built from a DIGIT_RE match (or a plain run of digits).
# A scale abbreviation standing apart after the digits: "2.33 k", "10 bln".
_SPACED_SCALE_RE = re.compile(
    r"[ \t\u00a0]+(" + "|".join(sorted(SPACED_SCALES, key=len, reverse=True)) + r")"
    # an abbreviation's full stop before its currency or noun: "2,5 Mio. Euro", "9,4 Mrd. US dollars",
    # "1 Mio. tonnes" (a sentence goes on in no lower-case word)
    r"(?:\.(?=[^\S\n]++(?:[A-Z]{3}\b|[Ee]uros?\b|€|US\b|[Dd]ollars?\b|[a-z])))?"
    # its currency glued after it, as French writes amounts: "4,5 M$", "350 k€", "1,2 G$"
    r"(?:(?<=[MGkK])(?=[$€])|(?![\w%$€£¥]))"
)
_BLANKS = (" ", "\t", "\u00a0")
# What may follow the first blank before a spaced scale: a blank or its first letter.
_SPACED_SCALE_STARTS = frozenset(_BLANKS) | {s[0] for s in SPACED_SCALES}
_GROUP_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009'’")
_GROUP_DOTS = str.maketrans("", "", ". \u00a0\u202f\u2009")  # (thousands before a decimal comma)
# What joins digits to more digits in DIGIT_RE: decimal point, commas, blanks.
_JOINERS = ".,'’" + " \u00a0\u202f\u2009"  # (an apostrophe: Swiss thousands)


def _digit_value(grp: str | None, dcomma: str | None, plain: str | None, exp: str | None,
                 sfx: str | None) -> float | None:
    """Return the value of a digit token from its regex groups (scale suffix included)."""
    if dcomma:
        body = dcomma.replace(",", ".")
    elif grp:
        body = grp.translate(_GROUP_SEPARATORS)
    else:
        body = plain or ""
    try:
        value = float(body)
        if exp and exp[0] == "^":
            sign = -1 if exp.count("-") % 2 else 1
            value = value ** (sign * int(exp.lstrip("^+-")))
        elif exp:
            value = float(body + exp)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    return value * SUFFIX_SCALES[sfx] if sfx else value


def dotted_tokens(m: re.Match[str], split: bool, out: list[Tok]) -> None:
    """Append the tokens of a dotted digit run to ``out``."""
    if not split:
        out.append(Tok("dotted", 0.0, m.start(), m.end(), False, m.group()))
        return
    pos = m.start()
    for part in m.group("dotted").split("."):
        out.append(Tok(DIG, float(part), pos, pos + len(part), False, part, is_int=True))
        pos += len(part) + 1


def plain_token(text: str, d: int, r: int, out: list[Tok]) -> bool:
    """Append the token of the ASCII digits ``text[d:r]`` if DIGIT_RE reads them as they are.

    Returns False (and appends nothing) when something glued to them could make
    them more, or no number: a letter, digit, "_" or "." before; after, a letter,
    digit, "_", "^", or a ".", ",", or blank followed by a digit ("3.5", "1,000",
    "40 000"). Else the token is what ``digit_token`` would append (none if
    the value overflows), and it returns True.
    """
    before = text[d - 1] if d else " "
    after = text[r:r + 1] or " "  # (the end reads as a blank)
    if (before.isalnum() or before in "_." or after.isalnum() or after in "_^"
            or (after in _JOINERS and text[r + 1:r + 2].isdecimal())):
        return False
    raw = text[d:r]
    value = float(raw)
    if r - d > 300 and not math.isfinite(value):  # (fewer digits never overflow)
        return True
    end, sfx = r, None
    if after in _BLANKS and text[r + 1:r + 2] in _SPACED_SCALE_STARTS:
        sp = _SPACED_SCALE_RE.match(text, r)
        if sp:
            sfx, end = sp.group(1), sp.end()
            value *= SUFFIX_SCALES[sfx]
    tok = Tok(DIG, value, d, end, False, raw, True)
    tok.ndigits = r - d
    if sfx:
        tok.grouped, tok.dcomma, tok.sfx, tok.spaced, tok.fu = False, False, sfx, True, None
    out.append(tok)
    return True


def digit_token(text: str, m: re.Match[str], out: list[Tok]) -> None:
    """Append one digit token (with a spaced scale suffix if any) to ``out``."""
    dig, grp, dcomma, plain, exp, sfx, fu, eur = m.group("dig", "grp", "dcomma", "plain", "exp", "sfx", "fu", "eur")
    if eur:  # "3.412.560,50": its groups' dots or blanks dropped, read as a decimal comma
        grp, dcomma = eur, eur.translate(_GROUP_DOTS)
    value = float(plain) if plain and not exp and not sfx else _digit_value(grp, dcomma, plain, exp, sfx)
    if value is None or not math.isfinite(value):  # "9" * 400 overflows: no usable number
        return
    end, spaced = m.end(), False
    if (not sfx and not exp and not fu and text[end:end + 1] in _BLANKS
            and text[end + 1:end + 2] in _SPACED_SCALE_STARTS):
        sp = _SPACED_SCALE_RE.match(text, end)
        if sp:
            sfx, spaced, end = sp.group(1), True, sp.end()
            value *= SUFFIX_SCALES[sfx]
    raw = grp or dcomma or plain or ""
    tok = Tok(DIG, value, m.start(), end, False, dig, not exp and "." not in raw and not dcomma)
    tok.ndigits = len(raw)
    if grp or dcomma or sfx or fu:  # rare details: class defaults otherwise
        tok.grouped, tok.dcomma = bool(grp), bool(dcomma)
        tok.sfx, tok.spaced, tok.fu = sfx, spaced, fu
    out.append(tok)
