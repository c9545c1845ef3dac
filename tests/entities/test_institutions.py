"""Institutions, forces and official bodies (rules.institution_names, aliases, anaphors).

Sentences written for these tests; tagger labels are given by hand (`[[...|TYPE]]`, most
sentences have none), so what is tested is the rules, independent of the trained model.
"""

from __future__ import annotations

from marsad import resources
from marsad.document import Entity
from tests.entities.conftest import by_name, entities_of, mention_texts


def spans(text: str, entity: Entity) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in entity.mentions]


def at(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """The span of the `occurrence`-th occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def names_and_types(entities: list[Entity]) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in entities]


def test_definite_head_with_a_state_adjective_is_an_organisation():
    text, entities = entities_of("قال الجيش الإسرائيلي إن طائراته قصفت مواقع قرب الحدود.")
    assert names_and_types(entities) == [("الجيش الإسرائيلي", "ORG")]
    assert spans(text, entities[0]) == [at(text, "الجيش الإسرائيلي")]


def test_several_bodies_in_one_sentence_and_multi_word_heads():
    text, entities = entities_of(
        "أعلنت القوات المسلحة الأردنية والحرس الثوري الإيراني والسلطات التركية أمس عن مناورات."
    )
    assert names_and_types(entities) == [
        ("القوات المسلحة الأردنية", "ORG"),
        ("الحرس الثوري الإيراني", "ORG"),
        ("السلطات التركية", "ORG"),
    ]
    # The conjunction و stays outside the mention.
    assert spans(text, entities[1]) == [at(text, "الحرس الثوري الإيراني")]
    assert spans(text, entities[2]) == [at(text, "السلطات التركية")]


def test_the_name_ends_with_its_adjectives():
    text, entities = entities_of(
        "وقالت الرئاسة المصرية في بيان إن الحكومة السعودية الجديدة رحبت، وأعلن الجيش الوطني الليبي السيطرة."
    )
    assert names_and_types(entities) == [
        ("الرئاسة المصرية", "ORG"),
        ("الحكومة السعودية", "ORG"),
        ("الجيش الوطني الليبي", "ORG"),  # a nisba-shaped adjective before the state's
    ]
    assert spans(text, entities[1]) == [at(text, "الحكومة السعودية")]


def test_preposition_with_the_article():
    text, entities = entities_of("وجهت الدعوة للحكومة العراقية وبالشرطة الأردنية.")
    government = by_name(entities, "الحكومة العراقية")
    assert mention_texts(government) == ["لحكومة العراقية"]  # ل + ال: from the article's lam
    assert spans(text, by_name(entities, "الشرطة الأردنية")) == [at(text, "الشرطة الأردنية")]


def test_a_body_named_by_a_fixed_phrase_stands_alone():
    text, entities = entities_of(
        "انتشل الدفاع المدني جثثا، وأكد الديوان الملكي المغربي أن الهلال الأحمر الفلسطيني وصل."
    )
    assert names_and_types(entities) == [
        ("الدفاع المدني", "ORG"),
        ("الديوان الملكي المغربي", "ORG"),
        ("الهلال الأحمر الفلسطيني", "ORG"),
    ]
    assert spans(text, entities[0]) == [at(text, "الدفاع المدني")]


def test_generic_heads_without_a_state_adjective_name_nothing():
    _, entities = entities_of(
        "فرقت قوات الأمن المتظاهرين، وقالت الأجهزة الأمنية إن الحكومة الجديدة والجيش لم يتدخلا."
    )
    assert entities == []


def test_indefinite_head_with_a_noun_and_a_scope_adjective():
    text, entities = entities_of(
        "قالت قوات الأمن العراقية ووكالة الأنباء السعودية إن صندوق النقد الدولي وجيش الاحتلال "
        "الإسرائيلي تلقيا رسائل."
    )
    assert names_and_types(entities) == [
        ("قوات الأمن العراقية", "ORG"),  # the descriptor head قوات is kept: it names here
        ("وكالة الأنباء السعودية", "ORG"),
        ("صندوق النقد الدولي", "ORG"),
        ("جيش الاحتلال الإسرائيلي", "ORG"),
    ]
    assert spans(text, entities[1]) == [at(text, "وكالة الأنباء السعودية")]


def test_a_head_after_a_role_word_is_the_role_not_an_organisation():
    _, entities = entities_of(
        "استقبل وزير الدفاع اليمني [[محسن الداعري|PERSON]] قائد الجيش اللبناني [[جوزيف عون|PERSON]]."
    )
    assert names_and_types(entities) == [("محسن الداعري", "PERSON"), ("جوزيف عون", "PERSON")]
    assert entities[0].roles == ["وزير الدفاع اليمني"]
    assert entities[1].roles == ["قائد الجيش اللبناني"]
    _, entities = entities_of("قال وزير الخارجية الأمريكي إن رئيس الحكومة العراقية سيزور واشنطن.")
    assert all(e.type != "ORG" for e in entities)


def test_a_spokesman_speaks_for_the_body():
    text, entities = entities_of("قال المتحدث باسم الجيش الإسرائيلي إن العملية انتهت.")
    assert names_and_types(entities) == [("الجيش الإسرائيلي", "ORG")]
    assert spans(text, entities[0]) == [at(text, "الجيش الإسرائيلي")]


def test_the_model_adjective_is_replaced_by_the_whole_name():
    text, entities = entities_of("قال الجيش [[الإسرائيلي|GPE]] إن [[إسرائيل|GPE]] لن تنسحب.")
    assert names_and_types(entities) == [("الجيش الإسرائيلي", "ORG"), ("إسرائيل", "GPE")]
    assert spans(text, entities[0]) == [at(text, "الجيش الإسرائيلي")]


def test_bodies_without_a_head_noun_from_the_alias_list():
    text, entities = entities_of(
        "قال البيت الأبيض إن الكرملين والبنتاغون ولجماعة الحوثي رسائل، وردت الأونروا."
    )
    assert names_and_types(entities) == [
        ("البيت الأبيض", "ORG"),
        ("الكرملين", "ORG"),
        ("البنتاغون", "ORG"),
        ("جماعة الحوثي", "ORG"),
        ("الأونروا", "ORG"),
    ]
    assert spans(text, entities[2]) == [at(text, "البنتاغون")]
    assert spans(text, entities[3]) == [at(text, "جماعة الحوثي")]


def test_alias_forms_of_one_body_are_one_entity():
    _, entities = entities_of(
        "قالت قوات الدعم السريع إنها سيطرت على المدينة. ونفى الجيش السوداني، واتهم الدعم السريع بالكذب."
    )
    assert names_and_types(entities) == [("قوات الدعم السريع", "ORG"), ("الجيش السوداني", "ORG")]
    assert mention_texts(entities[0]) == ["قوات الدعم السريع"]  # ~الدعم السريع only merges
    _, entities = entities_of("قال [[الدعم السريع|ORG]] إن قوات الدعم السريع لن تنسحب.")
    assert names_and_types(entities) == [("قوات الدعم السريع", "ORG")]
    assert mention_texts(entities[0]) == ["الدعم السريع", "قوات الدعم السريع"]


def test_the_bare_head_later_is_the_same_body():
    text, entities = entities_of("قال الجيش الإسرائيلي إن طائراته قصفت مواقع. وأضاف الجيش أن العملية مستمرة.")
    assert names_and_types(entities) == [("الجيش الإسرائيلي", "ORG")]
    assert spans(text, entities[0]) == [at(text, "الجيش الإسرائيلي"), at(text, "الجيش", 1)]


def test_the_bare_head_goes_to_the_nearest_body_before_it():
    text, entities = entities_of("قصف الجيش السوري القرية. ثم رد الجيش التركي. وقال الجيش إن الرد محدود.")
    syrian, turkish = by_name(entities, "الجيش السوري"), by_name(entities, "الجيش التركي")
    assert spans(text, syrian) == [at(text, "الجيش السوري")]
    assert spans(text, turkish) == [at(text, "الجيش التركي"), at(text, "الجيش", 2)]


def test_a_qualified_head_is_no_anaphor():
    text, entities = entities_of("قال الجيش الإسرائيلي إن الهدوء عاد. والتقى قائد الجيش اللبناني الوفد.")
    assert names_and_types(entities) == [("الجيش الإسرائيلي", "ORG")]
    assert spans(text, entities[0]) == [at(text, "الجيش الإسرائيلي")]


def test_a_ministry_with_and_without_its_adjective():
    _, entities = entities_of(
        "قالت وزارة الصحة الفلسطينية إن عدد القتلى ارتفع، وأضافت وزارة الصحة أن المستشفيات مكتظة."
    )
    assert names_and_types(entities) == [("وزارة الصحة الفلسطينية", "ORG")]
    assert mention_texts(entities[0]) == ["وزارة الصحة الفلسطينية", "وزارة الصحة"]


def test_government_anaphor():
    text, entities = entities_of("وقالت الحكومة العراقية إن الحكومة ستعقد اجتماعا طارئا.")
    assert names_and_types(entities) == [("الحكومة العراقية", "ORG")]
    assert spans(text, entities[0]) == [at(text, "الحكومة العراقية"), at(text, "الحكومة", 1)]


def test_a_definite_head_after_an_indefinite_one():
    text, entities = entities_of("قالت مديرية الأمن العام الأردنية إن مديرية الدفاع المدني أخلت المبنى.")
    assert names_and_types(entities) == [
        ("مديرية الأمن العام الأردنية", "ORG"),
        ("مديرية الدفاع المدني", "ORG"),
    ]
    assert spans(text, entities[1]) == [at(text, "مديرية الدفاع المدني")]


def test_heads_that_are_common_words_name_nothing():
    _, entities = entities_of(
        "تأثرت حركة الملاحة الدولية وحركة الصادرات المصرية، والفيلم من قيادة المخرج الكويتي."
    )
    assert entities == []


def test_a_noun_in_construct_before_the_definite_noun_needs_a_scope_adjective():
    _, entities = entities_of("قال جهاز مكافحة الإرهاب العراقي إن العملية انتهت.")
    assert [(e.name, e.type) for e in entities] == [("جهاز مكافحة الإرهاب العراقي", "ORG")]
    _, entities = entities_of("أعلنت وزارة شؤون المرأة الأفغانية خطة جديدة.")
    assert [(e.name, e.type) for e in entities] == [("وزارة شؤون المرأة الأفغانية", "ORG")]
    # Without a state's or international adjective the phrase is no name.
    _, entities = entities_of("اجتمع مجلس إدارة الشركة أمس.")
    assert entities == []


def test_an_official_body_named_by_rank_and_purpose_is_an_organisation():
    text, entities = entities_of("قالت المفوضية العليا للانتخابات إن نسبة المشاركة بلغت 44%.")
    body = by_name(entities, "المفوضية العليا للانتخابات")
    assert body.type == "ORG" and text[5:31] == "المفوضية العليا للانتخابات"
    assert [(m.start, m.end) for m in body.mentions] == [(5, 31)]
    _, entities = entities_of("وقرر المجلس الأعلى للقوات المسلحة تعطيل الدستور.")
    assert [e.name for e in entities] == ["المجلس الأعلى للقوات المسلحة"]
    # Without the لل noun no body is named.
    assert entities_of("اجتمعت اللجنة العليا أمس.")[1] == []
    # A state's adjective in place of the rank; after a role word the body is named too,
    # and the role keeps it (the corpora mark `رئيس الاتحاد الدولي لكرة القدم` ORG).
    _, entities = entities_of("وأشاد مدير الاتحاد المصري للمصارعة [[مصطفى عبد الله|PERSON]] باللاعبين.")
    assert [(e.name, e.type, e.roles) for e in entities] == [
        ("الاتحاد المصري للمصارعة", "ORG", []),
        ("مصطفى عبد الله", "PERSON", ["مدير الاتحاد المصري للمصارعة"]),
    ]
    # A body whose head and adjective are its whole name is followed by a purpose clause,
    # not a purpose: الاتحاد الأوروبي لتطبيق العقوبات.
    _, entities = entities_of("ودعا الاتحاد الأوروبي لتطبيق العقوبات.")
    assert [e.name for e in entities] == ["الاتحاد الأوروبي"]
    # الجيش is no body head: the purpose noun is not part of it.
    assert [e.name for e in entities_of("وصل الجيش العراقي للموصل أمس.")[1]] == ["الجيش العراقي"]


def test_a_body_s_name_ends_before_a_day_a_title_or_an_affiliation():
    def names(text: str) -> list[str]:
        return [e.name for e in entities_of(text)[1]]

    assert names("وقرر الاتحاد الإسباني لكرة القدم الأربعاء معاقبة النادي.") == [
        "الاتحاد الإسباني لكرة القدم"
    ]
    assert names("وشكر رئيس الهيئة العامة للرياضة الأستاذ تركي الداعمين.")[:1] == ["الهيئة العامة للرياضة"]
    assert names("وقال المركز الوطني للطب النفسي التابع للوزارة إن العيادات مفتوحة.") == [
        "المركز الوطني للطب النفسي"
    ]
    # Adjectives after the purpose noun stay in the name.
    assert names("وأعلنت الهيئة العامة للطيران المدني العماني الخطة.") == [
        "الهيئة العامة للطيران المدني العماني"
    ]


def test_a_movement_named_by_its_programme_needs_no_quotation_marks():
    _, entities = entities_of("وشنت جبهة الخلاص الوطني هجوما، وقالت حركة المقاومة الإسلامية إنها سترد.")
    assert names_and_types(entities) == [
        ("جبهة الخلاص الوطني", "ORG"),
        ("حركة المقاومة الإسلامية", "ORG"),
    ]
    # Without a programme's adjective the head is a common noun.
    assert entities_of("وصل الجنود إلى جبهة القتال الشرقية ضمن حركة النزوح الكبيرة.")[1] == []


def test_a_body_every_state_has_is_described_unless_an_adjective_names_whose():
    def named(text: str) -> list[tuple[str, bool]]:
        return [(e.name, m.named) for e in entities_of(text)[1] for m in e.mentions]

    assert named("وقال أحد أعضاء مجلس الوزراء إن الجلسة انتهت.") == [("مجلس الوزراء", False)]
    assert named("وصوت مجلس النواب الأمريكي على القانون.") == [("مجلس النواب الأمريكي", True)]
    assert named("واجتمع مجلس الأمن أمس.") == [("مجلس الأمن", True)]


def test_an_army_or_police_force_is_named_where_a_government_is_described():
    def named(text: str) -> list[tuple[str, bool]]:
        return [(m.text, m.named) for e in entities_of(text)[1] for m in e.mentions]

    assert named("وقالت الشرطة المصرية إن الحكومة المصرية أمرت الجيش المصري بالانتشار.") == [
        ("الشرطة المصرية", True),
        ("الحكومة المصرية", False),
        ("الجيش المصري", True),
    ]
    # Alone the head is any army: an anaphor of the article's, never a name.
    assert named("أعلن الجيش اللبناني انتشاره، وقال الجيش إن الوضع هادئ.") == [
        ("الجيش اللبناني", True),
        ("الجيش", False),
    ]


def test_every_institution_head_has_a_kind_the_rules_read():
    kinds = set(resources.entity_lexicons().institution_heads.values())
    assert kinds == {"scoped", "force", "name"}
