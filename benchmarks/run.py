"""dateline benchmarks: one JSON line per figure. Run with `make bench`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generated_articles  # noqa: E402


def emit(name: str, value: object, **extra: object) -> None:
    print(json.dumps({"figure": name, "value": value, **extra}), flush=True)


def stage_shares(n: int = 100) -> None:
    """Per-stage time share of the analysis pipeline on n generated articles."""
    from dateline.extract.entities import extract_entities
    from dateline.extract.events import extract_events
    from dateline.extract.framing import extract_frames
    from dateline.extract.metadata import extract_metadata, nlp_text
    from dateline.extract.places import extract_places
    from dateline.extract.quotes import extract_quotes
    from dateline.extract.time import extract_times
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    articles = generated_articles(n)
    totals = dict.fromkeys(("metadata", "spacy", "entities", "places", "times", "quotes", "events", "frames"), 0.0)
    for art in articles:
        t = time.perf_counter()
        art = extract_metadata(art)
        totals["metadata"] += time.perf_counter() - t
        t = time.perf_counter()
        doc = nlp(nlp_text(art))
        totals["spacy"] += time.perf_counter() - t
        t = time.perf_counter()
        ents = extract_entities(doc, art)
        totals["entities"] += time.perf_counter() - t
        t = time.perf_counter()
        places = extract_places(doc, art, ents)
        totals["places"] += time.perf_counter() - t
        t = time.perf_counter()
        times = extract_times(doc, art)
        totals["times"] += time.perf_counter() - t
        t = time.perf_counter()
        quotes = extract_quotes(doc, art, ents)
        totals["quotes"] += time.perf_counter() - t
        t = time.perf_counter()
        extract_events(doc, art, ents, quotes, places, times)
        totals["events"] += time.perf_counter() - t
        t = time.perf_counter()
        extract_frames(doc, art, ents, quotes)
        totals["frames"] += time.perf_counter() - t
    whole = sum(totals.values())
    emit("stage_time_share", {k: round(v / whole, 3) for k, v in totals.items()}, articles=n,
         total_s=round(whole, 2))


def main() -> None:
    import os

    emit("cores", os.cpu_count())
    stage_shares()
    from quotes_vs_textacy import main as quotes_vs_textacy

    quotes_vs_textacy()


if __name__ == "__main__":
    main()
