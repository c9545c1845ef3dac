"""`marsad analyze --format plover|acled|geojson` through the real pipeline, and the seed article."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli

SEED = Path(__file__).resolve().parents[3] / "shared" / "examples" / "000_519d468521edde90.txt"
ARTICLE = (
    "بغداد - اعتقلت القوات العراقية خمسة مطلوبين في الموصل اليوم. وقال المتحدث باسم الجيش إن العملية ستستمر."
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("output_format", ["plover", "acled", "geojson"])
def test_analyze_exports_parse(article: Path, output_format: str) -> None:
    result = CliRunner().invoke(
        cli, ["analyze", str(article), "--published", "2024-03-03", "--format", output_format]
    )
    assert result.exit_code == 0, result.output
    if output_format == "plover":
        records = [json.loads(line) for line in result.output.splitlines()]
        assert all(r["citation"]["publication"] == str(article) for r in records)
        assert all(r["event_type"] for r in records)
    elif output_format == "acled":
        rows = list(csv.DictReader(io.StringIO(result.output)))
        assert all(r["event_date"] for r in rows)
    else:
        collection = json.loads(result.output)
        assert collection["type"] == "FeatureCollection"
        for feature in collection["features"]:
            lon, lat = feature["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def _seed() -> dict:
    if not SEED.exists():
        pytest.skip("the seed article (../shared/examples) is not here")
    import marsad

    head, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    return marsad.analyze(body.strip(), title=head.strip(), published="2015-01-13").to_dict()


def _entity_at(doc: dict, words: str) -> dict | None:
    start = doc["text"].find(words)
    for entity in doc["entities"]:
        if any(m["start"] < start + len(words) and start < m["end"] for m in entity["mentions"]):
            return entity
    return None


def test_seed_events() -> None:
    doc = _seed()
    barzani, ghabban = _entity_at(doc, "مسعود البارزاني"), _entity_at(doc, "محمد سالم الغبان")
    isis, erbil = _entity_at(doc, "داعش"), _entity_at(doc, "أربيل")
    if not (barzani and ghabban and isis and erbil):
        pytest.skip("the entity layer did not find the seed's people and places")
    pair = {barzani["id"], ghabban["id"]}
    events = doc["events"]
    consult = [
        e for e in events if e["type"] == "CONSULT" and pair <= set(e["actors"]) | set(e["recipients"])
    ]
    assert consult and consult[0]["location"] == erbil["id"] and consult[0]["date"] == "2015-01-13"
    assert any(e["type"] == "AGREE" and pair <= set(e["actors"]) for e in events)
    assert {tuple(e["actors"]) for e in events if e["type"] == "SUPPORT"} == {
        (barzani["id"],),
        (ghabban["id"],),
    }
    seize = [e for e in events if e["type"] in ("ASSAULT", "COERCE") and isis["id"] in e["actors"]]
    assert any(e["date"] == "2014-06-10" for e in seize)
    assert any(e["type"] in ("THREATEN", "MOBILIZE") and e["modality"] for e in events)


def test_seed_quotes() -> None:
    doc = _seed()
    for speaker, words in [
        ("هادي العامري", "قوات الحشد ستدخل"),
        ("مسعود البارزاني", "لكركوك أهمية خاصة"),
        ("محمد سالم الغبان", "خطط أمنية جديدة"),
    ]:
        entity = _entity_at(doc, speaker)
        if entity is None:
            pytest.skip(f"the entity layer did not find {speaker}")
        start = doc["text"].find(words)
        assert any(q["start"] <= start < q["end"] and q["speaker"] == entity["id"] for q in doc["quotes"]), (
            words
        )


def test_events_and_quotes_fit_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import marsad

    schema_path = Path(__file__).resolve().parents[2] / "schema" / "document.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    doc = marsad.analyze(ARTICLE, title="اعتقالات في الموصل", published="2024-03-03").to_dict()
    jsonschema.validate(doc, schema)
    assert doc["events"] and {"cameo", "modality", "counts", "affiliations"} <= set(doc["events"][0])
