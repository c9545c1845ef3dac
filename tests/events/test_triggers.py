"""Trigger matching: inflections, clitics, verbal nouns, NEEDS and the words that are not triggers."""

from __future__ import annotations

import pytest

from marsad.events.stage import EventCoder
from marsad.events.triggers import noun_forms, readings, verb_forms
from marsad.text import tokenize


def first_trigger(coder: EventCoder, text: str) -> tuple[str, str, str] | None:
    tokens = tokenize(text)
    for index in range(len(tokens)):
        match = coder.triggers.match(tokens, index)
        if match is not None:
            return tokens[index].text, match.entry.plover, match.entry.cameo
    return None


def test_verb_forms_cover_persons_numbers_and_weak_stems() -> None:
    forms = verb_forms("اتفق", "يتفق")
    assert {"اتفق", "اتفقت", "اتفقا", "اتفقوا", "يتفق", "تتفق", "يتفقان", "يتفقون", "نتفق"} <= forms
    weak = verb_forms("التقي", "يلتقي")
    assert {"التقي", "التقت", "التقوا", "التقيا", "يلتقي", "يلتقون", "تلتقي"} <= weak


def test_noun_forms_add_construct_and_dual() -> None:
    assert {"زياره", "زيارت", "زيارتان"} <= noun_forms("زياره")
    assert {"اعتقال", "اعتقالا", "اعتقالين"} <= noun_forms("اعتقال")


def test_readings_peel_conjunction_future_article_and_pronoun() -> None:
    peeled = {(r.form, r.conjunction, r.proclitic, r.article, r.enclitic) for r in readings("وستعمل")}
    assert ("تعمل", "و", "س", False, "") in peeled
    assert ("اعتقال", "", "ب", True, "") in {
        (r.form, r.conjunction, r.proclitic, r.article, r.enclitic) for r in readings("بالاعتقال")
    }
    assert ("استقبل", "و", "", False, "ه") in {
        (r.form, r.conjunction, r.proclitic, r.article, r.enclitic) for r in readings("واستقبله")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("والتقى الوزير نظيره", ("والتقى", "CONSULT", "040")),
        ("اجتمعت اللجنة اليوم", ("اجتمعت", "CONSULT", "040")),
        ("واستقبله الرئيس في القصر", ("واستقبله", "CONSULT", "043")),
        ("وقعت الحكومة اتفاقا مع المعارضة", ("وقعت", "AGREE", "057")),
        ("أدان الوزير الهجوم", ("أدان", "ACCUSE", "111")),
        ("وتظاهر الطلاب أمام الوزارة", ("وتظاهر", "PROTEST", "141")),
        ("فرضت الحكومة عقوبات على الشركة", ("فرضت", "SANCTION", "163")),
        ("وسيطر المسلحون على البلدة", ("وسيطر", "COERCE", "192")),
        ("قصفت الطائرات المدينة", ("قصفت", "ASSAULT", "190")),
        ("بعد الاجتماع الطارئ", ("الاجتماع", "CONSULT", "040")),
        ("أعقب الاعتقال احتجاج", ("الاعتقال", "COERCE", "173")),
        ("في زيارته الأولى", ("زيارته", "CONSULT", "042")),
        ("وسيرسل الجيش تعزيزات إلى الحدود", ("وسيرسل", "MOBILIZE", "154")),
    ],
)
def test_triggers_in_their_forms(coder: EventCoder, text: str, expected: tuple[str, str, str]) -> None:
    assert first_trigger(coder, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "بحث الطلاب في المكتبة عن الكتب",  # بحث without مع is research, not a meeting
        "وقع الحادث صباحا",  # وقع without an agreement is 'happened'
        "والتقرير الذي نشر",  # ال on a verb form
        "خرج الناس رفضا لقرار الحكومة",  # accusative verbal noun spelled like a dual verb
    ],
)
def test_words_that_are_not_triggers(coder: EventCoder, text: str) -> None:
    assert first_trigger(coder, text) is None


def test_release_and_fire_are_told_apart_by_their_object(coder: EventCoder) -> None:
    assert first_trigger(coder, "أطلقت السلطات سراح المعتقلين") == ("أطلقت", "RETREAT", "0841")
    assert first_trigger(coder, "أطلق المسلحون النار على الحافلة") == ("أطلق", "ASSAULT", "190")
