"""Temporal stage speed: its share of the whole `marsad analyze` pipeline per article.

Runs over real news (the first articles of ../shared/data/topics/ant-v2.1-dev.jsonl.gz, or
the seed article when the shared data is absent). Every stage of the default pipeline is
timed separately on the same documents after one warm-up pass (resources loaded, caches
filled, as in a long-running process), over several rounds, keeping each stage's fastest;
the figure that matters is the temporal stage's share of the total (target: under 10%).

    .venv/bin/python bench/temporal_speed.py [--articles N] [--rounds N]
"""

from __future__ import annotations

import argparse
import time

from news_sample import load_texts

from marsad.document import Document
from marsad.pipeline import DEFAULT_STAGES, stage_info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = load_texts(args.articles)
    stages = [(name, stage_info(name).factory()) for name in DEFAULT_STAGES]
    # One warm-up pass, then `--rounds` timed passes of CPU time (the stages are single-
    # threaded; wall time on a shared machine measures the neighbours); each stage's figure
    # is its fastest pass.
    rounds: list[dict[str, float]] = []
    counts = {"times": 0, "quantities": 0}
    for round_number in range(args.rounds + 1):
        spent = dict.fromkeys(DEFAULT_STAGES, 0.0)
        for text in texts:
            doc = Document.from_parts(text, published="2015-01-13")
            for name, stage in stages:
                started = time.process_time()
                doc = stage(doc)
                spent[name] += time.process_time() - started
            if round_number == 0:
                counts["times"] += len(doc.times)
                counts["quantities"] += len(doc.quantities)
        if round_number:
            rounds.append(spent)
    seconds = {name: min(r[name] for r in rounds) for name in DEFAULT_STAGES}
    total = sum(seconds.values())
    characters = sum(len(text) for text in texts)
    print(f"{len(texts)} articles, {characters / len(texts):.0f} characters each on average")
    for name, spent in seconds.items():
        print(f"  {name:<22} {1000 * spent / len(texts):8.2f} ms/article  {100 * spent / total:5.1f}%")
    temporal = seconds["marsad.temporal.v1"]
    per_article = 1000 * temporal / len(texts)
    print(f"temporal stage: {per_article:.2f} ms/article, {100 * temporal / total:.1f}% of analyze")
    times, quantities = counts["times"] / len(texts), counts["quantities"] / len(texts)
    print(f"found {times:.1f} times and {quantities:.1f} quantities per article")


if __name__ == "__main__":
    main()
