"""Event coding speed: what the events stage adds to `marsad analyze` on real news.

Runs the default pipeline (which ends with marsad.events.v1) over real articles (the first
articles of ../shared/data/topics/ant-v2.1-dev.jsonl.gz, or the seed article when the shared
data is absent), times every stage separately on the same documents, and prints the events
stage's share of the whole. The issue's target: event coding adds under 30% to analyze time.

    .venv/bin/python bench/events_speed.py [--articles N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from marsad.document import Document
from marsad.pipeline import DEFAULT_STAGES, stage_info

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "topics" / "ant-v2.1-dev.jsonl.gz"
SEED_ARTICLE = ROOT.parent / "shared" / "examples" / "000_519d468521edde90.txt"


def load_articles(count: int) -> list[tuple[str | None, str]]:
    if CORPUS.is_file():
        articles: list[tuple[str | None, str]] = []
        with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                articles.append((record.get("title"), record.get("text") or ""))
                if len(articles) >= count:
                    break
        return articles
    head, body = SEED_ARTICLE.read_text(encoding="utf-8").split("\n", 1)
    return [(head, body)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    stages = [(name, stage_info(name).factory()) for name in DEFAULT_STAGES]
    if not any(name == "marsad.events.v1" for name, _ in stages):
        raise SystemExit("marsad.events.v1 is not in the default pipeline")
    articles = load_articles(args.articles)
    # One warm-up pass so that caches and lazily loaded tables do not count.
    for title, body in articles[:5]:
        doc = Document.from_parts(body, title=title, published="2018-01-01")
        for _, stage in stages:
            doc = stage(doc)
    seconds = {name: 0.0 for name, _ in stages}
    events = quotes = characters = 0
    for title, body in articles:
        doc = Document.from_parts(body, title=title, published="2018-01-01")
        characters += len(doc.text)
        for name, stage in stages:
            started = time.perf_counter()
            doc = stage(doc)
            seconds[name] += time.perf_counter() - started
        events += len(doc.events)
        quotes += len(doc.quotes)
    total = sum(seconds.values())
    before = total - seconds["marsad.events.v1"]
    print(f"{len(articles)} articles, {characters / len(articles):.0f} characters each on average")
    for name, spent in seconds.items():
        per_article = 1000 * spent / len(articles)
        print(f"  {name:<22} {per_article:8.2f} ms/article  ({100 * spent / total:5.1f}% of analyze)")
    print(f"events stage adds {100 * seconds['marsad.events.v1'] / before:.1f}% to the other stages' time")
    print(f"{events / len(articles):.2f} events and {quotes / len(articles):.2f} quotes per article")


if __name__ == "__main__":
    main()
