"""Building documents with hand-made entities, so that linking is tested without the NER model."""

from __future__ import annotations

from marsad import resources
from marsad.document import Document, Entity
from marsad.text import TextLayer


def make_doc(
    text: str,
    entities: list[tuple[str, str, list[tuple[int, int]]]],
    *,
    published: str | None = None,
    roles: dict[str, list[str]] | None = None,
) -> Document:
    """A document with the text layer run and `entities` given as (type, name, [(start, end)])."""
    doc = TextLayer()(Document(text=text, published=published))
    for index, (type_, name, spans) in enumerate(entities):
        entity = Entity(f"E{index + 1}", type_, name, [doc.span(start, end) for start, end in spans])
        entity.roles = list((roles or {}).get(name, []))
        doc.entities.append(entity)
    return doc


def link(doc: Document) -> Document:
    return resources.linker()(doc)


def entity(doc: Document, name: str) -> Entity:
    return next(e for e in doc.entities if e.name == name)
