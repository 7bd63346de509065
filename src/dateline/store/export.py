"""Exports, streamed from the store in constant memory: JSON Lines of whole analyses, Parquet
datasets per record kind partitioned by month, CSV per record kind, PLOVER JSON event records,
and a GDELT-2.0-events-like TSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from dateline.store.db import Store

KINDS = ("articles", "entities", "quotes", "events", "event_actors", "places", "times", "frames")
_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
         "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4,
         "COERCE": 4, "ASSAULT": 4}
GDELT_COLUMNS = ["GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
                 "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode",
                 "EventRootCode", "QuadClass", "PLOVERType", "PLOVERMode", "Modality", "AttributedTo",
                 "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL"]


def _month_rows(store: Store, kind: str, batch: int = 1000) -> Iterator[dict]:
    if kind == "articles":
        sql = ("SELECT id, url, title, outlet, published, published_source, dateline_place, dateline_date, "
               "dateline_agency, source, format, story_id, duplicate_of, ingested_at, "
               "COALESCE(month, 'unknown') AS month FROM articles ORDER BY rowid")
    else:
        sql = (f"SELECT r.*, COALESCE(a.month, 'unknown') AS month FROM {kind} r "  # noqa: S608 - fixed names
               "JOIN articles a ON a.id = r.article_id ORDER BY r.rowid")
    for row in store.iter_rows(sql, batch=batch):
        yield dict(row)


def export_jsonl(store: Store, out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for analysis in store.iter_analyses():
            fh.write(analysis.to_json() + "\n")
            n += 1
    return n


def export_csv(store: Store, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for kind in KINDS:
        n = 0
        with (out / f"{kind}.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = None
            for row in _month_rows(store, kind):
                if writer is None:
                    writer = csv.DictWriter(fh, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow(row)
                n += 1
        counts[kind] = n
    return counts


def export_parquet(store: Store, out: Path, batch: int = 2000) -> dict[str, int]:
    """One Hive-partitioned dataset per record kind under out/KIND/month=YYYY-MM/."""
    counts = {}
    for kind in KINDS:
        rows = _month_rows(store, kind, batch)
        first = next(rows, None)
        if first is None:
            counts[kind] = 0
            continue
        schema = _schema(first)
        counter = [0]

        def batches(first: dict = first, rows: Iterator[dict] = rows, schema: pa.Schema = schema,
                    counter: list[int] = counter) -> Iterator[pa.RecordBatch]:
            chunk = [first]
            for row in rows:
                chunk.append(row)
                if len(chunk) >= batch:
                    counter[0] += len(chunk)
                    yield pa.RecordBatch.from_pylist(chunk, schema=schema)
                    chunk = []
            if chunk:
                counter[0] += len(chunk)
                yield pa.RecordBatch.from_pylist(chunk, schema=schema)

        ds.write_dataset(batches(), out / kind, schema=schema, format="parquet", partitioning=["month"],
                         partitioning_flavor="hive", existing_data_behavior="delete_matching")
        counts[kind] = counter[0]
    return counts


def _schema(row: dict) -> pa.Schema:
    fields = []
    for key, value in row.items():
        if isinstance(value, bool):
            typ = pa.bool_()
        elif isinstance(value, int) or key in {"start", "end", "position", "geonameid", "in_quote"} \
                or key.endswith(("_start", "_end")):
            typ = pa.int64()
        elif isinstance(value, float) or key in {"lat", "lon"}:
            typ = pa.float64()
        else:
            typ = pa.string()
        fields.append(pa.field(key, typ))
    return pa.schema(fields)


def plover_records(store: Store) -> Iterator[dict]:
    """PLOVER-style JSON event records, with dateline's modality and attribution."""
    sql = ("SELECT e.*, a.url, a.outlet, a.published, substr(a.text, e.sentence_start + 1, "
           "e.sentence_end - e.sentence_start) AS sentence, p.country_code AS place_country, p.lat, p.lon "
           "FROM events e JOIN articles a ON a.id = e.article_id "
           "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id ORDER BY e.rowid")
    for row in store.iter_rows(sql):
        actors = {"source": [], "target": []}
        for x in store.db.execute("SELECT * FROM event_actors WHERE article_id = ? AND event_id = ? ORDER BY side, "
                                  "position", (row["article_id"], row["id"])):
            actors[x["side"]].append({"actorText": x["text"], "code": x["country"] or _pseudo(x["sector"]),
                                      "sector": x["sector"]})
        yield {
            "id": f"{row['article_id']}-{row['id']}", "date": row["date"] or row["published"], "event": row["type"],
            "mode": row["mode"] or "", "context": row["context"] or "", "source": actors["source"],
            "target": actors["target"], "eventText": row["trigger"], "text": row["sentence"],
            "modality": row["modality"], "attributedTo": row["attributed_name"],
            "location": {"name": row["place_name"], "country": row["place_country"], "lat": row["lat"],
                         "lon": row["lon"]} if row["place_name"] else None,
            "url": row["url"], "publication": row["outlet"], "coder": "dateline", "version": "PLOVER-0.8",
        }


def export_plover(store: Store, out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for rec in plover_records(store):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def export_gdelt(store: Store, out: Path) -> int:
    n = 0
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for rec in plover_records(store):
            n += 1
            a1 = rec["source"][0] if rec["source"] else {}
            a2 = rec["target"][0] if rec["target"] else {}
            loc = rec["location"] or {}
            root = store_root(rec)
            writer.writerow([
                n, (rec["date"] or "")[:10].replace("-", ""), a1.get("code") or "", a1.get("actorText") or "",
                a1.get("code") or "", a1.get("sector") or "", a2.get("code") or "", a2.get("actorText") or "",
                a2.get("code") or "", a2.get("sector") or "", 1, root, root, _QUAD.get(rec["event"], ""),
                rec["event"], rec["mode"], rec["modality"], rec["attributedTo"] or "", loc.get("name") or "",
                loc.get("country") or "", loc.get("lat") or "", loc.get("lon") or "", rec["url"] or "",
            ])
    return n


def store_root(rec: dict) -> str:
    from dateline.extract.events import cameo_root

    return cameo_root(rec["event"], rec["mode"] or None) or ""


def _pseudo(sector: str | None) -> str | None:
    return sector if sector in {"IGO", "NGO"} else None
