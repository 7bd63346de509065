"""Shared fixtures: the fixture corpus (all formats, a WARC built here) ingested once into a template
database; each test gets its own fresh copy of it, or an empty store."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.store.db import Store
from helpers import ARTICLES, FIXTURES


def build_corpus(root: Path) -> Path:
    """A directory with every fixture article plus a WARC and a corrupt file."""
    corpus = root / "corpus"
    shutil.copytree(ARTICLES, corpus / "articles")
    shutil.copytree(FIXTURES / "quotes", corpus / "quotes", ignore=shutil.ignore_patterns("*.json"))
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    html = (ARTICLES / "tbilisi.html").read_bytes().replace(b"Georgian parliament", b"Georgian lawmakers")
    page = html.replace(b"passed a law", b"adopted a law")
    for uri, body in (("https://caucasusherald.example/crawl/1", page),):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    (corpus / "crawl.warc.gz").write_bytes(buf.getvalue())
    (corpus / "broken.txt").write_bytes(b"\x00\x9f\x92\x96" * 64)
    return corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def template_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dateline.engine.local import ingest, iter_inputs

    path = tmp_path_factory.mktemp("template") / "template.db"
    with Store(path) as store:
        ingest(store, iter_inputs([corpus]))
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def store(template_db: Path, tmp_path: Path):  # noqa: ANN201
    """A fresh copy of the ingested corpus for this test."""
    path = tmp_path / "dateline.db"
    shutil.copy(template_db, path)
    with Store(path) as s:
        yield s


@pytest.fixture
def empty_store(tmp_path: Path):  # noqa: ANN201
    with Store(tmp_path / "empty.db") as s:
        yield s
