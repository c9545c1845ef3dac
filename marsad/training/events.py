"""Scoring event and quote extraction against a gold file (`marsad eval events FILE`).

The gold file is JSON Lines, one article a line:

    {"id": "...", "title": "...", "text": "...", "published": "YYYY-MM-DD",
     "events": [{"type": "CONSULT", "actors": ["name"], "recipients": ["name"], "location": "name"}],
     "quotes": [{"text": "quoted words", "speaker": "name" | null}]}

Participants and places are written as they appear in the text; a system entity matches a
gold name when the name, or one of its mentions, equals it or contains it word for word (or
the other way round), after Arabic normalisation. An event is right when its type, actors,
recipients, location and negation all match; for the symmetric types (CONSULT, AGREE, COOPERATE) the
actors and recipients are compared as one set of participants, since who met whom has no
direction. Events are matched one to one; the same gold event reported twice counts once.
A quote is found when its words overlap the gold quote's (one contains the other, or 60% of
the words are shared), and right with speaker when the speaker matches too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.document import PLOVER_TYPES, Document, Entity, Geo, Span
from marsad.errors import MarsadError
from marsad.text import normalize_word

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
QUOTE_OVERLAP = 0.6


@dataclass(slots=True)
class Counts:
    """True positives, system total and gold total, with P/R/F1 from them."""

    tp: int = 0
    system: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.system += other.system
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "system": self.system,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class EventScores:
    events: Counts = field(default_factory=Counts)
    event_types: Counts = field(default_factory=Counts)
    quotes: Counts = field(default_factory=Counts)
    quotes_with_speaker: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    articles: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "events": self.events.to_dict(),
            "event_types": self.event_types.to_dict(),
            "quotes": self.quotes.to_dict(),
            "quotes_with_speaker": self.quotes_with_speaker.to_dict(),
            "by_type": {k: v.to_dict() for k, v in sorted(self.by_type.items())},
        }


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    title: str | None
    text: str
    published: str | None
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]


def read_gold(path: Path) -> list[GoldArticle]:
    """Reads and checks a gold file; a malformed line is a MarsadError naming it."""
    if not path.is_file():
        raise MarsadError("E101", source=str(path))
    articles: list[GoldArticle] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            events = record.get("events", [])
            for event in events:
                if event["type"] not in PLOVER_TYPES:
                    raise ValueError(f"unknown event type {event['type']!r}")
            articles.append(
                GoldArticle(
                    id=str(record.get("id", number)),
                    title=record.get("title"),
                    text=record["text"],
                    published=record.get("published"),
                    events=events,
                    quotes=record.get("quotes", []),
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise MarsadError("E501", source=f"{path}:{number}", detail=str(error)) from None
    return articles


def _words(text: str) -> list[str]:
    return [normalize_word(w) for w in text.split() if normalize_word(w)]


def _strip_article(word: str) -> str:
    for prefix in ("وال", "ال", "و"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


def _contains(outer: list[str], inner: list[str]) -> bool:
    if not inner or len(inner) > len(outer):
        return False
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def name_matches(entity: Entity | None, name: str | None) -> bool:
    """Whether a system entity is the participant a gold name refers to."""
    if entity is None or name is None:
        return entity is None and name is None
    gold = [_strip_article(w) for w in _words(name)]
    for surface in [entity.name, *(m.text for m in entity.mentions)]:
        system = [_strip_article(w) for w in _words(surface)]
        if system == gold or _contains(system, gold) or _contains(gold, system):
            return True
    return False


def _set_matches(entities: list[Entity], names: list[str]) -> bool:
    if len(entities) != len(names):
        return False
    remaining = list(entities)
    for name in names:
        match = next((e for e in remaining if name_matches(e, name)), None)
        if match is None:
            return False
        remaining.remove(match)
    return True


def _event_matches(doc: Document, event: Any, gold: dict[str, Any]) -> bool:
    entities = {e.id: e for e in doc.entities}
    if event.type != gold["type"] or event.negated != bool(gold.get("negated", False)):
        return False
    actors = [entities[i] for i in event.actors if i in entities]
    recipients = [entities[i] for i in event.recipients if i in entities]
    gold_actors = list(gold.get("actors", []))
    gold_recipients = list(gold.get("recipients", []))
    if event.type in SYMMETRIC_TYPES:
        people = _dedupe(actors + recipients)
        if not _set_matches(people, list(dict.fromkeys(gold_actors + gold_recipients))):
            return False
    elif not (_set_matches(actors, gold_actors) and _set_matches(recipients, gold_recipients)):
        return False
    place = entities.get(event.location or "")
    return name_matches(place, gold.get("location"))


def _dedupe(entities: list[Entity]) -> list[Entity]:
    return list({e.id: e for e in entities}.values())


def _quote_overlaps(system: str, gold: str) -> bool:
    s, g = _words(system), _words(gold)
    if not s or not g:
        return False
    if _contains(s, g) or _contains(g, s):
        return True
    shared = len(set(s) & set(g))
    return shared / max(len(set(s)), len(set(g))) >= QUOTE_OVERLAP


def score_document(doc: Document, gold: GoldArticle) -> EventScores:
    """Scores one analysed document against its gold annotation."""
    scores = EventScores(articles=1)
    entities = {e.id: e for e in doc.entities}
    unmatched = list(gold.events)
    for event in doc.events:
        match = next((g for g in unmatched if _event_matches(doc, event, g)), None)
        counts = scores.by_type.setdefault(event.type, Counts())
        counts.system += 1
        if match is not None:
            unmatched.remove(match)
            scores.events.tp += 1
            counts.tp += 1
        else:
            scores.errors.append(
                {
                    "article": gold.id,
                    "kind": "false event",
                    "type": event.type,
                    "trigger": event.trigger.text,
                    "actors": [entities[i].name for i in event.actors if i in entities],
                    "recipients": [entities[i].name for i in event.recipients if i in entities],
                    "location": entities[event.location].name if event.location in entities else None,
                }
            )
    for missed in unmatched:
        scores.errors.append({"article": gold.id, "kind": "missed event", **missed})
    for g in gold.events:
        scores.by_type.setdefault(g["type"], Counts()).gold += 1
    scores.events.system = len(doc.events)
    scores.events.gold = len(gold.events)
    # Types only: a multiset match.
    gold_types = [g["type"] for g in gold.events]
    for event in doc.events:
        if event.type in gold_types:
            gold_types.remove(event.type)
            scores.event_types.tp += 1
    scores.event_types.system = len(doc.events)
    scores.event_types.gold = len(gold.events)
    # Quotes.
    unmatched_quotes = list(gold.quotes)
    unmatched_speakers = list(gold.quotes)
    for quote in doc.quotes:
        found = next((g for g in unmatched_quotes if _quote_overlaps(quote.text, g["text"])), None)
        if found is not None:
            unmatched_quotes.remove(found)
            scores.quotes.tp += 1
        speaker = entities.get(quote.speaker or "")
        right = next(
            (
                g
                for g in unmatched_speakers
                if _quote_overlaps(quote.text, g["text"]) and name_matches(speaker, g.get("speaker"))
            ),
            None,
        )
        if right is not None:
            unmatched_speakers.remove(right)
            scores.quotes_with_speaker.tp += 1
        else:
            scores.errors.append(
                {
                    "article": gold.id,
                    "kind": "wrong quote",
                    "text": quote.text[:60],
                    "speaker": speaker.name if speaker else None,
                }
            )
    for missed in unmatched_speakers:
        scores.errors.append(
            {
                "article": gold.id,
                "kind": "missed quote",
                "text": missed["text"][:60],
                "speaker": missed.get("speaker"),
            }
        )
    for counts in (scores.quotes, scores.quotes_with_speaker):
        counts.system = len(doc.quotes)
        counts.gold = len(gold.quotes)
    return scores


def evaluate(articles: Iterable[GoldArticle], analyze: Callable[[GoldArticle], Document]) -> EventScores:
    """Runs `analyze` on every gold article and sums the scores."""
    total = EventScores()
    for article in articles:
        scores = score_document(analyze(article), article)
        total.articles += 1
        for name in ("events", "event_types", "quotes", "quotes_with_speaker"):
            getattr(total, name).add(getattr(scores, name))
        for event_type, counts in scores.by_type.items():
            total.by_type.setdefault(event_type, Counts()).add(counts)
        total.errors.extend(scores.errors)
    return total


# --- scoring the events stage alone -------------------------------------------------------
def read_gold_entities(path: Path) -> dict[str, tuple[str, str | None]]:
    """NAME -> (entity type, place kind or None) from a gold entity table (TSV, # comments)."""
    if not path.is_file():
        raise MarsadError("E101", source=str(path))
    table: dict[str, tuple[str, str | None]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise MarsadError("E501", source=f"{path}:{number}", detail="expected NAME, TYPE, PLACE_KIND")
        name, kind, place = fields
        table[name] = (kind, None if place == "-" else place)
    return table


def entities_from_names(doc: Document, table: dict[str, tuple[str, str | None]]) -> list[Entity]:
    """Entities for every whole-word occurrence of the table's names (after و ف ب ل ك), as an
    entity layer that made no mistake would give them; places get a placeholder point."""
    taken: set[int] = set()
    entities: list[Entity] = []
    for name in sorted(table, key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w])(?:[وف]?[بلك]?)({re.escape(name)})(?![\w])")
        mentions: list[Span] = []
        for match in pattern.finditer(doc.text):
            start, end = match.span(1)
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            mentions.append(Span(start, end, doc.text[start:end]))
        if not mentions:
            continue
        kind, place = table[name]
        geo = Geo(0.0, 0.0, "ZZ", None, place, None) if place else None
        mentions.sort(key=lambda m: m.start)
        entities.append(Entity(id=f"E{len(entities) + 1}", type=kind, name=name, mentions=mentions, geo=geo))
    return entities


def gold_entity_analyzer(table: dict[str, tuple[str, str | None]]) -> Callable[[GoldArticle], Document]:
    """Runs the text and time layers, sets the entities from `table`, then the events stage."""
    from marsad import resources
    from marsad.pipeline import DEFAULT_STAGES, Pipeline

    before = Pipeline([name for name in DEFAULT_STAGES if name in ("marsad.text.v1", "marsad.temporal.v1")])
    coder = resources.event_coder()

    def analyze(article: GoldArticle) -> Document:
        doc = before(Document.from_parts(article.text, title=article.title, published=article.published))
        doc.entities = entities_from_names(doc, table)
        return coder(doc)

    return analyze
