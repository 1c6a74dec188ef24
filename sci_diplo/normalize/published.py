"""The publication date a document states about itself (SCHEMA.md ``published``).

Signals, the first one in the opening ~2000 characters winning:

- a dateline: a line holding only a full date (masthead "THURSDAY, DECEMBER 23,
  2021"), "date 2021-12-19" or "Published: ..." at a line start, or a news
  dateline "BEIJING, Dec. 17, 2021 (Xinhua) --" or "NAIROBI, Kenya (AP) — March 5, 2025";
- a full date after a publication word on the same line: "was published on
  Dec 17 , 2021", "Updated 10:32, 17-Dec-2021", "Posted on ...", a video's "Premiered
  Oct 14, 2025", or after a
  byline ("By Jane Doe | 12/17/2021");
- a citation: a full date followed by a link ("*Journal*, December 17, 2021, <https://...>");
- a time stamp: an ISO date and a clock time ("Editor: Liu Yang  2024-12-05 18:42:07");
- in a chat's export (its first line a message's stamp, "[11/03/2024, 07:58] Dewi: ..."), the
  day of its last message; in an iCalendar export, the day of its latest event stamp (DTSTAMP);
  in a JSON export, the latest of its items' publication fields ("publishedAt");
- a page's meta tag ('property="article:published_time" content="2025-05-14T12:30:00+00:00"');
- with no full date: a month and year as a field of a masthead bar near the top
  ("Report No. 14 | September 2023" gives ``2023-09``);
- with none of those: a full date after "last edited", "last updated" or the like in the
  last 1000 characters, a page's footer ("This page was last edited on 9 October 2023"),
  financial statements' "authorised for issue ... on",
  or after a treaty's "Done at Lima on" before its signatures.

Without any, the estimate is the year (``YYYY``) of the latest full date in the
whole text that is not a deadline (after before/by/until); else None.

Only full dates matter here, so the text is not scanned whole: ``DAY_RX`` finds
where one may be, and ``dates.day_matches`` reads just the stretches around
those (from the last character before them that no expression can cross), giving
exactly the single days ``find_dates(text, None)`` gives. ``PublishedDates`` reads
a text once for both the stated date and the estimate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from sci_diplo.normalize import dates_grammar as g
from sci_diplo.normalize.dates import TITLE_DASH, day_matches, find_dates
from sci_diplo.normalize.dates_eras import gregorian_years
from sci_diplo.normalize.dates_scan import full_date_at, month_before
from sci_diplo.normalize.dates_triggers import project
from sci_diplo.normalize.readable import ICALENDAR_START_RX, message_stamp
from sci_diplo.normalize.types import DateMatch

HEAD_CHARS = 2000
# What may stand between a publication word and its date: "on", ":", a clock time or separators.
_TO_DATE = (r"(?:\s++on)?\s*+[:：,]?\s*+"
            r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*+(?:[ap]\.?m\.?)?\s*+(?:[A-Z]{2,5}\s*+)?[,|–—-]?\s*+)?(?:on\s++)?\Z")
# With no date in the head, a page's footer may give it: "This page was last edited on ...",
# "Page last updated: ..." ("last": a related story's "Published" line is no footer's); or a
# treaty's or a declaration's closing clause before its signatures: "Done at Lima on ...".
FOOTER_CHARS = 1000
_DONE_AT = (r"^[^\S\n]*+Done[^\S\n]++(?:at|in)[^\S\n]++[A-Z][\w.'’-]*+(?:[^\S\n]++[A-Z][\w.'’-]*+){0,2}"
            r"(?:,[^\S\n]*+[A-Z][\w.'’ -]{1,30}?)?,?[^\S\n]++(?:on|this)[^\S\n]++(?:the[^\S\n]++)?")
_FOOTER_BEFORE_RX = re.compile(
    r"(?i:\blast\s++(?:edited|updated|modified|reviewed)" + _TO_DATE + ")"
    # a newsletter's issue: "This issue went out on Friday 2 May 2025", "This newsletter was sent on"
    r"|(?i:\bthis\s++(?:issue|newsletter|edition|bulletin)\s++(?:went\s++out|was\s++(?:sent|published|issued))"
    r"\s++on\s++)\Z"
    # financial statements' last note: "These financial statements were authorised for issue by the
    # Governing Board on 23 April 2025"
    r"|(?i:\bauthori[sz]ed\s++for\s++issue\b[^\n.]{0,80}?\s++on\s++)\Z"
    r"|" + _DONE_AT + r"\Z", re.M)
# The same clause before a date written in words, which the footer's search by digits misses:
# "Done at Seoul on the twelfth day of May two thousand and twenty-four".
_DONE_AT_RX = re.compile(_DONE_AT, re.M)
# A place alone before a dateline's date in the footer: a letter's "Vienna, 23 February 2026" by
# its signature.
_SIGNED_AT_RX = re.compile(r"[^\S\n]*+[A-Z][\w.'’-]*+(?:[^\S\n]++(?:and[^\S\n]++)?[A-Z][\w.'’-]*+){0,3},[^\S\n]*+")
# What may follow it to the text's end: a few short lines of a signature or an address block, no
# date ("Dr. A. Weber\nDirector", a note's seal and addressee), not a list of related stories or
# upcoming events.
_SIGNATURE_AFTER_RX = re.compile(r"[^\S\n]*+(?:\n[^\S\n]*+(?:[^\d\n]{1,80})?){0,10}[^\S\n]*+")
# A letter's closing near it: "With warm regards,", "Yours sincerely".
_SIGN_OFF_RX = re.compile(
    r"(?i)\b(?:regards|sincerely|faithfully|respectfully|best wishes|yours truly|on behalf of"
    r"|(?:highest|high|distinguished)\s++consideration)\b")  # (a note verbale's closing)
# Not the date of an event a record or a call names: "Start date:", "Closing date:", "Due date".
_EVENT_DATE = "".join(rf"(?<!{w}\s)" for w in (
    "start", "end", "closing", "opening", "due", "expiry", "completion", "effective", "signature", "launch",
    "submission", "award", "decision", "target", "delivery", "payment", "entry", "departure", "arrival", "event"))
# A publication word (and where: "published in Nature"; a report "Tabled in Parliament", not a
# question "tabled on"), then only what ``_TO_DATE`` allows before the date.
_PUBLISHED_BEFORE_RX = re.compile(
    r"(?:<(?:[\w-]++:)?(?:\w*date|published|updated|issued)>"  # a feed's or a page's element: "<lastBuildDate>"
    # a page's meta tag or a JSON field: 'property="article:published_time" content="', '"publishedAt": "'
    r"|(?:published|date_?published|pub_?date)(?:_?time|_?at)?[\"']?(?:\s++content)?\s*+[:=]\s*+[\"']"
    r"|(?:published(?:\s++online)?|posted|updated|released|for\s++(?:immediate\s++)?release|issued|modified|edited|dated|"
    + _EVENT_DATE + r"date|dtg"
    # words that are a page's label only at a line's or a field's start ("captured 18 Mar 2024",
    # not "The image, captured on 5 May 2023 by ...")
    r"|\\date\{"  # a LaTeX source's "\date{7 June 2024}"
    r"|(?:(?<=\n)|(?<=[·|•\[]\s)|(?<=[·|•\[]))[^\S\n]*+(?:[#*_>]++[^\S\n]*+)?(?:premiered|aired|broadcast"
    r"|streamed(?:\s++live)?|available\s++online|captured|saved|archived"
    r"|(?:exported|generated)(?:\s++by\s++[A-Z][\w.'’-]*+(?:\s++[A-Z][\w.'’-]*+){0,3})?"  # "exported by Elin Berg on"
    # "Version 2.1 – 15 November 2024"
    r"|(?:(?:final|latest|revised|updated|current)\s++)?version(?:\s++(?:of|dated))?(?:\s++v?\d{1,2}(?:\.\d{1,2}){0,2}\s*+[,–—-]?)?"
    # a report handed in: "Submitted to the organising committee: 30 October 2023"
    r"|submitted\s++to\s++(?:the\s++)?[\w-]++(?:\s++[\w-]++){0,3}?\s*+:"
    # a report laid before a house of parliament, opening its line ("Tabled in the House of
    # Commons on ..."; not a motion "tabled in the House of Commons on 3 May" in the story)
    r"|(?:tabled|laid)\s++(?:in|before)\s++(?:the\s++)?[A-Z][\w-]*+(?:\s++(?:of\s++(?:the\s++)?)?[A-Z][\w-]*+){0,3}))"
    r"(?:\s++(?:in|to)\s++(?:the\s++)?[A-Z][\w-]*+)?)"
    + _TO_DATE,
    re.I,
)
# A document's issuer and place, opening a line near the top that the date ends: "Issued by the
# Permanent Secretariat, Istanbul, 28 November 2025" (not "issued by the ministry, Seoul, 3 April
# 2019" run on from a sentence, nor a cited work's "Issued by UNESCO, Paris, 3 November 2021, the").
_ISSUER_RX = re.compile(
    r"\A[^\S\n]*+[*_]*+(?:Issued|Published|Released)[^\S\n]++by[^\S\n]++(?:the[^\S\n]++)?[A-Z][\w&-]*+"
    r"(?:[^\S\n]++(?:(?:of|for|and)[^\S\n]++(?:the[^\S\n]++)?)?[A-Z][\w&-]*+){0,6}"
    r"[^\S\n]*+,[^\S\n]*+(?:[A-Z][\w.'’-]*+(?:[^\S\n]++[A-Z][\w.'’-]*+){0,2}[^\S\n]*+,[^\S\n]*+)?\Z")
ISSUER_CHARS = 400  # where such a line may be
_LINE_END_RX = re.compile(r"[^\S\n]*+[*_]*+[^\S\n]*+(?:\n|\Z)")
# A byline before the date on its line: "By Jane Doe | ", "By Li Wei, ", "Posted by Jess Tremblay · ".
_BYLINE_RX = re.compile(r"\s*+[*_]*+(?:Posted\s++by|By)\s++[A-Z][\w.'’ -]{1,60}?\s*+[|,–—·•-]\s*+\Z")
# An ISO date and a clock time right after it, ending its line or a field: a page's time stamp
# ("2024-12-05 18:42:07"; not "lost contact at 2024-03-05 18:42 UTC, the agency said").
ISO_STAMP_RX = re.compile(r"\d{4}-\d{2}-\d{2}")
# A clock time that ends the line of a date that opens it, or a field of it: "Fri 17 Jan 2025 06.00
# GMT", "May 6, 2025 12:47 PM GMT+1 · Updated 2 hours ago", a page's time stamp under its byline.
LINE_CLOCK_RX = re.compile(
    r"[^\S\n]*+,?[^\S\n]*+(?:at[^\S\n]++)?\d{1,2}[:.]\d{2}(?:[^\S\n]*+[aApP]\.?[mM]\.?)?"
    r"(?:[^\S\n]*+\(?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?[^\S\n]*+(?:\n|\Z|[·|•])"  # (a field after: "12:47 PM GMT+1 · Updated")
)
CLOCK_AFTER_RX = re.compile(r"[ T]\d{2}:\d{2}(?::\d{2})?(?:[^\S\n]*+\(?[A-Z]{2,5}\)?)?[^\S\n|·•]*+(?:[|·•]|\n|\Z)")
# A link right after the date: ", <https://...>", " https://", " www.".
_LINK_AFTER_RX = re.compile(r"\s*+[,.;]?\s*+<?(?:https?://|www\.)", re.I)
_DEADLINE = frozenset(("before", "by", "until"))
# A masthead field that is a month and a year, after another field on its line ("... | September
# 2023"), or alone on its line under a title ("April 2023" on a report's title page).
MASTHEAD_CHARS = 400
_MASTHEAD_MONTH_RX = re.compile(
    r"^(?:[^\n|·•]{1,60}[|·•]){0,4}[^\S\n]*+(?P<month>" + "|".join(sorted(g.MONTHS_ALONE)) + r")"
    r"[^\S\n]++(?P<year>(?:19|20)\d\d)[^\S\n]*+$",
    re.M | re.I,
)
# The text's first line, a periodical's title, a spaced dash and a month and year: "Press kit —
# September 2025" (not "Final programme — June 2026").
_TITLE_DASH_MONTH_RX = re.compile(
    r"\s*+" + TITLE_DASH + r"(?P<month>" + "|".join(sorted(g.MONTHS_ALONE)) + r")"
    r"[^\S\n]++(?P<year>(?:19|20)\d\d)[^\S\n]*+$",
    re.M | re.I,
)
# The projection of dates_triggers reduced to ASCII digits ("0") and spaces.
_DIGITS = bytes(ord("0") if 48 <= b <= 57 else ord(" ") for b in range(256))
# An ASCII digit after no ASCII digit (byte ``k + 1`` of a projection is character ``k``), and
# an unknown character of the projection, which may be a digit past Latin-1. Both patterns
# are literal: ``re`` finds them without entering a pattern.
_DIGIT_AFTER_RX = re.compile(rb" 0")
_UNKNOWN_RX = re.compile(rb"\?")
# How far past its last full date a stretch is read: a range partner ("to 2022")
# starts within 12 characters, its trigger ("twentieth century") within 64.
_REACH = 64


def find_published(text: str, estimate: bool = True) -> str | None:
    """Return the document's own publication date (``YYYY-MM-DD``, or ``YYYY`` as an estimate), or None.

    With ``estimate=False`` only a date the text states as its own counts.
    """
    if not isinstance(text, str) or not text:
        return None
    dates = PublishedDates(text)
    return dates.stated_or_estimate() if estimate else dates.stated


class PublishedDates:
    """The dates ``find_published`` reads in one text, each part read once, when first asked for.

    The stated date is read in the head, the estimate in the whole text, with the
    full dates that may start in each (``_date_starts``). Before the end of the
    head's last ``g.SYNC_RX`` character, those are the same for both, since no
    date shape holds one: that stretch is scanned once.
    """

    def __init__(self, text: str) -> None:
        # (other calendars' dates as Gregorian ones, offsets kept: "Riyadh, Monday 11 Rabi' al-Thani
        # 1446 AH (14 October 2024)" is a dateline)
        self.text = text = gregorian_years(text)[0]
        self.head = text[:HEAD_CHARS + 200]
        last_sync = g.LAST_SYNC_RX.match(self.head)
        self.cut = last_sync.end() if last_sync else 0
        # Projected once (dates_triggers), for the digits and the scanner's triggers; the
        # head's is the whole text's cut where the head ends.
        self.proj = project(text)
        self.head_proj = self.proj[:len(self.head) + 1]
        self.digits = self.proj.translate(_DIGITS)
        self.early = _date_starts(text, self.proj, self.digits, 0, self.cut)
        self.head_starts = self.early + _date_starts(text, self.proj, self.digits, self.cut, len(self.head))
        self.head_days = _Days(self.head, self.head_proj, self.head_starts)

    @cached_property
    def stated(self) -> str | None:
        """The date the text states as its own (``find_published(text, estimate=False)``), or None."""
        if message_stamp(self.text, 0) is not None:
            return _last_message_day(self.text)
        if ICALENDAR_START_RX.match(self.text) is not None:
            return _latest_stamp(self.text)
        if self.text.lstrip()[:1] in ("{", "[") and (latest := _latest_json_published(self.text)) is not None:
            return latest
        first = _first_stated(self.head, self.head_days)
        if first is not None:
            return first
        month = masthead_month(self.head)
        if month is not None and self.footer is not None and self.footer.startswith(month):
            return self.footer  # the masthead's month, the footer's day
        return month or self.footer

    @cached_property
    def footer(self) -> str | None:
        """The first date after "last edited", "last updated" or the like in the last
        ``FOOTER_CHARS`` ("This page was last edited on 9 October 2023", "Done at Lima on 18
        September 2024"), or None."""
        pos = max(0, len(self.text) - FOOTER_CHARS)  # (in a short text, within the head too)
        starts = _date_starts(self.text, self.proj, self.digits, pos, len(self.text))
        for match in _Days(self.text, self.proj, starts).in_order():
            line_start = self.text.rfind("\n", 0, match.start) + 1
            if match.start >= pos and (
                    match.dateline and _SIGNED_AT_RX.fullmatch(self.text, line_start, match.start)
                    and _SIGNATURE_AFTER_RX.fullmatch(self.text, match.end)
                    and _SIGN_OFF_RX.search(self.text, max(0, match.start - 300))
                    or _FOOTER_BEFORE_RX.search(self.text, max(line_start, match.start - 60), match.start)):
                return match.value
        done = _DONE_AT_RX.search(self.text, pos)
        if done is not None:
            said = find_dates(self.text[done.end():done.end() + 120], None)
            if said and said[0].start == 0 and said[0].value and len(said[0].value) == 10:
                return said[0].value
        return None

    def stated_or_estimate(self) -> str | None:
        """Return ``find_published(text)``: the stated date, else the estimate, or None.

        Read with the whole text's starts, the head states the same date unless those
        differ near the head's end (a date cut there by the head); it is then read again.
        """
        if len(self.head) == len(self.text):
            return self.stated or _latest_year(self.head_days)
        starts = self.early + _date_starts(self.text, self.proj, self.digits, self.cut, len(self.text))
        head_starts = [s for s in starts if s < len(self.head)]
        if head_starts == self.head_starts:
            stated = self.stated
        else:
            stated = _first_stated(self.head, _Days(self.head, self.head_proj, head_starts))
            stated = stated or masthead_month(self.head) or self.footer
        return stated or _latest_year(_Days(self.text, self.proj, starts))


# An iCalendar export's stamps of its events ("DTSTAMP:20240226T081500Z"; read or not as ISO dates).
_ICAL_STAMP_RX = re.compile(r"^DTSTAMP(?:;[^:\n]*+)?:[^\S\n]*+((?:19|20)\d\d)-?(\d\d)-?(\d\d)", re.M)


def _latest_stamp(text: str) -> str | None:
    """Return the day of the latest event stamp of an iCalendar export: when it was last exported."""
    days = [f"{y}-{m}-{d}" for y, m, d in _ICAL_STAMP_RX.findall(text)]
    return max(days) if days else None


# A JSON export's field of an item's publication: '"publishedAt": "2024-09-11T09:20:00Z"'.
_JSON_PUBLISHED_RX = re.compile(
    r'"(?:published(?:_?[Aa]t|_?[Tt]ime|_?[Dd]ate)?|date_?[Pp]ublished|pub_?[Dd]ate)"\s*+:\s*+"((?:19|20)\d\d-\d\d-\d\d)')


def _latest_json_published(text: str) -> str | None:
    """Return the day of the latest item's publication field in a JSON export (a news API's
    articles): the export is as recent as its newest item. None if it has none."""
    days = _JSON_PUBLISHED_RX.findall(text)
    return max(days) if days else None


def _last_message_day(text: str) -> str | None:
    """Return the day of the last message of a chat's export (its first line a message's stamp,
    ``message_stamp``): the export is as recent as that message. None if the day has no value."""
    pos = len(text)
    while pos > 0:
        line_start = text.rfind("\n", 0, pos - 1) + 1
        stamp = message_stamp(text, line_start)
        if stamp is not None:
            at = stamp.start("bracketed") if stamp["bracketed"] else stamp.start("dashed")
            day = next((d for d in find_dates(text, None) if d.start == at), None)
            return day.value if day is not None and day.value and len(day.value) == 10 else None
        pos = line_start
    return None


def masthead_month(head: str) -> str | None:
    """Return ``YYYY-MM`` when a field of a report's or magazine's masthead bar near the top is
    a month and year alone ("Report No. 14 | September 2023", "Issue 3 · March 2022"), or a line
    is ("April 2023" under a report's title), else None."""
    m = _MASTHEAD_MONTH_RX.search(head, 0, MASTHEAD_CHARS)
    if m is None:
        m = _TITLE_DASH_MONTH_RX.match(head)
        return None if m is None else f"{m['year']}-{g.MONTHS[m['month'].lower()]:02d}"
    before = head.rfind("\n", 0, max(0, m.start() - 1)) + 1
    after = head.find("\n", m.end() + 1)
    if "|" in m.group() and ("|" in head[before:m.start()] or "|" in head[m.end():after if after >= 0 else len(head)]):
        return None  # a table's row ("Newton Fund | Kenya | March 2014" under "Project | Partner | Start")
    if not any(sep in m.group() for sep in "|·•") and (
            not head.startswith("\n\n", m.end()) and m.end() < len(head)
            or sum(1 for _ in _MASTHEAD_MONTH_RX.finditer(head, 0, MASTHEAD_CHARS)) > 1):
        return None  # a month alone on its line heads a section ("July 2018\nThe EU and Japan sign ...")
    return f"{m['year']}-{g.MONTHS[m['month'].lower()]:02d}"


# A label of a version before the published one ("Revised version, 2 September 2025 | Final
# version, 6 October 2025"), and of the published one.
_PROVISIONAL_RX = re.compile(r"(?i)\b(?:revised|draft|received|submitted|accepted)\b[^\n]{0,25}\Z")
_FINAL_RX = re.compile(r"(?i)\b(?:final\s++version|published(?:\s++online)?)\b[^\n]{0,25}\Z")


def _first_stated(head: str, days: _Days) -> str | None:
    """Return the first single day in the first ``HEAD_CHARS`` that signals publication, or None;
    after a provisional version's label, the final version's or the publication's day that
    follows it, if one does."""
    first = None
    for match in days.in_order():
        if match.start >= HEAD_CHARS:
            break
        if not signals_publication(head, match):
            continue
        before = head[max(0, match.start - 40):match.start]
        if first is None:
            if not _PROVISIONAL_RX.search(before):
                return match.value
            first = match.value
        elif _FINAL_RX.search(before):
            return match.value
    return first


# A sentence that cites another document before its date: "with reference to the Ministry's Note
# No. 1187 dated 3 June 2024".
_CITING_RX = re.compile(r"(?i)\b(?:with\s++reference\s++to|in\s++(?:reply|response)\s++to|further\s++to"
                        r"|pursuant\s++to|referring\s++to|refers\s++to)\b[^\n;]*+\Z")


def signals_publication(text: str, match: DateMatch) -> bool:
    """Return True when ``match`` is a dateline, follows a publication word or precedes a link."""
    if match.dateline:
        return True
    line_start = text.rfind("\n", 0, match.start) + 1
    if _CITING_RX.search(text, max(line_start, match.start - 120), match.start):
        return False
    # (a line break before it when the line starts within reach: a label must open its line)
    before = ("\n" if line_start >= match.start - 60 else "") + text[max(line_start, match.start - 60):match.start]
    if _PUBLISHED_BEFORE_RX.search(before) or _BYLINE_RX.match(text, line_start, match.start):
        return True
    if match.start < ISSUER_CHARS and _ISSUER_RX.match(text[line_start:match.start]) \
            and _LINE_END_RX.match(text, match.end):
        return True  # "Issued by the Permanent Secretariat, Istanbul, 28 November 2025"
    if ISO_STAMP_RX.fullmatch(text, match.start, match.end) and CLOCK_AFTER_RX.match(text, match.end):
        return True  # a time stamp: "Source: Xinhua  Editor: Liu Yang  2024-12-05 18:42:07"
    if not text[line_start:match.start].strip(" \t*_#>") and LINE_CLOCK_RX.match(text, match.end):
        return True  # a line of a date and a clock time: "Fri 17 Jan 2025 06.00 GMT"
    return _LINK_AFTER_RX.match(text, match.end) is not None


def _latest_year(days: _Days) -> str | None:
    """Return the year of the latest full date that is not a deadline, or None.

    Candidates are tried from the latest value down; once a candidate's stretch is
    read, every single day in it is known, so the first value with a day that is
    no deadline is the latest one.
    """
    for value, i in sorted(((c[0], i) for i, c in enumerate(days.cands)), reverse=True):
        days.read(i)
        if value in days.open_values:
            return value[:4]
    return None


def _date_starts(text: str, proj: bytes, digits: bytes, pos: int, end: int) -> list[int]:
    """Return where a full date may start in ``text[pos:end]`` read as if the text ended at ``end``:
    a superset of where one does, sorted. A month found before a day stands after any sync
    character before the day, so after ``pos`` when ``text[pos - 1]`` is one.

    ``proj`` is the text's projection (dates_triggers) and ``digits`` the same with every
    ASCII digit ``0`` and every other character a space: DAY_RX is tried only where a digit run may start, which
    ``re`` finds without entering a pattern (searching with DAY_RX itself tests each
    character for a Unicode digit).
    """
    starts = []
    for day in _digit_starts(text, proj, digits, pos, end):
        mt = g.DAY_RX.match(text, day, end)
        if mt is None:
            continue
        starts.append(day)
        if mt["md"] is not None:  # a day and a year: the month may stand before the day
            month = month_before(text, day)
            if month >= 0:
                starts.append(month)
    return sorted(set(starts))


def _digit_starts(text: str, proj: bytes, digits: bytes, pos: int, end: int) -> list[int]:
    """Return, sorted, positions in ``text[pos:end]`` that include every digit that follows no digit."""
    found = [m.start() for m in _DIGIT_AFTER_RX.finditer(digits, pos, end + 1)]
    unknown = [m.start() - 1 for m in _UNKNOWN_RX.finditer(proj, pos + 1, end + 1) if text[m.start() - 1].isdecimal()]
    return sorted(found + unknown) if unknown else found


class _Days:
    """The single-day matches of ``find_dates(text, None)``, read around candidate dates only.

    Candidates are ``(value, start, end)`` of the full dates read at the given
    starts. Those not parted by a character of ``g.SYNC_RX`` form a stretch, read
    in one scan when one of them is first asked about.
    """

    def __init__(self, text: str, proj: bytes, starts: list[int]) -> None:
        self.text = text
        self.proj = proj
        self.cands: list[tuple[str, int, int]] = []
        for start in starts:
            atom = full_date_at(text, start)
            if atom is not None:
                y, m, d = atom.lo
                self.cands.append((f"{y:04d}-{m:02d}-{d:02d}", atom.start, atom.end))
        self.open_values: set[str] = set()  # values of the days read that are no deadline
        self.done = [False] * len(self.cands)

    def in_order(self) -> Iterator[DateMatch]:
        """Yield the single days in text order."""
        for i in range(len(self.cands)):
            if not self.done[i]:
                yield from self.read(i)

    def read(self, i: int) -> list[DateMatch]:
        """Read the stretch of candidate ``i`` unless done; return the single days newly read."""
        if self.done[i]:
            return []
        first = last = i
        while first > 0 and not self._parted(first - 1):
            first -= 1
        while last + 1 < len(self.cands) and not self._parted(last):
            last += 1
        text, cands = self.text, self.cands
        lo = g.LAST_SYNC_RX.match(text, cands[first - 1][2] if first else 0, cands[first][1])
        end = max(c[2] for c in cands[first:last + 1])  # a bogus candidate may lie inside another
        hi = end + _REACH
        if last + 1 < len(cands):  # the sync character parting it from the next stretch
            hi = min(hi, g.SYNC_RX.search(text, end, cands[last + 1][1]).start())
        days = day_matches(text, lo.end() if lo else 0, hi, self.proj)
        for k in range(first, last + 1):
            self.done[k] = True
        self.open_values.update(m.value for m in days if m.relation not in _DEADLINE)
        return days

    def _parted(self, i: int) -> bool:
        """Return True when a sync character stands between candidates ``i`` and ``i + 1``."""
        return g.SYNC_RX.search(self.text, self.cands[i][2], self.cands[i + 1][1]) is not None
