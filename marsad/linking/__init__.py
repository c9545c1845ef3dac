"""Linking: registry ids, Latin names, roles over time and coordinates for document entities."""

from __future__ import annotations

from marsad import resources
from marsad.document import Document
from marsad.pipeline import register_stage


@register_stage(
    "marsad.linking.v1",
    requires=("tokens", "entities"),
    assigns=("entities.latin", "entities.kb", "entities.geo"),
)
class LinkingStage:
    """Fills `latin`, `kb`, `roles` and `geo` of every entity from the shipped registry."""

    def __call__(self, doc: Document) -> Document:
        return resources.linker()(doc)
