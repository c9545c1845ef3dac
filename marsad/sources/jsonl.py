"""JSON Lines article dumps: one article object a line, with configurable field names.

Public Arabic news dumps name their fields as they please (`content`, `date`, `docno`);
a `FieldMap` says which key of each record holds which field of an `Article`, so a dump
loads as it is. A key may be dotted (`meta.date`) to reach into a nested object. Each line
is decoded and parsed on its own, so one bad line is one rejected record, not a lost file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO

from marsad.errors import MarsadError
from marsad.sources.article import Article
from marsad.sources.encoding import decode_article_bytes
from marsad.sources.readers import MAX_ARTICLE_BYTES, article_from_record

ARTICLE_FIELDS = ("title", "text", "published", "url", "source", "id")


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One record read from an input: an article, or the reason it could not be read.

    `origin` names the file (inside an archive, `archive.gz`), `line` is the 1-based line
    of a JSON Lines record or the 1-based item number in a feed, None for a whole file.
    """

    origin: str
    line: int | None
    article: Article | None = None
    error: MarsadError | None = None

    @property
    def location(self) -> str:
        return f"{self.origin}:{self.line}" if self.line is not None else self.origin


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which record key holds each article field; unmapped fields use their own name."""

    keys: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, specs: Iterable[str]) -> FieldMap:
        """Parses `NAME=KEY` pairs such as `text=content` (the CLI's --field options)."""
        keys: dict[str, str] = {}
        for spec in specs:
            name, sep, key = spec.partition("=")
            name, key = name.strip(), key.strip()
            if not sep or name not in ARTICLE_FIELDS or not key:
                raise MarsadError("E604", spec=spec, names=", ".join(ARTICLE_FIELDS))
            keys[name] = key
        return cls(keys)

    def apply(self, record: object) -> object:
        """Returns a record with the contract's field names, or `record` itself if not an object.

        A record without the mapped key keeps its own field of the contract's name, so one
        map serves a folder that mixes a dump with articles in Marsad's own format.
        """
        if not isinstance(record, dict) or not self.keys:
            return record
        mapped = dict(record)
        for name, key in self.keys.items():
            value = _lookup(record, key)
            if value is not None:
                mapped[name] = value
        return mapped


def _lookup(record: dict, key: str) -> object:
    value: object = record
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def article_from_json_line(line: bytes, fields: FieldMap) -> Article:
    """Parses one JSON Lines record into an `Article`."""
    if len(line) > MAX_ARTICLE_BYTES:
        raise MarsadError("E109", size=len(line), limit=MAX_ARTICLE_BYTES)
    text = decode_article_bytes(line)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise MarsadError("E106", detail=f"{error.msg} at column {error.colno}") from None
    record = fields.apply(record)
    if isinstance(record, dict) and isinstance(record.get("published"), int | float):
        record["published"] = None  # epoch numbers are not days; better none than a wrong one
    article = article_from_record(record)
    if not article.text.strip() and not (article.title or "").strip():
        raise MarsadError("E110")
    return article


def iter_json_lines(stream: IO[bytes], origin: str, fields: FieldMap) -> Iterator[SourceRecord]:
    """Reads a JSON Lines stream; blank lines are skipped, every other line yields a record.

    A line longer than the article size limit is rejected without being held in memory.
    """
    number = 0
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
            size = len(line) + _skip_rest_of_line(stream)
            error = MarsadError("E109", source=origin, size=size, limit=MAX_ARTICLE_BYTES)
            yield SourceRecord(origin, number, error=error)
            continue
        if not line.strip():
            continue
        try:
            yield SourceRecord(origin, number, article=article_from_json_line(line.rstrip(b"\r\n"), fields))
        except MarsadError as error:
            yield SourceRecord(origin, number, error=error.with_source(origin))


def _skip_rest_of_line(stream: IO[bytes]) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
