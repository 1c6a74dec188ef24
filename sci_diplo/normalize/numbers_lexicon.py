"""Word tables and the token regexes shared by the number and figure rules.

Pure data plus two compiled regexes: ``DIGIT_RE`` finds digit numbers (with
separators, exponents, scale or unit suffixes) and web addresses, ``WORD_RE``
finds number words in the lower-cased text; :mod:`sci_diplo.normalize.numbers`
turns their matches into tokens and the parser joins tokens into expressions.
"""

from __future__ import annotations

import re

# Token kinds.
UNIT, TEEN, TENS, HUND, SCALE, DOZ, ORD, DIG, VAGUE = (
    "unit", "teen", "tens", "hund", "scale", "doz", "ord", "dig", "vague"
)

_UNIT_WORDS = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
_TEEN_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALE_WORDS = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "quadrillion": 1e15, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7,
    "crores": 1e7, "milliard": 1e9, "milliards": 1e9,
}
_DOZEN_WORDS = ("dozen", "dozens", "dz", "dzs", "doz", "dozs")

# Vague plurals ("hundreds of"): no number, but the figure rules read them.
_VAGUE_WORDS = {"tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
                "trillions": 1e12}
# Ordinal words usable as fraction denominators: value of the denominator.
_ORD_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9,
    "trillionth": 1e12, "quarter": 4,
}


class Word:
    """One number word: kind, value and whether it is a plural form."""

    __slots__ = ("kind", "value", "plural")

    def __init__(self, kind: str, value: float, plural: bool = False) -> None:
        self.kind, self.value, self.plural = kind, value, plural


def _build_words() -> dict[str, Word]:
    """Return the lower-case number word -> ``Word`` table."""
    words: dict[str, Word] = {}
    for table, kind in ((_UNIT_WORDS, UNIT), (_TEEN_WORDS, TEEN), (_TENS_WORDS, TENS)):
        for w, v in table.items():
            words[w] = Word(kind, v)
    words["hundred"] = Word(HUND, 100)
    for w, v in _SCALE_WORDS.items():
        words[w] = Word(SCALE, v)
    for w in _DOZEN_WORDS:
        words[w] = Word(DOZ, 12, w.endswith("s"))
    for w, v in _ORD_WORDS.items():
        words[w] = Word(ORD, v)
        words["quarters" if w == "quarter" else w + "s"] = Word(ORD, v, True)
    words["half"] = Word(ORD, 2)
    words["halves"] = Word(ORD, 2, True)
    for w, v in _VAGUE_WORDS.items():
        words[w] = Word(VAGUE, v, True)
    return words


WORDS = _build_words()

# Scale suffixes written after digits ("10k", "5bn", "2mil", "1.2b", "10 bln").
SUFFIX_SCALES = {
    "k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "G": 1e9, "B": 1e9, "b": 1e9,
    "bn": 1e9, "Bn": 1e9, "BN": 1e9, "bln": 1e9, "bil": 1e9, "mil": 1e6, "mln": 1e6, "mn": 1e6,
    "Mn": 1e6, "MN": 1e6, "Mio": 1e6, "Mrd": 1e9, "m": 1e6, "tn": 1e12, "Tn": 1e12, "trn": 1e12, "tln": 1e12,
    "cr": 1e7, "Cr": 1e7,  # crore ("Rs 500 cr")
    # scale words glued to the digits ("$5million", "£1.2billion")
    "thousand": 1e3, "million": 1e6, "Million": 1e6, "billion": 1e9, "Billion": 1e9,
    "trillion": 1e12, "Trillion": 1e12,
}
# Suffixes that may also stand apart from the digits ("2.33 k", "10 bln", "$1.2 Bn", "€300 Mio").
SPACED_SCALES = ("MM", "M", "G", "k", "K", "bn", "Bn", "BN", "bln", "bil", "mil", "mln", "mn", "Mn", "MN",
                 "Mio", "Mrd", "tn", "Tn", "trn", "tln", "cr", "Cr")
# Suffixes too ambiguous for running prose (5G networks, 4K video, 10 M meters).
PROSE_UNSAFE_SCALES = frozenset({"G", "M", "k", "K", "B"})


def trie_regex(words: list[str]) -> str:
    """Return a regex alternation for ``words`` factored as a prefix tree.

    A flat alternation of a hundred words is tried word by word at every
    position; the factored form lets the engine reject most positions on
    the first character.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict) -> str:
    """Return the regex for one trie node (longest alternatives first)."""
    alts = [re.escape(ch) + _trie_to_regex(child) for ch, child in sorted(node.items()) if ch]
    optional = "" in node
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body


# Unit abbreviations glued to digits ("5km", "47.5MW"): a figure's unit, never a
# bare number for ``find_numbers`` ("the 180ml liquid" holds no number).
FUSED_UNITS = ("km", "cm", "mm", "nm", "kg", "mg", "MW", "GW", "kW", "KW", "TW", "kWh", "KWh",
               "MWh", "GWh", "TWh", "ha", "ml", "mL", "GB", "TB", "MB", "Gbps", "Mbps", "MHz",
               "GHz", "kHz", "Hz", "mph", "ft", "lbs", "lb", "km2", "km²", "m2", "m²", "m3", "m³",
               "bpd", "yrs", "C")  # "1.5C": degrees Celsius where a temperature is meant (figures)
_FUSED_ALT = "|".join(sorted(FUSED_UNITS, key=len, reverse=True))

# Currency codes that may be glued to the digits that follow them.
GLUED_CODES = ("RMB", "CNY", "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK",
               "NOK", "DKK", "INR", "HKD", "SGD", "NZD", "KRW", "RUB", "BRL", "ZAR")
# South African "R" and Malaysian "RM" glued to an amount with a scale word or thousands groups
# ("R12 million", "R4,500", "RM1.4 billion"); "R2" alone is a model, a route or a score (see
# ``figures_units.currency_before``).
RAND_AMOUNT = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?[^\S\n]?(?:million|billion|bn|m)\b"
_GLUED_CODES = ("(?=\\d)(?:" + "|".join(r"(?<=\b" + c + ")" for c in GLUED_CODES)
                + r"|(?:(?<=\bR)|(?<=\bRM))(?=" + RAND_AMOUNT + "))")
_SUFFIX_ALT = "|".join(sorted(SUFFIX_SCALES, key=len, reverse=True))

# Matches a web address (group ``url``, read so that its digits are skipped) or
# a digit number (group ``dig``), glued neither to a letter nor to a dotted
# number on its left (an ISO currency code may stand glued: "RMB10bn", "USD5m").
# Inside ``dig``: ``dotted`` (IP or version "192.168.1.2"), ``grp`` (comma or
# space thousands "1,234,567.89", "40 000"), ``dcomma`` (decimal comma "5,00",
# not inside a list "22,24,26"), ``plain`` ("4.800", ".08"); then an optional
# exponent ("1e10", "1.1^-2") and a glued scale suffix ``sfx`` ("10k", "5bn")
# or unit ``fu`` ("5km"); nothing but a non-word may follow ("11th", "1970s",
# "8AT" are no tokens). The digit alternatives sit in an atomic group so a
# failed suffix never makes the engine retry shorter digit runs; the leading
# lookahead lets the engine skip most positions at once (6x faster).
DIGIT_RE = re.compile(
    r"(?=[\d.hw])(?:(?P<url>(?:https?://|www\.)\S+)"
    r"|(?:(?<![\w.])|" + _GLUED_CODES + r")(?P<dig>(?>"
    # thousands grouped by dots or blanks before a decimal comma, as much of Europe writes money:
    # "3.412.560,50", "2 499 875,00" (before ``dotted``, which would take "3.412.560")
    r"(?P<eur>\d{1,3}(?:\.\d{3})++,\d{1,2}(?![\d]|[.,]\d)|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})++,\d{1,2}(?!\d|[.,]\d)"
    # or by dots alone, every group of three: "1.500.000 Euro" (not a version's "1.2.3", a date's "15.03.2024")
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d]|[.,]\d))"
    r"|(?P<dotted>\d+(?:\.\d+){2,})"
    r"|(?P<grp>\d{1,2}(?:,\d\d){1,4},\d{3}(?![\d,])(?:\.\d+)?"  # Indian lakhs and crores: "12,50,000", "3,50,00,000"
    r"|\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d{1,3}(?:['’]\d{3}(?!\d))+(?:\.\d+)?"  # Swiss thousands: "12'000", "1’500’000"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?![\d,]))+(?:\.\d+)?(?!\.\d))"
    r"|(?<!\d,)(?P<dcomma>\d+,\d{1,2})(?![\d,]|\.\d)"
    r"|(?P<plain>\d+(?:\.\d+)?|\.\d+)"
    r")(?P<exp>[eE][+-]?\d+|\^[+-]*\d+)?(?P<sfx>" + _SUFFIX_ALT + r")?(?P<fu>" + _FUSED_ALT
    + r")?)(?!\w))"
)
# One number word, in a lower-cased text (a factored trie: scanning a text for a
# hundred words is then about as fast as for one).
WORD_RE = re.compile(r"\b(?:" + trie_regex(sorted(WORDS)) + r")\b")
# The same for a text whose lower-casing changes its length (rare scripts).
WORD_RE_ANYCASE = re.compile(WORD_RE.pattern, re.IGNORECASE)

# The fast scan (see ``numbers.tokens``): the text encoded one byte per char
# (non-ASCII as "?") and mapped through SCAN_TABLE: ASCII letters lower-cased,
# digits to "0", "_" kept, everything else (non-ASCII included) to a space.
# The regex engine then finds the next number word by a quick search for a
# literal space, and the next digit run by one for "0", instead of trying the
# whole pattern at every character (3-4x faster on prose).
SCAN_TABLE = bytes(
    48 if 48 <= c <= 57 else c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or c == 95 else 32
    for c in range(256)
)
# A number word after a space in the scan bytes (a space is prefixed to them).
WORD_SCAN_RE = re.compile(rb" (?:" + trie_regex(sorted(WORDS)).encode() + rb")\b")
# A run of digits in the scan bytes (written with a literal first: fast search).
DIGIT_RUN_RE = re.compile(rb"0(?:0*)")
# A web address, as the ``url`` group of DIGIT_RE reads it, in two parts.
HTTP_RE = re.compile(r"https?://\S+")
WWW_RE = re.compile(r"www\.\S+")
# Leading UTF-8 bytes of every non-ASCII decimal digit ("٣", "３"): texts with
# none of them hold ASCII digits only, which the fast scan sees.
NON_ASCII_DIGIT_LEADS = (0xD9, 0xDB, 0xDF, 0xE0, 0xE1, 0xEA, 0xEF, 0xF0)
NON_ASCII_DIGIT_RE = re.compile(r"\d(?<![0-9])")
