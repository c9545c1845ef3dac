"""The Arabic web pages: search, article, entity, events, and paste-an-article.

Pages are rendered on the server from Jinja2 templates with autoescaping on, so every
string from an article is escaped; the only markup built in Python is the highlighted
text (`marsad.web.highlight`), which escapes each piece itself. The pages call the same
service and corpus functions as the API, and need the same read access.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, FastAPI, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from marsad import __version__, service
from marsad.api import views
from marsad.api.auth import require_read_access
from marsad.corpus import EventFilters, SearchFilters, Store, queries
from marsad.document import PLOVER_TYPES
from marsad.errors import MarsadError
from marsad.sources.article import Article, parse_published
from marsad.web import charts
from marsad.web.highlight import (
    ENTITY_TYPE_LABELS,
    entity_href,
    marks_from_document,
    render_range,
    render_snippet,
)

HERE = Path(__file__).parent
PAGE_SIZE = 20
EVENTS_PAGE_SIZE = 50
# An event table links the first three reports of each event; one more tells it to add "…".
TABLE_REPORTS = 4
MAX_PASTE_CHARS = 200_000

EVENT_TYPE_LABELS = {
    "AGREE": "اتفاق", "CONSULT": "تشاور", "SUPPORT": "دعم", "CONCEDE": "تنازل", "COOPERATE": "تعاون",
    "AID": "مساعدة", "RETREAT": "انسحاب", "REQUEST": "طلب", "ACCUSE": "اتهام", "REJECT": "رفض",
    "THREATEN": "تهديد", "PROTEST": "احتجاج", "SANCTION": "عقوبات", "MOBILIZE": "تعبئة", "COERCE": "إكراه",
    "ASSAULT": "اعتداء",
}  # fmt: skip
ROLE_LABELS = {"actor": "فاعل", "recipient": "مستهدف", "speaker": "متحدث", "location": "مكان"}

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals.update(
    version=__version__,
    plover_types=PLOVER_TYPES,
    event_type_labels=EVENT_TYPE_LABELS,
    entity_type_labels=ENTITY_TYPE_LABELS,
    role_labels=ROLE_LABELS,
    entity_href=entity_href,
    type_colour=charts.type_colour,
)
router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read_access)])


def _store(request: Request) -> Store:
    return request.app.state.stores.get()


def _text(value: str | None, limit: int = 200) -> str | None:
    """A form or query value, trimmed, without control characters, at most `limit` long."""
    if value is None:
        return None
    cleaned = "".join(char for char in value if char in "\n\t" or ord(char) >= 32).strip()
    return cleaned[:limit] or None


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def page_link(request: Request, **changes: Any) -> str:
    """The current page's URL with some query parameters changed (pagination, sorting)."""
    params = {key: value for key, value in request.query_params.items() if value}
    for key, value in changes.items():
        if value in (None, "", 0):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return f"{request.url.path}?{urlencode(params)}" if params else request.url.path


def http_url(url: str | None) -> str | None:
    """An article's URL when it is a web address; never a `javascript:` or `data:` link."""
    if not url:
        return None
    try:
        return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None
    except ValueError:
        return None


templates.env.globals.update(page_link=page_link, http_url=http_url)


def analysis_view(document: dict[str, Any]) -> dict[str, Any]:
    """What the article and paste pages show of a document: marked text, events, quotes."""
    text = document.get("text") or ""
    headline = document.get("headline") or ""
    marks = marks_from_document(document)
    headline_end = len(headline) if headline and text.startswith(headline) else 0
    body_start = headline_end + 1 if headline_end else 0
    entities = {entity["id"]: entity for entity in document.get("entities") or []}

    def names(ids: list[str]) -> list[dict[str, Any]]:
        return [
            {"name": entities[i]["name"], "type": entities[i]["type"]}
            if i in entities
            else {"name": i, "type": ""}
            for i in ids
        ]

    events = [
        {
            **event, "actor_entities": names(event.get("actors") or []),
            "recipient_entities": names(event.get("recipients") or []),
            "location_entity": names([event["location"]])[0] if event.get("location") else None,
        }
        for event in document.get("events") or []
    ]  # fmt: skip
    quotes = [
        {**quote, "speaker_entity": names([quote["speaker"]])[0] if quote.get("speaker") else None}
        for quote in document.get("quotes") or []
    ]
    counts = {
        layer: len(document.get(layer) or [])
        for layer in ("entities", "times", "events", "quotes", "quantities")
    }
    return {
        "headline_html": render_range(text, marks, 0, headline_end) if headline_end else None,
        "body_html": render_range(text, marks, body_start, len(text)),
        "events": events,
        "quotes": quotes,
        "entities": sorted(entities.values(), key=lambda e: (-len(e.get("mentions") or []), e["name"])),
        "times": document.get("times") or [],
        "topic": document.get("topic"),
        "summary": document.get("summary") or [],
        "gist": document.get("gist"),
        "keywords": document.get("keywords") or [],
        "counts": counts,
        "document_json": json.dumps(document, ensure_ascii=False),
    }


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    store = _store(request)
    stats = request.app.state.stats.get(store)
    latest = queries.list_events(store, EventFilters(limit=10, reports=TABLE_REPORTS))
    return page(request, "home.html", stats=stats, latest=latest)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    type: str | None = None,
    entity: str | None = None,
    topic: str | None = None,
    offset: Annotated[int, Query(ge=0, le=views.MAX_OFFSET)] = 0,
) -> HTMLResponse:
    form = {
        "q": _text(q, 500), "since": _text(since, 10), "until": _text(until, 10), "country": _text(country),
        "type": _text(type, 20), "entity": _text(entity), "topic": _text(topic),
    }  # fmt: skip
    results, error = None, None
    if form["q"]:
        try:
            filters = SearchFilters(
                since=form["since"], until=form["until"],
                entity=form["entity"], place=form["country"], type=form["type"], topic=form["topic"],
            )  # fmt: skip
            results = views.search_page(_store(request), form["q"], filters, limit=PAGE_SIZE, offset=offset)
            for item in results["items"]:
                item["snippet_html"] = render_snippet(item["snippet"], item["highlights"])
                item["title_html"] = render_snippet(item["title"] or "", item["title_highlights"])
        except MarsadError as problem:
            error = problem
    status = 422 if error else 200
    return page(request, "search.html", status_code=status, form=form, results=results, error=error)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: Annotated[int, PathParam(ge=1, le=views.MAX_ID)]
) -> HTMLResponse:
    found = queries.get_article(_store(request), article_id)
    if found is None:
        raise MarsadError("E706", id=article_id)
    return page(request, "article.html", article=found, view=analysis_view(found["document"]))


@router.get("/entities/{name}", response_class=HTMLResponse)
def entity_page(request: Request, name: str) -> HTMLResponse:
    store = _store(request)
    name = _text(name) or ""
    profile = queries.entity_profile(store, name) if name else None
    if profile is None:
        raise MarsadError("E612", name=name)
    as_actor = queries.list_events(
        store, EventFilters(actor=profile["name"], limit=20, include_negated=True, reports=TABLE_REPORTS)
    )
    as_recipient = queries.list_events(
        store, EventFilters(recipient=profile["name"], limit=20, include_negated=True, reports=TABLE_REPORTS)
    )
    at_place: list[dict[str, Any]] = []
    if profile["type"] in ("GPE", "LOC", "FAC") and profile.get("country"):
        place = EventFilters(
            country=profile["country"], admin1=profile.get("admin1"), limit=20, reports=TABLE_REPORTS
        )
        at_place = queries.list_events(store, place)
    involved = {event["id"]: event for event in as_actor + as_recipient + at_place}
    event_days = views.day_type_counts(list(involved.values()))
    return page(
        request, "entity.html", profile=profile, as_actor=as_actor, as_recipient=as_recipient,
        at_place=at_place,
        mentions_chart=charts.monthly(profile["months"]),
        events_chart=charts.timeline(event_days, height=140),
    )  # fmt: skip


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    type: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_reports: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    order: str = "date",
    offset: Annotated[int, Query(ge=0, le=views.MAX_OFFSET)] = 0,
) -> HTMLResponse:
    form = {
        "type": _text(type, 20), "actor": _text(actor), "recipient": _text(recipient),
        "country": _text(country), "admin1": _text(admin1), "since": _text(since, 10),
        "until": _text(until, 10), "min_reports": min_reports,
        "order": "reports" if order == "reports" else "date",
    }  # fmt: skip
    filters = EventFilters(
        type=form["type"], actor=form["actor"], recipient=form["recipient"], country=form["country"],
        admin1=form["admin1"], since=form["since"], until=form["until"],
        min_reports=min_reports, order=form["order"], reports=TABLE_REPORTS, limit=EVENTS_PAGE_SIZE,
        offset=offset,
    )  # fmt: skip
    store = _store(request)
    try:
        results = views.events_page(store, filters)
        chart_events, capped = views.events_for_charts(store, filters)
    except MarsadError as error:
        return page(request, "events.html", status_code=422, form=form, error=error, results=None)
    export_query = urlencode({key: value for key, value in request.query_params.items() if key != "offset"})
    return page(
        request, "events.html", form=form, error=None, results=results,
        timeline=charts.timeline(views.day_type_counts(chart_events)), points=views.map_points(chart_events),
        chart_total=len(chart_events), capped=capped, export_query=export_query,
    )  # fmt: skip


@router.get("/analyse", response_class=HTMLResponse)
def paste_form(request: Request) -> HTMLResponse:
    return page(request, "analyse.html", form={}, view=None, error=None)


@router.post("/analyse", response_class=HTMLResponse)
def paste_analyse(
    request: Request,
    text: Annotated[str, Form(max_length=MAX_PASTE_CHARS)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    published: Annotated[str, Form(max_length=40)] = "",
    any_language: Annotated[bool, Form()] = False,
) -> HTMLResponse:
    form = {"text": text, "title": title, "published": published, "any_language": any_language}
    try:
        if not text.strip() and not title.strip():
            raise MarsadError("E110")
        article = Article(
            text=text.replace("\r\n", "\n"), title=_text(title, 1000),
            published=parse_published(_text(published, 40)),
        )  # fmt: skip
        document = service.analyze_article(article, require_arabic=not any_language).to_dict()
    except MarsadError as error:
        return page(request, "analyse.html", status_code=422, form=form, view=None, error=error)
    return page(request, "analyse.html", form=form, view=analysis_view(document), error=None)


def render_error_page(request: Request, error: MarsadError, status_code: int) -> Response:
    return page(request, "error.html", status_code=status_code, error=error)


def install_web(app: FastAPI) -> None:
    """Adds the pages, their static files, and HTML error pages for paths outside `/api`."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.state.html_error = render_error_page
