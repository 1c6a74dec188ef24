"""One spelling for the words that house styles write two ways (record ids only)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sci_diplo.normalize.spelling import fold_spelling


@pytest.mark.parametrize("british,american", [
    ("the programme at the centre", "the program at the center"),
    ("labour and neighbourhood ties, honoured", "labor and neighborhood ties, honored"),
    ("the organisation organised and analysed it", "the organization organized and analyzed it"),
    ("defence and licence fees for 5 kilometres", "defense and license fees for 5 kilometers"),
    ("the u.s.-china and e.u.-funded dialogue", "the us-china and eu-funded dialog"),
    ("40 per cent, 41 percent and 42 %", "40%, 41% and 42%"),
    ("(programme) travelled", "(program) traveled"),
])
def test_both_spellings_fold_alike(british, american):
    assert fold_spelling(british) == fold_spelling(american)


@pytest.mark.parametrize("text", ["four hours of our tour", "it rises, he uses it, she is wise", "the usa and us"])
def test_words_of_one_spelling_are_left_alone(text):
    assert fold_spelling(text) == text


@given(st.lists(st.sampled_from(["programme", "centre", "labour", "organise", "u.s.", "per", "cent", "40%", "four",
                                 "rise", "the", "(centre)", "e.u.-funded", "is", "analyse"]), max_size=12).map(" ".join))
def test_folding_is_idempotent(text):
    once = fold_spelling(text)
    assert fold_spelling(once) == once


def test_every_word_of_two_spellings_passes_the_quick_test_before_its_pattern():
    from sci_diplo.normalize.spelling import _WORD_HINTS, WORDS

    assert all(any(h in word for h in _WORD_HINTS) for word in WORDS)
    assert all(fold_spelling(word) == folded for word, folded in WORDS.items())
