"""Direct quotations: dateline vs textacy's direct_quotations on the same articles and matching.

Only gold quotes of kind 'direct' count; a prediction matches when it overlaps a gold quote by at
least half of the shorter span (the `dateline eval quotes` rule). Both run on the same parsed docs.
Prints one JSON line per system. Run: `python benchmarks/quotes_vs_textacy.py [GOLD]`.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "fixtures" / "quotes" / "gold.json"
REPEATS = 5


def main(gold_path: Path = DEFAULT_GOLD) -> None:
    from textacy.extract.triples import direct_quotations

    from dateline.errors import InputError
    from dateline.eval.gold import load_reading_gold
    from dateline.eval.quotes import same_speaker
    from dateline.eval.spans import locate, match_spans
    from dateline.extract.entities import extract_entities
    from dateline.extract.metadata import extract_metadata, nlp_text
    from dateline.extract.quotes import extract_quotes
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    cases = []
    for path, gold in load_reading_gold(gold_path):
        article = extract_metadata(next(a for a in read(path) if not isinstance(a, InputError)))
        doc = nlp(nlp_text(article))
        direct = [g for g in gold["quotes"] if g["kind"] == "direct"]
        spans = [locate(article.text, g["text"]) for g in direct]
        cases.append((article, doc, direct, spans))

    def predict(system: str, article, doc) -> tuple[list[tuple[int, int, str]], bool]:  # noqa: ANN001
        """Direct quotes as (start, end, speaker), and whether the system failed on the article."""
        if system == "dateline":
            entities = extract_entities(doc, article)
            return [(q.start, q.end, q.speaker_name or q.speaker_text)
                    for q in extract_quotes(doc, article, entities) if q.kind == "direct"], False
        try:
            return [(dq.content[0].idx, dq.content[-1].idx + len(dq.content[-1].text),
                     " ".join(t.text for t in dq.speaker)) for dq in direct_quotations(doc)], False
        except Exception:  # textacy raises on unbalanced quote marks (multi-paragraph quotes)
            return [], True

    results = {}
    for system in ("dateline", "textacy"):
        gold_n = pred_n = matched = speaker_ok = failures = 0
        for article, doc, direct, spans in cases:
            preds, failed = predict(system, article, doc)
            failures += failed
            pairs = match_spans(spans, [(s, e) for s, e, _ in preds])
            gold_n += len(direct)
            pred_n += len(preds)
            matched += len(pairs)
            speaker_ok += sum(1 for gi, pi in pairs if same_speaker(preds[pi][2] or None, direct[gi]["speaker"]))
        rates = []  # speed apart from scoring: the median of timed passes, as one pass takes milliseconds
        for _ in range(REPEATS):
            t = time.perf_counter()
            for article, doc, _, _ in cases:
                predict(system, article, doc)
            rates.append(len(cases) / (time.perf_counter() - t))
        p = matched / pred_n if pred_n else 0.0
        r = matched / gold_n if gold_n else 0.0
        results[system] = {
            "figure": f"direct_quotes_{system}", "articles": len(cases), "gold": gold_n, "predicted": pred_n,
            "matched": matched, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "speaker_accuracy": round(speaker_ok / matched, 3) if matched else 0.0,
            "articles_failed": failures, "articles_per_s": round(statistics.median(rates), 1),
        }
        print(json.dumps(results[system]), flush=True)


def read(path: Path):  # noqa: ANN201 - tiny adapter
    from dateline.ingest import read_path

    return read_path(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GOLD)
