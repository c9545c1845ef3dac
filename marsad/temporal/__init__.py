"""Time and numbers: temporal expressions, quantities, casualty counts, the publication estimate.

The stage `marsad.temporal.v1` fills `Document.times` (spans with ISO values, grains and
day ranges), `Document.quantities` (values, units and, for people counts, their kind) and,
when the publication date is unknown, `Document.published_estimate`. Later stages read
them through `people_counts` and `dates_in`. See docs/temporal.md.
"""

from __future__ import annotations

from marsad import resources
from marsad.document import Document, TimeExpression
from marsad.pipeline import register_stage

__all__ = ["TemporalStage", "dates_in", "people_counts"]

# Grains whose value is a partial date (YYYY, YYYY-MM, YYYY-MM-DD), the shape Event.date takes;
# weeks (YYYY-Www), durations (P3D) and clock times (T10:00) are not.
_DATED_GRAINS = frozenset({"day", "part_of_day", "month", "year"})


@register_stage(
    "marsad.temporal.v1",
    requires=("text", "tokens", "sentences"),
    assigns=("times", "quantities", "published_estimate"),
)
class TemporalStage:
    """Finds and resolves temporal expressions and quantities; see `TemporalExtractor`."""

    def __init__(self) -> None:
        self._extractor = resources.temporal_extractor()

    def __call__(self, doc: Document) -> Document:
        return self._extractor(doc)


def people_counts(doc: Document, start: int, end: int) -> dict[str, float]:
    """Counts of people by kind (killed, injured, ...) stated within `[start, end)` of `doc.text`.

    The events stage passes a sentence's bounds to give an event its fatalities; several
    counts of one kind in the range are added up (مقتل 3 جنود و5 مدنيين -> killed 8).
    """
    counts: dict[str, float] = {}
    for quantity in doc.quantities:
        if quantity.kind and start <= quantity.start and quantity.end <= end:
            counts[quantity.kind] = counts.get(quantity.kind, 0) + quantity.value
    return counts


def dates_in(doc: Document, start: int, end: int) -> list[TimeExpression]:
    """The resolved expressions within `[start, end)` whose value is a partial date.

    This is what an event's `date` may be copied from: durations (`P3D`), clock times
    (`T10:00`) and ISO weeks (`2015-W02`) have values of other shapes and are left out
    (a week's days are in its `earliest`/`latest`).
    """
    return [
        time for time in doc.times
        if start <= time.start and time.end <= end and time.value and time.grain in _DATED_GRAINS
    ]  # fmt: skip
