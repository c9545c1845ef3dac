"""Taxonomy labels and keywords in the store: written at ingest, filtered on, faceted; both backends."""

from __future__ import annotations

from marsad.corpus import SearchFilters
from marsad.corpus.queries import get_article, keyword_facet, search
from marsad.corpus.store import Store
from marsad.document import Keyword, Topic
from tests.corpus.conftest import DocBuilder, add, both_backends


def article(
    body: str, title: str, label: str, taxonomy: str | None, keywords: dict[str, float]
) -> DocBuilder:
    builder = DocBuilder(body, title=title, published="2024-03-01")
    builder.doc.topic = Topic(label, {label: 0.9}, taxonomy, {taxonomy: 0.8} if taxonomy else {})
    # The article's spelling of a normalised term: ادلب is written إدلب.
    spelled = {"ادلب": "إدلب"}
    builder.doc.keywords = [
        Keyword(term, weight, spelled.get(term, term)) for term, weight in keywords.items()
    ]
    return builder


def stored(store: Store) -> list[int | None]:
    return add(
        store,
        article(
            "قصفت القوات الحكومية بلدة سرمين في ريف إدلب.", "قصف على سرمين", "middleEast", "security",
            {"سرمين": 0.7, "قصف": 0.5, "ادلب": 0.3},
        ).record("a1"),
        article(
            "تظاهر المئات في بلدة سرمين احتجاجا على القصف.", "مظاهرة في سرمين", "middleEast", "politics",
            {"سرمين": 0.6, "تظاهر": 0.5},
        ).record("a2"),
        article(
            "فاز فريق سرمين المحلي بكأس الدوري في إدلب.", "فوز فريق سرمين", "sport", None,
            {"فريق": 0.6, "سرمين": 0.4, "ادلب": 0.2},
        ).record("a3"),
    )  # fmt: skip


@both_backends
def test_the_topic_filter_matches_the_corpus_label_or_the_taxonomy(store: Store) -> None:
    first, second, third = stored(store)

    def ids(topic: str) -> list[int]:
        return sorted(hit["article_id"] for hit in search(store, "سرمين", SearchFilters(topic=topic)))

    assert ids("middleEast") == [first, second]
    assert ids("security") == [first]
    assert ids("politics") == [second]
    assert ids("sport") == [third]
    assert ids("health") == []


@both_backends
def test_the_keyword_facet_counts_articles_then_weight(store: Store) -> None:
    first, _second, _third = stored(store)
    hits = search(store, "سرمين", SearchFilters())
    assert keyword_facet(store, hits, limit=3) == [
        {"term": "سرمين", "label": "سرمين", "articles": 3, "weight": 1.7},
        {"term": "ادلب", "label": "إدلب", "articles": 2, "weight": 0.5},
        {"term": "فريق", "label": "فريق", "articles": 1, "weight": 0.6},
    ]
    assert keyword_facet(store, [], limit=3) == []
    document = get_article(store, first)["document"]
    assert document["keywords"][0] == {"term": "سرمين", "label": "سرمين", "weight": 0.7}
    assert document["keywords"][2] == {"term": "ادلب", "label": "إدلب", "weight": 0.3}
    assert document["topic"]["taxonomy"] == "security"
