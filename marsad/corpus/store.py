"""The corpus store: what it promises (`Store`), and the logic both SQL backends share.

An analysed article goes in as an `ArticleRecord` and is written in full inside one
transaction: the article, its search terms, its story, its entities and mentions, its
times, quantities and quotes, and its events, each merged into a corpus event. A crash
therefore leaves either the whole article or none of it. The SQL itself lives beside
each backend (`sql/sqlite.sql`, `sql/postgres.sql`, `migrations/<backend>/`); this module
only says which named statement to run with which parameters, so the two backends run
the same logic and differ only where their SQL dialects do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from importlib import resources as importlib_resources
from typing import Any, Protocol

from marsad.sources.article import Article
from marsad.text import normalize

# Two reports of the same type, participants and place are one event when their days are
# at most this far apart: reports of one attack date it to the day it happened, the day
# after, or loosely ("earlier this week").
EVENT_WINDOW_DAYS = 3
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPACE = re.compile(r"\s+")
_FILTERS = "/*FILTERS*/"
_ORDER = "/*ORDER*/"


def normalized_name(name: str) -> str:
    """The matching form of a name: normalised letters, single spaces, no article.

    البارزاني and بارزاني, العراق and عراق name the same thing; a leading ال is dropped
    from each word of two letters or more after it.
    """
    words = _SPACE.sub(" ", normalize(name).text).strip().split(" ")
    return " ".join(word[2:] if word.startswith("ال") and len(word) >= 4 else word for word in words)


def article_key(article: Article) -> str:
    """An article's identity: its id or URL when the source gave one, else its text's hash.

    The hash is over the normalised headline and body with white space collapsed, so the
    same article re-exported with other line breaks or diacritics is still the same.
    """
    if article.id and article.id.strip():
        return f"id:{article.id.strip()}"
    if article.url and article.url.strip():
        return f"url:{article.url.strip()}"
    text = _SPACE.sub(" ", normalize(f"{article.title or ''}\n{article.text}").text).strip()
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class ArticleRecord:
    """An analysed article ready to store; `document` is `Document.to_dict()`."""

    key: str
    document: dict[str, Any]
    title_terms: str
    body_terms: str
    minhash: bytes | None
    pipeline: str
    external_id: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class SearchFilters:
    since: str | None = None
    until: str | None = None
    entity: str | None = None
    place: str | None = None
    type: str | None = None
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class EventFilters:
    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    admin1: str | None = None
    since: str | None = None
    until: str | None = None
    min_reports: int | None = None
    include_negated: bool = False
    order: str = "date"  # "date" (newest first) or "reports" (most reported first)
    # Reports listed per event, oldest first (`n_reports` counts them all); None lists every one.
    # A list page caps it: the most reported events have hundreds of reports each.
    reports: int | None = None
    limit: int = 50
    offset: int = 0


@dataclass(slots=True)
class SearchRow:
    article_id: int
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    story_id: int | None
    score: float
    story_size: int = 1


@dataclass(slots=True)
class TableCounts:
    """Row counts of every table, to check that a store is whole (tests, `stats`)."""

    articles: int
    search_rows: int
    contents: int
    stories: int
    story_members: int
    entities: int
    article_entities: int
    mentions: int
    events: int
    corpus_events: int
    quotes: int
    times: int
    quantities: int


class Store(Protocol):
    """What ingest, the CLI, the API and the web pages need from a corpus store."""

    url: str
    backend: str  # "sqlite" or "postgres"

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...
    def schema_version(self) -> int: ...
    def transaction(self) -> AbstractContextManager[None]: ...
    def known_keys(self, keys: Sequence[str]) -> set[str]: ...
    def add_article(
        self, record: ArticleRecord, duplicate_of: tuple[int, float] | None = None
    ) -> int | None: ...
    def signatures(self) -> Iterator[tuple[int, bytes]]: ...
    def article(self, article_id: int) -> dict[str, Any] | None: ...
    def search(
        self, words: Sequence[Sequence[str]], filters: SearchFilters, limit: int
    ) -> list[SearchRow]: ...
    def article_texts(self, article_ids: Sequence[int]) -> dict[int, str]: ...
    def corpus_events(self, filters: EventFilters) -> list[dict[str, Any]]: ...
    def entity_profile(self, name: str, *, limit: int = 20) -> dict[str, Any] | None: ...
    def keyword_facet(self, article_ids: Sequence[int], limit: int) -> list[dict[str, Any]]: ...
    def stats(self) -> dict[str, Any]: ...
    def table_counts(self) -> TableCounts: ...


def load_statements(backend: str) -> dict[str, str]:
    """Reads `sql/<backend>.sql` into {name: statement} (blocks start `-- name: X`)."""
    text = (importlib_resources.files("marsad.corpus") / "sql" / f"{backend}.sql").read_text(encoding="utf-8")
    statements: dict[str, str] = {}
    name = None
    lines: list[str] = []
    for line in [*text.splitlines(), "-- name: <end>"]:
        if line.startswith("-- name: "):
            if name:
                statements[name] = "\n".join(lines).strip()
            name, lines = line.removeprefix("-- name: ").strip(), []
        elif name and not line.startswith("--"):
            lines.append(line)
    return statements


def migrations(backend: str) -> list[tuple[int, str]]:
    """The versioned schema scripts of a backend, `(version, sql)` in order."""
    folder = importlib_resources.files("marsad.corpus") / "migrations" / backend
    found = []
    for entry in folder.iterdir():
        match = re.match(r"^(\d{4})_\w+\.sql$", entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _day(value: str | None) -> str | None:
    return value if value and _DAY.match(value) else None


def _name_params(prefix: str, name: str) -> dict[str, str]:
    """Parameters of a name filter: exact normalised name, KB id, Latin name, or last words."""
    norm = normalized_name(name)
    return {
        prefix: norm,
        f"{prefix}_raw": name.strip(),
        f"{prefix}_lower": name.strip().lower(),
        f"{prefix}_suffix": f"% {norm}",
    }


class SqlStore:
    """The backend-independent store logic; a backend supplies connection, SQL and dialect."""

    backend = ""
    url = ""

    def __init__(self) -> None:
        self.sql = load_statements(self.backend)

    # --- what a backend provides -------------------------------------------------------
    def _execute(self, name: str, params: Mapping[str, Any] | None = None, sql: str | None = None) -> Any:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def schema_version(self) -> int:
        raise NotImplementedError

    def _list_param(self, values: Sequence[Any]) -> Any:
        """How a list is passed for `IN`/`ANY` (JSON text for SQLite, an array for PostgreSQL)."""
        raise NotImplementedError

    def _match_expression(self, words: Sequence[Sequence[str]]) -> str:
        """The full-text query for words, each a list of alternative terms, all required."""
        raise NotImplementedError

    def _blob(self, value: Any) -> bytes:
        return bytes(value)

    # --- shared ------------------------------------------------------------------------
    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _one(self, name: str, params: Mapping[str, Any] | None = None) -> Any:
        return self._execute(name, params).fetchone()

    def _all(self, name: str, params: Mapping[str, Any] | None = None, sql: str | None = None) -> list[Any]:
        return self._execute(name, params, sql).fetchall()

    def known_keys(self, keys: Sequence[str]) -> set[str]:
        if not keys:
            return set()
        return {row[0] for row in self._all("known_keys", {"keys": self._list_param(list(keys))})}

    def signatures(self) -> Iterator[tuple[int, bytes]]:
        for article_id, data in self._all("signatures"):
            yield article_id, self._blob(data)

    def add_article(self, record: ArticleRecord, duplicate_of: tuple[int, float] | None = None) -> int | None:
        """Writes one analysed article and everything found in it; call inside `transaction()`.

        Returns the new article id, or None when an article with the same key is stored.
        `duplicate_of` is (article id, similarity) of a stored near-duplicate, whose story
        the new article joins; without one it starts a story of its own.
        """
        doc = record.document
        published = doc.get("published")
        stored_doc = {key: value for key, value in doc.items() if key != "text"}
        row = self._one(
            "insert_article",
            {
                "key": record.key,
                "external_id": record.external_id,
                "url": record.url,
                "source": record.source,
                "title": doc.get("headline"),
                "published": published,
                "language": doc.get("language"),
                "topic": (doc.get("topic") or {}).get("label"),
                "pipeline": record.pipeline,
                "origin": record.origin,
                "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            },
        )
        if row is None:
            return None
        article_id = row[0]
        self._execute(
            "insert_article_content",
            {
                "id": article_id,
                "minhash": record.minhash,
                "text": doc["text"],
                "analysis": json.dumps(stored_doc, ensure_ascii=False),
            },
        )
        taxonomy = (doc.get("topic") or {}).get("taxonomy")
        if taxonomy:
            self._execute("set_article_taxonomy", {"id": article_id, "taxonomy": taxonomy})
        for keyword in doc.get("keywords") or []:
            self._execute(
                "insert_keyword",
                {
                    "article_id": article_id,
                    "term": keyword["term"],
                    "label": keyword.get("label") or keyword["term"],
                    "weight": keyword["weight"],
                },
            )
        self._add_to_story(article_id, published, duplicate_of)
        self._execute(
            "insert_search", {"id": article_id, "title": record.title_terms, "body": record.body_terms}
        )
        entity_ids = self._add_entities(article_id, doc, published)
        for item in doc.get("times", []):
            self._execute("insert_time", {"article_id": article_id, **item})
        for item in doc.get("quantities", []):
            self._execute("insert_quantity", {"article_id": article_id, **item})
        for item in doc.get("quotes", []):
            self._execute(
                "insert_quote",
                {
                    "article_id": article_id,
                    "start": item["start"],
                    "end": item["end"],
                    "text": item["text"],
                    "direct": int(bool(item.get("direct"))),
                    "speaker_entity_id": entity_ids.get(item.get("speaker")),
                },
            )
        for event in doc.get("events", []):
            self._add_event(article_id, event, entity_ids, doc)
        return article_id

    def _add_to_story(
        self, article_id: int, published: str | None, duplicate_of: tuple[int, float] | None
    ) -> None:
        story_id = None
        if duplicate_of is not None:
            found = self._one("story_of_article", {"id": duplicate_of[0]})
            story_id = found[0] if found else None
        if story_id is None:
            duplicate_of = None
            story_id = self._one("insert_story", {"article_id": article_id, "published": published})[0]
        self._execute("join_story", {"story_id": story_id, "published": published})
        self._execute(
            "set_article_story",
            {
                "id": article_id,
                "story_id": story_id,
                "duplicate_of": duplicate_of[0] if duplicate_of else None,
                "similarity": duplicate_of[1] if duplicate_of else None,
            },
        )

    def _add_entities(self, article_id: int, doc: dict[str, Any], published: str | None) -> dict[str, int]:
        """Stores the document's entities; returns {local id: corpus entity id}."""
        entity_ids: dict[str, int] = {}
        for entity in doc.get("entities", []):
            entity_id = self._upsert_entity(entity)
            entity_ids[entity["id"]] = entity_id
            self._execute(
                "insert_article_entity",
                {
                    "article_id": article_id,
                    "local_id": entity["id"],
                    "entity_id": entity_id,
                    "roles": json.dumps(sorted(set(entity.get("roles") or [])), ensure_ascii=False),
                    "n_mentions": len(entity.get("mentions") or []),
                    "published": published,
                },
            )
            for mention in entity.get("mentions") or []:
                self._execute(
                    "insert_mention", {"article_id": article_id, "local_id": entity["id"], **mention}
                )
        return entity_ids

    def _upsert_entity(self, entity: dict[str, Any]) -> int:
        """A corpus entity is one KB id, or one type and normalised name when unlinked."""
        name_norm = normalized_name(entity["name"])
        key = f"kb:{entity['kb']}" if entity.get("kb") else f"{entity['type']}:{name_norm}"
        geo = entity.get("geo") or {}
        return self._one(
            "upsert_entity",
            {
                "key": key,
                "type": entity["type"],
                "name": entity["name"],
                "name_norm": name_norm,
                "latin": entity.get("latin"),
                "kb": entity.get("kb"),
                "lat": geo.get("lat"),
                "lon": geo.get("lon"),
                "country": geo.get("country"),
                "admin1": geo.get("admin1"),
                "geo_kind": geo.get("kind"),
                "geo_source_id": geo.get("source_id"),
            },
        )[0]

    def _add_event(
        self, article_id: int, event: dict[str, Any], entity_ids: dict[str, int], doc: dict[str, Any]
    ) -> None:
        actors = sorted({entity_ids[a] for a in event.get("actors", []) if a in entity_ids})
        recipients = sorted({entity_ids[r] for r in event.get("recipients", []) if r in entity_ids})
        location_id = entity_ids.get(event.get("location") or "")
        negated = int(bool(event.get("negated")))
        day = _day(event.get("date")) or _day(doc.get("published"))
        corpus_event_id = self._corpus_event_for(
            event["type"], negated, actors, recipients, location_id, day, article_id, event, doc
        )
        trigger, sentence = event["trigger"], event["sentence"]
        event_id = self._one(
            "insert_event",
            {
                "article_id": article_id,
                "local_id": event["id"],
                "corpus_event_id": corpus_event_id,
                "type": event["type"],
                "mode": event.get("mode"),
                "date": event.get("date"),
                "negated": negated,
                "confidence": float(event.get("confidence") or 0.0),
                "location_entity_id": location_id,
                "trigger_start": trigger["start"],
                "trigger_end": trigger["end"],
                "trigger_text": trigger["text"],
                "sentence_start": sentence["start"],
                "sentence_end": sentence["end"],
            },
        )[0]
        for role, members in (("actor", actors), ("recipient", recipients)):
            for entity_id in members:
                self._execute(
                    "insert_event_participant", {"event_id": event_id, "role": role, "entity_id": entity_id}
                )
        self._execute("count_corpus_event_reports", {"id": corpus_event_id})

    def _corpus_event_for(
        self,
        event_type: str,
        negated: int,
        actors: list[int],
        recipients: list[int],
        location_id: int | None,
        day: str | None,
        article_id: int,
        event: dict[str, Any],
        doc: dict[str, Any],
    ) -> int:
        """Finds the corpus event this report is one of, or creates it.

        Reports merge when type, negation, actors, recipients and place are the same and
        their days are within `EVENT_WINDOW_DAYS`. A report naming no participant and no
        place cannot be told apart from any other of its type, so it stays on its own.
        """
        if actors or recipients or location_id:
            signature = "|".join(
                (
                    event_type,
                    str(negated),
                    ",".join(map(str, actors)),
                    ",".join(map(str, recipients)),
                    str(location_id or ""),
                )
            )
            low = high = None
            if day:
                date = dt.date.fromisoformat(day)
                window = dt.timedelta(days=EVENT_WINDOW_DAYS)
                low, high = (date - window).isoformat(), (date + window).isoformat()
            found = self._one(
                "find_corpus_event", {"signature": signature, "day": day, "low": low, "high": high}
            )
            if found:
                self._execute("widen_corpus_event", {"id": found[0], "day": day})
                return found[0]
        else:
            signature = f"{event_type}|{negated}|article:{article_id}:{event['id']}"
        geo = self._location_geo(event.get("location"), doc)
        corpus_event_id = self._one(
            "insert_corpus_event",
            {
                "signature": signature,
                "type": event_type,
                "negated": negated,
                "day": day,
                "location_entity_id": location_id,
                **geo,
            },
        )[0]
        for role, members in (("actor", actors), ("recipient", recipients)):
            for entity_id in members:
                self._execute(
                    "insert_corpus_event_participant",
                    {
                        "corpus_event_id": corpus_event_id,
                        "role": role,
                        "entity_id": entity_id,
                    },
                )
        return corpus_event_id

    @staticmethod
    def _location_geo(local_id: str | None, doc: dict[str, Any]) -> dict[str, Any]:
        """Country, first-level division and coordinates of the event's place, when geocoded."""
        geo: dict[str, Any] = {"country": None, "admin1": None, "lat": None, "lon": None}
        for entity in doc.get("entities", []):
            if local_id and entity["id"] == local_id and entity.get("geo"):
                geo.update({name: entity["geo"].get(name) for name in geo})
        return geo

    # --- reading -------------------------------------------------------------------------
    def article(self, article_id: int) -> dict[str, Any] | None:
        row = self._one("article", {"id": article_id})
        if row is None:
            return None
        names = (
            "id",
            "key",
            "external_id",
            "url",
            "source",
            "title",
            "text",
            "published",
            "language",
            "topic",
            "story_id",
            "duplicate_of",
            "similarity",
            "analysis",
            "pipeline",
            "origin",
            "ingested_at",
        )
        result = dict(zip(names, row, strict=True))
        analysis = json.loads(result.pop("analysis"))
        result["document"] = {"schema": analysis.get("schema"), "text": result["text"], **analysis}
        return result

    def _filtered(self, name: str, fragments: Iterable[str], order: str | None = None) -> str:
        sql = self.sql[name]
        clauses = "".join(f" AND {self.sql[fragment]}" for fragment in fragments)
        sql = sql.replace(_FILTERS, clauses)
        if order:
            sql = sql.replace(_ORDER, self.sql[order])
        return sql

    def search(self, words: Sequence[Sequence[str]], filters: SearchFilters, limit: int) -> list[SearchRow]:
        """Articles matching every word (any of its alternative terms), best first.

        Texts are not read here: the caller keeps one hit per story and shows a page, so it
        reads only the texts it makes snippets of (`article_texts`).
        """
        params: dict[str, Any] = {"match": self._match_expression(words), "limit": limit}
        fragments = []
        for name in ("since", "until", "topic", "type"):
            value = getattr(filters, name)
            if value:
                fragments.append(f"filter_{name}")
                params[name] = value
        for name in ("entity", "place"):
            value = getattr(filters, name)
            if value:
                fragments.append(f"filter_{name}")
                params.update(_name_params(name, value))
        name = "search_filtered" if fragments else "search"  # unfiltered: rank in the index alone
        rows = [SearchRow(*row) for row in self._all(name, params, self._filtered(name, fragments))]
        if rows:
            stories = self._list_param(sorted({row.story_id for row in rows if row.story_id is not None}))
            sizes = dict(self._all("story_sizes", {"ids": stories}))
            for row in rows:
                row.story_size = sizes.get(row.story_id, 1)
                row.score = float(row.score)
        return rows

    def article_texts(self, article_ids: Sequence[int]) -> dict[int, str]:
        """{article id: text} of the given articles."""
        if not article_ids:
            return {}
        return dict(self._all("article_texts", {"ids": self._list_param(list(article_ids))}))

    def corpus_events(self, filters: EventFilters) -> list[dict[str, Any]]:
        """Corpus events (one per real event) with participants and their first `filters.reports` reports."""
        params: dict[str, Any] = {"limit": filters.limit, "offset": filters.offset}
        fragments = [] if filters.include_negated else ["filter_event_negated"]
        for name in ("type", "country", "admin1", "since", "until", "min_reports"):
            value = getattr(filters, name)
            if value not in (None, ""):
                fragments.append(f"filter_event_{name}")
                params[name] = value
        for name in ("actor", "recipient"):
            value = getattr(filters, name)
            if value:
                fragments.append(f"filter_event_{name}")
                params.update(_name_params(name, value))
        order = "order_reports" if filters.order == "reports" else "order_date"
        rows = self._all("corpus_events", params, self._filtered("corpus_events", fragments, order))
        events = []
        for row in rows:
            (
                event_id,
                event_type,
                negated,
                first,
                last,
                place,
                country,
                admin1,
                lat,
                lon,
                n_reports,
                n_articles,
                n_sources,
            ) = row
            events.append(
                {
                    "id": event_id,
                    "type": event_type,
                    "mode": None,
                    "negated": bool(negated),
                    "date_first": first,
                    "date_last": last,
                    "actors": [],
                    "recipients": [],
                    "location": place,
                    "country": country,
                    "admin1": admin1,
                    "lat": lat,
                    "lon": lon,
                    "n_reports": n_reports,
                    "n_articles": n_articles,
                    "n_sources": n_sources,
                    "reports": [],
                }
            )
        if events:
            by_id = {event["id"]: event for event in events}
            ids = self._list_param(list(by_id))
            for event_id, role, name, kind, kb, latin in self._all("corpus_event_participants", {"ids": ids}):
                member = {"name": name, "type": kind, "kb": kb, "latin": latin}
                by_id[event_id]["actors" if role == "actor" else "recipients"].append(member)
            for (
                event_id,
                article_id,
                title,
                source,
                url,
                published,
                date,
                mode,
                trigger,
                sentence,
            ) in self._all("corpus_event_reports", {"ids": ids, "per_event": filters.reports}):
                event = by_id[event_id]
                event["mode"] = event["mode"] or mode
                event["reports"].append(
                    {
                        "article_id": article_id,
                        "title": title,
                        "source": source,
                        "url": url,
                        "published": published,
                        "date": date,
                        "mode": mode,
                        "trigger": trigger,
                        "sentence": sentence,
                    }
                )
        return events

    def entity_profile(self, name: str, *, limit: int = 20) -> dict[str, Any] | None:
        """What the corpus says about an entity: see `marsad.corpus.queries.entity_profile`."""
        matches = self._all("find_entities", _name_params("name", name))
        if not matches:
            return None
        entity_id, key, kind, display, latin, kb, country, admin1, lat, lon, n_articles = matches[0]
        roles: Counter[str] = Counter()
        for roles_json, count in self._all("entity_roles", {"id": entity_id}):
            for role in json.loads(roles_json):
                roles[role] += count
        events: dict[str, dict[str, dict[str, int]]] = {"actor": {}, "recipient": {}}
        for role, event_type, count, reports in self._all("entity_event_roles", {"id": entity_id}):
            events[role][event_type] = {"events": count, "reports": int(reports or 0)}
        return {
            "id": entity_id,
            "key": key,
            "type": kind,
            "name": display,
            "latin": latin,
            "kb": kb,
            "country": country,
            "admin1": admin1,
            "lat": lat,
            "lon": lon,
            "n_articles": n_articles,
            "n_quotes": self._one("entity_quotes", {"id": entity_id})[0],
            "months": [
                {"month": month, "articles": articles, "mentions": int(mentions or 0)}
                for month, articles, mentions in self._all("entity_months", {"id": entity_id})
            ],
            "roles": dict(roles.most_common()),
            "cooccurring": [
                {"name": other, "type": other_type, "kb": other_kb, "articles": count}
                for other, other_type, other_kb, count in self._all(
                    "entity_cooccurring", {"id": entity_id, "limit": limit}
                )
            ],
            "events": events,
            "other_matches": [
                {"name": row[3], "type": row[2], "kb": row[5], "articles": row[10]} for row in matches[1:]
            ],
        }

    def keyword_facet(self, article_ids: Sequence[int], limit: int) -> list[dict[str, Any]]:
        """The keywords most of `article_ids` share: term, label, article count, summed weight."""
        if not article_ids:
            return []
        rows = self._all("keyword_facet", {"ids": self._list_param(list(article_ids)), "limit": limit})
        return [
            {"term": term, "label": label, "articles": n, "weight": round(float(total), 4)}
            for term, label, n, total in rows
        ]

    def stats(self) -> dict[str, Any]:
        n_articles, first, last, n_sources, n_stories = self._one("stats_articles")
        n_events, n_corpus_events, n_entities, n_mentions, n_quotes, n_times, n_duplicates = self._one(
            "stats_counts"
        )
        return {
            "articles": n_articles,
            "near_duplicates": n_duplicates,
            "stories": n_stories,
            "sources": n_sources,
            "first_published": first,
            "last_published": last,
            "event_reports": n_events,
            "events": n_corpus_events,
            "entities": n_entities,
            "mentions": n_mentions,
            "quotes": n_quotes,
            "times": n_times,
            "event_types": {
                t: {"events": n, "reports": int(r or 0)} for t, n, r in self._all("stats_event_types")
            },
            "top_sources": {source or "(unknown)": n for source, n in self._all("stats_sources")},
            "schema_version": self.schema_version(),
            "backend": self.backend,
        }

    def table_counts(self) -> TableCounts:
        return TableCounts(*self._one("table_counts"))
