"""Reader for plain-text articles: an optional title line, then the body."""

from __future__ import annotations

from dateline.errors import InputError
from dateline.model import Article

_MAX_TITLE = 250


def read_text(text: str, source: str) -> Article:
    """A first line followed by a blank line is the title; the rest, verbatim, is the body."""
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    if not body:
        raise InputError(source, "empty file: nothing to read")
    title = None
    offset = lead
    first, sep, rest = body.partition("\n")
    if sep and rest.lstrip(" \t").startswith(("\n", "\r\n")) and len(first) <= _MAX_TITLE and rest.strip():
        title = first.strip()
        offset = lead + len(first) + len(sep) + (len(rest) - len(rest.lstrip()))
        body = rest.strip()
    return Article(text=body, title=title or None, source=source, format="text", source_offset=offset)
