"""Search and event-query latency on a 100,000-article SQLite store.

Building: a few thousand real ANT articles (../shared/data/topics, read-only) are analysed
with the default pipeline; the store is then filled to --articles by inserting stored
analyses of those articles again under new identities and dates (the fast path: no
re-analysis). Where the pipeline found no entities or events (stages not yet in the
default pipeline), synthetic ones are attached, pointing at real words of the article,
so that the event tables have a realistic size: about 6 entities and 2 event reports an
article, wire copies of a story within days of each other (so they merge into one
corpus event), the other copies far apart. The measured queries are the real ones the
CLI and API run (`marsad.corpus.queries.search` with snippets, `list_events`).

    .venv/bin/python bench/search.py [--articles 100000] [--base 3000] [--queries 300] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marsad import resources
from marsad.corpus import EventFilters, SearchFilters, open_store
from marsad.corpus.ingest import record_from_document
from marsad.corpus.queries import list_events, search
from marsad.corpus.store import Store
from marsad.document import PLOVER_TYPES, Document
from marsad.pipeline import DEFAULT_STAGES
from marsad.sources import Article

ROOT = Path(__file__).resolve().parent.parent
TOPICS = ROOT.parent / "shared" / "data" / "topics"
COUNTRIES = (
    ("العراق", "IQ"),
    ("سوريا", "SY"),
    ("لبنان", "LB"),
    ("الأردن", "JO"),
    ("مصر", "EG"),
    ("اليمن", "YE"),
    ("ليبيا", "LY"),
    ("تونس", "TN"),
    ("السودان", "SD"),
    ("فلسطين", "PS"),
)
SOURCES = ("alarabiya", "bbc", "cnn", "france24", "skynews", "وكالة أ", "وكالة ب", "صحيفة ج")
WINDOW_START = dt.date(2018, 1, 1)
WINDOW_DAYS = 6 * 365


def load_base(count: int, seed: int) -> list[tuple[Article, Document]]:
    rows = []
    with gzip.open(TOPICS / "ant-v2.1-train.jsonl.gz", "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    random.Random(seed).shuffle(rows)
    pipeline = resources.pipeline()
    base = []
    for row in rows[:count]:
        article = Article(text=row["text"], title=row["title"], source=row["src"], id=row["docno"])
        base.append((article, pipeline(Document.from_parts(article.text, title=article.title))))
    return base


class Synthetic:
    """Events, and entities taking part in them, for documents the pipeline left without events."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.actors = [(f"الجهة {i}", "ORG" if i % 3 else "PERSON", f"Q-actor-{i}") for i in range(600)]
        self.places = [
            (f"البلدة {i}", *COUNTRIES[i % len(COUNTRIES)], f"المحافظة {i % 40}") for i in range(400)
        ]

    def add(self, doc: dict[str, Any], words: list[tuple[int, int]], sentences: list[dict[str, int]]) -> None:
        rng, text = self.rng, doc["text"]
        picks = rng.sample(words, min(len(words), 8))
        numbers = [int(e["id"][1:]) for e in doc["entities"] if e["id"][1:].isdigit()]
        entities, first_id = [], max(numbers, default=0) + 1
        for index, (start, end) in enumerate(picks[:6]):
            if index < 4:
                name, kind, kb = rng.choice(self.actors)
                geo = None
            else:
                name, _, code, admin1 = rng.choice(self.places)
                kind, kb = "GPE", None
                geo = {
                    "lat": 30 + rng.random() * 10,
                    "lon": 35 + rng.random() * 15,
                    "country": code,
                    "admin1": admin1,
                    "kind": "city",
                    "source_id": None,
                }
            entities.append(
                {
                    "id": f"E{first_id + index}",
                    "type": kind,
                    "name": name,
                    "latin": None,
                    "kb": kb,
                    "roles": [],
                    "geo": geo,
                    "mentions": [{"start": start, "end": end, "text": text[start:end]}],
                }
            )
        doc["entities"] = doc["entities"] + entities
        doc["events"] = []
        for index, (start, end) in enumerate(picks[6:8]):
            sentence = next(
                (s for s in sentences if s["start"] <= start < s["end"]), {"start": 0, "end": end}
            )
            doc["events"].append(
                {
                    "id": f"V{index + 1}",
                    "type": rng.choice(PLOVER_TYPES),
                    "mode": None,
                    "actors": [f"E{first_id + rng.randint(0, 1)}"],
                    "recipients": [f"E{first_id + rng.randint(2, 3)}"] if index else [],
                    "location": f"E{first_id + rng.randint(4, 5)}" if len(entities) >= 6 else None,
                    "date": None,
                    "trigger": {"start": start, "end": end, "text": text[start:end]},
                    "sentence": {"start": sentence["start"], "end": sentence["end"]},
                    "negated": False,
                    "confidence": 0.8,
                }
            )


def build(store: Store, total: int, base_count: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    started = time.perf_counter()
    base = load_base(base_count, seed)
    analysed = time.perf_counter() - started
    synthetic = Synthetic(rng)
    templates = []
    for article, doc in base:
        record = record_from_document(doc, article, "", "bench")
        layers = record.document
        if not layers["events"]:
            words = [(t.start, t.end) for t in doc.tokens if t.kind == "arabic" and len(t.text) >= 3]
            synthetic.add(layers, words, layers["sentences"])
        day = WINDOW_START + dt.timedelta(days=rng.randrange(WINDOW_DAYS))
        templates.append((record, day))
    copies_of: dict[int, int] = {}
    inserted = 0
    started = time.perf_counter()
    while inserted < total:
        with store.transaction():
            for _ in range(min(1000, total - inserted)):
                index = inserted % len(templates)
                record, day = templates[index]
                wire_copy = rng.random() < 0.5
                if not wire_copy:
                    day = WINDOW_START + dt.timedelta(days=rng.randrange(WINDOW_DAYS))
                published = (day + dt.timedelta(days=rng.randrange(3))).isoformat()
                record.key = f"bench:{inserted}"
                record.source = rng.choice(SOURCES)
                record.document = {**record.document, "published": published}
                first = copies_of.get(index)
                article_id = store.add_article(record, (first, 0.9) if wire_copy and first else None)
                copies_of.setdefault(index, article_id)
                inserted += 1
    return {"analysed_s": analysed, "insert_s": time.perf_counter() - started, "synthetic": synthetic}


def measure(name: str, queries: list[Callable[[], Any]]) -> None:
    timings, results = [], 0
    for query in queries:
        started = time.perf_counter()
        found = query()
        timings.append((time.perf_counter() - started) * 1000)
        results += bool(found)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(
        f"{name:<16} n={len(timings)}  p50 {statistics.median(timings):6.1f} ms  p95 {p95:6.1f} ms  "
        f"p99 {p99:6.1f} ms  max {timings[-1]:6.1f} ms  ({results} with results)"
    )


def search_queries(
    store: Store, base_titles: list[str], rng: random.Random, count: int
) -> list[Callable[[], Any]]:
    words = [w for title in base_titles for w in title.split() if len(w) >= 4 and w.isalpha()]
    queries: list[Callable[[], Any]] = []
    for i in range(count):
        query = " ".join(rng.sample(words, 1 if i % 10 < 6 else 2 if i % 10 < 9 else 3))
        filters = SearchFilters()
        if i % 5 == 1:
            start = WINDOW_START + dt.timedelta(days=rng.randrange(WINDOW_DAYS - 180))
            filters = SearchFilters(
                since=start.isoformat(), until=(start + dt.timedelta(days=180)).isoformat()
            )
        elif i % 10 == 3:
            filters = SearchFilters(entity=f"الجهة {rng.randrange(600)}")
        elif i % 10 == 7:
            filters = SearchFilters(type=rng.choice(PLOVER_TYPES))
        queries.append(lambda q=query, f=filters: search(store, q, f, limit=10))
    return queries


def event_queries(store: Store, rng: random.Random, count: int) -> list[Callable[[], Any]]:
    queries: list[Callable[[], Any]] = []
    for i in range(count):
        start = WINDOW_START + dt.timedelta(days=rng.randrange(WINDOW_DAYS - 90))
        place = rng.randrange(400)
        options: list[dict[str, Any]] = [
            {},
            {"type": rng.choice(PLOVER_TYPES)},
            {"actor": f"الجهة {rng.randrange(600)}"},
            {"recipient": f"Q-actor-{rng.randrange(600)}"},
            {"country": rng.choice(COUNTRIES)[1]},
            {"since": start.isoformat(), "until": (start + dt.timedelta(days=90)).isoformat()},
            {"min_reports": 3, "order": "reports"},
            {
                "type": rng.choice(PLOVER_TYPES),
                "country": rng.choice(COUNTRIES)[1],
                "since": start.isoformat(),
            },
            {"country": COUNTRIES[place % len(COUNTRIES)][1], "admin1": f"المحافظة {place % 40}"},
            {"actor": f"الجهة {rng.randrange(600)}", "order": "reports"},
        ]
        filters = EventFilters(**options[i % len(options)], limit=50)
        queries.append(lambda f=filters: list_events(store, f))
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--base", type=int, default=3000, help="real articles analysed for the store")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--db", type=Path, default=Path("/tmp/marsad-bench-search.db"))
    parser.add_argument("--rebuild", action="store_true", help="build the store again even if it exists")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not TOPICS.is_dir():
        raise SystemExit(f"bench/search.py needs the ANT corpus in {TOPICS}")
    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    rng = random.Random(args.seed)
    with open_store(f"sqlite:///{args.db}") as store:
        if store.table_counts().articles < args.articles:
            built = build(store, args.articles - store.table_counts().articles, args.base, args.seed)
            print(
                f"built          {args.articles:,} articles: analysis {built['analysed_s']:.0f} s, "
                f"inserts {built['insert_s']:.0f} s"
            )
        counts = store.table_counts()
        titles = [row[0] for row in store._conn.execute("SELECT title FROM articles LIMIT 5000") if row[0]]
        print(
            f"machine        {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        print(f"pipeline       {', '.join(DEFAULT_STAGES)}")
        print(
            f"store          {args.db} ({args.db.stat().st_size / 2**20:,.0f} MiB):"
            f" {counts.articles:,} articles, {counts.entities:,} entities,"
            f" {counts.events:,} event reports in {counts.corpus_events:,} events"
        )
        measure("search", search_queries(store, titles, rng, args.queries))
        measure("event queries", event_queries(store, rng, args.queries))


if __name__ == "__main__":
    main()
