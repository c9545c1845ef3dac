import json

import pytest

from marsad.errors import MarsadError
from marsad.sources import article_from_bytes, read_article
from marsad.sources.article import parse_published

HTML = """<!doctype html><html lang="ar"><head><meta charset="utf-8">
<title>انتخابات بلدية في المغرب | موقع</title>
<script>document.title = "hacked"; alert("x")</script><style>p{color:red}</style></head>
<body><nav><a href="/">الرئيسية</a> <a href="/a">اتصل بنا</a> <a href="/b">من نحن</a></nav>
<article><h1>انتخابات بلدية في المغرب</h1>
<p>توجه الناخبون في المغرب اليوم إلى صناديق الاقتراع لاختيار ممثليهم في المجالس البلدية، وسط إقبال وصفته وزارة الداخلية بالمتوسط.</p>
<p>وقال مسؤول في الوزارة إن النتائج الأولية ستعلن مساء الغد بعد فرز الأصوات في جميع الدوائر.</p>
</article><footer>جميع الحقوق محفوظة لموقع المثال</footer></body></html>"""


def test_plain_text_first_non_empty_line_is_the_headline():
    article = article_from_bytes("\n\n  عنوان الخبر  \n\nالسطر الأول.\nالسطر الثاني.\n".encode(), "a.txt")
    assert article.title == "عنوان الخبر"
    assert article.text == "السطر الأول.\nالسطر الثاني."


def test_windows_line_endings_are_unified():
    article = article_from_bytes("عنوان\r\nنص الخبر.\r\nسطر آخر.".encode(), "a.txt")
    assert article.text == "نص الخبر.\nسطر آخر."


def test_json_article_fields():
    record = {"title": "عنوان", "text": "نص الخبر", "published": "2015-01-13T09:00:00+03:00",
              "url": "https://example.org/a", "source": "مثال", "id": 7}  # fmt: skip
    article = article_from_bytes(json.dumps(record, ensure_ascii=False).encode(), "a.json")
    assert (article.title, article.text, article.published) == ("عنوان", "نص الخبر", "2015-01-13")
    assert (article.url, article.source, article.id) == ("https://example.org/a", "مثال", "7")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b'{"title": "x", "text": ', "E106"),
        (b'{"title": "x"}', "E107"),
        (b'{"text": ["a"]}', "E114"),
        (b'{"text": "\xd9\x86\xd8\xb5", "published": "yesterday"}', "E112"),
        (b"   \n\t ", "E103"),
        (b"", "E103"),
    ],
)
def test_bad_articles_get_coded_errors(data, code):
    with pytest.raises(MarsadError) as error:
        article_from_bytes(data, "bad")
    assert error.value.code == code
    assert str(error.value).startswith("bad: ")


def test_html_drops_scripts_navigation_and_boilerplate():
    article = article_from_bytes(HTML.encode(), "page.html")
    assert article.title == "انتخابات بلدية في المغرب"
    assert article.text.startswith("توجه الناخبون في المغرب")
    assert "النتائج الأولية" in article.text
    for boilerplate in ("alert", "hacked", "color:red", "اتصل بنا", "جميع الحقوق"):
        assert boilerplate not in article.text


def test_html_without_article_text_is_an_error():
    with pytest.raises(MarsadError) as error:
        article_from_bytes(b"<html><body><script>var a = 1;</script></body></html>", "empty.html")
    assert error.value.code == "E108"


def test_file_errors(tmp_path):
    with pytest.raises(MarsadError) as missing:
        read_article(tmp_path / "nope.txt")
    assert missing.value.code == "E101"
    with pytest.raises(MarsadError) as directory:
        read_article(tmp_path)
    assert directory.value.code == "E102"


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    from marsad.sources import readers

    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("خبر " * 100, encoding="utf-8")
    with pytest.raises(MarsadError) as error:
        read_article(big)
    assert error.value.code == "E109"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-01-13", "2015-01-13"),
        ("2015-01-13T23:30:00Z", "2015-01-13"),
        ("Tue, 13 Jan 2015 09:30:00 +0300", "2015-01-13"),
        (None, None),
        ("", None),
    ],
)
def test_publication_dates(value, expected):
    assert parse_published(value) == expected


def test_impossible_date_is_an_error():
    with pytest.raises(MarsadError):
        parse_published("2015-02-30")
