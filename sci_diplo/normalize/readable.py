"""Text as the finders read it: the same length and offsets, with what scraped text leaves in
(HTML entities, characters that show nothing, tags) read as what it stands for.

The evidence still quotes the text as it was read: only the finders see this form.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

# HTML entities that scraped text or a page's source keeps: "&nbsp;", "&amp;", "&euro;", "&ndash;",
# "&#8217;", "&deg;", "&oslash;" (a name not known to HTML stays as written).
_ENTITY_RX = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Characters that show nothing, read as spaces: zero-width spaces and joiners, and a byte
# order mark inside the text. "3\u200b000\u200b000" is 3 000 000 and "South\u200bAfrica" ZAF.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARS), " ")
# Full-width forms of ASCII, as East Asian text and PDFs converted from it write them ("２０２５年３月
# ２７日", "ＪＳＴ", "１５％"), and the ideographic space: read as their ASCII characters, in place.
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FULL_WIDTH_RX = re.compile("[\uff01-\uff5e\u3000]")


def _has_full_width(text: str) -> bool:
    """Whether ``text`` holds a full-width form or the ideographic space. Their UTF-8 lead bytes
    (EF, E3) are looked for first, by a byte search (the pattern alone, a character class tried at
    every character, cost six times as much)."""
    try:
        raw = text.encode("utf-8")  # (strict: the fast path; a handler of errors would slow every text)
    except UnicodeEncodeError:  # a lone surrogate
        return _FULL_WIDTH_RX.search(text) is not None
    return (raw.find(b"\xef") >= 0 or raw.find(b"\xe3") >= 0) and _FULL_WIDTH_RX.search(text) is not None

Run = tuple[int, int]


def line_end(text: str, start: int) -> int:
    """Return where the line that holds ``start`` ends (its line break, or the text's end)."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


# A chat export's message line opens with its stamp and its sender: "[11/03/2024, 07:58] Dewi:
# ..." (WhatsApp on iOS, also with seconds), "11/03/2024, 07:58 - Dewi: ..." (on Android), "[2024-03-11
# 07:58] dewi: ...". The stamp dates the message, not what it says; each message is a sentence and a
# paragraph of its own. (A blog's "2025-06-11 16:05 UTC — Orbit raised" has no sender: it is a heading.)
_MESSAGE_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"
_MESSAGE_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]?[AaPp]\.?[Mm]\.?)?"
MESSAGE_STAMP_RX = re.compile(
    r"[^\S\n]*+(?:\[(?P<bracketed>" + _MESSAGE_DATE + r"),?[^\S\n]++" + _MESSAGE_TIME + r"\]"
    r"|(?P<dashed>" + _MESSAGE_DATE + r"),[^\S\n]++" + _MESSAGE_TIME + r"[^\S\n]++[-–])"
    r"[^\S\n]++[^:\n]{1,60}?:(?=[^\S\n]|\n|\Z)")


def message_stamp(text: str, line_start: int) -> re.Match[str] | None:
    """Return the match of a chat message's stamp and sender opening the line at ``line_start``
    (``MESSAGE_STAMP_RX``), or None."""
    c = text[line_start:line_start + 1]
    if c != "[" and not c.isdigit() and c not in " \t":
        return None
    return MESSAGE_STAMP_RX.match(text, line_start)


def _decoded(m: re.Match[str]) -> str:
    """An entity's character; white space and characters that show nothing as a space, a soft
    hyphen as nothing."""
    c = html.unescape(m.group())
    if c.isspace() or c in INVISIBLE_CHARS:
        return " "
    return "" if c == "\u00ad" else c


def readable_runs(text: str) -> tuple[str, list[Run]]:
    """Return ``text`` as the finders read it, and the runs of characters rewritten.

    Each run of non-blank characters that holds an HTML entity of white space, "&amp;" or a
    currency sign is read with its entities decoded, left-aligned and padded with spaces to its
    length: "3&nbsp;500 scientists" reads "3 500      scientists", "&euro;25&nbsp;million" reads
    "€25 million" and ten spaces. So every offset outside the runs stays the same, and a
    match that starts or ends inside a run is to be taken to its edge (``snap``). The
    characters that show nothing (zero-width spaces) and markup's tags (``_MARKUP_RX``) are read
    as spaces, and full-width characters as ASCII ("２０２５" as "2025"), in place; a word
    hyphenated across a line's end is read whole, as a run (``_rejoin_hyphenated``).
    """
    runs: list[Run] = []
    if "&" in text:
        text, runs = _applied(text, runs, _run_edits(text, _ENTITY_RX, runs, lambda run: _ENTITY_RX.sub(_decoded, run)))
    if not text.isascii() and any(c in text for c in INVISIBLE_CHARS):  # (a search is faster than translate)
        text = text.translate(_INVISIBLE)
    if not text.isascii() and _has_full_width(text):
        text = text.translate(_FULL_WIDTH)  # "２０２５", "ＦＹ２０２９", "５，２００": as ASCII, in place
    if "</" in text or "]]>" in text:
        text = _MARKUP_RX.sub(_blank, text)
    if "T)" in text:
        text = _ZONE_IN_DATE_RX.sub(lambda m: _blank(m) if m.string[:m.start()].rstrip()[-1:].isdigit() else m.group(), text)
    if in_capitals(text):
        text = _sentence_cased(text)  # a cable or a fax in capitals
    if len(text) > _LOWER_CASE_MIN and _LOWER_START_RX.search(text, 0, _HEAD) is not None \
            and len(_UPPER_RX.findall(text, 0, _HEAD)) * 100 < min(len(text), _HEAD):
        text = _true_cased(text)  # (under one letter in 100 a capital: a transcript in lower case, its header aside)
    if "\\" in text and text.lstrip()[:1] in ("{", "["):
        text = _JSON_ESCAPE_RX.sub(_json_unescaped, text)  # a JSON export's strings: "\\u201cTwenty", "\\n"
    if "\\" in text and _LATEX_RX.search(text) is not None:
        text, runs = _latex_read(text, runs)
    if ICALENDAR_START_RX.match(text) is not None:
        text, runs = _icalendar_read(text, runs)
    if "-\n" in text or not text.isascii() and "–\n" in text:
        text, runs = _rejoin_hyphenated(text, runs)
    return text, runs


# A word hyphenated across a line's end, as text set in columns, scanned or converted from a PDF
# carries it: "coopera-" / "tion", "Septem-" / "ber 2022", "16 re-" / "searchers". Read whole; a
# compound's hyphen stays where the part before it is a word that opens compounds ("early-" /
# "career", "two-" / "year") or the part after it is capitalised ("Sino-" / "African"), as a
# dash between two names does ("Amazon–" / "Arctic Research Fellowship Scheme").
_HYPHENATED_RX = re.compile(r"\b([A-Za-z][a-z]*+)(?:-|(–)(?=\n[^\S\n]*+[A-Z]))\n[^\S\n]*+([A-Za-z][a-z]++)\b")
_LINE_END_DASH_RX = re.compile(r"[-–]\n")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
COMPOUND_FIRSTS = frozenset(
    """early late long short mid well high low full part half self cross non multi inter state world
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
    thousand million first second third fourth fifth year day week month time co""".split())


def _rejoin_hyphenated(text: str, runs: list[Run]) -> tuple[str, list[Run]]:
    """Return ``text`` with its words hyphenated across a line's end (``_HYPHENATED_RX``) read
    whole, left-aligned and padded with spaces to their length ("Septem-\nber" reads
    "September  "), and ``runs`` with theirs, in order (one that would cross a run already
    rewritten is left)."""
    edits, last = [], 0
    for brk in _LINE_END_DASH_RX.finditer(text):  # (from each dash that ends a line, back to its word)
        k = brk.start()
        while k > last and text[k - 1] in _ASCII_LETTERS:
            k -= 1
        m = _HYPHENATED_RX.match(text, k)
        if m is None:
            continue
        a, b = m.span()
        if _crosses(runs, a, b):
            continue
        first, dash, second = m[1], m[2] or "-", m[3]
        keep = second[0].isupper() or first.lower() in COMPOUND_FIRSTS
        edits.append((a, b, first + (dash if keep else "") + second))
        last = b
    return _applied(text, runs, edits)


# A LaTeX source ("\\documentclass", "\\begin{document}", "\\section{"): its typesetting inside a run of
# characters is read as what it prints: "420~km" as "420 km", "40\\%" as "40%", "$\\sim 40\\%$" as "~ 40%",
# "2021--2023" as "2021–2023", "300\\,000" as "300000", "$3 \\times 10^{6}$" as "3e6".
_LATEX_RX = re.compile(r"\\(?:documentclass|begin\{(?:document|abstract)\}|(?:sub)*section\*?\{)")
_LATEX_TOKEN_RX = re.compile(r"\\(?:sim|approx|times|cdot)(?![A-Za-z])|\\[%,;:! ]|~|\$|---?|\^\{[^{}\s]{1,6}\}")
_LATEX_POWER_RX = re.compile(r"\$?(?P<a>\d+(?:\.\d+)?)[^\S\n]*+\\times[^\S\n]*+10\^\{?(?P<n>-?\d{1,3})\}?\$?")
_LATEX_PRINTS = {"\\sim": "~", "\\approx": "~", "\\times": "×", "\\cdot": "×", "\\%": "%", "~": " ", "$": "",
                 "--": "–", "---": "—"}


def _latex_read(text: str, runs: list[Run]) -> tuple[str, list[Run]]:
    """Return ``text`` with LaTeX's typesetting read in each run of characters that holds some
    (``_LATEX_TOKEN_RX``; a power of ten, "$3 \\times 10^{6}$", whole, as "3e6"), left-aligned and
    padded with spaces to its length, and ``runs`` with those runs, in order (a run already
    rewritten is left)."""
    edits = [(m.start(), m.end(), f"{m['a']}e{m['n']}") for m in _LATEX_POWER_RX.finditer(text)
             if not _crosses(runs, m.start(), m.end())]
    edits += _run_edits(text, _LATEX_TOKEN_RX, runs + [(a, b) for a, b, _ in edits],
                        lambda run: _LATEX_TOKEN_RX.sub(_latex_print, run))
    return _applied(text, runs, edits)


def _run_edits(text: str, rx: re.Pattern[str], taken: list[Run], read: Callable[[str], str]) -> list[tuple[int, int, str]]:
    """Return (start, end, reading) of each run of non-blank characters of ``text`` that holds a
    match of ``rx`` and crosses no run of ``taken``, read by ``read``."""
    edits, last, end = [], 0, len(text)
    for m in rx.finditer(text):
        if m.start() < last:
            continue  # in a run already read
        a, b = m.start(), m.end()
        while a > last and not text[a - 1].isspace():
            a -= 1
        while b < end and not text[b].isspace():
            b += 1
        last = b
        if not _crosses(taken, a, b):
            edits.append((a, b, read(text[a:b])))
    return edits


def _crosses(runs: list[Run], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps any of ``runs``."""
    return any(a < end and start < b for a, b in runs)


def _applied(text: str, runs: list[Run], edits: list[tuple[int, int, str]]) -> tuple[str, list[Run]]:
    """Return ``text`` with each edit's reading written over its stretch, left-aligned and padded
    to its length, and ``runs`` with those stretches, in order."""
    if not edits:
        return text, runs
    pieces, last = [], 0
    for a, b, read in sorted(edits):
        pieces += [text[last:a], read.ljust(b - a)]
        last = b
    return "".join(pieces) + text[last:], sorted(runs + [(a, b) for a, b, _ in edits])


def _latex_print(m: re.Match[str]) -> str:
    token = m.group()
    if token.startswith("^{"):
        return "^" + token[2:-1]  # "10^{6}": a power
    return _LATEX_PRINTS.get(token, "")  # thin and other spaces ("\\,") print as nothing here


# An iCalendar export (".ics": "BEGIN:VCALENDAR", then "DTSTART:20240312T090000Z", "SUMMARY:...",
# "DESCRIPTION:...\\, ...\\n..."): a property's date or date-time value is read as the ISO date it
# is ("2024-03-12"), and a text value's escapes as what they stand for ("300\\,000" as "300,000";
# "\\n", a line break, as blanks).
ICALENDAR_START_RX = re.compile(r"\s*+BEGIN:VCALENDAR")  # (matched, not a copy of the text stripped)
_ICAL_DATE_RX = re.compile(r"(?m)^(?:DT[A-Z]++|LAST-MODIFIED|CREATED|DUE|RECURRENCE-ID|COMPLETED)(?:;[^:\n]*+)?:"
                           r"(?P<d>(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?:T\d{6}Z?)?[^\S\n]*+$")
_ICAL_ESCAPE_RX = re.compile(r"\\[,;nN\\]")


def _icalendar_read(text: str, runs: list[Run]) -> tuple[str, list[Run]]:
    """Return an iCalendar export's ``text`` with its dates and escapes read (left-aligned, padded
    to their length), and ``runs`` with the runs rewritten, in order."""
    edits: list[tuple[int, int, str]] = []
    for m in _ICAL_DATE_RX.finditer(text):
        d, start = m["d"], m.start("d")
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        if end - start < 11:  # a date alone, "20240422": the ISO date takes the property's last letters
            start = end - 11
        edits.append((start, end, f" {d[:4]}-{d[4:6]}-{d[6:]}"))
    edits += _run_edits(text, _ICAL_ESCAPE_RX, runs, lambda run: _ICAL_ESCAPE_RX.sub(_unescaped, run))
    return _applied(text, runs, edits)


# A JSON string's escapes, in a text that is a JSON export (a news API's articles): read as what
# they stand for, in place, padded with blanks ("\\u201c" as "“" and five blanks, "\\n" as two blanks).
_JSON_ESCAPE_RX = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|[nrtbf\"\\/])")


def _json_unescaped(m: re.Match[str]) -> str:
    e = m.group()
    if e[1] == "u":
        c = chr(int(e[2:], 16))
        c = " " if c.isspace() or 0xD800 <= ord(c) <= 0xDFFF or c in INVISIBLE_CHARS else c  # (half of a pair: a blank)
    else:
        c = " " if e[1] in "nrtbf" else e[1]
    return c.ljust(len(e))


def _unescaped(m: re.Match[str]) -> str:
    return " " if m.group()[1] in "nN" else m.group()[1]  # ("\\n", a line break: a blank)


# Markup a feed or a page leaves inside its text's runs: the tags of paragraphs, blocks, lists,
# tables and of words set apart (with their attributes), a CDATA section's brackets, comments ("<![CDATA[<p>Four Kenyan
# and three ..."). Read as spaces, in place, in a text that closes a tag (so that "if x<y and z>w"
# in prose is left alone). The tags of a feed's or a page's fields ("</title>", "<link>") stay:
# they part what the fields hold as a line break would.
_MARKUP_RX = re.compile(
    r"</?(?i:p|br|a|b|i|u|em|strong|span|sup|sub|small|font|abbr|cite|mark|q|s|time|img|h[1-6]|li|ul|ol|div"
    r"|td|th|tr|table|thead|tbody|caption|section|article|header|footer|main|nav|aside|figure|figcaption"
    r"|blockquote|dl|dt|dd|label|button)(?![\w:.-])"
    r"(?:[^\S\n]++[\w:.-]++(?:[^\S\n]*+=[^\S\n]*+(?:\"[^\"\n]*+\"|'[^'\n]*+'|[^\s>]++))?)*+"
    r"[^\S\n]*+/?>|<!\[CDATA\[|\]\]>|<!--[^\n]*?-->")


# A time zone in brackets between a date's day and its year, as Korean and Japanese releases write
# it: "Oct. 16 (KST), 2025" (read as spaces, in place).
_ZONE_IN_DATE_RX = re.compile(r"\([A-Z]{1,3}T\)(?=[^\S\n]*+,?[^\S\n]*+(?:19|20)\d\d(?!\d))")  # (after a day's digits)


# A text in lower case only, as speech recognition writes it ("phase two was approved on monday ...
# new zealand and kenya"): the names of months, weekdays and countries are read capitalised, in
# place, so that the finders see them (not "may" and "march", verbs as often; nor the countries
# whose names are also common words).
_LOWER_CASE_MIN = 200  # (a short snippet in lower case is a heading or a slug, not a transcript)
_CALENDAR_NAMES = ("january february april june july august september october november december monday tuesday "
                   "wednesday thursday friday saturday sunday").split()
_AMBIGUOUS_NAMES = frozenset("chad turkey jordan georgia china guinea niger polish".split())


@lru_cache(maxsize=1)
def _proper_names_rx() -> re.Pattern[str]:
    from sci_diplo.normalize.countries import table_data  # (only for a text in lower case)
    names = {form.lower() for form, _, kind in table_data()[2] if kind in ("name", "demonym")
             and re.fullmatch(r"[A-Za-z][A-Za-z .'-]*[a-z]", form)} - _AMBIGUOUS_NAMES
    alternation = "|".join(sorted((re.escape(n) for n in names | set(_CALENDAR_NAMES)), key=len, reverse=True))
    return re.compile(r"\b(?:" + alternation + r")\b")


_UPPER_RX = re.compile(r"[A-Z]")
_LOWER_START_RX = re.compile(r"\n[^\nA-Z]{60}")  # (a line that opens with 60 characters and no capital: a quick test)
_HEAD = 2000  # (the capitals are counted in the text's head: a transcript is in lower case from its start)
_LOWER_LINE_RX = re.compile(r"^[^\nA-Z]{60,}$", re.M)  # a line of some length with no capital


# A text in capitals, as cables and faxes write it ("THE 11TH MEETING OF THE AUSTRALIA-INDONESIA
# JOINT WORKING GROUP ON SCIENCE AND TECHNOLOGY COOPERATION (JWG) WAS HELD ..."): its lines in
# capitals are read in title case, in place, small words in lower case, so that names, units and
# counts read as in other texts; an acronym the text gives in brackets, a currency code, and words
# with digits or of one letter stay as written ("JWG", "AUD 3.8M", "FY25", "S&T").
_CAPS_QUICK = 300  # (a text in capitals has few words in lower case in its first 300 characters: under 8)
_LOWER_WORD_RX = re.compile(r"[a-z]{3,}")
_LOWER_LETTER_RX = re.compile(r"[a-z]")
_CAPS_LINE_RX = re.compile(r"^[^\na-z]*[A-Z]{2}[^\na-z]*$", re.M)
_CAPS_WORD_RX = re.compile(r"(?<![\w&])[A-Z][A-Z'’]*+(?![\w&])")
_SMALL_WORDS = frozenset("OF ON AND FOR IN THE TO BY AT WITH BETWEEN FROM A AN OR AS INTO OVER UNDER".split())


def in_capitals(text: str) -> bool:
    """Whether ``text`` is written in capitals: more than seven in ten of the letters of its head
    (and not a short snippet)."""
    if len(text) <= _LOWER_CASE_MIN or len(_LOWER_WORD_RX.findall(text, 0, _CAPS_QUICK)) >= 8:
        return False
    upper = len(_UPPER_RX.findall(text, 0, _HEAD))
    return upper * 10 > 7 * (upper + len(_LOWER_LETTER_RX.findall(text, 0, _HEAD)))


# A word in title case (``_sentence_cased``'s).
_TITLE_WORD_RX = re.compile(r"(?<![\w&])[A-Z][a-z'’]++(?![\w&])")


def capitals_lowered(text: str, original: str) -> str:
    """Return ``text`` (the same length as ``original``, a text in capitals) with each word that
    the title case gave (``_sentence_cased``: in capitals in ``original``) in lower case, as the
    figures read it: "22 Seismic and Gas Sensors" reads "22 seismic and gas sensors", which counts
    sensors, where a title-case name counts nothing."""
    return _TITLE_WORD_RX.sub(lambda m: m.group().lower() if original[m.start():m.end()].isupper() else m.group(), text)


def _sentence_cased(text: str) -> str:
    """Return a text in capitals with the words of its lines in capitals in title case (see above)."""
    from sci_diplo.normalize.figures_units import ISO_CODES  # (only for a text in capitals)
    kept = set(re.findall(r"\(([A-Z][A-Z&]{1,9})\)", text)) | ISO_CODES | {"MOU", "MOUS", "II", "III", "IV"}

    def word(m: re.Match[str]) -> str:
        w = m.group()
        if len(w) < 2 or w in kept:
            return w
        line, k = m.string, m.start()
        inside = k > 1 and line[k - 1] == " " and (line[k - 2].isalnum() or line[k - 2] in ",)")  # (not a sentence's first)
        return w.lower() if w in _SMALL_WORDS and inside else w.capitalize()

    return _CAPS_LINE_RX.sub(lambda line: _CAPS_WORD_RX.sub(word, line.group()), text)


def _true_cased(text: str) -> str:
    """Return a text in lower case with its months', weekdays' and countries' names capitalised in
    its lines of no capital."""
    names = _proper_names_rx()
    return _LOWER_LINE_RX.sub(lambda line: names.sub(lambda m: m.group().title(), line.group()), text)


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


# A footnote mark in superscript digits ("1.8 billion² doses", "45%¹", "since 2020¹"), and the
# letters before it.
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SUPERSCRIPT_RE = re.compile(r"([^\W\d_]*)[" + _SUPERSCRIPTS + "]+")
# Units whose power is written in superscript ("km²", "m³"): no footnote.
_POWER_UNITS = frozenset("m km cm mm dm nm ft mi yd in".split())


def without_footnotes(text: str) -> str:
    """Return ``text`` with superscript footnote marks made spaces (offsets unchanged), so that
    "1.8 billion² doses" reads as 1.8 billion doses and "since 2020¹" as a year; a unit's power
    ("km²") stays."""
    if text.isascii() or not any(c in text for c in _SUPERSCRIPTS):  # (most texts: a quick search per mark)
        return text

    def blank(m: re.Match[str]) -> str:
        letters = m.group(1)
        return m.group() if letters in _POWER_UNITS else letters + " " * (m.end() - m.end(1))

    return _SUPERSCRIPT_RE.sub(blank, text)


def readable(text: str) -> str:
    """Return ``text`` as the finders read it (``readable_runs``): as long as ``text``."""
    return readable_runs(text)[0]


# A capitalised word broken by a hyphen at a line's end, as text set in narrow columns or
# converted from PDF carries it: "the Executive Pro-" / "gramme of Cooperation"; or a compound
# whose next part is capitalised too, which keeps its hyphen: "Sino-" / "African". (A hyphen
# before a space is a suspended one: "Medium- and Long-Term".)
_BROKEN_WORD_RX = re.compile(r"\b([A-Z][a-z]+)-\n[^\S\n]*+(?:([a-z]{2,})|([A-Z][a-z]+))\b")


def rejoin_broken_words(text: str, original: str) -> tuple[str, list[Run]]:
    """Return ``text`` with each capitalised word that ``original`` (of the same length) breaks
    at a line's end read whole, left-aligned and padded with spaces to its length ("Pro-\\ngramme"
    reads "Programme  ", "Sino-\\nAfrican" "Sino-African "), and the runs rewritten (empty when
    there is none)."""
    runs: list[Run] = []
    if "-\n" not in original:
        return text, runs
    pieces, last = [], 0
    for m in _BROKEN_WORD_RX.finditer(original):
        a, b = m.span()
        pieces += [text[last:a], (m[1] + (m[2] or "-" + m[3])).ljust(b - a)]
        runs.append((a, b))
        last = b
    return ("".join(pieces) + text[last:], runs) if runs else (text, runs)


# A line break before an indented line: "... a workshop of the Italy–Mexico" / "      Space
# Weather Initiative", as text converted from a PDF's layout keeps a hanging indent.
# ... or a line of a place and a date, a heading's venue or a dateline: "Batumi, Georgia, 13–14
# November 2025" (programme_tail ends a name's tail there).
PLACE_DATE_LINE_RX = re.compile(
    r"[A-Z][\w'’.-]*+(?:[^\S\n][A-Z][\w'’.-]*+){0,2},[^\n]{0,60}?\b(?:1[89]|20)\d\d[^\S\n]*+(?:\n|\Z)")
_KEPT_BREAK_RX = re.compile(r"\n(?=[^\S\n]{2}|" + PLACE_DATE_LINE_RX.pattern + ")")


def keep_indented_breaks(text: str, original: str) -> str:
    """Return ``text`` (``original`` with line breaks inside sentences made spaces) with the
    line breaks that an indented line follows put back, so that the indent reads as a line's
    (one gap with the break), not as the wide gap between two columns of a table's row; and
    those before a line of a place and a date, so that a heading's name does not run on into
    its venue ("... Council for Science and Technology\nBatumi, Georgia, 13–14 November 2025")."""
    if text is original:
        return text
    pieces, last = [], 0
    for m in _KEPT_BREAK_RX.finditer(original):
        k = m.start()
        if text[k] != "\n":
            pieces += [text[last:k], "\n"]
            last = k + 1
    return "".join(pieces) + text[last:] if pieces else text


def snap(start: int, end: int, runs: list[Run], starts: list[int]) -> tuple[int, int]:
    """Return ``start``-``end`` widened to the edges of the rewritten runs that either end falls
    inside (``starts``: the runs' starts, in order)."""
    k = bisect_right(starts, start) - 1
    if k >= 0 and runs[k][0] < start < runs[k][1]:
        start = runs[k][0]
    k = bisect_right(starts, end - 1) - 1
    if k >= 0 and runs[k][0] < end < runs[k][1]:
        end = runs[k][1]
    return start, end
