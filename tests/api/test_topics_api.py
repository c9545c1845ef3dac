"""The keyword facet of a search and the topic filter on the taxonomy, over HTTP."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_search_returns_the_keyword_facet_of_its_hits(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "درعا"}).json()
    assert body["keywords"] == [
        {"term": "درعا", "label": "درعا", "articles": 2, "weight": 1.1},
        {"term": "قصف", "label": "قصف", "articles": 1, "weight": 0.5},
        {"term": "تصعيد", "label": "تصعيد", "articles": 1, "weight": 0.4},
        {"term": "معارضه", "label": "معارضة", "articles": 1, "weight": 0.3},
    ]
    assert client.get("/api/v1/search", params={"q": "تونس"}).json()["keywords"] == []


def test_the_topic_filter_takes_the_taxonomy_label(client: TestClient) -> None:
    security = client.get("/api/v1/search", params={"q": "درعا", "topic": "security"}).json()
    assert [item["article_id"] for item in security["items"]] == [1]
    region = client.get("/api/v1/search", params={"q": "درعا", "topic": "middleEast"}).json()
    assert [item["article_id"] for item in region["items"]] == [1]
