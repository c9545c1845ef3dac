"""Summary speed: what marsad.summary.v1 (summary, gist, keywords) adds to `marsad analyze`.

Runs the default pipeline over real articles (bench/news_sample.py), times every stage
separately on the same documents, and prints the summary stage's time per article and its
share of the whole analysis.

    .venv/bin/python bench/summary_speed.py [--articles N]
"""

from __future__ import annotations

import argparse
import time

from news_sample import load_texts

from marsad.document import Document
from marsad.pipeline import DEFAULT_STAGES, stage_info

STAGE = "marsad.summary.v1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    if STAGE not in DEFAULT_STAGES:
        raise SystemExit(f"{STAGE} is not in the default pipeline")
    stages = [(name, stage_info(name).factory()) for name in DEFAULT_STAGES]
    texts = load_texts(args.articles)
    # One warm-up pass so that caches and lazily loaded tables do not count.
    for text in texts[:5]:
        doc = Document.from_parts(text, published="2018-01-01")
        for _, stage in stages:
            doc = stage(doc)
    seconds = {name: 0.0 for name, _ in stages}
    for text in texts:
        doc = Document.from_parts(text, published="2018-01-01")
        for name, stage in stages:
            started = time.perf_counter()
            doc = stage(doc)
            seconds[name] += time.perf_counter() - started
    total = sum(seconds.values())
    print(f"{len(texts)} articles, whole analysis {1000 * total / len(texts):.2f} ms/article")
    for name, spent in seconds.items():
        print(f"  {name:<22}{1000 * spent / len(texts):>8.2f} ms/article {100 * spent / total:>6.1f}%")
    print(f"summary stage share of analyze time: {100 * seconds[STAGE] / total:.1f}%")


if __name__ == "__main__":
    main()
