"""Reader for JSON Lines: one article object per line (`text` required)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from dateline.errors import InputError
from dateline.ingest.dates import normalise_date
from dateline.ingest.decode import check_length, without_surrogates
from dateline.model import Article

FIELDS = ("text", "title", "url", "outlet", "published")


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-empty line is a JSON object."""
    for line in text.splitlines():
        if line.strip():
            s = line.strip()
            if not s.startswith("{"):
                return False
            try:
                return isinstance(json.loads(s), dict)
            except ValueError:
                return False
    return False


def read_jsonl(text: str, source: str) -> Iterator[Article | InputError]:
    """One Article per good line; a bad line yields an InputError naming the line, the rest go on."""
    for n, line in enumerate(text.split("\n"), start=1):  # U+2028 and friends are legal inside JSON strings
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield InputError(where, f"line is not valid JSON ({getattr(exc, 'msg', exc)})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "line is not a JSON object")
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "object has no non-empty string field 'text'")
            continue
        try:
            check_length(body, where)
        except InputError as exc:
            yield exc
            continue
        meta = {k: obj.get(k) if isinstance(obj.get(k), str) else None for k in FIELDS[1:]}
        body, replaced = without_surrogates(body)
        for key, value in meta.items():
            if value is not None:
                meta[key], also = without_surrogates(value)
                replaced = replaced or also
        published = normalise_date(meta["published"])
        yield Article(
            notes=["lone UTF-16 surrogates replaced with U+FFFD"] if replaced else [],
            text=body.strip(),
            title=meta["title"],
            url=meta["url"],
            outlet=meta["outlet"],
            published=published,
            published_source="metadata" if published else None,
            source=where,
            format="jsonl",
        )
