"""Ingest from a feed URL (served on loopback), and a clear error for an unreachable one."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from dateline.engine.local import ingest, iter_inputs
from dateline.errors import InputError
from dateline.store.db import Store
from helpers import ARTICLES


def test_ingest_feed_url(tmp_path: Path) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(ARTICLES))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
        with Store(tmp_path / "feed.db") as store:
            report = ingest(store, iter_inputs([url]))
            titles = {r[0] for r in store.db.execute("SELECT title FROM articles")}
    finally:
        server.shutdown()
    assert report.stored == 2 and not report.errors
    assert titles == {"Mali junta expels French ambassador", "Niger protesters rally outside French base"}


def test_unreachable_url_is_an_input_error() -> None:
    (item,) = list(iter_inputs(["http://127.0.0.1:9/feed.xml"]))
    assert isinstance(item, InputError) and item.source == "http://127.0.0.1:9/feed.xml"
    assert "could not be fetched" in item.problem
