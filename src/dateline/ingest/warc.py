"""Reader for WARC/ARC archives (warcio): each HTML response goes through the HTML reader."""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dateline.errors import InputError
from dateline.ingest.decode import check_length, decode
from dateline.ingest.html import read_html
from dateline.model import Article

_MAX_RECORD_BYTES = 20_000_000


def looks_like_warc(data: bytes) -> bool:
    """WARC/ARC by magic: 'WARC/', an ARC header, or gzip (checked by reading a record)."""
    head = data[:16]
    return head.startswith(b"WARC/") or head.startswith(b"filedesc://") or head.startswith(b"\x1f\x8b")


def read_warc(data: bytes, source: str) -> Iterator[Article | InputError]:
    """Articles from the HTML responses of an archive; a broken record is an error, the rest go on."""
    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{uri or n}"
            try:
                body = record.content_stream().read(_MAX_RECORD_BYTES + 1)  # inflated no further than the cap
                if len(body) > _MAX_RECORD_BYTES:
                    raise InputError(where, f"WARC record over {_MAX_RECORD_BYTES:,} bytes once decompressed: skipped")
                html, _notes = decode(body, where)
                check_length(html, where, limit=20_000_000)
                article = read_html(html, where, url=uri)
            except InputError as exc:
                yield exc
                continue
            article.format = "warc"
            yield article
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, KeyError, TypeError) as exc:
        # warcio raises AttributeError on a response with no WARC-Target-URI, among others
        yield InputError(source, f"WARC/ARC archive is corrupt or truncated after {n} records ({exc})")
        return
    if n == 0:
        yield InputError(source, "no HTML response records in this WARC/ARC archive (or it is not one)")
