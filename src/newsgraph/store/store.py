"""The knowledge base: articles, entities across articles, quotes, events, claims.

One `Store` over either database. It has one writer: ingesting goes
through `add_article`, which writes an article and every fact of it in one
transaction, so an interrupted ingest leaves whole articles or none
(`batch` puts several articles in one transaction: all or none of them).
The writer remembers the profiles linking reads (`linking.Profiles`) and
forgets them when it sees that someone else has written. The queries are
inherited from `reading.Reading`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import StoreError, StoreReadOnly
from ..model import Article
from .backends import Database, connect
from .facts import j as _j
from .facts import now as _now
from .facts import write_facts
from .profiles import Profiles
from .reading import Reading
from .schema import MIGRATIONS, migrate, schema_version
from .fulltext import tsvector
from .sql import analyze_sql, article_insert_sql, read_only_sql, upsert_ignore_sql


class Store(Reading):
    """The knowledge base over one database (see `open_store`)."""

    def __init__(self, db: Database):
        self.db = db
        self.version = schema_version(db) if db.read_only else migrate(db)
        if self.version < len(MIGRATIONS):
            db.close()
            raise StoreError(f"{db.url} has schema version {self.version} and this newsgraph needs "
                             f"{len(MIGRATIONS)}: open it once where it can be written (e.g. newsgraph ingest) "
                             "to upgrade it")
        self._profiles = Profiles(db)
        self._rules = None  # what corrections tell the linker, read when first needed
        self._last_rowid: int | None = None  # of the article this store wrote last: were there other writers?
        self._checked: int | None = None  # the transaction in which that was checked (see Database.transactions)

    @property
    def url(self) -> str:
        """The database's URL."""
        return self.db.url

    def close(self) -> None:
        """Close the connection to the database."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ----------------------------------------------------------

    @contextmanager
    def batch(self, many: bool = False) -> Iterator[None]:
        """One transaction around several writes (`add_article`, `record_failure`, `mark_source`): all or none.

        `many` (a chunk of records): on SQLite the search index gets the batch's new articles and quotes in
        one statement each at the end, which costs half what the triggers' row by row does (they flush FTS5's
        pending terms each time); nothing the batch wrote may be changed or deleted within it.
        """
        outer = not self.db.in_transaction
        with self.db.transaction():
            if many and outer and self.db.dialect == "sqlite":
                with indexed_at_end(self.db):
                    yield
            else:
                yield

    def analyze(self) -> None:
        """Refresh the query planner's statistics; `ingest` does it after adding articles.

        In the writer's transaction: SQLite's `PRAGMA optimize` on its own reads first and then writes, and
        a second ingest's commit in between makes it fail at once ("database is locked") instead of waiting.
        """
        with self.db.transaction():
            self.db.execute(analyze_sql(self.db.dialect))

    def has_article(self, article_id: str) -> bool:
        """Whether an article of this id is stored."""
        return bool(self.db.query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def add_article(self, article: Article, *, signature: bytes | None = None, duplicate_of: str | None = None,
                    similarity: float | None = None, record: str | None = None, groups: list | None = None) -> str:
        """Store one article with its facts: 'added', 'duplicate' (a link only) or 'exists'.

        `record` is the article's JSON (`model_dump_json`) and `groups` its entities grouped
        (`grouping.group_entities`) when the caller has made them already.
        """
        if not self.db.in_transaction and self.has_article(article.id):
            return "exists"  # (inside a caller's transaction the check below is the one needed)
        record = record or article.model_dump_json()
        body = "\n\n".join(article.paragraphs)
        try:
            with self.db.transaction():
                if self.has_article(article.id):  # another writer stored it while this one waited for the lock
                    return "exists"
                last = self._last_rowid if self._checked == self.db.transactions else \
                    self.db.scalar("SELECT MAX(rowid) FROM articles")  # once per transaction: it holds the lock
                if last != self._last_rowid:
                    self._profiles.clear()  # someone else wrote since: what we remember may be stale
                self._checked = self.db.transactions
                row = [article.id, article.source, article.url, article.site_name, article.headline,
                       article.subheadline, article.published, article.fetched, _j(article.authors), article.language,
                       body, record, signature, duplicate_of, similarity, _now()]
                if self.db.dialect == "sqlite":  # numbered here (one writer, in its transaction); FTS by trigger
                    rowid = (last or 0) + 1
                    self.db.execute(article_insert_sql(self.db.dialect), [rowid, *row])
                else:
                    row.append(tsvector(article.headline, article.subheadline, body))
                    rowid = self.db.query(article_insert_sql(self.db.dialect), row)[0]["rowid"]
                if duplicate_of is None:
                    write_facts(self.db, article, self._profiles, self._constraints(), groups)
                self._last_rowid = rowid
        except BaseException:
            self._profiles.clear()  # they may have learnt what was rolled back
            self._checked = None
            raise
        return "duplicate" if duplicate_of else "added"

    def _constraints(self):
        """What corrections tell the linker (read once, again after each correction)."""
        if self._rules is None:
            from .corrections import correction_rules
            from .linking import NO_CONSTRAINTS

            has_table = "corrections" in {name for name, _ in MIGRATIONS}  # an older schema has none
            self._rules = correction_rules(self.db) if has_table else NO_CONSTRAINTS
        return self._rules

    # --- corrections --------------------------------------------------------

    def merge(self, keep: int, other: int, note: str | None = None) -> dict:
        """KEEP and OTHER are one entity: OTHER's mentions, names, quotes and claims become KEEP's."""
        from .corrections import merge

        return self._correct(merge, int(keep), int(other), note)

    def split(self, person: int, article_id: str, note: str | None = None) -> dict:
        """The person's mentions in one article are someone else's: they become an entity of their own."""
        from .corrections import split

        return self._correct(split, int(person), article_id, note)

    def rename(self, entity_id: int, name: str, note: str | None = None) -> dict:
        """Show an entity by this name, whatever later articles call it."""
        from .corrections import rename

        return self._correct(rename, int(entity_id), name, note)

    def dismiss(self, conflict_id: str, note: str | None = None) -> dict:
        """This conflict is not one (the claims are not about the same fact, or agree)."""
        return self._mark_conflict("dismiss", conflict_id, note)

    def confirm(self, conflict_id: str, note: str | None = None) -> dict:
        """This conflict is real: the sources do disagree."""
        return self._mark_conflict("confirm", conflict_id, note)

    def corrections(self) -> list[dict]:
        """Every correction made, oldest first: kind, ids, anchors, note and time."""
        from .corrections import list_corrections

        return list_corrections(self.db)

    def _mark_conflict(self, kind: str, conflict_id: str, note: str | None) -> dict:
        from .corrections import find_conflict, mark_conflict

        return self._correct(mark_conflict, kind, find_conflict(self, conflict_id), note)

    def _correct(self, apply, *args) -> dict:
        from .corrections import correct

        done = correct(self.db, apply, *args)
        self._forget()
        self.refresh_conflicts()
        return done

    def _forget(self) -> None:
        """Drop what linking remembers (profiles, corrections' rules): the entities changed under it."""
        self._profiles.clear()
        self._rules = None

    def relink(self) -> int:
        """Link every stored article again from its record (after better linking rules, say), then apply the
        corrections again; how many articles were linked."""
        from .corrections import relink

        self._forget()
        count = relink(self.db, lambda article: write_facts(self.db, article, self._profiles, self._constraints()))
        self._forget()
        self.refresh_conflicts()
        return count

    def ingest(self, inputs, **options):
        """Ingest files, folders and globs (see `newsgraph.ingest.ingest`); returns the report."""
        from ..ingest import ingest

        return ingest(self, list(inputs), **options)

    def mark_source(self, source: str, size: int | None, mtime: float | None, articles: int) -> None:
        """Remember that a whole input was ingested, so a resumed ingest skips it."""
        with self.db.transaction():
            self.db.execute("DELETE FROM ingested_sources WHERE source = ?", (source,))
            self.db.execute("INSERT INTO ingested_sources (source, size, mtime, articles, at) VALUES (?, ?, ?, ?, ?)",
                            (source, size, mtime, articles, _now()))

    def source_done(self, source: str, size: int | None, mtime: float | None) -> bool:
        """The input was ingested whole, unchanged since (its failures are retried: see `failed_inputs`)."""
        rows = self.db.query("SELECT size, mtime FROM ingested_sources WHERE source = ?", (source,))
        return bool(rows) and rows[0]["size"] == size and rows[0]["mtime"] == mtime

    def failed_inputs(self) -> set[str]:
        """The inputs with failures outstanding: a failure's source, or the file of 'FILE#record'/'FILE:line'."""
        out: set[str] = set()
        for row in self.db.query("SELECT DISTINCT source FROM failures"):
            source = row["source"]
            out.update((source, source.rpartition("#")[0] or source, source.rpartition(":")[0] or source))
        return out

    def resolve_failures(self, source: str, still_failing: set[tuple[str, str, str]]) -> int:
        """Forget the failures of an input read again that did not recur; how many were resolved."""
        rows = self.db.query("SELECT id, source, reason, error FROM failures WHERE source = ? OR "
                             "substr(source, 1, ?) IN (?, ?)", (source, len(source) + 1, source + "#", source + ":"))
        gone = [r["id"] for r in rows if (r["source"], r["reason"], r["error"]) not in still_failing]
        if gone:
            self.db.executemany("DELETE FROM failures WHERE id = ?", [(i,) for i in gone])
        return len(gone)

    def record_failure(self, source: str, reason: str, error: str = "InputError") -> None:
        """Remember why an input failed, once: an ingest run again (or resumed) does not list it twice."""
        self.db.execute("INSERT INTO failures (source, reason, error, at) SELECT ?, ?, ?, ? WHERE NOT EXISTS "
                        "(SELECT 1 FROM failures WHERE source = ? AND reason = ? AND error = ?)",
                        (source, reason, error, _now(), source, reason, error))

    # --- reading (the queries are `Reading`'s) ----------------------------

    def read_only(self) -> None:
        """Refuse every write on this connection from now on."""
        self.db.execute(read_only_sql(self.db.dialect))

    def refresh_conflicts(self) -> int:
        """Keep what `conflicts` finds in the `conflicts` and `conflict_claims` tables, for SQL users; how many."""
        found = self.conflicts()
        with self.db.transaction():
            self.db.execute("DELETE FROM conflict_claims")
            self.db.execute("DELETE FROM conflicts")
            for conflict in found:
                conflict_id = self.db.insert_id(
                    "INSERT INTO conflicts (subject, subject_id, property, claim_values) VALUES (?, ?, ?, ?)",
                    (conflict["subject"], conflict["subject_id"], conflict["property"], _j(conflict["values"])))
                self.db.executemany(
                    upsert_ignore_sql(self.db.dialect, "conflict_claims", ["conflict_id", "article_id", "claim_id"]),
                    [(conflict_id, c["article_id"], c["claim_id"]) for c in conflict["claims"]])
        return len(found)


@contextmanager
def indexed_at_end(db: Database) -> Iterator[None]:
    """SQLite, inside a write transaction: the FTS insert triggers dropped while the block writes, the new
    rows indexed after it in one statement per table, the triggers made again (as they were) before commit,
    so no other connection ever sees them missing."""
    from .tables import SEARCHED

    names = [f"{table}_fts_insert" for table in SEARCHED]
    triggers = db.query(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                        f"({', '.join('?' * len(names))})", names)
    if len(triggers) != len(names):  # an older schema: the triggers do it
        yield
        return
    after = {table: db.scalar(f"SELECT COALESCE(MAX(rowid), 0) FROM {table}") for table in SEARCHED}
    for trigger in triggers:
        db.execute(f"DROP TRIGGER {trigger['name']}")
    yield
    for table, columns in SEARCHED.items():
        names_ = ", ".join(columns)
        db.execute(f"INSERT INTO {table}_fts (rowid, {names_}) SELECT rowid, {names_} FROM {table} WHERE rowid > ? "
                   "ORDER BY rowid", (after[table],))
    for trigger in triggers:
        db.execute(trigger["sql"])


def open_store(url: str | None = None, create: bool = True, *, read_only: bool = False) -> Store:
    """The store at a URL (sqlite:///news.db, a path, postgresql://...); default $NEWSGRAPH_DB or newsgraph.db.

    `create=False` is for reading: a SQLite file that does not exist raises `StoreNotFound`, nothing is made.
    `read_only` also never writes (a read-only file system is fine); a store whose schema is behind is
    upgraded first, where its file can be written.
    """
    if not read_only:
        return Store(connect(url, create))
    db = connect(url, read_only=True)
    if schema_version(db) < len(MIGRATIONS):
        db.close()
        try:
            Store(connect(url)).close()
        except StoreReadOnly:
            pass  # Store() below says what is wrong
        db = connect(url, read_only=True)
    return Store(db)
