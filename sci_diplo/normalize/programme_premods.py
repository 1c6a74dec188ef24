"""Walk back from a programme's head word over the title-case words of its name.

Helpers for :mod:`sci_diplo.normalize.programmes`: in "the Joint Marine Science and Technology
Plan", the words before "Plan". The walk reads tokens right to left within a bounded window
before the head, so it stays linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sci_diplo.normalize.countries import names_place
from sci_diplo.normalize.programme_scan import (
    TOKEN_TRAIL,
    VERSION_RE,
    YEAR_RE,
    Token,
    ends_sentence,
    gap_kind,
    is_heading_line,
    is_ordinal,
    is_possessive,
    is_title,
)
from sci_diplo.normalize.programme_words import ProgrammeWords

# TOKEN_RE read right to left over a reversed window. A token is the part of a
# run of token characters from its first letter or digit on, so reversed it runs
# from the start of a (reversed) run to the run's last letter or digit. The
# lookbehind anchors a match at the start of a run: a run without a letter or
# digit fails once instead of once per character (no quadratic backtracking).
REV_TOKEN_RE = re.compile(r"(?<![\w&'’.\-‐‑–])(?:[_&'’.\-‐‑–]*+[^\W_])++")
SHORT_BACK_WINDOW = 60  # characters looked at first before a head word
BACK_WINDOW = 400  # characters looked at before a head word when the short window is all name
MAX_PREMODS = 16  # tokens of a name before its head
SHORT_LINE = 60  # a line this short before a line break is no wrapped paragraph line
# The endings of a word that says who leads, funds or hosts a programme ("Korean-led",
# "EU-funded", "UN-backed", "Geneva-based"), written before its name.
BY_WHOM = ("-led", "-funded", "-backed", "-sponsored", "-financed", "-supported", "-run", "-hosted", "-based",
           "-initiated", "-brokered", "-driven", "–led", "–funded", "–backed")


# The words of a place's name that "of" follows: "Bay of Bengal Cyclone Research Consortium",
# "Gulf of Guinea Maritime Plan", "Horn of Africa Climate Initiative".
PLACE_OF = frozenset("Bay Gulf Sea Horn Strait Straits Lake Isle Isles Island Islands Cape Coast Basin Republic "
                     "Kingdom Sultanate Federation Commonwealth Mouth Valley Mountains".split())


# The small words inside a place's name between two capitalised words: "4th Dar es Salaam Vector
# Biology Forum", "Rio de Janeiro Climate Summit".
PLACE_PARTICLES = frozenset("es de da do dos das del di du van von der al el".split())


def scan_premods(text: str, head_start: int, floor: int, words: ProgrammeWords) -> list[Token]:
    """Return the tokens of a name before its head word, left to right (maybe empty).

    Walks back over capitalised words joined by spaces, "and", "&" and (in a
    list that ends in "and") commas; stops at a lowercase word, a possessive
    owner ("China's"), punctuation, a full stop or a head word across "and".
    Leading function words ("The", "In", "Under") are dropped.
    """
    if head_start <= floor or not text[head_start - 1].isspace():
        return []
    accepted, reached_low = _walk_back(text, head_start, floor, SHORT_BACK_WINDOW, words)
    if reached_low:
        accepted, _ = _walk_back(text, head_start, floor, BACK_WINDOW, words)
    accepted.reverse()
    for i in range(len(accepted) - 1, 0, -1):
        word = accepted[i][2]
        if is_ordinal(word, words):
            accepted = accepted[i:]  # "EU Hold 5th Innovation Dialogue": a name starts at its ordinal
            break
    for i in range(len(accepted) - 1, -1, -1):
        if accepted[i][2].casefold().endswith(BY_WHOM):
            accepted = accepted[i + 1:]  # "the EU-funded Global Gateway ...": who funds it is no part of its name
            break
    while accepted and (
        accepted[0][2] in words.stop_starts or accepted[0][2] in words.premod_connectors
        or VERSION_RE.fullmatch(accepted[0][2])  # a version inside a name, not before it ("1.5 Joint ...")
    ):
        accepted.pop(0)
    return accepted


def _plural_possessive(word: str) -> bool:
    """True for "Ministers’", "Leaders'": a plural possessive, part of a name right before its
    head ("Science Ministers’ Dialogue"), where a singular one is an owner ("China's Plan")."""
    return len(word) > 3 and word[-2] == "s" and word[-1] in ("'", "’")


def _short_line_ends(text: str, end: int, right: int) -> bool:
    """True when a line break lies between two tokens and the line before it is short
    (a heading, a byline, a masthead), so a name does not run across it."""
    newline = text.find("\n", end, right)
    return newline >= 0 and (end <= SHORT_LINE or text.rfind("\n", end - SHORT_LINE, end) >= 0)


def _heading_verb(word: str, accepted: list[Token], words: ProgrammeWords) -> bool:
    """True when ``word`` in a heading line is a verb that ends the name to its right
    ("China, EU Hold 5th ...", "Scientists Plan New Mission")."""
    if word in words.heading_verbs:
        return True
    right_word = accepted[-1][2] if accepted else None
    return word in words.heading_verb_heads and right_word is not None and right_word not in words.heads


def _tokens_back(text: str, low: int, high: int, floor: int) -> Iterator[Token]:
    """Yield the tokens of ``text[low:high]`` right to left, the same tokens as
    ``TOKEN_RE.finditer`` gives (trailing hyphens/quotes stripped),
    less a first one the window may have cut.

    Lazy, so a walk that stops after a few words does not tokenize the whole window.
    """
    rev = text[low:high][::-1]
    for m in REV_TOKEN_RE.finditer(rev):
        start = high - m.end()
        if start == low and low > floor:
            return  # the leftmost token, maybe cut by the window
        word = m.group()[::-1]
        if word[-1] in TOKEN_TRAIL:
            word = word.rstrip(TOKEN_TRAIL)
        yield start, start + len(word), word


def _walk_back(
    text: str, head_start: int, floor: int, window: int, words: ProgrammeWords
) -> tuple[list[Token], bool]:
    """Collect name tokens right to left within ``window`` characters before a head.

    Returns the tokens (right to left) and whether the walk reached the window's
    start, so that a longer window may find more. A one-space gap, the common case,
    is told without a call.
    """
    low = max(floor, head_start - window)
    accepted: list[Token] = []
    connectors = words.premod_connectors
    right, pending, seen_and = head_start, None, False
    tok = None
    for tok in _tokens_back(text, low, head_start, floor):
        start, end, word = tok
        gap = text[end:right]  # one space in the common case: no call, no line break
        kind = "space" if gap == " " else _gap_before(text, word, gap, right, head_start)
        if kind is None or (word[-1] == "." and ends_sentence(word, words)):
            break
        if gap != " " and YEAR_RE.fullmatch(word):
            break  # a table's column of years above the row ("2024        2023\nRiver Basin ... Joint Call")
        if kind == "comma" and (pending is not None or not seen_and):
            break
        if word in connectors or word in PLACE_PARTICLES:
            if pending is not None or kind != "space" or not accepted:
                break
            pending, right = tok, start
            continue
        joined = pending is not None or kind != "space"
        if word == "the" and kind == "space" and pending is None and accepted and accepted[-1][2] in REGION_PAIRS \
                and _region_and(text, start, accepted[-1][2]):
            accepted.append(tok)  # "Latin America and the Caribbean", "Asia and the Pacific"
            right = start
            continue
        if _ends_name(text, word, joined, accepted, head_start, words):
            break
        if pending is not None:
            if pending[2] == "in" and names_place(accepted[-1][2]):
                break  # "Kenya Wildlife Service in Nairobi Data Centre": where it is, not its name
            if pending[2] == "of" and word not in PLACE_OF:
                break  # "Ministry of Science Research Plan": the name starts after "of"
            if pending[2] in PLACE_PARTICLES and not word[0].isupper():
                break  # (a particle only between two capitalised words of a place's name)
            accepted.append(pending)
        seen_and, pending, right = seen_and or joined, None, start
        accepted.append(tok)
        if len(accepted) >= MAX_PREMODS:
            break
    else:
        return accepted, low > floor and tok is not None  # ran out of tokens: try a longer window
    return accepted, False


# The regions that "and the" joins into one name: "Latin America and the Caribbean", "Asia and
# the Pacific" (the UN's names of two regions; "Europe and the Arctic Council ..." is two things).
REGION_PAIRS = {"Caribbean": "America", "Pacific": "Asia"}
_REGION_AND_RE = re.compile(r"(\w+)[^\S\n]+and[^\S\n]+\Z")


def _region_and(text: str, the_start: int, region: str) -> bool:
    """True when the region that ``region`` pairs with and "and" stand right before the "the" at
    ``the_start``."""
    mt = _REGION_AND_RE.search(text, max(0, the_start - 24), the_start)
    return mt is not None and mt.group(1) == REGION_PAIRS[region]


def _gap_before(text: str, word: str, gap: str, right: int, head_start: int) -> str | None:
    """Return the kind of ``gap`` (not one space), between ``word`` and the token to its right
    at ``right``: ``gap_kind``'s, or "space" for a plural possessive right before the head
    ("partners' Plan"); None when a line break or a short line's end stops the name there."""
    plural = right == head_start and _plural_possessive(word + gap[:1]) and gap[1:] == " "
    kind = "space" if plural else gap_kind(gap)
    return None if kind == "break" or _short_line_ends(text, right - len(gap), right) else kind


def _ends_name(text: str, word: str, joined: bool, accepted: list[Token], head_start: int,
               words: ProgrammeWords) -> bool:
    """True when ``word`` (no connector) cannot be part of the name: not capitalised, a
    possessive, a head word after a connector or punctuation (``joined``), or a heading's verb.
    Whether the line is a heading is asked only of a word that may be a verb."""
    if not (word[0].isupper() or is_title(word)) or (word[-1] in "s'’" and is_possessive(word)):
        return True
    if joined and word in words.heads:
        return True
    return ((word in words.heading_verbs or word in words.heading_verb_heads)
            and _heading_verb(word, accepted, words) and is_heading_line(text, head_start))
