"""The web tests use the API tests' corpus and app fixtures."""

from tests.api.conftest import api_key, client, corpus_url, keys_path  # noqa: F401
