"""Fixtures for the event and quote tests (builders live in tests/events/helpers.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from marsad.document import Document
from marsad.events.stage import EventCoder
from tests.events.helpers import EntitySpec, build_document


@pytest.fixture(scope="session")
def coder() -> EventCoder:
    return EventCoder.load()


@pytest.fixture
def analyse(coder: EventCoder) -> Callable[..., Document]:
    def run(text: str, entities: Sequence[EntitySpec] = (), **kwargs: object) -> Document:
        return coder(build_document(text, entities, **kwargs))  # type: ignore[arg-type]

    return run
