"""The place scorer over article-level gold (ANNOTATION.md layout) and the `eval places` command."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from dateline.eval.places import PlaceScores, score_article
from dateline.model import Place

TEXT = "Troops moved from Quetta into the Middle East and toward the BLA camp near Sibi."


def _gold() -> list[dict]:
    return [
        {"text": "Quetta", "start": 18, "end": 24, "country": "PK", "name": "Quetta", "kind": "city"},
        {"text": "Middle East", "start": 34, "end": 45, "country": None, "name": "Middle East", "kind": "region"},
        {"text": "Sibi", "start": 75, "end": 79, "country": "PK", "name": "Sibi", "kind": "city"},
    ]


def test_score_article_recall_country_precision_by_kind() -> None:
    assert TEXT[18:24] == "Quetta" and TEXT[75:79] == "Sibi"
    places = [
        Place("P1", "Quetta", 18, 24, country_code="PK", name="Quetta"),
        Place("P2", "Middle East", 34, 45, country_code=None, name="Middle East"),  # no country: not scored
        Place("P3", "BLA", 61, 64, country_code="VE", name="Barcelona"),  # a false place
        Place("P4", "Sibi", 75, 79, country_code="ML", name="Sibi"),  # found, wrong country
    ]
    scores = PlaceScores()
    score_article(TEXT, places, _gold(), scores, "a.txt")
    scores.finish()
    assert (scores.gold, scores.found, scores.country_correct) == (2, 2, 1)
    assert (scores.predicted, scores.predicted_right) == (3, 2)
    assert scores.by_kind["city"]["recall"] == 1.0
    assert sorted(e["error"] for e in scores.errors) == ["country", "false"]


def test_eval_places_command_reads_article_gold_with_jsonl_metadata(tmp_path: Path) -> None:
    text = "Gunmen attacked a train near Quetta in Pakistan on Tuesday, police said."
    (tmp_path / "7.txt").write_text(text, encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text(json.dumps(
        {"id": "7", "text": text, "title": "Train attacked", "published": "2025-03-12 18:13:51Z"}) + "\n")
    start = text.index("Quetta")
    (tmp_path / "7.gold.json").write_text(json.dumps({"article": "7.txt", "quotes": [], "events": [], "places": [
        {"text": "Quetta", "start": start, "end": start + 6, "country": "PK", "name": "Quetta", "kind": "city"},
        {"text": "Pakistan", "start": text.index("Pakistan"), "end": text.index("Pakistan") + 8, "country": "PK",
         "name": "Pakistan", "kind": "country"},
    ]}))
    result = CliRunner().invoke(app, ["eval", "places", "--gold", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert (scores["gold"], scores["found"], scores["country_accuracy"], scores["precision"]) == (2, 2, 1.0, 1.0)
