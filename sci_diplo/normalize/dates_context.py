"""Reading the words around a temporal expression: relation, modifiers, year test, tense.

All functions look at a short window of text (tens of characters) around a
candidate, so their cost does not grow with the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sci_diplo.normalize import dates_grammar as g

_WINDOW = 48
_TWO_WORD_RELATIONS = {("prior", "to"), ("ahead", "of"), ("as", "of"), ("up", "to"), ("back", "to"),
                       ("later", "than"), ("earlier", "than")}
# "no later than 2030" is by 2030, "no earlier than 2025" after 2025.
_NEGATED_RELATIONS = {"later than": "by", "earlier than": "after"}
_PAIR_TAILS = frozenset(w for _, w in _TWO_WORD_RELATIONS)
# Last words of the two-word qualifiers ("more than"): only they need the word before.
_QUALIFIER_TAILS = frozenset(k.split()[-1] for k in g.AGO_QUALIFIERS if " " in k)
_NON_YEAR_LEFT = frozenset(
    "no number page pages pp p tel fax room flight route vol volume issue article section chapter "
    "resolution model version code item line box suite unit".split()
)
_HYPHEN_LEFT = frozenset("mid pre post early late end".split())
_NOT_PLURAL = ("ss", "us", "is", "ics")
_PHRASE_HEADS = frozenset("end beginning start middle turn close".split())


@dataclass(slots=True)
class Left:
    """What the words before an expression say about it.

    ``relation`` is a SCHEMA relation or None; ``lead`` is where the span starts
    with its modifier words ("early", "the end of"); ``rel_lead`` also covers
    the relation word(s) ("since", "prior to"); ``word`` is the nearest word
    before the modifier (lower-cased, "" if none); ``strong`` is True when a
    relation word or a modifier stands right before; ``determiner`` when "the",
    "a", "its" or a possessive does; ``qualifier`` is the relation implied by
    "more than"/"less than" (for "ago") and ``qual_lead`` where that starts.
    """

    relation: str | None
    lead: int
    rel_lead: int
    word: str
    strong: bool
    determiner: bool
    rel_word: str = ""
    qualifier: str | None = None
    qual_lead: int = -1


# WORD_RX captured: split() on a window gives [gap, word, gap, word, ..., word, gap].
_WORD_SPLIT_RX = re.compile("(" + g.WORD_RX.pattern + ")")


def _joined(gap: str) -> bool:
    """Return True when ``gap``, the text between two words, is only spaces (or one hyphen)."""
    if len(gap) == 1:  # the usual case: one character
        return gap == " " or gap == "-" or gap.isspace()
    return gap.strip().strip("-") == "" and "\n\n" not in gap


def _start(parts: list[str], j: int, end: int) -> int:
    """Return where word ``j`` of a split window ending at ``end`` starts."""
    return end - sum(map(len, parts[2 * j + 1:]))


def read_left(text: str, start: int) -> Left:
    """Return the :class:`Left` context of an expression starting at ``start``.

    It reads the last six words before ``start`` in the same clause (after the
    window's last cut), each with the gap that follows it.
    """
    first = start - _WINDOW if start > _WINDOW else 0
    cut = g.LAST_CUT_RX.match(text, first, start)
    if cut is not None:
        first = cut.end()
    parts = _WORD_SPLIT_RX.split(text[first:start])[-13:]
    # words[j] (lower-cased) is followed by gaps[j]; the words hold no space to split on
    words = " ".join(parts[1::2]).lower().split(" ") if len(parts) > 1 else []
    gaps = parts[2::2]
    mod = _modifier_length(words, gaps)
    i = len(words) - 1 - mod
    lead = _start(parts, i + 1, start) if mod else start
    nearest = words[i] if i >= 0 and _joined(gaps[i]) else ""
    det = nearest in g.YEAR_DETERMINERS or text[max(0, lead - 3):lead].rstrip().endswith(("'s", "’s"))
    if not nearest:  # no word right before: nothing more to read
        return Left(None, lead, lead, "", bool(mod), det, "")
    raw = nearest
    if nearest == "the" and not mod and i > 0 and _joined(gaps[i - 1]):
        i -= 1  # "since the 1990s": the relation word stands before "the"
        nearest = words[i] if words[i] in g.RELATION_WORDS else ""
        if not nearest:
            i, nearest = i + 1, "the"
    if nearest in _DAY_ENDS and not mod and i > 0 and _joined(gaps[i - 1]) and words[i - 1] in g.RELATION_WORDS:
        i, nearest = i - 1, words[i - 1]  # "by COB 24 Feb", "before noon 3 May": the relation word before the hour
    if nearest == "least" and not mod and i > 1 and words[i - 1] == "at" and _joined(gaps[i - 1]) \
            and _joined(gaps[i - 2]) and words[i - 2] in g.RELATION_WORDS:
        i, nearest = i - 2, words[i - 2]  # "until at least 2030": the relation word stands before "at least"
    relation, rel_word, rel_at = _relation(words, gaps, i, nearest)
    rel_lead = lead if rel_at < 0 else _start(parts, rel_at, start)
    left = Left(relation, lead, rel_lead, raw, bool(mod or rel_word), det, rel_word)
    if not mod:
        left.qualifier, qual_at = _qualifier(words, gaps, i)
        if qual_at >= 0:
            left.qual_lead = _start(parts, qual_at, start)
    return left


# An hour that ends a day, between a relation word and its day: "by COB 24 Feb" (close of business).
_DAY_ENDS = frozenset("cob eob eod noon midnight".split())
# Words before "from" that make it the start of what holds or runs on ("applies from 1 January
# 2026", "takes effect from", "valid from", "funding flows from next year"): since, not an origin.
_IN_FORCE = frozenset("apply applies applied valid effect effective available run runs operate operates "
                      "operational flow flows open opens force".split())


def _relation(words: list[str], gaps: list[str], i: int, nearest: str) -> tuple[str | None, str, int]:
    """Return (relation, relation word(s), index of the word they start at or -1) for
    ``nearest`` = ``words[i]``."""
    joined_before = i > 0 and _joined(gaps[i - 1])
    if nearest in _PAIR_TAILS and joined_before and (words[i - 1], nearest) in _TWO_WORD_RELATIONS:
        rel_word, rel_at = f"{words[i - 1]} {nearest}", i - 1
    elif nearest in g.RELATION_WORDS and nearest != "to":
        rel_word, rel_at = nearest, i
    else:
        return None, "", -1
    relation = g.RELATION_WORDS[rel_word]
    if rel_word in _NEGATED_RELATIONS and rel_at > 0 and _joined(gaps[rel_at - 1]) and words[rel_at - 1] in ("no", "not"):
        return _NEGATED_RELATIONS[rel_word], f"{words[rel_at - 1]} {rel_word}", rel_at - 1
    before = words[i - 1] if joined_before else ""
    if rel_word in ("in", "from") and before in ("starting", "beginning", "effective"):
        relation, rel_at = "since", i - 1
    elif rel_word == "from" and before and before not in _IN_FORCE:
        relation = "on"  # "walls from 1950": an origin; "From 2005, he ...", "applies from 2026": since
    elif rel_word == "between":
        relation = "on"  # "between" makes a range only with "and" (dates._join)
    return relation, rel_word, rel_at


def _qualifier(words: list[str], gaps: list[str], i: int) -> tuple[str | None, int]:
    """Return the relation of "more than"/"over"/"less than" ending at ``words[i]`` and the
    index of its first word, or (None, -1)."""
    word = words[i]
    if word in _QUALIFIER_TAILS and i > 0 and _joined(gaps[i - 1]):
        two = f"{words[i - 1]} {word}"
        if two in g.AGO_QUALIFIERS:
            return g.AGO_QUALIFIERS[two], i - 1
    if word in g.AGO_QUALIFIERS:
        return g.AGO_QUALIFIERS[word], i
    return None, -1


def _modifier_length(words: list[str], gaps: list[str]) -> int:
    """Return how many of the last ``words`` form a modifier: "early", "mid-", "the end of (the)"."""
    n = len(words)
    last = words[-1] if n else ""
    if last == "the":
        k = 3 if n >= 3 and words[-2] == "of" and words[-3] in _PHRASE_HEADS else 0
    elif last == "of":
        k = 2 if n >= 2 and words[-2] in _PHRASE_HEADS else 0
    else:
        k = 1 if last in g.MODIFIERS else 0
    if not k:
        return 0
    if n > k and words[n - k - 1] == "the":
        k += 1
    # every word of the modifier must touch the next one
    for j in range(n - k, n):
        if not _joined(gaps[j]):
            return 0
    return k


# A deadline named in the words before a date: "deadline 30 Sept 2024", "Deadline: 14 June
# 2024", "the deadline for pre-proposals is 31 January", "the call closes 12 May". Between a
# deadline noun and the date only words of a deadline's sentence may stand ("Deadline talks
# resumed 12 May", "who missed the deadline met again 12 May" name none); closing needs what
# closes ("the call", "applications", or a window that opens before it: "opens 1 October, closes
# 15 November"; not "the embassy will close 15 August", "reopened on 4 April, closes 20 April"). "Due"
# only after what is handed in ("applications are due Sept. 30"): "the dialogue, due later this
# year" is a schedule.
_DEADLINE_WORDS = (
    r"(?:is|was|are|were|will|be|now|still|apparently|officially|currently|set|extended|moved|postponed|to|for|of"
    r"|the|a|an|full|first|second|final|new|revised|original|and|applications?|proposals?|pre-proposals?"
    r"|submissions?|abstracts?|nominations?|bids?|registration|entries|papers|comments|expressions?|interest)"
)
_DEADLINE_RX = re.compile(
    r"(?i)(?:\b(?:deadlines?|closing[^\S\n]+date|cut-?off[^\S\n]+date)[*_]*:?(?:[^\S\n]+" + _DEADLINE_WORDS + r"){0,4}"
    # a label that opens its line: "Deadline for comments on this report:" (words in lower case: not
    # "Deadline talks between Brussels and London:", "Closing date of the Oslo conference:")
    r"|^[^\S\n]*+[*_#-]*[^\S\n]*+(?:deadlines?|closing[^\S\n]+date)[^\S\n]+(?-i:for|of)[^\S\n]+(?-i:[a-z][a-z '’-]{0,45}):"
    r"|(?:\b(?:calls?|applications?|submissions?|registration|round|window|portal|nominations?|proposals?|bids?|tender)"
    r"(?:[^\S\n]+will)?[^\S\n]+|\b(?:opens|open[^\S\n]++(?:on[^\S\n]++)?\d)[^\n.;]{0,40}[,;][^\S\n]*+)(?:closes|close)"
    # what is handed in, due: "applications are due Sept. 30", "reports must be due by"
    r"|\b(?:applications?|proposals?|submissions?|reports?|abstracts?|nominations?|bids?|papers|comments|entries)"
    r"[^\S\n]++(?:are|is|will[^\S\n]++be|must[^\S\n]++be)[^\S\n]++due(?:[^\S\n]++(?:on|by))?)"
    r"[*_]*:?[^\S\n]*[*_]*\Z",
    re.M,
)
# Words that may follow a deadline's date in its clause ("deadline 5 May at 17:00 CET"):
# another lower-case word makes the date name something else ("the deadline for the 2024 call").
_AFTER_DEADLINE = frozenset("at and or for in with midnight noon but so which when".split())


def deadline_before(text: str, start: int, end: int) -> bool:
    """Return True when a deadline is named right before the date at ``text[start:end]``, in
    its clause, and the date ends that clause or is followed by a time or a conjunction."""
    lo = max(0, start - 60)
    window = text[lo:start].lower()
    if "deadline" not in window and "clos" not in window and "cut" not in window and "due" not in window:
        return False  # (a quick test before the regex)
    if not _DEADLINE_RX.search(text, max(lo, _line_start(text, start)), start):
        return False
    nxt = right_word(text, end)
    return not nxt[:1].islower() or nxt in _AFTER_DEADLINE


# "since" and a noun phrase before the "in" of a date: "since its creation in 2014", "since
# the signing of the accord in March 2019". The phrase names an event: its first word is one,
# "the start", "its launch", or a noun made from a verb ("creation", "signing", "establishment");
# "since the ministers meet in June" (a cause) and "since the centre was established in 2016"
# (when it was established) are none, nor "since the start of the year" (a date of its own).
_SINCE_PHRASE_RX = re.compile(
    r"(?i)\bsince[^\S\n]+(?:its|the|their|his|her|our|this|that)[^\S\n]+(?P<event>[\w'’-]+)"
    r"(?:[^\S\n]+[\w'’-]+){0,3}[^\S\n]+\Z"
)
_EVENT_NOUNS = frozenset("launch start founding creation signing opening inception establishment beginning outset "
                         "arrival election adoption entry ratification formation debut accession birth".split())
_EVENT_ENDINGS = ("tion", "sion", "ment", "ing", "ure", "ance", "ence", "al")
_UNIT_WORDS = frozenset("year years month months week weeks day days decade century".split())


def since_phrase(text: str, rel_lead: int) -> int:
    """Return where "since" starts when it and a noun phrase naming an event stand before
    ``rel_lead`` (the "in" or "on" of a date), else -1."""
    lo = max(0, rel_lead - 60)
    if "ince" not in text[lo:rel_lead].lower():
        return -1  # (no "since" there: a quick test before the regex)
    mt = _SINCE_PHRASE_RX.search(text, max(lo, _line_start(text, rel_lead)), rel_lead)
    if mt is None:
        return -1
    event = mt["event"].lower()
    if event not in _EVENT_NOUNS and not (event.endswith(_EVENT_ENDINGS) and not event.endswith("ed")):
        return -1
    words = g.WORD_RX.findall(mt.group().lower())[2:]
    if any(w in g.BE_WORDS or w in g.PAST_WORDS or w in _UNIT_WORDS or (w.endswith("ed") and len(w) > 4) for w in words):
        return -1
    return mt.start()


def right_word(text: str, end: int) -> str:
    """Return the next word after ``end`` (as written) if only spaces come between, else ""."""
    mt = g.WORD_RX.search(text, end, end + 40)
    if not mt or text[end:mt.start()].strip():
        return ""
    return mt.group()


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", max(0, pos - 200), pos) + 1


# A plan's head right before a year, in its name: "Saudi Vision 2030", "Research Roadmap 2035".
_PLAN_BEFORE_RX = re.compile(r"\b(?:" + "|".join(sorted(g.PLAN_HEADS)) + r")[^\S\n]\Z")


def year_like(text: str, start: int, end: int, year: int, left: Left, after_year: bool) -> bool:
    """Return True when the bare number ``year`` at ``text[start:end]`` reads as a year.

    It must lie in 1000-2100 and not be followed by a unit or counted noun, nor
    be a label number ("No. 2021", "$2021"), nor stand in a plan's name beside its head
    ("the 2030 Agenda", "Vision 2030"). Then any of: a relation or modifier
    word before it (in, since, by, early, mid- ...), "year"/"fiscal" before it,
    a determiner or possessive before a year in 1900-2100 ("the 2015 Nobel
    Prize", "Nixon's 1972 visit"), an event noun after it, a list continuing a
    year (``after_year``), a past participle before a year that closes a clause
    ("renewed 2022."), or a year standing alone before a comma or in brackets.
    """
    if not 1000 <= year <= 2100:
        return False
    if year < 1600 and (_HIJRI_AFTER_RX.match(text, end) or _HIJRI_MONTH_BEFORE_RX.search(text, max(0, start - 24), start)):
        return False  # a Hijri year: "15 Ramadan 1446", "1446 AH" (not "Ramadan 2024", "2024 H-1B")
    nxt = right_word(text, end)
    if nxt in g.PLAN_HEADS or _PLAN_BEFORE_RX.search(text, max(0, start - 12), start):
        return False  # a plan's name: "the 2030 Agenda", "its 2050 Strategy", "Vision 2030", "Roadmap 2035"
    low = nxt.lower()
    tail = text[end:end + 6]
    if low in g.COUNT_NOUNS and not _NEXT_LABEL_RX.match(text, end) or tail.lstrip().startswith(("%", "-year", "-yr")) \
            or tail[:1] == "-":
        return False  # ("1998 staff", "supported 2015\nstudents"; not the next line's label: "1998\nStaff: 320")
    before = text[max(0, start - 1):start]
    if before in "$€£¥#" and before:
        return False
    if before == "-" and text[max(0, start - 6):start - 1].lower().lstrip(" -").split(" ")[-1] not in _HYPHEN_LEFT:
        return False
    if left.word in _NON_YEAR_LEFT or (left.word == "c" and before != "."):
        return False
    modern = 1900 <= year <= 2100
    if left.strong or left.word in g.YEAR_LEFT or after_year:
        return True
    plural = low == nxt and low.endswith("s") and not low.endswith(_NOT_PLURAL) and low not in g.EVENT_PLURALS
    if left.determiner and modern and nxt and not plural:
        return True
    if modern and (low in g.EVENT_NOUNS or tail.startswith(("'s", "’s"))):
        return True
    if modern and left.word.endswith("ed") and len(left.word) > 4 and (tail[:1] in ",.;)" or tail[:1] == "\n"):
        return True  # a past participle and a year closing a clause: "renewed 2022.", "Adopted 2020,"
    if modern and (tail[:1] in ",.;)\n" or end == len(text)) and (label := _LABEL_OR_COMPARED_RX.search(
            text, max(0, start - 20), start)) is not None and not (label["cmp"] and _COUNT_BEFORE_RX.search(
            text, max(0, label.start() - 80), label.start())):
        return True  # an infobox's "Established: 2011"; "doubled compared with 2022." (not "2450 ..., compared with 1980")
    return modern and _standalone(text, start, end)


# A participle's label at a line's start ("Established: ", "Founded: "), or a comparison ("compared
# with ", "compared to "), before a year that closes its clause.
_LABEL_OR_COMPARED_RX = re.compile(
    r"(?:^[^\S\n]*+[*_]*+(?:Established|Founded|Created|Launched|Opened|Signed|Adopted|Ratified|Started|Completed"
    r"|Inaugurated|Incorporated|Built|Commissioned|Dissolved|Closed|Formed|Introduced|Enacted|Renewed|Concluded)[*_]*+:"
    r"|\b(?P<cmp>compared)[^\S\n]++(?:with|to))[^\S\n]*+\Z", re.M)
# A count before such a comparison, whose number the year would be ("2,450 applications, compared with 1980").
_COUNT_BEFORE_RX = re.compile(r"\d,\d{3}|\d{3}")
# A label opening the next line ("Staff: 320"), whose word counts nothing of the year before it.
_NEXT_LABEL_RX = re.compile(r"[^\S\n]*+\n[^\S\n]*+[A-Z][\w'’ -]{0,30}:")
# A year of the Hijri calendar: its era after it, or a month of it before ("23 Shawwal 1446 AH").
_HIJRI_AFTER_RX = re.compile(r"[^\S\n]*+(?:AH|A\.H\.|H)(?![\w.-])")
_HIJRI_MONTH_BEFORE_RX = re.compile(
    r"\b(?:Muharram|Safar|Rabi[ʿ'’]?\s*(?:al|ul)?[-\s]?(?:Awwal|Thani|Akhir)|Jumad[ae][ʿ'’]?\s*(?:al|ul)?[-\s]?(?:Awwal|Ula|Thani"
    r"|Akhira)|Rajab|Sha[ʿ'’]?ban|Ramadh?an|Shawwal|Dhu\s*al[-\s]?(?:Qa[ʿ'’]?dah|Hijjah))[^\S\n]++\Z")
# A timeline's year with a note in brackets before its dash or colon: "2025 (planned) – ...".
_NOTED_ENTRY_RX = re.compile(r"[^\S\n]?\([^()\n]{1,24}\)[^\S\n]*+(?:[:]|[-–—][^\S\n])")


# A bracketed note before a year that closes it: a place or a name and a comma ("(Dubai, ").
_BRACKET_NOTE_RX = re.compile(r"[(\[][A-Z][^()\[\]\n,]{0,40},[^\S\n]*\Z")


def _standalone(text: str, start: int, end: int) -> bool:
    """Return True for a year opening a line or sentence before a comma or a verb
    ("2011, the first year", "2020 was hard"), opening a line or a list item before a colon
    or a spaced dash (a timeline: "- 2008: Ghana and Germany sign ...", "2025 (planned) – ..."), or alone in
    brackets ("(2019)") or in a table's cell ("| 2016 |")."""
    after = text[end:end + 2].lstrip()[:1]
    prev = text[_line_start(text, start):start].rstrip(" *_#>\t")
    label = prev.endswith(".") and prev[:-1].rsplit(" ", 1)[-1].lower() in _NON_YEAR_LEFT  # "No. 2021"
    opening = prev == "" or prev.endswith((".", "!", "?", ":")) and not label
    if opening and (after == "," or right_word(text, end) in g.YEAR_SUBJECT_VERBS):
        return True
    if prev.rstrip("-•–·") == "" and (after == ":" or after in "-–—" and text[end:end + 1] == " "
                                     or after == "(" and _NOTED_ENTRY_RX.match(text, end)):
        return True
    if prev.endswith("|") and after == "|":
        return True  # alone in a table's cell: "| 2016 | TROPSAT-1 |"
    if after in (")", "]") and _BRACKET_NOTE_RX.search(prev):
        return True  # closing a bracketed note: "At COP28 (Dubai, 2023)", "(Nairobi, 2015)"
    return prev.endswith(("(", "[")) and after in (")", "]", ";", ",")


def clause_tense(text: str, start: int, end: int) -> bool | None:
    """Return True when the clause around ``text[start:end]`` speaks of the future, False
    when of the past, None when it does not say.

    Scans up to 20 words before the expression (nearest first, same sentence), then
    the few words after it: a future marker (will, shall, due, scheduled, expected,
    plans ...) says future; a past marker (was, said, an -ed verb not after
    "be") says past.
    """
    lo = max(0, start - 160)
    head = text[lo:start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("? "), head.rfind("! "))
    colon = head.rfind(": ")
    if colon > cut and len(g.WORD_RX.findall(head, colon)) >= 2:
        cut = colon  # a clause after a colon has its own tense ("supplier confirmed: installation from 14
        # April"; not a label's "First call closes: Sept. 30")
    before = g.WORD_RX.findall(head, max(0, cut))[-21:]  # the 21st: the 20th's neighbour ("is asked")
    verdict = tense_of(list(reversed(before)), 20)
    if verdict is not None:
        return verdict
    tail = text[end:end + 80]
    stop = min((k for k in (tail.find(". "), tail.find("\n")) if k >= 0), default=len(tail))
    if ":" in tail and (code := _EMOJI_CODE_RX.search(tail, 0, stop)) is not None:
        stop = code.start()  # a chat's emoji code ends its sentence: "on 20 March in Dodoma :tada: Sweden confirmed"
    return tense_of(g.WORD_RX.findall(tail, 0, stop)[:6])


# An emoji's short code, as chat exports write it: ":tada:", ":+1:", ":raised_hands:".
_EMOJI_CODE_RX = re.compile(r"(?<![\w:]):[a-z0-9_+-]{2,30}:(?![\w:])")


def tense_of(words: list[str], scan: int | None = None) -> bool | None:
    """Return True (future), False (past) or None for words in reading order from the expression
    (the first ``scan`` of them, when given; the next one is still read as a neighbour)."""
    for k, word in enumerate(words[:scan]):
        w = word.lower()
        if w in g.FUTURE_NOUNS:  # "plans to launch" (either way round), not "the plan"
            if "to" in (words[k - 1].lower() if k else "", words[k + 1].lower() if k + 1 < len(words) else ""):
                return True
            continue
        if w in g.FUTURE_WORDS or w.endswith(("'ll", "’ll")):
            return True
        if w in g.PAST_WORDS:
            return False
        if (w.endswith("ed") and len(w) > 4 and w not in g.NOT_PAST_ED) or w in g.PAST_IRREGULAR:
            # "is due to be published": a participle after "be" is not a past tense.
            neighbour = words[k + 1].lower() if k + 1 < len(words) else ""
            if neighbour not in g.BE_WORDS:
                return False
    return None
