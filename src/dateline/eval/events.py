"""Scoring events against PLOVER gold-standard records (the layout of PLOVER_GSR records).

Each gold record is one sentence. Its event type is right when dateline codes an event of that
type on the sentence; its mode is right when such an event has the gold mode. Source and target
country codes are scored (micro precision/recall/F1) on the predicted event of the gold type (else
the first predicted event). Gold records use PLOVER 0.5b1 names, mapped to the current 16 types.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dateline.errors import EvalError
from dateline.model import Actor, Article, Event

OLD_NAMES = {"DEMAND": ("REQUEST", None), "FIGHT": ("ASSAULT", None),
             "DISAPPROVE": ("ACCUSE", "disapprove"), "INVESTIGATE": ("ACCUSE", "investigate")}
OLD_MODES = {"demo-org": "demo", "demo-spon": "demo", "riot-org": "riot", "riot-spon": "riot",
             "strike-hun": "hunger", "strike-gen": "strike", "assassinate": "targeted", "detain": "arrest",
             "confiscate": "seize", "host": "visit"}


@dataclass
class EventScores:
    records: int = 0
    type_correct: int = 0
    mode_gold: int = 0
    mode_correct: int = 0
    no_event: int = 0
    source: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    target: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    type_accuracy: float = 0.0
    mode_accuracy: float = 0.0
    no_event_share: float = 0.0
    source_prf: dict[str, float] = field(default_factory=dict)
    target_prf: dict[str, float] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0
    misses: list[dict[str, str]] = field(default_factory=list)

    def finish(self) -> EventScores:
        self.type_accuracy = self.type_correct / self.records if self.records else 0.0
        self.mode_accuracy = self.mode_correct / self.mode_gold if self.mode_gold else 0.0
        self.no_event_share = self.no_event / self.records if self.records else 0.0
        self.source_prf = _prf(self.source)
        self.target_prf = _prf(self.target)
        return self

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _prf(c: dict[str, int]) -> dict[str, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def gold_type(record: dict) -> tuple[str, str | None]:
    """(current PLOVER type, mode) of a gold record, 0.5b1 names mapped."""
    event = str(record.get("event", "")).upper()
    mode = record.get("mode") or None
    typ, implied = OLD_NAMES.get(event, (event, None))
    mode = implied or (OLD_MODES.get(mode, mode) if mode else None)
    return typ, mode


def actor_codes(actors: object) -> set[str]:
    """Country codes of a gold actor list (IGO for international organisations)."""
    if not isinstance(actors, list):
        return set()
    return {str(a.get("code")).upper() for a in actors if isinstance(a, dict) and a.get("code")}


def predicted_codes(actors: list[Actor]) -> set[str]:
    return {a.country or ("IGO" if a.sector == "IGO" else "") for a in actors} - {""}


def score_record(record: dict, events: list[Event], scores: EventScores) -> None:
    typ, mode = gold_type(record)
    scores.records += 1
    if not events:
        scores.no_event += 1
    same = [e for e in events if e.type == typ]
    if same:
        scores.type_correct += 1
    else:
        predicted = ",".join(sorted({e.type for e in events})) or "NONE"
        row = scores.confusion.setdefault(typ, {})
        row[predicted] = row.get(predicted, 0) + 1
        scores.misses.append({"id": str(record.get("id")), "gold": typ, "predicted": predicted,
                              "text": str(record.get("text", ""))[:120]})
    if mode:
        scores.mode_gold += 1
        scores.mode_correct += int(any(e.mode == mode for e in same))
    chosen = same[0] if same else (events[0] if events else None)
    for side, gold_actors in (("source", record.get("source")), ("target", record.get("target"))):
        gold_set = actor_codes(gold_actors)
        pred_set = predicted_codes(getattr(chosen, side)) if chosen else set()
        counts = scores.source if side == "source" else scores.target
        counts["tp"] += len(gold_set & pred_set)
        counts["fp"] += len(pred_set - gold_set)
        counts["fn"] += len(gold_set - pred_set)


def evaluate_events(gold_path: Path) -> EventScores:
    """Code every gold sentence and score it."""
    from dateline.pipeline import analyze_many

    try:
        records = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{gold_path}: not readable as JSON ({exc})") from exc
    if not isinstance(records, list) or not all(isinstance(r, dict) and "text" in r for r in records):
        raise EvalError(f"{gold_path}: expected a JSON list of records, each with 'text' and 'event'")
    scores = EventScores()
    started = time.perf_counter()
    articles = [Article(text=r["text"], published=_iso(r.get("date"))) for r in records]
    for record, analysis in zip(records, analyze_many(articles), strict=True):
        score_record(record, analysis.events, scores)
    scores.seconds = round(time.perf_counter() - started, 2)
    return scores.finish()


def _iso(value: object) -> str | None:
    return value if isinstance(value, str) and len(value) == 10 else None


def confusion_rows(scores: EventScores, top: int = 10) -> list[tuple[str, int, str]]:
    """The gold types missed most, with what was predicted instead."""
    rows = []
    for typ, preds in scores.confusion.items():
        total = sum(preds.values())
        rows.append((typ, total, ", ".join(f"{p}×{n}" for p, n in Counter(preds).most_common(4))))
    return sorted(rows, key=lambda r: -r[1])[:top]
