"""Atoms that start with a digit ("2021-12-19", "17 December", "1990s", "770–476 BC"), and
the :class:`Atom` type shared by the scanner.

Each function returns an :class:`Atom` or None when the text is no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sci_diplo.normalize import dates_grammar as g
from sci_diplo.normalize.dates_calendar import Point, days_in_month, valid_point
from sci_diplo.normalize.dates_context import Left, read_left, right_word, year_like

# Words connecting years in a list: "2008, 2012 and 2016", "from 2016 to 2020".
_LIST_GAP_RX = re.compile(r"\s*+(?:,\s*+(?:and\s++|or\s++)?|and\s++|or\s++|to\s++|through\s++|[-–—]\s*+)\Z")
_ERAS_BC = ("BC", "BCE", "B.C.")
_ERAS_AD = ("AD", "A.D.", "CE", "C.E.")
_DATE_KINDS = frozenset(("iso", "num", "cjk", "dtg", "dmy"))  # DIGIT_RX alternatives read by _date_atom


@dataclass(slots=True)
class Atom:
    """A candidate temporal expression at ``text[start:end]``.

    ``kind``: ``cal`` (explicit parts in ``lo``/``hi``, year possibly None),
    ``rel`` (relative spec in ``rel``), ``weekday``, ``ref`` (TimeML reference).
    ``full`` marks an explicit day, month and year; ``abbr`` a weekday
    abbreviation, kept only when a date follows it; ``weekday`` the weekday
    written before a yearless date, which then picks the year.
    """

    start: int
    end: int
    kind: str = "cal"
    lo: Point | None = None
    hi: Point | None = None
    rel: tuple | None = None
    full: bool = False
    abbr: bool = False
    left: Left | None = None
    weekday: int | None = None  # the weekday written with a yearless date ("Friday, July 7")


def digit_atom(text: str, start: int, year_end: int) -> Atom | None:
    """Return the atom of an expression starting with a digit, or None."""
    if start and text[start - 1] in "’'‘" and (apostrophe := apostrophe_year(text, start)) is not None:
        return apostrophe
    if (short := _SHORT_DATE_RX.match(text, start)) is not None \
            and _SHORT_DATE_LABEL_RX.search(text, max(0, start - 12), start) is not None:
        return _short_date(text, start, short)
    mt = _digit_match(text, start)
    if mt is None:
        return None
    kind = mt.lastgroup
    if kind in _DATE_KINDS:
        return _date_atom(start, mt)
    if kind == "cent":
        if mt["cent_sep"] == "-":
            return None
        return century(start, mt.end(), int(mt["cent_n"]), mt["cent_era"])
    if kind == "qord":
        return quarter(text, start, mt.end(), mt["qord_u"].lower(), int(mt["qord_n"]))
    if kind == "yq":
        return code_atom(start, mt.end(), mt["yq_c"].upper(), int(mt["yq_y"]))
    if kind == "dom":
        return _day_of_month(text, start, mt)
    if kind == "dm":
        return _day_month(text, start, mt)
    return _year(text, mt, year_end)


# Where a day and a month without a year stand: after a relation word or a weekday ("on 5/3", "by
# 27/2", "flights Thu 14/03"), or opening a schedule's line before its leaders, a dash or a colon
# ("20/3 ........ Webinar").
_DM_BEFORE_RX = re.compile(r"(?i)\b(?:on|until|till|before|after"
                           r"|(?P<weekday>(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|\.)?,?))[^\S\n]++\Z")
_DM_LINE_AFTER_RX = re.compile(r"[^\S\n]*+(?:\.{2,}|[–—-][^\S\n]|:)")
# What a date's clause may go on with after it: its end, or a word that is no noun ("3/5 votes",
# "2/3 majority", "10/10 as the target" are shares and scores).
_DM_AFTER_RX = re.compile(r"[^\S\n]*+(?:[.,;:)\n]|\Z)|[^\S\n]++(?:at|in|and|or|to|from|with|for|the|when|because|but|it|we"
                          r"|they|he|she|this|that|until)\b")
# Two of them as a range: "from 1/9 to 30/9", "between 3/10 and 5/10", "1/9–30/9" (a dash needs no
# word before it; "to", "until" and "and" need "from" or "between", or one of _DM_BEFORE_RX's words).
_DM = r"(?P<{0}a>[0-3]?\d)/(?P<{0}b>[0-3]?\d)"
_DM_PAIR_RX = re.compile(_DM.format("p1") + r"[^\S\n]*+(?:(?P<dash>[-–—])|(?:to|until|till|and)(?![\w-]))[^\S\n]*+"
                         + _DM.format("p2") + r"(?![\d/]|[.,]\d)")
_DM_PAIR_BEFORE_RX = re.compile(r"(?i)(?P<change>\b(?:rose|rise|fell|fall|grew|went|up|down|improved|increased|decreased"
                                r"|dropped|climbed|jumped|declined)[^\S\n]++)?\b(?:from|between)[^\S\n]++\Z")
_DM_PAIR_SECOND_RX = re.compile(r"(?<![\d/.,])[0-3]?\d/[0-3]?\d[^\S\n]*+(?:[-–—]|(?:to|until|till|and))[^\S\n]*+\Z")


_DOTTED_DATE_RX = re.compile(r"(?<![\d.])[0-3]?\d\.[01]?\d\.(?:19|20)\d\d(?!\d|\.\d)")


@lru_cache(maxsize=8)  # (asked for each day and month the text writes, and for both of a range)
def _day_first_dates(text: str) -> bool | None:
    """Whether the text writes its dates day first (True) or month first (False), as its numeric
    dates with slashes or dots, or else its dates in words, show; None when it writes no date with
    a day, and a bare "5/3" in it is a share rather than a day and a month."""
    order = numeric_order(text)
    if order is not None:
        return order
    return True if _DOTTED_DATE_RX.search(text) is not None else writes_day_first(text)


def _dm_pair(text: str, start: int) -> bool:
    """Whether the day and month at ``start`` opens a range of two, the second later in the year
    than the first, that stands where a date may: "from 1/9 to 30/9;" (not "from 1/3 to 1/2",
    "between 1/4 and 1/3 of the budget", nor, in a text that writes no dates, any pair)."""
    mt = _DM_PAIR_RX.match(text, start)
    if mt is None:
        return False
    opens = _DM_PAIR_BEFORE_RX.search(text, max(0, start - 18), start)
    if opens is not None and opens["change"]:
        return False  # "rose from 3/10 to 7/10": shares or scores
    if not (mt["dash"] or opens is not None or _DM_BEFORE_RX.search(text, max(0, start - 8), start)):
        return False
    if not (_DM_AFTER_RX.match(text, mt.end()) or _DM_LINE_AFTER_RX.match(text, mt.end())):
        return False
    day_first = _day_first_dates(text)
    if day_first is None:
        return False
    (d1, m1), (d2, m2) = ((int(mt[f"{p}a"]), int(mt[f"{p}b"]))[::1 if day_first else -1] for p in ("p1", "p2"))
    return (valid_point(2000, m1, d1) and valid_point(2000, m2, d2)) and (m1, d1) < (m2, d2)


def _day_month(text: str, start: int, mt: re.Match) -> Atom | None:
    """Return the atom of "on 5/3" or "9-11/6" (day first where the text writes its dates day
    first, else month first: "on 12/27"), or either of a range "from 1/9 to 30/9", or None where
    the context names no date ("24/7", "9/11", "3/5 of", a score)."""
    end = mt.end()
    line_start = not text[text.rfind("\n", 0, start) + 1:start].strip()
    second = _DM_PAIR_SECOND_RX.search(text, max(0, start - 12), start)
    pair = _dm_pair(text, start) or (second is not None and _dm_pair(text, second.start()))
    word = None if pair else _DM_BEFORE_RX.search(text, max(0, start - 10), start)
    before = pair or word is not None
    schedule = not before and line_start and _DM_LINE_AFTER_RX.match(text, end) is not None  # "20/3 ........ Webinar"
    if not (before or schedule):
        return None
    weekday = word is not None and word["weekday"] is not None  # "Thu 14/03 via Doha": a day, whatever follows
    if not (pair or schedule or weekday or _DM_AFTER_RX.match(text, end)) or mt.group() in ("24/7", "9/11", "7/7"):
        return None  # (a share, a score, a span of service, an event's name)
    day_first = _day_first_dates(text)
    if day_first is None:
        return None  # a text that writes no dates
    a, b = int(mt["dm_a"]), int(mt["dm_b"])
    a2 = int(mt["dm_a2"]) if mt["dm_a2"] else None
    month_first = a2 is None and (b > 12 or a <= 12 and not day_first)
    day, month = (b, a) if month_first else (a, b)
    if not 1 <= month <= 12 or not valid_point(2000, month, day) or a2 is not None and not (
            day < a2 and valid_point(2000, month, a2)):
        return None
    hi = (None, month, a2) if a2 is not None else None
    return Atom(start, end, lo=(None, month, day), hi=hi)


# "the" before a day of the month named by its ordinal; when no "of this month" follows, a
# relation word before "the" ("on the 19th", "set for the 18th and 19th") and, after the day,
# the clause's end, a time or a conjunction: "the 20th anniversary", "on the 5th floor", "by the
# 20th and final state", "on the 3rd in the rankings" are no days.
_DOM_BEFORE_RX = re.compile(r"(?i)\b(?P<rel>(?:on|by|until|till|from|since|before|after|for)[^\S\n]+)?the[^\S\n]+\Z")
_DOM_AFTER_RX = re.compile(r"[^\S\n]*+(?:[.,;:!?)\n]|\Z|(?:at|when|with|but)\b)")
_AND_AFTER_RX = re.compile(r"[^\S\n]++(?:and|in)\b")  # after a range of days: "on the 18th and 19th and held"
# "this month" and "next month" are the anchor's; "the following month" and "the previous month"
# count from the last date the text gave, as "a year later" does (the flag after the offset).
_MONTH_OFFSETS = {"this": (0, False), "last": (-1, False), "next": (1, False),
                  "previous": (-1, True), "following": (1, True), "same": (0, True)}


def _day_of_month(text: str, start: int, mt: re.Match) -> Atom | None:
    """Return the atom of "the 19th of this month" or "on the 18th and 19th", or None."""
    if mt["dom_inst"]:  # "on 12th instant": this month's
        d = int(mt["dom_d"])
        return Atom(start, mt.end(), "rel", rel=("dom", d, None, 0, False)) if 1 <= d <= 31 else None
    before = _DOM_BEFORE_RX.search(text, max(0, start - 16), start)
    if before is None or not (mt["dom_m"] or before["rel"] and (
            _DOM_AFTER_RX.match(text, mt.end()) or mt["dom_d2"] and _AND_AFTER_RX.match(text, mt.end()))):
        return None
    d, d2 = int(mt["dom_d"]), int(mt["dom_d2"]) if mt["dom_d2"] else None
    if not 1 <= d <= 31 or (d2 is not None and not d < d2 <= 31):
        return None
    offset, from_last = _MONTH_OFFSETS[mt["dom_m"].split()[-1].lower()] if mt["dom_m"] else (0, False)
    return Atom(start, mt.end(), "rel", rel=("dom", d, d2, offset, from_last))


def full_digit_date(text: str, start: int) -> Atom | None:
    """Return the full date (day, month and year) that ``digit_atom`` reads at ``start``, or None."""
    mt = _digit_match(text, start)
    atom = _date_atom(start, mt) if mt is not None and mt.lastgroup in _DATE_KINDS else None
    return atom if atom is not None and atom.full else None


def _digit_match(text: str, start: int) -> re.Match | None:
    if start > 1 and text[start - 1] in ".," and text[start - 2].isdigit():
        return None  # the decimals of "1.5" or the thousands of "1,500"
    return g.DIGIT_RX.match(text, start)


def _date_atom(start: int, mt: re.Match) -> Atom | None:
    """Return the atom of an ISO, numeric, CJK or day-month(-year) date, or None when invalid."""
    kind = mt.lastgroup
    if kind == "iso":
        return _full_date(start, mt.end(), int(mt["iso_y"]), int(mt["iso_m"]), int(mt["iso_d"]))
    if kind == "num":
        a, b, y = int(mt["num_a"]), int(mt["num_b"]), int(mt["num_y"])
        # Slashes and hyphens read month first (US), unless the text writes its dates in words
        # day first ("3 June 2025"); dots read day first (European).
        if mt["num_d0"]:  # a range of days of one month, day first: "10.–12.09.2024", "14–16/11/2023"
            d0 = int(mt["num_d0"])
            if b > 12 or not (d0 < a and valid_point(y, b, a)):
                return None
            return Atom(start, mt.end(), lo=(y, b, d0), hi=(y, b, a))
        if mt["num_s"] == ".":
            month_first = b > 12
        elif a > 12 or b > 12:
            month_first = b > 12
        else:
            month_first = not _reads_day_first(mt.string, start, mt.end(), a, b, y)
        return _full_date(start, mt.end(), y, *((a, b) if month_first else (b, a)))
    if kind == "dtg":  # "141132Z MAR 24"
        y = int(mt["dtg_y"])
        y = y if y >= 100 else 2000 + y if y < 70 else 1900 + y
        return _full_date(start, mt.end(), y, g.MONTHS[mt["dtg_mon"].lower()], int(mt["dtg_d"]))
    if kind == "cjk":
        y, m = int(mt["cjk_y"]), int(mt["cjk_m"])
        if mt["cjk_d"]:
            return _full_date(start, mt.end(), y, m, int(mt["cjk_d"]))
        return Atom(start, mt.end(), lo=(y, m, None)) if valid_point(y, m) else None
    word = mt["dmy_mon"]
    if not word[0].isupper():
        return None
    month = g.MONTHS.get(word.lower())  # None for "Auguſt": re.I lets ſ match s
    if month is None or (not mt["dmy_y"] and not mt["dmy_y2"] and g.EVERY_YEAR_AFTER_RX.match(mt.string, mt.end())):
        return None  # (a recurrence: "on 1 June each year")
    return month_day(start, mt.end(), month, mt["dmy_d"], mt["dmy_d2"], mt["dmy_y"] or g.apostrophe_year(mt["dmy_y2"]))


# A date written in words day first ("3 June 2025", "12 December") and month first ("June 3, 2025").
_DAY_MONTH_RX = re.compile(r"\b[0-3]?\d(?:st|nd|rd|th)?[^\S\n]++(?:of[^\S\n]++)?" + g.MONTH_NAME + r"\b")
_MONTH_DAY_RX = re.compile(r"\b" + g.MONTH_NAME + r"\.?[^\S\n]++[0-3]?\d(?:st|nd|rd|th)?\b(?![^\S\n]*+[:.]?\d)")


# A clock as the countries that write the day first write it, right after the date on its line:
# "14h20", or a 24-hour afternoon time with no "am"/"pm" and no US time zone ("– 18:42").
_DAY_FIRST_CLOCK_AFTER_RX = re.compile(
    r"[^\S\n]*+(?:[-–—|,·]|at)?[^\S\n]*+(?:(?:[01]?\d|2[0-3])h[0-5]\d\b"
    r"|(?:1[3-9]|2[0-3]):[0-5]\d\b(?!:\d)(?![^\S\n]*+(?:[ap]\.?m\b|(?:E|C|M|P)[SD]?T\b)))", re.I)
# A numeric date whose first number is no month ("28/02/2025") or whose second is none ("02/28/2025").
_NUMERIC_DATE_RX = re.compile(r"(?<![\d/.-])([0-3]?\d)[/-]([0-3]?\d)[/-](?:\d{4}|\d{2})(?![\d/])")
# A weekday right before a date: "Thursday, 03/06/2025", "Wed 10/04/2024".
_WEEKDAY_BEFORE_RX = re.compile(r"\b(" + "|".join(sorted(g.WEEKDAYS, key=len, reverse=True)) + r")\.?,?[^\S\n]*+\Z",
                                re.I)


def _reads_day_first(text: str, start: int, end: int, a: int, b: int, y: int) -> bool:
    """Whether the ambiguous "a/b/y" reads day first: as a weekday before it agrees; else as the
    text's other numeric dates show it ("28/02/2025" or "02/28/2025"); else as its dates in words
    do (``writes_day_first``); else as a day-first clock right after it does ("03/06/2025 – 14h20")."""
    wd = _WEEKDAY_BEFORE_RX.search(text, max(0, start - 12), start)
    if wd is not None:
        agrees = [d for d in ((a, b), (b, a)) if valid_point(y, *d) and date(y, *d).weekday() == g.WEEKDAYS[wd[1].lower()]]
        if len(agrees) == 1:
            return agrees[0] == (b, a)
    order = numeric_order(text)
    if order is not None:
        return order
    words = writes_day_first(text)
    if words is not None:
        return words
    return _DAY_FIRST_CLOCK_AFTER_RX.match(text, end) is not None


@lru_cache(maxsize=8)
def numeric_order(text: str) -> bool | None:
    """Whether the text's unambiguous numeric dates read day first (True), month first (False), or
    None when they don't tell."""
    day_first = month_first = 0
    for m in _NUMERIC_DATE_RX.finditer(text):
        first, second = int(m[1]), int(m[2])
        day_first += first > 12 >= second
        month_first += second > 12 >= first
    return None if day_first == month_first else day_first > month_first


@lru_cache(maxsize=8)
def writes_day_first(text: str) -> bool | None:
    """Whether ``text`` writes its dates in words day first ("3 June 2025") more often than month
    first ("June 3, 2025"): then "03/06/2025" is 3 June too; None with as many of each."""
    day_month, month_day = len(_DAY_MONTH_RX.findall(text)), len(_MONTH_DAY_RX.findall(text))
    return None if day_month == month_day else day_month > month_day


def _full_date(start: int, end: int, y: int, m: int, d: int) -> Atom | None:
    if not 1000 <= y <= 2200 or not valid_point(y, m, d):
        return None
    return Atom(start, end, lo=(y, m, d), full=True)


def month_day(start: int, end: int, m: int, d1: str | None, d2: str | None, y: str | None) -> Atom | None:
    """Return the atom of a month with optional day (range) and year, or None when invalid."""
    year = int(y) if y else None
    day = int(d1) if d1 else None
    day2 = int(d2) if d2 else None
    probe = year if year is not None else 2000
    for dd in (day, day2):
        if dd is not None and not 1 <= dd <= days_in_month(probe, m):
            return None
    if day2 is not None and (day is None or day2 <= day):
        return None
    lo = (year, m, day)
    hi = (year, m, day2) if day2 else None
    return Atom(start, end, lo=lo, hi=hi, full=bool(year and day and not day2))


def century(start: int, end: int, n: int, era: str | None) -> Atom | None:
    """Return "the Nth century" as years (N-1)00 to (N-1)99, or its BC mirror."""
    if not 1 <= n <= 21:
        return None
    if era in _ERAS_BC:
        return Atom(start, end, lo=(1 - n * 100, None, None), hi=(100 - n * 100, None, None))
    base = (n - 1) * 100
    return Atom(start, end, lo=(base, None, None), hi=(base + 99, None, None))


# What stands before a year cut to two digits after an apostrophe: a relation word, a fiscal year's
# mark, a class's year ("in ’21", "since '19", "FY’25", "the class of ’98"; not "3 of '21 points").
_APOSTROPHE_YEAR_BEFORE_RX = re.compile(r"(?:\b(?i:in|since|by|until|till|from|during|through|class[^\S\n]++of)[^\S\n]++"
                                        r"|\bF(?i:Y)[^\S\n]*+)\Z")


# A numeric date with a two-digit year after a filing's or a document's label: "Filed 3-11-24",
# "Dated: 14/03/24" (without a label, "3-11-24" may be a score or a code).
_SHORT_DATE_RX = re.compile(r"(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d\d)(?![\d/.-]|[.,]\d)")
_SHORT_DATE_LABEL_RX = re.compile(r"\b(?i:filed|dated|date|signed|received|posted|issued|effective)[^\S\n]*+:?[^\S\n]*+\Z")


def _short_date(text: str, start: int, mt: re.Match[str]) -> Atom | None:
    """Return the day of a labelled numeric date with a two-digit year, month first unless the
    numbers or the text say day first."""
    a, b, y = int(mt["a"]), int(mt["b"]), int(g.apostrophe_year(mt["y"]) or 0)
    day_first = a > 12 or (b <= 12 and bool(_day_first_dates(text)))
    month, day = (b, a) if day_first else (a, b)
    return _full_date(start, mt.end(), y, month, day)


def apostrophe_year(text: str, start: int) -> Atom | None:
    """Return the year of two digits after an apostrophe at ``start`` where a relation word or a
    fiscal year's mark stands before it ("in ’21", "since '19", "FY’25"), else None."""
    end = start + 2
    if not (text[start:end].isdigit() and not text[end:end + 1].isalnum() and text[end:end + 1] not in "’'"):
        return None  # (not "'21st", "'90s", nor a quotation's "'21'")
    if _APOSTROPHE_YEAR_BEFORE_RX.search(text, max(0, start - 14), start - 1) is None:
        return None
    year = int(g.apostrophe_year(text[start:end]) or 0)
    return Atom(start - 1, end, lo=(year, None, None), left=read_left(text, start - 1))


# A time zone after four digits that make a clock time ("1130 GMT", "0900 hrs").
_YEAR_WORD_BEFORE_RX = re.compile(r"(?i)\b(?:in|since|during|of|from|until|early|late|mid)[^\S\n]++\Z")
_ZONE_AFTER_RX = re.compile(r"[^\S\n]?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|hrs|hours|local\s++time)\b")


def _year(text: str, mt: re.Match, year_end: int) -> Atom | None:
    """Return the atom of a year, year range, decade or era year, or None if not a year."""
    start, end = mt.start(), mt.end()
    a_txt, b_txt, era = mt["yr_a"], mt["yr_b"], mt["yr_era"]
    a = int(a_txt)
    if not era and (len(a_txt) != 4 or not 1000 <= a <= 2100):
        return None
    if start > 1 and text[start - 1] == "/" and text[start - 2].isalpha():
        return None  # a document's symbol: "S/2024/56", "A/RES/78/1"
    if not b_txt and not era and a % 100 < 60 and _ZONE_AFTER_RX.match(text, end) is not None \
            and _YEAR_WORD_BEFORE_RX.search(text, max(0, start - 12), start) is None:
        return None  # a clock time in four digits, as wires write it: "by 1130 GMT", "at 0900 UTC"
    left = read_left(text, start)
    if era:
        return _era_year(start, end, a, int(b_txt) if b_txt else None, era, left)
    if mt["yr_s"]:
        if b_txt or a % 10 or a == 1000:  # "1000s of people" are thousands
            return None
        span = 99 if a % 100 == 0 and a < 1900 else 9
        return Atom(start, end, lo=(a, None, None), hi=(a + span, None, None), left=left)
    if b_txt:
        nxt = right_word(text, end)
        counted = (mt["yr_sep"].strip() != mt["yr_sep"] and len(b_txt) == 2 and nxt.islower() and len(nxt) > 3
                   and nxt.endswith("s") and not nxt.endswith(("ss", "us", "is", "as")))  # "labs", not "was"
        counted = counted or text.startswith(("%", " %", " per cent", " percent"), end)  # "for 2023 – 91% of the budget"
        pair = None if counted else _year_pair(text, start, end, a, b_txt, left)  # not "2019 – 40 labs"
        if pair is not None or mt["yr_sep"].strip() == mt["yr_sep"]:
            return pair
        end = start + len(a_txt)  # no pair of years, but a spaced dash: "By end-2028 – 150 PhD graduates"
    if 1900 <= a <= 2100 and g.OPEN_RANGE_RX.match(text, end):
        return Atom(start, end, lo=(a, None, None), left=left)  # "2021–present": since then (``dates._match``)
    after = 0 <= year_end and _LIST_GAP_RX.match(text, year_end, start) is not None
    if not year_like(text, start, end, a, left, after):
        return None
    return Atom(start, end, lo=(a, None, None), left=left)


def _era_year(start: int, end: int, a: int, b: int | None, era: str, left: Left) -> Atom | None:
    if era not in _ERAS_BC + _ERAS_AD or a == 0 or b == 0:
        return None
    conv = (lambda y: 1 - y) if era in _ERAS_BC else (lambda y: y)
    if b is None:
        return Atom(start, end, lo=(conv(a), None, None), left=left)
    lo, hi = sorted((conv(a), conv(b)))
    return Atom(start, end, lo=(lo, None, None), hi=(hi, None, None), left=left)


# Words before a pair of numbers that number parts of a text or a list: no years.
_NUMBERED_PARTS = frozenset(
    "page pages pp p sections section paragraphs paragraph paras lines line items item articles "
    "nos no numbers clauses chapters rules resolutions entries".split()
)


def _year_pair(text: str, start: int, end: int, a: int, b_txt: str, left: Left) -> Atom | None:
    """Return "2008–2013", "1957-58" as a year range, or "2021-03" as a month; else None."""
    b = int(b_txt)
    if right_word(text, end).lower() in g.COUNT_NOUNS or not 1000 <= a <= 2100:
        return None
    if left.word in _NUMBERED_PARTS:
        return None  # "pages 2001-2004", "sections 1990-1995": numbers of parts, not years
    if len(b_txt) == 2:
        full_b = a // 100 * 100 + b
        if full_b <= a:
            month_ok = len(b_txt) == 2 and b_txt[0] == "0" or 10 <= b <= 12
            if text[start + 4] == "-" and 1 <= b <= 12 and month_ok and 1900 <= a:
                return Atom(start, end, lo=(a, b, None), left=left)
            return None
        b = full_b
    elif len(b_txt) != 4:
        return None
    if not a < b <= a + 100 or not (left.strong or 1900 <= a <= 2100):
        return None
    return Atom(start, end, lo=(a, None, None), hi=(b, None, None), left=left)


def quarter(text: str, start: int, end: int, unit: str, n: int, need_year: bool = False) -> Atom | None:
    """Return quarter/half ``n`` of the year named after it, or of the anchor's year (a semester
    is a half)."""
    unit = "half" if unit == "semester" else unit
    if unit == "half":
        n = 2 if n == 4 else n
        if n > 2:
            return None
    tail = g.QTAIL_RX.match(text, end)
    if tail is None:
        if unit == "half" or need_year or re.match(r"\s++of\b", text[end:end + 8]):
            return None
        return Atom(start, end, "rel", rel=("qtr", unit, n, None))
    if tail["y"] or tail["fy"]:
        return code_atom(start, tail.end(), ("Q" if unit == "quarter" else "H") + str(n), int(tail["y"] or tail["fy"]))
    k = g.DEMONSTRATIVES.get(tail["rel"].lower(), 0)
    return Atom(start, tail.end(), "rel", rel=("qtr", unit, n, k))


def code_atom(start: int, end: int, code: str, year: int) -> Atom | None:
    """Return the months of quarter ``Q1``-``Q4`` or half ``H1``/``H2`` of ``year``."""
    n = int(code[1])
    size = 3 if code[0] == "Q" else 6
    if n * size > 12 or not 1000 <= year <= 2200:
        return None
    return Atom(start, end, lo=(year, (n - 1) * size + 1, None), hi=(year, n * size, None))
