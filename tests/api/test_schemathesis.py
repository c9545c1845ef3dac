"""Property-based run of schemathesis against the OpenAPI document: no input makes a 500.

Schemathesis reads `/openapi.json` and generates requests for every operation, valid
ones and ones that break the schema (negative mode); each must be answered without a
server error. Its pytest plugin does not run under this pytest, so the operations are
driven directly with Hypothesis, with a bounded number of examples each.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from marsad.api.app import ServerSettings, create_app
from marsad.api.keys import KeyStore
from tests.api.corpus import make_corpus

MAX_EXAMPLES = 15  # per operation; derandomized so that CI runs the same cases every time


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("schemathesis")
    url = make_corpus(folder / "corpus.db")
    key, _ = KeyStore(folder / "keys.json").create("schemathesis")
    # The ASGI test transport has no loopback address, so reads are opened explicitly.
    app = create_app(ServerSettings(db_url=url, keys_path=folder / "keys.json", open_reads=True))
    return schemathesis.openapi.from_asgi("/openapi.json", app), key


def test_every_operation_is_covered(api) -> None:
    schema, _ = api
    labels = {result.ok().label for result in schema.get_all_operations()}
    assert len(labels) == 9
    assert "POST /api/v1/articles" in labels and "GET /api/v1/events/export" in labels


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_input_is_a_server_error(api, mode: GenerationMode) -> None:
    schema, key = api
    headers = {"Authorization": f"Bearer {key}"}
    for result in schema.get_all_operations():
        operation = result.ok()
        if mode is GenerationMode.NEGATIVE and not list(operation.iter_parameters()) and not operation.body:
            continue  # nothing in the request can break its schema (health, stats)

        @settings(
            max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
            suppress_health_check=list(HealthCheck),
        )  # fmt: skip
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        run()
