"""Scoring framing flags against Propaganda Techniques Corpus spans (SemEval-2020 Task 11 scoring).

Span scoring with partial-overlap credit: precision is the mean, over predicted spans, of the share
of each span's characters inside gold spans; recall is the mean, over gold spans, of the share of
each gold span's characters inside predicted spans. Overall scores pool Loaded_Language and
Name_Calling,Labeling (a character covered by either counts); per-technique scores map dateline's
frame kinds to techniques (loaded language → Loaded_Language; loaded labels, qualifiers and scare
quotes → Name_Calling,Labeling).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dateline.errors import EvalError, InputError
from dateline.ingest import read_bytes
from dateline.model import Article, Frame

TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
KIND_TECHNIQUE = {"loaded_language": "Loaded_Language", "label": "Name_Calling,Labeling",
                  "qualifier": "Name_Calling,Labeling"}  # scare quotes are neither technique

Span = tuple[int, int]


@dataclass
class SpanScores:
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    predicted: int = 0
    gold: int = 0


@dataclass
class FrameScores:
    articles: int = 0
    overall: SpanScores = field(default_factory=SpanScores)
    per_technique: dict[str, SpanScores] = field(default_factory=dict)
    missed: list[tuple[str, int]] = field(default_factory=list)
    false: list[tuple[str, int]] = field(default_factory=list)
    missed_by_technique: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _covered(span: Span, others: list[Span]) -> int:
    """Characters of span inside the union of others."""
    marks = bytearray(span[1] - span[0])
    for s, e in others:
        lo, hi = max(s, span[0]), min(e, span[1])
        for i in range(lo - span[0], hi - span[0]):
            marks[i] = 1
    return sum(marks)


def span_scores(gold: list[list[Span]], predicted: list[list[Span]]) -> SpanScores:
    """SemEval-2020 span P/R/F1 over articles: per-span overlap shares, averaged over all spans."""
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for g_spans, p_spans in zip(gold, predicted, strict=True):
        for p in p_spans:
            if p[1] > p[0]:
                p_sum += _covered(p, g_spans) / (p[1] - p[0])
                n_pred += 1
        for g in g_spans:
            if g[1] > g[0]:
                r_sum += _covered(g, p_spans) / (g[1] - g[0])
                n_gold += 1
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    return SpanScores(p, r, 2 * p * r / (p + r) if p + r else 0.0, n_pred, n_gold)


def read_ptc_labels(path: Path) -> dict[str, dict[str, list[Span]]]:
    """article id → technique → spans, from a labels-TC.tsv file."""
    out: dict[str, dict[str, list[Span]]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4 or not parts[2].isdigit() or not parts[3].isdigit():
            raise EvalError(f"{path}:{n}: expected 'article_id<TAB>technique<TAB>start<TAB>end'")
        out.setdefault(parts[0], {}).setdefault(parts[1], []).append((int(parts[2]), int(parts[3])))
    return out


def predicted_frames(raw: str, source: str) -> list[tuple[Frame, int]]:
    """Frames for one raw article file, with the offset that maps each back into the file:
    the body through the text reader's mapping, and the title line on its own."""
    from dateline.pipeline import analyze_many

    items = [a for a in read_bytes(raw.encode("utf-8"), source, "text") if not isinstance(a, InputError)]
    if not items:
        return []
    article = items[0]
    docs = [(article, article.source_offset or 0)]
    if article.title:
        docs.append((Article(text=article.title, source=source), raw.index(article.title)))
    out = []
    for (_, offset), analysis in zip(docs, analyze_many([a for a, _ in docs]), strict=True):
        out.extend((f, offset) for f in analysis.frames if f.label_class == "loaded" and f.kind in KIND_TECHNIQUE)
    return out


def ptc_folder(gold_dir: Path) -> tuple[dict[str, dict[str, list[Span]]], list[Path]]:
    """The labels and article files of a PTC folder (articles/article<ID>.txt and labels-TC.tsv)."""
    labels_path = gold_dir / "labels-TC.tsv"
    articles_dir = gold_dir / "articles"
    if not labels_path.exists() or not articles_dir.is_dir():
        raise EvalError(f"{gold_dir}: expected labels-TC.tsv and an articles/ folder (the PTC layout)")
    files = sorted(articles_dir.glob("article*.txt"))
    if not files:
        raise EvalError(f"{articles_dir}: no article<ID>.txt files")
    return read_ptc_labels(labels_path), files


def read_ptc_article(path: Path) -> tuple[str, str]:
    """(article id, raw text) of one PTC article, read with ``newline=''`` as the offsets require."""
    with path.open(encoding="utf-8", newline="") as fh:
        return path.stem.removeprefix("article"), fh.read()


def evaluate_frames(gold_dir: Path, top: int = 20) -> FrameScores:
    """Score dateline's frames on a PTC folder (articles/article<ID>.txt and labels-TC.tsv)."""
    labels, files = ptc_folder(gold_dir)
    started = time.perf_counter()
    gold_all: list[list[Span]] = []
    pred_all: list[list[Span]] = []
    gold_tech: dict[str, list[list[Span]]] = {t: [] for t in TECHNIQUES}
    pred_tech: dict[str, list[list[Span]]] = {t: [] for t in TECHNIQUES}
    missed: Counter[str] = Counter()
    false: Counter[str] = Counter()
    missed_tech: Counter[str] = Counter()
    for path in files:
        art_id, raw = read_ptc_article(path)
        frames = predicted_frames(raw, str(path))
        spans = [(f.start + off, f.end + off) for f, off in frames]
        gold = labels.get(art_id, {})
        g_all = [s for t in TECHNIQUES for s in gold.get(t, [])]
        gold_all.append(g_all)
        pred_all.append(spans)
        for t in TECHNIQUES:
            gold_tech[t].append(gold.get(t, []))
            pred_tech[t].append([(f.start + off, f.end + off) for f, off in frames if KIND_TECHNIQUE[f.kind] == t])
            for g in gold.get(t, []):
                if _covered(g, spans) == 0:
                    missed[raw[g[0] : g[1]].lower()] += 1
                    missed_tech[t] += 1
        for p in spans:
            if _covered(p, g_all) == 0:
                false[raw[p[0] : p[1]].lower()] += 1
    scores = FrameScores(articles=len(files), overall=span_scores(gold_all, pred_all))
    scores.per_technique = {t: span_scores(gold_tech[t], pred_tech[t]) for t in TECHNIQUES}
    scores.missed = missed.most_common(top)
    scores.false = false.most_common(top)
    scores.missed_by_technique = dict(missed_tech)
    scores.seconds = round(time.perf_counter() - started, 1)
    return scores
