"""Article text with its analysis marked up, built only from escaped pieces.

The text of an article is untrusted: a headline may hold `<script>` or an attribute
payload. So markup is never made by inserting tags into the text; the text is cut at
every span boundary, each piece is escaped on its own, and the tags around it are
made here from fixed class names and escaped attribute values. Spans may overlap (a
quote holds entities and event triggers): each piece is wrapped in one element per
layer active over it, in a fixed order, quote outermost, so the nesting is always
valid HTML and an entity is never an anchor inside another anchor.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

# Outermost first. Only the entity layer is a link.
LAYER_ORDER = ("quote", "entity", "time", "trigger", "match")

ENTITY_TYPE_LABELS = {
    "PERSON": "شخص", "ORG": "منظمة", "GPE": "كيان جغرافي سياسي", "LOC": "مكان",
    "FAC": "منشأة", "MISC": "أخرى", "NORP": "جماعة",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: its layer, CSS classes, an optional link and tooltip."""

    start: int
    end: int
    layer: str
    classes: str
    href: str | None = None
    title: str | None = None


def entity_href(name: str) -> str:
    return "/entities/" + quote(name, safe="")


def marks_from_document(doc: Mapping[str, Any]) -> list[Mark]:
    """The marks of every layer of a document dict (the JSON contract)."""
    marks: list[Mark] = []
    for entity in doc.get("entities") or []:
        label = ENTITY_TYPE_LABELS.get(entity.get("type", ""), entity.get("type", ""))
        title = f"{label}: {entity.get('name', '')}"
        if entity.get("latin"):
            title += f" ({entity['latin']})"
        for mention in entity.get("mentions") or []:
            marks.append(
                Mark(
                    mention["start"], mention["end"], "entity", f"hl ent ent-{entity.get('type', 'MISC')}",
                    href=entity_href(entity.get("name") or mention["text"]), title=title,
                )
            )  # fmt: skip
    for time in doc.get("times") or []:
        marks.append(Mark(time["start"], time["end"], "time", "hl time", title=time.get("value") or None))
    for event in doc.get("events") or []:
        trigger = event.get("trigger") or {}
        if "start" in trigger:
            marks.append(
                Mark(
                    trigger["start"], trigger["end"], "trigger", f"hl trig ev-{event.get('type', '')}",
                    title=event.get("type"),
                )
            )  # fmt: skip
    for quote_span in doc.get("quotes") or []:
        marks.append(
            Mark(quote_span["start"], quote_span["end"], "quote", "hl quote", title=quote_span.get("speaker"))
        )
    return marks


def render_marked(text: str, marks: Iterable[Mark]) -> Markup:
    """`text` as HTML with every mark applied; spans outside the text are ignored."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text) and m.layer in LAYER_ORDER]
    boundaries = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    pieces: list[str] = []
    previous_active: tuple[Mark, ...] | None = None
    run_start = 0
    for left, right in itertools.pairwise(boundaries):
        active = _active_marks(valid, left, right)
        if active != previous_active and previous_active is not None:
            pieces.append(_wrap(text[run_start:left], previous_active))
            run_start = left
        previous_active = active
    if previous_active is not None:
        pieces.append(_wrap(text[run_start:], previous_active))
    return Markup("".join(pieces))


def _active_marks(marks: list[Mark], left: int, right: int) -> tuple[Mark, ...]:
    """The one mark per layer covering [left, right): the shortest one, so nested spans show."""
    best: dict[str, Mark] = {}
    for mark in marks:
        if mark.start <= left and right <= mark.end:
            current = best.get(mark.layer)
            if current is None or (mark.end - mark.start) < (current.end - current.start):
                best[mark.layer] = mark
    return tuple(best[layer] for layer in LAYER_ORDER if layer in best)


def _wrap(piece: str, active: tuple[Mark, ...]) -> str:
    html = str(escape(piece))
    for mark in reversed(active):
        tag = "a" if mark.href else "mark" if mark.layer == "match" else "span"
        attributes = f' class="{escape(mark.classes)}"'
        if mark.href:
            attributes += f' href="{escape(mark.href)}"'
        if mark.title:
            attributes += f' title="{escape(mark.title)}"'
        html = f"<{tag}{attributes}>{html}</{tag}>"
    return html


def render_snippet(text: str, highlights: Iterable[tuple[int, int]]) -> Markup:
    """A search snippet with its matches in `<mark>`, escaped like article text."""
    return render_marked(text, [Mark(start, end, "match", "match") for start, end in highlights])


def render_range(text: str, marks: Iterable[Mark], start: int, end: int) -> Markup:
    """`text[start:end]` marked up, with the marks that fall inside it (headline, body)."""
    inside = [
        Mark(m.start - start, m.end - start, m.layer, m.classes, m.href, m.title)
        for m in marks
        if start <= m.start and m.end <= end
    ]
    return render_marked(text[start:end], inside)
