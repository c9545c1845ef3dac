"""One corpus store connection per server thread.

FastAPI runs plain `def` handlers on a thread pool, and a database connection must not
be used by two threads at once; so each thread opens its own connection on first use
and keeps it. All SQL stays in `marsad.corpus`; this module only hands stores out.
"""

from __future__ import annotations

import threading

from marsad.corpus import Store, open_store


class StoreProvider:
    """Opens `url` lazily, once per thread; `close()` closes every connection it made."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            with self._lock:
                # The first connection creates or migrates the schema before any other opens.
                store = open_store(self.url)
                self._opened.append(store)
            self._local.store = store
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
        self._local = threading.local()
