"""Every page renders over a fresh store and links records to their evidence."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def _article_id(client: TestClient, title_start: str) -> str:
    items = client.get("/api/articles", params={"limit": 500}).json()["items"]
    return next(a["id"] for a in items if (a["title"] or "").startswith(title_start))


def test_index_lists_articles(client: TestClient) -> None:
    html = client.get("/").text
    assert "Corpus" in html and "Ukraine&#39;s Foreign Minister Says Talks" in html


def test_article_page_highlights_and_panel(client: TestClient) -> None:
    aid = _article_id(client, "Ukraine's Foreign Minister")
    html = client.get(f"/articles/{aid}").text
    assert 'id="quote-Q1"' in html and 'data-target="quote-Q1"' in html
    assert re.search(r'class="hl-event[^"]*"', html) and 'class="hl-place"' in html and "hl-time" in html
    assert "Olena Kovalenko" in html and 'class="tag modality-' in html
    assert client.get("/articles/unknown", headers={"accept": "text/html"}).status_code == 404


def test_speaker_page(client: TestClient) -> None:
    html = client.get("/speakers", params={"name": "Margus Tsahkna"}).text
    assert "What Margus Tsahkna said" in html and "A grey zone invites aggression" in html


def test_event_explorer_filters_and_charts(client: TestClient) -> None:
    html = client.get("/events", params={"type": "ASSAULT"}).text
    assert "<svg class=\"timeline\"" in html and "<svg class=\"world-map\"" in html and "map-dot" in html
    types = set(re.findall(r'class="event-row" data-type="(\w+)"', html))
    assert types == {"ASSAULT"}
    assert client.get("/events", params={"type": "NOPE"}).status_code == 422
    later = client.get("/events", params={"type": "ASSAULT", "offset": 1}).text
    assert "← previous" in later and "offset=0" in later


def test_search_and_outlets(client: TestClient) -> None:
    html = client.get("/search", params={"q": "ballot"}).text
    assert "Search: ballot" in html
    html = client.get("/search", params={"q": "grey zone"}).text
    assert "A grey zone invites aggression" in html
    outlets = client.get("/outlets").text
    assert "Southern Ledger" in outlets
    profile = client.get("/outlets/Reuters").text
    assert "loaded words per 1,000" in profile and "Attribution balance" in profile
