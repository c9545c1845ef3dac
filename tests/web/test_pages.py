"""The web pages as HTML: Arabic and right to left, the right content, every article string escaped."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from tests.api.corpus import XSS_BODY, XSS_HEADLINE


def html_of(client: TestClient, path: str, status: int = 200, **params) -> str:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in response.text
    return response.text


@pytest.mark.parametrize("path", ["/", "/search", "/events", "/analyse", "/articles/1", "/entities/درعا"])
def test_every_page_is_arabic_rtl_and_uses_only_local_assets(client: TestClient, path: str) -> None:
    html = html_of(client, path)
    assert '<meta name="viewport"' in html
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not url.startswith(("http:", "https:", "//")) or "example.org" in url, url


def test_static_assets_are_served(client: TestClient) -> None:
    css = client.get("/static/marsad.css")
    assert css.headers["content-type"].startswith("text/css") and ".hl.trig" in css.text
    outlines = client.get("/static/outlines.json").json()
    assert set(outlines["layers"]) == {"coast", "admin0", "admin1"}
    assert len(outlines["layers"]["admin1"]) > 100
    assert "makeSortable" in client.get("/static/marsad.js").text


def test_home_shows_counts_and_latest_events(client: TestClient) -> None:
    html = html_of(client, "/")
    assert "<b>4</b><span>مقال</span>" in html
    assert html.count('class="badge"') == 3


def test_search_page_highlights_matches(client: TestClient) -> None:
    html = html_of(client, "/search", q="تونس")
    assert 'href="/articles/3"' in html
    assert '<mark class="match">تونس</mark>' in html
    assert 'id="result-count"' in html


def test_search_page_filters_and_errors(client: TestClient) -> None:
    html = html_of(client, "/search", q="درعا", since="2024-03-06", country="SY")
    assert 'href="/articles/2"' in html and 'href="/articles/1"' not in html
    assert 'value="2024-03-06"' in html
    assert "E610" in html_of(client, "/search", 422, q="درعا", since="soon")
    assert "E609" in html_of(client, "/search", 422, q="؟؟")


def test_article_page_highlights_every_layer(client: TestClient) -> None:
    html = html_of(client, "/articles/1")
    army = "/entities/%D8%A7%D9%84%D8%AC%D9%8A%D8%B4%20%D8%A7%D9%84%D8%B3%D9%88%D8%B1%D9%8A"
    assert f'<a class="hl ent ent-ORG" href="{army}"' in html
    assert '<span class="hl trig ev-ASSAULT" title="ASSAULT">قصف</span>' in html
    assert '<span class="hl time" title="2024-03-05">يوم الثلاثاء</span>' in html
    assert '<span class="hl quote"' in html
    assert re.search(r'<h1 class="headline"><a class="hl ent ent-ORG"[^>]*>الجيش السوري</a>', html)
    events_panel = html[html.index('id="events-panel"') : html.index('id="quotes-panel"')]
    assert "اعتداء" in events_panel and f'href="{army}"' in events_panel
    quotes_panel = html[html.index('id="quotes-panel"') : html.index('id="entities-panel"')]
    assert "العملية مستمرة" in quotes_panel and "الجيش السوري" in quotes_panel
    assert 'href="https://example.org/daraa-1"' in html


def test_entity_page(client: TestClient) -> None:
    html = html_of(client, "/entities/الجيش السوري")
    assert '<h1 class="entity-name">الجيش السوري</h1>' in html
    assert '<dd dir="ltr" id="latin-name">Syrian Army</dd>' in html
    assert "<code>Q-army</code>" in html
    assert "فاعل (2)" in html and "متحدث (1)" in html
    assert 'href="/entities/%D8%AF%D8%B1%D8%B9%D8%A7"' in html  # co-occurring: درعا
    actor_table = html[html.index('id="as-actor"') : html.index('id="as-recipient"')]
    assert 'href="/articles/1"' in actor_table and 'href="/articles/2"' in actor_table
    assert "<title>2024-03: 2</title>" in html
    assert "E612" in html_of(client, "/entities/لا أحد", 404)
    place = html_of(client, "/entities/درعا")
    at_place = place[place.index('id="at-place"') :]
    assert 'href="/articles/1"' in at_place and 'href="/articles/3"' not in at_place


def test_events_page_has_table_map_data_and_timeline(client: TestClient) -> None:
    html = html_of(client, "/events")
    table = html[html.index('id="events-table"') :]
    assert table.count("<tr") == 4  # header + three events
    points = json.loads(
        re.search(r'<script type="application/json" id="map-points">(.*?)</script>', html).group(1)
    )
    assert sorted((p["type"], p["country"]) for p in points) == [
        ("ASSAULT", "SY"),
        ("CONSULT", "IQ"),
        ("PROTEST", "TN"),
    ]
    assert re.search(r'<svg class="chart"[^>]*data-bars="3"', html)
    assert "<title>2024-03-05 · ASSAULT: 1</title>" in html
    assert "format=geojson" in html
    only = html_of(client, "/events", type="PROTEST")
    assert only[only.index('id="events-table"') :].count("<tr") == 2
    assert "E610" in html_of(client, "/events", 422, since="2024/01/01")


def test_paste_page_analyses_at_once(client: TestClient) -> None:
    form = html_of(client, "/analyse")
    assert '<form method="post" action="/analyse"' in form
    response = client.post(
        "/analyse", data={"title": "زيارة", "text": "وصل الوزير إلى عمان أمس.", "published": ""}
    )
    assert response.status_code == 200
    assert '<section id="result">' in response.text
    assert '<h1 class="headline">زيارة</h1>' in response.text
    assert "وصل الوزير إلى عمان أمس." in response.text
    refused = client.post("/analyse", data={"text": "The minister arrived in Amman."})
    assert refused.status_code == 422 and "E111" in refused.text
    empty = client.post("/analyse", data={"text": "  "})
    assert empty.status_code == 422 and "E110" in empty.text


def test_article_strings_are_escaped_everywhere(client: TestClient) -> None:
    pages = [
        html_of(client, "/articles/4"),
        html_of(client, "/search", q="الاجتماع"),
        html_of(client, "/events"),
        html_of(client, "/"),
    ]
    for html in pages:
        assert "<script>window" not in html
        assert "<img src=x" not in html
        assert "<b onmouseover" not in html
        assert 'href="javascript:' not in html
    article = pages[0]
    assert "&lt;script&gt;window.__xss = &#39;headline&#39;&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=" in article
    assert "&lt;script&gt;window.__xss = &#39;source&#39;&lt;/script&gt;" in article
    assert '<span dir="ltr">javascript:window.__xss = &#39;url&#39;</span>' in article
    pasted = client.post("/analyse", data={"title": XSS_HEADLINE, "text": XSS_BODY}).text
    assert "<script>window" not in pasted and "<img src=x" not in pasted


def test_unknown_page_is_an_html_404(client: TestClient) -> None:
    html = html_of(client, "/no/such/page", 404)
    assert "E709" in html
    assert "E706" in html_of(client, "/articles/999", 404)


def test_pages_of_an_empty_corpus(tmp_path) -> None:
    from marsad.api.app import ServerSettings, create_app
    from tests.api.conftest import LOOPBACK

    settings = ServerSettings(db_url=f"sqlite:///{tmp_path / 'empty.db'}", keys_path=tmp_path / "k.json")
    app = create_app(settings)
    with TestClient(app, client=LOOPBACK) as empty:
        home = html_of(empty, "/")
        assert "<b>0</b><span>مقال</span>" in home and "marsad ingest examples/" in home
        assert "لا نتائج" in html_of(empty, "/search", q="بغداد")
        events = html_of(empty, "/events")
        assert "لا أحداث." in events and "لا بيانات لعرضها." in events
        assert "E612" in html_of(empty, "/entities/بغداد", 404)
