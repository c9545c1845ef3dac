"""The issue's targets on the seed article (skipped without ../shared)."""

from __future__ import annotations

import re
from pathlib import Path

from marsad.document import Document, Entity
from marsad.linking.geocode import distance_km
from marsad.text import TextLayer
from tests.linking.helpers import link

# The article's entities as the entity stage names them: (type, name, forms in the text).
ENTITIES = [
    ("PERSON", "مسعود البارزاني", ["مسعود البارزاني", "البارزاني"]),
    ("GPE", "أربيل", ["أربيل"]), ("GPE", "كركوك", ["كركوك"]), ("GPE", "الموصل", ["الموصل"]),
    ("GPE", "بغداد", ["بغداد"]), ("GPE", "نينوى", ["نينوى", "نينوي"]), ("GPE", "صلاح الدين", ["صلاح الدين"]),
    ("GPE", "ديالى", ["ديالى"]), ("GPE", "الأنبار", ["الأنبار"]), ("GPE", "العراق", ["العراق"]),
    ("GPE", "إقليم كردستان", ["إقليم كردستان"]),
]  # fmt: skip
CITIES = {"أربيل": (36.19, 44.01, "Erbil"), "كركوك": (35.47, 44.39, "Kirkuk"),
          "الموصل": (36.34, 43.13, "Mosul"), "بغداد": (33.31, 44.37, "Baghdad")}  # fmt: skip


def seed_document(path: Path) -> Document:
    title, body = path.read_text(encoding="utf-8").split("\n", 1)
    doc = TextLayer()(Document.from_parts(body, title=title, published="2015-01-13"))
    for index, (type_, name, forms) in enumerate(ENTITIES):
        mentions = []
        for form in forms:
            for match in re.finditer(re.escape(form), doc.text):
                if not any(m.start <= match.start() < m.end for m in mentions):
                    mentions.append(doc.span(match.start(), match.end()))
        doc.entities.append(Entity(f"E{index + 1}", type_, name, sorted(mentions, key=lambda m: m.start)))
    return doc


def test_seed_targets(seed_article: Path) -> None:
    doc = link(seed_document(seed_article))
    by_name = {e.name: e for e in doc.entities}
    for name, (lat, lon, latin) in CITIES.items():
        geo = by_name[name].geo
        assert geo is not None and distance_km(geo.lat, geo.lon, lat, lon) < 15, name
        assert by_name[name].latin == latin
    for name, admin1 in (
        ("نينوى", "IQ-NI"),
        ("صلاح الدين", "IQ-SD"),
        ("ديالى", "IQ-DI"),
        ("الأنبار", "IQ-AN"),
    ):
        geo = by_name[name].geo
        assert geo is not None and (geo.kind, geo.admin1, geo.country) == ("admin1", admin1, "IQ"), name
    iraq = by_name["العراق"].geo
    assert iraq is not None and (iraq.kind, iraq.country) == ("country", "IQ")
    kurdistan = by_name["إقليم كردستان"]
    assert (
        kurdistan.latin == "Kurdistan Region"
        and kurdistan.geo is not None
        and kurdistan.geo.admin1 == "IQ-KR"
    )
    assert by_name["مسعود البارزاني"].latin == "Masoud Barzani"


def test_seed_targets_end_to_end(seed_article: Path) -> None:
    """The same targets on the real entity stage's output (skipped without its model)."""
    import pytest

    from marsad.pipeline import Pipeline
    from marsad.resources import data_file

    if not data_file("entities", "ner-network.npz").is_file():
        pytest.skip("the NER model is not built")
    import marsad.entities
    import marsad.linking  # noqa: F401

    title, body = seed_article.read_text(encoding="utf-8").split("\n", 1)
    pipeline = Pipeline(["marsad.text.v1", "marsad.entities.v1", "marsad.linking.v1"])
    doc = pipeline(Document.from_parts(body, title=title, published="2015-01-13"))
    by_mention = {m.text: e for e in doc.entities for m in e.mentions}
    for name, (lat, lon, latin) in CITIES.items():
        geo = by_mention[name].geo
        assert geo is not None and distance_km(geo.lat, geo.lon, lat, lon) < 15, name
        assert by_mention[name].latin == latin
    for name, admin1 in (
        ("نينوي", "IQ-NI"),
        ("صلاح الدين", "IQ-SD"),
        ("ديالى", "IQ-DI"),
        ("الأنبار", "IQ-AN"),
    ):
        geo = by_mention[name].geo
        assert geo is not None and (geo.kind, geo.admin1) == ("admin1", admin1), name
    assert by_mention["العراق"].geo is not None and by_mention["العراق"].geo.country == "IQ"
    assert by_mention["الإقليم"].latin == "Kurdistan Region"
    assert by_mention["البارزاني"].latin == "Masoud Barzani"
    assert "CAMEO:IRQGOV" in by_mention["الغبان"].roles
