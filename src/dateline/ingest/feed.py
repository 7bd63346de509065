"""Reader for RSS and Atom files (feedparser): one Article per entry that carries content."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import feedparser

from dateline.errors import InputError
from dateline.ingest.dates import normalise_date
from dateline.ingest.decode import check_length, skip_leading_comments
from dateline.ingest.htmltext import html_fragment_text
from dateline.model import Article

_FEED_START = re.compile(r"<(rss|feed|rdf:RDF)\b", re.I)  # after skip_leading_comments


def looks_like_feed(text: str) -> bool:
    """True for an RSS, RDF or Atom document."""
    return bool(_FEED_START.match(skip_leading_comments(text[:4096])))


def read_feed(data: bytes | str, source: str) -> Iterator[Article | InputError]:
    """Entries with content or a summary become Articles; the feed title is the outlet."""
    try:  # a stream, always: text or bytes that look like a path or URL would make feedparser open it
        parsed = feedparser.parse(io.BytesIO(data.encode("utf-8") if isinstance(data, str) else data))
    except Exception as exc:  # feedparser wraps most errors, but not all
        yield InputError(source, f"feed could not be parsed ({type(exc).__name__})")
        return
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        yield InputError(source, f"feed has no entries{f' ({reason})' if reason else ''}")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, start=1):
        html = ""
        if entry.get("content"):
            html = entry["content"][0].get("value", "")
        if not html:
            html = entry.get("summary", "") or entry.get("description", "")
        text = html_fragment_text(html)
        if not text:
            continue
        try:
            check_length(text, f"{source}#entry{n}")
        except InputError as exc:
            yield exc
            continue
        published = normalise_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield Article(
            text=text,
            title=(entry.get("title") or "").strip() or None,
            url=entry.get("link"),
            outlet=outlet,
            published=published,
            published_source="metadata" if published else None,
            source=f"{source}#entry{n}",
            format="feed",
        )
