"""Mention spans and the news rules, on sentences written for these tests with hand-given labels."""

from __future__ import annotations

import pytest

from marsad import resources
from marsad.entities.mentions import decode_labels, display_name, mention_start
from tests.entities.conftest import annotate, by_name, entities_of, mention_texts


@pytest.mark.parametrize(
    ("word", "start", "name"),
    [
        ("والغبان", 1, "الغبان"),  # conjunction out, article in
        ("لوزارة", 1, "وزارة"),  # preposition out
        ("البارزاني", 0, "البارزاني"),  # the article is part of the name
        ("بالعراق", 1, "العراق"),
        ("للعراق", 1, "العراق"),  # ل + ال: the mention starts at the article's lam
        ("وللعراق", 2, "العراق"),
        ("وَالغَبّان", 2, "الغَبّان"),  # harakat do not shift the offsets
    ],
)
def test_mention_start_leaves_out_proclitics_but_keeps_the_article(word, start, name):
    token = annotate(word).tokens[0]
    assert mention_start(token) == start
    assert display_name(word, [token], 0, 1) == name


def test_decode_labels_reads_iob2_and_tolerates_iob1():
    labels = ["B-PERSON", "I-PERSON", "O", "I-GPE", "B-GPE", "I-ORG", "B-XYZ"]
    assert decode_labels(labels) == [(0, 2, "PERSON"), (3, 4, "GPE"), (4, 5, "GPE"), (5, 6, "ORG")]


def test_tagged_word_with_conjunction_gives_the_name_without_it():
    text, entities = entities_of("التقى [[والجبوري|PERSON]] في [[لبغداد|GPE]] أمس")
    person = by_name(entities, "الجبوري")
    assert [(m.start, m.end) for m in person.mentions] == [(7, 14)]
    assert text[7:14] == "الجبوري"
    assert by_name(entities, "بغداد").mentions[0].text == "بغداد"


def test_lam_article_mention_and_name():
    _text, entities = entities_of("زار الوفد [[للكويت|GPE]] أمس")
    kuwait = by_name(entities, "الكويت")
    assert (kuwait.mentions[0].start, kuwait.mentions[0].end) == (11, 16)
    assert kuwait.mentions[0].text == "لكويت"


def test_ministry_head_makes_an_organisation_the_tagger_missed():
    _text, entities = entities_of("وذكر بيان لوزارة الدفاع السورية أن الهجوم فشل")
    ministry = by_name(entities, "وزارة الدفاع السورية")
    assert ministry.type == "ORG"
    assert [(m.start, m.end) for m in ministry.mentions] == [(11, 31)]


def test_quoted_and_bracketed_names_after_heads():
    _text, entities = entities_of('هاجمت قوات"الوحدة الوطنية" مواقع تنظيم(النصر) وقادة حركة "الأمل" الشيعية')
    militia = by_name(entities, "الوحدة الوطنية")  # قوات only describes: not in the name
    assert militia.type == "ORG" and mention_texts(militia) == ["الوحدة الوطنية"]
    assert militia.mentions[0].start == 11
    group = by_name(entities, "النصر")
    assert group.type == "ORG" and group.mentions[0].start == 39
    movement = by_name(entities, "حركة الأمل")  # حركة belongs to the name
    assert mention_texts(movement) == ["الأمل"]


def test_descriptor_head_tagged_with_the_name_is_trimmed():
    _text, entities = entities_of("أعلن [[تنظيم الفرقان|ORG]] مسؤوليته")
    group = by_name(entities, "الفرقان")
    assert [(m.start, m.end) for m in group.mentions] == [(11, 18)]


def test_generic_forces_without_marks_are_no_organisation():
    _, entities = entities_of("انتشرت قوات الأمن في الشوارع")
    assert entities == []


def test_head_noun_tagged_alone_is_dropped():
    _, entities = entities_of('قال [[منظمة|ORG]]"الرحمة" إن')
    assert [e.name for e in entities] == ["منظمة الرحمة"]


def test_kunya_name_is_one_person_not_a_place():
    _text, entities = entities_of("وأعلن زعيمه أبو عمر [[الموصلي|GPE]] الحرب على [[الموصل|GPE]]")
    person = by_name(entities, "أبو عمر الموصلي")
    assert person.type == "PERSON"
    assert [(m.start, m.end) for m in person.mentions] == [(12, 27)]
    assert person.roles == ["زعيم"]  # زعيمه: the pronoun is not part of the role
    place = by_name(entities, "الموصل")
    assert mention_texts(place) == ["الموصل"]


def test_kunya_before_a_tagged_name_joins_it():
    _, entities = entities_of("استقبل [[أبو|PERSON]] [[مازن|PERSON]] الوفد")
    assert [(e.name, e.type) for e in entities] == [("أبو مازن", "PERSON")]


def test_nasab_links_join_one_name():
    _, entities = entities_of("التقى [[خالد|PERSON]] بن [[زايد|PERSON]] آل نهيان بالوزير")
    assert [(e.name, e.type) for e in entities] == [("خالد بن زايد آل نهيان", "PERSON")]


def test_nationality_adjective_is_not_the_place():
    _, entities = entities_of(
        "دخل الجيش [[الليبي|GPE]] إلى [[ليبيا|GPE]] و[[الليبي|GPE]] مدينة [[طرابلس|GPE]]"
    )
    # The adjective is no place; after an institution head it names the army (see
    # test_institutions.py).
    assert [(e.name, e.type) for e in entities] == [
        ("الجيش الليبي", "ORG"), ("ليبيا", "GPE"), ("طرابلس", "GPE"),
    ]  # fmt: skip
    _, entities = entities_of("دخل الجيش [[السوداني|GPE]] مدينة [[السودان|GPE]]")
    assert [e.name for e in entities] == ["الجيش السوداني", "السودان"]


def test_roles_before_the_name():
    _, entities = entities_of(
        "بحث رئيس [[إقليم الشمال الغربي|GPE]] [[سامر الدليمي|PERSON]] مع "
        "وزير النقل الأردني [[خالد سعيد العمري|PERSON]] الخطة"
    )
    assert by_name(entities, "سامر الدليمي").roles == ["رئيس إقليم الشمال الغربي"]
    assert by_name(entities, "خالد سعيد العمري").roles == ["وزير النقل الأردني"]


def test_role_after_the_name_ends_at_its_organisation():
    _, entities = entities_of('وصرح النائب الأردني [[عمر الزعبي|PERSON]] أمين عام منظمة"الأفق" الخيرية أمس')
    person = by_name(entities, "عمر الزعبي")
    assert person.roles == ["النائب الأردني", "أمين عام منظمة الأفق"]
    assert by_name(entities, "منظمة الأفق").type == "ORG"


def test_role_after_a_name_that_belongs_to_the_next_person():
    _, entities = entities_of(
        "التقى [[الغبان|PERSON]] رئيس [[إقليم الشمال|GPE]] [[سامر الدليمي|PERSON]] في المدينة"
    )
    assert by_name(entities, "الغبان").roles == []
    assert by_name(entities, "سامر الدليمي").roles == ["رئيس إقليم الشمال"]


def test_nearest_role_only_and_titles():
    _, entities = entities_of("استقبل الرئيس التركي وزير الخارجية الإيراني [[محمد جواد ظريف|PERSON]]")
    assert by_name(entities, "محمد جواد ظريف").roles == ["وزير الخارجية الإيراني"]
    _, entities = entities_of("قال قائد عمليات [[الأنبار|GPE]] اللواء [[نجم الكبيسي|PERSON]] إن")
    assert by_name(entities, "نجم الكبيسي").roles == ["اللواء", "قائد عمليات الأنبار"]
    _, entities = entities_of("وقال السيد [[علي الحلو|PERSON]] إن")
    assert by_name(entities, "علي الحلو").roles == []


def test_title_tagged_inside_the_name_goes_to_roles():
    _, entities = entities_of("وصل [[الشيخ حمد الراشد|PERSON]] إلى المدينة")
    person = by_name(entities, "حمد الراشد")
    assert person.roles == ["الشيخ"]
    assert mention_texts(person) == ["حمد الراشد"]


def test_ranks_of_two_words_are_one_role_and_a_rank_alone_is_no_person():
    # The tagger took the rank into the name: the whole rank is the role, read once.
    _, entities = entities_of("وقالت [[اللفتنانت كوماندر ريبيكا ريبرتش|PERSON]] إن الدعم مستمر")
    assert [(e.name, e.roles) for e in entities] == [("ريبيكا ريبرتش", ["اللفتنانت كوماندر"])]
    # The tagger took the first word of the rank for a person of its own.
    _, entities = entities_of("وقال [[الميجر|PERSON]] جنرال [[روبرت جونز|PERSON]] إن القوات مستعدة")
    assert [(e.name, e.roles) for e in entities] == [("روبرت جونز", ["الميجر جنرال"])]


def test_alias_found_without_the_model():
    _, entities = entities_of('وأعلن "الدولة الإسلامية في العراق والشام" مسؤوليته')
    group = by_name(entities, "الدولة الإسلامية في العراق والشام")
    assert group.type == "ORG" and group.mentions[0].start == 7


def test_broadcasters_are_organisations_in_either_script_and_with_a_clitic():
    _, entities = entities_of("[[(CNN)|MISC]]-- قالت الشبكة إن مسؤولا أكد لبي بي سي أن سي إن إن أخطأت.")
    assert [(e.name, e.type) for e in entities] == [("سي إن إن", "ORG"), ("بي بي سي", "ORG")]
    assert [m.text for m in entities[0].mentions] == ["CNN", "سي إن إن"]


def test_ordinary_word_alias_is_not_searched():
    _, entities = entities_of("قرر المجلس فتح الطريق أمام القاعدة الشعبية")
    assert entities == []


def test_tagged_mention_is_cut_before_a_clause_word_and_tanween_words_dropped():
    _, entities = entities_of(
        "وذكر بيان [[لوزارة الصحة الليبية أن الجانبين|ORG]] اتفقا، [[مثنياً|GPE]] على [[طرابلس|GPE]]"
    )
    assert [(e.name, e.type) for e in entities] == [("وزارة الصحة الليبية", "ORG"), ("طرابلس", "GPE")]
    assert entities[0].mentions[0].start == 11


def test_item_of_a_list_takes_the_type_of_its_neighbours():
    _, entities = entities_of(
        "وتمدد إلى محافظات [[حمص|GPE]] و[[خالد بن الوليد|PERSON]] و[[حماة|GPE]] و[[درعا|GPE]]"
    )
    assert by_name(entities, "خالد بن الوليد").type == "GPE"
    _, entities = entities_of("التقى [[حسن|PERSON]] مع [[خالد|PERSON]] في [[حماة|GPE]]")
    assert by_name(entities, "خالد").type == "PERSON"


def test_name_after_a_role_is_found_when_the_tagger_missed_it():
    if not resources.entity_lexicons().given_names:
        pytest.skip("the tagger's gazetteer table (given names) is not built in this checkout")
    _, entities = entities_of(
        "بحث رئيس [[إقليم الشمال|GPE]] مسعود الدليمي ظهر اليوم مع وزير النقل حسن أمس الأول"
    )
    person = by_name(entities, "مسعود الدليمي")
    assert person.type == "PERSON" and person.roles == ["رئيس إقليم الشمال"]
    assert (person.mentions[0].start, person.mentions[0].end) == (22, 35)
    assert [e.name for e in entities] == ["إقليم الشمال", "مسعود الدليمي"]  # حسن أمس الأول: no family name
    # A role whose holder is named already finds no second name after him (نظيره, "his
    # counterpart", normalises to the given name نظيرة).
    _, entities = entities_of(
        "والتقى الرئيس الروسي [[فلاديمير بوتين|PERSON]] نظيره الإيراني [[حسن روحاني|PERSON]] أمس."
    )
    assert [e.name for e in entities] == ["فلاديمير بوتين", "حسن روحاني"]


def test_hashtag_marks_are_not_part_of_a_name():
    text, entities = entities_of("وقال [[#محمود_عباس|PERSON]] إن الرئيس [[محمود عباس|PERSON]] يرفض")
    person = by_name(entities, "محمود عباس")
    assert [(m.start, m.end) for m in person.mentions] == [(6, 16), (27, 37)]
    assert text[6:16] == "محمود_عباس" and text[27:37] == "محمود عباس"


def test_name_particles_and_spelled_acronyms_are_not_cut():
    _, entities = entities_of("قالت شبكة [[سي إن إن|ORG]] إن المدرب [[رود فان خال|PERSON]] استقال")
    assert [(e.name, e.type) for e in entities] == [("سي إن إن", "ORG"), ("رود فان خال", "PERSON")]


def test_nasab_word_before_a_definite_word_or_pronoun_is_no_name_link():
    _, entities = entities_of("قتل [[زياد|PERSON]] ابن أخيه و[[سامي|PERSON]] ابن الملك")
    assert [e.name for e in entities] == ["زياد", "سامي"]


def test_place_is_no_nisba_of_itself_and_no_surname_after_a_name():
    _, entities = entities_of("زار [[ماكرون|PERSON]] [[السعودية|GPE]] ثم [[الإسكندرية|GPE]]")
    assert [(e.name, e.type) for e in entities] == [
        ("ماكرون", "PERSON"),
        ("السعودية", "GPE"),
        ("الإسكندرية", "GPE"),
    ]


def test_adjacent_people_are_one_name_but_coordinated_ones_two():
    _, entities = entities_of("قال [[سمير|PERSON]] [[جعجع|PERSON]] إن [[نبيه|PERSON]] و[[وليد|PERSON]] حضرا")
    assert [e.name for e in entities] == ["سمير جعجع", "نبيه", "وليد"]


def test_preposition_amam_is_no_title():
    _, entities = entities_of("وقالت أمام البرلمان [[تيريزا ماي|PERSON]] إن")
    assert by_name(entities, "تيريزا ماي").roles == []


def test_adjacent_person_after_a_preposition_is_another_person():
    _, entities = entities_of("أهدى [[توفيق الحكيم|PERSON]] [[للوسي يعقوب|PERSON]] كتابه")
    assert [e.name for e in entities] == ["توفيق الحكيم", "لوسي يعقوب"]


def test_day_word_and_trailing_role_word_are_cut_from_tagged_mentions():
    _, entities = entities_of(
        "دعا [[مجلس الأمن الدولي الخميس|ORG]] إلى التهدئة، وقال [[صوفي محمد زعيم|PERSON]] الحركة إن"
    )
    assert [e.name for e in entities] == ["مجلس الأمن الدولي", "صوفي محمد"]


def test_title_before_a_role_word_is_not_joined_to_it():
    _, entities = entities_of("وكان ضمن فريق وزير الدفاع الأميركي [[دونالد رامسفيلد|PERSON]]")
    assert by_name(entities, "دونالد رامسفيلد").roles == ["وزير الدفاع الأميركي"]


def test_mullah_is_a_title():
    _, entities = entities_of("قتل [[الملا عمر الحاج|PERSON]] وقال [[ملا عمر الحاج|PERSON]] سابقا")
    assert [(e.name, e.roles, len(e.mentions)) for e in entities] == [("عمر الحاج", ["الملا", "ملا"], 2)]


def test_given_names_that_look_like_titles_stay_names():
    _, entities = entities_of(
        "التقى [[خليفة بن حمد|PERSON]] مع [[أمين الجميل|PERSON]] و[[جبران باسيل حليف|PERSON]] الرئيس"
    )
    assert [(e.name, e.roles) for e in entities] == [
        ("خليفة بن حمد", []),
        ("أمين الجميل", []),
        ("جبران باسيل", []),
    ]


def test_a_name_ending_in_ali_keeps_it_though_it_normalises_like_ala():
    # علي (Ali) and على (on) normalise alike; only the preposition ends a name early.
    assert [(e.name, e.type) for e in entities_of("استقبل الملك [[الحسن بن علي|PERSON]] أمس.")[1]] == [
        ("الحسن بن علي", "PERSON")
    ]
    assert [e.name for e in entities_of("وقف [[خالد على|PERSON]] الحدود.")[1]] == ["خالد"]


def test_a_name_ending_in_imam_keeps_it_though_it_normalises_like_amam():
    # إمام (the family name) and أمام (in front of) normalise alike; the hamza tells them apart.
    assert [e.name for e in entities_of("قال الفنان [[عادل إمام|PERSON]] إن الفيلم ناجح.")[1]] == [
        "عادل إمام"
    ]
    assert [e.name for e in entities_of("ووقف [[محمد أمام|PERSON]] المحكمة.")[1]] == ["محمد"]


def test_a_known_given_name_is_not_split_into_a_clitic_and_a_two_letter_rest():
    # وليد is a given name, not و + ل + يد ('hand'), whatever the frequency split says.
    _, entities = entities_of("وقال [[وليد جنبلاط|PERSON]] إن الوضع صعب.")
    assert [(e.name, [(m.start, m.end) for m in e.mentions]) for e in entities] == [
        ("وليد جنبلاط", [(5, 16)])
    ]


def test_allah_after_a_role_starts_no_person_inside_an_organisation():
    entities = entities_of("وقال أمين عام [[حزب الله|ORG]] اللبناني إن الوضع صعب.")[1]
    assert [(e.name, e.type) for e in entities] == [("حزب الله", "ORG")]


def test_a_quoted_title_after_a_work_word_is_misc():
    text, entities = entities_of("قدم برنامجا جديدا بعنوان « الناس وأنا » على قناة محلية.")
    title = by_name(entities, "الناس وأنا")
    assert title.type == "MISC"
    assert [(m.start, m.end) for m in title.mentions] == [(27, 37)]
    assert text[27:37] == "الناس وأنا"
    # The title wins over what the tagger found inside it, and a pronoun on the head is fine.
    _, entities = entities_of('وقال في كتابه "[[عودة|PERSON]] الروح" إن [[مصر|GPE]] تغيرت.')
    assert [(e.name, e.type) for e in entities] == [("عودة الروح", "MISC"), ("مصر", "GPE")]
    # Marks after any other word are no title.
    assert [e.name for e in entities_of('قال إن "الحوار" مستمر.')[1]] == []


def test_conflict_actors_named_without_a_head_are_organisations():
    _, entities = entities_of(
        "أعلنت هيئة تحرير الشام سيطرتها على البلدة. وقال المرصد السوري لحقوق الإنسان إن "
        "المرصد السوري وثق الغارات، فيما نفى التحالف العربي ذلك."
    )
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [
        ("هيئة تحرير الشام", "ORG", 1),
        ("المرصد السوري لحقوق الإنسان", "ORG", 2),
        ("التحالف العربي", "ORG", 1),
    ]


def test_a_role_of_two_words_joins_the_role_after_it():
    _, entities = entities_of("يلتقي خلالها ولي العهد الأمير [[محمد بن سلمان|PERSON]] في الرياض.")
    assert by_name(entities, "محمد بن سلمان").roles == ["ولي العهد الأمير"]


def test_a_head_noun_of_a_place_name_joins_it_with_its_type():
    text, entities = entities_of(
        "هبطت الطائرة في لمطار [[القاهرة|GPE]] بعد أن عبرت فوق [[غزة|GPE]] في قطاع [[غزة|GPE]] "
        "وعلى ضفاف نهر [[دجلة|LOC]] قرب مدينة [[الموصل|GPE]]."
    )
    airport = by_name(entities, "مطار القاهرة")
    assert airport.type == "FAC"
    start = text.index("مطار القاهرة")
    assert [(m.start, m.end) for m in airport.mentions] == [(start, start + len("مطار القاهرة"))]
    assert by_name(entities, "قطاع غزة").type == "GPE"
    assert by_name(entities, "نهر دجلة").type == "LOC"
    # The Strip is not the city named alone, and مدينة only cues the kind: it stays outside.
    assert by_name(entities, "غزة").type == "GPE"
    assert by_name(entities, "الموصل").type == "GPE"


def test_a_head_noun_with_the_article_or_inside_another_name_stays_outside():
    _, entities = entities_of("وصل الوفد إلى المطار في [[بغداد|GPE]] ثم زار المتحف [[بغداد|GPE]].")
    assert [e.name for e in entities] == ["بغداد"]
    # A town whose name starts with a head noun is a town: جسر الشغور.
    _, entities = entities_of("سيطرت الفصائل على جسر [[الشغور|GPE]] أمس.")
    assert [(e.name, e.type) for e in entities] == [("جسر الشغور", "GPE")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال رمضان إن الانتخابات ستجري في موعدها.", "رمضان"),
        ("وأعرب كاتس عن قلقه من التصعيد.", "كاتس"),
        # A frequent name that news never writes with the article.
        ('وقال دوتيرتي: "أنا آسف".', "دوتيرتي"),
        ("وقال أيضا إن الاتفاق قريب.", None),
        ("وقال يجب أن نتوقف عن القتال.", None),
        ('أجاب مخارش: "كنت على اتصال بهم".', "مخارش"),
        # Common nouns, pronouns and the complementiser itself name no one.
        ("وقال مسؤول إن الهجوم فشل.", None),
        ("وقال سياسيون إن الحكومة سترحل.", None),
        ("وقال مساعدوه إن الرئيس سيعود غدا.", None),
        ("وقال شاهد إن الجيش أطلق النار.", None),
        ("وقالت ناشطة إن الحملة مستمرة.", None),
        # A name in quotation marks after a noun is no speech: قالت جريدة "ديلي ميل".
        ('وقالت جريدة "ديلي ميل" البريطانية إن المنفذ اعتقل.', None),
        ("وقال لي إن الأمر انتهى.", None),
        ('ثم قال إنه "حلم يتحقق".', None),
        # Without what the verb introduces right after it, the word is no speaker.
        ("وقال رمضان الماضي كلاما آخر.", None),
    ],
)
def test_an_unknown_name_between_a_verb_of_saying_and_what_was_said_is_a_person(text, speaker):
    people = [e.name for e in entities_of(text)[1] if e.type == "PERSON"]
    assert people == ([speaker] if speaker else [])


def test_a_speaker_the_tagger_typed_misc_is_a_person_and_a_capital_keeps_its_type():
    _, entities = entities_of('أجاب [[بيرنز|MISC]] " لن يخيفنا أحد ".')
    assert [(e.name, e.type) for e in entities] == [("بيرنز", "PERSON")]
    _, entities = entities_of("وقالت [[واشنطن|GPE]] إن المحادثات ستستأنف.")
    assert [(e.name, e.type) for e in entities] == [("واشنطن", "GPE")]
    # A text that ends with the name says nothing after it.
    assert [(e.name, e.type) for e in entities_of("أجاب [[بيرنز|MISC]]")[1]] == [("بيرنز", "MISC")]


def test_a_name_particle_starts_a_family_name():
    _, entities = entities_of("هناك لاعبون لا يريد فان باستن رؤيتهم في التشكيلة الأساسية.")
    assert [(e.name, e.type) for e in entities] == [("فان باستن", "PERSON")]
    # Before a person's name the particle joins it, kept whole (not ف + ان).
    _, entities = entities_of("وكان فان [[نيستلروي|PERSON]] أساسيا.")
    assert [e.name for e in entities] == ["فان نيستلروي"]
    # فإن (with hamza) is the conjunction, and a common word after فان names no one.
    assert entities_of("لذا فإن عداوتي لهذا المخلوق لن تنتهي.")[1] == []
    assert entities_of("فان الحكومة قررت ذلك.")[1] == []
    # Text that writes no hamza cannot tell فإن from فان: a rare word after it is no name.
    assert entities_of("بالاضافة الى ذلك فان جمهرة الاسود تواجه خطرا اخر.")[1] == []
    assert entities_of("لا يريد فان باستن رؤيتهم في التشكيلة الاساسية.")[1] == []


def test_a_marked_name_after_a_facility_head_is_a_facility():
    text, entities = entities_of('جرت المباراة على استاد " [[سلتيك بارك|ORG]] " في [[غلاسكو|GPE]] .')
    stadium = by_name(entities, "سلتيك بارك")
    assert stadium.type == "FAC"
    start = text.index("سلتيك")
    assert [(m.start, m.end) for m in stadium.mentions] == [(start, start + len("سلتيك بارك"))]


def test_a_hashtag_is_one_name():
    text, entities = entities_of(
        "اعتذر الرئيس الفلبيني #[[رودريغو|PERSON]]_دوتيرتي عن عباراته في #[[كوريا|GPE]]_الجنوبية."
    )
    assert [(e.name, e.type) for e in entities] == [
        ("رودريغو دوتيرتي", "PERSON"),
        ("كوريا الجنوبية", "GPE"),
    ]
    person = entities[0]
    assert text[person.mentions[0].start : person.mentions[0].end] == "رودريغو_دوتيرتي"
    # A hashtag that goes on with a verb stays as the tagger found it.
    _, entities = entities_of("وانتشر وسم #[[اليمن|GPE]]_ينتصر على الشبكات.")
    assert [e.name for e in entities] == ["اليمن"]


def test_an_event_name_runs_on_over_its_year_or_purpose():
    _, entities = entities_of(
        "فاز بميدالية في [[بطولة العالم|MISC]] 2002 ثم في [[بطولة العالم|MISC]] للمصارعة اليوم."
    )
    assert sorted(e.name for e in entities) == ["بطولة العالم 2002", "بطولة العالم للمصارعة"]
    # An indefinite noun with ل takes the noun it is in construct with.
    _, entities = entities_of(
        "وفاز في [[بطولة العالم لسباقات|MISC]] الهجن ثم في [[كأس العالم|MISC]] لكرة القدم."
    )
    assert sorted(e.name for e in entities) == ["بطولة العالم لسباقات الهجن", "كأس العالم لكرة القدم"]
    # Another mention right after the event stays apart; a plain number is no year.
    _, entities = entities_of("وخسر في [[كأس العالم|MISC]] 3 مباريات.")
    assert [e.name for e in entities] == ["كأس العالم"]


def test_a_model_name_after_a_weapon_head_is_misc():
    _, entities = entities_of("أعلنت تدمير دبابة [[ميركافا|GPE]] وإطلاق قذيفة آر بي جي ومقاتلات إف-35.")
    assert [(e.name, e.type) for e in entities] == [
        ("ميركافا", "MISC"),
        ("آر بي جي", "MISC"),
        ("إف-35", "MISC"),
    ]
    # An organisation or a place named after the head keeps its type.
    _, entities = entities_of("وتطال صواريخ [[حزب الله|ORG]] مدن [[إسرائيل|GPE]] وصواريخ [[كوبا|GPE]].")
    assert [(e.name, e.type) for e in entities] == [("حزب الله", "ORG"), ("إسرائيل", "GPE"), ("كوبا", "GPE")]


def test_particles_and_role_words_start_or_continue_no_name_after_a_role():
    if not resources.entity_lexicons().given_names:
        pytest.skip("the tagger's gazetteer table (given names) is not built in this checkout")
    # ولا, أحد and بأن are also given names once normalised (ولاء, أحد, بان).
    marked = "لم يحضر الرئيس [[بوش|PERSON]] ولا رئيس الوزراء البريطاني الاجتماع."
    assert [e.name for e in entities_of(marked)[1]] == ["بوش"]
    assert entities_of("قال زعيم أحد الأجنحة المتمردة إن الاتفاق فشل.")[1] == []
    assert entities_of("وأكد نائب رئيس التحرير بأن الأمطار الغزيرة مستمرة.")[1] == []


def test_a_person_name_after_a_place_head_is_the_place():
    marked = "واتهم رئيس مجلس محافظة [[صلاح الدين|PERSON]] [[أحمد الجبوري|PERSON]] التنظيم."
    _, entities = entities_of(marked)
    assert [(e.name, e.type) for e in entities] == [("صلاح الدين", "GPE"), ("أحمد الجبوري", "PERSON")]
    assert [(e.name, e.type) for e in entities_of("وقال [[صلاح الدين|PERSON]] إنه سيعود.")[1]] == [
        ("صلاح الدين", "PERSON")
    ]


def test_a_capital_the_tagger_took_for_a_person_speaks_for_its_government():
    marked = "وقالت [[بيونغيانغ|PERSON]] إنها مستعدة للحوار مع [[واشنطن|GPE]]."
    assert [(e.name, e.type) for e in entities_of(marked)[1]] == [("بيونغيانغ", "GPE"), ("واشنطن", "GPE")]
    if not resources.entity_lexicons().given_names:
        pytest.skip("the tagger's gazetteer table (given names) is not built in this checkout")
    # A word that names people too stays a person: صوفيا is a given name, a film's heroine.
    assert [(e.name, e.type) for e in entities_of("وتكشف [[صوفيا|PERSON]] أنها حامل.")[1]] == [
        ("صوفيا", "PERSON")
    ]


def test_words_joined_by_a_hyphen_are_one_name_unless_each_names_someone():
    text = "أعلن [[كيم جونغ|PERSON]]-أون أمس أنه سيلتقي مون جاي-إن. وقال [[جونغ|PERSON]]-أون إن"
    person = by_name(entities_of(text)[1], "كيم جونغ-أون")
    assert [m.text for m in person.mentions] == ["كيم جونغ-أون", "جونغ-أون"]
    # Two mentions of one type across a glued hyphen are one name ...
    assert [e.name for e in entities_of("التقى [[بيتر فالديز|PERSON]]-[[دابينا|PERSON]] أمس")[1]] == [
        "بيتر فالديز-دابينا"
    ]
    # ... unless the word after it names someone or somewhere by itself; spaced, it is a dash.
    marked = "وتأجلت قمة [[ترامب|PERSON]]-كيم ورحلة [[باريس|GPE]]-[[تونس|GPE]] و[[سامر|PERSON]] - نبيل"
    assert [e.name for e in entities_of(marked)[1]] == ["ترامب", "باريس", "تونس", "سامر"]


def test_what_is_named_after_a_person_is_one_mention_and_no_person():
    def names(marked: str) -> list[tuple[str, str]]:
        return [(e.name, e.type) for e in entities_of(marked)[1]]

    assert names("وصل الوفد إلى مطار الملك [[خالد|PERSON]] الدولي.") == [("مطار الملك خالد الدولي", "FAC")]
    # Untagged: the name's words after the honorific (given names, بن, عبد).
    assert names("نقل المصاب إلى مستشفى الملك فيصل التخصصي.") == [("مستشفى الملك فيصل التخصصي", "ORG")]
    assert names("زار الوزير جامعة الأمير سلطان بن عبد العزيز.") == [
        ("جامعة الأمير سلطان بن عبد العزيز", "ORG")
    ]
    # Without an honorific, only a person the tagger found; a place after the head is the
    # place's facility (headed_place_name), a house is no institution.
    assert names("هبطت الطائرة في مطار [[رفيق الحريري|PERSON]].") == [("مطار رفيق الحريري", "FAC")]
    assert names("هبطت الطائرة في مطار [[بيروت|GPE]].") == [("مطار بيروت", "FAC")]
    assert names("زار الوزير منزل [[محمد العلي|PERSON]].") == [("محمد العلي", "PERSON")]
    assert names("وقال [[الملك خالد|PERSON]] إن الزيارة مهمة.") == [("خالد", "PERSON")]


def test_a_name_after_a_role_ends_in_a_family_name_not_a_common_noun():
    if not resources.entity_lexicons().given_names:
        pytest.skip("the tagger's gazetteer table (given names) is not built in this checkout")
    # طالب and صاحب are given names too; المجتمع and الأرض are no family names.
    assert entities_of("وكان الرئيس [[محمود عباس|PERSON]] طالب المجتمع الدولي بالتدخل.")[1][1:] == []
    assert entities_of("وفاز الفريق صاحب الأرض بهدفين.")[1] == []
    # An indefinite nisba after the role noun is its adjective: no unknown name starts there.
    assert entities_of("ظهر ممثل كويتي متوف في عملين على الشاشة.")[1] == []
    # A nisba-shaped family name still ends one: محمد سالم الغبان, found by the rule alone.
    _, entities = entities_of("وقال وزير الداخلية العراقي محمد سالم الغبان إن القوات تقدمت.")
    assert [(e.name, e.type) for e in entities if e.type == "PERSON"] == [("محمد سالم الغبان", "PERSON")]


def test_a_family_name_without_the_article_ends_a_name_the_article_then_uses_alone():
    if not resources.entity_lexicons().given_names:
        pytest.skip("the tagger's gazetteer table (given names) is not built in this checkout")
    # سريع (fast) is a common word; the article's `وقال سريع` shows it is his family name.
    # باسم inside the role is "for", not the given name Basim.
    text = "هدد المتحدث العسكري باسم الجماعة يحيى سريع بالرد. وقال سريع في بيان إن الرد قادم."
    person = by_name(entities_of(text)[1], "يحيى سريع")
    assert person.roles == ["المتحدث العسكري باسم الجماعة"]
    assert [m.text for m in person.mentions] == ["يحيى سريع", "سريع"]
    # Without that later use, a common word after the given name is no family name.
    assert entities_of("هدد المتحدث العسكري باسم الجماعة يحيى سريع بالرد.")[1] == []


def test_no_name_is_read_after_an_honorific_when_a_particle_follows_it():
    assert entities_of("وودع الفريق كأس الملك من ربع النهائي.")[1] == []


def test_a_hashtag_of_name_words_after_a_person_continues_the_name():
    text, entities = entities_of("فرض الرئيس الأميركي [[دونالد|PERSON]] #ترمب رسوما. وقال [[ترمب|PERSON]] إن")
    person = by_name(entities, "دونالد ترمب")
    assert [text[m.start : m.end] for m in person.mentions] == ["دونالد #ترمب", "ترمب"]
    # A hashtag of common words is the article's tag, not the name.
    assert [e.name for e in entities_of("وقال [[محمد|PERSON]] #عاجل إن الوضع هادئ.")[1]] == ["محمد"]


def test_li_after_a_verb_of_saying_is_to_me_not_a_person():
    assert entities_of("اتصل بي الوكيل وقال [[لي|PERSON]] إنه قرأ الخبر.")[1] == []
    # Two-letter words together are still a spelled acronym.
    assert [e.name for e in entities_of("وقالت شبكة [[سي إن إن|ORG]] إن")[1]] == ["سي إن إن"]


def test_a_person_never_starts_with_the_second_half_of_a_compound_name():
    _, entities = entities_of("شنت السلطات حملة ضد أنصار فتح [[الله غولن|PERSON]] أمس.")
    assert [(e.name, e.type) for e in entities] == [("فتح الله غولن", "PERSON")]
    # A word with a clitic before it is not the first half: وقال.
    assert [e.name for e in entities_of("وقال [[الدين غولن|PERSON]] إن")[1]] == ["الدين غولن"]


def test_an_alias_matches_with_its_number_glued_and_a_clitic():
    assert [(e.name, e.type) for e in entities_of("وقال المحامي لفرانس24 إن موكله بخير.")[1]] == [
        ("فرانس24", "ORG")
    ]


def test_a_place_name_the_clitic_analysis_cut_into_is_whole():
    # The text layer reads كاليفورنيا as ك + ال + يفورنيا and وكابل as و + ك + ابل.
    names = [
        e.name for e in entities_of("وقال حاكم ولاية [[كاليفورنيا|GPE]] إن الوفد وصل إلى [[وكابل|GPE]].")[1]
    ]
    assert names == ["كاليفورنيا", "كابل"]
    # A proclitic before a name is still left out: ولبنان is لبنان.
    assert [e.name for e in entities_of("زار الوفد فرنسا [[ولبنان|GPE]].")[1]] == ["لبنان"]


def test_two_people_with_a_hashtag_mark_between_are_one_and_a_compound_is_whole():
    marked = "وعلق الرئيس الروسي [[فلاديمير|PERSON]] #[[بوتين|PERSON]] على الاتهامات."
    assert [e.name for e in entities_of(marked)[1]] == ["فلاديمير بوتين"]
    assert [e.name for e in entities_of("وأكد المدير [[عبد|PERSON]] الحق أن الخطة جاهزة.")[1]] == ["عبد الحق"]


def test_a_month_with_its_other_name_is_no_name_and_a_counted_currency_is_misc():
    assert entities_of("ورفض القانون في [[نيسان|ORG]]/أبريل الماضي.")[1] == []
    assert [(e.name, e.type) for e in entities_of("وأعلنت شركة [[نيسان|ORG]] اليابانية أن")[1]] == [
        ("نيسان", "ORG")
    ]
    marked = "فرضت غرامة بقيمة مليون [[ريال|ORG]] على الشركة."
    assert [(e.name, e.type) for e in entities_of(marked)[1]] == [("ريال", "MISC")]
    assert [(e.name, e.type) for e in entities_of("وفاز [[ريال مدريد|ORG]] أمس.")[1]] == [
        ("ريال مدريد", "ORG")
    ]
    # A count of people is no currency.
    marked = "وتم اعتقال ستة [[فلسطينيين|NORP]] أمس."
    assert [(e.name, e.type) for e in entities_of(marked)[1]] == [("فلسطينيين", "NORP")]


def test_a_city_with_a_masculine_country_adjective_in_a_sports_report_is_its_club():
    # The tagger's place, and an untagged registry town, become clubs without the adjective.
    _, entities = entities_of(
        "وفاز [[سسكا موسكو|ORG]] على [[هامبورغ|GPE]] الألماني 1 - صفر وتعادل ليل الفرنسي."
    )
    assert sorted((e.name, e.type) for e in entities) == [
        ("سسكا موسكو", "ORG"),
        ("ليل", "ORG"),
        ("هامبورغ", "ORG"),
    ]
    # A word that opens the club's name before its city joins it; a club tagged with its
    # adjective loses it.
    _, entities = entities_of(
        "وانتقل اللاعب من بروسيا دورتموند الألماني إلى [[سيلتك الاسكتلندي|ORG]] في المباراة."
    )
    assert sorted(e.name for e in entities) == ["بروسيا دورتموند", "سيلتك"]


def test_a_team_of_a_results_table_is_a_club_of_the_country_in_brackets():
    _, entities = entities_of(
        "نتائج المجموعة : [[سسكا|GPE]] [[موسكو|GPE]] ( [[روسيا|GPE]] ) - كوبنهاغن ( [[الدنمارك|GPE]] ) 1 - صفر"
    )
    clubs = sorted(e.name for e in entities if e.type == "ORG")
    assert clubs == sorted(["سسكا موسكو", "كوبنهاغن"])
    # Outside a sports report the same brackets give a town its country.
    _, entities = entities_of("وصل الوفد إلى [[بغداد|GPE]] ( [[العراق|GPE]] ) أمس.")
    assert {e.type for e in entities} == {"GPE"}


def test_a_city_with_a_country_adjective_outside_sport_or_after_a_head_stays_a_place():
    # No word of sport: the adjective is the city's (a hamlet of the airport's country).
    assert [(e.name, e.type) for e in entities_of("هبطت الطائرة في [[ليل|GPE]] الفرنسي أمس.")[1]] == [
        ("ليل", "GPE")
    ]
    # In construct after a head noun the adjective qualifies the head: مطار عمان الأردني.
    _, entities = entities_of("وصل فريق الإنقاذ إلى مطار [[عمان|GPE]] الأردني قبل المباراة.")
    assert [(e.name, e.type) for e in entities] == [("مطار عمان", "FAC")]
    # A federation is named by its country; the feminine adjective names the town.
    assert entities_of("وغرم الاتحاد الإنجليزي اللاعب بعد المباراة.")[1] == []
    _, entities = entities_of("وأقيمت المباراة في مدينة [[هامبورغ|GPE]] الألمانية.")
    assert [(e.name, e.type) for e in entities] == [("هامبورغ", "GPE")]


def test_a_club_named_by_a_common_word_is_read_as_one_only_in_a_team_s_place():
    # After a position word, beside another club, with a country's adjective.
    _, entities = entities_of("وفي الجولة يجمع لقاء أم صلال مع السد والريان مع الوكرة.")
    assert sorted(e.name for e in entities) == sorted(["أم صلال", "السد", "الريان", "الوكرة"])
    assert {e.type for e in entities} == {"ORG"}
    _, entities = entities_of("وسدد مهاجم الفريق الكرة في مرمى العربي وتأهل على حساب [[النصر العماني|ORG]].")
    assert sorted(e.name for e in entities) == sorted(["العربي", "النصر"])
    # The same words outside a sports report, or in no team's place, are no clubs.
    assert entities_of("وأكد الوزير أن السد سيكتمل مع الشمال في الموسم المقبل.")[1] == []
    assert entities_of("وطالب بتعزيز التعاون مع الشباب العربي.")[1] == []
    # أهداف is also 'objectives', and المالي 'financial' before it is Malian.
    assert entities_of("وناقش الوزيران أهداف التعاون المالي بين البلدين.")[1] == []
    # A word too common to stand alone is a club only with a country's adjective.
    _, entities = entities_of("وتعاقد الأهلي المصري مع لاعب الشباب في المباراة.")
    assert [(e.name, e.type) for e in entities] == [("الأهلي", "ORG")]


def test_a_nationality_tagged_as_a_person_before_one_is_no_one():
    _, entities = entities_of("أصيب مهاجمه الدولي [[الكاميروني|PERSON]] [[صامويل إيتو|PERSON]] بتمزق.")
    assert [(e.name, e.type) for e in entities] == [("صامويل إيتو", "PERSON")]
    # Tagged inside the name it is cut off, and the name's first word is read whole.
    _, entities = entities_of("وافتتح التسجيل مدافعه الدولي [[العاجي كولو توريه|PERSON]] أمس.")
    assert [(e.name, e.type) for e in entities] == [("كولو توريه", "PERSON")]
    # Alone it may be a family name that the article named in full before.
    _, entities = entities_of("وقال [[المصري|PERSON]] إن الحكومة ستستقيل.")
    assert [(e.name, e.type) for e in entities] == [("المصري", "PERSON")]


def test_a_name_with_a_glued_preposition_is_the_name_the_article_writes_without_it():
    _, entities = entities_of(
        "تغلب الألماني [[سيباستيان فيتيل|PERSON]] على المشكلة. وسمح الفريق [[لفيتيل|PERSON]] بإنهاء السباق."
    )
    assert [(e.name, [m.text for m in e.mentions]) for e in entities] == [
        ("سيباستيان فيتيل", ["سيباستيان فيتيل", "فيتيل"])
    ]
    # Without the bare name in the article the word is left as the tagger found it.
    _, entities = entities_of("وسمح الفريق [[لفيتيل|PERSON]] بإنهاء السباق.")
    assert [e.name for e in entities] == ["لفيتيل"]


def test_a_kunya_tagged_alone_takes_the_name_after_it_or_names_no_one():
    assert [e.name for e in entities_of("وكان للمخرجة كاملة [[أبو|PERSON]] ذكري شهادة.")[1]] == ["أبو ذكري"]
    assert [e.name for e in entities_of("وقال [[أبو|PERSON]] الفضل إن الأمر انتهى.")[1]] == ["أبو الفضل"]
    assert entities_of("وقال [[أبو|PERSON]] إن الأمر انتهى.")[1] == []
    # آبي (Abe) normalises to the kunya أبي but is none, and a verb of saying is no name.
    assert [e.name for e in entities_of("وقال إن [[آبي|PERSON]] قال إن الحكومة ستعمل.")[1]] == ["آبي"]
    assert [e.name for e in entities_of("وقال إن [[آبي قال|PERSON]] إن الحكومة ستعمل.")[1]] == ["آبي"]
    # وهو is و + هو ("and he"), though the gazetteer table also holds it (Wuhu): no name.
    said = entities_of('وتقول مريم: "[[أبي|PERSON]] وهو شيعي الأصل لم يعترض".')[1]
    assert [e.name for e in said] == ["مريم"]


def test_a_person_is_cut_before_a_word_with_a_preposition_and_the_article():
    _, entities = entities_of("وتفوق [[زيدان بالكوستاريكي|PERSON]] على منافسه.")
    assert [e.name for e in entities] == ["زيدان"]
    # Foreign names that read as ب or ك + the article stay whole.
    for name in ("رامون كالديرون", "خوان بالاسيوس", "اندريس بوني كالزي"):
        assert [e.name for e in entities_of(f"وقال [[{name}|PERSON]] إن الفريق جاهز.")[1]] == [name]


def test_a_verb_read_as_a_given_name_is_cut_off_another_persons_family_name():
    _, entities = entities_of(
        "وأدان [[أنطونيو غوتيريس|PERSON]] الهجوم. [[ودان غوتيريس|PERSON]] تجنيد الأطفال. وقال [[غوتيريس|PERSON]] إن الحل سياسي."
    )
    assert [(e.name, len(e.mentions)) for e in entities] == [("أنطونيو غوتيريس", 3)]
    # Alone, or beside someone with another family name, a name that starts like a verb stays.
    _, entities = entities_of("وقال [[دان كوتس|PERSON]] إن [[دونالد ترامب|PERSON]] سيقرر.")
    assert [e.name for e in entities] == ["دان كوتس", "دونالد ترامب"]
