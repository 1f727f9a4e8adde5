"""A whole corpus in Chromium: the articles index, organisation and place pages, paged and filtered lists,
quotes that open on their highlighted evidence, the timeline, and every page at 1280 and 400 px."""

from __future__ import annotations

import re

import pytest

from .conftest import screenshot_widths


def first_id(http, path: str) -> int:
    return http.get(f"{path}.json").json()["rows"][0]["id"]


def test_articles_index_sorts_filters_and_pages(corpus_page, corpus_http):
    corpus_page.goto("/articles?sort=oldest")
    dates = [d for d in corpus_page.locator("table.articles-index td.when").all_inner_texts() if d != "undated"]
    assert dates == sorted(dates) and len(dates) >= 3
    everything = corpus_http.get("/articles.json").json()
    site = everything["choices"]["site"][0]["name"]
    corpus_page.select_option("form.filters select[name=site]", site)
    corpus_page.click("form.filters button")
    corpus_page.wait_for_url(re.compile(r"site="))
    shown = int(corpus_page.locator("#total").inner_text().split()[0])
    assert 0 < shown < everything["total"]
    assert set(corpus_page.locator("table.articles-index td.site").all_inner_texts()) == {site}
    corpus_page.goto("/articles?size=2")
    assert corpus_page.locator("table.articles-index tbody tr").count() == 2
    corpus_page.locator("nav.pages a[rel=next]").click()
    corpus_page.wait_for_url(re.compile(r"page=2"))
    assert "3–4 of" in corpus_page.locator("nav.pages").inner_text()
    reposts = corpus_http.get("/articles.json", params={"reposts": "1"}).json()["total"]
    assert reposts == everything["total"] + 1  # the web fixtures hold one repost


def test_people_are_paged_and_filtered(corpus_page, corpus_http):
    total = corpus_http.get("/people.json").json()["total"]
    corpus_page.goto("/people?size=3")
    assert corpus_page.locator("table.person-index tbody tr").count() == 3
    assert f"of {total}" in corpus_page.locator("nav.pages").inner_text()
    corpus_page.fill("form.filters input[name=name]", "alus")
    corpus_page.click("form.filters button")
    corpus_page.wait_for_url(re.compile(r"name=alus"))
    assert corpus_page.locator("table.person-index tbody tr").all_inner_texts()[0].startswith("Itamar Alus")
    by_org = corpus_http.get("/people.json", params={"organization": "Netivot Police Station"}).json()
    assert "Itamar Alus" in {p["name"] for p in by_org["rows"]} and by_org["total"] < total


def test_an_organisation_page(corpus_page, corpus_http):
    corpus_page.goto("/")
    corpus_page.locator("section h2 a[href='/organizations']").wait_for()
    link = corpus_page.locator("a[href^='/organizations/']").first
    name = link.inner_text()
    link.click()
    corpus_page.wait_for_url(re.compile(r"/organizations/\d+$"))
    assert corpus_page.locator("h1").inner_text() == name
    assert corpus_page.locator("section.articles tr").count() >= 1
    assert corpus_page.locator("section.people li").count() >= 1
    corpus_page.locator("section.people a").first.click()
    corpus_page.wait_for_url(re.compile(r"/people/\d+$"))


def test_a_place_page_and_places_link_from_articles(corpus_page, corpus_http):
    places = corpus_http.get("/places.json").json()["rows"]
    corpus_page.goto(f"/places/{places[0]['id']}")
    assert corpus_page.locator("h1").inner_text() == places[0]["name"]
    assert corpus_page.locator("section.events").count() == 1 and corpus_page.locator("section.articles tr").count() >= 1
    assert corpus_http.get(f"/organizations/{places[0]['id']}").status_code == 404  # a place is no organisation
    article = corpus_page.locator("section.articles a").first
    article.click()
    corpus_page.wait_for_url(re.compile(r"/articles/[0-9a-f]{16}$"))
    assert corpus_page.locator(".story .body a.ent.place[href^='/places/']").count() >= 1


def test_a_quote_opens_on_its_highlighted_evidence(corpus_page):
    corpus_page.goto("/quotes")
    link = corpus_page.locator("ul.quote-list a.evidence").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    corpus_page.wait_for_url(re.compile(r"/articles/[0-9a-f]{16}#quote-q\d+$"))
    quote = corpus_page.locator(f"#{target}")
    assert quote.evaluate("e => e.matches(':target')")
    assert quote.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert quote.is_visible()


def test_the_timeline_has_one_linked_point_per_event(corpus_page, corpus_http):
    alus = next(p["id"] for p in corpus_http.get("/people.json", params={"name": "Itamar Alus"}).json()["rows"])
    person = corpus_http.get(f"/people/{alus}.json").json()["person"]
    dated = {(e["type"], e["date_value"]) for e in person["events"] if e["date_value"] and e["date_value"][:4].isdigit()}
    corpus_page.goto(f"/people/{alus}")
    marks = corpus_page.locator("svg.chart a.mark")
    assert marks.count() == corpus_page.locator("svg.chart circle.dot").count() == len(dated)
    assert all(re.fullmatch(r"/articles/[0-9a-f]{16}#event-ev\d+", h or "")
               for h in [marks.nth(i).get_attribute("href") for i in range(marks.count())])
    listed = corpus_page.locator("ol.timeline-list > li")
    assert listed.count() == len({(e["type"], e["date_value"]) for e in person["events"]})
    text = corpus_page.locator("section.timeline").inner_text()
    assert "True" not in text and "False" not in text
    marks.first.locator("circle").click()
    corpus_page.wait_for_url(re.compile(r"#event-ev\d+$"))
    event = corpus_page.locator(".story .event:target")
    assert event.count() == 1 and event.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"


@pytest.mark.parametrize("name, path", [
    ("home", "/"), ("articles", "/articles"), ("search", "/search?q=Alus"), ("people", "/people"),
    ("person", "person:Itamar Alus"), ("organizations", "/organizations"), ("organization", "first:/organizations"),
    ("place", "first:/places"), ("quotes", "/quotes"), ("conflicts", "/conflicts"), ("article", "hit:promoted"),
])
def test_every_page_reads_at_1280_and_400_px(browser, corpus_server, corpus_http, name, path):
    if path.startswith("first:"):
        path = f"{path[6:]}/{first_id(corpus_http, path[6:])}"
    elif path.startswith("person:"):
        path = f"/people/{corpus_http.get('/people.json', params={'name': path[7:]}).json()['rows'][0]['id']}"
    elif path.startswith("hit:"):
        path = f"/articles/{corpus_http.get('/search.json', params={'q': path[4:]}).json()['hits'][0]['id']}"
    widths = screenshot_widths(browser, corpus_server, name, path)
    assert widths == {1280: 1280, 400: 400}, f"{path} spills sideways: {widths}"


def test_quotes_are_paged_without_gaps_or_repeats(store, store_articles, monkeypatch):
    from newsgraph.web.pages import quotes

    for article in store_articles:
        store.add_article(article)
    everything = quotes.data(store, {})
    assert everything["total"] >= 4
    monkeypatch.setattr(quotes, "PAGE_SIZE", 2)
    pages = [quotes.data(store, {"page": str(n)}) for n in (1, 2, 3)]
    seen = [(q["article_id"], q["quote_id"]) for page in pages for q in page["quotes"]]
    assert all(len(page["quotes"]) == 2 for page in pages[:2]) and len(set(seen)) == len(seen)
    assert seen == [(q["article_id"], q["quote_id"]) for q in everything["quotes"]][:len(seen)]
