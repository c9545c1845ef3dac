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


def test_a_rare_registry_place_after_a_definite_head_and_its_adjective_is_a_place():
    assert _names("وقصفت الطائرات البلدة السورية سرمين أمس.") == [("سرمين", "GPE")]
    # A common word there goes on with the sentence: a trip, not the hamlet رحلة.
    assert _names("وصل الفريق إلى العاصمة الإيطالية رحلة سياحية.") == []


def test_an_indefinite_adjective_after_a_place_head_is_no_place():
    assert _names("أعلن التنظيم قيام دولة إسلامية في المنطقة.") == []
    # Registry hamlets, but words news writes more often with the article: adjectives.
    assert _names("هناك محافظات محاصرة منذ شهور وتواجه دولة عظمى.") == []
    assert _names("وقع الحادث قرب مخيم تابع للمهرجان.") == []
    # A town that is also a common word, written mostly without the article, stays.
    assert _names("سقطت قذائف على مدينة صور صباحا.") == [("صور", "GPE")]


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
    assert _names("سقطت قذائف على [[ريف|GPE]] [[إدلب|GPE]].") == [("إدلب", "GPE")]
    # ريف دمشق, though, is a governorate's name: rule 12 keeps it whole.
    assert _names("سقطت قذائف على [[ريف|GPE]] [[دمشق|GPE]].") == [("ريف دمشق", "GPE")]


def test_a_large_place_joined_by_wa_to_a_place_continues_the_list():
    assert _names("امتد القتال إلى محافظات [[كركوك|GPE]] وديالى أمس.") == [("كركوك", "GPE"), ("ديالى", "GPE")]
    # Joined to a person, the same word stays the tagger's call.
    assert _names("التقى [[خالد|PERSON]] وديالى أمس.") == [("خالد", "PERSON")]


def test_a_place_inside_a_country_name_is_that_country():
    _, entities = entities_of("وصل الوفد إلى جنوب [[أفريقيا|LOC]] أمس.")
    country = by_name(entities, "جنوب أفريقيا")
    assert country.type == "GPE"
    assert [(m.start, m.end) for m in country.mentions] == [(14, 26)]
    # A country inside a longer name is left alone: جنوب لبنان is the south of Lebanon.
    assert _names("قصفت المدفعية جنوب [[لبنان|GPE]] ليلا.") == [("لبنان", "GPE")]


def test_a_country_tagged_as_a_feature_or_a_city_tagged_as_a_person_is_a_gpe():
    assert _names("وصلت البعثة إلى [[غينيا الاستوائية|LOC]] أمس.") == [("غينيا الاستوائية", "GPE")]
    assert _names("عاد الفريق من [[سان فرانسيسكو|PERSON]] أمس.") == [("سان فرانسيسكو", "GPE")]
    # A name that starts with a given name stays a person: صلاح الدين is also Saladin.
    assert _names("أعيد بناء منبر [[صلاح الدين|PERSON]] عام 1993.") == [("صلاح الدين", "PERSON")]
    # A person's name that is only a small town's stays a person.
    assert _names("قال [[سامر خليل|PERSON]] إن الاتفاق صامد.") == [("سامر خليل", "PERSON")]


def test_rare_words_between_a_role_and_a_name_belong_to_the_name():
    text, entities = entities_of("وقال رئيس [[جنوب السودان|GPE]] سلفا [[كير|PERSON]] إن الهدنة صامدة.")
    person = by_name(entities, "سلفا كير")
    assert person.roles == ["رئيس جنوب السودان"]
    assert [(m.start, m.end) for m in person.mentions] == [(23, 31)]
    assert text[23:31] == "سلفا كير"
    # Without a role before them, the same words stay out of the name.
    assert _names("وصل سلفا [[كير|PERSON]] أمس.") == [("كير", "PERSON")]


def test_a_name_no_list_knows_after_a_role_and_its_complement_is_a_person():
    _, entities = entities_of("وقال رئيس جنوب [[أفريقيا|LOC]] جاكوب زوما إن بلاده مستعدة.")
    person = by_name(entities, "جاكوب زوما")
    assert person.type == "PERSON"
    assert person.roles == ["رئيس جنوب أفريقيا"]
    # An indefinite accusative written without tanween is no name (عزما أكيدا).
    assert _names("وقال إن لدى الرئيس الأمريكي عزما اكيدا على المضي.") == []


def test_two_people_side_by_side_stay_two_after_a_definite_family_name():
    assert _names("التقى [[السيسي|PERSON]] [[بوتين|PERSON]] في القاهرة.")[:2] == [
        ("السيسي", "PERSON"),
        ("بوتين", "PERSON"),
    ]
    assert _names("وصل [[عبد العزيز|PERSON]] [[بوتفليقة|PERSON]] أمس.") == [("عبد العزيز بوتفليقة", "PERSON")]


def test_two_places_side_by_side_that_the_registry_names_together_are_one():
    assert _names("صورت الأغنية في [[شبه جزيرة|LOC]] [[سيناء|GPE]] العام الماضي.") == [
        ("شبه جزيرة سيناء", "LOC")
    ]
    # Also over the conjunction of a country's name ...
    assert _names("انتقلت [[البوسنة|GPE]] [[والهرسك|GPE]] إلى مرحلة جديدة.") == [("البوسنة والهرسك", "GPE")]
    # ... but two places that are no one place stay two, with a conjunction or without.
    assert _names("وصل الوفد إلى [[بغداد|GPE]] [[البصرة|GPE]] أمس.") == [("بغداد", "GPE"), ("البصرة", "GPE")]
    assert _names("في [[فلسطين|GPE]] [[ولبنان|GPE]] أمس.") == [("فلسطين", "GPE"), ("لبنان", "GPE")]


def test_a_place_name_in_construct_or_in_an_idiom_is_no_place():
    # مسقط رأسه is one's birthplace; رالي before a place is a rally, not Raleigh.
    assert _names("عاد الشاعر إلى مسقط رأسه في الجنوب.") == []
    assert _names("وانسحب من المشاركة في رالي [[تركيا|GPE]] أمس.") == [("تركيا", "GPE")]
    # Muscat itself, and a place that continues a list with و, are still places.
    assert _names("افتتح المعرض في مسقط أمس.") == [("مسقط", "GPE")]
    assert _names("وصل الوفد إلى نواكشوط [[وداكار|GPE]] أمس.") == [("نواكشوط", "GPE"), ("داكار", "GPE")]
    assert _names("وصل الوفد إلى نواكشوط [[داكار|GPE]] أمس.") == [("داكار", "GPE")]


def test_after_a_preposition_far_places_must_be_very_large_and_common_nouns_are_no_places():
    # حيلة is a province of Bulgaria and الترف a county of China: far and small, not taken.
    assert _names("لجأت الفنانة إلى حيلة ذكية.") == []
    assert _names("يعيش في الترف منذ سنوات.") == []
    # الزاوية is a Libyan city, but زاوية is a common word: here the corner of a screen.
    assert _names("يظهر الرمز في الزاوية العلوية من الشاشة.") == []
    # A very large city far away, and a town of the Arab world, still are places.
    assert _names("توفي أثناء وجوده في بنغالور أمس.") == [("بنغالور", "GPE")]
    assert _names("خسر الفريق في الرفاع أمس.") == [("الرفاع", "GPE")]
