"""CAMEO codes to PLOVER types, and PLOVER types and modes to ACLED's event types.

PLOVER (the successor ontology of CAMEO used by POLECAT) folds CAMEO's twenty roots into
sixteen types and moves detail into modes. Users of GDELT-style data still think in CAMEO,
so each event keeps both; ACLED users get ACLED's six event types through `acled_type`.
"""

from __future__ import annotations

from pathlib import Path

from marsad.document import PLOVER_TYPES


class PloverMap:
    """CAMEO code -> PLOVER type by longest prefix, read from `data/plover_map.tsv`."""

    def __init__(self, prefixes: dict[str, str]):
        unknown = sorted(set(prefixes.values()) - set(PLOVER_TYPES))
        if unknown:
            raise ValueError(f"not PLOVER types: {', '.join(unknown)}")
        self._prefixes = prefixes

    @classmethod
    def from_file(cls, path: Path) -> PloverMap:
        prefixes: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                prefix, plover = line.split("\t")
                prefixes[prefix] = plover
        return cls(prefixes)

    def plover_type(self, cameo: str) -> str | None:
        """The PLOVER type of a CAMEO code, or None for codes PLOVER drops (01 statements)."""
        for length in range(len(cameo), 1, -1):
            plover = self._prefixes.get(cameo[:length])
            if plover is not None:
                return plover
        return None


# ACLED's event types (and a sub-event type) for a PLOVER type and mode. ACLED codes
# political violence and demonstrations; everything else is a "Strategic development".
_ACLED_ASSAULT_BY_MODE = {
    "aerial": ("Explosions/Remote violence", "Air/drone strike"),
    "explosives": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide-attack": ("Explosions/Remote violence", "Suicide bomb"),
    "firearms": ("Battles", "Armed clash"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
    "assassination": ("Violence against civilians", "Attack"),
    "occupy": ("Battles", "Non-state actor overtakes territory"),
}
_ACLED_PROTEST_BY_MODE = {
    "riot": ("Riots", "Violent demonstration"),
}


def acled_type(plover_type: str, mode: str | None) -> tuple[str, str]:
    """ACLED (event_type, sub_event_type) for a PLOVER type and mode."""
    if plover_type == "ASSAULT":
        return _ACLED_ASSAULT_BY_MODE.get(mode or "", ("Violence against civilians", "Attack"))
    if plover_type == "PROTEST":
        return _ACLED_PROTEST_BY_MODE.get(mode or "", ("Protests", "Peaceful protest"))
    if plover_type == "COERCE":
        return ("Strategic developments", "Arrests" if mode == "arrest" else "Other")
    if plover_type == "AGREE":
        return ("Strategic developments", "Agreement")
    return ("Strategic developments", "Other")
