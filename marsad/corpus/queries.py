"""Corpus queries as plain, JSON-ready data: what the CLI, the HTTP API and the web pages share.

Every function takes an open `Store` and returns dicts and lists only, so an interface
just prints or serialises them. Dates are `YYYY-MM-DD` strings throughout.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from typing import Any

from marsad.corpus.search import query_terms, query_words, snippet
from marsad.corpus.store import EventFilters, SearchFilters, Store
from marsad.errors import MarsadError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Rows fetched per wanted hit, so that collapsing copies of one story still fills the page.
_COLLAPSE_FACTOR = 4


def check_date(value: str | None, *, end: bool = False) -> str | None:
    """Accepts YYYY, YYYY-MM or YYYY-MM-DD; a partial date covers its whole year or month.

    end: the date closes a range, so 2024-03 means up to 2024-03-31 (as the string
        2024-03-99, which sorts after every day of that month).
    """
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise MarsadError("E610", value=value)
    if len(value) == 10:
        return value
    if end:
        return value + ("-99" if len(value) == 7 else "-99-99")
    return value + ("-01" if len(value) == 7 else "-01-01")


def search(
    store: Store,
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 20,
    collapse: bool = True,
    snippets_for: range | None = None,
) -> list[dict[str, Any]]:
    """Articles matching every word of `query`, best first, with highlighted snippets.

    collapse: show one article per story (the best-ranked copy), with `story_size` saying
        how many stored articles tell it; False lists every copy.
    snippets_for: the positions of the hits that get a snippet (the page shown); the
        others have `snippet` "" and no highlights. None: every hit. Snippets are most
        of a search's cost, so a page does not make them for hits it does not show.
    """
    filters = filters or SearchFilters()
    filters = replace(filters, since=check_date(filters.since), until=check_date(filters.until, end=True))
    words = [word.alternatives for word in query_words(query)]
    terms = query_terms(query)
    rows = store.search(words, filters, limit * _COLLAPSE_FACTOR if collapse else limit)
    hits, seen_stories = [], set()
    for row in rows:
        if collapse and row.story_id is not None:
            if row.story_id in seen_stories:
                continue
            seen_stories.add(row.story_id)
        hits.append(
            {
                "article_id": row.article_id,
                "title": row.title,
                "published": row.published,
                "source": row.source,
                "url": row.url,
                "score": round(row.score, 4),
                "story_id": row.story_id,
                "story_size": row.story_size,
                "snippet": "",
                "highlights": [],
            }
        )
        if len(hits) == limit:
            break
    shown = hits if snippets_for is None else hits[snippets_for.start : snippets_for.stop]
    texts = store.article_texts([hit["article_id"] for hit in shown])
    for hit in shown:
        passage = snippet(texts.get(hit["article_id"], ""), terms)
        hit["snippet"], hit["highlights"] = passage.text, [list(h) for h in passage.highlights]
    return hits


def keyword_facet(store: Store, hits: list[dict[str, Any]], *, limit: int = 10) -> list[dict[str, Any]]:
    """The keywords most of the found articles share (`term`, `articles`, summed `weight`).

    hits: search results (`search`), whose article ids the facet counts over.
    """
    return store.keyword_facet([hit["article_id"] for hit in hits], limit)


def list_events(store: Store, filters: EventFilters | None = None) -> list[dict[str, Any]]:
    """Corpus events (each real event once) with the number of reports, sources and articles."""
    filters = filters or EventFilters()
    filters = replace(filters, since=check_date(filters.since), until=check_date(filters.until, end=True))
    return store.corpus_events(filters)


def corpus_stats(store: Store) -> dict[str, Any]:
    """Articles, stories, events, entities, sources and the date range of the corpus."""
    return store.stats()


def entity_profile(store: Store, name: str, *, limit: int = 20) -> dict[str, Any] | None:
    """What the corpus says about the entity best matching `name` (a name, Latin name or KB id).

    Returns None when no stored entity matches; otherwise: identity (type, name, latin, kb,
    place), `n_articles`, `n_quotes`, `months` (articles and mentions per YYYY-MM), `roles`
    (role: articles), `cooccurring` (entities sharing most articles), `events` (for
    "actor" and "recipient": event type -> corpus events and reports) and
    `other_matches` (other entities the name could mean).
    """
    return store.entity_profile(name, limit=limit)


def get_article(store: Store, article_id: int) -> dict[str, Any] | None:
    """A stored article with its metadata, story and full `document` (the JSON contract)."""
    return store.article(article_id)


# --- event output formats -----------------------------------------------------------------
CSV_COLUMNS = (
    "id",
    "type",
    "date_first",
    "date_last",
    "actors",
    "recipients",
    "location",
    "country",
    "admin1",
    "lat",
    "lon",
    "n_reports",
    "n_sources",
    "n_articles",
    "article_ids",
)


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """One flat row of a corpus event: participants joined with ' ; ', article ids with ' '."""
    return {
        **{name: event.get(name) for name in CSV_COLUMNS},
        "actors": " ; ".join(member["name"] for member in event["actors"]),
        "recipients": " ; ".join(member["name"] for member in event["recipients"]),
        "article_ids": " ".join(str(report["article_id"]) for report in event["reports"]),
    }


def events_to_csv(events: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(event_row(event))
    return out.getvalue()
