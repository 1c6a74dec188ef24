"""Numbers that state no quantity: years, dates, times, codes, names, pages, phones.

``excluded(text, num)`` is True for a number the figure rules must not report:
a year ("in 1979", "2021 China-Africa Conference"), a day of a month ("December
15"), a clock time ("10:30", "3 p.m."), a number inside a name or code
("COVID-19", "No. 7", "Boeing 737", "Five-Year Plan"), an issue or page number,
a phone number, a section number opening a heading ("3.2 Observations"), a lone
"one" used as a pronoun ("one of the largest").
"""

from __future__ import annotations

import re
from functools import lru_cache

from sci_diplo.normalize.countries import lookup_country
from sci_diplo.normalize.figures_nouns import is_plural
from sci_diplo.normalize.figures_units import ISO_CODES, MONEY_SIGN_WORDS, WORD_CODES, currency_before, measure_at
from sci_diplo.normalize.number_parse import Num
from sci_diplo.normalize.numbers_lexicon import DIG, PROSE_UNSAFE_SCALES, trie_regex

QUALIFIERS = {
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "exceeding": "more_than", "exceeds": "more_than", "exceeded": "more_than",
    "exceed": "more_than", "in excess of": "more_than", "upwards of": "more_than",
    # a total that passed a mark: "trade crossed US$ 3 billion", "sales topped 2 million units"
    # (only before money, a percent or a large number: ``PASSED_MARK``)
    "surpassed": "more_than", "surpasses": "more_than", "surpassing": "more_than", "surpass": "more_than",
    "topped": "more_than", "tops": "more_than", "topping": "more_than",
    "crossed": "more_than", "crosses": "more_than", "crossing": "more_than",
    "greater than": "more_than", "higher than": "more_than", "larger than": "more_than",
    "at least": "at_least", "no less than": "at_least", "no fewer than": "at_least",
    "not less than": "at_least", "not fewer than": "at_least", "a minimum of": "at_least",
    "less than": "less_than", "under": "less_than", "fewer than": "less_than",
    "below": "less_than", "lower than": "less_than",
    "up to": "at_most", "no more than": "at_most", "not more than": "at_most",
    "at most": "at_most", "a maximum of": "at_most", "capped at": "at_most", "limited to": "at_most",
    "ceiling of": "at_most", "cap of": "at_most",
    "not exceeding": "at_most", "not exceed": "at_most", "not to exceed": "at_most",
    "about": "about", "around": "about", "approximately": "about", "approx.": "about", "approx": "about",
    "some": "about", "roughly": "about", "an estimated": "about", "estimated": "about",
    "circa": "about", "~": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just shy of": "nearly",
    "as many as": "at_most", "as much as": "at_most", "maximum": "at_most", "perhaps": "about",
    "c.": "about", "in the region of": "about", "not quite": "nearly",
    # spoken: "they take like 20 people", "something like 40%"
    "like": "about", "something like": "about", "more like": "about",
    ">": "more_than", "<": "less_than", "≥": "at_least", "≤": "at_most", "≈": "about",
}
# The verbs of a total that passed a mark, which qualify only money, a percent or a number of a
# thousand or more: "crossed US$ 3 billion", not "crossed 3 borders" or "topped 5 categories".
PASSED_MARK = frozenset(q for q in QUALIFIERS if q.startswith(("surpass", "top", "cross")))
# A qualifier right before the number (or its currency sign): "more than", "up to".
# Searched over a window, so tried at each char: the qualifiers form a prefix
# tree behind a check of the first char (3x faster than a flat alternation,
# which case-insensitive matching tries alternative by alternative).
# The blanks [^\S\n] as a set of chars. Every white-space character lies below U+3001
# (U+3000, the ideographic space, is the last; a test checks all of Unicode): scanning
# all 1.1 million code points cost 0.12 s at every start.
_BLANK_CHARS = frozenset(c for c in map(chr, range(0x3001)) if c.isspace() and c != "\n")
QUAL_RE = re.compile(
    r"(?i)(?=[" + "".join(sorted({re.escape(q[0]) for q in QUALIFIERS})) + r"])(?<![\w])(?P<q>"
    + trie_regex(sorted(QUALIFIERS)).replace(r"\ ", r"[^\S\n]+") + r")[^\S\n]*[*_]{0,2}[^\S\n]*\Z"
)
# What may stand between a qualifier and the number ([^\S\n], "*", "_"); the
# one-word qualifiers; and for each last word of a longer one, the words before
# it. The words before a number must end like a qualifier (checked with str
# methods) before QUAL_RE is searched at all: most numbers follow "of", "in"...
_QUAL_TAIL = "".join(sorted(_BLANK_CHARS)) + "*_"
_QUAL_ONE = tuple(sorted(q for q in QUALIFIERS if " " not in q))
_QUAL_PREV = {
    last: tuple(sorted(q.split()[-2] for q in QUALIFIERS if q.split()[-1] == last and " " in q))
    for last in {q.split()[-1] for q in QUALIFIERS if " " in q}
}


def qualifier_of(m: re.Match[str]) -> str:
    """Return the SCHEMA qualifier that a ``find_qualifier`` match names ("More  than" -> ``more_than``)."""
    return QUALIFIERS[" ".join(m.group("q").lower().split())]


# An article between a qualifier and its number, and the blanks after it.
_ARTICLE_BEFORE_RE = re.compile(r"(?<![\w'’])(?:[Aa]n?)[^\S\n]+[*_]{0,2}\Z")
# "like" as a verb or a likeness before a number: "looks like 3 labs", "I like 2 guys", "just
# like 2019".
_LOOKS_LIKE_RE = re.compile(
    r"(?i)(?<![\w'’])(?:looks?|looked|seems?|seemed|sounds?|sounded|feels?|felt|i|you|we|they|he|she|"
    r"would|do|don['’]t|didn['’]t|really|also|not|just|\w+['’]d)[^\S\n]+\Z"
)
# Before an article, "over" and "under" are a period's ("over a four-year period"), "about" and
# "around" a subject's ("questions about an 80% cut", "talks around a 15-minute slot").
_NOT_BEFORE_ARTICLE = frozenset(("some", "over", "under", "about", "around"))
# "like" between commas or before "other(s)" compares: "Kenya, like 40 other states", "like 3 others".
_LIKE_COMPARES_RE = re.compile(r"[\d.,]*+[^\S\n]++(?:[\w-]+[^\S\n]++)?(?:others?|of[^\S\n]++the)\b")


def find_qualifier(text: str, pos: int) -> re.Match[str] | None:
    """Return the QUAL_RE match in the 24 chars before ``pos`` (or before an article there:
    "roughly an 8% success rate", "about a 10% rise"), else None."""
    mt = qualifier_before(text, pos)
    if mt is None:
        if text[max(0, pos - 6):pos].rstrip(_QUAL_TAIL)[-1:] not in ("a", "n", "A"):
            return None  # (no article ends there: a quick test before the regex)
        article = _ARTICLE_BEFORE_RE.search(text, max(0, pos - 8), pos)
        if article is None:
            return None
        mt = qualifier_before(text, article.start())
        if mt is None or mt["q"].lower() in _NOT_BEFORE_ARTICLE:
            return None
    if mt["q"].lower() == "like" and (
            _LOOKS_LIKE_RE.search(text, max(0, mt.start() - 16), mt.start())
            or text[max(0, mt.start() - 2):mt.start()].rstrip()[-1:] == "," or _LIKE_COMPARES_RE.match(text, pos)):
        return None  # "it looks like 3 labs will close", "Kenya, like 40 other states": a likeness, no rough number
    return mt


def qualifier_before(text: str, pos: int) -> re.Match[str] | None:
    """Return the QUAL_RE match in the 24 chars before ``pos``, else None."""
    lo = pos - 24 if pos > 24 else 0
    chunks = text[lo:pos].rstrip(_QUAL_TAIL).rsplit(None, 2)
    if not chunks:
        return None
    last = chunks[-1].lower()
    if chunks[-1].isascii() and not last.endswith(_QUAL_ONE):  # (ASCII: ignoring case is lower-casing)
        prev = chunks[-2] if len(chunks) > 1 else ""
        if last not in _QUAL_PREV or (prev.isascii() and not prev.lower().endswith(_QUAL_PREV[last])):
            return None
    return QUAL_RE.search(text, lo, pos)


_MONTHS = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# A month name right after: "15 December", "15th of May" (capitalised: checked by the caller).
_MONTH_AFTER_RE = re.compile(r"[^\S\n]*(?:of[^\S\n]+)?([^\W\d_]+)")
# A clock time or era after: "10:30", "3 p.m.", "5 o'clock", "272 BC", "770–476 BC".
_TIME_AFTER_RE = re.compile(
    r"[:.]\d\d\b|[^\S\n]*(?:[aApP]\.?[mM]\.|[aApP][mM]\b|o['’]clock|GMT|UTC|BST|CET|EST|PST|"
    r"B\.?C\.?E?\b|A\.?D\.?\b|CE\b|hrs\b)|[-–][^\S\n]*\d+[^\S\n]*B\.?C"
)
# The first two chars of each time or era word of _TIME_AFTER_RE.
_TIME_PAIRS = frozenset(a + b for a in "aApP" for b in ".mM") | frozenset(
    "o' o’ GM UT BS CE ES PS B. BC A. AD hr".split())
# Chars around a number that may tie it into a digit chain (see _in_digit_chain).
_CHAIN_CHARS = frozenset("-/.:\u2013+")
# Digits glued by - / . : to more digits: dates "2021-12-19", phones "86-10-8882",
# times "10:30", fractions "5/17" (a lone hyphen link is a range: "5-10").
_CHAIN_AFTER_RE = re.compile(r"[-/.:\u2013]\d+[-/.:\u2013]\d|[/:]\d")
_CHAIN_BEFORE_RE = re.compile(r"\d[-/.:\u2013]\d+[-/.:\u2013]\Z|\d[/:]\Z")
_LINK_AFTER_RE = re.compile(r"[-.\u2013]\d")
# A leading plus and more digit groups: "+1 202 555", "+86-10".
_PHONE_RE = re.compile(r"[^\S\n]?[-(]?\d")
# "Tel: 86-10-..." : a phone label, then only digits and separators up to here.
_PHONE_LABEL_RE = re.compile(r"(?i)(?<![\w])(?:tel|fax|phone|mobile)\b\.?:?[^\S\n]*[+(]?[\d()+. \-]*\Z")
# Words that make the number after them a label: "No. 7", "page 4", "Article 5".
_LABELS = frozenset("""no nos nr vol vols volume issue page pages p pp chapter ch section sec art
article para paragraph item table tab figure fig line route flight room gate unit phase level
grade class category type model version ver rule resolution amendment platform tel fax ext
phone mobile number annex appendix clause part parts u.s.c usc c.f.r cfr §""".split())
# The word right before, separated by spaces only (markdown ``*`` allowed).
_PREV_WORD_RE = re.compile(r"([^\W\d_][\w'’.:]*)[*_]*[^\S\n]+[*_]*\Z")
# A sentence or line starts here: only quotes, markdown or bullets since the last stop.
_SENTENCE_START_RE = re.compile(r"(?:\A|[.!?:;\n(\[\"“]|(?<=[\w\"'])>|(?:\A|\n)[^\S\n]*+\(?(?:\d{1,2}|[a-z])\)"
                                r"|(?<=[A-Z]\))[^\S\n]*+(?:[—–]|--?))"  # a dateline's agency and dash: "Kenya (AP) — "
                                r"[\s*_\"“”‘’'#>•\-]*\Z")  # (after a tag's ">", a list's "(1)", "a)")
# Capitalised words that may stand before a number without naming it.
_FUNCTION_WORDS = frozenset("""
the a an these those this that its their our his her all only about over some nearly almost
around approximately roughly more less fewer than up to at least most under above below between
with of in for from by on and but or just exactly estimated another each every total including
plus minus since after before during within among circa also now say said says see when while
where if as then there here both whose which who what how why we they he she it i you many
several few another until till through throughout across into via per against toward towards
despite like unlike than some just exactly only
""".split())
_YEAR_PREV = frozenset("""in since by until till before after during from through to of between and
the this that its their our his her early late mid fiscal""".split()) | _MONTHS
_ONE_PREV = frozenset("""the this that which each every any no another a an one some only last first
next same better other single is was are were be been being remains remain became become as
second third fourth fifth sixth seventh eighth ninth tenth""".split())
_ONE_NEXT_RE = re.compile(r"[^\S\n]+(?:of|another|by|hand|day|side|way|thing)\b", re.I)
_MONEY_WORDS = ISO_CODES | MONEY_SIGN_WORDS | {"US", "HK", "NT"}
_NEXT_WORD_RE = re.compile(r"[^\S\n]+([^\W\d_][\w'’-]*)")
_DASHES = "-\u2010\u2011"


def prev_word(text: str, pos: int) -> str:
    """Return the word standing right before ``pos`` (spaces only between), else ""."""
    lo = pos - 30 if pos > 30 else 0
    head = text[lo:pos].rstrip("*_")
    if not head or not head[-1].isspace():
        return ""
    # The word holds no white space: start the search at the last chunk, not
    # 30 chars back (each start tried costs a greedy run and backtracking).
    words = head.rstrip()
    last = words.rsplit(None, 1)[-1] if words else ""
    if not last:
        return ""
    if last.isalpha() and "\n" not in head[len(words):]:
        return last  # a plain word and blanks: what the regex reads
    m = _PREV_WORD_RE.search(text, lo + len(words) - len(last), pos)
    return m.group(1) if m else ""


def sentence_start(text: str, pos: int) -> bool:
    """Return whether ``pos`` begins a sentence, line, heading, bracket or a field's text after its
    tag ("<description>Four Kenyan ...")."""
    p = pos
    while p and text[p - 1] == " ":
        p -= 1  # (a run of blanks, however long: markup read as spaces)
    return _SENTENCE_START_RE.search(text, p - 12 if p > 12 else 0, pos) is not None


def _next_is_count(text: str, pos: int) -> bool:
    """Return whether a plural noun or a unit follows ``pos`` directly."""
    if measure_at(text, pos):
        return True
    m = _NEXT_WORD_RE.match(text, pos)
    return bool(m) and is_plural(m.group(1))


def _is_year(text: str, num: Num, prev: str) -> bool:
    """A bare 4-digit 1000-2100 is a year unless a count follows and no date word precedes."""
    h = num.head
    if not (num.ntok == 1 and h.kind == DIG and h.ndigits == 4 and h.is_int and not h.grouped
            and not h.sfx and 1000 <= num.value <= 2100):
        return False
    nxt = _NEXT_WORD_RE.match(text, num.end)
    if not _next_is_count(text, num.end) or (nxt and (nxt.group(1)[0].isupper()
                                                     or nxt.group(1).lower() in ("level", "levels"))):
        return True
    if prev.lower().rstrip(".,") in _YEAR_PREV or prev.endswith(("'s", "’s")):
        return True
    # 1900-2100 with a count after is still most often a year ("2003 cuts"), unless qualified.
    return num.value >= 1900 and find_qualifier(text, num.start) is None


def _is_pronoun_one(text: str, num: Num, prev: str) -> bool:
    """"one" as a pronoun or article-like word: "one of the", "the one", "One exciting ..."."""
    if num.ntok != 1 or num.text.lower() != "one":
        return False
    if num.text == "One" and sentence_start(text, num.start):
        return True
    return prev.lower() in _ONE_PREV or _ONE_NEXT_RE.match(text, num.end) is not None


def _money_before(text: str, num: Num, word: str) -> bool:
    """Whether ``word`` before ``num`` marks money; a code that is also a word ("NAD 5 levels",
    "COP 28") only before an amount with a scale word or thousands groups ("COP 28 billion")."""
    return word in _MONEY_WORDS and (word not in WORD_CODES or currency_before(text, num.start) is not None)


def _is_name(text: str, num: Num, prev: str) -> bool:
    """A number inside a name: "Boeing 737", "Five-Year Plan", "the Group of Seven", "Falcon 9 rockets"
    (not one with a scale apart: "NERC 2,5 Mio. Euro")."""
    if num.head.spaced and num.head.sfx:
        return False
    word_cap = num.head.kind != DIG and num.text[0].isupper()
    prev_cap = bool(prev) and prev[0].isupper() and prev.lower().rstrip(".:") not in _FUNCTION_WORDS \
        and not _money_before(text, num, prev.rstrip(".")) and "'" not in prev and "’" not in prev
    if not (word_cap or prev_cap) or sentence_start(text, num.start):
        return word_cap and text[num.end:num.end + 1] in ("-", "\u2010", "\u2011") \
            and text[num.end + 1:num.end + 2].isupper()
    if word_cap or not _next_is_count(text, num.end):
        return True
    # "Falcon 9 rockets", "Goal 3 aims": a lower-case count after a name's number is the name's;
    # after a country a number counts ("France 4,900 researchers"), and so in a title-case
    # heading ("Kenya Trains 300 Nurses")
    nxt = _NEXT_WORD_RE.match(text, num.end)
    if nxt is None or not nxt.group(1)[0].islower() or lookup_country(prev.rstrip(".:,")) is not None:
        return False
    # a capitalised word that opens its sentence may name nothing ("Perhaps 40 labs")
    return not sentence_start(text, text.rfind(prev, max(0, num.start - len(prev) - 4), num.start))


# A section number at a line start, then a capitalised heading word: "3.2 Observations".
_SECTION_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})+[^\S\n](?!(?:Thousand|Million|Billion|Trillion)\b)[A-Z][a-z]")


# A text that writes decimal commas, as German, Italian or French put it into English: "2,5 Mio. Euro",
# "12,5 %", "38,5 million", "4,5 M$".
# (found from its comma, a literal the engine skips to; the digits before it are checked apart)
_DECIMAL_COMMA_TEXT_RE = re.compile(
    r",\d{1,2}[^\S\n]*+(?:%|Mio\b|Mrd\b|[Mm]illion|[Bb]illion|Euro\b|EUR\b|€|[MGk][$€])")


@lru_cache(maxsize=16)
def decimal_commas(text: str) -> bool:
    """Whether ``text`` writes decimal commas before a percent, a scale or a euro amount ("2,5 Mio.
    Euro", "12,5 %", "4,5 M$"), after one to three digits that follow no other digit, comma or point."""
    if "," not in text:
        return False
    for m in _DECIMAL_COMMA_TEXT_RE.finditer(text):
        k = m.start()
        while k and text[k - 1].isdigit():
            k -= 1
        if 0 < m.start() - k <= 3 and (k == 0 or text[k - 1] not in ",."):
            return True
    return False


# A percent after a number: "1,5 %", "1,5 per cent".
_PERCENT_AFTER_RE = re.compile(r"[^\S\n]?(?:%|per[^\S\n]?cent\b|percent\b)", re.I)


# A street's word in French, Spanish, Portuguese, Italian or German after a house number, and a
# capitalised word or an article after it: "18 allée des Sciences", "25 rue de la Paix" (not "via":
# "EUR 5 million via UNICEF").
# A legal citation's title number before its code: "15 CFR part 744", "22 U.S.C. 2656", "136 Stat. 1366".
_CODE_AFTER_RE = re.compile(r"[^\S\n]++(?:CFR|C\.F\.R\.|U\.S\.C\.|USC|Stat\.|FR)(?![\w.])")
_STREET_AFTER_RE = re.compile(
    r"[^\S\n]++(?i:rue|allée|allee|avenue|boulevard|bd|chemin|impasse|quai|calle|avenida|rua|travessa|viale"
    r"|piazza|corso|carrer|straße|strasse)[^\S\n]++(?:[A-ZÀ-Ý]|(?:de|des|du|del|della|dos|da|la|le|les)\b)")


# An organisation's word after a small number that opens its line: an affiliation's mark.
_AFFILIATION_AFTER_RE = re.compile(r"[^\S\n]?(?:Graduate[^\S\n]+)?(?:Institute|Faculty|Department|School|University|Centre"
                                   r"|Center|Laboratory|College|Academy|Division)[^\S\n]+(?:of|for)\b")


def excluded(text: str, num: Num) -> bool:
    """Return whether ``num`` states no quantity (see the module docstring)."""
    h = num.head
    if h.dcomma and num.scale == 1.0 and not h.grouped and not _PERCENT_AFTER_RE.match(text, num.end) \
            and not decimal_commas(text):
        return True  # "5,00", "22,24": a decimal comma states an amount only with a scale or percent ("€1,8
        # million"), after groups of thousands ("3.412.560,50 €"), or in a text that writes them ("12,5 tonnes")
    if h.kind == "dotted" or (h.sfx == "G" or (h.spaced and h.sfx in PROSE_UNSAFE_SCALES)) \
            and not (h.sfx in ("M", "k", "K") and currency_before(text, num.start)) \
            and text[num.end:num.end + 1] not in ("$", "€"):
        return True  # (but "EUR 1.6 M", "USD 250 k": a scale after money; "4,5 M$", "1,2 G€": money after it)
    s, e = num.start, num.end
    before, after = text[s - 1:s], text[e:e + 1]
    if (s >= 2 and before in _DASHES and text[s - 2].isalpha()) or before in ("#", "№") \
            or ((before in _CHAIN_CHARS or after in _CHAIN_CHARS) and _in_digit_chain(text, s, e)) \
            or _time_after(text, e, after):
        return True  # "COVID-19", "#3", "2021-12-19", "10:30", "3 p.m."
    if (s == 0 or text[s - 1] == "\n") and _SECTION_RE.match(text, s):
        return True  # "3.2 Observations": a section number opening its heading line
    prev = prev_word(text, s)
    if prev.lower().rstrip(".:") in _LABELS or (num.value <= 31 and (_month(prev) or _month_after(text, e))):
        return True
    if "el" in text[s - 24 if s > 24 else 0:s].lower() and _PHONE_LABEL_RE.search(text, max(0, s - 40), s):
        return True
    if after == " " and num.scale == 1.0 and h.ndigits <= 4 and _STREET_AFTER_RE.match(text, e):
        return True  # a house number: "18 allée des Sciences", "25 rue de la Paix"
    if after == " " and num.scale == 1.0 and h.ndigits <= 3 and _CODE_AFTER_RE.match(text, e):
        return True  # a legal citation's title: "15 CFR parts 744", "22 U.S.C. 2656"
    if h.ndigits <= 2 and (s == 0 or text[s - 1] == "\n" or text[s - 2:s] == "; ") and _AFFILIATION_AFTER_RE.match(text, e):
        return True  # an affiliation's mark opening its line or item: "1 Institute of Marine Research, Bergen; 2 Centre"
    return (h.ndigits == 4 and _is_year(text, num, prev)) or (num.ntok == 1 and _is_pronoun_one(text, num, prev)) \
        or _is_name(text, num, prev)


def _time_after(text: str, e: int, after: str) -> bool:
    """``_TIME_AFTER_RE`` at ``e`` (``after`` is the char there), tried only where it may match.

    It may where a ":", "." or dash follows, or (after one blank or none) the
    first two chars of a time or era word ("pm", "a.", "GM", "BC", "hr" ...).
    """
    if after in ":.-\u2013":
        return after != "" and _TIME_AFTER_RE.match(text, e) is not None
    q = e
    if after.isspace() and after != "\n":
        q = e + 1
        if text[q:q + 1].isspace():  # more blanks: let the regex read them
            return _TIME_AFTER_RE.match(text, e) is not None
    return text[q:q + 2] in _TIME_PAIRS and _TIME_AFTER_RE.match(text, e) is not None


# A year and a dash or slash, then the two digits of a later year: "2024-25", "2019–20".
_YEAR_BEFORE_RE = re.compile(r"(?<!\d)(?:19|20)\d\d[-\u2013/]\d\d(?!\d)")


def _in_digit_chain(text: str, s: int, e: int) -> bool:
    """Part of a date, phone, time or code written as digit groups."""
    before, after = text[s - 1:s], text[e:e + 1]
    if before and before in "-/.:\u2013+" and s >= 2 and text[s - 2].isdigit():
        if before in "/:" or _CHAIN_BEFORE_RE.search(text, max(0, s - 24), s):
            return True
        if e - s == 2 and s >= 5 and _YEAR_BEFORE_RE.match(text, s - 5):
            return True  # the end of a span of years: "2024-25 Main Estimates", "2019–20"
        if _LINK_AFTER_RE.match(text, e):
            return True  # the middle of "86-10-88828000"
    if after and after in "-/.:\u2013" and _CHAIN_AFTER_RE.match(text, e):
        return True
    return before == "+" and _PHONE_RE.match(text, e) is not None


def _month(word: str) -> bool:
    """A month name, capitalised (not the verb "may" or "march")."""
    return bool(word) and word[0].isupper() and word.lower().rstrip(".,") in _MONTHS


def _month_after(text: str, pos: int) -> bool:
    """A capitalised month name after ``pos`` (blanks and "of" between)."""
    q = pos + 1 if text[pos:pos + 1] in _BLANK_CHARS else pos
    c = text[q:q + 1]
    if not (c == "o" or c.isupper() or c in _BLANK_CHARS):
        return False  # the word there is no month, nor "of" (a quick test before the regex)
    m = _MONTH_AFTER_RE.match(text, pos)
    return bool(m) and _month(m.group(1))
