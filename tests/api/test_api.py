"""Every API endpoint, its errors, authentication and limits."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import ServerSettings, create_app
from marsad.api.keys import KeyStore, hash_key
from tests.api.conftest import LOOPBACK, REMOTE
from tests.api.corpus import XSS_HEADLINE

PLAIN = {"content-type": "text/plain; charset=utf-8"}
ARTICLE = "وزير الخارجية يزور بغداد\nوصل وزير الخارجية إلى بغداد صباح اليوم في زيارة رسمية تستمر يومين."


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body


# --- health, stats, OpenAPI -------------------------------------------------------------------
def test_health_reports_the_store(client: TestClient) -> None:
    body = client.get("/api/v1/health").json()
    assert body["ok"] is True
    assert body["store"] == {"backend": "sqlite", "schema_version": 3}


def test_stats_counts_the_test_corpus(client: TestClient) -> None:
    body = client.get("/api/v1/stats").json()
    assert body["articles"] == 4
    assert body["events"] == 3  # the two Daraa shellings are one corpus event
    assert body["event_reports"] == 4
    assert body["first_published"] == "2024-03-05"
    assert body["last_published"] == "2024-03-07"


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/v1/analyze", "/api/v1/articles", "/api/v1/search", "/api/v1/events", "/api/v1/events/export",
        "/api/v1/articles/{article_id}", "/api/v1/entities/{name}", "/api/v1/health", "/api/v1/stats",
    ):  # fmt: skip
        assert path in paths, path
    assert "/search" not in paths  # the HTML pages are not part of the API document
    assert client.get("/api/docs").status_code == 404  # Swagger UI would load scripts from a CDN
    analyze_body = paths["/api/v1/analyze"]["post"]["requestBody"]["content"]
    assert set(analyze_body) == {"text/plain", "text/html", "application/json"}


# --- analyse ----------------------------------------------------------------------------------
def test_analyze_plain_text_returns_the_contract(client: TestClient, document_validator) -> None:
    response = client.post("/api/v1/analyze?published=2024-05-01", content=ARTICLE.encode(), headers=PLAIN)
    assert response.status_code == 200, response.text
    document = response.json()
    document_validator.validate(document)
    assert document["headline"] == "وزير الخارجية يزور بغداد"
    assert document["text"] == ARTICLE
    assert document["published"] == "2024-05-01"
    assert document["sentences"][0] == {"start": 0, "end": 24}


def test_analyze_json_and_html(client: TestClient) -> None:
    record = {"title": "عنوان الخبر", "text": "انعقد الاجتماع في عمان أمس.", "published": "2024-01-02"}
    document = client.post("/api/v1/analyze", json=record).json()
    assert document["text"] == "عنوان الخبر\nانعقد الاجتماع في عمان أمس."
    assert document["published"] == "2024-01-02"
    page = "<html><head><title>خبر</title></head><body><article><h1>خبر عن عمان</h1><p>" + (
        "انعقد الاجتماع في عمان أمس لبحث التطورات الأخيرة في المنطقة. " * 4
    ) + "</p></article></body></html>"  # fmt: skip
    response = client.post("/api/v1/analyze", content=page.encode(), headers={"content-type": "text/html"})
    assert response.status_code == 200, response.text
    assert "انعقد الاجتماع في عمان" in response.json()["text"]
    assert "<p>" not in response.json()["text"]


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        (b"{not json", {"content-type": "application/json"}, 400, "E106"),
        (b"[1, 2]", {"content-type": "application/json"}, 400, "E107"),
        (b'{"text": 5}', {"content-type": "application/json"}, 400, "E114"),
        (b"", {"content-type": "application/json"}, 400, "E103"),
        (b"   ", PLAIN["content-type"], 400, "E103"),
        ("هذا نص".encode(), {"content-type": "image/png"}, 415, "E707"),
        (b"The minister arrived in Baghdad this morning for talks.", PLAIN, 422, "E111"),
        (b"\x00\x01\x02\x03binary\x00\x00", PLAIN, 400, "E104"),
    ],
)
def test_analyze_bad_input_is_a_clear_4xx(client: TestClient, body, headers, status, code) -> None:
    headers = headers if isinstance(headers, dict) else {"content-type": headers}
    assert_error(client.post("/api/v1/analyze", content=body, headers=headers), status, code)


def test_analyze_other_languages_on_request(client: TestClient) -> None:
    english = b"Talks\nThe minister arrived in Baghdad this morning for talks."
    response = client.post("/api/v1/analyze?any_language=true", content=english, headers=PLAIN)
    assert response.status_code == 200
    assert response.json()["headline"] == "Talks"


def test_analyze_bad_date(client: TestClient) -> None:
    response = client.post("/api/v1/analyze?published=yesterday", content=ARTICLE.encode(), headers=PLAIN)
    assert_error(response, 422, "E112")


# --- limits -------------------------------------------------------------------------------------
def test_body_over_the_limit_is_refused(corpus_url: str, keys_path: Path) -> None:
    app = create_app(ServerSettings(db_url=corpus_url, keys_path=keys_path, max_body_bytes=2048))
    with TestClient(app, client=LOOPBACK) as small:
        declared = small.post("/api/v1/analyze", content=("ا" * 2000).encode(), headers=PLAIN)
        body = assert_error(declared, 413, "E701")
        assert "2048" in body["error"]["message"]

        def chunks():  # no Content-Length: counted as it streams
            for _ in range(10):
                yield ("ب" * 200).encode()

        streamed = small.post("/api/v1/analyze", content=chunks(), headers=PLAIN)
        assert_error(streamed, 413, "E701")
        assert small.post("/api/v1/analyze", content=ARTICLE.encode(), headers=PLAIN).status_code == 200


# --- search ---------------------------------------------------------------------------------------
def test_search_finds_clitic_forms_with_highlights(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "مظاهرة تونس"}).json()
    assert [item["article_id"] for item in body["items"]] == [3]
    hit = body["items"][0]
    assert hit["title"] == "مظاهرة في تونس ضد غلاء الأسعار"
    assert hit["snippet"].startswith("تظاهر مئات المواطنين في تونس")  # the headline is not repeated
    highlighted = [hit["snippet"][start:end] for start, end in hit["highlights"]]
    assert highlighted == ["تونس"]
    assert [hit["title"][s:e] for s, e in hit["title_highlights"]] == ["مظاهرة", "تونس"]
    assert body["has_more"] is False


def test_search_pages_and_filters(client: TestClient) -> None:
    first = client.get("/api/v1/search", params={"q": "درعا", "limit": 1}).json()
    second = client.get("/api/v1/search", params={"q": "درعا", "limit": 1, "offset": 1}).json()
    assert first["has_more"] is True and second["has_more"] is False
    assert {first["items"][0]["article_id"], second["items"][0]["article_id"]} == {1, 2}
    later = client.get("/api/v1/search", params={"q": "درعا", "since": "2024-03-06"}).json()
    assert [item["article_id"] for item in later["items"]] == [2]


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({}, 422, "E702"),
        ({"q": "!!! ..."}, 400, "E609"),
        ({"q": "درعا", "since": "March"}, 422, "E610"),
        ({"q": "درعا", "limit": 0}, 422, "E702"),
        ({"q": "درعا", "limit": 1000}, 422, "E702"),
        ({"q": "درعا", "offset": -1}, 422, "E702"),
        ({"q": "درعا\x00"}, 422, "E702"),
    ],
)
def test_search_bad_input(client: TestClient, params, status, code) -> None:
    assert_error(client.get("/api/v1/search", params=params), status, code)


# --- events and exports ------------------------------------------------------------------------------
def test_events_filter_order_and_page(client: TestClient) -> None:
    body = client.get("/api/v1/events").json()
    assert [event["type"] for event in body["items"]] == ["CONSULT", "PROTEST", "ASSAULT"]
    assault = client.get("/api/v1/events", params={"type": "ASSAULT"}).json()["items"]
    assert len(assault) == 1
    assert assault[0]["n_reports"] == 2
    assert assault[0]["date_first"] == "2024-03-05" and assault[0]["date_last"] == "2024-03-07"
    assert [a["name"] for a in assault[0]["actors"]] == ["الجيش السوري"]
    assert len(assault[0]["reports"]) == 2
    [one_report] = client.get("/api/v1/events", params={"type": "ASSAULT", "reports": 1}).json()["items"]
    assert one_report["n_reports"] == 2 and one_report["reports"] == assault[0]["reports"][:1]
    by_reports = client.get("/api/v1/events", params={"order": "reports", "limit": 1}).json()
    assert by_reports["items"][0]["type"] == "ASSAULT" and by_reports["has_more"] is True
    page_two = client.get("/api/v1/events", params={"limit": 2, "offset": 2}).json()
    assert [event["type"] for event in page_two["items"]] == ["ASSAULT"] and page_two["has_more"] is False
    tunisia = client.get("/api/v1/events", params={"country": "TN"}).json()["items"]
    assert [event["location"] for event in tunisia] == ["تونس"]
    actor = client.get("/api/v1/events", params={"actor": "Syrian Army"}).json()["items"]
    assert [event["id"] for event in actor] == [assault[0]["id"]]


def test_events_bad_input(client: TestClient) -> None:
    assert_error(client.get("/api/v1/events", params={"order": "random"}), 422, "E702")
    assert_error(client.get("/api/v1/events", params={"min_reports": 0}), 422, "E702")
    assert_error(client.get("/api/v1/events", params={"reports": 0}), 422, "E702")
    assert_error(client.get("/api/v1/events", params={"until": "2024/03/01"}), 422, "E610")


def test_export_csv(client: TestClient) -> None:
    response = client.get("/api/v1/events/export", params={"format": "csv", "type": "ASSAULT"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 1
    assert rows[0]["actors"] == "الجيش السوري" and rows[0]["n_reports"] == "2"
    assert rows[0]["article_ids"].split() == ["1", "2"]


def test_export_geojson_plover_acled(client: TestClient) -> None:
    geo = client.get("/api/v1/events/export", params={"format": "geojson"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    assert sorted(tuple(f["geometry"]["coordinates"]) for f in features) == [
        (10.18, 36.8), (36.1, 32.62), (44.36, 33.31),
    ]  # fmt: skip
    plover = client.get("/api/v1/events/export", params={"format": "plover", "type": "PROTEST"}).json()
    assert [record["event_type"] for record in plover] == ["PROTEST"]
    assert plover[0]["recipient"]["entity_text"] == "الحكومة"
    acled = client.get("/api/v1/events/export", params={"format": "acled", "type": "ASSAULT"}).json()
    assert acled[0]["actor1"] == "الجيش السوري" and acled[0]["country"] == "SY"
    assert_error(client.get("/api/v1/events/export", params={"format": "xlsx"}), 400, "E708")


# --- articles and entities ------------------------------------------------------------------------
def test_article_with_its_analysis(client: TestClient) -> None:
    body = client.get("/api/v1/articles/1").json()
    assert body["title"] == "الجيش السوري يقصف مواقع في درعا"
    assert body["source"] == "وكالة الاختبار"
    document = body["document"]
    assert document["text"].startswith("الجيش السوري يقصف")
    trigger = document["events"][0]["trigger"]
    assert document["text"][trigger["start"] : trigger["end"]] == "قصف" == trigger["text"]


def test_article_errors(client: TestClient) -> None:
    assert_error(client.get("/api/v1/articles/999"), 404, "E706")
    assert_error(client.get("/api/v1/articles/abc"), 422, "E702")
    assert_error(client.get(f"/api/v1/articles/{2**63}"), 422, "E702")
    assert_error(client.get("/api/v1/articles/0"), 422, "E702")


def test_entity_profile(client: TestClient) -> None:
    body = client.get("/api/v1/entities/الجيش السوري").json()
    assert body["latin"] == "Syrian Army" and body["kb"] == "Q-army"
    assert body["n_articles"] == 2 and body["n_quotes"] == 1
    assert body["roles"] == {"actor": 2, "speaker": 1}
    assert [other["name"] for other in body["cooccurring"]] == ["درعا"]
    assert body["events"]["actor"] == {"ASSAULT": {"events": 1, "reports": 2}}
    assert client.get("/api/v1/entities/Syrian Army").json()["name"] == "الجيش السوري"
    assert_error(client.get("/api/v1/entities/لا أحد"), 404, "E612")


def test_unknown_paths_and_methods_are_json_errors(client: TestClient) -> None:
    assert_error(client.get("/api/v1/nothing-here"), 404, "E709")
    assert_error(client.delete("/api/v1/events"), 405, "E710")


# --- writes and keys --------------------------------------------------------------------------------
def test_ingest_needs_a_valid_key(fresh_settings: ServerSettings) -> None:
    with TestClient(create_app(fresh_settings), client=LOOPBACK) as anonymous:
        record = {"title": "خبر", "text": "انعقد الاجتماع في عمان أمس."}
        assert_error(anonymous.post("/api/v1/articles", json=record), 401, "E703")
        wrong = {"Authorization": "Bearer marsad_not-a-key"}
        response = anonymous.post("/api/v1/articles", json=record, headers=wrong)
        assert_error(response, 401, "E704")
        assert response.headers["www-authenticate"] == "Bearer"
        assert anonymous.get("/api/v1/stats").json()["articles"] == 0


def test_ingest_stores_once(fresh_settings: ServerSettings, api_key: str) -> None:
    auth = {"Authorization": f"Bearer {api_key}"}
    records = [
        {"id": "a1", "title": "اجتماع في عمان", "text": "انعقد الاجتماع الوزاري في عمان أمس.",
         "published": "2024-02-01"},
        {"id": "a2", "title": "Meeting", "text": "The ministers met in Amman yesterday."},
    ]  # fmt: skip
    with TestClient(create_app(fresh_settings), client=LOOPBACK) as writer:
        body = writer.post("/api/v1/articles", json={"articles": records}, headers=auth).json()
        assert (body["stored"], body["already_stored"], body["rejected"]) == (1, 0, 1)
        assert body["results"][0]["status"] == "stored" and body["results"][0]["key"] == "id:a1"
        assert body["results"][1]["error"]["code"] == "E111"
        again = writer.post("/api/v1/articles", json=records[0], headers={"X-API-Key": api_key}).json()
        assert (again["stored"], again["already_stored"]) == (0, 1)
        article_id = body["results"][0]["article_id"]
        stored = writer.get(f"/api/v1/articles/{article_id}").json()
        assert stored["title"] == "اجتماع في عمان" and stored["published"] == "2024-02-01"
        found = writer.get("/api/v1/search", params={"q": "الاجتماع"}).json()["items"]
        assert [item["article_id"] for item in found] == [article_id]


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ([], 422, "E702"),
        ({"articles": [{"text": "نص"}] * 101}, 422, "E702"),
        ({"title": "بلا نص"}, 400, "E107"),
        ([{"text": "نص", "published": "غدا"}], 422, "E112"),
        ("just a string", 400, "E107"),
    ],
)
def test_ingest_bad_input(fresh_settings: ServerSettings, api_key: str, payload, status, code) -> None:
    with TestClient(create_app(fresh_settings), client=LOOPBACK) as writer:
        response = writer.post(
            "/api/v1/articles", json=payload, headers={"Authorization": f"Bearer {api_key}"}
        )
        assert_error(response, status, code)


def test_ingest_wants_json(fresh_settings: ServerSettings, api_key: str) -> None:
    with TestClient(create_app(fresh_settings), client=LOOPBACK) as writer:
        response = writer.post(
            "/api/v1/articles",
            content=ARTICLE.encode(),
            headers={**PLAIN, "Authorization": f"Bearer {api_key}"},
        )
        assert_error(response, 415, "E707")


def test_reads_from_elsewhere_need_a_key(corpus_url: str, keys_path: Path, api_key: str) -> None:
    app = create_app(ServerSettings(db_url=corpus_url, keys_path=keys_path))
    with TestClient(app, client=REMOTE) as remote:
        assert_error(remote.get("/api/v1/events"), 403, "E705")
        assert_error(remote.get("/api/v1/events", headers={"X-API-Key": "nope"}), 401, "E704")
        assert remote.get("/api/v1/events", headers={"X-API-Key": api_key}).status_code == 200
        page = remote.get("/events")
        assert (
            page.status_code == 403
            and "E705" in page.text
            and page.headers["content-type"].startswith("text/html")
        )
    opened = create_app(ServerSettings(db_url=corpus_url, keys_path=keys_path, open_reads=True))
    with TestClient(opened, client=REMOTE) as remote:
        assert remote.get("/api/v1/events").status_code == 200
        assert_error(remote.post("/api/v1/articles", json={"text": "نص"}), 401, "E703")


def test_keys_are_stored_hashed(tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "keys.json")
    key, record = store.create("desk")
    stored = (tmp_path / "keys.json").read_text(encoding="utf-8")
    assert key not in stored
    assert json.loads(stored)["keys"][0]["sha256"] == hash_key(key) == record.sha256
    assert (tmp_path / "keys.json").stat().st_mode & 0o077 == 0
    assert store.verify(key) == record
    assert KeyStore(tmp_path / "keys.json").verify(key + "x") is None
    assert store.revoke(record.id) and store.verify(key) is None


def test_xss_payloads_come_back_as_data(client: TestClient) -> None:
    """The API returns article text as JSON strings; escaping is the pages' job."""
    body = client.get("/api/v1/articles/4").json()
    assert body["title"] == XSS_HEADLINE
