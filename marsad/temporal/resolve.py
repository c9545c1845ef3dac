"""Turning a `Mention` into an ISO value, a grain and the range of days it covers.

Values (see docs/temporal.md): `YYYY-MM-DD` (grain day or part_of_day), `YYYY-MM`
(month), `YYYY` (year), `YYYY-Www` (ISO week), `PnD`/`PnW`/`PnM`/`PnY`/`PTnH`
(duration, ISO 8601) and `THH:MM` (a clock time). `earliest`/`latest` are the first and
last days a dated expression may denote. Whatever cannot be resolved is None: a relative
expression without a publication date, a vague amount (منذ أيام), a day that does not
exist. No day is ever made up: a month is `YYYY-MM`, never its first day.

Choices for expressions that leave the direction open (documented in docs/temporal.md):
a bare weekday is the most recent one on or before publication, or the next one on or
after it when the sentence is in the future tense; a bare month or day-and-month (في
يونيو, 4 جويلية) is the nearest one to publication, a tie going to the past, or to the
future in a future-tense sentence; يونيو الماضي is
the most recent June strictly before the month of publication, يونيو المقبل the next
one strictly after it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from marsad.temporal import hijri
from marsad.temporal.extract import Mention

_T = TypeVar("_T")
_DURATION_LETTERS = {"year": "Y", "month": "M", "week": "W", "day": "D"}
_CLOCK_LETTERS = {"hour": "H", "minute": "M"}


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str | None
    grain: str
    earliest: dt.date | None = None
    latest: dt.date | None = None


def day_value(day: dt.date, grain: str = "day") -> Resolved:
    return Resolved(day.isoformat(), grain, day, day)


def month_value(year: int, month: int) -> Resolved:
    last = calendar.monthrange(year, month)[1]
    return Resolved(f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1), dt.date(year, month, last))


def year_value(year: int) -> Resolved:
    if not 1 <= year <= 9999:
        return Resolved(None, "year")
    return Resolved(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def week_value(day: dt.date) -> Resolved:
    iso_year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    return Resolved(f"{iso_year:04d}-W{week:02d}", "week", monday, monday + dt.timedelta(days=6))


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _grain_of(mention: Mention) -> str:
    """The grain an expression has whether or not it can be resolved."""
    if mention.kind == "clock":
        return "time"
    if mention.kind == "duration":
        return "duration"
    if mention.kind in ("day", "weekday") or mention.day is not None:
        return "part_of_day" if mention.part else "day"
    if mention.kind in ("period", "ago"):
        return {"hour": "day", "minute": "day", "decade": "year"}.get(
            mention.unit or "", mention.unit or "day"
        )
    if mention.month is not None:
        return "month"
    return "year"


def resolve(mention: Mention, published: dt.date | None, *, future: bool = False) -> Resolved:
    """The value of `mention` for an article published on `published` (None: unknown).

    future (bool): the sentence is in the future tense, so an open weekday or month is
        the next one rather than the last.
    """
    grain = _grain_of(mention)
    result = _resolve(mention, published, future)
    if result is None:
        return Resolved(None, grain)
    if grain == "part_of_day" and result.grain == "day":
        return Resolved(result.value, grain, result.earliest, result.latest)
    return result


def _resolve(mention: Mention, published: dt.date | None, future: bool) -> Resolved | None:
    kind = mention.kind
    if kind == "clock":
        return Resolved(f"T{mention.hour:02d}:{mention.minute:02d}", "time")
    if kind == "duration":
        return _duration(mention)
    if kind == "date":
        return _gregorian(mention, published, future)
    if kind == "hijri":
        return _hijri(mention, published, future)
    if published is None:
        return None
    if kind == "day":
        return day_value(published + dt.timedelta(days=mention.shift or 0))
    if kind == "weekday":
        return day_value(_weekday(published, mention.weekday or 1, mention.shift, future))
    if kind == "period":
        return _period(mention, published)
    if kind == "ago":
        return _ago(mention, published)
    return None


def _duration(mention: Mention) -> Resolved | None:
    if mention.amount is None or mention.unit is None:
        return None
    amount = mention.amount
    if mention.unit == "decade":
        amount, unit = amount * 10, "year"
    else:
        unit = mention.unit
    parts = [(amount, unit), *mention.more]
    dates = "".join(f"{n:g}{_DURATION_LETTERS[u]}" for n, u in parts if u in _DURATION_LETTERS)
    times = "".join(f"{n:g}{_CLOCK_LETTERS[u]}" for n, u in parts if u in _CLOCK_LETTERS)
    return Resolved(f"P{dates}{'T' + times if times else ''}", "duration")


def _gregorian(mention: Mention, published: dt.date | None, future: bool) -> Resolved | None:
    year, month, day = mention.year, mention.month, mention.day
    if year is not None:
        if month is None:
            return year_value(year)
        if day is None:
            return month_value(year, month)
        date = _safe_date(year, month, day)
        return day_value(date) if date else None
    if month is None or published is None:
        return None
    if day is None:
        return month_value(*_month_near(published, month, mention.shift, future))
    date = _day_near(published, month, day, mention.shift, future)
    return day_value(date) if date else None


def _month_near(published: dt.date, month: int, shift: int | None, future: bool) -> tuple[int, int]:
    """The year-month of `month` named relative to the month of publication."""
    here = (published.year, published.month)
    if shift == 0:
        return published.year, month
    candidates = [(published.year + offset, month) for offset in (-1, 0, 1)]
    if shift == -1:
        return max(c for c in candidates if c < here)
    if shift == 1:
        return min(c for c in candidates if c > here)
    index = here[0] * 12 + here[1]
    distances = {c: c[0] * 12 + c[1] - index for c in candidates}
    return _choose(distances, future, horizon=3, year=12)


def _day_near(published: dt.date, month: int, day: int, shift: int | None, future: bool) -> dt.date | None:
    dates = [_safe_date(published.year + offset, month, day) for offset in (-1, 0, 1)]
    candidates = [d for d in dates if d is not None]
    if shift == 0:
        return _safe_date(published.year, month, day)
    if shift == -1:
        before = [d for d in candidates if d < published]
        return max(before) if before else None
    if shift == 1:
        after = [d for d in candidates if d > published]
        return min(after) if after else None
    return _choose({d: (d - published).days for d in candidates}, future, horizon=92, year=366)


def _choose(distances: dict[_T, int], future: bool, *, horizon: int, year: int) -> _T:
    """The candidate a yearless date means, from its distances to publication (negative: past).

    News mostly looks back: the nearest past occurrence (or the current one) wins unless a
    future one is nearer and within `horizon` (about three months; half of `year` when the
    sentence is in the future tense).
    """
    current = [c for c, d in distances.items() if d == 0]
    if current:
        return current[0]
    past = [c for c, d in distances.items() if d <= 0]
    ahead = [c for c, d in distances.items() if d > 0]
    if not ahead or not past:
        return min(distances, key=lambda c: abs(distances[c]))
    nearest_past = max(past, key=lambda c: distances[c])
    nearest_ahead = min(ahead, key=lambda c: distances[c])
    gap_ahead, gap_past = distances[nearest_ahead], -distances[nearest_past]
    limit = max(horizon, year // 2) if future else horizon
    if gap_ahead <= limit and gap_ahead < gap_past:
        return nearest_ahead
    return nearest_past  # type: ignore[return-value]
    if nearest_past is None:
        return nearest_ahead
    gap_ahead, gap_past = distances[nearest_ahead], -distances[nearest_past]
    if future and gap_ahead <= 12 * horizon / 3 * (30 if horizon > 12 else 1):
        return nearest_ahead
    if gap_ahead <= horizon and gap_ahead < gap_past:
        return nearest_ahead
    return nearest_past


def _weekday(published: dt.date, weekday: int, shift: int | None, future: bool) -> dt.date:
    back = (published.isoweekday() - weekday) % 7
    ahead = (weekday - published.isoweekday()) % 7
    if shift == -1:
        return published - dt.timedelta(days=back or 7)
    if shift == 1:
        return published + dt.timedelta(days=ahead or 7)
    if future:
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _period(mention: Mention, published: dt.date) -> Resolved | None:
    shift = mention.shift or 0
    if mention.unit == "week":
        return week_value(published + dt.timedelta(weeks=shift))
    if mention.unit == "month":
        year, month = add_months(published.year, published.month, shift)
        if mention.day is not None:
            date = _safe_date(year, month, mention.day)
            return day_value(date) if date else None
        return month_value(year, month)
    return year_value(published.year + shift)


def _ago(mention: Mention, published: dt.date) -> Resolved | None:
    if mention.amount is None:
        return None
    amount = round(mention.amount * (mention.shift or -1))
    if mention.unit in ("hour", "minute"):
        hours = amount if mention.unit == "hour" else amount / 60
        return day_value(published + dt.timedelta(days=int(hours / 24)))
    if mention.unit == "day":
        return day_value(published + dt.timedelta(days=amount))
    if mention.unit == "week":
        return week_value(published + dt.timedelta(weeks=amount))
    if mention.unit == "month":
        return month_value(*add_months(published.year, published.month, amount))
    if mention.unit == "decade":
        return year_value(published.year + 10 * amount)
    return year_value(published.year + amount)


def _hijri(mention: Mention, published: dt.date | None, future: bool) -> Resolved | None:
    year, month, day = mention.year, mention.month, mention.day
    if year is None:
        if month is None or published is None:
            return None
        today = hijri.from_gregorian(published)
        if today is None:
            return None
        year = _hijri_year_near(today, month, day, mention.shift, future)
    if month is None:
        bounds = hijri.year_range(year)
        return Resolved(None, "year", *bounds) if bounds else None
    if day is None:
        bounds = hijri.month_range(year, month)
        return Resolved(None, "month", *bounds) if bounds else None
    date = hijri.to_gregorian(year, month, day)
    return day_value(date) if date else None


def _hijri_year_near(
    today: tuple[int, int, int], month: int, day: int | None, shift: int | None, future: bool
) -> int:
    """The Hijri year of a month (and day) named without one, like `_month_near`."""
    here = today[1] * 30 + (today[2] if day is not None else 0)
    target = month * 30 + (day or 0)
    if shift == 0:
        return today[0]
    if shift == 1:
        return today[0] if target > here else today[0] + 1
    if shift == -1:
        return today[0] if target < here else today[0] - 1
    offsets = {-1: target - here - 354, 0: target - here, 1: target - here + 354}
    return today[0] + _choose(offsets, future, horizon=92 if day is not None else 90, year=354)
