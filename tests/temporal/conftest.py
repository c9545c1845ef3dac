"""Runs the text and temporal stages on short texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.document import Document
from marsad.pipeline import Pipeline

Analyse = Callable[..., Document]


@pytest.fixture(scope="session")
def temporal() -> Analyse:
    pipeline = Pipeline(("marsad.text.v1", "marsad.temporal.v1"))

    def analyse(text: str, published: str | None = None) -> Document:
        return pipeline(Document(text=text, published=published))

    return analyse


def times(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.value, t.grain) for t in doc.times]


def quantities(doc: Document) -> list[tuple[str, float | int, str | None, str | None]]:
    return [(q.text, q.value, q.unit, q.kind) for q in doc.quantities]
