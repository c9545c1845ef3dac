"""Held-out geocoding check: accuracy at 25 km on the place mentions of eval/geo/places.tsv.

    .venv/bin/python eval/geo/check.py [--file eval/geo/places.tsv] [--end-to-end] [--show-errors]

By default the gold mentions are given to the linker as entities (type GPE, exact
spans), so the figure measures geocoding alone, not NER. With --end-to-end the text
layer, the trained entity stage and linking run on the text, and a gold mention counts
as right only if an entity whose mention overlaps it was found and geocoded correctly.

A point (a city or town) is right within 25 km of the truth; a governorate must be
geocoded as that admin1 unit (ISO 3166-2); a country as that country.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from marsad import resources
from marsad.document import Document, Entity, Geo
from marsad.linking.geocode import distance_km
from marsad.pipeline import Pipeline
from marsad.text import TextLayer

HERE = Path(__file__).resolve().parent
RADIUS_KM = 25.0
_CLITICS = "وبلف"
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@dataclass
class Gold:
    start: int
    end: int
    form: str
    truth: str
    type: str


@dataclass
class Case:
    text: str
    published: str | None
    places: list[Gold]


def read_cases(path: Path) -> list[Case]:
    cases: list[Case] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "doc":
            cases.append(Case(fields[1], fields[2] if len(fields) > 2 else None, []))
        elif fields[0] == "place":
            case = cases[-1]
            form, truth = fields[1], fields[2]
            type_ = fields[3] if len(fields) > 3 else "GPE"
            start = _find(case.text, form, {g.start for g in case.places if g.form == form})
            if start < 0:
                sys.exit(f"{path}:{number}: {form!r} not found in its sentence")
            case.places.append(Gold(start, start + len(form), form, truth, type_))
        else:
            sys.exit(f"{path}:{number}: expected 'doc' or 'place', got {fields[0]!r}")
    return cases


def _find(text: str, form: str, used: set[int]) -> int:
    """The first occurrence of `form` as a word (after at most one clitic letter) not in `used`."""
    for match in re.finditer(re.escape(form), text):
        start = match.start()
        before = text[start - 1] if start else " "
        if start in used or (match.end() < len(text) and _ARABIC_LETTER.match(text[match.end()])):
            continue
        if not _ARABIC_LETTER.match(before):
            return start
        if before in _CLITICS and (start < 2 or not _ARABIC_LETTER.match(text[start - 2])):
            return start
    return -1


def correct(geo: Geo | None, truth: str) -> bool:
    if geo is None:
        return False
    if truth.startswith("admin1:"):
        return geo.kind == "admin1" and geo.admin1 == truth.removeprefix("admin1:")
    if truth.startswith("country:"):
        return geo.kind == "country" and geo.country == truth.removeprefix("country:")
    lat, lon = (float(x) for x in truth.split(","))
    return distance_km(geo.lat, geo.lon, lat, lon) <= RADIUS_KM


def kind_of(truth: str) -> str:
    return truth.split(":")[0] if ":" in truth else "point"


def geocode_given_spans(case: Case) -> list[Geo | None]:
    doc = TextLayer()(Document(text=case.text, published=case.published))
    doc.entities = [
        Entity(f"E{i + 1}", gold.type, gold.form, [doc.span(gold.start, gold.end)])
        for i, gold in enumerate(case.places)
    ]
    resources.linker()(doc)
    return [entity.geo for entity in doc.entities]


@functools.cache
def _pipeline() -> Pipeline:
    """The text layer, the entity stage and linking (the stages the default pipeline runs first)."""
    import marsad.entities
    import marsad.linking  # noqa: F401

    return Pipeline(["marsad.text.v1", "marsad.entities.v1", "marsad.linking.v1"])


def geocode_end_to_end(case: Case) -> list[Geo | None]:
    doc = _pipeline()(Document(text=case.text, published=case.published))
    found: list[Geo | None] = []
    for gold in case.places:
        geo = None
        for entity in doc.entities:
            if any(m.start < gold.end and gold.start < m.end for m in entity.mentions):
                geo = entity.geo
                break
        found.append(geo)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--file", type=Path, default=HERE / "places.tsv")
    parser.add_argument("--end-to-end", action="store_true", help="run the whole pipeline, NER included")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    cases = read_cases(args.file)
    geocode = geocode_end_to_end if args.end_to_end else geocode_given_spans
    totals: dict[str, list[int]] = {}
    errors = []
    started = time.perf_counter()
    for case in cases:
        for gold, geo in zip(case.places, geocode(case), strict=True):
            right = correct(geo, gold.truth)
            for key in ("all", kind_of(gold.truth)):
                totals.setdefault(key, [0, 0])
                totals[key][0] += right
                totals[key][1] += 1
            if not right:
                got = f"{geo.kind} {geo.country} {geo.admin1} {geo.lat:.3f},{geo.lon:.3f}" if geo else "none"
                errors.append(f"  {gold.form}: want {gold.truth}, got {got}  | {case.text[:60]}")
    seconds = time.perf_counter() - started
    mode = "end to end (pipeline NER + linking)" if args.end_to_end else "gold spans (geocoding only)"
    print(f"geocoding check, {mode}: {len(cases)} texts, {totals['all'][1]} place mentions, {seconds:.1f} s")
    for key in ("all", "point", "admin1", "country"):
        if key in totals:
            right, total = totals[key]
            label = f"{key} (within {RADIUS_KM:.0f} km)" if key == "point" else key
            print(f"  {label:<22} {right:>4}/{total:<4} = {right / total:.1%}")
    if args.show_errors and errors:
        print("errors:")
        print("\n".join(errors))


if __name__ == "__main__":
    main()
