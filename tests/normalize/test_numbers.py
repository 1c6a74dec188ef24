"""Tests for the cardinal number rules: parse_number and find_numbers."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sci_diplo.normalize import numbers
from sci_diplo.normalize.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.8 billion", 1.8e9),
        ("thirty-three", 33),
        ("8,300", 8300),
        # Indian grouping: lakhs and crores
        ("12,50,000", 1_250_000),
        ("3,50,00,000", 35_000_000),
        ("1,00,000.50", 100_000.5),
        ("two hundred", 200),
        ("one hundred and twenty-five", 125),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("3 dozen", 36),
        ("1.5 million", 1.5e6),
        ("two-thirds", 2 / 3),
        ("two thirds", 2 / 3),
        ("three quarters", 0.75),
        ("a quarter", 0.25),
        ("half", 0.5),
        ("one and a half", 1.5),
        ("two and a half million", 2.5e6),
        ("3/4", 0.75),
        ("2 1/4", 2.25),
        ("1,234,567.89", 1234567.89),
        ("40 000", 40000),
        ("10K", 1e4),
        ("10k", 1e4),
        ("5bn", 5e9),
        ("3m", 3e6),
        ("2mil", 2e6),
        ("10 bln", 1e10),
        ("nil", 0),
        ("zero", 0),
        ("nought point five", 0.5),
        ("seventeen", 17),
        ("Ninety-nine", 99),
        ("two thousand and twenty-one", 2021),
        ("three hundred thousand", 3e5),
        ("4.5 trillion", 4.5e12),
        ("12 lakh", 1.2e6),
        ("2 crore", 2e7),
        ("322 hundred", 32200),
        ("nineteen hundred", 1900),
        ("a hundred", 100),
        ("one point five", 1.5),
        ("-12.5", -12.5),
        ("minus seven", -7),
        ("negative one over 20", -0.05),
        ("1e6", 1e6),
        (".5", 0.5),
        ("4.800", 4.8),
        ("  **42**  ", 42),
        ("one hundred thirty-fifths", 100 / 35),
        ("five billion and three quarters", 5.75e9),
    ],
)
def test_parse_number_values(text: str, value: float) -> None:
    got = parse_number(text)
    assert got is not None
    assert got == pytest.approx(value, rel=1e-9)
    assert isinstance(got, float)


@pytest.mark.parametrize(
    "text",
    ["dozens", "hundreds", "the third", "11th", "first", "hello", "", "   ", "5 cats", "95%",
     "1970s", "twenty-first", "COVID-19", "a", "one two"],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def _found(text: str) -> list[tuple[str, float]]:
    return [(text[m.start:m.end], round(m.value, 6)) for m in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China sent 1,200 doctors and two hundred nurses.", [("1,200", 1200), ("two hundred", 200)]),
        ("The budget rose 3.5 percent to 4.2 billion.", [("3.5", 3.5), ("4.2 billion", 4.2e9)]),
        ("the 11th round and the third session", []),
        ("It was the 1st, 2nd and 3rd time", []),
        ("two-thirds of members", [("two-thirds", 0.666667)]),
        ("temperatures of -5 degrees", [("-5", -5)]),
        ("Which one is better?", []),
        ("The one you mentioned is gone", []),
        ("They met one day in May", [("one", 1)]),
        ("about 30 000 people", [("30 000", 30000)]),
        ("1, 2, 3", [("1", 1), ("2", 2), ("3", 3)]),
        ("version 2.0.1", [("2", 2), ("0", 0), ("1", 1)]),
        ("the 5km race and a 180ml cup", []),
        ("between 5 and 10", [("5", 5), ("10", 10)]),
        ("a dozen eggs", [("a dozen", 12)]),
        ("one hundred and three quarters", [("one hundred and three quarters", 100.75)]),
        ("in the twenty-first century", []),
        ("add 2 1/4 cups", [("2 1/4", 2.25)]),
        ("on 5/17/2018", [("5", 5), ("17", 17), ("2018", 2018)]),
        ("see www.example.com/2021/report-5 now", []),
        ("nine point nought four", [("nine point nought four", 9.04)]),
        ("Twenty-six people came", [("Twenty-six", 26)]),
        ("a hold of a third of the budget", [("a third", 0.333333)]),
        ("hold a third round of talks", []),
        ("one out of three", [("one out of three", 0.333333)]),
        ("I earn $2000 over 3 years", [("2000", 2000), ("3", 3)]),
        ("3 hundred and 2 hundred", [("3 hundred", 300), ("2 hundred", 200)]),
        ("There are 12,567 words", [("12,567", 12567)]),
        ("Exercises 22,24,26,31.", [("22", 22), ("24", 24), ("26", 26), ("31", 31)]),
        ("he won five and a half million", [("five and a half million", 5.5e6)]),
        ("a $1.5-trillion plan, a 5-million-strong army", [("1.5-trillion", 1.5e12), ("5-million", 5e6)]),
    ],
)
def test_find_numbers(text: str, expected: list[tuple[str, float]]) -> None:
    assert _found(text) == [(t, pytest.approx(v, rel=1e-6)) for t, v in expected]


def test_find_numbers_offsets_are_half_open() -> None:
    text = "Over 8,300 young scientists"
    (m,) = find_numbers(text)
    assert (m.start, m.end, text[m.start:m.end]) == (5, 10, "8,300")


@pytest.mark.parametrize(
    "text",
    ["1," * 50_000, "9" * 1_000_000, "A-" * 200_000, "Aa " * 200_000, ". " * 200_000,
     "one-" * 10_000, "- 1" * 20_000, "1.1^" * 20_000, "http://" + "a1%" * 100_000,
     "\x00\u202e5\u00a0000 " * 20_000, "twenty-first " * 20_000, "2/3/" * 10_000],
)
def test_find_numbers_completes_on_pathological_input(text: str) -> None:
    out = find_numbers(text)
    assert all(0 <= m.start < m.end <= len(text) for m in out)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_find_numbers_never_raises(text: str) -> None:
    for m in find_numbers(text):
        assert 0 <= m.start < m.end <= len(text)
    parse_number(text)


# Pieces for texts that exercise the fast byte scan of numbers.tokens: digits
# with every kind of glue, number words, web addresses, non-ASCII letters,
# quotes and digits, and the chars whose lower case is ASCII ("K", Kelvin).
_SCAN_PIECES = ["one", "Two", "TEN", "twenty", "hundred", "first", "dozens", "lakh", "onet", "1", "23", "4,500",
                "3.5", ".5", "40 000", "5,00", "192.168.1.1", "10k", "5bn", "7km", "2 k", "RMB10", "e5", "^2",
                "9" * 400, "2020.", "http://x.com/12", "https://a1.b/two", "www.x9.org", "http", " ", "  ", "\n",
                "-", ",", ".", "/", "_", "é", "“", "٣", "３", "\u212a", "\u00a0", "\u202f"]


def _token_facts(text: str) -> list[tuple]:
    return [(t.kind, t.value, t.start, t.end, t.plural, t.text, t.is_int, t.sfx, t.fu, t.grouped, t.dcomma,
             t.spaced, t.ndigits) for t in numbers.tokens(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SCAN_PIECES), max_size=14).map("".join))
def test_fast_token_scan_agrees_with_the_regex_scan(text: str) -> None:
    expected = _token_facts(text)
    with mock.patch.object(numbers, "_scan_bytes", lambda _text: None):  # DIGIT_RE and WORD_RE over the text
        assert _token_facts(text) == expected


@pytest.mark.parametrize("text", ["İstanbul had firstſ 3 labs", "İ twenty-ſeven labs", "ſeven İ", "İ fıve labs", "\u212aelvin İ ſix"])
def test_letters_that_only_fold_to_ascii_never_raise(text):
    from sci_diplo.normalize.figures import find_figures

    for finder in (find_numbers, find_figures):
        assert all(0 <= m.start <= m.end <= len(text) for m in finder(text))
