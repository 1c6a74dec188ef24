"""The trigger positions of the date scanner (``dates_triggers.candidates``)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sci_diplo.normalize import dates_grammar as g
from sci_diplo.normalize.dates_triggers import candidates, project, trigger_end

WORDS = [w.lower() for w in g.ANY_CASE_TRIGGERS + g.CAPITAL_TRIGGERS] + ["q1", "h4", "fy"]


def reference(proj: bytes, lo: int, hi: int | None) -> list[int]:
    """The positions by their definition: a space or unknown byte, then a digit or an unknown
    byte, or a trigger word that no letter, digit or ``w`` follows, or "fy"; all within
    ``hi`` + 13 bytes (a trigger word reaches past ``hi``), the position itself below ``hi``."""
    words = "|".join(re.escape(w) + "(?![0-9a-zw])" for w in sorted(WORDS, key=len, reverse=True) if w != "fy")
    rx = re.compile(rb"[ ?](?=[0-9?]|fy|(?:" + words.encode() + rb"))")
    end = len(proj) if hi is None else min(len(proj), hi + 13)
    return [m.start() for m in rx.finditer(proj, lo, end) if hi is None or m.start() < hi]


PIECES = st.sampled_from(WORDS + ["sept", "mays", "fy2021", "2021", "The", "MARCH", "march’s", "“", "‘", "é",
                                  "Ω", "_", "x", " ", " ", "\n", ",", "-", "'", "?", "12", "ago1", "thisw"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=14), st.integers(0, 40), st.one_of(st.none(), st.integers(0, 60)))
def test_candidates_are_the_positions_the_definition_gives(pieces, lo, hi):
    text = "".join(pieces)
    proj = project(text)
    lo = min(lo, len(proj))
    assert candidates(proj, lo, hi) == reference(proj, lo, hi)


@settings(max_examples=1000, deadline=None)
@given(st.lists(PIECES, max_size=14))
def test_every_trigger_start_is_a_candidate(pieces):
    text = "".join(pieces)
    found = set(candidates(project(text)))
    assert {k for k in range(len(text)) if trigger_end(text, k) >= 0} <= found


def test_candidates_of_a_sentence():
    text = "On 5 March, FY2021 ended; last year’s “Q1” and this Sept. (not sept9 or marches)."
    found = candidates(project(text))
    # "“" is an unknown character (it may be a quote), and "Q1" follows it
    assert [text[k:k + 5] for k in found] == [
        "5 Mar", "March", "FY202", "last ", "“Q1” ", "Q1” a", "this ", "Sept."]
