"""Read-side queries over the store: quotes by speaker, events by filters, full-text search, stats.

Every query is parameterised; user text reaches SQLite only as bound values (FTS5 queries are
quoted as phrases so operators in user input are inert).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from dateline.store.db import Store


@dataclass(frozen=True)
class Page:
    limit: int = 50
    offset: int = 0


def fts_phrase(text: str) -> str:
    """A user string as one FTS5 phrase (quotes doubled), so it is matched, never parsed."""
    return '"' + text.replace('"', '""') + '"'


def quotes(store: Store, speaker: str | None = None, about: str | None = None, page: Page = Page()) -> list[dict]:
    sql = ["SELECT q.*, a.title, a.outlet, a.published, a.url FROM quotes q JOIN articles a ON a.id = q.article_id"]
    where, params = [], []
    if about:
        sql.append("JOIN quotes_fts f ON f.rowid = q.rowid")
        where.append("quotes_fts MATCH ?")
        params.append(fts_phrase(about))
    if speaker:
        where.append("(q.speaker_name LIKE ? OR q.speaker_text LIKE ?)")
        params += [f"%{speaker}%", f"%{speaker}%"]
    return _run(store, sql, where, params, "a.published DESC, q.article_id, q.start", page)


def events(store: Store, type: str | None = None, actor: str | None = None, country: str | None = None,
           since: str | None = None, until: str | None = None, modality: str | None = None,
           page: Page = Page()) -> list[dict]:
    sql = ["SELECT e.*, a.title, a.outlet, a.url, p.country_code AS place_country, p.lat, p.lon "
           "FROM events e JOIN articles a ON a.id = e.article_id "
           "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id"]
    where, params = [], []
    if type:
        where.append("e.type = ?")
        params.append(type.upper())
    if actor:
        where.append("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id "
                     "AND (x.country = ? OR x.sector = ? OR x.text LIKE ?))")
        params += [actor.upper(), actor.upper(), f"%{actor}%"]
    if country:
        where.append("p.country_code = ?")
        params.append(country.upper())
    if since:
        where.append("e.date >= ?")
        params.append(since)
    if until:
        where.append("e.date <= ?")
        params.append(until + "\uffff")
    if modality:
        where.append("e.modality = ?")
        params.append(modality)
    rows = _run(store, sql, where, params, "e.date DESC, e.article_id, e.trigger_start", page)
    for row in rows:
        row["source"] = _actors(store, row["article_id"], row["id"], "source")
        row["target"] = _actors(store, row["article_id"], row["id"], "target")
    return rows


def search(store: Store, text: str, page: Page = Page()) -> list[dict]:
    """Articles whose title or text match, with a highlighted snippet."""
    sql = ["SELECT a.id, a.title, a.outlet, a.published, a.url, "
           "snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet FROM articles_fts "
           "JOIN articles a ON a.rowid = articles_fts.rowid"]
    return _run(store, sql, ["articles_fts MATCH ?"], [fts_phrase(text)], "rank", page)


def search_quotes(store: Store, text: str, page: Page = Page()) -> list[dict]:
    sql = ["SELECT q.article_id, q.id, q.kind, q.text, q.speaker_name, q.speaker_text, a.title, a.outlet, "
           "a.published FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid "
           "JOIN articles a ON a.id = q.article_id"]
    return _run(store, sql, ["quotes_fts MATCH ?"], [fts_phrase(text)], "rank", page)


def stats(store: Store) -> dict[str, Any]:
    db = store.db
    out: dict[str, Any] = {
        "articles": db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
        "analysed": db.execute("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL").fetchone()[0],
        "duplicates": db.execute("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
        "stories": db.execute("SELECT COUNT(DISTINCT story_id) FROM articles").fetchone()[0],
        "outlets": db.execute("SELECT COUNT(DISTINCT outlet) FROM articles").fetchone()[0],
        "errors": db.execute("SELECT COUNT(*) FROM errors").fetchone()[0],
    }
    for table in ("entities", "quotes", "events", "places", "times", "frames"):
        out[table] = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
    out["events_by_type"] = dict(db.execute("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC"))
    out["first_published"], out["last_published"] = db.execute(
        "SELECT MIN(published), MAX(published) FROM articles").fetchone()
    return out


def _actors(store: Store, article_id: str, event_id: str, side: str) -> list[dict]:
    rows = store.db.execute(
        "SELECT text, entity_id, country, sector FROM event_actors WHERE article_id = ? AND event_id = ? "
        "AND side = ? ORDER BY position", (article_id, event_id, side))
    return [dict(r) for r in rows]


def _run(store: Store, sql: list[str], where: list[str], params: list[Any], order: str, page: Page) -> list[dict]:
    text = " ".join(sql) + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {order} LIMIT ? OFFSET ?"
    try:
        return [dict(r) for r in store.db.execute(text, (*params, page.limit, page.offset))]
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            return []
        raise
