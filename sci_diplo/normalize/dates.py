"""Temporal expressions: find them in text and normalize them (SCHEMA.md ``dates``).

Values are ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an interval ``A/B``; years
before the common era are astronomical ("272 BC" is ``-0271``). Conventions
decided here (documented in the tests too):

- "12/17/2021" and "12-17-2021" read month first (US) unless the first number
  exceeds 12 or the text writes its dates in words day first ("3 June 2025");
  "17.12.2021" reads day first.
- Modifiers do not narrow a value: "mid-2023", "late 2020", "early December"
  are the year or month itself.
- "the 1990s" and "‘90s" are ``1990/1999``; "the 1800s" is ``1800/1899``; "the
  21st century" is ``2000/2099`` (TimeML's "20"), "the 5th century BC" is
  ``-0499/-0400``. "2011-12" is the year range ``2011/2012``; "2021-03" is March 2021.
- Dates said aloud read as written ones: "the fifteenth of May", "the second to the
  sixth of June", "twenty fourteen", "nineteen ninety-eight", and as a treaty's closing
  clause writes them: "the twelfth day of May two thousand and twenty-four".
- Quarters and halves are month intervals ("Q3 2021" is ``2021-07/2021-09``);
  weeks are Monday-Sunday day intervals. A season is its year ("summer 2021",
  "the following spring"), a winter its two years ("last winter" in March 2013
  is ``2012/2013``): the south's summer is the north's winter, and the value is no
  narrower than the year, as for "mid-2023". The north's months pick the year.
- A month or a month and day without a year ("In May", "December 15"), a
  weekday ("Friday night") and an ordinal quarter take the latest such date on
  or before the anchor, or the earliest on or after it when the clause speaks
  of the future (will, would, shall, due, scheduled, expected ...; "until"/"by"
  unless a past verb stands right before them). A month or day with no year in a
  clause that names no tense ("Correction (Nov. 15):", a list of coming events)
  takes the nearest such date either way. In a list whose last date has a year, the
  months and days before it that fall no later in the year share it ("3 March, 5 April
  and 6 May 2023"; "opens on 1 October and closes on 15 November 2025"). "last"/"next" look strictly
  before/after ("last Friday" said on a Friday is a week back). A weekday
  written with a yearless date ("Friday, July 7") picks the nearest year in
  which they agree; a yearless news dateline takes the nearest such day.
- Relative expressions resolve against ``published``, or against the latest
  dateline before them (a line holding only a full date, "date 2021-12-19" at
  a line start, or "BEIJING, Dec. 17 (Xinhua) --"), also when ``published``
  is None. Without either they keep ``value=None`` and ``kind="relative"``.
  An anchor too coarse for the expression ("last month" in a text dated only
  "2011") gives None too; offsets of zero keep its precision ("today" is "2011").
- "A decade later", "two years earlier", "a quarter of a century later" count from the
  last date the text gave before them, when that is a point ("In 1979 ... A quarter of a
  century later": 2004); after an interval or with no date before them they are no date.
  "Half a century ago" is fifty years, "a quarter of a century" twenty-five. "The following
  spring" is the first spring to start after the last date ("October 1988": March-May 1989),
  "the previous winter" the last to end before it.
- Relations come from the word before: since/from (at a clause start)/starting
  in -> since, before/prior to/pre- -> before, after/following/post- -> after,
  until/till/through -> until, by -> by, during -> during; "more than N years
  ago" -> before, "less than" -> after; "from X to Y", "between X and Y" and any
  interval otherwise ``on`` -> during; "X onwards" -> since; "from X" (not at a
  clause start) and "as of X" are ``on`` unless the clause speaks of the future
  ("will join from July": since).
- Spans cover modifiers ("Earlier this year", "the end of 2025") and relation
  words other than plain in/on/of ("since July 2021"), not the preposition "in".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache

from sci_diplo.normalize import dates_calendar as cal
from sci_diplo.normalize import dates_grammar as g
from sci_diplo.normalize.dates_calendar import Point, date_bounds, fmt_span, parse_point
from sci_diplo.normalize.dates_context import Left, clause_tense, deadline_before, read_left, since_phrase, tense_of
from sci_diplo.normalize.dates_eras import gregorian_years
from sci_diplo.normalize.dates_resolve import resolve, resolve_month, resolve_weekday_date
from sci_diplo.normalize.dates_scan import Atom, scan
from sci_diplo.normalize.readable import line_end, without_footnotes
from sci_diplo.normalize.types import DateMatch

__all__ = ["find_dates", "day_matches", "parse_date_value", "date_bounds"]

SAME_REACH = 300  # characters from a date to a "that same month" that refers to it, at most
# Only spaces and an optional comma between a weekday and its date.
_WEEKDAY_GAP_RX = re.compile(r"\s*+,?\s*+")
# Markup and separators that may surround a dateline.
_MARKUP = " \t\r\f\v*_#>|,:;–—-\u00a0\u2002\u2003"  # "\r": a Windows line end
# Label words before a dateline: "Published:", "date", "Last updated", "For immediate release",
# "Press release", "Embargoed until", a parliamentary answer's "Answered on" and "Tabled on",
# a journal's "Available online", a video's "Premiered", an archive's "captured", a draft's
# "Version of".
_LABEL_RX = re.compile(
    r"(?:last\s++)?(?:date[d]?|published|posted|updated|released|issued|modified|"
    r"publication\s++date|release\s++date|date\s++of\s++(?:publication|issue|release)|"
    r"(?:for\s++)?immediate\s++release|(?:press|news|media)\s++release|"
    r"embargoed(?:\s++until)?|answered|tabled|available\s++online|premiered|captured|saved|archived|"
    r"version(?:\s++(?:of|dated))?)"
    r"(?:\s++on)?",
    re.I,
)
# A broadcast's or an edition's name before the date that ends its line near the text's top,
# the clock and zone between them: "Midday bulletin, 13:00 PHT, ", "Evening edition – ".
_EDITION_RX = re.compile(
    r"[^\S\n]*+(?!(?:Next|Previous|Last|Latest|Past|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth"
    r"|Live|Watch|Join|Deadline|Special)\b)(?:[A-Z][\w-]*+[^\S\n]++){0,4}"
    r"(?:[Bb]ulletin|[Ee]dition|[Nn]ewscast|[Bb]roadcast|BULLETIN|EDITION|NEWSCAST|BROADCAST)"
    r"(?:[^\S\n]*+[,–—:·|-]|[^\S\n]++\(?[A-Z]{2,5}\)?)*+[^\S\n]*+"
)
# What may follow such a line's date: a dash or comma and a clock's zone ("– 13:00 GMT", the
# clock itself taken out before).
_CLOCK_TAIL_RX = re.compile(r"[^\S\n,–—-]*+(?:[,–—-][^\S\n]*+)?(?:\(?[A-Z]{2,5}\)?)?[^\S\n]*+")
# A masthead's field after its opening date, maybe after other fields: "· Print edition, page A9",
# "| Issue 41", "| 23 Shawwal 1446 AH | Vol. 38", "· 16 min read".
_EDITION_AFTER_RX = re.compile(
    r"[^\n]{0,60}?[|·•][^\S\n]*+(?i:(?:(?:print|online|digital|weekend|morning|evening|late|city|national"
    r"|international)[^\S\n]++)?edition\b|issue[^\S\n]++\d|no\.[^\S\n]*+\d|vol\.[^\S\n]*+\d|volume[^\S\n]++\d"
    r"|page[^\S\n]++[A-Z]?\d|p\.[^\S\n]*+\d|\d{1,3}[^\S\n]*+min(?:ute)?s?[^\S\n]++read\b)")
HEAD_LINES_CHARS = 300
# An issue's number before the date on its line: "No. 214, ", "Vol. 12, No. 3 – ", "Issue 41 | ".
_ISSUE_NUMBER_RX = re.compile(
    r"[^\S\n]*+(?:(?:Vol\.|Volume|No\.|Number|Issue(?:[^\S\n]++No\.)?|Nr\.)[^\S\n]*+\d{1,6}[^\S\n]*+[,;–—|·•-]?[^\S\n]*+){1,3}"
    r"(?:[A-Z][\w.'’-]*+(?:[^\S\n]++[A-Z][\w.'’-]*+){0,2},[^\S\n]*+)?")  # and a place: "Issue No. 5931 — Amman, "
# A periodical's title before a spaced dash and the date that ends the text's first line: "In brief
# — ", "Weekly bulletin – " (not an event's or a call's: "Workshop on X — 12 June 2025").
TITLE_DASH = (r"[^\S\n]*+(?=[^\n]{0,80}?\b(?i:brief|briefing|newsletter|bulletin|digest|dispatch|round-?up|update|"
              r"news|weekly|monthly|edition|issue|press[^\S\n]++(?:kit|release|review)|media[^\S\n]++release)\b)"
              # (four words at most, none a preposition: not "Training on writing a policy brief — ")
              r"(?![^\n]{0,80}?\b(?i:on|for|about|of|with|to)\b[^\n]{0,80}?[^\S\n][–—-][^\S\n])"
              r"[^\W_][\w&'’.]*+(?:[^\S\n]++[\w&'’.]++){0,3}[^\S\n]++[–—-][^\S\n]++")
_TITLE_DASH_RX = re.compile(TITLE_DASH)
# A news dateline's city, in capitals, and its region: "BEIJING", "WASHINGTON, D.C.", "NAIROBI, Kenya".
_CITY = r"[A-Z][A-Z .'’-]{1,40}(?:,\s*+[A-Z][A-Za-z.]{1,10})?"
# A news agency in brackets, and a dash: "(Xinhua) --", " -- ", " — "; or between slashes after
# the date's full stop: "MOSCOW, March 14. /TASS/.".
_AGENCY_NAME = r"\s*+(?:\([^)\n]{1,40}\)\s*+)?"
SLASHED_AGENCY = r"/[A-Z][A-Za-z-]{1,30}/"  # "/TASS/" (the sentence splitter reads it too)
_SLASH_AGENCY = r"\.?[^\S\n]*+" + SLASHED_AGENCY + r"\.?"
_AGENCY = r"(?:" + _SLASH_AGENCY + "|" + _AGENCY_NAME + r"\.?(?:--|—|–|-))"  # (".-": "Montevideo, 18 February 2025.-")
# What follows a dateline's date before the story: an agency, and a dash, a colon or a bar.
AFTER_DATELINE_RX = re.compile(r"(?:" + _SLASH_AGENCY + "|" + _AGENCY_NAME + r"(?:--|[-–—:|])?)\s*+")
# A news dateline before the date: "BEIJING, " or "WASHINGTON, D.C., ".
_CITY_RX = re.compile(_CITY + r",\s*+")
# A place in mixed case: up to three capitalised words ("Brussels", "New Delhi").
_PLACE = r"[A-Z][\w.'’-]*+(?:\s[A-Z][\w.'’-]*+){0,2}"
# A place alone before a dateline's date, maybe with its region or country: "Brussels, ",
# "Addis Ababa, Ethiopia, " (the line holds nothing else).
_PLACE_RX = re.compile(_PLACE + r"(?:,\s*+" + _PLACE + r")?"
                       r"|[A-Z][\w.'’-]*+\s++(?:and|&)\s++[A-Z][\w.'’-]*+")  # "Canberra and Tokyo, " (one word each)
# A place and the date in another language or calendar before a slash or "corresponding to":
# "Bogotá, 21 de marzo de 2024 / ", "Riyadh, 15 Sha'ban 1445 H, corresponding to ".
_BILINGUAL_RX = re.compile(r"[*_#\s]*+" + _PLACE + r",[^\S\n]*+[^\n/]{3,40}?\d{4}[^\S\n]*+"
                           r"(?:/|[A-Z]?,?[^\S\n]*+(?:corresponding|equivalent)[^\S\n]++to)[^\S\n]*+")
# A time zone after a dateline's clock time: "(MSK)", "WIB", "(UTC+3)".
_ZONE_RX = re.compile(r"\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?")
# A place and maybe its region, and a comma, at a line's start before a dateline's date:
# "London, ", "New Delhi, ", "Geneva, Switzerland, " (not a sentence's "In London, ").
_PLACE_COMMA_RX = re.compile(
    r"(?!(?:In|On|At|By|From|Since|Until|Before|After|During|The|And|But)\b)" + _PLACE
    + r"(?:,\s*+" + _PLACE + r")?,\s*+"
)
# After a city dateline's date: "(Xinhua) --", " -- ", " — ".
_AGENCY_RX = re.compile(_AGENCY)
# After a mixed-case place's dateline date: an agency and a dash, or a colon ("London, 12 March 2025: ").
_PLACE_AGENCY_RX = re.compile(_AGENCY + r"|\s*+[:：]")
# A news dateline's city, agency and dash before the date: "NAIROBI, Kenya (AP) — ", "LONDON (Reuters) - ".
_CITY_DASH_RX = re.compile(_CITY + _AGENCY + r"\s*+")
# After a weekday, the rest of opening hours: another weekday and a clock time ("Sunday–Thursday,
# 8:00–15:00", "Monday to Friday 9am-5pm").
_HOURS_RX = re.compile(
    r"[^\S\n]*+(?:[-–—]|to|through|till)[^\S\n]*+" + g.WEEKDAY_RX_ALT + r"\.?,?[^\S\n]*+(?:from[^\S\n]++)?"
    + r"(?=\d{1,2}(?:[:.]\d{2}|[^\S\n]*+[ap]\.?m\b))"
)
_RANGE_WORDS = ("from", "between")
# Inside an expression: the two ends of a span ("5 to 7 December", "2019–2021").
_RANGE_SEP_RX = re.compile(r"\bto\b|\bthrough\b|\d\.?[-–—]\d|\d\s[-–—]\s\d")
# The date at the start of a ``published`` value: "2021", "2021-12", "2021-12-17T10:00".
_PUBLISHED_RX = re.compile(r"\s*(-?\d{4}(?:-\d{2}(?:-\d{2})?)?)")
# After an expression: "onwards" makes it a start ("from 2024 onwards").
_ONWARDS_RX = re.compile(r"\s++onwards?\b", re.I)
# After the year that opens a timeline's entry: a colon or a spaced dash.
_ENTRY_HEAD_RX = re.compile(r"[^\S\n]*+(?::|[–—-][^\S\n])")
# A fiscal year or a quarter named by its last day: "fiscal year ending 31 March 2026" is
# 2025/2026, "the quarter ended September 30, 2024" is July-September 2024.
_PERIOD_ENDING_RX = re.compile(
    r"(?i)\b(?:(?P<year>(?:fiscal|financial)[^\S\n]++year)|(?P<quarter>(?:fiscal[^\S\n]++)?quarter))"
    r"[^\S\n]++(?:ending|ended|that[^\S\n]++ends|which[^\S\n]++ends)[^\S\n]++(?:on[^\S\n]++)?\Z"
)


def _period_ending(text: str, start: int, value: str | None) -> tuple[int, str] | None:
    """Return (start, value) of the fiscal year or quarter whose last day ``value`` is, when the
    words before ``start`` name one, else None."""
    if value is None or len(value) != 10 or "end" not in text[max(0, start - 16):start].lower():
        return None  # (no "ending", "ended", "ends" right before: a quick test before the regex)
    mt = _PERIOD_ENDING_RX.search(text, max(0, start - 40), start)
    if mt is None:
        return None
    y, m, d = int(value[:4]), int(value[5:7]), int(value[8:])
    if mt["year"]:
        return mt.start(), (value[:4] if value[5:] == "12-31" else f"{y - 1:04d}/{y:04d}")
    if d < 28:
        return None  # a quarter ends with its month
    first = f"{y:04d}-{m - 2:02d}" if m >= 3 else f"{y - 1:04d}-{m + 10:02d}"
    return mt.start(), f"{first}/{value[:7]}"


# A text that reviews a past year says so in a title line at its head: "Two gateways, one
# continent: our 2023 in review", "2023: the year in review", "Annual Report 2023". Its months and
# days without a year are that year's ("January – The season opened on 9 January"), though it
# was published the year after. (A sentence that cites "the institute's 2023 annual report" is
# no title.)
_REVIEW_YEAR_RX = re.compile(
    r"(?i)\b(?:(?P<a>(?:19|20)\d\d)[^\S\n]*+(?::[^\S\n]*+)?(?:(?:the[^\S\n]++)?year[^\S\n]++)?in[^\S\n]++review"
    r"|(?P<b>(?:19|20)\d\d)[^\S\n]++annual[^\S\n]++report|annual[^\S\n]++report[^\S\n]++(?P<c>(?:19|20)\d\d))\b"
)
REVIEW_HEAD = 400
TITLE_LINE = 100  # the most characters of a title line


def _review_anchor(text: str, anchor: Point | None) -> Point | None:
    """Return the last day of the past year that a title line at the head of ``text`` says it
    reviews, or None."""
    head = text[:REVIEW_HEAD]
    if anchor is None or ("eview" not in head and "EVIEW" not in head and "eport" not in head and "EPORT" not in head):
        return None  # (a quick test before the regex)
    mt = _REVIEW_YEAR_RX.search(text, 0, REVIEW_HEAD)
    if mt is None:
        return None
    line_start = text.rfind("\n", 0, mt.start()) + 1
    line = text[line_start:line_end(text, mt.end())].strip()
    if len(line) > TITLE_LINE or line[-1:] in ".!?" or ". " in line:
        return None  # a sentence, not a title
    year = int(mt["a"] or mt["b"] or mt["c"])
    return (year, 12, 31) if year < anchor[0] else None


def find_dates(text: str, published: str | None, *, timeml_refs: bool = False) -> list[DateMatch]:
    """Return every temporal expression of ``text`` that names a calendar point or period.

    ``published`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None) anchors
    relative expressions; datelines in the text re-anchor what follows them.
    ``timeml_refs`` also emits "now"/"currently" (``PRESENT_REF``), "the past"
    and "the future" for TimeML scoring; SCHEMA.md does not count them as dates.
    Returns an empty list for empty or non-string input.
    """
    if not isinstance(text, str) or not text:
        return []
    # "B.E. 2567", "Reiwa 6", "since 2020¹" (the same length: offsets hold)
    text, eras = gregorian_years(without_footnotes(text))
    anchor = _anchor(published)
    review = _review_anchor(text, anchor)
    heading: int | None = None  # in a text with no date of its own, the year that opens a timeline's entry
    out: list[DateMatch] = []
    hours_end = -1  # the end of the last range of weekdays read as opening hours
    last: Point | None = None  # the last date the text gave (a point): "a decade later" counts from it
    last_end = 0  # where it ends
    atoms = _merge(text, scan(text, timeml_refs))
    shared = _shared_years(text, atoms)
    entry_before: tuple[Point, int] | None = None  # the last schedule line's day without a year, and where its line starts
    for i, atom in enumerate(atoms):
        if atom.start < hours_end:
            continue
        if i in shared:  # "in March and April 2023", "opens 1 October, closes 15 November 2025"
            with_year = _with_year(atom, shared[i])
            own = _value(text, atom, anchor, review)[0] if anchor is not None else None
            if own is None or _side(own[0], anchor) in (0, _side(with_year.lo, anchor)):
                atom = with_year  # (not where the tense puts it on the other side of the publication:
                # "announced the cuts on 3 February, and in March 2026 the calls will open")
        if atom.kind == "weekday" and (hours := _HOURS_RX.match(text, atom.end)) is not None:
            hours_end = hours.end()  # "(Monday to Friday, 8:30 a.m.–5 p.m.)": no day of the calendar
            continue
        if atom.left is None:
            atom.left = read_left(text, atom.start)
        dateline = _is_day(atom) and _is_dateline(text, atom)
        if dateline and atom.lo[0] is None and atom.weekday is None:
            atom.rel = ("md", "nearest")  # a yearless dateline: the nearest such day
        if atom.rel and atom.rel[0] == "dom" and atom.rel[4]:  # "on the 1st of the following month"
            if last is None:
                continue  # no date before it in the text to count from
            span, relative = resolve(atom.rel, last, False), True
        elif atom.rel and atom.rel[0] == "season":  # "the following spring", "the previous winter"
            if last is None:
                continue
            span, relative = _season_from(last, *atom.rel[1:]), True
        elif atom.rel and atom.rel[0] == "later":  # "a quarter of a century later", "two years earlier"
            if last is None or atom.rel[2] == 0 and atom.start - last_end > SAME_REACH:
                continue  # no date before it in the text to count from ("the same year": a near one)
            span, relative = resolve(("ago", *atom.rel[1:]), last, False), True
            if span is None and atom.rel[2] == 0:
                continue  # "that same month" after a year alone: no month to name
            if span is not None and anchor is not None and span[0][0] > anchor[0] and not _will(text, atom):
                continue  # counted from another date than the last ("signed" after the publication)
        elif anchor is None and heading is not None and atom.kind == "cal" and atom.lo and atom.lo[0] is None:
            # a text with no date of its own, a timeline's "1972: ... on 14 April": its entry's year
            span, relative = _value(text, replace(atom, weekday=None), (heading, 1, 1), (heading, 12, 31))
        elif atom.kind == "cal" and atom.lo and atom.lo[0] is None and atom.weekday is None \
                and (entry_year := _line_year(text, atom.start)) is not None:
            # an entry of a CV or a register that opens with its year: "2020    Co-organiser, workshop (9–11 June)"
            span, relative = _value(text, atom, (entry_year, 1, 1), (entry_year, 12, 31))
        else:
            span, relative = _value(text, atom, anchor, review)
        yearless = span is not None and atom.kind == "cal" and atom.lo and atom.lo[0] is None
        entry = _entry_start(text, atom) if yearless or entry_before is not None else 0
        if entry and yearless:
            if entry_before is not None and entry_before[1] == text.rfind("\n", 0, entry - 1) + 1 \
                    and anchor is not None and _side(entry_before[0], anchor) > 0 \
                    and _ordered(span[0]) < _ordered(entry_before[0]):
                # a schedule's lines after one to come ("20/3 ... | 9-11/6 ... | 2/10 ..."): the next
                # such day (not in a list of the past, newest first: "5 March – ... | 12 February – ...")
                later = [y for y in (entry_before[0][0], entry_before[0][0] + 1)
                         if _ordered(_with_year(atom, y).lo) >= _ordered(entry_before[0])]
                span = _value(text, _with_year(atom, later[0]), anchor, review)[0]
            entry_before = (span[0], entry) if span is not None else None
        elif entry:
            entry_before = None
        if span is not None and not _valid_span(*span):
            span = None  # out of the calendar we write ("900 centuries ago")
        value = _format(*span) if span else None
        if atom.kind == "ref":
            value = atom.rel[1]
        if span is not None and (dateline or _is_stamp(text, atom, span)):
            anchor = span[0]  # (a stamp's entry, as a dateline's story, says "yesterday" of its day)
        if atom.kind != "ref" and not dateline:  # (a dateline dates the story, not its events)
            last = span[0] if span is not None and span[1] is None else None
            last_end = atom.end
        if anchor is None and span is not None and _ENTRY_HEAD_RX.match(text, atom.end) \
                and not text[max(0, atom.start - 12):atom.start].rsplit("\n", 1)[-1].strip(" \t*•-#") \
                and (atom.start <= 12 or "\n" in text[atom.start - 12:atom.start]):
            heading = span[0][0]  # a timeline's entry opening its line: "1972: ...", "1985–1990 – ..."
        out.append(_match(text, atom, value, relative, dateline and span is not None))
    if "eek" in text or "W" in text:
        out = _with_iso_weeks(text, out)
    if "://" in text or "www." in text:  # a link's path names no date: "https://x.example/2024/09/11/story"
        links = _link_spans(text)
        out = [d for d in out if not any(a <= d.start and d.end <= b for a, b in links)]
    return _widened(out, eras) if eras else out


# ISO weeks, as work plans and schedules write them: "week 3 of 2025", "weeks 27–30 of 2025",
# "W22–W26 2026", "2025-W14" (each from its Monday to its Sunday). Matched where a quick search
# finds "eek" or "W" and a digit (a pattern tried at every character would cost the date finder 8%).
_WEEK_WORD_RX = re.compile(
    r"(?<![\w-])[Ww]eeks?[^\S\n]++(?P<w1>\d{1,2})(?:[^\S\n]*+[-–][^\S\n]*+(?P<w2>\d{1,2}))?"
    r"(?:[^\S\n]*+,[^\S\n]*+|[^\S\n]++of[^\S\n]++)(?P<y>(?:19|20)\d\d)\b")
_WEEK_CODE_RX = re.compile(
    r"(?<![\w-])W(?P<w1>\d{1,2})(?:[^\S\n]*+[-–][^\S\n]*+W(?P<w2>\d{1,2}))?[^\S\n]++(?P<y>(?:19|20)\d\d)\b")
_YEAR_WEEK_RX = re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d\d)-?W(?P<w1>\d\d)(?P<w2>)\b")
_W_DIGIT_RX = re.compile(r"W\d")  # (a literal the engine skips to)
_LINK_END_RX = re.compile(r"[^\s\"'<>()]*+")


def _link_spans(text: str) -> list[tuple[int, int]]:
    """Return where the paths of the links of ``text`` stand, from their "://" or "www." to the first
    blank, quote, angle bracket or parenthesis; found from those literals (a scheme's letters hold
    no date)."""
    spans = []
    for mark in ("://", "www."):
        k = text.find(mark)
        while k >= 0:
            end = _LINK_END_RX.match(text, k).end()
            spans.append((k, end))
            k = text.find(mark, end)
    return spans


def _week_matches(text: str) -> Iterator[re.Match[str]]:
    """Yield the ISO weeks of ``text`` (``_WEEK_WORD_RX``, ``_WEEK_CODE_RX``, ``_YEAR_WEEK_RX``)."""
    k = text.find("eek")
    while k > 0:
        if (m := _WEEK_WORD_RX.match(text, k - 1)) is not None:
            yield m
        k = text.find("eek", k + 3)
    last = 0
    for w in _W_DIGIT_RX.finditer(text):
        if w.start() < last:
            continue  # the second of "W22–W26 2026"
        m = _WEEK_CODE_RX.match(text, w.start()) or _YEAR_WEEK_RX.search(text, max(0, w.start() - 5), w.end() + 1)
        if m is not None:
            last = m.end()
            yield m


def _with_iso_weeks(text: str, out: list[DateMatch]) -> list[DateMatch]:
    """Return ``out`` with each ISO week or run of weeks of ``text`` as the days from its first
    Monday to its last Sunday, in place of the year found inside it."""
    weeks = []
    for m in _week_matches(text):
        year, first = int(m["y"]), int(m["w1"])
        last = int(m["w2"] or first)
        try:
            lo, hi = date.fromisocalendar(year, first, 1), date.fromisocalendar(year, last, 7)
        except ValueError:
            continue  # no such week ("week 54 of 2025")
        if hi < lo:
            continue
        atom = Atom(m.start(), m.end(), lo=(lo.year, lo.month, lo.day), hi=(hi.year, hi.month, hi.day))
        atom.left = read_left(text, atom.start)
        weeks.append(_match(text, atom, _format(atom.lo, atom.hi), False, False))
    if not weeks:
        return out
    kept = [d for d in out if not any(w.start < d.end and d.start < w.end for w in weeks)]
    return sorted(kept + weeks, key=lambda d: d.start)


# A record's label of when something starts or ends, opening its line.
_START_END_LABEL_RX = re.compile(
    r"(?im)^[^\S\n]*+[*_#•-]*+[^\S\n]*+(?:(?P<start>start(?:ing)?|commencement|beginning)|end|completion|expiry)"
    r"[^\S\n]++date[*_]*+[^\S\n]*+[:：][^\S\n]*+\Z")


def _widened(matches: list[DateMatch], spans: tuple[tuple[int, int], ...]) -> list[DateMatch]:
    """Return ``matches`` each widened over the stretches of ``spans`` it overlaps (an era's year
    rewritten: "Reiwa 5" is quoted whole, not as its last four characters)."""
    out = []
    for m in matches:
        start, end = m.start, m.end
        for a, b in spans:
            if a < end and start < b:
                start, end = min(start, a), max(end, b)
        out.append(m if (start, end) == (m.start, m.end) else replace(m, start=start, end=end))
    return out


# What may stand between dates of a list that share the last one's year: a comma, "and" or "or",
# then up to two words and "on" or "in" ("3 March, 5 April and 6 May 2023", "opens on 1 October
# and closes on 15 November 2025", "opens 1 October, closes 15 November 2025").
_SHARED_GAP_RX = re.compile(
    r"(?:[^\S\n]*+,[^\S\n]*+(?:(?:and|or)[^\S\n]++)?|[^\S\n]++(?:and|or|&|as[^\S\n]++well[^\S\n]++as)[^\S\n]++)"
    r"(?:[a-z]++[^\S\n]++){0,2}?(?:(?:on|in)[^\S\n]++)?")
_SHARED_GAP_CHARS = 30


_ENTRY_LEAD_RX = re.compile(r"[^\S\n]*+(?:[-*•·][^\S\n]++)?")


def _ordered(point: Point) -> tuple[int, int, int]:
    """Return ``point`` as a key that orders points of any precision (a missing part as 0)."""
    return point[0] or 0, point[1] or 0, point[2] or 0


# A line that opens with a year (or a range from it) and a column's gap or a colon: an entry of a CV,
# a register or a timeline ("2020           Co-organiser, ...", "2019–22        Co-PI, ...", "1998: ...").
LINE_YEAR_RX = re.compile(r"[^\S\n]*+(?P<y>(?:19|20)\d\d)(?:[–—-](?:\d\d(?:\d\d)?|(?i:present|now))?)?"
                           r"(?:[^\S\n]{3,}|[^\S\n]*+:[^\S\n])")


def _line_year(text: str, pos: int) -> int | None:
    """Return the year that opens the line holding ``pos`` as an entry's (``LINE_YEAR_RX``), else None."""
    m = LINE_YEAR_RX.match(text, text.rfind("\n", 0, pos) + 1, pos)
    return int(m["y"]) if m is not None else None


def _entry_start(text: str, atom: Atom) -> int:
    """Return where the line starts when ``atom`` opens it (after blanks or a bullet), else 0."""
    line = text.rfind("\n", 0, atom.start) + 1
    return line if line and _ENTRY_LEAD_RX.fullmatch(text, line, atom.start) else 0


def _with_year(atom: Atom, year: int) -> Atom:
    """Return ``atom`` (a month or day without a year) in ``year``, its end in the same or the next."""
    hi = None if atom.hi is None else (year + (atom.hi[1:] < atom.lo[1:]), *atom.hi[1:])
    return replace(atom, lo=(year, *atom.lo[1:]), hi=hi)


def _side(point: Point, anchor: Point) -> int:
    """Return -1, 0 or 1 as ``point`` falls before, within or after ``anchor`` at the anchor's
    precision (a year, a month or a day)."""
    n = 1 if anchor[1] is None else 2 if anchor[2] is None else 3
    a, b = _ordered(point)[:n], _ordered(anchor)[:n]
    return (a > b) - (a < b)


def _shared_years(text: str, atoms: list[Atom]) -> dict[int, int]:
    """Return, by index in ``atoms``, the year that a month or day without one shares with the
    date with a year that ends its list, when it falls no later in that year."""
    shared: dict[int, int] = {}
    for i in range(len(atoms) - 2, -1, -1):
        a, b = atoms[i], atoms[i + 1]
        if (a.kind != "cal" or b.kind != "cal" or a.rel or b.rel or not a.lo or not b.lo
                or a.lo[0] is not None or a.lo[1] is None or b.lo[1] is None or a.weekday is not None
                or b.start - a.end > _SHARED_GAP_CHARS or not _SHARED_GAP_RX.fullmatch(text, a.end, b.start)):
            continue
        year = b.lo[0] if b.lo[0] is not None else shared.get(i + 1)
        if year is not None and (a.hi or a.lo)[1:] <= (b.lo[1], b.lo[2] or 99):
            shared[i] = year
    return shared


def _season_from(last: Point, season: str, step: int) -> tuple[Point, Point | None]:
    """Return the first ``season`` that starts after ``last`` (``step`` 1), or the last one that
    ends before it (-1), as ``g.season_span`` gives it: after October 1988, the following spring
    is 1989."""
    first, end = g.SEASONS[season]
    wraps = end < first  # a winter ends in the year after it starts
    if step > 0:  # the first to start after it (after a year alone: the next year's)
        year = last[0] + (first <= (last[1] or 12))
    else:  # the last to end before it
        year = last[0] - (end >= (last[1] or 1)) - wraps
    return g.season_span(year, season)


def day_matches(text: str, lo: int = 0, hi: int | None = None, proj: bytes | None = None) -> list[DateMatch]:
    """Return the matches of ``find_dates(text, None)`` whose value is one day (``YYYY-MM-DD``),
    for the expressions whose trigger lies in ``text[lo:hi]``.

    Exact when ``lo`` is 0 or follows a character of ``g.SYNC_RX`` (no expression,
    skipped number or range gap holds one, so the scan is in the state it would
    reach from the start), for the days ending at least 64 characters before
    ``hi`` or a sync character at ``hi`` (a range partner starts within 12).
    ``proj`` is ``dates_triggers.project(text)`` when the caller has it.
    """
    out: list[DateMatch] = []
    atoms = _merge(text, scan(text, lo=lo, hi=hi, proj=proj))
    shared = _shared_years(text, atoms)
    for i, atom in enumerate(atoms):
        if i in shared:  # with no anchor, as find_dates(text, None) gives them: "Jan. 1 and Dec. 17, 2021"
            atom = _with_year(atom, shared[i])
        if _is_day(atom) and atom.lo[0] is not None and cal.valid_point(*atom.lo):
            if atom.left is None:
                atom.left = read_left(text, atom.start)
            out.append(_match(text, atom, _format(atom.lo, None), False, _is_dateline(text, atom)))
    return out


def _valid_span(lo: Point | None, hi: Point | None) -> bool:
    """Return True when every end of the span is a point of the calendar we write."""
    return (lo is None or cal.valid_point(*lo)) and (hi is None or cal.valid_point(*hi))


# The value string of a span: the same few years and days recur in a text.
_format = lru_cache(maxsize=4096)(fmt_span)


def _is_day(atom: Atom) -> bool:
    """Return True for a single day (a month, a day, maybe a year): what a dateline names."""
    return atom.kind == "cal" and atom.lo is not None and atom.lo[2] is not None and atom.hi is None


def _anchor(published: str | None) -> Point | None:
    """Return the point of a ``published`` value (extra time parts ignored), or None."""
    if not isinstance(published, str):
        return None
    mt = _PUBLISHED_RX.match(published, 0, 40)
    return parse_point(mt.group(1)) if mt else None


def _value(text: str, atom: Atom, anchor: Point | None, review: Point | None = None) -> tuple[tuple | None, bool]:
    """Return the atom's (lo, hi) span or None, and whether it depended on an anchor; a month
    or day without a year is in the year the text reviews (``review``: its last day), if any."""
    if atom.kind == "ref":
        return None, True
    if atom.kind == "cal" and atom.lo is not None and atom.lo[0] is not None:
        hi = atom.hi
        if hi is not None and hi[0] is None:
            hi = (atom.lo[0] + (hi[1] < atom.lo[1]), hi[1], hi[2])
        return (atom.lo, hi), False
    if anchor is None:
        return None, True  # nothing to resolve against (the resolvers would say None)
    tense = _future(text, atom)
    future = bool(tense)  # no tense: the past ("on Friday" in a news story)
    if atom.kind == "cal":
        mode = atom.rel[1] if atom.rel else None
        if mode is None and tense is None:
            # a day or month with no year and no tense (a list of events, a heading, a
            # correction's "(Nov. 15)"): the nearest such day, either way
            mode = "nearest"
        if atom.weekday is not None:
            span = resolve_weekday_date(atom.lo, atom.weekday, anchor, future)
            if span is not None and atom.hi is not None:  # "Fri 27 Dec – Mon 6 Jan": the first day's year
                y = span[0][0] + ((atom.hi[1], atom.hi[2] or 0) < (atom.lo[1], atom.lo[2] or 0))
                span = (span[0], (y, atom.hi[1], atom.hi[2]))
            if span is not None:
                return span, True
        if review is not None and not atom.rel and not tense:  # not "will meet again in March"
            return resolve_month(atom.lo, atom.hi, "past", review, False), True
        return resolve_month(atom.lo, atom.hi, mode, anchor, future), True
    return resolve(atom.rel, anchor, future), True


# Words that put a clause in the future beyond doubt ("Ten years later, they will sign").
_WILL_RX = re.compile(r"\b(?:will|shall|'ll|’ll|would|is\s++to|are\s++to|expected|scheduled|due|plans?|planned|intends?)\b",
                      re.I)


def _sentence_stop(text: str, pos: int, reach: int) -> int:
    """Return where the sentence or line that ``pos`` is in ends (". " or a line break), at most
    ``reach`` characters on (a search that stops there, not at the text's end)."""
    limit = pos + reach + 1  # (". " starting at pos + reach is still found)
    return min((k for k in (text.find(". ", pos, limit), text.find("\n", pos, limit)) if k >= 0), default=pos + reach)


def _will(text: str, atom: Atom) -> bool:
    """Whether the sentence around ``atom`` says it will happen (a stricter test than
    ``clause_tense``, which reads "they decided to meet" as the future of "meet")."""
    start = max(text.rfind(". ", 0, atom.start), text.rfind("\n", 0, atom.start)) + 1
    return _WILL_RX.search(text, start, _sentence_stop(text, atom.end, 120)) is not None


def _future(text: str, atom: Atom) -> bool | None:
    """Return True when the expression should look forward from the anchor, False when back,
    None when nothing says.

    "until June", "by June" look forward unless a past verb stands right before
    the preposition ("completed by June"); otherwise the clause's tense decides.
    """
    if atom.rel and atom.rel[0] not in ("wd", "qtr", "md"):
        return False
    left = atom.left
    if left is not None and left.relation in ("until", "by"):
        lo = max(0, left.rel_lead - 40)
        cut = max(text.rfind(":", lo, left.rel_lead), text.rfind("\n", lo, left.rel_lead)) + 1
        if cut and not text[cut:left.rel_lead].strip():
            # a label's ("Candidates notified: by 29 November") or a quote's ("He said: by
            # June the deal had been done"): the words after the date say, else the future
            return tense_of(g.WORD_RX.findall(text, atom.end, _sentence_stop(text, atom.end, 80))[:6]) is not False
        words = g.WORD_RX.findall(text, max(lo, cut), left.rel_lead)[-3:]
        return tense_of(list(reversed(words))) is not False
    return clause_tense(text, atom.start, atom.end)


def _match(text: str, atom: Atom, value: str | None, relative: bool, dateline: bool) -> DateMatch:
    """Return the DateMatch of a resolved atom, with its relation and span."""
    left = atom.left
    relation = left.relation or "on"
    end = atom.end
    onward = _ONWARDS_RX.match(text, end) or (g.OPEN_RANGE_RX.match(text, end) if atom.lo and atom.lo[1] is None else None)
    if onward:  # "from 2024 onwards", "2021–present"
        relation, end = "since", onward.end()
    start = left.lead if relation == "on" else left.rel_lead
    if atom.rel and atom.rel[0] == "ago" and left.qualifier:
        relation, start = left.qualifier, left.qual_lead
    if relation == "on" and left.rel_word in ("from", "as of") and not (value and "/" in value) \
            and clause_tense(text, atom.start, atom.end):
        relation, start = "since", left.rel_lead  # "Nigerian engineers will join it from July", "As of 1 January 2025, X will"
    if relation == "on" and left.rel_word in ("", "of") and not (value and "/" in value) \
            and deadline_before(text, start, end):
        relation = "by"  # "deadline 30 Sept 2024", "Deadline: 14 June 2024", "the call closes 12 May"
    elif relation == "on" and left.rel_word == "" and not (value and "/" in value) and (
            label := _START_END_LABEL_RX.match(text, text.rfind("\n", 0, start) + 1, start)) is not None:
        relation = "since" if label["start"] else "until"  # a record's "Start date: 2023-04-01", "End date:"
    elif relation == "on" and left.rel_word == "" and not (value and "/" in value) and "|" in text[start - 2:start] \
            and (header := column_header(text, start)) is not None and (label := _COLUMN_RELATION_RX.fullmatch(header)):
        relation = label.lastgroup  # a table's "| Since |" column: "| Slovenia | 2017 |"
    elif relation == "on" and left.rel_word in ("in", "on"):
        since = since_phrase(text, left.rel_lead)
        if since >= 0:
            relation, start = "since", since  # "since its creation in 2014"
    if value and "/" in value and (relation == "on" or (
            relation == "since" and left.rel_word == "from" and _RANGE_SEP_RX.search(text, atom.start, atom.end))):
        relation = "during"  # (a span from one day to another: "runs from 5 to 7 December")
    period = _period_ending(text, start, value) if relation == "on" else None
    if period is not None:  # "fiscal year ending 31 March 2026"
        start, value = period
        relation = "during" if "/" in value else relation
    kind = "relative" if relative else "absolute"
    return DateMatch(min(start, atom.start), end, value, relation, kind, dateline)


# A table's column header that gives its dates' relation: "Since", "Partner since", "Start", "Until",
# "Deadline".
_COLUMN_RELATION_RX = re.compile(
    r"(?i)[*_]*+(?:(?P<since>(?:(?:partner|member|partnership|cooperation|active)[^\S\n]++)?since|start(?:ed)?"
    r"|joined|established)|(?P<until>until|ends?|expir(?:y|es))|(?P<by>deadline|due))[*_]*+")
# A pipe table's row that parts its header from its body: "|---|:--:|".
_SEPARATOR_ROW_RX = re.compile(r"[^\S\n]*+\|?(?:[^\S\n]*+:?-{3,}:?[^\S\n]*+\|)++[^\S\n]*+:?-*+:?[^\S\n]*+")
_HEADER_REACH = 100  # rows above a cell to look for its header, at most


def column_header(text: str, pos: int) -> str | None:
    """Return the header of the pipe table's column that holds ``pos`` (the cell's text, stripped),
    or None when ``pos`` is in no such table's body."""
    line_start = text.rfind("\n", 0, pos) + 1
    column = text.count("|", line_start, pos)
    row = line_start
    for _ in range(_HEADER_REACH):
        if row == 0:
            return None
        above = text.rfind("\n", 0, row - 1) + 1
        if _SEPARATOR_ROW_RX.fullmatch(text, above, row - 1):
            if above == 0:
                return None
            cells = text[text.rfind("\n", 0, above - 1) + 1:above - 1].split("|")
            return cells[column].strip() if column < len(cells) else None
        if text.count("|", above, row) < 2:
            return None
        row = above
    return None


def _merge(text: str, atoms: list[Atom]) -> list[Atom]:
    """Join a weekday with the date after it, and two dates around a range connector; then, where
    weekdays were joined, two such dates around a connector ("Mon 2 June – Fri 27 June")."""
    out: list[Atom] = []
    i = 0
    weekdays = False  # a weekday was joined with its date
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        joined = _join(text, a, b) if b is not None else None
        if joined is not None:
            out.append(joined)
            weekdays = weekdays or a.kind == "weekday"
            i += 2
            continue
        if not (a.kind == "weekday" and a.abbr):
            out.append(a)
        i += 1
    if not weekdays:
        return out
    ranged: list[Atom] = []
    for atom in out:
        last = ranged[-1] if ranged else None
        joined = _join(text, last, atom) if last is not None and last.kind == "cal" == atom.kind else None
        if joined is not None and last.hi is None and atom.hi is None:
            joined.weekday = last.weekday  # (the first day's weekday picks the year)
            ranged[-1] = joined
        else:
            ranged.append(atom)
    return ranged


def _join(text: str, a: Atom, b: Atom) -> Atom | None:
    """Return ``a`` and ``b`` as one atom when they form one expression, else None."""
    if (a.kind == "cal" and a.lo and a.lo[0] is None and a.lo[1] and not a.rel and b.rel
            and b.rel[:2] == ("unit", "year") and text[a.end:b.start] in (" ", " of ")):
        # "12 February next year", "in March last year", "by June this year": that year's
        return Atom(a.start, b.end, lo=a.lo, hi=a.hi, rel=("md", f"year{b.rel[2]:+d}"), left=a.left)
    if a.kind == "weekday" and b.kind == "cal" and b.lo and b.lo[2] is not None and not b.hi:
        if _WEEKDAY_GAP_RX.fullmatch(text, a.end, b.start):
            weekday = a.rel[1] if b.lo[0] is None else None
            return Atom(a.start, b.end, lo=b.lo, rel=b.rel, full=b.full, weekday=weekday)
        return None
    if a.kind != "cal" or b.kind != "cal" or a.rel or b.rel or not a.lo or not b.lo:
        return None
    gap = text[a.end:b.start] if b.start - a.end < 12 else None
    connector = g.CONNECTOR_RX.fullmatch(gap) if gap is not None else None
    if connector is None:
        return None
    left = a.left or read_left(text, a.start)
    if connector["word"].lower() == "and" and left.rel_word != "between":
        return None
    lo, hi = _range_points(a.lo, b.hi or b.lo)
    if lo is None or hi is None:
        return None
    if lo[0] is None:  # "from Jan. 1 to Dec. 15": the anchor gives both the year
        return Atom(a.start, b.end, lo=lo, hi=hi, left=_range_left(left)) if lo[1] and hi[1] else None
    first, last = cal.date_bounds(cal.fmt_point(lo)), cal.date_bounds(cal.fmt_point(hi))
    if first is None or last is None or not first[0] < last[0]:
        return None
    return Atom(a.start, b.end, lo=lo, hi=hi, left=_range_left(left))


def _range_left(left: Left) -> Left:
    """Return ``left`` with relation ``during`` when it opens a range ("from", "between")."""
    return replace(left, relation="during") if left.rel_word in _RANGE_WORDS else left


def _range_points(lo: Point, hi: Point) -> tuple[Point | None, Point | None]:
    """Return the range ends, the one without a year taking the other's ("March–May 2021")."""
    if lo[0] is None and hi[0] is not None and lo[1] is not None:
        lo = (hi[0] - ((lo[1], lo[2] or 0) > (hi[1] or 12, hi[2] or 0)), lo[1], lo[2])
    elif hi[0] is None and lo[0] is not None and hi[1] is not None:
        hi = (lo[0] + ((hi[1], hi[2] or 0) < (lo[1] or 1, lo[2] or 0)), hi[1], hi[2])
    if (lo[0] is None) != (hi[0] is None):
        return None, None
    return lo, hi


# A time stamp: a full date and a clock time opening a line, after blanks, a feed's element or a
# bracket ("<pubDate>Thu, 06 Mar 2025 09:30:00 +0200", "2025-06-11 16:05 UTC — Orbit raised", a chat's
# "[15/03/2024, 13:31] Dewi: ..."); an entry of a feed, a blog, a thread or a chat follows it.
_STAMP_BEFORE_RX = re.compile(r"(?:[^\S\n]|<[\w:-]{1,30}>|\[)*+")
_STAMP_CLOCK_RX = re.compile(r"(?:[^\S\n]*+,|[^\S\n]++at)?[^\S\n]*+T?\d{1,2}:\d{2}")


def _is_stamp(text: str, atom: Atom, span: tuple) -> bool:
    """Return True when ``atom``, a day with its year, is a time stamp opening its line."""
    if not atom.full or span[1] is not None or span[0][2] is None:
        return False
    line = text.rfind("\n", 0, atom.start) + 1
    return _STAMP_BEFORE_RX.fullmatch(text, line, atom.start) is not None and \
        _STAMP_CLOCK_RX.match(text, atom.end) is not None


def _is_dateline(text: str, atom: Atom) -> bool:
    """Return True when ``atom`` (a day) stands as a dateline on its line."""
    lo = max(0, atom.start - 81)
    line_start = text.rfind("\n", lo, atom.start) + 1
    if line_start == 0 and lo > 0:
        return False  # more than 80 characters before it on its line
    stop = text.find("\n", atom.end, atom.end + 200)
    prefix = text[line_start:atom.start]
    suffix = text[atom.end:stop if stop >= 0 else atom.end + 200]
    city = prefix.lstrip(_MARKUP)
    if _CITY_RX.fullmatch(city) and _AGENCY_RX.match(suffix):
        return True
    if _PLACE_COMMA_RX.fullmatch(city) and _PLACE_AGENCY_RX.match(suffix):
        return True  # "London, March 12, 2025 — ", "New Delhi, 12 March 2025 (PTI) - "
    if _CITY_DASH_RX.fullmatch(city) and (not suffix.strip() or _AGENCY_RX.match(suffix)):
        return True  # the date after the city and agency, ending its line or before a dash
    rest_raw = g.CLOCK_RX.sub(" ", suffix[:80])
    field_after = rest_raw.lstrip().startswith(("|", "·", "•")) or rest_raw.startswith(" / ")
    if (prefix.rstrip().endswith(("|", "·", "•")) or prefix.endswith(" / ")) and (field_after or not rest_raw.strip()):
        # a field of a metadata bar: "Source: Xinhua | 2022-04-08 20:15:32 | Editor: ...",
        # "MERIDIAN MAGAZINE · Long read · 18 November 2023", a journal's running head: "Federal
        # Register / Vol. 89, No. 49 / Tuesday, March 12, 2024 / Notices"
        return True
    if line_start < HEAD_LINES_CHARS and not prefix.strip(_MARKUP) and field_after and _EDITION_AFTER_RX.match(rest_raw):
        return True  # a masthead line that opens with its date: "Thursday, April 18, 2024 · Print edition, page A9"
    if line_start < HEAD_LINES_CHARS and _CLOCK_TAIL_RX.fullmatch(rest_raw) \
            and _EDITION_RX.fullmatch(g.CLOCK_RX.sub(" ", prefix)):
        return True  # a broadcast's or an edition's line: "Midday bulletin, 13:00 PHT, Wednesday 12 June 2024"
    if line_start < HEAD_LINES_CHARS and not rest_raw.strip(_MARKUP) and (
            _ISSUE_NUMBER_RX.fullmatch(prefix)
            or not text[:line_start].strip() and _TITLE_DASH_RX.fullmatch(prefix)):
        # an issue's number ending its line near the top ("No. 214, 14 May 2024", "Vol. 12, No. 3 –
        # 2 June 2025"), or the text's first line, a title and a dash ("In brief — 4 November 2025")
        return True
    bare = g.CLOCK_RX.sub(" ", prefix).strip(_MARKUP)
    labelled = bool(bare) and _LABEL_RX.fullmatch(bare) is not None
    rest = rest_raw.strip(_MARKUP)
    alone = (rest == "" or rest.upper() in ("GMT", "UTC", "BJT", "ET", "EST", "EDT", "CST")
             or (rest_raw != suffix[:80] and _ZONE_RX.fullmatch(rest) is not None)  # "16:42 (MSK)"
             or _LABEL_RX.fullmatch(rest) is not None)  # "03/06/2025 – 14h20 | Updated 18h05"
    if bare and not labelled:
        if alone and _BILINGUAL_RX.fullmatch(prefix):
            return True  # "Bogotá, 21 de marzo de 2024 / March 21, 2024": the date in two languages
        # "Brussels, 14 June 2023" (not a journal's "Received 3 March 2023")
        return alone and _PLACE_RX.fullmatch(bare) is not None and not bare.endswith("ed")
    return labelled or alone


def parse_date_value(text: str) -> str | None:
    """Return the normalized value of a user-typed date, or None when it is not one date.

    Accepts a value already normalized ("2021", "2021-03-05", "2008/2013") or
    one absolute expression ("March 2021", "5 March 2021", "Dec. 17, 2021").
    """
    if not isinstance(text, str):
        return None
    raw = text.strip()
    if not raw or len(raw) > 100:
        return None
    if cal.date_bounds(raw) is not None:
        parts = raw.split("/")
        return "/".join(cal.fmt_point(parse_point(p)) for p in parts)
    found = [m for m in find_dates(raw, None) if m.kind == "absolute" and m.value]
    if len(found) == 1 and found[0].start <= 1 and found[0].end >= len(raw) - 1:
        return found[0].value
    return None
