"""Countries given by name, code or demonym, as ISO 3166-1 alpha-3 codes: the table.

The table is ``data/countries.json`` (derived from mledoze/countries, ODbL; built
by ``tools/build_countries.py``), loaded once on first use; ``country_mentions``
finds the countries a text names with it.

Rules (known limits in brackets):

* ``lookup_country`` knows every table entry (territories too: "Hong Kong" is
  HKG; Kosovo is the table's "UNK"). Names, short forms and demonyms are case-
  and accent-insensitive; three-letter codes are case-insensitive ("com");
  two-letter strings (alpha-2 codes, "UK") count only in upper case, since
  "us", "in", "it", "no" are ordinary words.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sci_diplo.resources import data_file

# Lower-case words that may stand inside a country name (the finder's RUN_RE lets them).
_CONNECTORS = frozenset({"of", "the", "and", "da"})
# Demonym endings that take a plural "s" ("Americans"; "Chinese", "Swiss" do not).
_PLURAL_S = ("an", "i", "er", "o", "ne", "ot", "k", "en")
# Characters stripped from both ends of user input (quotes, brackets, markdown).
_STRIP = " \t\r\n\"'“”‘’*()[]"
# Curly apostrophes and dashes -> ASCII, for keys.
_APOSTROPHES = str.maketrans("’‘ʼ‐‑–—", "'''----")


@dataclass(frozen=True)
class _Names:
    """What name lookups need (lighter than the finder's tables: ``scidip facts`` loads only this)."""
    names: dict[str, tuple[str, str]]  # folded name -> (alpha-3, name as written)
    alpha2: dict[str, str]  # alpha-2 codes and two-letter short forms -> alpha-3
    common: dict[str, str]  # alpha-3 -> common name


def fold_accents(text: str) -> str:
    """Return ``text`` without combining accents, apostrophes and dashes made ASCII."""
    if text.isascii():  # nothing to translate or decompose (the common case)
        return text
    text = text.translate(_APOSTROPHES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold(name: str) -> str:
    """Return the case-, accent- and space-insensitive key of a name; "" when empty."""
    key = " ".join(fold_accents(name).casefold().split())
    return key[4:] if key.startswith("the ") else key


def variants(form: str) -> list[str]:
    """Return the text forms of one table form: without "The", "St."/"St" for "Saint",
    with capitalised connectors ("Republic Of The Congo"), and upper case for forms
    of four letters or more."""
    base = form[4:] if form[:4] in ("The ", "the ") else form
    out = [base]
    if base.startswith("Saint "):
        out += ["St. " + base[6:], "St " + base[6:]]
    titled = " ".join(w.capitalize() if w in _CONNECTORS else w for w in base.split(" "))
    out += [titled] if titled != base else []
    out += [v.upper() for v in out if len(v) >= 4 and not v.isupper()]
    return out


def _entry_forms(row: dict) -> list[tuple[str, str]]:
    """Return (form, kind) pairs of one table row, kind "name" or "demonym"; plural
    demonyms ("Americans", "Pakistanis") count as names."""
    forms = [(row["name"], "name"), (row["official"], "name")]
    forms += [(alt, "name") for alt in row["alt_spellings"]]
    for dem in row["demonyms"]:
        forms.append((dem, "demonym"))
        if dem.endswith(_PLURAL_S):
            forms.append((dem + "s", "name"))
    return forms


@lru_cache(maxsize=1)
def table_data() -> tuple[dict, list[dict], list[tuple[str, str, str]]]:
    """Return the shipped table, its rows (independent, then larger, first: "French" is FRA,
    "Congolese" COD) and every (form, code, kind) it names."""
    data = json.loads(data_file("countries.json").read_text(encoding="utf-8"))
    rows = sorted(data["countries"], key=lambda r: (r["independent"] is not True, -r["area"]))
    pairs = [(a, c, "name") for a, c in data["aliases"].items()]
    pairs += [(f, r["cca3"], k) for r in rows for f, k in _entry_forms(r)]
    return data, rows, pairs


@lru_cache(maxsize=1)
def _names() -> _Names:
    """Build the name lookups once."""
    data, rows, pairs = table_data()
    names: dict[str, tuple[str, str]] = {}
    for form, code, _ in pairs:
        for variant in variants(form):
            key = _fold(variant)
            if len(key) > 2:
                names.setdefault(key, (code, form))
    alpha2 = {r["cca2"]: r["cca3"] for r in rows}
    alpha2.update({a: c for a, c in data["aliases"].items() if len(a) == 2})
    return _Names(names=names, alpha2=alpha2, common={r["cca3"]: r["name"] for r in rows})


def lookup_country(name: str) -> str | None:
    """Return the alpha-3 code for a country name, code, short form or demonym.

    "Comoros", "the Comoros", "Union of the Comoros", "COM", "com", "KM",
    "Comorian" all give "COM"; "the US" gives "USA". Returns None for unknown names, for non-strings,
    and for two-letter strings that are not upper case ("us").
    """
    if not isinstance(name, str):
        return None
    text = name.strip(_STRIP)
    if text[:4].casefold() == "the ":  # "the US", "the UK" as "US", "UK"
        text = text[4:].lstrip()
    if not text or len(text) > 120:
        return None
    tables = _names()
    if len(text) == 2 and text.isascii() and text.isalpha():
        return tables.alpha2.get(text) if text.isupper() else None
    if len(text) == 3 and text.isascii() and text.upper() in tables.common:
        return text.upper()
    return tables.names.get(_fold(text), (None, ""))[0]


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Folded capital city -> alpha-3 code of its country (independent countries first)."""
    _, rows, _ = table_data()
    capitals: dict[str, str] = {}
    for row in rows:
        for city in row.get("capital", []):
            capitals.setdefault(_fold(city), row["cca3"])
    return capitals


def lookup_capital(name: str) -> str | None:
    """Return the alpha-3 code of the country whose capital is ``name`` ("Abu Dhabi" -> "ARE"), or None."""
    if not isinstance(name, str):
        return None
    key = _fold(name.strip(_STRIP))
    return _capitals().get(key) if key else None


def names_place(name: str) -> bool:
    """True when ``name`` names a country or a capital city ("Kenya", "the Comoros", "Nairobi")."""
    return lookup_country(name) is not None or lookup_capital(name) is not None


def suggest_countries(name: str, limit: int = 3) -> list[str]:
    """Return up to ``limit`` known names closest to ``name`` ("Chnia" -> ["China", ...]),
    one per country, best first; empty when nothing is close or the input is unusable."""
    if not isinstance(name, str) or limit <= 0:
        return []
    key = _fold(name.strip(_STRIP))
    if not key or len(key) > 80:
        return []
    tables = _names()
    out: list[str] = []
    seen: set[str] = set()
    for match in difflib.get_close_matches(key, tables.names, n=limit * 5, cutoff=0.6):
        code, form = tables.names[match]
        if code not in seen:
            seen.add(code)
            out.append(form)
    return out[:limit]


def country_name(code: str) -> str:
    """Return the common English name for an alpha-3 code ("COM" -> "Comoros"),
    case-insensitive; an unknown code is returned unchanged."""
    if not isinstance(code, str):
        return str(code)
    return _names().common.get(code.strip().upper(), code)
