"""Reader for HTML pages, through trafilatura: main text, title, date, site name."""

from __future__ import annotations

import trafilatura

from dateline.errors import InputError
from dateline.ingest.dates import normalise_date
from dateline.model import Article


def read_html(html: str, source: str, url: str | None = None) -> Article:
    """Extract the article from a page; paragraphs are separated by blank lines."""
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(source, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if doc is None:
        raise InputError(source, "HTML page has no extractable article text")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    lines = [ln.strip() for ln in (meta.get("text") or "").split("\n") if ln.strip()]
    title = (meta.get("title") or "").strip() or None
    if lines and title and lines[0] == title:
        lines = lines[1:]
    text = "\n\n".join(lines)
    if not text:
        raise InputError(source, "HTML page has no extractable article text")
    return Article(
        text=text,
        title=title,
        url=url or meta.get("url"),
        outlet=(meta.get("sitename") or "").strip() or None,
        published=normalise_date(meta.get("date")),
        published_source="metadata" if meta.get("date") else None,
        source=source,
        format="html",
    )
