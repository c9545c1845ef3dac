"""The shipped entity registry: places, countries, actors and name spellings in one SQLite file.

`marsad build-registry` (see `marsad.training.registry`) writes `data/registry.sqlite3`;
this module only reads it. The file is copied into memory once per process, so that
per-document look-ups never touch the disk, and every look-up is one indexed query.

Tables (all text is Arabic in its shipped spelling unless said otherwise):
    entities  id, type, name, latin, kind, country, admin1, lat, lon, population,
              wikidata, codes (CAMEO, `|` between), source, source_id, capital
    aliases   key (`match.name_key`), loose (`match.loose_key`), entity, form
    offices   entity, title (an office as news names it, or ''), title_key (its loose_key), code,
              start, end (ISO days, '' = open)
    names     key, latin, scope ('full' name or one name 'unit')
    demonyms  key (loose key of a nationality adjective), country
    sectors   key (loose key of a sector word), code
    meta      key, value
    skeletons key (`skeleton.arabic_skeleton` of an Arabic alias or `latin_skeleton` of the
              Latin name of a place), entity
    variants  key (`match.vowelless_key` of an Arabic alias), entity, form (the alias): big places only
              (countries, governorates, capitals and large cities), for transliteration
              variants of their names (سول for سيول)
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import MarsadError

SCHEMA = """
CREATE TABLE entities (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, latin TEXT,
    kind TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER,
    wikidata TEXT, codes TEXT, source TEXT NOT NULL, source_id TEXT, capital TEXT
);
CREATE TABLE aliases (key TEXT NOT NULL, loose TEXT NOT NULL, entity TEXT NOT NULL, form TEXT NOT NULL);
CREATE TABLE offices (
    entity TEXT NOT NULL, title TEXT NOT NULL, title_key TEXT NOT NULL, code TEXT NOT NULL,
    start TEXT, "end" TEXT
);
CREATE TABLE names (key TEXT NOT NULL, scope TEXT NOT NULL, latin TEXT NOT NULL, PRIMARY KEY (key, scope));
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT NOT NULL);
CREATE TABLE sectors (key TEXT PRIMARY KEY, code TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE skeletons (key TEXT NOT NULL, entity TEXT NOT NULL);
CREATE TABLE variants (key TEXT NOT NULL, entity TEXT NOT NULL, form TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX aliases_key ON aliases(key);
CREATE INDEX aliases_loose ON aliases(loose);
CREATE INDEX entities_wikidata ON entities(wikidata);
CREATE INDEX entities_latin ON entities(latin COLLATE NOCASE);
CREATE INDEX offices_entity ON offices(entity);
CREATE INDEX offices_title ON offices(title_key);
CREATE INDEX skeletons_key ON skeletons(key);
CREATE INDEX variants_key ON variants(key);
"""

_COLUMN_NAMES = (
    "id", "type", "name", "latin", "kind", "country", "admin1", "lat", "lon", "population", "wikidata",
    "codes", "source", "source_id", "capital",
)  # fmt: skip
_ENTITY_COLUMNS = ", ".join(_COLUMN_NAMES)
_JOINED_COLUMNS = ", ".join(f"e.{name}" for name in _COLUMN_NAMES)


# Member states of the Arab League (ISO 3166 alpha-2), where Arabic news names its towns
# and provinces most: geocoding prefers them, the NER lexicon takes all their towns, and
# the entity rules take their smaller places after a preposition.
ARAB_LEAGUE = frozenset(
    {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO",
     "SD", "SY", "TN", "AE", "YE"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Record:
    """One registry entity. `kb` is what a linked document entity gets as its `kb`."""

    id: str
    type: str
    name: str
    latin: str | None
    kind: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    wikidata: str | None
    codes: tuple[str, ...]
    source: str
    source_id: str | None
    capital: str | None

    @property
    def kb(self) -> str:
        """The Wikidata QID where the source gives a trustworthy one, else the registry id."""
        return self.wikidata or self.id

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "kb": self.kb, "type": self.type, "name": self.name, "latin": self.latin,
            "kind": self.kind, "country": self.country, "admin1": self.admin1, "lat": self.lat,
            "lon": self.lon, "population": self.population, "wikidata": self.wikidata,
            "codes": list(self.codes), "source": self.source, "source_id": self.source_id,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Office:
    """A CAMEO code (and, for hand-listed offices, a title) an entity held over a period."""

    entity: str
    title: str
    code: str
    start: str
    end: str

    def holds_on(self, day: str | None) -> bool:
        """Whether the office was held on `day` (ISO); undated offices always hold."""
        if day is None:
            return not self.start and not self.end
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


def _record(row: tuple) -> Record:
    (id_, type_, name, latin, kind, country, admin1, lat, lon, population, wikidata, codes, source,
     source_id, capital) = row  # fmt: skip
    return Record(
        id_, type_, name, latin, kind, country, admin1, lat, lon, population or 0, wikidata,
        tuple(codes.split("|")) if codes else (), source, source_id, capital,
    )  # fmt: skip


class Registry:
    """Read access to a registry file, held in memory. Use `resources.registry()` for the shipped one."""

    def __init__(self, path: Path):
        if not path.is_file():
            raise MarsadError("E301", path=str(path))
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        try:
            source.backup(self._db)
            self.meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as error:
            raise MarsadError("E302", path=str(path), detail=str(error)) from None
        finally:
            source.close()
        self.path = path
        self.demonyms: dict[str, str] = dict(self._db.execute("SELECT key, country FROM demonyms"))
        self.sectors: dict[str, str] = dict(self._db.execute("SELECT key, code FROM sectors"))
        self.country_names: dict[str, str] = dict(
            self._db.execute(
                "SELECT DISTINCT a.loose, e.country FROM aliases a JOIN entities e ON e.id = a.entity "
                "WHERE e.kind = 'country' ORDER BY a.loose, e.country"
            )
        )
        self.capital_of: dict[str, str] = dict(
            self._db.execute(
                "SELECT country, capital FROM entities WHERE kind = 'country' AND capital IS NOT NULL"
            )
        )

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one registry per process, kept for its life
    def by_key(self, key: str) -> tuple[Record, ...]:
        """Entities with an alias whose `name_key` is `key`."""
        rows = self._db.execute(
            f"SELECT DISTINCT {_JOINED_COLUMNS} "
            "FROM aliases a JOIN entities e ON e.id = a.entity WHERE a.key = ? ORDER BY e.id",
            (key,),
        )
        return tuple(_record(row) for row in rows)

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def by_loose(self, loose: str) -> tuple[Record, ...]:
        """Entities with an alias whose `loose_key` is `loose`."""
        rows = self._db.execute(
            f"SELECT DISTINCT {_JOINED_COLUMNS} "
            "FROM aliases a JOIN entities e ON e.id = a.entity WHERE a.loose = ? ORDER BY e.id",
            (loose,),
        )
        return tuple(_record(row) for row in rows)

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def by_skeleton(self, key: str) -> tuple[Record, ...]:
        """Places whose Arabic or Latin name has the consonant skeleton `key` (see `skeleton`)."""
        rows = self._db.execute(
            f"SELECT DISTINCT {_JOINED_COLUMNS} "
            "FROM skeletons s JOIN entities e ON e.id = s.entity WHERE s.key = ? ORDER BY e.id",
            (key,),
        )
        return tuple(_record(row) for row in rows)

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def by_variant(self, key: str) -> tuple[tuple[Record, str], ...]:
        """Big places with an Arabic alias whose `vowelless_key` is `key`, with that alias (see `match`)."""
        rows = self._db.execute(
            f"SELECT {_JOINED_COLUMNS}, v.form "
            "FROM variants v JOIN entities e ON e.id = v.entity WHERE v.key = ? ORDER BY e.id, v.form",
            (key,),
        )
        return tuple((_record(row[:-1]), row[-1]) for row in rows)

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def get(self, entity_id: str) -> Record | None:
        """The entity with registry id or Wikidata QID `entity_id`, or None."""
        row = self._db.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE id = ? OR wikidata = ? ORDER BY id LIMIT 1",
            (entity_id, entity_id),
        ).fetchone()
        return _record(row) if row else None

    def by_latin(self, latin: str) -> tuple[Record, ...]:
        """Entities whose Latin name is `latin` (any letter case): `Mosul`, `Masoud Barzani`."""
        rows = self._db.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE latin = ? COLLATE NOCASE "
            "ORDER BY population DESC, id",
            (latin.strip(),),
        )
        return tuple(_record(row) for row in rows)

    @functools.lru_cache(maxsize=16384)  # noqa: B019
    def offices(self, entity_id: str) -> tuple[Office, ...]:
        rows = self._db.execute(
            'SELECT entity, title, code, start, "end" FROM offices WHERE entity = ? ORDER BY start, code',
            (entity_id,),
        )
        return tuple(Office(*row) for row in rows)

    @functools.lru_cache(maxsize=4096)  # noqa: B019
    def holders(self, title_key: str) -> tuple[Office, ...]:
        """Everyone who held the office `title_key` (a `loose_key`), with their dates."""
        rows = self._db.execute(
            'SELECT entity, title, code, start, "end" FROM offices WHERE title_key = ? ORDER BY start',
            (title_key,),
        )
        return tuple(Office(*row) for row in rows)

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def spelling(self, key: str, scope: str) -> str | None:
        """The attested Latin spelling of a whole name (`scope="full"`) or a name unit."""
        row = self._db.execute("SELECT latin FROM names WHERE key = ? AND scope = ?", (key, scope)).fetchone()
        return row[0] if row else None

    @functools.cached_property
    def alias_keys(self) -> dict[str, list[str]]:
        """Every alias key, grouped by its first two letters, for fuzzy matching."""
        groups: dict[str, list[str]] = {}
        for (key,) in self._db.execute("SELECT DISTINCT key FROM aliases ORDER BY key"):
            groups.setdefault(key[:2], []).append(key)
        return groups
