"""The `marsad.events.v1` stage: fills `Document.events` and `Document.quotes`.

Reads only the contract's layers: tokens and sentences (required), and entities, times and
quantities when earlier stages filled them. Without entities it still finds quotes and
the events that need no named participant; with them, it codes who did what to whom.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad import resources
from marsad.document import Document
from marsad.events.arguments import EventBuilder, ModeCues
from marsad.events.plover import PloverMap
from marsad.events.quotes import QuoteFinder, SpeechLexicon
from marsad.events.triggers import TriggerLexicon, find_triggers
from marsad.events.view import DocView, WordLists
from marsad.pipeline import register_stage


@dataclass(frozen=True)
class EventCoder:
    """Everything the stage loads from `marsad/events/data/`, loaded once per process."""

    triggers: TriggerLexicon
    quotes: QuoteFinder
    builder: EventBuilder
    words: WordLists

    @classmethod
    def load(cls) -> EventCoder:
        data = resources.data_file
        plover_map = PloverMap.from_file(data("events", "plover_map.tsv"))
        return cls(
            triggers=TriggerLexicon.from_file(data("events", "triggers.tsv"), plover_map),
            quotes=QuoteFinder(SpeechLexicon.from_file(data("events", "speech.tsv"))),
            builder=EventBuilder(ModeCues.from_file(data("events", "mode_cues.tsv"))),
            words=WordLists.from_file(data("events", "words.tsv")),
        )

    def __call__(self, doc: Document) -> Document:
        view = DocView(doc, self.words)
        inside_names = [mention is not None for mention in view.mention_at]
        matches = find_triggers(view.tokens, self.triggers, skip=inside_names)
        doc.quotes, acts = self.quotes(view, frozenset(m.index for m in matches))
        # A speech verb reporting content is no event itself; أعلن حالة الطوارئ is one.
        speech = {act.index for act in acts if act.content_start is not None}
        matches = [m for m in matches if m.index not in speech]
        doc.events = self.builder(view, matches, acts)
        return doc


@register_stage("marsad.events.v1", requires=("tokens", "sentences"), assigns=("events", "quotes"))
class EventsStage:
    """Codes events (PLOVER/CAMEO) and quotes with their speakers."""

    def __init__(self) -> None:
        self._coder = resources.event_coder()

    def __call__(self, doc: Document) -> Document:
        return self._coder(doc)
