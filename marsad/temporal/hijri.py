"""Hijri (Umm al-Qura) dates to Gregorian, through the maintained `hijridate` converter.

The converter covers 1343-1500 AH (1924-2077 CE); outside that range, or for a day that
does not exist (30 in a 29-day month), the functions answer None rather than guess.
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri


def to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Hijri date, or None when it cannot be converted."""
    try:
        return Hijri(year, month, day).to_gregorian()
    except (OverflowError, ValueError):
        return None


def month_range(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """The first and last Gregorian days of a Hijri month."""
    try:
        first = Hijri(year, month, 1)
        return first.to_gregorian(), Hijri(year, month, first.month_length()).to_gregorian()
    except (OverflowError, ValueError):
        return None


def year_range(year: int) -> tuple[dt.date, dt.date] | None:
    """The first and last Gregorian days of a Hijri year."""
    first = month_range(year, 1)
    last = month_range(year, 12)
    return (first[0], last[1]) if first and last else None


def from_gregorian(day: dt.date) -> tuple[int, int, int] | None:
    """The Hijri (year, month, day) of a Gregorian day."""
    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except (OverflowError, ValueError):
        return None
    return hijri.year, hijri.month, hijri.day
