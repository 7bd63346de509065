"""The `dateline` command line: analyze, ingest, query, export, eval, serve."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dateline.errors import DatelineError, InputError
from dateline.ingest import FORMATS, iter_files, read_path
from dateline.model import Article

app = typer.Typer(
    help="dateline: who said what, who did what to whom, where and when, and how the outlet framed it.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """dateline reads news articles into provenance-linked records."""
    if version:
        from dateline import __version__

        out.print(f"dateline {__version__}")
        raise typer.Exit()


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


ActorsOpt = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor dictionary (TSV, format of data/actors.tsv); repeatable."),
]
InputFormatOpt = Annotated[
    str | None, typer.Option("--input-format", help=f"Skip sniffing; one of: {', '.join(FORMATS)}.")
]


def report_error(exc: InputError) -> None:
    """One clear line per bad input: the file and the problem."""
    err.print(f"[bold red]error[/]: {exc.source}: {exc.problem}", highlight=False)


def actor_tuple(actors: list[Path] | None) -> tuple[str, ...]:
    return tuple(str(p) for p in actors or [])


@app.command()
def analyze(
    files: Annotated[list[Path], typer.Argument(help="Article files or directories.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="json: one object per line; table.")] = (
        OutputFormat.json
    ),
    input_format: InputFormatOpt = None,
    actors: ActorsOpt = None,
) -> None:
    """Analyse articles and print their records (exit 1 if any input failed)."""
    from dateline.pipeline import Options, analyze_many

    failures = 0

    def articles() -> Iterator[Article]:  # read lazily: results stream out while later files are read
        nonlocal failures
        for path in iter_files(files):
            for item in read_path(path, input_format):
                if isinstance(item, InputError):
                    report_error(item)
                    failures += 1
                    continue
                for note in item.notes:
                    err.print(f"[yellow]warning[/]: {item.source}: {note}", highlight=False)
                yield item

    try:
        options = Options(actor_files=actor_tuple(actors))
        for analysis in analyze_many(articles(), options, keep_going=True):
            if analysis.failed:
                report_error(InputError(analysis.article.source or analysis.article.id, analysis.failed))
                failures += 1
                continue
            if format is OutputFormat.json:
                sys.stdout.write(analysis.to_json() + "\n")
            else:
                from dateline.render import render_analysis

                render_analysis(out, analysis)
    except DatelineError as exc:
        err.print(f"[bold red]error[/]: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    if failures:
        raise typer.Exit(1)


def _register_subcommands() -> None:
    from dateline.eval.cli import eval_app
    from dateline.store.commands import export_command, ingest_command, query_app, serve_command

    app.command("ingest")(ingest_command)
    app.command("serve")(serve_command)
    app.command("export")(export_command)
    app.add_typer(query_app, name="query")
    app.add_typer(eval_app, name="eval")


_register_subcommands()




__all__ = ["app", "report_error"]
