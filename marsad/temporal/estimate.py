"""Estimating when an article was published, from what its dates say, as a range.

Used only when the publication date is unknown. Three kinds of evidence, strongest first:

1. A day word joined to an explicit date (أمس الاثنين 12 يناير 2015): publication is the
   date minus the day word's shift; the range runs one day further, since copy is often
   filed a day before the page is dated.
2. A month named relative to publication (يونيو الماضي) next to the same month with a
   year elsewhere in the text (10 يونيو 2014): if they are the same June, publication
   lies after June 2014 and no later than June 2015. With several such years the latest
   is taken (the text can mention older Junes too). المقبل works the other way round.
3. The latest explicit day or month mentioned in a sentence that is not in the future
   tense: news reports what has happened, so publication is no earlier than that.

Strong evidence (1, 2) is intersected; the weak lower bound (3) tightens it only where
it agrees. An end with no evidence stays None (unbounded). Never a single certain date
is claimed unless the text states one relative to itself, and even then as a range.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marsad.temporal.extract import Mention
from marsad.temporal.resolve import Resolved, add_months, resolve


@dataclass(frozen=True, slots=True)
class Range:
    earliest: dt.date | None
    latest: dt.date | None

    def intersect(self, other: Range) -> Range | None:
        earliest = max((d for d in (self.earliest, other.earliest) if d), default=None)
        latest = min((d for d in (self.latest, other.latest) if d), default=None)
        if earliest and latest and earliest > latest:
            return None
        return Range(earliest, latest)

    def to_dict(self) -> dict[str, str | None]:
        return {
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
        }


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    next_year, next_month = add_months(year, month, 1)
    return first, dt.date(next_year, next_month, 1) - dt.timedelta(days=1)


def estimate_published(mentions: list[Mention], future: list[bool]) -> Range | None:
    """The publication range implied by `mentions` (future[i]: mention i is in a future sentence)."""
    absolute: list[tuple[Mention, Resolved]] = [(m, resolve(m, None)) for m in mentions]
    strong: list[Range] = []
    for mention, resolved in absolute:
        if mention.day_shift is not None and resolved.grain in ("day", "part_of_day") and resolved.earliest:
            published = resolved.earliest - dt.timedelta(days=mention.day_shift)
            strong.append(Range(published, published + dt.timedelta(days=1)))
    for mention in mentions:
        if mention.kind != "date" or mention.year is not None or mention.month is None:
            continue
        if mention.shift not in (-1, 1):
            continue
        years = [
            m.year for m in mentions if m.kind == "date" and m.year is not None and m.month == mention.month
        ]
        if not years:
            continue
        if mention.shift == -1:
            year = max(years)
            earliest = _month_bounds(*add_months(year, mention.month, 1))[0]
            latest = _month_bounds(year + 1, mention.month)[1]
        else:
            year = min(years)
            earliest = _month_bounds(year - 1, mention.month)[0]
            latest = _month_bounds(*add_months(year, mention.month, -1))[1]
        strong.append(Range(earliest, latest))
    result: Range | None = None
    for evidence in strong:
        result = evidence if result is None else result.intersect(evidence)
        if result is None:
            result = evidence  # contradictory evidence: keep the latest piece, do not give up
    past_days = [
        resolved.earliest
        for (mention, resolved), in_future in zip(absolute, future, strict=True)
        if resolved.earliest
        and resolved.grain in ("day", "part_of_day", "month")
        and not in_future
        and mention.shift != 1
    ]
    if past_days:
        lower = Range(max(past_days), None)
        result = lower if result is None else result.intersect(lower) or result
    if result is None or (result.earliest is None and result.latest is None):
        return None
    return result
