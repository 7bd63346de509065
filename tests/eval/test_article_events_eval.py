"""The article-level event scorer (ANNOTATION.md): type matching by sentence, actors, modality, duplicates."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from dateline.eval.article_events import ArticleEventScores, actor_matches, score_article
from dateline.model import Actor, Analysis, Article, Entity, Event

TEXT = "Rebels attacked the town of Kidal on Monday. Police arrested ten protesters in Bamako."


def _gold() -> list[dict]:
    return [
        {"sentence": "Rebels attacked the town of Kidal on Monday.", "trigger": "attacked", "type": "ASSAULT",
         "source": [{"text": "Rebels", "entity": "rebels", "country": "MLI", "sector": "REB"}],
         "target": [], "modality": "asserted", "happening": "h1"},
        {"sentence": "Police arrested ten protesters in Bamako.", "trigger": "arrested", "type": "COERCE",
         "source": [{"text": "Police", "entity": "police", "country": "MLI", "sector": "COP"}],
         "target": [{"text": "ten protesters", "entity": "protesters", "country": "MLI", "sector": "CVL"}],
         "modality": "asserted", "happening": "h2"},
    ]


def _event(eid: str, typ: str, trigger: str, source: list[Actor], target: list[Actor], modality: str = "asserted",
           ) -> Event:
    start = TEXT.index(trigger)
    sent = 0 if start < 44 else 45
    return Event(eid, typ, trigger, start, start + len(trigger), sent, 44 if sent == 0 else len(TEXT),
                 source=source, target=target, modality=modality)


def test_actor_matching_by_words_or_codes() -> None:
    gold = {"text": "the Syrian army", "entity": "Syrian Arab Army", "country": "SYR", "sector": "MIL"}
    assert actor_matches(Actor("Syrian troops", 0, 1), None, gold)  # 'syrian' is half of the shorter name
    assert actor_matches(Actor("government forces", 0, 1, country="SYR", sector="MIL"), None, gold)
    assert not actor_matches(Actor("rebels", 0, 1, country="SYR", sector="REB"), None, gold)


def test_score_article_matches_types_actors_modality_and_duplicates() -> None:
    rebels = Actor("Rebels", 0, 6, country="MLI", sector="REB")
    police = Actor("Police", 45, 51, entity_id="E1", country="MLI", sector="COP")
    events = [
        _event("V1", "ASSAULT", "attacked", [rebels], []),
        _event("V2", "ASSAULT", "town", [rebels], []),  # a second record of the same happening
        _event("V3", "COERCE", "arrested", [police], [], modality="claimed"),  # target missed, modality wrong
    ]
    analysis = Analysis(article=Article(text=TEXT), events=events, entities=[Entity("E1", "police", "GROUP")])
    scores = ArticleEventScores()
    score_article(analysis, _gold(), scores, "a.txt")
    scores.finish()
    assert (scores.gold, scores.predicted, scores.matched, scores.duplicates) == (2, 3, 2, 1)
    assert (scores.source_right, scores.target_right, scores.modality_right) == (2, 1, 1)
    assert scores.by_type["ASSAULT"] == {"gold": 1, "predicted": 2, "matched": 1}
    assert {e["error"] for e in scores.errors} == {"duplicate", "target", "modality asserted→claimed"}


def test_eval_events_command_reads_article_gold(tmp_path: Path) -> None:
    text = "Police arrested ten protesters in Bamako on Monday, officials said."
    (tmp_path / "1.txt").write_text(text, encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text(json.dumps({"id": "1", "text": text, "published": "2024-05-06"}) + "\n")
    gold = {"article": "1.txt", "quotes": [], "places": [], "events": [
        {"sentence": text, "trigger": "arrested", "type": "COERCE",
         "source": [{"text": "Police", "entity": "police", "country": "MLI", "sector": "COP"}],
         "target": [{"text": "ten protesters", "entity": "protesters", "country": "MLI", "sector": "CVL"}],
         "modality": "claimed", "attributed_to": "officials", "happening": "h1"}]}
    (tmp_path / "1.gold.json").write_text(json.dumps(gold))
    result = CliRunner().invoke(app, ["eval", "events", "--gold", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert (scores["gold"], scores["matched"]) == (1, 1)
