"""Table rows of hand-built documents, and the dataset-wide rules (stories, corpus events)."""

from __future__ import annotations

import numpy as np

from marsad.batch.dedup import (
    assign_corpus_events,
    band_keys,
    corpus_event_id,
    corpus_event_rows,
    find_stories,
    merge_key,
)
from marsad.batch.tables import rows_of_document
from marsad.corpus.dedup import signature
from marsad.document import Geo
from tests.corpus.conftest import DocBuilder

BODY = "قصفت الطائرات مدينة حلب صباح الاثنين. وقال محمد العلي: إن القصف طال المستشفى."


def built(published: str = "2024-03-04", date: str | None = None, negated: bool = False) -> DocBuilder:
    builder = DocBuilder(BODY, title="قصف على حلب", published=published)
    aleppo = builder.entity(
        "حلب", "GPE", mention="حلب", kb="Q41183", geo=Geo(36.2, 37.16, "SY", "Aleppo", "city", "170063")
    )
    speaker = builder.entity("محمد العلي", "PERSON", roles=("مسؤول",))
    builder.event("ASSAULT", "قصفت", recipients=(aleppo,), location=aleppo, date=date, negated=negated)
    builder.quote("إن القصف طال المستشفى", speaker)
    builder.time("الاثنين", "2024-03-04")
    return builder


def rows_of(builder: DocBuilder, article_id: str, source: str | None = "wire-a") -> dict[str, list[dict]]:
    record = builder.record(article_id, source=source)
    return rows_of_document(
        record.document, article_id=article_id, external_id=None, url=None, source=source,
        file="in.jsonl", line=3, title_terms=record.title_terms, body_terms=record.body_terms,
        minhash=record.minhash, pipeline="test",
    )  # fmt: skip


def test_rows_of_a_document_cover_every_layer_with_exact_offsets():
    rows = rows_of(built(date="2024-03-04"), "id:a1")
    (article,) = rows["articles"]
    assert article["title"] == "قصف على حلب"
    assert (article["n_entities"], article["n_events"], article["n_quotes"]) == (2, 1, 1)
    assert article["times"] == [
        {"start": 41, "end": 48, "text": "الاثنين", "value": "2024-03-04", "grain": "day"}
    ]
    assert article["text"][41:48] == "الاثنين"
    city, person = rows["entities"]
    assert (city["entity_id"], city["kb"], city["country"], city["admin1"], city["geo_kind"]) == (
        "E1", "Q41183", "SY", "Aleppo", "city",
    )  # fmt: skip
    assert (person["name"], person["roles"], person["lat"]) == ("محمد العلي", ["مسؤول"], None)
    assert [(m["entity_id"], m["start"], m["end"], m["text"]) for m in rows["mentions"]] == [
        ("E1", 8, 11, "حلب"),
        ("E2", 55, 65, "محمد العلي"),
    ]
    (event,) = rows["events"]
    assert event["event_type"] == "ASSAULT"
    assert (event["trigger_start"], event["trigger_end"], event["trigger_text"]) == (12, 16, "قصفت")
    assert (event["recipient_ids"], event["recipients"], event["location"]) == (["E1"], ["حلب"], "حلب")
    assert (event["country"], event["lat"], event["day"]) == ("SY", 36.2, "2024-03-04")
    assert event["merge_key"] == "ASSAULT|0||kb:Q41183|kb:Q41183"
    (quote,) = rows["quotes"]
    assert (quote["speaker_id"], quote["speaker"], quote["text"]) == (
        "E2",
        "محمد العلي",
        "إن القصف طال المستشفى",
    )


def test_an_event_without_participants_or_place_has_no_merge_key():
    event = {"type": "PROTEST", "negated": False, "actors": [], "recipients": [], "location": None}
    assert merge_key(event, {}) is None
    assert (
        merge_key({**event, "actors": ["E1"]}, {"E1": "ORG:نقابه المحامين"})
        == "PROTEST|0|ORG:نقابه المحامين||"
    )


def test_empty_signatures_have_no_buckets():
    assert band_keys(signature("")) == []
    keys = band_keys(signature("قصفت الطائرات مدينة حلب صباح الاثنين"))
    assert len(keys) == 10 and all(len(key) == 1 + 6 * 4 for key in keys)


def _sig(values: list[int]) -> bytes:
    return np.array(values, dtype=np.uint32).tobytes()


def test_stories_are_connected_components_led_by_the_earliest_article():
    base = list(range(64))
    near = base[:56] + [1000 + i for i in range(8)]  # 56 of 64 values equal: 0.875 similar
    nearer = near[:48] + [2000 + i for i in range(16)]  # similar to `near` (0.75), to `base` only 0.75
    other = [5000 + i for i in range(64)]
    stories = find_stories([
        ("b", "2024-03-02", _sig(near)), ("a", "2024-03-05", _sig(base)), ("c", None, _sig(nearer)),
        ("d", "2024-03-01", _sig(other)), ("e", "2024-03-09", _sig(base)),
    ])  # fmt: skip
    assert stories["b"] == {"story_id": "b", "duplicate_of": None, "similarity": None}
    assert stories["a"] == {"story_id": "b", "duplicate_of": "b", "similarity": 0.875}
    assert stories["e"]["duplicate_of"] == "b"
    assert stories["c"]["story_id"] == "b"
    assert stories["d"] == {"story_id": "d", "duplicate_of": None, "similarity": None}


def _event(
    article: str, day: str | None, key: str | None = "ASSAULT|0||kb:Q1|kb:Q1", source: str = "s"
) -> dict:
    return {
        "article_id": article, "event_id": "V1", "merge_key": key, "day": day, "source": source,
        "event_type": "ASSAULT", "negated": False, "actors": [], "recipients": ["حلب"], "location": "حلب",
        "country": "SY", "admin1": None, "lat": None, "lon": None,
    }  # fmt: skip


def test_reports_chain_into_one_corpus_event_while_days_are_within_the_window():
    events = [
        _event("a", "2024-03-01"), _event("b", "2024-03-04"), _event("c", "2024-03-07", source="t"),
        _event("d", "2024-03-11"), _event("e", None), _event("f", None), _event("g", "2024-03-01", None),
    ]  # fmt: skip
    assign_corpus_events(events)
    ids = {e["article_id"]: e["corpus_event_id"] for e in events}
    assert ids["a"] == ids["b"] == ids["c"] == corpus_event_id("ASSAULT|0||kb:Q1|kb:Q1", "2024-03-01")
    assert ids["d"] == corpus_event_id("ASSAULT|0||kb:Q1|kb:Q1", "2024-03-11")
    assert ids["e"] == ids["f"] == corpus_event_id("ASSAULT|0||kb:Q1|kb:Q1", None)
    assert ids["g"] == corpus_event_id("article:g", "V1")
    rows = {r["corpus_event_id"]: r for r in corpus_event_rows(events, {a: a for a in "abcdefg"})}
    first = rows[ids["a"]]
    assert (first["date_first"], first["date_last"], first["n_reports"], first["n_sources"]) == (
        "2024-03-01", "2024-03-07", 3, 2,
    )  # fmt: skip
    assert first["article_ids"] == ["a", "b", "c"]
    assert len(rows) == 4
