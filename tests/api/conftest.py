"""Fixtures of the API tests: the test corpus, an app on it, a key, and clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import ServerSettings, create_app
from marsad.api.keys import KeyStore
from tests.api.corpus import make_corpus

LOOPBACK = ("127.0.0.1", 50123)
REMOTE = ("203.0.113.7", 50123)  # TEST-NET-3: a documentation address, never contacted


@pytest.fixture(scope="session")
def corpus_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The hand-analysed test corpus, built once; tests that write use `fresh_settings`."""
    return make_corpus(tmp_path_factory.mktemp("corpus") / "corpus.db")


@pytest.fixture(scope="session")
def keys_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("keys") / "api-keys.json"


@pytest.fixture(scope="session")
def api_key(keys_path: Path) -> str:
    key, _ = KeyStore(keys_path).create("tests")
    return key


@pytest.fixture(scope="session")
def client(corpus_url: str, keys_path: Path, api_key: str) -> Iterator[TestClient]:
    """A loopback client of an app on the read-only test corpus."""
    app = create_app(ServerSettings(db_url=corpus_url, keys_path=keys_path))
    with TestClient(app, client=LOOPBACK) as test_client:
        yield test_client


@pytest.fixture
def fresh_settings(tmp_path: Path, keys_path: Path) -> ServerSettings:
    """Settings of an app on a new, empty store (for writes)."""
    return ServerSettings(db_url=f"sqlite:///{tmp_path / 'fresh.db'}", keys_path=keys_path)
