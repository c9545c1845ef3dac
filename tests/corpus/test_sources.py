"""Batch readers: JSON Lines with field maps, RSS and Atom feeds, gzip, folders."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marsad.errors import MarsadError
from marsad.sources.feeds import iter_feed
from marsad.sources.inputs import count_records, iter_records
from marsad.sources.jsonl import FieldMap
from tests.corpus.conftest import FIXTURES


def test_field_map_renames_and_reaches_into_nested_objects(tmp_path: Path) -> None:
    record = {"content": "نص الخبر.", "meta": {"date": "2024-01-02T08:00:00Z", "outlet": "وكالة"}, "docno": 7}
    path = tmp_path / "dump.jsonl"
    path.write_text(
        json.dumps(record, ensure_ascii=False) + "\n\n" + json.dumps(record) + "\n", encoding="utf-8"
    )
    fields = FieldMap.parse(["text=content", "published=meta.date", "source=meta.outlet", "id=docno"])
    records = list(iter_records([path], fields))
    assert [r.line for r in records] == [1, 3]  # the blank line is skipped, numbering is kept
    article = records[0].article
    assert (article.text, article.published, article.source, article.id) == (
        "نص الخبر.",
        "2024-01-02",
        "وكالة",
        "7",
    )


@pytest.mark.parametrize("spec", ["text", "body=content", "text=", "=content"])
def test_a_bad_field_spec_is_refused(spec: str) -> None:
    with pytest.raises(MarsadError) as raised:
        FieldMap.parse([spec])
    assert raised.value.code == "E604"


def test_rss_items_become_articles_with_markup_removed() -> None:
    records = list(iter_feed((FIXTURES / "feed.rss").read_bytes(), "feed.rss"))
    assert [r.line for r in records] == [1, 2]
    first = records[0].article
    assert first.title == "وصول قافلة مساعدات إلى ريف حلب"
    assert first.text == (
        "وصلت قافلة مساعدات إنسانية تضم عشرين شاحنة إلى ريف حلب الشمالي، محملة بمواد غذائية وأدوية.\n"
        "وقال مسؤول في المنظمة إن القافلة ستوزع حمولتها على آلاف العائلات النازحة."
    )
    assert (first.published, first.url, first.id, first.source) == (
        "2024-06-04",
        "https://example.org/rss/1",
        "rss-1",
        "نشرة الأخبار التجريبية",
    )


def test_atom_entries_become_articles() -> None:
    (record,) = iter_feed((FIXTURES / "feed.atom").read_bytes(), "feed.atom")
    article = record.article
    assert article.title == "توقيع اتفاقية تعاون زراعي بين البلدين"
    assert article.text.startswith("وقع وزيرا الزراعة") and "<p>" not in article.text
    assert (article.published, article.url, article.source) == (
        "2024-06-06",
        "https://example.org/atom/1",
        "موجز أتوم التجريبي",
    )


def test_a_broken_feed_is_one_rejected_record() -> None:
    (record,) = iter_feed(b"<rss><channel><item><title>x</title></channel>", "bad.rss")
    assert record.article is None and record.error.code == "E605"


def test_gzip_is_read_for_every_kind_and_counted(tmp_path: Path) -> None:
    for name in ("feed.rss", "dump.jsonl", "articles/barzani.txt"):
        target = tmp_path / (Path(name).name + ".gz")
        target.write_bytes(gzip.compress((FIXTURES / name).read_bytes()))
    records = list(iter_records([tmp_path]))
    assert [(Path(r.origin).name, r.line, r.error is None) for r in records] == [
        ("barzani.txt.gz", None, True),
        ("dump.jsonl.gz", 1, False),
        ("dump.jsonl.gz", 2, False),
        ("dump.jsonl.gz", 3, False),
        ("dump.jsonl.gz", 4, False),
        ("feed.rss.gz", 1, True),
        ("feed.rss.gz", 2, True),
    ]
    assert records[1].error.code == "E107"  # the dump names its text field 'content'
    assert count_records([tmp_path]) == 7
    assert count_records([FIXTURES]) == 11


def test_a_missing_path_is_a_record_not_an_exception(tmp_path: Path) -> None:
    (record,) = iter_records([tmp_path / "nowhere.jsonl"])
    assert record.error.code == "E101"


def test_a_single_json_article_file_follows_the_field_map_too(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps({"body": "نص الخبر.", "headline": "عنوان"}, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    (record,) = iter_records([path], FieldMap.parse(["text=body", "title=headline"]))
    assert (record.article.title, record.article.text, record.line) == ("عنوان", "نص الخبر.", None)
