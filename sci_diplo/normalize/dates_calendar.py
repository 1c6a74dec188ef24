"""Calendar arithmetic and value strings for the temporal normalizer.

A *point* is a ``(year, month, day)`` tuple where ``month`` and ``day`` may be
None for a coarser precision; years are astronomical (1 BC is 0, 272 BC is
-271). Values are the SCHEMA.md strings: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``
or ``A/B``. Every function here is pure and total: bad input gives None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

Point = tuple[int, int | None, int | None]

# One normalized value: an optional sign, a 4-digit year, optional month and day.
_POINT_RX = re.compile(r"(-?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_leap(year: int) -> bool:
    """Return True for a leap year of the proleptic Gregorian calendar (any integer)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Return the number of days of ``month`` (1-12) in ``year``."""
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def valid_point(y: int | None, m: int | None = None, d: int | None = None) -> bool:
    """Return True when the parts name a real year, month or day."""
    if y is None or not -9999 <= y <= 9999:
        return False
    if m is None:
        return d is None
    if not 1 <= m <= 12:
        return False
    return d is None or 1 <= d <= days_in_month(y, m)


def fmt_point(p: Point) -> str:
    """Return the value string of a point: ``2021``, ``-0271``, ``2021-12``, ``2021-12-17``."""
    y, m, d = p
    out = f"-{-y:04d}" if y < 0 else f"{y:04d}"
    if m is not None:
        out += f"-{m:02d}"
        if d is not None:
            out += f"-{d:02d}"
    return out


def fmt_span(lo: Point, hi: Point | None) -> str:
    """Return ``lo`` as a value, or the interval ``lo/hi`` when ``hi`` differs."""
    if hi is None or hi == lo:
        return fmt_point(lo)
    return f"{fmt_point(lo)}/{fmt_point(hi)}"


def parse_point(value: str) -> Point | None:
    """Return the point of a single value string, or None when it is not one."""
    mt = _POINT_RX.fullmatch(value.strip())
    if not mt:
        return None
    y = int(mt.group(2)) * (-1 if mt.group(1) else 1)
    m = int(mt.group(3)) if mt.group(3) else None
    d = int(mt.group(4)) if mt.group(4) else None
    return (y, m, d) if valid_point(y, m, d) else None


def date_bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """Return the first and last day covered by a normalized value, or None if unparsable.

    ``"2021"`` gives ``((2021, 1, 1), (2021, 12, 31))``; ``"2008/2013"`` gives
    ``((2008, 1, 1), (2013, 12, 31))``; ``"-0271"`` gives ``((-271, 1, 1), (-271, 12, 31))``.
    """
    if not isinstance(value, str) or len(value) > 40:
        return None
    parts = value.split("/")
    if len(parts) > 2:
        return None
    lo, hi = parse_point(parts[0]), parse_point(parts[-1])
    if lo is None or hi is None:
        return None
    first = (lo[0], lo[1] or 1, lo[2] or 1)
    hm = hi[1] or 12
    last = (hi[0], hm, hi[2] or days_in_month(hi[0], hm))
    return (first, last) if first <= last else None


def to_date(p: Point) -> date | None:
    """Return the ``datetime.date`` of a day-precision point in years 1-9999, else None."""
    y, m, d = p
    if m is None or d is None or not 1 <= y <= 9999:
        return None
    return date(y, m, d)


def from_date(day: date) -> Point:
    """Return the day-precision point of a ``datetime.date``."""
    return (day.year, day.month, day.day)


def add_days(p: Point, n: int) -> Point | None:
    """Return the day ``n`` days after day-precision ``p``, or None when out of range."""
    day = to_date(p)
    try:
        return from_date(day + timedelta(days=n)) if day else None
    except OverflowError:
        return None


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """Return the (year, month) ``n`` months after ``y-m``."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def week_of(p: Point, shift: int = 0) -> tuple[Point, Point] | None:
    """Return Monday and Sunday of the week containing day ``p``, shifted by ``shift`` weeks."""
    day = to_date(p)
    if day is None:
        return None
    try:
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=shift)
        return from_date(monday), from_date(monday + timedelta(days=6))
    except OverflowError:
        return None


def weekday_near(p: Point, weekday: int, mode: str) -> Point | None:
    """Return the day with ``weekday`` (Monday 0) nearest to day ``p``.

    ``mode``: ``past`` (latest on or before ``p``), ``last`` (latest strictly
    before), ``future`` (earliest on or after), ``next`` (earliest strictly
    after), ``this`` (that weekday of ``p``'s Monday-Sunday week).
    """
    day = to_date(p)
    if day is None:
        return None
    delta = weekday - day.weekday()
    if mode == "this":
        return add_days(p, delta)
    back = -((day.weekday() - weekday) % 7)
    ahead = delta % 7
    if mode == "last" and back == 0:
        back = -7
    if mode == "next" and ahead == 0:
        ahead = 7
    return add_days(p, back if mode in ("past", "last") else ahead)


def month_day_near(anchor: Point, month: int, day: int | None, mode: str) -> Point | None:
    """Return ``month`` (and ``day``) placed in the year nearest to ``anchor``.

    ``mode``: ``past`` (latest on or before the anchor), ``last`` (strictly
    before the anchor's month), ``future``, ``next`` (mirror images), ``this``
    (the anchor's year), ``nearest`` (the closest either way, for datelines), ``year+1``
    ("next year": the anchor's year moved by the offset).
    The anchor may be year-precision: the year is then the anchor's, except
    that ``last``/``next`` give None.
    """
    ay, am, ad = anchor
    if mode.startswith("year"):  # "March next year": the anchor's year moved by the offset
        y = ay + int(mode[4:])
    elif mode == "this" or am is None:
        y = ay if mode != "last" and mode != "next" else None
    elif mode == "nearest":
        here = am * 31 + (ad or 15)
        y = min((ay - 1, ay, ay + 1), key=lambda yy: abs((yy - ay) * 372 + month * 31 + (day or 15) - here))
    else:
        key = (month, day or 0)
        now = (am, ad or 0) if day is not None and ad is not None else (am, 0)
        y = {
            "past": ay if key <= now or (day is not None and ad is None and month == am) else ay - 1,
            "future": ay if key >= now else ay + 1,
            "last": ay if month < am else ay - 1,
            "next": ay if month > am else ay + 1,
        }.get(mode)
    if y is None or not valid_point(y, month, day):
        return None
    return (y, month, day)
