"""Derive the shipped country table ``data/countries.json`` from mledoze/countries.

Usage::

    python tools/build_countries.py SRC DEST
    python tools/build_countries.py /work/shared/countries/countries.json data/countries.json

SRC is ``countries.json`` of the mledoze/countries repository (ODbL); DEST is
the compact table that ``sci_diplo.normalize.countries`` loads at run time. The
list of countries comes from SRC only. This script adds four small
hand-maintained constants: English short forms and spellings that news uses but
SRC lacks (``ALIASES``), names of regions, places and outlets that contain a country
name or demonym but are not that country (``NOT_COUNTRIES``), country names that
are also common first names or US place names (``PERSON_PRONE``), and the combining
forms that name a country only before a hyphen ("Franco-German": ``COMBINING_FORMS``).

The derived table is a Derivative Database of the source and is published under
the ODbL too (see ``data/COUNTRIES-NOTICE.md``).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

SOURCE_COMMIT = "5e9f3700"
SOURCE_REPO = "https://github.com/mledoze/countries"

# Short forms, spellings and demonym variants that English news uses and the
# source lacks (or files only under another language). Alias -> alpha-3.
ALIASES: dict[str, str] = {
    "U.S.": "USA", "U.S.A.": "USA", "US": "USA", "USA": "USA", "America": "USA",
    "UK": "GBR", "U.K.": "GBR", "Britain": "GBR", "Great Britain": "GBR",
    "Briton": "GBR", "Britons": "GBR",
    "PRC": "CHN", "P.R.C.": "CHN", "Mainland China": "CHN", "Chinese mainland": "CHN",
    "Sino": "CHN",
    "DPRK": "PRK", "D.P.R.K.": "PRK",
    "ROK": "KOR", "R.O.K.": "KOR", "Korea": "KOR", "Korean": "KOR",
    "Turkey": "TUR", "Türkiye": "TUR", "Turkiye": "TUR",
    "Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV", "Ivory Coast": "CIV",
    "Czech Republic": "CZE", "Burma": "MMR", "Swaziland": "SWZ",
    "Cabo Verde": "CPV", "Cape Verde": "CPV", "Cape Verdean": "CPV",
    "East Timor": "TLS", "Holland": "NLD", "The Netherlands": "NLD",
    "the Vatican": "VAT", "Holy See": "VAT",
    "UAE": "ARE", "U.A.E.": "ARE", "KSA": "SAU",
    "DRC": "COD", "D.R.C.": "COD", "DR Congo": "COD", "Congo-Kinshasa": "COD",
    "Congo-Brazzaville": "COG", "Congo Republic": "COG",
    "Lao PDR": "LAO", "Bosnia": "BIH",
    "Comorian": "COM", "Comorians": "COM", "Ecuadorian": "ECU", "Slovenian": "SVN",
    "Nepali": "NPL", "Maldivian": "MDV", "Salvadorian": "SLV", "Filipina": "PHL",
    "Philippine": "PHL", "Kazakh": "KAZ", "Tajik": "TJK", "Kyrgyz": "KGZ",
    "Uzbek": "UZB", "Azeri": "AZE", "Argentinian": "ARG", "Icelandic": "ISL",
    "Burkinabè": "BFA",
}

# Regions, seas and places whose names contain a country name or demonym
# ("Latin America", "Indian Ocean", "Northern Ireland"): matched as a whole so
# that the country inside them is not reported.
NOT_COUNTRIES: list[str] = [
    "Americas", "Latin America", "Latin American", "North America", "North American",
    "South America", "South American", "Central America", "Central American",
    "Pan-American", "Central African", "Indian Ocean", "West Indies", "West Indian",
    "East Indies", "New Guinea", "Gulf of Guinea", "New Mexico", "New Mexican",
    "Northern Ireland", "Irish Sea", "British Columbia", "British Isles",
    "Korean Peninsula", "South China Sea", "East China Sea", "Congo Basin",
    "Congo River", "Niger Delta", "Niger River", "Jordan River", "Inner Mongolia",
    "Inner Mongolian", "West Timor",
    # cities named "<country> City", and outlets named after a country
    "Mexico City", "Guatemala City", "Panama City", "Kuwait City", "Belize City",
    "Djibouti City", "China Daily",
]

# Country names that are also first names or US place names; the finder skips
# them beside another capitalised word ("Michael Jordan", "Georgia Tech").
PERSON_PRONE: list[str] = ["Jordan", "Chad", "Georgia", "Holland"]

# Combining forms that name a country only before a hyphen or dash and a capitalised word
# ("Franco-German", "Russo-Japanese"); alone they are surnames ("Franco") or other words.
# ("Sino" stands in ALIASES: it names China alone too.)
COMBINING_FORMS: dict[str, str] = {
    "Franco": "FRA", "Russo": "RUS", "Italo": "ITA", "Luso": "PRT", "Austro": "AUT",
    "Turco": "TUR", "Nippo": "JPN", "Indo": "IND",
}

_FIELDS_NOTE = (
    "cca3, cca2, name (common), official, alt_spellings (Latin-script spellings that "
    "are not another language's name for the country), demonyms (English), "
    "independent, un_member, capital, area (km2, used to rank entries sharing a name)"
)


def _is_latin(text: str) -> bool:
    """Return True when every letter of ``text`` is a Latin letter (IPA excluded)."""
    return all(
        not ch.isalpha()
        or (unicodedata.name(ch, "").startswith("LATIN") and not 0x250 <= ord(ch) < 0x2B0)
        for ch in text
    )


def _foreign_names(entry: dict) -> set[str]:
    """Return the entry's names in languages other than English (native + translations)."""
    names: set[str] = set()
    groups = list(entry["name"].get("native", {}).values())
    groups += list(entry.get("translations", {}).values())
    for group in groups:
        names.update((group.get("common", ""), group.get("official", "")))
    return names - {entry["name"]["common"], entry["name"]["official"]}


def english_alt_spellings(entry: dict) -> list[str]:
    """Return the alternative spellings worth keeping: Latin script, not a code or
    abbreviation (those come from ``ALIASES``), not another language's name."""
    foreign = _foreign_names(entry)
    kept = []
    for alt in entry.get("altSpellings", []):
        letters = alt.replace(".", "")
        if letters.isupper() and len(letters) <= 5:
            continue
        if alt in foreign or not _is_latin(alt) or alt in kept:
            continue
        kept.append(alt)
    return kept


def english_demonyms(entry: dict) -> list[str]:
    """Return the English demonyms, split where the source joins two ("Antiguan, Barbudan")."""
    eng = entry.get("demonyms", {}).get("eng", {})
    out: list[str] = []
    for raw in (eng.get("m", ""), eng.get("f", "")):
        for part in raw.replace(" or ", ", ").split(", "):
            if part.strip() and part.strip() not in out:
                out.append(part.strip())
    return out


def compact_entry(entry: dict) -> dict:
    """Return the compact table row for one source entry."""
    return {
        "cca3": entry["cca3"],
        "cca2": entry["cca2"],
        "name": entry["name"]["common"],
        "official": entry["name"]["official"],
        "alt_spellings": english_alt_spellings(entry),
        "demonyms": english_demonyms(entry),
        "independent": entry.get("independent"),
        "un_member": bool(entry.get("unMember")),
        "capital": list(entry.get("capital", [])),
        "area": entry.get("area"),
    }


def build(source: list[dict]) -> dict:
    """Return the whole derived table: provenance, rows sorted by alpha-3, hand lists."""
    codes = {entry["cca3"] for entry in source}
    unknown = sorted((set(ALIASES.values()) | set(COMBINING_FORMS.values())) - codes)
    if unknown:
        raise ValueError(f"aliases name unknown codes: {unknown}")
    return {
        "source": {"repository": SOURCE_REPO, "commit": SOURCE_COMMIT,
                   "licence": "ODbL-1.0", "fields": _FIELDS_NOTE},
        "countries": sorted((compact_entry(e) for e in source), key=lambda r: r["cca3"]),
        "aliases": ALIASES,
        "not_countries": NOT_COUNTRIES,
        "person_prone": PERSON_PRONE,
        "combining_forms": COMBINING_FORMS,
    }


def dumps(table: dict) -> str:
    """Return the table as JSON text with one country row per line (readable diffs)."""
    dump = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    rows = ",\n  ".join(dump(row) for row in table["countries"])
    rest = ",\n".join(f" {dump(k)}: {dump(v)}" for k, v in table.items() if k != "countries")
    return f'{{\n "countries": [\n  {rows}\n ],\n{rest}\n}}\n'


def main(argv: list[str]) -> int:
    """Read SRC, write DEST; return the process exit status."""
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[0], "\nusage: build_countries.py SRC DEST")
        return 2
    source = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    table = build(source)
    Path(argv[2]).write_text(dumps(table), encoding="utf-8")
    print(f"wrote {len(table['countries'])} countries to {argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
