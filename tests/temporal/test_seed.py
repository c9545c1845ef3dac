"""The seed article (needs ../shared; CI has it) and the contract of the temporal layers."""

from __future__ import annotations

from marsad.document import Document
from tests.conftest import assert_spans_exact


def _seed(seed_article, temporal, published):
    text = seed_article.read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    doc = Document.from_parts(body, title=title, published=published)
    return temporal(doc.text, published)


def test_seed_article_with_publication_date(seed_article, temporal, document_validator):
    doc = _seed(seed_article, temporal, "2015-01-13")
    values = {t.text: (t.value, t.grain) for t in doc.times}
    assert values["10 يونيو 2014"] == ("2014-06-10", "day")
    assert values["يونيو الماضي"] == ("2014-06", "month")
    today = next(t for t in doc.times if "اليوم/الثلاثاء" in t.text)
    assert (today.text, today.value, today.grain) == ("ظهر اليوم/الثلاثاء", "2015-01-13", "part_of_day")
    assert [(q.text, q.value, q.unit) for q in doc.quantities] == [("405 كم", 405, "km")]
    assert doc.published_estimate is None
    document = doc.to_dict()
    document_validator.validate(document)
    assert_spans_exact(document)


def test_seed_article_without_publication_date(seed_article, temporal, document_validator):
    doc = _seed(seed_article, temporal, None)
    assert [t.value for t in doc.times if t.text == "10 يونيو 2014"] == ["2014-06-10"]
    assert all(t.value is None for t in doc.times if t.text != "10 يونيو 2014")
    estimate = doc.published_estimate
    assert estimate is not None
    assert estimate["earliest"] <= "2015-01-13" <= estimate["latest"]
    document_validator.validate(doc.to_dict())


def test_every_value_shape_validates_against_the_schema(temporal, document_validator):
    doc = temporal(
        "الأسبوع الماضي استمرت المعارك ساعتين و10 دقائق الساعة العاشرة صباحا في شهر رمضان 1441 هـ "
        "وقتل 12 شخصا وأصيب العشرات في 10 يونيو 2014 ويونيو الماضي.",
        "2015-01-13",
    )
    assert {t.grain for t in doc.times} == {"week", "duration", "time", "month", "day"}
    document = doc.to_dict()
    document_validator.validate(document)
    assert_spans_exact(document)
    undated = temporal("قتل ثلاثة أشخاص أمس الاثنين 12 يناير 2015 في انفجار.").to_dict()
    document_validator.validate(undated)
    assert undated["published_estimate"] == {"earliest": "2015-01-13", "latest": "2015-01-14"}
