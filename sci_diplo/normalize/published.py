"""The publication date a document states about itself (SCHEMA.md ``published``).

Signals, the first one in the opening ~2000 characters winning:

- a dateline: a line holding only a full date (masthead "THURSDAY, DECEMBER 23,
  2021"), "date 2021-12-19" or "Published: ..." at a line start, or a news
  dateline "BEIJING, Dec. 17, 2021 (Xinhua) --";
- a full date after a publication word on the same line: "was published on
  Dec 17 , 2021", "Updated 10:32, 17-Dec-2021", "Posted on ...", or after a
  byline ("By Jane Doe | 12/17/2021");
- a citation: a full date followed by a link ("*Journal*, December 17, 2021, <https://...>").

Without any, the estimate is the year (``YYYY``) of the latest full date in the
whole text that is not a deadline (after before/by/until); else None.
"""

from __future__ import annotations

import re

from sci_diplo.normalize.dates import find_dates
from sci_diplo.normalize.types import DateMatch

HEAD_CHARS = 2000
# A publication word, then only spaces, "on", ":", a clock time or separators before the date.
_PUBLISHED_BEFORE_RX = re.compile(
    r"(?:published|posted|updated|released|issued|modified|dated|date)(?:\s++on)?\s*+[:：]?\s*+"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*+(?:[ap]\.?m\.?)?\s*+(?:[A-Z]{2,5}\s*+)?[,|–—-]?\s*+)?(?:on\s++)?\Z",
    re.I,
)
# A byline before the date on its line: "By Jane Doe | ", "By Li Wei, ".
_BYLINE_RX = re.compile(r"\s*+[*_]*+By\s++[A-Z][\w.'’ -]{1,60}?\s*+[|,–—-]\s*+\Z")
# A link right after the date: ", <https://...>", " https://", " www.".
_LINK_AFTER_RX = re.compile(r"\s*+[,.;]?\s*+<?(?:https?://|www\.)", re.I)
_DAY_VALUE_RX = re.compile(r"-?\d{4}-\d{2}-\d{2}")
_DEADLINE = frozenset(("before", "by", "until"))


def find_published(text: str, estimate: bool = True) -> str | None:
    """Return the document's own publication date (``YYYY-MM-DD``, or ``YYYY`` as an estimate), or None.

    With ``estimate=False`` only a date the text states as its own counts.
    """
    if not isinstance(text, str) or not text:
        return None
    head = text[:HEAD_CHARS + 200]
    for match in find_dates(head, None):
        if match.start >= HEAD_CHARS:
            break
        if _is_day(match) and _signals_publication(head, match):
            return match.value
    return _latest_year(text) if estimate else None


def _is_day(match: DateMatch) -> bool:
    return match.kind == "absolute" and match.value is not None and _DAY_VALUE_RX.fullmatch(match.value) is not None


def _signals_publication(text: str, match: DateMatch) -> bool:
    """Return True when ``match`` is a dateline, follows a publication word or precedes a link."""
    if match.dateline:
        return True
    line_start = text.rfind("\n", 0, match.start) + 1
    before = text[max(line_start, match.start - 60):match.start]
    if _PUBLISHED_BEFORE_RX.search(before) or _BYLINE_RX.match(text, line_start, match.start):
        return True
    return _LINK_AFTER_RX.match(text, match.end) is not None


def _latest_year(text: str) -> str | None:
    """Return the year of the latest full date that is not a deadline, or None."""
    days = [m.value for m in find_dates(text, None) if _is_day(m) and m.relation not in _DEADLINE]
    if not days:
        return None
    return max(days)[:4]
