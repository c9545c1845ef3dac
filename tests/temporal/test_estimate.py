"""The publication-date estimate when the publication date is unknown."""

from __future__ import annotations

import pytest

from marsad.errors import MarsadError


def test_month_named_relative_and_absolute_bounds_publication(temporal):
    doc = temporal("اجتاح التنظيم في يونيو الماضي عددا من المحافظات، وسيطر على المدينة في 10 يونيو 2014.")
    assert doc.published_estimate == {"earliest": "2014-07-01", "latest": "2015-06-30"}


def test_next_month_with_its_year_bounds_publication_from_above(temporal):
    doc = temporal("تجرى الانتخابات في نيسان المقبل، وكانت مقررة أصلا في نيسان 2016.")
    assert doc.published_estimate == {"earliest": "2015-04-01", "latest": "2016-03-31"}


def test_day_word_joined_to_a_date_gives_a_two_day_range(temporal):
    doc = temporal("قتل ثلاثة أشخاص أمس الاثنين 12 يناير 2015 في انفجار.")
    assert doc.published_estimate == {"earliest": "2015-01-13", "latest": "2015-01-14"}


def test_latest_past_date_is_a_lower_bound_only(temporal):
    doc = temporal("وقع الاتفاق في 3 آذار 2019 بعد مفاوضات بدأت في 2018.")
    assert doc.published_estimate == {"earliest": "2019-03-03", "latest": None}


def test_future_dates_do_not_bound_publication(temporal):
    doc = temporal("ستجرى الانتخابات في 3 آذار 2030.")
    assert doc.published_estimate is None


def test_no_dates_no_estimate(temporal):
    assert temporal("قال الوزير إن الوضع مستقر.").published_estimate is None


def test_no_estimate_when_publication_date_is_known(temporal):
    doc = temporal("اجتاح التنظيم في يونيو الماضي المدينة في 10 يونيو 2014.", published="2015-01-13")
    assert doc.published_estimate is None
    assert [t.value for t in doc.times] == ["2014-06", "2014-06-10"]


def test_empty_text_and_bad_publication_date(temporal):
    doc = temporal("")
    assert (doc.times, doc.quantities, doc.published_estimate) == ([], [], None)
    with pytest.raises(MarsadError) as error:
        temporal("قال الوزير أمس", published="13/01/2015")
    assert error.value.code == "E112"
