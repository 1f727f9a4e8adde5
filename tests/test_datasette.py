"""The store as Datasette shows it, through Datasette's own test client: search, links, metadata, views."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from conftest import write_facts_before_claim_events

from newsgraph.store.metadata import database_name, datasette_metadata, table_docs

datasette_app = pytest.importorskip("datasette.app")


def get(path: str, db_path: str, metadata: dict | None = None):
    """One request to a Datasette over the store at `db_path` (named `news`): (status, JSON or HTML)."""
    async def fetch():
        ds = datasette_app.Datasette([db_path], metadata=metadata)
        await ds.invoke_startup()
        response = await ds.client.get(path)
        return response.status_code, response.json() if ".json" in path else response.text

    return asyncio.run(fetch())


def test_articles_have_a_search_box_and_search_works(kb_db):
    status, html = get("/news/articles", kb_db)
    assert status == 200 and 'name="_search"' in html
    status, rows = get("/news/articles.json?_search=stripes&_shape=array&_col=headline", kb_db)
    assert status == 200 and rows
    with sqlite3.connect(kb_db) as conn:
        expected = {r[0] for r in conn.execute(
            "SELECT id FROM articles WHERE lower(body || ' ' || headline || ' ' || coalesce(subheadline, '')) "
            "LIKE '%stripes%'")}
    assert {r["id"] for r in rows} == expected


def test_quotes_are_searchable(kb_db):
    with sqlite3.connect(kb_db) as conn:
        text = conn.execute("SELECT text FROM quotes ORDER BY length(text) DESC LIMIT 1").fetchone()[0]
    word = max(text.split(), key=len).strip(".,;:!?“”\"'")
    status, rows = get(f"/news/quotes.json?_search={word}&_shape=array", kb_db)
    assert status == 200 and any(word.lower() in r["text"].lower() for r in rows)
    status, html = get("/news/quotes", kb_db)
    assert 'name="_search"' in html


def test_a_mention_links_to_an_article_page_that_opens(kb_db):
    meta = datasette_metadata("news")
    status, html = get("/news/mentions?_size=5", kb_db, meta)
    assert status == 200
    with sqlite3.connect(kb_db) as conn:
        article_id, headline = conn.execute(
            "SELECT a.id, a.headline FROM mentions m JOIN articles a ON a.id = m.article_id "
            "ORDER BY m.article_id, m.local_id LIMIT 1").fetchone()
    assert f'href="/news/articles/{article_id}"' in html
    assert headline.replace('"', "&#34;").replace("'", "&#39;") in html  # the link's label is the headline
    status, row = get(f"/news/articles/{article_id}.json?_shape=objects", kb_db)
    assert status == 200 and row["rows"][0]["headline"] == headline


@pytest.mark.parametrize("table, column", [("quotes", "speaker_id"), ("event_participants", "entity_id"),
                                           ("claims", "subject_id"), ("quotes", "article_id")])
def test_facts_link_to_their_entities_and_articles(kb_db, table, column):
    with sqlite3.connect(kb_db) as conn:
        value = conn.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL LIMIT 1").fetchone()[0]
    target = "articles" if column == "article_id" else "entities"
    status, html = get(f"/news/{table}?{column}={value}", kb_db)
    assert status == 200 and f'href="/news/{target}/{value}"' in html
    assert get(f"/news/{target}/{value}.json", kb_db)[0] == 200


def test_metadata_describes_every_column_of_every_table_and_view(kb_db):
    with sqlite3.connect(kb_db) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE '%fts%' "
            "AND name NOT LIKE 'sqlite_%'")]
        columns = {n: [r[1] for r in conn.execute(f"PRAGMA table_info({n})")] for n in names}
    docs = table_docs()
    missing = {n: sorted(set(cols) - set(docs.get(n, {}).get("columns", {}))) for n, cols in columns.items()}
    assert not {n: m for n, m in missing.items() if m}, "describe these in src/newsgraph/data/tables.json"
    stale = {n: sorted(set(d["columns"]) - set(columns.get(n, []))) for n, d in docs.items()}
    assert not {n: s for n, s in stale.items() if s}, "columns described that the schema does not have"


def test_datasette_shows_the_descriptions(kb_db, tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    out = CliRunner().invoke(main, ["datasette-metadata", "--db", kb_db])
    assert out.exit_code == 0
    meta = json.loads(out.stdout)
    assert database_name(kb_db) == "news" and "news" in meta["databases"]
    status, html = get("/news/quotes", kb_db, meta)
    assert table_docs()["quotes"]["description"] in html
    assert table_docs()["quotes"]["columns"]["cue"].replace("'", "&#39;") in html


def test_views_users_asked_for(kb_db):
    status, people = get("/news/people_with_counts.json?_shape=array&_sort_desc=articles", kb_db)
    assert status == 200 and people[0]["articles"] >= 3 and {"name", "mentions", "quotes"} <= set(people[0])
    status, quotes = get("/news/quotes_with_speakers.json?_shape=array&speaker__notblank=1", kb_db)
    assert quotes and all(q["headline"] and q["speaker"] for q in quotes)
    status, sides = get("/news/conflicting_claims.json?_shape=array", kb_db)
    assert sides, "the kb fixtures plant conflicts"
    for side in sides:
        assert side["value_a"] != side["value_b"] or side["evidence_a"] != side["evidence_b"]
        assert side["article_a"] != side["article_b"] and side["headline_a"] and side["headline_b"]


def test_conflicts_table_matches_what_the_store_finds(kb_db):
    from newsgraph.store import open_store

    with open_store(kb_db) as store:
        found = store.conflicts()
        rows = store.db.query("SELECT subject, property FROM conflicts ORDER BY id")
    assert [(c["subject"], c["property"]) for c in found] == [(r["subject"], r["property"]) for r in rows]


def test_database_name_is_the_file_stem():
    assert database_name("sqlite:///data/news.db") == "news" and database_name("kb.sqlite") == "kb"
    with pytest.raises(ValueError):
        database_name("postgresql://localhost/news")


def test_an_older_store_is_upgraded_in_place(store_url, store_articles, monkeypatch):
    """A store made before `datasette_ready` keeps every row, and its search, through the migration."""
    from newsgraph.store import open_store, schema

    before = schema.MIGRATIONS[:[name for name, _ in schema.MIGRATIONS].index("datasette_ready")]
    monkeypatch.setattr(schema, "MIGRATIONS", before)
    monkeypatch.setattr("newsgraph.store.store.MIGRATIONS", before)
    monkeypatch.setattr("newsgraph.store.facts._write_other_facts", write_facts_before_claim_events)
    with open_store(store_url) as old:
        for article in store_articles:
            old.add_article(article)
        if old.db.dialect == "sqlite":  # the older store filled its index itself
            old.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        counts = {t: old.db.scalar(f"SELECT COUNT(*) FROM {t}") for t in ("articles", "quotes", "mentions", "claims")}
        hits = old.search("flood barrier")
    monkeypatch.undo()
    with open_store(store_url) as new:
        assert {t: new.db.scalar(f"SELECT COUNT(*) FROM {t}") for t in counts} == counts
        assert new.search("flood barrier") == hits and hits
        if new.db.dialect == "sqlite":
            quote = new.db.query("SELECT rowid, text FROM quotes ORDER BY rowid LIMIT 1")[0]
            word = max(quote["text"].split(), key=len).strip(".,;:!?“”\"'")
            assert quote["rowid"] in [r["rowid"] for r in new.db.query(
                "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", (f'"{word}"',))]
            assert not new.db.query("PRAGMA foreign_key_check")
        assert new.db.query("SELECT id FROM articles WHERE rowid = 1")
