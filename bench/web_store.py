"""The store the web benchmarks run on, and realistic inputs drawn from it.

The store is built with the corpus benchmark's builder (`bench/search.py`): real ANT
articles analysed by the default pipeline, then stored again under new identities and
dates up to the wanted size, with synthetic entities and events where the pipeline found
none. It is kept between runs (pass --rebuild to make it again).
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from typing import Any

from marsad.corpus import EventFilters, open_store
from marsad.corpus.queries import get_article, list_events

BENCH = Path(__file__).resolve().parent
DEFAULT_DB = Path("/tmp/marsad-bench-web.db")


def ensure_store(db: Path, articles: int, base: int, seed: int, rebuild: bool) -> str:
    """Builds the store at `db` up to `articles` articles when it has fewer; returns its URL."""
    if rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{db}"
    with open_store(url) as store:
        have = store.table_counts().articles
        if have < articles:
            spec = importlib.util.spec_from_file_location("bench_search", BENCH / "search.py")
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            if not module.TOPICS.is_dir():
                raise SystemExit(f"building the benchmark store needs the ANT corpus in {module.TOPICS}")
            print(f"building {articles - have:,} articles into {db} (base: {base} analysed articles) ...")
            module.build(store, articles - have, base, seed)
    return url


def sample_inputs(url: str, seed: int = 5) -> dict[str, list[Any]]:
    """Search words, article ids, entity names and event filters seen in the store."""
    rng = random.Random(seed)
    with open_store(url) as store:
        stats = store.stats()
        n_articles = stats["articles"]
        events = list_events(store, EventFilters(limit=500, order="reports"))
        titles = [
            (get_article(store, rng.randint(1, n_articles)) or {}).get("title") or "" for _ in range(200)
        ]
    words = [word for title in titles for word in title.split() if len(word) >= 4]
    names = sorted({m["name"] for e in events for m in e["actors"] + e["recipients"]})
    countries = sorted({e["country"] for e in events if e["country"]})
    types = sorted(stats["event_types"])
    return {
        "words": words or ["الحكومة"],
        "article_ids": [rng.randint(1, n_articles) for _ in range(200)],
        "entities": names or ["الحكومة"],
        "countries": countries or ["IQ"],
        "types": types or ["ASSAULT"],
        "n_articles": [n_articles],
    }


def search_params(
    rng: random.Random, inputs: dict[str, list[Any]], type_filter: bool = False
) -> dict[str, str]:
    """A search as analysts make them: one or two words, sometimes a date range.

    type_filter: also ask for articles reporting an event of a given type (measured apart:
        the store's SQL for that filter is much slower, see docs/api.md).
    """
    params = {"q": " ".join(rng.sample(inputs["words"], rng.choice((1, 1, 2))))}
    if rng.random() < 0.25:
        year = rng.randint(2018, 2023)
        params.update(since=f"{year}-01-01", until=f"{year}-12-31")
    if type_filter:
        params["type"] = rng.choice(inputs["types"])
    return params


def event_params(rng: random.Random, inputs: dict[str, list[Any]]) -> dict[str, str]:
    """An event query: by type, country, actor, date range or most reported, paged."""
    choice = rng.randrange(6)
    params: dict[str, str] = {"limit": "50"}
    if choice == 0:
        params["type"] = rng.choice(inputs["types"])
    elif choice == 1:
        params["country"] = rng.choice(inputs["countries"])
    elif choice == 2:
        params["actor"] = rng.choice(inputs["entities"])
    elif choice == 3:
        year = rng.randint(2018, 2023)
        params.update(since=f"{year}-03-01", until=f"{year}-05-31")
    elif choice == 4:
        params["order"] = "reports"
    else:
        params["offset"] = str(rng.choice((0, 50, 100)))
    return params
