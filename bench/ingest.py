"""Ingest throughput and memory: real news articles through the full pipeline into a store.

Samples articles from the ANT corpus (../shared/data/topics, read-only; nothing of it is
written into the repository) into a temporary JSON Lines file, runs `ingest` with the
default pipeline on every core, and prints articles/s and the peak memory of the whole
process tree (main process + workers, sampled from /proc). Target: >= 20 articles/s for
300-500-word articles on 2 cores, under 2 GB.

    .venv/bin/python bench/ingest.py [--articles 20000] [--min-words 300] [--max-words 500]
                                     [--workers 2] [--db URL]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import random
import tempfile
import threading
import time
from pathlib import Path

from marsad.corpus import open_store
from marsad.corpus.ingest import IngestOptions, ingest
from marsad.pipeline import DEFAULT_STAGES

ROOT = Path(__file__).resolve().parent.parent
TOPICS = ROOT.parent / "shared" / "data" / "topics"


def sample_articles(count: int, min_words: int, max_words: int, seed: int) -> list[dict[str, str]]:
    records = []
    for name in ("ant-v2.1-train.jsonl.gz", "ant-v2.1-dev.jsonl.gz"):
        with gzip.open(TOPICS / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if min_words <= len(row["text"].split()) <= max_words:
                    records.append(
                        {
                            "id": f"ant:{row['docno']}",
                            "title": row["title"],
                            "text": row["text"],
                            "published": row.get("time") or None,
                            "source": row.get("src"),
                            "url": row.get("url"),
                        }
                    )
    random.Random(seed).shuffle(records)
    return records[:count]


class TreeMemory:
    """Peak resident memory of this process and all its descendants, sampled every 0.2 s."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, sum(_rss(pid) for pid in _tree(os.getpid())))


def _tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            with contextlib.suppress(OSError):
                queue.extend(int(child) for child in (task / "children").read_text().split())
    return pids


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000, help="articles to ingest at most")
    parser.add_argument("--min-words", type=int, default=300)
    parser.add_argument("--max-words", type=int, default=500)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--db", help="store URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if not TOPICS.is_dir():
        raise SystemExit(f"bench/ingest.py needs the ANT corpus in {TOPICS}")
    load_before = os.getloadavg()[0]
    records = sample_articles(args.articles, args.min_words, args.max_words, args.seed)
    words = sum(len(r["text"].split()) for r in records)
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as folder:
        source = Path(folder) / "articles.jsonl"
        source.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
        )
        url = args.db or f"sqlite:///{Path(folder) / 'corpus.db'}"
        options = IngestOptions(
            workers=args.workers, rejects_path=Path(folder) / "rejects.jsonl", progress=True
        )
        with open_store(url) as store, TreeMemory() as memory:
            started = time.perf_counter()
            summary = ingest([source], store, options)
            seconds = time.perf_counter() - started
            counts = store.table_counts()
    print(
        f"machine        {platform.processor() or platform.machine()}, {os.cpu_count()} cores;"
        f" load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    print(f"pipeline       {', '.join(DEFAULT_STAGES)}")
    print(f"store          {url.split('://')[0]}")
    print(
        f"articles       {len(records):,} ({args.min_words}-{args.max_words} words,"
        f" mean {words / len(records):.0f})"
    )
    print(
        f"stored         {summary.stored:,} (rejected {summary.rejected:,},"
        f" near-duplicates {summary.near_duplicates:,})"
    )
    print(
        f"entities       {counts.entities:,}, mentions {counts.mentions:,}, event reports {counts.events:,}"
    )
    print(f"time           {seconds:.1f} s with {args.workers} workers")
    print(f"throughput     {len(records) / seconds:.1f} articles/s, {words / seconds:,.0f} words/s")
    print(f"peak memory    {memory.peak / 2**20:,.0f} MiB (all processes)")


if __name__ == "__main__":
    main()
