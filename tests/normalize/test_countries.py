"""Tests for sci_diplo.normalize.countries (lookup, suggestions, names) and country_mentions (text finder)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sci_diplo.normalize.countries import country_name, lookup_capital, lookup_country, suggest_countries
from sci_diplo.normalize.country_mentions import find_countries
from sci_diplo.resources import data_file


def _found(text: str) -> list[tuple[str, str]]:
    """Return (matched text, code) pairs, checking that every span is valid."""
    out = []
    for m in find_countries(text):
        assert 0 <= m.start < m.end <= len(text)
        out.append((text[m.start:m.end], m.code))
    return out


FIND_CASES = [
    # names, accents, curly apostrophes
    ("Côte d'Ivoire signed the accord.", [("Côte d'Ivoire", "CIV")]),
    ("Ghana and Côte d’Ivoire grow cocoa.", [("Ghana", "GHA"), ("Côte d’Ivoire", "CIV")]),
    ("Exports from Ivory Coast rose.", [("Ivory Coast", "CIV")]),
    ("Türkiye and Turkiye and Turkey",
     [("Türkiye", "TUR"), ("Turkiye", "TUR"), ("Turkey", "TUR")]),
    ("The Czech Republic, also called Czechia", [("Czech Republic", "CZE"), ("Czechia", "CZE")]),
    ("Myanmar (Burma) and Viet Nam", [("Myanmar", "MMR"), ("Burma", "MMR"), ("Viet Nam", "VNM")]),
    # longest match
    ("Talks with the Democratic Republic of the Congo resumed.",
     [("Democratic Republic of the Congo", "COD")]),
    ("the Republic of the Congo and Gabon", [("Republic of the Congo", "COG"), ("Gabon", "GAB")]),
    ("DR Congo, the DRC and Congo-Brazzaville",
     [("DR Congo", "COD"), ("DRC", "COD"), ("Congo-Brazzaville", "COG")]),
    ("Papua New Guinea, Guinea-Bissau, Equatorial Guinea and Guinea",
     [("Papua New Guinea", "PNG"), ("Guinea-Bissau", "GNB"), ("Equatorial Guinea", "GNQ"),
      ("Guinea", "GIN")]),
    ("South Africa hosts South African and Central African Republic envoys.",
     [("South Africa", "ZAF"), ("South African", "ZAF"), ("Central African Republic", "CAF")]),
    ("Embassy of the People’s Republic of China in the United States of America",
     [("People’s Republic of China", "CHN"), ("United States of America", "USA")]),
    ("Papua\u00a0New\u00a0Guinea", [("Papua\u00a0New\u00a0Guinea", "PNG")]),
    ("St. Lucia, Saint Vincent and the Grenadines, Trinidad and Tobago",
     [("St. Lucia", "LCA"), ("Saint Vincent and the Grenadines", "VCT"),
      ("Trinidad and Tobago", "TTO")]),
    ("Bosnia and Herzegovina", [("Bosnia and Herzegovina", "BIH")]),
    ("THE DEMOCRATIC REPUBLIC OF THE CONGO", [("DEMOCRATIC REPUBLIC OF THE CONGO", "COD")]),
    ("Democratic Republic Of The Congo", [("Democratic Republic Of The Congo", "COD")]),
    # Koreas
    ("South Korea and North Korea met.", [("South Korea", "KOR"), ("North Korea", "PRK")]),
    ("South Korean and North Korean delegates", [("South Korean", "KOR"), ("North Korean", "PRK")]),
    ("Korean researchers visited Korea.", [("Korean", "KOR"), ("Korea", "KOR")]),
    ("the DPRK and the ROK", [("DPRK", "PRK"), ("ROK", "KOR")]),
    # short forms and demonyms
    ("the U.S. and the U.K. agreed", [("U.S.", "USA"), ("U.K.", "GBR")]),
    ("US officials and UK ministers", [("US", "USA"), ("UK", "GBR")]),
    ("Britain, Great Britain and the United Kingdom",
     [("Britain", "GBR"), ("Great Britain", "GBR"), ("United Kingdom", "GBR")]),
    ("A Comorian doctor and British, American and Chinese nurses",
     [("Comorian", "COM"), ("British", "GBR"), ("American", "USA"), ("Chinese", "CHN")]),
    ("Americans and Pakistanis", [("Americans", "USA"), ("Pakistanis", "PAK")]),
    ("the Chinese Embassy in Moroni", [("Chinese", "CHN")]),
    ("The Netherlands and the Gambia", [("Netherlands", "NLD"), ("Gambia", "GMB")]),
    ("the Vatican and the Holy See", [("Vatican", "VAT"), ("Holy See", "VAT")]),
    ("CHINA AND THE UNITED STATES SIGN PACT", [("CHINA", "CHN"), ("UNITED STATES", "USA")]),
    # "US" as the pronoun in capitals: a page's "CONTACT US", "ABOUT US"; not the country after "WITH"
    ("WHAT JOURNALISTS ASK US\nHome | ABOUT US | CONTACT US\nCHINA TO BOOST TRADE WITH US; TALKS ABOUT US TARIFFS",
     [("CHINA", "CHN"), ("US", "USA"), ("US", "USA")]),
    # (probed) before a hyphen, a comma or a word in capitals it is the country
    ("FOLLOW US ON TWITTER; CONTACT US TODAY; JOIN US, and be part of it", []),
    ("JAPAN WILL JOIN US-LED MISSION; ALLIES JOIN US, UK PACT; EU LEADERS ASK US TO LIFT CONTROLS",
     [("JAPAN", "JPN"), ("US", "USA"), ("US", "USA"), ("UK", "GBR"), ("US", "USA")]),
    ("**China** and *Japan*", [("China", "CHN"), ("Japan", "JPN")]),
    # hyphens, dashes, possessives
    ("U.S.-China relations", [("U.S.", "USA"), ("China", "CHN")]),
    ("China-U.S. cooperation", [("China", "CHN"), ("U.S.", "USA")]),
    ("the Indonesia-China Center for Ocean", [("Indonesia", "IDN"), ("China", "CHN")]),
    ("Japan–Korea and Russia—Ukraine", [("Japan", "JPN"), ("Korea", "KOR"), ("Russia", "RUS"),
                                          ("Ukraine", "UKR")]),
    ("Sino-US and UK-China ties",
     [("Sino", "CHN"), ("US", "USA"), ("UK", "GBR"), ("China", "CHN")]),
    ("China’s plan and the UK's fund", [("China", "CHN"), ("UK", "GBR")]),
    ("the Comoros’ smallest island", [("Comoros", "COM")]),
    ("the U.S.'s position", [("U.S.", "USA")]),
    ("He flew to Pakistan.", [("Pakistan", "PAK")]),
    # lower case never matches
    ("let us go to chad and china", []),
    ("Us and them", []),
    # regions, organisations, places inside countries
    ("Africa, Asia, Europe and Latin America", []),
    ("African and European partners and Latin American ones", []),
    ("the Global South, the United Nations, the UN, the EU and the European Union", []),
    ("North America, South American states and the Americas", []),
    ("the Indian Ocean and Northern Ireland", []),
    ("Inner Mongolia borders Mongolia.", [("Mongolia", "MNG")]),
    ("Mohéli and Wuhan", []),
    ("New Mexico and New Zealand", [("New Zealand", "NZL")]),
    ("the South China Sea", []),
    # territories are known but not reported
    ("Hong Kong, Macau, Taiwan and Chinese Taipei", []),
    ("Puerto Rico and American Samoa", []),
    # person names and US places
    ("Michael Jordan visited Jordan.", [("Jordan", "JOR")]),
    ("In Jordan, scientists met.", [("Jordan", "JOR")]),
    ("Chad Johnson met envoys from Chad and Niger.", [("Chad", "TCD"), ("Niger", "NER")]),
    ("Georgia Tech and the Georgia government", [("Georgia", "GEO")]),
    ("Jordan's King Abdullah", [("Jordan", "JOR")]),
    ("They met in Pakistan. Georgia's Parliament agreed.",
     [("Pakistan", "PAK"), ("Georgia", "GEO")]),
    # currency prefix, language use
    ("a US$ 3 million grant", []),
    ("The report is published in French.", []),
    ("French scientists", [("French", "FRA")]),
    ("the Andean Network (RAI, for its Spanish initials)", []),
    ("a Portuguese-speaking partner and the Arabic version of the plan", []),
    ("the Spanish government and its Spanish translation", [("Spanish", "ESP")]),
    ("Translated from the Spanish by our desk; a translation into French follows.", []),
    ("She spoke in French at the signing; a Spanish-language daily and a report written in "
     "German by experts followed.", []),
    ("He speaks fluent German; students learn Chinese.", []),
    ("They work in French laboratories.", [("French", "FRA")]),
    # combining forms name a country only before a hyphen; "<country> City" is a city
    ("Franco-German and Russo-Japanese talks", [("Franco", "FRA"), ("German", "DEU"),
                                                 ("Russo", "RUS"), ("Japanese", "JPN")]),
    ("General Franco spoke; Franco agreed.", []),
    # ... and before another country: "Indo-German" is India, "Indo-Pacific" a region
    ("The Indo-German and Indo-US centres serve the Indo-Pacific and Franco-Pacific ties.",
     [("Indo", "IND"), ("German", "DEU"), ("Indo", "IND"), ("US", "USA")]),
    ("MEXICO CITY - Officials in Guatemala City and Kuwait City agreed; China Daily reported it.", []),
    ("Vatican City and Mexico agreed.", [("Vatican City", "VAT"), ("Mexico", "MEX")]),
    # a shared demonym is the country the text names otherwise, if only one of them
    ("Congo-Brazzaville signed with Gabon. Congolese researchers agreed.",
     [("Congo-Brazzaville", "COG"), ("Gabon", "GAB"), ("Congolese", "COG")]),
    ("North Korea launched a satellite. Korean engineers said so.", [("North Korea", "PRK"), ("Korean", "PRK")]),
    ("Korean engineers said so.", [("Korean", "KOR")]),
    ("North and South Korea met; Korean engineers agreed.",
     [("South Korea", "KOR"), ("Korean", "KOR")]),
    ("South Sudan and Sudanese farmers; the DRC and Congolese miners.",
     [("South Sudan", "SSD"), ("Sudanese", "SSD"), ("DRC", "COD"), ("Congolese", "COD")]),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_countries(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


LOOKUP_CASES = [
    ("Comoros", "COM"), ("the Comoros", "COM"), ("Union of the Comoros", "COM"),
    ("COM", "COM"), ("com", "COM"), ("KM", "COM"), ("km", None), ("Comorian", "COM"),
    ("Chinese", "CHN"), ("British", "GBR"), ("American", "USA"), ("U.S.", "USA"),
    ("UK", "GBR"), ("US", "USA"), ("us", None), ("usa", "USA"), ("cote d'ivoire", "CIV"),
    ("CÔTE D’IVOIRE", "CIV"), ("Türkiye", "TUR"), ("turkey", "TUR"), ("Hong Kong", "HKG"),
    ("hong kong", "HKG"), ("Taiwan", "TWN"), ("South Korea", "KOR"), ("DPRK", "PRK"),
    ("Democratic Republic of the Congo", "COD"), ("Republic of the Congo", "COG"),
    ("Britain", "GBR"), ("Ivory Coast", "CIV"), ("Burma", "MMR"), ("Swaziland", "SWZ"),
    ("Czech Republic", "CZE"), ("East Timor", "TLS"), ("Holland", "NLD"),
    ("the Vatican", "VAT"), ("Cape Verde", "CPV"), ("Mainland China", "CHN"), ("PRC", "CHN"),
    ("Russia", "RUS"), ("Korea, Republic of", "KOR"), ("  “China”  ", "CHN"),
    ("St. Lucia", "LCA"), ("Atlantis", None), ("Africa", None), ("European Union", None),
    ("", None), ("   ", None), ("x" * 10_000, None),
]


@pytest.mark.parametrize(("name", "code"), LOOKUP_CASES)
def test_lookup_country(name: str, code: str | None) -> None:
    assert lookup_country(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [("Abu Dhabi", "ARE"), ("suva", "FJI"), ("Brasília", "BRA"), ("Brasilia", "BRA"), (" London ", "GBR"),
     ("Science", None), ("", None), (None, None)],
)
def test_lookup_capital(name: str, code: str | None) -> None:
    assert lookup_capital(name) == code


@pytest.mark.parametrize("value", [None, 3, b"China", ["China"]])
def test_lookup_country_non_string(value: object) -> None:
    assert lookup_country(value) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "first"),
    [("Comoro", "Comoros"), ("Chnia", "China"), ("Germny", "Germany"),
     ("Pakistn", "Pakistan"), ("Untied States", "United States")],
)
def test_suggest_countries_best_first(name: str, first: str) -> None:
    got = suggest_countries(name)
    assert got[0] == first
    assert len(got) <= 3


@pytest.mark.parametrize(("name", "limit"), [("xqzvw", 3), ("", 3), ("China", 0), ("A" * 5000, 3)])
def test_suggest_countries_empty(name: str, limit: int) -> None:
    assert suggest_countries(name, limit) == []


def test_suggest_countries_limit_and_one_per_country() -> None:
    got = suggest_countries("Guinea", limit=4)
    assert len(got) == 4
    assert len({lookup_country(n) for n in got}) == 4


@pytest.mark.parametrize(
    ("code", "name"),
    [("COM", "Comoros"), ("usa", "United States"), ("CIV", "Ivory Coast"),
     ("GBR", "United Kingdom"), ("TUR", "Türkiye"), ("HKG", "Hong Kong"), ("ZZZ", "ZZZ")],
)
def test_country_name(code: str, name: str) -> None:
    assert country_name(code) == name


def _table_rows() -> list[dict]:
    return json.loads(data_file("countries.json").read_text(encoding="utf-8"))["countries"]


def test_every_independent_entry_is_found_by_its_common_name() -> None:
    rows = [r for r in _table_rows() if r["independent"] is True]
    assert len(rows) >= 190
    for row in rows:
        text = f"Officials from {row['name']} met on Monday."
        assert [m.code for m in find_countries(text)] == [row["cca3"]], row["name"]
        assert lookup_country(row["name"]) == row["cca3"]
        assert lookup_country(row["official"]) == row["cca3"]
        assert lookup_country(row["cca3"].lower()) == row["cca3"]
        assert country_name(row["cca3"]) == row["name"]


def test_territories_are_known_but_not_reported() -> None:
    rows = [r for r in _table_rows() if r["independent"] is not True]
    assert len(rows) >= 50
    for row in rows:
        assert lookup_country(row["name"]) == row["cca3"], row["name"]
        assert find_countries(f"Officials from {row['name']} met.") == [], row["name"]


def test_same_run_in_different_contexts() -> None:
    # A run's forms are read once and reused: the checks on the text around the run
    # (language use, currency prefix) must still apply to each occurrence.
    assert _found("South Korean delegates") == [("South Korean", "KOR")]
    assert _found("It is written in South Korean.") == []
    assert _found("South Korean delegates") == [("South Korean", "KOR")]
    assert _found("China-US trade") == [("China", "CHN"), ("US", "USA")]
    assert _found("China-US$ 5 million") == [("China", "CHN")]
    assert _found("the French team; published in French.") == [("French", "FRA")]


def test_long_run_reads_like_a_short_one() -> None:
    # Runs longer than 100 characters take the uncached path.
    run = ("Joint Committee Of Experts On Science And Technology Cooperation Between "
           "The Government Of Japan And The Government Of China")
    assert len(run) > 100
    assert _found(run) == [("Japan", "JPN"), ("China", "CHN")]
    assert [m.start for m in find_countries("Talks on " + run + ".")] == [100, 128]


PATHOLOGICAL = [
    "1," * 200_000, "9" * 1_000_000, "A-" * 200_000, "Aa " * 200_000, ". " * 200_000,
    "A" * 5_000_000, "U.S.-" * 50_000, "New " * 50_000, "Democratic Republic of the " * 20_000,
    "China's " * 50_000, "'" * 100_000 + "China", "\x00\x01\u202e中国 China Ελλάδα" * 1000,
    "A." * 200_000, "d'" * 100_000, "of the " * 100_000, "—" * 200_000,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: repr(t[:12]))
def test_pathological_input_completes(text: str) -> None:
    result = find_countries(text)
    assert isinstance(result, list)
    assert all(text[m.start:m.end] for m in result)
    assert lookup_country(text[:200]) is None or isinstance(lookup_country(text[:200]), str)
    assert isinstance(suggest_countries(text), list)


def test_many_matches_on_long_text() -> None:
    text = "China and the U.S. " * 20_000
    assert len(find_countries(text)) == 40_000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ACGUKSa .-'’\u00a0\nhinoru")), max_size=80))
def test_random_text_gives_valid_spans(text: str) -> None:
    for m in find_countries(text):
        assert 0 <= m.start < m.end <= len(text)
        assert lookup_country(text[m.start:m.end]) == m.code


# Runs that the finder reads whole, not from their first possible country word:
# a person-prone name after a capitalised word, runs whose only gaps are tabs,
# words inside longer words (after an apostrophe or a dot), accent-folded words.
RUN_EDGE_CASES = [
    ("Michael Jordan visited Jordan.", [("Jordan", "JOR")]),
    ("Former President Jordan and Georgia Tech", []),
    ("In Jordan, Chad and Georgia met.", [("Jordan", "JOR"), ("Chad", "TCD"), ("Georgia", "GEO")]),
    ("CHINA, JORDAN and Michael JORDAN", [("CHINA", "CHN"), ("JORDAN", "JOR")]),
    ("United\tStates and China", [("United\tStates", "USA"), ("China", "CHN")]),
    ("Talks in China\tJapan, China - Japan", [("China", "CHN"), ("Japan", "JPN")]),
    ("O'China and L'Europe China", [("China", "CHN")]),
    ("X.China and U.S.China", []),
    ("Jordán and Chinese-speaking Jordanian", [("Jordán", "JOR"), ("Jordanian", "JOR")]),
    ("Türkiye’s coast and Curaçao’s", [("Türkiye", "TUR")]),
    ("the Comoros' Mohéli island", [("Comoros", "COM")]),
    ("Côte d’Ivoire and d'Ivoire", [("Côte d’Ivoire", "CIV")]),
    ("US$ 5 and U.S. officials", [("U.S.", "USA")]),
]


@pytest.mark.parametrize("text,expected", RUN_EDGE_CASES)
def test_runs_read_whole_where_it_matters(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected
    assert _found("Talks. " + text) == expected  # not at the start of the text either


@pytest.mark.parametrize("text,found", [
    ("It invests RMB 1.2 billion (about 165 million U.S. dollars) with Kenya.", [("Kenya", "KEN")]),
    ("It pays 2 million Swiss francs to Swiss teams.", [("Swiss", "CHE")]),
    ("Three Kiwi hydrologists and two Aussies joined.", [("Kiwi", "NZL"), ("Aussies", "AUS")]),
    ("A Kenyan won the prize.", [("Kenyan", "KEN")]),  # "won" is a verb here, no currency
    ("It costs 5 million Omani rials in Oman.", [("Oman", "OMN")]),
    # every currency word the figures know ("won" is also a verb)
    ("It pays 9 million Peruvian soles and 5 million Georgian lari to Peru.", [("Peru", "PER")]),
])
def test_a_currency_names_no_country_and_nicknames_do(text, found):
    from sci_diplo.normalize.country_mentions import find_countries

    assert [(text[m.start:m.end], m.code) for m in find_countries(text)] == found


@pytest.mark.parametrize("text,found", [
    ("Done in the Spanish, Finnish and English languages by Kenyan and Finnish envoys.",
     [("Kenyan", "KEN"), ("Finnish", "FIN")]),
    ("The French and German languages", []),
])
def test_languages_named_in_a_list_name_no_country(text, found):
    from sci_diplo.normalize.country_mentions import find_countries

    assert [(text[m.start:m.end], m.code) for m in find_countries(text)] == found
