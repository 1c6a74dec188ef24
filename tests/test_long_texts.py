"""A text longer than the pipeline reads at once is cut into pieces, at the best break in reach."""

import json

import pytest
from typer.testing import CliRunner

from sci_diplo.api import split_text
from sci_diplo.cli import app


def _cuts(text: str, limit: int) -> list[str]:
    pieces = split_text(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert [off for off, _ in pieces] == [sum(len(p) for _, p in pieces[:k]) for k in range(len(pieces))]
    assert all(len(p) <= limit for _, p in pieces)
    return [p for _, p in pieces]


@pytest.mark.parametrize(
    "text,first",
    [
        # a blank line in the second half of the window, before a line break or a sentence's end
        ("Aa bb. Cc dd.\n\nEe ff.\nGg hh. Ii jj kk ll mm", "Aa bb. Cc dd.\n\n"),
        # a line break, before a sentence's end
        ("Aa bb. Cc dd.\nEe ff. Gg hh. Ii jj kk ll mm", "Aa bb. Cc dd.\n"),
        # a sentence's end (after a closing quote too), before a space inside a sentence
        ("Aa bb cc dd ee. Ff gg hh ii jj kk ll mm nn", "Aa bb cc dd ee. "),
        ('Aa bb cc dd ee." Ff gg hh ii jj kk ll mm nn', 'Aa bb cc dd ee." '),
        ("Aa bb cc 2.5 dd ee ff gg hh ii jj kk ll mm", "Aa bb cc 2.5 dd ee ff "),
        # nothing but letters: anywhere
        ("x" * 50, "x" * 24),
    ],
)
def test_a_long_text_is_cut_at_the_best_break_in_the_second_half_of_the_window(text, first):
    assert _cuts(text, 24)[0] == first


def test_a_long_one_line_text_keeps_every_sentence_whole(tmp_path):
    sentence = "OSLO, 2 May 2024 - Norway and Brazil agreed to fund {} projects in March 2021. "
    text = "".join(sentence.format(i + 10) for i in range(1_600))  # 128,000 characters on one line
    path, store = tmp_path / "long.txt", tmp_path / "facts.json"
    path.write_text(text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(path), "--store", str(store), "-q"]).exit_code == 0
    result = runner.invoke(app, ["facts", "--store", str(store), "--kind", "figure", "--format", "json"])
    figures = json.loads(result.stdout)
    assert sorted(r["value"] for r in figures) == list(range(10, 1_610))
    # a sentence cut in two would leave a figure with one of the countries of its sentence
    assert {tuple(r["countries"]) for r in figures} == {("BRA", "NOR")}
    assert {m["sentence"] for r in figures for m in r["mentions"]} == {
        sentence.format(i + 10).strip() for i in range(1_600)}


def test_a_long_text_is_read_once_and_its_pieces_keep_their_entities(nlp, monkeypatch):
    from sci_diplo import api
    from sci_diplo.sources import Source

    calls = []
    real = api.readable_runs
    monkeypatch.setattr(api, "readable_runs", lambda text: calls.append(len(text)) or real(text))
    filler = "Kenya and Japan met again.\n\n" * 4_000  # 112,000 characters: two pieces
    text = "NAIROBI, March&nbsp;4, 2024 — " + filler + "Japan gave &euro;25&nbsp;million to Kenya.\n"
    (analysis,) = api.analyse(nlp, [Source("long.txt", text)])
    assert calls == [len(text)] and analysis.pieces == 2
    assert analysis.info.published == "2024-03-04"
    (figure,) = [r for r in analysis.records if r.kind == "figure"]
    (mention,) = figure.mentions
    assert (figure.value, figure.unit) == (25_000_000, "EUR")
    assert text[mention.start:mention.end] == "&euro;25&nbsp;million"
    assert mention.sentence == "Japan gave &euro;25&nbsp;million to Kenya."
