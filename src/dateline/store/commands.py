"""`dateline ingest`, `dateline query …` and `dateline export`: the corpus commands."""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dateline.errors import DatelineError

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
query_app = typer.Typer(help="Query a dateline store.", no_args_is_help=True)

DbOpt = Annotated[Path, typer.Option("--db", help="SQLite store file.")]


class Fmt(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFmt(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"
    plover = "plover"
    gdelt = "gdelt"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="table, json or csv.")]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, max=100_000, help="Rows at most.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip.")]


def _fail(exc: DatelineError) -> None:
    err.print(f"[bold red]error[/]: {exc}", highlight=False)
    raise typer.Exit(2) from exc


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or http(s) feed/page URLs.")],
    db: DbOpt = Path("dateline.db"),
    workers: Annotated[int, typer.Option("--workers", min=1, help="Parsing processes.")] = 1,
    input_format: Annotated[str | None, typer.Option("--input-format", help="Skip sniffing.")] = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor dictionary (TSV).")] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="local processes or a Dask cluster.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address.")] = None,
    parquet_out: Annotated[Path | None, typer.Option("--parquet-out", help="Dask: also write Parquet here.")] = None,
) -> None:
    """Analyse and store articles; re-running adds nothing already stored (exit 1 if any input failed)."""
    from dateline.engine.local import ingest, iter_inputs
    from dateline.pipeline import Options
    from dateline.store.db import Store

    options = Options(actor_files=tuple(str(a) for a in actors or []))
    started = time.perf_counter()
    try:
        store = Store(db)
    except DatelineError as exc:
        _fail(exc)
        return
    with store:
        if engine is Engine.dask:
            from dateline.engine.dask import ingest_dask

            report = ingest_dask(store, iter_inputs(paths, input_format), options, scheduler=scheduler,
                                 workers=workers, parquet_out=parquet_out)
        else:
            columns = (TextColumn("[bold]ingest"), BarColumn(bar_width=None),
                       TextColumn("{task.fields[stored]} stored, {task.fields[dups]} duplicates, "
                                  "{task.fields[skipped]} already there, {task.fields[errors]} errors, "
                                  "{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn())
            with Progress(*columns, console=err, transient=False, disable=not err.is_terminal) as progress:
                task = progress.add_task("ingest", total=None, stored=0, dups=0, skipped=0, errors=0, rate=0.0)

                def tick(r) -> None:  # noqa: ANN001 - IngestReport
                    done = r.stored + r.duplicates + r.skipped
                    progress.update(task, completed=done, stored=r.stored, dups=r.duplicates, skipped=r.skipped,
                                    errors=len(r.errors), rate=done / max(1e-6, time.perf_counter() - started))

                report = ingest(store, iter_inputs(paths, input_format), options, workers=workers, progress=tick)
    elapsed = time.perf_counter() - started
    for e in report.errors:
        err.print(f"[bold red]error[/]: {e.source}: {e.problem}", highlight=False)
    err.print(f"{report.stored} stored, {report.duplicates} near-duplicates linked, {report.skipped} already stored, "
              f"{len(report.errors)} errors in {elapsed:.1f} s ({db})", highlight=False)
    if report.errors:
        raise typer.Exit(1)


def export_command(
    format: Annotated[ExportFmt, typer.Option("--format", "-f", help="jsonl, parquet, csv, plover or gdelt.")],
    out_path: Annotated[Path, typer.Option("--out", help="Output file (jsonl, plover, gdelt) or folder.")],
    db: DbOpt = Path("dateline.db"),
) -> None:
    """Stream the store to a file or folder."""
    from dateline.store import export
    from dateline.store.db import existing_store

    try:
        with existing_store(db) as store:
            fn = {ExportFmt.jsonl: export.export_jsonl, ExportFmt.parquet: export.export_parquet,
                  ExportFmt.csv: export.export_csv, ExportFmt.plover: export.export_plover,
                  ExportFmt.gdelt: export.export_gdelt}[format]
            result = fn(store, out_path)
    except DatelineError as exc:
        _fail(exc)
        return
    err.print(f"exported {result} to {out_path}", highlight=False)


def _emit(rows: list[dict], fmt: Fmt, columns: list[str], title: str) -> None:
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt is Fmt.csv:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: (json.dumps(v) if isinstance(v, list | dict) else v) for k, v in r.items()})
        sys.stdout.write(buf.getvalue())
        return
    table = Table(title=f"{title}: {len(rows)} rows", title_justify="left")
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*(_cell(r.get(c)) for c in columns))
    out.print(table)


def _cell(v: object) -> str:
    from rich.markup import escape

    if v is None:
        return "—"
    if isinstance(v, list):
        return escape("; ".join(f"{a.get('text')} [{a.get('country') or '?'} {a.get('sector') or '?'}]" for a in v))
    return escape(str(v))


def _open(db: Path):  # noqa: ANN202
    from dateline.store.db import existing_store

    return existing_store(db)


@query_app.command("quotes")
def q_quotes(speaker: Annotated[str | None, typer.Option("--speaker")] = None,
             about: Annotated[str | None, typer.Option("--about", help="Full-text search in the quote.")] = None,
             db: DbOpt = Path("dateline.db"), format: FmtOpt = Fmt.table, limit: LimitOpt = 50,
             offset: OffsetOpt = 0) -> None:
    """Quotes, by speaker name and/or words said."""
    from dateline.store import query

    try:
        with _open(db) as store:
            rows = query.quotes(store, speaker, about, query.Page(limit, offset))
    except DatelineError as exc:
        _fail(exc)
        return
    _emit(rows, format, ["published", "outlet", "speaker_name", "speaker_kind", "speaker_text", "kind", "cue", "text"],
          "quotes")


@query_app.command("speakers")
def q_speakers(name: Annotated[str | None, typer.Option("--name", help="Words of the speaker's name.")] = None,
               db: DbOpt = Path("dateline.db"), format: FmtOpt = Fmt.table, limit: LimitOpt = 50,
               offset: OffsetOpt = 0) -> None:
    """Speakers across the corpus (one row per person or organisation, accents folded) with quote counts."""
    from dateline.store import query

    try:
        with _open(db) as store:
            rows = query.speakers(store, name, query.Page(limit, offset))
    except DatelineError as exc:
        _fail(exc)
        return
    for row in rows:
        row["names"] = "; ".join(row["names"])
    _emit(rows, format, ["speaker_key", "quotes", "articles", "names"], "speakers")


@query_app.command("events")
def q_events(type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
             actor: Annotated[str | None, typer.Option("--actor", help="Country or sector code, or name.")] = None,
             country: Annotated[str | None, typer.Option("--country", help="Place country (ISO alpha-2).")] = None,
             since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD")] = None,
             until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD")] = None,
             db: DbOpt = Path("dateline.db"), format: FmtOpt = Fmt.table, limit: LimitOpt = 50,
             offset: OffsetOpt = 0) -> None:
    """Events by type, actor, place country and date."""
    from dateline.store import query

    try:
        with _open(db) as store:
            rows = query.events(store, type, actor, country, since, until, page=query.Page(limit, offset))
    except DatelineError as exc:
        _fail(exc)
        return
    _emit(rows, format, ["date", "type", "mode", "source", "target", "modality", "attributed_name", "place_name",
                         "trigger", "outlet"], "events")


@query_app.command("search")
def q_search(text: str, db: DbOpt = Path("dateline.db"), format: FmtOpt = Fmt.table, limit: LimitOpt = 50,
             offset: OffsetOpt = 0) -> None:
    """Full-text search over articles."""
    from dateline.store import query

    try:
        with _open(db) as store:
            rows = query.search(store, text, query.Page(limit, offset))
    except DatelineError as exc:
        _fail(exc)
        return
    _emit(rows, format, ["published", "outlet", "title", "snippet", "id"], "articles")


@query_app.command("stats")
def q_stats(db: DbOpt = Path("dateline.db"), format: FmtOpt = Fmt.table) -> None:
    """Counts of articles, stories, records and errors."""
    from dateline.store import query

    try:
        with _open(db) as store:
            s = query.stats(store)
    except DatelineError as exc:
        _fail(exc)
        return
    if format is Fmt.json:
        sys.stdout.write(json.dumps(s, indent=2) + "\n")
        return
    rows = [{"figure": k, "value": json.dumps(v) if isinstance(v, dict) else v} for k, v in s.items()]
    _emit(rows, format, ["figure", "value"], "stats")


@query_app.command("outlets")
def q_outlets(outlet: Annotated[str | None, typer.Option("--outlet", help="Profile this outlet.")] = None,
              db: DbOpt = Path("dateline.db"), format: FmtOpt = Fmt.table) -> None:
    """Outlets, or one outlet's framing profile: labels, loaded-language rate, attribution balance."""
    from dateline.store import query

    try:
        with _open(db) as store:
            if outlet is None:
                rows = query.outlets(store)
                _emit(rows, format, ["outlet", "articles", "duplicates", "first", "last"], "outlets")
                return
            profile = query.outlet_profile(store, outlet)
    except DatelineError as exc:
        _fail(exc)
        return
    if format is Fmt.json:
        sys.stdout.write(json.dumps(profile, indent=2, ensure_ascii=False) + "\n")
        return
    out.print(f"[bold]{profile['outlet']}[/]: {profile['articles']} articles, {profile['words']} words, "
              f"{profile['loaded_per_1000_words']} loaded words per 1,000 outside quotations, "
              f"loaded labels {profile['loaded_label_share']:.0%}", highlight=False)
    out.print("attribution balance: " + ", ".join(f"{k} {v:.0%}" for k, v in profile["attribution_balance"].items()))
    _emit(profile["labels"], format, ["entity", "label", "class", "count"], "labels")


def serve_command(
    db: DbOpt = Path("dateline.db"),
    host: Annotated[str, typer.Option("--host", help="Interface to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option("--token", envvar="DATELINE_TOKEN",
                                              help="Token for write endpoints (POST /api/analyze).")] = None,
) -> None:
    """Serve the web app and REST API over a store."""
    import uvicorn

    from dateline.store.db import existing_store
    from dateline.web.app import create_app

    try:
        existing_store(db).close()
    except DatelineError as exc:
        _fail(exc)
        return
    err.print(f"serving {db} on http://{host}:{port} (API docs at /docs)", highlight=False)
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")
