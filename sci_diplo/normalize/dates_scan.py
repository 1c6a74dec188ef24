"""First pass of the temporal normalizer: find candidate expressions ("atoms").

``dates_triggers`` finds where a candidate may start (``TRIGGER_AT_RX``); a small anchored
regex for that kind of start reads the whole expression. An :class:`Atom`
holds explicit calendar parts (``lo``/``hi`` points whose year may be None,
to be inferred) or a relative spec (``rel``) resolved later against an anchor.
"""

from __future__ import annotations

import re

from sci_diplo.normalize import dates_grammar as g
from sci_diplo.normalize.dates_context import read_left, right_word
from sci_diplo.normalize.dates_digits import (
    Atom, apostrophe_year, century, code_atom, digit_atom, full_digit_date, month_day, quarter,
)
from sci_diplo.normalize.dates_triggers import candidates, project, trigger_end

__all__ = ["Atom", "full_date_at", "month_before", "scan"]

_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# A run of digits with thousands or decimal separators, skipped when it is no date.
_NUMRUN_RX = re.compile(r"\d++(?:[.,]\d++)*+")
# A month alone needs one of these words before it ("In May", "since March").
_MONTH_ALONE_LEFT = frozenset((
    "in", "since", "by", "before", "after", "until", "till", "through", "during", "from", "between",
    "throughout", "prior to", "ahead of", "as of", "up to",
))
# A following month range makes a lone month a date: "March–May 2021".
_MONTH_RANGE_AHEAD_RX = re.compile(r"\s*+(?:[-–—]|to\s|and\s|through\s)\s*+[A-Z][a-z]+")
_ABBR_RANGE_AHEAD_RX = re.compile(r"\.?[^\S\n]*+[-–—][^\S\n]*+" + g.MONTH_NAME + r"\.?[^\S\n]++(?:19|20)\d\d\b")
# A range's second month with no year or day after it: "from January to March", "June–August".
_MONTH_TO_MONTH_RX = re.compile(r"[^\S\n]*+(?:[-–—]|to|through|till|until)[^\S\n]*+(?P<m>" + g.MONTH_NAME
                                + r")\.?+(?![\w'’-])(?![^\S\n]*+,?[^\S\n]*+(?:\d|['’]\d))")
# A month before a lone month in a list makes it a date too: "in March, April and May", "June or July".
_MONTH_LIST_BEFORE_RX = re.compile(
    r"(?:" + "|".join(m.capitalize() for m in sorted(g.MONTHS_ALONE)) + r")"
    r"(?:[^\S\n]*+,[^\S\n]*+(?:(?:and|or)[^\S\n]++)?|[^\S\n]++(?:and|or)[^\S\n]++)\Z"
)


def scan(text: str, refs: bool = False, lo: int = 0, hi: int | None = None,
         proj: bytes | None = None) -> list[Atom]:
    """Return the atoms of ``text`` in order, without overlaps.

    ``lo`` and ``hi`` limit the scan to the triggers in ``text[lo:hi]`` (the atoms
    may reach past ``hi``); see ``dates.day_matches`` for when that is exact.
    ``proj`` is ``dates_triggers.project(text)`` when the caller has it.
    """
    atoms: list[Atom] = []
    pos = lo
    year_end = -1  # end of the last year-like atom, for lists of years
    for start in candidates(project(text) if proj is None else proj, lo, hi):
        if start < pos:
            continue
        end = trigger_end(text, start)
        if end < 0:
            continue
        try:
            atom = _dispatch(text, start, end, year_end)
        except KeyError:
            # Case-insensitive patterns match letters that only fold to ASCII ("Auguſt",
            # "thıs", the Kelvin sign): such a word is not in our tables, so no date here.
            atom = None
        if atom is None:
            run = _NUMRUN_RX.match(text, start) if text[start].isdecimal() else None
            pos = run.end() if run else end
            continue
        if atoms and atom.start < atoms[-1].end:  # a look-back ("ago") reached into the last atom
            pos = max(atom.end, start + 1)
            continue
        atoms.append(atom)
        if atom.kind == "cal" and atom.lo and atom.lo[1] is None:
            year_end = atom.end
        pos = max(atom.end, start + 1)
    if refs:
        atoms = _add_refs(text, atoms)
    return atoms


def _dispatch(text: str, start: int, end: int, year_end: int) -> Atom | None:
    """Return the atom starting at the trigger ``text[start:end]``, or None."""
    first = text[start]
    if first.isdecimal():  # what \d matches
        if start > 1 and (text[start - 1] == "(" and text[start - 2].isalpha()
                          or text[start - 1] == "-" and text[start - 2].isupper()):
            return None  # a reference's code: "COM(2024) 498", "CFP-IMG-2024-03" (not "mid-2023")
        return digit_atom(text, start, year_end)
    if first in "‘’'":
        if text[start + 3:start + 4] != "s":  # "in ’21": a year, where a relation word stands before it
            return apostrophe_year(text, start + 1)
        d = int(text[start + 1:start + 3])
        y = 2000 + d if d <= 10 else 1900 + d
        return Atom(start, end, lo=(y, None, None), hi=(y + 9, None, None))
    if end - start == 2:  # a code: "Q3", "H1" or "FY" (trigger words are longer)
        return _fiscal(text, start) if first == "F" else _qcode(text, start)
    word = text[start:end].lower()
    handler = _WORD_HANDLERS.get(word)
    if handler is None:
        handler = _month if word in g.MONTHS else _weekday if word in g.WEEKDAYS else _season
    return handler(text, start, word)


def full_date_at(text: str, start: int) -> Atom | None:
    """Return the full date (day, month and year) that a trigger at ``start`` reads, or None."""
    if text[start].isdecimal():
        return full_digit_date(text, start)
    mt = g.MONTH_RX.match(text, start)
    if mt is None or not mt["mon"][0].isupper() or not mt["d1"] or not mt["y"]:
        return None
    month = g.MONTHS.get(mt["mon"].lower())  # None for a word that only folds to a month name
    if month is None:
        return None
    atom = month_day(start, mt.end(), month, mt["d1"], mt["d2"], mt["y"])
    return atom if atom is not None and atom.full else None


def month_before(text: str, day: int) -> int:
    """Return where the month word before the day number at ``day`` starts ("Dec. 17"), or -1.

    Mirrors MONTH_RX: the month, an optional dot, then spaces or one hyphen.
    """
    k = day
    while k > 0 and text[k - 1].isspace():  # what \s matches
        k -= 1
    if k == day and k > 0 and text[k - 1] == "-":
        k -= 1
    if k > 0 and text[k - 1] == ".":
        k -= 1
    first = k
    while first > 0 and k - first < 9 and text[first - 1] in _ASCII_LETTERS:  # "september" has 9
        first -= 1
    return first if text[first:k].lower() in g.MONTHS else -1


# "the month of October" (as some Englishes say it).
_MONTH_OF_RX = re.compile(r"(?i)\bmonth[^\S\n]++of[^\S\n]++\Z")


def _month(text: str, start: int, word: str) -> Atom | None:
    """Return a month expression ("Dec. 17, 2021", "March 2021", "In May"), or None."""
    mt = g.MONTH_RX.match(text, start)
    if mt is None or not mt["mon"][0].isupper() or (start and text[start - 1] in "/\\"):
        return None  # (inside a code: "Decision EASIC/CM/Dec.11(V)/2022")
    d1, y = mt["d1"], mt["y"] or g.apostrophe_year(mt["y2"])  # "March '21"
    end = mt.end()
    if not y and text[end:end + 1] == " " and (spoken := g.SPOKEN_YEAR_RX.match(text, end + 1)) is not None:
        y, end = str(g.words_year(spoken.group())), spoken.end()  # "in July twenty twenty-two", as said aloud
    if not y and g.EVERY_YEAR_AFTER_RX.match(text, mt.end()):
        return None  # a recurrence: "in May of every year", "on 1 June each year"
    if not d1 and not y:
        if word not in g.MONTHS_ALONE and not _ABBR_RANGE_AHEAD_RX.match(text, mt.end()):
            return None  # (an abbreviation alone only before a range's end with its year: "Jan–Feb 2022")
        left = read_left(text, start)
        ahead = _MONTH_RANGE_AHEAD_RX.match(text, mt.end())
        if not (left.rel_word in _MONTH_ALONE_LEFT or left.strong and not left.rel_word or ahead
                or left.rel_word == "at" and left.lead < start  # "at the end of June", not "at June"
                or _MONTH_LIST_BEFORE_RX.search(text, max(0, start - 16), start)
                or left.rel_word == "of" and _MONTH_OF_RX.search(text, max(0, start - 12), start)):
            return None
        end = mt.end("mon") + (word not in g.MONTHS_ALONE and text.startswith(".", mt.end("mon")))  # "Sept."
        hi = None
        if ahead and (rng := _MONTH_TO_MONTH_RX.match(text, end)) is not None:
            second = rng["m"].lower()  # "from January to March": one period ("Sept." with its stop, "May." without)
            hi, end = (None, g.MONTHS[second], None), rng.end("m") if second in g.MONTHS_ALONE else rng.end()
        return Atom(start, end, lo=(None, g.MONTHS[word], None), hi=hi, left=left)
    return month_day(start, end, g.MONTHS[word], d1, mt["d2"], y)


def _weekday(text: str, start: int, word: str) -> Atom | None:
    """Return a weekday ("Friday", "Friday night"); abbreviations are flagged."""
    mt = g.WEEKDAY_RX.match(text, start)
    if mt is None or not mt["wd"][0].isupper():
        return None
    abbr = word not in g.WEEKDAYS_FULL
    end = mt.end() if mt["part"] else mt.end("wd") + (1 if abbr and mt["wdot"] else 0)
    left = read_left(text, start)
    if not mt["part"] and right_word(text, end)[:1].isupper() and left.word == "the":
        return None  # a name: "The Sunday Times"
    if left.word in ("every", "each"):
        return None  # a recurrence: "every Monday"
    return Atom(start, end, kind="weekday", rel=("wd", g.WEEKDAYS[word], "bare"), abbr=abbr)


# "this time" before "last year" or "next year": the same month a year before or after.
_THIS_TIME_RX = re.compile(r"(?<![\w-])(?i:this|that)[^\S\n]++time[^\S\n]++\Z")


def _demo(text: str, start: int, word: str) -> Atom | None:
    """Return "this year", "last month", "next Friday", "last May", "this summer" ..., or None."""
    if word == "last":
        atom = _qord(text, start, word)
        if atom is not None:
            return atom
    mt = g.DEMO_RX.match(text, start)
    if mt is None:
        return None
    left = read_left(text, start)
    if left.word == "the" and (word in ("last", "next") or word in ("coming", "upcoming")
                               and mt["unit"].lower() in ("decade", "century")):
        return None  # "the last year", "the coming decade": a span of time from now, as "the past decade"
    unit, k = mt["unit"], g.DEMONSTRATIVES[word]
    low = unit.lower()
    if low == "year" and k and (same := _THIS_TIME_RX.search(text, max(0, start - 12), start)) is not None:
        return Atom(same.start(), mt.end(), "rel", rel=("ago", "month", 12 * k), left=left)  # "this time last year": its month
    mode = {0: "this", -1: "last", 1: "next"}[k]
    if low in g.WEEKDAYS:
        ok = unit[0].isupper() and low in g.WEEKDAYS_FULL
        return Atom(start, mt.end(), "rel", rel=("wd", g.WEEKDAYS[low], mode), left=left) if ok else None
    if low in g.MONTHS:
        ok = unit[0].isupper() and low in g.MONTHS_ALONE and word != "current"
        return Atom(start, mt.end(), lo=(None, g.MONTHS[low], None), rel=("md", mode), left=left) if ok else None
    if low in ("morning", "afternoon", "evening", "night"):
        if k == 1 or (k == -1 and low != "night"):
            return None
        return Atom(start, mt.end(), "rel", rel=("day", k), left=left)
    return Atom(start, mt.end(), "rel", rel=("unit", low, k), left=left)


def _part_of(text: str, start: int, word: str) -> Atom | None:
    """Return "end of the year", "start of the month" ... as the current year or month ("by the
    end of the year" in a 2022 text is 2022), or None."""
    mt = g.PART_OF_RX.match(text, start)
    if mt is None:
        return None
    return Atom(start, mt.end(), "rel", rel=("unit", mt["unit"].lower(), 0), left=read_left(text, start))


def _qord(text: str, start: int, word: str) -> Atom | None:
    """Return "the first half of 2022", "the third quarter" ..., or None."""
    mt = g.QORD_RX.match(text, start)
    if mt is None:
        return None
    n = g.ORDINAL_WORDS[word]
    return quarter(text, start, mt.end(), mt["unit"].lower(), n, word == "last")


_TENS_BEFORE_RX = re.compile(r"(?i:twenty|thirty)[-‐\s]\Z")


def _said(text: str, start: int, word: str) -> Atom | None:
    """Return a day said in ordinal words ("the fifteenth of May", "the second to the sixth of
    June") or a year said aloud ("twenty fourteen"); else, for "first" to "fourth", a quarter or
    half ("the third quarter"), or None."""
    if _TENS_BEFORE_RX.search(text, max(0, start - 8), start):
        return None  # the end of "thirty-first", whose day the tens' trigger read (or found invalid)
    mt = g.ORDINAL_DAY_RX.match(text, start)
    if mt is not None:
        d1 = g.DAY_WORDS[" ".join(mt["d1"].lower().split())]
        d2 = g.DAY_WORDS[" ".join(mt["d2"].lower().split())] if mt["d2"] else None
        return month_day(start, mt.end(), g.MONTHS[mt["mon"].lower()], str(d1), d2 and str(d2),
                         mt["y"] or (mt["yw"] and str(g.words_year(mt["yw"]))))
    if word in ("nineteen", "twenty"):
        mt = g.SPOKEN_YEAR_RX.match(text, start)
        if mt is None:
            return None
        return Atom(start, mt.end(), lo=(g.words_year(mt.group()), None, None))
    return _qord(text, start, word) if word in g.ORDINAL_WORDS and g.ORDINAL_WORDS[word] <= 4 else None


def _qcode(text: str, start: int) -> Atom | None:
    mt = g.QCODE_RX.match(text, start)
    if mt is None:
        return None
    code, y = mt["code"], mt["y"] or g.apostrophe_year(mt["y2"])
    if y:
        return code_atom(start, mt.end(), code, int(y))
    if code[0] == "H":
        return None
    return Atom(start, mt.end(), "rel", rel=("qtr", "quarter", int(code[1]), None))


def _fiscal(text: str, start: int) -> Atom | None:
    mt = g.FY_RX.match(text, start)
    if mt is None:
        return None
    y = int(mt["y"])
    y = y + 2000 if y < 100 else y
    if mt["y2"]:  # "FY2021-22": the fiscal year that runs over two calendar years
        y2 = int(mt["y2"])
        y2 = y2 if y2 >= 100 else y // 100 * 100 + y2
        if y2 == y + 1:
            return Atom(start, mt.end(), lo=(y, None, None), hi=(y2, None, None))
        return Atom(start, mt.end("y"), lo=(y, None, None))
    return Atom(start, mt.end(), lo=(y, None, None))


def _season(text: str, start: int, word: str) -> Atom | None:
    mt = g.SEASON_RX.match(text, start)
    if mt is None:
        return None
    lo, hi = g.season_span(int(mt["y"]), mt["sea"].lower())
    return Atom(start, mt.end(), lo=lo, hi=hi)


# A capitalised word and one space right before a capitalised "Today": the end of a
# name ("USA Today", "GulfTech Today", "China Today"), not the day.
_NAME_BEFORE_RX = re.compile(r"(?<![.!?:;,\w])[A-Z][\w&'’-]*+ $")


# "the day after " before "tomorrow", "the day before " before "yesterday".
_DAY_AFTER_BEFORE_RX = re.compile(r"(?<![\w-])(?i:the)[^\S\n]++day[^\S\n]++(?P<w>(?i:after|before))[^\S\n]++\Z")


def _day(text: str, start: int, word: str) -> Atom | None:
    if text[start].isupper() and _NAME_BEFORE_RX.search(text, max(0, start - 40), start):
        return None
    k = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    before = _DAY_AFTER_BEFORE_RX.search(text, max(0, start - 20), start)
    if before is not None and k:  # "the day after tomorrow" is two days on, "the day before yesterday" two back
        if (before["w"].lower() == "after") == (k > 0):
            return Atom(before.start(), start + len(word), "rel", rel=("day", 2 * k))
    return Atom(start, start + len(word), "rel", rel=("day", k))


# Months in each unit that a share may be taken of ("half a year", "a quarter of a century").
_UNIT_MONTHS = {"month": 1, "year": 12, "decade": 120, "century": 1200}


def _ago(text: str, start: int, word: str) -> Atom | None:
    """Return "fifty years ago", "two weeks ago", "a year hence", "a quarter of a century ago";
    "a decade later" and "two years earlier" (counted from the date the text gave before them,
    kind ``later``: see ``dates.find_dates``); or None."""
    if word.lower() in ("later", "earlier") and g.THAN_AFTER_RX.match(text, start + len(word)):
        return None  # "two years later than planned"
    mt = g.AGO_BACK_RX.search(text, max(0, start - 48), start)
    if mt is None:
        return None
    raw = " ".join(mt["n"].lower().split())
    n = int(raw) if raw.isdigit() else 2 if raw == "a couple of" else g.NUMBER_WORDS.get(raw)
    if not n:
        return None
    begin, unit = mt.start(), g.TIME_UNITS[mt["unit"].lower()]
    if raw in ("a", "an") and (share := g.FRACTION_BACK_RX.search(text, max(0, begin - 24), begin)):
        if unit not in _UNIT_MONTHS:
            return None  # "half a day ago": no day of the calendar
        months = _UNIT_MONTHS[unit] * (3 if share["tq"] else 1) // (4 if share["q"] or share["tq"] else 2)
        begin, (unit, n) = share.start(), (("year", months // 12) if months % 12 == 0 else ("month", months))
    if unit == "fortnight":  # "a fortnight ago": fourteen days
        unit, n = "day", n * 14
    sign = -1 if word.lower() in ("ago", "earlier") else 1
    kind = "later" if word.lower() in ("later", "earlier") else "ago"
    return Atom(begin, start + len(word), "rel", rel=(kind, unit, n * sign))


# "the following year", "the previous month": the unit after "following" or "previous".
_NEXT_UNIT_RX = re.compile(r"(?:following|previous)[^\S\n]++(?P<unit>year|month|" + g.SEASON_NAMES + r")\b", re.I)
_THE_BEFORE_RX = re.compile(r"(?<![\w-])the[^\S\n]++\Z", re.I)


def _following(text: str, start: int, word: str) -> Atom | None:
    """Return "the following year" or "the previous month", counted from the date the text gave
    before it (kind ``later``, as "two years later"), "the following spring" (kind ``season``),
    or None."""
    mt = _NEXT_UNIT_RX.match(text, start)
    the = _THE_BEFORE_RX.search(text, max(0, start - 8), start) if mt else None
    if the is None:
        return None
    unit, step = mt["unit"].lower(), 1 if word.lower() == "following" else -1
    if unit in g.SEASONS:  # "the following spring": the first spring after the date before it
        return Atom(the.start(), mt.end(), "rel", rel=("season", unit, step))
    return Atom(the.start(), mt.end(), "rel", rel=("later", unit, step))


_SAME_UNIT_RX = re.compile(r"same[^\S\n]++(?P<unit>year|month)(?![\w-])(?![^\S\n]++as\b)", re.I)  # (not "month-long", "as ...")
_THE_OR_THAT_BEFORE_RX = re.compile(r"(?<![\w-])(?:the|that)[^\S\n]++\Z", re.I)


# What may stand before a clause's first words: its start, a comma, "and", and "in" or "by".
_CLAUSE_OPENS_RX = re.compile(r"(?:\A|[.;:!?]\s++|,\s*+|\n\s*+|\band\s++)(?:(?i:in|by|during)\s++)?\Z")


def _same(text: str, start: int, word: str) -> Atom | None:
    """Return "that same month", "the same year": the last date's month or year (kind ``later``
    with no offset), or None."""
    mt = _SAME_UNIT_RX.match(text, start)
    the = _THE_OR_THAT_BEFORE_RX.search(text, max(0, start - 8), start) if mt else None
    if the is None or the.group().split()[0].lower() == "the" \
            and not _CLAUSE_OPENS_RX.search(text, max(0, the.start() - 12), the.start()):
        return None  # "the same year" opening its clause; mid-clause it compares ("apply to both in the same year")
    return Atom(the.start(), mt.end(), "rel", rel=("later", mt["unit"].lower(), 0))


def _from_now(text: str, start: int, word: str) -> Atom | None:
    """Return "two decades from now", "five years from now" (as "hence"), or None."""
    if text[max(0, start - 5):start].lower() != "from ":
        return None
    atom = _ago(text, start - 5, "hence")
    return Atom(atom.start, start + len(word), "rel", rel=atom.rel) if atom else None


# Before "millennium": "the turn of the ".
_TURN_OF_RX = re.compile(r"(?<![\w-])(?:the[^\S\n]++)?turn[^\S\n]++of[^\S\n]++the[^\S\n]++\Z", re.I)


def _millennium(text: str, start: int, word: str) -> Atom | None:
    """Return "the turn of the millennium" as 2000, or None ("the turn of the century" may be
    1900 or 2000: no date)."""
    mt = _TURN_OF_RX.search(text, max(0, start - 24), start)
    return Atom(mt.start(), start + len(word), lo=(2000, None, None)) if mt else None


def _century_word(text: str, start: int, word: str) -> Atom | None:
    """Return "the twentieth century" (ordinal in words), or None."""
    mt = g.CENTURY_BACK_RX.search(text, max(0, start - 30), start)
    if mt is None or mt["sep"] == "-" or text[start + len(word):start + len(word) + 1] == "-":
        return None
    n = g.ORDINAL_WORDS.get(" ".join(mt["ord"].lower().split()))
    if n is None or mt["ord"].lower() in ("last", "final", "1st", "2nd", "3rd", "4th"):
        return None
    era = g.ERA_AFTER_RX.match(text, start + len(word))
    end = era.end() if era else start + len(word)
    return century(mt.start(), end, n, era["era"] if era else None)


def _add_refs(text: str, atoms: list[Atom]) -> list[Atom]:
    """Return ``atoms`` plus TimeML references ("now": PRESENT_REF) that overlap none."""
    out = list(atoms)
    k = 0
    for mt in g.REFS_RX.finditer(text):
        while k < len(atoms) and atoms[k].end <= mt.start():
            k += 1
        if k < len(atoms) and atoms[k].start < mt.end():
            continue
        ref = "PRESENT_REF" if mt["present"] else "PAST_REF" if mt["past"] else "FUTURE_REF"
        out.append(Atom(mt.start(), mt.end(), "ref", rel=("ref", ref)))
    return sorted(out, key=lambda a: a.start)


_WORD_HANDLERS = {
    "today": _day, "tonight": _day, "yesterday": _day, "tomorrow": _day,
    "this": _demo, "last": _demo, "next": _demo, "coming": _demo, "current": _demo, "upcoming": _demo,
    "first": _said, "second": _said, "third": _said, "fourth": _said, "final": _qord,
    **dict.fromkeys(("nineteen", "twenty", "thirty", *g.SAID_DAY_TRIGGERS), _said),
    "ago": _ago, "hence": _ago, "later": _ago, "earlier": _ago, "now": _from_now, "millennium": _millennium,
    "following": _following, "previous": _following, "same": _same,
    "century": _century_word, "centuries": _century_word,
    **dict.fromkeys(g.PART_OF_WORDS, _part_of),
}
