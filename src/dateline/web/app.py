"""The web app and REST API over a dateline store: FastAPI + Jinja2, server-rendered, offline.

Pages: article (text with every record highlighted and a side panel), speaker, event explorer
(filters, timeline, world map), search, outlets. API under /api/ with OpenAPI docs at /docs.
Reads are open; writes (POST /api/analyze) need the token given with --token or DATELINE_TOKEN.
"""

from __future__ import annotations

import hmac
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field, field_validator
from starlette.middleware.base import BaseHTTPMiddleware

from dateline.model import MODALITIES, PLOVER_TYPES, Article
from dateline.store import query
from dateline.store.db import Store
from dateline.web.highlight import highlighted_html
from dateline.web.worldmap import timeline_svg, world_svg

MAX_BODY_BYTES = 1_000_000
MAX_ANALYZE_CHARS = 200_000

Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page (1-500).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
# empty strings (a form's blank field) mean 'no filter'
DateParam = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$", description="YYYY[-MM[-DD]]")]
TypeParam = Annotated[str | None, Query(pattern="^(" + "|".join(PLOVER_TYPES) + ")?$", description="PLOVER type")]
ModalityParam = Annotated[str | None, Query(pattern="^(" + "|".join(MODALITIES) + ")?$")]
CodeParam = Annotated[str | None, Query(max_length=64)]


class AnalyzeRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_ANALYZE_CHARS)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=300)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")

    @field_validator("published")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        if value is not None:
            import datetime as dt

            dt.date.fromisoformat(value)  # ValueError → 422 with the reason
        return value


def get_store(request: Request) -> Iterator[Store]:
    """A read-only connection to the app's store for one request."""
    store = Store(request.app.state.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(get_store)]


class BodyLimit(BaseHTTPMiddleware):
    """413 for request bodies over the limit, before anything reads them."""

    def __init__(self, app: Any, limit: int) -> None:
        super().__init__(app)
        self.limit = limit

    async def dispatch(self, request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            return JSONResponse({"detail": f"request body over {self.limit} bytes"}, status_code=413)
        return await call_next(request)


def create_app(db_path: str | Path, token: str | None = None, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The app for one store file."""
    db_path = Path(db_path)
    app = FastAPI(title="dateline", version="0.1.0",
                  description="Who said what, who did what to whom, where and when — with provenance.")
    app.add_middleware(BodyLimit, limit=max_body)
    base = Path(str(resources.files("dateline") / "web"))
    app.mount("/static", StaticFiles(directory=base / "static"), name="static")
    templates = Jinja2Templates(directory=str(base / "templates"))

    app.state.db_path = db_path

    def page(request: Request, template: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context)

    # --- pages -----------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
        rows = [dict(r) for r in store.db.execute(
            "SELECT id, title, outlet, published, duplicate_of FROM articles ORDER BY published DESC, rowid DESC "
            "LIMIT 50 OFFSET ?", (offset,))]
        return page(request, "index.html", stats=query.stats(store), articles=rows, offset=offset)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
        analysis = store.analysis(article_id)
        row = store.article_row(article_id)
        if analysis is None or row is None:
            raise HTTPException(404, f"no article {article_id}")
        return page(request, "article.html", a=analysis, row=dict(row), body=highlighted_html(analysis),
                    names={e.id: e.name for e in analysis.entities})

    @app.get("/speakers", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(request: Request, store: StoreDep, name: Annotated[str, Query(min_length=1, max_length=200)],
                     offset: Offset = 0) -> HTMLResponse:
        rows = query.quotes(store, speaker=name, page=query.Page(100, offset))
        return page(request, "speaker.html", name=name, quotes=rows, offset=offset)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def explorer(request: Request, store: StoreDep, type: TypeParam = None, actor: CodeParam = None,
                 country: CodeParam = None, since: DateParam = None, until: DateParam = None,
                 modality: ModalityParam = None, offset: Offset = 0) -> HTMLResponse:
        filters = {"type": type or None, "actor": actor or None, "country": country or None, "since": since or None,
                   "until": until or None, "modality": modality or None}
        rows = query.events(store, page=query.Page(100, offset), **filters)
        sample = query.events(store, page=query.Page(5000, 0), **filters)
        series: dict[str, Counter[str]] = defaultdict(Counter)
        places: dict[tuple[float, float], dict] = {}
        for e in sample:
            if e["date"]:
                series[e["date"][:7]][e["type"]] += 1
            if e["lat"] is not None:
                p = places.setdefault((e["lat"], e["lon"]), {"lat": e["lat"], "lon": e["lon"],
                                                             "name": e["place_name"], "count": 0})
                p["count"] += 1
        return page(request, "events.html", events=rows, filters=filters, types=PLOVER_TYPES, modalities=MODALITIES,
                    timeline=timeline_svg({k: dict(v) for k, v in series.items()}),
                    world=world_svg(list(places.values())), offset=offset, total=len(sample))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, store: StoreDep,
                    q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
        articles = query.search(store, q) if q.strip() else []
        quotes = query.search_quotes(store, q) if q.strip() else []
        return page(request, "search.html", q=q, articles=articles, quotes=quotes)

    @app.get("/outlets", response_class=HTMLResponse, include_in_schema=False)
    def outlets_page(request: Request, store: StoreDep) -> HTMLResponse:
        return page(request, "outlets.html", outlets=query.outlets(store))

    @app.get("/outlets/{name}", response_class=HTMLResponse, include_in_schema=False)
    def outlet_page(request: Request, name: str, store: StoreDep) -> HTMLResponse:
        profile = query.outlet_profile(store, name)
        if not profile["articles"]:
            raise HTTPException(404, f"no articles from outlet {name}")
        rows = [dict(r) for r in store.db.execute(
            "SELECT id, title, published FROM articles WHERE outlet = ? ORDER BY published DESC LIMIT 200", (name,))]
        return page(request, "outlet.html", p=profile, articles=rows)

    # --- API ---------------------------------------------------------------------------------------
    @app.get("/api/articles", tags=["articles"])
    def api_articles(store: StoreDep, outlet: CodeParam = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        sql = "SELECT id, url, title, outlet, published, story_id, duplicate_of FROM articles"
        params: tuple = ()
        if outlet:
            sql += " WHERE outlet = ?"
            params = (outlet,)
        rows = [dict(r) for r in store.db.execute(sql + " ORDER BY rowid LIMIT ? OFFSET ?", (*params, limit, offset))]
        return {"items": rows, "limit": limit, "offset": offset}

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(article_id: str, store: StoreDep) -> dict:
        analysis = store.analysis(article_id)
        if analysis is None:
            raise HTTPException(404, f"no article {article_id}")
        return analysis.to_dict()

    @app.get("/api/quotes", tags=["records"])
    def api_quotes(store: StoreDep, speaker: CodeParam = None, about: CodeParam = None, limit: Limit = 50,
                   offset: Offset = 0) -> dict:
        return {"items": query.quotes(store, speaker, about, query.Page(limit, offset)), "limit": limit,
                "offset": offset}

    @app.get("/api/events", tags=["records"])
    def api_events(store: StoreDep, type: TypeParam = None, actor: CodeParam = None, country: CodeParam = None,
                   since: DateParam = None, until: DateParam = None, modality: ModalityParam = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict:
        rows = query.events(store, type or None, actor or None, country or None, since or None, until or None,
                            modality or None, query.Page(limit, offset))
        return {"items": rows, "limit": limit, "offset": offset}

    @app.get("/api/entities", tags=["records"])
    def api_entities(store: StoreDep, name: CodeParam = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        sql = ("SELECT name, type, country, sector, COUNT(*) AS articles FROM entities"
               + (" WHERE name LIKE ?" if name else "") + " GROUP BY name, type, country, sector "
               "ORDER BY articles DESC, name LIMIT ? OFFSET ?")
        params = ((f"%{name}%",) if name else ()) + (limit, offset)
        return {"items": [dict(r) for r in store.db.execute(sql, params)], "limit": limit, "offset": offset}

    @app.get("/api/places", tags=["records"])
    def api_places(store: StoreDep, country: CodeParam = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        sql = ("SELECT geonameid, name, country_code, lat, lon, feature, COUNT(*) AS mentions FROM places "
               "WHERE geonameid IS NOT NULL" + (" AND country_code = ?" if country else "")
               + " GROUP BY geonameid ORDER BY mentions DESC LIMIT ? OFFSET ?")
        params = ((country.upper(),) if country else ()) + (limit, offset)
        return {"items": [dict(r) for r in store.db.execute(sql, params)], "limit": limit, "offset": offset}

    @app.get("/api/search", tags=["records"])
    def api_search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 50,
                   offset: Offset = 0) -> dict:
        page_ = query.Page(limit, offset)
        return {"articles": query.search(store, q, page_), "quotes": query.search_quotes(store, q, page_),
                "limit": limit, "offset": offset}

    def require_token(authorization: Annotated[str | None, Header()] = None,
                      x_dateline_token: Annotated[str | None, Header()] = None) -> None:
        given = x_dateline_token or (authorization[7:] if authorization and authorization.startswith("Bearer ")
                                     else None)
        if not token:
            raise HTTPException(401, "write endpoints are disabled: start the server with --token or DATELINE_TOKEN")
        if given is None or not hmac.compare_digest(given, token):
            raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer TOKEN'")

    @app.post("/api/analyze", tags=["analysis"], dependencies=[Depends(require_token)])
    def api_analyze(body: AnalyzeRequest) -> dict:
        """Analyse posted text without storing it."""
        from dateline.pipeline import analyze

        article = Article(text=body.text, title=body.title, url=body.url, outlet=body.outlet,
                          published=body.published, published_source="metadata" if body.published else None,
                          source="api", format="text")
        return analyze(article).to_dict()

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Any:
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                          status_code=exc.status_code)

    return app
