"""How far a context-free lexicon can go on a Propaganda Techniques Corpus folder.

A lexicon flags a word or phrase wherever it occurs. The best such lexicon for a gold set can be read
off the gold itself: every n-gram of one to three words whose occurrences lie mostly inside gold spans.
Learned on one half of the articles and scored on the other half (SemEval-2020 span scoring, with the
frequency and share thresholds chosen on the scored half, in the lexicon's favour), it bounds what any
lexicon of loaded words, hand-written or not, reaches on articles it has not seen. Learned and scored
on the same articles, it shows how much of a score memorisation alone would give. Nothing learned is
kept or written: this is a measurement, not a model.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dateline.eval.frames import TECHNIQUES, Span, ptc_folder, read_ptc_article, span_scores

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_MIN_COUNTS = (1, 2, 3)
_SHARES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)

Gram = tuple[int, int, str]  # start, end, lower-cased words


@dataclass
class CeilingRow:
    setting: str
    learned_on: int
    scored_on: int
    min_count: int
    min_share: float
    lexicon_size: int
    precision: float
    recall: float
    f1: float


@dataclass
class Ceiling:
    articles: int = 0
    rows: list[CeilingRow] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class _Article:
    grams: list[Gram]
    gold: list[Span]
    inside: bytearray  # 1 for each character inside a gold span


def lexicon_ceiling(gold_dir: Path, max_words: int = 3, seed: int = 0) -> Ceiling:
    """The best n-gram lexicon's span P/R/F1: memorised (same articles) and held out (two halves)."""
    labels, files = ptc_folder(gold_dir)
    started = time.perf_counter()
    articles = []
    for path in files:
        art_id, raw = read_ptc_article(path)
        gold = [s for t in TECHNIQUES for s in labels.get(art_id, {}).get(t, [])]
        inside = bytearray(len(raw))
        for s, e in gold:
            inside[s:e] = b"\x01" * (e - s)
        articles.append(_Article(_ngrams(raw, max_words), gold, inside))
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    half_a, half_b = order[: len(order) // 2], order[len(order) // 2 :]
    settings = (("memorised", order, order), ("held out A->B", half_a, half_b), ("held out B->A", half_b, half_a))
    result = Ceiling(articles=len(articles))
    for name, learn_on, score_on in settings:
        if not learn_on or not score_on:
            continue
        result.rows.append(_best(name, [articles[i] for i in learn_on], [articles[i] for i in score_on]))
    result.seconds = round(time.perf_counter() - started, 1)
    return result


def _ngrams(text: str, max_words: int) -> list[Gram]:
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    return [
        (words[i][0], words[i + n - 1][1], " ".join(w for _, _, w in words[i : i + n]))
        for i in range(len(words))
        for n in range(1, max_words + 1)
        if i + n <= len(words)
    ]


def _best(name: str, learn_on: list[_Article], score_on: list[_Article]) -> CeilingRow:
    """The thresholds whose lexicon scores the best F1 on ``score_on``."""
    stats: dict[str, list[float]] = {}  # n-gram -> [occurrences, summed share inside gold]
    for art in learn_on:
        for s, e, gram in art.grams:
            entry = stats.setdefault(gram, [0, 0.0])
            entry[0] += 1
            entry[1] += sum(art.inside[s:e]) / (e - s)
    best: CeilingRow | None = None
    for min_count in _MIN_COUNTS:
        for min_share in _SHARES:
            lexicon = {g for g, (n, share) in stats.items() if n >= min_count and share / n >= min_share}
            scores = span_scores([a.gold for a in score_on], [_flags(a.grams, lexicon) for a in score_on])
            if best is None or scores.f1 > best.f1:
                best = CeilingRow(name, len(learn_on), len(score_on), min_count, min_share, len(lexicon),
                                  round(scores.precision, 3), round(scores.recall, 3), round(scores.f1, 3))
    assert best is not None
    return best


def _flags(grams: list[Gram], lexicon: set[str]) -> list[Span]:
    """Every occurrence of a lexicon n-gram, overlapping occurrences merged into one span."""
    merged: list[Span] = []
    for s, e in sorted((s, e) for s, e, g in grams if g in lexicon):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
