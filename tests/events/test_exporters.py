"""PLOVER JSON Lines, ACLED CSV and GeoJSON: parse what the exporters write."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest

from marsad.document import Document
from marsad.events.exporters import (
    ACLED_COLUMNS,
    Citation,
    acled_csv,
    corpus_events_to_acled,
    corpus_events_to_geojson,
    corpus_events_to_plover,
    export_corpus_events,
    geojson,
    plover_jsonl,
    plover_records,
)
from tests.events.helpers import city


@pytest.fixture
def doc(analyse: Callable[..., Document]) -> Document:
    return analyse(
        "قتل خمسة جنود في هجوم بعبوة ناسفة شنته حركة الشباب على قاعدة في بيداوة. "
        "ودعت الحكومة الصومالية إلى التهدئة.",
        [
            ("حركة الشباب", "ORG"),
            ("بيداوة", "GPE", [], city(3.11, 43.65, "SO")),
            ("الحكومة الصومالية", "ORG"),
        ],
        quantities=[("خمسة جنود", 5, "killed")],
        published="2024-05-02",
        title="هجوم في بيداوة",
    )


CITATION = Citation(doc_id="a1", url="https://example.org/a1", publication="example.org")


def test_plover_records(doc: Document) -> None:
    lines = plover_jsonl([(doc, CITATION)]).splitlines()
    records = [json.loads(line) for line in lines]
    assault = next(r for r in records if r["event_type"] == "ASSAULT")
    assert assault["id"].startswith("a1-V")
    assert assault["actor"]["entity_text"] == "حركة الشباب"
    assert assault["mode"] == "explosives" and assault["cameo"] == "190"
    assert assault["event_loc"] == {
        "name": "بيداوة",
        "lat": 3.11,
        "lon": 43.65,
        "country": "SO",
        "admin1": None,
    }
    assert assault["size"] == 5 and assault["date"] == "2024-05-02" and assault["date_is_publication"]
    assert assault["citation"] == {
        "title": "هجوم في بيداوة",
        "url": "https://example.org/a1",
        "publication": "example.org",
        "date": "2024-05-02",
    }
    request = next(r for r in records if r["event_type"] == "REQUEST")
    assert request["actor"]["entity_text"] == "الحكومة الصومالية" and request["recipient"] is None


def test_acled_csv(doc: Document) -> None:
    rows = list(csv.DictReader(io.StringIO(acled_csv([(doc, CITATION)]))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assault = next(r for r in rows if r["actor1"] == "حركة الشباب")
    assert assault["event_type"] == "Explosions/Remote violence"
    assert (assault["country"], assault["location"], assault["fatalities"]) == ("SO", "بيداوة", "5")
    assert float(assault["latitude"]) == 3.11 and assault["source"] == "example.org"


def test_geojson_has_only_geolocated_events(doc: Document) -> None:
    collection = json.loads(json.dumps(geojson([(doc, CITATION)]), ensure_ascii=False))
    assert collection["type"] == "FeatureCollection"
    located = [e for e in doc.events if e.location]
    assert len(collection["features"]) == len(located) >= 1
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [43.65, 3.11]}
    assert feature["properties"]["location"] == "بيداوة"


CORPUS_EVENT = {
    "id": 7,
    "type": "PROTEST",
    "negated": False,
    "date_first": "2024-01-02",
    "date_last": "2024-01-03",
    "actors": [{"name": "اتحاد الشغل", "type": "ORG", "kb": None, "latin": None}],
    "recipients": [],
    "location": "صفاقس",
    "country": "TN",
    "admin1": "Sfax",
    "lat": 34.74,
    "lon": 10.76,
    "n_reports": 2,
    "n_articles": 2,
    "n_sources": 1,
    "reports": [
        {
            "article_id": 1,
            "title": "t",
            "source": "s",
            "url": None,
            "published": "2024-01-02",
            "date": "2024-01-02",
            "trigger": "تظاهر",
            "sentence": "تظاهر العمال.",
        }
    ],
}


def test_corpus_event_exports() -> None:
    [row] = list(csv.DictReader(io.StringIO(corpus_events_to_acled([CORPUS_EVENT]))))
    assert (row["event_type"], row["actor1"], row["admin1"]) == ("Protests", "اتحاد الشغل", "Sfax")
    [record] = export_corpus_events("plover", [CORPUS_EVENT])
    assert record["event_loc"]["lat"] == 34.74 and record["actor"]["entity_text"] == "اتحاد الشغل"
    assert export_corpus_events("geojson", [CORPUS_EVENT])["features"][0]["geometry"]["coordinates"] == [
        10.76,
        34.74,
    ]


def test_plover_actor_code_from_the_linking_roles(doc: Document) -> None:
    shabaab = next(e for e in doc.entities if e.name == "حركة الشباب")
    shabaab.roles = ["CAMEO:SOMREB"]
    record = next(r for r in plover_records(doc, CITATION) if r["event_type"] == "ASSAULT")
    assert (record["actor"]["code"], record["actor"]["sector"]) == ("SOMREB", "REB")


def test_corpus_text_exports_parse() -> None:
    [line] = corpus_events_to_plover([CORPUS_EVENT]).splitlines()
    assert json.loads(line)["citation"]["publication"] == "s"
    assert json.loads(corpus_events_to_geojson([CORPUS_EVENT]))["features"][0]["id"] == "7"
