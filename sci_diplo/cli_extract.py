"""The commands that read text (extract, annotate, eval): progress, summaries, exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sci_diplo import errors
from sci_diplo.run import Event, Settings, Summary, extract


class ProgressView:
    """Shows a run's events on stderr: a progress bar on a terminal, one line per problem."""

    def __init__(self, console: Console, quiet: bool) -> None:
        self.console = console
        self.progress = None
        if not quiet and console.is_terminal:
            self.progress = Progress(
                TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                TextColumn("{task.description}"), console=console, transient=True,
            )
        self.task = None

    def __enter__(self) -> ProgressView:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress:
            self.progress.stop()

    def __call__(self, event: Event) -> None:
        what, value = event
        if what == "total" and self.progress:
            self.task = self.progress.add_task("", total=value)
        elif what in ("done", "skipped") and self.progress and self.task is not None:
            self.progress.update(self.task, advance=1, description=Path(str(value)).name)
        elif what == "failed":
            self.console.print(f"[red]Error:[/red] {value}", soft_wrap=True)
        elif what == "warning":
            self.console.print(f"[yellow]Warning:[/yellow] {value}", soft_wrap=True)


def _count(n: int, noun: str) -> str:
    """Return "1 document", "3 documents"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary_line(s: Summary, store: Path) -> str:
    kinds = ", ".join(_count(s.facts[k], k) for k in ("figure", "programme", "claim"))
    workers = f" with {s.jobs} worker processes" if s.jobs > 1 and s.read else ""
    parts = [f"Read {_count(s.read, 'document')} ({s.skipped} unchanged, {len(s.failed)} failed) "
             f"in {s.seconds:.1f} s{workers}: {kinds}."]
    parts.append(f"Store {store} holds {_count(s.total_records, 'record')}.")
    if s.set_aside:
        parts.append(f"The old store was kept as {s.set_aside}.")
    if s.interrupted:
        parts.append("Interrupted: the documents finished before Ctrl-C are stored.")
    return " ".join(parts)


def run_extract(paths: list[str], settings: Settings, console: Console, quiet: bool) -> int:
    """Run ``scidip extract``; return its exit code."""
    try:
        with ProgressView(console, quiet) as view:
            summary = extract(paths, settings, view)
    except errors.SciDiploError as exc:
        console.print(f"[red]Error:[/red] {exc}", soft_wrap=True)
        return exc.exit_code
    except OSError as exc:
        console.print(f"[red]Error:[/red] {model_error(settings.model, exc)}", soft_wrap=True)
        return errors.EXIT_ERROR
    if not quiet:
        console.print(summary_line(summary, settings.store), soft_wrap=True)
    if summary.interrupted:
        return errors.EXIT_INTERRUPTED
    return errors.EXIT_PARTIAL if summary.failed else errors.EXIT_OK


def model_error(model: str | None, exc: OSError) -> str:
    if model:
        return f"cannot load spaCy pipeline {model!r}: is it installed? ({exc})"
    return str(exc)


def run_annotate(paths: list[str], fmt: str, published: str | None, model: str | None, console: Console) -> int:
    """Run ``scidip annotate``: one JSON object per document on stdout; return the exit code."""
    from sci_diplo.api import analyse
    from sci_diplo.pipeline import build_pipeline
    from sci_diplo.sources import iter_sources

    failed = 0

    def sources():
        nonlocal failed
        for item in iter_sources(paths):
            if isinstance(item, errors.InputError):
                failed += 1
                console.print(f"[red]Error:[/red] {item}", soft_wrap=True)
            else:
                for warning in item.warnings:  # as extract says them: "not UTF-8, read as cp1252"
                    console.print(f"[yellow]Warning:[/yellow] {warning}", soft_wrap=True)
                yield item

    try:
        nlp = build_pipeline(model)
    except OSError as exc:
        console.print(f"[red]Error:[/red] {model_error(model, exc)}", soft_wrap=True)
        return errors.EXIT_ERROR
    first = True
    if fmt == "json":
        sys.stdout.write("[")
    for analysis in analyse(nlp, sources(), published, records=False, spans=True):
        obj = {"path": analysis.info.path, "doc_id": analysis.info.doc_id,
               "published": analysis.info.published, "spans": analysis.spans}
        line = json.dumps(obj, ensure_ascii=False)
        sys.stdout.write((line + "\n") if fmt == "jsonl" else (("\n" if first else ",\n") + line))
        first = False
    if fmt == "json":
        sys.stdout.write("]\n" if first else "\n]\n")
    return errors.EXIT_PARTIAL if failed else errors.EXIT_OK


def run_eval(gold: Path, docs: Path, misses: bool, fmt: str, model: str | None, console: Console) -> int:
    """Run ``scidip eval``; return the exit code."""
    from sci_diplo.evaluate.runner import evaluate, render
    from sci_diplo.output import reader_console

    report = evaluate(gold, docs, model)
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        render(report, reader_console(), misses)
    return errors.EXIT_OK
