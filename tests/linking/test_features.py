"""Seas, straits, regions and districts (data/features.tsv), kind words and the fixes they brought."""

from __future__ import annotations

from marsad import resources
from marsad.document import Document
from marsad.linking.geocode import distance_km
from marsad.linking.skeleton import arabic_skeleton
from tests.linking.helpers import entity, link, make_doc


def place(text: str, *names: str) -> Document:
    """`text` with each of `names` (every occurrence) as one GPE entity, linked."""
    entities = []
    for name in names:
        spans, start = [], text.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
        entities.append(("GPE", name, spans))
    return link(make_doc(text, entities))


def near(geo, lat: float, lon: float, km: float = 25.0) -> bool:  # type: ignore[no-untyped-def]
    return geo is not None and distance_km(geo.lat, geo.lon, lat, lon) <= km


def test_a_strait_is_in_no_one_country_and_is_no_country_evidence() -> None:
    doc = place("هددت طهران بإغلاق مضيق هرمز أمام ناقلات النفط.", "طهران", "مضيق هرمز")
    hormuz = entity(doc, "مضيق هرمز")
    assert hormuz.kb == "strait:hormuz" and hormuz.latin == "Strait of Hormuz"
    assert hormuz.geo is not None and (hormuz.geo.country, hormuz.geo.kind) == ("XZ", "other")
    assert near(hormuz.geo, 26.57, 56.25)
    assert entity(doc, "طهران").geo.country == "IR"  # type: ignore[union-attr]


def test_regions_waters_and_disputed_areas_news_names() -> None:
    cases = [
        ("تواصل القصف على الغوطة الشرقية قرب دمشق.", "الغوطة الشرقية", "region:eastern-ghouta", 33.55, 36.40),
        ("عاد النازحون إلى سهل نينوى بعد طرد التنظيم.", "سهل نينوى", "plain:nineveh", 36.40, 43.30),
        ("أطلق الجيش الإسرائيلي النار قرب مزارع شبعا.", "مزارع شبعا", "disputed:shebaa-farms", 33.28, 35.72),
        (
            "اعترفت موسكو باستقلال أوسيتيا الجنوبية.",
            "أوسيتيا الجنوبية",
            "disputed:south-ossetia",
            42.30,
            44.00,
        ),
        ("سيطرت قوات حفتر على موانئ الهلال النفطي.", "الهلال النفطي", "region:oil-crescent", 30.50, 18.90),
        ("استهدف الحوثيون سفينة في البحر الأحمر.", "البحر الأحمر", "sea:red-sea", 20.00, 38.50),
        ("تجددت المعارك في إقليم دارفور غربي السودان.", "دارفور", "region:darfur", 13.50, 24.50),
    ]
    for text, name, kb, lat, lon in cases:
        found = entity(place(text, name), name)
        assert found.kb == kb, (name, found.kb)
        assert near(found.geo, lat, lon), name


def test_a_feature_named_by_a_common_word_needs_its_kind_word() -> None:
    # الجزيرة is also "the island" and a television channel: only منطقة الجزيرة is the region.
    text = "تقدمت قوات سوريا الديمقراطية في منطقة الجزيرة شمال شرق سوريا."
    jazira = entity(place(text, "الجزيرة", "سوريا"), "الجزيرة")
    assert jazira.kb == "region:jazira-syria" and jazira.geo.country == "SY"  # type: ignore[union-attr]
    # The same words in an article about Iraq are the Iraqi Jazira desert.
    text = "لاحقت القوات العراقية خلايا التنظيم في منطقة الجزيرة غرب العراق."
    assert entity(place(text, "الجزيرة", "العراق"), "الجزيرة").kb == "desert:jazira-iraq"
    bare = entity(place("قالت الجزيرة إن مراسلها وصل أمس.", "الجزيرة"), "الجزيرة")
    assert bare.kb is None or not bare.kb.startswith(("region:", "desert:"))
    desert = entity(
        place("هاجم التنظيم نقطة عسكرية في البادية السورية.", "البادية السورية"), "البادية السورية"
    )
    assert desert.kb == "desert:syrian-desert"
    assert entity(place("عاش البدو في البادية منذ قرون.", "البادية"), "البادية").geo is None


def test_a_district_is_found_with_its_kind_word() -> None:
    doc = place("انفجرت عبوة ناسفة في حي الشعلة شمال غربي بغداد.", "الشعلة", "بغداد")
    shula = entity(doc, "الشعلة")
    assert shula.kb == "district:shula" and shula.geo is not None and shula.geo.admin1 == "IQ-BG"
    assert entity(place("حملت الشعلة الأولمبية إلى الملعب.", "الشعلة"), "الشعلة").geo is None


def test_mintaqa_is_a_province_in_saudi_arabia() -> None:
    najran = entity(place("اعترضت الدفاعات صاروخا فوق منطقة نجران السعودية.", "نجران"), "نجران")
    assert najran.geo is not None and (najran.geo.kind, najran.geo.admin1) == ("admin1", "SA-10")
    city = entity(place("افتتح مستشفى جديد في مدينة نجران السعودية.", "نجران"), "نجران")
    assert city.geo is not None and city.geo.kind == "city"
    # Elsewhere منطقة is an area: منطقة عفرين is the town's district, not Aleppo governorate.
    afrin = entity(place("دخلت القوات التركية منطقة عفرين السورية.", "عفرين"), "عفرين")
    assert afrin.geo is not None and afrin.geo.kind != "admin1" and afrin.geo.country == "SY"


def test_short_names_and_spellings_news_uses() -> None:
    macedonia = entity(place("فازت مقدونيا على اليونان في المباراة.", "مقدونيا", "اليونان"), "مقدونيا")
    assert macedonia.geo is not None and (macedonia.geo.kind, macedonia.geo.country) == ("country", "MK")
    ahvaz = entity(place("خرج محتجون في الأحواز جنوب غرب إيران.", "الأحواز", "إيران"), "الأحواز")
    assert ahvaz.latin == "Ahvaz" and near(ahvaz.geo, 31.32, 48.67)
    crimea = entity(place("ضمت روسيا شبه جزيرة القرم عام 2014.", "شبه جزيرة القرم"), "شبه جزيرة القرم")
    assert crimea.geo is not None and crimea.geo.admin1 == "UA-43" and crimea.latin == "Crimea"


def test_a_water_word_is_never_stripped_to_find_a_town() -> None:
    lake = entity(place("تقع المدينة على ضفاف بحيرة جنيف.", "بحيرة جنيف"), "بحيرة جنيف")
    assert lake.kb == "lake:geneva"
    # A kind word alone is no name: خليج is not the Gulf (الخليج).
    assert entity(place("تقع المدينة على خليج صغير.", "خليج"), "خليج").geo is None
    # No lake of Baghdad is listed: the name stays un-geocoded rather than become the city.
    assert entity(place("صيد السمك في بحيرة بغداد ممنوع.", "بحيرة بغداد"), "بحيرة بغداد").geo is None


def test_a_gazetteer_row_keeps_a_feature_name_only_with_its_kind_word() -> None:
    text = "زار الوزير محافظة البحر الأحمر في مصر."
    governorate = entity(place(text, "البحر الأحمر", "مصر"), "البحر الأحمر")
    assert governorate.geo is not None and (governorate.geo.kind, governorate.geo.admin1) == (
        "admin1",
        "EG-BA",
    )
    # Machine translations that were common words are gone: الجنوب is not Bahrain's governorate.
    assert entity(place("تقدمت القوات نحو الجنوب.", "الجنوب"), "الجنوب").geo is None
    assert entity(place("سافر إلى أوروبا.", "أوروبا"), "أوروبا").kb == "region:europe"


def test_features_have_no_consonant_skeleton() -> None:
    # Features are reached only through the spellings listed, never by a skeleton guess.
    registry = resources.registry()
    for name in ("مضيق هرمز", "الغوطة الشرقية", "دارفور"):
        assert all(r.source != "marsad:features" for r in registry.by_skeleton(arabic_skeleton(name)))
