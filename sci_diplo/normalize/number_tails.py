"""What follows a cardinal: fractions, mixed numbers, decimals and ratios.

``parse_at(text, toks, i, ratios)`` reads the longest number expression that
starts at token ``i`` and returns it with the index of the next unread token:
a cardinal (see :mod:`sci_diplo.normalize.number_parse`), then fractions ("two
thirds", "a half", "one hundred thirty-fifths" = 100/35), mixed numbers ("one
and a half", "two million and three fifths"), "point" decimals, and, when
``ratios`` is set, "one over three" and "3/4". Ordinal compounds
("twenty-first") are no number.
"""

from __future__ import annotations

import re

from sci_diplo.normalize.number_parse import Card, Num, Tok, gap, read_card
from sci_diplo.normalize.numbers_lexicon import (
    DIG, DOZ, HUND, ORD, SCALE, SUFFIX_SCALES, TEEN, TENS, UNIT,
)

_CARDINAL_KINDS = (UNIT, TEEN, TENS, HUND, SCALE, DIG, DOZ)
_WORD_KINDS = (UNIT, TEEN, TENS, HUND, SCALE)
_SMALL_KINDS = (UNIT, TEEN, TENS)
# "a"/"an" standing right before a token: "a dozen", "an eighth"; or what says "a" with more
# ("another hundred", "a further dozen").
_A_RE = re.compile(r"(?i)(?<![\w'’])(?:an?|another|(?:a[^\S\n]+)?further)[^\S\n]+\Z")
# What may follow a singular fraction ("a third of", "one fifth."): "of",
# punctuation or the end, never a noun ("a third round").
_SINGULAR_NEXT_RE = re.compile(
    r"[^\S\n]*(?:(?i:of|percent|per[^\S\n]?cent)\b|and\b|[^\w\s]|\n|\Z)"
)
# What must follow the denominator of "N over M": no further word.
_RATIO_END_RE = re.compile(r"[^\S\n]*(?:[^\w\s]|\n|\Z)")
_COMPOUND_ONLY = ("first", "firsts", "second", "seconds")
# What a tail reader returns: (value, index after the expression), or None.
_Tail = tuple[float, int] | None


def _lone(text: str, toks: list[Tok], i: int, ratios: bool) -> bool:
    """A digit token that nothing after it can join (fast path for number-dense text)."""
    if i + 1 == len(toks):
        return True
    g = gap(text, toks, i + 1)
    if g is None:
        return True
    if toks[i + 1].kind != DIG or g in ("sl", "over", "outof"):
        return False
    return not (ratios and g == "sp" and i + 2 < len(toks) and gap(text, toks, i + 2) == "sl")


def tidy(value: float) -> float:
    """Round away float noise from scaling: 17.1 * 1e9 -> 17100000000.0 (15 digits kept)."""
    try:
        return float(f"{value:.15g}")
    except (ValueError, OverflowError):
        return value


def _a_start(text: str, pos: int) -> int | None:
    """Return where an "a"/"an" standing right before ``pos`` starts, else None."""
    m = _A_RE.search(text, max(0, pos - 14), pos)
    return m.start() if m else None


def parse_at(text: str, toks: list[Tok], i: int, ratios: bool) -> tuple[Num | None, int]:
    """Read the number expression starting at ``toks[i]``.

    Returns ``(num, next_index)``; ``num`` is None when the token starts no
    number (an ordinal, a bare "hundred", a dotted run), and then
    ``next_index`` skips what was read.
    """
    t0 = toks[i]
    if t0.kind not in _CARDINAL_KINDS and t0.kind != ORD:
        return None, i + 1
    if t0.kind == DIG:
        if _lone(text, toks, i, ratios):
            return Num(t0.start, t0.end, t0.value, text[t0.start:t0.end], t0, 1,
                       SUFFIX_SCALES[t0.sfx] if t0.sfx else 1.0, sfx=t0.sfx), i + 1
    elif t0.kind in _SMALL_KINDS and (i + 1 == len(toks) or gap(text, toks, i + 1) is None):
        # a number word that nothing joins ("two", "thirty"): what read_card and _tail give
        return Num(t0.start, t0.end, float(t0.value), t0.text, t0, 1), i + 1
    elif t0.kind == ORD and (t0.plural or t0.text.lower() in _COMPOUND_ONLY):
        return None, i + 1  # as _bare_fraction, before looking for an "a"
    a = _a_start(text, t0.start)
    if t0.kind == ORD:
        return _bare_fraction(text, toks, i, a)
    use_a = a is not None and t0.kind in (HUND, SCALE, DOZ)
    card, j = read_card(text, toks, i, use_a)
    if j == i:
        return None, i + 1
    res = _tail(text, toks, i, j, card, a, ratios)
    if res is None:
        return None, j + 1
    value, k, frac, from_a = res
    start = a if (use_a or from_a) and a is not None else t0.start
    end = toks[k - 1].end
    return Num(start, end, tidy(value), text[start:end], t0, k - i, card.scale, frac,
               sfx=t0.sfx if k == i + 1 else None), k


def _tail(text: str, toks: list[Tok], i: int, j: int, card: Card, a: int | None,
          ratios: bool) -> tuple[float, int, bool, bool] | None:
    """Return (value, end index, is fraction, starts at "a") of what follows a cardinal.

    None means the tokens form an ordinal ("twenty-first"), which is no number.
    """
    n, plain = len(toks), (card.value, j, False, False)
    if j >= n:
        return plain
    g = gap(text, toks, j)
    if toks[j].kind == ORD and g in ("sp", "hy"):
        p = j - 1  # "one hundred and three quarters": the "and three" was read as whole
        if p > i and toks[p].kind == UNIT and 1 <= toks[p].value <= 9 and gap(text, toks, p) == "and":
            whole, _ = read_card(text, toks, i, card.a_prefix, stop=p)
            r = _mixed(text, toks, i, p, whole, "and")
            if r is not None:
                return r[0], r[1], True, False
        fr = _fraction(text, toks, i, j, a is not None)
        if fr is not None:
            return _scaled(text, toks, j + 1, fr[0]) + (True, fr[1])
        prev = toks[j - 1].kind  # "twenty-first", "hundred-fifth": ordinals, no number
        return None if (prev == TENS and toks[j].value < 10) or (prev in (HUND, SCALE) and g == "hy") else plain
    for fn in (_lookpast, _mixed, _point, _ratio, _slash):
        if fn in (_ratio, _slash) and not ratios:
            continue
        r = fn(text, toks, i, j, card, g)
        if r is not None:
            return r[0], r[1], fn is not _point, False
    return plain


def _scaled(text: str, toks: list[Tok], k: int, value: float) -> tuple[float, int]:
    """Multiply a fraction by a scale word after it ("two thirds of a million")."""
    if k < len(toks) and toks[k].kind in (SCALE, DOZ) and gap(text, toks, k) in ("sp", "of_a", "a"):
        return value * toks[k].value, k + 1
    return value, k


def _fraction(text: str, toks: list[Tok], i: int, o: int, has_a: bool) -> tuple[float, bool] | None:
    """Return (value, starts at "a") for numerator ``toks[i:o]`` over ordinal ``toks[o]``.

    The last numerator words may belong to the denominator: "one hundred
    thirty-fifths" is 100/35, "one one hundred fifth" is 1/105.
    """
    d, den, end = toks[o], toks[o].value, o
    p = o - 1
    if d.value < 10 and toks[p].kind == TENS and (p > i or has_a) and (p == i or gap(text, toks, p) != "and"):
        den, end = den + toks[p].value, p
    elif (d.value < 100 and p - 1 >= i and toks[p].kind in (HUND, SCALE) and toks[p - 1].kind == UNIT
          and toks[p - 1].value == 1 and (p - 1 > i or has_a)):
        den, end = den + toks[p].value, p - 1
    return _frac_value(text, toks, i, end, d, den, end != o, has_a)


def _frac_value(text: str, toks: list[Tok], i: int, end: int, d: Tok, den: float,
                compound: bool, has_a: bool) -> tuple[float, bool] | None:
    """Return (numerator / den, starts at "a") with numerator ``toks[i:end]``, or None."""
    if (d.text.lower() in _COMPOUND_ONLY or d.value >= 100) and not compound and not has_a:
        return None
    if d.text.lower() in _COMPOUND_ONLY and not compound:
        return None
    from_a = has_a and (end == i or toks[i].kind in (HUND, SCALE, DOZ))
    if end == i:
        if not has_a:
            return None
        num = 1.0
    else:
        card, j = read_card(text, toks, i, from_a, stop=end)
        if j != end:
            return None
        num = card.value
    if not d.plural and (num != 1 or (d.text.lower() != "half" and not _SINGULAR_NEXT_RE.match(text, d.end))):
        return None
    return num / den, from_a


def _lookpast(text: str, toks: list[Tok], i: int, j: int, card: Card, g: str | None) -> _Tail:
    """Fraction whose denominator starts after the cardinal: "three twenty-firsts"."""
    n = len(toks)
    if g != "sp" or j + 1 >= n:
        return None
    t, o = toks[j], j + 1
    if t.kind == TENS and toks[o].kind == ORD and toks[o].value < 10 and gap(text, toks, o) in ("sp", "hy"):
        den = t.value + toks[o].value
    elif (t.kind == UNIT and t.value == 1 and toks[o].kind in (HUND, SCALE) and o + 1 < n
          and toks[o + 1].kind == ORD and toks[o + 1].value < 100 and gap(text, toks, o) == "sp"
          and gap(text, toks, o + 1) in ("sp", "hy", "and")):
        den, o = toks[o].value + toks[o + 1].value, o + 1
    else:
        return None
    fr = _frac_value(text, toks, i, j, toks[o], den, True, False)
    return (fr[0], o + 1) if fr else None


def _mixed(text: str, toks: list[Tok], i: int, j: int, card: Card, g: str | None) -> _Tail:
    """Whole and fraction: "one and a half", "two million and three fifths"."""
    n = len(toks)
    if g == "and_a" and toks[j].kind == ORD and not toks[j].plural:
        d, k, num = toks[j], j + 1, 1.0
    elif (g == "and" and toks[j].kind == UNIT and 1 <= toks[j].value <= 9 and j + 1 < n
          and toks[j + 1].kind == ORD and gap(text, toks, j + 1) in ("sp", "hy")):
        d, k, num = toks[j + 1], j + 2, toks[j].value
    else:
        return None
    if d.text.lower() in _COMPOUND_ONLY or (not d.plural and num != 1):
        return None
    f = num / d.value
    if k < n and toks[k].kind == SCALE and gap(text, toks, k) == "sp":
        if card.last != SCALE:  # "five and a half million": (5 + 1/2) million
            return (card.value + f) * toks[k].value, k + 1
        f, k = f * toks[k].value, k + 1
    elif card.last == SCALE:
        f *= card.scale
    return card.value + f, k


def _point(text: str, toks: list[Tok], i: int, j: int, card: Card, g: str | None) -> _Tail:
    """Spoken decimals: "two hundred point zero three", "nine point nought four", "three point
    five billion"."""
    if g != "point" or card.last not in _WORD_KINDS:
        return None
    digits, k, n = "", j, len(toks)
    while k < n and toks[k].kind in (UNIT, TEEN, TENS) and (k == j or gap(text, toks, k) in ("sp", "hy")):
        v = toks[k].value
        if toks[k].kind == TENS and k + 1 < n and toks[k + 1].kind == UNIT and gap(text, toks, k + 1) in ("sp", "hy"):
            v, k = v + toks[k + 1].value, k + 1
        digits += str(int(v))
        k += 1
    # a scale after it: "three point five billion"
    return _scaled(text, toks, k, card.value + float("0." + digits)) if digits else None


def _ratio(text: str, toks: list[Tok], i: int, j: int, card: Card, g: str | None) -> _Tail:
    """"one over three", "one out of three": only when no word follows the divisor."""
    if g not in ("over", "outof"):
        return None
    den, k = read_card(text, toks, j, False)
    if k == j or den.value == 0 or not _RATIO_END_RE.match(text, toks[k - 1].end):
        return None
    if g == "outof" and card.value > den.value:  # "12 out of 10" is two numbers
        return None
    return card.value / den.value, k


def _small_int(t: Tok) -> bool:
    return t.kind == DIG and t.is_int and not t.grouped and not t.sfx and t.ndigits <= 3


# A slash right before or after a span: then "5/17" is part of a date "5/17/2018".
_SLASH_BEFORE_RE = re.compile(r"\d/\Z")
_SLASH_AFTER_RE = re.compile(r"/\d")


def _slash(text: str, toks: list[Tok], i: int, j: int, card: Card, g: str | None) -> _Tail:
    """Digit fractions "3/4" and mixed numbers "2 1/4" (not dates "5/17/2018")."""
    n, t0 = len(toks), toks[i]
    if j != i + 1 or not _small_int(t0) or _SLASH_BEFORE_RE.search(text, max(0, t0.start - 2), t0.start):
        return None
    if g == "sl" and _small_int(toks[j]) and toks[j].value and not _SLASH_AFTER_RE.match(text, toks[j].end):
        return t0.value / toks[j].value, j + 1
    if (g == "sp" and j + 1 < n and gap(text, toks, j + 1) == "sl" and _small_int(toks[j])
            and _small_int(toks[j + 1]) and toks[j].value < toks[j + 1].value
            and not _SLASH_AFTER_RE.match(text, toks[j + 1].end)):
        return t0.value + toks[j].value / toks[j + 1].value, j + 2
    return None


def _bare_fraction(text: str, toks: list[Tok], i: int, a: int | None) -> tuple[Num | None, int]:
    """Read a fraction with no number before it: "half", "a third of", "quarter million"."""
    t, n = toks[i], len(toks)
    word = t.text.lower()
    if t.plural or word in _COMPOUND_ONLY:
        return None, i + 1
    value, k = _scaled(text, toks, i + 1, 1.0 / t.value)
    scaled = k > i + 1
    if word == "half" and not scaled and k < n and gap(text, toks, k) == "a" and toks[k].kind == HUND:
        value, k, scaled = 50.0, k + 1, True
    if word != "half" and not scaled and (a is None or not _SINGULAR_NEXT_RE.match(text, t.end)):
        return None, i + 1
    if word == "quarter" and a is None and not scaled:
        return None, i + 1
    start = a if a is not None else t.start
    end = toks[k - 1].end
    return Num(start, end, tidy(value), text[start:end], t, k - i, toks[k - 1].value if scaled else 1.0,
               True), k
