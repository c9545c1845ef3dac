"""Choosing which place a place name means, from what the article says around it.

طرابلس is Tripoli in Libya or in Lebanon, أربيل the city or its governorate, and صور a
city in Lebanon or in Oman. The article settles it: the countries it names or whose
nationality adjectives it uses (اللبناني), its dateline, the governorates it names, and
the word before the name (محافظة نينوى is the governorate, مدينة الموصل the city). Each
candidate gets a score from these and from a population prior, and the best one wins;
every weight is a named constant here so that the trade-offs can be read and tuned on
the held-out check in `eval/geo/`.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from marsad.linking.match import loose_key, name_key
from marsad.linking.registry import ARAB_LEAGUE, Record

# Prior by kind of place for a bare name: a name that is a country is the country
# (الكويت), a name shared by a city and its governorate is the city (أربيل).
KIND_PRIOR = {"country": 3.0, "city": 1.0, "admin1": 0.0, "admin2": -0.5, "other": -0.5}
# The word before the name says the kind (محافظة, مدينة): bonus if it agrees, malus if not.
CUE_AGREES = 4.0
CUE_DISAGREES = -4.0
# Weight of population: this much per factor of ten inhabitants.
POPULATION_PER_DECADE = 0.5
# A candidate in the country the article is about gets up to this much (its share of
# the article's country evidence times this).
COUNTRY_CONTEXT = 4.0
# A candidate inside a governorate the article names.
ADMIN1_CONTEXT = 1.5
# A capital city, for a bare name.
CAPITAL = 1.0
# Arabic news is mostly about the Arab world: a candidate in a member state of the Arab
# League (registry.ARAB_LEAGUE) gets this much (Gaza in Palestine, not the province of
# Mozambique).
ARAB_WORLD = 1.0
# The gazetteer lacks the population of some towns (most of Palestine); a town without
# one is taken to be this big.
IMPUTED_CITY_POPULATION = 20_000
# A candidate near the other places the article names: up to this much, falling to
# nothing at PROXIMITY_KM (بيت لحم next to القدس is the one in Palestine).
PROXIMITY = 2.0
PROXIMITY_KM = 300.0
# A governorate and a city of its name (of known size) this close are one place: a bare
# name means the city, whatever country each is listed under (القدس: the city, not the Jerusalem
# governorate of Palestine, whose centre lies 26 km west of it).
SAME_PLACE_KM = 50.0
# A town this many times smaller than a namesake city in a country with at least this
# share of the article's evidence is not what the name means (`_without_shadowed`).
DWARFED = 50
SUPPORTED_SHARE = 0.25
# A transliteration variant of a big place's name (سول for سيول) rather than one of its
# spellings: this much less (see `marsad.linking.stage.VARIANT_DOMINANCE`).
VARIANT = 0.5
# Country evidence: a country named once, a nationality adjective, a place that can
# only be in one country, and the dateline.
COUNTRY_MENTION = 1.0
DEMONYM_MENTION = 0.5
UNAMBIGUOUS_PLACE = 0.5
DATELINE = 3.0
# The country code of places in no one country: seas, straits, rivers and regions that
# cross borders (a user-assigned ISO 3166 code; UN/LOCODE uses it for international
# waters). Such a place is never country evidence.
NO_COUNTRY = "XZ"
# A kind word's note in `data/kind_cues.tsv` that starts with this names its singular:
# the word is a dual or plural that marks every name of the list after it.
PLURAL_NOTE = "plural of "
# Endings stripped from a nationality adjective before it is looked up (العراقية, العراقيين).
_ADJECTIVE_ENDINGS = ("يين", "يون", "ين", "ون", "ه", "ان")


@dataclass(frozen=True, slots=True)
class KindCues:
    """Words that mark the kind of the place named after them (see `data/kind_cues.tsv`).

    A word can mark another kind in some countries: منطقة is an area in general but the
    official word for a Saudi province (منطقة نجران is the region, not the city), written
    `other,SA:admin1` in the table and kept in `by_country`.
    """

    kinds: dict[str, str]
    capital_words: frozenset[str]
    by_country: dict[str, dict[str, str]] = field(default_factory=dict)
    # Words of waters (بحيرة, مضيق): بحيرة جنيف without its word is Geneva, another place.
    water_words: frozenset[str] = frozenset()
    # Dual and plural kind words and their singular (حيي, أحياء -> حي): they mark every name
    # of the list after them (حيي التضامن والقدم), looked up with the singular (حي القدم).
    singular: dict[str, str] = field(default_factory=dict)
    # Words of waters and islands (جزيرة, بحيرة): a town is never what they name, so a town
    # the article gives no other reason to think of stays un-geocoded (جزيرتي تيران وصنافير
    # in an article about Egypt and Saudi Arabia is not Tiran, Iran).
    not_town_words: frozenset[str] = frozenset()

    @classmethod
    def from_file(cls, path: Path) -> KindCues:
        kinds: dict[str, str] = {}
        capital_words: set[str] = set()
        by_country: dict[str, dict[str, str]] = {}
        water_words: set[str] = set()
        singular: dict[str, str] = {}
        island_words: set[str] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cue, kinds_field, *note = line.split("\t")
            kind, *exceptions = kinds_field.split(",")
            key = name_key(cue)
            kinds[key] = kind
            kinds.setdefault(loose_key(cue), kind)
            if exceptions:
                local = dict(exception.split(":") for exception in exceptions)
                by_country[key] = local
                by_country.setdefault(loose_key(cue), local)
            if note and "capital" in note[0]:
                capital_words.update({key, loose_key(cue)})
            if note and note[0].startswith("water"):
                water_words.update({key, loose_key(cue)})
            if note and note[0].startswith("island"):
                island_words.update({key, loose_key(cue)})
            if note and note[0].startswith(PLURAL_NOTE):
                singular[key] = name_key(note[0][len(PLURAL_NOTE) :].split()[0].rstrip(":,;"))
                singular.setdefault(loose_key(cue), singular[key])
        # نهري دجلة والفرات: the dual of a water word is one too.
        water_words.update(word for word, one in singular.items() if one in water_words)
        island_words.update(word for word, one in singular.items() if one in island_words)
        return cls(
            kinds, frozenset(capital_words), by_country, frozenset(water_words), singular,
            frozenset(water_words | island_words),
        )  # fmt: skip

    def kind_of(self, word: str) -> str | None:
        """The kind a cue word marks, or None; `word` is a normalised token or its stem."""
        return self.kinds.get(word) or self.kinds.get(loose_key(word))

    def singular_of(self, word: str) -> str | None:
        """The singular of a dual or plural kind word (محافظتي -> محافظه), or None for others."""
        return self.singular.get(word) or self.singular.get(loose_key(word))

    def country_kinds(self, word: str) -> dict[str, str]:
        """The kinds a cue word marks in particular countries (ISO code -> kind), often none."""
        return self.by_country.get(word) or self.by_country.get(loose_key(word)) or {}


@dataclass
class Context:
    """What an article says about where it is: country evidence and named governorates."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: set[str] = field(default_factory=set)

    def share(self, country: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries[country] / total if country and total else 0.0

    def main_country(self) -> str | None:
        if not self.countries:
            return None
        return sorted(self.countries.items(), key=lambda item: (-item[1], item[0]))[0][0]


def adjective_country(stem: str, demonyms: dict[str, str]) -> str | None:
    """The country of a nationality adjective (`عراقيه`, `عراقيين` -> IQ), or None."""
    if len(stem) < 4:
        return None
    if stem in demonyms:
        return demonyms[stem]
    for ending in _ADJECTIVE_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            base = stem[: -len(ending)]
            found = demonyms.get(base) or demonyms.get(base + "ي")
            if found:
                return found
    return None


def score(
    candidate: Record,
    *,
    cue: str | None,
    context: Context,
    capitals: set[str],
    neighbours: list[tuple[float, float]] | None = None,
    country_cues: dict[str, str] | None = None,
    variant: bool = False,
) -> float:
    """How well `candidate` fits a mention with kind cue `cue` in an article with `context`.

    neighbours (list[tuple[float, float]]): where the article's other places were put.
    country_cues (dict[str, str] | None): the kind the cue word marks in particular
        countries (منطقة: a Saudi province), which replaces `cue` for their candidates.
    variant (bool): the candidate was found by a transliteration variant of its name.
    """
    kind = candidate.kind or "other"
    total = KIND_PRIOR.get(kind, 0.0) - (VARIANT if variant else 0.0)
    if cue and country_cues and candidate.country in country_cues:
        cue = country_cues[candidate.country]
    if cue:
        total += CUE_AGREES if cue_agrees(cue, kind) else CUE_DISAGREES
    population = candidate.population or (IMPUTED_CITY_POPULATION if kind == "city" else 0)
    total += POPULATION_PER_DECADE * math.log10(population + 10)
    if candidate.country in ARAB_LEAGUE:
        total += ARAB_WORLD
    if neighbours and candidate.lat is not None and candidate.lon is not None:
        nearest = min(distance_km(candidate.lat, candidate.lon, lat, lon) for lat, lon in neighbours)
        total += PROXIMITY * max(0.0, 1.0 - nearest / PROXIMITY_KM)
    total += COUNTRY_CONTEXT * context.share(candidate.country)
    if candidate.admin1 and candidate.admin1 in context.admin1 and kind != "admin1":
        total += ADMIN1_CONTEXT
    if candidate.id in capitals and cue in (None, "city"):
        total += CAPITAL
    return total


def _without_shadowed(candidates: list[Record], context: Context) -> list[Record]:
    """The candidates of a bare (or city-marked) name, less those another one shadows.

    A governorate is shadowed by a city of its name within SAME_PLACE_KM (القدس); a town
    by a city DWARFED times its size in a country with SUPPORTED_SHARE of the article's
    evidence (أوتاوا in an article about Canada and the US is Ottawa, not Ottawa, Kansas).
    A town of unknown size shadows nothing: dr5hn has a Florida of Puerto Rico at the
    middle of the US state.
    """
    cities = [c for c in candidates if c.kind == "city" and c.population and c.lat is not None]
    supported = [c for c in cities if context.share(c.country) >= SUPPORTED_SHARE]

    def shadowed(c: Record) -> bool:
        if c.kind == "admin1" and c.lat is not None and c.lon is not None:
            return any(distance_km(c.lat, c.lon, t.lat, t.lon) < SAME_PLACE_KM for t in cities)  # type: ignore[arg-type]
        return c.kind == "city" and any(t.population >= DWARFED * max(c.population, 1) for t in supported)

    return [c for c in candidates if not shadowed(c)]


def cue_agrees(cue: str, kind: str) -> bool:
    """Whether a place of `kind` is what a kind word marking `cue` names (مدينة: a city or district)."""
    if cue == "polity":  # what has a capital: عاصمة ماريلاند
        return kind in ("country", "admin1")
    if cue == "admin1":
        return kind == "admin1"
    if cue == "city":
        return kind in ("city", "admin2")
    if cue == "admin2":
        return kind in ("admin2", "city")
    return kind == cue


def choose(
    candidates: list[Record],
    *,
    cue: str | None,
    context: Context,
    capitals: set[str],
    neighbours: list[tuple[float, float]] | None = None,
    country_cues: dict[str, str] | None = None,
    variants: frozenset[str] = frozenset(),
) -> Record:
    """The best-scoring candidate; ties go to the larger place, then the smaller id.

    variants (frozenset[str]): ids of the candidates found by a transliteration variant.
    """
    if cue in (None, "city"):
        candidates = _without_shadowed(candidates, context)

    def rank(candidate: Record) -> tuple[float, int, tuple[int, ...]]:
        fit = score(
            candidate, cue=cue, context=context, capitals=capitals, neighbours=neighbours,
            country_cues=country_cues, variant=candidate.id in variants,
        )  # fmt: skip
        return fit, candidate.population, _neg_id(candidate.id)

    return max(candidates, key=rank)


def _neg_id(identifier: str) -> tuple[int, ...]:
    return tuple(-ord(char) for char in identifier)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
