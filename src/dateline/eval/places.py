"""Scoring places against article-level gold (``ANNOTATION.md``): each gold toponym mention has offsets,
an ISO alpha-2 country (null for supranational regions) and a kind (country, region, city, other).

A gold mention with a country is found when a resolved place (one with a country) overlaps its
offsets; country accuracy is over found mentions. Precision is the share of resolved places that
overlap a gold mention with a country. Recall is also given per kind.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dateline.eval.articles import score_articles
from dateline.model import Place

KINDS = ("country", "region", "city", "other")


@dataclass
class PlaceScores:
    articles: int = 0
    gold: int = 0
    found: int = 0
    country_correct: int = 0
    predicted: int = 0
    predicted_right: int = 0
    recall: float = 0.0
    country_accuracy: float = 0.0
    precision: float = 0.0
    by_kind: dict[str, dict[str, float]] = field(default_factory=dict)
    seconds: float = 0.0
    errors: list[dict[str, str]] = field(default_factory=list)

    def finish(self) -> PlaceScores:
        self.recall = self.found / self.gold if self.gold else 0.0
        self.country_accuracy = self.country_correct / self.found if self.found else 0.0
        self.precision = self.predicted_right / self.predicted if self.predicted else 0.0
        for row in self.by_kind.values():
            row["recall"] = row["found"] / row["gold"] if row["gold"] else 0.0
        return self

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    window = text[max(0, start - width) : start] + "[" + text[start:end] + "]" + text[end : end + width]
    return " ".join(window.split())


def score_article(text: str, places: list[Place], gold_places: list[dict[str, Any]], scores: PlaceScores,
                  source: str) -> None:
    resolved = [p for p in places if p.country_code]
    gold = [g for g in gold_places if g.get("country")]
    for g in gold:
        span = (int(g["start"]), int(g["end"]))
        kind = scores.by_kind.setdefault(str(g.get("kind")), {"gold": 0, "found": 0, "country_correct": 0})
        kind["gold"] += 1
        scores.gold += 1
        hits = [p for p in resolved if _overlaps(span, (p.start, p.end))]
        if not hits:
            scores.errors.append({"article": source, "error": "missed", "kind": str(g.get("kind")),
                                  "context": _context(text, *span), "gold": str(g["country"]), "predicted": ""})
            continue
        scores.found += 1
        kind["found"] += 1
        if any(p.country_code == g["country"] for p in hits):
            scores.country_correct += 1
            kind["country_correct"] += 1
        else:
            scores.errors.append({"article": source, "error": "country", "kind": str(g.get("kind")),
                                  "context": _context(text, *span), "gold": str(g["country"]),
                                  "predicted": f"{hits[0].name} {hits[0].country_code}"})
    for p in resolved:
        scores.predicted += 1
        if any(_overlaps((p.start, p.end), (int(g["start"]), int(g["end"]))) for g in gold):
            scores.predicted_right += 1
        else:
            scores.errors.append({"article": source, "error": "false", "kind": str(p.feature),
                                  "context": _context(text, p.start, p.end), "gold": "",
                                  "predicted": f"{p.name} {p.country_code}"})


def evaluate_places(gold_path: Path) -> PlaceScores:
    """Analyse every gold article and score its places."""
    scores = PlaceScores()
    return score_articles(gold_path, scores, lambda name, analysis, gold: score_article(
        analysis.article.text, analysis.places, gold.get("places", []), scores, name))
