"""Resolving relative atoms against an anchor date.

The anchor is a point of any precision (``(2011, None, None)`` for a document
dated only "2011"). An expression that needs a finer anchor than it has
resolves to None, except that an offset of zero ("today", "this month") keeps
the anchor's own precision.
"""

from __future__ import annotations

from sci_diplo.normalize import dates_calendar as cal
from sci_diplo.normalize import dates_grammar as g
from sci_diplo.normalize.dates_calendar import Point

Span = tuple[Point, Point | None]


def resolve(spec: tuple, anchor: Point | None, future: bool) -> Span | None:
    """Return the (lo, hi) points of relative ``spec`` seen from ``anchor``, or None.

    ``future`` is the tense of the clause, used where the expression itself
    does not say which way to look ("Friday", "In May", "the third quarter").
    """
    if anchor is None:
        return None
    kind = spec[0]
    if kind == "day":
        return _days(anchor, spec[1])
    if kind == "unit":
        return _unit(anchor, spec[1], spec[2])
    if kind == "ago":
        return _ago(anchor, spec[1], spec[2])
    if kind == "wd":
        mode = spec[2] if spec[2] != "bare" else ("future" if future else "past")
        if anchor[2] is None:
            return None
        day = cal.weekday_near(anchor, spec[1], mode)
        return (day, None) if day else None
    if kind == "qtr":
        return _quarter(anchor, spec[1], spec[2], spec[3], future)
    if kind == "dom":  # "the 19th of this month": a day of the anchor's month, or of the one before or after
        if anchor[1] is None:
            return None
        y, m = divmod(anchor[0] * 12 + anchor[1] - 1 + spec[3], 12)
        return (y, m + 1, spec[1]), (None if spec[2] is None else (y, m + 1, spec[2]))
    return None


def resolve_month(lo: Point, hi: Point | None, mode: str | None, anchor: Point | None,
                  future: bool) -> Span | None:
    """Return a month (and day) whose year is missing, placed in the anchor's nearest year."""
    if anchor is None:
        return None
    mode = mode or ("future" if future else "past")
    first = cal.month_day_near(anchor, lo[1], lo[2], mode)
    if first is None:
        return None
    if hi is None:
        return first, None
    y = first[0] + (1 if (hi[1], hi[2] or 0) < (lo[1], lo[2] or 0) else 0)
    return first, (y, hi[1], hi[2])


def resolve_weekday_date(lo: Point, weekday: int, anchor: Point | None, future: bool) -> Span | None:
    """Return "Friday, July 7" in the year near the anchor where July 7 is a Friday, or None.

    Looks up to six years either way; the nearest year wins, and at equal
    distance the side the tense points to (past: on or before the anchor).
    """
    if anchor is None or lo[2] is None:
        return None
    ay = anchor[0]
    near = []
    for y in range(ay - 6, ay + 7):
        day = cal.to_date((y, lo[1], lo[2])) if cal.valid_point(y, lo[1], lo[2]) else None
        if day is not None and day.weekday() == weekday:
            ahead = (y, lo[1], lo[2]) > (ay, anchor[1] or 12, anchor[2] or 31)
            near.append((abs(y - ay), ahead != future, (y, lo[1], lo[2])))
    return (min(near)[2], None) if near else None


def _days(anchor: Point, k: int) -> Span | None:
    if anchor[2] is None:
        return (anchor, None) if k == 0 else None
    day = cal.add_days(anchor, k)
    return (day, None) if day else None


def _unit(anchor: Point, unit: str, k: int) -> Span | None:
    """Return this/last/next year, month, week, weekend, quarter, decade, century or season."""
    ay, am, _ = anchor
    if unit == "year":
        return (ay + k, None, None), None
    if unit == "decade":
        base = ay // 10 * 10 + 10 * k
        return (base, None, None), (base + 9, None, None)
    if unit == "century":
        base = ay // 100 * 100 + 100 * k
        return (base, None, None), (base + 99, None, None)
    if unit in g.SEASONS:
        return _season(anchor, unit, k)
    if am is None:
        return (anchor, None) if k == 0 and unit in ("month", "quarter") else None
    if unit == "month":
        y, m = cal.add_months(ay, am, k)
        return (y, m, None), None
    if unit == "quarter":
        y, m = cal.add_months(ay, (am - 1) // 3 * 3 + 1, 3 * k)
        return (y, m, None), (y, m + 2, None)
    if anchor[2] is None:
        return None
    week = cal.week_of(anchor, k)
    if week is None:
        return None
    if unit == "weekend":
        sat = cal.add_days(week[0], 5)
        return (sat, week[1]) if sat else None
    return week


def _season(anchor: Point, name: str, k: int) -> Span | None:
    """Return season ``name``: the one containing or following the anchor's month
    (``k`` 0), the latest one ended before it (-1) or the first one begun after it (1)."""
    ay, am, _ = anchor
    first, last = g.SEASONS[name]
    wraps = int(last < first)
    now = (ay, am or 0)
    if am is None:
        y = ay + k
    elif k == -1:
        y = next(y for y in range(ay, ay - 3, -1) if (y + wraps, last) < now)
    elif k == 1:
        y = next(y for y in range(ay - 1, ay + 2) if (y, first) > now)
    else:
        y = next((y for y in (ay - 1, ay) if (y, first) <= now <= (y + wraps, last)), ay)
    return g.season_span(y, name)


def _ago(anchor: Point, unit: str, n: int) -> Span | None:
    """Return the point ``n`` units from the anchor (negative ``n``: "ago")."""
    ay, am, _ = anchor
    if unit in ("year", "decade", "century"):
        step = {"year": 1, "decade": 10, "century": 100}[unit]
        return (ay + n * step, None, None), None
    if unit == "month":
        if am is None:
            return None
        y, m = cal.add_months(ay, am, n)
        return (y, m, None), None
    if anchor[2] is None:
        return None
    if unit == "week":
        day = cal.add_days(anchor, 7 * n)
        return cal.week_of(day) if day else None
    day = cal.add_days(anchor, n)
    return (day, None) if day else None


def _quarter(anchor: Point, unit: str, n: int, yoff: int | None, future: bool) -> Span | None:
    """Return quarter/half ``n`` of the anchor's year shifted by ``yoff``, or the nearest one."""
    ay, am, _ = anchor
    size = 3 if unit == "quarter" else 6
    first, last = (n - 1) * size + 1, n * size
    if yoff is not None:
        y = ay + yoff
    elif am is None:
        y = ay
    elif future:
        y = ay if last >= am else ay + 1
    else:
        y = ay if first <= am else ay - 1
    return (y, first, None), (y, last, None)
