"""The corpus: many analysed articles in a store, deduplicated, merged into events, searchable.

`open_store(url)` opens (and creates or migrates) a store: `sqlite:///PATH` or a bare
path for the embedded default, `postgresql://...` for a team server. Without a URL the
`MARSAD_DB` environment variable is used, else `corpus.db` in the user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from marsad.corpus.store import ArticleRecord, EventFilters, SearchFilters, Store, article_key
from marsad.errors import MarsadError

__all__ = [
    "ArticleRecord",
    "EventFilters",
    "SearchFilters",
    "Store",
    "article_key",
    "default_url",
    "open_store",
]


def default_url() -> str:
    """`MARSAD_DB` if set, else a SQLite file in the platform's user data directory."""
    if os.environ.get("MARSAD_DB"):
        return os.environ["MARSAD_DB"]
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('marsad', appauthor=False)) / 'corpus.db'}"


def open_store(url: str | None = None) -> Store:
    """Opens the store at `url` (see the module docstring), applying pending migrations."""
    url = url or default_url()
    if url.startswith(("postgresql://", "postgres://")):
        from marsad.corpus.postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
    elif url.startswith("sqlite://") or "://" in url:
        raise MarsadError("E601", url=url)
    else:
        path = url
    from marsad.corpus.sqlite import SQLiteStore

    return SQLiteStore(Path(path).expanduser())
