"""Looking a name up in the registry: the library side of `marsad entity NAME`.

Returns plain data, so that the CLI prints it and later commands (corpus figures for an
entity) can add to it without parsing text.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process

from marsad.errors import MarsadError
from marsad.linking.latin import Romanizer
from marsad.linking.match import clitic_variants, loose_key, name_key
from marsad.linking.registry import Record, Registry

# How a name matched, best first; the order in which matches are listed.
MATCHES = ("id", "exact", "latin", "clitic", "loose", "fuzzy")
FUZZY_CUTOFF = 85.0


def lookup_entity(registry: Registry, name: str, *, limit: int = 10) -> list[dict[str, Any]]:
    """Registry entries a name (or a registry id, or a Wikidata QID) may refer to.

    registry (Registry): the registry to search, e.g. `resources.registry()`.
    name (str): an Arabic name in any spelling, a Latin (English) name, a registry id or a QID.
    limit (int): the most entries to return.
    RETURNS (list[dict]): one dict per entry, best match first: the entity's fields
        (`Record.to_dict`), `match` (one of MATCHES) and `offices` (code, title, start, end).
    """
    name = name.strip()
    if not name:
        raise MarsadError("E306")
    found: dict[str, tuple[int, Record]] = {}

    def add(records: tuple[Record, ...] | list[Record], how: str) -> None:
        for record in records:
            found.setdefault(record.id, (MATCHES.index(how), record))

    direct = registry.get(name)
    if direct:
        add([direct], "id")
    add(registry.by_latin(name), "latin")
    key = name_key(name)
    if key:
        add(registry.by_key(key), "exact")
        for variant in clitic_variants(key):
            add(registry.by_key(variant), "clitic")
        add(registry.by_loose(loose_key(key)), "loose")
        if not found:
            pool = registry.alias_keys.get(key[:2], [])
            for alias, _, _ in process.extract(
                key, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=limit
            ):
                add(registry.by_key(alias), "fuzzy")
    ranked = sorted(found.values(), key=lambda item: (item[0], -item[1].population, item[1].id))
    romanizer = Romanizer(lambda k: registry.spelling(k, "full"), lambda k: registry.spelling(k, "unit"))
    results = []
    for rank, record in ranked[:limit]:
        entry = record.to_dict()
        if not entry["latin"]:
            entry["latin"] = (
                romanizer.person(record.name) if record.type == "PERSON" else romanizer.generic(record.name)
            )
        entry["match"] = MATCHES[rank]
        entry["offices"] = [
            {"code": o.code, "title": o.title or None, "start": o.start or None, "end": o.end or None}
            for o in registry.offices(record.id)
        ]
        results.append(entry)
    return results
