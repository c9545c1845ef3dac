"""Server time of every web page on a 20,000-article store (target: under 300 ms each).

Each page is requested in-process (FastAPI's test client, no network) with inputs drawn
from the store: searches of title words with and without filters, random articles, the
most active entities, event lists with each kind of filter. The time reported is the
server's own (`Server-Timing` header: routing, queries, template rendering), per page:
median, 95th percentile and worst.

    .venv/bin/python bench/pages.py [--articles 20000] [--base 400] [--rounds 40] [--db PATH] [--rebuild]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi.testclient import TestClient
from web_store import DEFAULT_DB, ensure_store, event_params, sample_inputs, search_params

from marsad.api.app import ServerSettings, create_app

TARGET_MS = 300.0
PASTE_TEXT = (
    "عقد وزير الخارجية العراقي اجتماعا مع نظيره الأردني في عمان يوم الثلاثاء لبحث التعاون الأمني، "
    "وقال في مؤتمر صحفي إن «الحوار هو الطريق الوحيد». "
    "وأعلنت الحكومة تقديم مساعدات إلى المحافظات المتضررة."
)


def server_ms(response) -> float:
    assert response.status_code == 200, (response.status_code, response.text[:300])
    return float(response.headers["server-timing"].split("dur=")[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--base", type=int, default=400, help="real articles analysed to build the store")
    parser.add_argument("--rounds", type=int, default=40, help="requests per page")
    parser.add_argument("--db", type=str, default=str(DEFAULT_DB))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    url = ensure_store(Path(args.db), args.articles, args.base, args.seed, args.rebuild)
    inputs = sample_inputs(url)
    rng = random.Random(args.seed)
    client = TestClient(create_app(ServerSettings(db_url=url)), client=("127.0.0.1", 40000))

    pages: dict[str, Callable[[], str]] = {
        "home /": lambda: "/",
        "search /search": lambda: "/search?" + urlencode(search_params(rng, inputs)),
        "search + event type filter": lambda: "/search?" + urlencode(search_params(rng, inputs, True)),
        "article /articles/{id}": lambda: f"/articles/{rng.choice(inputs['article_ids'])}",
        "entity /entities/{name}": lambda: "/entities/" + quote(rng.choice(inputs["entities"]), safe=""),
        "events /events": lambda: "/events?" + urlencode(event_params(rng, inputs)),
        "paste form /analyse": lambda: "/analyse",
    }
    print(f"machine   {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"store     {args.db}: {inputs['n_articles'][0]:,} articles")
    print(f"{'page':<28}{'n':>5}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}  target < {TARGET_MS:.0f} ms")
    worst_p95 = 0.0
    for name, make_path in pages.items():
        client.get(make_path())  # warm templates and caches
        timings = sorted(server_ms(client.get(make_path())) for _ in range(args.rounds))
        p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
        worst_p95 = max(worst_p95, p95)
        verdict = "ok" if p95 < TARGET_MS else "OVER"
        median = statistics.median(timings)
        print(f"{name:<28}{len(timings):>5}{median:>11.1f}{p95:>9.1f}{timings[-1]:>9.1f}  {verdict}")
    pasted = sorted(
        server_ms(client.post("/analyse", data={"title": "اجتماع في عمان", "text": PASTE_TEXT}))
        for _ in range(max(5, args.rounds // 4))
    )
    paste_p95 = pasted[int(0.95 * (len(pasted) - 1))]
    print(f"{'paste analysis POST':<28}{len(pasted):>5}{statistics.median(pasted):>11.1f}"
          f"{paste_p95:>9.1f}{pasted[-1]:>9.1f}  (runs the full pipeline)")  # fmt: skip
    print(f"worst page p95: {worst_p95:.1f} ms ({'meets' if worst_p95 < TARGET_MS else 'misses'} the target)")


if __name__ == "__main__":
    main()
