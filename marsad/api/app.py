"""The server: the HTTP API under `/api/v1` and the Arabic web pages, in one FastAPI app.

`create_app(settings)` builds it; `marsad serve` runs it on uvicorn. The corpus store is
opened lazily (one connection per worker thread), so building the app is cheap and the
analyse endpoint and paste page work before anything has been ingested.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from marsad import __version__
from marsad.api.errors import install_error_handlers
from marsad.api.ingest import ApiIngester
from marsad.api.keys import KeyStore
from marsad.api.limits import DEFAULT_MAX_BODY_BYTES, BodySizeLimit, ServerTiming
from marsad.api.stores import StoreProvider
from marsad.api.views import CachedStats

# Requests a worker process serves at once (the rest wait their turn). Store reads hold the
# GIL between rows, so forty threads (anyio's default) mostly take turns at it: measured
# under 20 clients (bench/api_load.py), four threads gave a p95 of 74-78 ms against 88-96 ms,
# at less CPU per request. One slow request (a large export) still leaves three others free.
DEFAULT_THREADS = 4


@dataclass(slots=True)
class ServerSettings:
    """What `marsad serve` is told; every field has the safe default."""

    db_url: str | None = None
    keys_path: Path | None = None
    open_reads: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    threads: int = DEFAULT_THREADS
    extra: dict[str, object] = field(default_factory=dict)


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    settings = settings or ServerSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield
        app.state.stores.close()

    app = FastAPI(
        title="Marsad API",
        version=__version__,
        description=(
            "Structured, linked event data from Arabic news: analyse an article, ingest articles "
            "into the corpus, search it, list and export its events, read entity profiles. "
            "Writes need an API key (`Authorization: Bearer KEY`); errors are "
            '`{"ok": false, "error": {"code", "message"}}`.'
        ),
        # No Swagger UI: FastAPI would load its script and styles from a CDN.
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.keys = KeyStore(settings.keys_path)
    app.state.stores = StoreProvider(settings.db_url)
    app.state.ingester = ApiIngester()
    app.state.stats = CachedStats()
    install_error_handlers(app)

    from marsad.api.routes import router as api_router
    from marsad.web.routes import install_web

    app.include_router(api_router)
    install_web(app)
    app.add_middleware(ServerTiming)
    # A light compression level: pages and JSON shrink several times for remote browsers,
    # while loopback API clients do not pay much CPU for it.
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=4)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)

    return app


def create_app_from_env() -> FastAPI:
    """The app as `marsad serve --workers N` starts it in each worker process.

    Worker processes are started by uvicorn from an import string, so the settings travel
    in the environment: MARSAD_DB, MARSAD_KEYS_FILE, MARSAD_OPEN_READS, MARSAD_MAX_BODY,
    MARSAD_THREADS.
    """
    return create_app(
        ServerSettings(
            db_url=os.environ.get("MARSAD_DB") or None,
            keys_path=Path(os.environ["MARSAD_KEYS_FILE"]) if os.environ.get("MARSAD_KEYS_FILE") else None,
            open_reads=os.environ.get("MARSAD_OPEN_READS") == "1",
            max_body_bytes=int(os.environ.get("MARSAD_MAX_BODY") or DEFAULT_MAX_BODY_BYTES),
            threads=int(os.environ.get("MARSAD_THREADS") or DEFAULT_THREADS),
        )
    )
