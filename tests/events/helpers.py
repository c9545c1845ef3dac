"""Hand-built documents for the event and quote tests: the text layer runs for real, and
the entities, times and quantities a test needs are set up by the test itself."""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.document import Document, Entity, Geo, Quantity, Span, TimeExpression
from marsad.text import split_sentences, tokenize

EntitySpec = tuple  # (name, type) or (name, type, [extra surface forms]) or with a Geo last


def build_document(
    text: str,
    entities: Sequence[EntitySpec] = (),
    *,
    times: Sequence[tuple[str, str]] = (),
    quantities: Sequence[tuple[str, float, str]] = (),
    published: str | None = None,
    title: str | None = None,
) -> Document:
    """A Document whose entity mentions are every whole-word occurrence of each surface form
    (clitics و ب ل ال allowed in front, as NER would span the stem)."""
    doc = Document.from_parts(text, title=title, published=published)
    doc.tokens = tokenize(doc.text)
    doc.sentences = split_sentences(doc.text, doc.tokens)
    taken: set[int] = set()
    for number, spec in enumerate(entities, 1):
        name, kind = spec[0], spec[1]
        surfaces = [name, *(spec[2] if len(spec) > 2 and isinstance(spec[2], list) else [])]
        geo = spec[-1] if isinstance(spec[-1], Geo) else None
        mentions: list[Span] = []
        for surface in sorted(surfaces, key=len, reverse=True):
            pattern = rf"(?<![\w])(?:[وفبل]{{0,2}})({re.escape(surface)})(?![\w])"
            for match in re.finditer(pattern, doc.text):
                start, end = match.span(1)
                if any(i in taken for i in range(start, end)):
                    continue
                taken.update(range(start, end))
                mentions.append(Span(start, end, doc.text[start:end]))
        mentions.sort(key=lambda m: m.start)
        assert mentions, f"{name} not in text"
        doc.entities.append(Entity(id=f"E{number}", type=kind, name=name, mentions=mentions, geo=geo))
    for surface, value in times:
        start = doc.text.index(surface)
        doc.times.append(TimeExpression(start, start + len(surface), surface, value, "day"))
    for surface, value, unit in quantities:
        start = doc.text.index(surface)
        doc.quantities.append(Quantity(start, start + len(surface), surface, value, unit))
    return doc


def city(lat: float, lon: float, country: str) -> Geo:
    return Geo(lat, lon, country, None, "city", None)


def country(lat: float, lon: float, code: str) -> Geo:
    return Geo(lat, lon, code, None, "country", None)
