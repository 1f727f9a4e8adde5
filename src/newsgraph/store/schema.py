"""The store's schema: one ordered list of migrations for every backend.

Each migration is a function of the dialect returning SQL statements, so
SQLite and PostgreSQL share one schema; only full-text search differs
(FTS5 there, a tsvector column and GIN index here). `migrate` runs them
in order and records them in `migrations`; never edit a released one, add
a new one at the end. A step is an SQL statement, or a function of the
database for work SQL cannot do (filling a new column from Python).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..errors import StoreError
from .backends import Database
from .facts import now

Dialect = str  # "sqlite" or "postgresql"
Step = str | Callable  # an SQL statement, or a function called with the `Database`


def _serial(dialect: Dialect) -> str:
    return "INTEGER PRIMARY KEY AUTOINCREMENT" if dialect == "sqlite" else "BIGSERIAL PRIMARY KEY"


def initial(dialect: Dialect) -> list[str]:
    """Articles, entities across articles, per-article facts, failures and the ingest log."""
    serial = _serial(dialect)
    return [
        f"""CREATE TABLE articles (
            rowid {serial},
            id TEXT NOT NULL UNIQUE,
            source TEXT, url TEXT, site TEXT, headline TEXT, subheadline TEXT, published TEXT, fetched TEXT,
            authors TEXT NOT NULL DEFAULT '[]', language TEXT, body TEXT NOT NULL DEFAULT '',
            record TEXT NOT NULL, signature BYTEA, duplicate_of TEXT, similarity REAL, ingested TEXT NOT NULL)"""
        .replace("BYTEA", "BLOB" if dialect == "sqlite" else "BYTEA"),
        "CREATE INDEX articles_published ON articles (published)",
        "CREATE INDEX articles_duplicate_of ON articles (duplicate_of)",
        f"""CREATE TABLE entities (
            id {serial}, type TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, created TEXT NOT NULL)""",
        "CREATE INDEX entities_key ON entities (type, key)",
        """CREATE TABLE entity_names (
            entity_id BIGINT NOT NULL REFERENCES entities (id), name TEXT NOT NULL, key TEXT NOT NULL,
            script TEXT, PRIMARY KEY (entity_id, name))""",
        "CREATE INDEX entity_names_key ON entity_names (key)",
        """CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles (id), local_id TEXT NOT NULL,
            entity_id BIGINT NOT NULL REFERENCES entities (id), type TEXT NOT NULL, name TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]', titles TEXT NOT NULL DEFAULT '[]', roles TEXT NOT NULL DEFAULT '[]',
            affiliations TEXT NOT NULL DEFAULT '[]', count INTEGER NOT NULL DEFAULT 0, published TEXT,
            PRIMARY KEY (article_id, local_id))""",
        "CREATE INDEX mentions_entity ON mentions (entity_id)",
        """CREATE TABLE merges (
            entity_id BIGINT NOT NULL REFERENCES entities (id), article_id TEXT NOT NULL, local_id TEXT NOT NULL,
            decision TEXT NOT NULL, score REAL NOT NULL, reasons TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (article_id, local_id))""",
        "CREATE INDEX merges_entity ON merges (entity_id)",
        """CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles (id), quote_id TEXT NOT NULL, kind TEXT NOT NULL,
            text TEXT NOT NULL, start_offset INTEGER, end_offset INTEGER, speaker_id BIGINT, speaker_name TEXT,
            cue TEXT, parent TEXT, published TEXT, PRIMARY KEY (article_id, quote_id))""",
        "CREATE INDEX quotes_speaker ON quotes (speaker_id)",
        """CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles (id), event_id TEXT NOT NULL, type TEXT NOT NULL,
            date_text TEXT, date_value TEXT, place TEXT, attributes TEXT NOT NULL DEFAULT '{}',
            evidence TEXT, PRIMARY KEY (article_id, event_id))""",
        """CREATE TABLE event_participants (
            article_id TEXT NOT NULL, event_id TEXT NOT NULL, entity_id BIGINT NOT NULL,
            PRIMARY KEY (article_id, event_id, entity_id))""",
        "CREATE INDEX event_participants_entity ON event_participants (entity_id)",
        """CREATE TABLE claims (
            article_id TEXT NOT NULL REFERENCES articles (id), claim_id TEXT NOT NULL, subject TEXT NOT NULL,
            subject_id BIGINT, property TEXT NOT NULL, value TEXT NOT NULL, normalized TEXT NOT NULL,
            text TEXT NOT NULL, start_offset INTEGER, end_offset INTEGER, PRIMARY KEY (article_id, claim_id))""",
        "CREATE INDEX claims_subject ON claims (subject, property)",
        f"""CREATE TABLE failures (
            id {serial}, source TEXT NOT NULL, reason TEXT NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL)""",
        """CREATE TABLE ingested_sources (
            source TEXT PRIMARY KEY, size BIGINT, mtime REAL, articles INTEGER NOT NULL, at TEXT NOT NULL)""",
    ]


def full_text(dialect: Dialect) -> list[str]:
    """Full-text search over headline, deck and body."""
    if dialect == "sqlite":
        return ["""CREATE VIRTUAL TABLE articles_fts USING fts5(
                   headline, subheadline, body, content='articles', content_rowid='rowid',
                   tokenize='porter unicode61 remove_diacritics 2')"""]
    return ["""ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
                   setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
                   setweight(to_tsvector('english', coalesce(subheadline, '')), 'B') ||
                   setweight(to_tsvector('english', body), 'C')) STORED""",
            "CREATE INDEX articles_tsv ON articles USING GIN (tsv)"]


def same_answers(dialect: Dialect) -> list[Step]:
    """PostgreSQL as SQLite: the terms FTS5 makes (see `fulltext`), dates compared byte by byte, and 8-byte
    REALs (PostgreSQL's REAL has 4, so a file's mtime never matched and similarities came back rounded)."""
    if dialect == "sqlite":
        return []
    return ["ALTER TABLE articles DROP COLUMN tsv",  # and its index
            "ALTER TABLE articles ADD COLUMN tsv tsvector",
            'ALTER TABLE articles ALTER COLUMN published TYPE TEXT COLLATE "C"',
            "ALTER TABLE articles ALTER COLUMN similarity TYPE DOUBLE PRECISION",
            "ALTER TABLE merges ALTER COLUMN score TYPE DOUBLE PRECISION",
            "ALTER TABLE ingested_sources ALTER COLUMN mtime TYPE DOUBLE PRECISION",
            _fill_tsv,
            "CREATE INDEX articles_tsv ON articles USING GIN (tsv)"]


def _fill_tsv(db) -> None:
    from .fulltext import tsvector

    rows = db.query("SELECT rowid, headline, subheadline, body FROM articles")
    db.executemany("UPDATE articles SET tsv = CAST(? AS tsvector) WHERE rowid = ?",
                   [(tsvector(r["headline"], r["subheadline"], r["body"]), r["rowid"]) for r in rows])


def datasette_ready(dialect: Dialect) -> list[Step]:
    """Keys, links, search and views that Datasette (and any SQL user) can follow.

    - Articles are keyed by `id`, the key every other table refers to, so a link from a mention, quote or
      claim opens its article; `rowid` stays, as the stable number the FTS index is keyed by.
    - Quotes get a stable `rowid` and a full-text index of their own (text and speaker as written).
    - Links added: a quote's speaker, a participant, a claim's subject and a merge's article.
    - The FTS tables name their content table as `content="articles"`, the spelling Datasette looks for,
      and triggers keep them in step with the tables, whoever writes.
    - Conflicts the store finds are kept in `conflicts` and `conflict_claims` (see `Store.refresh_conflicts`).
    - Views: `quotes_with_speakers`, `people_with_counts`, `conflicting_claims` (see `datasette.VIEWS`).
    SQLite changes a key by rebuilding the table (`tables.rebuild`); PostgreSQL alters it in place.
    """
    from .tables import conflict_tables, rebuild_steps, search_steps, view_steps

    return [*rebuild_steps(dialect), *search_steps(dialect), *conflict_tables(dialect), *view_steps(dialect)]


def corrections(dialect: Dialect) -> list[str]:
    """Corrections people make (merge, split, rename, dismiss, confirm), kept apart from what linking decides."""
    serial = _serial(dialect)
    return [
        f"""CREATE TABLE corrections (
            id {serial}, kind TEXT NOT NULL, entity_id BIGINT, other_id BIGINT, article_id TEXT, name TEXT,
            conflict_id TEXT, anchors TEXT NOT NULL DEFAULT '[]', others TEXT NOT NULL DEFAULT '[]',
            note TEXT, at TEXT NOT NULL)""",
        "CREATE INDEX corrections_kind ON corrections (kind)",
    ]


def search_indexes(dialect: Dialect) -> list[str]:
    """Indexes that answer a search's ranking and facets without reading an article's row: SQLite keeps
    `duplicate_of` after the long `record`, so testing it read every hit's overflow pages. PostgreSQL
    finds the hits through its GIN index, so only the mentions index serves it."""
    mentions = "CREATE INDEX mentions_article_entities ON mentions (article_id, type, entity_id)"
    if dialect != "sqlite":
        return [mentions]
    return ["CREATE INDEX articles_listing ON articles (rowid, duplicate_of, published, site, id)", mentions]


def signatures_by_words(dialect: Dialect) -> list[Step]:
    """Near-duplicate signatures made with the word-based shingle hash (`dedup.shingle_hash`), so that the
    stored ones compare with new ones: recomputed from the stored bodies (the same words)."""
    return [_resign]


def _resign(db, chunk: int = 1000) -> None:
    from ..dedup import signature

    last = -1
    while rows := db.query("SELECT rowid, body FROM articles WHERE signature IS NOT NULL AND rowid > ? "
                           "ORDER BY rowid LIMIT ?", (last, chunk)):
        db.executemany("UPDATE articles SET signature = ? WHERE rowid = ?",
                       [(signature([r["body"]]), r["rowid"]) for r in rows])
        last = rows[-1]["rowid"]


def claim_events(dialect: Dialect) -> list[Step]:
    """The event each claim is about (`Claim.event`) and each event's key (type, participants, date, place),
    so that conflicts compare counts only between claims about one event; filled from the stored records."""
    return ["ALTER TABLE claims ADD COLUMN event_id TEXT", "ALTER TABLE events ADD COLUMN key TEXT", _fill_claim_events]


def _fill_claim_events(db, chunk: int = 200) -> None:
    from ..model import Article

    last = -1
    while rows := db.query("SELECT a.rowid, a.record FROM articles a WHERE a.rowid > ? AND EXISTS (SELECT 1 FROM "
                           "events e WHERE e.article_id = a.id) ORDER BY a.rowid LIMIT ?", (last, chunk)):
        for row in rows:
            article = Article.model_validate_json(row["record"])
            db.executemany("UPDATE events SET key = ? WHERE article_id = ? AND event_id = ?",
                           [(e.key.text, article.id, e.id) for e in article.events if e.key])
            db.executemany("UPDATE claims SET event_id = ? WHERE article_id = ? AND claim_id = ?",
                           [(c.event, article.id, c.id) for c in article.claims if c.event])
        last = rows[-1]["rowid"]


def quote_modes(dialect: Dialect) -> list[Step]:
    """Each quote's mode, speech, thought or thing (`Quote.mode`), as a column that `quotes_with_speakers` shows too.
    The quotes stored before are filled from their records' cues (`quote_modes.guess_mode`: the words of a cue
    without its parse; on the 3,212 quotes of the dev look KB it agrees with the stage's mode on all but two)."""
    from .tables import QUOTES_WITH_MODES

    return ["ALTER TABLE quotes ADD COLUMN mode TEXT NOT NULL DEFAULT 'speech'", _fill_quote_modes,
            "DROP VIEW quotes_with_speakers", f"CREATE VIEW quotes_with_speakers AS {QUOTES_WITH_MODES.strip()}"]


def _fill_quote_modes(db, chunk: int = 500) -> None:
    from ..understand.cue_words import lexicon
    from ..understand.quote_modes import THOUGHT, guess_mode

    lex, last = lexicon(), -1
    while rows := db.query("SELECT a.rowid, a.id, a.record FROM articles a WHERE a.rowid > ? AND EXISTS (SELECT 1 "
                           "FROM quotes q WHERE q.article_id = a.id) ORDER BY a.rowid LIMIT ?", (last, chunk)):
        for row in rows:
            quotes = json.loads(row["record"]).get("quotes", [])
            db.executemany("UPDATE quotes SET mode = ? WHERE article_id = ? AND quote_id = ?",
                           [(THOUGHT, row["id"], q["id"]) for q in quotes
                            if guess_mode(q["kind"], (q.get("cue") or {}).get("text"), lex) == THOUGHT])
        last = rows[-1]["rowid"]


def named_people(dialect: Dialect) -> list[Step]:
    """`people_with_counts` lists named people only: not the ones an article describes without a name ('my
    husband', "Alus's wife"), which the linker already kept to their article (`tables.NAMED`)."""
    from .tables import PEOPLE_NAMED

    return ["DROP VIEW people_with_counts", f"CREATE VIEW people_with_counts AS {PEOPLE_NAMED.strip()}"]


MIGRATIONS: list[tuple[str, Callable[[Dialect], list[Step]]]] = [
    ("initial", initial),
    ("full_text", full_text),
    ("same_answers", same_answers),
    ("datasette_ready", datasette_ready),
    ("corrections", corrections),
    ("search_indexes", search_indexes),
    ("signatures_by_words", signatures_by_words),
    ("claim_events", claim_events),
    ("quote_modes", quote_modes),
    ("named_people", named_people),
]
"""(name, statements) in the order they run; the version is the position, from 1."""


def schema_version(db: Database) -> int:
    """How many migrations the database has had (0 for an empty one)."""
    try:
        return len({r["version"] for r in db.query("SELECT version FROM migrations")})
    except StoreError:
        return 0  # no migrations table yet


def migrate(db: Database) -> int:
    """Run the migrations not yet applied; the schema version after.

    They run in the writer's transaction, checked again once it holds the lock, so two processes opening
    a new store at once do not both create it.
    """
    if schema_version(db) == len(MIGRATIONS):
        return len(MIGRATIONS)
    with _keys_checked_at_end(db), db.transaction():
        db.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                   "applied TEXT NOT NULL)")
        done = {r["version"] for r in db.query("SELECT version FROM migrations")}
        for version, (name, statements) in enumerate(MIGRATIONS, 1):
            if version in done:
                continue
            for step in statements(db.dialect):
                db.execute(step) if isinstance(step, str) else step(db)
            if db.dialect == "sqlite" and db.query("PRAGMA foreign_key_check"):
                raise RuntimeError(f"migration {name!r} would leave rows pointing at nothing")
            db.execute("INSERT INTO migrations (version, name, applied) VALUES (?, ?, ?)", (version, name, now()))
    return len(MIGRATIONS)


@contextmanager
def _keys_checked_at_end(db: Database) -> Iterator[None]:
    """SQLite: foreign keys off while a migration rebuilds tables (its way to change a key), checked before commit."""
    if db.dialect != "sqlite":
        yield
        return
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        db.execute("PRAGMA foreign_keys = ON")
