"""Fixtures of the corpus tests: a fresh store on each backend, and hand-built documents.

Every store test runs on SQLite and on PostgreSQL. PostgreSQL needs a server: set
MARSAD_TEST_POSTGRES_URL (`.ci/start-postgres` starts one and prints its URL); without
it the PostgreSQL cases are skipped, with that reason. Each test gets its own schema.
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from marsad.corpus import open_store
from marsad.corpus.ingest import record_from_document
from marsad.corpus.store import ArticleRecord, Store
from marsad.document import Document, Entity, Event, Geo, Quote, Sentence, Span, TimeExpression
from marsad.pipeline import Pipeline
from marsad.sources import Article

FIXTURES = Path(__file__).parent / "fixtures"
POSTGRES_ENV = "MARSAD_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgres"]


def _with_search_path(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options={quote(f'-c search_path={schema}')}"


@pytest.fixture
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty store on the backend named by `request.param`."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'corpus.db'}"
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL store tests need a server: set {POSTGRES_ENV} (see .ci/start-postgres)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_search_path(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


def both_backends(test):
    """Runs a test that uses `store` or `store_url` once per backend."""
    return pytest.mark.parametrize("store_url", BACKENDS, indirect=True)(test)


@functools.cache
def _text_layer() -> Pipeline:
    return Pipeline(["marsad.text.v1"])


class DocBuilder:
    """Builds a document and adds entities, events, quotes and times by their text.

    Only the text layer runs (tokens, sentences), so that what the store receives is
    exactly what the test wrote, whatever the default pipeline finds today.
    """

    def __init__(self, body: str, title: str | None = None, published: str | None = None):
        self.doc = _text_layer()(Document.from_parts(body, title=title, published=published))
        self._entities: dict[str, Entity] = {}

    def span(self, text: str, occurrence: int = 0) -> Span:
        start = -1
        for _ in range(occurrence + 1):
            start = self.doc.text.index(text, start + 1)
        return Span(start, start + len(text), text)

    def entity(
        self,
        name: str,
        kind: str,
        *,
        mention: str | None = None,
        kb: str | None = None,
        latin: str | None = None,
        roles: tuple[str, ...] = (),
        geo: Geo | None = None,
    ) -> str:
        local_id = f"E{len(self._entities) + 1}"
        entity = Entity(local_id, kind, name, [self.span(mention or name)], latin, kb, list(roles), geo)
        self._entities[local_id] = entity
        self.doc.entities.append(entity)
        return local_id

    def event(
        self,
        kind: str,
        trigger: str,
        *,
        actors: tuple[str, ...] = (),
        recipients: tuple[str, ...] = (),
        location: str | None = None,
        date: str | None = None,
        negated: bool = False,
    ) -> None:
        span = self.span(trigger)
        sentence = next(s for s in self.doc.sentences if s.start <= span.start < s.end)
        local_id = f"V{len(self.doc.events) + 1}"
        self.doc.events.append(
            Event(
                local_id,
                kind,
                span,
                Sentence(sentence.start, sentence.end),
                None,
                list(actors),
                list(recipients),
                location,
                date,
                negated,
                0.9,
            )
        )

    def quote(self, text: str, speaker: str | None) -> None:
        span = self.span(text)
        self.doc.quotes.append(Quote(span.start, span.end, text, True, speaker))

    def time(self, text: str, value: str, grain: str = "day") -> None:
        span = self.span(text)
        self.doc.times.append(TimeExpression(span.start, span.end, text, value, grain))

    def record(self, key: str, *, source: str | None = None, url: str | None = None) -> ArticleRecord:
        article = Article(
            text="", title=self.doc.headline, published=self.doc.published, source=source, url=url
        )
        return record_from_document(self.doc, article, key, "test")


def add(
    store: Store, *records: ArticleRecord, duplicate_of: tuple[int, float] | None = None
) -> list[int | None]:
    with store.transaction():
        return [store.add_article(record, duplicate_of) for record in records]
