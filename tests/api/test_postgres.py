"""The API over a PostgreSQL store: the same answers as over SQLite.

Needs a server: MARSAD_TEST_POSTGRES_URL (`.ci/start-postgres` starts one and prints its
URL; `.ci/run` sets it). Without it these tests are skipped with that reason. Each run
works in a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import ServerSettings, create_app
from tests.api.conftest import LOOPBACK
from tests.api.corpus import make_corpus

POSTGRES_ENV = "MARSAD_TEST_POSTGRES_URL"


@pytest.fixture(scope="module")
def postgres_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Path]]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"the PostgreSQL API tests need a server: set {POSTGRES_ENV} (see .ci/start-postgres)")
    import psycopg

    schema = f"api_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    url = f"{base}{'&' if '?' in base else '?'}options={quote(f'-c search_path={schema}')}"
    keys = tmp_path_factory.mktemp("pg-keys") / "keys.json"
    try:
        make_corpus(url)
        with TestClient(create_app(ServerSettings(db_url=url, keys_path=keys)), client=LOOPBACK) as client:
            yield client, keys
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def test_reads_over_postgres(postgres_client) -> None:
    client, _ = postgres_client
    assert client.get("/api/v1/health").json()["store"]["backend"] == "postgres"
    assert client.get("/api/v1/stats").json()["articles"] == 4
    hits = client.get("/api/v1/search", params={"q": "مظاهرة تونس"}).json()["items"]
    assert [hit["article_id"] for hit in hits] == [3]
    events = client.get("/api/v1/events", params={"type": "ASSAULT"}).json()["items"]
    spans = [(e["n_reports"], e["date_first"], e["date_last"]) for e in events]
    assert spans == [(2, "2024-03-05", "2024-03-07")]
    assert client.get("/api/v1/entities/Syrian Army").json()["n_articles"] == 2
    assert client.get("/api/v1/articles/1").json()["title"] == "الجيش السوري يقصف مواقع في درعا"
    page = client.get("/events")
    assert page.status_code == 200 and 'id="event-map"' in page.text


def test_ingest_over_postgres(postgres_client) -> None:
    from marsad.api.keys import KeyStore

    client, keys = postgres_client
    key, _ = KeyStore(keys).create("pg")
    record = {"id": "pg-1", "title": "اجتماع في عمان", "text": "انعقد الاجتماع الوزاري في عمان أمس."}
    body = client.post("/api/v1/articles", json=record, headers={"Authorization": f"Bearer {key}"}).json()
    assert (body["stored"], body["already_stored"]) == (1, 0)
    again = client.post("/api/v1/articles", json=record, headers={"Authorization": f"Bearer {key}"}).json()
    assert (again["stored"], again["already_stored"]) == (0, 1)
