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
* "Korea" and bare "Korean" are South Korea; "North Korean" is PRK.
* Regions whose names contain a country ("Latin America", "Indian Ocean",
  "Northern Ireland", "Central African") are not countries.
* "Jordan", "Chad", "Georgia", "Holland" beside another capitalised word (other
  than "In", "From" ...) are a person or US place ("Michael Jordan", "Georgia
  Tech"). [A US state after a comma, "Atlanta, Georgia", is still GEO.]
* A demonym right after "in"/"into" and before punctuation, or before a word such as
  "initials", "translation", "version" or "-speaking", is a language and is skipped
  ("published in French.", "its Spanish initials"). [Other language uses still count.]
* A form right before "$" is a currency prefix ("US$ 2 million") and is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from sci_diplo.normalize.countries import fold_accents, table_data, variants
from sci_diplo.normalize.numbers_lexicon import trie_regex
from sci_diplo.normalize.types import CountryMatch

_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"(?:d['’])?[{_UPPER}][\w'’.]*"
# The first word of a run: _TOKEN not right after a letter or digit, written to
# begin with a character class so that the regex engine jumps from one capital (or
# "d") to the next; a leading lookbehind would make it try every position.
_FIRST = rf"[{_UPPER}d](?<!\w.)(?:(?<=d)['’][{_UPPER}]|(?<!d))[\w'’.]*"
# A run of capitalised words joined by up to 3 spaces (no line break), a single
# hyphen or dash, or the connectors of/the/and/da: "U.S.-China",
# "Democratic Republic of the Congo", "Côte d'Ivoire". Each repetition must
# consume a capitalised word, so matching is linear.
_GAP = r"[^\S\r\n]{1,3}"
_MORE = rf"(?:(?:{_GAP}(?:(?:of|the|and|da){_GAP}){{0,2}}|[-‐‑–—]){_TOKEN})*"
RUN_RE = re.compile(_FIRST + _MORE)
# Longer words are no part of any country name ("Liechtensteiner" has 15 letters).
MAX_WORD = 40
# After a word's first letter, the rest of a word that holds a non-ASCII character
# other than an apostrophe ("Mohéli", "Türkiye"): its key is folded in Python, so
# ``_candidate_re`` lets any such word through. Possessive: no backtracking. The
# ASCII part is read for at most MAX_WORD characters: a longer word starts no form,
# and an unbounded read from every capital inside one long word ("A.A.A.A...") was
# quadratic.
_FOLDED_REST = r"[A-Za-z0-9_'.’ʼ]{0,%d}+(?=[^\x00-\x7f])(?![’ʼ])\w[\w'’.]*+" % MAX_WORD
# Apostrophes a text may write where a key has "'" (``fold_accents`` maps them).
_APOSTROPHE = "['’ʼ]"
# The endings that ``_Tables.firsts`` adds to a head word: "'s", "’S", "'", ".".
_ENDING = rf"(?:{_APOSTROPHE}[sS]?|\.)?"
# The capital letters a run may start with (``_UPPER``), one by one.
_UPPER_LETTERS = [chr(c) for c in range(0x41, 0x5B)] + [
    chr(c) for c in range(0xC0, 0xDF) if c != 0xD7
]
# Characters before a candidate word after which the finder reads the word's whole
# run with RUN_RE: an apostrophe or a dot (the word may sit inside a longer word:
# "O'Brien") and the blanks other than " " that a run's gap may hold (see the
# tab rule in ``_whole_run_forms``).
_AWKWARD_BEFORE = frozenset("'’.\t\x0b\x0c\x1c\x1d\x1e\x1f")
# A word of a run or of a table form: anything between spaces and dashes.
TOKEN_RE = re.compile(r"[^\s\-‐‑–—]+")
# Splits a run into words and the gaps between them (a gap is spaces or one dash).
GAPS_RE = re.compile(r"([\s\-‐‑–—]+)")
# Separators that count as a hyphen inside a form ("Guinea-Bissau").
DASHES = frozenset("-‐‑–—")
# "in"/"into" right before a demonym used as a language name ("in French.").
LANGUAGE_BEFORE_RE = re.compile(r"(?:^|\s)in(?:to)?\s$")
# "translated from (the)", "a translation into": the demonym after it is a language.
TRANSLATED_BEFORE_RE = re.compile(r"\btranslat(?:ed|ion)[^\S\n]+(?:from|into)[^\S\n]+(?:the[^\S\n]+)?\Z", re.I)
# A word after a demonym that makes it a language: "Spanish initials", "French-speaking".
LANGUAGE_AFTER_RE = re.compile(
    r"(?:[^\S\n]+(?:initials|acronym|abbreviation|translation|subtitles|speakers|dub|dubbing)\b"
    r"|[-‐][^\S\n]*speaking\b|[^\S\n]+(?:language|name|version|edition|original)\b)"
)
# Endings of a last word that are no part of the form, with their length: a
# possessive ("China's"), a bare apostrophe ("the Comoros'"), a final period.
_TRIMS = (("'s", 2), ("'S", 2), ("'", 1), (".", 1))
# Longer runs are read afresh each time rather than cached.
MAX_CACHED_RUN = 100
# Capitalised words that may precede a person-prone name at a sentence start.
FUNCTION_WORDS = frozenset(
    "In To From For With And But Or Both Like Unlike Including About Across Against "
    "Between By Of On At As Via While Since After Before During When If Where Into "
    "Visiting Neighbouring Neighboring Only Even Also Then Meanwhile However The".split()
)


@dataclass(frozen=True, slots=True)
class _Tables:
    """The finder's lookup structures, built once from the shipped table."""
    ends: dict[str, tuple[int, str, str]]  # text key, maybe + ending -> (trim, code or "", kind)
    single: dict[str, tuple]  # one word as written -> its ``_run_forms`` when not empty
    prefixes: frozenset[str]  # every token prefix of a text key
    firsts: frozenset[str]  # first words of text keys, also + "'s", "’s", "'", "’", "."
    person_codes: frozenset[str]  # codes of the person-prone forms ("JOR")
    safe_single: dict[str, tuple]  # ``firsts`` less person-prone words -> forms, maybe ():
    # what such a word gives as the last word of a run, whatever words come before it
    candidates: re.Pattern[str]  # ``_candidate_re``


# The text key of one word: accents folded, case kept (cached: words repeat).
_token_key = lru_cache(maxsize=8192)(fold_accents)


def _text_key(form: str) -> tuple[str, ...]:
    """Return the key prefixes of a table form as it would be scanned in text."""
    keys: list[str] = []
    key, last = "", 0
    for m in TOKEN_RE.finditer(form):
        gap = form[last:m.start()]
        sep = "-" if gap and gap in DASHES else " "
        key = _token_key(m.group()) if not keys else key + sep + _token_key(m.group())
        keys.append(key)
        last = m.end()
    return tuple(keys)


def _add_text_form(tables: dict, prefixes: set, form: str, value: tuple, force: bool) -> None:
    """Register one form for text scanning (first registration wins unless ``force``)."""
    if any(ch in form for ch in ",()"):
        return
    for variant in variants(form):
        keys = _text_key(variant)
        if not keys:
            continue
        prefixes.update(keys)
        if force or keys[-1] not in tables:
            tables[keys[-1]] = value


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Build the finder's lookup structures once."""
    data, rows, pairs = table_data()
    forms: dict[str, tuple[str, str]] = {}
    prefixes: set[str] = set()
    reported = {r["cca3"] for r in rows if r["independent"] is True}
    person = set(data["person_prone"])
    for form, code, kind in pairs:
        kind = "person" if form in person else kind
        _add_text_form(forms, prefixes, form, (code if code in reported else "", kind), False)
    for form in data["not_countries"]:
        _add_text_form(forms, prefixes, form, ("", "name"), True)
    heads = {key for key in prefixes if " " not in key and "-" not in key}
    firsts = {h + end for h in heads for end in ("", "'s", "’s", "'", "’", ".", "'S", "’S")}
    ends = _with_endings(forms)
    person = frozenset(code for _, code, kind in ends.values() if kind == "person")
    tables = _Tables(ends=ends, single={}, prefixes=frozenset(prefixes), firsts=frozenset(firsts),
                     person_codes=person, safe_single={}, candidates=_candidate_re(heads))
    # One-word runs, read once here for the finder's fast path: what ``_run_forms``
    # gives for one word (a person-prone name alone is kept).
    for word in firsts:
        trim, code, kind = ends.get(fold_accents(word), (0, "", ""))
        if code and len(word) <= MAX_WORD:
            tables.single[word] = ((0, len(word) - trim, code, kind == "demonym"),)
        if kind != "person":
            tables.safe_single[word] = tables.single.get(word, ())
    return tables


def _candidate_re(heads: set[str]) -> re.Pattern[str]:
    """Compile the regex of the places where a form may start: a word of ``_Tables.firsts``
    (one of ``heads`` and maybe an ending: "China's") or a word that holds a non-ASCII
    letter (its key is checked in Python) at a word start, then the rest of its run,
    as RUN_RE would read it (group 1: the word).

    One branch per capital letter, each opening with that letter, so that the
    regex engine jumps from one capital letter to the next (see ``_FIRST``); the
    branches hold the heads as a prefix tree.
    """
    by_letter: dict[str, list[str]] = {}
    for key in heads:
        if key.isascii() and key[0].isupper():  # no run word starts in lower case
            by_letter.setdefault(key[0], []).append(key[1:])
    branches = []
    for letter in _UPPER_LETTERS:
        if not letter.isascii():
            rest = r"[\w'’.]*+"  # the word is not ASCII: folded in Python
        elif letter in by_letter:
            heads_re = trie_regex(sorted(by_letter[letter])).replace("'", _APOSTROPHE)  # "'" as any apostrophe
            rest = "(?:" + heads_re + _ENDING + r"(?![\w'’.])|" + _FOLDED_REST + ")"
        else:
            rest = _FOLDED_REST
        branches.append(re.escape(letter) + r"(?<!\w.)" + rest)
    return re.compile("(" + "|".join(branches) + ")" + _MORE)


def _with_endings(forms: dict[str, tuple[str, str]]) -> dict[str, tuple[int, str, str]]:
    """Return ``forms`` also keyed with each of ``_TRIMS`` ("China's" -> "China",
    trim 2), so that one lookup reads a run's last word; a form as written wins."""
    ends = {key: (0, code, kind) for key, (code, kind) in forms.items()}
    for key, (code, kind) in forms.items():
        for suffix, trim in _TRIMS:
            ends.setdefault(key + suffix, (trim, code, kind))
    return ends


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
    after = text[end:end + 1]
    return (after == "" or after in ",.;:)") and bool(
        LANGUAGE_BEFORE_RE.search(text[max(0, start - 6):start])
    )


def _longest_at(keys: list, gaps: list, i: int, tables: _Tables) -> tuple | None:
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
    keys = [_token_key(w) for w in parts[::2]]
    return None if firsts.isdisjoint(keys) else (parts, keys)


def _run_forms(run: str, tables: _Tables) -> tuple[tuple[int, int, str, bool], ...]:
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
        if code and not (kind == "person" and _person_like(words, gaps, i, j, trim > 0)):
            offsets = offsets or list(accumulate(map(len, parts), initial=0))
            found.append((offsets[2 * i], offsets[2 * j + 1] - trim, code, kind == "demonym"))
        i = j + 1
    return tuple(found)


@lru_cache(maxsize=4096)
def _short_run_forms(run: str) -> tuple[tuple[int, int, str, bool], ...]:
    """``_run_forms`` cached per run of at most ``MAX_CACHED_RUN`` characters: runs
    recur ("United States", "China-U.S."), and reading one is most of the work."""
    return _run_forms(run, _tables())


def _whole_run_forms(run: str, tables: _Tables) -> tuple[tuple[int, int, str, bool], ...]:
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


def _candidate_forms(text: str, m: re.Match[str], low: int, tables: _Tables) -> tuple[int, tuple]:
    """Return (offset, forms) for a candidate match of ``_candidate_re`` (not a word of
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


def find_countries(text: str) -> list[CountryMatch]:
    """Return every mention of a sovereign country in ``text`` (names, short forms,
    demonyms) in text order, longest match first and non-overlapping; empty when
    there is none or ``text`` is not a string."""
    if not isinstance(text, str) or not text:
        return []
    tables = _tables()
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
            if text[end:end + 1] != "$" and not (demonym and _language_use(text, start, end)):
                out.append(CountryMatch(start, end, code))
    return out
