"""Web fixtures: an app over a fresh copy of the ingested corpus, and a live server for the browser."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from dateline.web.app import create_app

TOKEN = "test-token-0123456789"


@pytest.fixture
def db(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, token=TOKEN))


@pytest.fixture(scope="session")
def live_server(template_db: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """A real uvicorn server on a free loopback port, over its own copy of the corpus."""
    path = tmp_path_factory.mktemp("live") / "live.db"
    shutil.copy(template_db, path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(path, token=TOKEN), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
