"""Read-side queries over the store: quotes by speaker, events by filters, full-text search, stats.

Every query is parameterised; user text reaches SQLite only as bound values (FTS5 queries are
quoted as phrases so operators in user input are inert).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from dateline.gazetteer import fold
from dateline.store.db import Store


@dataclass(frozen=True)
class Page:
    limit: int = 50
    offset: int = 0


def clean(text: str) -> str:
    """User text without NUL and control characters (SQLite would cut a bound string at a NUL)."""
    return "".join(ch if ch >= " " else " " for ch in text)


def fts_phrase(text: str) -> str:
    """A user string as one FTS5 phrase (quotes doubled), so it is matched, never parsed."""
    return '"' + clean(text).replace('"', '""') + '"'


def quotes(store: Store, speaker: str | None = None, about: str | None = None, page: Page = Page()) -> list[dict]:
    sql = ["SELECT q.*, a.title, a.outlet, a.published, a.url FROM quotes q JOIN articles a ON a.id = q.article_id"]
    where, params = [], []
    if about:
        sql.append("JOIN quotes_fts f ON f.rowid = q.rowid")
        where.append("quotes_fts MATCH ?")
        params.append(fts_phrase(about))
    if speaker:
        key_sql, key_params = _speaker_key_match(speaker)
        where.append(f"({key_sql} OR q.speaker_name LIKE ? OR q.speaker_text LIKE ?)")
        params += [*key_params, f"%{clean(speaker)}%", f"%{clean(speaker)}%"]
    return _run(store, sql, where, params, "a.published DESC, q.article_id, q.start", page)


def _speaker_key_match(speaker: str, column: str = "q.speaker_key") -> tuple[str, list[str]]:
    """Every word of the folded query is a word of the identity key in ``column``: 'erdogan' finds
    'Erdoğan', 'Recep Tayyip Erdoğan' and 'President Erdoğan' alike."""
    words = fold(clean(speaker)).replace(":", " ").split() or [""]
    cond = " AND ".join(f"(' ' || replace({column}, ':', ' ') || ' ') LIKE ? ESCAPE '\\'" for _ in words)
    escaped = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words]
    return f"({column} IS NOT NULL AND {cond})", [f"% {w} %" for w in escaped]


def speakers(store: Store, name: str | None = None, page: Page = Page()) -> list[dict]:
    """Speakers across the corpus with quote counts, one row per person or organisation: a surname-only key
    ('person:erdogan') joins the one full name in the corpus that ends in it ('person:recep tayyip erdogan');
    the names it was written under are listed."""
    sql = "SELECT speaker_key, speaker_name, count(*) AS n, count(DISTINCT article_id) AS a FROM quotes q"
    params: list[str] = []
    if name:
        key_sql, params = _speaker_key_match(name)
        sql += f" WHERE {key_sql}"
    rows = store.db.execute(sql + " GROUP BY speaker_key, speaker_name", params).fetchall()
    keys = {r["speaker_key"] for r in rows if r["speaker_key"]}
    merged: dict[str, dict] = {}
    for r in rows:
        key = r["speaker_key"]
        if not key:
            continue
        key = _full_key(key, keys)
        row = merged.setdefault(key, {"speaker_key": key, "quotes": 0, "articles": 0, "names": []})
        row["quotes"] += r["n"]
        row["articles"] += r["a"]
        if r["speaker_name"] and r["speaker_name"] not in row["names"]:
            row["names"].append(r["speaker_name"])
    ordered = sorted(merged.values(), key=lambda r: (-r["quotes"], r["speaker_key"]))
    return ordered[page.offset : page.offset + page.limit]


def _full_key(key: str, keys: set[str]) -> str:
    kind, _, name = key.partition(":")
    if kind != "person" or " " in name:
        return key
    fuller = [k for k in keys if k.startswith("person:") and k.endswith(" " + name)]
    return fuller[0] if len(fuller) == 1 else key


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
        key_sql, key_params = _speaker_key_match(actor, "x.key")
        where.append("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id "
                     f"AND (x.country = ? OR x.sector = ? OR x.text LIKE ? OR {key_sql}))")
        actor = clean(actor)
        params += [actor.upper(), actor.upper(), f"%{actor}%", *key_params]
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
        "SELECT text, entity_id, country, sector, key FROM event_actors WHERE article_id = ? AND event_id = ? "
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


def outlets(store: Store) -> list[dict]:
    """Articles and words per outlet."""
    rows = store.db.execute(
        "SELECT COALESCE(outlet, '(unknown)') AS outlet, COUNT(*) AS articles, "
        "SUM(duplicate_of IS NOT NULL) AS duplicates, MIN(published) AS first, MAX(published) AS last "
        "FROM articles GROUP BY 1 ORDER BY 2 DESC")
    return [dict(r) for r in rows]


def outlet_profile(store: Store, outlet: str, max_articles: int = 5000) -> dict[str, Any]:
    """How an outlet frames: the labels it uses for which actors, its loaded-language rate per 1,000
    words (outside quotations), and its attribution balance (share of quoted words by side)."""
    from dateline.model import Analysis

    labels: dict[tuple[str, str, str], int] = {}
    words = loaded = quoted_words = 0
    sides: dict[str, float] = {"government": 0.0, "opposition": 0.0, "foreign": 0.0, "other": 0.0}
    n = 0
    for row in store.iter_rows("SELECT analysis FROM articles WHERE outlet = ? AND analysis IS NOT NULL "
                               "ORDER BY published DESC LIMIT ?", (outlet, max_articles)):
        an = Analysis.from_dict(json.loads(row[0]))
        n += 1
        words += len(an.article.text.split())
        names = {e.id: e.name for e in an.entities}
        for f in an.frames:
            if f.kind == "label":
                key = (names.get(f.entity_id or "", "(unlinked)"), f.text.lower(), f.label_class or "")
                labels[key] = labels.get(key, 0) + 1
            elif f.kind in {"loaded_language", "qualifier", "scare"} and not f.in_quote:
                loaded += 1
        q_words = sum(len(q.text.split()) for q in an.quotes)
        quoted_words += q_words
        for side, share in an.balance.items():
            sides[side] += share * q_words
    return {
        "outlet": outlet, "articles": n, "words": words,
        "loaded_per_1000_words": round(1000 * loaded / words, 2) if words else 0.0,
        "loaded_label_share": round(sum(c for k, c in labels.items() if k[2] == "loaded")
                                    / max(1, sum(labels.values())), 3),
        "attribution_balance": {k: round(v / quoted_words, 3) for k, v in sides.items()} if quoted_words else {},
        "labels": [{"entity": k[0], "label": k[1], "class": k[2], "count": c}
                   for k, c in sorted(labels.items(), key=lambda x: (-x[1], x[0]))],
    }
