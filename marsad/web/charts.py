"""Charts drawn on the server as SVG geometry that the templates turn into elements.

The timeline of events per day by type is a stacked bar chart: one column per day of
the range (empty days included, so gaps show), one segment per event type. Computing
the geometry here keeps the page readable without JavaScript and lets tests check
the numbers; the template only writes `<rect>` elements with escaped labels.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

# One colour per PLOVER type, from a palette readable on white and for common colour blindness.
TYPE_COLOURS = {
    "AGREE": "#1b9e77", "CONSULT": "#66a61e", "SUPPORT": "#4daf4a", "CONCEDE": "#a6d854",
    "COOPERATE": "#17becf", "AID": "#377eb8", "RETREAT": "#80b1d3", "REQUEST": "#bebada",
    "ACCUSE": "#e6ab02", "REJECT": "#ff7f00", "THREATEN": "#fb8072", "PROTEST": "#984ea3",
    "SANCTION": "#a65628", "MOBILIZE": "#f781bf", "COERCE": "#d95f02", "ASSAULT": "#e41a1c",
}  # fmt: skip
OTHER_COLOUR = "#999999"
MAX_DAYS = 400
# Widest column, so that a chart of a few days does not turn into a few slabs.
MAX_COLUMN = 28.0
# Room a date label needs on the axis, in viewBox units.
TICK_SPACING = 72.0


def type_colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str


@dataclass(slots=True)
class Timeline:
    """Geometry of a stacked per-day bar chart in a `width` x `height` viewBox."""

    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str, int]] = field(default_factory=list)
    max_count: int = 0
    first_day: str | None = None
    last_day: str | None = None


def timeline(
    counts: Iterable[tuple[str, str, int]],
    *,
    width: int = 720,
    height: int = 180,
    top: int = 10,
    bottom: int = 24,
) -> Timeline:
    """Lays out `(day, type, count)` rows; days are `YYYY-MM-DD`, other values are skipped."""
    per_day: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    totals_by_type: dict[str, int] = defaultdict(int)
    for day, event_type, count in counts:
        try:
            date = dt.date.fromisoformat(str(day)[:10])
        except ValueError:
            continue
        per_day[date][event_type] += int(count)
        totals_by_type[event_type] += int(count)
    chart = Timeline(width=width, height=height)
    if not per_day:
        return chart
    first, last = min(per_day), max(per_day)
    if (last - first).days >= MAX_DAYS:
        first = last - dt.timedelta(days=MAX_DAYS - 1)
    days = [first + dt.timedelta(days=offset) for offset in range((last - first).days + 1)]
    chart.first_day, chart.last_day = first.isoformat(), last.isoformat()
    chart.max_count = max(sum(per_day[day].values()) for day in days if day in per_day) if days else 0
    plot_height = height - top - bottom
    column = min(width / len(days), MAX_COLUMN)
    gap = min(1.0, column * 0.15)
    order = sorted(totals_by_type, key=lambda t: (-totals_by_type[t], t))
    for index, day in enumerate(days):
        stacked = 0
        for event_type in order:
            count = per_day.get(day, {}).get(event_type, 0)
            if not count:
                continue
            segment = plot_height * count / chart.max_count
            stacked += segment
            chart.bars.append(
                Bar(
                    x=round(index * column + gap / 2, 2), y=round(top + plot_height - stacked, 2),
                    width=round(max(column - gap, 0.5), 2), height=round(segment, 2),
                    colour=type_colour(event_type), label=f"{day.isoformat()} · {event_type}: {count}",
                )
            )  # fmt: skip
    step = max(1, len(days) // 6, math.ceil(TICK_SPACING / column))
    chart.ticks = [(round(i * column, 2), days[i].isoformat()) for i in range(0, len(days), step)]
    chart.legend = [(event_type, type_colour(event_type), totals_by_type[event_type]) for event_type in order]
    return chart


def monthly(months: Iterable[dict[str, object]], *, width: int = 720, height: int = 140) -> Timeline:
    """Bars of articles per month (`{"month": "YYYY-MM", "articles": n}` rows), oldest first."""
    rows = sorted((str(row["month"]), int(row.get("articles") or 0)) for row in months if row.get("month"))
    chart = Timeline(width=width, height=height)
    if not rows:
        return chart
    rows = rows[-MAX_DAYS:]
    top, bottom = 10, 24
    plot_height = height - top - bottom
    chart.max_count = max(count for _, count in rows) or 1
    chart.first_day, chart.last_day = rows[0][0], rows[-1][0]
    column = min(width / len(rows), MAX_COLUMN)
    gap = min(2.0, column * 0.2)
    for index, (month, count) in enumerate(rows):
        bar_height = plot_height * count / chart.max_count
        chart.bars.append(
            Bar(
                x=round(index * column + gap / 2, 2), y=round(top + plot_height - bar_height, 2),
                width=round(max(column - gap, 0.5), 2), height=round(bar_height, 2), colour="#2b6cb0",
                label=f"{month}: {count}",
            )
        )  # fmt: skip
    step = max(1, len(rows) // 6, math.ceil(TICK_SPACING / column))
    chart.ticks = [(round(i * column, 2), rows[i][0]) for i in range(0, len(rows), step)]
    return chart
