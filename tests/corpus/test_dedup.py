"""Near-duplicate detection with MinHash signatures and an LSH index."""

from __future__ import annotations

from marsad.corpus.dedup import THRESHOLD, DuplicateIndex, signature, similarity
from marsad.corpus.search import index_terms

WIRE = (
    "أعلنت وزارة الصحة يوم الثلاثاء افتتاح مستشفى جديد في مدينة الموصل بسعة مئتي سرير ضمن خطة لإعادة "
    "تأهيل القطاع الصحي في المحافظة بعد سنوات من الدمار وقال المتحدث باسم الوزارة إن المستشفى يضم أقساما "
    "للطوارئ والجراحة والأطفال وإن كوادر طبية من عدة محافظات ستلتحق به خلال الشهر الجاري"
)
EDITED = WIRE.replace("يوم الثلاثاء", "الثلاثاء").replace("خلال الشهر الجاري", "قريبا")
OTHER = (
    "انتقدت أحزاب المعارضة في البرلمان مشروع قانون الانتخابات الجديد معتبرة أنه يخدم الأحزاب الكبيرة على "
    "حساب المستقلين وطالب نواب معارضون بإعادة النظر في توزيع الدوائر الانتخابية قبل التصويت النهائي"
)


def test_an_edited_copy_is_similar_and_another_story_is_not() -> None:
    wire, edited, other = (signature(index_terms(text)) for text in (WIRE, EDITED, OTHER))
    assert similarity(wire, wire) == 1.0
    assert similarity(wire, edited) >= THRESHOLD
    assert similarity(wire, other) < 0.2


def test_the_index_finds_the_stored_copy_and_nothing_for_a_new_story() -> None:
    index = DuplicateIndex.from_signatures(
        [(1, signature(index_terms(WIRE))), (2, signature(index_terms(OTHER)))]
    )
    match = index.best_match(signature(index_terms(EDITED)))
    assert match is not None and match[0] == 1 and match[1] >= THRESHOLD
    assert index.best_match(signature(index_terms("خبر مختلف تماما عن الطقس والأمطار في الشمال"))) is None
    index.add(3, signature(index_terms(EDITED)))
    assert len(index) == 3
