"""Word-level comparisons the scorer needs: unit head nouns and programme names.

Pure string functions, no linguistic model: a small English ``singular()``, the
head noun (last word) of a unit phrase, the conjuncts that follow a gold unit
in its quote ("countries and regions"), and a normalized programme name.
"""

from __future__ import annotations

import re
import unicodedata

from sci_diplo.normalize.figures_units import UNIT_ABBR

# Plurals that the suffix rules below get wrong, and words whose plural is the
# same as the singular.
IRREGULAR_PLURALS = {
    "people": "person",
    "persons": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "data": "data",
    "media": "media",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "analyses": "analysis",
    "bases": "base",
    "crises": "crisis",
    "theses": "thesis",
    "hypotheses": "hypothesis",
    "diagnoses": "diagnosis",
    "indices": "index",
    "matrices": "matrix",
    "vertices": "vertex",
    "series": "series",
    "species": "species",
    "news": "news",
    "headquarters": "headquarters",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "leaves": "leaf",
    "shelves": "shelf",
    "wolves": "wolf",
    "thieves": "thief",
}
# Singular endings that already end in "s" and must not lose it.
SINGULAR_S_ENDINGS = ("ss", "us", "is", "ics")
# Plural endings in "-es" after a sibilant: drop the "es".
SIBILANT_ES_ENDINGS = ("sses", "ches", "shes", "xes", "zzes")
# British spellings mapped to the American ones (gold units use "meters"); every "-metre"
# is "-meter" (``american``).
SPELLING_VARIANTS = {
    "litre": "liter",
    "centre": "center",
    "tonne": "ton",
}
# Whole unit phrases (lower case) that name a canonical unit.
UNIT_ALIASES = {
    "%": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage": "percent",
    "℃": "°c",
    "° c": "°c",
    "degree celsius": "°c",
    "degrees celsius": "°c",
    "celsius": "°c",
}
# A unit's abbreviation as the unit it stands for ("28 nm" is in nanometers, "600 m²" in square
# meters, "185 kmph" in kilometers per hour), lower-cased as head_noun compares; single letters
# ("m" is also million) left out.
UNIT_ALIASES.update({abbr.lower(): unit.lower() for abbr, unit in UNIT_ABBR.items()
                     if len(abbr) > 1 and abbr.lower() not in UNIT_ALIASES})
UNIT_ALIASES.update({"w": "watts", "l": "liters"})  # (the single letters that name one unit only)
# ... and those that, as a figure's unit, can only be a measure ("38 m" of length: a million is a
# scale, never a unit; "250 t" of mass)
UNIT_ALIASES.update({"m": "meters", "t": "tons"})
# Words ending a conjunct phrase in a gold quote (prepositions, relatives).
CONJUNCT_STOPWORDS = frozenset(
    "of in on at by for from with to into that which who whom whose as than "
    "across around over under between among within during".split()
)
# How many words one conjunct phrase ("international organizations") may have.
MAX_CONJUNCT_WORDS = 4
# A word (letters, digits inside, apostrophes, hyphens), or a comma/semicolon,
# or any other single non-space character (which stops a conjunct list).
_TOKEN_RE = re.compile(r"[^\W_][\w'’-]*|[,;]|[^\w\s]")
# Characters stripped around a unit's last word ("doses," "(meters)").
_EDGE_PUNCT = "\"'“”‘’()[]{}<>.,;:!?*"
# Every hyphen and dash (ASCII hyphen-minus, U+2010..U+2015, minus sign),
# with any white space around it.
_DASH_RE = re.compile(r"\s*[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]+\s*")  # (a run: LaTeX writes an en dash "--")
# Double quotation marks of every kind, and markdown emphasis asterisks.
_DROP_RE = re.compile(r"[\"“”„‟«»〝〞＂*]")
# Single quotation marks and apostrophes of every kind.
_SINGLE_QUOTE_RE = re.compile(r"[‘’‚‛′`´＇]")
# A run of white space.
_SPACE_RE = re.compile(r"\s+")
# A leading article "the " after case-folding.
_LEADING_THE_RE = re.compile(r"^the\s+")


def singular(word: str) -> str:
    """Return the lower-case singular of an English noun (unchanged if not plural).

    Rules: irregulars (people, children, data, ...), "-ies" -> "-y",
    "-sses/-ches/-shes/-xes/-zzes" lose "es", other "-s" lose "s" except the
    singular endings "-ss", "-us", "-is", "-ics"; British spellings are made American
    (``american``: "-metre" is "-meter").
    """
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith(SIBILANT_ES_ENDINGS):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(SINGULAR_S_ENDINGS):
        w = w[:-1]
    return american(w)


def american(word: str) -> str:
    """Return ``word`` (lower case) in American spelling: "metre", "nanometre" -> "-meter", and
    ``SPELLING_VARIANTS``."""
    if word.endswith("metre"):
        return word[:-5] + "meter"
    return SPELLING_VARIANTS.get(word, word)


def noun_forms(word: str) -> frozenset[str]:
    """Return the forms ``word`` may stand for: itself, ``singular()``, and naive strips.

    Two words are the same noun when their forms intersect, so "buses" (with
    form "bus") and "bus" agree, and so do "doses" and "dose".
    """
    w = word.lower()
    forms = {w, singular(w)}
    if len(w) > 3 and w.endswith("es"):
        forms.add(w[:-2])
    if len(w) > 3 and w.endswith("s"):
        forms.add(w[:-1])
    return frozenset(map(american, forms))


def same_noun(a: str, b: str) -> bool:
    """Return True when ``a`` and ``b`` are the same noun, case and number aside."""
    return bool(noun_forms(a) & noun_forms(b))


def head_noun(unit: str | None) -> str | None:
    """Return the lower-case head (last word) of a unit phrase, canonical units mapped.

    "young foreign scientists" -> "scientists", "%" -> "percent",
    "degrees Celsius" -> "°c". None when ``unit`` is None or has no word.
    """
    if unit is None:
        return None
    phrase = _SPACE_RE.sub(" ", unit).strip().lower()
    phrase = UNIT_ALIASES.get(phrase, phrase)  # ("m²": "square meters", whose head is "meters")
    words = [w.strip(_EDGE_PUNCT) for w in phrase.split(" ")]
    words = [w for w in words if w]
    if not words:
        return None
    last = words[-1]
    return UNIT_ALIASES.get(last, last)


def conjunct_heads(unit: str, quote: str) -> list[str]:
    """Return the heads of nouns joined by "and"/"or" right after ``unit`` in ``quote``.

    "152 countries and regions" with unit "countries" gives ["regions"];
    "countries and international organizations" gives ["organizations"].
    Empty when the unit's head is not in the quote or nothing is joined to it.
    """
    head = head_noun(unit)
    if head is None:
        return []
    tokens = [t.lower() for t in _TOKEN_RE.findall(quote)]
    at = next((i for i, t in enumerate(tokens) if same_noun(t, head)), None)
    if at is None:
        return []
    heads: list[str] = []
    i = at + 1
    while True:
        i = _skip_connector(tokens, i)
        if i is None:
            return heads
        phrase: list[str] = []
        while i < len(tokens) and len(phrase) < MAX_CONJUNCT_WORDS and _is_content(tokens[i]):
            phrase.append(tokens[i])
            i += 1
        if not phrase:
            return heads
        heads.append(phrase[-1])


def _skip_connector(tokens: list[str], i: int) -> int | None:
    """Return the index after a connector ("and", "or", ",", ", and") at ``i``, else None."""
    if i < len(tokens) and tokens[i] in {",", ";"}:
        i += 1
        if i < len(tokens) and tokens[i] in {"and", "or"}:
            i += 1
        return i
    if i < len(tokens) and tokens[i] in {"and", "or"}:
        return i + 1
    return None


def _is_content(token: str) -> bool:
    """Return True for a word that may belong to a conjunct noun phrase."""
    return (
        token[0].isalnum()
        and token not in {"and", "or"}
        and token not in CONJUNCT_STOPWORDS
    )


def unit_matches(gold_unit: str, gold_quote: str, pred_unit: str | None) -> bool:
    """Return True when a predicted unit matches a gold unit.

    The head nouns must be the same noun (case and number aside), or the
    predicted head must be a noun joined by "and"/"or" to the gold unit in the
    gold quote ("countries and regions" accepts either).
    """
    pred = head_noun(pred_unit)
    gold = head_noun(gold_unit)
    if pred is None or gold is None:
        return False
    if same_noun(pred, gold):
        return True
    return any(same_noun(pred, h) for h in conjunct_heads(gold_unit, gold_quote))


def normalize_name(name: str) -> str:
    """Return a programme name's comparison key.

    Compatibility forms made plain (NFKC: full-width "ＪＯＩＤＳ" is "JOIDS") and case-folded; double
    quotes and ``*`` dropped; curly single quotes made straight; every hyphen or dash, or run of
    them ("--"), made "-" with no space around it; white space collapsed; a leading "the" and edge
    punctuation removed.
    """
    key = unicodedata.normalize("NFKC", name).casefold()
    key = _DROP_RE.sub("", key)
    key = _SINGLE_QUOTE_RE.sub("'", key)
    key = _DASH_RE.sub("-", key)
    key = _SPACE_RE.sub(" ", key).strip(" '.,;:")
    return _LEADING_THE_RE.sub("", key)


def name_keys(name: str, aliases: tuple[str, ...] | list[str] = ()) -> frozenset[str]:
    """Return the comparison keys of a name and its aliases (empty keys dropped)."""
    keys = {normalize_name(n) for n in (name, *aliases) if n}
    keys.discard("")
    return frozenset(keys)
