"""The country finder's tables, built once from the shipped countries table, and the
grammar of what it reads: runs of capitalised words (``RUN_RE``) and the places where a
country's form may start (``Tables.candidates``). ``country_mentions`` holds the finder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sci_diplo.normalize.countries import fold_accents, table_data, variants
from sci_diplo.normalize.numbers_lexicon import trie_regex

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
# ``candidate_re`` lets any such word through. Possessive: no backtracking. The
# ASCII part is read for at most MAX_WORD characters: a longer word starts no form,
# and an unbounded read from every capital inside one long word ("A.A.A.A...") was
# quadratic.
_FOLDED_REST = r"[A-Za-z0-9_'.’ʼ]{0,%d}+(?=[^\x00-\x7f])(?![’ʼ])\w[\w'’.]*+" % MAX_WORD
# Apostrophes a text may write where a key has "'" (``fold_accents`` maps them).
_APOSTROPHE = "['’ʼ]"
# The endings that ``Tables.firsts`` adds to a head word: "'s", "’S", "'", ".".
_ENDING = rf"(?:{_APOSTROPHE}[sS]?|\.)?"
# The capital letters a run may start with (``_UPPER``), one by one.
_UPPER_LETTERS = [chr(c) for c in range(0x41, 0x5B)] + [
    chr(c) for c in range(0xC0, 0xDF) if c != 0xD7
]
# A word of a run or of a table form: anything between spaces and dashes.
TOKEN_RE = re.compile(r"[^\s\-‐‑–—]+")
# Separators that count as a hyphen inside a form ("Guinea-Bissau").
DASHES = frozenset("-‐‑–—")
# Endings of a last word that are no part of the form, with their length: a
# possessive ("China's"), a bare apostrophe ("the Comoros'"), a final period.
_TRIMS = (("'s", 2), ("'S", 2), ("'", 1), (".", 1))


@dataclass(frozen=True, slots=True)
class Tables:
    """The finder's lookup structures, built once from the shipped table."""
    ends: dict[str, tuple[int, str, str]]  # text key, maybe + ending -> (trim, code or "", kind)
    single: dict[str, tuple]  # one word as written -> its ``country_mentions._run_forms`` when not empty
    prefixes: frozenset[str]  # every token prefix of a text key
    firsts: frozenset[str]  # first words of text keys, also + "'s", "’s", "'", "’", "."
    person_codes: frozenset[str]  # codes of the person-prone forms ("JOR")
    safe_single: dict[str, tuple]  # ``firsts`` less person-prone words -> forms, maybe ():
    # what such a word gives as the last word of a run, whatever words come before it
    candidates: re.Pattern[str]  # ``_candidate_re``
    shared: dict[str, frozenset[str]]  # a demonym two countries share -> their codes (``shared_demonyms``)


# The text key of one word: accents folded, case kept (cached: words repeat).
token_key = lru_cache(maxsize=8192)(fold_accents)


def _text_key(form: str) -> tuple[str, ...]:
    """Return the key prefixes of a table form as it would be scanned in text."""
    keys: list[str] = []
    key, last = "", 0
    for m in TOKEN_RE.finditer(form):
        gap = form[last:m.start()]
        sep = "-" if gap and gap in DASHES else " "
        key = token_key(m.group()) if not keys else key + sep + token_key(m.group())
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
def finder_tables() -> Tables:
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
    for form, code in data["combining_forms"].items():  # "Franco-": only before a hyphen (``_run_forms``)
        _add_text_form(forms, prefixes, form, (code, "combining"), True)
    heads = {key for key in prefixes if " " not in key and "-" not in key}
    firsts = {h + end for h in heads for end in ("", "'s", "’s", "'", "’", ".", "'S", "’S")}
    ends = _with_endings(forms)
    person = frozenset(code for _, code, kind in ends.values() if kind == "person")
    tables = Tables(ends=ends, single={}, prefixes=frozenset(prefixes), firsts=frozenset(firsts),
                    person_codes=person, safe_single={}, candidates=_candidate_re(heads),
                    shared=shared_demonyms(pairs, reported))
    # One-word runs, read once here for the finder's fast path: what
    # ``country_mentions._run_forms`` gives for one word (a person-prone name alone is kept).
    for word in firsts:
        trim, code, kind = ends.get(fold_accents(word), (0, "", ""))
        if code and len(word) <= MAX_WORD and kind != "combining":  # "Franco" alone names no country
            tables.single[word] = ((0, len(word) - trim, code, kind == "demonym"),)
        if kind != "person":
            tables.safe_single[word] = tables.single.get(word, ())
    return tables


def shared_demonyms(pairs: list[tuple[str, str, str]], reported: set[str]) -> dict[str, frozenset[str]]:
    """Return the demonyms (and their plurals) that name more than one reported country, with
    their codes: listed for two ("Congolese": COD and COG, "Dominican"), or one country's that
    another's begins with a direction ("Korean" and "North Korean", "Sudanese" and "South
    Sudanese", "Guinean" and "Equatorial Guinean")."""
    codes: dict[str, set[str]] = {}
    demonyms = set()
    for form, code, kind in pairs:
        if code in reported:
            codes.setdefault(form, set()).add(code)
            if kind == "demonym":
                demonyms.add(form)
    for form, code, kind in pairs:
        first, _, rest = form.partition(" ")
        if code in reported and first in _DIRECTIONS and rest in codes:
            codes[rest].add(code)  # "North Korean" makes "Korean" PRK's too
            if kind == "demonym":
                demonyms.add(rest)
    demonyms |= {d + "s" for d in demonyms if d + "s" in codes}
    return {form: frozenset(codes[form]) for form in demonyms if len(codes[form]) > 1}


# Words that open a country's name or demonym that another's is the rest of ("North Korean").
_DIRECTIONS = frozenset(("North", "South", "East", "West", "Equatorial"))


def _candidate_re(heads: set[str]) -> re.Pattern[str]:
    """Compile the regex of the places where a form may start: a word of ``Tables.firsts``
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
