"""One-line errors with exit statuses instead of tracebacks (issue 13 item 6).

Two ingests of the same inputs at once, a full disk (a real 1 MB tmpfs), a
search of 1,200 distinct words, a store on a read-only file system (a real
read-only mount): each ends with one line saying why and an exit status
that says what kind of failure it was, and nothing stored is damaged.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PG_TEST_DATABASE, STORE_FIXTURES

from newsgraph.cli import main
from newsgraph.cli_support import EXIT_NO_SPACE, EXIT_STORE, EXIT_USAGE
from newsgraph.store import open_store

NEWSGRAPH = [sys.executable, "-m", "newsgraph"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSGRAPH, *args], capture_output=True, text=True, timeout=600)


def assert_one_line(done: subprocess.CompletedProcess | object, words: str) -> None:
    err = done.stderr.strip().splitlines()
    assert "Traceback" not in done.stderr and err, done.stderr[-3000:]
    assert err[-1].startswith("newsgraph: ") and words in err[-1], err[-1]


@pytest.fixture
def mount(tmp_path):
    """Mount a tmpfs of a given size at a fresh folder (as root); unmounted afterwards."""
    mounted = []

    def make(size: str, name: str = "disk", parent: Path | None = None) -> Path:
        point = (parent or tmp_path) / name
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(point)
        return point

    yield make
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def invented_articles(folder: Path, count: int) -> Path:
    """`count` distinct scraped-text articles of a few kilobytes each."""
    folder.mkdir(exist_ok=True)
    for n in range(count):
        words = " ".join(f"w{n}x{i}" for i in range(40))
        body = "\n\n".join(f"Paragraph {p} of report {n} says the council met about item {p * n} and {words}."
                           for p in range(12))
        (folder / f"report-{n:04d}.txt").write_text(f"Council report number {n}\n\n{body}\n", encoding="utf-8")
    return folder


def test_two_ingests_of_the_same_inputs_at_once_both_finish_cleanly(store_url, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for path in STORE_FIXTURES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    invented_articles(folder, 30)
    total = len(list(folder.iterdir()))
    command = [*NEWSGRAPH, "ingest", str(folder), "--db", store_url, "--layout-only"]
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
    outputs = [child.communicate(timeout=600) for child in children]
    for child, (_, err) in zip(children, outputs):
        assert child.returncode == 0 and "Traceback" not in err and "Error" not in err, err[-3000:]
    with open_store(store_url) as store:
        assert store.db.scalar("SELECT COUNT(*) FROM articles") == total
        assert store.db.scalar("SELECT COUNT(DISTINCT id) FROM articles") == total
        assert store.db.scalar("SELECT COUNT(*) FROM migrations") == store.version


def test_statistics_after_an_ingest_wait_for_another_writer_instead_of_failing(tmp_path):
    """`Store.analyze` takes the write lock first: SQLite's `PRAGMA optimize` run on its own reads, then
    writes, and a commit by another process in between failed it at once with "database is locked" (seen
    as a flaky run of the test above)."""
    path = tmp_path / "news.db"
    with open_store(str(path)) as store:
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")

        def commit_soon():
            time.sleep(0.5)
            other.execute("CREATE TABLE written_meanwhile (x)")
            other.execute("COMMIT")

        writer = threading.Thread(target=commit_soon)
        writer.start()
        try:
            store.analyze()
        finally:
            writer.join()
            other.close()
        assert store.db.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'written_meanwhile'") == 1


def test_a_full_disk_is_one_line_and_exit_status_4(mount, tmp_path):
    disk = mount("1m")
    folder = invented_articles(tmp_path / "news", 150)
    done = run("ingest", str(folder), "--db", str(disk / "kb.db"), "--layout-only")
    assert done.returncode == EXIT_NO_SPACE, done.stderr[-3000:]
    assert_one_line(done, "no space left")
    with open_store(str(disk / "kb.db"), read_only=True) as store:  # what was stored is whole
        stored = store.db.scalar("SELECT COUNT(*) FROM articles")
        assert 0 < stored < 150
        assert store.db.scalar("SELECT COUNT(*) FROM articles_fts") == stored


def test_extract_output_to_a_full_disk_is_one_line(mount, tmp_path):
    disk = mount("64k")
    folder = invented_articles(tmp_path / "news", 40)
    with open(disk / "out.jsonl", "w") as out:
        done = subprocess.run([*NEWSGRAPH, "extract", "--layout-only", *map(str, sorted(folder.iterdir()))],
                              stdout=out, stderr=subprocess.PIPE, text=True, timeout=600)
    assert done.returncode == EXIT_NO_SPACE
    assert_one_line(done, "no space left")


def test_a_search_of_a_thousand_words_is_a_usage_error(store_url):
    db = store_url
    CliRunner().invoke(main, ["ingest", str(STORE_FIXTURES), "--db", db, "--layout-only"])
    query = " ".join(f"word{n}" for n in range(1200))
    result = CliRunner().invoke(main, ["search", query, "--db", db])
    assert result.exit_code == EXIT_USAGE and "1,200 distinct words" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_store_on_a_read_only_file_system_is_searched_not_written(mount, tmp_path):
    disk = mount("16m")
    db = disk / "kb.db"
    assert run("ingest", str(STORE_FIXTURES), "--db", str(db), "--layout-only").returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    found = run("search", "bakery", "--db", str(db), "--format", "json")
    assert found.returncode == 0 and "bakery" in found.stdout.lower(), found.stderr[-3000:]
    assert run("people", "--db", str(db)).returncode == 0
    refused = run("ingest", str(STORE_FIXTURES), "--db", str(db))
    assert refused.returncode == EXIT_STORE
    assert_one_line(refused, "read-only")
    served = served_search(str(db), "bakery")
    assert served.status_code == 200 and served.json()["total"] >= 1


def served_search(db: str, query: str):
    """A search through the web app over `db`."""
    import warnings

    from newsgraph.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        with TestClient(create_app(db), base_url="http://localhost") as client:
            return client.get("/search.json", params={"q": query})


def test_a_missing_store_is_not_created_by_a_search(tmp_path):
    result = CliRunner().invoke(main, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == EXIT_STORE and "no store at" in result.stderr
    assert not (tmp_path / "none.db").exists()


@contextmanager
def write_lock_held(url: str):
    """Another process's writer holding the store's write lock (SQLite's, or the advisory lock on PostgreSQL)."""
    from newsgraph.store.backends import WRITER_LOCK, sqlite_path

    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("SELECT pg_advisory_lock(%s)", (WRITER_LOCK,))
            yield
        return
    conn = sqlite3.connect(sqlite_path(url), isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def test_a_writer_held_past_the_wait_is_store_busy_exit_status_3(store_url, tmp_path, monkeypatch):
    """StoreBusy: another writer keeps the lock past the wait (120 s; 1 s here): one line, exit status 3,
    nothing half-stored; once it lets go, the same ingest stores everything."""
    monkeypatch.setattr("newsgraph.store.backends.WRITE_WAIT", 1)
    folder = invented_articles(tmp_path / "news", 3)
    with open_store(store_url):
        pass  # the store exists and is up to date: only the ingest's own writes wait
    with write_lock_held(store_url):
        busy = CliRunner().invoke(main, ["ingest", str(folder), "--db", store_url, "--layout-only"])
    assert busy.exit_code == EXIT_STORE, busy.output[-3000:]
    last = busy.stderr.strip().splitlines()[-1]
    assert "Traceback" not in busy.stderr and last.startswith("newsgraph: ") and "is busy" in last, busy.stderr
    with open_store(store_url, read_only=True) as store:
        assert store.db.scalar("SELECT COUNT(*) FROM articles") == 0
    again = CliRunner().invoke(main, ["ingest", str(folder), "--db", store_url, "--layout-only"])
    assert again.exit_code == 0, again.output[-3000:]
    with open_store(store_url, read_only=True) as store:
        assert store.db.scalar("SELECT COUNT(*) FROM articles") == 3


def test_a_full_disk_under_postgresql_is_one_line_and_exit_status_4(mount, pg_server, pg_url, tmp_path):
    """PostgreSQL's disk_full (SQLSTATE 53100), for real: the articles table moved to a tablespace on a
    128 KB tmpfs, then an ingest fills it."""
    disk = mount("128k", "tiny-tablespace", parent=pg_server.root)  # a folder the server's OS user can reach
    shutil.chown(disk, "postgres", "postgres")
    with open_store(pg_url):
        pass
    pg_server.admin("DROP TABLESPACE IF EXISTS newsgraph_tiny", f"CREATE TABLESPACE newsgraph_tiny LOCATION '{disk}'")
    try:
        import psycopg

        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute("ALTER TABLE articles SET TABLESPACE newsgraph_tiny")
        folder = invented_articles(tmp_path / "news", 150)
        done = run("ingest", str(folder), "--db", pg_url, "--layout-only")
        assert done.returncode == EXIT_NO_SPACE, done.stderr[-3000:]
        assert_one_line(done, "no space left")
        with open_store(pg_url, read_only=True) as store:  # what was stored is whole and searchable
            stored = store.db.scalar("SELECT COUNT(*) FROM articles")
            assert 0 < stored < 150
            assert len(store.search("council", limit=500)) == stored
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute("DROP TABLE IF EXISTS articles CASCADE")
        pg_server.drop_database(PG_TEST_DATABASE)
        pg_server.admin("DROP TABLESPACE IF EXISTS newsgraph_tiny")
