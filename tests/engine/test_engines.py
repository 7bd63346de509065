"""Local and Dask engines store identical records; the Dask engine survives a worker killed mid-run."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from dateline.engine.dask import dask_analyzer, ingest_dask
from dateline.engine.local import ingest, iter_inputs
from dateline.pipeline import Options
from dateline.store.db import Store
from helpers import ARTICLES

pytestmark = pytest.mark.slow


def _records(db: Path) -> dict[str, str | None]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT id, analysis FROM articles"))


@pytest.fixture(scope="module")
def local_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("local") / "local.db"
    with Store(path) as store:
        ingest(store, iter_inputs([ARTICLES]))
    return path


def test_dask_local_cluster_gives_identical_records(local_db: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "dask.db") as store:
        report = ingest_dask(store, iter_inputs([ARTICLES]), Options(), workers=2,
                             parquet_out=tmp_path / "parquet")
    assert report.stored + report.duplicates == len(_records(local_db))
    assert _records(tmp_path / "dask.db") == _records(local_db)
    assert (tmp_path / "parquet" / "events").is_dir()


def test_dask_worker_killed_midrun_loses_and_duplicates_nothing(local_db: Path, tmp_path: Path) -> None:
    from dask.distributed import Client, LocalCluster

    db = tmp_path / "killed.db"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        pids = list(client.run(os.getpid).values())
        errors: list[BaseException] = []

        def run() -> None:
            try:
                with Store(db) as store:
                    ingest(store, iter_inputs([ARTICLES]), Options(), batch_size=64,
                           analyzer=dask_analyzer(client, Options(), chunk=1))
            except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
                errors.append(exc)

        worker = threading.Thread(target=run)
        worker.start()
        deadline = time.time() + 120
        killed = False
        while worker.is_alive() and time.time() < deadline:
            time.sleep(0.2)
            tasks = sum(len(v) for v in client.processing().values())
            if tasks and not killed:
                time.sleep(1.0)
                os.kill(pids[0], signal.SIGKILL)
                killed = True
        worker.join(timeout=180)
    assert killed and not errors, errors
    assert _records(db) == _records(local_db)
