"""Database connections behind one small interface: SQLite (default) and PostgreSQL.

SQL is written once with `?` placeholders; the PostgreSQL backend turns
them into psycopg's `%s`. Everything else about the two databases lives in
`newsgraph.store.sql` (full-text search) and `newsgraph.store.schema`.

- One writer at a time: SQLite's write transactions take the file's write
  lock (BEGIN IMMEDIATE, waiting up to `WRITE_WAIT` seconds), PostgreSQL's
  take one advisory lock, so two ingests at once take turns instead of
  racing on the same rows.
- A connection opened `read_only` never writes: SQLite opens the file in
  read-only mode (`immutable` on a read-only file system, where SQLite
  could not even keep its shared-memory index), PostgreSQL marks its
  transactions READ ONLY.
- The drivers' errors come out as `newsgraph.errors.StoreError`s with one
  line each: busy, disk full, read-only, or what the driver said.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlparse

from ..errors import StoreBusy, StoreError, StoreFull, StoreNotFound, StoreReadOnly

DEFAULT_DB = "newsgraph.db"
WRITE_WAIT = 120
"""Seconds a writer waits for another writer's transaction before giving up with `StoreBusy`."""
WRITER_CACHE_KIB = 65536  # KiB of pages a writing SQLite connection keeps in memory (SQLite's default: 2 MiB): an
# ingest into a large store reads its indexes from the file several times less often
WRITER_CHECKPOINT_PAGES = 10000  # WAL pages a writing SQLite connection lets pile up before it copies them into the
# database file (SQLite's default: 1,000). Each checkpoint rewrites the index pages the commits since touched and
# syncs the file twice: ten times fewer halved the time benchmarks/bench_store.py's ingest of 10,000 records waited
# on the disk on a busy machine (about 2 s to 1 s of 12; CPU time the same), for a WAL file of up to 40 MB
WRITER_LOCK = 0x6E657773  # PostgreSQL advisory lock key of the store's one writer ('news')


class Database:
    """What the store needs from a database."""

    dialect: str = ""
    url: str = ""
    read_only: bool = False

    def execute(self, sql: str, params: Sequence = ()) -> None: ...
    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None: ...
    def query(self, sql: str, params: Sequence = ()) -> list[dict]: ...
    def insert_id(self, sql: str, params: Sequence = ()) -> int: ...
    def close(self) -> None: ...

    _depth: int = 0
    transactions: int = 0  # outer transactions begun on this connection

    @property
    def in_transaction(self) -> bool:
        """Inside a `transaction` block: the writer's lock is held."""
        return self._depth > 0

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
            self.transactions += 1
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

    def errors(self) -> DriverErrors:
        """The driver's errors as one-line `StoreError`s (a `with` block)."""
        return DriverErrors(self.url)


class DriverErrors:
    """A `with` block that turns the driver's errors into one-line `StoreError`s; a plain class, not a
    generator, because every statement goes through one."""

    __slots__ = ("url",)

    def __init__(self, url: str):
        self.url = url

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, traceback) -> bool:
        if exc is None or isinstance(exc, StoreError) or not isinstance(exc, Exception):
            return False
        if isinstance(exc, (sqlite3.Error, OSError)) or type(exc).__module__.split(".")[0] == "psycopg":
            raise store_error(exc, self.url) from exc
        return False


def store_error(exc: BaseException, url: str) -> StoreError:
    """One line for a database error: which store, and whether it was busy, full or read-only."""
    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    lowered = text.lower()
    sqlstate = getattr(exc, "sqlstate", None)
    where = _display(url)
    if "disk is full" in lowered or "no space left" in lowered or sqlstate == "53100" or \
            getattr(exc, "errno", None) == errno.ENOSPC:
        return StoreFull(f"{where}: no space left on its device ({text}); nothing half-written was kept")
    if "readonly" in lowered or "read-only" in lowered or sqlstate == "25006":
        return StoreReadOnly(f"{where} is read-only here ({text})")
    if "locked" in lowered or "busy" in lowered or sqlstate == "55P03":
        return StoreBusy(f"{where} is busy: another process held its write lock for more than {WRITE_WAIT} s "
                         f"({text})")
    return StoreError(f"{where}: {text}")


def _display(url: str) -> str:
    """The store's URL without a password."""
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


class SqliteDatabase(Database):
    """A single file, FTS5 for search, readable as it is by Datasette."""

    dialect = "sqlite"

    def __init__(self, path: str, read_only: bool = False):
        self.url = f"sqlite:///{path}"
        self.read_only = read_only
        self._depth = 0
        with self.errors():
            self.conn = _sqlite_connect(path, read_only)
            self.conn.row_factory = sqlite3.Row
            pragmas = [f"busy_timeout={WRITE_WAIT * 1000}", "foreign_keys=ON"]
            pragmas += ["query_only=ON"] if read_only else ["journal_mode=WAL", "synchronous=NORMAL",
                                                            f"cache_size=-{WRITER_CACHE_KIB}",
                                                            f"wal_autocheckpoint={WRITER_CHECKPOINT_PAGES}"]
            for pragma in pragmas:
                _pragma(self.conn, pragma)

    def execute(self, sql, params=()):
        with self.errors():
            self.conn.execute(sql, params)

    def executemany(self, sql, rows):
        rows = list(rows)
        if not rows:
            return  # nothing to prepare: an article often has no events or claims
        with self.errors():
            self.conn.executemany(sql, rows)

    def query(self, sql, params=()):
        with self.errors():
            return [dict(r) for r in self.conn.execute(sql, params)]

    def insert_id(self, sql, params=()):
        with self.errors():
            return self.conn.execute(sql, params).lastrowid

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        self.execute("BEGIN IMMEDIATE")  # the write lock now, so a re-check inside sees every other writer
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.execute("COMMIT")

    def close(self):
        self.conn.close()


def _pragma(conn: sqlite3.Connection, pragma: str) -> None:
    """Set a pragma, waiting up to `WRITE_WAIT` seconds for a lock: SQLite answers "locked" at once, without its
    busy handler, when two processes turn a new file to WAL together (two ingests into one new store)."""
    deadline = time.monotonic() + WRITE_WAIT
    while True:
        try:
            conn.execute(f"PRAGMA {pragma}")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(PRAGMA_RETRY_S)


PRAGMA_RETRY_S = 0.05


def _sqlite_connect(path: str, read_only: bool) -> sqlite3.Connection:
    """A connection to the file: read-write (created when missing), or read-only (never created).

    On a read-only file system SQLite cannot keep a WAL file's shared-memory index, so the file is opened
    `immutable`: nobody can change it there anyway.
    """
    if not read_only:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            if not os.access(Path(path).absolute().parent, os.W_OK):
                raise StoreReadOnly(f"sqlite:///{path} is read-only here: its folder cannot be written (a "
                                    "read-only file system?); commands that only read it still work")
        return sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    folder = Path(path).absolute().parent
    mode = "ro" if os.access(folder, os.W_OK) else "ro&immutable=1"
    return sqlite3.connect(f"file:{quote(str(Path(path).absolute()))}?mode={mode}", uri=True,
                           isolation_level=None, check_same_thread=False)


class PostgresDatabase(Database):
    """A PostgreSQL server through psycopg 3; tsvector for search."""

    dialect = "postgresql"

    def __init__(self, url: str, read_only: bool = False):
        import psycopg
        from psycopg.rows import dict_row

        self.url = url
        self.read_only = read_only
        self._depth = 0
        with self.errors():
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
            if read_only:
                self.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql, params=()):
        with self.errors():
            self.conn.execute(self._sql(sql), params)

    def executemany(self, sql, rows):
        rows = list(rows)
        if not rows:
            return  # a round trip saved: an article often has no events or claims
        with self.errors(), self.conn.cursor() as cur:
            cur.executemany(self._sql(sql), rows)

    def query(self, sql, params=()):
        with self.errors():
            return self.conn.execute(self._sql(sql), params).fetchall()

    def insert_id(self, sql, params=()):
        with self.errors():
            row = self.conn.execute(self._sql(sql) + " RETURNING id", params).fetchone()
        return row["id"]

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        with self.errors(), self.conn.transaction():
            if not self.read_only:  # one writer at a time, as on SQLite
                self.conn.execute(f"SET LOCAL lock_timeout = '{WRITE_WAIT}s'")
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            yield

    def close(self):
        self.conn.close()


def connect(url: str | None = None, create: bool = True, read_only: bool = False) -> Database:
    """A database from a URL: sqlite:///news.db, a plain path, or postgresql://...; default $NEWSGRAPH_DB.

    With `create=False` (always when `read_only`) a SQLite file that does not exist raises `StoreNotFound`
    and nothing is created; `read_only` connections never write.
    """
    url = url or os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB
    scheme = urlparse(url).scheme
    if scheme in ("postgresql", "postgres"):
        return PostgresDatabase(url, read_only)
    path = sqlite_path(url)
    if path is None:
        raise ValueError(f"unsupported database URL {url!r} (use sqlite:///FILE or postgresql://...)")
    if (read_only or not create) and path != ":memory:" and not Path(path).is_file():
        raise StoreNotFound(f"no store at {path} (make one with `newsgraph ingest FILES --db {url}`)")
    return SqliteDatabase(path, read_only)


def sqlite_path(url: str) -> str | None:
    """The file of a SQLite URL or plain path (':memory:' for sqlite://); None for other databases."""
    scheme = urlparse(url).scheme
    if scheme == "sqlite":
        return (url[len("sqlite:///"):] if url.startswith("sqlite:///") else url[len("sqlite://"):]) or ":memory:"
    if scheme and len(scheme) > 1:
        return None
    return url
