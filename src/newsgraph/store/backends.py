"""Database connections behind one small interface: SQLite (default) and PostgreSQL.

SQL is written once with `?` placeholders; the PostgreSQL backend turns
them into psycopg's `%s`. Everything else about the two databases lives in
`newsgraph.store.sql` (full-text search) and `newsgraph.store.schema`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

DEFAULT_DB = "newsgraph.db"


class Database:
    """What the store needs from a database."""

    dialect: str = ""
    url: str = ""

    def execute(self, sql: str, params: Sequence = ()) -> None: ...
    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None: ...
    def query(self, sql: str, params: Sequence = ()) -> list[dict]: ...
    def insert_id(self, sql: str, params: Sequence = ()) -> int: ...
    def close(self) -> None: ...

    _depth: int = 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; nested blocks join the outer one (no savepoint round trips per article)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with self._outer_transaction():
            self._depth = 1
            try:
                yield
            finally:
                self._depth = 0

    def _outer_transaction(self):
        """The database's own transaction block: commits on success, rolls back on an exception."""
        raise NotImplementedError

    def scalar(self, sql: str, params: Sequence = ()):
        rows = self.query(sql, params)
        return next(iter(rows[0].values())) if rows else None


class SqliteDatabase(Database):
    """A single file, FTS5 for search, readable as it is by Datasette."""

    dialect = "sqlite"

    def __init__(self, path: str):
        self.url = f"sqlite:///{path}"
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=10000"):
            self.conn.execute(f"PRAGMA {pragma}")
        self._depth = 0

    def execute(self, sql, params=()):
        self.conn.execute(sql, params)

    def executemany(self, sql, rows):
        self.conn.executemany(sql, rows)

    def query(self, sql, params=()):
        return [dict(r) for r in self.conn.execute(sql, params)]

    def insert_id(self, sql, params=()):
        return self.conn.execute(sql, params).lastrowid

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self):
        self.conn.close()


class PostgresDatabase(Database):
    """A PostgreSQL server through psycopg 3; tsvector for search."""

    dialect = "postgresql"

    def __init__(self, url: str):
        import psycopg
        from psycopg.rows import dict_row

        self.url = url
        self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        self._depth = 0

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql, params=()):
        self.conn.execute(self._sql(sql), params)

    def executemany(self, sql, rows):
        rows = list(rows)
        if not rows:
            return  # a round trip saved: an article often has no events or claims
        with self.conn.cursor() as cur:
            cur.executemany(self._sql(sql), rows)

    def query(self, sql, params=()):
        return self.conn.execute(self._sql(sql), params).fetchall()

    def insert_id(self, sql, params=()):
        row = self.conn.execute(self._sql(sql) + " RETURNING id", params).fetchone()
        return row["id"]

    def _outer_transaction(self):
        return self.conn.transaction()

    def close(self):
        self.conn.close()


def connect(url: str | None = None, create: bool = True) -> Database:
    """A database from a URL: sqlite:///news.db, a plain path, or postgresql://...; default $NEWSGRAPH_DB.

    With `create=False` a SQLite file that does not exist raises `StoreNotFound` and nothing is created.
    """
    url = url or os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB
    scheme = urlparse(url).scheme
    if scheme in ("postgresql", "postgres"):
        return PostgresDatabase(url)
    if scheme == "sqlite":
        path = (url[len("sqlite:///"):] if url.startswith("sqlite:///") else url[len("sqlite://"):]) or ":memory:"
    elif scheme and len(scheme) > 1:
        raise ValueError(f"unsupported database URL {url!r} (use sqlite:///FILE or postgresql://...)")
    else:
        path = url
    if not create and path != ":memory:" and not Path(path).is_file():
        from ..errors import StoreNotFound

        raise StoreNotFound(f"no store at {path} (make one with `newsgraph ingest FILES --db {url}`)")
    return SqliteDatabase(path)
