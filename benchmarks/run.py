"""dateline benchmarks: one JSON line per figure. Run with `make bench` (or `python benchmarks/run.py`).

Figures: per-stage time share; parse-only vs full-pipeline throughput and their ratio (steady state,
with the cold first article apart); local and Dask 2-vs-1-worker speed-ups (Dask end to end, and its
start-up apart from its steady state); peak RSS per worker; cost growth with corpus size and article
length; ingest and export speed on a generated corpus; web latency on a 10,000-article store; and
dateline vs textacy on direct quotations. Speed targets live here, never in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generated_articles  # noqa: E402


def emit(name: str, value: object, **extra: object) -> None:
    print(json.dumps({"figure": name, "value": value, **extra}), flush=True)


def stage_shares(n: int) -> None:
    """Per-stage time share of the analysis pipeline."""
    from dateline.extract.entities import extract_entities
    from dateline.extract.events import extract_events
    from dateline.extract.framing import extract_frames
    from dateline.extract.metadata import extract_metadata, nlp_text
    from dateline.extract.places import extract_places
    from dateline.extract.quotes import extract_quotes
    from dateline.extract.time import extract_times
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    totals = dict.fromkeys(("metadata", "spacy", "entities", "places", "times", "quotes", "events", "frames"), 0.0)

    def timed(key: str, fn, *args):  # noqa: ANN001, ANN202
        t = time.perf_counter()
        result = fn(*args)
        totals[key] += time.perf_counter() - t
        return result

    from dateline.pipeline import analyze_many

    list(analyze_many(generated_articles(2, seed=5)))  # lexicons and gazetteers load once, before timing
    for art in generated_articles(n):
        art = timed("metadata", extract_metadata, art)
        doc = timed("spacy", nlp, nlp_text(art))
        ents = timed("entities", extract_entities, doc, art)
        places = timed("places", extract_places, doc, art, ents)
        times = timed("times", extract_times, doc, art)
        quotes = timed("quotes", extract_quotes, doc, art, ents)
        timed("events", extract_events, doc, art, ents, quotes, places, times)
        timed("frames", extract_frames, doc, art, ents, quotes)
    whole = sum(totals.values())
    emit("stage_time_share", {k: round(v / whole, 3) for k, v in totals.items()}, articles=n,
         total_s=round(whole, 2))


def throughput(n: int, repeats: int = 3) -> None:
    """spaCy alone vs the whole analysis, one process, same articles, both warmed the same way.

    The cold first article (lexicons and lazy imports loading) is its own figure; the throughputs are
    steady state, medians of interleaved repetitions so that machine noise hits both sides alike."""
    from dateline.extract.metadata import extract_metadata, nlp_text
    from dateline.nlp import load_pipeline
    from dateline.pipeline import analyze_many

    nlp = load_pipeline()
    articles = generated_articles(n, seed=11)
    texts = [nlp_text(extract_metadata(a)) for a in articles]
    t = time.perf_counter()
    list(analyze_many(articles[:1]))
    emit("pipeline_first_article_ms", round(1000 * (time.perf_counter() - t), 1), note="after the model is loaded")
    list(nlp.pipe(texts[:10]))  # warm-up, the same for both
    list(analyze_many(articles[:10]))
    parse, full = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        parse.append(n / (time.perf_counter() - t))
        t = time.perf_counter()
        for _ in analyze_many(articles):
            pass
        full.append(n / (time.perf_counter() - t))
    ratios = [f / p for p, f in zip(parse, full, strict=True)]
    emit("parse_only_articles_per_s", round(statistics.median(parse), 1), articles=n, repeats=repeats)
    emit("pipeline_articles_per_s", round(statistics.median(full), 1), articles=n, repeats=repeats)
    emit("pipeline_vs_parse_ratio", round(statistics.median(ratios), 3), goal=">= 0.85",
         each=[round(r, 3) for r in ratios])


def cost_growth(n: int) -> None:
    """Time for 1x, 2x, 4x corpus size, and for one article of 1x, 4x, 16x length."""
    from dateline.pipeline import analyze, analyze_many

    corpus = {}
    for k in (1, 2, 4):
        articles = generated_articles(n * k, seed=21)
        t = time.perf_counter()
        for _ in analyze_many(articles):
            pass
        corpus[f"{k}x"] = round(time.perf_counter() - t, 2)
    emit("cost_growth_corpus_s", corpus, base_articles=n,
         per_article_ms={k: round(1000 * v / (n * int(k[0])), 1) for k, v in corpus.items()})
    length = {}
    for k in (1, 4, 16):
        article = generated_articles(1, seed=31, paragraphs=8 * k)[0]
        analyze(article)  # warm
        t = time.perf_counter()
        analyze(article)
        length[f"{k}x"] = round(time.perf_counter() - t, 3)
    emit("cost_growth_article_length_s", length, base_paragraphs=8,
         per_paragraph_ms={k: round(1000 * v / (8 * int(k[:-1])), 2) for k, v in length.items()})


def _ingest_time(articles: list, workers: int, db: Path, engine: str = "local") -> float:
    from dateline.engine.local import ingest
    from dateline.store.db import Store

    with Store(db) as store:
        t = time.perf_counter()
        if engine == "dask":
            from dateline.engine.dask import ingest_dask

            ingest_dask(store, iter(articles), workers=workers)
        else:
            ingest(store, iter(articles), workers=workers)
        return time.perf_counter() - t


def scaling(n: int, tmp: Path) -> None:
    """Local engine and Dask LocalCluster: 2 workers vs 1 on the same generated corpus."""
    articles = generated_articles(n, seed=41)
    one = _ingest_time(articles, 1, tmp / "w1.db")
    two = _ingest_time(articles, 2, tmp / "w2.db")
    emit("ingest_articles_per_s_1_worker", round(n / one, 1), articles=n)
    emit("ingest_articles_per_s_2_workers", round(n / two, 1), articles=n)
    emit("workers_2_vs_1", round(one / two, 2), cores=os.cpu_count())
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    emit("peak_rss_mb_local_worker", round(children, 1), goal="<= 600")
    emit("peak_rss_mb_main_process", round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
    d1 = _ingest_time(articles, 1, tmp / "d1.db", "dask")
    d2 = _ingest_time(articles, 2, tmp / "d2.db", "dask")
    emit("dask_2_vs_1", round(d1 / d2, 2), one_worker_s=round(d1, 1), two_workers_s=round(d2, 1))
    from dateline.store.db import Store
    from dateline.store.export import export_gdelt, export_jsonl, export_parquet

    with Store(tmp / "w1.db") as store:
        for name, fn, out in (("jsonl", export_jsonl, tmp / "x.jsonl"), ("parquet", export_parquet, tmp / "pq"),
                              ("gdelt", export_gdelt, tmp / "x.tsv")):
            t = time.perf_counter()
            fn(store, out)
            emit(f"export_{name}_s", round(time.perf_counter() - t, 2), articles=n)


def dask_steady(n: int, tmp: Path) -> None:
    """The Dask engine with the cluster started and every worker's pipeline loaded first: start-up
    (a fixed cost, paid once per run) and steady-state throughput as separate figures."""
    from dateline.engine.dask import connect, ingest_with
    from dateline.nlp import load_pipeline
    from dateline.pipeline import Options
    from dateline.store.db import Store

    articles = generated_articles(n, seed=41)
    rates = {}
    for workers in (1, 2):
        t = time.perf_counter()
        client, cluster = connect(None, workers)  # the cluster the engine itself starts
        client.run(load_pipeline, ())
        startup = time.perf_counter() - t
        try:
            with Store(tmp / f"steady{workers}.db") as store:
                t = time.perf_counter()
                ingest_with(client, store, iter(articles), Options(), workers)
                rates[workers] = n / (time.perf_counter() - t)
        finally:
            client.close()
            cluster.close()
        emit(f"dask_startup_s_{workers}_workers", round(startup, 1), note="LocalCluster start and pipeline load")
        emit(f"dask_steady_articles_per_s_{workers}_workers", round(rates[workers], 1), articles=n)
    emit("dask_steady_2_vs_1", round(rates[2] / rates[1], 2), cores=os.cpu_count())


def web_latency(tmp: Path, target: int = 10_000, requests: int = 200) -> None:
    """p95 latency of the article page and the events API on a store of >= 10,000 articles."""
    import dataclasses

    from fastapi.testclient import TestClient

    from dateline.model import content_hash
    from dateline.pipeline import analyze_many
    from dateline.store.db import Store
    from dateline.web.app import create_app

    base = list(analyze_many(generated_articles(100, seed=51)))
    db = tmp / "web.db"
    with Store(db) as store:
        store.db.execute("PRAGMA synchronous=OFF")
        for i in range(target):
            src = base[i % len(base)]
            text = src.article.text + f"\n\n(Item {i}.)"
            article = dataclasses.replace(src.article, text=text, id=content_hash(text, f"{src.article.url}/{i}"),
                                          url=f"{src.article.url}/{i}",
                                          published=f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}")
            store.add(dataclasses.replace(src, article=article), story_id=article.id)
        ids = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY random() LIMIT ?", (requests,))]
    client = TestClient(create_app(db))
    for name, urls in (("article_page", [f"/articles/{i}" for i in ids]),
                       ("events_api", [f"/api/events?type={t}&limit=50" for t in
                                       ("ASSAULT", "CONSULT", "REQUEST", "AGREE", "PROTEST") * (requests // 5)])):
        times = []
        for url in urls:
            t = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200, url
        p95 = statistics.quantiles(times, n=20)[18]
        emit(f"p95_ms_{name}", round(p95, 1), store_articles=target, requests=len(urls), goal="<= 100")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller corpora, for a smoke run")
    args = parser.parse_args()
    scale = 0.2 if args.quick else 1.0
    emit("cores", os.cpu_count())
    tmp = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    try:
        stage_shares(int(100 * scale) or 10)
        throughput(int(200 * scale) or 20)
        cost_growth(int(50 * scale) or 10)
        scaling(int(500 * scale) or 50, tmp)
        dask_steady(int(500 * scale) or 50, tmp)
        web_latency(tmp, target=int(10_000 * scale) or 1000)
        from quotes_vs_textacy import main as quotes_vs_textacy

        quotes_vs_textacy()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
