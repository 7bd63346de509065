"""`dateline analyze` output in both formats."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline.cli import app
from helpers import ARTICLES

runner = CliRunner()


def test_analyze_json_one_object_per_article() -> None:
    result = runner.invoke(app, ["analyze", str(ARTICLES / "atlanta.jsonl")])
    assert result.exit_code == 0, result.stderr
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objs) == 2
    assert set(objs[0]) == {"article", "entities", "quotes", "events", "places", "times", "frames", "balance"}
    assert objs[0]["article"]["outlet"] == "Southern Ledger"
    assert objs[0]["article"]["dateline"]["agency"] == "AP"


def test_analyze_table_renders_card_and_tables() -> None:
    result = runner.invoke(app, ["analyze", "--format", "table", str(ARTICLES / "delhi.md")])
    assert result.exit_code == 0, result.stderr
    assert "India and Pakistan agree to restore ceasefire" in result.stdout
    assert "dateline: New Delhi, Feb 25 (Reuters)" in result.stdout
    assert "entities" in result.stdout and "places" in result.stdout


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("dateline ")
