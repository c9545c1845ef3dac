"""Reads of the corpus shaped for the API and the pages: pages of results, snippets, counts.

Everything here calls the store's public methods (`marsad.corpus.Store`) and the
search module's query processing; no SQL. Pagination: the store is asked for one row
more than a page, which tells whether there is a next page without counting them all.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import replace
from typing import Any

from marsad.corpus import EventFilters, SearchFilters, Store, queries
from marsad.corpus.search import query_terms, snippet
from marsad.errors import MarsadError

MAX_LIMIT = 200
MAX_OFFSET = 10_000
MAX_ID = 2**63 - 1  # the largest id both SQLite and PostgreSQL (BIGINT) can hold
# Events read to draw the per-day timeline and the map of a filtered event list.
CHART_EVENT_CAP = 500
# Corpus counts change only when articles are ingested; the home page may show them this late.
STATS_TTL_SECONDS = 30.0


class CachedStats:
    """The store's counts, recomputed at most every `STATS_TTL_SECONDS` (they scan whole tables)."""

    def __init__(self, ttl: float = STATS_TTL_SECONDS) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._value: dict[str, Any] | None = None
        self._at = 0.0

    def get(self, store: Store) -> dict[str, Any]:
        with self._lock:
            if self._value is None or time.monotonic() - self._at > self.ttl:
                self._value = queries.corpus_stats(store)
                self._at = time.monotonic()
            return self._value

    def clear(self) -> None:
        with self._lock:
            self._value = None


def search_page(
    store: Store, query: str, filters: SearchFilters, *, limit: int, offset: int
) -> dict[str, Any]:
    """One page of search results (one article per story), each with a highlighted snippet."""
    page = range(offset, offset + limit)
    hits = queries.search(store, query, filters, limit=offset + limit + 1, snippets_for=page)
    terms = query_terms(query)
    items = []
    for hit in hits[offset : offset + limit]:
        title = snippet(hit["title"], terms, width=64) if hit["title"] else None
        items.append({
            **hit, **_without_headline(hit),
            "title_highlights": [list(h) for h in title.highlights] if title else [],
        })  # fmt: skip
    return {
        "query": query,
        "items": items,
        "limit": limit,
        "offset": offset,
        "has_more": len(hits) > offset + limit,
        "keywords": queries.keyword_facet(store, hits),
    }


def _without_headline(hit: dict[str, Any]) -> dict[str, Any]:
    """The snippet without the headline it starts with (the headline is shown above it)."""
    title, passage = hit.get("title") or "", hit["snippet"]
    if not title or not passage.startswith(title + " "):
        return {}
    cut = len(title) + 1
    return {
        "snippet": passage[cut:],
        "highlights": [[start - cut, end - cut] for start, end in hit["highlights"] if start >= cut],
    }


def events_page(store: Store, filters: EventFilters) -> dict[str, Any]:
    """One page of corpus events (each real event once, with its number of reports)."""
    rows = queries.list_events(store, replace(filters, limit=filters.limit + 1))
    return {
        "items": rows[: filters.limit],
        "limit": filters.limit,
        "offset": filters.offset,
        "has_more": len(rows) > filters.limit,
    }


def events_for_charts(store: Store, filters: EventFilters) -> tuple[list[dict[str, Any]], bool]:
    """The newest `CHART_EVENT_CAP` events matching the filters, and whether there were more."""
    # One report each gives the mode; the charts need no more.
    capped = replace(filters, limit=CHART_EVENT_CAP + 1, offset=0, order="date", reports=1)
    rows = queries.list_events(store, capped)
    return rows[:CHART_EVENT_CAP], len(rows) > CHART_EVENT_CAP


def day_type_counts(events: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    """(day, type, number of events) for the timeline chart; events without a date are left out."""
    counts: Counter[tuple[str, str]] = Counter()
    for event in events:
        if event.get("date_first"):
            counts[(event["date_first"], event["type"])] += 1
    return [(day, event_type, count) for (day, event_type), count in sorted(counts.items())]


def map_points(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The geolocated events, as the map script draws them."""
    points = []
    for event in events:
        if event.get("lat") is None or event.get("lon") is None:
            continue
        points.append({
            "id": event["id"], "lat": event["lat"], "lon": event["lon"], "type": event["type"],
            "reports": event.get("n_reports", 1), "place": event.get("location") or event.get("admin1") or "",
            "country": event.get("country") or "", "date": event.get("date_first") or "",
            "href": f"/articles/{event['reports'][0]['article_id']}" if event.get("reports") else "",
        })  # fmt: skip
    return points


def export_events(format: str, events: list[dict[str, Any]]) -> Any:
    """CSV text (the corpus's columns), or JSON-ready PLOVER records, ACLED rows or GeoJSON."""
    if format == "csv":
        return queries.events_to_csv(events)
    try:
        from marsad.events import exporters
    except ImportError:
        raise MarsadError("E611", format=format) from None
    return exporters.export_corpus_events(format, events)
