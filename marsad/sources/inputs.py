"""Turning the paths a user names (files, folders, `.gz` archives) into article records.

A folder is walked in sorted order so that runs are reproducible. What a file holds is
told by its content, after gzip is undone: a feed starts with `<rss`/`<feed`, a JSON Lines
file is one JSON object a line (or is named `.jsonl`/`.ndjson`), and anything else is a
single article for `article_from_bytes` (text, HTML or one JSON object). Every failure is
a record with an error, never an exception, so that one bad file does not stop a batch.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.errors import MarsadError
from marsad.sources.feeds import iter_feed, looks_like_feed
from marsad.sources.jsonl import FieldMap, SourceRecord, article_from_json_line, iter_json_lines
from marsad.sources.readers import MAX_ARTICLE_BYTES, article_from_bytes

GZIP_MAGIC = b"\x1f\x8b"
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
# A feed file may be larger than one article; it is parsed whole.
MAX_FEED_BYTES = 64 * 1024 * 1024
_SNIFF = 64 * 1024


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | SourceRecord]:
    """Every file under `paths`, folders walked in sorted order; hidden files are skipped.

    A path that does not exist is yielded as a record with error E101.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        elif path.exists():
            yield path
        else:
            yield SourceRecord(str(path), None, error=MarsadError("E101", source=str(path)))


def iter_records(paths: Iterable[str | Path], fields: FieldMap | None = None) -> Iterator[SourceRecord]:
    """Reads every article of every input, in order."""
    fields = fields or FieldMap()
    for item in iter_files(paths):
        if isinstance(item, SourceRecord):
            yield item
        else:
            yield from iter_file_records(item, fields)


def iter_file_records(path: Path, fields: FieldMap) -> Iterator[SourceRecord]:
    """Reads one file, which may hold one article, a JSON Lines dump or a feed, gzipped or not."""
    origin = str(path)
    try:
        with open(path, "rb") as raw:
            head = raw.read(2)
            raw.seek(0)
            if head == GZIP_MAGIC:
                with gzip.GzipFile(fileobj=raw) as unzipped:
                    yield from _records(io.BufferedReader(unzipped), origin, path.name[:-3], fields)  # type: ignore[arg-type]
            else:
                yield from _records(raw, origin, path.name, fields)
    except (OSError, EOFError, zlib.error) as error:
        code = "E606" if isinstance(error, EOFError | zlib.error | gzip.BadGzipFile) else "E113"
        detail = getattr(error, "strerror", None) or str(error) or type(error).__name__
        yield SourceRecord(origin, None, error=MarsadError(code, source=origin, detail=detail))


def _records(stream: io.BufferedIOBase, origin: str, name: str, fields: FieldMap) -> Iterator[SourceRecord]:
    head = stream.peek(_SNIFF)[:_SNIFF] if hasattr(stream, "peek") else b""
    if name.lower().endswith(JSON_LINES_SUFFIXES) or _looks_like_json_lines(head):
        yield from iter_json_lines(stream, origin, fields)
    elif looks_like_feed(head):
        data = stream.read(MAX_FEED_BYTES + 1)
        if len(data) > MAX_FEED_BYTES:
            error = MarsadError("E109", source=origin, size=len(data), limit=MAX_FEED_BYTES)
            yield SourceRecord(origin, None, error=error)
        else:
            yield from iter_feed(data, origin)
    else:
        data = stream.read(MAX_ARTICLE_BYTES + 1)
        try:
            if fields.keys and data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
                article = article_from_json_line(data.strip(), fields)  # one JSON object, its own field names
            else:
                article = article_from_bytes(data, origin)
            yield SourceRecord(origin, None, article=article)
        except MarsadError as error:
            yield SourceRecord(origin, None, error=error if error.source else error.with_source(origin))


def _looks_like_json_lines(head: bytes) -> bool:
    """Two or more lines that each start with `{`: one object a line, not one pretty-printed object."""
    lines = [line.strip() for line in head.lstrip(b"\xef\xbb\xbf").split(b"\n") if line.strip()]
    return (
        len(lines) >= 2
        and lines[0].startswith(b"{")
        and lines[0].endswith(b"}")
        and lines[1].startswith(b"{")
    )


def count_records(paths: Iterable[str | Path]) -> int:
    """A quick count of the records under `paths`, for a progress bar's total.

    JSON Lines count their non-blank lines and feeds their items, without parsing them.
    """
    total = 0
    for item in iter_files(paths):
        if isinstance(item, SourceRecord):
            total += 1
            continue
        try:
            total += _count_file(item)
        except (OSError, EOFError, zlib.error):
            total += 1
    return total


def _count_file(path: Path) -> int:
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream: io.BufferedIOBase = io.BufferedReader(gzip.GzipFile(fileobj=raw)) if gzipped else raw  # type: ignore[assignment]
        head = stream.peek(_SNIFF)[:_SNIFF]
        name = path.name[:-3] if gzipped else path.name
        if name.lower().endswith(JSON_LINES_SUFFIXES) or _looks_like_json_lines(head):
            return sum(1 for line in stream if line.strip())
        if looks_like_feed(head):
            data = stream.read(MAX_FEED_BYTES)
            return max(1, data.count(b"<item") + data.count(b"<entry"))
        return 1
