"""Readers: turn files of any supported format into Articles, sniffing the format from content.

``read_path`` and ``read_bytes`` never raise for bad input: they yield an ``InputError`` in place of
the article(s) that could not be read, so a batch goes on past a bad file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest.decode import MAX_ARTICLE_CHARS, check_length, decode, skip_leading_comments
from dateline.ingest.feed import looks_like_feed, read_feed
from dateline.ingest.html import read_html
from dateline.ingest.jsonl import looks_like_jsonl, read_jsonl
from dateline.ingest.markdown import looks_like_markdown, read_markdown
from dateline.ingest.text import read_text
from dateline.ingest.warc import looks_like_warc, read_warc
from dateline.model import Article

FORMATS = ("markdown", "text", "html", "jsonl", "feed", "warc")
MAX_SINGLE_FILE_BYTES = 5_000_000
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)  # after skip_leading_comments

ReadItem = Article | InputError


def sniff(data: bytes, name: str = "") -> str:
    """Guess the format of a file from its first bytes (the name breaks ties for archives)."""
    lower = name.lower()
    if lower.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")) or looks_like_warc(data):
        return "warc"
    head = data[:4096].decode("utf-8", errors="replace").lstrip("\ufeff")
    if looks_like_feed(head):
        return "feed"
    if _HTML_START.match(skip_leading_comments(head)) or (lower.endswith((".html", ".htm")) and "<" in head):
        return "html"
    if looks_like_jsonl(head.split("\n", 1)[0] if "\n" in head else head) or lower.endswith(".jsonl"):
        return "jsonl"
    if looks_like_markdown(head):
        return "markdown"
    return "text"


def read_bytes(data: bytes, source: str, fmt: str | None = None) -> Iterator[ReadItem]:
    """Articles (or errors) from the bytes of one file."""
    if fmt is not None and fmt not in FORMATS:
        yield InputError(source, f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        return
    try:
        fmt = fmt or sniff(data, source)
        if fmt == "warc":
            yield from read_warc(data, source)
            return
        text, notes = decode(data, source)
        if fmt == "jsonl":
            yield from read_jsonl(text, source)
            return
        if fmt == "feed":
            yield from read_feed(data, source)
            return
        if len(data) > MAX_SINGLE_FILE_BYTES:
            raise InputError(
                source,
                f"file is {len(data) / 1e6:.1f} MB, over the {MAX_SINGLE_FILE_BYTES / 1e6:.0f} MB limit for one "
                "article: split it, or give it as JSON Lines with one article per line",
            )
        if fmt == "html":
            article = read_html(text, source)
        elif fmt == "markdown":
            article = read_markdown(text, source)
        else:
            article = read_text(text, source)
        check_length(article.text, source, MAX_ARTICLE_CHARS)
        article.notes.extend(notes)
        yield article
    except InputError as exc:
        yield exc
    except RecursionError as exc:
        yield InputError(source, f"input nests too deeply to parse ({exc})")
    except Exception as exc:  # noqa: BLE001 - one failure boundary per file: the rest of the batch goes on
        yield InputError(source, f"could not be read: internal error {type(exc).__name__}: {str(exc)[:200]}; "
                                 "please report it with the file")


def read_path(path: str | Path, fmt: str | None = None) -> Iterator[ReadItem]:
    """Articles (or errors) from one file."""
    p = Path(path)
    source = str(path)
    if not p.exists():
        yield InputError(source, "no such file")
        return
    if p.is_dir():
        yield InputError(source, "is a directory: use iter_files() or give the files")
        return
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot be read ({exc.strerror or exc})")
        return
    yield from read_bytes(data, source, fmt)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file named, and every file below each named directory, sorted, hidden ones skipped."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield Path(root) / f
        else:
            yield p
