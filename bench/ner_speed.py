"""NER inference speed: tokens per second of the tagger on one core.

Tags real news (the first articles of ../shared/data/topics/ant-v2.1-dev.jsonl.gz, or the
seed article when the shared data is absent), sentence by sentence, once the model is
loaded. The cold pass computes every word form's features afresh; the warm passes reuse
the per-form cache, as a long-running process does. Also prints tokenisation + sentence
splitting + tagging together. Target: 20,000 tokens/s per core.

    .venv/bin/python bench/ner_speed.py [--articles N] [--repeat R]
"""

from __future__ import annotations

import argparse
import time

from news_sample import load_texts

from marsad import resources
from marsad.text import split_sentences, tokenize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = load_texts(args.articles)
    tagger = resources.ner_tagger()
    started = time.perf_counter()
    sentences = []
    for text in texts:
        tokens = tokenize(text)
        for sentence in split_sentences(text, tokens):
            sentences.append([t for t in tokens if sentence.start <= t.start < sentence.end])
    preparing = time.perf_counter() - started
    token_count = sum(map(len, sentences))
    started = time.perf_counter()
    for tokens in sentences:  # cold: every word form's features computed for the first time
        tagger.predict(tokens)
    cold = time.perf_counter() - started
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        for tokens in sentences:
            tagger.predict(tokens)
        best = min(best, time.perf_counter() - started)
    print(f"{len(texts)} articles, {len(sentences)} sentences, {token_count} tokens")
    print(f"NER tagger (features + CRF), cold cache: {token_count / cold:,.0f} tokens/s on one core")
    print(f"NER tagger (features + CRF), warm cache: {token_count / best:,.0f} tokens/s on one core")
    print(f"tokenise + split + tag: {token_count / (best + preparing):,.0f} tokens/s on one core")


if __name__ == "__main__":
    main()
