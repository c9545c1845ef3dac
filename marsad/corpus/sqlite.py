"""The embedded store: one SQLite file, WAL journal, foreign keys, FTS5 full-text search.

WAL lets readers (a search, the web pages) run while an ingest writes. Writes are made in
explicit `BEGIN IMMEDIATE` transactions, so a writer takes the lock before reading what
it will change. `synchronous=NORMAL` in WAL mode may lose the last transactions on a
power cut but never corrupts the file or splits a transaction, which is the promise
ingest makes (re-running finishes the job). Statements are in `sql/sqlite.sql`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.corpus.store import SqlStore, migrations
from marsad.errors import MarsadError

BUSY_TIMEOUT_MS = 30_000
_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA cache_size = -65536",
    "PRAGMA mmap_size = 268435456",
)


class SQLiteStore(SqlStore):
    backend = "sqlite"

    def __init__(self, path: str | Path):
        super().__init__()
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            for pragma in _PRAGMAS:
                self._conn.execute(pragma)
            self._migrate()
        except sqlite3.Error as error:
            raise MarsadError("E602", detail=f"{self.path}: {error}") from None
        except OSError as error:
            raise MarsadError("E602", detail=f"{self.path}: {error.strerror or error}") from None
        self._depth = 0

    def _migrate(self) -> None:
        """Applies each migration newer than the file's `user_version`, each in one transaction."""
        known = migrations(self.backend)
        latest = known[-1][0] if known else 0
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            current = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if current > latest:
                raise MarsadError("E603", found=current, known=latest)
            for version, script in known:
                if version > current:
                    for statement in _split_statements(script):
                        self._conn.execute(statement)
                    self._conn.execute(f"PRAGMA user_version = {version:d}")
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested uses join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _execute(self, name: str, params: Mapping[str, Any] | None = None, sql: str | None = None) -> Any:
        return self._conn.execute(sql or self.sql[name], params or {})

    def _list_param(self, values: Sequence[Any]) -> str:
        return json.dumps(list(values), ensure_ascii=False)

    def _match_expression(self, words: Sequence[Sequence[str]]) -> str:
        """FTS5 syntax: `("a" OR "b") AND ("c")`; terms are quoted, so no operator leaks in."""
        groups = []
        for alternatives in words:
            quoted = " OR ".join('"' + term.replace('"', '""') + '"' for term in alternatives)
            groups.append(f"({quoted})")
        return " AND ".join(groups)

    def close(self) -> None:
        self._conn.close()


def _split_statements(script: str) -> list[str]:
    """Splits a migration script into statements (they hold no semicolons in literals)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [statement.strip() for statement in "\n".join(lines).split(";") if statement.strip()]
