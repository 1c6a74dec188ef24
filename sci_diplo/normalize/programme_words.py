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
    joint_words: frozenset[str]
    head_complements: dict[str, str]
    tail_required_heads: frozenset[str]
    acronym_required_heads: frozenset[str]
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


@lru_cache(maxsize=1)
def programme_words() -> ProgrammeWords:
    """Return the programme word lists (read from the data file on first call)."""
    raw = json.loads(data_file("programme_words.json").read_text(encoding="utf-8"))
    sets = {
        key: frozenset(raw.get(key, ()))
        for key in (
            "joint_lab_heads", "joint_words", "pair_required_heads", "ordinal_required_heads",
            "pair_or_acronym_heads", "tail_required_heads", "acronym_required_heads",
            "org_unit_heads", "heading_verb_heads", "heading_verbs", "premod_connectors", "tail_connectors",
            "tail_joiners", "tail_articles", "organisation_words", "generic_modifiers",
            "stop_starts", "dotted_words", "ordinal_words", "location_connectors", "field_heads",
        )
    }
    return ProgrammeWords(
        heads=dict(raw["heads"]),
        modifier_categories=dict(raw.get("modifier_categories", {})),
        head_complements=dict(raw.get("head_complements", {})),
        owner_markers=tuple(raw.get("owner_markers", ())),
        owner_re=re.compile("|".join(map(re.escape, raw.get("owner_markers", ()))) or "(?!)"),
        skip_if_followed_by={
            k: frozenset(v) for k, v in raw.get("skip_if_followed_by", {}).items()
        },
        head_re=_head_pattern(list(raw["heads"])),
        **sets,
    )
