"""Ingest of articles posted to the API, built from the corpus's public pieces.

`marsad.corpus.ingest.ingest` reads files with worker processes; an API request
brings a few articles in its body, analysed in the request's thread. The steps are the
same: identity key, skip what is stored, analyse with the one service, make the store
record (`record_from_document`), place it in its story by near-duplicate match, and
write each article whole inside one transaction.

The near-duplicate index is built from the store's signatures on the first ingest
request and then kept, with what this server adds; articles another process ingests
later are only matched against after a restart (they are still stored and searchable).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from marsad import resources, service
from marsad.corpus import Store, article_key
from marsad.corpus.dedup import DuplicateIndex
from marsad.corpus.ingest import record_from_document
from marsad.errors import MarsadError
from marsad.sources.article import Article

MAX_ARTICLES_PER_REQUEST = 100


@dataclass(slots=True)
class IngestOutcome:
    index: int
    status: str  # "stored", "already_stored" or "rejected"
    article_id: int | None = None
    key: str | None = None
    error: MarsadError | None = None

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"index": self.index, "status": self.status, "key": self.key}
        if self.article_id is not None:
            result["article_id"] = self.article_id
        if self.error is not None:
            result["error"] = {"code": self.error.code, "message": str(self.error)}
        return result


class ApiIngester:
    """Stores posted articles; one per app, shared by the server's threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._duplicates: DuplicateIndex | None = None

    def ingest(
        self, store: Store, articles: list[Article], *, require_arabic: bool = True
    ) -> list[IngestOutcome]:
        outcomes: list[IngestOutcome] = []
        pending: list[tuple[int, str, Any]] = []
        pipeline = ",".join(resources.pipeline().names)
        seen: set[str] = set()
        for index, article in enumerate(articles):
            key = article_key(article)
            if key in seen or store.known_keys([key]):
                outcomes.append(IngestOutcome(index, "already_stored", key=key))
                continue
            seen.add(key)
            try:
                document = service.analyze_article(article, require_arabic=require_arabic)
            except MarsadError as error:
                outcomes.append(IngestOutcome(index, "rejected", key=key, error=error))
                continue
            pending.append((index, key, record_from_document(document, article, key, pipeline)))
        with self._lock:
            duplicates = self._duplicate_index(store)
            added: list[tuple[int, bytes]] = []
            with store.transaction():
                for index, key, record in pending:
                    record.origin = "api"
                    match = duplicates.best_match(record.minhash) if record.minhash else None
                    article_id = store.add_article(record, match)
                    if article_id is None:
                        outcomes.append(IngestOutcome(index, "already_stored", key=key))
                        continue
                    if record.minhash:
                        added.append((article_id, record.minhash))
                    outcomes.append(IngestOutcome(index, "stored", article_id=article_id, key=key))
            # Only once committed: a failed transaction must not leave ghosts in the index.
            for article_id, minhash in added:
                duplicates.add(article_id, minhash)
        return sorted(outcomes, key=lambda outcome: outcome.index)

    def _duplicate_index(self, store: Store) -> DuplicateIndex:
        if self._duplicates is None:
            self._duplicates = DuplicateIndex.from_signatures(store.signatures())
        return self._duplicates
