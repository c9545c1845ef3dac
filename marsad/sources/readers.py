"""Turning a file, or bytes from standard input, into an `Article`.

The format is told by the content, not the file name: a JSON object starts with `{`,
an HTML page with a tag, and anything else is plain text whose first non-empty line is
the headline. Every way this can fail is a `MarsadError` naming the input.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from marsad.errors import MarsadError
from marsad.sources.article import Article, parse_published
from marsad.sources.encoding import decode_article_bytes
from marsad.sources.html import article_from_html

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
_HTML_START = re.compile(r"<(!doctype|html|head|body|article|div|p|h1|title|meta)\b", re.IGNORECASE)
_JSON_FIELDS = ("title", "text", "published", "url", "source", "id")


def read_article(path: str | Path) -> Article:
    """Reads one article file; `-` reads standard input."""
    name = str(path)
    if name == "-":
        import sys

        return article_from_bytes(sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1), "<stdin>")
    file = Path(path)
    if file.is_dir():
        raise MarsadError("E102", source=name)
    if not file.exists():
        raise MarsadError("E101", source=name)
    try:
        size = file.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise MarsadError("E109", source=name, size=size, limit=MAX_ARTICLE_BYTES)
        data = file.read_bytes()
    except OSError as error:
        raise MarsadError("E113", source=name, detail=error.strerror or str(error)) from None
    return article_from_bytes(data, name)


def article_from_bytes(data: bytes, name: str) -> Article:
    """Decodes and parses one article; `name` is used in error messages."""
    try:
        if len(data) > MAX_ARTICLE_BYTES:
            raise MarsadError("E109", size=len(data), limit=MAX_ARTICLE_BYTES)
        if not data.strip():
            raise MarsadError("E103")
        text = decode_article_bytes(data).replace("\r\n", "\n").replace("\r", "\n")
        return article_from_text(text)
    except MarsadError as error:
        raise error.with_source(name) from None


def article_from_text(text: str) -> Article:
    """Parses decoded text as JSON, HTML or a plain-text article."""
    stripped = text.lstrip("\ufeff \t\n")
    if not stripped:
        raise MarsadError("E103")
    if stripped.startswith("{"):
        article = article_from_json(stripped)
    elif stripped.startswith("<") and _HTML_START.search(stripped[:2048]):
        article = article_from_html(stripped)
    else:
        article = article_from_plain_text(stripped)
    if not article.text.strip() and not (article.title or "").strip():
        raise MarsadError("E110")
    return article


def article_from_plain_text(text: str) -> Article:
    lines = text.strip().split("\n", 1)
    title = lines[0].strip()
    body = lines[1].strip() if len(lines) > 1 else ""
    return Article(text=body, title=title or None)


def article_from_json(text: str) -> Article:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise MarsadError("E106", detail=f"{error.msg} at line {error.lineno} column {error.colno}") from None
    return article_from_record(record)


def article_from_record(record: object) -> Article:
    """Builds an article from a decoded JSON object with the contract's input fields."""
    if not isinstance(record, dict) or "text" not in record:
        raise MarsadError("E107")
    values: dict[str, str | None] = {}
    for field in _JSON_FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            if field == "id" and isinstance(value, int):
                value = str(value)
            else:
                raise MarsadError("E114", field=field)
        values[field] = value
    values["published"] = parse_published(values["published"])
    return Article(
        text=values["text"] or "", title=values["title"], published=values["published"],
        url=values["url"], source=values["source"], id=values["id"],
    )  # fmt: skip
