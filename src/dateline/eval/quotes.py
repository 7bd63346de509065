"""Scoring quotations against gold: quote precision/recall/F1 and speaker accuracy.

A predicted quote matches a gold quote when their contents overlap by at least half of the shorter
one (one-to-one, best overlap first). Speaker accuracy is over matched pairs: the predicted speaker's
name agrees with the gold name as ``ANNOTATION.md`` scores it (see ``same_speaker``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from dateline.errors import EvalError
from dateline.eval.articles import score_articles
from dateline.eval.spans import locate, match_spans
from dateline.gazetteer import fold
from dateline.model import Analysis, Quote


@dataclass
class QuoteScores:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_correct: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    speaker_accuracy: float = 0.0
    seconds: float = 0.0
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    by_speaker_kind: dict[str, dict[str, float]] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)

    def finish(self) -> QuoteScores:
        self.precision = self.matched / self.predicted if self.predicted else 0.0
        self.recall = self.matched / self.gold if self.gold else 0.0
        pr = self.precision + self.recall
        self.f1 = 2 * self.precision * self.recall / pr if pr else 0.0
        self.speaker_accuracy = self.speaker_correct / self.matched if self.matched else 0.0
        for row in self.by_speaker_kind.values():
            row["accuracy"] = row["correct"] / row["matched"] if row["matched"] else 0.0
        return self

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """The rule of ``ANNOTATION.md``: any speaker is right for an ``UNNAMED:`` gold source; otherwise the
    last word of one name occurs in the other, accents folded ('Assad' ~ 'Bashar al-Assad'); a gold null
    speaker is right only when the prediction is null too."""
    if gold is not None and gold.startswith("UNNAMED:"):
        return True
    if predicted is None or gold is None:
        return predicted is None and gold is None
    p, g = _words(predicted), _words(gold)
    return bool(p and g) and (p[-1] in g or g[-1] in p)


def _words(name: str) -> list[str]:
    words = fold(name).replace(".", "").replace("'s", "").split()
    return [w for w in words if w not in {"the", "a", "an", "mr", "mrs", "ms", "dr", "al", "el"}]


def score_article(analysis: Analysis, gold_quotes: list[dict], scores: QuoteScores, source: str) -> None:
    text = analysis.article.text
    gold_spans: list[tuple[int, int]] = []
    hint = 0
    for g in gold_quotes:
        span = locate(text, g.get("text", ""), hint)
        if span is None:
            raise EvalError(f"{source}: gold quote text not found in the article: {g.get('text', '')[:60]!r}")
        gold_spans.append(span)
        hint = span[0]
    preds: list[Quote] = analysis.quotes
    pairs = match_spans(gold_spans, [(q.start, q.end) for q in preds])
    scores.gold += len(gold_quotes)
    scores.predicted += len(preds)
    scores.matched += len(pairs)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = gold_quotes[gi], preds[pi]
        kind = scores.by_kind.setdefault(g.get("kind", "?"), {"gold": 0, "matched": 0, "kind_agrees": 0})
        kind["matched"] += 1
        kind["kind_agrees"] += int(p.kind == g.get("kind"))
        skind = scores.by_speaker_kind.setdefault(p.speaker_kind or "none", {"matched": 0, "correct": 0})
        skind["matched"] += 1
        if same_speaker(p.speaker_name or p.speaker_text, g.get("speaker")):
            scores.speaker_correct += 1
            skind["correct"] += 1
        else:
            unresolved = p.speaker_name is None
            scores.errors.append({"article": source, "error": "unresolved" if unresolved else "speaker",
                                  "text": p.text[:80], "gold": str(g.get("speaker")),
                                  "predicted": str(p.speaker_name or p.speaker_text),
                                  "speaker_kind": str(p.speaker_kind), "sentence": _sentence(text, p.start, p.end)})
    for gi, g in enumerate(gold_quotes):
        scores.by_kind.setdefault(g.get("kind", "?"), {"gold": 0, "matched": 0, "kind_agrees": 0})["gold"] += 1
        if gi not in matched_g:
            scores.errors.append({"article": source, "error": "missed", "text": g.get("text", "")[:80],
                                  "gold": str(g.get("speaker")), "predicted": ""})
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            scores.errors.append({"article": source, "error": "false", "text": p.text[:80], "gold": "",
                                  "predicted": str(p.speaker_name)})


def _sentence(text: str, start: int, end: int) -> str:
    """The text from the sentence before a quote to the end of its own, on one line (for reading errors)."""
    left = max(text.rfind(". ", 0, max(0, start - 2)), text.rfind("\n", 0, start))
    right = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return " ".join(text[left + 1 : right + 1].split())[:400]


def evaluate_quotes(gold_path: Path) -> QuoteScores:
    """Analyse every gold article and score its quotes."""
    scores = QuoteScores()
    return score_articles(gold_path, scores,
                          lambda name, analysis, gold: score_article(analysis, gold.get("quotes", []), scores, name))
