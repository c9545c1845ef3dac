"""The linking stage: registry ids, Latin names, roles over time and coordinates for entities.

Runs after the entity stage. For each entity it finds registry candidates by its name
and mention forms (exact key; the name without a kind word such as محافظة; articles
ignored; last a fuzzy match), keeps only candidates of a compatible type, and links only when one
candidate is clearly meant: a wrong link is worse than none. Places are chosen by
`geocode.choose` in the light of the whole article; people and organisations need an
unambiguous match or, for people named by their office, the holder of that office on
the article's date.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from marsad import resources
from marsad.document import Document, Entity, Geo, Token
from marsad.linking.geocode import (
    COUNTRY_MENTION,
    DATELINE,
    DEMONYM_MENTION,
    NO_COUNTRY,
    UNAMBIGUOUS_PLACE,
    Context,
    KindCues,
    adjective_country,
    choose,
    cue_agrees,
    distance_km,
)
from marsad.linking.latin import Peoples, Romanizer, name_units
from marsad.linking.match import ARTICLE, loose_key, name_key, vowelless_key
from marsad.linking.registry import Office, Record, Registry
from marsad.linking.skeleton import READING_AGREEMENT, arabic_skeleton, close, reading_ratio

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# A fuzzy match must be this similar (rapidfuzz ratio, 0-100) and the name this long.
FUZZY_PLACE_CUTOFF = 90.0
FUZZY_NAME_CUTOFF = 92.0
FUZZY_MIN_LENGTH = 6
# A place matched only fuzzily must be at least this big, or a governorate or country.
FUZZY_MIN_POPULATION = 50_000
# A place this big is a plausible reading of its name when the article's countries are weighed.
PLAUSIBLE_POPULATION = 100_000
# A dateline is a place name this close to the start of the body, before a dash or colon.
DATELINE_WINDOW = 40
ROLE_PREFIX = "CAMEO:"


# A city this many times bigger than every namesake in another country is country
# evidence all the same (see `_dominant_country`).
DOMINANT_FACTOR = 10
# Last resort for a name the registry does not hold in any spelling: places whose Arabic
# or Latin name has the same consonant skeleton (`skeleton`), this long at least, in a
# country that has at least this share of the article's country evidence.
SKELETON_MIN_LENGTH = 4
SKELETON_MIN_SHARE = 0.25
# ... and only when every place so found lies within this distance of the others.
SKELETON_SAME_PLACE_KM = 25.0
# Transliteration variants (`match.vowelless_key`: سول / سيول, ميريلاند / ماريلاند) of
# big places' names are candidates when no spelling matched, or, beside what did match,
# when the variant place is this many times bigger than every match (جاكرتا: Jakarta,
# not Jakartovice), or when it lies in a country with SKELETON_MIN_SHARE of the
# article's evidence and no match does. They then compete with a malus (`geocode`).
VARIANT_DOMINANCE = 10
# ... and beside a match only when its vowel-less key keeps this many letters: short
# names that differ by a vowel letter are other words (الحزم is not حزام).
VARIANT_BESIDE_MATCH_LENGTH = 4
# A variant must read like the form (`skeleton.close`: سنتوسا is not سانتوس), and one the
# article's countries do not support must be a country, a governorate, a capital or a
# city of this many people (ميريلاند: the states of Maryland).
VARIANT_ALONE_POPULATION = 1_000_000
# A town smaller than this in a country the article gives no evidence for, when it gives
# evidence for others, and farther than LONE_TOWN_KM from every other place the article
# names and from the capitals of its countries, is a namesake rather than what the
# article means (العيساوية, a district of Jerusalem, is also a Saudi village; الجنين, the
# foetus, is not Jenin in an article from Cairo): left un-geocoded. Jenin in an article
# that names only Israel lies near its capital and stays.
LONE_TOWN_POPULATION = 20_000
LONE_TOWN_KM = 200.0
# ... unless Marsad's own tables list it (features.tsv, places_extra.tsv): a district of
# Jerusalem is meant in an article that names only Israel.
CURATED_SOURCE = "marsad"
# A dual or plural kind word marks the names of the list after it (حيي التضامن والقدم),
# up to this many, joined by و or a comma.
LIST_NAMES = 6
# ... and weighs this much against a singular kind word before another mention of the name.
LIST_CUE_WEIGHT = 0.5
AND = "و"
LIST_COMMAS = ("،", ",")


@dataclass
class _Place:
    entity: Entity
    candidates: list[Record]
    cue: str | None
    capital: bool
    # (consonant skeleton, the name it came from) of each form, when no spelling matched.
    skeletons: tuple[tuple[str, str], ...] = ()
    # The kind the cue word marks in particular countries (منطقة: a Saudi province).
    country_cues: dict[str, str] = field(default_factory=dict)
    # Big places whose names are transliteration variants of a form (see VARIANT_DOMINANCE),
    # and the length of the shortest vowel-less key that found them.
    variants: tuple[Record, ...] = ()
    variant_length: int = 0
    # What the name itself added to its country's evidence (a place in one country).
    evidence: Counter[str] = field(default_factory=Counter)
    # The word before it names waters or an island (جزيرة تيران), never a town.
    not_a_town: bool = False


class Linker:
    """Fills `latin`, `kb`, `roles` and `geo` of a document's entities from a registry."""

    def __init__(self, registry: Registry, cues: KindCues, peoples: Peoples | None = None):
        self.registry = registry
        self.cues = cues
        self.peoples = peoples
        self.romanizer = Romanizer(
            full=lambda key: registry.spelling(key, "full"), unit=lambda key: registry.spelling(key, "unit")
        )
        self._capitals = set(registry.capital_of.values())
        self._adjectives: dict[str, list[str]] = {}
        for adjective, country in sorted(registry.demonyms.items()):
            self._adjectives.setdefault(country, []).append(adjective)

    def __call__(self, doc: Document) -> Document:
        if not doc.entities:
            return doc
        tokens = doc.tokens or resources.tokenizer()(doc.text)
        starts = [token.start for token in tokens]
        context = Context()
        self._count_adjectives(tokens, context)
        ends = {m.end: m.start for e in doc.entities if e.type in PLACE_TYPES for m in e.mentions}
        places = [
            self._place(doc, entity, tokens, starts, ends)
            for entity in doc.entities
            if entity.type in PLACE_TYPES
        ]
        self._count_places(doc, places, context)
        day = doc.published
        for place in places:
            self._resolve_place(place, context, first_pass=True)
        context.admin1 = {
            p.entity.geo.admin1
            for p in places
            if p.entity.geo and p.entity.geo.kind == "admin1" and p.entity.geo.admin1
        }
        placed = {id(p): (p.entity.geo.lat, p.entity.geo.lon) for p in places if p.entity.geo}
        for place in places:
            neighbours = [where for key, where in placed.items() if key != id(place)]
            self._resolve_place(place, context, first_pass=False, neighbours=neighbours)
        for entity in doc.entities:
            if entity.type == "PERSON":
                self._link_person(entity, context, day)
            elif entity.type == "ORG":
                self._link_org(entity, context, day)
            elif entity.type == "NORP" and self.peoples is not None:
                entity.latin = self.peoples.latin(entity.name, self.registry.demonyms)
                entity.latin = entity.latin or self.romanizer.generic(entity.name)
            elif entity.type not in PLACE_TYPES:
                entity.latin = (
                    entity.latin or _written_in_latin(entity) or self.romanizer.generic(entity.name)
                )
        doc.entities = merge_linked(doc.entities)
        return doc

    # -- context --------------------------------------------------------------------------------

    def _count_adjectives(self, tokens: list[Token], context: Context) -> None:
        for token in tokens:
            if token.kind != "arabic":
                continue
            country = adjective_country(loose_key(token.stem or token.norm), self.registry.demonyms)
            if country:
                context.countries[country] += DEMONYM_MENTION

    def _count_places(self, doc: Document, places: list[_Place], context: Context) -> None:
        body_start = len(doc.headline) + 1 if doc.headline else 0
        for place in places:
            # Only a name whose plausible readings (all but small towns) lie in one country
            # is evidence for it: عمان is Oman or Amman, and counts for neither; جاكرتا,
            # a Czech village's name, is also a spelling of Jakarta.
            readings = place.candidates + self._variant_candidates(place, None)
            plausible = [
                c
                for c in readings
                if c.kind in ("country", "admin1") or not c.population or c.population >= PLAUSIBLE_POPULATION
            ]
            countries = {c.country for c in plausible or readings if c.country not in (None, NO_COUNTRY)}
            dominant = _dominant_country(plausible)
            if dominant:
                countries = {dominant}
            weight = len(place.entity.mentions) or 1
            if len(countries) != 1:
                continue
            country = next(iter(countries))
            if any(c.kind == "country" for c in place.candidates) and place.cue in (None, "country"):
                context.countries[country] += COUNTRY_MENTION * weight
            else:
                context.countries[country] += UNAMBIGUOUS_PLACE * weight
                place.evidence = Counter({country: UNAMBIGUOUS_PLACE * weight})
            for mention in place.entity.mentions:
                if body_start <= mention.start < body_start + DATELINE_WINDOW and _before_dash(
                    doc.text, mention.end
                ):
                    biggest = max(place.candidates, key=lambda c: (c.population, c.id), default=None)
                    if biggest and biggest.country:
                        context.countries[biggest.country] += DATELINE

    # -- places ---------------------------------------------------------------------------------

    def _place(
        self, doc: Document, entity: Entity, tokens: list[Token], starts: list[int], ends: dict[int, int]
    ) -> _Place:
        cues: dict[str, float] = {}  # kind -> weight of the words that mark it
        cue_words: Counter[str] = Counter()
        # The name with the kind word before it (منطقة + الجزيرة): a feature whose name is
        # also a common word (the island, the desert) is listed only in that form.
        cued_forms: list[str] = []
        capital = False
        # (kind word, mention) before the name itself, and before the list it ends.
        cued: list[tuple[str, str]] = []
        listed: list[tuple[str, str]] = []
        bare = False
        for mention in entity.mentions:
            index = bisect.bisect_left(starts, mention.start) - 1
            word = None
            if index >= 0 and tokens[index].end <= mention.start and tokens[index].kind == "arabic":
                before = tokens[index]
                word = before.norm if self.cues.kind_of(before.norm) else before.stem or before.norm
                if before.prefix.endswith(ARTICLE) and self.cues.kind_of(ARTICLE + word):
                    word = ARTICLE + word  # والعاصمة is العاصمة (the capital), not عاصمة (of)
                # عاصمة before a name is the capital OF it (a polity), not the name.
                is_capital_word = name_key(before.stem or before.norm) in self.cues.capital_words
            if word and self.cues.kind_of(word):
                cued.append((word, mention.text))
                capital = capital or (is_capital_word and self.cues.kind_of(word) == "city")
            else:
                word = self._list_word(mention.start, tokens, starts, ends)
                if word:
                    listed.append((word, mention.text))
                else:
                    bare = True
            after = bisect.bisect_left(starts, mention.end)
            if after < len(tokens) and name_key(tokens[after].norm) in self.cues.capital_words:
                cues["city"] = cues.get("city", 0.0) + 1.0  # الجزائر العاصمة
                capital = True
        # A list's word marks a name only if no mention of it stands bare: كركوك in
        # "محافظات نينوى وكركوك" and elsewhere "زار كركوك" is the city.
        # A dual or plural word weighs half a singular one: "محافظتي تعز ولحج" and "مدينة
        # تعز" in one article, the name is the city.
        for word, text in cued + (listed if not bare else []):
            one = self.cues.singular_of(word)
            kind = self.cues.kind_of(word) or ""
            cues[kind] = cues.get(kind, 0.0) + (LIST_CUE_WEIGHT if one else 1.0)
            cue_words[word] += 1
            cued_forms.append(f"{word} {text}")
            if one:
                cued_forms.append(f"{one} {text}")  # حيي التضامن: حي التضامن
        candidates = _unique(
            [
                record
                for form in dict.fromkeys(cued_forms)
                for record in self.registry.by_key(name_key(form))
                if _is_place(record)
            ]
        )
        name_cue: str | None = None
        # Mention spans already leave clitics out (the entity stage's convention); a span
        # that keeps one (وجدة) is taken to be a name, never cut by guesswork into و + جدة.
        forms = [entity.name, *(m.text for m in entity.mentions)]
        for form in dict.fromkeys(forms) if not candidates else ():
            found, cue = self._place_candidates(form)
            name_cue = name_cue or cue
            candidates.extend(c for c in found if c not in candidates)
        cue = max(cues, key=cues.__getitem__) if cues else name_cue  # ties: the first seen
        if cues and candidates and not any(cue_agrees(cue, c.kind or "other") for c in candidates):
            candidates.extend(self._inner_places(forms, cue, candidates))
        if cue == "admin1" and candidates and not any(c.kind == "admin1" for c in candidates):
            candidates.extend(self._seat_governorates(candidates))
        not_a_town = any(self.cues.kind_of(w) and w in self.cues.not_town_words for w in cue_words)
        key = name_key(entity.name)
        if key in self.cues.capital_words:
            capital = True
        skeletons: tuple[tuple[str, str], ...] = ()
        bare = dict.fromkeys(self._without_cue(form) for form in forms)
        if not candidates:
            skeletons = tuple((arabic_skeleton(form), form) for form in bare)
        variants, variant_length = self._variants(list(bare), {c.id for c in candidates})
        country_cues = self.cues.country_kinds(cue_words.most_common(1)[0][0]) if cue_words else {}
        return _Place(
            entity, candidates, cue, capital, skeletons, country_cues, variants, variant_length,
            not_a_town=not_a_town,
        )  # fmt: skip

    def _list_word(
        self, start: int, tokens: list[Token], starts: list[int], ends: dict[int, int]
    ) -> str | None:
        """The dual or plural kind word before the list of names a mention at `start` belongs to.

        حيي التضامن والقدم: القدم follows و and a place mention (التضامن) that follows حيي,
        which marks both. Walks back over place mentions joined by و or a comma, at most
        LIST_NAMES of them; anything else between ends the walk with no word.
        ends (dict[int, int]): the start of every place mention, by its end.
        """
        index = bisect.bisect_right(starts, start) - 1
        for _ in range(LIST_NAMES):
            if index < 1:
                return None
            token = tokens[index]
            if token.start < start:  # والقدم: the mention follows its clitics
                if not token.prefix.startswith(AND):
                    return None
                index -= 1
            elif tokens[index - 1].text in (AND, *LIST_COMMAS):
                index -= 2
            else:
                return None
            if index > 0 and tokens[index].text in LIST_COMMAS:  # نينوى، وصلاح الدين
                index -= 1
            if index < 0 or tokens[index].end not in ends:
                return None
            start = ends[tokens[index].end]  # the name before, then the word before it
            index = bisect.bisect_right(starts, start) - 1
            if tokens[index].start == start and index >= 1:
                before = tokens[index - 1]
                for word in (before.norm, before.stem):
                    if word and self.cues.singular_of(word):
                        return word
        return None

    def _variants(self, forms: list[str], known: set[str]) -> tuple[tuple[Record, ...], int]:
        """Big places whose names are transliteration variants of `forms` (keys without kind words).

        RETURNS (tuple[tuple[Record, ...], int]): the places not in `known` whose alias reads
            most like a form, and like it enough (لياونينغ is Liaoning, whose name reads
            closer than Liaoyang's), and the length of the shortest vowel-less key that
            found them (0 for none).
        """
        found = []
        for form in forms:
            if form in self.cues.kinds:  # a kind word alone (نهر) names no place
                continue
            key = vowelless_key(form)
            for record, alias in self.registry.by_variant(key):
                if _is_place(record) and record.id not in known:
                    found.append((record, len(key), reading_ratio(form, alias)))
        best = max((ratio for _, _, ratio in found), default=0.0)
        found = [item for item in found if item[2] == best and best >= READING_AGREEMENT]
        return tuple(_unique([record for record, _, _ in found])), min((n for _, n, _ in found), default=0)

    def _seat_governorates(self, known: list[Record]) -> list[Record]:
        """The governorates named after their seat, for a name found only as the seat.

        إقليم إسكيشهر is the Turkish province; the registry spells the province's name
        another way (إسكي شهير) and the city's as written: the governorate the city lies in
        is taken when it bears the city's Latin name.
        """
        found = []
        for record in known:
            if record.kind != "city" or not record.admin1 or not record.latin:
                continue
            unit = self.registry.get(f"state:{record.admin1}")
            if unit is not None and unit.latin and name_key(unit.latin) == name_key(record.latin):
                found.append(unit)
        return _unique(found)

    def _inner_places(self, forms: list[str], cue: str, known: list[Record]) -> list[Record]:
        """Places of the kind `cue` named by the forms without their own kind word.

        محافظة أرخبيل سقطرى is the governorate, whose name the archipelago (a feature)
        also bears: when no candidate of the whole name is of the kind the word before it
        says, the name without its first word (سقطرى) is looked up for one that is.
        """
        inner = []
        for form in forms:
            first, _, rest = name_key(form).partition(" ")
            if rest and self.cues.kind_of(first):
                inner.append(rest)
        found = [
            r
            for form in dict.fromkeys(inner)
            for r in self.registry.by_key(form)
            if _is_place(r) and cue_agrees(cue, r.kind or "other") and r not in known
        ]
        return _unique(found)

    def _without_cue(self, form: str) -> str:
        """A name without a leading kind word (محافظة ننكرهار -> ننكرهار)."""
        first, _, rest = name_key(form).partition(" ")
        strip = rest and self.cues.kind_of(first) and first not in self.cues.water_words
        return rest if strip else name_key(form)

    def _skeleton_candidates(self, place: _Place, context: Context) -> list[Record]:
        """Places spelt with the same consonants, in the countries the article is about."""
        found = [
            r
            for key, form in place.skeletons
            if len(key) >= SKELETON_MIN_LENGTH
            for r in self.registry.by_skeleton(key)
            if _is_place(r)
            and r.kind != "country"
            and context.share(r.country) >= SKELETON_MIN_SHARE
            and (close(form, r.name) or close(form, r.latin or ""))
        ]
        found = _unique(found)
        # Namesakes apart (Kansas the state and Kansas City) make the reading a guess.
        if any(
            distance_km(a.lat, a.lon, b.lat, b.lon) > SKELETON_SAME_PLACE_KM  # type: ignore[arg-type]
            for a in found
            for b in found
        ):
            return []
        return found

    def _lone_town(
        self, place: _Place, record: Record, context: Context, neighbours: list[tuple[float, float]]
    ) -> bool:
        """Whether `record` is a small town far from all the article is about (LONE_TOWN_POPULATION).

        The name's own weight as evidence for its country does not count: العيساوية, known
        only as a Saudi village, is no evidence that an article is about Saudi Arabia.
        """
        others = {c: n - place.evidence[c] for c, n in context.countries.items() if n - place.evidence[c] > 0}
        if (
            record.kind != "city"
            or record.source.startswith(CURATED_SOURCE)
            or record.population >= LONE_TOWN_POPULATION
            or not others
            or (record.country or "") in others
            or record.lat is None
            or record.lon is None
        ):
            return False
        anchors = list(neighbours)
        for country in others:
            capital = self.registry.get(self.registry.capital_of.get(country, ""))
            if capital is not None and capital.lat is not None and capital.lon is not None:
                anchors.append((capital.lat, capital.lon))
        return all(distance_km(record.lat, record.lon, lat, lon) > LONE_TOWN_KM for lat, lon in anchors)

    def _town_for_a_feature(self, place: _Place, record: Record, context: Context) -> bool:
        """Whether `record` is a town where the word before the name says waters or an island.

        Such a town is kept only in a country the article gives evidence for apart from the
        name itself: جزيرتي تيران وصنافير in an article about Egypt and Saudi Arabia is not
        Tiran, a town in Iran, whatever its size; جزيرة أرواد in an article about Syria is
        the island's town.
        """
        if not place.not_a_town or record.kind != "city" or record.source.startswith(CURATED_SOURCE):
            return False
        own = place.evidence[record.country or ""]
        return context.countries[record.country or ""] - own <= 0

    def _variant_candidates(self, place: _Place, context: Context | None) -> list[Record]:
        """The transliteration variants that may compete with the spellings matched (VARIANT_DOMINANCE).

        context (Context | None): the article's evidence; None while it is being counted,
            when only the variants that need no support are returned.
        """

        def supports(record: Record) -> bool:
            return context is not None and context.share(record.country) >= SKELETON_MIN_SHARE

        if not place.candidates:
            return [
                v
                for v in place.variants
                if supports(v)
                or v.kind in ("country", "admin1")
                or v.id in self._capitals
                or v.population >= VARIANT_ALONE_POPULATION
            ]
        # A country matched is the country (البرازيل, not Brasília).
        if any(c.kind == "country" for c in place.candidates):
            return []
        if place.variant_length < VARIANT_BESIDE_MATCH_LENGTH:
            return []
        biggest = max(c.population for c in place.candidates)
        supported = any(supports(c) for c in place.candidates)
        return [
            v
            for v in place.variants
            if v.population >= VARIANT_DOMINANCE * max(biggest, 1) or (not supported and supports(v))
        ]

    def _place_candidates(self, form: str) -> tuple[list[Record], str | None]:
        """Place records a name form may mean, and the kind its own first word says."""
        key = name_key(form)
        # A kind word alone (خليج in خليج فلوريدا, when the tagger stops there) names no place.
        if not key or key in self.cues.kinds:
            return [], None
        keys = [key]
        cue = None
        first, _, rest = key.partition(" ")
        if rest and self.cues.kind_of(first):
            cue = self.cues.kind_of(first)
            if first not in self.cues.water_words:
                keys.append(rest)
        # The whole name first (إقليم كردستان is a region), then without its kind word.
        for attempt in ([key], keys[1:]):
            found = [r for k in attempt for r in self.registry.by_key(k) if _is_place(r)]
            if found:
                return _unique(found), cue if attempt[:1] != [key] else None
        found = [r for k in keys for r in self.registry.by_loose(loose_key(k)) if _is_place(r)]
        if found:
            return _unique(found), cue
        return self._fuzzy(keys[-1], FUZZY_PLACE_CUTOFF, _is_big_place), cue

    def _fuzzy(self, key: str, cutoff: float, accept) -> list[Record]:  # type: ignore[no-untyped-def]
        if len(key) < FUZZY_MIN_LENGTH:
            return []
        pool = self.registry.alias_keys.get(key[:2], [])
        matches = process.extract(key, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
        if not matches:
            return []
        best = max(score for _, score, _ in matches)
        found = [r for alias, score, _ in matches if score == best for r in self.registry.by_key(alias)]
        return _unique([r for r in found if accept(r)])

    def _resolve_place(
        self,
        place: _Place,
        context: Context,
        *,
        first_pass: bool,
        neighbours: list[tuple[float, float]] | None = None,
    ) -> None:
        entity = place.entity
        record: Record | None = None
        if place.capital and (not place.candidates or name_key(entity.name) in self.cues.capital_words):
            capital = self.registry.capital_of.get(context.main_country() or "")
            record = self.registry.get(capital) if capital else None
        elif place.candidates or place.skeletons or place.variants:
            variants = self._variant_candidates(place, context)
            candidates = place.candidates + variants or self._skeleton_candidates(place, context)
            record = (
                choose(
                    candidates,
                    cue=place.cue,
                    context=context,
                    capitals=self._capitals,
                    neighbours=neighbours or [],
                    country_cues=place.country_cues,
                    variants=frozenset(r.id for r in variants),
                )
                if candidates
                else None
            )
        if (
            record is not None
            and not first_pass
            and (
                self._lone_town(place, record, context, neighbours or [])
                or self._town_for_a_feature(place, record, context)
            )
        ):
            entity.kb, entity.geo, record = None, None, None
        if record is None:
            if not first_pass:
                entity.latin = entity.latin or self.romanizer.generic(entity.name)
            return
        entity.kb = record.kb
        entity.latin = record.latin or self.romanizer.generic(entity.name)
        if record.lat is not None and record.lon is not None and record.country:
            entity.geo = Geo(
                lat=record.lat, lon=record.lon, country=record.country or "", admin1=record.admin1,
                kind=record.kind or "other", source_id=record.source_id,
            )  # fmt: skip

    # -- people and organisations ---------------------------------------------------------------

    def _link_person(self, entity: Entity, context: Context, day: str | None) -> None:
        key = name_key(entity.name)
        record = None
        if len(name_units(key)) >= 2:  # عبد الله is one name, too little to link
            found = [r for r in self.registry.by_key(key) if r.type == "PERSON"]
            found = found or [r for r in self.registry.by_loose(loose_key(key)) if r.type == "PERSON"]
            found = found or self._fuzzy(key, FUZZY_NAME_CUTOFF, lambda r: r.type == "PERSON")
            record = self._single(found, context, day)
        if record is None:
            record = self._office_holder(entity, context, day)
        if record is not None:
            entity.kb = record.kb
        entity.latin = (record.latin if record and record.latin else None) or self.romanizer.person(
            entity.name
        )
        self._add_roles(entity, record, day)

    def _link_org(self, entity: Entity, context: Context, day: str | None) -> None:
        key = name_key(entity.name)
        found = [r for r in self.registry.by_key(key) if r.type == "ORG"]
        found = found or [r for r in self.registry.by_loose(loose_key(key)) if r.type == "ORG"]
        record = self._single(found, context, day)
        if record is not None:
            entity.kb = record.kb
        # ANERcorp, and so the tagger, calls sects organisations (السنة, الشيعة): they
        # still get their English names.
        people = self.peoples.latin(entity.name, {}) if self.peoples is not None else None
        registered = record.latin if record and record.latin else None
        entity.latin = (
            registered or people or _written_in_latin(entity) or self.romanizer.generic(entity.name)
        )
        self._add_roles(entity, record, day)

    def _single(self, found: list[Record], context: Context, day: str | None) -> Record | None:
        """The one candidate meant, or None when several remain after the article's context."""
        found = _unique(found)
        if len(found) <= 1:
            return found[0] if found else None
        in_context = [r for r in found if context.share(r.country) > 0]
        if len(in_context) == 1:
            return in_context[0]
        if day:
            in_office = [r for r in found if any(o.holds_on(day) for o in self.registry.offices(r.id))]
            if len(in_office) == 1:
                return in_office[0]
        return None

    def _office_holder(self, entity: Entity, context: Context, day: str | None) -> Record | None:
        """The holder of an office the entity is named by (وزير الداخلية العراقي) on `day`."""
        name_words = set(loose_key(entity.name).split())
        for role in dict.fromkeys([*entity.roles, entity.name]):
            holders = self._holders(role, context)
            if not holders:
                continue
            compatible = []
            for office in holders:
                holder = self.registry.get(office.entity)
                if holder is None:
                    continue
                holder_words = set(loose_key(holder.name).split())
                names_fit = loose_key(entity.name) == loose_key(role) or bool(name_words & holder_words)
                if names_fit and (office.holds_on(day) if day else True):
                    compatible.append(holder)
            chosen = _unique(compatible)
            if len(chosen) == 1:
                return chosen[0]
        return None

    def _holders(self, role: str, context: Context) -> tuple[Office, ...]:
        title = loose_key(role)
        holders = self.registry.holders(title)
        if holders:
            return holders
        country = context.main_country()
        for adjective in self._adjectives.get(country or "", []):
            holders = self.registry.holders(f"{title} {adjective}")
            if holders:
                return holders
        return ()

    def _add_roles(self, entity: Entity, record: Record | None, day: str | None) -> None:
        """Adds the registry's roles (those held on `day`) and CAMEO codes of the text's roles."""
        roles = list(entity.roles)
        if record is not None:
            offices = self.registry.offices(record.id)
            if day:
                for office in offices:
                    if office.holds_on(day) or not (office.start or office.end):
                        roles.extend(
                            [office.title, ROLE_PREFIX + office.code]
                            if office.title
                            else [ROLE_PREFIX + office.code]
                        )
                dated = {o.code for o in offices}
                roles.extend(ROLE_PREFIX + code for code in record.codes if code not in dated)
            else:
                roles.extend(ROLE_PREFIX + code for code in record.codes)
        for role in entity.roles:
            code = self._role_code(role)
            if code:
                roles.append(ROLE_PREFIX + code)
        entity.roles = [role for role in dict.fromkeys(roles) if role]

    def _role_code(self, role: str) -> str | None:
        """A CAMEO code for a role phrase from the text: `النائب العراقي` -> IRQLEG."""
        words = loose_key(role).split()
        country = None
        rest = []
        for word in words:
            found = adjective_country(word, self.registry.demonyms) or self.registry.country_names.get(word)
            if found and country is None:
                country = found
            else:
                rest.append(word)
        sector = None
        for end in range(len(rest), 0, -1):
            sector = self.registry.sectors.get(" ".join(rest[:end]))
            if sector:
                break
        if not sector:
            return None
        record = self.registry.get(f"country:{country}") if country else None
        prefix = record.codes[0] if record and record.codes else ""
        return prefix + sector if len(sector) == 3 else sector


def _is_place(record: Record) -> bool:
    return record.type in ("GPE", "LOC") and record.lat is not None


def _is_big_place(record: Record) -> bool:
    return _is_place(record) and (
        record.kind in ("country", "admin1") or record.population >= FUZZY_MIN_POPULATION
    )


def _dominant_country(plausible: list[Record]) -> str | None:
    """The country of a city that dwarfs its namesakes elsewhere (لندن: London, not London, Ontario)."""
    cities = sorted((c for c in plausible if c.kind == "city"), key=lambda c: (-c.population, c.id))
    if not cities:
        return None
    biggest = cities[0]
    others = [c for c in plausible if c.country != biggest.country]
    if others and all(
        c.kind == "city" and biggest.population >= DOMINANT_FACTOR * c.population for c in others
    ):
        return biggest.country
    return None


def _written_in_latin(entity: Entity) -> str | None:
    """A name the article itself writes in Latin letters (`CNN` beside `سي إن إن`): better
    than a romanisation of the Arabic."""
    for mention in entity.mentions:
        text = mention.text
        if (
            mention.named
            and any(c.isalpha() for c in text)
            and not any("\u0600" <= c <= "\u06ff" for c in text)
        ):
            return text
    return None


def _unique(records: list[Record]) -> list[Record]:
    return list({r.id: r for r in records}.values())


def _before_dash(text: str, end: int) -> bool:
    following = text[end : end + 4].lstrip(" )")
    return following[:1] in ("-", "–", "—", ":", "/")


def merge_linked(entities: list[Entity]) -> list[Entity]:
    """One entity per registry record and type: spellings that coreference cannot join
    (`سورية` and `سوريا`, `ناتو` and `حلف شمال الأطلسي`, `سلمان بن عبد العزيز` and `سلمان بن
    عبدالعزيز`) name one thing once both are linked to it; 13 of 600 ANT dev articles had
    such a pair. A facility keeps its own entity beside the city whose record it takes
    (`مطار صلالة`, `صلالة`: other types). The merged entity has every mention and role, the
    name with the most words, and ids are numbered again."""
    groups: dict[tuple[str, str], list[Entity]] = {}
    for entity in entities:
        if entity.kb is not None:
            groups.setdefault((entity.type, entity.kb), []).append(entity)
    if all(len(group) == 1 for group in groups.values()):
        return entities
    merged: list[Entity] = []
    for entity in entities:
        group = groups.get((entity.type, entity.kb), [entity]) if entity.kb is not None else [entity]
        if entity is not group[0]:
            continue
        for other in group[1:]:
            spans = {(m.start, m.end): m for m in [*entity.mentions, *other.mentions]}
            entity.mentions = [spans[span] for span in sorted(spans)]
            entity.roles += [role for role in other.roles if role not in entity.roles]
            if len(other.name.split()) > len(entity.name.split()):
                entity.name = other.name
            entity.latin = entity.latin or other.latin
            entity.geo = entity.geo or other.geo
        merged.append(entity)
    # Entities come in order of first mention, and each group's first entity has the
    # group's first mention: the order stands, only the numbers close up.
    for number, entity in enumerate(merged, 1):
        entity.id = f"E{number}"
    return merged
