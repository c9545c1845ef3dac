"""The HTTP API, `/api/v1/...`: analyse, ingest, search, events, articles, entities, health.

Handlers are thin: parse and check the request, call the service or the corpus, shape
the answer. Lists are paged with `limit` and `offset` and say `has_more`. Plain `def`
handlers run on the server's thread pool, each thread with its own store connection.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from marsad import __version__, service
from marsad.api import views
from marsad.api.auth import require_read_access, require_write_key
from marsad.api.ingest import MAX_ARTICLES_PER_REQUEST
from marsad.corpus import EventFilters, SearchFilters, Store, queries
from marsad.document import PLOVER_TYPES
from marsad.errors import MarsadError
from marsad.sources.article import Article, parse_published
from marsad.sources.encoding import decode_article_bytes
from marsad.sources.readers import article_from_bytes, article_from_record

router = APIRouter(prefix="/api/v1")
read_router = APIRouter(dependencies=[Depends(require_read_access)])

Limit = Annotated[int, Query(ge=1, le=views.MAX_LIMIT, description="Results per page.")]
Offset = Annotated[int, Query(ge=0, le=views.MAX_OFFSET, description="Results to skip.")]
ArticleId = Annotated[int, Path(ge=1, le=views.MAX_ID, description="The article's id in the corpus.")]
Day = Annotated[
    str | None, Query(max_length=10, description="YYYY-MM-DD (or YYYY-MM, YYYY for a whole month or year).")
]
Name = Annotated[str | None, Query(max_length=200)]
EventType = Annotated[
    str | None, Query(max_length=20, description=f"A PLOVER type: {', '.join(PLOVER_TYPES)}.")
]
EXPORT_FORMATS = ("csv", "geojson", "plover", "acled")

TEXT_TYPES = ("text/plain", "text/html", "application/xhtml+xml", "application/octet-stream", "")
ARTICLE_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string"}, "title": {"type": "string"},
        "published": {"type": "string", "format": "date"},
        "url": {"type": "string"}, "source": {"type": "string"}, "id": {"type": "string"},
    },
}  # fmt: skip
ANALYSE_BODY = {
    "required": True,
    "content": {
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
        "application/json": {"schema": ARTICLE_SCHEMA},
    },
}


def _store(request: Request) -> Store:
    return request.app.state.stores.get()


def _clean(value: str | None) -> str | None:
    """A filter value with surrounding space trimmed; control characters are refused."""
    if value is None:
        return None
    if any(ord(char) < 32 for char in value):
        raise MarsadError("E702", detail="control characters in a query parameter")
    return value.strip() or None


async def read_article_body(request: Request) -> Article:
    """The article in a request body: JSON object, HTML page or plain text (headline first)."""
    body = await request.body()
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type == "application/json":
        if not body.strip():
            raise MarsadError("E103", source="<request>")
        try:
            record = json.loads(decode_article_bytes(body))
        except json.JSONDecodeError as error:
            raise MarsadError(
                "E106", source="<request>", detail=f"{error.msg} at column {error.colno}"
            ) from None
        return article_from_record(record)
    if content_type not in TEXT_TYPES:
        raise MarsadError("E707", content_type=content_type)
    return article_from_bytes(body, "<request>")


@router.post(
    "/analyze",
    tags=["analysis"],
    summary="Analyse one article and return the document contract",
    openapi_extra={"requestBody": ANALYSE_BODY},
    dependencies=[Depends(require_read_access)],
)
async def analyze(
    request: Request,
    title: Annotated[str | None, Query(max_length=1000, description="Headline, if not in the body.")] = None,
    published: Annotated[str | None, Query(max_length=40, description="Publication day, YYYY-MM-DD.")] = None,
    any_language: Annotated[bool, Query(description="Analyse non-Arabic text too.")] = False,
) -> JSONResponse:
    """Nothing is stored: the analysis is returned as `schema/document.schema.json` describes."""
    article = await read_article_body(request)
    if title is not None and _clean(title):
        article.title = _clean(title)
    if published is not None and _clean(published):
        article.published = parse_published(_clean(published))
    document = await run_in_threadpool(service.analyze_article, article, require_arabic=not any_language)
    return JSONResponse(document.to_dict())


INGEST_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    ARTICLE_SCHEMA,
                    {"type": "array", "items": ARTICLE_SCHEMA, "minItems": 1, "maxItems": 100},
                    {
                        "type": "object",
                        "required": ["articles"],
                        "properties": {
                            "articles": {"type": "array", "items": ARTICLE_SCHEMA, "maxItems": 100},
                        },
                    },
                ]
            }
        }
    },
}  # fmt: skip


def _posted_articles(payload: object) -> list[Article]:
    """One article object, a list of them, or `{"articles": [...]}`; at most 100 a request."""
    if isinstance(payload, dict) and "articles" in payload and "text" not in payload:
        payload = payload["articles"]
    records = payload if isinstance(payload, list) else [payload]
    if not records:
        raise MarsadError("E702", detail="no articles in the request")
    if len(records) > MAX_ARTICLES_PER_REQUEST:
        raise MarsadError(
            "E702", detail=f"{len(records)} articles; send at most {MAX_ARTICLES_PER_REQUEST} a request"
        )
    articles = []
    for index, record in enumerate(records):
        try:
            articles.append(article_from_record(record))
        except MarsadError as error:
            raise error.with_source(f"articles[{index}]") from None
    return articles


@router.post(
    "/articles",
    tags=["corpus"],
    summary="Analyse and store articles (needs an API key)",
    openapi_extra={"requestBody": INGEST_BODY},
    dependencies=[Depends(require_write_key)],
)
async def ingest_articles(
    request: Request,
    any_language: Annotated[bool, Query(description="Store non-Arabic articles too.")] = False,
) -> JSONResponse:
    """Each article is stored once (by id, URL or text hash); `results` says what became of each."""
    if request.headers.get("content-type", "").split(";", 1)[0].strip().lower() != "application/json":
        raise MarsadError("E707", content_type=request.headers.get("content-type", ""))
    body = await request.body()
    try:
        payload = json.loads(decode_article_bytes(body)) if body.strip() else None
    except json.JSONDecodeError as error:
        raise MarsadError("E106", source="<request>", detail=f"{error.msg} at column {error.colno}") from None
    if payload is None:
        raise MarsadError(
            "E702", detail='the body must be a JSON article, a list of them or {"articles": [...]}'
        )
    articles = _posted_articles(payload)
    stores, ingester = request.app.state.stores, request.app.state.ingester
    outcomes = await run_in_threadpool(
        lambda: ingester.ingest(stores.get(), articles, require_arabic=not any_language)
    )
    counts = {
        status: sum(o.status == status for o in outcomes)
        for status in ("stored", "already_stored", "rejected")
    }
    request.app.state.stats.clear()
    return JSONResponse({"ok": True, **counts, "results": [outcome.to_dict() for outcome in outcomes]})


@read_router.get("/health", tags=["service"], summary="Is the server up, and can it reach its store?")
def health(request: Request) -> JSONResponse:
    try:
        store = _store(request)
        state = {"backend": store.backend, "schema_version": store.schema_version()}
    except MarsadError as error:
        return JSONResponse(
            {"ok": False, "version": __version__, "error": {"code": error.code, "message": str(error)}}, 503
        )
    return JSONResponse({"ok": True, "version": __version__, "store": state})


@read_router.get("/stats", tags=["corpus"], summary="Counts of articles, events, entities and sources")
def stats(request: Request) -> JSONResponse:
    return JSONResponse(queries.corpus_stats(_store(request)))


@read_router.get("/search", tags=["corpus"], summary="Arabic full-text search with highlighted snippets")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find (all must match).")],
    since: Day = None,
    until: Day = None,
    entity: Name = None,
    place: Name = None,
    type: EventType = None,
    topic: Name = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSONResponse:
    filters = SearchFilters(
        since=_clean(since), until=_clean(until),
        entity=_clean(entity), place=_clean(place), type=_clean(type), topic=_clean(topic),
    )  # fmt: skip
    page = views.search_page(_store(request), _clean(q) or "", filters, limit=limit, offset=offset)
    return JSONResponse(page)


async def event_filters(
    type: EventType = None,
    actor: Name = None,
    recipient: Name = None,
    country: Annotated[str | None, Query(max_length=100, description="Country code or name.")] = None,
    admin1: Name = None,
    since: Day = None,
    until: Day = None,
    min_reports: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    include_negated: bool = False,
    order: Literal["date", "reports"] = "date",
    limit: Limit = 50,
    offset: Offset = 0,
) -> EventFilters:
    """The event filters every event list and export shares (`async`: no thread-pool hand-over)."""
    return EventFilters(
        type=_clean(type), actor=_clean(actor), recipient=_clean(recipient), country=_clean(country),
        admin1=_clean(admin1), since=_clean(since), until=_clean(until),
        min_reports=min_reports, include_negated=include_negated, order=order, limit=limit, offset=offset,
    )  # fmt: skip


@read_router.get(
    "/events", tags=["corpus"], summary="Corpus events (each real event once), filtered and paged"
)
def events(
    request: Request,
    filters: Annotated[EventFilters, Depends(event_filters)],
    reports: Annotated[
        int,
        Query(ge=1, le=1_000, description="Reports listed per event, oldest first; n_reports counts all."),
    ] = 5,
) -> JSONResponse:
    return JSONResponse(views.events_page(_store(request), replace(filters, reports=reports)))


@read_router.get(
    "/events/export",
    tags=["corpus"],
    summary="Export events as CSV, GeoJSON, PLOVER or ACLED-style records",
    response_class=Response,
)
def export_events(
    request: Request,
    filters: Annotated[EventFilters, Depends(event_filters)],
    format: Annotated[str, Query(max_length=20, description=f"One of {', '.join(EXPORT_FORMATS)}.")] = "csv",
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1_000,
) -> Response:
    format = format.strip().lower()
    if format not in EXPORT_FORMATS:
        raise MarsadError("E708", format=format, known=", ".join(EXPORT_FORMATS))
    rows = queries.list_events(_store(request), replace(filters, limit=limit))
    exported = views.export_events(format, rows)
    if format == "csv":
        return Response(
            exported, media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="marsad-events.csv"'},
        )  # fmt: skip
    media_type = "application/geo+json" if format == "geojson" else "application/json"
    return JSONResponse(exported, media_type=media_type)


@read_router.get("/articles/{article_id}", tags=["corpus"], summary="A stored article with its full analysis")
def article(request: Request, article_id: ArticleId) -> JSONResponse:
    found = queries.get_article(_store(request), article_id)
    if found is None:
        raise MarsadError("E706", id=article_id)
    return JSONResponse(found)


@read_router.get("/entities/{name}", tags=["corpus"], summary="What the corpus says about an entity")
def entity(request: Request, name: str, limit: Limit = 20) -> JSONResponse:
    name = _clean(name) or ""
    if not name or len(name) > 200:
        raise MarsadError("E612", name=name[:200])
    profile = queries.entity_profile(_store(request), name, limit=limit)
    if profile is None:
        raise MarsadError("E612", name=name)
    return JSONResponse(profile)


router.include_router(read_router)
