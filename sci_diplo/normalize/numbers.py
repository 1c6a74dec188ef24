"""Cardinal numbers in English text: "1.8 billion", "thirty-three", "two-thirds".

``find_numbers`` returns every cardinal number expression in a text (digits with
separators, decimals, words, scales, fractions, negatives), never ordinals
("third", "11th"). ``parse_number`` reads one expression standing alone.
Values are floats (integers come back as int-valued floats: ``8300.0``).

Conventions (decided here):
- vague plurals ("dozens", "hundreds") are no number: ``parse_number`` gives None;
  the figure rules read "hundreds of X" themselves;
- "half" alone is 0.5, "a dozen" 12, "nil" 0 (``parse_number`` only);
- a singular fraction needs "of" or an end after it: "a third of" is 1/3,
  "a third round" holds no number;
- a lone "one" after a determiner ("the one", "which one") is a pronoun, not a number;
- "1m" is 1 metre to ``find_numbers`` but 1,000,000 to ``parse_number``.
"""

from __future__ import annotations

import math
import re

from sci_diplo.normalize.numbers_lexicon import (
    DIG, DIGIT_RE, SPACED_SCALES, SUFFIX_SCALES, WORD_RE, WORD_RE_ANYCASE, WORDS,
)
from sci_diplo.normalize.number_parse import Num, Tok
from sci_diplo.normalize.number_tails import parse_at
from sci_diplo.normalize.types import NumberMatch

# A scale abbreviation standing apart after the digits: "2.33 k", "10 bln".
_SPACED_SCALE_RE = re.compile(
    r"[ \t\u00a0]+(" + "|".join(sorted(SPACED_SCALES, key=len, reverse=True)) + r")(?![\w%$€£¥])"
)
_GROUP_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009")
# A minus sign glued to the number, not after a word or digit: " -5", "(-4/5".
_SIGN_GLUED_RE = re.compile(r"(?<![\w.,/\-])(?P<s>[-\u2212])\Z")
# A minus sign standing apart at the start of a line: "- 10 k".
_SIGN_LINE_RE = re.compile(r"(?:\A|(?<=\n))[^\S\n]*(?P<s>[-\u2212])[^\S\n]+\Z")
# A sign word: "minus five", "negative one".
_SIGN_WORD_RE = re.compile(r"(?i)(?<!\w)(?P<s>minus|negative)[^\S\n]+\Z")
# Determiners that make a lone "one" a pronoun: "the one you mentioned".
_PRONOUN_ONE_RE = re.compile(
    r"(?i)(?<!\w)(?:the|this|that|which|each|every|any|no|another|a|an|one|"
    r"some|someone|only|last|first|next|same|little|big|new|old|previous|current|but)[^\S\n]+\Z"
)


def _digit_value(grp: str | None, dcomma: str | None, plain: str | None, exp: str | None,
                 sfx: str | None) -> float | None:
    """Return the value of a digit token from its regex groups (scale suffix included)."""
    if grp:
        body = grp.translate(_GROUP_SEPARATORS)
    elif dcomma:
        body = dcomma.replace(",", ".")
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


def tokens(text: str, split_dotted: bool = True) -> list[Tok]:
    """Return the number tokens of ``text`` in order.

    Dotted digit runs ("192.168.1.2") become one integer token per part when
    ``split_dotted``, else one token of kind ``dotted`` that nothing parses.
    Number words inside a web address are dropped with its digits.
    """
    out: list[Tok] = []
    urls: list[tuple[int, int]] = []
    for m in DIGIT_RE.finditer(text):
        if m.lastgroup == "url":
            urls.append(m.span())
        elif m.group("dotted"):
            _dotted_tokens(m, split_dotted, out)
        else:
            _digit_token(text, m, out)
    low = text.lower()
    word_re, scan_text = (WORD_RE, low) if len(low) == len(text) else (WORD_RE_ANYCASE, text)
    for m in word_re.finditer(scan_text):
        w = WORDS[m.group().lower()]
        out.append(Tok(w.kind, w.value, m.start(), m.end(), w.plural, text[m.start():m.end()]))
    out.sort(key=lambda t: t.start)
    return _outside(out, urls) if urls else out


def _outside(toks: list[Tok], spans: list[tuple[int, int]]) -> list[Tok]:
    """Return the tokens (sorted) that start outside every span (sorted, disjoint)."""
    out, k = [], 0
    for t in toks:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        if k == len(spans) or t.start < spans[k][0]:
            out.append(t)
    return out


def _dotted_tokens(m: re.Match[str], split: bool, out: list[Tok]) -> None:
    """Append the tokens of a dotted digit run to ``out``."""
    if not split:
        out.append(Tok("dotted", 0.0, m.start(), m.end(), False, m.group()))
        return
    pos = m.start()
    for part in m.group("dotted").split("."):
        out.append(Tok(DIG, float(part), pos, pos + len(part), False, part, is_int=True))
        pos += len(part) + 1


def _digit_token(text: str, m: re.Match[str], out: list[Tok]) -> None:
    """Append one digit token (with a spaced scale suffix if any) to ``out``."""
    dig, grp, dcomma, plain, exp, sfx, fu = m.group("dig", "grp", "dcomma", "plain", "exp", "sfx", "fu")
    value = _digit_value(grp, dcomma, plain, exp, sfx)
    if value is None or not math.isfinite(value):  # "9" * 400 overflows: no usable number
        return
    end, spaced = m.end(), False
    if not sfx and not exp and not fu and text[end:end + 1] in (" ", "\t", "\u00a0"):
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


def signed(text: str, num: Num, line: bool = True) -> Num:
    """Return ``num`` negated and widened over a minus sign before it, else ``num``.

    Signs: a glued "-" ("-5"), "minus"/"negative", and with ``line`` a "- "
    opening a line ("- 10 k"; off for prose, where that is a list bullet).
    """
    lo = num.start - 12 if num.start > 12 else 0
    window = text[lo:num.start]
    if "-" not in window and "\u2212" not in window and "inus" not in window and "egativ" not in window:
        return num
    for sign_re in (_SIGN_GLUED_RE, _SIGN_WORD_RE, _SIGN_LINE_RE):
        if sign_re is _SIGN_LINE_RE and not line:
            break
        m = sign_re.search(text, lo, num.start)
        if m:
            return num.replace(start=m.start("s"), value=-num.value, negative=True,
                               text=text[m.start("s"):num.end])
    return num


def scan(text: str, *, ratios: bool = True, split_dotted: bool = True,
         toks: list[Tok] | None = None) -> list[Num]:
    """Return every number expression of ``text`` with parse details.

    ``ratios`` reads "one over three" and "3/4" as fractions. Signs are not
    applied (see :func:`signed`). Ordinals and non-numbers are left out.
    ``toks`` are the text's :func:`tokens` when the caller already has them.
    """
    if toks is None:
        toks = tokens(text, split_dotted)
    out: list[Num] = []
    i = 0
    while i < len(toks):
        num, i = parse_at(text, toks, i, ratios)
        if num is not None:
            out.append(num)
    return out


def find_numbers(text: str) -> list[NumberMatch]:
    """Return every cardinal number expression in ``text`` (empty list if none).

    Offsets are half-open into ``text``; values are floats. Ordinals, vague
    plurals ("dozens"), digits glued to letters ("180ml", "COVID19") and the
    pronoun "one" ("the one you mentioned") are not returned.
    """
    out = []
    for num in scan(text):
        if num.sfx == "m" or num.head.fu:  # "1m", "180ml": measures, not bare numbers
            continue
        if num.text.lower() == "one" and _PRONOUN_ONE_RE.search(text, max(0, num.start - 12), num.start):
            continue
        num = signed(text, num)
        out.append(NumberMatch(num.start, num.end, num.value))
    return out


def parse_number(text: str) -> float | None:
    """Return the value of ``text`` read as one number expression, else None.

    Surrounding white space (and markdown ``*``) is ignored; anything left over
    ("95%", "5 cats", "the third") gives None, as do vague plurals ("dozens").
    Always a float (integers as int-valued floats). Examples: "1.8 billion" ->
    1.8e9, "thirty-three" -> 33.0, "two-thirds" -> 0.666..., "a dozen" -> 12.0,
    "3m" -> 3e6, "nil" -> 0.0.
    """
    if not isinstance(text, str):
        return None
    s = text.strip().strip("*_").strip()
    if s.lower() == "nil":
        return 0.0
    nums = [signed(s, n) for n in scan(s)]
    if len(nums) != 1 or nums[0].start != 0 or nums[0].end != len(s):
        return None
    return float(nums[0].value)
