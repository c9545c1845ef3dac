"""Named entities: mentions with exact spans, news rules, roles and in-document coreference.

Importing this package registers the stage `marsad.entities.v1`; nothing is loaded until
the stage is built (the tagger and the word lists come from `marsad.resources`).
"""

from __future__ import annotations

from marsad.entities.stage import EntityStage, find_entities

__all__ = ["EntityStage", "find_entities"]
