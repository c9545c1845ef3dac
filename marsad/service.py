"""The one service behind the CLI, the HTTP API, the web pages and Spark.

`analyze` handles one text; `analyze_many` is the batch entry every bulk path calls, so
that ingest, the API and Spark executors run the same code with the pipeline loaded once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Literal, overload

from marsad import resources
from marsad.document import Document
from marsad.errors import MarsadError
from marsad.sources.article import Article, parse_published
from marsad.text.language import ARABIC, detect_language


def analyze(text: str, *, title: str | None = None, published: str | dt.date | None = None) -> Document:
    """Analyses one article.

    text (str): the body, or the whole article when there is no separate headline.
    title (str | None): the headline; the document's text is `title + "\\n" + text`.
    published (str | date | None): publication day (`YYYY-MM-DD`), which relative dates
        such as أمس are resolved against.
    RETURNS (Document): the analysis; `to_dict()` gives the JSON contract.
    """
    if isinstance(published, dt.date):
        published = published.isoformat()
    elif published is not None and parse_published(published) != published:
        raise MarsadError("E112", value=published)
    doc = Document.from_parts(text, title=title, published=published)
    return resources.pipeline()(doc)


def analyze_article(article: Article, *, require_arabic: bool = True) -> Document:
    """Analyses an article read by `marsad.sources`; refuses non-Arabic text unless told not to."""
    if require_arabic:
        language = detect_language(f"{article.title or ''}\n{article.text}")
        if language != ARABIC:
            raise MarsadError("E111", language=language)
    return analyze(article.text, title=article.title, published=article.published)


@overload
def analyze_many(
    articles: Iterable[Article], *, require_arabic: bool = True, return_errors: Literal[False] = False
) -> Iterator[Document]: ...
@overload
def analyze_many(
    articles: Iterable[Article], *, require_arabic: bool = True, return_errors: Literal[True]
) -> Iterator[Document | MarsadError]: ...
def analyze_many(
    articles: Iterable[Article], *, require_arabic: bool = True, return_errors: bool = False
) -> Iterator[Document | MarsadError]:
    """Analyses articles one after another with the process's single pipeline.

    return_errors (bool): yield an article's `MarsadError` in place of its document
        instead of raising it, so that a batch goes on past a bad article and every
        result still lines up with its article (what ingest needs).
    """
    for article in articles:
        if not return_errors:
            yield analyze_article(article, require_arabic=require_arabic)
            continue
        try:
            yield analyze_article(article, require_arabic=require_arabic)
        except MarsadError as error:
            yield error
