"""Tests of the gold loader and the accuracy scorer (hand-made texts, plus the shipped gold)."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest

from sci_diplo.evaluate import (
    GoldDoc,
    GoldError,
    PredClaim,
    PredDate,
    PredFigure,
    PredProgramme,
    Prediction,
    find_quote_spans,
    load_gold_dir,
    load_gold_file,
    locate_quote,
    score,
    unlocated_quotes,
)
from sci_diplo.evaluate.nouns import (
    conjunct_heads,
    head_noun,
    normalize_name,
    same_noun,
    singular,
    unit_matches,
)

REPO = Path(__file__).resolve().parents[2]
SEED_GOLD = REPO / "data" / "gold" / "seeds"
SEED_TEXTS = REPO / "seeds"

TEXT = (
    "Lisbon, 4 March 2022 — Portugal and Brazil signed the Joint Ocean Research Accord (JORA) "
    "on Friday. More than 120 scientists from 14 countries and regions will work at 3 field "
    "stations. The accord, worth 2.5 million EUR, runs until 2027. About 40% of the money "
    "goes to students."
)
GOLD = {
    "doc": "lisbon.txt",
    "published": "2022-03-04",
    "countries": ["BRA", "PRT"],
    "figures": [
        {"quote": "More than 120 scientists", "value": 120, "unit": "scientists", "qualifier": "more_than"},
        {"quote": "14 countries and regions", "value": 14, "unit": "countries", "qualifier": "exact"},
        {"quote": "3 field stations", "value": 3, "unit": "stations", "qualifier": "exact"},
        {"quote": "2.5 million EUR", "value": 2500000, "unit": "EUR", "qualifier": "exact"},
        {"quote": "About 40%", "value": 40, "unit": "percent", "qualifier": "about"},
    ],
    "dates": [
        {"quote": "4 March 2022", "value": "2022-03-04", "relation": "on"},
        {"quote": "on Friday", "value": "2022-03-04", "relation": "on"},
        {"quote": "until 2027", "value": "2027", "relation": "until"},
    ],
    "programmes": [
        {
            "quote": "Joint Ocean Research Accord (JORA)",
            "name": "Joint Ocean Research Accord",
            "aliases": ["JORA"],
            "category": "agreement",
        }
    ],
    "claims": [
        {
            "quote": "Portugal and Brazil signed the Joint Ocean Research Accord (JORA) on Friday",
            "date": "2022-03-04",
            "countries": ["BRA", "PRT"],
        }
    ],
}


def gold_doc(**changes) -> GoldDoc:
    """Return the hand-made gold with top-level fields replaced."""
    return GoldDoc.model_validate({**GOLD, **changes})


def at(text: str, quote: str, nth: int = 0) -> tuple[int, int]:
    """Return the span of the ``nth`` occurrence of ``quote`` in ``text``."""
    return find_quote_spans(text, quote)[nth]


def perfect(gold: GoldDoc, text: str, *, with_optional: bool = False) -> Prediction:
    """Return a prediction equal to the gold, each item on its quote's first occurrence."""

    def keep(items):
        return [i for i in items if with_optional or not i.optional]

    return Prediction(
        text=text,
        published=gold.published,
        countries=set(gold.countries),
        figures=[PredFigure(*at(text, f.quote), f.value, f.unit, f.qualifier, f.upper) for f in keep(gold.figures)],
        dates=[PredDate(*at(text, d.quote), d.value, d.relation) for d in keep(gold.dates)],
        programmes=[
            PredProgramme(*at(text, p.quote), p.name, tuple(p.aliases), p.category) for p in keep(gold.programmes)
        ],
        claims=[PredClaim(*at(text, c.quote), c.date) for c in keep(gold.claims)],
    )


def counts(report, category: str) -> tuple[int, int, int]:
    """Return (tp, fp, fn) of one category."""
    c = report.category(category)
    return c.tp, c.fp, c.fn


# --- the whole document -----------------------------------------------------------


def test_perfect_prediction_scores_one():
    gold = gold_doc()
    report = score([(gold, perfect(gold, TEXT))])
    out = report.to_dict()
    for category in ("figures", "dates", "programmes", "claims", "countries"):
        assert out[category]["precision"] == out[category]["recall"] == out[category]["f1"] == 1.0
    assert counts(report, "figures") == (5, 0, 0)
    assert counts(report, "dates") == (3, 0, 0)
    assert out["published"] == {"hits": 1, "total": 1, "rate": 1.0}
    assert out["figure_qualifier_accuracy"] == 1.0
    assert out["date_relation_accuracy"] == 1.0
    assert out["misses"] == out["spurious"] == out["unlocated_quotes"] == []


def test_to_dict_is_json_ready_with_stable_keys():
    gold = gold_doc()
    out = score([(gold, perfect(gold, TEXT))]).to_dict()
    json.dumps(out)
    assert {"figures", "dates", "programmes", "claims", "countries", "published"} <= out.keys()
    assert {"figure_qualifier_accuracy", "date_relation_accuracy", "misses", "spurious"} <= out.keys()
    assert set(out["figures"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}


def test_missed_figure_is_listed():
    gold = gold_doc()
    pred = perfect(gold, TEXT)
    pred = dataclasses.replace(pred, figures=[f for f in pred.figures if f.value != 120])
    report = score([(gold, pred)])
    assert counts(report, "figures") == (4, 0, 1)
    assert report.figures.recall == pytest.approx(0.8)
    assert report.figures.precision == 1.0
    assert [(m.category, m.doc, m.quote, m.expected) for m in report.misses] == [
        ("figures", "lisbon.txt", "More than 120 scientists", "120 scientists")
    ]


def test_spurious_figure_is_listed_with_its_text():
    gold = gold_doc()
    pred = perfect(gold, TEXT)
    extra = PredFigure(*at(TEXT, "the money"), 1, "money")
    pred = dataclasses.replace(pred, figures=[*pred.figures, extra])
    report = score([(gold, pred)])
    assert counts(report, "figures") == (5, 1, 0)
    assert report.figures.precision == pytest.approx(5 / 6)
    assert [(s.category, s.text, s.value) for s in report.spurious] == [("figures", "the money", "1 money")]


@pytest.mark.parametrize(
    ("pred_value", "expected"),
    [
        (120, (1, 0, 0)),
        (120.00001, (1, 0, 0)),  # within 1e-6 relative
        (120.01, (0, 1, 1)),
        (121, (0, 1, 1)),
        (12, (0, 1, 1)),
        (float("nan"), (0, 1, 1)),
    ],
)
def test_figure_value_must_agree(pred_value, expected):
    gold = gold_doc(figures=GOLD["figures"][:1])
    pred = Prediction(TEXT, figures=[PredFigure(*at(TEXT, "120 scientists"), pred_value, "scientists")])
    assert counts(score([(gold, pred)]), "figures") == expected


@pytest.mark.parametrize(
    ("gold_unit", "pred_unit", "matches"),
    [
        ("scientists", "scientist", True),
        ("scientists", "Scientists", True),
        ("scientists", "young foreign scientists", True),
        ("young scientists", "scientists", True),
        ("countries", "country", True),
        ("laboratories", "laboratory", True),
        ("people", "person", True),
        ("children", "child", True),
        ("women", "woman", True),
        ("doses", "dose", True),
        ("boxes", "box", True),
        ("churches", "church", True),
        ("buses", "bus", True),
        ("data", "data", True),
        ("percent", "%", True),
        ("percent", "per cent", True),
        ("meters", "metres", True),
        ("nanometres", "nanometers", True),
        ("nm", "nanometers", True),
        ("mm", "millimeters", True),
        ("nm", "millimeters", False),
        ("m²", "square meters", True),  # abbreviations of more than one word, or not ASCII
        ("km2", "square kilometres", True),
        ("kmph", "kilometers per hour", True),
        ("m²", "square kilometers", False),
        ("°C", "degrees Celsius", True),
        ("W", "watts", True),  # single letters that name one unit only
        ("L", "liters", True),
        ("m", "meters", True),  # as a unit, "m" is a length ("m" as million is a scale, no unit)
        ("t", "tonnes", True),
        ("m", "minutes", False),
        ("Gbit", "gigabits", True),
        ("EUR", "eur", True),
        ("scientists", "researchers", False),
        ("EUR", "USD", False),
        ("countries", "counties", False),
        ("projects", None, False),
        ("projects", "", False),
    ],
)
def test_unit_head_nouns(gold_unit, pred_unit, matches):
    assert unit_matches(gold_unit, f"5 {gold_unit}", pred_unit) is matches


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("countries", "country"),
        ("laboratories", "laboratory"),
        ("classes", "class"),
        ("churches", "church"),
        ("dishes", "dish"),
        ("boxes", "box"),
        ("projects", "project"),
        ("doses", "dose"),
        ("people", "person"),
        ("children", "child"),
        ("men", "man"),
        ("Women", "woman"),
        ("data", "data"),
        ("species", "species"),
        ("virus", "virus"),
        ("analysis", "analysis"),
        ("physics", "physics"),
        ("gas", "gas"),
        ("metres", "meter"),
        ("country", "country"),
    ],
)
def test_singular(word, expected):
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("unit", "head"),
    [
        ("young foreign scientists", "scientists"),
        ("Joint Laboratories", "laboratories"),
        ("%", "percent"),
        ("degrees Celsius", "°c"),
        ("°C", "°c"),
        ("(meters)", "meters"),
        ("  ", None),
        (None, None),
    ],
)
def test_head_noun(unit, head):
    assert head_noun(unit) == head


@pytest.mark.parametrize(
    ("quote", "unit", "heads"),
    [
        ("152 countries and regions", "countries", ["regions"]),
        ("more than thirty protocols and agreements", "protocols", ["agreements"]),
        ("100 countries and international organizations", "countries", ["organizations"]),
        ("12 universities or institutes in Peru", "universities", ["institutes"]),
        ("five labs, centres and parks", "labs", ["centres", "parks"]),
        ("nine projects from 17 countries", "projects", []),
        ("science parks with eight of them", "countries", []),
        ("40 countries", "countries", []),
    ],
)
def test_conjunct_heads(quote, unit, heads):
    assert conjunct_heads(unit, quote) == heads


@pytest.mark.parametrize(
    ("pred_unit", "expected"),
    [
        ("countries", (1, 0, 0)),
        ("regions", (1, 0, 0)),
        ("region", (1, 0, 0)),
        ("countries and regions", (1, 0, 0)),
        ("territories", (0, 1, 1)),
        ("scientists", (0, 1, 1)),
    ],
)
def test_countries_and_regions_accepts_either_conjunct(pred_unit, expected):
    gold = gold_doc(figures=[GOLD["figures"][1]])
    pred = Prediction(TEXT, figures=[PredFigure(*at(TEXT, "14 countries and regions"), 14, pred_unit)])
    assert counts(score([(gold, pred)]), "figures") == expected


def test_conjunct_is_not_accepted_when_not_in_the_gold_quote():
    gold = gold_doc(figures=[{**GOLD["figures"][1], "quote": "14 countries"}])
    pred = Prediction(TEXT, figures=[PredFigure(*at(TEXT, "14 countries"), 14, "regions")])
    assert counts(score([(gold, pred)]), "figures") == (0, 1, 1)


# --- optional items -------------------------------------------------------------------

OPTIONAL_FIGURE = {"quote": "3 field stations", "value": 3, "unit": "stations", "optional": True}


@pytest.mark.parametrize("n_predictions", [0, 1, 2])
def test_optional_gold_is_neither_required_nor_counted_against(n_predictions):
    gold = gold_doc(figures=[GOLD["figures"][0], OPTIONAL_FIGURE])
    required = PredFigure(*at(TEXT, "More than 120 scientists"), 120, "scientists", "more_than")
    optional = [PredFigure(*at(TEXT, "3 field stations"), 3, "stations")] * n_predictions
    report = score([(gold, Prediction(TEXT, figures=[required, *optional]))])
    assert counts(report, "figures") == (1, 0, 0)
    assert [m for m in report.misses + report.spurious if m.category == "figures"] == []


def test_prediction_matches_required_before_optional():
    required = {"quote": "3 field stations", "value": 3, "unit": "stations"}
    gold = gold_doc(figures=[{**OPTIONAL_FIGURE, "quote": "3 field"}, required])
    pred = Prediction(TEXT, figures=[PredFigure(*at(TEXT, "3 field"), 3, "stations")])
    assert counts(score([(gold, pred)]), "figures") == (1, 0, 0)


def test_optional_wrong_value_prediction_is_still_spurious():
    gold = gold_doc(figures=[OPTIONAL_FIGURE])
    pred = Prediction(TEXT, figures=[PredFigure(*at(TEXT, "3 field stations"), 4, "stations")])
    assert counts(score([(gold, pred)]), "figures") == (0, 1, 0)


# --- quotes, duplicates, one-to-one ---------------------------------------------------

TWICE = "In 2019 the lab opened. Funding rose in 2019 and two labs in Oslo joined two labs in Rome."


def test_find_quote_spans_keeps_every_occurrence():
    assert find_quote_spans(TWICE, "in 2019") == [(37, 44)]
    assert find_quote_spans(TWICE.lower(), "in 2019") == [(0, 7), (37, 44)]
    assert find_quote_spans("aaa", "aa") == [(0, 2), (1, 3)]
    assert find_quote_spans("abc", "") == []
    assert find_quote_spans("abc", "x") == []


def test_locate_quote_tolerates_white_space_only_as_fallback():
    assert locate_quote("a b\n\nc a b c", "a b c") == [(7, 12)]
    assert locate_quote("a b\n\nc", "a b c") == [(0, 6)]
    assert locate_quote("a bc", "a b c") == []


def test_duplicate_quote_second_occurrence_matches():
    text = TWICE.lower()
    gold = gold_doc(
        dates=[{"quote": "in 2019", "value": "2019"}],
        claims=[{"quote": "in 2019", "date": "2019"}],
    )
    second = at(text, "in 2019", 1)
    pred = Prediction(text, dates=[PredDate(*second, "2019")], claims=[PredClaim(second[0] - 5, second[1], "2019")])
    report = score([(gold, pred)])
    assert counts(report, "dates") == (1, 0, 0)
    assert counts(report, "claims") == (1, 0, 0)


def test_one_prediction_matches_one_gold_item():
    gold = gold_doc(figures=GOLD["figures"][:1])
    twin = PredFigure(*at(TEXT, "More than 120 scientists"), 120, "scientists", "more_than")
    report = score([(gold, Prediction(TEXT, figures=[twin, twin]))])
    assert counts(report, "figures") == (1, 1, 0)


def test_one_to_one_prefers_the_overlapping_gold_item():
    gold = gold_doc(
        figures=[
            {"quote": "two labs in Oslo", "value": 2, "unit": "labs"},
            {"quote": "two labs in Rome", "value": 2, "unit": "labs"},
        ]
    )
    pred = Prediction(TWICE, figures=[PredFigure(*at(TWICE, "two labs in Rome"), 2, "lab")])
    report = score([(gold, pred)])
    assert counts(report, "figures") == (1, 0, 1)
    assert [m.quote for m in report.misses if m.category == "figures"] == ["two labs in Oslo"]


def test_unlocated_gold_quote_is_reported_and_missed():
    gold = gold_doc(dates=[{"quote": "in 1999", "value": "1999"}])
    report = score([(gold, Prediction(TEXT, dates=[PredDate(0, 5, "1999")]))])
    assert counts(report, "dates") == (0, 1, 1)
    assert [(m.category, m.quote) for m in report.unlocated] == [("dates", "in 1999")]
    assert unlocated_quotes(gold, TEXT) == [("dates", "in 1999")]


# --- dates, claims ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "value", "expected"),
    [
        ("until 2027", "2027", (1, 0, 0)),
        ("2027", "2027", (1, 0, 0)),  # overlap is enough
        ("until", "2027", (1, 0, 0)),
        ("runs", "2027", (0, 1, 1)),  # adjacent: half-open spans do not overlap
        ("About 40%", "2027", (0, 1, 1)),
        ("until 2027", "2026", (0, 1, 1)),
        ("until 2027", None, (0, 1, 1)),
    ],
)
def test_date_needs_value_and_overlap(span, value, expected):
    gold = gold_doc(dates=[GOLD["dates"][2]])
    start, end = at(TEXT, span)
    if span == "runs":
        end += 1  # "runs " ends where "until" starts
    pred = Prediction(TEXT, dates=[PredDate(start, end, value, "until")])
    assert counts(score([(gold, pred)]), "dates") == expected


@pytest.mark.parametrize(
    ("evidence", "date", "expected"),
    [
        ("Portugal and Brazil signed", "2022-03-04", (1, 0, 0)),
        ("Accord (JORA) on Friday. More than", "2022-03-04", (1, 0, 0)),
        ("Lisbon, 4 March 2022 — Portugal", "2022-03-04", (1, 0, 0)),
        ("More than 120 scientists", "2022-03-04", (0, 1, 1)),
        ("Portugal and Brazil signed", "2022-03-05", (0, 1, 1)),
        ("Portugal and Brazil signed", None, (0, 1, 1)),
    ],
)
def test_claim_evidence_must_overlap_and_date_agree(evidence, date, expected):
    gold = gold_doc()
    pred = Prediction(TEXT, claims=[PredClaim(*at(TEXT, evidence), date)])
    assert counts(score([(gold, pred)]), "claims") == expected


# --- programmes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Newton Fund", "newton fund"),
        ("the  Newton\u00a0Fund\n", "newton fund"),
        ("“Sky Eye”", "sky eye"),
        ('"Sky Eye"', "sky eye"),
        ("China–Africa Plan", "china-africa plan"),
        ("China — Africa Plan", "china-africa plan"),
        ("Dodoma--Bergen Laboratory", "dodoma-bergen laboratory"),  # LaTeX's en dash, a run of two hyphens
        ("UK’s Newton Fund", "uk's newton fund"),
        ("**Newton Fund**", "newton fund"),
        ("Theory Fund", "theory fund"),
        ("THE FUND", "fund"),
        ("ＪＯＩＤＳ Strategic Fund", "joids strategic fund"),  # full-width letters are the same name
    ],
)
def test_normalize_name(name, key):
    assert normalize_name(name) == key


@pytest.mark.parametrize(
    ("name", "aliases", "expected"),
    [
        ("Joint Ocean Research Accord", (), (1, 0, 0)),
        ("the joint ocean research accord", (), (1, 0, 0)),
        ("JORA", (), (1, 0, 0)),  # a gold alias as the predicted name
        ("Ocean Accord", ("Joint Ocean Research Accord",), (1, 0, 0)),  # predicted alias = gold name
        ("Ocean Accord", ("jora",), (1, 0, 0)),  # alias = alias
        ("Joint Ocean Research", (), (0, 1, 1)),
        ("Ocean Accord", (), (0, 1, 1)),
    ],
)
def test_programme_name_or_alias_on_either_side(name, aliases, expected):
    gold = gold_doc()
    pred = Prediction(TEXT, programmes=[PredProgramme(0, 6, name, aliases)])
    assert counts(score([(gold, pred)]), "programmes") == expected


def test_programme_name_normalization_in_scoring():
    text = "The “China–Africa Science Plan” was renewed."
    gold = gold_doc(
        programmes=[{"quote": "China–Africa Science Plan", "name": "China–Africa Science Plan", "category": "plan"}]
    )
    pred = Prediction(text, programmes=[PredProgramme(0, 31, "The “China-Africa  Science Plan”")])
    assert counts(score([(gold, pred)]), "programmes") == (1, 0, 0)


@pytest.mark.parametrize(("merge", "expected"), [(False, (1, 1, 0)), (True, (1, 0, 0))])
def test_programme_repeated_mention(merge, expected):
    gold = gold_doc()
    pred = Prediction(
        TEXT,
        programmes=[
            PredProgramme(*at(TEXT, "Joint Ocean Research Accord"), "Joint Ocean Research Accord"),
            PredProgramme(*at(TEXT, "JORA"), "JORA"),
        ],
    )
    report = score([(gold, pred)], merge_programme_mentions=merge)
    assert counts(report, "programmes") == expected


# --- countries, published, accuracies ---------------------------------------------------


def test_country_sets_micro_summed_over_documents():
    first = gold_doc(countries=["BRA", "FRA", "PRT"])
    second = gold_doc(doc="other.txt", countries=["CHN"])
    report = score(
        [
            (first, Prediction(TEXT, countries={"BRA", "PRT", "USA"})),
            (second, Prediction(TEXT, countries=set())),
        ]
    )
    assert counts(report, "countries") == (2, 1, 2)
    assert report.countries.precision == pytest.approx(2 / 3)
    assert report.countries.recall == pytest.approx(0.5)
    misses = [(m.doc, m.expected) for m in report.misses if m.category == "countries"]
    assert misses == [("lisbon.txt", "FRA"), ("other.txt", "CHN")]
    assert [s.value for s in report.spurious if s.category == "countries"] == ["USA"]


def test_publication_date_hit_rate():
    pairs = [
        (gold_doc(published="2022-03-04"), Prediction(TEXT, published="2022-03-04")),
        (gold_doc(published="2022-03-04"), Prediction(TEXT, published="2022-03")),
        (gold_doc(published=None), Prediction(TEXT, published=None)),
        (gold_doc(published="2011"), Prediction(TEXT, published=None)),
    ]
    out = score(pairs).to_dict()
    assert out["published"] == {"hits": 2, "total": 4, "rate": 0.5}


def test_qualifier_and_relation_accuracy_on_matched_items_only():
    gold = gold_doc()
    pred = perfect(gold, TEXT)
    figures = list(pred.figures)
    figures[0] = dataclasses.replace(figures[0], qualifier="exact")  # gold: more_than
    figures[1] = dataclasses.replace(figures[1], value=15)  # unmatched: not compared
    dates = [dataclasses.replace(d, relation="by") if d.value == "2027" else d for d in pred.dates]
    report = score([(gold, dataclasses.replace(pred, figures=figures, dates=dates))])
    assert report.figure_qualifier.total == 4
    assert report.figure_qualifier_accuracy == pytest.approx(3 / 4)
    assert report.date_relation_accuracy == pytest.approx(2 / 3)
    assert {(m.category, m.expected, m.got) for m in report.mismatches} == {
        ("figure_qualifier", "more_than", "exact"),
        ("date_relation", "until", "by"),
    }


# --- empty documents --------------------------------------------------------------------

EMPTY = {"doc": "empty.txt", "published": None}


def test_empty_gold_and_empty_prediction_score_one():
    report = score([(GoldDoc.model_validate(EMPTY), Prediction(""))])
    for category in ("figures", "dates", "programmes", "claims", "countries"):
        assert report.category(category).f1 == 1.0
    assert report.figure_qualifier_accuracy is None and report.date_relation_accuracy is None
    assert report.published_rate == 1.0


def test_empty_gold_with_a_prediction_scores_zero():
    report = score([(GoldDoc.model_validate(EMPTY), Prediction("5 labs", figures=[PredFigure(0, 6, 5, "labs")]))])
    assert counts(report, "figures") == (0, 1, 0)
    assert report.figures.precision == 0.0 and report.figures.f1 == 0.0


def test_empty_prediction_scores_zero():
    report = score([(gold_doc(), Prediction(TEXT))])
    assert counts(report, "figures") == (0, 0, 5)
    assert report.figures.precision == 0.0 and report.figures.recall == 0.0 and report.figures.f1 == 0.0


def test_no_documents():
    out = score([]).to_dict()
    assert out["documents"] == 0 and out["figures"]["f1"] == 1.0
    assert out["published"]["rate"] is None


# --- loading gold files -------------------------------------------------------------------

GOOD_FILE = {"doc": "a.txt", "published": "2021", "figures": [{"quote": "5 labs", "value": 5, "unit": "labs"}]}


def write(folder: Path, name: str, content) -> None:
    """Write ``content`` (a str as is, anything else as JSON) to ``folder/name``."""
    text = content if isinstance(content, str) else json.dumps(content)
    (folder / name).write_text(text, encoding="utf-8")


def test_load_gold_dir_sorted_with_defaults(tmp_path):
    write(tmp_path, "b.json", {**GOOD_FILE, "doc": "b.txt"})
    write(tmp_path, "a.json", GOOD_FILE)
    write(tmp_path, "notes.md", "not gold")
    docs = load_gold_dir(tmp_path)
    assert [d.doc for d in docs] == ["a.txt", "b.txt"]
    figure = docs[0].figures[0]
    assert (figure.qualifier, figure.optional, figure.upper) == ("exact", False, None)
    assert docs[0].programmes == [] and docs[0].countries == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "invalid JSON"),
        ([1, 2], "schema"),
        ({"published": "2021"}, "doc"),
        ({**GOOD_FILE, "figures": [{"quote": "5 labs", "value": "five", "unit": "labs"}]}, "figures.0.value"),
        ({**GOOD_FILE, "figures": [{"quote": "5 labs", "value": 5, "unit": "labs", "qualifier": "many"}]}, "qualifier"),
        ({**GOOD_FILE, "figures": [{"quote": "5 labs", "value": 5, "unit": "labs", "optinal": True}]}, "optinal"),
        ({**GOOD_FILE, "figures": [{"quote": "", "value": 5, "unit": "labs"}]}, "quote"),
        ({**GOOD_FILE, "dates": [{"quote": "in May", "value": "May 2021"}]}, "dates.0.value"),
        ({**GOOD_FILE, "dates": [{"quote": "in May", "value": "2021-05", "relation": "around"}]}, "relation"),
        ({**GOOD_FILE, "published": "17/12/2021"}, "published"),
        ({**GOOD_FILE, "countries": ["US"]}, "countries"),
        ({**GOOD_FILE, "programmes": [{"quote": "X", "name": "X", "category": "club"}]}, "category"),
        ({**GOOD_FILE, "claims": [{"quote": "X", "date": "soon"}]}, "claims.0.date"),
    ],
)
def test_load_gold_dir_rejects_malformed_file(tmp_path, content, message):
    write(tmp_path, "a_good.json", {**GOOD_FILE, "doc": "good.txt"})
    write(tmp_path, "b_bad.json", content)
    with pytest.raises(GoldError) as err:
        load_gold_dir(tmp_path)
    assert "b_bad.json" in str(err.value)
    assert message in str(err.value)


def test_load_gold_dir_rejects_missing_empty_and_duplicate(tmp_path):
    with pytest.raises(GoldError, match="not a directory"):
        load_gold_dir(tmp_path / "nowhere")
    with pytest.raises(GoldError, match="no \\*.json"):
        load_gold_dir(tmp_path)
    write(tmp_path, "one.json", GOOD_FILE)
    write(tmp_path, "two.json", GOOD_FILE)
    with pytest.raises(GoldError, match="two.json.*already annotated in one.json"):
        load_gold_dir(tmp_path)


def test_load_gold_file_reads_one_file(tmp_path):
    write(tmp_path, "a.json", GOOD_FILE)
    assert load_gold_file(tmp_path / "a.json").published == "2021"


# --- robustness ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (" " * 1_000_000, "x y"),
        ("a " * 300_000, "a a b"),
        ("ab" * 300_000, "ba"),
        ("-" * 1_000_000, "- -"),
    ],
)
def test_quote_search_finishes_on_long_inputs(text, quote):
    started = time.perf_counter()
    spans = locate_quote(text, quote)
    assert isinstance(spans, list)
    assert time.perf_counter() - started < 5


def test_noun_helpers_accept_odd_input():
    odd = "\x00\u202e" + "A-" * 10_000 + " and , or ;"
    assert conjunct_heads("a", odd) == []
    assert conjunct_heads("labs", "3 labs and " + "x " * 100_000) == ["x"]
    assert normalize_name(odd) != ""
    assert same_noun("", "") is True
    assert singular("") == ""


# --- the shipped seed gold ----------------------------------------------------------------


def seed_pairs() -> list[tuple[GoldDoc, str]]:
    """Return every shipped gold document with its seed text."""
    return [(g, (SEED_TEXTS / g.doc).read_text(encoding="utf-8")) for g in load_gold_dir(SEED_GOLD)]


def test_seed_gold_quotes_are_exact_substrings():
    pairs = seed_pairs()
    assert len(pairs) >= 5
    not_found = [
        (gold.doc, category, item.quote)
        for gold, text in pairs
        for category in ("figures", "dates", "programmes", "claims")
        for item in gold.items(category)
        if not item.optional and not find_quote_spans(text, item.quote)
    ]
    assert not_found == []


def test_seed_gold_scores_one_against_itself():
    for with_optional in (False, True):
        report = score([(g, perfect(g, text, with_optional=with_optional)) for g, text in seed_pairs()])
        out = report.to_dict()
        assert [out[c]["f1"] for c in ("figures", "dates", "programmes", "claims", "countries")] == [1.0] * 5
        assert out["spurious"] == [] and out["misses"] == []


@pytest.mark.parametrize(("gold", "pred", "same"), [
    (33.33, 100 / 3, True),  # the gold writes a third rounded to two decimals
    (66.67, 200 / 3, True),
    (1.8e9, 1.8e9, True),
    (33.0, 100 / 3, False),  # a whole number is not a rounding of a third
    (33.33, 33.34, False),
    (0.25, 0.254, False),
])
def test_a_value_matches_as_rounded_in_gold(gold, pred, same):
    from sci_diplo.evaluate.scorer import same_value

    assert same_value(gold, pred) is same
