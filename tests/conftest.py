"""Shared test fixtures: paths to the shared evaluation material and sample articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

HARBOUR_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Night fire guts harbour warehouse | Harbour Times</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Night fire guts harbour warehouse</h1>
<p>Firefighters from three stations battled a blaze at an old grain warehouse on the northern pier for most of Tuesday night.</p>
<p>The fire service said two crews were sent from the coastal station and a third arrived from the industrial zone shortly after midnight.</p>
<p>No one was hurt, but the roof of the listed building collapsed before the flames were brought under control at dawn.</p>
<p>Investigators will examine the site on Wednesday, a spokeswoman for the fire service said.</p>
</article><footer>All rights reserved</footer></body></html>
"""


@pytest.fixture
def harbour_html() -> str:
    return HARBOUR_HTML


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when that material is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path


# --- stores: SQLite in a temporary file, PostgreSQL on a throw-away server -------------

STORE_FIXTURES = FIXTURES / "store"
PG_TEST_DATABASE = "newsgraph_test"


@pytest.fixture(scope="session")
def pg_server():
    """One throw-away PostgreSQL server for the whole run (see tests/pg.py), started on first use."""
    from pg import PgServer

    server = PgServer.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgresql_url(pg_server) -> str:
    """postgresql://postgres@127.0.0.1:PORT/newsgraph_test on the throw-away server."""
    return pg_server.create_database(PG_TEST_DATABASE)


@pytest.fixture
def pg_url(pg_server, postgresql_url) -> str:
    """The test database, dropped and created empty again for each test."""
    return pg_server.create_database(PG_TEST_DATABASE)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'news.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request) -> str:
    """The URL of a fresh, empty database of each backend."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def store(store_url):
    """A fresh `newsgraph.store.Store` over each backend."""
    from newsgraph.store import open_store

    with open_store(store_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def store_articles() -> list:
    """The invented stories under fixtures/store, extracted once."""
    import newsgraph

    paths = sorted(STORE_FIXTURES.glob("*.txt"))
    return [newsgraph.extract(path.read_text(encoding="utf-8"), source=path.name) for path in paths]


@pytest.fixture(scope="session")
def kb_db(tmp_path_factory) -> str:
    """A SQLite store of tests/fixtures/kb (one story from several outlets, a repost, planted conflicts); its path.

    Read-only for the tests that share it: copy it before writing.
    """
    from newsgraph.store import open_store

    path = tmp_path_factory.mktemp("kb-shared") / "news.db"
    with open_store(str(path)) as store:
        report = store.ingest([str(FIXTURES / "kb")])
        assert not report.failures, report.failures
    return str(path)


from newsgraph.store.facts import _write_other_facts as _WRITE_OTHER_FACTS  # noqa: E402 (today's, before any patch)


def write_facts_before_quote_modes(db, article, ids) -> None:
    """Quotes, events and claims as stores wrote them before the `quote_modes` migration (no quotes.mode)."""
    _WRITE_OTHER_FACTS(db, article.model_copy(update={"quotes": []}), ids)
    _write_quotes_without_modes(db, article, ids)


def _write_quotes_without_modes(db, article, ids) -> None:
    db.executemany(
        "INSERT INTO quotes (article_id, quote_id, kind, text, start_offset, end_offset, speaker_id, speaker_name, "
        "cue, parent, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article.id, q.id, q.kind, q.text, q.start, q.end, ids.get(q.speaker or ""), q.speaker_name,
          q.cue.text if q.cue else None, q.parent, article.published) for q in article.quotes])


def write_facts_before_claim_events(db, article, ids) -> None:
    """Quotes, events and claims as stores wrote them before the `claim_events` migration (no claims.event_id,
    no events.key): for tests that make an older store with today's code (patch facts._write_other_facts)."""
    _write_quotes_without_modes(db, article, ids)
    db.executemany("INSERT INTO events (article_id, event_id, type, date_value, evidence) VALUES (?, ?, ?, ?, ?)",
                   [(article.id, e.id, e.type, e.date.value if e.date else None, e.evidence.text if e.evidence
                     else None) for e in article.events])
    db.executemany("INSERT INTO event_participants (article_id, event_id, entity_id) VALUES (?, ?, ?)",
                   sorted({(article.id, e.id, ids[p]) for e in article.events for p in e.participants if p in ids}))
    db.executemany("INSERT INTO claims (article_id, claim_id, subject, subject_id, property, value, normalized, text, "
                   "start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [(article.id, c.id, c.subject, ids.get(c.subject_entity or ""), c.property, c.value, c.normalized,
                     c.text, c.start, c.end) for c in article.claims])
