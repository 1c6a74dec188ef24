"""The ``scidip`` command line: thin commands over the library.

Machine output goes straight to stdout; messages, warnings and progress go to
stderr. Library errors become one ``Error: ...`` line and an exit code here,
and nowhere else. spaCy is imported only by the commands that read text.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from sci_diplo import errors
from sci_diplo.formats import Format, choose

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="scidip",
    help="Turn texts about science and technology diplomacy into validated, queryable facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain Click help: the rich renderer costs ~0.2 s of start-up
)


@cache
def err() -> Console:
    """Return the stderr console (Rich is imported on first use: ``facts`` into a pipe never needs it)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


DEFAULT_STORE = Path("data/facts.json")

StoreOpt = Annotated[
    Path,
    typer.Option("--store", envvar="SCIDIP_STORE", help="The JSON store file.", show_default=True),
]
ModelOpt = Annotated[
    Optional[str],
    typer.Option("--model", help="An installed trained spaCy pipeline to run our components on (default: none needed)."),
]
PublishedOpt = Annotated[
    Optional[str],
    typer.Option("--published", help="Publication date (YYYY[-MM[-DD]]) for inputs whose text and sidecar give none."),
]


def fail(exc: errors.SciDiploError) -> typer.Exit:
    """Print ``Error: ...`` for ``exc`` on stderr and return the Exit to raise."""
    err().print(f"[red]Error:[/red] {exc}", markup=True, soft_wrap=True)
    return typer.Exit(exc.exit_code)


@contextmanager
def to_reader() -> Iterator[None]:
    """Write to stdout, and end with status 0 if its reader stops early (``scidip facts | head``).

    The reader took what it asked for, so that is success, not the failure (1) that Click
    reports for a broken pipe. The rest of the output goes to the null device, so that the
    final flush does not fail again.
    """
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
        raise typer.Exit(errors.EXIT_OK) from None


def shown_path(path: Path) -> str:
    """Return ``path`` relative to the current folder when it lies inside it (as a user would type it)."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_published(value: str | None) -> str | None:
    if value is None:
        return None
    from sci_diplo.normalize.dates import parse_date_value

    parsed = parse_date_value(value)
    if parsed is None:
        raise fail(errors.UsageError(f"cannot read --published {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD"))
    return parsed


@app.command()
def extract(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, folders (.txt, .md, recursively) or - for stdin. Default: the seed corpus.")] = None,
    store: StoreOpt = DEFAULT_STORE,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, show_default=False,
        help="Worker processes. Default: one per core, at most 8 and at most one per 32 documents "
             "(so 1 below 64 documents); 1 with --model.")] = None,
    published: PublishedOpt = None,
    model: ModelOpt = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start a new store; a damaged old one is kept beside it.")] = False,
    lock_timeout: Annotated[float, typer.Option("--lock-timeout", min=0, help="Seconds to wait for another scidip using the store.")] = 60.0,
    checkpoint: Annotated[float, typer.Option("--checkpoint-every", min=0, help="Seconds between saves of finished documents (or ten times as long as the last save took, if longer).")] = 30.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Read texts and store their facts (figures, programmes, dated claims)."""
    from sci_diplo.cli_extract import run_extract
    from sci_diplo.resources import seeds_dir
    from sci_diplo.run import Settings

    settings = Settings(store=store, jobs=jobs, published=check_published(published), model=model,
                        rebuild=rebuild, lock_timeout=lock_timeout, checkpoint_seconds=checkpoint)
    code = run_extract(paths or [shown_path(seeds_dir())], settings, err(), quiet)
    raise typer.Exit(code)


@app.command()
def facts(
    country: Annotated[Optional[list[str]], typer.Option("--country", "-c", help="Country name, code or demonym (repeatable).")] = None,
    kind: Annotated[Optional[list[str]], typer.Option("--kind", "-k", help="figure, programme or claim (repeatable).")] = None,
    programme: Annotated[Optional[str], typer.Option("--programme", help="Programmes whose name contains TEXT, and claims naming them.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Facts dated on or after this date.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Facts dated on or before this date.")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Only mentions from this file or folder.")] = None,
    search: Annotated[Optional[str], typer.Option("--search", help="Facts whose text or sentence contains TEXT.")] = None,
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="Output format (default: table on a terminal, json in a pipe).")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Query the stored facts."""
    from sci_diplo import storedata
    from sci_diplo.output import write_records
    from sci_diplo.query import Filters, country_code, day_bound, prefilter, selected

    try:
        kinds = tuple(_kind(k) for k in kind or ())
        for name, value in (("--programme", programme), ("--search", search), ("--source", source)):
            if value is not None and not value.strip():
                raise errors.UsageError(f"{name} is empty; give the text to look for")
        filters = Filters(
            countries=tuple(country_code(c) for c in country or []), kinds=kinds,
            programme=programme, since=day_bound(since, last=False) if since else None,
            until=day_bound(until, last=True) if until else None, source=source, search=search,
        )
        if not store.exists():
            raise errors.StoreError(f"no store at {store}: run `scidip extract` first (or pass --store)")
        data = storedata.read(store, prefilter(filters))  # plain data: no record is built as a model
    except errors.SciDiploError as exc:
        raise fail(exc) from None
    # Written as they are selected: a broad query over a large store holds a block of records at a time.
    with to_reader():
        write_records(selected(data, filters), choose(fmt, sys.stdout.isatty()), sys.stdout, data)


def _kind(name: str) -> str:
    """Return the record kind ``name`` asks for ("Figure" and "figures" are "figure"); raise UsageError."""
    from sci_diplo.storedata import KINDS

    key = name.strip().casefold()
    key = key if key in KINDS else key.removesuffix("s")
    if key not in KINDS:
        raise errors.UsageError(f"unknown kind {name!r}; use one of {', '.join(KINDS)}")
    return key


@app.command()
def annotate(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (one object per document) or json.")] = "jsonl",
    published: PublishedOpt = None,
    model: ModelOpt = None,
) -> None:
    """Print each document's DATE, FIGURE, PROGRAMME and COUNTRY spans with normalized values."""
    from sci_diplo.cli_extract import run_annotate

    if fmt not in ("jsonl", "json"):
        raise fail(errors.UsageError(f"unknown format {fmt!r}; use jsonl or json"))
    with to_reader():
        code = run_annotate(paths, fmt, check_published(published), model, err())
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the records."""
    from sci_diplo.models import records_json_schema

    with to_reader():
        sys.stdout.write(json.dumps(records_json_schema(), indent=2) + "\n")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold JSON files (SCHEMA.md format).")] = None,
    docs: Annotated[Optional[Path], typer.Option("--docs", help="Folder of the documents (default: the seed corpus).")] = None,
    misses: Annotated[bool, typer.Option("--misses", help="List every missed and every spurious item.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    model: ModelOpt = None,
) -> None:
    """Score the pipeline against gold annotations."""
    from sci_diplo.cli_extract import run_eval
    from sci_diplo.resources import gold_dir, seeds_dir

    if fmt not in ("table", "json"):
        raise fail(errors.UsageError(f"unknown format {fmt!r}; use table or json"))
    try:
        with to_reader():
            code = run_eval(gold or gold_dir(), docs or seeds_dir(), misses, fmt, model, err())
    except errors.SciDiploError as exc:
        raise fail(exc) from None
    raise typer.Exit(code)


def main() -> None:
    """Console-script entry point."""
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    try:
        app()
        code = 0
    except SystemExit as exc:  # how Typer ends every command
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    # Leave without tearing the interpreter down: freeing a large store's objects one by one
    # took 40-60 ms of `scidip facts`, and the system frees the memory at once. Nothing of
    # ours waits for exit (files are closed and renamed, worker pools ended, locks released
    # with the process), so only the output needs flushing.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`) or stream: Click has reported it
            code = code or 1
    os._exit(code)
