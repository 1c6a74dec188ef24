"""Stated quantities: counts, percentages, measures, money, ranges.

``find_figures(text)`` returns one :class:`FigureMatch` per stated quantity
(SCHEMA.md "figures"): the value, the unit (head noun of what is counted, as
written: "scientists"; or ``percent``, ``°C``, a canonical measure such as
``megawatts``/``kilometers``/``years``; or an ISO 4217 code for money), the
qualifier ("more than" -> ``more_than`` ...) and, for ranges, ``upper``.

Decisions: "hundreds of X" is 100 ``more_than`` (likewise dozens, thousands,
millions, billions, "tens of thousands"); a fraction of what its "of" phrase
names is a share in percent ("nearly half of the projects": 50 percent,
``nearly``; "half a million" stays a number), and so is a proportion ("one in five
researchers": 20 percent); a
number with no noun or unit after it ("eight of them") is not reported;
"the two countries" is reported. Years, dates, clock times, ordinals, numbers
in names/codes, page/issue and phone numbers are never reported (see
:mod:`sci_diplo.normalize.figures_filters`).
"""

from __future__ import annotations

import re

from sci_diplo.normalize.dates_eras import gregorian_years
from sci_diplo.normalize.figures_filters import (
    PASSED_MARK, decimal_commas, excluded, find_qualifier, prev_word, qualifier_of,
)
from sci_diplo.normalize.figures_nouns import NOT_COUNTED, BOUNDARY, couple_figures, head_noun, is_plural, vague_figures
from sci_diplo.normalize.figures_tables import across_rows, csv_figures, row_figures, scale_of, table_figures
from sci_diplo.normalize.figures_units import (
    ISO_CODES, MEASURE_UNITS, SINGULAR_VERBS, THREE_DECIMAL_CURRENCIES, UNAMBIGUOUS_CURRENCY_WORDS, UNIT_ABBR,
    currency_after, currency_before, currency_or_measure, currency_word, phrase_alternation, unit_word,
)
from sci_diplo.normalize.number_parse import Num
from sci_diplo.normalize.numbers import scan, signed, tokens
from sci_diplo.normalize.numbers_lexicon import DIG, TEEN, TENS, UNIT, WORDS
from sci_diplo.normalize.readable import without_footnotes
from sci_diplo.normalize.types import FigureMatch

# A qualifier right after the number: "5,000 or more", "50+", "50-odd".
_POST_QUAL_RE = re.compile(
    r"(?P<ge>\+|[-\u2010]plus\b|[^\S\n]+(?:or|and)[^\S\n]+(?:more|above|over)\b)"
    r"|(?P<le>[^\S\n]+(?:or|and)[^\S\n]+(?:less|fewer|below|under)\b)|(?P<ab>[-\u2010]odd\b|[^\S\n]+or[^\S\n]+so\b)"
)
_POST_QUAL_FIRST = ("+", "-", "\u2010")
# After a figure's unit: "a hundred kilometres or so".
_OR_SO_RE = re.compile(r"[^\S\n]+or[^\S\n]+so\b(?![^\S\n]+(?:that|as)\b)")
# What joins the two ends of a range: "5-10", "5 to 10", "between 5 and 10".
_RANGE_GAP_RE = re.compile(r"(?i)[^\S\n]*(?:(?P<d>[-\u2010\u2013\u2014])|(?P<w>to|and|through|or))[^\S\n]*")
# What opens a range: "between", "from".
_RANGE_OPEN_RE = re.compile(r"(?i)(?<![\w])(?P<w>between|from)[^\S\n]+\Z")
# A unit glued by a hyphen: "2,000-year-old", "two-day", "a 10-member team".
_COMPOUND_RE = re.compile(r"[-\u2010\u2011]([^\W\d_]+)(?:[-\u2010\u2011]old)?(?![\w-])")
# "percent of 10": the percent word before a number (no number before it).
_PERCENT_OF_RE = re.compile(r"(?i)(?<![\w])(?P<p>percents?|per[^\S\n]?cent)[^\S\n]+of[^\S\n]+\Z")
# What may follow a number that states a figure: a word, %, °, "+", a glued dash.
_NEXT_RE = re.compile(r"[*_]{0,2}[^\S\n]*(?:[^\W\d_]|[%°℃％+$€£₹₩₽₦₺₱฿₫₴₪₸₮₾₼৳]|[-\u2010\u2011\u2013\u2014](?:\d|[^\W\d_]))"
                      r"|[^\S\n]+[-\u2013\u2014][^\S\n]+\d")
# What may stand between the two ends of a range, units included ("20% to 30%").
_RANGE_LOOSE_RE = re.compile(
    r"(?i)[^\S\n]*(?:%|[^\W\d_][\w.]{0,20}(?:[^\S\n]+[^\W\d_][\w.]{0,20})?)?[^\S\n]*"
    r"(?:[-\u2010\u2013\u2014]|to|and|through)[^\S\n]*(?:[^\w\s]{1,3}|[A-Z]{3})?[^\S\n]?"
)
# Nothing but punctuation or the end after a number ("percent of 10.").
_END_RE = re.compile(r"[^\S\n]*(?:[^\w\s]|\n|\Z)")
# A word or digit right before "percent of" (then it is "5 percent of ...").
_WORD_BEFORE_RE = re.compile(r"\w[^\S\n]*\Z")
# A group whose size a number closing its clause gives: "a permanent staff of 31", "a crew of 12".
_GROUP_OF_RE = re.compile(
    r"(?i)\b(?:a|an|the|its|their)[^\S\n]+(?:[^\W\d_]+[^\S\n]+)?(staff|crew|team|workforce|delegation|cohort"
    r"|faculty|membership)[^\S\n]+of[^\S\n]+\Z")
# After a fraction, what makes it a share of what the text just named: "of them", or a verb
# ("nearly half are women", "a third said").
_SHARE_RE = re.compile(
    r"[^\S\n]+(?:(?P<of>of[^\S\n]+(?:them|these|those|whom|which)\b)"
    r"|(?:are|were|is|was|have|had|said|say|came|come|went|live|lived|work|worked"
    r"|will|shall|must|should|would|could|can|may|might)\b)")
# What a fraction counts: "half of the ...", "half the ...".
_OF_RE = re.compile(r"[^\S\n]+(?:of|the)\b", re.I)
# "of" right after a head noun: "one key aspect of" (generic, no count).
_OF_AFTER_RE = re.compile(r"[^\S\n]+of\b", re.I)
# The next word, for "5m people" (million) against "5m tall" (metres).
_NEXT_WORD_RE = re.compile(r"[^\S\n]+([^\W\d_][\w'’-]*)")
# A plan named by a duration: "five-year plan" is a name, not 5 years.
_PLAN_AFTER_RE = re.compile(r"[^\S\n]+(?i:plans?|programmes?|programs?)\b")
_HYPHENS = ("-", "\u2010", "\u2011")
# A speed: a length per unit of time is one unit, as "km/h" is ("45 kilometres per
# hour"); other rates keep the unit counted ("2 million tonnes per year" is tonnes).
_RATE_RE = re.compile(r"[^\S\n]+per[^\S\n]+(second|minute|hour|day|week|year)\b")
_LENGTHS = frozenset({"kilometers", "meters", "centimeters", "millimeters", "miles", "nautical miles", "feet"})
# "m" apart after an amount of money: a million ("EUR 1.2 m").
_SPACED_MILLION_RE = re.compile(r"[ \t\u00a0]m\b(?![\w²³-])")
# A mass per a volume or an area, a concentration or a yield: "4 grams per litre", "3 tonnes per hectare".
_CONCENTRATION_RE = re.compile(r"[^\S\n]+(?:per|a|an)[^\S\n]+(litre|liter|cubic[^\S\n]+met(?:re|er)|hectare|acre)\b", re.I)
_MASSES = frozenset({"grams", "milligrams", "micrograms", "kilograms", "tonnes", "tons"})
# An energy per a volume, a mass or a person, an intensity: "2.5 kilowatt-hours per cubic metre".
_INTENSITY_RE = re.compile(r"[^\S\n]+per[^\S\n]+(litre|liter|cubic[^\S\n]+met(?:re|er)|tonne|ton|kilogram|capita"
                           r"|square[^\S\n]+met(?:re|er))\b", re.I)
_ENERGIES = frozenset({"watt-hours", "kilowatt-hours", "megawatt-hours", "gigawatt-hours", "terawatt-hours",
                       "joules", "kilojoules", "megajoules", "gigajoules"})
# A number written with a full stop before three digits, as in much of Europe: "1.500".
_DOT_THOUSANDS_RE = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_COMPOUND_SKIP = frozenset("fold times strong year-old plan".split())
# After "N-strong": a group of what it counts ("team of African technicians", "delegation of
# scientists"); a group alone ("a 300-strong delegation") counts nothing named.
_STRONG_OF_RE = re.compile(r"[^\S\n]+[a-z]+[^\S\n]+of[^\S\n]+(?:[A-Za-z-]+[^\S\n]+){0,2}?([a-z][a-z-]*s)\b")
# Units of a span of time, which "over" right after an amount spreads the amount across.
_SPANS_OF_TIME = frozenset(("years", "months", "weeks", "days", "hours"))
# An amount ending right before a word: a digit, a scale word, a currency or percent word,
# an ISO currency code ("40 million over", "$5bn over", "12% over", "600 crore over", "4,5 M$ over"). The
# words are a chosen few of the lexicons' (numbers_lexicon, figures_units): "won over ten
# years" is no amount spread over a period.
_AMOUNT_BEFORE_RE = re.compile(
    r"(?:\d|%|\$|€|(?<=\d)(?i:bn|mn|m|k)|(?<![^\W\d_])(?:(?i:hundred|thousand|million|billion|trillion|crore|lakh|"
    r"percent|per[^\S\n]cent|" + phrase_alternation(list(UNAMBIGUOUS_CURRENCY_WORDS)) + r")|"
    + "|".join(sorted(ISO_CODES)) + r")\b)"
    r"(?:[^\S\n]+(?:[^\W\d_]+[^\S\n]+)?[^\W\d_]+s)?[^\S\n]+\Z"  # "600 (young) engineers over"
)
# A verb of change before "from ... to ...": the two numbers are the before and after of a
# change ("rose from 48% to 55%"), not the ends of a range ("runs from 5 to 10 sites").
_CHANGE_BEFORE_RE = re.compile(
    r"(?i)(?<![\w-])(?:ros(?:e|en)|ris(?:e|es|ing)|gr[eo]w(?:s|n|ing)?|increas\w*|climb\w*|jump\w*|expand\w*"
    r"|went|gone|soar\w*|doubl\w*|tripl\w*|fell|fall(?:s|en|ing)?|dropp\w*|drops?|declin\w*|decreas\w*"
    r"|shr[au]nk|shrink\w*|slipp\w*|slips?|surg\w*|rais\w*|boost\w*|cut|reduc\w*|lift\w*|up|down"
    r"|mov(?:e|ed|es|ing)|shift\w*|chang\w*)[^\S\n]+\Z"
)
# Between the two ends of an amount of money with one currency sign: "$2-3 million", "$2 to 3 million".
_MONEY_GAP_RE = re.compile(r"[^\S\n]*(?:[-–—]|to)[^\S\n]*", re.I)
# Between the two numbers of a proportion: "one in five", "3 out of 10".
_PROPORTION_RE = re.compile(r"[^\S\n]+(?:in|out[^\S\n]+of)[^\S\n]+", re.I)
# ... with the noun it shares between: "one dollar in five", "one student in ten".
_PROPORTION_NOUN_RE = re.compile(r"[^\S\n]+(?P<noun>[a-z]{3,})[^\S\n]+in[^\S\n]+")
# What ends such a share: a stop, or a verb that agrees with "one" ("is spent", "comes from",
# "lacks access"), not a plural noun ("one office in three regions").
_SHARE_END_RE = re.compile(
    r"[^\S\n]*+(?:[,.;:)]|\n|\Z)|[^\S\n]+(?:is|was|has|had|will|would|can|could|may|might|must|should|went|came|got"
    r"|lived|worked|ended|lacked|involved|received|remained|depended|fell|took|funded|returned|left|"
    + "|".join(SINGULAR_VERBS) + r")\b")
# A number written as a year of the calendar: "one in 2020" is no proportion.
_CALENDAR_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
# Words of temperature before a number glued to "C" ("temperatures reached 45C"), or a decimal
# one before it ("between 1.5C and 2C").
_TEMPERATURE_BEFORE_RE = re.compile(r"(?i)warm|temperat|degree|heat|hot\b|cold|cool|celsius|°|freez|thermometer|\d\.\d+C\b")
# "one" and up to three words, then a verb of saying: "one (senior) official said", "one expert told".
_REPORTING_AFTER_RE = re.compile(
    r"(?:[^\S\n]+[^\W\d_][\w'’-]*){1,3}?[^\S\n]+(?:said|says|told|added|noted|warned|explained|argued|"
    r"insisted|stressed|admitted|acknowledged|recalled|suggested|put it|quipped)\b"
)
# "more", "fewer" or "additional" between a number and its noun: "50 more scientists".
_MORE_AFTER_RE = re.compile(r"[^\S\n]+(?:more|fewer|less|additional|extra)(?=[^\S\n]+[^\W\d_])", re.I)
# A label before a number alone on its line: a bullet, up to three words, a note in brackets, a
# colon ("- Joint labs: ", "Participants (total): ").
_LABEL_BEFORE_RE = re.compile(r"[^\S\n]*(?:[-*•·][^\S\n]*)?(?P<label>[A-Za-z][a-z]*(?:[^\S\n]+[a-z]+){0,2})"
                              r"(?:[^\S\n]*\([^()\n]{1,20}\))?[^\S\n]*[:：][^\S\n]*")
# The end of a line after a number (a full stop or semicolon may close it).
_LINE_END_RE = re.compile(r"[^\S\n]*[.;]?[^\S\n]*(?:\n|\Z)")
# What makes "over N years" an age or a time before now: "old", "older", "of age", "ago".
_AGE_AFTER_RE = re.compile(r"[^\S\n]+(?i:old|older|of[^\S\n]+age|ago)\b")


def find_figures(text: str, layout: str | None = None) -> list[FigureMatch]:
    """Return every stated quantity in ``text``, in text order (empty list if none).

    ``layout`` is the text with its lines as written, when ``text`` has some of them run on
    (the same length): tables are read from it (``figures_tables``)."""
    if not isinstance(text, str) or not text:
        return []
    text = gregorian_years(without_footnotes(text))[0]  # "1 Jumada al-Ula 1446 AH" is a date, "B.E. 2567" a year
    toks = tokens(text, split_dotted=False)
    nums = [signed(text, n, line=False) for n in scan(text, ratios=False, toks=toks)]
    if "(" in text and (doubled := _without_doubles(text, nums)) is not None:
        text, starts = doubled  # "eight (8) representatives" read as "eight     representatives"
        toks = tokens(text, split_dotted=False)
        for t in toks:
            t.alone = t.start in starts  # "5 (five) million and ten (10)": two numbers, each written twice
        nums = [signed(text, n, line=False) for n in scan(text, ratios=False, toks=toks)]
    memo: dict[int, list] = {}
    out: list[FigureMatch] = []
    comma = decimal_commas(text)  # "2,5 Mio.": "1.500 °C" is 1,500
    declared = money_declarations(text)  # "amounts in thousands of euros unless otherwise stated"
    i = 0
    while i < len(nums):
        n = nums[i]
        if not _candidate(text, n) or (i + 1 < len(nums) and nums[i + 1].start - n.end < 3
                                       and text[n.end:nums[i + 1].start] in _IN_A_ROW):
            # no unit can follow, or numbers in a row on a line and a cell ("one one", "1 1"): no
            # figure, unless its noun is left out ("up from 4,000 three years ago")
            if (fig := _elided(text, n, out) or _clause_share(text, n) or _same_noun(text, n, out)
                    or _breakdown(text, n, out) or _part_of_count(text, n, out) or _part_of_whole(text, n)
                    or _sample_size(text, n) or _comparative(text, n, out, declared)
                    or _declared_money(text, n, declared)) is not None:
                out.append(fig)
            i += 1
            continue
        fig = _proportion(text, n, nums[i + 1]) if i + 1 < len(nums) else None
        if fig is not None:
            out.append(fig)
            i += 2
            continue
        if i + 1 < len(nums) and _range_gap(text, n.end, nums[i + 1].start):
            fig = _range_figure(text, n, nums[i + 1], memo)
            if fig is not None:
                out.append(fig)
                i += 2
                continue
        fig = _part_of_whole(text, n) or _single_figure(text, n, memo, comma) or _percent_of(text, n) or _elided(text, n, out) \
            or _same_noun(text, n, out) or _breakdown(text, n, out) or _part_of_count(text, n, out) \
            or _comparative(text, n, out, declared) or _declared_money(text, n, declared)
        if fig is not None:
            out.append(fig)
        i += 1
    out.extend(f for f in vague_figures(text, toks) if not any(d[0] <= f.start < d[0] + 60 for d in declared))
    # (the note's own "thousands of euros" counts nothing)
    out.extend(couple_figures(text))
    laid_out = text if layout is None or len(layout) != len(text) else layout
    cells, rows = table_figures(laid_out)
    out = across_rows(out, rows) + cells + row_figures(laid_out) + csv_figures(laid_out)
    return [f for f in _without_overlaps(out) if not _a_source(text, f)]


# An opening bracket after a number, blanks before it: the same number in brackets, as legal texts
# write it ("eight (8) ", "5 (five) "), or a count's breakdown ("8 PhD students (4 in Bremen, ...").
_BRACKET_AFTER_RE = re.compile(r"[^\S\n]*+\(")


def _without_doubles(text: str, nums: list[Num]) -> tuple[str, set[int]] | None:
    """Return ``text`` with the bracketed copy of each number written twice blanked out (same
    length): a number in words and its digits in brackets ("up to twenty (20) researchers",
    "two (2) million euros"), or digits and their words ("5 (five) labs"); and where those
    numbers start. None when there is none."""
    pieces, last, starts = [], 0, set()
    for n, m in zip(nums, nums[1:]):
        if m.value == n.value and n.text[:1].isdigit() != m.text[:1].isdigit() and text.startswith(")", m.end) \
                and _BRACKET_AFTER_RE.fullmatch(text, n.end, m.start):
            pieces += [text[last:n.end], " " * (m.end + 1 - n.end)]
            last = m.end + 1
            starts.add(n.start)
    return ("".join(pieces) + text[last:], starts) if pieces else None


# A change before a number whose noun is left out: "up from 15", "will rise to 4,700", "reach 2,500".
_CHANGE_VERBS = (r"rise|rises|rose|risen|grow|grows|grew|grown|increase|increases|increased"
                 r"|climb|climbs|climbed|fall|falls|fell|fallen|drop|drops|dropped")
_REACH_VERBS = r"reach|reaches|reached"
_CHANGE_TO_RE = re.compile(
    r"\b(?:(?:up|down)[^\S\n]+from|(?:" + _CHANGE_VERBS + r")[^\S\n]+(?:to|from)|" + _REACH_VERBS + r")[^\S\n]+\Z",
    re.I)
# A part of what was just counted: "40 lakes, of which 11", "62 fellows, of whom 30".
_OF_WHICH_RE = re.compile(
    r"\bof[^\S\n]+wh(?:ich|om)[^\S\n]+(?:(?:only|just|some|about|around|roughly|nearly|almost|over|under"
    r"|at[^\S\n]+(?:least|most)|(?:more|fewer|less)[^\S\n]+than)[^\S\n]+)?\Z", re.I)
# "from" (and a qualifier) before the number a change started at, after the change's own figure:
# "rose to 1,930 in 2023 from fewer than 600".
_FROM_RE = re.compile(r"\bfrom[^\S\n]+(?:(?:fewer|less|more)[^\S\n]+than[^\S\n]+|about[^\S\n]+|around[^\S\n]+"
                      r"|some[^\S\n]+|nearly[^\S\n]+|almost[^\S\n]+|just[^\S\n]+)?\Z", re.I)
# What a change's own figure opens with (``_elided``'s figures start at the change).
_CHANGE_START_RE = re.compile(r"(?:up|down|" + _CHANGE_VERBS + "|" + _REACH_VERBS + r")\b", re.I)


def _change_from(text: str, n: Num, found: list[FigureMatch]) -> FigureMatch | None:
    """The number a change started at, after the figure the change reached, in its sentence:
    "Joint papers rose to 1,930 in 2023 from fewer than 600" (600 papers, less than)."""
    if not found or "from" not in text[max(0, n.start - 20):n.start]:
        return None
    mt = _FROM_RE.search(text, max(0, n.start - 24), n.start)
    prev = found[-1]
    if mt is None or not prev.start < mt.start() < prev.end + 40 or not _CHANGE_START_RE.match(text, prev.start) \
            or "." in text[prev.end:mt.start()] or prev.unit is None or not prev.unit.islower():
        return None
    qualifier = find_qualifier(text, n.start)
    return FigureMatch(mt.start(), n.end, n.value, prev.unit, qualifier_of(qualifier) if qualifier else "exact")


# The plural subject of the change itself: "Joint papers rose to 1,930" (not "Its share rose to",
# nor an amount's noun: "costs have grown to 12" says 12 of what the text does not).
_AMOUNT_NOUNS = frozenset("costs prices rates levels temperatures exports imports sales revenues earnings emissions "
                          "profits wages salaries fees budgets savings losses yields returns figures numbers totals "
                          "values amounts".split())
_SUBJECT_BEFORE_RE = re.compile(r"(?<![\w'’-])([a-z][\w-]*[a-z])[^\S\n]+(?:(?:have|has|had)[^\S\n]+)?\Z")
# What a sentence counts before such a number: "The number of state-funded places ... will rise to".
_NUMBER_OF_RE = re.compile(r"\bnumber[^\S\n]+of[^\S\n]+((?:[\w-]+[^\S\n]+){0,3}?[a-z][\w-]*s)\b", re.I)


def _sentence_start(text: str, pos: int, reach: int) -> int:
    """Return where the sentence or line that holds ``pos`` starts: after the last ". " or line
    break before it, at most ``reach`` characters back."""
    lo = max(0, pos - reach)
    stop = text.rfind(". ", lo, pos)
    return max(stop + 2 if stop >= 0 else 0, text.rfind("\n", lo, pos) + 1, lo)


def _elided(text: str, n: Num, found: list[FigureMatch]) -> FigureMatch | None:
    """A number after a change whose noun the sentence gave before it: "42 researchers, up from
    15" (the last figure's noun: 15 researchers), "40 lakes, of which 11" (11 lakes), "the
    number of places will rise to 4,700" (4,700 places). Money is left alone: "€5m, up from 3"
    may be 3 euros or 3 million; and a year ("rose to 2019 levels") is no count."""
    if n.fraction or n.sfx or n.value < 1 or (n.head.ndigits == 4 and n.ntok == 1 and 1800 <= n.value <= 2100):
        return None
    change = _CHANGE_TO_RE.search(text, max(0, n.start - 24), n.start) \
        or _OF_WHICH_RE.search(text, max(0, n.start - 28), n.start)
    if change is None:
        return _change_from(text, n, found)
    sent_start = _sentence_start(text, n.start, 1000)
    # the last figure of the sentence before the change (read from the end: a long table's line
    # holds thousands of figures, and each of its "of which" would read them all)
    prev = next((f for f in reversed(found) if f.end <= change.start()), None)
    if prev is not None and prev.start >= sent_start:
        unit = prev.unit
        if unit is None or not unit.islower():
            return None  # money ("€5m, up from 3": 3 euros or 3 million?) or °C
    elif change.group().lower().startswith("of"):
        return None  # "of which 11" with no count before it
    else:
        counted = _NUMBER_OF_RE.search(text, sent_start, change.start()) \
            or _SUBJECT_BEFORE_RE.search(text, max(sent_start, change.start() - 40), change.start())
        if counted is None or not is_plural(counted.group(1).split()[-1]) or counted.group(1) in _AMOUNT_NOUNS:
            return None
        unit = counted.group(1).split()[-1]
    qualifier = find_qualifier(text, n.start) if change.group().lower().startswith("of") else None
    return FigureMatch(change.start(), n.end, n.value, unit, qualifier_of(qualifier) if qualifier else "exact")


def _counts_noun(fig: FigureMatch) -> bool:
    """Whether ``fig`` counts a noun ("40 labs"): not money, a percent or a unit of measure, whose
    parts and breakdowns are no counts of it."""
    return fig.unit is not None and fig.unit.islower() and fig.unit != "percent" and fig.unit not in MEASURE_UNITS


# A part of a count the sentence gave before it: "All nine member states came, seven of them at
# ministerial level"; "Of the eight activities, four are completed, two are on track".
_OF_THEM_AFTER_RE = re.compile(r"[^\S\n]+of[^\S\n]+(?:them|these|those)\b")
_OF_THE_START_RE = re.compile(r"(?i:of)[^\S\n]+the[^\S\n]+\Z")
_PART_BEFORE_RE = re.compile(r"(?:,|[^\S\n]and)[^\S\n]+\Z")
_PART_VERB_AFTER_RE = re.compile(r"[^\S\n]+(?:are|is|were|was|have|has|had|remain|remains)\b")


def _part_of_count(text: str, n: Num, found: list[FigureMatch]) -> FigureMatch | None:
    """A number that counts a part of the sentence's last count, whose noun it leaves out."""
    if not found or n.fraction or n.sfx or n.value < 1:
        return None
    them = _OF_THEM_AFTER_RE.match(text, n.end)
    if them is None and not (_PART_BEFORE_RE.search(text, max(0, n.start - 6), n.start)
                             and _PART_VERB_AFTER_RE.match(text, n.end)):
        return None
    counts = []  # the counts of nouns before it in its sentence, last first
    for k, count in enumerate(reversed(found)):
        if k == 4 or n.start - count.end > 200 or ". " in text[count.end:n.start] or "\n" in text[count.end:n.start]:
            break
        if _counts_noun(count) and is_plural(count.unit):
            counts.append(count)  # (a part's own count, "four are completed", has its whole's noun)
    if them is not None:  # "seven of them": the sentence's one count ("applicants from 23 countries ... 214 of them": which?)
        nouns = {c.unit for c in counts}
        return FigureMatch(n.start, them.end(), n.value, counts[0].unit, "exact") if len(nouns) == 1 else None
    whole = next((c for c in counts if _OF_THE_START_RE.search(text, max(0, c.start - 8), c.start)), None)
    return None if whole is None else FigureMatch(n.start, n.end, n.value, whole.unit, "exact")  # "Of the eight activities, four are"


# A sentence that opens with the whole its numbers part, counted by none: "Of the projects approved,
# 19 address water, 15 address health and 12 address food" (19, 15 and 12 projects).
_OF_THE_WHOLE_RE = re.compile(r"Of[^\S\n]+the[^\S\n]+(?:[\w'’-]+[^\S\n]+){0,3}?(?P<noun>[a-z][\w-]*s)\b[^.;:\n\d]{0,60}?,")
# A number's place among the parts: after the comma or an "and", before a verb in lower case.
_PART_VERB_RE = re.compile(r"[^\S\n]+(?P<verb>[a-z]{3,})\b")


def _part_of_whole(text: str, n: Num) -> FigureMatch | None:
    """A number that counts a part of the whole its sentence opens with (``_OF_THE_WHOLE_RE``)."""
    if n.fraction or n.sfx or n.value < 1 or n.scale != 1 or n.text.lower() == "one" \
            or not _PART_BEFORE_RE.search(text, max(0, n.start - 6), n.start):
        return None  # ("Of the labs, one opened": a pronoun)
    verb = _PART_VERB_RE.match(text, n.end)
    if verb is None or is_plural(verb["verb"]) or verb["verb"] in _NOT_VERBS:
        return None
    whole = _OF_THE_WHOLE_RE.match(text, _sentence_start(text, n.start, 200), n.start)
    if whole is None or not is_plural(whole["noun"]):
        return None
    return FigureMatch(n.start, n.end, n.value, whole["noun"], "exact")


# Words after a number that are no verb of its part: "12 more", "5 other".
_NOT_VERBS = frozenset("more other others new old per and or of in on at to for the".split())


# Between a count and a number that counts the same noun: "six experts, three nominated by each
# agency" (a part, a participle after it), "64 eligible applications and funded nine," (a second
# count, closing its clause).
_SAME_NOUN_GAP_RE = re.compile(r"(?P<part>,)[^\S\n]+|[^\S\n]+and[^\S\n]+[a-z]+ed[^\S\n]+")
_PARTICIPLE_AFTER_RE = re.compile(r"[^\S\n]+[a-z]{3,}ed\b")


def _same_noun(text: str, n: Num, found: list[FigureMatch]) -> FigureMatch | None:
    """A number right after a count, whose noun it leaves out: that count's noun."""
    if not found or n.fraction or n.sfx or n.value < 1 or (n.head.ndigits == 4 and 1800 <= n.value <= 2100):
        return None
    last = found[-1]
    if not _counts_noun(last) or n.start - last.end > 30 \
            or (gap := _SAME_NOUN_GAP_RE.fullmatch(text, last.end, n.start)) is None:
        return None
    if gap["part"] and not _PARTICIPLE_AFTER_RE.match(text, n.end):
        return None  # "40 labs, 12 in Nairobi": no part named
    if not gap["part"] and text[n.end:n.end + 1] not in (",", ".", ";"):
        return None
    return FigureMatch(n.start, n.end, n.value, last.unit, "exact")


# A count's breakdown in brackets right after it: "8 PhD students (4 in Bremen, 4 in Nukus)", "40
# engineers (12 from Kenya and 28 from Ghana)"; its parts' numbers.
_BREAKDOWN_PART_RE = re.compile(r"(?<![\w.,])(\d{1,6})(?![\w.,]\d|[\w%])")
_BREAKDOWN_PART_END_RE = re.compile(r"[^,;)]*?(?=[^\S\n]+and[^\S\n]|[,;)])")  # a part's words: "4 in Bremen"


def _breakdown(text: str, n: Num, found: list[FigureMatch]) -> FigureMatch | None:
    """A number in the brackets right after a count, whose numbers there add up to it: a part of
    that count, with its noun, quoted to the part's end ("4 in Bremen"); not "40 labs (12 funded)",
    whose 12 is no part of a sum."""
    if not found or n.fraction or n.sfx or n.value < 1 or not n.head.is_int:
        return None
    bracket = text.rfind("(", n.start - 120 if n.start > 120 else 0, n.start)
    if bracket < 0 or ")" in text[bracket:n.start]:
        return None  # (most numbers: in no bracket)
    # the count before the brackets (the part's earlier siblings come after it)
    whole = next((f for f in reversed(found[-8:]) if f.end <= bracket and _BRACKET_AFTER_RE.match(text, f.end)), None)
    if whole is None or not _counts_noun(whole):
        return None
    opened = _BRACKET_AFTER_RE.match(text, whole.end)
    if opened is None or opened.end() > n.start:
        return None
    close = text.find(")", opened.end(), opened.end() + 120)
    if close < n.end or "(" in text[opened.end():close] or "\n" in text[opened.end():close]:
        return None
    parts = [int(m.group(1)) for m in _BREAKDOWN_PART_RE.finditer(text, opened.end(), close)]
    if len(parts) < 2 or sum(parts) != whole.value or any(
            opened.end() <= f.start < close and f.unit != whole.unit for f in found):
        return None  # (not "10 sites (3 km apart, 7 in total)")
    end = _BREAKDOWN_PART_END_RE.match(text, n.end)
    return FigureMatch(n.start, end.end() if end else n.end, n.value, whole.unit, "exact")


# A sample's size as studies write it, "(n = 412", "(N=1,024;", and what the sentence says was
# surveyed before it: "We surveyed all fellows whose stay ended ... (n = 412" counts 412 fellows.
_SAMPLE_BEFORE_RE = re.compile(r"\(\s*+[nN]\s*+=\s*+\Z")
_SAMPLE_AFTER_RE = re.compile(r"\s*+[;,)]")
_SURVEYED_RE = re.compile(r"\b(?:surveyed|interviewed|sampled|polled|asked|studied|recruited|enrolled)[^\S\n]+"
                          r"(?:(?:all|the|our|some|every|those)[^\S\n]+)?(?:[a-z][\w-]*[^\S\n]+){0,2}?"
                          r"(?P<noun>[a-z][\w-]*s)\b")


def _sample_size(text: str, n: Num) -> FigureMatch | None:
    """A sample's size ("n = 412") counting the plural that its sentence says was surveyed."""
    if "=" not in text[n.start - 4 if n.start > 4 else 0:n.start] or not n.head.is_int or n.value < 1 \
            or not _SAMPLE_BEFORE_RE.search(text, max(0, n.start - 8), n.start) \
            or not _SAMPLE_AFTER_RE.match(text, n.end):
        return None
    start = text.rfind("(", max(0, n.start - 8), n.start) + 1
    surveyed = None
    for surveyed in _SURVEYED_RE.finditer(text, _sentence_start(text, start, 400), start):
        pass  # (the last before the brackets)
    if surveyed is None or not is_plural(surveyed["noun"]) or surveyed["noun"] in NOT_COUNTED:
        return None
    return FigureMatch(start, n.end, n.value, surveyed["noun"], "exact")


def _a_source(text: str, fig: FigureMatch) -> bool:
    """True for "one expert said", "one official told AFP": a source who speaks, not a count."""
    return fig.value == 1 and text[fig.start:fig.start + 3].lower() == "one" and \
        _REPORTING_AFTER_RE.match(text, fig.start + 3) is not None


def _candidate(text: str, n: Num) -> bool:
    """Cheap test: may ``n`` carry a unit (a word, %, °, dash, money sign or "percent of")?"""
    e = n.end
    if text.startswith("000", n.start) and not text[n.start:e].strip("0"):
        return False  # a thousands group cut from its number ("3&nbsp;000&nbsp;000 euros"), never a count
    if (text[e:e + 1] == " " and text[e + 1:e + 2].isalpha()) or n.head.fu or n.sfx or _NEXT_RE.match(text, e):
        return True  # (a blank and a letter, the most common, match _NEXT_RE: tested first without it)
    return currency_before(text, n.start) is not None or text[n.start - 3:n.start].lower() == "of " \
        or ":" in text[n.start - 10 if n.start > 10 else 0:n.start]  # "Participants: 1,200" (``_labelled``)


def _range_gap(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` may join two numbers as a range (``_RANGE_LOOSE_RE``).

    Quick tests first: no line break, at most four chunks between white space
    (two words, the separator, a symbol), and a dash, "to", "and" or "through"
    in the first three.
    """
    head = text[a:b if b - a < 80 else a + 80]
    if head == " or ":
        return True  # "two or three physicists", "5 or 6 labs": a range (not "5 labs or 6 centres")
    if "\n" in head:
        return False
    parts = head.split(None, 4)
    if len(parts) > 4:
        return False
    if len(parts) == 4 or b - a < 80:  # the first three chunks are whole
        seps = " ".join(parts[:3]).lower()
        if not ("-" in seps or "to" in seps or "and" in seps or "\u2013" in seps or "\u2014" in seps
                or "\u2010" in seps or "through" in seps):
            return False
    return _RANGE_LOOSE_RE.fullmatch(text, a, b) is not None


def _without_overlaps(figs: list[FigureMatch]) -> list[FigureMatch]:
    """Sort by start; of figures that start at the same place keep the longest.

    Overlaps otherwise stay: "three of the five labs" states 3 labs and 5 labs.
    """
    out: list[FigureMatch] = []
    for f in sorted(figs, key=lambda f: (f.start, -f.end)):
        if not out or f.start != out[-1].start:
            out.append(f)
    return out


def _describe(text: str, n: Num) -> tuple[float, str, int, int, str | None] | None:
    """Return (value, unit, phrase start, phrase end, post qualifier) of ``n``, else None."""
    start, pos, post, pm = n.start, n.end, None, None
    c, nxt = text[pos:pos + 1], text[pos + 1:pos + 2]
    if c in _POST_QUAL_FIRST or (c.isspace() and c != "\n" and (nxt in ("o", "a") or nxt.isspace())):
        pm = _POST_QUAL_RE.match(text, pos)  # (only "+", a dash, or blanks then "or"/"and" may start it)
    if pm:
        post, pos = ("at_least" if pm.group("ge") else "at_most" if pm.group("le") else "about"), pm.end()
    elif c == "-" and text.startswith("ish", pos + 1) and not text[pos + 4:pos + 5].isalnum():
        post, pos = "about", pos + 4  # "three-ish months", "40-ish people"
    pre = currency_before(text, n.start)
    if n.sfx in ("k", "K") and not pre and not currency_after(text, pos):  # "4K cameras": a resolution, not 4,000
        return None
    if n.sfx == "m" and not pre and not currency_after(text, pos) and not _plural_next(text, pos):
        return n.value / 1e6, "meters", start, n.end, post
    if pre:
        code, end = pre[0], pos
        value = n.value
        if n.scale == 1 and not n.sfx and (spaced_m := _SPACED_MILLION_RE.match(text, pos)) is not None:
            value, end = value * 1e6, spaced_m.end()  # "EUR 1.2 m": money's "m" is a million, not metres
        after = currency_after(text, end)
        if after is not None:
            end = after[1]  # "$5 million dollars"; "$50k CAD", "$5 million Canadian dollars": which dollars
            if text[pre[1]] == "$" and after[0] != code:
                code = after[0]
        sign = pre[1] - 1
        if sign >= 0 and text[sign] in "-\u2212" and not n.negative and (sign == 0 or not text[sign - 1].isalnum()):
            return -value, code, sign, end, post  # "-$4.5 million", "−€3bn"
        return value, code, pre[1], end, post
    if n.head.fu == "C":  # "1.5C", "45C in the shade"; not "Row 5C"
        if n.ntok == 1 and ("." in n.text or _TEMPERATURE_BEFORE_RE.search(text, max(0, start - 80), start)):
            return n.value, "°C", start, n.end, post
        return None
    if n.head.fu and n.ntok == 1:
        return n.value, UNIT_ABBR[n.head.fu], start, n.end, post
    if text[pos:pos + 1] in "\n.;" and _LINE_END_RE.match(text, pos):
        return _labelled(text, n, post)  # nothing after it on its line: what it counts is before it
    found = currency_or_measure(text, pos)
    if not found and n.scale != 1 and (of := _OF_AFTER_SCALE_RE.match(text, pos)) is not None:
        found = currency_after(text, of.end())  # "3,5 million of euro": English as translated
    if found:
        if len(found) == 2:  # money
            return n.value, found[0], start, found[1], post
        unit, factor, end = found
        rate = _RATE_RE.match(text, end) if unit in _LENGTHS else _CONCENTRATION_RE.match(text, end) if unit in _MASSES \
            else _INTENSITY_RE.match(text, end) if unit in _ENERGIES else None
        if rate:
            unit, end = f"{unit} per {rate.group(1).lower()}", rate.end()
        return n.value * factor, unit, start, end, post
    unit = (None if n.fraction else _compound_unit(text, pos)) or _noun_unit(text, n, pos)
    if unit is None:
        if n.fraction and n.value < 1 and (share := _SHARE_RE.match(text, pos)) is not None:
            # "about a fifth of them", "nearly half are women": a share of what the text just named
            return n.value * 100, "percent", start, share.end("of") if share.group("of") else n.end, post
        return _labelled(text, n, post)
    name, factor, end = unit
    if n.fraction and n.value < 1:  # "nearly half of our farmers": a share, stated as a percentage
        return n.value * 100, "percent", start, end, post
    return n.value * factor, name, start, end, post


# The gaps of numbers in a row: blanks, not a line break or a tab (a table's next cell).
_IN_A_ROW = frozenset({" ", "  ", "\u00a0", "\u202f"})
# A statement's note that its bare amounts are in thousands or millions of a currency: "Notes 7–10:
# amounts in thousands of euros unless otherwise stated", "All figures are in millions of US dollars".
_DECLARATION_RE = re.compile(
    r"(?i)\b(?:amounts|figures|values|numbers)[^\S\n]++(?:are[^\S\n]++)?(?:(?:shown|stated|expressed|given)[^\S\n]++)?"
    r"in[^\S\n]++(?P<scale>thousands|millions|billions)[^\S\n]++of[^\S\n]++")
# Where a bare amount states money under such a note: after a verb of a sum or in a comparative.
_SUM_BEFORE_RE = re.compile(r"(?i)\b(?:totall?ed|amounted[^\S\n]++to|contributed|contribute|rose[^\S\n]++to|fell[^\S\n]++to"
                            r"|increased[^\S\n]++to|decreased[^\S\n]++to|reached|a[^\S\n]++total[^\S\n]++of|stood[^\S\n]++at"
                            r"|amounting[^\S\n]++to|of[^\S\n]++which)[^\S\n]++\(?\Z")
# A prior year's figure in brackets after this year's: "143 new grants (2023: 121)".
_COMPARATIVE_BEFORE_RE = re.compile(r"\((?:19|20)\d\d[^\S\n]*+:[^\S\n]*+\(?\Z")


def money_declarations(text: str) -> list[tuple[int, float, str]]:
    """Return where a note declares its text's bare amounts money, with the scale and currency:
    (position, 1000.0, "EUR") for "amounts in thousands of euros"; in order."""
    if "thousands of" not in text and "millions of" not in text and "billions of" not in text:
        return []
    out = []
    for m in _DECLARATION_RE.finditer(text):
        found = currency_after(text, m.end() - 1)
        if found is not None:
            out.append((m.start(), scale_of(m["scale"]), found[0]))
    return out


def _note_before(declared: list[tuple[int, float, str]], pos: int) -> tuple[int, float, str] | None:
    """Return the last of the declarations (``money_declarations``) before ``pos``, or None."""
    return next((d for d in reversed(declared) if d[0] < pos), None) if declared else None


def _in_brackets(text: str, n: Num) -> bool:
    """Whether ``n`` stands alone in brackets: an accountant's negative amount, "(628)"."""
    return text[n.start - 1:n.start] == "(" and text[n.end:n.end + 1] == ")"


def _declared_money(text: str, n: Num, declared: list[tuple[int, float, str]]) -> FigureMatch | None:
    """A bare amount in digits after a note declaring money (``money_declarations``), after a verb of
    a sum ("totalled 16,500", "contributed 6,500", "amounted to (37)") or alone in a table's cell
    ("Danube Mobility Scheme     2,315     2,048"): the amount times the note's scale, in its
    currency; in brackets, negative."""
    note = _note_before(declared, n.start)
    if note is None or not n.text[:1].isdigit() or n.scale != 1 or n.head.sfx \
            or (n.head.ndigits == 4 and not n.head.grouped and 1900 <= n.value <= 2100):
        return None  # (a year heads a table's column: "2024   2023")
    bracketed = _in_brackets(text, n)
    start = n.start - bracketed
    if _SUM_BEFORE_RE.search(text, max(0, start - 30), start) is None and not _table_cell(text, start, n.end + bracketed):
        return None
    sign = -1 if bracketed else 1
    return FigureMatch(start, n.end + bracketed, sign * n.value * note[1], note[2], "exact")


_CELL_GAP = re.compile(r"[^\S\n]{3,}|\t")


def _table_cell(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a cell of a table set by spaces: a column's gap before it and
    a gap or the line's end after it, on a line that opens with a label."""
    line = text.rfind("\n", 0, start) + 1
    return _CELL_GAP.search(text, max(line, start - 3), start) is not None and (
        end >= len(text) or text[end] == "\n" or _CELL_GAP.match(text, end) is not None) and text[line:line + 1].isalpha()


def _comparative(text: str, n: Num, out: list[FigureMatch], declared: list[tuple[int, float, str]]) -> FigureMatch | None:
    """A prior year's figure in brackets right after this year's ("143 new grants (2023: 121)",
    "totalled 16,500 (2023: 15,500)"): the same unit, and the same scale as a declared amount."""
    if not out or ":" not in text[n.start - 3:n.start] or _COMPARATIVE_BEFORE_RE.search(text, max(0, n.start - 12), n.start) is None:
        return None
    last = out[-1]
    if not 0 <= text.rfind("(", 0, n.start) - last.end <= 2:
        return None
    value = n.value
    note = _note_before(declared, n.start)
    if note is not None and last.unit == note[2] and text[last.start:last.end].lstrip("(")[:1].isdigit():
        value *= note[1]  # (a declared amount's comparative, in the same thousands)
    negative = _in_brackets(text, n)  # "(2023: (415))"
    return FigureMatch(n.start - negative, n.end + negative, -value if negative else value, last.unit, "exact")


# "of" between a scale word and its currency, as Italian, Spanish or French put it ("3,5 milioni
# di euro" translated "3,5 million of euro").
_OF_AFTER_SCALE_RE = re.compile(r"[^\S\n]+of(?=[^\S\n])")


# A verb before a share that ends its clause: "covered about a quarter,", "paid half." (not "once a
# quarter.", "in half.", "and a half.", nor a rank: "finished a third", "won a third").
_SHARE_VERB_BEFORE_RE = re.compile(
    r"\b(?:(?!(?:finish|plac|rank|rat|seed|position|list)ed\b)[a-z]+ed|covers|pays|funds|provides|contributes|gives"
    r"|holds|owns|takes|paid|gave|held|took)"
    r"(?:[^\S\n]+(?:about|around|roughly|nearly|almost|some|just|over|under|only))?[^\S\n]+\Z")


def _clause_share(text: str, n: Num) -> FigureMatch | None:
    """A fraction that closes its clause after a verb: a share of what the text named ("the EU
    covered about a quarter,": 25 percent, about)."""
    if not (n.fraction and n.value < 1 and text[n.end:n.end + 1] in (",", ".", ";")) \
            or _SHARE_VERB_BEFORE_RE.search(text, max(0, n.start - 30), n.start) is None:
        return None
    return _share(text, n.start, n.end, n.value * 100)


def _share(text: str, start: int, end: int, percent: float) -> FigureMatch:
    """A share stated as a percent, with the qualifier before it ("about a quarter", "nearly
    one in five")."""
    m = find_qualifier(text, start)
    if m is None:
        return FigureMatch(start, end, percent, "percent", "exact")
    return FigureMatch(m.start("q"), end, percent, "percent", qualifier_of(m))


def _labelled(text: str, n: Num, post: str | None) -> tuple[float, str, int, int, str | None] | None:
    """A number alone on a line after a label that names what it counts ("Participants: 1,200",
    "- Joint labs: 23", "Researchers involved: approx. 200"): the label's plural noun is its unit;
    or closing its clause after a group it sizes ("a permanent staff of 31.")."""
    if _END_RE.match(text, n.end) and (group := _GROUP_OF_RE.search(text, max(0, n.start - 40), n.start)):
        return n.value, group.group(1).lower(), group.start(1), n.end, post  # "a permanent staff of 31.": the staff
    if not _LINE_END_RE.match(text, n.end):
        return None
    qual = find_qualifier(text, n.start)
    before = qual.start("q") if qual else n.start
    if qual is not None:  # (the figure's start is the label's, where no qualifier stands before it)
        post = post or qualifier_of(qual)
    line_start = text.rfind("\n", 0, before) + 1
    m = _LABEL_BEFORE_RE.fullmatch(text, line_start, before) if before - line_start < 60 else None
    if m is None:
        return None
    plurals = [w for w in m.group("label").split() if is_plural(w)]
    if not plurals:
        return None
    noun = plurals[-1]  # in lower case as any count's noun ("Participants: 7" counts participants)
    return n.value, noun.lower() if noun[1:].islower() else noun, m.start("label"), n.end, post


def _scale_word_end(text: str, pos: int) -> int:
    """Extend money over a currency word repeated after it ("$5 million dollars")."""
    after = currency_after(text, pos)
    return after[1] if after else pos


def _plural_next(text: str, pos: int) -> bool:
    m = _NEXT_WORD_RE.match(text, pos)
    return bool(m) and is_plural(m.group(1))


def _compound_unit(text: str, pos: int) -> tuple[str, float, int] | None:
    """Unit glued by a hyphen: "2,000-year-old" -> years, "two-day" -> days."""
    if text[pos:pos + 1] not in _HYPHENS:
        return None
    m = _COMPOUND_RE.match(text, pos)
    if m is None or m.group(1)[0].isupper():
        return None
    word = m.group(1)
    if word.lower() == "strong":  # "a 10,000-strong team of technicians": the technicians
        strong = _STRONG_OF_RE.match(text, m.end())
        return (strong.group(1), 1.0, strong.end()) if strong and is_plural(strong.group(1)) else None
    if word.lower() in _COMPOUND_SKIP or _PLAN_AFTER_RE.match(text, m.end()):
        return None
    if word.lower() in WORDS or word.lower() in BOUNDARY or word.lower().endswith(("ed", "ties")):
        return None  # "one-half", "2-sided", "nineteen-eighties", "814014-why": no unit
    code = currency_word(word)  # "a 10-million-euro grant"
    if code is not None:
        return code, 1.0, m.end()
    found = unit_word(word) if word not in UNIT_ABBR else (UNIT_ABBR[word], 1.0)
    return (found[0], found[1], m.end()) if found else (word, 1.0, m.end())


# Cardinal number words, which never head what a number counts ("one followed two years later").
_CARDINALS = frozenset(w for w, word in WORDS.items() if word.kind in (UNIT, TEEN, TENS))


# "of the funding", "of its spending": what a fraction takes a share of, a noun in -ing.
_ING_NOUN_RE = re.compile(r"[^\S\n]+of[^\S\n]+(?:the|its|their|this|that)[^\S\n]+([a-z]{3,}ing)\b")


def _noun_unit(text: str, n: Num, pos: int) -> tuple[str, float, int] | None:
    """The counted head noun after ``pos`` (canonical if it names a unit), else None."""
    if n.value == 0 and n.head.kind != DIG:  # "zero emissions" is no count
        return None
    if n.fraction and n.value < 1:
        of = _OF_RE.match(text, pos)
        if of is None or prev_word(text, n.start).lower() in ("the", "first", "second", "other", "latter", "last"):
            return None
        partitive = of.group().strip().lower() == "of"
        at = pos if partitive else of.end()
        found = head_noun(text, at, partitive=partitive) or head_noun(text, at, True, partitive)
        if found is None and partitive and (ing := _ING_NOUN_RE.match(text, at)) is not None:
            found = ing.group(1), ing.end()  # "half of the funding": a noun in -ing, read as a participle
    else:
        # "50 more scientists", "100 million more doses" (not "one more time")
        more = _MORE_AFTER_RE.match(text, pos) if n.value != 1 else None
        found = head_noun(text, more.end() if more else pos, singular=n.value == 1 and n.ntok == 1)
        if found and n.text.lower() == "one" and _OF_AFTER_RE.match(text, found[1]):
            return None
    if found is None or found[0].lower() in NOT_COUNTED or found[0].lower() in _CARDINALS:
        return None
    canon = unit_word(found[0])
    return (canon[0], canon[1], found[1]) if canon else (found[0], 1.0, found[1])


def _described(text: str, n: Num, memo: dict[int, list]) -> tuple | None:
    """``_describe``, and None for numbers that state no quantity (then ``excluded``).

    ``memo`` keeps [``_describe``, ``excluded``] of each number, each computed
    when first asked: a number is read as the end of a failed range, then again alone.
    """
    facts = _facts(text, n, memo)
    if facts[0] is None:
        return None
    return None if _excluded(text, n, memo) else facts[0]


def _facts(text: str, n: Num, memo: dict[int, list]) -> list:
    """Return the memo entry of ``n``: [``_describe``, ``excluded`` or None until asked]."""
    facts = memo.get(n.start)
    if facts is None:
        facts = memo[n.start] = [_describe(text, n), None]
    return facts


def _excluded(text: str, n: Num, memo: dict[int, list]) -> bool:
    """``excluded(text, n)``, computed once per number."""
    facts = _facts(text, n, memo)
    if facts[1] is None:
        facts[1] = excluded(text, n)
    return facts[1]


def _single_figure(text: str, n: Num, memo: dict[int, list], comma: bool = False) -> FigureMatch | None:
    """Return the figure that ``n`` states, or None when it counts nothing named. ``comma``: the
    text writes decimal commas, so that a full stop before three digits parts thousands in a
    measure too ("1.500 °C", "3.200 square metres")."""
    d = _described(text, n, memo)
    if d is None:
        return None
    value, unit, start, end, post = d
    if post is None and text[end:end + 1] == " " and (so := _OR_SO_RE.match(text, end)) is not None:
        post, end = "about", so.end()  # "a hundred kilometres or so"
    if _DOT_THOUSANDS_RE.fullmatch(n.text) and (comma or unit not in MEASURE_UNITS) \
            and unit not in THREE_DECIMAL_CURRENCIES:
        value *= 1000  # a full stop between thousands: "1.500 researchers", "800.000 euro" (no 1.5 researchers)
    m = find_qualifier(text, start)
    if m is None or (unit in _SPANS_OF_TIME and _over_a_period(text, m, end)) \
            or (m.group("q").lower() in PASSED_MARK and not (unit in ISO_CODES or unit == "percent" or value >= 1000)):
        # ("crossed 3 borders", "topped 5 categories": no mark passed)
        return FigureMatch(start, end, value, unit, post or "exact")
    return FigureMatch(m.start("q"), end, value, unit, post or qualifier_of(m))


def _proportion(text: str, a: Num, b: Num) -> FigureMatch | None:
    """"one in five researchers", "3 out of 10 projects", "one dollar in five": a share of what
    follows or stands between, stated as a percent, as "a quarter of" and "two-thirds of" are
    (the second number counts nothing).

    The second number is ten or less or a power of ten, as in a rate; "5 out of 18 governorates"
    counts governorates.
    """
    between = None
    if b.start - a.end > 10 or not _PROPORTION_RE.fullmatch(text, a.end, b.start):
        between = _PROPORTION_NOUN_RE.fullmatch(text, a.end, b.start) if b.start - a.end <= 24 else None
        if between is None or is_plural(between["noun"]) or not _SHARE_END_RE.match(text, b.end):
            return None  # (not "one office in two cities", "one goal in three games")
    if a.scale != 1 or b.scale != 1 or a.sfx or b.sfx or a.fraction or b.fraction or _CALENDAR_YEAR_RE.fullmatch(b.text):
        return None
    whole = b.value
    if not (a.value.is_integer() and whole.is_integer() and 0 < a.value < whole):
        return None
    if whole > 10 and str(int(whole)).rstrip("0") != "1":
        return None
    noun = None if between is not None else head_noun(text, b.end)  # ("one dollar in five": its noun is before)
    end = noun[1] if noun is not None else b.end
    return _share(text, a.start, end, 100 * a.value / whole)


def _over_a_period(text: str, m: re.Match[str], end: int) -> bool:
    """Whether the qualifier ``m`` of a span of time ending at ``end`` is "over" naming the
    period that an amount is spread across, not "more than": right after the amount ("$2.5
    billion over ten years", "rose 5% over three years", "trained 600 engineers over two
    years"), against "over 30 years of experience", "spent over two years", "over 18 years
    old" and "5,000 students over 18 years of age"."""
    q = m.start("q")
    return (m.group("q").lower() == "over" and _AMOUNT_BEFORE_RE.search(text, q - 40 if q > 40 else 0, q) is not None
            and _AGE_AFTER_RE.match(text, end) is None)


def _range_figure(text: str, a: Num, b: Num, memo: dict[int, list]) -> FigureMatch | None:
    """Return "between 5 and 10 X" / "5-10 million" / "20% to 30%" as one range, else None."""
    db = _described(text, b, memo)
    if db is None or (b.sfx == "m" and db[1] == "meters"):
        db = _money_range_end(text, a, b, memo) or db
    if db is None:
        return None
    if _excluded(text, a, memo):
        return None
    da = memo[a.start][0]
    own = da is not None and (da[3] > a.end or da[2] < a.start)
    gap_start = da[3] if own and da[3] > a.end else a.end
    g = _RANGE_GAP_RE.fullmatch(text, gap_start, db[2])
    if g is None or (own and da[1] != db[1]):
        return None
    start = da[2] if own else a.start
    opener = _RANGE_OPEN_RE.search(text, max(0, start - 10), start)
    if g.group("w") == "and" and not (opener and opener.group("w").lower() == "between"):
        return None
    if own and opener and opener.group("w").lower() == "from" and _CHANGE_BEFORE_RE.search(
            text, max(0, opener.start() - 24), opener.start()):
        return None  # "rose from 48% to 55%": a change, two figures, not a range ("from 20 to 30%" stays one)
    factor = db[0] / b.value if b.value else 1.0
    lo = a.value * factor
    if a.scale == 1 and b.scale > 1 and lo * b.scale <= db[0]:
        lo *= b.scale
    if not lo < db[0]:
        return None
    return FigureMatch(opener.start() if opener else start, db[3], lo, db[1], "range", db[0])


def _money_range_end(text: str, a: Num, b: Num, memo: dict[int, list]) -> tuple | None:
    """The second end of a range whose currency stands only before the first ("$2-3 million",
    "€5-10m"): ``b`` in the currency of ``a``, else None."""
    pre = currency_before(text, a.start)
    if pre is None or currency_before(text, b.start) is not None or _MONEY_GAP_RE.fullmatch(text, a.end, b.start) is None:
        return None
    if _excluded(text, b, memo):
        return None
    return b.value, pre[0], b.start, _scale_word_end(text, b.end), None


def _percent_of(text: str, n: Num) -> FigureMatch | None:
    """"percent of 10" (percent word first, nothing after the number): 10 percent."""
    if text[max(0, n.start - 16):n.start].rstrip()[-2:].lower() != "of":
        return None  # (a quick test before the window search)
    m = _PERCENT_OF_RE.search(text, max(0, n.start - 16), n.start)
    if m is None or not _END_RE.match(text, n.end) or _WORD_BEFORE_RE.search(text, max(0, m.start() - 3), m.start()):
        return None
    return FigureMatch(m.start("p"), n.end, n.value, "percent")
