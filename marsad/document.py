"""The document contract: one analysed article and every layer found in it.

Every stage reads a `Document` and adds to its layers; nothing rewrites `text`.
All offsets are Python string indices into `Document.text`, end exclusive, so
that `text[start:end]` is always the span's text. `Document.to_dict()` is the
JSON contract described by `schema/document.schema.json`; the `tokens` layer is
internal working state for later stages and is not part of that contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_ID = "marsad.document/1"

# NORP: a people or group named as such (العرب, الأكراد, الشيعة), ACE's PER.Group.
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "MISC", "NORP")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(slots=True)
class Span:
    """A stretch of `Document.text`; `text` is kept so the JSON reads without the source."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class EntityMention(Span):
    """A mention of an entity. `named`: it names the entity (`مسعود البارزاني`, `داعش`,
    `وزارة الداخلية`) rather than describing or pointing back to it (`رئيس الإقليم`,
    `التنظيم`, `الحكومة اللبنانية`): named-entity scores count named mentions only, as the
    annotated corpora do; event coding and search use them all."""

    named: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "named": self.named}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Token:
    """A word, number or punctuation mark, with its clitic analysis.

    `norm` is the matching-normalised form (see `marsad.text.normalize`); `prefix`,
    `stem` and `suffix` split `norm` into proclitics (و ف ب ل ك س and ال), the stem and an
    enclitic pronoun, so that `prefix + stem + suffix == norm`. `stem_start`/`stem_end`
    are the original-text offsets of the stem, which is what an entity span should cover.
    """

    start: int
    end: int
    text: str
    norm: str
    kind: str  # "arabic", "latin", "number", "punct", "url", "other"
    prefix: str = ""
    stem: str = ""
    suffix: str = ""
    stem_start: int = 0
    stem_end: int = 0


@dataclass(slots=True)
class Geo:
    lat: float
    lon: float
    country: str
    admin1: str | None
    kind: str  # "country", "admin1", "admin2", "city", "other"
    source_id: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "lat": self.lat, "lon": self.lon, "country": self.country, "admin1": self.admin1,
            "kind": self.kind, "source_id": self.source_id,
        }  # fmt: skip


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    mentions: list[EntityMention | Span] = field(default_factory=list)
    latin: str | None = None
    kb: str | None = None
    roles: list[str] = field(default_factory=list)
    geo: Geo | None = None

    def __post_init__(self) -> None:
        # A plain span given as a mention is a named one.
        self.mentions = [
            mention
            if isinstance(mention, EntityMention)
            else EntityMention(mention.start, mention.end, mention.text)
            for mention in self.mentions
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "name": self.name, "latin": self.latin,
            "kb": self.kb, "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
            "geo": self.geo.to_dict() if self.geo else None,
        }  # fmt: skip


@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None
    grain: str
    earliest: str | None = None  # first day (YYYY-MM-DD) the expression may denote
    latest: str | None = None  # last day it may denote

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "value": self.value, "grain": self.grain,
            "earliest": self.earliest, "latest": self.latest,
        }  # fmt: skip


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | int
    unit: str | None
    kind: str | None = None  # people counts: "killed", "injured", "arrested", "displaced", ...
    approximate: bool = False  # a vague amount (عشرات, آلاف): value is its smallest round figure

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "value": self.value, "unit": self.unit, "kind": self.kind, "approximate": self.approximate,
        }  # fmt: skip


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    sentence: Sentence
    mode: str | None = None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    location: str | None = None
    date: str | None = None
    negated: bool = False
    confidence: float = 0.0
    cameo: str | None = None  # CAMEO event code, for users of GDELT-style data
    modality: str | None = None  # None (asserted), "future", "hypothetical" or "historical"
    counts: dict[str, float] = field(default_factory=dict)  # e.g. {"killed": 5} from quantities
    affiliations: dict[str, str] = field(default_factory=dict)  # person id -> org/country id acted for

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mode": self.mode,
            "actors": list(self.actors), "recipients": list(self.recipients),
            "location": self.location, "date": self.date,
            "trigger": self.trigger.to_dict(), "sentence": self.sentence.to_dict(),
            "negated": self.negated, "confidence": self.confidence,
            "cameo": self.cameo, "modality": self.modality, "counts": dict(self.counts),
            "affiliations": dict(self.affiliations),
        }  # fmt: skip


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    direct: bool
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker, "start": self.start, "end": self.end,
            "text": self.text, "direct": self.direct,
        }  # fmt: skip


@dataclass(slots=True)
class Topic:
    """What the article is about, twice: in the training corpus's labels and in the analysts' taxonomy."""

    label: str
    scores: dict[str, float]
    taxonomy: str | None = None
    taxonomy_scores: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label, "scores": dict(self.scores),
            "taxonomy": self.taxonomy, "taxonomy_scores": dict(self.taxonomy_scores),
        }  # fmt: skip


@dataclass(slots=True)
class Keyword:
    """`term` is the normalised stem that facets group on; `label` the article's own spelling of it."""

    term: str
    weight: float
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.term, "label": self.label or self.term, "weight": self.weight}


@dataclass
class Document:
    """An article under analysis. Build one with `Document.from_parts`."""

    text: str
    headline: str | None = None
    published: str | None = None
    language: str = "ar"
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    topic: Topic | None = None
    summary: list[str] = field(default_factory=list)
    # One line, "who did what where when", built from the top event; None without events.
    gist: str | None = None
    keywords: list[Keyword] = field(default_factory=list)
    # When `published` is unknown: {"earliest": date|None, "latest": date|None} from the text.
    published_estimate: dict[str, str | None] | None = None

    @classmethod
    def from_parts(cls, body: str, *, title: str | None = None, published: str | None = None) -> Document:
        """Joins headline and body the one way the contract defines: `headline + "\\n" + body`.

        Surrounding white space is trimmed from both so that offsets do not depend on
        how the source file happened to be laid out.
        """
        body = (body or "").strip()
        headline = title.strip() if title and title.strip() else None
        text = f"{headline}\n{body}" if headline and body else headline or body
        return cls(text=text, headline=headline, published=published)

    @property
    def headline_end(self) -> int:
        """Where the headline ends in `text`, 0 without one (the contract puts it first)."""
        return len(self.headline) if self.headline and self.text.startswith(self.headline) else 0

    @property
    def body_start(self) -> int:
        """Where the body starts in `text`: after the headline and its newline."""
        return self.headline_end + 1 if self.headline_end else 0

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "text": self.text,
            "headline": self.headline,
            "published": self.published,
            "published_estimate": dict(self.published_estimate) if self.published_estimate else None,
            "language": self.language,
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "topic": self.topic.to_dict() if self.topic else None,
            "summary": list(self.summary),
            "gist": self.gist,
            "keywords": [k.to_dict() for k in self.keywords],
        }
