"""Fixtures shared by the whole suite: the schema validator and the shared data paths."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_ARTICLE = SHARED / "examples" / "000_519d468521edde90.txt"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def document_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def seed_article() -> Path:
    if not SEED_ARTICLE.is_file():
        pytest.skip("../shared/examples is absent (a user's clone); CI has it")
    return SEED_ARTICLE


def assert_spans_exact(document: dict) -> None:
    """Every span in a document dict must equal its slice of the text."""
    text = document["text"]
    spans = [m for e in document["entities"] for m in e["mentions"]]
    spans += document["times"] + document["quantities"] + document["quotes"]
    spans += [e["trigger"] for e in document["events"]]
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"], span
    for sentence in document["sentences"]:
        assert 0 <= sentence["start"] < sentence["end"] <= len(text)
