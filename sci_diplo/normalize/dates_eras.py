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

Pure functions, no spaCy.
"""

from __future__ import annotations

import re

# The first Gregorian year of each Japanese era (its year 1).
ERAS = {"meiji": 1868, "taisho": 1912, "taishō": 1912, "showa": 1926, "shōwa": 1926, "heisei": 1989,
        "reiwa": 2019}
_ERA_RX = re.compile(r"\b(?P<era>Meiji|Taish[oō]|Sh[oō]wa|Heisei|Reiwa)[^\S\n]++(?P<n>[1-9]\d?)(?!\d|[.,]\d)",
                     re.I)
# What either calendar's years need in a text, found in one pass that skips most characters by
# their first letter.
_QUICK_RX = re.compile(r"Reiwa|Heisei|Sh[oō]wa|Taish[oō]|Meiji|REIWA|HEISEI|SH[OŌ]WA|TAISH[OŌ]|MEIJI|B\.\s?E\.|BE[^\S\n]*+2"
                       r"|Buddhist")
BE_OFFSET = 543
# (the mark before a year: "B.E." alone may be a degree, Bachelor of Engineering)
_BE_MARK_RX = re.compile(r"\b(?:B\.\s?E\.|BE)[^\S\n]*+2[4-6]\d\d\b|\bBuddhist[^\S\n]++Era\b")
_BE_YEAR_RX = re.compile(
    r"(?P<mark>(?:\bB\.\s?E\.|\bBE\b|\bBuddhist[^\S\n]++Era)[^\S\n]*+)?(?<![\d.,])(?P<y>2[4-6]\d\d)(?![\d]|[.,]\d)")
_GLOSS_RX = re.compile(r"[^\S\n]*+\((?P<y>(?:1[89]|20|21)\d\d)\)")
_GREGORIAN_BEFORE_RX = re.compile(r"(?<!\d)((?:1[89]|20)\d\d)[^\S\n]*+\Z")


def era_year(era: str, n: int) -> int:
    """Return the Gregorian year of year ``n`` of the Japanese era ``era`` ("Reiwa", 5: 2023)."""
    return ERAS[era.lower()] + n - 1


def gregorian_years(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Return ``text`` (same length) with Buddhist Era and Japanese era years as Gregorian ones,
    and the stretches rewritten, each a year with its mark and gloss ("B.E. 2564 (2021)"), in order."""
    quick = _QUICK_RX.search(text)  # (most texts name neither calendar: one pass, case-sensitive)
    if quick is None:
        return text, []
    has_be = _BE_MARK_RX.search(text, quick.start()) is not None
    has_era = _ERA_RX.search(text, quick.start()) is not None
    if not (has_be or has_era):
        return text, []
    chars = list(text)
    spans: list[tuple[int, int]] = []

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
    return "".join(chars), sorted(spans)
