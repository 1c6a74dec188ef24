"""Word lists for the programme finder, loaded once from ``data/programme_words.json``.

The file lists shapes of names only (head words and their categories,
connectors, organisation words, generic modifiers); it never lists a
programme by name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from sci_diplo.resources import data_file


@dataclass(frozen=True)
class ProgrammeWords:
    """The loaded lists, as frozensets and dicts ready for lookups."""

    heads: dict[str, str]
    modifier_categories: dict[str, str]
    joint_lab_heads: frozenset[str]
    pair_required_heads: frozenset[str]  # "X-Y Joint Committee": only with "Joint" and a pair of names
    ordinal_required_heads: frozenset[str]  # "9th African Soil Science Congress": only after an ordinal
    pair_or_acronym_heads: frozenset[str]  # "X–Y Research Alliance", "Cocoa Health Network (RISC)"
    pair_heads: frozenset[str]  # "Korea–Norway Transpolar Drift Campaign": only with a pair of names
    pair_acronym_or_tail_heads: frozenset[str]  # "Sendai Framework for ...", "Kenya-China ... Hub"
    joint_words: frozenset[str]
    head_complements: dict[str, str]
    tail_required_heads: frozenset[str]
    acronym_required_heads: frozenset[str]
    year_required_heads: frozenset[str]  # "Saudi Vision 2030", "Leadership 2030 Concept": only with a year
    pair_or_acronym_waived_after: dict[str, frozenset[str]]  # "Diamond Light Source": "Light" before "Source"
    venue_words: frozenset[str]  # "Kigali Convention Centre", "Media Centre": a place or an office, no programme
    org_unit_heads: frozenset[str]
    heading_verb_heads: frozenset[str]
    heading_verbs: frozenset[str]
    premod_connectors: frozenset[str]
    tail_connectors: frozenset[str]
    tail_joiners: frozenset[str]
    tail_articles: frozenset[str]
    location_connectors: frozenset[str]
    field_heads: frozenset[str]
    organisation_words: frozenset[str]
    generic_modifiers: frozenset[str]
    stop_starts: frozenset[str]
    dotted_words: frozenset[str]
    owner_markers: tuple[str, ...]
    owner_re: re.Pattern[str]  # any of owner_markers, for one search over a window
    skip_if_followed_by: dict[str, frozenset[str]]
    ordinal_words: frozenset[str]
    head_re: re.Pattern[str]
    lower_heads: dict[str, str]  # "programme" -> "programme": heads of "the Horizon Europe programme"
    lower_acronym_heads: frozenset[str]  # lower-case heads that may follow a lone acronym ("INSPIRE scheme")
    not_name_words: frozenset[str]  # capitalised words that name no programme before a lower-case head
    lower_head_re: re.Pattern[bytes]  # a space and a lower-case head (group "head"), over scan bytes
    lower_head_keys: tuple[bytes, ...]  # each lower-case head as bytes, for ``bytes.find``
    head_scan_table: bytes  # for ``bytes.translate``: the first letters of heads -> byte 1
    head_scan_re: re.Pattern[bytes]  # ``_head_scan_pattern``


def _head_pattern(heads: list[str]) -> re.Pattern[str]:
    """Compile the regex of capitalised head words as whole words.

    Matches e.g. ``Agreement`` or ``Center`` at a word boundary; whether the
    head stands inside a hyphenated or dotted token is checked by the caller.
    Longest alternatives first so ``Programme`` wins over ``Program``.

    Built as a one-level trie on the first letter, with the opening word
    boundary checked as a lookbehind after that letter: the pattern then
    starts with a set of literal characters, which lets ``re`` skip ahead to
    candidate letters instead of trying every alternative at every position
    (about 4x faster than one word boundary before the whole alternation,
    same matches).
    """
    groups: dict[str, list[str]] = {}
    for head in sorted(heads, key=len, reverse=True):
        groups.setdefault(head[0], []).append(re.escape(head[1:]))
    branches = (
        re.escape(first) + r"(?<!\w.)(?:" + "|".join(rests) + ")"
        for first, rests in groups.items()
    )
    return re.compile("(?:" + "|".join(branches) + r")\b")


def _head_scan_table(heads: list[str]) -> bytes:
    """Return the ``bytes.translate`` table that maps the first letters of ``heads`` to byte 1."""
    table = bytearray(range(256))
    for head in heads:
        table[ord(head[0])] = 1
    return bytes(table)


def _head_scan_pattern(heads: list[str], table: bytes) -> re.Pattern[bytes]:
    """Compile the places where ``head_re`` may match, over a text's ASCII bytes (non-ASCII
    characters as "?") translated by ``table``: byte 1 not after a word byte, then the
    rest of a head word and no word byte.

    The pattern opens with one literal byte, which the regex engine finds with a quick
    search; ``head_re`` opens with a set of letters, checked at every character (about
    1.5x slower over prose). It matches wherever ``head_re`` does ("?" may stand for a
    letter: the caller checks each place with ``head_re``). Rests are grouped by their
    first character, longest first, as in ``_head_pattern``.
    """
    groups: dict[bytes, list[bytes]] = {}
    for head in sorted(heads, key=len, reverse=True):
        rest = head[1:].encode("ascii").translate(table)
        groups.setdefault(rest[:1], []).append(re.escape(rest[1:]))
    branches = (re.escape(first) + b"(?:" + b"|".join(rests) + b")" for first, rests in groups.items())
    word = rb"[A-Za-z0-9_\x01]"
    return re.compile(rb"\x01(?<!" + word + rb".)(?:" + b"|".join(branches) + rb")(?!" + word + rb")")


def _lower_head_pattern(heads: list[str]) -> re.Pattern[bytes]:
    """Compile the regex of a space and a lower-case head word as a whole word (group ``head``),
    longest first, matched at the places ``lower_head_keys`` finds: where a name like "the
    Artemis programme" may end (the caller checks the word before it). It reads the ASCII bytes
    the capitalised heads are found in (``head_scan_table`` maps only capitals), one byte per
    character. A one-level trie on the first letter.
    """
    groups: dict[str, list[str]] = {}
    for head in sorted(heads, key=len, reverse=True):
        groups.setdefault(head[0], []).append(re.escape(head[1:]))
    trie = "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())
    return re.compile(rb" (?P<head>" + trie.encode("ascii") + rb")\b")


def _find_keys(heads: list[str]) -> tuple[bytes, ...]:
    """Return the heads to look for with ``bytes.find``, less those another one begins
    ("programme" is found as "program", "accords" as "accord"): one search fewer each."""
    return tuple(h.encode("ascii") for h in heads if not any(h != o and h.startswith(o) for o in heads))


@lru_cache(maxsize=1)
def programme_words() -> ProgrammeWords:
    """Return the programme word lists (read from the data file on first call)."""
    raw = json.loads(data_file("programme_words.json").read_text(encoding="utf-8"))
    heads = list(raw["heads"])
    scan_table = _head_scan_table(heads)
    sets = {
        key: frozenset(raw.get(key, ()))
        for key in (
            "joint_lab_heads", "joint_words", "pair_required_heads", "ordinal_required_heads",
            "pair_or_acronym_heads", "pair_heads", "pair_acronym_or_tail_heads", "tail_required_heads", "acronym_required_heads",
            "year_required_heads", "venue_words",
            "org_unit_heads", "heading_verb_heads", "heading_verbs", "premod_connectors", "tail_connectors",
            "tail_joiners", "tail_articles", "organisation_words", "generic_modifiers",
            "stop_starts", "dotted_words", "ordinal_words", "location_connectors", "field_heads",
            "lower_acronym_heads", "not_name_words",
        )
    }
    return ProgrammeWords(
        heads=dict(raw["heads"]),
        modifier_categories=dict(raw.get("modifier_categories", {})),
        head_complements=dict(raw.get("head_complements", {})),
        owner_markers=tuple(raw.get("owner_markers", ())),
        owner_re=re.compile("|".join(map(re.escape, raw.get("owner_markers", ()))) or "(?!)"),
        pair_or_acronym_waived_after={
            k: frozenset(v) for k, v in raw.get("pair_or_acronym_waived_after", {}).items()
        },
        skip_if_followed_by={
            k: frozenset(v) for k, v in raw.get("skip_if_followed_by", {}).items()
        },
        head_re=_head_pattern(heads),
        lower_heads=dict(raw["lower_heads"]),
        lower_head_re=_lower_head_pattern(list(raw["lower_heads"])),
        lower_head_keys=_find_keys(list(raw["lower_heads"])),
        head_scan_table=scan_table,
        head_scan_re=_head_scan_pattern(heads, scan_table),
        **sets,
    )
