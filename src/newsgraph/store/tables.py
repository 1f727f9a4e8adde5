"""The steps of the `datasette_ready` migration: keys, links, full-text search, conflicts and views.

SQLite cannot change a table's key or add a foreign key in place: `rebuild`
makes the new table from the old one's columns (so columns that earlier
migrations added come along), copies the rows, drops the old table and
renames the new one, then makes its indexes again (SQLite's documented way;
`schema.migrate` turns foreign keys off around it and checks them before
committing). PostgreSQL alters the same tables in place.
"""

from __future__ import annotations

from collections.abc import Callable

from .fulltext import TOKENIZE

Step = str | Callable

# table: (columns put first, table constraints added, foreign keys added as (column, target))
REBUILDS: dict[str, tuple[list[str], list[str], list[tuple[str, str]]]] = {
    "articles": (["id TEXT NOT NULL", "rowid INTEGER NOT NULL UNIQUE"], ["PRIMARY KEY (id)"], []),
    "quotes": (["rowid INTEGER PRIMARY KEY"], ["UNIQUE (article_id, quote_id)"], [("speaker_id", "entities (id)")]),
    "event_participants": ([], [], [("article_id", "articles (id)"), ("entity_id", "entities (id)")]),
    "claims": ([], [], [("subject_id", "entities (id)")]),
    "merges": ([], [], [("article_id", "articles (id)")]),
}

# the FTS tables: (table, indexed columns)
SEARCHED = {"articles": ("headline", "subheadline", "body"), "quotes": ("text", "speaker_name")}

VIEWS = {
    "quotes_with_speakers": """
        SELECT q.rowid, q.article_id, q.quote_id, COALESCE(e.name, q.speaker_name) AS speaker, q.speaker_id,
               q.speaker_name AS speaker_as_written, q.kind, q.text, q.cue, q.parent, q.start_offset, q.end_offset,
               a.headline, a.site, a.published, a.url
        FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id""",
    "people_with_counts": """
        SELECT e.id, e.name, COUNT(DISTINCT m.article_id) AS articles, SUM(m.count) AS mentions,
               (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = e.id) AS quotes,
               MIN(m.published) AS first_seen, MAX(m.published) AS last_seen
        FROM entities e JOIN mentions m ON m.entity_id = e.id WHERE e.type = 'person' GROUP BY e.id, e.name""",
    "conflicting_claims": """
        SELECT c.id AS conflict_id, c.subject, c.subject_id, c.property,
               x.value AS value_a, x.text AS evidence_a, ax.headline AS headline_a, ax.site AS site_a,
               ax.published AS published_a, x.article_id AS article_a,
               y.value AS value_b, y.text AS evidence_b, ay.headline AS headline_b, ay.site AS site_b,
               ay.published AS published_b, y.article_id AS article_b
        FROM conflicts c
        JOIN conflict_claims cx ON cx.conflict_id = c.id
        JOIN claims x ON x.article_id = cx.article_id AND x.claim_id = cx.claim_id
        JOIN articles ax ON ax.id = x.article_id
        JOIN conflict_claims cy ON cy.conflict_id = c.id AND cy.article_id > cx.article_id
        JOIN claims y ON y.article_id = cy.article_id AND y.claim_id = cy.claim_id
        JOIN articles ay ON ay.id = y.article_id
        WHERE x.normalized <> y.normalized""",
}
"""The views users asked for: quotes with speaker and article, people with counts, conflicts with both sides."""

QUOTES_WITH_MODES = """
        SELECT q.rowid, q.article_id, q.quote_id, COALESCE(e.name, q.speaker_name) AS speaker, q.speaker_id,
               q.speaker_name AS speaker_as_written, q.kind, q.mode, q.text, q.cue, q.parent, q.start_offset,
               q.end_offset, a.headline, a.site, a.published, a.url
        FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id"""
"""`quotes_with_speakers` as the `quote_modes` migration makes it again: with each quote's mode (the `VIEWS` are
as `datasette_ready` made them, before quotes had a mode)."""


NAMED = ("NOT EXISTS (SELECT 1 FROM entity_names d WHERE d.entity_id = e.id AND d.script = 'described' AND "
         "(lower(substr(d.name, 1, 1)) = substr(d.name, 1, 1) OR d.name LIKE '%''s %' OR d.name LIKE '%’s %'))")
"""SQL true of an entity `e` that is no relative an article describes without a name ('my husband', "Alus's wife"):
the linker keeps such a person to its article and marks its forms `described` in `entity_names.script`; a form
in lower case or with a possessive before a noun is a description. People lists leave them out; their quotes keep
them as speakers. (A capitalised form the linker also kept apart, 'Masayoshi Son' by its last word, stays listed.)"""

PEOPLE_NAMED = f"""
        SELECT e.id, e.name, COUNT(DISTINCT m.article_id) AS articles, SUM(m.count) AS mentions,
               (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = e.id) AS quotes,
               MIN(m.published) AS first_seen, MAX(m.published) AS last_seen
        FROM entities e JOIN mentions m ON m.entity_id = e.id WHERE e.type = 'person' AND {NAMED}
        GROUP BY e.id, e.name"""
"""`people_with_counts` as the `named_people` migration makes it again: named people only."""


def rebuild(table: str, first: list[str], constraints: list[str], links: list[tuple[str, str]]) -> Callable:
    """A step that rebuilds an SQLite table with `first` columns (new or redefined), constraints and links."""
    def step(db) -> None:
        columns = db.query(f"PRAGMA table_info({table})")
        named = {spec.split()[0] for spec in first}
        specs = list(first) + [_column(c) for c in columns if c["name"] not in named]
        keys: dict[int, list[dict]] = {}
        for row in db.query(f"PRAGMA foreign_key_list({table})"):
            keys.setdefault(row["id"], []).append(row)
        for rows in keys.values():
            rows.sort(key=lambda r: r["seq"])
            specs.append(f"FOREIGN KEY ({', '.join(r['from'] for r in rows)}) REFERENCES {rows[0]['table']} "
                         f"({', '.join(r['to'] for r in rows)})")
        key = [c["name"] for c in sorted(columns, key=lambda c: c["pk"]) if c["pk"]]
        if key and not any("PRIMARY KEY" in spec for spec in [*first, *constraints]):
            specs.append(f"PRIMARY KEY ({', '.join(key)})")  # the old key, unless a new one is given
        specs += [*constraints, *(f"FOREIGN KEY ({column}) REFERENCES {target}" for column, target in links)]
        indexes = [r["sql"] for r in db.query(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,))]
        kept = ", ".join(c["name"] for c in columns)
        db.execute(f"CREATE TABLE {table}_rebuilt ({', '.join(specs)})")
        db.execute(f"INSERT INTO {table}_rebuilt ({kept}) SELECT {kept} FROM {table} ORDER BY _rowid_")
        db.execute(f"DROP TABLE {table}")
        db.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
        for sql in indexes:
            db.execute(sql)
    return step


def _column(info: dict) -> str:
    spec = f"{info['name']} {info['type']}".strip()
    if info["notnull"]:
        spec += " NOT NULL"
    if info["dflt_value"] is not None:
        spec += f" DEFAULT {info['dflt_value']}"
    return spec


def rebuild_steps(dialect: str) -> list[Step]:
    """New keys and links: rebuilt tables on SQLite, ALTER TABLE on PostgreSQL."""
    if dialect == "sqlite":
        return ["DROP TABLE articles_fts",  # it is made again below, keyed as before, by search_steps
                *(rebuild(table, *spec) for table, spec in REBUILDS.items())]
    return ["ALTER TABLE articles DROP CONSTRAINT articles_pkey",
            "ALTER TABLE articles ADD PRIMARY KEY (id)",
            "ALTER TABLE articles ADD CONSTRAINT articles_rowid_key UNIQUE (rowid)",
            "ALTER TABLE quotes DROP CONSTRAINT quotes_pkey",
            "ALTER TABLE quotes ADD COLUMN rowid BIGSERIAL PRIMARY KEY",
            "ALTER TABLE quotes ADD CONSTRAINT quotes_article_quote_key UNIQUE (article_id, quote_id)",
            *(f"ALTER TABLE {table} ADD FOREIGN KEY ({column}) REFERENCES {target}"
              for table, (_, _, links) in REBUILDS.items() for column, target in links)]


def search_steps(dialect: str) -> list[str]:
    """SQLite: FTS5 over articles and quotes, kept in step by triggers (PostgreSQL's terms come with the row)."""
    if dialect != "sqlite":
        return []
    steps = []
    for table, columns in SEARCHED.items():
        fts, names = f"{table}_fts", ", ".join(columns)
        new, old = ", ".join(f"new.{c}" for c in columns), ", ".join(f"old.{c}" for c in columns)
        delete = f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old});"
        insert = f"INSERT INTO {fts} (rowid, {names}) VALUES (new.rowid, {new});"
        steps += [f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content=\"{table}\", content_rowid=\"rowid\", "
                  f"tokenize='{TOKENIZE}')",
                  f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')",
                  f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
                  f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
                  f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN {delete} {insert} END"]
    return steps


def conflict_tables(dialect: str) -> list[str]:
    """Where the conflicts the store finds are kept for SQL users: one row each, and the claims of each."""
    serial = "INTEGER PRIMARY KEY AUTOINCREMENT" if dialect == "sqlite" else "BIGSERIAL PRIMARY KEY"
    return [f"""CREATE TABLE conflicts (
                id {serial}, subject TEXT NOT NULL, subject_id BIGINT REFERENCES entities (id),
                property TEXT NOT NULL, claim_values TEXT NOT NULL DEFAULT '[]')""",
            """CREATE TABLE conflict_claims (
                conflict_id BIGINT NOT NULL REFERENCES conflicts (id), article_id TEXT NOT NULL REFERENCES articles (id),
                claim_id TEXT NOT NULL, PRIMARY KEY (conflict_id, article_id, claim_id))"""]


def view_steps(dialect: str) -> list[str]:
    """The `VIEWS`, the same SQL on both backends."""
    return [f"CREATE VIEW {name} AS {sql.strip()}" for name, sql in VIEWS.items()]
