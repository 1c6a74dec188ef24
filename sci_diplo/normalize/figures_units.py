"""Units of measure and currencies that stand next to a number.

``measure_at`` reads a unit after a number ("%", "per cent", "MW", "degrees
Celsius", "square kilometres", "years") and names it canonically (plural
words: "megawatts", "kilometers", "tonnes", "years"; "percent"; "°C").
``currency_before`` / ``currency_after`` read money markers ("US$", "€",
"RMB", "CAD" before; "yuan", "Canadian dollars", "SEK" after) as ISO 4217 codes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sci_diplo.normalize.numbers_lexicon import RAND_AMOUNT, trie_regex

# Abbreviations, case-sensitive, -> canonical unit.
UNIT_ABBR = {
    "%": "percent", "\uff05": "percent", "°C": "°C", "° C": "°C", "℃": "°C", "°F": "°F",
    "° F": "°F", "℉": "°F", "MW": "megawatts", "GW": "gigawatts", "kW": "kilowatts",
    "KW": "kilowatts", "TW": "terawatts", "kWh": "kilowatt-hours", "KWh": "kilowatt-hours",
    "MWh": "megawatt-hours", "GWh": "gigawatt-hours", "TWh": "terawatt-hours",
    "km": "kilometers", "m": "meters", "cm": "centimeters", "mm": "millimeters",
    "nm": "nanometers", "µm": "micrometers", "μm": "micrometers", "kg": "kilograms",
    "g": "grams", "mg": "milligrams", "µg": "micrograms", "μg": "micrograms", "Mt": "megatonnes", "Gt": "gigatonnes",
    "ha": "hectares", "km2": "square kilometers", "km²": "square kilometers",
    "sq km": "square kilometers", "sq. km": "square kilometers", "m2": "square meters",
    "m²": "square meters", "sq m": "square meters", "m3": "cubic meters",
    "m³": "cubic meters", "ml": "milliliters", "mL": "milliliters", "L": "liters",
    "GB": "gigabytes", "TB": "terabytes", "MB": "megabytes", "PB": "petabytes",
    "Gbps": "gigabits per second", "Mbps": "megabits per second", "Hz": "hertz",
    "Gbit": "gigabits", "Mbit": "megabits", "Tbit": "terabits", "Gbit/s": "gigabits per second",
    "Mbit/s": "megabits per second", "Tbit/s": "terabits per second", "W": "watts",
    "GL": "gigaliters", "ML": "megaliters",
    "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "THz": "terahertz",
    "mph": "miles per hour", "km/h": "kilometers per hour", "kph": "kilometers per hour",
    "kmph": "kilometers per hour",
    "ft": "feet", "mi": "miles", "lb": "pounds", "lbs": "pounds", "oz": "ounces",
    "yrs": "years", "ppl": "people", "min": "minutes", "mins": "minutes", "pct": "percent", "bpd": "barrels per day", "°": "degrees",
}

# Unit words, lower case, singular (plural forms are derived) -> (canonical, factor).
_UNIT_WORDS = {
    "percent": ("percent", 1), "per cent": ("percent", 1), "percentage": ("percent", 1),
    "percentage point": ("percentage points", 1), "basis point": ("basis points", 1),
    "degree celsius": ("°C", 1), "degree centigrade": ("°C", 1), "degree c": ("°C", 1),
    "degree fahrenheit": ("°F", 1), "degree": ("degrees", 1), "celsius": ("°C", 1),
    "centigrade": ("°C", 1), "fahrenheit": ("°F", 1), "deg c": ("°C", 1), "deg celsius": ("°C", 1),
    "deg f": ("°F", 1), "deg fahrenheit": ("°F", 1),
    "megawatt": ("megawatts", 1), "gigawatt": ("gigawatts", 1), "kilowatt": ("kilowatts", 1),
    "terawatt": ("terawatts", 1), "watt": ("watts", 1),
    "kilowatt-hour": ("kilowatt-hours", 1), "kilowatt hour": ("kilowatt-hours", 1),
    "megawatt-hour": ("megawatt-hours", 1), "megawatt hour": ("megawatt-hours", 1),
    "gigawatt-hour": ("gigawatt-hours", 1), "gigawatt hour": ("gigawatt-hours", 1),
    "terawatt-hour": ("terawatt-hours", 1), "terawatt hour": ("terawatt-hours", 1),
    "kilometer": ("kilometers", 1), "kilometre": ("kilometers", 1), "meter": ("meters", 1),
    "metre": ("meters", 1), "centimeter": ("centimeters", 1), "centimetre": ("centimeters", 1),
    "millimeter": ("millimeters", 1), "millimetre": ("millimeters", 1),
    "nanometer": ("nanometers", 1), "nanometre": ("nanometers", 1),
    "micrometer": ("micrometers", 1), "micrometre": ("micrometers", 1), "micron": ("micrometers", 1),
    "mile": ("miles", 1), "nautical mile": ("nautical miles", 1), "inch": ("inches", 1),
    "light-year": ("light-years", 1), "light year": ("light-years", 1),
    "square kilometer": ("square kilometers", 1), "square kilometre": ("square kilometers", 1),
    "square meter": ("square meters", 1), "square metre": ("square meters", 1),
    "square mile": ("square miles", 1), "hectare": ("hectares", 1), "acre": ("acres", 1),
    "cubic meter": ("cubic meters", 1), "cubic metre": ("cubic meters", 1),
    "tonne": ("tonnes", 1), "metric ton": ("tonnes", 1), "ton": ("tons", 1),
    "kilogram": ("kilograms", 1), "kilogramme": ("kilograms", 1), "gram": ("grams", 1),
    "milligram": ("milligrams", 1), "microgram": ("micrograms", 1), "ounce": ("ounces", 1),
    "liter": ("liters", 1), "litre": ("liters", 1), "milliliter": ("milliliters", 1),
    "millilitre": ("milliliters", 1), "gallon": ("gallons", 1),
    "year": ("years", 1), "month": ("months", 1), "week": ("weeks", 1), "day": ("days", 1),
    "hour": ("hours", 1), "minute": ("minutes", 1), "second": ("seconds", 1),
    "decade": ("years", 10), "century": ("years", 100), "millennium": ("years", 1000),
    "byte": ("bytes", 1), "kilobyte": ("kilobytes", 1), "megabyte": ("megabytes", 1),
    "gigabyte": ("gigabytes", 1), "terabyte": ("terabytes", 1), "petabyte": ("petabytes", 1),
    "hertz": ("hertz", 1), "kilohertz": ("kilohertz", 1), "megahertz": ("megahertz", 1),
    "gigahertz": ("gigahertz", 1),
}
_IRREGULAR_UNIT_PLURALS = {"foot": "feet", "century": "centuries", "millennium": "millennia",
                           "inch": "inches", "hertz": "hertz"}


def _plural(word: str) -> str:
    head, _, last = word.rpartition(" ")
    if last in _IRREGULAR_UNIT_PLURALS:
        return (head + " " if head else "") + _IRREGULAR_UNIT_PLURALS[last]
    if word.endswith("celsius") or word.endswith("centigrade") or word.endswith("fahrenheit") \
            or word.endswith("degree c"):
        return word.replace("degree", "degrees")
    return word + "s"


UNIT_WORDS: dict[str, tuple[str, float]] = {}
for _w, _v in _UNIT_WORDS.items():
    UNIT_WORDS[_w] = _v
    UNIT_WORDS[_plural(_w)] = _v
UNIT_WORDS["foot"] = UNIT_WORDS["feet"] = ("feet", 1)
UNIT_WORDS["percents"] = UNIT_WORDS["percentages"] = ("percent", 1)


def phrase_alternation(words: list[str]) -> str:
    """Regex for ``words`` as a prefix tree; a space matches any blanks, a hyphen is optional."""
    return trie_regex(sorted(words)).replace(r"\ ", r"[^\S\n]+").replace(r"\-", "[-\u2010 ]?")


# The first run of letters after a number (spaces skipped), else the next char.
# A unit or currency phrase can only match where that run is the first run of
# one of its phrases: a set lookup that saves the large case-insensitive
# regexes on most numbers ("5 people"). Only ASCII runs are looked up, where
# ignoring case is plain lower-casing.
_LEAD_RE = re.compile(r"[^\S\n\t]*(?:([^\W\d_]+)|(.))", re.S)  # (a tab parts a table's cells: what follows it is none of the number's)
_RUN_RE = re.compile(r"[^\W\d_]+")
_DIGIT_AFTER_RE = re.compile(r"[^\S\n]*+\d")


def _first_runs(phrases: list[str], lower: bool) -> frozenset[str]:
    """First letter runs of ``phrases``, each hyphen dropped or not (as ``phrase_alternation`` reads them)."""
    out = set()
    for phrase in phrases:
        parts = phrase.split("-")
        for k in range(len(parts)):
            m = _RUN_RE.match("".join(parts[:k + 1]))
            if m:
                out.add(m.group().lower() if lower else m.group())
    return frozenset(out)


# A unit right after a number: abbreviation (case-sensitive, not followed by a
# letter or digit: "5 m", "47.5 MW", "1.5 °C", "95%") or unit word (any case,
# whole word: "per cent", "degrees Celsius", "megawatts").
MEASURE_RE = re.compile(
    r"[^\S\n\t]*(?:(?P<abbr>" + phrase_alternation(list(UNIT_ABBR)) + r")(?![\w²³/])"
    r"|(?P<word>(?i:" + phrase_alternation(list(UNIT_WORDS)) + r"))(?![\w-]))"
)
_SPACE_RE = re.compile(r"[\s\u2010-]+")
_ABBR_RUNS = _first_runs(list(UNIT_ABBR), lower=False)
_UNIT_WORD_RUNS = _first_runs(list(UNIT_WORDS), lower=True)
_ABBR_SYMBOLS = frozenset(a[0] for a in UNIT_ABBR if not _RUN_RE.match(a))
# Money signs that name one currency after an amount too, as much of Europe and Asia writes them
# ("1 500 €"); not "¥", whose currency the text decides, nor "$" (``_dollar_after``).
_SYMBOLS_AFTER = frozenset("€£₹₩₽₦₺₱฿₫₴₪₸₮₾₼৳")


@lru_cache(maxsize=4096)
def unit_word(word: str) -> tuple[str, float] | None:
    """Return (canonical unit, factor) for a unit word or abbreviation, else None."""
    if word in UNIT_ABBR:
        return UNIT_ABBR[word], 1.0
    return UNIT_WORDS.get(_SPACE_RE.sub(" ", word.lower()).replace("light year", "light-year"))


def measure_at(text: str, pos: int) -> tuple[str, float, int] | None:
    """Return (canonical unit, factor, end) of a unit starting at ``pos``, else None.

    ``factor`` turns the value into the unit ("two decades" is 20 years).
    """
    return _after(text, pos, currency=False)


def _after(text: str, pos: int, currency: bool = True, measure: bool = True) -> tuple | None:
    """A currency (if ``currency``) or else a unit (if ``measure``) after ``pos``, else None."""
    m = _LEAD_RE.match(text, pos)
    if m is None:
        return None
    run = m.group(1)
    if run is None:
        if currency and m.group(2) in _SYMBOLS_AFTER:
            return _currency_re(text, pos)  # "3.412.560,50 €", "1 500 ₹"
        if currency and m.group(2) == "$":
            return _dollar_after(text, pos)  # "1 200 000 $", "4,5 M$"
        return _measure_re(text, pos) if measure and m.group(2) in _ABBR_SYMBOLS else None
    may_currency, may_measure = _run_kinds(run)
    return ((currency and may_currency and _currency_re(text, pos))
            or (measure and may_measure and _measure_re(text, pos)) or None)


@lru_cache(maxsize=4096)
def _run_kinds(run: str) -> tuple[bool, bool]:
    """Whether a currency phrase and whether a unit may start with the letter run ``run``."""
    if not run.isascii():  # (only ASCII runs are ruled out: see _LEAD_RE)
        return True, True
    low = run.lower()
    return low in _CURRENCY_RUNS or (len(run) == 3 and run.isupper()), run in _ABBR_RUNS or low in _UNIT_WORD_RUNS


# A latitude beside a number before "W": a longitude, not watts.
_COMPASS_AFTER_RE = re.compile(r"[^\S\n]*+,?[^\S\n]*+\d{1,3}(?:[.,]\d++)?[^\S\n]*+°?[^\S\n]*+[NS]\b")
_COMPASS_BEFORE_RE = re.compile(r"\d[^\S\n]*+°?[^\S\n]*+[NS]\b[^\S\n]*+,?[^\S\n]*+[\d.,]*+\Z")


def _measure_re(text: str, pos: int) -> tuple[str, float, int] | None:
    """``measure_at`` by the regex."""
    m = MEASURE_RE.match(text, pos)
    if m is None:
        return None
    if m.group("abbr"):
        unit = UNIT_ABBR.get(m.group("abbr")) or UNIT_ABBR.get(_SPACE_RE.sub(" ", m.group("abbr")))
        if m.group("abbr") == "W" and (_COMPASS_AFTER_RE.match(text, m.end()) or _COMPASS_BEFORE_RE.search(
                text, max(0, pos - 24), pos)):
            return None  # a longitude: "45 N, 30 W"
        return (unit, 1.0, m.end()) if unit else None
    found = unit_word(m.group("word"))
    return (found[0], found[1], m.end()) if found else None


# Every unit of measure the finders give (the canonical names): "kilometers", "percent", "°C" ...
MEASURE_UNITS = frozenset(UNIT_ABBR.values()) | frozenset(unit for unit, _ in _UNIT_WORDS.values())
# Currencies with three decimal places, where "KWD 1.500" is one and a half dinars.
THREE_DECIMAL_CURRENCIES = frozenset("BHD IQD JOD KWD LYD OMR TND".split())
# ISO 4217: the codes in use (from pycountry 26.2.16's table, less funds, metals and test codes),
# the withdrawn Croatian kuna and Bulgarian lev, and the currencies the euro replaced, which
# histories still quote ("FF 30 million" in 1996).
ISO_CODES = frozenset(
    "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP "
    "BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP "
    "GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY "
    "KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP "
    "MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR "
    "RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT "
    "TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW "
    "ZWG".split()
    + "FRF DEM ITL ESP NLG BEF ATS FIM PTE IEP GRD".split()
)
_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "HK$": "HKD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "NT$": "TWD",
    "MX$": "MXN", "€": "EUR", "£": "GBP", "¥": "CNY", "CN¥": "CNY", "JP¥": "JPY",
    "RMB": "CNY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "₩": "KRW", "₽": "RUB",
    "₦": "NGN", "₺": "TRY", "₱": "PHP", "฿": "THB", "₫": "VND", "₴": "UAH", "₪": "ILS",
    "GH₵": "GHS", "GH¢": "GHS", "₵": "GHS", "KSh": "KES", "Ksh": "KES",
    "FJ$": "FJD", "TT$": "TTD", "J$": "JMD", "EC$": "XCD", "Rp": "IDR", "Rp.": "IDR",
    "Tk": "BDT", "Tk.": "BDT", "Bt": "THB", "Bt.": "THB", "৳": "BDT", "₸": "KZT", "₮": "MNT", "₾": "GEL", "₼": "AZN",
    "FCFA": "XOF", "CFA": "XOF",  # the CFA franc: West or Central African by the text (``cfa_code``)
    "S/": "PEN",  # the Peruvian sol
    "T$": "TOP", "KD": "KWD",  # the Tongan paʻanga, the Kuwaiti dinar
    "SR": "SAR", "FF": "FRF", "RM": "MYR",  # only before an amount with a scale word or thousands groups, as "R"
    "R": "ZAR",  # only as ``_RAND_AMOUNT_RE`` allows: "R12 million", "R4,500" (not "R2", "R 5")
}
# The money signs that are words ("Rs", "KSh", "Tk"): a name's capitalised word before a number
# ("Boeing 737") is none of them. ("R" is read as the rand only as ``_RAND_AMOUNT_RE`` allows.)
MONEY_SIGN_WORDS = frozenset(w for w in (s.rstrip(".") for s in _SYMBOLS) if w.isalpha() and len(w) > 1)
# "¥" is both the yen and the yuan: the text's currency words decide (``yen_or_yuan``).
_YEN_RE = re.compile(r"\byen\b|\bJPY\b", re.I)
_YUAN_RE = re.compile(r"\byuan\b|\brenminbi\b|\bRMB\b|\bCNY\b", re.I)
# "R" is a currency only glued to an amount with a scale word or thousands groups:
# "R2" alone is a model, a route or a score.
_RAND_AMOUNT_RE = re.compile(RAND_AMOUNT)
# A money marker right before a number: symbol or code, maybe one space, not
# glued to a word on its left ("US$2", "€ 3.4", "RMB10", "CAD 3").
CURRENCY_BEFORE_RE = re.compile(
    r"(?<![A-Za-z$])(?P<c>" + "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
    + r"|[A-Z]{3})[^\S\n]?\Z"
)
# Currency words after a number (with a country adjective) -> ISO code.
_CURRENCY_WORDS: dict[str, str | None] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "pound sterling": "GBP", "sterling": "GBP",
    "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupee": "INR", "won": "KRW",
    "rouble": "RUB", "ruble": "RUB", "rand": "ZAR", "naira": "NGN", "shilling": "KES",
    "ringgit": "MYR", "baht": "THB", "dong": "VND", "rupiah": "IDR", "peso": "MXN",
    "reais": "BRL", "lira": "TRY", "zloty": "PLN", "forint": "HUF", "franc": "CHF",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "dirham": "AED",
    "riyal": "SAR", "taka": "BDT", "birr": "ETB", "cedi": "GHS", "kwacha": "ZMW", "tenge": "KZT",
    "kina": "PGK", "kyat": "MMK", "riel": "KHR", "rufiyaa": "MVR", "pula": "BWP", "leone": "SLE",
    "dalasi": "GMD", "ariary": "MGA", "somoni": "TJS", "lari": "GEL", "hryvnia": "UAH", "koruna": "CZK",
    "kuna": "HRK", "quetzal": "GTQ", "guarani": "PYG", "boliviano": "BOB", "shekel": "ILS",
    "afghani": "AFN", "tugrik": "MNT", "vatu": "VUV", "tala": "WST", "kwanza": "AOA", "metical": "MZN",
    "rwandan franc": "RWF", "french franc": "FRF", "deutschmark": "DEM", "deutsche mark": "DEM",
    # a dinar or a rial is money of several countries: a code only with their adjective
    # ("Tunisian dinars"); alone ("7 million dinars") it is the counted noun
    "dinar": None, "rial": None,
    "soles": "PEN", "nuevos soles": "PEN",  # (not "sol": a day on Mars)
}
_ADJ_CODES = {
    ("dollar", "canadian"): "CAD", ("dollar", "australian"): "AUD", ("dollar", "hong kong"): "HKD",
    ("dollar", "singapore"): "SGD", ("dollar", "new zealand"): "NZD", ("dollar", "taiwan"): "TWD",
    ("dollar", "new taiwan"): "TWD", ("rupee", "pakistani"): "PKR", ("rupee", "sri lankan"): "LKR",
    ("rupee", "nepalese"): "NPR", ("rupee", "nepali"): "NPR", ("rupee", "mauritian"): "MUR",
    ("peso", "philippine"): "PHP", ("peso", "argentine"): "ARS", ("peso", "chilean"): "CLP",
    ("peso", "colombian"): "COP", ("krone", "danish"): "DKK", ("kroner", "danish"): "DKK",
    ("franc", "cfa"): "XOF", ("dirham", "moroccan"): "MAD", ("riyal", "qatari"): "QAR",
    ("shilling", "ugandan"): "UGX", ("shilling", "tanzanian"): "TZS", ("pound", "egyptian"): "EGP",
    ("dinar", "tunisian"): "TND", ("dinar", "algerian"): "DZD", ("dinar", "jordanian"): "JOD",
    ("dinar", "kuwaiti"): "KWD", ("dinar", "bahraini"): "BHD", ("dinar", "iraqi"): "IQD",
    ("dinar", "libyan"): "LYD", ("dinar", "serbian"): "RSD", ("rial", "omani"): "OMR",
    ("rial", "iranian"): "IRR", ("rial", "yemeni"): "YER",
}
_ADJ = ("US", "U.S.", "American", "Canadian", "Australian", "Hong Kong", "Singapore",
        "New Zealand", "New Taiwan", "Taiwan", "Swiss", "Swedish", "Norwegian", "Danish",
        "Indian", "Pakistani", "Sri Lankan", "Philippine", "Mexican", "Chilean", "Argentine",
        "Colombian", "South African", "Japanese", "Chinese", "Russian", "Brazilian",
        "Turkish", "Egyptian", "Nigerian", "Kenyan", "Ugandan", "Tanzanian", "Moroccan",
        "Qatari", "CFA", "Tunisian", "Algerian", "Jordanian", "Kuwaiti", "Bahraini", "Iraqi", "Libyan",
        "Serbian", "Omani", "Iranian", "Yemeni", "Thai", "Kazakh", "Kazakhstani", "Bangladeshi", "Vietnamese",
        "Peruvian", "Georgian", "Mongolian", "Indonesian", "Malaysian", "Ethiopian", "Ghanaian", "Zambian",
        "Ukrainian", "Polish", "Hungarian", "Czech", "Croatian", "Israeli", "Saudi", "Emirati", "UAE",
        "Paraguayan", "Bolivian", "Guatemalan", "Afghan", "Cambodian", "Burmese", "Maldivian", "Angolan",
        "Mozambican", "Malagasy", "Tajik", "Botswanan", "Gambian", "Korean", "South Korean", "Nepalese", "Nepali",
        "Mauritian")
# Every currency word and its plural ("dollar", "dollars", "pounds sterling"), as written after
# an amount (the country finder reads a demonym before one as money: "Swiss francs").
CURRENCY_WORD_FORMS = tuple(w for k in _CURRENCY_WORDS for w in (k, _plural(k)))
# Those that are no common English word too ("won": "A Kenyan won the prize", "won over ten years").
UNAMBIGUOUS_CURRENCY_WORDS = tuple(w for w in CURRENCY_WORD_FORMS if w != "won")
_CUR_WORD_ALT = phrase_alternation(list(CURRENCY_WORD_FORMS))
_CURRENCY_WORD_CODES = {w: code for k, code in _CURRENCY_WORDS.items() for w in (k, _plural(k))}
# A currency after a number (and its scale): "yuan", "US dollars", "pounds
# sterling", "SEK" (an ISO code, checked against ISO_CODES by the caller).
CURRENCY_AFTER_RE = re.compile(
    r"[^\S\n\t]*(?:(?P<adj>(?i:" + "|".join(re.escape(a) for a in _ADJ) + r"))[^\S\n]+)?"
    r"(?:(?P<word>(?i:" + _CUR_WORD_ALT + r"))|(?P<code>F?CFA|[A-Z]{3}|RMB))(?![\w-])"
    r"|[^\S\n\t]*(?P<sign>[" + "".join(sorted(_SYMBOLS_AFTER)) + "])"
)


# The last char of a money marker before a number: of a symbol, or of a code.
_MONEY_END = frozenset(sym[-1] for sym in _SYMBOLS) | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CURRENCY_RUNS = _first_runs(list(_ADJ) + [w for k in _CURRENCY_WORDS for w in (k, _plural(k))] + ["FCFA"], lower=True)
_OF_RE = re.compile(r"[^\S\n]+of\b")


@lru_cache(maxsize=64)
def yen_or_yuan(text: str) -> str:
    """Return the currency "¥" stands for in ``text``: JPY where the text speaks of yen (or,
    naming neither currency, of Japan more than of China), else CNY."""
    yen, yuan = len(_YEN_RE.findall(text)), len(_YUAN_RE.findall(text))
    if yen != yuan:
        return "JPY" if yen > yuan else "CNY"
    return "JPY" if text.count("Japan") > text.count("China") + text.count("Chinese") else "CNY"


# A text's own word on which dollars its bare "$" amounts are: a note of a table's unit that ends
# its line ("Table 3.1 Planned spending (in millions of Canadian dollars)"), or a sentence or line
# that opens with it ("All amounts are in Australian dollars.", "Figures in NZD"); the first one
# counts ("All figures in USD unless stated"). Without one "$" is USD: "Prices in Canadian dollars
# rose" says nothing of the text's own amounts.
# (The dollars are looked for first, by their words' letters, then what stands before them: a
# pattern that opened with the statement would be tried at every character of the text.)
_DOLLAR_ADJ_RE = re.compile(
    r"(?i)(?<![\w.])(?P<adj>canadian|australian|new[^\S\n]+zealand|singapore|hong[^\S\n]+kong|u\.?s\.?|american)"
    r"[^\S\n]+\Z"
)
_DOLLAR_CODES = ("CAD", "AUD", "NZD", "SGD", "HKD", "USD")
_DOLLAR_CODE_RE = re.compile(r"\b(?:" + "|".join(_DOLLAR_CODES) + r")\b")
_DECLARED_BEFORE_RE = re.compile(
    r"(?i)(?:(?P<note>\()(?:in[^\S\n]+)?"
    r"|(?:^|(?<=[.!?:]\s)|(?<=\n))[^\S\n]*(?:all[^\S\n]+(?:amounts?|figures|values|sums|prices|costs)[^\S\n]+"
    r"(?:are[^\S\n]+)?|(?:amounts?|figures|values|sums)[^\S\n]+(?:are[^\S\n]+)?)"
    r"(?:(?:given|shown|expressed|stated)[^\S\n]+)?in[^\S\n]+)"
    r"(?:(?:thousands|millions|billions)[^\S\n]+of[^\S\n]+)?\Z"
)
# A note's close, ending its line.
_NOTE_END_RE = re.compile(r"[^()\n]*\)[^\S\n]*(?:\n|\Z)")


def declared_dollar(text: str) -> str:
    """Return the ISO code of the dollars that ``text`` first says its amounts are in ("(in
    millions of Canadian dollars)" ending a line gives CAD, "All figures in USD" USD), else USD,
    which a bare "$" is."""
    return _declared_dollar(text) or "USD"


# A "$" after an amount, and what may follow it: the dollars' country ("1 200 000 $ US", "5 M$ CA").
_DOLLAR_AFTER_RE = re.compile(r"[^\S\n\t]*(\$)")
_DOLLAR_COUNTRY_AFTER_RE = re.compile(r"[^\S\n]?(US|CA|CAN|AU|NZ)\b|[^\S\n]?(É\.-?U\.)")
_AFTER_COUNTRY_CODES = {"US": "USD", "É.-U.": "USD", "É.U.": "USD", "CA": "CAD", "CAN": "CAD", "AU": "AUD", "NZ": "NZD"}
# Canada named in a text: French puts "$" after the amount there, Canadian dollars unless said otherwise.
_CANADA_RE = re.compile(r"\b(?:Canad|Qu[ée]bec|Montr[ée]al|Ottawa|Ontario|Acadi)")


def _dollar_after(text: str, pos: int) -> tuple[str, int] | None:
    """Return (ISO code, end) of a "$" written after the amount that ends at ``pos``, as French
    writes it, blanks between or a scale's letter before it ("1 200 000 $", "4,5 M$"; not the next
    amount's "$ 3,500,000", nor TeX's "$M_L \\geq 1.5$"), else None: the country after it ("1 200 000 $
    US"), else the dollars that the text declares, else Canadian dollars in a text that names Canada
    or Quebec, where French writes amounts so, else US dollars."""
    m = _DOLLAR_AFTER_RE.match(text, pos)
    if m is None or (m.start(1) == pos and not text[pos - 1:pos].isalpha()) or _DIGIT_AFTER_RE.match(text, m.end()):
        return None
    end = m.end()
    m = _DOLLAR_COUNTRY_AFTER_RE.match(text, end)
    if m is not None:
        return _AFTER_COUNTRY_CODES[m.group(1) or m.group(2)], m.end()
    code = _declared_dollar(text) or ("CAD" if _CANADA_RE.search(text) else "USD")
    return code, end


@lru_cache(maxsize=64)
def _declared_dollar(text: str) -> str | None:
    """``declared_dollar``, or None where the text declares none."""
    found = []  # (start, end, code) of each dollar named by its country or code
    for letters in ("ollar", "OLLAR"):
        k = text.find(letters)
        while k >= 0:
            adj = _DOLLAR_ADJ_RE.search(text, max(0, k - 20), k - 1) if k and text[k - 1] in "dD" else None
            if adj is not None:
                end = k + 5 + (text[k + 5:k + 6] in ("s", "S"))
                key = " ".join(adj["adj"].lower().replace(".", "").split())  # (no dots: "U.S", "US.")
                found.append((adj.start(), end, _ADJ_CODES.get(("dollar", key), "USD")))  # ("us", "american": USD)
            k = text.find(letters, k + 5)
    if any(code in text for code in _DOLLAR_CODES):
        found += [(m.start(), m.end(), m.group()) for m in _DOLLAR_CODE_RE.finditer(text)]
    for start, end, code in sorted(found):
        before = _DECLARED_BEFORE_RE.search(text, max(0, start - 80), start)
        if before is not None and (not before["note"] or _NOTE_END_RE.match(text, end)):
            return code
    return None


# ISO codes that are also words or common acronyms (a UN conference, computer-aided design,
# "TRY", "ALL"): money before a number only when the amount has a scale word or thousands
# groups, as the South African "R" needs.
WORD_CODES = frozenset(
    "COP CAD TRY ALL TOP MOP CUP PEN GEL SOS MAD BAM LAK CVE PAB AMD BOB NAD SCR SHP MGA ERN DOP GIP "
    "STN SLE SSP KMF HTG MMK CRC MDL DEM ESP SVC BIF BTN GNF SR FF RM CFA FCFA KD".split()
)


def currency_before(text: str, pos: int) -> tuple[str, int] | None:
    """Return (ISO code, start) of a money marker ending right before ``pos``, else None."""
    if pos < 1:
        return None
    c = text[pos - 1]
    if c not in _MONEY_END:  # nor a symbol or code after the one blank the regex allows
        if c == "\n" or not c.isspace() or pos < 2 or text[pos - 2] not in _MONEY_END:
            return None  # (a quick test that spares the window search)
    m = CURRENCY_BEFORE_RE.search(text, max(0, pos - 7), pos)
    if m is None:
        return None
    c = m.group("c")
    if c == "R" and (m.end("c") != pos or not _RAND_AMOUNT_RE.match(text, pos)):
        return None
    if c in WORD_CODES and not _RAND_AMOUNT_RE.match(text, pos):
        return None  # "COP 28", "the CAD 3 model", "SR 2": a name; "COP 28 billion" is pesos
    code = marker_code(c, text)
    return (code, m.start("c")) if code else None


def marker_code(marker: str, text: str) -> str | None:
    """Return the ISO code of a money marker standing alone ("CAD", "€", "US$", "$" as ``text``
    declares it), else None."""
    if marker == "$":
        return declared_dollar(text)
    if marker == "¥":
        return yen_or_yuan(text)
    if marker in ("CFA", "FCFA"):
        return cfa_code(text)
    return _SYMBOLS.get(marker) or (marker if marker in ISO_CODES else None)


def currency_word(word: str) -> str | None:
    """Return the ISO code of a currency word ("euro", "dollars"), else None."""
    return _CURRENCY_WORD_CODES.get(word.lower())


def currency_after(text: str, pos: int) -> tuple[str, int] | None:
    """Return (ISO code, end) of a currency named right after ``pos``, else None.

    "pounds of" is a weight, not money, and gives None.
    """
    return _after(text, pos, measure=False)


def currency_or_measure(text: str, pos: int) -> tuple | None:
    """``currency_after(text, pos) or measure_at(text, pos)``, reading what follows once."""
    return _after(text, pos)


def _currency_re(text: str, pos: int) -> tuple[str, int] | None:
    """``currency_after`` by the regex."""
    m = CURRENCY_AFTER_RE.match(text, pos)
    if m is None:
        return _dollar_after(text, pos)
    if m.group("sign"):
        return _SYMBOLS[m.group("sign")], m.end()
    if m.group("code"):
        code = m.group("code")
        if code in WORD_CODES and (code in ("CFA", "FCFA") or _BARE_SMALL_RE.search(text, max(0, pos - 8), pos)) \
                and _LOWER_WORD_RE.match(text, m.end()):
            return None  # "3 CAD drawings", "1,500 CFA charterholders": a word or an acronym before a plural
        code = marker_code(code, text) if code in ("RMB", "CFA", "FCFA") else code
        return (code, m.end()) if code in ISO_CODES else None
    word = _SPACE_RE.sub(" ", m.group("word").lower())
    if word.startswith("pound") and _OF_RE.match(text, m.end()):
        return None
    base = word if word in _CURRENCY_WORDS else word[:-1] if word[:-1] in _CURRENCY_WORDS else word
    adj = (m.group("adj") or "").lower()
    code = _ADJ_CODES.get((base, adj)) or _CURRENCY_WORDS.get(base)
    if base == "dollar" and adj and adj not in ("us", "u.s.", "american") and not _ADJ_CODES.get((base, adj)):
        return None
    if base == "peso" and not adj:
        code = peso_code(text)
    elif base == "franc" and adj == "cfa":
        code = cfa_code(text)
    elif base == "franc" and not adj and (cfa := _CFA_AFTER_RE.match(text, m.end())) is not None:
        return cfa_code(text), cfa.end()  # "5 000 francs CFA", as French writes it
    return (code, m.end()) if code else None


# A number of one to three digits alone (no scale word, no thousands group) ending right before
# a code, and a plural noun after the code (not a verb before its object).
_BARE_SMALL_RE = re.compile(r"(?<![\d,.])\d{1,3}[^\S\n]*+\Z")
_CFA_AFTER_RE = re.compile(r"[^\S\n]++F?CFA\b")
# Verbs in "-s" that agree with a singular subject, which a plural noun's "-s" may look like
# ("500 CAD covers the", "one student in ten comes from").
SINGULAR_VERBS = ("goes", "pays", "buys", "gets", "covers", "remains", "costs", "funds", "brings", "allows", "includes",
                  "means", "makes", "takes", "gives", "helps", "keeps", "lasts", "comes", "lives", "works", "ends",
                  "lacks", "involves", "receives", "depends", "belongs", "falls", "returns", "leaves")
_LOWER_WORD_RE = re.compile(r"[^\S\n]++(?!(?:was|has|this|plus|less|minus|across|thus|unless|" + "|".join(SINGULAR_VERBS)
                            + r")\b)[a-z]{2,}s\b"
                            # (a verb's "-s" before its object: "500 CAD covers the travel", "buys a")
                            r"(?![^\S\n]++(?:the|a|an|its|their|his|her|our|this|that|you|me|us|them|it)\b)")


# The countries whose money is the peso, by the words that name them.
_PESO_COUNTRIES = {
    "MXN": re.compile(r"(?<!New )\bMexic(?:o|an|ans)\b", re.I),
    "PHP": re.compile(r"\bPhilippines?\b|\bFilipinos?\b|\bManila\b", re.I),
    "CLP": re.compile(r"\bChile(?:an|ans)?\b", re.I), "COP": re.compile(r"\bColombi(?:a|an|ans)\b", re.I),
    "ARS": re.compile(r"\bArgentin(?:a|e|ian|ians)\b|\bBuenos Aires\b", re.I),
    "UYU": re.compile(r"\bUruguay(?:an|ans)?\b", re.I), "DOP": re.compile(r"\bDominican Republic\b", re.I),
    "CUP": re.compile(r"\bCuba(?:n|ns)?\b", re.I),
}


@lru_cache(maxsize=64)
def peso_code(text: str) -> str:
    """Return the peso that a bare "pesos" in ``text`` is: that of the peso country the text
    names most ("Chile" and "Chilean": CLP), else the Mexican peso."""
    return _most_named(text, _PESO_COUNTRIES, "MXN")


# The two CFA francs, by the words that name their countries or the franc's region.
_CFA_COUNTRIES = {
    "XOF": re.compile(r"\bWest African\b|\bUEMOA\b|\bBenin(?:ese)?\b|\bBurkin(?:a Faso|ab[eé])\b|\bC[oô]te d.Ivoire\b"
                      r"|\bIvor(?:y Coast|ian)\b|\bGuinea-Bissau\b|\bMali(?:an)?\b|\bNiger(?:ien)?\b|\bSenegal(?:ese)?\b"
                      r"|\bTog(?:o|olese)\b|\bDakar\b|\bAbidjan\b|\bBamako\b|\bOuagadougou\b|\bNiamey\b|\bLom[eé]\b"),
    "XAF": re.compile(r"\bCentral African\b|\bCEMAC\b|\bCameroon(?:ian)?\b|\bGabon(?:ese)?\b|\bChad(?:ian)?\b"
                      r"|\bEquatorial Guinea\b|\bCongo-Brazzaville\b|\b(?<!Democratic Republic of the )Congo\b"
                      r"|\bYaound[eé]\b|\bDouala\b|\bLibreville\b|\bN.Djamena\b|\bBrazzaville\b|\bMalabo\b"),
}


@lru_cache(maxsize=64)
def cfa_code(text: str) -> str:
    """Return the CFA franc that "CFA", "FCFA" or "CFA francs" in ``text`` is: the Central
    African one (XAF) where the text names its countries more, else the West African one (XOF)."""
    return _most_named(text, _CFA_COUNTRIES, "XOF")


def _most_named(text: str, countries: dict[str, re.Pattern], default: str) -> str:
    """Return the code whose pattern ``text`` matches most often, ``default`` when none matches."""
    counts = {code: len(rx.findall(text)) for code, rx in countries.items()}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else default
