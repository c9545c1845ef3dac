"""In-document coreference, on sentences written for these tests with hand-given labels."""

from __future__ import annotations

import pytest

from marsad import resources
from tests.entities.conftest import by_name, entities_of, mention_texts


def test_surname_in_the_headline_joins_the_full_name_later():
    text, entities = entities_of(
        "[[الدليمي|PERSON]] و[[الزعبي|PERSON]] يتفقان على الخطة\n"
        "التقى [[سامر الدليمي|PERSON]] مع [[عمر خالد الزعبي|PERSON]] في "
        "[[عمان|GPE]]. وقال الدليمي إن والزعبي موافق."
    )
    first = by_name(entities, "سامر الدليمي")
    assert first.id == "E1"  # ids follow the first mention, the headline's
    assert mention_texts(first) == ["الدليمي", "سامر الدليمي", "الدليمي"]
    second = by_name(entities, "عمر خالد الزعبي")
    assert second.id == "E2"
    assert [(m.start, m.end) for m in second.mentions] == [(9, 15), (55, 70), (97, 103)]
    assert text[97:103] == "الزعبي" and text[96] == "و"  # found although untagged, and without its و


def test_two_people_sharing_a_family_name_are_never_merged():
    _, entities = entities_of(
        "التقى [[سامر الدليمي|PERSON]] و[[زياد الدليمي|PERSON]] أمس. وقال [[الدليمي|PERSON]] إن الاتفاق قريب."
    )
    people = [e for e in entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["سامر الدليمي", "زياد الدليمي"]
    # the bare family name goes to the one named nearest before it, never to both
    assert mention_texts(people[1]) == ["زياد الدليمي", "الدليمي"]
    assert mention_texts(people[0]) == ["سامر الدليمي"]


def test_role_standing_alone_is_the_person_holding_it():
    text, entities = entities_of(
        "بحث وزير النقل الأردني [[خالد العمري|PERSON]] الخطة. ولفت وزير النقل الأردني إلى أهمية الطرق."
    )
    minister = by_name(entities, "خالد العمري")
    assert minister.roles == ["وزير النقل الأردني"]
    assert mention_texts(minister) == ["خالد العمري", "وزير النقل الأردني"]
    assert minister.mentions[1].start == text.index("وزير النقل الأردني إلى")


def test_acronym_long_name_and_short_form_are_one_organisation():
    _, entities = entities_of(
        'هاجم تنظيم(داعش) المدينة. وأعلن "الدولة الإسلامية في العراق والشام" مسؤوليته، وقال تنظيم الدولة إن'
    )
    groups = [e for e in entities if e.type == "ORG"]
    assert len(groups) == 1
    assert groups[0].name == "الدولة الإسلامية في العراق والشام"
    assert mention_texts(groups[0]) == ["داعش", "الدولة الإسلامية في العراق والشام", "تنظيم الدولة"]


def test_region_and_descriptor_anaphors():
    _, entities = entities_of(
        "زار الوفد [[إقليم الشمال|GPE]] وبحث مع حكومة الإقليم الأمن. "
        "وهاجم تنظيم(الفرقان) القرية، وتبنى التنظيم الهجوم."
    )
    region = by_name(entities, "إقليم الشمال")
    assert mention_texts(region) == ["إقليم الشمال", "الإقليم"]
    group = by_name(entities, "الفرقان")
    assert mention_texts(group) == ["الفرقان", "التنظيم"]


def test_anaphor_with_nothing_to_stand_for_is_left_alone():
    _, entities = entities_of("وبحث الوفد مع حكومة الإقليم الأمن")
    assert entities == []


def test_capital_is_the_place_the_article_names_as_capital():
    _, entities = entities_of(
        "وقال إن خططا جديدة ستطبق في العاصمة. وتقع [[الرقة|GPE]] شمال العاصمة [[دمشق|GPE]]."
    )
    capital = by_name(entities, "دمشق")
    assert mention_texts(capital) == ["العاصمة", "دمشق"]
    _, entities = entities_of("وقال إن خططا جديدة ستطبق في العاصمة [[دمشق|GPE]] و[[حلب|GPE]] والعاصمة")
    assert mention_texts(by_name(entities, "دمشق")) == ["دمشق", "العاصمة"]


def test_capital_left_to_linking_when_the_article_does_not_say():
    _, entities = entities_of("وقال وزير [[الأردن|GPE]] إن خططا جديدة ستطبق في العاصمة")
    assert [e.name for e in entities] == ["الأردن"]
    assert mention_texts(entities[0]) == ["الأردن"]


def test_short_name_after_its_head_and_prefix_of_a_longer_name():
    _, entities = entities_of(
        'تدخل قوات"الوحدة الوطنية" المدينة وقالت قوات الوحدة إن '
        "[[وزارة الداخلية المصرية|ORG]] و[[وزارة الداخلية|ORG]] وافقتا"
    )
    militia = by_name(entities, "الوحدة الوطنية")
    assert mention_texts(militia) == ["الوحدة الوطنية", "الوحدة"]
    ministry = by_name(entities, "وزارة الداخلية المصرية")
    assert mention_texts(ministry) == ["وزارة الداخلية المصرية", "وزارة الداخلية"]


def test_place_with_and_without_its_head_and_spelling_variants():
    _, entities = entities_of("وصل إلى [[محافظة ديالى|GPE]] ثم غادر [[ديالي|GPE]] إلى [[كربلاء|GPE]]")
    governorate = by_name(entities, "محافظة ديالى")
    assert mention_texts(governorate) == ["محافظة ديالى", "ديالي"]


def test_a_country_that_begins_another_countrys_name_stays_apart():
    _, entities = entities_of(
        "وصل وزير خارجية [[روسيا|GPE]] البيضاء إلى العاصمة، وقالت [[روسيا|GPE]] إن "
        "[[غينيا الاستوائية|GPE]] و[[غينيا|GPE]] وقعتا الاتفاق."
    )
    assert [(e.name, mention_texts(e)) for e in entities if e.type == "GPE"] == [
        ("روسيا البيضاء", ["روسيا البيضاء"]),
        ("روسيا", ["روسيا"]),
        ("غينيا الاستوائية", ["غينيا الاستوائية"]),
        ("غينيا", ["غينيا"]),
    ]


def test_south_sudan_is_one_place_and_not_sudan():
    _, entities = entities_of(
        "وتعصف بجنوب السودان الذي انفصل عن السودان حرب أهلية، وزار رئيس جنوب السودان أوغندا."
    )
    assert [(e.name, mention_texts(e)) for e in entities] == [
        ("جنوب السودان", ["جنوب السودان", "جنوب السودان"]),
        ("السودان", ["السودان"]),
    ]


def test_a_body_anaphor_never_stands_for_the_place_its_head_came_before():
    _, entities = entities_of("وقال ضابط في جيش [[جنوب السودان|GPE]] إن الجيش انسحب من المدينة.")
    assert [(e.name, mention_texts(e)) for e in entities] == [("جنوب السودان", ["جنوب السودان"])]


def test_word_containing_a_name_is_not_that_name():
    _, entities = entities_of("وصل [[بغداد|GPE]] الشيخ أبو علي البغدادي والمسؤولون البغداديون")
    city = by_name(entities, "بغداد")
    assert mention_texts(city) == ["بغداد"]
    person = by_name(entities, "أبو علي البغدادي")
    assert person.type == "PERSON" and person.roles == ["الشيخ"]


def test_first_name_alone_joins_the_only_person_with_it():
    _, entities = entities_of("قال [[سامر الدليمي|PERSON]] إن [[سامر|PERSON]] لن يستقيل")
    assert [(e.name, len(e.mentions)) for e in entities] == [("سامر الدليمي", 2)]


def test_theophoric_half_is_no_surname():
    _, entities = entities_of("وقال [[عبد الله الكبيسي|PERSON]] إن الله كريم")
    assert [(e.name, mention_texts(e)) for e in entities] == [("عبد الله الكبيسي", ["عبد الله الكبيسي"])]


def test_role_qualified_otherwise_is_not_the_holder():
    _, entities = entities_of(
        "التقى رئيس الوزراء الأردني [[هاني الملقي|PERSON]] أمس. وقال رئيس الوزراء الإسرائيلي إن "
        "رئيس الوزراء سيزور عمان."
    )
    holder = by_name(entities, "هاني الملقي")
    assert mention_texts(holder) == ["هاني الملقي", "رئيس الوزراء"]


def test_untagged_shared_family_name_goes_to_the_person_named_last_before_it():
    _, entities = entities_of(
        "استقبل [[نيجيرفان البارزاني|PERSON]] الوفد. وبحث البارزاني الأوضاع، "
        "وكان [[مسعود البارزاني|PERSON]] قد التقاه. وقال البارزاني إن"
    )
    first, second = (by_name(entities, n) for n in ("نيجيرفان البارزاني", "مسعود البارزاني"))
    assert mention_texts(first) == ["نيجيرفان البارزاني", "البارزاني"]
    assert mention_texts(second) == ["مسعود البارزاني", "البارزاني"]


def test_place_that_swallowed_a_given_name_gives_it_back():
    if not resources.entity_lexicons().given_names:
        pytest.skip("the tagger's gazetteer table (given names) is not built in this checkout")
    _, entities = entities_of("مع رئيس [[إقليم الشمال خالد|GPE]] الزعبي أمن الحدود")
    assert [(e.name, e.type) for e in entities] == [("إقليم الشمال", "GPE"), ("خالد الزعبي", "PERSON")]
    assert by_name(entities, "خالد الزعبي").roles == ["رئيس إقليم الشمال"]


def test_family_name_is_the_last_word_of_the_full_name_only():
    _, entities = entities_of(
        "قال [[رامي الحمد الله|PERSON]] إن [[رامي الحمد|PERSON]] سيزور غزة. وقال الحمد الله إن الحمد للشعب."
    )
    person = by_name(entities, "رامي الحمد الله")
    assert mention_texts(person) == ["رامي الحمد الله", "رامي الحمد"]


def test_descriptions_and_anaphors_are_mentions_that_do_not_name():
    _, entities = entities_of(
        "قالت الحكومة اللبنانية إن [[حزب الله|ORG]] وافق. وأضاف الحزب أنه سيشارك. وقال [[الحرس الثوري|ORG]] الإيراني إنه مستعد."
    )
    named = {e.name: [(m.text, m.named) for m in e.mentions] for e in entities}
    assert named["الحكومة اللبنانية"] == [("الحكومة اللبنانية", False)]
    assert named["حزب الله"] == [("حزب الله", True), ("الحزب", False)]
    # A head that names a body alone names it with its scope too.
    assert named["الحرس الثوري الإيراني"] == [("الحرس الثوري الإيراني", True)]
    assert entities[0].to_dict()["mentions"][0]["named"] is False


def test_a_foreign_family_name_without_the_article_is_found_again():
    if not resources.entity_lexicons().given_names:
        pytest.skip("the tagger's gazetteer table (given names) is not built in this checkout")
    text, entities = entities_of(
        "وقال الرئيس الأمريكي [[دونالد ترامب|PERSON]] إن بلاده ستنسحب. وكتب ترامب على تويتر أن الاتفاق سيئ."
    )
    person = by_name(entities, "دونالد ترامب")
    assert mention_texts(person) == ["دونالد ترامب", "ترامب"]
    assert text[person.mentions[1].start : person.mentions[1].end] == "ترامب"
    # An Arabic name's last word without the article is a father's given name: سالم alone
    # names nobody.
    _, entities = entities_of("التقى [[محمد سالم|PERSON]] بالوزير. وكتب سالم على تويتر أن الاتفاق قريب.")
    assert [(e.name, mention_texts(e)) for e in entities] == [("محمد سالم", ["محمد سالم"])]


def test_two_spellings_of_one_foreign_name_are_one_person():
    if not resources.entity_lexicons().given_names:
        pytest.skip("the tagger's gazetteer table (given names) is not built in this checkout")
    _, entities = entities_of(
        "قال المدرب [[أرسين فينغر|PERSON]] إن الفريق جاهز. وأضاف [[فينجر|PERSON]] أن "
        "[[ستيلا مكارتني|PERSON]] و[[ستيلا ماكارتني|PERSON]] ضيفتا المباراة."
    )
    assert mention_texts(by_name(entities, "أرسين فينغر")) == ["أرسين فينغر", "فينجر"]
    assert len([e for e in entities if e.type == "PERSON"]) == 2


@pytest.mark.parametrize(
    ("marked", "names"),
    [
        # Short words keep too few letters to tell names apart (Mata, Moto).
        ("سجل [[خوان ماتا|PERSON]] هدفا. وقال [[موتو|PERSON]] إن المباراة صعبة.", ["خوان ماتا", "موتو"]),
        # Two full names with other given names are two people, whatever the spelling.
        (
            "التقت [[ستورمي دانييلز|PERSON]] مع [[ألدوين دانيلز|PERSON]] في المحكمة.",
            ["ستورمي دانييلز", "ألدوين دانيلز"],
        ),
        # Arabic given names are not transliterations: سلمان is not سليمان.
        ("وصل [[سليمان|PERSON]] و[[سلمان|PERSON]] إلى المؤتمر.", ["سليمان", "سلمان"]),
    ],
)
def test_names_that_only_look_alike_stay_apart(marked, names):
    _, entities = entities_of(marked)
    assert [e.name for e in entities if e.type == "PERSON"] == names


def test_god_named_alone_is_not_an_organisation_whose_name_ends_in_allah():
    _, entities = entities_of(
        "وقال [[حزب الله|ORG]] إن قواته انسحبت. وقال الشيخ إن [[الله|ORG]] وحده يعلم متى تنتهي الحرب."
    )
    assert [(e.name, mention_texts(e)) for e in entities] == [
        ("حزب الله", ["حزب الله"]),
        ("الله", ["الله"]),
    ]


def test_a_word_with_tanween_is_no_further_occurrence_of_a_name():
    _, entities = entities_of(
        "وقالت [[روسيا|GPE]] إنها سترد. وطردت [[بريطانيا|GPE]] 23 دبلوماسياً روسياً وأسرهم."
    )
    assert mention_texts(by_name(entities, "روسيا")) == ["روسيا"]  # روسياً: Russians
