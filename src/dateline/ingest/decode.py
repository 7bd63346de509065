"""Turning raw bytes into text: binary detection, UTF-8 with replacement, size limits."""

from __future__ import annotations

import re

from dateline.errors import InputError

MAX_ARTICLE_CHARS = 1_000_000  # spaCy's default max_length; longer texts are refused, not truncated


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (BOM stripped); invalid bytes are replaced and a note says so."""
    notes: list[str] = []
    if not data.strip():
        raise InputError(source, "empty file: nothing to read")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        raise InputError(source, "binary file (contains NUL bytes): give a text, HTML, JSONL, feed or WARC file")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = data.decode("utf-8-sig", errors="replace")
            notes.append(f"invalid UTF-8 at byte {exc.start}: undecodable bytes replaced with U+FFFD")
    if _control_share(text[:8192]) > 0.1:
        raise InputError(source, "binary file (mostly control characters): give a text-based article file")
    return text, notes


_SURROGATES = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> tuple[str, bool]:
    """Lone UTF-16 surrogates (a JSON '\\ud800' escape) replaced with U+FFFD: no encoder, tokenizer or
    database takes them. The flag says whether any was replaced."""
    cleaned, n = _SURROGATES.subn("\ufffd", text)
    return cleaned, n > 0


def skip_leading_comments(text: str) -> str:
    """The text after leading white space, an XML declaration and any number of <!-- --> comments, in
    linear time (a regex with nested quantifiers over comments backtracks exponentially)."""
    pos, n = 0, len(text)
    while True:
        while pos < n and text[pos].isspace():
            pos += 1
        if text.startswith("<?xml", pos):
            close = text.find(">", pos)
            if close < 0:
                return text[pos:]
            pos = close + 1
        elif text.startswith("<!--", pos):
            close = text.find("-->", pos + 4)
            if close < 0:
                return text[pos:]
            pos = close + 3
        else:
            return text[pos:]


def check_length(text: str, source: str, limit: int = MAX_ARTICLE_CHARS) -> None:
    """Refuse article texts too long for the pipeline, with what to do about it."""
    if len(text) > limit:
        raise InputError(
            source,
            f"article text is {len(text):,} characters, over the {limit:,} limit: split the file into articles",
        )


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(text)
