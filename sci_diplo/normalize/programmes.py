"""Named programmes: agreements, treaties, plans, funds, joint labs, conferences, facilities.

A name is found by its shape, never from a list of known programmes: a run of
capitalised words (joined by "and", "&", list commas, hyphens and dots:
"U.S.-China", "Five-Year", "R&D", "12th", a leading year) that ends in a head
word such as Agreement, Plan, Fund or Observatory, optionally followed by
"of/on/for/in + Capitalised Words" ("Treaty of Good-neighborliness and
Friendly Cooperation"). The head word gives the category; a parenthesis after
the name may give an alias ("(CERC)", "(the UK's Newton Fund)").

Some heads also name organisations, so they count only in a shape that makes a
programme: "Committee"/"Commission" after "Joint" and a pair of names ("China-Kenya
Joint Committee"), "Congress" and "Meeting" after an ordinal ("9th African Soil Science
Congress", "10th ASEAN-China S&T Ministers' Meeting"), "Network"/"Alliance"/"Source"
with a pair of names or an acronym. A centre named as a person's workplace ("an analyst
at the Centre for X") or owned ("Tsinghua University's Center") is an organisation.

Public API: :func:`find_programmes`, :func:`normalize_name`, :func:`programme_key`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sci_diplo.normalize.countries import names_place
from sci_diplo.normalize.programme_aliases import alias_after, aliases_inside_paren
from sci_diplo.normalize.programme_lower import find_lower_names
from sci_diplo.normalize.programme_premods import scan_premods
from sci_diplo.normalize.programme_scan import YEAR_RE, Token, after_head, is_ordinal
from sci_diplo.normalize.programme_tail import Tail, scan_tail
from sci_diplo.normalize.programme_words import ProgrammeWords, programme_words
from sci_diplo.normalize.spelling import fold_spelling
from sci_diplo.normalize.types import ProgrammeMatch

# Curly and typographic quotes mapped to straight ones (double quotes then dropped).
QUOTE_TABLE = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'"}
    | dict.fromkeys("“”„‟″«»\"")
)
# Any run of white space (U+00A0, U+2002 ... included).
WS_RE = re.compile(r"\s+")
# A hyphen or dash of any kind, with at most one space on either side
# (applied after white space is collapsed).
DASH_RE = re.compile(r" ?[\-‐‑‒–—―−] ?")
# A leading article "the " (after case-folding).
LEADING_THE_RE = re.compile(r"the ")
# A leading pair of single capitalised/dotted tokens joined by a hyphen: "U.S.-China ", "UK-China ".
PAIR_RE = re.compile(r"([A-Z][\w.&'’]*+)[\-‐‑‒–—―−]([A-Z][\w.&'’]*+)(?=\s)")
# One premodifier that is two capitalised names joined by a hyphen or dash: "China-Kenya".
DASH_PAIR_RE = re.compile(r"[A-Z][\w.&'’]*+(?:[\-‐‑‒–—―−][A-Z][\w.&'’]*+)++")  # (three partners too: "UK–Ghana–Kenya")
# Characters stripped from both ends of a name before comparing.
NAME_STRIP = " '*_.,;:"

# A possessive owner right before a name, up to three words: "University's ",
# "University of Oxford’s ", "Academy of Sciences' ".
OWNER_BEFORE_RE = re.compile(r"((?:[^\W\d_][\w.&\-]*+ ){0,3}[^\W\d_][\w.&\-]*+)['’]s?\s+$")
# Characters that may not stand right before a head word (it would sit inside a token).
NOT_BEFORE_HEAD = frozenset("-‐‑–.&'’_")
# Characters that may not stand right after a head word.
NOT_AFTER_HEAD = frozenset("-‐‑–&_")
OWNER_LOOKBACK = 40  # characters searched for "©"/"Copyright" before a name
# A person's place of work before a centre that no two partners name: a role or a
# surname, then at/of/from the; or "our"/"their": the centre is an organisation there.
AFFILIATION_BEFORE_RE = re.compile(
    r"(?:\b(?:our|their)[^\S\n]+"
    r"|(?:\b(?P<who>[A-Z][a-z]+)|\b(?:analyst|researcher|scientist|professor|director|head|fellow|expert|economist|"
    r"agronomist|engineer|spokesperson|spokesman|spokeswoman|official|member|student|colleague|"
    r"lecturer|chair|chief|founder)s?),?[^\S\n]+(?:at|of|from|with)[^\S\n]+(?:the[^\S\n]+)?)\Z"
)
AFFILIATION_LOOKBACK = 60


@dataclass
class _Candidate:
    """A programme name found around one head word, before mentions are linked."""

    start: int
    end: int
    name: str
    category: str
    explicit: list[str]  # aliases the text gives: "(CERC)", "(the UK's Newton Fund)"
    derived: list[str]  # forms made from the name: without a leading year, with "for 2011"
    headed: str = ""  # the name up to its head, when a tail follows: "Gaborone Convention"


def normalize_name(name: str) -> str:
    """Return the scorer's form of a programme name.

    Case-folded, curly quotes straightened and double quotes dropped, every
    hyphen or dash made "-" (spaces around it removed), white space collapsed,
    and a leading "the" dropped. An empty or blank name gives "".
    """
    s = WS_RE.sub(" ", name.translate(QUOTE_TABLE)).strip(NAME_STRIP).casefold()
    s = DASH_RE.sub("-", s)
    if LEADING_THE_RE.match(s):
        s = s[4:]
    return s.strip(NAME_STRIP)


def programme_key(name: str) -> str:
    """Return the dedup key of a programme name: :func:`normalize_name`, order-free country pair,
    one spelling for words of two ("Programme", "Program"; "U.S.", "US": ``fold_spelling``).

    A name that starts with "A-B " (two single capitalised or dotted tokens)
    gets the pair sorted, so "U.S.-China Agreement ..." and "China-U.S.
    Agreement ..." share a key.
    """
    s = WS_RE.sub(" ", name).strip(NAME_STRIP)
    if s[:4].casefold() == "the ":
        s = s[4:].lstrip()
    m = PAIR_RE.match(s)
    if m:
        first, second = sorted((m.group(1), m.group(2)), key=normalize_name)
        s = f"{first}-{second}{s[m.end():]}"
    return fold_spelling(normalize_name(s))


def _category(head: str, premods: list[Token], words: ProgrammeWords) -> str:
    """Return the SCHEMA category a head word gives, refined by the word before it."""
    if premods:
        pair = f"{premods[-1][2]} {head}".casefold()
        if pair in words.modifier_categories:
            return words.modifier_categories[pair]
        if head in words.joint_lab_heads and _called_joint(premods, words):
            return "joint_lab"
    return words.heads.get(head, "other")


def _called_joint(premods: list[Token], words: ProgrammeWords) -> bool:
    """True when a word before the head calls the programme joint ("Joint Antarctic Krill Survey")."""
    return any(t[2] in words.joint_words for t in premods)


def _has_pair(premods: list[Token]) -> bool:
    """True when a word before the head is two names joined by a dash ("China-Kenya")."""
    return any(DASH_PAIR_RE.fullmatch(t[2]) for t in premods)


# Unions and regions that are a party as a country is: "EU–Brazil", "Africa–EU", "EU–LAC".
BLOCS = frozenset("EU AU ASEAN CELAC LAC Mercosur ECOWAS SADC EAC GCC CARICOM APEC Africa Europe Asia "
                  "Caribbean Pacific".split())


def _place_pair(word: str) -> bool:
    """True when ``word`` is two places or unions joined by a dash ("Korea–Norway", "EU–Brazil"; not
    "Biden–Harris")."""
    return DASH_PAIR_RE.fullmatch(word) is not None and all(
        part in BLOCS or names_place(part) for part in re.split(r"[\-‐‑‒–—―−]", word))


# Words that, like "Joint", make a committee of two partners a bilateral body: "China-Laos Science
# and Technology Cooperation Committee", "Kenya-Japan Intergovernmental Commission".
BILATERAL_WORDS = frozenset({"Cooperation", "Co-operation", "Intergovernmental", "Bilateral", "Mixed", "Steering"})


def _joint_pair(premods: list[Token], words: ProgrammeWords) -> bool:
    """True when the words before a head hold "Joint" (or "Cooperation", ``BILATERAL_WORDS``)
    and a pair of names joined by a dash ("China-Kenya Joint", "Sino–German Joint"): a bilateral
    body, not an organisation's committee."""
    return any(t[2] in words.joint_words or t[2] in BILATERAL_WORDS for t in premods) and _has_pair(premods)


def _partners_or_acronym(premods: list[Token], explicit: list[str], words: ProgrammeWords) -> bool:
    """True when a "Network" or "Alliance" is a programme: named for two partners ("Moroccan–German
    ... Alliance"), called joint ("Syr Darya Joint Hydrological Observation Network") or given an
    acronym, and not a company or outlet ("Cable News Network")."""
    if any(t[2] in words.organisation_words for t in premods):
        return False
    return bool(explicit) or _has_pair(premods) or _called_joint(premods, words)


# Words right before a meeting's head that number it as an ordinal would: "the IDBR Annual Meeting".
RECURRENT = frozenset({"Annual", "Biennial", "Triennial"})


def _numbered_event(premods: list[Token], words: ProgrammeWords) -> bool:
    """True when a name opens with an ordinal, or ends with "Annual" ("IDBR Annual Meeting"), and
    holds a word that is not generic ("9th African Soil Science Congress"): a numbered or a
    yearly meeting, not a legislature ("118th Congress", "the General Assembly")."""
    if len(premods) >= 2 and premods[-1][2] in RECURRENT:
        return any(t[2] not in words.generic_modifiers for t in premods[:-1])
    return len(premods) >= 2 and is_ordinal(premods[0][2], words) and any(
        t[2] not in words.generic_modifiers for t in premods[1:])


def _is_bare(head: str, premods: list[Token], tail: Tail, words: ProgrammeWords) -> bool:
    """True when the words around a head do not make a name.

    "the Agreement", "a Memorandum of Understanding", "Joint Research Center"
    (only generic modifiers), a "Year" with no "of ..." and "Year of the
    Tiger" (no modifier, an article after "of") are bare.
    """
    segments = tail.segments
    if segments and segments[0] == words.head_complements.get(head):
        segments = segments[1:]
    if head in words.tail_required_heads:
        article = bool(segments) and segments[0].split()[1] in words.tail_articles
        return not segments or (article and not premods)
    if segments:
        return False
    mods = [t[2] for t in premods if t[2] not in words.premod_connectors]
    return not mods or (len(mods) <= 2 and all(m in words.generic_modifiers for m in mods))


def _org_unit(text: str, start: int, head: str, premods: list[Token], tail: Tail,
              words: ProgrammeWords) -> bool:
    """True for a centre or lab that an organisation owns ("Center for X of the Y Association",
    "Tsinghua University's Center for X", "Center of CAS"), that is named as a person's
    workplace ("an analyst at the Centre for X") or that is an institute of studies ("Centre
    for Pacific Ocean Studies"); joint labs and centres of two partners never are."""
    if head not in words.org_unit_heads or _category(head, premods, words) == "joint_lab":
        return False
    if tail.stop is not None:
        return True
    if tail.segments and tail.segments[-1].endswith(" Studies") and not _has_pair(premods):
        return True  # "Centre for Pacific Ocean Studies", "Center for Strategic and International Studies": an institute
    if not _has_pair(premods) and (aff := AFFILIATION_BEFORE_RE.search(
            text, max(0, start - AFFILIATION_LOOKBACK), start)) is not None and not (aff["who"] and names_place(aff["who"])):
        return True  # "an analyst at the Centre for X", "Felipe Arango of the Y Centre", "our Centre" (not a
        # place's: "established in Tashkent, Uzbekistan, of the International Centre for ...")
    if text[max(0, start - 4) : start].rstrip()[-2:] not in ("'s", "’s"):
        return False
    owner = OWNER_BEFORE_RE.search(text, max(0, start - OWNER_LOOKBACK), start)
    return owner is not None and not words.organisation_words.isdisjoint(owner.group(1).split())


def _derived_aliases(name: str, premods: list[Token], category: str,
                     words: ProgrammeWords) -> list[str]:
    """Return the name without a leading year ("2021 X Conference" -> "X Conference"),
    or, for a conference, without a leading ordinal ("Ninth X Conference")."""
    if len(premods) < 2:
        return []
    first = premods[0][2]
    if YEAR_RE.fullmatch(first) or (is_ordinal(first, words) and category == "conference"):
        return [name.split(None, 1)[1]]  # (the name's white space is collapsed: not by the text's offsets)
    return []


# What a series of publications is of: "Treaty Series", "Working Paper Series", "Report Series".
_PUBLISHED_KINDS = frozenset("Treaty Treaties Law Laws Paper Papers Report Reports Document Documents Brief Briefs "
                             "Note Notes Bulletin Monograph Monographs".split())


def _candidate(text: str, m: re.Match[str], floor: int, words: ProgrammeWords) -> _Candidate | None:
    """Return the programme closed by head match ``m``, or None when there is none."""
    head_start, head_end, head = m.start(), m.end(), m.group()
    if after_head(text, head_end, head, words) != "final":
        return None
    premods = scan_premods(text, head_start, floor, words)
    if head in words.pair_required_heads and not _joint_pair(premods, words):
        return None
    if head in words.pair_heads and not (any(_place_pair(t[2]) for t in premods) or _called_joint(premods, words)):
        return None  # a campaign of two countries or a joint one, not an organisation's ("Treatment Action
        # Campaign") nor a ticket's; a joint survey, not a geological one
    if head in words.ordinal_required_heads and not _numbered_event(premods, words):
        return None
    tail = scan_tail(text, head_end, head, words)
    start = premods[0][0] if premods else head_start
    if _org_unit(text, start, head, premods, tail, words):
        return None
    if premods and premods[-1][2] in words.venue_words and words.heads[head] == "centre":
        return None  # "the Ikirezi Convention Centre", "Media Centre": a venue or an office
    if head == "Series" and premods and premods[-1][2] in _PUBLISHED_KINDS:
        return None  # "the United Nations Treaty Series", "Working Paper Series": a publication's
    if words.owner_re.search(text, max(0, start - OWNER_LOOKBACK), start):
        return None
    # A name starts and ends with a token, so joining its split words collapses
    # white space exactly as WS_RE.sub(" ", ...) would (same characters), only faster.
    name = " ".join(text[start : tail.end].split())
    category = _category(head, premods, words)
    aliases = _derived_aliases(name, premods, category, words)
    end = tail.end
    year = None if tail.segments or words.heads[head] not in ("plan", "programme") else YEAR_AFTER_RE.match(text, head_end)
    if year is not None and words.heads[head] == "programme" and head != "Call" and (
            not premods or year.start(1) != head_end + 1 or not _YEAR_SPAN_RE.fullmatch(year.group(1))):
        # a programme's name holds a period ("Work Programme 2023–2026"), not an edition's year, nor
        # a table's column ("Program      2024–25"); a call holds its year ("TRI-WEF Joint Call 2026")
        year = None
    if year is not None:  # "UK–India Research Roadmap 2035", "Agenda 2063", "Saudi Vision 2030"
        name, end = f"{name} {year.group(1)}", year.end()
    elif head in words.year_required_heads and not any(YEAR_RE.fullmatch(t[2]) for t in premods):
        return None  # "the Vision", "a Concept": only a plan's with its year
    if tail.year_end is not None:
        aliases.append(" ".join(text[start : tail.year_end].split()))
        end = tail.year_end
    if tail.parties_end is not None:  # the name with its parties: "... Cooperation between Italy and Mexico"
        aliases.append(" ".join(text[start : tail.parties_end].split()))
    alias, end = alias_after(text, end, name, words)
    explicit = [alias] if alias else aliases_inside_paren(text, start, tail.end, name)
    if head in words.acronym_required_heads and not explicit:
        return None
    if head in words.pair_or_acronym_heads and not _partners_or_acronym(premods, explicit, words) \
            and not (premods and premods[-1][2] in words.pair_or_acronym_waived_after.get(head, ())):
        return None  # (a kind of source names a facility: "Cheshire Light Source")
    if head in words.pair_acronym_or_tail_heads and not (tail.segments or _partners_or_acronym(premods, explicit, words)):
        return None
    if not explicit and year is None and _is_bare(head, premods, tail, words):
        return None
    headed = " ".join(text[start:head_end].split()) if tail.segments and premods \
        and premods[0][2] not in words.generic_modifiers else ""
    return _Candidate(start, end, name, category, explicit, aliases, headed)


def _scan(text: str, words: ProgrammeWords) -> list[_Candidate]:
    """Return the raw candidates of ``text`` left to right, none overlapping."""
    found: list[_Candidate] = []
    floor = 0
    match = words.head_re.match
    # The matches of head_re.finditer, found faster: see ProgrammeWords.head_scan_re.
    scan = text.encode("ascii", "replace").translate(words.head_scan_table)
    for place in words.head_scan_re.finditer(scan):
        start = place.start()
        if start < floor or (m := match(text, start)) is None:
            continue
        end = m.end()
        if start and text[start - 1] in NOT_BEFORE_HEAD:
            continue
        if end < len(text) and text[end] in NOT_AFTER_HEAD:
            continue
        cand = _candidate(text, m, floor, words)
        if cand is not None:
            found.append(cand)
            floor = cand.end
    return _with_known_names(text, _with_lower_names(text, found, words, scan))


# Programmes whose names have no head word, known by name: the EU's framework programmes for
# research and for education and its researchers' fellowships, two initiatives and a fusion
# facility (none a seed text's). Texts on science cooperation name them as often as any
# programme, and no rule tells them from other capitalised words ("Horizon Europe" is shaped like
# "Lake Victoria"). Before a generic head ("the Horizon
# Europe programme", "the Horizon 2020 Framework Programme") the name is as written, and the
# known one its alias, which later mentions take.
KNOWN_NAMES = {
    "Horizon Europe": "programme", "Horizon 2020": "programme", "Erasmus+": "programme",
    "Erasmus Mundus": "programme", "Marie Skłodowska-Curie Actions": "programme",
    "Marie Sklodowska-Curie Actions": "programme",
    "Global Gateway": "initiative", "Mission Innovation": "initiative",
    "JT-60SA": "facility",
}
_KNOWN_ALT = "|".join(re.escape(n).replace(r"\ ", r"[^\S\n]+").replace(r"\-", "[-‐‑–]")
                      for n in sorted(KNOWN_NAMES, key=len, reverse=True))
# A known name's category by its scorer's form (any dash, any white space).
_KNOWN_CATEGORIES = {normalize_name(name): category for name, category in KNOWN_NAMES.items()}
# An acronym in brackets after a known name: "Marie Skłodowska-Curie Actions (MSCA)".
_KNOWN_ACRONYM_RE = re.compile(r"[^\S\n]*+\(([A-Z][A-Z0-9&+-]{1,11})\)")
# and the UN's climate conferences by their number, named "COP28" however written: "COP28", "COP
# 29", "COP-27" (not "COP 28 billion", pesos)
# (No lookbehind opens the pattern, so that ``re`` skips to the names' first letters; the
# character before a match is checked in the loop.)
_KNOWN_RE = re.compile(
    r"(?:" + _KNOWN_ALT
    + r"|COP(?:-?(?P<cop>\d{1,2})|[^\S\n](?P<cop_spaced>\d{1,2})(?![^\S\n]*+(?:[.,]?\d|[mbt]illion\b|bn\b|thousand\b))))"
    r"(?![\w\-‐‑–+])"
)
_NOT_BEFORE_KNOWN = frozenset("-‐‑–._")
# The first words of the known names, looked for before the pattern is searched at all.
_KNOWN_FIRST = frozenset(n.split()[0].rstrip("+") for n in KNOWN_NAMES) | {"COP"}


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps any of the spans ``taken``."""
    return any(a < end and start < b for a, b in taken)
# A known name and the words of a generic head after it: "Horizon Europe programme",
# "Horizon 2020 Framework Programme", "Erasmus+ scheme".
_KNOWN_WITH_HEAD_RE = re.compile(
    r"(" + _KNOWN_ALT + r")(?:[^\S\n]+(?:[Ff]ramework|[Rr]esearch))?"
    r"[^\S\n]+(?:[Pp]rogram(?:me)?|[Ii]nitiative|[Ss]cheme|[Ff]acility)"
)


def _with_known_names(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """Give a name found with a known name and a generic head the known name as an alias ("the
    Horizon Europe programme": Horizon Europe), and add the known names no name found holds."""
    if not any(map(text.__contains__, _KNOWN_FIRST)):
        return found  # (no name found can hold a known one either)
    for cand in found:
        mt = _KNOWN_WITH_HEAD_RE.fullmatch(cand.name)
        if mt is not None:
            cand.explicit.append(" ".join(mt.group(1).split()))
    taken = [(c.start, c.end) for c in found]
    added = False
    for mt in _KNOWN_RE.finditer(text):
        k = mt.start()
        if k and (text[k - 1].isalnum() or text[k - 1] in _NOT_BEFORE_KNOWN):
            continue  # inside a word: "XJT-60SA", "pre-Horizon Europe"
        if _overlaps(taken, mt.start(), mt.end()):
            continue
        number = mt["cop"] or mt["cop_spaced"]
        if number:  # one name for every way of writing it, so that its mentions link
            found.append(_Candidate(mt.start(), mt.end(), "COP" + number, "conference", [], []))
        else:
            name = " ".join(mt.group().split())
            acronym = _KNOWN_ACRONYM_RE.match(text, mt.end())
            found.append(_Candidate(mt.start(), acronym.end() if acronym else mt.end(), name,
                                    _KNOWN_CATEGORIES[normalize_name(name)], [acronym.group(1)] if acronym else [], []))
        added = True
    if added:
        found.sort(key=lambda c: c.start)
    return found


def _with_lower_names(text: str, found: list[_Candidate], words: ProgrammeWords, scan: bytes) -> list[_Candidate]:
    """Add the names closed by a lower-case head ("the Artemis programme") that overlap no
    name found by a capitalised head, in text order (``scan``: the text's scan bytes)."""
    lower = find_lower_names(text, words, scan)
    if not lower:
        return found
    taken = [(c.start, c.end) for c in found]
    for low in lower:
        if _overlaps(taken, low.start, low.end):
            continue
        explicit = [low.explicit] if low.explicit else []
        found.append(_Candidate(low.start, low.end, low.name, low.category, explicit, [low.alias]))
    found.sort(key=lambda c: c.start)
    return found


# Cached forms of the two pure helpers for :func:`_link`: the same names recur
# across the mentions of a text and across texts, and each call costs several
# regex substitutions. Keyed by short name strings only.
_cached_normalize = lru_cache(maxsize=8192)(normalize_name)
_cached_key = lru_cache(maxsize=8192)(programme_key)


def _link(cands: list[_Candidate]) -> list[ProgrammeMatch]:
    """Turn candidates into matches; a later mention of an earlier name's alias takes that name.

    Every match of one programme (same :func:`programme_key`, or linked through
    an explicit alias) lists the other forms seen as aliases.
    """
    canon: dict[str, int] = {}  # key of a name or explicit alias -> index of its first candidate
    groups: list[int] = []
    keys = [_cached_key(cand.name) for cand in cands]
    for i, cand in enumerate(cands):
        root = canon.get(keys[i])
        if root is None:  # "the BSG scheme" after "Bilateral Seed Grants (BSG)": the form it was made from
            root = next((canon[k] for k in map(_cached_key, cand.derived) if k in canon), i)
        groups.append(root)
        canon.setdefault(keys[i], root)
        for form in cand.explicit:
            canon.setdefault(_cached_key(form), root)
    forms: dict[int, dict[str, str]] = {}  # group -> normalized form -> first form as written
    for i, cand in enumerate(cands):
        group = forms.setdefault(groups[i], {})
        for form in (cand.name, *cand.explicit, *cand.derived):
            group.setdefault(_cached_normalize(form), form)
    out = []
    for i, cand in enumerate(cands):
        root = cands[groups[i]]
        name = cand.name if keys[i] == keys[groups[i]] else root.name
        own = _cached_normalize(name)
        aliases = tuple(form for norm, form in forms[groups[i]].items() if norm != own)
        out.append(ProgrammeMatch(cand.start, cand.end, name, root.category, aliases))
    return out


def find_programmes(text: str, layout: str | None = None) -> list[ProgrammeMatch]:
    """Return every named programme in ``text``, in text order (empty list when there is none).

    ``name`` is the name as written without a leading "the" (white space
    collapsed); ``aliases`` holds acronyms and other names given for it;
    ``start``/``end`` cover the name and any parenthesised alias after it.
    ``layout`` is the text with its lines as written, when ``text`` has some of them run on
    (the same length): a record's fields are read from it, a line each.
    """
    if not isinstance(text, str) or not text:
        return []
    cands = _scan(text, programme_words())
    lines = text if layout is None or len(layout) != len(text) else layout
    if _may_hold_record(text) and (fields := _record_fields(lines)):
        cands = _with_fields(cands, fields)
    _other_names(text, cands)
    return _link(cands)


# A record's field that names a project or a programme, a line of its own: "Title: Upwelling
# Observatories for South Atlantic Small-Scale Fisheries", "Funding scheme: EU–LAC Raw Materials
# Twinning" (the category by the label); its acronym's field near it, "Acronym: UPSAF", gives the alias.
_NAME_FIELD_RE = re.compile(
    r"^[^\S\n]*+(?:(?P<project>(?:Project[^\S\n]++)?(?:[Tt]itle|[Nn]ame))|(?:Funding[^\S\n]++)?[Ss]cheme|Programme|Program)"
    r"[^\S\n]*+:[^\S\n]*+(?P<name>[A-Z][^\n]{4,160}?)[^\S\n]*+$", re.M)
# The other fields that make the lines a record (within ``_RECORD_REACH`` characters of the name).
_RECORD_FIELD_RE = re.compile(r"^[^\S\n]*+(?:Acronym|Project[^\S\n]++(?:ID|[Nn]o\.?|[Nn]umber|[Cc]ode)|Grant[^\S\n]++"
                              r"(?:agreement|[Nn]o\.?|[Nn]umber)|Start[^\S\n]++date|Duration)\b[^\n:]{0,20}:", re.M)
_ACRONYM_FIELD_RE = re.compile(r"^[^\S\n]*+Acronym[^\S\n]*+:[^\S\n]*+(?P<acronym>[A-Z][A-Z\d-]{1,20})[^\S\n]*+$", re.M)
_RECORD_REACH = 300


def _may_hold_record(text: str) -> bool:
    """Whether ``text`` may hold a record's fields (a quick test before the fields' patterns: most
    texts hold none of the labels that mark a record)."""
    return "Acronym" in text or "Start date" in text or "Project ID" in text or "Duration" in text


# A title's words: most of them capitalised (not a sentence, nor a person's "Dr." or "Associate Professor").
_TITLE_WORD_RE = re.compile(r"[^\s()]+")
_TITLE_SMALL = frozenset("a an and the of for in on to with at by from between or".split())


def _record_fields(text: str) -> list[_Candidate]:
    """Return the candidates that a record's name fields give (``_NAME_FIELD_RE``)."""
    out = []
    for m in _NAME_FIELD_RE.finditer(text):
        lo, hi = max(0, m.start() - _RECORD_REACH), m.end() + _RECORD_REACH
        if _RECORD_FIELD_RE.search(text, lo, hi) is None:
            continue
        name = " ".join(m["name"].split()).rstrip(".;,")
        words = _TITLE_WORD_RE.findall(name)
        if len(words) < 2 or name.endswith((".", "!", "?")) \
                or any(not (w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL) for w in words):
            continue  # a sentence, or a word in lower case
        if m["project"] and len(words) < 3:
            continue  # "Title: Associate Professor", "Name: Jane Doe"
        acronym = _ACRONYM_FIELD_RE.search(text, m.end(), hi)
        explicit = [acronym["acronym"]] if acronym and acronym["acronym"] not in name else []
        category = "project" if m["project"] else "programme"
        out.append(_Candidate(m.start("name"), m.start("name") + len(m["name"].rstrip(".;, \t")), name, category,
                              explicit, []))
    return out


def _with_fields(cands: list[_Candidate], fields: list[_Candidate]) -> list[_Candidate]:
    """Return ``cands`` with the fields' candidates that overlap none of them, in text order."""
    taken = [(c.start, c.end) for c in cands]
    kept = [f for f in fields if not _overlaps(taken, f.start, f.end)]
    return sorted(cands + kept, key=lambda c: c.start) if kept else cands


# A year right after a plan's head, part of its name: "Roadmap 2035", "Strategy 2021–2025", a
# century's horizon "Delta Plan 2100" (not "Plan 2030s", "Plan 2030-era"); a span of years after
# a programme's head ("Work Programme 2023–2026").
YEAR_AFTER_RE = re.compile(r"[ \t\u00a0]++(" + YEAR_RE.pattern + r"|2100)(?![\w\-‐‑–/])")

# A span of years: "2023–2026", "2014-2020" (a programme's period, part of its name).
_YEAR_SPAN_RE = re.compile(r"\d{4}[\-‐‑–/]\d{2,4}")

# Between a name and another name the text gives for it: ", commonly called the ", " (French:
# Accord ...), also known as the ".
ALSO_CALLED_RE = re.compile(
    r"(?:[ \t]*+\([^()\n]{1,160}\))?[ \t]*+,?[ \t]*+(?:(?:commonly|also|often|popularly|informally|better)[ \t]++)?"
    r"(?:known[ \t]++as|called|dubbed|referred[ \t]++to[ \t]++as)[ \t]++(?:the[ \t]++)?"
)
# What makes a later mention another instrument than the long name it shortens: its own tail in
# lower case or its year ("the Paris Agreement on climate change", "the Helsinki Accord of 1975").
_OWN_TAIL_RE = re.compile(r"[^\S\n]++(?:(?:on|of|for|in)[^\S\n]++(?:the[^\S\n]++)?[a-z\d]|\(?(?:1[89]|20)\d\d\b)")
YEAR_IN_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
# The fewest words of a later short form of a name ("Clean Air Fund" for "UK–India Clean Air
# Research Fund"): two ("Research Fund") name too many programmes.
MIN_SHORT_FORM_WORDS = 3


def _other_names(text: str, cands: list[_Candidate]) -> None:
    """Add to a candidate's explicit aliases the names the text gives it: one after "commonly
    called" or "known as" ("the Vietnam–France Agreement ..., commonly called the Hanoi
    Accord"), and a later short form of it: its head and words of it, in order, that no other
    name holds and the text does not name first ("the Clean Air Fund"), or the name up to its
    head, when one name alone has it and its first word is no generic modifier ("the Gaborone
    Convention")."""
    for a, b in zip(cands, cands[1:]):
        if b.start - a.end <= 200 and ALSO_CALLED_RE.fullmatch(text, a.end, b.start):
            a.explicit.append(b.name)
    # the names read so far, each once with its latest candidate, by their head: a short form
    # keeps its name's head, so it is compared only with those (with all earlier candidates, as
    # it was, the pass was quadratic in a long list of names)
    by_head: dict[str, list[list]] = {}
    latest: dict[str, list] = {}  # name's key -> its [words, candidate] in by_head
    headed: dict[str, list[_Candidate]] = {}  # a name up to its head -> the names with a tail after it
    for b in cands:
        key = _cached_key(b.name)
        if b.headed:
            headed.setdefault(_cached_key(b.headed), []).append(b)
        entry = latest.get(key)
        if entry is not None:
            entry[1] = b  # a name read again: its latest candidate takes a short form found later
            continue
        if len(headed.get(key, ())) == 1 and not b.explicit \
                and not _OWN_TAIL_RE.match(text, b.end) and not YEAR_IN_RE.search(text, b.start, b.end):
            # the name without its tail, after it: "the Gaborone Convention" for "the Gaborone
            # Convention on the Kalahari Deep Underground Laboratory"
            headed[key][0].explicit.append(b.name)
        words = b.name.casefold().split()
        earlier = by_head.setdefault(words[-1], [])
        if len(words) >= MIN_SHORT_FORM_WORDS and not b.explicit:
            holders = []
            for name, a in earlier:
                if _short_form(words, name):
                    holders.append(a)
                    if len(holders) > 1:
                        break
            if len(holders) == 1:
                holders[0].explicit.append(b.name)
        latest[key] = entry = [words, b]
        earlier.append(entry)


def _short_form(short: list[str], name: list[str]) -> bool:
    """True when ``short`` is ``name`` less some of its words, with the same head (last word)."""
    if len(short) >= len(name) or short[-1] != name[-1]:
        return False
    rest = iter(name)
    return all(word in rest for word in short)
