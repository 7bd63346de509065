"""Property tests: no reader lets anything but InputError escape, whatever the bytes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.ingest import FORMATS, read_bytes
from dateline.model import Article

_PREFIXES = [b"", b"# Title\n\n---\n", b"<html><body><p>", b"{\"text\": ", b"<?xml version='1.0'?><rss><channel>",
             b"WARC/1.0\r\n", b"\x1f\x8b", b"<feed xmlns='http://www.w3.org/2005/Atom'>"]


@settings(max_examples=150, deadline=None)
@given(prefix=st.sampled_from(_PREFIXES), body=st.binary(max_size=600), fmt=st.sampled_from((None, *FORMATS)))
def test_random_bytes_only_yield_articles_or_input_errors(prefix: bytes, body: bytes, fmt: str | None) -> None:
    for item in read_bytes(prefix + body, "fuzz.bin", fmt):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert item.text.strip()


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=800), fmt=st.sampled_from((None, *FORMATS)))
def test_random_text_only_yields_articles_or_input_errors(text: str, fmt: str | None) -> None:
    for item in read_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.txt", fmt):
        assert isinstance(item, Article | InputError)
