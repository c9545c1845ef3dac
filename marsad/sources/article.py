"""An article as it comes in, before analysis."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

from marsad.errors import MarsadError

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(slots=True)
class Article:
    """What a reader extracted: headline, body and whatever metadata the source gave."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    id: str | None = None


def parse_published(value: str | None) -> str | None:
    """Turns a publication date in ISO 8601 or RFC 2822 form into `YYYY-MM-DD`.

    Feeds and dumps give dates as `2015-01-13`, `2015-01-13T09:30:00+03:00` or
    `Tue, 13 Jan 2015 09:30:00 +0300`; the calendar day as written is kept, not converted
    to another time zone, since that is the day the newsroom dated the story.
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    try:
        if match:
            return dt.date(*map(int, match.groups())).isoformat()
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError):
        raise MarsadError("E112", value=text) from None
