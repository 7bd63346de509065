"""Every API endpoint: pagination, 401 without token, 413 on oversize, 422 on bad params, XSS."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from dateline.model import Article
from dateline.pipeline import analyze
from dateline.store.db import Store
from dateline.web.app import create_app
from web.conftest import TOKEN


def test_articles_list_and_detail(client: TestClient) -> None:
    page1 = client.get("/api/articles", params={"limit": 5}).json()
    page2 = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert len(page1["items"]) == 5 and page1["limit"] == 5
    assert not {a["id"] for a in page1["items"]} & {a["id"] for a in page2["items"]}
    first = page1["items"][0]["id"]
    detail = client.get(f"/api/articles/{first}").json()
    assert detail["article"]["id"] == first and "quotes" in detail and "events" in detail
    assert client.get("/api/articles/nope").status_code == 404


def test_quotes_events_entities_places_search(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"speaker": "Tsahkna", "limit": 3}).json()["items"]
    assert len(quotes) == 3 and all("Tsahkna" in q["speaker_name"] for q in quotes)
    events = client.get("/api/events", params={"type": "ASSAULT"}).json()["items"]
    assert events and {e["type"] for e in events} == {"ASSAULT"} and "source" in events[0]
    ents = client.get("/api/entities", params={"name": "Kovalenko"}).json()["items"]
    assert ents[0]["name"] == "Olena Kovalenko" and ents[0]["country"] == "UKR"
    places = client.get("/api/places", params={"country": "ke"}).json()["items"]
    assert places and {p["country_code"] for p in places} == {"KE"}
    found = client.get("/api/search", params={"q": "grey zone"}).json()
    assert found["quotes"][0]["speaker_name"] == "Margus Tsahkna"


def test_bad_parameters_are_json_422(client: TestClient) -> None:
    for url, params in (("/api/events", {"type": "BOMBING"}), ("/api/events", {"since": "yesterday"}),
                        ("/api/articles", {"limit": 0}), ("/api/articles", {"limit": 501}),
                        ("/api/quotes", {"offset": -1}), ("/api/search", {})):
        r = client.get(url, params=params)
        assert r.status_code == 422, (url, params, r.text)
        assert r.headers["content-type"].startswith("application/json") and "detail" in r.json()


def test_analyze_requires_token(client: TestClient) -> None:
    body = {"text": "Russian troops attacked Kharkiv on Tuesday, Ukrainian officials said."}
    assert client.post("/api/analyze", json=body).status_code == 401
    assert client.post("/api/analyze", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.post("/api/analyze", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200
    result = ok.json()
    assert result["events"][0]["type"] == "ASSAULT" and result["article"]["source"] == "api"
    before = client.get("/api/articles", params={"limit": 500}).json()["items"]
    assert all(a["id"] != result["article"]["id"] for a in before)  # not stored


def test_analyze_disabled_without_configured_token(db: Path) -> None:
    r = TestClient(create_app(db)).post("/api/analyze", json={"text": "x"}, headers={"Authorization": "Bearer x"})
    assert r.status_code == 401 and "--token" in r.json()["detail"]


def test_oversize_body_is_413(db: Path) -> None:
    small = TestClient(create_app(db, token=TOKEN, max_body=2_000))
    r = small.post("/api/analyze", json={"text": "word " * 2000}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413 and "bytes" in r.json()["detail"]
    big_text = TestClient(create_app(db, token=TOKEN)).post(
        "/api/analyze", json={"text": "x" * 200_001}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert big_text.status_code == 422


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/quotes", "/api/events", "/api/entities", "/api/places", "/api/search",
            "/api/analyze"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_article_text_is_escaped(tmp_path: Path) -> None:
    evil = ('<script>window.pwned = 1</script> PARIS (AFP) - The minister said "<img src=x onerror=alert(1)> is '
            'not a policy," officials said.')
    with Store(tmp_path / "xss.db") as store:
        analysis = analyze(Article(text=evil, title="<b>bold</b> title", outlet="<i>Outlet</i>"))
        store.add(analysis, story_id=analysis.article.id)
        article_id = analysis.article.id
    client = TestClient(create_app(tmp_path / "xss.db"))
    html = client.get(f"/articles/{article_id}").text
    assert "<script>window.pwned" not in html and "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<b>bold</b>" not in html
    for url in ("/", "/outlets", "/search?q=minister", "/speakers?name=minister", "/events"):
        assert "<script>window.pwned" not in client.get(url).text
