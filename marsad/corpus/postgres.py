"""The team store: PostgreSQL through psycopg 3, with the same schema and behaviour as SQLite.

The connection runs in autocommit mode and every write is an explicit transaction, so a
killed client leaves nothing half-written (the server rolls its transaction back).
Migrations are serialised with a transaction-level advisory lock, so two processes
opening a new database at once do not both create the schema. Full-text search uses a
generated `tsvector` over the stored search terms with a GIN index, ranked by
`ts_rank_cd`. Statements are in `sql/postgres.sql`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from marsad.corpus.store import SqlStore, migrations
from marsad.errors import MarsadError

# An arbitrary constant naming Marsad's migration lock among the server's advisory locks.
_MIGRATION_LOCK = 0x6D61727361640001
_PASSWORD = re.compile(r"(://[^:/@]+:)[^@]*@")


class PostgresStore(SqlStore):
    backend = "postgres"

    def __init__(self, url: str):
        super().__init__()
        self.url = _PASSWORD.sub(r"\1***@", url)
        try:
            import psycopg
        except ImportError:
            raise MarsadError("E608") from None
        self._psycopg = psycopg
        try:
            self._conn = psycopg.connect(url, autocommit=True)
            self._migrate()
        except psycopg.Error as error:
            detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise MarsadError("E602", detail=f"{self.url}: {detail}") from None
        self._depth = 0

    def _migrate(self) -> None:
        known = migrations(self.backend)
        latest = known[-1][0] if known else 0
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version"
                " (version BIGINT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
            )
            current = self._conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
            if current > latest:
                raise MarsadError("E603", found=current, known=latest)
            for version, script in known:
                if version > current:
                    self._conn.execute(script.encode("utf-8"))
                    self._conn.execute("INSERT INTO schema_version VALUES (%s, now())", (version,))

    def schema_version(self) -> int:
        return self._conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]

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
        self._depth = 1
        try:
            with self._conn.transaction():
                yield
        finally:
            self._depth = 0

    def _execute(self, name: str, params: Mapping[str, Any] | None = None, sql: str | None = None) -> Any:
        return self._conn.execute((sql or self.sql[name]).encode("utf-8"), params or {}, prepare=True)

    def _list_param(self, values: Sequence[Any]) -> list[Any]:
        return list(values)

    def _match_expression(self, words: Sequence[Sequence[str]]) -> str:
        """tsquery syntax: `('a' | 'b') & ('c')`; quoted lexemes, so no operator leaks in."""
        groups = []
        for alternatives in words:
            quoted = " | ".join(
                "'" + term.replace("\\", "\\\\").replace("'", "''") + "'" for term in alternatives
            )
            groups.append(f"({quoted})")
        return " & ".join(groups)

    def close(self) -> None:
        self._conn.close()
