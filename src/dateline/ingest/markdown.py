"""Reader for the specimen layout: '# Title', '---', body, '---', '<url>', '**Outlet**'."""

from __future__ import annotations

import re

from dateline.errors import InputError
from dateline.model import Article

_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M)
_TITLE = re.compile(r"^[ \t]*#[ \t]+(.+?)[ \t]*$", re.M)
# within one line ([ \t], never \s): '^\s*' under re.M rescans every run of blank lines (quadratic)
_URL = re.compile(r"<(https?://[^>\s]+)>|^[ \t]*(https?://\S+)[ \t]*$", re.M)
_OUTLET = re.compile(r"^[ \t]*(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*$", re.M)


def looks_like_markdown(text: str) -> bool:
    """True for the '# Title' + '---' layout."""
    return bool(re.match(r"\s*#[ \t]+\S", text)) and bool(_RULE.search(text))


def read_markdown(text: str, source: str) -> Article:
    """Split the layout into title, body (kept verbatim, with its offset in the file), URL and outlet."""
    title_m = _TITLE.search(text)
    if not title_m:
        raise InputError(source, "markdown article has no '# Title' line")
    title = _strip_emphasis(title_m.group(1))
    rules = [m for m in _RULE.finditer(text) if m.start() > title_m.end()]
    body_start = rules[0].end() if rules else title_m.end()
    body_end = len(text)
    trailer = ""
    if len(rules) >= 2:
        last = rules[-1]
        tail = text[last.end():]
        if _URL.search(tail) or _OUTLET.search(tail) or not tail.strip():
            body_end, trailer = last.start(), tail
    raw_body = text[body_start:body_end]
    stripped = raw_body.strip()
    if not stripped:
        raise InputError(source, "markdown article has an empty body between the '---' lines")
    offset = body_start + (len(raw_body) - len(raw_body.lstrip()))
    url_m = _URL.search(trailer)
    outlet_m = _OUTLET.search(trailer)
    return Article(
        text=stripped,
        title=title or None,
        url=(url_m.group(1) or url_m.group(2)) if url_m else None,
        outlet=outlet_m.group(1).strip() if outlet_m else None,
        source=source,
        format="markdown",
        source_offset=offset,
    )


def _strip_emphasis(s: str) -> str:
    return re.sub(r"^[*_]+|[*_]+$", "", s.strip()).strip()
