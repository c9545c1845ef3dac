"""A small corpus of hand-analysed articles for the API, page and browser tests.

The documents are built here with exact spans (entities, times, events, quotes) on top
of the text layer only, so the tests do not depend on what the trained stages find,
and are written to a store through the corpus's public `add_article`. One article
carries script payloads in its headline, body, source and URL (the XSS tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from marsad.corpus import open_store
from marsad.corpus.ingest import record_from_document
from marsad.document import (
    Document,
    Entity,
    Event,
    Geo,
    Keyword,
    Quote,
    Sentence,
    Span,
    TimeExpression,
    Topic,
)
from marsad.pipeline import Pipeline
from marsad.sources import Article

XSS_HEADLINE = "<script>window.__xss = 'headline'</script> خبر عن بغداد"
XSS_BODY = "قال مسؤول في بغداد <img src=x onerror=\"window.__xss = 'body'\"> إن الاجتماع انتهى."
XSS_SOURCE = "<script>window.__xss = 'source'</script>"
XSS_URL = "javascript:window.__xss = 'url'"
XSS_ENTITY = '<b onmouseover="window.__xss = 1">بغداد</b>'
XSS_GIST = "<script>window.__xss = 'gist'</script> — اجتماع — بغداد"
XSS_KEYWORD = "<img src=x onerror=\"window.__xss = 'keyword'\">"
XSS_TAXONOMY = "<script>window.__xss = 'taxonomy'</script>"


@dataclass
class Built:
    """A document under construction, with entities and events added by their text."""

    doc: Document
    article: Article
    entity_ids: dict[str, str] = field(default_factory=dict)

    def span(self, text: str, *, in_body: bool = False) -> Span:
        """The first occurrence of `text`; `in_body` skips the headline."""
        offset = len(self.doc.headline) + 1 if in_body and self.doc.headline else 0
        start = self.doc.text.index(text, offset)
        return Span(start, start + len(text), text)

    def entity(self, name: str, kind: str, mention: str | None = None, **extra: object) -> str:
        """An entity mentioned where its text first occurs, and again at its next occurrence."""
        local_id = f"T{len(self.doc.entities) + 1}"
        spans = [self.span(mention or name)]
        if (mention or name) in self.doc.text[spans[0].end :]:
            spans.append(self.doc.span(*self._next(mention or name, spans[0].end)))
        self.doc.entities.append(Entity(local_id, kind, name, spans, **extra))
        self.entity_ids[name] = local_id
        return local_id

    def _next(self, text: str, after: int) -> tuple[int, int]:
        start = self.doc.text.index(text, after)
        return start, start + len(text)

    def event(self, kind: str, trigger: str, **extra: object) -> None:
        span = self.span(trigger, in_body=True)
        sentence = next(s for s in self.doc.sentences if s.start <= span.start < s.end)
        local_id = f"V{len(self.doc.events) + 1}"
        self.doc.events.append(Event(local_id, kind, span, Sentence(sentence.start, sentence.end), **extra))

    def time(self, text: str, value: str) -> None:
        span = self.span(text)
        self.doc.times.append(TimeExpression(span.start, span.end, text, value, "day"))

    def quote(self, text: str, speaker: str | None) -> None:
        span = self.span(text)
        self.doc.quotes.append(Quote(span.start, span.end, text, True, speaker))


def build(title: str, body: str, published: str, **meta: str) -> Built:
    doc = Pipeline(["marsad.text.v1"])(Document.from_parts(body, title=title, published=published))
    return Built(doc, Article(text=body, title=title, published=published, **meta))


DARAA = Geo(32.62, 36.10, "SY", "Daraa", "city", "test:daraa")
TUNIS = Geo(36.80, 10.18, "TN", "Tunis", "city", "test:tunis")
BAGHDAD = Geo(33.31, 44.36, "IQ", "Baghdad", "city", "test:baghdad")


def articles() -> list[Built]:
    """Four articles: two army shellings in Daraa, a protest in Tunis, and the XSS article."""
    first = build(
        "الجيش السوري يقصف مواقع في درعا",
        'قصف الجيش السوري مواقع للمعارضة في درعا يوم الثلاثاء. وقال المتحدث العسكري إن "العملية مستمرة".',
        "2024-03-05",
        source="وكالة الاختبار",
        url="https://example.org/daraa-1",
        id="daraa-1",
    )
    army = first.entity("الجيش السوري", "ORG", latin="Syrian Army", kb="Q-army", roles=["actor", "speaker"])
    daraa = first.entity("درعا", "GPE", latin="Daraa", kb="Q-daraa", geo=DARAA)
    first.time("يوم الثلاثاء", "2024-03-05")
    first.event("ASSAULT", "قصف", actors=[army], location=daraa, date="2024-03-05", confidence=0.9)
    first.quote("العملية مستمرة", army)
    first.doc.topic = Topic("middleEast", {"middleEast": 0.9}, "security", {"security": 0.8})
    first.doc.summary = ["قصف الجيش السوري مواقع للمعارضة في درعا يوم الثلاثاء."]
    first.doc.gist = "الجيش السوري — هجوم — درعا — 2024-03-05"
    first.doc.keywords = [Keyword("درعا", 0.6), Keyword("قصف", 0.5), Keyword("معارضه", 0.3, "معارضة")]

    second = build(
        "قصف جديد على ريف درعا",
        "جدد الجيش السوري القصف على ريف درعا صباح الخميس وسط مخاوف من التصعيد.",
        "2024-03-07",
        source="صحيفة التجربة",
        id="daraa-2",
    )
    army2 = second.entity("الجيش السوري", "ORG", latin="Syrian Army", kb="Q-army", roles=["actor"])
    daraa2 = second.entity("درعا", "GPE", latin="Daraa", kb="Q-daraa", geo=DARAA)
    second.event("ASSAULT", "القصف", actors=[army2], location=daraa2, date="2024-03-07", confidence=0.8)
    second.doc.keywords = [Keyword("درعا", 0.5), Keyword("تصعيد", 0.4)]

    third = build(
        "مظاهرة في تونس ضد غلاء الأسعار",
        "تظاهر مئات المواطنين في تونس العاصمة احتجاجا على غلاء الأسعار، وطالبوا الحكومة بالتدخل.",
        "2024-03-06",
        source="وكالة الاختبار",
        id="tunis-1",
    )
    tunis = third.entity("تونس", "GPE", latin="Tunis", kb="Q-tunis", geo=TUNIS)
    government = third.entity("الحكومة", "ORG", roles=["recipient"])
    third.event(
        "PROTEST", "تظاهر", recipients=[government], location=tunis, date="2024-03-06", confidence=0.9
    )

    fourth = build(XSS_HEADLINE, XSS_BODY, "2024-03-06", source=XSS_SOURCE, url=XSS_URL, id="xss-1")
    baghdad = fourth.entity(XSS_ENTITY, "GPE", mention="بغداد", geo=BAGHDAD)
    fourth.event("CONSULT", "الاجتماع", location=baghdad, date="2024-03-06", confidence=0.7)
    fourth.doc.topic = Topic("middleEast", {"middleEast": 0.6}, XSS_TAXONOMY, {XSS_TAXONOMY: 0.6})
    fourth.doc.gist = XSS_GIST
    fourth.doc.keywords = [Keyword(XSS_KEYWORD, 0.9)]
    return [first, second, third, fourth]


def make_corpus(where: Path | str) -> str:
    """Writes the test corpus to a new store (a SQLite file path, or a store URL); returns its URL."""
    url = where if isinstance(where, str) else f"sqlite:///{where}"
    with open_store(url) as store, store.transaction():
        for built in articles():
            record = record_from_document(built.doc, built.article, f"id:{built.article.id}", "test")
            store.add_article(record, None)
    return url
