"""Absolute dates: every month family, numeric forms, years, Hijri; exact spans and values."""

from __future__ import annotations

import pytest

from tests.temporal.conftest import times


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("وصل الوفد في 10 يونيو 2014 إلى بغداد", "10 يونيو 2014", "2014-06-10"),
        ("وصل الوفد في 3 كانون الثاني 2015 إلى دمشق", "3 كانون الثاني 2015", "2015-01-03"),
        ("انعقدت الجلسة يوم 21 تشرين الأول 2019 في بيروت", "يوم 21 تشرين الأول 2019", "2019-10-21"),
        ("أعلنت الحكومة يوم 5 جويلية 2021 عن خطة جديدة", "يوم 5 جويلية 2021", "2021-07-05"),
        ("انطلقت الاحتجاجات في 22 فيفري 2019 بالعاصمة", "22 فيفري 2019", "2019-02-22"),
        ("صدر القرار في 14 أوت 2020 بالجريدة الرسمية", "14 أوت 2020", "2020-08-14"),
        ("نظمت الندوة يوم 12 شتنبر 2018 بالرباط", "يوم 12 شتنبر 2018", "2018-09-12"),
        ("عقد المؤتمر في 7 حزيران/يونيو 2016 في عمان", "7 حزيران/يونيو 2016", "2016-06-07"),
        ("بدأت المرحلة في العاشر من آذار 2012 وانتهت", "العاشر من آذار 2012", "2012-03-10"),
        ("وفي الـ15 من أيار 2013 أعلن الاتفاق", "الـ15 من أيار 2013", "2013-05-15"),
        ("وقع الحادث الثلاثاء 13 يناير 2015 قرب الحدود", "الثلاثاء 13 يناير 2015", "2015-01-13"),
        ("ولد الشاعر في 1 إبريل 1950م في القاهرة", "1 إبريل 1950م", "1950-04-01"),
    ],
)
def test_day_month_year_in_every_month_family(temporal, text, span, value):
    doc = temporal(text)
    assert times(doc) == [(span, value, "day")]
    time = doc.times[0]
    assert doc.text[time.start : time.end] == span
    assert (time.earliest, time.latest) == (value, value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("صدر الحكم بتاريخ 10/6/2014 عن المحكمة", "10/6/2014", "2014-06-10"),
        ("صدر الحكم بتاريخ ١٠/٦/٢٠١٤ عن المحكمة", "١٠/٦/٢٠١٤", "2014-06-10"),
        ("نشر المرسوم في 2014-06-10 بالجريدة", "2014-06-10", "2014-06-10"),
        ("تنتهي الصلاحية في 31.12.2021 حسب الوثيقة", "31.12.2021", "2021-12-31"),
    ],
)
def test_numeric_dates_are_day_month_year(temporal, text, span, value):
    assert times(temporal(text)) == [(span, value, "day")]


def test_impossible_numeric_date_is_not_a_date(temporal):
    assert times(temporal("سجل الرقم 45/13/2014 في السجل")) == []


def test_day_that_does_not_exist_is_null_not_a_guess(temporal):
    assert times(temporal("في 31 شباط 2015 حسب البيان")) == [("31 شباط 2015", None, "day")]


@pytest.mark.parametrize(
    ("text", "span", "value", "grain"),
    [
        ("وقعت الأحداث في عام 2014 في الموصل", "عام 2014", "2014", "year"),
        ("أقرت موازنة العام 2016 بعد جدل", "العام 2016", "2016", "year"),
        ("تأسس الحزب 1948م في القاهرة", "1948م", "1948", "year"),
        ("انهارت الأسعار في 2008 بشكل حاد", "2008", "2008", "year"),
        ("بلغ التضخم ذروته في أيلول 2019 ثم تراجع", "أيلول 2019", "2019-09", "month"),
        ("عاد الهدوء مطلع حزيران 2017 إلى المدينة", "مطلع حزيران 2017", "2017-06", "month"),
        ("تراجعت الاحتياطيات في نهاية 2017 بشكل كبير", "نهاية 2017", "2017", "year"),
    ],
)
def test_months_and_years_keep_their_grain(temporal, text, span, value, grain):
    assert times(temporal(text)) == [(span, value, grain)]


def test_month_is_never_presented_as_its_first_day(temporal):
    time = temporal("وصلت الشحنة في تموز 2020 إلى الميناء").times[0]
    assert (time.value, time.grain) == ("2020-07", "month")
    assert (time.earliest, time.latest) == ("2020-07-01", "2020-07-31")


def test_a_number_before_a_word_is_not_a_bare_year(temporal):
    doc = temporal("شارك 2000 شخص في المسيرة")
    assert times(doc) == []
    assert [q.value for q in doc.quantities] == [2000]


def test_ambiguous_month_names_need_a_date_around_them(temporal):
    assert times(temporal("مارس الحزب ضغوطا كبيرة على الحكومة")) == []
    assert times(temporal("عاد الأب إلى منزله متأخرا")) == []
    assert times(temporal("انطلقت الحملة في 3 مارس 2011 رسميا")) == [("3 مارس 2011", "2011-03-03", "day")]


def test_hijri_day_converts_to_gregorian(temporal):
    assert times(temporal("صدر الأمر في 15 رمضان 1435 هـ بالرياض")) == [
        ("15 رمضان 1435 هـ", "2014-07-12", "day")
    ]
    assert times(temporal("الموافق الأول من محرم 1441هـ حسب التقويم")) == [
        ("الأول من محرم 1441هـ", "2019-08-31", "day")
    ]


def test_hijri_month_and_year_give_ranges_not_values(temporal):
    month = temporal("خلال شهر رمضان 1441 هـ شهدت الأسواق إقبالا").times[0]
    assert (month.text, month.value, month.grain) == ("شهر رمضان 1441 هـ", None, "month")
    assert (month.earliest, month.latest) == ("2020-04-24", "2020-05-23")
    year = temporal("تأسست الجمعية عام 1435هـ في جدة").times[0]
    assert (year.text, year.value, year.grain) == ("عام 1435هـ", None, "year")
    assert (year.earliest, year.latest) == ("2013-11-04", "2014-10-24")


def test_hijri_outside_the_converter_range_is_null(temporal):
    time = temporal("وقعت المعركة في 10 رمضان 1200 هـ قرب المدينة").times[0]
    assert time.value is None and time.earliest is None


def test_proclitics_are_outside_the_span(temporal):
    doc = temporal("وفي 10 يونيو 2014 وبالأمس", published="2015-01-13")
    assert times(doc) == [("10 يونيو 2014", "2014-06-10", "day"), ("الأمس", "2015-01-12", "day")]


def test_a_bare_number_after_an_amount_word_is_not_a_year(temporal):
    doc = temporal("وقال إن عدد القتلى بلغ 1865، والجرحى 9563.")
    assert times(doc) == []
    assert [(q.text, q.kind) for q in doc.quantities] == [("1865", "killed"), ("9563", "injured")]
    assert times(temporal("وشهدت انتخابات 2014. ثم بين 2011 و2013 تراجع")) == [
        ("2014", "2014", "year"), ("2011", "2011", "year"), ("2013", "2013", "year")
    ]  # fmt: skip


def test_first_day_of_a_range_takes_the_month_after_it(temporal):
    assert times(temporal("تجرى الامتحانات من 9 إلى 16 جوان 2021 في كل الولايات")) == [
        ("9", "2021-06-09", "day"), ("16 جوان 2021", "2021-06-16", "day")
    ]  # fmt: skip
    assert times(temporal("تعطل الدوائر يومي 9 و10 أيلول 2019")) == [
        ("9", "2019-09-09", "day"), ("10 أيلول 2019", "2019-09-10", "day")
    ]  # fmt: skip
