"""The corpus store: SQLite in WAL mode, schema migrations, one transaction per article.

Every statement is parameterised. An article is written with all its records in one transaction,
so a process killed at any point leaves each article either whole or absent.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.model import Analysis
from dateline.store.schema import MIGRATIONS

RECORD_TABLES = ("entities", "mentions", "quotes", "events", "event_actors", "places", "times", "frames")


class Store:
    """A dateline corpus in one SQLite file."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        try:
            if readonly:
                _require(self.path)
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                # WAL's recommended setting: no fsync per article; a killed ingest loses nothing committed,
                # and only a power cut can drop the last commits, which a re-run of the ingest restores
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=10000")
            if not readonly:
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable SQLite store ({exc}); give another --db path") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema --------------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = row[0] or 0
        for version, sql in enumerate(MIGRATIONS, start=1):
            if version <= current:
                continue
            with self.db:
                self.db.executescript("BEGIN;" + sql + f";INSERT INTO schema_version VALUES ({version});COMMIT;")

    def version(self) -> int:
        return int(self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)

    # --- writing -------------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add(self, analysis: Analysis, story_id: str, duplicate_of: str | None = None,
            bands: list[tuple[int, str]] | None = None, signature: bytes | None = None) -> bool:
        """Store an analysed article (or a duplicate's article row only) in one transaction.
        Returns False if it was already stored."""
        a = analysis.article
        d = a.dateline
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        try:
            with self.db:
                cur = self.db.execute(
                    "INSERT OR IGNORE INTO articles (id, url, title, outlet, published, published_source, month, "
                    "dateline_place, dateline_date, dateline_agency, source, format, text, story_id, duplicate_of, "
                    "analysis, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (a.id, a.url, a.title, a.outlet, a.published, a.published_source,
                     a.published[:7] if a.published else None, d.place if d else None,
                     d.date_text if d else None, d.agency if d else None, a.source, a.format, a.text, story_id,
                     duplicate_of, None if duplicate_of else analysis.to_json(), now),
                )
                if cur.rowcount == 0:
                    return False
                if duplicate_of is None:
                    self._records(analysis)
                for band, value in bands or []:
                    self.db.execute("INSERT INTO lsh_bands VALUES (?,?,?)", (band, value, a.id))
                if signature is not None:
                    self.db.execute("INSERT INTO minhashes VALUES (?,?)", (a.id, signature))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: could not store article {a.id} from {a.source} ({exc})") from exc
        return True

    def _records(self, an: Analysis) -> None:
        aid = an.article.id
        ex = self.db.executemany
        ex("INSERT INTO entities VALUES (?,?,?,?,?,?,?)",
           [(aid, e.id, e.name, e.type, e.role, e.country, e.sector) for e in an.entities])
        ex("INSERT INTO mentions VALUES (?,?,?,?,?,?,?)",
           [(aid, m.entity_id, m.start, m.end, m.text, m.label, m.kind) for e in an.entities for m in e.mentions])
        ex("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
           [(aid, q.id, q.kind, q.text, q.start, q.end, q.speaker_id, q.speaker_name, q.speaker_text,
             q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end, q.speaker_kind, q.speaker_key)
            for q in an.quotes])
        ex("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
           [(aid, v.id, v.type, v.mode, v.context, v.modality, v.attributed_to, v.attributed_name, v.quote_id,
             v.place_id, v.place_name, v.date, v.cameo_root, v.trigger, v.trigger_start, v.trigger_end,
             v.sentence_start, v.sentence_end) for v in an.events])
        ex("INSERT INTO event_actors VALUES (?,?,?,?,?,?,?,?,?,?,?)",
           [(aid, v.id, side, n, x.text, x.start, x.end, x.entity_id, x.country, x.sector, x.key)
            for v in an.events for side, actors in (("source", v.source), ("target", v.target))
            for n, x in enumerate(actors)])
        ex("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
           [(aid, p.id, p.text, p.start, p.end, p.geonameid, p.name, p.country_code, p.lat, p.lon, p.feature,
             p.entity_id) for p in an.places])
        ex("INSERT INTO times VALUES (?,?,?,?,?,?,?)",
           [(aid, t.id, t.text, t.start, t.end, t.value, t.granularity) for t in an.times])
        ex("INSERT INTO frames VALUES (?,?,?,?,?,?,?,?,?,?,?)",
           [(aid, f.id, f.kind, f.text, f.start, f.end, f.reason, f.label_class, f.entity_id, int(f.in_quote),
             f.speaker_id) for f in an.frames])

    def record_error(self, source: str, problem: str) -> None:
        """Remember a bad input once (a repeat run counts it, it does not duplicate it)."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.db:
            self.db.execute(
                "INSERT INTO errors VALUES (?,?,?,?,1) ON CONFLICT(source, problem) "
                "DO UPDATE SET last_seen = excluded.last_seen, times = times + 1",
                (source, problem, now, now),
            )

    # --- near-duplicates ------------------------------------------------------------------------------
    def candidates(self, bands: list[tuple[int, str]]) -> list[str]:
        """Articles sharing at least one LSH band with these."""
        found: list[str] = []
        for band, value in bands:
            for row in self.db.execute("SELECT article_id FROM lsh_bands WHERE band = ? AND hash = ?", (band, value)):
                if row[0] not in found:
                    found.append(row[0])
        return found

    def signature(self, article_id: str) -> bytes | None:
        row = self.db.execute("SELECT signature FROM minhashes WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    # --- reading -----------------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in (*RECORD_TABLES, "articles", "errors"):
            raise StoreError(f"unknown table {table!r}")
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608 - fixed names

    def analysis(self, article_id: str) -> Analysis | None:
        """The stored analysis of an article (a duplicate gives its original's records)."""
        row = self.db.execute("SELECT analysis, duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        if row["analysis"] is None and row["duplicate_of"]:
            return self.analysis(row["duplicate_of"])
        return Analysis.from_dict(json.loads(row["analysis"]))

    def iter_analyses(self, batch: int = 200) -> Iterator[Analysis]:
        """Every stored analysis, streamed in insertion order (duplicates are skipped)."""
        cur = self.db.execute("SELECT analysis FROM articles WHERE analysis IS NOT NULL ORDER BY rowid")
        while rows := cur.fetchmany(batch):
            for row in rows:
                yield Analysis.from_dict(json.loads(row[0]))

    def iter_rows(self, sql: str, params: tuple[Any, ...] = (), batch: int = 500) -> Iterator[sqlite3.Row]:
        cur = self.db.execute(sql, params)
        while rows := cur.fetchmany(batch):
            yield from rows

    def errors(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM errors ORDER BY last_seen DESC, source").fetchall()

    def article_row(self, article_id: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()


def existing_store(path: str | Path) -> Store:
    """Open a store that must already exist (for query, export, serve)."""
    _require(Path(path))
    return Store(path)


def _require(path: Path) -> None:
    if not path.exists():
        raise StoreError(f"{path}: no such store; create it with `dateline ingest FILES --db {path}`")

