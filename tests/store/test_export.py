"""Every export format round-trips its row count."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.dataset as ds
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Analysis
from dateline.store import export
from dateline.store.db import Store


def test_jsonl_round_trips_analyses(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    n = export.export_jsonl(store, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    analysed = store.db.execute("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL").fetchone()[0]
    assert n == len(lines) == analysed
    first = Analysis.from_dict(json.loads(lines[0]))
    assert first == store.analysis(first.article.id)


def test_parquet_partitioned_by_month(store: Store, tmp_path: Path) -> None:
    counts = export.export_parquet(store, tmp_path / "pq", batch=7)
    for kind in export.KINDS:
        assert counts[kind] == store.count(kind)
        if counts[kind]:
            assert ds.dataset(tmp_path / "pq" / kind, format="parquet", partitioning="hive").count_rows() == counts[kind]
    months = {p.name for p in (tmp_path / "pq" / "articles").iterdir()}
    assert "month=2023-03" in months and "month=unknown" in months


def test_csv_per_kind(store: Store, tmp_path: Path) -> None:
    counts = export.export_csv(store, tmp_path / "csv")
    for kind, n in counts.items():
        with (tmp_path / "csv" / f"{kind}.csv").open(newline="", encoding="utf-8") as fh:
            assert sum(1 for _ in csv.DictReader(fh)) == n == store.count(kind)


def test_plover_and_gdelt(store: Store, tmp_path: Path) -> None:
    n = export.export_plover(store, tmp_path / "events.jsonl")
    records = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert n == len(records) == store.count("events")
    rec = records[0]
    assert {"event", "mode", "source", "target", "text", "modality", "attributedTo", "url"} <= set(rec)
    g = export.export_gdelt(store, tmp_path / "events.tsv")
    with (tmp_path / "events.tsv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    assert rows[0] == export.GDELT_COLUMNS and len(rows) - 1 == g == store.count("events")
    assert all(r[11].isdigit() and len(r[11]) == 2 for r in rows[1:])  # CAMEO root codes


def test_export_command(store: Store, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "plover", "--out", str(tmp_path / "p.jsonl"),
                                      "--db", str(store.path)])
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "p.jsonl").read_text().splitlines()) == store.count("events")
