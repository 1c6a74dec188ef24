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
    ],
)
def test_norm_text_makes_reprints_agree(a, b):
    assert norm_text(a) == norm_text(b)


def test_norm_text_keeps_different_sentences_apart():
    assert norm_text("China partnered with thirty countries.") != norm_text("China partnered with forty countries.")


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

    full = unicodedata.normalize("NFKC", text).translate(str.maketrans(dict(QUOTE_PAIRS)))
    full = re.sub(r"\s+", " ", EMPHASIS.sub("", HYPHEN_BREAK.sub("", full))).replace(" - ", "-")
    assert norm_text(text) == full.strip().casefold()


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
