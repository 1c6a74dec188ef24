import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sci_diplo.identity import merge, norm_text, record_id
from tests.factories import figure, programme


@pytest.mark.parametrize(
    "a,b",
    [
        ("China’s “Sky Eye”", "China's \"Sky Eye\""),
        ("*Since China and the United States*", "Since China and the United States"),
        ("scientific and technological coop-\n\neration", "scientific and technological cooperation"),
        ("Mr. Deng and President\n\nCarter signed", "Mr. Deng and President Carter signed"),
        ("(770 - 476 BC)", "(770–476 BC)"),
        ("Dec\u200217\u2002,\u20022021", "Dec 17 , 2021"),
        ("The U.S. programme at the centre organised 40 per cent of the labour.",
         "The US program at the center organized 40% of the labor."),
        ("The E.U.-funded Neighbourhood dialogue analysed 12 %", "The EU-funded neighborhood dialog analyzed 12%"),
    ],
)
def test_norm_text_makes_reprints_agree(a, b):
    assert norm_text(a) == norm_text(b)


def test_norm_text_keeps_different_sentences_apart():
    assert norm_text("China partnered with thirty countries.") != norm_text("China partnered with forty countries.")
    for a, b in [("four hours of our tour", "for hours of or tor"), ("the US programme", "the UK programme"),
                 ("40% of grants", "40 of grants"), ("US and USA", "us and usa.")]:
        assert norm_text(a) != norm_text(b), (a, b)


@pytest.mark.parametrize("a,b", [
    ("U.S.-China Clean Energy Research Center", "US-China Clean Energy Research Centre"),
    ("Vietnam-U.S. Semiconductor Joint Laboratory", "Vietnam-US Semiconductor Joint Laboratory"),
    ("HySA Programme", "HySA program"),
    ("Global Research Organisation Partnership", "Global Research Organization Partnership"),
])
def test_a_programme_spelt_two_ways_has_one_key(a, b):
    from sci_diplo.normalize.programmes import programme_key

    assert programme_key(a) == programme_key(b)
    assert programme_key("Kenya-China Joint Laboratory") != programme_key("Kenya-Chile Joint Laboratory")


def test_record_id_is_stable_and_kind_prefixed():
    assert record_id("figure", 30.0, "countries") == record_id("figure", 30.0, "countries")
    assert record_id("figure", 30.0, "countries") != record_id("figure", 31.0, "countries")
    assert record_id("claim", "x")[0] == "c"


def test_merge_joins_mentions_of_the_same_fact_without_touching_inputs():
    a, b = figure(path="a.txt"), figure(path="b.txt")
    merged = merge([a, b])
    assert len(merged) == 1
    assert [m.path for m in merged[0].mentions] == ["a.txt", "b.txt"]
    assert len(a.mentions) == 1  # inputs unchanged


def test_merge_unites_programme_names_as_aliases():
    a = programme("Newton Fund", path="a.txt")
    b = programme("Newton Fund", path="b.txt", aliases=("UK-China Fund",))
    (merged,) = merge([a, b])
    assert merged.aliases == ["UK-China Fund"]
    assert len(merged.mentions) == 2


def test_merge_does_not_duplicate_a_mention_seen_twice():
    a = figure(path="a.txt")
    assert len(merge([a, a])[0].mentions) == 1


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab Z-\n\t_*’“—–ﬁ①e\u0301\u00a0\u2002\x1c\x85\u2028\u3000\u200b", max_size=30))
def test_norm_text_is_every_step_applied_in_turn(text):
    """norm_text skips the steps that cannot change a text; the result is that of all of them."""
    import unicodedata

    from sci_diplo.identity import EMPHASIS, HYPHEN_BREAK, QUOTE_PAIRS
    from sci_diplo.normalize.spelling import fold_spelling

    full = unicodedata.normalize("NFKC", text).translate(str.maketrans(dict(QUOTE_PAIRS)))
    full = re.sub(r"\s+", " ", EMPHASIS.sub("", HYPHEN_BREAK.sub("", full))).replace(" - ", "-")
    assert norm_text(text) == fold_spelling(full.strip().casefold())


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from("a- \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2028\u202f\u3000\u200b\ufeff"),
               max_size=12))
def test_one_space_is_the_white_space_regex(text):
    from sci_diplo.identity import one_space

    assert one_space(text) == re.sub(r"\s+", " ", text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a '\"-‘’“”–—‐‑é\u2002", max_size=20))
def test_plain_quotes_makes_every_quote_and_dash_plain(text):
    from sci_diplo.identity import QUOTE_PAIRS, plain_quotes

    assert plain_quotes(text) == text.translate(str.maketrans(dict(QUOTE_PAIRS)))
    assert not set(plain_quotes(text)) & {fancy for fancy, _ in QUOTE_PAIRS}


def _records(nlp, *texts, published=None):
    from sci_diplo.api import analyse
    from sci_diplo.sources import Source

    out = []
    for i, text in enumerate(texts):
        (a,) = analyse(nlp, [Source(f"d{i}.txt", text)], published[i] if published else None)
        out.append({(r.kind, getattr(r, "value", None)): r for r in a.records if r.kind != "programme"})
    return out


def test_reprints_that_differ_only_in_the_dateline_share_their_ids(nlp):
    lead = "Japan will donate 1.8 million doses of vaccine to Kenya, officials said on Tuesday."
    reuters, afp, ap, accra = _records(
        nlp, f"NAIROBI, March 5, 2025 (Reuters) — {lead}\n", f"Nairobi, March 5, 2025 (AFP) -- {lead}\n",
        f"NAIROBI, Kenya (AP) — March 5, 2025 — {lead}\n", f"ACCRA, Ghana, March 5, 2025 (AP) — {lead}\n")
    ids = [{k: r.id for k, r in recs.items()} for recs in (reuters, afp, ap, accra)]
    assert ids[0] == ids[1] == ids[2]  # the agency and the date's form are left out
    assert ids[3][("figure", 1_800_000)] != ids[0][("figure", 1_800_000)]  # another place: another story
    assert reuters[("figure", 1_800_000)].mentions[0].sentence.startswith("NAIROBI, March 5, 2025 (Reuters)")  # quoted whole


def test_a_relative_date_that_resolves_apart_makes_two_facts(nlp):
    sats = "Last month, China and Brazil agreed to build two more satellites."
    dec, jan = _records(nlp, sats, sats, published=["2024-12-31", "2025-01-01"])
    assert (dec[("figure", 2)].date.value, jan[("figure", 2)].date.value) == ("2024-11", "2024-12")
    assert dec[("figure", 2)].id != jan[("figure", 2)].id
    same_day, next_day = _records(nlp, "On Tuesday, Chile opened 3 labs.", "On Tuesday, Chile opened 3 labs.",
                                  published=["2025-03-06", "2025-03-07"])  # both the 4th: one fact
    assert same_day[("figure", 3)].id == next_day[("figure", 3)].id


def test_a_reprint_that_splits_a_paragraph_still_merges(nlp):
    wire = "Kenya opened a geothermal centre in 2023. It will train 300 engineers."
    web = "Kenya opened a geothermal centre in 2023.\n\nIt will train 300 engineers."
    a, b = _records(nlp, wire, web)
    assert a[("figure", 300)].id == b[("figure", 300)].id  # though only one infers Kenya


def test_a_sentence_that_names_its_country_and_date_keeps_its_id(nlp):
    from sci_diplo.identity import norm_text, record_id

    (recs,) = _records(nlp, "In March 2021, China and Russia signed 2 agreements.")
    sentence = "In March 2021, China and Russia signed 2 agreements."
    assert recs[("figure", 2)].id == record_id("figure", 2.0, "agreements", "exact", None, norm_text(sentence))
