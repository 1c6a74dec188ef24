"""Years of other calendars, written as the Gregorian years they are, offsets kept.

Thai texts count years in the Buddhist Era ("B.E. 2567", "fiscal year 2568": 543 more than
the Gregorian year); Japanese official texts by the era of the emperor ("Reiwa 6", "Heisei 28").
``gregorian_years`` returns the text with such years rewritten as Gregorian years of the same
length, so that the date finder reads them as any other year and its offsets still point into
the text as written, and the stretches it rewrote, to which the finder widens its matches:

- in a text that says it writes the Buddhist Era (``B.E.``, ``BE``, "Buddhist Era"), every
  four-digit number from 2400 to 2699 is such a year ("1 April 2568" reads "1 April 2025"), and
  the era's mark before it is blanked so that the words before it govern it ("by B.E. 2573" is a
  deadline);
- an era name and its year ("Reiwa 5") become the year, right-aligned ("   2023");
- a Gregorian year in brackets right after a converted year that it repeats ("B.E. 2564 (2021)",
  "Reiwa 6 (2024)"), or an era year in brackets after the Gregorian one ("FY2024 (Reiwa 6)"), is
  blanked: one date, not two.

Gulf and other Muslim-majority governments' texts write Hijri dates ("11 Rabi' al-Thani 1446 AH",
"Jumada al-Akhirah 1446 AH", "1442 AH"), often with the Gregorian date in brackets after them:

- a Hijri date with a Gregorian gloss in brackets ("Monday 11 Rabi' al-Thani 1446 AH (14 October
  2024)") or in words (", corresponding to 25 February 2024") is read as the gloss, written where
  the Hijri date starts ("Monday 14 October 2024"), so that the words before it govern it;
- one without a gloss is written as the Gregorian date it is in Saudi Arabia's Umm al-Qura
  calendar (``hijridate``, imported only for such a text), ISO-style ("2024-10-10", a month as
  "2024-12-02 to 2024-12-31"), where that fits in its stretch; a year alone, or what does not fit,
  is blanked: no date rather than a wrong one ("1442 AH" is not the year 1442).

Pure functions, no spaCy.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

# The first Gregorian year of each Japanese era (its year 1).
ERAS = {"meiji": 1868, "taisho": 1912, "taishō": 1912, "showa": 1926, "shōwa": 1926, "heisei": 1989,
        "reiwa": 2019}
_ERA_RX = re.compile(r"\b(?P<era>Meiji|Taish[oō]|Sh[oō]wa|Heisei|Reiwa)[^\S\n]++(?P<n>[1-9]\d?)(?!\d|[.,]\d)",
                     re.I)
# What either calendar's years need in a text, found in one pass that skips most characters by
# their first letter.
_QUICK_RX = re.compile(r"Reiwa|Heisei|Sh[oō]wa|Taish[oō]|Meiji|REIWA|HEISEI|SH[OŌ]WA|TAISH[OŌ]|MEIJI|B\.\s?E\.|BE[^\S\n]*+2"
                       r"|Buddhist|AH\b|A\.H\.|Muharram|Safar|Rabi|Jumad|Rajab|Sha[ʿʾ'’`]?ban|Rama[dḍz]|Shaww?al|Dhu")
# (one flat alternation of literals: the regex engine skips to their first letters; groups in it
# would make it try every character, eight times slower)
_ERA_NAMES = frozenset("reiwa heisei showa shōwa taisho taishō meiji".split())


def _calendar(word: str) -> str:
    """Return which calendar a ``_QUICK_RX`` match belongs to: "era", "be" or "hijri"."""
    if word.lower() in _ERA_NAMES:
        return "era"
    return "be" if word.startswith(("B.", "BE", "Buddhist")) else "hijri"


BE_OFFSET = 543
# (the mark before a year: "B.E." alone may be a degree, Bachelor of Engineering)
_BE_MARK_RX = re.compile(r"\b(?:B\.\s?E\.|BE)[^\S\n]*+2[4-6]\d\d\b|\bBuddhist[^\S\n]++Era\b")
_BE_YEAR_RX = re.compile(
    r"(?P<mark>(?:\bB\.\s?E\.|\bBE\b|\bBuddhist[^\S\n]++Era)[^\S\n]*+)?(?<![\d.,])(?P<y>2[4-6]\d\d)(?![\d]|[.,]\d)")
_GLOSS_RX = re.compile(r"[^\S\n]*+\((?P<y>(?:1[89]|20|21)\d\d)\)")
_GREGORIAN_BEFORE_RX = re.compile(r"(?<!\d)((?:1[89]|20)\d\d)[^\S\n]*+\Z")


# The Hijri months, as English texts spell them ("Rabi' al-Thani", "Rabi II", "Jumada al-Ula",
# "Sha'ban", "Dhu al-Hijjah", "Dhul-Qadah"), and a Hijri date: a day or two, the month, the year and
# the era's mark, or a year and the mark; a Gregorian gloss in brackets may follow.
_Q = "[ʿʾ'’`]?"
_HIJRI_MONTH = (r"Muharram|Safar|Rabi" + _Q + r"[\s-]++(?:al[\s-]++)?(?:Awwal|Thani|Akhir|II?\b)"
                r"|Jumad[ae][\s-]++(?:al[\s-]++)?(?:Ula|Oula|Awwal|Akhira?h?|Thani(?:ya)?h?|II?\b)|Rajab"
                r"|Sha" + _Q + r"ban|Rama[dḍz][aā]n|Shaww?al|Dhu" + _Q + r"[\s-]*+(?:al[\s-]++|l[\s-]++)?(?:Q[ai]" + _Q
                + r"dah?|Hijjah?)")
# (found by their month, or by the mark after a year alone: a pattern that may open on a day's
# digits is tried at every character, 25 times slower)
_HIJRI_MONTH_RX = re.compile(r"(?P<m>" + _HIJRI_MONTH + r")[^\S\n]++(?P<y>1[3-5]\d\d)(?:[^\S\n]*+(?:AH|A\.H\.|H)(?!\w))?")
_HIJRI_DAYS_BEFORE_RX = re.compile(r"(?<!\d)(?P<d>[0-3]?\d)(?:[^\S\n]*+[–-][^\S\n]*+(?P<d2>[0-3]?\d))?[^\S\n]++\Z")
_HIJRI_MARK_RX = re.compile(r"A(?:H|\.H\.)(?!\w)")
_HIJRI_YEAR_BEFORE_RX = re.compile(r"(?<![\d/.,-])1[3-5]\d\d[^\S\n]*+\Z")
_HIJRI_GLOSS_RX = re.compile(r"[^\S\n]*+\((?=[^()\n]{0,30}\b(?:19|20)\d\d\b)(?P<g>[^()\n]{4,40})\)"
                             # or in words: "15 Sha'ban 1445 H, corresponding to 25 February 2024"
                             r"|[^\S\n]*+,?[^\S\n]*+(?i:corresponding[^\S\n]++to|equivalent[^\S\n]++to)[^\S\n]++"
                             r"(?P<w>(?:\d{1,2}(?:[^\S\n]*+[–-][^\S\n]*+\d{1,2})?[^\S\n]++[A-Z][a-z]++\.?"
                             r"|[A-Z][a-z]++\.?[^\S\n]++\d{1,2}(?:[–-]\d{1,2})?,?)[^\S\n]++(?:19|20)\d\d)(?!\d)")


def hijri_month(name: str) -> int:
    """Return the number (1-12) of a Hijri month as ``_HIJRI_MONTH`` matched it."""
    n = name.lower()
    for key, number in (("muharram", 1), ("safar", 2), ("rajab", 7), ("ban", 8), ("ram", 9), ("shaw", 10),
                        ("hij", 12), ("dhu", 11)):
        if key in n:
            return number
    first = n.startswith("rabi")
    second = any(w in n for w in ("thani", "akhir", "ii"))
    return (4 if second else 3) if first else (6 if second else 5)


def _hijri_gregorian(year: int, month: int | None, day: str | None) -> str | None:
    """Return the Gregorian text of a Hijri day or month without a gloss ("2024-10-10", "2024-12-02
    to 2024-12-31"), or None where there is none (a year alone, a date out of the converter's range)."""
    if month is None:
        return None
    from hijridate import Hijri  # (only for a text that writes Hijri dates)
    try:
        if day:
            return Hijri(year, month, int(day)).to_gregorian().isoformat()
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
    except (ValueError, OverflowError):
        return None
    return f"{date.isoformat(first.to_gregorian())} to {date.isoformat(last.to_gregorian())}"


def _hijri_found(text: str) -> list[tuple[int, int, int, int | None, str | None]]:
    """Return the Hijri dates of ``text`` as (start, end, year, month or None, day or None), in
    order: a month and year with the day or days before it ("7 Rabi' al-Thani 1446 AH"; a range of
    days gets no day: it has no single one), and a year alone before the era's mark ("1442 AH")."""
    found = []
    for m in _HIJRI_MONTH_RX.finditer(text):
        days = _HIJRI_DAYS_BEFORE_RX.search(text, max(0, m.start() - 12), m.start())
        start = days.start() if days else m.start()
        day = None if days is None or days["d2"] else days["d"]
        found.append((start, m.end(), int(m["y"]), hijri_month(m["m"]), day))
    taken = [(a, b) for a, b, *_ in found]
    for mark in _HIJRI_MARK_RX.finditer(text):
        year = _HIJRI_YEAR_BEFORE_RX.search(text, max(0, mark.start() - 8), mark.start())
        if year is not None and not any(a <= year.start() < b for a, b in taken):
            found.append((year.start(), mark.end(), int(text[year.start():year.start() + 4]), None, None))
    return sorted(found)


def _hijri_dates(text: str, chars: list[str], spans: list[tuple[int, int]]) -> None:
    """Rewrite the Hijri dates of ``text`` in ``chars`` and add their stretches to ``spans``."""
    for start, end, year, month, day in _hijri_found(text):
        gloss = _HIJRI_GLOSS_RX.match(text, end)
        if gloss is not None:  # the gloss, out of its brackets or words, written where the date starts
            inner = gloss["g"] or gloss["w"]
            chars[start:gloss.end()] = list(inner.ljust(gloss.end() - start))
            spans.append((start, gloss.end()))
            continue
        written = _hijri_gregorian(year, month, day)
        if written is None or len(written) > end - start:
            written = ""
        chars[start:end] = list(written.ljust(end - start))
        spans.append((start, end))


def era_year(era: str, n: int) -> int:
    """Return the Gregorian year of year ``n`` of the Japanese era ``era`` ("Reiwa", 5: 2023)."""
    return ERAS[era.lower()] + n - 1


@lru_cache(maxsize=64)  # (the publication date, then the dates and the figures of a batch of texts ask in turn)
def gregorian_years(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Return ``text`` (same length) with Buddhist Era and Japanese era years as Gregorian ones and
    Hijri dates as Gregorian dates, and the stretches rewritten, each a year or a date with its mark
    and gloss ("B.E. 2564 (2021)", "11 Rabi' al-Thani 1446 AH (14 October 2024)"), in order."""
    # (most texts name no other calendar: one pass, case-sensitive, that says which ones a text may
    # write, where each may start; the checks that follow are slower)
    first: dict[str, int] = {}
    for quick in _QUICK_RX.finditer(text):
        first.setdefault(_calendar(quick.group()), quick.start())
    if not first:
        return text, ()
    has_be = "be" in first and _BE_MARK_RX.search(text, first["be"]) is not None
    has_era = "era" in first and _ERA_RX.search(text, first["era"]) is not None
    has_hijri = "hijri" in first and (_HIJRI_MONTH_RX.search(text, first["hijri"]) is not None
                                      or _HIJRI_MARK_RX.search(text, first["hijri"]) is not None)
    if not (has_be or has_era or has_hijri):
        return text, ()
    chars = list(text)
    spans: list[tuple[int, int]] = []
    if has_hijri:
        _hijri_dates(text, chars, spans)

    def put(start: int, end: int, year: int, gloss_from: int) -> None:
        """Write ``year`` right-aligned in ``[start, end)`` and blank a gloss repeating it."""
        span = end - start
        chars[start:end] = list(" " * (span - 4) + str(year))
        gloss = _GLOSS_RX.match(text, gloss_from)
        if gloss is not None and int(gloss["y"]) == year:
            chars[gloss.start():gloss.end()] = list(" " * (gloss.end() - gloss.start()))
            end = gloss.end()
        spans.append((start, end))

    if has_be:
        for m in _BE_YEAR_RX.finditer(text):
            year = int(m["y"]) - BE_OFFSET
            start = m.start("mark") if m["mark"] else m.start("y")
            put(start, m.end(), year, m.end())
    if has_era:
        for m in _ERA_RX.finditer(text):
            year = era_year(m["era"], int(m["n"]))
            before = _GREGORIAN_BEFORE_RX.search(text, max(0, m.start() - 10), m.start() - 1) \
                if text[max(0, m.start() - 1):m.start()] == "(" else None
            if before is not None and int(before.group(1)) == year and text.startswith(")", m.end()):
                chars[m.start() - 1:m.end() + 1] = list(" " * (m.end() + 1 - m.start() + 1))  # "FY2024 (Reiwa 6)"
                spans.append((before.start(1), m.end() + 1))
                continue
            put(m.start(), m.end(), year, m.end())
    return "".join(chars), tuple(sorted(spans))
