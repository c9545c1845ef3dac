"""Summary, gist, keywords and taxonomy on the article page, the keyword facet on the search page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.test_pages import html_of


def test_the_article_page_shows_summary_gist_keywords_and_taxonomy(client: TestClient) -> None:
    html = html_of(client, "/articles/1")
    assert "<li>قصف الجيش السوري مواقع للمعارضة في درعا يوم الثلاثاء.</li>" in html
    assert '<section id="gist-panel"><h2>الخلاصة</h2><p>الجيش السوري — هجوم — درعا — 2024-03-05</p>' in html
    assert 'middleEast · <span class="badge plain">security</span>' in html
    assert '<a href="/search?q=%D8%AF%D8%B1%D8%B9%D8%A7">درعا</a> <span class="muted">0.60</span>' in html
    # A keyword shows (and searches for) the article's spelling, not its normalised term.
    assert '">معارضة</a> <span class="muted">0.30</span>' in html and ">معارضه<" not in html


def test_gist_keywords_and_taxonomy_are_escaped(client: TestClient) -> None:
    html = html_of(client, "/articles/4")
    assert "<script>window.__xss" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__xss = &#39;gist&#39;&lt;/script&gt; — اجتماع — بغداد" in html
    assert "&lt;img src=x onerror=&#34;window.__xss = &#39;keyword&#39;&#34;&gt;" in html
    assert "&lt;script&gt;window.__xss = &#39;taxonomy&#39;&lt;/script&gt;" in html


def test_the_search_page_shows_the_keyword_facet(client: TestClient) -> None:
    html = html_of(client, "/search", q="درعا")
    assert '<p class="facet" id="keyword-facet">' in html
    assert '<a href="/search?q=%D8%AF%D8%B1%D8%B9%D8%A7">درعا</a> <span class="muted">(2)</span>' in html
    assert '">معارضة</a> <span class="muted">(1)</span>' in html
