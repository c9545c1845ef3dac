"""NER inference speed: tokens per second of the tagger on one core.

Tags real news (the first articles of ../shared/data/topics/ant-v2.1-dev.jsonl.gz, or the
seed article when the shared data is absent) an article at a time, as the entity stage
does (the network reads an article's sentences together), once the models are loaded.
The cold pass computes every word form's features and token vectors afresh; the warm
passes reuse the per-form caches, as a long-running process does. Also prints
tokenisation + sentence splitting + tagging together. Numpy's BLAS is held to one thread,
so the figures are per core. Target: 20,000 tokens/s per core.

The shared machine's speed changes from day to day (the same model has run at half the
tokens/s on a slow day), so the run first times a fixed pure-Python loop: figures from
two days compare only together with that yardstick.

    .venv/bin/python bench/ner_speed.py [--articles N] [--repeat R]
"""

from __future__ import annotations

import argparse
import os
import time

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

from news_sample import load_texts  # noqa: E402 (after the thread settings)

from marsad import resources  # noqa: E402
from marsad.text import split_sentences, tokenize  # noqa: E402

YARDSTICK_STEPS = 10_000_000


def yardstick_seconds() -> float:
    """Seconds a fixed pure-Python loop takes: how fast this machine runs today."""
    started = time.perf_counter()
    total = 0
    for step in range(YARDSTICK_STEPS):
        total += step
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"machine yardstick: {YARDSTICK_STEPS:,} Python loop steps in {yardstick_seconds():.2f} s")
    texts = load_texts(args.articles)
    tagger = resources.ner_tagger()
    started = time.perf_counter()
    articles = []
    for text in texts:
        tokens = tokenize(text)
        articles.append(
            [[t for t in tokens if s.start <= t.start < s.end] for s in split_sentences(text, tokens)]
        )
    preparing = time.perf_counter() - started
    token_count = sum(len(sentence) for sentences in articles for sentence in sentences)
    started = time.perf_counter()
    for sentences in articles:  # cold: every word form's features computed for the first time
        tagger.predict_many(sentences)
    cold = time.perf_counter() - started
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        for sentences in articles:
            tagger.predict_many(sentences)
        best = min(best, time.perf_counter() - started)
    sentence_count = sum(map(len, articles))
    print(f"{len(texts)} articles, {sentence_count} sentences, {token_count} tokens")
    print(f"NER tagger (CRF + network), cold cache: {token_count / cold:,.0f} tokens/s on one core")
    print(f"NER tagger (CRF + network), warm cache: {token_count / best:,.0f} tokens/s on one core")
    print(f"tokenise + split + tag: {token_count / (best + preparing):,.0f} tokens/s on one core")


if __name__ == "__main__":
    main()
