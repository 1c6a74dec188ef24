"""Countries named in text, as ISO 3166-1 alpha-3 codes (the table is in ``countries``).

Rules (known limits in brackets):

* ``find_countries`` reports only entries the table marks ``independent`` (193
  UN members and the Vatican). Taiwan, Palestine, Kosovo, Hong Kong and other
  territories are recognised but not reported, and hide the country inside
  their names ("Chinese Taipei", "American Samoa").
* Text matching is case-sensitive: a form matches as written in the table or in
  upper case ("CHINA"); "chad", "us" never match. Longest match wins
  ("Papua New Guinea", "South African"), hyphens and dashes separate words
  ("U.S.-China"), possessives are dropped ("China's", "the Comoros'").
* "Korea" and bare "Korean" are South Korea, "North Korean" is PRK; a demonym two countries
  share ("Korean", "Congolese", "Dominican", "Sudanese", "Guinean") is the one of them the
  text names otherwise, if only one ("North Korea ... Korean engineers" is PRK).
* Regions whose names contain a country ("Latin America", "Indian Ocean",
  "Northern Ireland", "Central African") are not countries.
* "Jordan", "Chad", "Georgia", "Holland" beside another capitalised word (other
  than "In", "From" ...) are a person or US place ("Michael Jordan", "Georgia
  Tech"). [A US state after a comma, "Atlanta, Georgia", is still GEO.]
* A demonym right after "in"/"into" and before punctuation or a word that no noun phrase
  goes on with ("at", "by", "was"), after "fluent" or a verb of speaking or learning, or
  before a word such as "initials", "translation", "version", "-language" or "-speaking",
  or in a list before "languages", is a language and is skipped ("published in French.",
  "spoke in French at", "speaks fluent German", "its Spanish initials", "the Spanish,
  Finnish and English languages"). [Other language uses still count: "in English
  and Portuguese".]
* A form right before "$" is a currency prefix ("US$ 2 million") and is skipped, and "US" after
  "CONTACT", "JOIN", "ASK" and the like, or a page's "ABOUT US", is the pronoun in capitals.
* A combining form names its country only before a hyphen or dash and another country's name,
  demonym or combining form: "Franco-German" is FRA
  and DEU, "General Franco" nothing. "<Country> City" is a city ("Mexico City"), which
  alone names no country, as SCHEMA says of places.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from sci_diplo.normalize.country_tables import DASHES, MAX_WORD, RUN_RE, Tables, finder_tables, token_key
from sci_diplo.normalize.figures_units import UNAMBIGUOUS_CURRENCY_WORDS, phrase_alternation
from sci_diplo.normalize.types import CountryMatch

# Characters before a candidate word after which the finder reads the word's whole
# run with RUN_RE: an apostrophe or a dot (the word may sit inside a longer word:
# "O'Brien") and the blanks other than " " that a run's gap may hold (see the
# tab rule in ``_whole_run_forms``).
_AWKWARD_BEFORE = frozenset("'’.\t\x0b\x0c\x1c\x1d\x1e\x1f")
# Splits a run into words and the gaps between them (a gap is spaces or one dash).
GAPS_RE = re.compile(r"([\s\-‐‑–—]+)")
# "in"/"into" right before a demonym used as a language name ("in French.").
LANGUAGE_BEFORE_RE = re.compile(r"(?:^|\s)in(?:to)?\s$")
# "translated from (the)", "a translation into": the demonym after it is a language.
TRANSLATED_BEFORE_RE = re.compile(r"\btranslat(?:ed|ion)[^\S\n]+(?:from|into)[^\S\n]+(?:the[^\S\n]+)?\Z", re.I)
# A word after a demonym that makes it a language: "Spanish initials", "French-speaking".
LANGUAGE_AFTER_RE = re.compile(
    r"(?:[^\S\n]+(?:initials|acronym|abbreviation|translation|subtitles|speakers|dub|dubbing)\b"
    r"|[-‐][^\S\n]*(?:speaking|language)\b|[^\S\n]+(?:languages?|name|version|edition|original)\b"
    # a list of them before "languages": "in the Spanish, Finnish and English languages"
    r"|(?:[^\S\n]*,[^\S\n]*[A-Z]\w+){0,4},?[^\S\n]+(?:and|or)[^\S\n]+[A-Z]\w+[^\S\n]+languages\b)"
)
# A word after "in <demonym>" that no noun phrase goes on with: the demonym is a language
# ("spoke in French at the signing", "written in Spanish by"), not "in French laboratories".
LANGUAGE_IN_AFTER_RE = re.compile(
    r"[^\S\n]+(?:at|on|by|with|from|to|for|during|as|but|before|after|while|when|because|than|"
    r"since|until|via|without|is|was|were|are|has|had|will|would|could|can|that|which)\b"
)
# A verb of speaking or "fluent" right before a demonym: "speaks fluent German", "learn Chinese"
# (not the end of a compound: "Chinese-speaking Jordanian").
SPEAKING_BEFORE_RE = re.compile(
    r"(?<![-‐])\b(?:fluent|speaks?|spoke|speaking|learn(?:s|ed|ing|t)?|teach(?:es|ing)?|taught)[^\S\n]+\Z", re.I
)
# Longer runs are read afresh each time rather than cached.
MAX_CACHED_RUN = 100
# Capitalised words that may precede a person-prone name at a sentence start.
FUNCTION_WORDS = frozenset(
    "In To From For With And But Or Both Like Unlike Including About Across Against "
    "Between By Of On At As Via While Since After Before During When If Where Into "
    "Visiting Neighbouring Neighboring Only Even Also Then Meanwhile However The".split()
)



def _person_like(words: list, gaps: list, i: int, j: int, possessive: bool) -> bool:
    """Return True when a person-prone name (words i..j of a run) stands beside another
    capitalised word of its run: "Michael Jordan", "Chad Johnson", "Georgia Tech"."""
    if j + 1 < len(words) and not possessive:
        if gaps[j] not in DASHES and words[j + 1][0].isupper():
            return True
    if i == 0 or gaps[i - 1] in DASHES:
        return False
    before = words[i - 1]
    return before[0].isupper() and before[-1] not in ".!?" and before not in FUNCTION_WORDS


def _language_use(text: str, start: int, end: int) -> bool:
    """Return True when a demonym at ``start:end`` names a language: "(in French)",
    "its Spanish initials", "Portuguese-speaking", "translated from the Spanish"."""
    if LANGUAGE_AFTER_RE.match(text, end) or TRANSLATED_BEFORE_RE.search(text, max(0, start - 30), start):
        return True
    if SPEAKING_BEFORE_RE.search(text, max(0, start - 12), start):
        return True
    if not LANGUAGE_BEFORE_RE.search(text[max(0, start - 6):start]):
        return False
    after = text[end:end + 1]
    return after == "" or after in ",.;:)" or bool(LANGUAGE_IN_AFTER_RE.match(text, end))


def _longest_at(keys: list, gaps: list, i: int, tables: Tables) -> tuple | None:
    """Return (last word index, (trim, code, kind)) of the longest form starting at
    word ``i`` of a run, or None when no form starts there."""
    ends, prefixes = tables.ends, tables.prefixes
    best, key, j = None, keys[i], i
    while True:
        hit = ends.get(key)
        if hit is not None:
            best = (j, hit)
        j += 1
        if j == len(keys) or key not in prefixes:
            return best
        key += ("-" if gaps[j - 1] in DASHES else " ") + keys[j]


def _run_words(run: str, firsts: frozenset) -> tuple[list, list] | None:
    """Return the parts of a run (word, gap, word, ..., word) and its words' keys, or
    None when no word can start a form (checked first, with cheap string methods)."""
    if run.isascii():
        if firsts.isdisjoint(run.replace("-", " ").split()):
            return None
        parts = GAPS_RE.split(run)
        return parts, parts[::2]
    parts = GAPS_RE.split(run)
    keys = [token_key(w) for w in parts[::2]]
    return None if firsts.isdisjoint(keys) else (parts, keys)


def _run_forms(run: str, tables: Tables) -> tuple[tuple[int, int, str, bool], ...]:
    """Return (start, end, code, is demonym) of the reported forms in one run of
    capitalised words, offsets relative to the run, person names already dropped.
    Currency prefixes and languages depend on the text around the run: the caller
    drops them."""
    firsts = tables.firsts
    split = _run_words(run, firsts)
    if split is None:
        return ()
    parts, keys = split
    words, gaps = parts[::2], parts[1::2]
    offsets, found, i = None, [], 0
    while i < len(keys):
        hit = None
        if keys[i] in firsts and len(words[i]) <= MAX_WORD:
            hit = _longest_at(keys, gaps, i, tables)
        if hit is None:
            i += 1
            continue
        j, (trim, code, kind) = hit
        if kind == "combining" and (j + 1 == len(words) or gaps[j] not in DASHES or keys[j + 1] not in firsts
                                    or _longest_at(keys, gaps, j + 1, tables) is None):
            code = ""  # "Indo" names India only before a hyphen and a country: "Indo-German", not "Indo-Pacific"
        if code and not (kind == "person" and _person_like(words, gaps, i, j, trim > 0)):
            offsets = offsets or list(accumulate(map(len, parts), initial=0))
            found.append((offsets[2 * i], offsets[2 * j + 1] - trim, code, kind == "demonym"))
        i = j + 1
    return tuple(found)


@lru_cache(maxsize=4096)
def _short_run_forms(run: str) -> tuple[tuple[int, int, str, bool], ...]:
    """``_run_forms`` cached per run of at most ``MAX_CACHED_RUN`` characters: runs
    recur ("United States", "China-U.S."), and reading one is most of the work."""
    return _run_forms(run, finder_tables())


def _whole_run_forms(run: str, tables: Tables) -> tuple[tuple[int, int, str, bool], ...]:
    """Return ``_run_forms`` of a whole run of capitalised words, less ASCII runs whose
    gaps are all tabs or other non-space blanks (skipped, as they always were)."""
    forms = tables.single.get(run)  # most runs are one word: "China", "U.S."
    if forms is not None:
        return forms
    if run in tables.firsts or (run.isascii() and " " not in run and "-" not in run):
        return ()  # one word with no reported form ("Taiwan"), or a run of tab gaps
    return _run_forms(run, tables) if len(run) > MAX_CACHED_RUN else _short_run_forms(run)


def _run_at(text: str, pos: int, low: int) -> re.Match[str]:
    """Return the run of RUN_RE that holds ``pos``, reading runs from ``low`` (where no
    run goes on, as at the end of one) or from the line's start (runs hold no line break)."""
    low = max(low, text.rfind("\n", low, pos) + 1, text.rfind("\r", low, pos) + 1)
    for run in RUN_RE.finditer(text, low):
        if run.end() > pos:
            return run
    raise AssertionError("a capital letter after no word character starts a run")


def _candidate_forms(text: str, m: re.Match[str], low: int, tables: Tables) -> tuple[int, tuple]:
    """Return (offset, forms) for a candidate match of ``Tables.candidates`` (not a word of
    ``safe_single`` after a plain character).

    The match reads a run from a word that may start a form; words before it start
    none, so they change nothing, except that a person-prone name after a capitalised
    word ("Michael Jordan"), the tab rule of ``_whole_run_forms`` and a word that may
    sit inside a longer one (after an apostrophe or a dot) need the whole run: it is
    read again with RUN_RE from ``low``, the end of the last candidate's run.
    """
    start, rest = m.start(), m.group()
    before = text[start - 1] if start else ""
    # An ASCII run of several words with no " " and no "-" has only tab-like gaps.
    if before not in _AWKWARD_BEFORE and (
            " " in rest or "-" in rest or m.end(1) == m.end() or not rest.isascii()):
        forms = _run_forms(rest, tables) if len(rest) > MAX_CACHED_RUN else _short_run_forms(rest)
        # A form kept at the first word may be a person-prone name that a capitalised
        # word before it, in the same run, would drop: read the whole run then.
        if not (forms and forms[0][0] == 0 and forms[0][2] in tables.person_codes and before.isspace()):
            return start, forms
    run = _run_at(text, start, low)
    return run.start(), _whole_run_forms(run.group(), tables)


# A currency a country's name or demonym qualifies: "165 million U.S. dollars", "Swiss francs"
# name money, not the country (as "US$" does not).
_CURRENCY_AFTER = re.compile(r" (?:" + phrase_alternation(list(UNAMBIGUOUS_CURRENCY_WORDS)) + r")(?![\w-])")


# "US" as the pronoun in capitals: "CONTACT US", "JOIN US", "WHAT JOURNALISTS ASK US", a page's
# "ABOUT US" ending its line or field (not "TRADE WITH US", "TO VISIT US": the country).
_PRONOUN_US_BEFORE = re.compile(r"\b(?:(?P<about>ABOUT)|ASK|CONTACT|JOIN|FOLLOW|TELL|EMAIL|E-MAIL|LET|SEND|WRITE)"
                                r"[^\S\n]++\Z")
_LINE_OR_FIELD_END = re.compile(r"[^\S\n]*+(?:[|·•/]|\n|\Z)")
# What follows the pronoun: the line's or a field's end, a stop, a word in lower case ("JOIN US
# for", "JOIN US, and"), or a page's "ON", "AT", "TODAY" ... ("FOLLOW US ON TWITTER"); not a
# hyphen or another word in capitals ("JOIN US-LED", "JOIN US SANCTIONS", "US, UK", "ASK US TO").
_PRONOUN_AFTER = re.compile(r"[^\S\n]*+(?:[|·•/.!?:;)]|\n|\Z)|[^\S\n]++[a-z@]|,[^\S\n]*+[a-z]"
                            r"|[^\S\n]++(?:ON|AT|TODAY|NOW|ONLINE|HERE|FOR|VIA|BY)\b")


def _pronoun_us(text: str, start: int, end: int) -> bool:
    """True when the "US" at ``text[start:end]`` is the pronoun in capitals (``_PRONOUN_US_BEFORE``)."""
    m = _PRONOUN_US_BEFORE.search(text, max(0, start - 9), start)
    if m is None:
        return False
    return (_PRONOUN_AFTER if m["about"] is None else _LINE_OR_FIELD_END).match(text, end) is not None


def find_countries(text: str) -> list[CountryMatch]:
    """Return every mention of a sovereign country in ``text`` (names, short forms,
    demonyms) in text order, longest match first and non-overlapping; empty when
    there is none or ``text`` is not a string."""
    if not isinstance(text, str) or not text:
        return []
    tables = finder_tables()
    safe_single, awkward = tables.safe_single, _AWKWARD_BEFORE
    out: list[CountryMatch] = []
    last = None  # the last candidate, whose run's end is where RUN_RE may resume
    # Only runs that hold a word that may start a form are read: most hold none.
    for m in tables.candidates.finditer(text):
        offset = m.start()
        forms = safe_single.get(m.group())  # most are one word: "China", "U.S."
        if forms is None or (offset and text[offset - 1] in awkward):
            offset, forms = _candidate_forms(text, m, last.end() if last else 0, tables)
        last = m
        for start, end, code, demonym in forms:
            start, end = offset + start, offset + end
            if text[end:end + 1] != "$" and not (demonym and _language_use(text, start, end)) \
                    and not (text[end:end + 1] == " " and _CURRENCY_AFTER.match(text, end)) \
                    and not (end - start == 2 and text[start:end] == "US" and _pronoun_us(text, start, end)):
                out.append(CountryMatch(start, end, code))
    return _resolve_shared(text, out, tables.shared)


def _resolve_shared(text: str, found: list[CountryMatch], shared: dict[str, frozenset[str]]) -> list[CountryMatch]:
    """Give a demonym two countries share the one of them that the text names otherwise: in a
    text on Congo-Brazzaville "Congolese" is COG, in one on North Korea "Korean" is PRK. With
    neither or both named, it keeps the table's first (the larger country, or the alias's)."""
    ambiguous = [k for k, m in enumerate(found) if text[m.start:m.end] in shared]
    if not ambiguous:
        return found
    named = {m.code for m in found if text[m.start:m.end] not in shared}
    for k in ambiguous:
        m = found[k]
        choice = shared[text[m.start:m.end]] & named
        if len(choice) == 1 and m.code not in choice:
            found[k] = CountryMatch(m.start, m.end, next(iter(choice)))
    return found
