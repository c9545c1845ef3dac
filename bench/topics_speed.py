"""Topic classification speed: ms per article, and the topics stage's share of `analyze`.

Runs the default pipeline over real articles (bench/news_sample.py), times every stage
on the same documents, and splits the topics stage (run step by step, caches as cold
as in the stage itself) into the ANT classifier (features,
TF-IDF and the linear model over the tokens the text layer already made) and the derived
taxonomy (lexicon and event evidence). The issue's target: under 2 ms per typical article
for classification, beyond tokenisation.

    .venv/bin/python bench/topics_speed.py [--articles N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from news_sample import load_texts

from marsad import resources
from marsad.document import Document, Topic
from marsad.pipeline import DEFAULT_STAGES, stage_info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    if "marsad.topics.v1" not in DEFAULT_STAGES:
        raise SystemExit("marsad.topics.v1 is not in the default pipeline")
    stages = [(name, stage_info(name).factory()) for name in DEFAULT_STAGES]
    model = resources.topic_model()
    texts = load_texts(args.articles)
    for text in texts[:5]:  # warm-up: caches and lazily loaded tables do not count
        doc = Document.from_parts(text)
        for _, stage in stages:
            doc = stage(doc)
    seconds = dict.fromkeys((name for name, _ in stages), 0.0)
    classify_ms: list[float] = []
    taxonomy_ms: list[float] = []
    words = 0
    documents = []
    for text in texts:
        doc = Document.from_parts(text)
        for name, stage in stages:
            started = time.perf_counter()
            if name == "marsad.topics.v1":
                # The stage's own two steps, timed apart (what TopicModel.__call__ does).
                end = doc.headline_end
                scores = model.classifier.scores(doc.tokens, end)
                classified = time.perf_counter()
                taxonomy = model.taxonomy(scores, model.taxonomy.evidence(doc, end))
                doc.topic = Topic(
                    max(scores, key=scores.get), scores, max(taxonomy, key=taxonomy.get), taxonomy
                )
                classify_ms.append((classified - started) * 1000)
                taxonomy_ms.append((time.perf_counter() - classified) * 1000)
            else:
                doc = stage(doc)
            seconds[name] += time.perf_counter() - started
        words += sum(token.kind == "arabic" for token in doc.tokens)
        documents.append(doc)
    total = sum(seconds.values())
    count = len(texts)
    print(f"{count} articles, {words / count:.0f} Arabic words each on average")
    print(
        f"classification (ANT label), first pass: {statistics.mean(classify_ms):.2f} ms/article mean, "
        f"{statistics.median(classify_ms):.2f} median, {sorted(classify_ms)[int(0.95 * count) - 1]:.2f} p95"
    )
    warm_ms = []
    for doc in documents:  # the same articles again: every word's n-gram rows are cached now
        started = time.perf_counter()
        model.classifier.scores(doc.tokens, doc.headline_end)
        warm_ms.append((time.perf_counter() - started) * 1000)
    print(
        f"classification, words seen before: {statistics.mean(warm_ms):.2f} ms/article mean, "
        f"{statistics.median(warm_ms):.2f} median"
    )
    print(f"taxonomy (lexicons + events): {statistics.mean(taxonomy_ms):.2f} ms/article mean")
    topics = seconds["marsad.topics.v1"]
    print(
        f"topics stage: {topics / count * 1000:.2f} ms/article, {100 * topics / total:.1f}% of analyze "
        f"({total / count * 1000:.1f} ms/article for the whole pipeline)"
    )
    for name, spent in seconds.items():
        print(f"  {name:<22} {spent / count * 1000:8.2f} ms/article")


if __name__ == "__main__":
    main()
