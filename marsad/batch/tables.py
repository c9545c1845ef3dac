"""The Parquet tables a batch run writes, and how one analysed article becomes their rows.

One schema per table, defined once here with pyarrow types; the Spark engine converts them
to Spark types (`spark_schema`) so that both engines write the same columns. Rows are
built from `Document.to_dict()` — the JSON contract — rather than from the dataclasses,
so every layer the contract carries reaches a table, and a layer a stage has not filled
yet is simply empty.

Offsets in every table are indices into `articles.text` (headline + "\\n" + body), as in
the document contract; `articles.analysis` holds the whole contract as JSON, and
`title_terms`, `body_terms` and `minhash` what the corpus store indexes and compares
(`marsad.corpus.ingest.record_from_document`), so a batch output is loaded into the store
without analysing anything again.

Columns filled after analysis, across the whole dataset (story_id, duplicate_of,
similarity on articles; corpus_event_id on events; the corpus_events table), are left
None by `rows_of_document` and set by the engine's deduplication and event merging.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from marsad.batch.dedup import entity_key, event_day, merge_key

_SPAN_FIELDS = [("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]

ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("external_id", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),
        ("language", pa.string()),
        ("text", pa.string()),
        ("file", pa.string()),
        ("line", pa.int64()),
        ("topic", pa.string()),
        ("topic_scores", pa.list_(pa.struct([("label", pa.string()), ("score", pa.float64())]))),
        ("summary", pa.list_(pa.string())),
        ("sentences", pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))),
        (
            "times",
            pa.list_(pa.struct([*_SPAN_FIELDS, ("value", pa.string()), ("grain", pa.string())])),
        ),
        (
            "quantities",
            pa.list_(pa.struct([*_SPAN_FIELDS, ("value", pa.float64()), ("unit", pa.string())])),
        ),
        ("n_entities", pa.int64()),
        ("n_events", pa.int64()),
        ("n_quotes", pa.int64()),
        ("title_terms", pa.string()),
        ("body_terms", pa.string()),
        ("minhash", pa.binary()),
        ("story_id", pa.string()),
        ("duplicate_of", pa.string()),
        ("similarity", pa.float64()),
        ("pipeline", pa.string()),
        ("analysis", pa.string()),
    ]
)

ENTITIES = pa.schema(
    [
        ("article_id", pa.string()),
        ("entity_id", pa.string()),
        ("type", pa.string()),
        ("name", pa.string()),
        ("latin", pa.string()),
        ("kb", pa.string()),
        ("roles", pa.list_(pa.string())),
        ("n_mentions", pa.int64()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("geo_kind", pa.string()),
        ("geo_source_id", pa.string()),
    ]
)

MENTIONS = pa.schema(
    [("article_id", pa.string()), ("entity_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
     ("text", pa.string())]
)  # fmt: skip

# One row per event as the article reports it, with the PLOVER fields (event type, mode,
# actor, recipient, location, date) and the participants' names next to their local ids.
EVENTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("event_id", pa.string()),
        ("corpus_event_id", pa.string()),
        ("published", pa.string()),
        ("source", pa.string()),
        ("event_type", pa.string()),
        ("mode", pa.string()),
        ("negated", pa.bool_()),
        ("confidence", pa.float64()),
        ("date", pa.string()),
        ("day", pa.string()),
        ("actor_ids", pa.list_(pa.string())),
        ("actors", pa.list_(pa.string())),
        ("recipient_ids", pa.list_(pa.string())),
        ("recipients", pa.list_(pa.string())),
        ("location_id", pa.string()),
        ("location", pa.string()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("trigger_start", pa.int64()),
        ("trigger_end", pa.int64()),
        ("trigger_text", pa.string()),
        ("sentence_start", pa.int64()),
        ("sentence_end", pa.int64()),
        ("merge_key", pa.string()),
    ]
)

# One row per real-world event: the events of every article that report it, merged.
CORPUS_EVENTS = pa.schema(
    [
        ("corpus_event_id", pa.string()),
        ("event_type", pa.string()),
        ("negated", pa.bool_()),
        ("date_first", pa.string()),
        ("date_last", pa.string()),
        ("actors", pa.list_(pa.string())),
        ("recipients", pa.list_(pa.string())),
        ("location", pa.string()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("n_reports", pa.int64()),
        ("n_articles", pa.int64()),
        ("n_sources", pa.int64()),
        ("article_ids", pa.list_(pa.string())),
    ]
)

QUOTES = pa.schema(
    [
        ("article_id", pa.string()),
        ("quote_index", pa.int64()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("direct", pa.bool_()),
        ("speaker_id", pa.string()),
        ("speaker", pa.string()),
    ]
)

REJECTS = pa.schema(
    [("file", pa.string()), ("line", pa.int64()), ("code", pa.string()), ("reason", pa.string())]
)

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "entities": ENTITIES,
    "mentions": MENTIONS,
    "events": EVENTS,
    "corpus_events": CORPUS_EVENTS,
    "quotes": QUOTES,
    "rejects": REJECTS,
}
# The columns each table is sorted by when written, so that outputs are reproducible.
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id",),
    "entities": ("article_id", "entity_id"),
    "mentions": ("article_id", "start", "end", "entity_id"),
    "events": ("article_id", "event_id"),
    "corpus_events": ("corpus_event_id",),
    "quotes": ("article_id", "quote_index"),
    "rejects": ("file", "line"),
}
# The tables one article's analysis fills (corpus_events is built across the dataset).
ARTICLE_TABLES = ("articles", "entities", "mentions", "events", "quotes")


def rows_of_document(
    contract: dict[str, Any],
    *,
    article_id: str,
    external_id: str | None,
    url: str | None,
    source: str | None,
    file: str,
    line: int | None,
    title_terms: str,
    body_terms: str,
    minhash: bytes | None,
    pipeline: str,
) -> dict[str, list[dict[str, Any]]]:
    """The rows of every per-article table for one analysed article (`contract`: `Document.to_dict()`)."""
    entities = {entity["id"]: entity for entity in contract["entities"]}
    entity_keys = {entity["id"]: entity_key(entity) for entity in contract["entities"]}
    topic = contract["topic"]
    article = {
        "article_id": article_id,
        "external_id": external_id,
        "url": url,
        "source": source,
        "title": contract["headline"],
        "published": contract["published"],
        "language": contract["language"],
        "text": contract["text"],
        "file": file,
        "line": line,
        "topic": topic["label"] if topic else None,
        "topic_scores": [
            {"label": label, "score": float(score)}
            for label, score in sorted((topic or {}).get("scores", {}).items())
        ],
        "summary": list(contract["summary"]),
        "sentences": [{"start": s["start"], "end": s["end"]} for s in contract["sentences"]],
        "times": [_pick(t, ("start", "end", "text", "value", "grain")) for t in contract["times"]],
        "quantities": [
            {**_pick(q, ("start", "end", "text", "unit")), "value": float(q["value"])}
            for q in contract["quantities"]
        ],
        "n_entities": len(contract["entities"]),
        "n_events": len(contract["events"]),
        "n_quotes": len(contract["quotes"]),
        "title_terms": title_terms,
        "body_terms": body_terms,
        "minhash": minhash,
        "story_id": None,
        "duplicate_of": None,
        "similarity": None,
        "pipeline": pipeline,
        "analysis": json.dumps(contract, ensure_ascii=False, sort_keys=True),
    }
    return {
        "articles": [article],
        "entities": [_entity_row(article_id, entity) for entity in contract["entities"]],
        "mentions": [
            {"article_id": article_id, "entity_id": entity["id"], **_pick(m, ("start", "end", "text"))}
            for entity in contract["entities"]
            for m in entity["mentions"]
        ],
        "events": [
            _event_row(article_id, contract["published"], source, event, entities, entity_keys)
            for event in contract["events"]
        ],
        "quotes": [
            {
                "article_id": article_id,
                "quote_index": index,
                **_pick(quote, ("start", "end", "text", "direct")),
                "speaker_id": quote["speaker"],
                "speaker": _name(entities, quote["speaker"]),
            }
            for index, quote in enumerate(contract["quotes"])
        ],
    }


def _pick(record: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: record.get(key) for key in keys}


def _name(entities: dict[str, dict[str, Any]], entity_id: str | None) -> str | None:
    entity = entities.get(entity_id) if entity_id else None
    return entity["name"] if entity else None


def _entity_row(article_id: str, entity: dict[str, Any]) -> dict[str, Any]:
    geo = entity.get("geo") or {}
    return {
        "article_id": article_id,
        "entity_id": entity["id"],
        **_pick(entity, ("type", "name", "latin", "kb")),
        "roles": list(entity.get("roles") or []),
        "n_mentions": len(entity["mentions"]),
        "lat": geo.get("lat"),
        "lon": geo.get("lon"),
        "country": geo.get("country"),
        "admin1": geo.get("admin1"),
        "geo_kind": geo.get("kind"),
        "geo_source_id": geo.get("source_id"),
    }


def _event_row(
    article_id: str,
    published: str | None,
    source: str | None,
    event: dict[str, Any],
    entities: dict[str, dict[str, Any]],
    entity_keys: dict[str, str],
) -> dict[str, Any]:
    location = entities.get(event["location"]) if event["location"] else None
    geo = (location or {}).get("geo") or {}
    return {
        "article_id": article_id,
        "event_id": event["id"],
        "corpus_event_id": None,
        "published": published,
        "source": source,
        "event_type": event["type"],
        "mode": event["mode"],
        "negated": bool(event["negated"]),
        "confidence": float(event["confidence"]),
        "date": event["date"],
        "day": event_day(event["date"], published),
        "actor_ids": list(event["actors"]),
        "actors": [_name(entities, actor) or actor for actor in event["actors"]],
        "recipient_ids": list(event["recipients"]),
        "recipients": [_name(entities, recipient) or recipient for recipient in event["recipients"]],
        "location_id": event["location"],
        "location": location["name"] if location else None,
        "country": geo.get("country"),
        "admin1": geo.get("admin1"),
        "lat": geo.get("lat"),
        "lon": geo.get("lon"),
        "trigger_start": event["trigger"]["start"],
        "trigger_end": event["trigger"]["end"],
        "trigger_text": event["trigger"]["text"],
        "sentence_start": event["sentence"]["start"],
        "sentence_end": event["sentence"]["end"],
        "merge_key": merge_key(event, entity_keys),
    }


def reject_row(file: str, line: int | None, code: str, reason: str) -> dict[str, Any]:
    return {"file": file, "line": line, "code": code, "reason": reason}


def spark_schema(schema: pa.Schema):  # -> pyspark.sql.types.StructType
    """The Spark form of a table's schema (imported lazily: the local engine needs no Spark)."""
    from pyspark.sql import types as T

    def convert(kind: pa.DataType) -> T.DataType:
        if pa.types.is_string(kind):
            return T.StringType()
        if pa.types.is_int64(kind):
            return T.LongType()
        if pa.types.is_float64(kind):
            return T.DoubleType()
        if pa.types.is_boolean(kind):
            return T.BooleanType()
        if pa.types.is_binary(kind):
            return T.BinaryType()
        if pa.types.is_list(kind):
            return T.ArrayType(convert(kind.value_type), containsNull=True)
        if pa.types.is_struct(kind):
            return T.StructType([T.StructField(f.name, convert(f.type), True) for f in kind])
        raise TypeError(f"no Spark type for {kind}")

    return T.StructType([T.StructField(f.name, convert(f.type), True) for f in schema])
