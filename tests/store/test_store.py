"""The store: ingest of every format, idempotence, resumability, near-duplicates, errors."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dateline.engine.local import ingest, iter_inputs
from dateline.errors import InputError
from dateline.store.db import Store


def _expected_ids(corpus: Path) -> set[str]:
    return {a.id for a in iter_inputs([corpus]) if not isinstance(a, InputError)}


def test_ingests_every_format(store: Store, corpus: Path) -> None:
    formats = {r[0] for r in store.db.execute("SELECT DISTINCT format FROM articles")}
    assert formats == {"markdown", "text", "html", "jsonl", "feed", "warc"}
    assert store.count("articles") >= 30
    warc = store.db.execute("SELECT title, source FROM articles WHERE url = ?",
                            ("https://caucasusherald.example/crawl/1",)).fetchone()
    assert warc["title"] == "Georgian lawmakers passes disputed media law" and "crawl.warc.gz" in warc["source"]
    assert {a for a in _expected_ids(corpus)} == {r[0] for r in store.db.execute("SELECT id FROM articles")}


def test_corrupt_file_is_recorded_and_the_rest_stored(store: Store) -> None:
    errors = store.errors()
    assert len(errors) == 1
    assert errors[0]["source"].endswith("broken.txt") and "binary" in errors[0]["problem"]


def test_reingest_adds_nothing_and_counts_errors_once(store: Store, corpus: Path) -> None:
    before = {t: store.count(t) for t in ("articles", "quotes", "events", "entities")}
    report = ingest(store, iter_inputs([corpus]))
    assert report.stored == 0 and report.duplicates == 0 and report.skipped >= 30
    assert {t: store.count(t) for t in before} == before
    assert store.errors()[0]["times"] == 2 and len(store.errors()) == 1


def test_near_duplicates_share_a_story_and_are_not_reextracted(store: Store) -> None:
    rows = store.db.execute("SELECT id, source, story_id, duplicate_of FROM articles WHERE source LIKE ? "
                            "OR source LIKE ? ORDER BY source", ("%/wire_original.txt", "%/wire_republished.txt"))
    rows = rows.fetchall()
    original, copy = rows
    assert original["source"].endswith("wire_original.txt") and copy["source"].endswith("wire_republished.txt")
    assert copy["story_id"] == original["story_id"] == original["id"]
    assert copy["duplicate_of"] == original["id"]
    assert store.db.execute("SELECT COUNT(*) FROM quotes WHERE article_id = ?", (copy["id"],)).fetchone()[0] == 0
    assert store.analysis(copy["id"]).quotes == store.analysis(original["id"]).quotes
    # the WARC copy of the Tbilisi page (edited headline) is the same story as the HTML file
    pair = store.db.execute("SELECT story_id, duplicate_of FROM articles WHERE title LIKE 'Georgian %media law'")
    pair = pair.fetchall()
    assert len(pair) == 2 and pair[0]["story_id"] == pair[1]["story_id"]
    assert sum(r["duplicate_of"] is not None for r in pair) == 1


def test_records_point_into_the_stored_text(store: Store) -> None:
    for row in store.db.execute("SELECT q.start, q.\"end\", q.text, a.text AS body FROM quotes q "
                                "JOIN articles a ON a.id = q.article_id LIMIT 50"):
        assert row["body"][row["start"] : row["end"]] == row["text"]


def test_schema_is_versioned_and_wal(empty_store: Store) -> None:
    from dateline.store.schema import MIGRATIONS

    assert empty_store.version() == len(MIGRATIONS) == 2
    assert empty_store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again = Store(empty_store.path)
    assert again.version() == 2
    again.close()


def test_a_version_1_store_is_migrated_keeping_its_quotes(tmp_path: Path) -> None:
    from dateline.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + ";CREATE TABLE schema_version (version INTEGER NOT NULL);"
                     "INSERT INTO schema_version VALUES (1);")
    db.execute("INSERT INTO articles (id, text, story_id, ingested_at) VALUES ('a1', 'x', 'a1', 'now')")
    db.execute("INSERT INTO quotes (article_id, id, kind, text, speaker_name) VALUES ('a1', 'Q1', 'direct', 'hi', 'Erdoğan')")
    db.commit()
    db.close()
    store = Store(path)
    assert store.version() == 2
    row = store.db.execute("SELECT speaker_name, speaker_kind, speaker_key FROM quotes").fetchone()
    assert tuple(row) == ("Erdoğan", None, None)
    store.close()


def test_sigkill_mid_ingest_then_resume_stores_each_article_once(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=1) as con:
                stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 4:
            os.killpg(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert 4 <= stored < len(_expected_ids(corpus)), "the ingest was not interrupted midway"
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1  # the corrupt file is still reported
    with Store(db) as s:
        ids = [r[0] for r in s.db.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == len(_expected_ids(corpus))
        assert set(ids) == _expected_ids(corpus)
        # no half-written article: every analysed article has its analysis and its records
        assert s.db.execute("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL AND analysis IS NULL"
                            ).fetchone()[0] == 0
        orphans = s.db.execute("SELECT COUNT(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans.fetchone()[0] == 0


def test_two_workers_store_the_same_records(corpus: Path, store: Store, tmp_path: Path) -> None:
    with Store(tmp_path / "two.db") as two:
        report = ingest(two, iter_inputs([corpus / "articles"]), workers=2)
        assert report.stored > 0
        compared = 0
        for row in two.db.execute("SELECT id, analysis FROM articles WHERE analysis IS NOT NULL"):
            one = store.db.execute("SELECT analysis FROM articles WHERE id = ?", (row[0],)).fetchone()[0]
            if one is not None:  # (in the full corpus the HTML page is the WARC copy's duplicate)
                assert one == row[1]
                compared += 1
        assert compared >= 10
