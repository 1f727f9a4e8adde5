"""The app over HTTP: every page and its JSON twin, errors, read-only by default, the serve command."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.web.app import StoreError, open_for_serving
from newsgraph.web.pages import PAGES

from .conftest import HOSTILE_ID, SCRIPT

EXAMPLE_PATHS = {"article": f"/articles/{HOSTILE_ID}", "person": "/people/1"}
ONE_OF = {"organization": "/organizations", "place": "/places"}  # a page of the first one listed


@pytest.mark.parametrize("page", [p for p in PAGES if not p.writes], ids=lambda p: p.name)
def test_every_page_has_a_json_twin(http, page):
    path = EXAMPLE_PATHS.get(page.name, page.path)
    if page.name in ONE_OF:
        path = f"{ONE_OF[page.name]}/{http.get(ONE_OF[page.name] + '.json').json()['rows'][0]['id']}"
    html = http.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    twin = path.rstrip("/") + ".json" if path != "/" else "/.json"
    data = http.get(twin)
    assert data.status_code == 200 and data.headers["content-type"] == "application/json"
    assert isinstance(data.json(), dict)
    assert f'href="{twin}"' in html.text  # each page links its twin


def test_home_counts(http):
    data = http.get("/index.json").json()
    assert data["stats"]["articles"] >= 4 and data["stats"]["duplicates"] == 1
    assert any(p["name"] == "Itamar Alus" for p in data["top"]["person"])


def test_search_json(http):
    data = http.get("/search.json", params={"q": "sergeant major", "person": "Itamar Alus"}).json()
    assert data["total"] == len(data["hits"]) >= 1
    assert all("<mark>" in hit["snippet"] for hit in data["hits"])
    assert any(f["name"] == "Itamar Alus" for f in data["facets"]["person"])
    narrowed = http.get("/search.json", params={"q": "sergeant", "since": "2025-09", "until": "2025-09"}).json()
    assert narrowed["filters"]["since"] == "2025-09-01" and narrowed["filters"]["until"] == "2025-09-30"
    assert all(h["published"].startswith("2025-09") for h in narrowed["hits"])


def test_article_json_links_entities_and_duplicates(http):
    hits = http.get("/search.json", params={"q": "promoted ceremony Negev"}).json()["hits"]
    article_id = next(h["id"] for h in hits if "southern-courier" in (h["source"] or ""))
    data = http.get(f"/articles/{article_id}.json").json()
    assert data["article"]["id"] == article_id
    assert set(data["entity_ids"]) == {e["id"] for e in data["article"]["entities"]}
    assert [d["source"] for d in data["duplicates"]] == ["tests/fixtures/web/wire-repost-promotion.txt"]


def test_person_json(http):
    people = http.get("/people.json").json()["rows"]
    alus = next(p for p in people if p["name"] == "Itamar Alus")
    person = http.get(f"/people/{alus['id']}.json").json()["person"]
    assert len(person["articles"]) >= 2
    assert any(m["decision"] == "merged" for m in person["merges"])


def test_quotes_json_filters(http):
    everyone = http.get("/quotes.json").json()
    police = http.get("/quotes.json", params={"organization": "Netivot Police Station"}).json()
    assert 0 < police["total"] < everyone["total"]
    assert "Itamar Alus" in {s["speaker"] for s in police["speakers"]}


@pytest.mark.parametrize("path, status", [
    ("/articles/0000000000000000", 404), ("/people/999999", 404), ("/people/999999.json", 404),
    ("/nowhere", 404), ("/search?since=yesterday", 400), ("/quotes.json?page=0", 400),
])
def test_errors(http, path, status):
    response = http.get(path)
    assert response.status_code == status
    if path.endswith(".json") or ".json?" in path:
        assert response.json()["status"] == status
    else:
        assert "newsgraph" in response.text


def test_read_only_by_default(http, web_db):
    assert http.get("/add").status_code == 404
    assert http.post("/search", data={"q": "x"}).status_code == 405
    store = open_for_serving(web_db)
    with pytest.raises(Exception, match="readonly"):
        store.record_failure("x", "y")
    store.close()


def test_read_only_server_does_not_create_a_store(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        open_for_serving(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_a_writable_server_says_it_creates_a_missing_store(tmp_path, web_db):
    from newsgraph.web.app import startup_notice

    missing = tmp_path / "mistyped.db"
    assert startup_notice(str(missing), writable=True) == f"no store at {missing}: a new, empty one is created (--writable)"
    assert startup_notice(str(missing), writable=False) is None  # a read-only server refuses it instead
    assert startup_notice(web_db, writable=True) is None
    assert not missing.exists()


def test_security_headers(http):
    headers = http.get("/").headers
    assert "script-src" not in headers["content-security-policy"]  # default-src 'none' covers scripts
    assert headers["x-content-type-options"] == "nosniff"


def test_writable_server_adds_pasted_articles(tmp_path, web_db):
    import shutil

    from newsgraph.web import create_app

    copy = tmp_path / "copy.db"
    shutil.copyfile(web_db, copy)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette 1.x asks for httpx2 in its test client; httpx works
        from starlette.testclient import TestClient

        client = TestClient(create_app(str(copy), writable=True), base_url="http://localhost")
    assert "Add an article" in client.get("/add").text
    before = client.get("/.json").json()["stats"]["articles"]  # now cached until the store changes
    text = ("Harbour fire closes ferry terminal\n\nBy Sam Hart\n\nFirefighters battled a blaze at the ferry "
            "terminal on Tuesday night, the fire service said. No one was hurt.\n")
    refused = client.post("/add", data={"content": text}, headers={"origin": "http://evil.example"})
    assert refused.status_code == 403
    added = client.post("/add.json", data={"content": text, "published": "2025-10-21"},
                        headers={"origin": "http://localhost"}).json()
    assert added["outcome"] == "added" and added["headline"] == "Harbour fire closes ferry terminal"
    assert client.get(f"/articles/{added['article_id']}").status_code == 200
    assert client.get("/.json").json()["stats"]["articles"] == before + 1
    again = client.post("/add.json", data={"content": text, "published": "2025-10-21"}).json()
    assert again["outcome"] == "exists"


def test_serve_command():
    runner = CliRunner()
    help_text = runner.invoke(main, ["serve", "--help"]).output
    for option in ("--db", "--host", "--port", "--writable"):
        assert option in help_text
    missing = runner.invoke(main, ["serve", "--db", "/nonexistent/dir/news.db"])
    assert missing.exit_code == 3 and "no store at" in missing.output


def test_importing_newsgraph_and_its_cli_leaves_the_web_stack_unloaded():
    code = ("import sys, newsgraph, newsgraph.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'jinja2')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_hostile_strings_are_escaped_in_the_html(http):
    html = http.get(f"/articles/{HOSTILE_ID}").text
    assert SCRIPT not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html


def test_writable_server_takes_corrections_from_its_buttons(tmp_path, web_db):
    import shutil

    from newsgraph.web import create_app

    copy = tmp_path / "copy.db"
    shutil.copyfile(web_db, copy)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        client = TestClient(create_app(str(copy), writable=True), base_url="http://localhost")  # an allowed Host
    page = client.get("/people/1").text
    assert 'action="/correct"' in page and 'value="rename"' in page and 'value="merge"' in page
    before = client.get("/people/1.json").json()["person"]["name"]  # cached until the store changes
    done = client.post("/correct.json", data={"action": "rename", "entity": "1", "name": "A. N. Other",
                                              "note": "checked"}, headers={"origin": "http://localhost"}).json()
    assert done["outcome"] == "done" and done["correction"]["note"] == "checked" and before != "A. N. Other"
    assert client.get("/people/1.json").json()["person"]["name"] == "A. N. Other"
    assert client.get("/corrections.json").json()["corrections"][0]["kind"] == "rename"
    refused = client.post("/correct.json", data={"action": "merge", "entity": "1", "other": "999999"}).json()
    assert refused["outcome"] == "refused" and "no entity 999999" in refused["reason"]
    assert client.post("/correct.json", data={"action": "explode"}).status_code == 400


def test_read_only_server_has_no_correct_buttons(http):
    assert http.get("/correct").status_code == 404
    assert 'action="/correct"' not in http.get("/people/1").text
    assert 'action="/correct"' not in http.get("/conflicts").text



def test_an_events_place_reads_as_its_name():
    """The events stage gives an event's place as its entity's id when an entity stands for it: the page shows
    the name (a record of our own, rendered with the app's templates)."""
    from newsgraph.model import Event
    from newsgraph.web.pages import articles
    from newsgraph.web.templating import environment

    from .conftest import hostile_article

    article = hostile_article()
    article.entities.append(article.entities[0].model_copy(update={"id": "e2", "type": "place", "name": "Orlan Quay"}))
    article.events = [Event(id="ev1", type="resignation", participants=["e1"], place="e2")]
    data = {"article": article.model_dump(mode="json"), "entity_ids": {}, "duplicates": []}
    context = {**data, **articles.html(data)}
    page = environment().get_template("article.html").render(context, request_path="/articles/x", json_url="x.json",
                                                             args={}, writable=False)
    events = page.split("<h2>Events</h2>")[1].split("</section>")[0]
    assert "in Orlan Quay" in events and "in e2" not in events
