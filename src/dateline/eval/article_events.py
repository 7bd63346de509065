"""Scoring events against article-level gold (``ANNOTATION.md``): every event mention of an article, with
its sentence, trigger, type, actors, modality and happening.

A prediction matches a gold mention of the same type whose sentence overlaps the prediction's sentence,
one to one, nearest trigger first. Precision = matched / predicted, recall = matched / gold. On matched
pairs, the source (target) is right when both are empty, or every predicted actor matches a gold actor and
at least one gold actor is matched; an actor matches when half the words of the shorter of (predicted
text or entity name, gold text or entity) are shared, or country and sector are both equal. Modality is
compared on matched pairs ('asserted' and 'future' count as one for THREATEN and AGREE). A duplicate is an
unmatched prediction of a matched mention's type in the same sentence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import EvalError
from dateline.eval.articles import score_articles
from dateline.eval.spans import locate
from dateline.gazetteer import fold
from dateline.model import Actor, Analysis, Event

_SAME_AS_FUTURE = {"THREATEN", "AGREE"}
_STOP = {"the", "a", "an", "of", "and", "'s"}


@dataclass
class ArticleEventScores:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    source_right: int = 0
    target_right: int = 0
    modality_right: int = 0
    duplicates: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    source_accuracy: float = 0.0
    target_accuracy: float = 0.0
    modality_accuracy: float = 0.0
    duplicate_rate: float = 0.0
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)
    common_errors: list[tuple[str, int]] = field(default_factory=list)
    seconds: float = 0.0

    def finish(self) -> ArticleEventScores:
        self.precision = self.matched / self.predicted if self.predicted else 0.0
        self.recall = self.matched / self.gold if self.gold else 0.0
        pr = self.precision + self.recall
        self.f1 = 2 * self.precision * self.recall / pr if pr else 0.0
        if self.matched:
            self.source_accuracy = self.source_right / self.matched
            self.target_accuracy = self.target_right / self.matched
            self.modality_accuracy = self.modality_right / self.matched
        self.duplicate_rate = self.duplicates / self.predicted if self.predicted else 0.0
        kinds = Counter(f"{e['error']} {e['type']}" for e in self.errors)
        self.common_errors = kinds.most_common(20)
        return self

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _words(text: str | None) -> set[str]:
    return {w for w in fold(text or "").replace(".", "").split() if w not in _STOP}


def actor_matches(pred: Actor, pred_name: str | None, gold: dict[str, Any]) -> bool:
    """Half the words of the shorter name shared (text or entity name on either side), or the same
    country and sector."""
    for p in (pred.text, pred_name):
        for g in (gold.get("text"), gold.get("entity")):
            pw, gw = _words(p), _words(g)
            if pw and gw and len(pw & gw) >= min(len(pw), len(gw)) / 2:
                return True
    return bool(pred.country and pred.sector) and (pred.country, pred.sector) == (gold.get("country"),
                                                                                   gold.get("sector"))


def side_right(actors: list[Actor], names: dict[str, str], gold: list[dict[str, Any]]) -> bool:
    if not actors and not gold:
        return True
    if not actors or not gold:
        return False
    hits = [[actor_matches(a, names.get(a.entity_id or ""), g) for g in gold] for a in actors]
    return all(any(row) for row in hits) and any(any(col) for col in zip(*hits, strict=True))


def _modality_right(pred: Event, gold: dict[str, Any]) -> bool:
    g, p = gold.get("modality") or "asserted", pred.modality
    if gold.get("type") in _SAME_AS_FUTURE and {g, p} <= {"asserted", "future"}:
        return True
    return g == p


def score_article(analysis: Analysis, gold_events: list[dict[str, Any]], scores: ArticleEventScores,
                  source: str) -> None:
    text = analysis.article.text
    names = {e.id: e.name for e in analysis.entities}
    located = []
    hint = 0
    for g in gold_events:
        span = locate(text, g.get("sentence", ""), hint)
        if span is None:
            raise EvalError(f"{source}: gold sentence not found in the article: {g.get('sentence', '')[:60]!r}")
        trig = locate(text[span[0] : span[1]], g.get("trigger") or "")
        tpos = span[0] + trig[0] if trig else span[0]
        located.append((span, tpos))
        hint = span[0]
    preds = analysis.events
    candidates = sorted(
        (abs(tpos - p.trigger_start), gi, pi)
        for gi, (g, (span, tpos)) in enumerate(zip(gold_events, located, strict=True))
        for pi, p in enumerate(preds)
        if p.type == g.get("type") and p.sentence_start < span[1] and span[0] < p.sentence_end
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    scores.gold += len(gold_events)
    scores.predicted += len(preds)
    scores.matched += len(pairs)
    for g in gold_events:
        scores.by_type.setdefault(str(g.get("type")), {"gold": 0, "predicted": 0, "matched": 0})["gold"] += 1
    for p in preds:
        scores.by_type.setdefault(p.type, {"gold": 0, "predicted": 0, "matched": 0})["predicted"] += 1
    for gi, pi in pairs:
        g, p = gold_events[gi], preds[pi]
        scores.by_type[p.type]["matched"] += 1
        for side, right_attr in (("source", "source_right"), ("target", "target_right")):
            if side_right(getattr(p, side), names, g.get(side) or []):
                setattr(scores, right_attr, getattr(scores, right_attr) + 1)
            else:
                scores.errors.append(_error(f"{side}", p.type, text, p, g, names))
        if _modality_right(p, g):
            scores.modality_right += 1
        else:
            scores.errors.append(_error(f"modality {g.get('modality')}→{p.modality}", p.type, text, p, g, names))
    matched_sentences = {(preds[pi].type, preds[pi].sentence_start) for _, pi in pairs}
    for pi, p in enumerate(preds):
        if pi in used_p:
            continue
        if (p.type, p.sentence_start) in matched_sentences:
            scores.duplicates += 1
            scores.errors.append(_error("duplicate", p.type, text, p, None, names))
        else:
            scores.errors.append(_error("false", p.type, text, p, None, names))
    for gi, g in enumerate(gold_events):
        if gi not in used_g:
            scores.errors.append({"article": source, "error": "missed", "type": str(g.get("type")),
                                  "trigger": str(g.get("trigger")), "sentence": str(g.get("sentence"))[:200],
                                  "gold": _actors_text(g), "predicted": ""})
    for e in scores.errors:
        e.setdefault("article", source)


def _actors_text(g: dict[str, Any]) -> str:
    def side(actors: list[dict[str, Any]]) -> str:
        return ", ".join(f"{a.get('entity') or a.get('text')} {a.get('country') or '?'}/{a.get('sector') or '?'}"
                         for a in actors) or "—"
    return f"{side(g.get('source') or [])} → {side(g.get('target') or [])}"


def _error(kind: str, typ: str, text: str, p: Event, g: dict[str, Any] | None,
           names: dict[str, str]) -> dict[str, str]:
    def side(actors: list[Actor]) -> str:
        return ", ".join(f"{names.get(a.entity_id or '') or a.text} {a.country or '?'}/{a.sector or '?'}"
                         for a in actors) or "—"
    return {"error": kind, "type": typ, "trigger": p.trigger, "sentence": text[p.sentence_start : p.sentence_end][:200],
            "gold": _actors_text(g) if g else "", "predicted": f"{side(p.source)} → {side(p.target)}"}


def evaluate_article_events(gold_path: Path) -> ArticleEventScores:
    """Analyse every gold article and score its events."""
    scores = ArticleEventScores()
    return score_articles(gold_path, scores,
                          lambda name, analysis, gold: score_article(analysis, gold.get("events", []), scores, name))
