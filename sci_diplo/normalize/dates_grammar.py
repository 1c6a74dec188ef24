"""Word tables and regular expressions of the temporal-expression grammar.

Only data lives here; ``dates_scan.py`` runs it. Every regex is compiled once
at import and runs in linear time: whitespace runs are possessive (``\\s++``,
``\\s*+``), word alternations are tries built by :func:`word_trie`, and no
quantifier is nested inside another.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Month words that may stand alone ("In May"); abbreviations need a day or year.
MONTHS_ALONE = frozenset(
    "january february march april may june july august september october november december".split()
)
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2,
    "wed": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4,
    "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
WEEKDAYS_FULL = frozenset(w for w in WEEKDAYS if len(w) > 5)
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {"a": 1, "an": 1, "hundred": 100, "a hundred": 100, "one hundred": 100}
NUMBER_WORDS.update({w: i + 1 for i, w in enumerate(_UNITS)})
NUMBER_WORDS.update({w: i + 10 for i, w in enumerate(_TEENS)})
for _i, _t in enumerate(_TENS):
    NUMBER_WORDS[_t] = 20 + 10 * _i
    for _j, _u in enumerate(_UNITS):
        NUMBER_WORDS[f"{_t}-{_u}"] = NUMBER_WORDS[f"{_t} {_u}"] = 21 + 10 * _i + _j
_ORD = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(_ORD)}
ORDINAL_WORDS.update({f"twenty-{w}": 21 + i for i, w in enumerate(_ORD[:9])})
ORDINAL_WORDS.update({f"twenty {w}": 21 + i for i, w in enumerate(_ORD[:9])})
ORDINAL_WORDS.update({"final": 4, "last": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4})
# Meteorological seasons (northern hemisphere): first and last month.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
SEASON_NAMES = "|".join(SEASONS)  # (an alternation: "spring|summer|autumn|fall|winter")


def season_span(year: int, name: str) -> tuple[tuple[int, None, None], tuple[int, None, None] | None]:
    """Return the value of season ``name`` that starts in ``year``: the year, or the two years a
    winter spans. Its months are the north's (``SEASONS``), which pick the year; the value is no
    narrower than the year, as for "mid-2023": the south's summer is the north's winter."""
    return (year, None, None), ((year + 1, None, None) if SEASONS[name][1] < SEASONS[name][0] else None)
# Year offset carried by a demonstrative before a unit ("last year" is -1).
DEMONSTRATIVES = {"this": 0, "current": 0, "last": -1, "next": 1, "coming": 1, "upcoming": 1}
# Words before an expression that set its relation (two-word ones joined by a space).
RELATION_WORDS = {
    "since": "since", "from": "since", "starting": "since", "beginning": "since",
    "back to": "since",  # "ties that date back to 1972"
    "before": "before", "prior to": "before", "ahead of": "before", "pre": "before",
    "after": "after", "following": "after", "post": "after",
    "until": "until", "till": "until", "through": "until", "up to": "until", "to": "until",
    "by": "by", "later than": "after", "earlier than": "before", "during": "during", "throughout": "during",
    "in": "on", "on": "on", "of": "on", "for": "on", "as of": "on", "at": "on", "between": "during",
}
# Modifier words that narrow an expression without changing its value here.
MODIFIERS = frozenset("early earlier late later mid end".split())
# "more than forty years ago" is before 1981; "less than" after it.
AGO_QUALIFIERS = {"more than": "before", "over": "before", "less than": "after", "under": "after",
                  "within": "after", "fewer than": "after"}
# Words right before a bare number that make it a year ("in 1979", "fiscal 2021").
YEAR_LEFT = frozenset(
    "in since by before after until till through from of during for between throughout "
    "year years fiscal circa ca c early late mid end beginning start summer winter spring "
    "autumn fall around than least easter christmas ramadan diwali thanksgiving".split()
    # "no later than 2030", "until at least 2030", "Easter 2019"
)
# Determiners and possessives after which a number in 1900-2100 reads as a year ("the 2015 Nobel").
YEAR_DETERMINERS = frozenset("the a an its his her their our my this that whose".split())
# Nouns after a number that make it a count, not a year ("1500 scientists").
COUNT_NOUNS = frozenset(
    """people persons person scientists researchers students experts engineers workers employees staff
    members participants delegates visitors tourists doctors teachers children women men patients cases
    deaths projects programs programmes companies firms enterprises institutions universities schools
    hospitals countries cities villages households families units sets pieces items papers articles patents
    tons tonnes yuan dollars euros pounds rupees yen won km kilometers kilometres miles meters metres m cm
    mm kg g mw gw kw kwh hectares acres square sq cubic feet ft inches degrees percent per times hours minutes
    seconds days weeks months years decades centuries million billion thousand trillion jobs vehicles cars
    beds doses vaccines samples species words pages votes seats points rounds events activities copies
    troops soldiers farmers residents users customers homes houses flights rooms km2 m2 bn mn""".split()
)
# Plural nouns that still name an event after a year ("the 2021 talks").
EVENT_PLURALS = frozenset("olympics games talks elections negotiations floods protests riots polls accords".split())
# Nouns after a bare year that make it a year without other context ("1972 visit").
EVENT_NOUNS = frozenset(
    """visit visits election elections olympics games summit conference forum prize award census budget
    report plan agreement accord treaty deadline target targets goal goals edition session season crisis
    earthquake pandemic outbreak war revolution campaign meeting talks survey study law reform expo
    world cup exhibition festival fair congress assembly declaration strategy roadmap levels level
    baseline review ranking index nobel winter summer spring autumn games""".split()
)
# Verbs after a sentence-opening year that make it the subject: "2020 was a hard year".
YEAR_SUBJECT_VERBS = frozenset(
    "was is will has had marks marked saw sees witnessed brought brings began begins ended ends "
    "also became becomes".split()
)
FUTURE_WORDS = frozenset(
    """will shall won't wont going due scheduled slated expected plans plan planned planning upcoming
    intends intend aims aim would could might tomorrow expect expects forecast
    opens begins starts kicks takes meets resumes closes convenes
    open begin meet resume convene hosts arrive arrives runs""".split()
    # present-tense schedules: "the conference opens on Oct. 3", "the council meets again in January",
    # "the first calls open in June" (not "start", "end", "close", nouns too: "by the end of June")
)
# The heads of a plan's name, which a year beside them belongs to: "the 2030 Agenda", "Vision
# 2030", "Roadmap 2035" (programme_words lists them with the other programme heads).
PLAN_HEADS = frozenset("Agenda Plan Strategy Roadmap Vision Concept Blueprint".split())
# Future words that are also nouns: future only before "to" ("plans to launch", not "the plan").
FUTURE_NOUNS = frozenset("plan plans aim aims".split())
# Words of the past that are no participle: irregular simple pasts ("the minister said"), and
# words that mark the past ("was", "ago", reported speech's "says").
PAST_SIMPLE = frozenset("said told began spoke came went took gave saw drew flew fell grew knew rose ran "
                        "wrote became broke struck".split())
PAST_WORDS = PAST_SIMPLE | frozenset("was were had did ago previously says".split())
# Irregular past tenses that are also participles: past, as an -ed verb is, unless after "be"
# ("ministers met in March"; "the summit will be held on December 20").
PAST_IRREGULAR = frozenset(
    """met held made found built sent led won paid brought chose sold stood bought caught fought
    got kept lost meant sought spent taught thought understood done""".split()
)
BE_WORDS = frozenset("be been being is are am to".split())
# Words in "-ed" that are no past verb.
NOT_PAST_ED = frozenset("need needed indeed hundred red bed shed speed seed feed breed united embed "
                        "proceed succeed exceed".split())


def past_verb(word: str) -> bool:
    """True for a lower-case past tense or participle: "signed", "met", "said" (not "United",
    "indeed", "exceed")."""
    if word in PAST_SIMPLE or word in PAST_IRREGULAR:
        return True
    return len(word) > 3 and word.endswith("ed") and word.isalpha() and word.islower() and word not in NOT_PAST_ED
TIME_UNITS = {"year": "year", "years": "year", "month": "month", "months": "month", "week": "week",
              "weeks": "week", "day": "day", "days": "day", "decade": "decade", "decades": "decade",
              "century": "century", "centuries": "century", "fortnight": "fortnight", "fortnights": "fortnight"}
# Words that open a dateline line ("Published: 2021-12-19", "date 2021-12-19").
LABEL_WORDS = frozenset("date dated published posted updated released issued modified time".split())


def word_trie(words: list[str] | dict[str, str], fold: bool = False) -> str:
    """Return a regex alternation of ``words`` structured as a trie (fast in ``re``).

    With ``fold`` each letter is a two-case class (``[jJ]``), which matches
    faster than the ``re.I`` flag. ``words`` may map each word to a pattern that
    must follow it (tried after the longer words).
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = words[word] if isinstance(words, dict) else ""

    def char(ch: str) -> str:
        return f"[{ch}{ch.upper()}]" if fold and ch.isalpha() else re.escape(ch)

    def emit(node: dict) -> str:
        alts = [char(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        tail = node.get("")
        if not alts:
            return tail or ""
        if tail:
            return "(?:" + "|".join(alts) + "|" + tail + ")"
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if tail is not None else body

    return emit(root)


_MONTH = word_trie(list(MONTHS))
# A day of a month in ordinal words, as said aloud: "the fifteenth of May", "the second to the
# sixth of June", "the twenty-first of March, 2025".
DAY_WORDS = {**{w: n for w, n in ORDINAL_WORDS.items()
                if n <= 29 and w not in ("final", "last") and not w[0].isdigit()},
             "thirtieth": 30, "thirty-first": 31, "thirty first": 31}
# The one-word day ordinals past "fourth" that start one (dates_scan reads them; "first" to
# "fourth" also start a quarter, "twenty" and "thirty" a later day or a year said aloud).
SAID_DAY_TRIGGERS = (*(w for w, n in ORDINAL_WORDS.items() if 5 <= n <= 20 and w.isalpha()), "thirtieth")
_DAY_WORD = "(?:" + word_trie(sorted(DAY_WORDS)) + ")"
_DAY_REST = (r"(?:[^\S\n]++(?:to|through|and|-)[^\S\n]++(?:the[^\S\n]++)?(?P<d2>" + _DAY_WORD + r"))?"
             r"(?:[^\S\n]++day)?[^\S\n]++of[^\S\n]++(?P<mon>(?-i:" + "|".join(m.capitalize() for m in sorted(MONTHS_ALONE))
             + r"))\b")
# A year in words after a day said aloud, as a treaty's closing clause writes it: "two thousand and
# twenty-four", "in the year two thousand and four", "twenty twenty-four" (the year in group ``yw``;
# not a count: "two thousand researchers", "twenty four labs").
# Words ending in "s" that are no plural noun: a year said aloud may stand before them ("twenty
# fourteen was"), not before a count's noun ("twenty fourteen-year-olds", "nineteen fifties labs").
_NOT_PLURAL = r"(?!(?:was|has|is|as|this|its|thus)\b)"
_BELOW_100 = word_trie(sorted(k for k, v in NUMBER_WORDS.items() if v < 100 and k not in ("a", "an")))
_TEN_TO_99 = word_trie(sorted(k for k, v in NUMBER_WORDS.items() if 10 <= v < 100))  # "twenty fourteen", not "twenty four"
_WORDS_YEAR = (r"(?:in[^\S\n]++)?(?:the[^\S\n]++year[^\S\n]++)?(?P<yw>two[-\s]thousand(?:(?:[^\S\n]++and)?[-\s]"
               + _BELOW_100 + r"|(?=[^\S\n]*+(?:[,.;)]|\n|\Z)))(?![\w-])|(?:nineteen|twenty)[^\S\n]++" + _TEN_TO_99
               + r"(?![\w-]))(?![^\S\n]++" + _NOT_PLURAL + r"[a-z]*s\b)")


def words_year(words: str) -> int:
    """Return the year that ``_WORDS_YEAR``'s group ``yw`` or ``SPOKEN_YEAR_RX`` writes ("two
    thousand and four": 2004; "nineteen ninety-eight": 1998)."""
    parts = " ".join(words.lower().replace("-", " ").split()).split(" ", 1)
    rest = parts[1] if len(parts) > 1 else ""
    if parts[0] == "two":  # "two thousand and twenty-four"
        rest = rest.removeprefix("thousand").removeprefix(" and").strip()
        return 2000 + (NUMBER_WORDS[rest] if rest else 0)
    return (1900 if parts[0] == "nineteen" else 2000) + NUMBER_WORDS[rest]


ORDINAL_DAY_RX = re.compile(r"(?P<d1>" + _DAY_WORD + r")" + _DAY_REST
                            + r"(?:,?[^\S\n]++(?:(?P<y>\d{4})(?!\d)|" + _WORDS_YEAR + "))?", re.I)
# A year said aloud: "twenty fourteen", "twenty twenty-six", "nineteen ninety-eight" (not before
# a count: "twenty twenty-year-olds", "nineteen fifty percent").
SPOKEN_YEAR_RX = re.compile(
    r"(?P<c>nineteen|twenty)[^\S\n]++(?P<y>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?+)\b(?![-\s]*+(?:percent|per\s++cent|years?|" + _NOT_PLURAL + r"[a-z]+s)\b)", re.I)

# A capitalised month's name or abbreviation, for patterns of other modules.
MONTH_NAME = "(?:" + word_trie([m.capitalize() for m in MONTHS]) + ")"
_WEEKDAY = word_trie(list(WEEKDAYS))
# A weekday's name, capitalised or not (for patterns of other modules).
WEEKDAY_RX_ALT = "(?i:" + _WEEKDAY + r")\b"
_NUMWORD = word_trie(sorted(NUMBER_WORDS))
_ORDWORD = word_trie(sorted(ORDINAL_WORDS))
_ERA = r"(?:BCE|BC|B\.C\.|AD|A\.D\.|CE|C\.E\.)"
_END = r"(?![\w]|[.,]\d)"  # a number ends here: no letter, digit or decimal part follows
_SUF = r"(?:st|nd|rd|th)?"
# The full stop of an abbreviated month ("12 Sept."), not a sentence's after a full one ("12 September.").
_ABBR_DOT = "(?:" + "|".join(f"(?<={a})" for a in sorted(MONTHS.keys() - MONTHS_ALONE)) + r")\."
# Full dates that start with a digit: ISO, numeric, CJK, day-month-year.
_ISO = (r"(?P<iso>(?P<iso_y>\d{4})(?P<iso_s>[-/.])(?P<iso_m>\d{1,2})(?P=iso_s)(?P<iso_d>\d{1,2})"
        r"(?!\d|[.,]\d))")
_NUM = (r"(?P<num>(?:(?P<num_d0>\d{1,2})\.?[^\S\n]*+[–-][^\S\n]*+(?=\d{1,2}(?P<num_ds>[./])\d{1,2}(?P=num_ds)\d{4}))?"  # "10.–12.09.2024", "14–16/11/2023"
        r"(?P<num_a>\d{1,2})(?P<num_s>[-/.])(?P<num_b>\d{1,2})(?P=num_s)(?P<num_y>\d{4})"
        r"(?!\d|[.,]\d))")
# A military date-time group, as cables carry it: day, hour, minute, zone "Z", month, year
# ("141132Z MAR 24" is 14 March 2024, 11:32 UTC).
_DTG = (r"(?P<dtg>(?P<dtg_d>[0-3]\d)[0-2]\d[0-5]\dZ\s*+(?P<dtg_mon>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
        r"\s*+(?P<dtg_y>\d\d(?:\d\d)?)(?!\w))")
# A day of the month by its ordinal alone, as briefings say it: "the 19th of this month", "the
# 25th to the 28th", "the 18th and 19th", "12th instant" (this month's, in Indian and older
# English; what stands around it is checked by the caller).
_DOM = (r"(?P<dom>(?P<dom_d>[0-3]?\d)(?:st|nd|rd|th)(?:(?:\s*+[-–—]\s*+|\s++(?:to|and|through|until)\s++)"
        r"(?:the\s++)?(?P<dom_d2>[0-3]?\d)(?:st|nd|rd|th))?"
        r"(?:\s++of\s++(?P<dom_m>this|last|next|the\s++same|the\s++previous|the\s++following)\s++month"
        r"|\s++(?P<dom_inst>(?-i:instant\b|inst\.)(?![^\S\n]++(?!(?:and|at|in|when|with|but|by|to|for|one)\b)"
        r"[A-Za-z])))?(?![\w-]))")
_CJK = r"(?P<cjk>(?P<cjk_y>\d{4})\s*+年\s*+(?P<cjk_m>\d{1,2})\s*+月(?:\s*+(?P<cjk_d>\d{1,2})\s*+日)?)"
_DMY = (r"(?P<dmy_d>[0-3]?\d)" + _SUF + r"(?:(?:\s*+[-–—]\s*+|\s++(?:to|through|and)\s++)(?P<dmy_d2>[0-3]?\d)"
        + _SUF + r")?"
        r"(?:\s++day\s++of|\s++of)?(?:\s++|-)(?P<dmy_mon>" + _MONTH + r")(?:" + _ABBR_DOT + r"|(?![a-z]))")


def _apostrophe_year(name: str) -> str:
    """Return the pattern of a year of two digits after an apostrophe, closing a date ("March
    '21", "3 Sept. ’98", "Q3'21"), with the digits in group ``name`` (each pattern has its own)."""
    return r"['’‘](?P<" + name + r">\d\d)(?![\w'’]|[.,]\d)"


# What may stand between a month (or a day and month) and an apostrophe year: a comma, blanks.
_APOS_AFTER_DATE = r"(?:\s*+,)?[^\S\n]*+"
_DMY_YEAR = (r"(?:(?:\s*+,\s*+|\s++|-)(?P<dmy_y>\d{4})" + _END
             + "|" + _APOS_AFTER_DATE + _apostrophe_year("dmy_y2") + ")")
# Expressions that start with a digit, tried in this order at one position.
DIGIT_RX = re.compile(
    _ISO + "|" + _NUM + "|" + _CJK + "|" + _DTG + "|(?P<dmy>" + _DMY + _DMY_YEAR + "?)"
    r"|(?P<cent>(?P<cent_n>\d{1,2})(?:st|nd|rd|th)(?P<cent_sep>\s++|-)centur(?:y|ies)"
    r"(?:\s++(?P<cent_era>" + _ERA + r"))?(?!\w))"
    r"|(?P<qord>(?P<qord_n>[1-4])(?:st|nd|rd|th)\s++(?P<qord_u>quarter|half|semester)(?![\w-]))"
    r"|" + _DOM + r"|(?P<yq>(?P<yq_y>\d{4})\s*+[-/]?\s*+(?P<yq_c>[QH][1-4])(?!\w))"
    # a day and a month without a year, as informal European text writes them: "on 5/3", "9-11/6"
    r"|(?P<dm>(?P<dm_a>[0-3]?\d)(?:[-–](?P<dm_a2>[0-3]?\d))?/(?P<dm_b>[0-3]?\d)(?![\d/]|[.,]\d))"
    r"|(?P<yr>(?P<yr_a>\d{1,4})(?:(?P<yr_sep>\s*+[-–—/]\s*+)(?P<yr_b>\d{1,4}))?(?P<yr_s>s|['’]s)?"
    r"(?:\s*+(?P<yr_era>" + _ERA + r"))?" + _END + ")",
    re.I,
)
_MON = r"(?P<mon>" + _MONTH + r")(?P<mdot>\.)?(?![a-z])"
# (The second day after "to" or "through" too, "Dec. 5 to 7", unless a clock time or a count
# follows it: "March 5 to 7 p.m."; one line break between the month and its day only where
# a hard-wrapped line cut "December\n17, 2021", not after a stop: "by the end of April.\n\n4.")
_MON_DAY = (r"(?:(?:[^\S\n]*+(?:(?<!\.)\n[^\S\n]*+)?|-)(?P<d1>[0-3]?\d)" + _SUF + r"(?![\w:]|[.,]\d)"
            r"(?:(?:\s*+[-–—]\s*+|\s++(?:to|through)\s++)(?P<d2>[0-3]?\d)" + _SUF
            + r"(?![\w:]|[.,]\d|\s*+(?:[ap]\.?m\b|[a-z])))?)")
# A year after a month: "March 2021", "Dec. 17, 2021", or two digits after an apostrophe ("March '21").
_MON_YEAR = (r"(?:(?:\s*+,\s*+|\s++(?:of\s++)?|-)(?P<y>\d{4})" + _END
             + "|" + _APOS_AFTER_DATE + _apostrophe_year("y2") + ")")
# A month word with an optional day (or day range) and year: "Dec. 17, 2021", "May", "March 2021",
# "June ’19".
MONTH_RX = re.compile(_MON + _MON_DAY + "?" + _MON_YEAR + "?", re.I)
# Where a full date (day, month, year) may be, for reading single days without running
# the scanner over everything (``dates.day_matches``). Every full date has a day
# number, so the pattern starts with a digit that follows no digit (``re`` then skips
# along the text to digits), then looks ahead for the shapes of DIGIT_RX's full dates
# or for the day and year after a month (``md``: "Dec. 17, 2021", whose month
# dates_scan.month_before finds). The shapes are looser than DIGIT_RX and MONTH_RX,
# never stricter, and case-insensitive as they are ("1ſt" is "1st" to ``re.I``).
_DIRECT = (r"\d{5}Z\s*+[a-z]{3}\s*+\d\d|\d\d\d(?:[-/.]\d{1,2}[-/.]\d|\s*+年)|\d?[-/.]\d{1,2}[-/.]\d{4}|\d?" + _SUF
           + r"(?:\s*+[-–—]\s*+[0-3]?\d" + _SUF + r")?(?:\s++day\s++of|\s++of)?(?:\s++|-)" + _MONTH
           + r"\.?(?:[\s,\-]*+\d{4}|" + _APOS_AFTER_DATE + r"['’‘]\d\d)")
_MD_TAIL = (r"\d?" + _SUF + r"(?![\w:]|[.,]\d)(?:(?:\s*+[-–—]\s*+|\s++(?:to|through)\s++)[0-3]?\d" + _SUF
            + r"(?![\w:]|[.,]\d))?"
            r"(?:(?:\s*+,\s*+|\s++(?:of\s++)?|-)\d{4}|" + _APOS_AFTER_DATE + r"['’‘]\d\d)")
# What the digit run of any of those shapes is followed by: three more digits and a
# separator or 年, else at most one digit, a suffix and a separator, or spaces before a
# digit, a separator, "of" or a month. Implied by _MD_TAIL and _DIRECT, it turns away
# most numbers ("in 2021 the", "30 percent") in one lookahead instead of two.
_DAY_HINT = r"(?=\d{5}Z|\d\d\d(?:[-/.]|\s*+年)|\d?(?i:st|nd|rd|th)?(?:[,\-–—/.'’‘]|\s++(?:[\d,\-–—'’‘]|(?i:[adfjmnos]))))"
DAY_RX = re.compile(r"\d(?<!\d\d)" + _DAY_HINT + r"(?:(?=(?i:(?P<md>" + _MD_TAIL + ")))|(?=(?i:" + _DIRECT + ")))")
# Characters no expression, skipped number or range gap can hold, and none can start:
# the scanner's state is fresh after each one (``dates.day_matches``).
SYNC_RX = re.compile(r"[()\[\]{};:!?\"“”|]")
LAST_SYNC_RX = re.compile(r"(?s:.*)[()\[\]{};:!?\"“”|]")
# A weekday, optionally with a part of the day: "Friday night".
WEEKDAY_RX = re.compile(
    r"(?P<wd>" + _WEEKDAY + r")(?P<wdot>\.)?(?![a-z])(?:\s++(?P<part>night|morning|afternoon|evening)\b)?",
    re.I,
)
# A demonstrative and a calendar unit: "this year", "this fiscal year", "next Friday", "last May".
_DEMO_AFTER = (r"\s++(?:(?P<fis>fiscal|financial)\s++)?(?P<unit>year|month|week|weekend|quarter|century|decade"
               r"|morning|afternoon|evening|night|" + SEASON_NAMES + "|" + _WEEKDAY + "|" + _MONTH
               + r")(?![\w])")
DEMO_RX = re.compile(r"(?P<demo>this|last|next|coming|current|upcoming)" + _DEMO_AFTER, re.I)
# An ordinal quarter or half: "first half", "third quarter", "second semester" (the year follows in QTAIL_RX).
_QORD_AFTER = r"\s++(?P<unit>quarter|half|semester)(?![\w-])"  # (a semester: a half of the year)
# After a month (and day): "of every year", "each year": a recurrence, not a date.
EVERY_YEAR_AFTER_RX = re.compile(r"[^\S\n]++(?:of[^\S\n]++)?(?i:every|each)[^\S\n]++year\b")
# "end of the year", "start of the month" ...: the current one ("by the end of the year"). The
# part word triggers (much rarer than "the").
PART_OF_WORDS = ("end", "start", "beginning", "middle", "rest", "remainder", "close")
_PART_OF_AFTER = r"\s++of\s++the\s++(?P<unit>year|month)(?![\w-])"
PART_OF_RX = re.compile(r"(?:" + "|".join(PART_OF_WORDS) + ")" + _PART_OF_AFTER, re.I)
QORD_RX = re.compile(r"(?P<ord>first|second|third|fourth|final|last)" + _QORD_AFTER, re.I)
# The year part after a quarter or half: " of 2022", " of this year", " of fiscal 2021".
QTAIL_RX = re.compile(
    r"\s++of\s++(?:the\s++)?(?:(?P<y>\d{4})" + _END + r"|(?P<rel>this|last|next|current|the)\s++"
    r"(?:(?:fiscal|financial)\s++)?year(?!\w)|fiscal\s++(?:year\s++)?(?P<fy>\d{4})" + _END + ")",
    re.I,
)
# A quarter or half code: "Q3 2021", "H1".
QCODE_RX = re.compile(r"(?P<code>[QH][1-4])(?:(?:\s*+,?\s*+(?:of\s++)?|[-/])(?P<y>\d{4})" + _END
                      + r"|\s*+" + _apostrophe_year("y2") + ")?")  # "Q3 2021", "Q3-2021", "Q3'21"
# A season and a year: "summer 2021", "the spring of 2020".
_SEASON_AFTER = r"(?:\s++of)?(?:\s*+,)?\s++(?P<y>\d{4})" + _END
SEASON_RX = re.compile(r"(?P<sea>" + SEASON_NAMES + ")" + _SEASON_AFTER, re.I)
# A fiscal-year code: "FY2021", "FY 21".
FY_RX = re.compile(r"FY\s?['’]?(?P<y>\d{4}|\d{2})(?:[-/–](?P<y2>\d{4}|\d{2}))?(?!\w|[-/–]\d)")  # "FY2021-22"
# The century of a year written with two digits after an apostrophe ("March '21", "June ’98"):
# up to this value it is 20xx, above it 19xx.
TWO_DIGIT_YEAR_PIVOT = 35


def apostrophe_year(digits: str | None) -> str | None:
    """Return the year of two digits written after an apostrophe ("21" -> "2021", "98" -> "1998")."""
    if not digits:
        return None
    return str((2000 if int(digits) <= TWO_DIGIT_YEAR_PIVOT else 1900) + int(digits))


# After a year, a range left open: "2021–present", "2019-now", "2023–" before a column's gap or the
# line's end (a CV's or a register's entry that still runs).
OPEN_RANGE_RX = re.compile(r"[–—-](?:(?i:present|now|today|to[^\S\n]++date|date)\b|(?=[^\S\n]{2,}|[^\S\n]*+(?:\n|\Z)))")
# An apostrophe decade: "‘90s".
APOS_RX = re.compile(r"[‘’'](?P<d>\d0)s")
# Words that may start a candidate. Month and weekday names count only capitalized
# (``dates_scan`` drops "may", "march", "sun" ...), so they trigger only then; a
# trigger that finds nothing has no other effect, so this changes no result.
ANY_CASE_TRIGGERS = sorted(
    set(DEMONSTRATIVES) | set(SEASONS)
    | {"today", "tonight", "yesterday", "tomorrow", "first", "second", "third", "fourth", "final",
       "ago", "hence", "later", "earlier", "now", "millennium", "century", "centuries", *PART_OF_WORDS,
       "following", "previous", "same",
       "nineteen", "twenty", "thirty",
       *SAID_DAY_TRIGGERS}
)
CAPITAL_TRIGGERS = sorted(set(MONTHS) | set(WEEKDAYS))


def _after(pattern: str) -> str:
    """Return ``pattern`` as a case-insensitive lookahead without its named groups."""
    return "(?=(?i:" + re.sub(r"\(\?P<\w+>", "(?:", pattern) + "))"


# What a handler of dates_scan needs after its trigger word ("first" + " quarter",
# "this" + " year", "summer" + " 2021"): the same patterns as QORD_RX, DEMO_RX and
# SEASON_RX. A trigger that cannot lead anywhere is not reported at all, which saves
# the round trip (a trigger that finds nothing has no other effect).
# (A day said in words needs "of", or a second day, after it; the handler reads the rest: the
# whole pattern after each of twenty-odd words made this one slow to compile.)
_DAY_AFTER = r"[^\S\n]++(?:day[^\S\n]++of|of|to|through|and|-)[^\S\n]"
_TRIGGER_TAILS = {
    **{w: _after(_QORD_AFTER + "|" + _DAY_AFTER) for w in ("first", "second", "third", "fourth")},
    "final": _after(_QORD_AFTER),
    **{w: _after(_DAY_AFTER) for w in SAID_DAY_TRIGGERS},
    **{w: _after(_DEMO_AFTER) for w in ("this", "next", "coming", "current", "upcoming")},
    "last": _after(_QORD_AFTER + "|" + _DEMO_AFTER),
    **{w: _after(_SEASON_AFTER) for w in SEASONS},
    **{w: _after(_PART_OF_AFTER) for w in PART_OF_WORDS},
    **{w: _after(r"[^\S\n]++(?:year|month|" + SEASON_NAMES + r")\b") for w in ("following", "previous")},
    "same": _after(r"[^\S\n]++(?:year|month)\b"),
}


def _trigger_words() -> list[str]:
    """Return one alternative per first letter: the letter as written, then a case-folded trie.

    A literal first character lets ``re`` reject most alternatives without entering them.
    """
    heads: dict[str, dict[str, str]] = {}
    for word in ANY_CASE_TRIGGERS:
        heads.setdefault(word[0], {})[word[1:]] = r"(?!\w)" + _TRIGGER_TAILS.get(word, "")
    for word in ANY_CASE_TRIGGERS + CAPITAL_TRIGGERS:
        heads.setdefault(word[0].upper(), {})[word[1:]] = r"(?!\w)" + _TRIGGER_TAILS.get(word, "")
    return [head + word_trie(rests, fold=True) for head, rests in sorted(heads.items())]


# A digit starts a candidate unless DIGIT_RX and dates_digits certainly find nothing:
# after a digit and "." or "," (decimals, thousands), in a run of five digits or more,
# before ",<digit>" or "%", or 1-3 digits before a word that can be no month, "of" or
# era ("30 percent"), but "to"/"through" and a day ("10 to 12 September"), or 1-3 digits
# before two letters that begin no month, "of", "and" or era ("99 countries", "300
# scientists"). The scanner then skips the number as it would have.
_DIGIT_TRIGGER = (r"\d(?<!\d[.,]\d)(?!\d{4}(?!\dZ)|\d{0,3}(?:,\d|%)"
                  r"|\d{0,2}\s++(?:(?!(?:to|through)\s++\d)[EGHIKLPQRTUVWXYZeghiklpqrtuvwxyz]"
                  r"|(?!(?i:a[dnpu]|bc|ce|de|fe|j[au]|ma|no|o[cf]|se))[ABCDFJMNOSabcdfjmnos][A-Za-z]))")
_TRIGGER_HEADS = sorted({w[0] for w in ANY_CASE_TRIGGERS} | {w[0].upper() for w in ANY_CASE_TRIGGERS}
                        | {w[0].upper() for w in CAPITAL_TRIGGERS})
# What a candidate starts with: a digit, an apostrophe decade ('90s) or year ('21), a quarter code
# (Q3, H1), FY+digits, or a trigger word. Which one it is, dates_scan reads off its
# first characters (no named groups: they would slow every alternative down).
_TRIGGER_BODY = (
    r"(?=[\d‘’'QHF" + "".join(_TRIGGER_HEADS) + r"])(?:" + _DIGIT_TRIGGER + r"|[‘’']\d(?:0s|\d)(?![\w‘’'])|[QH][1-4](?!\w)"
    r"|FY(?=\s?['’]?\d)|"
    + "|".join(_trigger_words()) + ")"
)
# A trigger at a given position (``dates_triggers`` finds the positions: a search with
# "no word character" before this pattern tests every character and enters the pattern
# after every space).
TRIGGER_AT_RX = re.compile(_TRIGGER_BODY)

# Looking back from "ago": a count and a unit ("more than forty years ").
AGO_BACK_RX = re.compile(
    r"(?<![\w-])(?P<n>\d{1,3}|a\s++couple\s++of|" + _NUMWORD + r")[\s-]++(?P<unit>years?|months?|weeks?|fortnights?|days?|decades?"
    r"|centur(?:y|ies))\s++\Z",
    re.I,
)
# Before "a century ago" or "a year later": a share of it ("a quarter of ", "half ", "three quarters of ").
FRACTION_BACK_RX = re.compile(
    r"(?<![\w-])(?:(?P<q>(?:a|one)[\s-]++quarter)|(?P<h>half)|(?P<tq>three[\s-]++quarters))[\s-]++(?:of[\s-]++)?\Z",
    re.I,
)
# After "later" or "earlier": a comparison ("two years later than planned"), no date.
THAN_AFTER_RX = re.compile(r"[^\S\n]++than\b", re.I)
# Looking back from "century": an ordinal word ("the twentieth ").
CENTURY_BACK_RX = re.compile(r"(?<![\w-])(?P<ord>" + _ORDWORD + r")(?P<sep>\s++|-)\Z", re.I)
# Optional era after "century" ("century BC").
ERA_AFTER_RX = re.compile(r"\s++(?P<era>" + _ERA + r")(?!\w)")
# Non-calendar references, emitted only on request (TimeML PRESENT_REF and friends).
REFS_RX = re.compile(
    r"\b(?:(?P<present>now|currently|nowadays|presently|at\s++present|these\s++days)"
    r"|(?P<past>(?<=in\s)the\s++past)|(?P<future>(?<=in\s)the\s++future))\b",
    re.I,
)
# A word token, for reading a few words of context.
WORD_RX = re.compile(r"[A-Za-z][A-Za-z’']*+")
# Where the left context of an expression stops: a sentence mark before a space, a
# bracket or a quote. The greedy ``.*`` makes the match end after the LAST cut of the
# window. (Blank lines do not cut: the earlier pattern's ``\n\s*+\n`` could never
# match, its possessive ``\s*+`` eating the second newline; results stay as they were.)
LAST_CUT_RX = re.compile(r"(?s:.*)(?:[()\[\]{}“”\"|•]|[.!?;:](?=\s))")
# A range connector between two expressions: "2016 to 2020", "March–May"; and the second
# end's modifier with it ("between mid-2019 and early 2021").
CONNECTOR_RX = re.compile(
    r"\s*+(?P<word>[-–—]|to|through|thru|till|until|and)\s*+(?:(?:early|mid|late)(?:-|\s++))?\Z", re.I
)
# A clock time on a dateline ("10:32", "10:32 AM GMT").
CLOCK_RX = re.compile(r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*+[ap]\.?m\.?)?|\d{1,2}h\d{2}\b)(?:\s*+[A-Z]{2,5}(?:[+-]\d{1,2})?)?",
                      re.I)  # "10:45", "4:12 pm", "14h20 BRT"
