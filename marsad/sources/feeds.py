"""RSS 2.0 and Atom feed files: each item or entry becomes an article.

Feeds carry the story in `content:encoded`, `content` or `description`, often as HTML;
the richest of these is taken and, when it holds markup, reduced to text: block tags
become line breaks, other tags go, entities are unescaped (a feed item is a fragment, not a
page, so page-level boilerplate removal has nothing to work on). The parser is the
standard library's, which neither fetches external entities nor expands nested entity
definitions without bound (expat's limits).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator

from marsad.errors import MarsadError
from marsad.sources.article import Article, parse_published
from marsad.sources.jsonl import SourceRecord

_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)
_MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>")
_BLOCK_BREAK = re.compile(r"<(br|/p|/div|/h[1-6]|/li)\b[^>]*>", re.IGNORECASE)
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes start like an RSS, RDF or Atom document."""
    return bool(_FEED_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")))


def iter_feed(data: bytes, origin: str) -> Iterator[SourceRecord]:
    """Yields one record per item or entry; `line` is the item's 1-based position."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        yield SourceRecord(origin, None, error=MarsadError("E605", source=origin, detail=str(error)))
        return
    if root.tag == f"{_ATOM}feed":
        source = _text(root.find(f"{_ATOM}title"))
        items = [(entry, _atom_entry) for entry in root.iter(f"{_ATOM}entry")]
    else:
        channel = root.find("channel")
        source = _text(channel.find("title")) if channel is not None else None
        items = [(item, _rss_item) for item in root.iter() if _local(item.tag) == "item"]
    for number, (element, parse) in enumerate(items, 1):
        try:
            article = parse(element)
            article.source = article.source or source
            if not article.text.strip() and not (article.title or "").strip():
                raise MarsadError("E110")
            yield SourceRecord(origin, number, article=article)
        except MarsadError as error:
            yield SourceRecord(origin, number, error=error.with_source(origin))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(element: ElementTree.Element | None) -> str | None:
    if element is None:
        return None
    value = "".join(element.itertext()).strip()
    return value or None


def _rss_item(item: ElementTree.Element) -> Article:
    children = {_local(child.tag): child for child in item}
    body = _text(item.find(_CONTENT_ENCODED)) or _text(children.get("description"))
    date = _text(children.get("pubDate")) or _text(item.find(_DC_DATE))
    guid = _text(children.get("guid"))
    return _article(_text(children.get("title")), body, date, _text(children.get("link")), guid)


def _atom_entry(entry: ElementTree.Element) -> Article:
    link = None
    for candidate in entry.findall(f"{_ATOM}link"):
        if candidate.get("rel", "alternate") == "alternate":
            link = candidate.get("href")
            break
    body = _text(entry.find(f"{_ATOM}content")) or _text(entry.find(f"{_ATOM}summary"))
    date = _text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated"))
    return _article(_text(entry.find(f"{_ATOM}title")), body, date, link, _text(entry.find(f"{_ATOM}id")))


def _article(
    title: str | None, body: str | None, date: str | None, url: str | None, guid: str | None
) -> Article:
    text = body or ""
    if _MARKUP.search(text):
        text = _BLOCK_BREAK.sub("\n", text)
        text = html.unescape(_MARKUP.sub(" ", text))
        text = "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
    return Article(text=text, title=title, published=parse_published(date), url=url, id=guid)
