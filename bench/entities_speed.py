"""Entity stage speed: tokens per second of labels -> entities (rules + coreference).

Runs over real news (the first articles of ../shared/data/topics/ant-v2.1-dev.jsonl.gz, or
the seed article when the shared data is absent). The tagger's labels are computed first
(its speed is `bench/ner_speed.py`'s business); what is timed here is what the entity
stage adds on top: mention spans, news rules, roles and coreference. Also prints the
whole stage (tagger included) per article.

    .venv/bin/python bench/entities_speed.py [--articles N]
"""

from __future__ import annotations

import argparse
import time

from news_sample import load_texts

from marsad import resources
from marsad.document import Document
from marsad.entities.stage import EntityStage, find_entities, sentence_index
from marsad.text import TextLayer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    text_layer = TextLayer()
    docs = [text_layer(Document.from_parts(text)) for text in load_texts(args.articles)]
    tagger = resources.ner_tagger()
    lexicons = resources.entity_lexicons()
    stage = EntityStage(tagger=tagger, lexicons=lexicons)
    prepared = []
    for doc in docs:
        sentence_of = sentence_index(doc.tokens, doc.sentences)
        stage(doc)  # warms the tagger's caches as a long-running process would
        labels: list[str] = []
        for sentence in sorted(set(sentence_of)):
            labels += tagger.predict(
                [t for t, s in zip(doc.tokens, sentence_of, strict=True) if s == sentence]
            )
        prepared.append((doc, sentence_of, labels))
    tokens = sum(len(doc.tokens) for doc in docs)
    started = time.perf_counter()
    entities = 0
    for doc, sentence_of, labels in prepared:
        entities += len(find_entities(doc.text, doc.tokens, sentence_of, labels, lexicons))
    rules = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        stage(doc)
    whole = time.perf_counter() - started
    print(f"{len(docs)} articles, {tokens} tokens, {entities} entities")
    for what, seconds in (
        ("labels -> entities (rules + coreference)", rules),
        ("whole stage, tagger included", whole),
    ):
        print(f"{what}: {tokens / seconds:,.0f} tokens/s, {seconds / len(docs) * 1000:.2f} ms/article")


if __name__ == "__main__":
    main()
