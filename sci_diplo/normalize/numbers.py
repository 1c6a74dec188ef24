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

import re
from operator import attrgetter

from sci_diplo.normalize.numbers_lexicon import (
    DIGIT_RE, DIGIT_RUN_RE, HTTP_RE, NON_ASCII_DIGIT_LEADS, NON_ASCII_DIGIT_RE, SCAN_TABLE, WORD_RE,
    WORD_RE_ANYCASE, WORD_SCAN_RE, WORDS, WWW_RE,
)
from sci_diplo.normalize.number_parse import Num, Tok, digit_token, dotted_tokens, plain_token
from sci_diplo.normalize.number_tails import parse_at
from sci_diplo.normalize.types import NumberMatch

_START = attrgetter("start")
# Number words as WORD_SCAN_RE matches them in the scan bytes (a space first).
_SCAN_WORDS = {b" " + w.encode(): word for w, word in WORDS.items()}
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


def tokens(text: str, split_dotted: bool = True) -> list[Tok]:
    """Return the number tokens of ``text`` in order.

    Dotted digit runs ("192.168.1.2") become one integer token per part when
    ``split_dotted``, else one token of kind ``dotted`` that nothing parses.
    Number words inside a web address are dropped with its digits.
    The regexes run on one byte per char (``_scan_bytes``) and are tried only
    at digit runs and word starts; the result is what DIGIT_RE and WORD_RE
    find over the text (tests/normalize/test_numbers.py checks both ways).
    """
    out: list[Tok] = []
    scan_bytes = _scan_bytes(text)
    if scan_bytes is None:  # rare scripts: the plain scan of the whole text
        digit_ms, urls, words = _slow_matches(text)
        for m in digit_ms:
            if m.group("dotted"):
                dotted_tokens(m, split_dotted, out)
            else:
                digit_token(text, m, out)
        for s, e in words:
            raw = text[s:e]
            w = WORDS.get(raw.lower())
            if w is None:  # "ſeven": re.I lets a letter that folds to ASCII match a number word
                continue
            out.append(Tok(w.kind, w.value, s, e, w.plural, raw))
    else:
        urls = _url_spans(text) if "://" in text or "www." in text else []
        _digit_tokens(text, scan_bytes, urls, split_dotted, out)
        _word_tokens(text, scan_bytes, out)
    out.sort(key=_START)
    return _outside(out, urls) if urls else out


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of the web addresses (the ``url`` matches of DIGIT_RE).

    Tried only where "http" or "www." stands (found by ``str.find``), and
    merged: every match runs to the next white space, so one that starts
    inside another is skipped, as finditer does.
    """
    found = []
    for lead, url_re in (("http", HTTP_RE), ("www.", WWW_RE)):
        i = text.find(lead)
        while i >= 0:
            m = url_re.match(text, i)
            if m is None:
                i = text.find(lead, i + 1)
            else:
                found.append(m.span())
                i = text.find(lead, m.end())
    out: list[tuple[int, int]] = []
    for span in sorted(found):
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def _scan_bytes(text: str) -> bytes | None:
    """Return the scan bytes of ``text`` (see SCAN_TABLE), or None if they would not be exact.

    Not exact: a non-ASCII digit, or a char that lower-cases to ASCII ("K",
    the Kelvin sign) or to two chars ("İ").
    """
    if not text.isascii():
        if "\u0130" in text or "\u212a" in text:
            return None
        utf8 = text.encode()
        if any(b in utf8 for b in NON_ASCII_DIGIT_LEADS) and NON_ASCII_DIGIT_RE.search(text):
            return None
    return (b" " + text.encode("ascii", "replace")).translate(SCAN_TABLE)


def _slow_matches(text: str) -> tuple[list[re.Match[str]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Return (digit matches, web address spans, number word spans) by scanning every char."""
    digit_ms, urls = [], []
    for m in DIGIT_RE.finditer(text):
        if m.lastgroup == "url":
            urls.append(m.span())
        else:
            digit_ms.append(m)
    low = text.lower()
    word_re, scan_text = (WORD_RE, low) if len(low) == len(text) else (WORD_RE_ANYCASE, text)
    return digit_ms, urls, [m.span() for m in word_re.finditer(scan_text)]


def _digit_tokens(text: str, scan_bytes: bytes, urls: list[tuple[int, int]], split_dotted: bool,
                  out: list[Tok]) -> None:
    """Append the tokens of what ``DIGIT_RE.finditer`` finds outside web addresses.

    Only digit runs are tried: a digit number starts at the first digit of a
    run (a digit after a digit is glued to it), or at a "." right before it
    (".08"). A plain run ("2020" in "in 2020, the") is read without the regex.
    """
    pos = k = 0
    for run in DIGIT_RUN_RE.finditer(scan_bytes):
        d, r = run.span()
        d, r = d - 1, r - 1  # scan bytes have one leading space
        if d < pos:
            continue
        if urls:
            while k < len(urls) and urls[k][1] <= d:
                k += 1
            if k < len(urls) and urls[k][0] <= d:
                continue
        if plain_token(text, d, r, out):  # read without the regex
            pos = r
            continue
        m = DIGIT_RE.match(text, d - 1 if d > pos and text[d - 1] == "." else d)
        if m is not None:
            if m.group("dotted"):
                dotted_tokens(m, split_dotted, out)
            else:
                digit_token(text, m, out)
            pos = m.end()


def _word_tokens(text: str, scan_bytes: bytes, out: list[Tok]) -> None:
    """Append a token for each number word that ``WORD_RE`` finds in the lower-cased ``text``.

    The scan bytes turn non-ASCII chars into spaces, so a word next to one is
    checked again on the text ("é" is a letter, "“" is not).
    """
    n = len(text)
    for m in WORD_SCAN_RE.finditer(scan_bytes):
        s, e = m.span()
        e -= 1
        if (s and text[s - 1] >= "\x80") or (e < n and text[e] >= "\x80"):
            lo = s - 1 if s else 0
            again = WORD_RE.match(text[lo:e + 1].lower(), s - lo)
            if again is None or again.end() != e - lo:
                continue
        w = _SCAN_WORDS[m[0]]  # (the text's chars there are the ASCII letters of the word)
        out.append(Tok(w.kind, w.value, s, e, w.plural, text[s:e]))


def _outside(toks: list[Tok], spans: list[tuple[int, int]]) -> list[Tok]:
    """Return the tokens (sorted) that start outside every span (sorted, disjoint)."""
    out, k = [], 0
    for t in toks:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        if k == len(spans) or t.start < spans[k][0]:
            out.append(t)
    return out


def signed(text: str, num: Num, line: bool = True) -> Num:
    """Return ``num`` negated and widened over a minus sign before it, else ``num``.

    Signs: a glued "-" ("-5"), "minus"/"negative", and with ``line`` a "- "
    opening a line ("- 10 k"; off for prose, where that is a list bullet).
    """
    c = text[num.start - 1:num.start]
    if c != "-" and c != "\u2212" and (c == "\n" or not c.isspace()):
        return num  # every sign ends in a minus sign or a blank right before the number
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
