"""Quantities: units, currencies, percentages and people counts with their kind."""

from __future__ import annotations

import pytest

from marsad.temporal import dates_in, people_counts
from tests.temporal.conftest import quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تبعد المدينة 405 كم شمال العاصمة", ("405 كم", 405, "km", None)),
        ("تبعد المدينة ٤٠٥٫٥ كيلومترا عن العاصمة", ("٤٠٥٫٥ كيلومترا", 405.5, "km", None)),
        ("تبرعت الدولة بمبلغ 5 ملايين دولار للاجئين", ("5 ملايين دولار", 5000000, "USD", None)),
        ("رصدت الحكومة 20 مليار ريال للمشروع", ("20 مليار ريال", 20000000000, "riyal", None)),
        ("ربحت الشركة 3.2 مليار ريال سعودي هذا الربع", ("3.2 مليار ريال سعودي", 3200000000, "SAR", None)),
        ("ارتفعت الأسعار 30% عن السابق", ("30%", 30, "%", None)),
        ("ارتفعت الأسعار بنسبة ١٥ في المئة عن السابق", ("١٥ في المئة", 15, "%", None)),
        ("صادرت الشرطة 1,500 كلغ من المخدرات", ("1,500 كلغ", 1500, "kg", None)),
        ("يضم المخيم ثلاثة آلاف وخمسمائة شخص", ("ثلاثة آلاف وخمسمائة شخص", 3500, "person", None)),
        ("أصدرت الوزارة 47 قرارا جديدا", ("47 قرارا", 47, None, None)),
    ],
)
def test_units_and_currencies(temporal, text, expected):
    assert quantities(temporal(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أسفر الهجوم عن مقتل 12 شخصا في السوق", [("12 شخصا", 12, "person", "killed")]),
        ("أدى القصف إلى إصابة العشرات بجروح", [("العشرات", 10, "person", "injured")]),
        ("أعلنت الشرطة اعتقال خمسة مسلحين في المدينة", [("خمسة مسلحين", 5, "person", "arrested")]),
        ("تسببت المعارك في نزوح آلاف العائلات من القرى", [("آلاف العائلات", 1000, "family", "displaced")]),
        ("أعلن الجيش اختطاف 18 عاملا من الموقع", [("18 عاملا", 18, "person", "kidnapped")]),
        (
            "سقط 12 قتيلا و30 جريحا في الانفجار",
            [("12 قتيلا", 12, "person", "killed"), ("30 جريحا", 30, "person", "injured")],
        ),
        (
            "قتل 14 مدنيا بينهم خمسة أطفال في الغارة",
            [("14 مدنيا", 14, "person", "killed"), ("خمسة أطفال", 5, "person", "killed")],
        ),
        (
            "مقتل ثلاثة جنود وإصابة سبعة آخرين في الكمين",
            [("ثلاثة جنود", 3, "person", "killed"), ("سبعة آخرين", 7, "person", "injured")],
        ),
        ("ارتفعت حصيلة القتلى إلى 50 بحسب الوزارة", [("50", 50, "person", "killed")]),
        ("لقي خمسة صيادين حتفهم في البحر", [("خمسة صيادين", 5, "person", "killed")]),
        ("أسفر الحادث عن مقتل شخصين", [("شخصين", 2, "person", "killed")]),
    ],
)
def test_people_counts_and_their_kind(temporal, text, expected):
    assert quantities(temporal(text)) == expected


def test_a_counted_noun_that_is_not_people_takes_no_kind(temporal):
    assert quantities(temporal("سجلت الوزارة مقتل 5921 إصابة جديدة بالفيروس")) == [
        ("5921 إصابة", 5921, None, None)
    ]


def test_vague_amounts_are_marked_approximate(temporal):
    doc = temporal("خرج عشرات الآلاف إلى الشوارع، وشارك 200 شخص في الندوة")
    assert [(q.text, q.value, q.approximate) for q in doc.quantities] == [
        ("عشرات الآلاف", 10000, True), ("200 شخص", 200, False)
    ]  # fmt: skip


def test_hedges_stay_outside_the_span(temporal):
    assert quantities(temporal("قتل أكثر من 100 شخص في الزلزال")) == [("100 شخص", 100, "person", "killed")]


def test_dates_years_and_labels_are_not_quantities(temporal):
    doc = temporal("وطالب بتطبيق القرار 2254 والمادة 140 في 10 يونيو 2014 وفي عام 2015 والدورة الـ73")
    assert doc.quantities == []


def test_durations_are_times_not_quantities(temporal):
    doc = temporal("استمرت المعارك ثلاثة أيام وقتل فيها 40 مسلحا")
    assert [t.text for t in doc.times] == ["ثلاثة أيام"]
    assert quantities(doc) == [("40 مسلحا", 40, "person", "killed")]


def test_people_counts_accessor_adds_up_kinds_in_a_range(temporal):
    doc = temporal("مقتل 3 جنود و5 مدنيين وإصابة 12 آخرين. وفي حادث آخر قتل شخصان.")
    first = doc.sentences[0]
    assert people_counts(doc, first.start, first.end) == {"killed": 8, "injured": 12}
    assert people_counts(doc, 0, len(doc.text)) == {"killed": 10, "injured": 12}


def test_digits_after_an_ordinal_are_an_amount(temporal):
    doc = temporal("تجاوز عدد الملقحين بالجرعة الثانية 22 مليون شخص")
    assert quantities(doc) == [("22 مليون شخص", 22000000, "person", None)]


def test_a_new_clause_and_a_nearer_word_after_decide_the_kind(temporal):
    doc = temporal("نزحت 2500 أسرة جراء السيول، وإن 14 شخصا ما زالوا في عداد المفقودين")
    assert quantities(doc) == [
        ("2500 أسرة", 2500, "family", "displaced"),
        ("14 شخصا", 14, "person", "missing"),
    ]


def test_dates_in_gives_only_partial_dates_for_events(temporal):
    doc = temporal(
        "استمرت المعارك ثلاثة أيام الأسبوع الماضي حتى الساعة العاشرة صباحا أمس في 10 يونيو 2014.",
        "2015-01-13",
    )
    assert {t.grain for t in doc.times} == {"duration", "week", "time", "day"}
    assert [t.value for t in dates_in(doc, 0, len(doc.text))] == ["2015-01-12", "2014-06-10"]


def test_scores_labels_and_look_alikes_are_not_amounts(temporal):
    assert quantities(temporal("فاز الفريق 4-1 على ضيفه وتعادل 2 - 2 في الدقيقة 69")) == []
    assert quantities(temporal("وأنا لست مع من يقول ذلك")) == []
    assert quantities(temporal("تبعد القرية أربع مئة متر عن الحدود")) == [("أربع مئة متر", 400, "m", None)]


def test_captured_is_not_their_families(temporal):
    assert quantities(temporal("أعلن الجيش أسر ثلاثة عناصر من الجماعة")) == [
        ("ثلاثة عناصر", 3, "person", "arrested")
    ]
    assert quantities(temporal("وصل الجنود مع أسرهم، أي ما مجمله 80 شخصا")) == [
        ("80 شخصا", 80, "person", None)
    ]
