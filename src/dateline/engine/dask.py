"""The Dask engine: articles analysed across Dask distributed workers, one writer committing.

Each worker loads the spaCy pipeline once (the loader is cached per process). With no scheduler
address a LocalCluster of ``workers`` processes starts here; give ``--scheduler tcp://host:8786`` to
use a running cluster (start it with `dask scheduler` and `dask worker tcp://host:8786 --nthreads 1`
on each machine, with dateline installed). Tasks are retried when a worker dies, and this process
stays the only writer, so nothing is lost or stored twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.engine.local import IngestReport, analyse_chunk, ingest
from dateline.errors import DatelineError, InputError
from dateline.model import Analysis, Article
from dateline.pipeline import Options
from dateline.store.db import Store

CHUNK = 32  # articles a task: the worker's nlp.pipe gets full batches, scheduling costs little per article
RETRIES = 3


def dask_analyzer(client, options: Options, chunk: int = CHUNK):  # noqa: ANN001, ANN201 - dask Client
    """An analyzer for ``ingest`` that maps chunks over the cluster and yields results in input order."""

    def run(articles: list[Article]) -> Iterator[Analysis]:
        chunks = [articles[i : i + chunk] for i in range(0, len(articles), chunk)]
        futures = client.map(analyse_chunk, chunks, options=options, retries=RETRIES, pure=False)
        return _results(futures)  # submitted now; gathered in order when the writer gets to them

    return run


def _results(futures: list) -> Iterator[Analysis]:  # noqa: ANN001 - dask futures
    for future in futures:  # in submission order: the store sees the same sequence as the local engine
        for data in future.result():
            yield Analysis.from_dict(data)
        future.release()


def connect(scheduler: str | None, workers: int = 2):  # noqa: ANN201 - (dask Client, LocalCluster | None)
    """A client of the scheduler at ``scheduler``, or of a new LocalCluster of ``workers`` processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask is a dependency
        raise DatelineError("--engine dask needs dask[distributed]: pip install 'dask[distributed]'") from exc
    try:
        if scheduler:
            return Client(scheduler, timeout="30s"), None
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, memory_limit="4GiB")
        return Client(cluster), cluster
    except (OSError, TimeoutError) as exc:
        raise DatelineError(f"cannot reach Dask scheduler {scheduler}: {exc}; check the address") from exc


def ingest_with(client, store: Store, items: Iterable[Article | InputError], options: Options,  # noqa: ANN001
                workers: int) -> IngestReport:
    """``ingest`` with the analysis on the client's cluster; this process stays the only writer."""
    return ingest(store, items, options, workers=workers, analyzer=dask_analyzer(client, options),
                  batch_size=CHUNK * 4)


def ingest_dask(
    store: Store,
    items: Iterable[Article | InputError],
    options: Options | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    parquet_out: Path | None = None,
) -> IngestReport:
    """Ingest with analysis on a Dask cluster (a LocalCluster when no scheduler address is given)."""
    options = options or Options()
    client, cluster = connect(scheduler, workers)
    try:
        report = ingest_with(client, store, items, options, workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if parquet_out is not None:
        from dateline.store.export import export_parquet

        export_parquet(store, parquet_out)
    return report
