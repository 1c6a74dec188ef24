"""Read the tail of a programme name: "of/on/for/in + Capitalised Words" after its head.

Helper for :mod:`sci_diplo.normalize.programmes`: "Agreement on Cooperation in
Science and Technology", "Treaty of Good-neighborliness and Friendly
Cooperation", "Conference on X for 2011". Looks at a bounded window after the head.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from sci_diplo.normalize.countries import names_place
from sci_diplo.normalize.programme_scan import (
    ORDINAL_RE,
    YEAR_RE,
    TokenWindow,
    ends_sentence,
    gap_kind,
    is_acronym,
    is_title,
)
from sci_diplo.normalize.programme_words import ProgrammeWords
from sci_diplo.normalize.readable import PLACE_DATE_LINE_RX

# A lowercase word after a head, the only way a tail can start ("on", "of", ...).
TAIL_START = r"[ \t\u00a0\u2000-\u200a\u202f]*+\n?[ \t\u00a0\u2000-\u200a\u202f]*+(?=[a-z])"
# After a connector: trailing hyphens/quotes (stripped from a token), then the token's end.
CONNECTOR_END = r"[\-‐‑–'’]*+(?![\w&'’.\-‐‑–])"
SHORT_FWD_WINDOW = 100  # characters looked at first after a head word
FWD_WINDOW = 300  # characters looked at after a head word when the short window is all name
MAX_SEGMENTS = 10  # "of/on/for ..." segments after a head (a treaty's formal title holds nine)
MAX_SEGMENT_WORDS = 14  # title words in one segment


@dataclass
class Tail:
    """What follows a head: "on Cooperation in Science and Technology", a year, a stop reason."""

    end: int
    segments: list[str] = field(default_factory=list)
    year_end: int | None = None
    stop: str | None = None  # "org" (an organisation owns it) or "acronym" ("of MOST")
    parties_end: int | None = None  # the end of a last "between A and B" dropped from the name


def _and_ahead(text: str, toks: TokenWindow, j: int, right: int, words: ProgrammeWords) -> bool:
    """True when title words from ``toks[j]`` on reach an "and"/"&" (a list "A, B and C")."""
    for k in range(j, j + MAX_SEGMENT_WORDS):
        tok = toks.get(k)
        if tok is None:
            return False
        start, end, word = tok
        kind = gap_kind(text[right:start])
        if kind == "amp" or (kind == "space" and word in words.tail_joiners):
            return True
        if kind != "space" or not is_title(word):
            return False
        right = end
    return False


# "between" before a segment: its parties' names ("between Canada and Mexico's Ministry of ...").
_BETWEEN_BEFORE_RX = re.compile(r"\bbetween[^\S\n]++\Z")


def _segment(text: str, toks: TokenWindow, j: int, right: int, words: ProgrammeWords):
    """Read the words of one tail segment from ``toks[j]`` (after its connector).

    Returns ``(words, end, next_index, full_stop)``: the segment's words (an
    optional article, title words, inner "and"/"and the"), the character end
    of the last title word (None when there is none), the index of the next
    unread token and whether the segment ended a sentence.
    """
    seg: list[str] = []
    joiners, articles = words.tail_joiners, words.tail_articles
    first = toks.get(j)
    start_pos = first[0] if first else right  # (where the segment starts, after its connector)
    if first and first[2] in articles and gap_kind(text[right : first[0]]) == "space":
        seg.append(first[2])
        right, j = first[1], j + 1
    end, pending, kept = None, None, 0
    joined = None  # (words kept, end, token index) before the last "and" the segment read
    while len(seg) < MAX_SEGMENT_WORDS and (tok := toks.get(j)) is not None:
        start, stop, word = tok
        gap = text[right:start]
        kind = "space" if gap == " " else gap_kind(gap)  # one space: no call
        if kind == "space" and "\n" in gap and PLACE_DATE_LINE_RX.match(text, start):
            kind = "break"  # a heading's venue on the next line: "... Technology\nBatumi, Georgia, 13–14 November 2025"
        joiner = word in joiners
        article = pending is not None and word in articles and seg[-1] in joiners
        if kind == "break" or ((joiner or article) and (kind != "space" or end is None)):
            break
        if joiner and pending is not None:
            break
        if pending is not None and word.endswith(("'s", "’s")) and names_place(word[:-2]) \
                and not _BETWEEN_BEFORE_RX.search(text, max(0, start_pos - 12), start_pos):
            break  # "... Continent and Tonga's own plan": "and" opens another noun phrase (not "Women's and Children's")
        if joiner or article:
            if pending is None:
                joined = (kept, end, j)
            pending = j if pending is None else pending
            seg.append(word)
            right, j = stop, j + 1
            continue
        if not (word[0].isupper() or is_title(word)) or (kind == "amp" and pending is not None):
            if not (not seg and kind == "space" and word in LOWER_TAIL_WORDS and (nxt := toks.get(j + 1)) is not None
                    and nxt[2] in words.tail_connectors):
                break  # (but "... between India and Chile on cooperation in Astronomy": a field follows)
        if kind == "comma" and (
            pending is not None or not _and_ahead(text, toks, j + 1, stop, words)
        ):
            break
        if joined is not None and word in words.heads and seg[joined[0] + 1:joined[0] + 2] in (["the"], ["The"]):
            # a head after "and the": the next name begins ("... Science in Zanzibar and the
            # China-Zambia Joint Laboratory on ..."), which the segment does not take; not
            # after a bare "and" ("Initiative for Belt and Road Partnership on ...")
            kept, end, j = joined
            return seg[:kept], end, j, False
        seg.append(word)
        pending, right, end, j, kept = None, stop, stop, j + 1, len(seg)
        if word[-1] == "." and ends_sentence(word, words):
            seg[-1] = word[:-1]
            return seg, end - 1, j, True
    return seg[: max(kept, 1)], end, (pending if pending is not None else j), False


# Lower-case words a tail's segment may be, alone, before the next connector and its field: "MoU
# ... on cooperation in Astronomy, Astrophysics and Polar Sciences".
LOWER_TAIL_WORDS = frozenset({"cooperation", "co-operation", "collaboration"})


# Words after which "of the <organisation>" is the subject of a treaty's name, not its owner:
# "Agreement on the Establishment of the African Space Agency", "... on the Status of the ...".
FOUNDING_WORDS = frozenset({"Establishment", "Creation", "Founding", "Statute", "Constitution", "Charter", "Status"})


def scan_tail(text: str, head_end: int, head: str, words: ProgrammeWords) -> Tail:
    """Read the "of/on/for/in + Title Words" segments after a head word.

    A first "in" segment is a place ("Center in Inner Mongolia") and ends the
    name, except after a prize or award ("Prize in Physiology or Medicine"); so
    does a later one naming a country or a capital ("... in Abu Dhabi"). A last
    "between A and B" after the subject is dropped (``_drop_parties``).
    Stops before a segment that names an owner organisation ("of the American
    Association ...", ``stop="org"``; not after "between": "Agreement between
    the Government of X and the Government of Y on Z", nor a meeting's body: "Ministerial
    Meeting of the Black Sea Council for Science") or is a bare acronym ("of MOST",
    ``stop="acronym"``); a final "for 2011" segment is reported in ``year_end``.
    """
    # A tail starts with a connector word; most heads have none after them.
    if not _tail_start_re(words.tail_connectors).match(text, head_end, head_end + SHORT_FWD_WINDOW):
        return Tail(end=head_end)
    tail, near_end = _read_tail(text, head_end, head, words, SHORT_FWD_WINDOW)
    if near_end:
        tail, _ = _read_tail(text, head_end, head, words, FWD_WINDOW)
    return tail


# The parties of a treaty's formal title: "between the Government of ...", "between the Governments",
# or the states by their formal names ("between the Sultanate of Oman and the United Republic of
# Tanzania", "between the Russian Federation and ...").
GOVERNMENTS_RE = re.compile(
    r"between (?:the )?(?:[A-Z][\w'’-]* ){0,3}(?:Governments?|Republic|Kingdom|Sultanate|State|Federation"
    r"|Commonwealth|Principality|Emirates?|Duchy|Confederation)\b")


def _drop_parties(tail: Tail, starts: list[int], complement: str | None) -> None:
    """Drop a last "between A and B" (with the "of ..." segments of its parties' names) that
    follows the subject, keeping its end in ``parties_end`` (the name with them is an alias):
    "Memorandum of Understanding on X between Japan and the Republic of Korea" and "Executive
    Programme of Scientific Cooperation between Italy and Tunisia" are named without their
    parties; a title that opens with them keeps them ("Agreement between the Government of A and
    the Government of B on X"), as does a formal title that names the governments after the
    subject ("Agreement on X between the Government of A and the Government of B")."""
    segs = tail.segments
    k = next((k for k, seg in enumerate(segs) if seg.startswith("between ")), 0)
    if k > 0 and GOVERNMENTS_RE.match(segs[k]):
        return  # a treaty's formal title keeps them: "... between the Government of A and the Government of B"
    # (a subject: any segment before it but the head's own complement, "of Understanding", whose
    # parties make the name: "Memorandum of Understanding between Portugal and Cape Verde")
    if k > 0 and any(seg != complement for seg in segs[:k]) and all(seg.startswith("of ") for seg in segs[k + 1:]):
        del segs[k:]
        tail.parties_end, tail.end = tail.end, starts[k]


# Words after which "in" names a field ("Cooperation in Earth Observation", "Centre for Doctoral
# Training in Circular Materials"), not where the programme is.
FIELD_BEFORE_IN = frozenset(
    "Cooperation Collaboration Excellence Training Research Studies Partnership Education Innovation".split())
# What a field's name ends with ("Ecology", "Robotics", "Medicine", "Prediction", "Agriculture",
# "Chemistry", "Energy", "Health", "Policy", "Sciences") and fields that end otherwise.
_FIELD_ENDINGS = ("logy", "logies", "ics", "nce", "nces", "ing", "ion", "ions", "ine", "ment", "ity", "ure",
                  "ures", "ism", "try", "phy", "gy", "th", "cy", "ies", "ship")
_FIELDS = frozenset("Research Data Materials Water Food Space Cyberspace Climate Oceans Law Design Art Arts Languages "
                    "AI Change Systems Resources".split())

# Regions, which a name may be for ("Centre for Human Rights in Africa"), not towns.
_REGIONS = frozenset("Africa Asia Europe America Americas Oceania Arctic Antarctic Antarctica Pacific Atlantic Caribbean "
                     "Mediterranean Sahel Balkans Andes Himalaya Himalayas Amazon Middle East West North South".split())


def _a_town(titles: list[str], segments: list[str]) -> bool:
    """True when "in" + ``titles``, after the name's subject, names a town ("Joint Laboratory for
    Fisheries Science in Zanzibar", "Joint Centre for Sea-Ice Prediction in Tromsø"): capitalised
    words none of which looks like a field, and no word before "in" that takes a field."""
    if not segments or segments[-1].rsplit(" ", 1)[-1] in FIELD_BEFORE_IN or len(titles) > 3:
        return False
    if titles[-1].endswith("s") and not titles[-1].endswith(("ss", "us", "is", "os")):
        return False  # a plural names a setting: "in Extreme Environments", "in Small Island States"
    return all(w[:1].isupper() and w not in _FIELDS and w not in _REGIONS and not w.endswith(_FIELD_ENDINGS)
               for w in titles)


def _a_place(titles: list[str], segments: list[str], words: ProgrammeWords) -> bool:
    """True when "in" + ``titles`` names a place: a country ("in Kenya", "in the Comoros"), a
    capital city ("in Abu Dhabi") or a town after the subject (``_a_town``), or any segment
    after an earlier "in" ("Centre for Research in Ecology in Accra")."""
    if any(seg.split(" ", 1)[0] in words.location_connectors for seg in segments):
        return True
    place = " ".join(titles)
    if names_place(place) or _a_town(titles, segments):
        return True
    # a place before "and" ("in Accra and the Fund for Research": the place ends the name)
    first = " ".join(itertools.takewhile(lambda w: w[:1].isupper(), titles))
    return first != place and names_place(first)


@lru_cache(maxsize=4)
def _tail_start_re(connectors: frozenset[str]) -> re.Pattern[str]:
    """Compile the start of a tail: white space (one line break at most), then a
    token that is a connector ("on", "of-"). When it does not match, the first
    token is no connector and :func:`_read_tail` would read nothing."""
    alternatives = "|".join(re.escape(c) for c in sorted(connectors, key=len, reverse=True))
    return re.compile(TAIL_START + "(?:" + (alternatives or "(?!)") + ")" + CONNECTOR_END)


def _read_tail(
    text: str, head_end: int, head: str, words: ProgrammeWords, window: int
) -> tuple[Tail, bool]:
    """Read a tail within ``window`` characters; also say whether it ran to the window's end."""
    high = min(len(text), head_end + window)
    toks = TokenWindow(text, head_end, high)  # drops a last token the window may have cut
    tail = Tail(end=head_end)
    i, right, between = 0, head_end, False
    starts: list[int] = []  # where each segment read starts
    while len(tail.segments) < MAX_SEGMENTS and (tok := toks.get(i)) is not None:
        start, end, conn = tok
        if gap_kind(text[right:start]) != "space" or conn not in words.tail_connectors:
            break
        if not tail.segments and conn in words.location_connectors:
            if head not in words.field_heads:
                break
        nxt = toks.get(i + 1)
        year = nxt is not None and nxt[2][0] in "12" and YEAR_RE.fullmatch(nxt[2])  # 1[89]xx, 20xx
        if year and gap_kind(text[end : nxt[0]]) == "space":
            tail.year_end = nxt[1]
            break
        titles, seg_end, j, full_stop = _segment(text, toks, i + 1, end, words)
        if seg_end is None:
            break
        if titles[0] in words.stop_starts or titles[-1] in words.stop_starts \
                or (ORDINAL_RE.fullmatch(titles[-1]) and len(titles) - (titles[0] in words.tail_articles) == 1):
            break  # "on Monday", "in May", "on the 3rd": a date, not part of the name
        if conn in words.location_connectors and _a_place(titles, tail.segments, words):
            break  # "... on Crop Genomics in Kenya": where it is, not part of its name
        if titles[0].endswith(("'s", "’s")) and names_place(titles[0][:-2]):
            break  # "... Test Facility on Namibia's Atlantic coast": a place's, not the name's
        between = between or conn == "between"
        of_subject = bool(tail.segments) and tail.segments[-1].rsplit(" ", 1)[-1] in FOUNDING_WORDS
        convened = conn == "of" and words.heads.get(head) == "conference"  # "Meeting of the ... Council"
        if not between and not of_subject and not convened and titles[-1] in words.organisation_words:
            tail.stop = "org"
            break
        if len(titles) - (titles[0] in words.tail_articles) == 1 and is_acronym(titles[-1]):
            tail.stop = "acronym"
            break
        tail.segments.append(conn + " " + " ".join(titles))
        starts.append(tail.end)
        tail.end, right, i = seg_end, seg_end, j
        if full_stop:
            break
    _drop_parties(tail, starts, words.head_complements.get(head))
    return tail, high < len(text) and toks.get(i + 2) is None  # i >= len(toks) - 2
