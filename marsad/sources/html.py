"""Headline and body text from an HTML news page, without scripts, menus and boilerplate.

trafilatura does the main-content extraction; it is tuned for precision first, since a
menu or a footer fed to the pipeline becomes false entities, with its recall mode as the
second try for short pages. Nothing from the page is ever executed or fetched.
"""

from __future__ import annotations

from marsad.errors import MarsadError
from marsad.sources.article import Article, parse_published


def article_from_html(html: str) -> Article:
    import trafilatura

    extracted = None
    for options in ({"favor_precision": True}, {"favor_recall": True}):
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, **options
        )
        if extracted is not None and (extracted.text or "").strip():
            break
    if extracted is None or not (extracted.text or "").strip():
        raise MarsadError("E108")
    title = (extracted.title or "").strip() or None
    body = extracted.text.strip()
    if title and body.startswith(title):
        body = body[len(title) :].lstrip()
    try:
        published = parse_published(extracted.date)
    except MarsadError:
        published = None
    return Article(text=body, title=title, published=published, url=extracted.url or None,
                   source=extracted.sitename or None)  # fmt: skip
