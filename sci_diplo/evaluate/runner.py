"""Run the pipeline over gold-annotated documents and score it (``scidip eval``)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from sci_diplo.errors import SciDiploError
from sci_diplo.evaluate.gold import GoldDoc, GoldError, load_gold_dir
from sci_diplo.evaluate.report import Report
from sci_diplo.evaluate.scorer import PredClaim, PredDate, PredFigure, PredProgramme, Prediction, score
from sci_diplo.models import ClaimRecord, ProgrammeRecord

CATEGORIES = ("figures", "dates", "programmes", "claims", "countries")


def predict(analysis) -> Prediction:
    """Return the scorer's view of one analysed document."""
    spans, records = analysis.spans, analysis.records
    return Prediction(
        text=analysis.source.text,
        published=analysis.info.published,
        countries=frozenset(s["code"] for s in spans if s["label"] == "COUNTRY"),
        figures=[PredFigure(s["start"], s["end"], s["value"], s["unit"], s["qualifier"] or "exact", s["upper"])
                 for s in spans if s["label"] == "FIGURE"],
        dates=[PredDate(s["start"], s["end"], s["value"], s["relation"] or "on")
               for s in spans if s["label"] == "DATE"],
        programmes=[PredProgramme(r.mentions[0].start, r.mentions[0].end, r.name, tuple(r.aliases), r.category)
                    for r in records if isinstance(r, ProgrammeRecord)],
        claims=[PredClaim(m.start, m.end, r.date.value)
                for r in records if isinstance(r, ClaimRecord) for m in r.mentions],
    )


def evaluate(gold_dir: Path, docs_dir: Path, model: str | None = None) -> Report:
    """Score the pipeline on every gold file in ``gold_dir`` against its document in ``docs_dir``.

    Raises SciDiploError when the gold folder is unreadable or a document is missing.
    """
    from sci_diplo.api import analyse
    from sci_diplo.pipeline import build_pipeline
    from sci_diplo.sources import read_file

    try:
        golds = load_gold_dir(gold_dir)
    except (GoldError, OSError) as exc:
        raise SciDiploError(str(exc)) from None
    if not golds:
        raise SciDiploError(f"no gold files (*.json) in {gold_dir}")
    sources = []
    for gold in golds:
        path = docs_dir / gold.doc
        if not path.is_file():
            raise SciDiploError(f"{path}: document of gold file {gold.doc} not found")
        sources.append(read_file(path, str(path)))
    nlp = build_pipeline(model)
    pairs: list[tuple[GoldDoc, Prediction]] = [
        (gold, predict(analysis)) for gold, analysis in zip(golds, analyse(nlp, sources, spans=True))
    ]
    return score(pairs)


def render(report: Report, console: Console, misses: bool = False) -> None:
    """Print the scores as a Rich table, and with ``misses`` every missed and spurious item."""
    table = Table(title=f"sci_diplo accuracy on {report.documents} documents", header_style="bold")
    for column in ("category", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right" if column != "category" else "left")
    for name in CATEGORIES:
        c = report.category(name)
        table.add_row(name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn))
    console.print(table)
    console.print(f"publication date: {report.published_hits}/{report.published_total} documents")
    for label, value in (("figure qualifier accuracy", report.figure_qualifier_accuracy),
                         ("date relation accuracy", report.date_relation_accuracy)):
        console.print(f"{label}: {'n/a' if value is None else f'{value:.3f}'}")
    if misses:
        for m in report.misses:
            console.print(f"[red]missed[/red]   {m.category:<10} {m.doc}: {m.quote!r} -> {m.expected}", soft_wrap=True)
        for s in report.spurious:
            console.print(f"[yellow]spurious[/yellow] {s.category:<10} {s.doc}: {s.text!r} -> {s.value}", soft_wrap=True)
        for m in report.mismatches:
            console.print(f"[magenta]mismatch[/magenta] {m.category:<10} {m.doc}: {m.quote!r} expected {m.expected}, got {m.got}", soft_wrap=True)
