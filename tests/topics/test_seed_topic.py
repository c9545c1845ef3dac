"""The seed article: middleEast in the corpus labels, politics or security in the taxonomy."""

from __future__ import annotations

import marsad


def test_seed_article_topic(seed_article):
    head, body = seed_article.read_text(encoding="utf-8").split("\n", 1)
    topic = marsad.analyze(body.strip(), title=head.strip()).topic
    assert topic.label == "middleEast"
    assert topic.taxonomy in {"politics", "security"}
