"""Local ingest: read inputs, skip what is stored, link near-duplicates, analyse in N processes,
and commit each article in its own transaction from this (the only writing) process."""

from __future__ import annotations

import urllib.request
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import InputError
from dateline.extract.metadata import extract_metadata
from dateline.ingest import iter_files, read_bytes, read_path
from dateline.model import Analysis, Article
from dateline.pipeline import Options, analyze_many
from dateline.store import dedup
from dateline.store.db import Store

FETCH_TIMEOUT_S = 20


@dataclass
class IngestReport:
    """What one ingest run did."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: list[InputError] = field(default_factory=list)


def iter_inputs(paths: Iterable[str | Path], fmt: str | None = None) -> Iterator[Article | InputError]:
    """Articles (or errors) from files, directories (recursively) and http(s) feed or page URLs."""
    files: list[str | Path] = []
    for p in paths:
        if isinstance(p, str) and p.startswith(("http://", "https://")):
            yield from _fetch(p, fmt)
        else:
            files.append(p)
    for path in iter_files(files):
        yield from read_path(path, fmt)


def _fetch(url: str, fmt: str | None) -> Iterator[Article | InputError]:
    try:
        with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT_S) as resp:  # noqa: S310 - user-given URL
            data = resp.read()
    except (OSError, ValueError) as exc:
        yield InputError(url, f"could not be fetched ({exc})")
        return
    yield from read_bytes(data, url, fmt)


Analyzer = Callable[[list[Article]], Iterable[Analysis]]


def ingest(
    store: Store,
    items: Iterable[Article | InputError],
    options: Options | None = None,
    workers: int = 1,
    progress: Callable[[IngestReport], None] | None = None,
    batch_size: int = 32,
    analyzer: Analyzer | None = None,
) -> IngestReport:
    """Store every new article of ``items``; errors are recorded and the batch goes on.

    Analysis runs in this process, in a pool of ``workers`` processes, or through ``analyzer``
    (the Dask engine's); whichever it is, this process is the only one writing to the store. With
    workers, up to ``workers`` batches are in flight while this process reads and writes."""
    options = options or Options()
    report = IngestReport()
    batch = _Batches(store, report, progress, in_flight=max(1, workers))
    pool = None
    if analyzer is None and workers > 1:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(options,))
        analyzer = _pool_analyzer(pool, batch_size)
    elif analyzer is None:
        analyzer = lambda articles: analyze_many(articles, options, keep_going=True)  # noqa: E731
    try:
        for item in items:
            if isinstance(item, InputError):
                report.errors.append(item)
                store.record_error(item.source, item.problem)
                _tick(progress, report)
                continue
            report.read += 1
            article = extract_metadata(item, options.today)
            if store.has_article(article.id) or batch.holds(article.id):
                report.skipped += 1
                _tick(progress, report)
                continue
            sig = dedup.signature(article.text)
            original = _near_duplicate(store, sig)
            if original is None and batch.duplicate_of(sig):
                batch.drain(analyzer)  # the original is still being analysed: store it first
                original = _near_duplicate(store, sig)
            if original is not None:
                story = store.story_of(original) or original
                if store.add(Analysis(article=article), story_id=story, duplicate_of=original):
                    report.duplicates += 1
                _tick(progress, report)
                continue
            batch.pending.append((article, sig))
            if len(batch.pending) >= batch_size:
                batch.submit(analyzer)
        batch.drain(analyzer)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return report


class _Batches:
    """Articles waiting for analysis, and submitted batches whose results are written in order."""

    def __init__(self, store: Store, report: IngestReport, progress: Callable[[IngestReport], None] | None,
                 in_flight: int) -> None:
        self.store, self.report, self.progress, self.in_flight = store, report, progress, in_flight
        self.pending: list[tuple[Article, dedup.MinHash]] = []
        self.submitted: deque[tuple[Iterator[Analysis], dict[str, dedup.MinHash]]] = deque()

    def holds(self, article_id: str) -> bool:
        return any(a.id == article_id for a, _ in self.pending) or any(
            article_id in sigs for _, sigs in self.submitted)

    def duplicate_of(self, sig: dedup.MinHash) -> bool:
        others = [s for _, s in self.pending] + [s for _, sigs in self.submitted for s in sigs.values()]
        return any(sig.jaccard(other) >= dedup.THRESHOLD for other in others)

    def submit(self, analyzer: Analyzer) -> None:
        if self.pending:
            articles = [a for a, _ in self.pending]
            self.submitted.append((iter(analyzer(articles)), {a.id: s for a, s in self.pending}))
            self.pending = []
        while len(self.submitted) > self.in_flight:
            self._write_oldest()

    def drain(self, analyzer: Analyzer) -> None:
        """Submit what is pending and write every result."""
        self.submit(analyzer)
        while self.submitted:
            self._write_oldest()

    def _write_oldest(self) -> None:
        results, signatures = self.submitted.popleft()
        for analysis in results:
            if analysis.failed:  # recorded as an error, not stored: a later run tries it again
                error = InputError(analysis.article.source or analysis.article.id, analysis.failed)
                self.report.errors.append(error)
                self.store.record_error(error.source, error.problem)
                _tick(self.progress, self.report)
                continue
            sig = signatures[analysis.article.id]
            stored = self.store.add(analysis, story_id=analysis.article.id, bands=dedup.bands(sig),
                                    signature=dedup.to_bytes(sig))
            self.report.stored += int(stored)
            _tick(self.progress, self.report)


def _tick(progress: Callable[[IngestReport], None] | None, report: IngestReport) -> None:
    if progress is not None:
        progress(report)


def _near_duplicate(store: Store, sig: dedup.MinHash) -> str | None:
    for candidate in store.candidates(dedup.bands(sig)):
        stored = store.signature(candidate)
        if stored is not None and dedup.similarity(sig, stored) >= dedup.THRESHOLD:
            return candidate
    return None


def _pool_analyzer(pool: ProcessPoolExecutor, batch_size: int) -> Analyzer:
    def run(articles: list[Article]) -> Iterator[Analysis]:
        chunks = [articles[i : i + batch_size] for i in range(0, len(articles), batch_size)]
        results = pool.map(analyse_chunk, chunks)  # submitted now; read when the writer gets to them
        return (Analysis.from_dict(data) for chunk in results for data in chunk)

    return run


_WORKER_OPTIONS: Options | None = None


def _init_worker(options: Options) -> None:
    """Each worker process loads the pipeline once."""
    global _WORKER_OPTIONS  # noqa: PLW0603 - per-process state, set once by the pool initializer
    _WORKER_OPTIONS = options
    from dateline.nlp import load_pipeline

    load_pipeline(options.actor_files)


def analyse_chunk(articles: list[Article], options: Options | None = None) -> list[dict]:
    """Analyse a chunk in a worker (the pipeline loads once per process); plain dicts travel back."""
    options = options or _WORKER_OPTIONS or Options()
    return [a.to_dict() for a in analyze_many(articles, options, keep_going=True)]
