"""Dated claims: one per date-bearing statement, linking the sentence's facts.

A claim is a sentence holding at least one date that stands in a statement:
not a question, not a masthead or dateline (nor a line of fewer than three words besides its
dates, a short line that gives the document's own date, or a heading in capitals), not the vague "today" or a decade ("the ‘80s"), not a yardstick ("the
1981–2010 average"), and not a date that a more precise date of the same
clause lies within ("the 2021 Conference opened on December 12" is dated
2021-12-12). Its span in ``doc.spans["sci_diplo_claims"]`` carries those dates
(``claim_dates``; the records hold one claim per date) and the countries,
figures and programmes of the sentence (the spans are rebuilt from character
offsets in ``claim_links``, so the Doc stays serializable). A sentence that
names no country takes the countries of its paragraph, and says so in
``span._.claim_inferred``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from sci_diplo.components import extensions
from sci_diplo.components.base import Batched, doc_cache, doc_text, found, release, sentence_chars, sentences, set_attrs
from sci_diplo.components.extensions import CLAIMS, COUNTRIES, DATES, FIGURES, PROGRAMMES
from sci_diplo.components.paragraphs import BULLET_ITEM, paragraph_of
from sci_diplo.normalize.dates import date_bounds
from sci_diplo.normalize.countries import names_place
from sci_diplo.normalize.dates_grammar import MONTHS, past_verb
from sci_diplo.normalize.published import CLOCK_AFTER_RX, HEAD_CHARS, ISO_STAMP_RX, MASTHEAD_CHARS, signals_publication
from sci_diplo.normalize.readable import line_end, message_stamp

# Dates that name the moment of speaking rather than the time of an event.
DEICTIC = frozenset({"today", "now", "nowadays", "currently", "at present", "presently"})
# Past forms that make "today" the day of an event ("has today signed", "today announced"):
# ``past_verb``'s, and two that are also present tenses ("has today set out").
PAST_ALSO_PRESENT = frozenset({"put", "set"})
# Programme categories whose names may open on the year of the event: "the 2015 Nobel Prize"
# (other), "the 2019 Science Summit" (conference) happened then; "the 2030 Agenda" did not.
EVENTS = frozenset({"conference", "dialogue", "other"})
# Decades and centuries name an era, not the time of an event: "the ‘80s", "1990s", "the 21st century".
VAGUE = re.compile(r"\d0s\b|\bcentur(?:y|ies)\b", re.I)
# What may close a question after its "?": white space, quotes, brackets, emphasis marks.
QUESTION_TRAIL = " \t\r\n\"'”’»)]*_"
# Words of a statement, besides its dates (a masthead or page footer has fewer).
WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 3
# Between two clauses of a sentence, which may date different events.
CLAUSE_BREAK = re.compile(r";|,[^\S\n]+(?:and|but|while|whereas)\b")
# A period used as a yardstick names no event: "warmer than the 1981–2010 average", "below 2019 levels".
REFERENCE_AFTER = re.compile(r"[^\S\n]+(?:average|mean|baseline|norm|normal|levels?)\b", re.I)

# A heading that opens a list of references, alone on its line: what follows it cites, it claims
# nothing ("^ Lê, Minh Châu (2009). Science Diplomacy in Vietnam, 1975–2005.").
# (Searched from each line break, a literal the regex engine finds fast: "^" with re.M is tried
# at every character of every text.)
REFERENCES_HEADING = re.compile(
    r"\n[^\S\n]*+[#*_]*+[^\S\n]*+(?i:References|Bibliography|Works[^\S\n]++cited|Citations|Footnotes"
    r"|Further[^\S\n]++reading)[^\S\n]*+[*_]*+:?[^\S\n]*+(?:\n|\Z)")
# A line of a wiki's reference list opens with a caret: "^ Lê, Minh Châu (2009)."
REFERENCE_LINE = re.compile(r"[^\S\n]*+\^[^\S\n]")
# A byline and its date: "Posted by Jess Tremblay · December 12, 2023 · 6 min read", "By Li Wei | ...".
BYLINE = re.compile(r"[^\S\n]*+[*_]*+(?:Posted[^\S\n]++by[^\S\n]|By[^\S\n]++[A-Z][\w.'’-]*+(?:[^\S\n]++[A-Z][\w.'’-]*+){0,3}"
                    r"[^\S\n]*+[|·•])")
# A document's own stamp before a date, opening its line or a field of a masthead bar: "Issued:
# 29 April 2024", "Call reference IDBR-2024-03 · Published 15.11.2024", "Thread view · saved 20
# Jan 2025". The date is the document's, and states no event. ("The report was published on
# 5 May 2020." is a sentence, and claims.)
STAMP_BEFORE = re.compile(
    r"(?:^|[·|•\[])[^\S\n]*+[*_]*+(?:last[^\S\n]++)?(?i:published|posted|updated|issued|released|saved|dated|date"
    r"|premiered|modified|edited|captured|archived|available[^\S\n]++online|version[^\S\n]++of)[*_]*+[^\S\n]*+"
    r"[:：]?[^\S\n]*+(?:on[^\S\n]++)?\Z", re.M)
LABEL_WORDS = 8  # words before the date on a publication label's line, at most
# A label's line: it opens with a publication's word ("Issued by ...", "Tabled in ...") or has it
# after a field's dash or bar ("FAQ version 3 — published"), or its label ends with a colon ("Page
# updated:"); not a sentence ("Kenya released on 3 March 2024 its").
LABEL_LINE = re.compile(r"[^\S\n]*+[*_#>]*+(?:(?:[^\n]{0,40}?[—–|·•][^\S\n]*+)?(?i:published|posted|updated|released|issued"
                        r"|tabled|laid|submitted|dated|date|last)\b|[^\n:]*+:[^\S\n]*+(?:on[^\S\n]++)?\Z)")
# A heading in capitals: a short line that opens with two words in capitals, has no lower-case
# letter outside brackets and ends with no full stop ("ANNUAL IMPLEMENTATION REPORT 2024/25",
# "KEY FIGURES (academic year 2024/25)"; not "CERN COUNCIL approves ... on 14 June 2024").
CAPITALS_HEADING = re.compile(r"[^\S\n]*+[#*_]*+[A-Z][A-Z&'’-]++[^\S\n]++[A-Z][A-Z&'’-]++\b"
                              r"(?:[^\na-z()]|\([^()\n]*+\))*+(?<![.!?;:,])[^\S\n]*+(?:\n|\Z)")
HEADING_CHARS = 80  # the longest heading line
# An author-year citation: the year of a work, no event: "discussed in Al-Rawahi (2021)", "see
# Mwakyusa and Al-Said (2023)", "Smith et al. (2019)", "(Chen and Li, 2020)", "(Okafor 2018; ...".
_AUTHOR = r"[A-Z][\w'’-]*+"
_MORE_AUTHORS = r"(?:[^\S\n]++et[^\S\n]++al\.?|[^\S\n]++(?:and|&)[^\S\n]++" + _AUTHOR + r")?"
CITATION_BEFORE = re.compile(
    r"(?:\b(?:see|cf\.|(?:discussed|described|reported|cited|reviewed|summari[sz]ed|quoted|documented|analy[sz]ed"
    r"|argued|shown|noted|found)[^\S\n]++(?:in|by))[^\S\n]++(?P<name>" + _AUTHOR + ")" + _MORE_AUTHORS
    + r"[^\S\n]*+\(|" + _AUTHOR + r"[^\S\n]++et[^\S\n]++al\.?[^\S\n]*+\("
    r"|\((?P<name2>" + _AUTHOR + ")" + _MORE_AUTHORS + r",?[^\S\n]*+"
    r"|[A-Z][\w-]*+[^\S\n]++\d{1,4}[^\S\n]*+\()\Z")  # a journal's volume: "Water Science 14 (2023) 101872"
_MORE_AUTHORS_RX = re.compile(r"[^\S\n](?:et[^\S\n]++al|and|&)\b")
CITATION_AFTER = re.compile(r"[a-z]?(?:\)|;[^\S\n]*+[A-Z])")
# Before the last field of a masthead bar: another field and a bar.
MASTHEAD_FIELD_BEFORE = re.compile(r"[^\S\n]*+[|·•][^\S\n]*+\Z")
# A reply's attribution with its address ("On Mon, 13 Feb 2023 at 10:22, Petra <petra@x.cz> wrote:"),
# maybe quoted (not "On 5 March 2024, Minister Chen wrote:").
WROTE_LINE = re.compile(r"[^\S\n]*+(?:>[^\S\n]*+)*On[^\S\n][^\n]{0,160}[@<][^\n]{0,80}[^\S\n]wrote:[^\S\n]*+$", re.M)
# A forum post's handle and age ("u/sendai_or_bust · 5 days ago", "@kenya_lab • 2d").
HANDLE_LINE = re.compile(r"[^\S\n]*+[*_]*+(?:u/|@)[\w.-]+[^\S\n]*+[·•|]")
# A line of sources or notes that lists them: "Sources: [1] CCIR programme page (accessed Mar 2024)"
# (not "Sources: the deal was signed on 12 March 2024, officials said.").
SOURCES_LINE = re.compile(r"[^\S\n]*+[*_#]*+(?i:sources?|references?|notes?|bibliography)[*_]*+[^\S\n]*+:"
                          r"[^\S\n]*+(?:\[|\(?\d|https?://)")
# A caption: "Table 3.1 Selected instruments (as of June 2023)", "Figure 2: Funding, 2015–2020".
CAPTION = re.compile(r"[^\S\n]*+(?:Table|Figure|Fig\.|Chart|Box|Exhibit|Map)[^\S\n]++\d{1,3}(?:\.\d{1,3})*+[.:]?[^\S\n]")
# A page's own note of its last change: "This page was last edited on 9 October 2023, at 14:27".
PAGE_NOTE = re.compile(r"[^\S\n]*+(?:this[^\S\n]++(?:page|article|story)[^\S\n]++was[^\S\n]++|page[^\S\n]++)?"
                       r"last[^\S\n]++(?:edited|updated|modified|reviewed)\b", re.I)

Pair = tuple[Span, Any]


class Found:
    """``(span, match)`` pairs sorted by start token, to find those inside a token range quickly."""

    def __init__(self, pairs: Sequence[Pair]) -> None:
        bounds = [(span.start, span.end) for span, _ in pairs]
        order = sorted(range(len(pairs)), key=bounds.__getitem__)  # stable: no Python call per comparison key
        self.pairs = [pairs[k] for k in order]
        self.starts = [bounds[k][0] for k in order]
        self.ends = [bounds[k][1] for k in order]

    def within(self, start: int, end: int) -> list[Pair]:
        starts, ends, pairs = self.starts, self.ends, self.pairs
        i = bisect_left(starts, start)
        out = []
        while i < len(pairs) and starts[i] < end:
            if ends[i] <= end:
                out.append(pairs[i])
            i += 1
        return out


def found_index(doc: Doc, key: str) -> Found:
    """Return the :class:`Found` index of what the finder under ``key`` wrote (built once per Doc:
    the linker and the records both read the countries)."""
    cache = doc_cache(doc)
    index = cache.get(key + ":index")
    if index is None:
        index = cache[key + ":index"] = Found(found(doc, key))
    return index


@dataclass
class Claim:
    """A claim's sentence, its dates and the facts it links (the records are built from these)."""

    sentence: Span
    dates: list[Pair]
    countries: list[str]
    inferred: list[str]
    figures: list[Pair]
    programmes: list[Pair]


def sentence_countries(doc: Doc, sent: Span, countries: Found) -> tuple[list[str], list[str]]:
    """Return ``(codes, inferred)``: the sentence's countries, else its paragraph's (all inferred)."""
    codes = sorted({m.code for _, m in countries.within(sent.start, sent.end)})
    if codes:
        return codes, []
    para = paragraph_of(doc, sent)
    if para is None:
        return [], []
    inferred = sorted({m.code for _, m in countries.within(para.start, para.end)})
    return inferred, inferred


def dates_an_event(date: Span) -> bool:
    """True when "today" dates an event: a past verb follows it or comes right before it ("today
    announced", "said today"), "has"/"have" comes before it, a sentence that opens with it has a
    past verb in its first words ("Today the EU and Morocco signed ..."), or one that ends with
    it has one in its last ("... signed an agreement today."). Read from the text: building the
    sentence's tokens for every "now" and "currently" cost more than all the rest."""
    doc, text = date.doc, doc_text(date.doc)
    s, e = date.start_char, date.end_char
    after = _WORD_AFTER.match(text, e, e + 40)
    before = _WORD_BEFORE.search(text, max(0, s - 40), s)
    after_word = after.group(1) if after else ""
    before_word = before.group(1) if before else ""
    if _past(after_word) or _past(before_word) or before_word.lower() in ("has", "have"):
        return True
    if text[s:e].lower() != "today":
        return False
    chars = sentence_chars(doc)
    k = int(chars.searchsorted(s, side="right")) - 1
    sent_start = int(chars[k]) if k >= 0 else 0
    sent_end = int(chars[k + 1]) if k + 1 < len(chars) else len(text)
    if not _ANY_WORD.search(text, sent_start, s):  # "Today the European Union and Morocco signed ..."
        words = ["today", *_WORD.findall(text, e, sent_end)[:OPENING_WINDOW]]
        return any(_past_after_subject(words, i) for i in range(2, len(words)))
    if not _ANY_WORD.search(text, e, sent_end):  # "... signed an agreement today."
        words = _WORD.findall(text, sent_start, s)[-CLOSING_WINDOW - 1 :]
        return any(_past_after_subject(words, i) for i in range(1, len(words)))
    return False


# The word right after a date, and right before it, with only blanks between.
_WORD_AFTER = re.compile(r"[^\S\n]+([^\W\d_][\w'’-]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[^\S\n]+\Z")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ANY_WORD = re.compile(r"\w")
OPENING_WINDOW = 7  # words between an opening "today" and the verb of its event
CLOSING_WINDOW = 4  # words between the verb of an event and a closing "today"
# Words before an "-ed" word that make it no past tense of an event: a passive or perfect
# ("are involved", "has slowed").
NOT_AFTER = frozenset("is are was were be been being am has have had today".split())


def _past_after_subject(words: list[str], i: int) -> bool:
    """True when ``words[i]`` is a past verb after a word that may end its subject ("Morocco
    signed", "officials announced"; not "Today, advanced sequencing", "are involved")."""
    return _past(words[i]) and words[i - 1].lower() not in NOT_AFTER


def _past(word: str) -> bool:
    """True for a lower-case past verb: "signed", "met" (not "United", "indeed")."""
    return word in PAST_ALSO_PRESENT or past_verb(word)


def _cited(text: str, match: Any) -> bool:
    """True when the date is a bare year of an author-year citation ("Al-Rawahi (2021)"): not
    a month's, a country's or a capital's ("(June 2020)", "(Kenya, 2021)", "in Nairobi (2021)")."""
    if match.end - match.start != 4 or CITATION_AFTER.match(text, match.end) is None:
        return False
    cite = CITATION_BEFORE.search(text, max(0, match.start - 60), match.start)
    if cite is None:
        return False
    if cite["name2"] and not _MORE_AUTHORS_RX.search(cite.group()) and text[match.end:match.end + 1] != ";":
        return False  # "(Dubai, 2023)" may be a place's; "(Chen and Li, 2020)", "(Chen, 2020; Li, 2021)" cite
    name = cite["name"] or cite["name2"]
    return name is None or (name.lower() not in MONTHS and not names_place(name))


def _stamp_or_attribution(text: str, match: Any) -> bool:
    """True when the date is the document's own, no event: after a stamp's word ("Issued:",
    ``STAMP_BEFORE``), a page's time stamp ("2024-12-05 18:42:07"), the last field of a masthead
    bar, a date near the top that ``find_published`` reads as the document's, in a heading in
    capitals, in a reply's attribution line ("On Mon, 13 Feb 2023 at 10:22, Petra wrote:") or in a
    chat message's stamp ("[11/03/2024, 07:58] Dewi: ...")."""
    line_start = text.rfind("\n", 0, match.start) + 1
    if STAMP_BEFORE.search(text, max(line_start, match.start - 60), match.start):
        return True
    if (stamp := message_stamp(text, line_start)) is not None and match.end <= stamp.end():
        return True  # a chat message's stamp: "[11/03/2024, 07:58] Dewi: ..."
    if ISO_STAMP_RX.fullmatch(text, match.start, match.end) and CLOCK_AFTER_RX.match(text, match.end):
        return True
    if match.start < MASTHEAD_CHARS and MASTHEAD_FIELD_BEFORE.search(text, line_start, match.start) \
            and not text[match.end:match.end + 80].split("\n", 1)[0].strip():
        return True  # the last field of a masthead bar at the top: "FACT SHEET | Cooperation | March 2024"
    if match.start < HEAD_CHARS and len(WORD.findall(text, line_start, match.start)) <= LABEL_WORDS \
            and LABEL_LINE.match(text, line_start, match.start) and signals_publication(text, match):
        # the document's own date on a label's short line: "Issued by the Secretariat, Istanbul, 28
        # November 2025", "Page updated: 2025-09-15" (not "The interview was published on Dec 17",
        # "Kenya released on 3 March 2024 its strategy")
        return True
    if line_end(text, match.end) - line_start <= HEADING_CHARS and CAPITALS_HEADING.match(text, line_start):
        return True  # a heading: "ANNUAL IMPLEMENTATION REPORT 2024/25", "KEY FIGURES (academic year 2024/25)"
    return "wrote:" in text[match.end:match.end + 200] and WROTE_LINE.match(text, line_start) is not None


def claim_dates(doc: Doc) -> list[Pair]:
    """Return the ``(span, match)`` pairs of the dates that may carry a claim."""
    text = doc_text(doc)
    out = []
    names = sorted((s.start_char, s.end_char, m.name) for s, m in found(doc, PROGRAMMES) if m.category not in EVENTS)
    name_starts = [a for a, _, _ in names]
    for span, match in found(doc, DATES):
        words = text[match.start : match.end]
        if match.dateline or VAGUE.search(words) or REFERENCE_AFTER.match(text, match.end) \
                or _cited(text, match) or _stamp_or_attribution(text, match):
            continue
        k = bisect_right(name_starts, match.start) - 1  # the last name that starts at or before it
        if k >= 0 and match.end <= names[k][1] and words in names[k][2]:
            # a year in a plan's name dates nothing: "the 2030 Agenda", "the Vision 2030 Plan"; the
            # period after the name does ("a Coastal Subsidence Research Plan for 2024–2028")
            continue
        if words.lower() in DEICTIC and not dates_an_event(span):
            continue
        out.append((span, match))
    return out


# A line of a schedule: a label of words in lower case after the first, a colon, then what may
# stand before its date ("Online interviews: 12–23 January 2026", "Selection results: by 27 February").
_LABELLED_DATE = re.compile(r"[^\S\n]*+[A-Z][a-z'’-]++(?:[^\S\n]++[a-z][a-z'’-]*+){1,3}:[^\S\n]++(?:by[^\S\n]++)?\d")


def states_something(text: str, sent: Span, dates: list[Pair]) -> bool:
    """True when the sentence has words besides its dates: "Report No. 14 | September 2023" is a
    masthead, not a statement (at least ``MIN_WORDS`` words of two letters or more, one fewer in
    a bulleted item)."""
    pieces, pos = [], sent.start_char
    for span, _ in sorted(dates, key=lambda p: p[0].start_char):
        pieces.append(text[pos : span.start_char])
        pos = max(pos, span.end_char)
    pieces.append(text[pos : sent.end_char])
    # the MIN_WORDS-th word, if any: the scan stops there rather than listing every word (a
    # bulleted item needs one fewer: "• 12 Oct 2023 – NIDCRP launched")
    least = MIN_WORDS - 1 if BULLET_ITEM.match(text, sent.start_char) or _LABELLED_DATE.match(text, sent.start_char) \
        else MIN_WORDS
    return next(islice(WORD.finditer(" ".join(pieces)), least - 1, None), None) is not None


def cites_or_notes(text: str, sent: Span) -> bool:
    """True when the sentence is a line of a reference list ("^ Lê (2009)."), a page's note of
    its last change ("This page was last edited on 9 October 2023"), a caption ("Table 3.1
    Selected instruments (as of June 2023)") or a byline ("Posted by Jess Tremblay · December
    12, 2023"): no claim."""
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    return (REFERENCE_LINE.match(text, line_start) is not None or PAGE_NOTE.match(text, sent.start_char) is not None
            or CAPTION.match(text, sent.start_char) is not None or BYLINE.match(text, sent.start_char) is not None
            or SOURCES_LINE.match(text, line_start) is not None
            or HANDLE_LINE.match(text, text.rfind("\n", 0, sent.end_char - 1) + 1) is not None)


def is_question(text: str, sent: Span) -> bool:
    """True when the sentence asks ("Will Norway join the project next year?"): it claims nothing."""
    return text[sent.start_char : sent.end_char].rstrip(QUESTION_TRAIL).endswith(("?", "？"))


def most_precise(dates: list[Pair], text: str) -> list[Pair]:
    """Return ``dates`` less those that strictly contain another one's period in the same clause
    ("the 2021 Conference opened on December 12"); across ", and", ";" or ", but" they date
    different events and both stay, and an interval always stays. ``text`` is the Doc's text.

    Sorting keeps this near linear: a "sentence" of a scraped calendar or table may hold
    thousands of dates, and comparing every pair of them (as this did) grew with the square of
    their number, and ran a regex over the text between each nested pair.
    """
    if len(dates) < 2:  # a single date contains no other
        return dates
    # (an interval dates a period of its own: "full operation from January 2025 and a work plan
    # for 2025–2027" claims both)
    bounds = [date_bounds(m.value) if m.value and "/" not in m.value else None for _, m in dates]
    dropped: set[int] = set()
    for clause in clauses([m for _, m in dates], text):
        wide = containers({bounds[k] for k in clause} - {None})
        dropped.update(k for k in clause if bounds[k] in wide)
    return [d for k, d in enumerate(dates) if k not in dropped]


def clauses(matches: list[Any], text: str) -> list[list[int]]:
    """Return the indexes of ``matches`` (with character offsets ``start`` and ``end``) grouped by
    clause: runs, in text order, with no ``CLAUSE_BREAK`` between one's end and the next one's
    start. (A break inside a date's own text would part it from the next one; the date finder
    makes none: ";" ends any of its expressions, and none of them reads across ", and".)"""
    order = sorted(range(len(matches)), key=lambda k: matches[k].start)
    # clause breaks never overlap one another (each starts with its only ";" or ","), so the
    # first one after a date's end is the first that a search from there finds
    breaks = [(m.start(), m.end()) for m in
              CLAUSE_BREAK.finditer(text, min(m.end for m in matches), matches[order[-1]].start)]
    starts = [start for start, _ in breaks]
    out = [[order[0]]]
    for a, b in zip(order, order[1:]):
        k = bisect_left(starts, matches[a].end)
        if k < len(breaks) and breaks[k][1] <= matches[b].start:
            out.append([])
        out[-1].append(b)
    return out


def containers(periods: set[tuple]) -> set[tuple]:
    """Return the periods ``(first, last)`` that strictly contain another of ``periods``."""
    ordered = sorted(periods)  # by first day, then last
    firsts = [first for first, _ in ordered]
    # the earliest last day among the periods from each position on
    ends_after = list(accumulate(reversed([last for _, last in ordered]), min))[::-1]
    out = set()
    for p, (first, last) in enumerate(ordered):
        # one with the same first day and an earlier last sorts right before it; one that starts
        # later sorts after every period that starts with it
        later = bisect_right(firsts, first)
        if (p and firsts[p - 1] == first) or (later < len(ordered) and ends_after[later] <= last):
            out.add((first, last))
    return out


def link(doc: Doc) -> list[Claim]:
    """Return the claims of ``doc`` (sentence, dates, countries, figures, programmes)."""
    sents, text = sentences(doc), doc_text(doc)
    countries, figures, programmes = (found_index(doc, key) for key in (COUNTRIES, FIGURES, PROGRAMMES))
    by_sentence: dict[int, list[Pair]] = {}
    for pair in claim_dates(doc):
        by_sentence.setdefault(sents.of(pair[0]).start, []).append(pair)
    claims = []
    references = REFERENCES_HEADING.search(text) if by_sentence else None
    cited = references.start() + 1 if references else len(text)
    for dates in by_sentence.values():
        sent = sents.of(dates[0][0])
        if sent.start_char >= cited or is_question(text, sent) or not states_something(text, sent, dates) \
                or cites_or_notes(text, sent):
            continue
        codes, inferred = sentence_countries(doc, sent, countries)
        claims.append(Claim(sent, most_precise(dates, text), codes, inferred,
                            figures.within(sent.start, sent.end), programmes.within(sent.start, sent.end)))
    return claims


def claims_of(doc: Doc) -> list[Claim]:
    """Return the claims the linker found for ``doc`` (linking again if it has not run here)."""
    claims = doc_cache(doc).get(CLAIMS)
    if claims is None:
        claims = doc_cache(doc)[CLAIMS] = link(doc)
    return claims


class ClaimLinker(Batched):
    names = ("claim_countries", "claim_inferred", "claim_links")

    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        claims = doc_cache(doc)[CLAIMS] = link(doc)
        sents = [claim.sentence for claim in claims]
        label = doc.vocab.strings.add("CLAIM")  # once, not in every Span()
        spans = [Span(doc, sent.start, sent.end, label) for sent in sents]
        set_attrs(doc, self.names, [(sent.start_char, sent.end_char) for sent in sents], map(claim_values, claims))
        doc.spans[CLAIMS] = spans
        release(doc, unless_kept=True)  # the last component: working data is no longer needed
        return doc


def claim_values(claim: Claim) -> tuple[list[str], list[str], dict[str, list[list[int]]]]:
    """Return a claim span's ``claim_countries``, ``claim_inferred`` and ``claim_links``."""
    links = {
        kind: [[s.start_char, s.end_char] for s, _ in pairs]
        for kind, pairs in (("dates", claim.dates), ("figures", claim.figures), ("programmes", claim.programmes))
    }
    return claim.countries, claim.inferred, links


@Language.factory("sci_diplo_claims")
def make_claims(nlp: Language, name: str) -> ClaimLinker:
    return ClaimLinker(nlp, name)
