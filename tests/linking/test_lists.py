"""Dual and plural kind words before lists of names, a governorate named after its seat, and
towns a water or island word rules out (data/kind_cues.tsv)."""

from __future__ import annotations

from marsad import resources
from marsad.document import Document
from tests.linking.helpers import entity, link, make_doc


def place(text: str, *names: str) -> Document:
    """`text` with the first occurrence of each of `names` as one GPE entity, linked."""
    entities = []
    for name in names:
        start = text.find(name)
        entities.append(("GPE", name, [(start, start + len(name))]))
    return link(make_doc(text, entities))


def test_a_dual_kind_word_marks_both_names_of_its_list() -> None:
    doc = place("قصف الطيران حيي التضامن والقدم جنوب دمشق.", "التضامن", "القدم", "دمشق")
    assert entity(doc, "التضامن").kb == "district:tadamon"
    assert entity(doc, "القدم").kb == "district:qadam"  # listed only as حي القدم
    assert entity(doc, "القدم").geo.country == "SY"  # type: ignore[union-attr]


def test_a_dual_governorate_word_makes_both_names_governorates() -> None:
    doc = place("نزح آلاف من محافظتي حلب وإدلب نحو الحدود التركية.", "حلب", "إدلب")
    for name, code in (("حلب", "SY-HL"), ("إدلب", "SY-ID")):
        geo = entity(doc, name).geo
        assert geo is not None and (geo.kind, geo.admin1) == ("admin1", code), name
    doc = place("نزح آلاف من مدينتي حلب وإدلب نحو الحدود التركية.", "حلب", "إدلب")
    assert [entity(doc, n).geo.kind for n in ("حلب", "إدلب")] == ["city", "city"]  # type: ignore[union-attr]


def test_a_plural_word_reaches_every_name_of_a_longer_list() -> None:
    text = "شملت الحملة محافظات نينوى، وصلاح الدين وكركوك شمال العراق."
    doc = place(text, "نينوى", "صلاح الدين", "كركوك", "العراق")
    for name, code in (("نينوى", "IQ-NI"), ("صلاح الدين", "IQ-SD"), ("كركوك", "IQ-KI")):
        geo = entity(doc, name).geo
        assert geo is not None and (geo.kind, geo.admin1) == ("admin1", code), name


def test_a_list_word_needs_a_name_right_before_each_link() -> None:
    # Between حيي and القدم stands a word that is no place: القدم is not marked, and bare
    # القدم ("the foot") names nothing.
    doc = place("قصف حيي التضامن الشمالي والقدم.", "التضامن", "القدم")
    assert entity(doc, "القدم").kb is None


def test_a_governorate_named_after_its_seat() -> None:
    doc = place("قتل أكاديمي زملاءه في جامعة بإقليم إسكيشهر التركي.", "إسكيشهر")
    geo = entity(doc, "إسكيشهر").geo
    assert geo is not None and (geo.kind, geo.admin1) == ("admin1", "TR-26")


def test_the_dual_of_island_finds_the_islands_not_a_town() -> None:
    doc = place(
        "أقرت مصر اتفاقا مع السعودية نقل جزيرتي تيران وصنافير في البحر الأحمر.",
        "مصر", "السعودية", "تيران", "صنافير",
    )  # fmt: skip
    assert entity(doc, "تيران").kb == "island:tiran"
    assert entity(doc, "صنافير").kb == "island:sanafir"


def test_a_town_an_island_word_rules_out_stays_unplaced() -> None:
    cues = resources.linker().cues
    assert {"جزيره", "جزيرتي", "بحيره", "نهري"} <= cues.not_town_words
    # قم is Qom, a city in Iran: after مدينة it is, after جزيرة in an article about Egypt not.
    doc = place("أعلنت مصر أن مدينة قم لم تتأثر بالعاصفة.", "قم", "مصر")
    assert entity(doc, "قم").geo.country == "IR"  # type: ignore[union-attr]
    doc = place("أعلنت مصر أن جزيرة قم لم تتأثر بالعاصفة.", "قم", "مصر")
    assert entity(doc, "قم").geo is None and entity(doc, "قم").kb is None
    # An island's town in a country the article names otherwise is kept.
    doc = place("أعلنت السلطات السورية أن جزيرة أرواد قبالة طرطوس لم تتأثر.", "أرواد", "طرطوس")
    assert entity(doc, "أرواد").geo.country == "SY"  # type: ignore[union-attr]


def test_a_list_word_yields_to_a_bare_mention_of_the_same_name() -> None:
    # كركوك once in a governorates' list and once bare: the name means the city.
    text = "امتد التنظيم إلى محافظات نينوى وكركوك، ثم زار الوفد كركوك."
    first, second = text.find("كركوك"), text.rfind("كركوك")
    nineveh = text.find("نينوى")
    doc = link(
        make_doc(
            text,
            [
                ("GPE", "نينوى", [(nineveh, nineveh + 5)]),
                ("GPE", "كركوك", [(first, first + 5), (second, second + 5)]),
            ],
        )
    )
    assert entity(doc, "كركوك").geo.kind == "city"  # type: ignore[union-attr]
    assert entity(doc, "نينوى").geo.kind == "admin1"  # type: ignore[union-attr]


def test_a_states_list_makes_georgia_the_us_state() -> None:
    doc = place("تتجه العاصفة نحو ولايات ألاباما وجورجيا وتكساس.", "ألاباما", "جورجيا", "تكساس")
    geo = entity(doc, "جورجيا").geo
    assert geo is not None and (geo.country, geo.kind) == ("US", "admin1")


def test_districts_suburbs_and_waters_added_after_batch_e() -> None:
    cases = [
        ("قصفت الطائرات بلدة يلدا جنوب دمشق.", "يلدا", "town:yalda"),
        ("اشتبكت فصائل في حي بابا عمرو بمدينة حمص.", "بابا عمرو", "district:baba-amr"),
        ("انفجرت سيارة في برج البراجنة جنوب بيروت.", "برج البراجنة", "district:burj-al-barajneh"),
        ("تقدمت القوات نحو ميناء الحديدة غربي اليمن.", "ميناء الحديدة", "site:hodeidah-port"),
        ("نزح السكان من حي تل السلطان في رفح.", "تل السلطان", "district:tal-al-sultan"),
        ("تلوثت مياه بحيرة بايكال في روسيا.", "بحيرة بايكال", "lake:baikal"),
        ("وصل مهاجرون إلى جزيرة ليسبوس اليونانية.", "جزيرة ليسبوس", "island:lesbos"),
        ("غرق قارب في مضيق صقلية.", "مضيق صقلية", "strait:sicily"),
        ("عبرت سفن حربية بحر مرمرة نحو البحر الأسود.", "بحر مرمرة", "sea:marmara"),
    ]
    for text, name, kb in cases:
        assert entity(place(text, name), name).kb == kb, name
    # Common words stay off the table without their kind word: الحصبة is measles.
    assert "district:hasaba" not in {r.id for r in resources.registry().by_key("الحصبه")}
    assert entity(place("قصف الطيران حي الحصبة في صنعاء.", "الحصبة"), "الحصبة").kb == "district:hasaba"


def test_country_specific_province_words_and_spellings() -> None:
    cases = [
        ("احتج السكان في جهة الشرق بالمغرب.", "الشرق", ("MA", "admin1", "MA-02")),
        ("احتج السكان في جهة سوس ماسة بالمغرب.", "سوس ماسة", ("MA", "admin1", "MA-09")),
        ("قتل جنود في ولاية هطاي التركية.", "هطاي", ("TR", "admin1", "TR-31")),
        ("تظاهر السكان في استان خوزستان.", "خوزستان", ("IR", "admin1", "IR-06")),
        # جهة is "a side" elsewhere: a country after it stays the country.
        ("تقدمت القوات من جهة سوريا نحو الحدود.", "سوريا", ("SY", "country", None)),
    ]
    for text, name, (country, kind, admin1) in cases:
        geo = entity(place(text, name), name).geo
        assert geo is not None and (geo.country, geo.kind, geo.admin1) == (country, kind, admin1), name
