"""Small record builders and corpora for tests (real values, no pipeline)."""

from __future__ import annotations

from pathlib import Path

from sci_diplo.identity import record_id
from sci_diplo.models import ClaimRecord, DateValue, FigureRecord, Mention, ProgrammeRecord
from sci_diplo.resources import seeds_dir


def mention(path: str = "a.txt", start: int = 0, end: int = 10, sentence: str = "A sentence.") -> Mention:
    return Mention(path=path, doc_id="d" + path, start=start, end=end, sentence=sentence)


def figure(value: float = 30, unit: str = "countries", path: str = "a.txt", sentence: str = "China partnered with 30 countries.",
           countries: tuple[str, ...] = ("CHN",), date: str | None = "2021") -> FigureRecord:
    return FigureRecord(
        id=record_id("figure", value, unit, sentence), mentions=[mention(path, sentence=sentence)],
        text=f"{value:g} {unit}", value=value, unit=unit, countries=list(countries),
        date=DateValue(value=date, relation="on", text=date or "") if date else None,
    )


def programme(name: str = "Newton Fund", path: str = "a.txt", aliases: tuple[str, ...] = ()) -> ProgrammeRecord:
    return ProgrammeRecord(id=record_id("programme", name.casefold()), mentions=[mention(path)], name=name,
                           aliases=list(aliases), category="fund", countries=["GBR"])


def claim(date: str = "2021-03", text: str = "In March 2021, China and Russia signed a memorandum.",
          path: str = "a.txt", countries: tuple[str, ...] = ("CHN", "RUS")) -> ClaimRecord:
    return ClaimRecord(id=record_id("claim", date, text), mentions=[mention(path, sentence=text)], text=text,
                       date=DateValue(value=date, relation="on", text="March 2021"), countries=list(countries))


def paragraph_corpus(folder: Path, documents: int) -> Path:
    """Write ``documents`` texts of three seed paragraphs each (``doc000.txt`` ...), so that
    documents share facts; return ``folder``."""
    paragraphs = [p for f in sorted(seeds_dir().glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")
                  if len(p.split()) > 8]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(documents):
        (folder / f"doc{i:03d}.txt").write_text("\n\n".join(paragraphs[(7 * i + k) % len(paragraphs)] for k in range(3)),
                                                encoding="utf-8")
    return folder
