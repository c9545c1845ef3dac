"""Quotes: direct and reported speech, spans, and speakers resolved to entities."""

from __future__ import annotations

from collections.abc import Callable

from marsad.document import Document, Quote
from marsad.events.quotes import quote_pairs


def speakers(doc: Document) -> list[tuple[str | None, bool, str]]:
    by_id = {e.id: e.name for e in doc.entities}
    return [(by_id.get(q.speaker or ""), q.direct, q.text) for q in doc.quotes]


def check_span(doc: Document, quote: Quote) -> None:
    assert doc.text[quote.start : quote.end] == quote.text


def test_quotation_marks_pair_by_kind_and_paragraph() -> None:
    text = 'قال «نحن هنا» و"هم هناك"\n"سطر جديد'
    assert quote_pairs(text) == [(4, 12), (15, 23)]


def test_reported_speech_with_named_subject(analyse: Callable[..., Document]) -> None:
    doc = analyse("وقال وزير الخارجية أحمد عطاف إن الجزائر ترفض أي تدخل أجنبي.", [("أحمد عطاف", "PERSON")])
    assert speakers(doc) == [("أحمد عطاف", False, "الجزائر ترفض أي تدخل أجنبي")]
    check_span(doc, doc.quotes[0])


def test_direct_quote_after_colon_and_inna(analyse: Callable[..., Document]) -> None:
    text = 'وقال الوزير سعد: إن "الحكومة لن تتراجع عن قرارها مهما كانت الضغوط".'
    doc = analyse(text, [("سعد", "PERSON")])
    [quote] = doc.quotes
    assert quote.direct and quote.text == "الحكومة لن تتراجع عن قرارها مهما كانت الضغوط"
    assert quote.start == text.index("الحكومة") and doc.entities[0].id == quote.speaker


def test_short_quoted_names_are_not_quotes(analyse: Callable[..., Document]) -> None:
    doc = analyse('وأعلن "الدولة الإسلامية" مسؤوليته، وقال قائد "الحشد" إن المعركة مستمرة حتى النصر.', [])
    assert [q.text for q in doc.quotes] == ["المعركة مستمرة حتى النصر"]


def test_pronoun_carry_over_to_the_last_speaker(analyse: Callable[..., Document]) -> None:
    text = "أكد رئيس الوزراء نجيب ميقاتي أن لبنان ملتزم بالقرار الدولي. وقال: إن الجيش سينتشر في الجنوب."
    doc = analyse(text, [("نجيب ميقاتي", "PERSON"), ("لبنان", "GPE")])
    assert [s for s, _, _ in speakers(doc)] == ["نجيب ميقاتي", "نجيب ميقاتي"]
    assert doc.quotes[1].text == "الجيش سينتشر في الجنوب"


def test_role_refers_back_to_the_named_person(analyse: Callable[..., Document]) -> None:
    text = (
        "التقى وزير الداخلية العراقي محمد الغبان وفدا أمنيا. "
        "ولفت وزير الداخلية إلى أهمية التنسيق، وقال: إن الوزارة ستطبق خططا جديدة."
    )
    doc = analyse(text, [("محمد الغبان", "PERSON")])
    assert speakers(doc) == [("محمد الغبان", False, "الوزارة ستطبق خططا جديدة")]


def test_statement_source_is_the_organisation(analyse: Callable[..., Document]) -> None:
    text = "وذكر بيان لوزارة الداخلية التونسية أن قوات الأمن فككت خلية إرهابية في القصرين."
    doc = analyse(text, [("وزارة الداخلية التونسية", "ORG"), ("القصرين", "GPE")])
    assert speakers(doc) == [("وزارة الداخلية التونسية", False, "قوات الأمن فككت خلية إرهابية في القصرين")]


def test_person_named_earlier_in_the_sentence(analyse: Callable[..., Document]) -> None:
    text = (
        'في أعقاب زيارة قام بها الرئيس قيس سعيد إلى صفاقس وقال خلالها: "الدولة ستبقى واقفة رغم كل الصعوبات".'
    )
    doc = analyse(text, [("قيس سعيد", "PERSON"), ("صفاقس", "GPE")])
    assert speakers(doc) == [("قيس سعيد", True, "الدولة ستبقى واقفة رغم كل الصعوبات")]


def test_writer_aside_is_not_a_quote(analyse: Callable[..., Document]) -> None:
    doc = analyse("يذكر أن المدينة شهدت احتجاجات واسعة العام الماضي.", [])
    assert doc.quotes == []


def test_quote_reported_by_an_agency(analyse: Callable[..., Document]) -> None:
    text = "ونقلت وكالة الأنباء عن الوزير سامي قوله إن المفاوضات ستستأنف قريبا."
    doc = analyse(text, [("وكالة الأنباء", "ORG"), ("سامي", "PERSON")])
    assert speakers(doc) == [("سامي", False, "المفاوضات ستستأنف قريبا")]


def test_quote_after_the_words_with_a_verb_following(analyse: Callable[..., Document]) -> None:
    text = '"لن نقبل بأي حل منقوص للقضية"، قال المتحدث باسم الحركة حازم قاسم.'
    doc = analyse(text, [("حازم قاسم", "PERSON")])
    assert speakers(doc) == [("حازم قاسم", True, "لن نقبل بأي حل منقوص للقضية")]


def test_unnamed_source_is_not_the_last_speaker(analyse: Callable[..., Document]) -> None:
    text = (
        "قال الوزير علي حسن إن الحدود الشمالية آمنة تماما. وقال مصدر عسكري إن القوات قتلت اثنين من المهربين."
    )
    doc = analyse(text, [("علي حسن", "PERSON")])
    assert [s for s, _, _ in speakers(doc)] == ["علي حسن", None]


def test_the_statement_keeps_its_source(analyse: Callable[..., Document]) -> None:
    text = (
        "وقال الديوان الملكي في بيان إن الملك أجرى اتصالا هاتفيا. وأكد البيان أن موقف المملكة ثابت لا يتغير."
    )
    doc = analyse(text, [("الديوان الملكي", "ORG")])
    assert [s for s, _, _ in speakers(doc)] == ["الديوان الملكي", "الديوان الملكي"]


def test_what_a_source_says(analyse: Callable[..., Document]) -> None:
    text = "وبحسب وكالة رويترز، فإن المفاوضات بين الطرفين وصلت إلى طريق مسدود."
    doc = analyse(text, [("وكالة رويترز", "ORG")])
    assert speakers(doc) == [("وكالة رويترز", False, "المفاوضات بين الطرفين وصلت إلى طريق مسدود")]
