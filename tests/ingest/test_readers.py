"""Each reader on a realistic fixture, and format sniffing."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import InputError
from dateline.ingest import read_bytes, read_path, sniff
from helpers import ARTICLES, read_one


def test_markdown_reader_splits_layout_and_keeps_offsets() -> None:
    a = read_one("kyiv_wire.md")
    assert a.format == "markdown"
    assert a.title == "Ukraine's Foreign Minister Says Talks With Moscow Will Resume Next Month"
    assert a.url == "https://apnews.example/article/ukraine-russia-talks-2023-03-14"
    assert a.outlet == "Associated Press"
    assert a.text.startswith("KYIV, Ukraine, March 14 (AP)")
    assert a.text.endswith("send observers to Odesa.")
    raw = (ARTICLES / "kyiv_wire.md").read_text(encoding="utf-8")
    assert raw[a.source_offset : a.source_offset + len(a.text)] == a.text


def test_text_reader_takes_title_line() -> None:
    a = read_one("paris_texas.txt")
    assert a.format == "text"
    assert a.title == "Flooding closes schools in Paris, Texas"
    assert a.text.startswith("PARIS, Texas, May 2 (Reuters)")
    raw = (ARTICLES / "paris_texas.txt").read_text(encoding="utf-8")
    assert raw[a.source_offset : a.source_offset + len(a.text)] == a.text


def test_html_reader_uses_trafilatura_metadata() -> None:
    a = read_one("tbilisi.html")
    assert a.format == "html"
    assert a.title == "Georgian parliament passes disputed media law"
    assert a.outlet == "Caucasus Herald"
    assert a.published == "2024-05-14"
    assert a.published_source == "metadata"
    assert a.text.startswith("TBILISI, Georgia (AFP)")
    assert "Home" not in a.text and "Copyright" not in a.text


def test_jsonl_reader_one_article_per_line() -> None:
    items = list(read_path(ARTICLES / "atlanta.jsonl"))
    assert [i.title for i in items] == ["Georgia lawmakers approve new voting map", "Storm knocks out power across Atlanta"]
    assert items[0].published == "2023-12-07" and items[0].outlet == "Southern Ledger"
    assert items[0].source.endswith("atlanta.jsonl:1")


def test_jsonl_bad_line_is_an_error_and_the_rest_go_on() -> None:
    data = b'{"text": "Good one."}\nnot json\n{"title": "no text"}\n{"text": "Second good."}\n'
    items = list(read_bytes(data, "batch.jsonl"))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [a.text for a in items if not isinstance(a, InputError)] == ["Good one.", "Second good."]
    assert [e.source for e in errors] == ["batch.jsonl:2", "batch.jsonl:3"]
    assert "not valid JSON" in errors[0].problem and "'text'" in errors[1].problem


def test_feed_reader_entries_with_content() -> None:
    items = list(read_path(ARTICLES / "feed.xml"))
    assert [i.title for i in items] == ["Mali junta expels French ambassador", "Niger protesters rally outside French base"]
    assert all(i.outlet == "Sahel Monitor" and i.format == "feed" for i in items)
    assert items[0].published == "2022-01-31"
    assert items[0].text.startswith("BAMAKO, Mali (AFP)") and "\n\n" in items[0].text
    assert "<p>" not in items[0].text


def _warc(records: list[tuple[str, bytes, str]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, body, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def test_warc_reader_reads_html_responses() -> None:
    html = (ARTICLES / "tbilisi.html").read_bytes()
    data = _warc([("https://caucasusherald.example/a", html, "text/html; charset=utf-8"),
                  ("https://caucasusherald.example/logo.png", b"\x89PNG", "image/png")])
    assert sniff(data, "crawl.warc.gz") == "warc"
    items = list(read_bytes(data, "crawl.warc.gz"))
    assert len(items) == 1 and not isinstance(items[0], InputError)
    assert items[0].url == "https://caucasusherald.example/a"
    assert items[0].title == "Georgian parliament passes disputed media law"


def test_sniffing_by_content() -> None:
    assert sniff((ARTICLES / "kyiv_wire.md").read_bytes()) == "markdown"
    assert sniff((ARTICLES / "tbilisi.html").read_bytes()) == "html"
    assert sniff((ARTICLES / "atlanta.jsonl").read_bytes()) == "jsonl"
    assert sniff((ARTICLES / "feed.xml").read_bytes()) == "feed"
    assert sniff((ARTICLES / "paris_texas.txt").read_bytes()) == "text"
    assert sniff(b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>') == "feed"


def test_format_override() -> None:
    items = list(read_bytes(b"# Not a title\n\n---\nbody\n", "x.md", fmt="text"))
    assert items[0].format == "text"
    bad = list(read_bytes(b"text", "x", fmt="docx"))
    assert isinstance(bad[0], InputError) and "unknown format" in bad[0].problem
