"""Reading articles from files, standard input, HTML pages and JSON, in any usual encoding."""

from marsad.sources.article import Article
from marsad.sources.readers import article_from_bytes, read_article

__all__ = ["Article", "article_from_bytes", "read_article"]
