from marsad import resources
from marsad.linking.latin import Peoples, Romanizer, name_units, romanize_rules
from tests.linking.helpers import link, make_doc


def romanizer() -> Romanizer:
    registry = resources.registry()
    return Romanizer(lambda k: registry.spelling(k, "full"), lambda k: registry.spelling(k, "unit"))


def test_people_take_attested_spellings() -> None:
    assert romanizer().person("مسعود البارزاني") == "Masoud Barzani"
    assert romanizer().person("حيدر العبادي") == "Haider al-Abadi"


def test_unknown_units_fall_back_to_rules_in_press_style() -> None:
    # الغبان is attested as a unit; a made-up surname is romanised by rule with a lower-case al-.
    assert romanizer().person("محمد سالم الغبان") == "Mohamed Salem al-Ghabban"
    assert romanizer().person("هادي الزمبرقي").startswith("Hadi al-Z")


def test_rules() -> None:
    assert romanize_rules("بغداد") == "Baghdad"
    assert romanize_rules("عين العرب") == "Ain al-Arab"
    assert romanize_rules("الغبان") == "Al-Ghaban"


def test_name_units_keep_particles_together() -> None:
    assert name_units("عبد الرحمن بن علي") == ["عبد الرحمن", "بن علي"]
    assert name_units("سيف الدين ابو بكر") == ["سيف الدين", "ابو بكر"]
    assert name_units("سلمان بن عبد العزيز") == ["سلمان", "بن", "عبد العزيز"]


def test_press_spellings_override_namesakes() -> None:
    # The Wikidata index knows بوتين only as an Algerian surname (Boutine).
    assert romanizer().person("فلاديمير بوتين") == "Vladimir Putin"
    assert romanizer().person("سلمان بن عبد العزيز") == "Salman bin Abdelaziz"


def test_peoples_take_their_english_names_listed_or_through_their_nationality() -> None:
    peoples = Peoples.from_file(resources.data_file("linking", "peoples.tsv"))
    demonyms = resources.registry().demonyms
    assert peoples.latin("الأكراد", demonyms) == "Kurds"
    assert peoples.latin("المسلمون", demonyms) == "Muslims"  # -ون read as -ين
    assert peoples.latin("العراقيين", demonyms) == "Iraqis"  # عراقي -> IQ -> Iraqis
    assert peoples.latin("السوريون", demonyms) == "Syrians"
    assert peoples.latin("الأصدقاء", demonyms) is None


def test_a_sect_typed_as_an_organisation_keeps_its_english_name() -> None:
    # ANERcorp, and so the tagger, calls sects organisations.
    text = "قال زعماء السنة والشيعة إنهم يرفضون العنف."
    doc = link(make_doc(text, [("ORG", "السنة", [(10, 15)]), ("ORG", "الشيعة", [(17, 23)])]))
    assert [(e.type, e.latin) for e in doc.entities] == [("ORG", "Sunnis"), ("ORG", "Shia")]
