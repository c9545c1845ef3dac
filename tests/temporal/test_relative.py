"""Relative expressions resolved against the publication date, and null without one."""

from __future__ import annotations

import pytest

from tests.temporal.conftest import times

PUBLISHED = "2015-01-13"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "span", "value", "grain"),
    [
        ("قال الوزير اليوم إن", "اليوم", "2015-01-13", "day"),
        ("وقع الانفجار أمس قرب السوق", "أمس", "2015-01-12", "day"),
        ("وقع الانفجار أول أمس قرب السوق", "أول أمس", "2015-01-11", "day"),
        ("وقع الانفجار أمس الأول قرب السوق", "أمس الأول", "2015-01-11", "day"),
        ("يصل الوفد غدا إلى القاهرة", "غدا", "2015-01-14", "day"),
        ("يصل الوفد غداً إلى القاهرة", "غداً", "2015-01-14", "day"),
        ("يصل الوفد بعد غد إلى القاهرة", "بعد غد", "2015-01-15", "day"),
        ("اجتمع المجلس ظهر اليوم في القصر", "ظهر اليوم", "2015-01-13", "part_of_day"),
        ("اندلع الحريق مساء أمس في المصنع", "مساء أمس", "2015-01-12", "part_of_day"),
        ("اندلع الحريق الليلة الماضية في المصنع", "الليلة الماضية", "2015-01-12", "part_of_day"),
        ("بحث الرئيس ظهر اليوم/الثلاثاء/ في أربيل", "ظهر اليوم/الثلاثاء", "2015-01-13", "part_of_day"),
        ("تراجعت الأسعار الأسبوع الماضي بشكل حاد", "الأسبوع الماضي", "2015-W02", "week"),
        ("تعقد القمة الأسبوع المقبل في الرياض", "الأسبوع المقبل", "2015-W04", "week"),
        ("ارتفعت الصادرات الشهر الماضي بنسبة قليلة", "الشهر الماضي", "2014-12", "month"),
        ("بدأ البرنامج مطلع الشهر الجاري بنجاح", "مطلع الشهر الجاري", "2015-01", "month"),
        ("سجلت الشركة أرباحا العام الماضي رغم الأزمة", "العام الماضي", "2014", "year"),
        ("وتجرى الانتخابات أواخر العام في موعدها", "أواخر العام", "2015", "year"),
        ("اجتاح التنظيم في يونيو الماضي عددا من المحافظات", "يونيو الماضي", "2014-06", "month"),
        ("تجرى الانتخابات في نيسان المقبل حسب الدستور", "نيسان المقبل", "2015-04", "month"),
        ("وصل اللاجئون منذ ثلاثة أيام إلى المخيم", "منذ ثلاثة أيام", "2015-01-10", "day"),
        ("أعلن البرلمان قبل أسبوعين عن الموازنة", "قبل أسبوعين", "2015-W01", "week"),
        ("وقع الاتفاق قبل ثلاثة أشهر في جنيف", "قبل ثلاثة أشهر", "2014-10", "month"),
        ("انتخب رئيسا منذ عامين تقريبا", "منذ عامين", "2013", "year"),
        ("بدأ التسجيل في العاشر من الشهر الجاري", "العاشر من الشهر الجاري", "2015-01-10", "day"),
    ],
)
def test_relative_expressions(temporal, text, span, value, grain):
    assert times(temporal(text, published=PUBLISHED)) == [(span, value, grain)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("التقى الوزير الثلاثاء نظيره الفرنسي", "2015-01-13"),  # today is Tuesday
        ("التقى الوزير الأحد نظيره الفرنسي", "2015-01-11"),
        ("التقى الوزير الأربعاء نظيره الفرنسي", "2015-01-07"),
        ("سيلتقي الوزير الأربعاء نظيره الفرنسي", "2015-01-14"),  # future tense
        ("يلتقي الوزير الأربعاء المقبل نظيره الفرنسي", "2015-01-14"),
        ("التقى الوزير الثلاثاء الماضي نظيره الفرنسي", "2015-01-06"),
        ("ومن المقرر أن يلتقي الوزير الخميس نظيره", "2015-01-15"),
    ],
)
def test_weekdays_look_back_unless_the_text_looks_ahead(temporal, text, value):
    assert [t.value for t in temporal(text, published=PUBLISHED).times] == [value]


def test_day_and_month_without_year_take_the_nearest_occurrence(temporal):
    assert [t.value for t in temporal("وقع الهجوم في 25 تشرين الأول قرب الحدود", "2018-11-05").times] == [
        "2018-10-25"
    ]
    # Three weeks ahead is nearer than eleven months back.
    assert [t.value for t in temporal("وكانت الانتخابات مقررة في 4 جويلية", "2019-06-14").times] == [
        "2019-07-04"
    ]
    assert [t.value for t in temporal("عقدت جولة في مايو بجنيف", "2017-08-20").times] == ["2017-05"]


def test_without_publication_date_relative_values_are_null(temporal):
    doc = temporal("قال الوزير أمس إن الأسبوع الماضي شهد تطورات منذ ثلاثة أيام وفي يونيو الماضي")
    assert [(t.text, t.value) for t in doc.times] == [
        ("أمس", None), ("الأسبوع الماضي", None), ("منذ ثلاثة أيام", None), ("يونيو الماضي", None)
    ]  # fmt: skip
    assert [t.grain for t in doc.times] == ["day", "week", "day", "month"]


def test_absolute_dates_resolve_without_publication_date(temporal):
    assert times(temporal("أعلن في 10 يونيو 2014 وقف العمليات")) == [("10 يونيو 2014", "2014-06-10", "day")]


def test_not_today_and_not_general(temporal):
    doc = temporal("وشارك الأمين العام الحالي في اليوم العالمي للمرأة وفي اليوم التالي", PUBLISHED)
    assert times(doc) == []


def test_vague_expressions_have_null_values(temporal):
    assert times(temporal("انقطعت الكهرباء منذ أيام عن الحي", PUBLISHED)) == [("منذ أيام", None, "day")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("استمرت المعارك ثلاثة أيام متواصلة", "ثلاثة أيام", "P3D"),
        ("فرض حظر التجول لمدة 48 ساعة في المدينة", "48 ساعة", "PT48H"),
        ("تستمر الزيارة يومين فقط", "يومين", "P2D"),
        ("قضى في السجن عشر سنوات كاملة", "عشر سنوات", "P10Y"),
        ("تستغرق الرحلة ساعتين و10 دقائق بالقطار", "ساعتين و10 دقائق", "PT2H10M"),
        ("تراجعت المبيعات خلال الأيام الثلاثة الماضية بشدة", "الأيام الثلاثة الماضية", "P3D"),
        ("وصل الوفد قبل يومين من الانتخابات", "يومين", "P2D"),
    ],
)
def test_durations(temporal, text, span, value):
    assert times(temporal(text, PUBLISHED)) == [(span, value, "duration")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("رفعت الجلسة الساعة العاشرة صباحا", "الساعة العاشرة صباحا", "T10:00"),
        ("يبدأ الحظر الساعة الثامنة مساء", "الساعة الثامنة مساء", "T20:00"),
        ("أقلعت الطائرة الساعة 14:30 من المطار", "الساعة 14:30", "T14:30"),
        ("وقع الزلزال الساعة الثالثة والنصف فجرا", "الساعة الثالثة والنصف فجرا", "T03:30"),
        ("استؤنفت الجلسة الساعة 11:30 ظهرا", "الساعة 11:30 ظهرا", "T11:30"),
    ],
)
def test_clock_times(temporal, text, span, value):
    assert times(temporal(text)) == [(span, value, "time")]


def test_hour_words_need_no_saaa_before_a_part_of_day(temporal):
    assert times(temporal("يمتد الدوام من العاشرة صباحا حتى الثالثة عصرا")) == [
        ("العاشرة صباحا", "T10:00", "time"), ("الثالثة عصرا", "T15:00", "time")
    ]  # fmt: skip
    assert times(temporal("فاز في المرة الثانية بعد جهد")) == []


def test_the_nearest_tense_cue_decides_the_direction(temporal):
    # Present-tense scheduling verbs look ahead; a perfect verb nearer the date looks back.
    assert [t.value for t in temporal("تبدأ الإجراءات الخميس في كل المحافظات", PUBLISHED).times] == [
        "2015-01-15"
    ]
    doc = temporal("وتنتهي الهدنة التي بدأت في الثاني من أبريل دون تمديد", "2022-12-27")
    assert [t.value for t in doc.times] == ["2022-04-02"]


def test_a_weekday_and_the_date_it_corresponds_to_are_one_expression(temporal):
    assert times(temporal("عقدت الجلسة يوم الأحد الموافق 13 أكتوبر 2019 في القاعة")) == [
        ("يوم الأحد الموافق 13 أكتوبر 2019", "2019-10-13", "day")
    ]
    doc = temporal("وقال الوزير اليوم الموافق 13 يناير 2015 إن")
    assert times(doc) == [("اليوم الموافق 13 يناير 2015", "2015-01-13", "day")]
    assert doc.published_estimate == {"earliest": "2015-01-13", "latest": "2015-01-14"}
    # Two calendars stay two expressions.
    assert len(temporal("صدر في 15 رمضان 1435 هـ الموافق 12 يوليو 2014").times) == 2


def test_more_spans_of_recent_time_and_days_that_are_not_today(temporal):
    assert times(temporal("سجلت خلال الـ24 ساعة الماضية 50 إصابة")) == [
        ("الـ24 ساعة الماضية", "PT24H", "duration")
    ]
    assert times(temporal("تراجعت خلال الأيام القليلة الماضية")) == [
        ("الأيام القليلة الماضية", None, "duration")
    ]
    assert times(temporal("وقع الانفجار في ذلك اليوم ووصل الوفد في اليوم نفسه", PUBLISHED)) == []


def test_definite_number_words_in_recent_spans(temporal):
    assert times(temporal("خلال الساعات الأربع والعشرين الماضية")) == [
        ("الساعات الأربع والعشرين الماضية", "PT24H", "duration")
    ]
