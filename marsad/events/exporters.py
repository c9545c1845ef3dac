"""Event exports for analysts: PLOVER JSON Lines, ACLED-style CSV and GeoJSON.

Library functions over analysed Documents, so the CLI, the corpus store and the API all
export the same way. Each takes a `Citation` saying where the article came from, since
the Document itself knows only its text and date.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from marsad.document import Document, Entity, Event
from marsad.errors import MarsadError
from marsad.events.plover import acled_type

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "notes",
    "source",
)


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an analysed article came from."""

    doc_id: str = "doc"
    url: str | None = None
    publication: str | None = None  # the outlet, e.g. a site name or a file path


def event_record_id(citation: Citation, event: Event) -> str:
    return f"{citation.doc_id}-{event.id}"


def _actor(doc: Document, entity_ids: list[str], event: Event) -> dict[str, Any] | None:
    """A PLOVER actor object for the first participant, with the body they act for."""
    entities = {e.id: e for e in doc.entities}
    people = [entities[i] for i in entity_ids if i in entities]
    if not people:
        return None
    first = people[0]
    body = entities.get(event.affiliations.get(first.id, ""))
    placed = body if body is not None and body.geo is not None else first
    code = _cameo_code(first) or (_cameo_code(body) if body else None)
    return {
        "entity_text": first.name,
        "entity_id": first.id,
        "identifier_id": first.kb,
        "code": code,
        "sector": code[3:6] if code and len(code) >= 6 else None,
        "country": placed.geo.country if placed.geo else None,
        "acting_for": body.name if body else None,
        "others": [p.name for p in people[1:]],
    }


def _cameo_code(entity: Entity) -> str | None:
    """The CAMEO actor code the linking stage put in the entity's roles (`CAMEO:IRQGOV`)."""
    return next((role.split(":", 1)[1] for role in entity.roles if role.startswith("CAMEO:")), None)


def _location(doc: Document, event: Event) -> Entity | None:
    return next((e for e in doc.entities if e.id == event.location), None)


def plover_records(doc: Document, citation: Citation | None = None) -> list[dict[str, Any]]:
    """One PLOVER record (as the PLOVER manual lays it out) per event of the document."""
    citation = citation or Citation()
    records: list[dict[str, Any]] = []
    for event in doc.events:
        place = _location(doc, event)
        sentence = doc.text[event.sentence.start : event.sentence.end]
        records.append(
            {
                "id": event_record_id(citation, event),
                "date": event.date or doc.published,
                "date_is_publication": event.date is None,
                "actor": _actor(doc, event.actors, event),
                "recipient": _actor(doc, event.recipients, event),
                "event_type": event.type,
                "mode": event.mode or "",
                "cameo": event.cameo,
                "context": [event.modality] if event.modality else [],
                "negated": event.negated,
                "event_loc": {
                    "name": place.name if place else None,
                    "lat": place.geo.lat if place and place.geo else None,
                    "lon": place.geo.lon if place and place.geo else None,
                    "country": place.geo.country if place and place.geo else None,
                    "admin1": place.geo.admin1 if place and place.geo else None,
                },
                "event_text": sentence,
                "trigger": event.trigger.text,
                "size": _size(event),
                "counts": dict(event.counts),
                "confidence": event.confidence,
                "citation": {
                    "title": doc.headline,
                    "url": citation.url,
                    "publication": citation.publication,
                    "date": doc.published,
                },
            }
        )
    return records


def _size(event: Event) -> float | None:
    """PLOVER's size: crowd size for protests, else the number killed, when the text gives it."""
    if event.type == "PROTEST":
        return event.counts.get("participants")
    return event.counts.get("killed")


def plover_jsonl(docs: Iterable[tuple[Document, Citation]]) -> str:
    """PLOVER records as JSON Lines (one record a line, UTF-8, Arabic kept as is)."""
    lines = [
        json.dumps(r, ensure_ascii=False) for doc, citation in docs for r in plover_records(doc, citation)
    ]
    return "".join(line + "\n" for line in lines)


def acled_rows(doc: Document, citation: Citation | None = None) -> list[dict[str, Any]]:
    """ACLED-style rows: one per event, with ACLED's event type for the PLOVER type and mode."""
    citation = citation or Citation()
    entities = {e.id: e for e in doc.entities}
    rows: list[dict[str, Any]] = []
    for event in doc.events:
        event_type, sub_event_type = acled_type(event.type, event.mode)
        place = _location(doc, event)
        geo = place.geo if place else None
        notes = doc.text[event.sentence.start : event.sentence.end].strip()
        flags = [
            f for f, on in (("negated", event.negated), (event.modality or "", bool(event.modality))) if on
        ]
        rows.append(
            {
                "event_id_cnty": event_record_id(citation, event),
                "event_date": event.date or doc.published or "",
                "event_type": event_type,
                "sub_event_type": sub_event_type,
                "actor1": "; ".join(entities[i].name for i in event.actors if i in entities),
                "actor2": "; ".join(entities[i].name for i in event.recipients if i in entities),
                "country": geo.country if geo else "",
                "admin1": (geo.admin1 or "") if geo else "",
                "location": place.name if place else "",
                "latitude": geo.lat if geo else "",
                "longitude": geo.lon if geo else "",
                "fatalities": int(event.counts.get("killed", 0)),
                "notes": f"[{', '.join(flags)}] {notes}" if flags else notes,
                "source": citation.publication or citation.url or "",
            }
        )
    return rows


def acled_csv(docs: Iterable[tuple[Document, Citation]], *, header: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    for doc, citation in docs:
        writer.writerows(acled_rows(doc, citation))
    return buffer.getvalue()


def geojson(docs: Iterable[tuple[Document, Citation]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the events that have a geocoded location."""
    features: list[dict[str, Any]] = []
    for doc, citation in docs:
        records = {r["id"]: r for r in plover_records(doc, citation)}
        for event in doc.events:
            place = _location(doc, event)
            if place is None or place.geo is None:
                continue
            record = records[event_record_id(citation, event)]
            properties = {k: v for k, v in record.items() if k != "event_loc"}
            properties["location"] = place.name
            properties["country"] = place.geo.country
            properties["admin1"] = place.geo.admin1
            features.append(
                {
                    "type": "Feature",
                    "id": record["id"],
                    "geometry": {"type": "Point", "coordinates": [place.geo.lon, place.geo.lat]},
                    "properties": properties,
                }
            )
    return {"type": "FeatureCollection", "features": features}


# --- corpus events -------------------------------------------------------------------
# The corpus store keeps each real event once, with every article reporting it
# (`marsad.corpus.queries.list_events`: id, type, negated, date_first, actors/recipients as
# {name, type, kb, latin}, location, country, admin1, lat, lon, n_reports, reports ...).
# These give the same three formats for such records; the CLI and the API call them.


def _corpus_actor(members: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not members:
        return None
    first = members[0]
    return {
        "entity_text": first.get("name"),
        "identifier_id": first.get("kb"),
        "code": first.get("code"),
        "sector": first.get("sector"),
        "others": [m.get("name") for m in members[1:]],
    }


def corpus_plover_records(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """PLOVER records for corpus events; `size` is left to the article-level export."""
    records: list[dict[str, Any]] = []
    for event in events:
        reports = event.get("reports") or []
        first = reports[0] if reports else {}
        records.append(
            {
                "id": str(event["id"]),
                "date": event.get("date_first"),
                "actor": _corpus_actor(event.get("actors") or []),
                "recipient": _corpus_actor(event.get("recipients") or []),
                "event_type": event["type"],
                "mode": event.get("mode") or "",
                "context": [],
                "negated": bool(event.get("negated")),
                "event_loc": {
                    "name": event.get("location"),
                    "lat": event.get("lat"),
                    "lon": event.get("lon"),
                    "country": event.get("country"),
                    "admin1": event.get("admin1"),
                },
                "event_text": first.get("sentence"),
                "size": None,
                "n_reports": event.get("n_reports"),
                "citation": {
                    "title": first.get("title"),
                    "url": first.get("url"),
                    "publication": first.get("source"),
                    "date": first.get("published"),
                },
            }
        )
    return records


def corpus_acled_rows(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for event in events:
        reports = event.get("reports") or []
        first = reports[0] if reports else {}
        event_type, sub_event_type = acled_type(event["type"], event.get("mode"))
        rows.append(
            {
                "event_id_cnty": str(event["id"]),
                "event_date": event.get("date_first") or "",
                "event_type": event_type,
                "sub_event_type": sub_event_type,
                "actor1": "; ".join(m.get("name") or "" for m in event.get("actors") or []),
                "actor2": "; ".join(m.get("name") or "" for m in event.get("recipients") or []),
                "country": event.get("country") or "",
                "admin1": event.get("admin1") or "",
                "location": event.get("location") or "",
                "latitude": event.get("lat") if event.get("lat") is not None else "",
                "longitude": event.get("lon") if event.get("lon") is not None else "",
                "fatalities": int(event.get("fatalities") or 0),
                "notes": (
                    ("[negated] " if event.get("negated") else "") + (first.get("sentence") or "")
                ).strip(),
                "source": "; ".join(sorted({r.get("source") or "" for r in reports} - {""})),
            }
        )
    return rows


def corpus_geojson(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for record in corpus_plover_records(events):
        loc = record["event_loc"]
        if loc["lat"] is None or loc["lon"] is None:
            continue
        properties = {k: v for k, v in record.items() if k != "event_loc"} | {
            "location": loc["name"],
            "country": loc["country"],
            "admin1": loc["admin1"],
        }
        features.append(
            {
                "type": "Feature",
                "id": record["id"],
                "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def corpus_events_to_plover(events: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus_plover_records(events))


def corpus_events_to_acled(events: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(corpus_acled_rows(events))
    return buffer.getvalue()


def corpus_events_to_geojson(events: list[dict[str, Any]]) -> str:
    return json.dumps(corpus_geojson(events), ensure_ascii=False) + "\n"


def export_corpus_events(format: str, events: list[dict[str, Any]]) -> Any:
    """JSON-ready export of corpus events for the API: PLOVER records, ACLED rows or GeoJSON."""
    if format == "plover":
        return corpus_plover_records(events)
    if format == "acled":
        return corpus_acled_rows(events)
    if format == "geojson":
        return corpus_geojson(events)
    raise MarsadError("E708", format=format, known="plover, acled, geojson")
