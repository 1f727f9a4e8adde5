"""The server under hostile or unlucky requests (issue 13 items 7 and 8, and item 4 for /add).

Bounded queries and parameters are 4xx, never 500, on both databases; every response, errors included,
carries the security headers; the Host check answers only the names the server is meant for, /add
included; reads go through a connection of their own and never wait for a writer or for /add.
"""

from __future__ import annotations

import threading
import time
import warnings

import pytest
from conftest import STORE_FIXTURES

from newsgraph.budget import Budget
from newsgraph.ingest import ingest
from newsgraph.store import open_store
from newsgraph.web import create_app
from newsgraph.web.guards import SECURITY_HEADERS, default_hosts, normalise_host

THOUSAND_WORDS = " ".join(f"word{n}" for n in range(1200))


def client_for(app, host: str = "localhost", **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette 1.x asks for httpx2 in its test client; httpx works
        from starlette.testclient import TestClient

        return TestClient(app, base_url=f"http://{host}", **options)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served_url(request, tmp_path_factory) -> str:
    """A small store of each backend, made once for the module."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('hardening') / 'news.db'}"
    else:
        url = request.getfixturevalue("pg_server").create_database("newsgraph_hardening")
    with open_store(url) as store:
        ingest(store, [str(STORE_FIXTURES)], stages=())
    return url


@pytest.fixture(scope="module")
def served(served_url):
    """A test client over `served_url`."""
    store_url = served_url
    with open_store(store_url) as store:
        article_id = store.db.scalar("SELECT id FROM articles ORDER BY id LIMIT 1")
    client = client_for(create_app(store_url))
    client.article_id = article_id
    yield client
    client.close()


class _RolledBack(Exception):
    """Ends a transaction a test held open, without committing it."""


def assert_secure(response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (response.status_code, name)


@pytest.mark.parametrize("path, params, status", [
    ("/search.json", {"q": THOUSAND_WORDS}, 400),
    ("/search.json", {"q": "x" * 3000}, 400),
    ("/search.json", {"q": "ж" * 1100}, 400),  # 2,200 bytes: over PostgreSQL's 2,047 for one word
    ("/search.json", {"q": "bakery", "page": "99999999999999999999"}, 400),
    ("/search.json", {"q": "bakery", "page": "²"}, 400),
    ("/quotes.json", {"page": "²"}, 400),
    ("/search.json", {"q": "bakery", "site": "a\x00b"}, 400),
    ("/search.json", {"q": "bakery\x00"}, 400),
    ("/search.json", {"person": "Mara\x00"}, 400),
    ("/quotes.json", {"speaker": "x\x00"}, 400),
    ("/quotes.json", {"speaker": "99999999999999999999"}, 200),
    ("/people/99999999999999999999", {}, 404),
    ("/people/99999999999999999999.json", {}, 404),
    ("/articles/abc%00def", {}, 404),
    ("/articles/abc%00def.json", {}, 404),
    ("/search", {"since": "yesterday"}, 400),
])
def test_bounded_requests_are_4xx_with_security_headers(served, path, params, status):
    response = served.get(path, params=params)
    assert response.status_code == status, response.text[:500]
    assert_secure(response)


def test_a_normal_search_and_article_still_work(served):
    assert served.get("/search.json", params={"q": "bakery"}).json()["total"] >= 1
    assert served.get(f"/articles/{served.article_id}").status_code == 200


def test_even_a_500_carries_the_security_headers(sqlite_url):
    with open_store(sqlite_url) as store:
        ingest(store, [str(STORE_FIXTURES)], stages=())
    app = create_app(sqlite_url)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    app.state.site.read = broken
    response = client_for(app, raise_server_exceptions=False).get("/search?q=bakery")
    assert response.status_code == 500 and "internal error" in response.text
    assert_secure(response)


def test_hosts_other_than_the_allowed_ones_are_refused(served):
    refused = served.get("/search.json", params={"q": "bakery"}, headers={"host": "rebind.example:8000"})
    assert refused.status_code == 400 and "--allowed-host rebind.example" in refused.text
    assert_secure(refused)
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000"):
        assert served.get("/search.json", params={"q": "bakery"}, headers={"host": host}).status_code == 200


def test_a_rebound_page_cannot_add_to_a_writable_server(store_url):
    with open_store(store_url) as store:
        ingest(store, [str(STORE_FIXTURES)], stages=())
        before = store.db.scalar("SELECT COUNT(*) FROM articles")
    client = client_for(create_app(store_url, writable=True, budget=None, allowed_hosts=["news.example"]),
                        host="news.example")
    text = "Ferry strike ends\n\nThe ferry crews returned to work on Monday, the union said.\n"
    rebound = client.post("/add.json", data={"content": text}, headers={"host": "evil.example",
                                                                         "origin": "http://evil.example"})
    assert rebound.status_code == 400
    assert client.post("/add.json", data={"content": text}, headers={"origin": "http://news.example"}
                       ).json()["outcome"] == "added"
    with open_store(store_url) as store:
        assert store.db.scalar("SELECT COUNT(*) FROM articles") == before + 1


@pytest.mark.parametrize("bind, expected, absent", [
    ("127.0.0.1", ["localhost", "127.0.0.1", "::1"], []),
    ("192.0.2.7", ["localhost", "192.0.2.7"], []),
])
def test_default_hosts_are_localhost_and_the_bound_address(bind, expected, absent):
    hosts = default_hosts(bind)
    assert all(h in hosts for h in expected)
    assert "0.0.0.0" not in default_hosts("0.0.0.0") and "localhost" in default_hosts("0.0.0.0")


@pytest.mark.parametrize("header, name", [("Example.org:80", "example.org"), ("[::1]:8000", "::1"),
                                          ("localhost.", "localhost"), ("::1", "::1")])
def test_host_headers_are_normalised(header, name):
    assert normalise_host(header) == name


def test_concurrent_reads_use_connections_of_their_own(store_url):
    with open_store(store_url) as store:
        ingest(store, [str(STORE_FIXTURES)], stages=())
    pool = create_app(store_url).state.site.pool
    held, both = [], threading.Barrier(2, timeout=30)

    def borrow():
        with pool.store() as store:
            held.append(store)
            both.wait()  # both requests hold a store at once: no lock serialises them

    threads = [threading.Thread(target=borrow) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(held) == 2 and held[0] is not held[1] and held[0].db.conn is not held[1].db.conn


def test_reads_do_not_wait_for_a_writer_holding_its_transaction(served, served_url):
    writer = open_store(served_url)
    try:
        with pytest.raises(_RolledBack), writer.batch():  # a write transaction held open, as an ingest's is
            writer.record_failure("held.txt", "held open by the test")  # rolled back below
            response = served.get("/search.json", params={"q": "bakery"})
            assert response.status_code == 200 and response.json()["total"] >= 1
            raise _RolledBack
    finally:
        writer.close()


def test_add_extracts_off_the_request_path(store_url, monkeypatch):
    """A paste whose extraction hangs: reads are answered meanwhile, and the paste fails on its time budget."""
    from stage_helpers import HANG

    with open_store(store_url) as store:
        ingest(store, [str(STORE_FIXTURES)], stages=())
    monkeypatch.setenv("NEWSGRAPH_STAGES", "claims=stage_helpers:hang")
    client = client_for(create_app(store_url, writable=True, budget=Budget(seconds=8)))
    outcome = {}
    paste = f"Harbour report\n\nThe harbour board met on Tuesday. The crane {HANG} when loaded.\n"
    posting = threading.Thread(target=lambda: outcome.update(client.post(
        "/add.json", data={"content": paste}, headers={"origin": "http://localhost"}).json()))
    posting.start()
    time.sleep(1)
    answered = [client.get("/search.json", params={"q": word}).status_code for word in ("bakery", "lake", "harbour")]
    assert answered == [200, 200, 200] and posting.is_alive()  # read while the paste was still being extracted
    posting.join(300)
    assert outcome["outcome"] == "refused" and "time budget" in outcome["reason"]


def test_a_form_over_the_size_limit_is_refused_before_it_is_read(store_url):
    from newsgraph.web.app import MAX_BODY_BYTES

    with open_store(store_url) as store:
        ingest(store, [str(STORE_FIXTURES)], stages=())
        before = store.db.scalar("SELECT COUNT(*) FROM articles")
    client = client_for(create_app(store_url, writable=True, budget=None))
    response = client.post("/add.json", data={"content": "x" * (MAX_BODY_BYTES + 1)},
                           headers={"origin": "http://localhost"})
    assert response.status_code == 413
    assert_secure(response)
    with open_store(store_url) as store:
        assert store.db.scalar("SELECT COUNT(*) FROM articles") == before
