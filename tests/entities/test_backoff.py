"""The back-off rules for names the tagger left outside every mention: registry places in
a place context and organisations after a role, on sentences written for these tests
(every word labelled O unless marked, so the rules alone are tested)."""

from __future__ import annotations

from tests.entities.conftest import by_name, entities_of


def _names(marked: str) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in entities_of(marked)[1]]


def test_a_small_registry_place_after_a_head_noun_is_a_place():
    text, entities = entities_of("قصفت الطائرات بلدة كفرنبل صباح اليوم.")
    place = by_name(entities, "كفرنبل")
    assert place.type == "GPE"
    assert [(m.start, m.end) for m in place.mentions] == [(19, 25)]
    assert text[19:25] == "كفرنبل"


def test_a_large_place_after_a_preposition_or_in_a_dateline_is_a_place():
    assert _names("وصل الوفد إلى نواكشوط مساء الأحد.") == [("نواكشوط", "GPE")]
    assert _names("تطوان - افتتح الوزير معرضا للكتاب.") == [("تطوان", "GPE")]
    _, entities = entities_of("اجتمع الطرفان بصفاقس أمس.")
    assert [(m.start, m.end, m.text) for m in by_name(entities, "صفاقس").mentions] == [(15, 20, "صفاقس")]


def test_common_words_and_small_places_after_a_preposition_are_not_places():
    # الحرية is a village in the registry, جنوب a province: only a head noun makes them places.
    assert _names("خرج المتظاهرون من أجل الحرية في جنوب البلاد.") == []
    # A family name is no place: البغدادي is not بغداد.
    assert _names("التقى الوزير بالبغدادي أمس.") == []


def test_an_indefinite_adjective_after_a_place_head_is_no_place():
    assert _names("أعلن التنظيم قيام دولة إسلامية في المنطقة.") == []


def test_a_marked_organisation_head_names_after_a_role_only():
    text, entities = entities_of("قال رئيس حركة الإصلاح الموريتانية إن الحركة ستشارك.")
    org = by_name(entities, "حركة الإصلاح الموريتانية")
    assert org.type == "ORG"
    assert (org.mentions[0].start, org.mentions[0].end) == (9, 33)
    assert text[9:33] == "حركة الإصلاح الموريتانية"
    assert _names("تواصلت حركة النزوح من المدينة.") == []


def test_a_place_head_after_a_role_names_a_place():
    _, entities = entities_of("التقى الوزير رئيس إقليم الجنوب أمس.")
    assert by_name(entities, "إقليم الجنوب").type == "GPE"


def test_a_place_head_tagged_alone_is_dropped():
    assert _names("سقطت قذائف على [[ريف|GPE]] [[دمشق|GPE]].") == [("دمشق", "GPE")]


def test_a_large_place_joined_by_wa_to_a_place_continues_the_list():
    assert _names("امتد القتال إلى محافظات [[كركوك|GPE]] وديالى أمس.") == [("كركوك", "GPE"), ("ديالى", "GPE")]
    # Joined to a person, the same word stays the tagger's call.
    assert _names("التقى [[خالد|PERSON]] وديالى أمس.") == [("خالد", "PERSON")]
