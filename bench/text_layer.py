"""Text-layer throughput: normalisation, tokens with clitics, and sentences, in words per second.

Runs on one core over the ANT dev articles when ../shared/data is there (about 2,977 real
articles), else over the bundled examples repeated. Target: 200,000 words/s on one core.

    .venv/bin/python bench/text_layer.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import time
from pathlib import Path

from marsad import resources
from marsad.sources import read_article
from marsad.text import normalize, split_sentences, tokenize

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "topics" / "ant-v2.1-dev.jsonl.gz"


def load_texts(limit: int) -> tuple[str, list[str]]:
    if DEV.is_file():
        with gzip.open(DEV, "rt", encoding="utf-8") as lines:
            texts = [f"{r['title']}\n{r['text']}" for r in map(json.loads, lines)]
        return f"ANT dev ({DEV.name})", texts[:limit]
    articles = [read_article(p) for p in sorted((ROOT / "examples").iterdir())]
    texts = [f"{a.title}\n{a.text}" for a in articles] * 200
    return "bundled examples x200", texts[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=100_000, help="articles to process at most")
    args = parser.parse_args()
    source, texts = load_texts(args.limit)
    started = time.perf_counter()
    resources.tokenizer()
    load_seconds = time.perf_counter() - started

    words = 0
    started = time.process_time()
    for text in texts:
        normalize(text)
        tokens = tokenize(text)
        split_sentences(text, tokens)
        words += sum(1 for t in tokens if t.kind != "punct")
    seconds = time.process_time() - started

    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, one core"
    )
    print(f"input: {source}: {len(texts)} articles, {words:,} words")
    print(f"resources loaded in {load_seconds:.2f} s")
    print(f"text layer: {words / seconds:,.0f} words/s ({seconds:.2f} s CPU)")


if __name__ == "__main__":
    main()
