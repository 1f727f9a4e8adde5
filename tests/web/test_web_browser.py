"""The pages in a real headless Chromium: load, search, follow links, and check what a reader sees."""

from __future__ import annotations

import re

import pytest

from .conftest import DISAGREE, HOSTILE_ID, IMG, SCRIPT, SEED, build_store, new_tab, screenshot, serving


def person_id(http, name: str) -> int:
    return next(p["id"] for p in http.get("/people.json", params={"name": name}).json()["rows"] if p["name"] == name)


def test_search_from_the_home_page_to_an_article(page):
    page.goto("/")
    assert page.locator("dl.stats").inner_text().startswith("Articles")
    page.fill("form.big-search input[name=q]", "promoted sergeant major")
    page.click("form.big-search button")
    page.wait_for_url(re.compile(r"/search\?q=promoted"))
    assert page.locator("#total").inner_text().endswith("articles") or page.locator("#total").inner_text()
    first = page.locator("li.hit").first
    assert first.locator("mark").count() >= 1  # matches highlighted
    screenshot(page, "search")
    headline = first.locator("a.headline").inner_text()
    first.locator("a.headline").click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]{16}$"))
    assert page.locator("h1.headline").inner_text() == headline
    assert not page.errors


def test_facets_narrow_the_search(page):
    page.goto("/search?q=Alus")
    before = int(page.locator("#total").inner_text().split()[0])
    page.locator("#facet-person a", has_text="Danny Levy").click()
    page.wait_for_url(re.compile(r"person=Danny\+Levy"))
    assert page.locator("p.active .chip").inner_text().startswith("person: Danny Levy")
    after = int(page.locator("#total").inner_text().split()[0])
    assert 0 < after <= before
    page.locator("p.active .chip").click()  # removing the filter
    assert int(page.locator("#total").inner_text().split()[0]) == before


def test_article_page(page, http):
    if list(SEED.glob("*.txt")):
        query = "shielded wounded"
    else:
        query = "promoted ceremony Negev"
    hit = http.get("/search.json", params={"q": query}).json()["hits"][0]
    page.set_viewport_size({"width": 1200, "height": 1300})
    page.goto(f"/articles/{hit['id']}")
    body = page.locator(".story .body")
    people = body.locator("a.ent.person")
    assert people.count() >= 3
    assert body.locator(".ent.organization").count() and body.locator(".quote").count()
    assert body.locator(".event").count() and body.locator("time.date").count()
    assert body.locator(".quote + .who, .who").first.is_visible()  # the speaker is shown with the quote
    removed = page.locator("details.removed")
    assert not removed.locator("table").is_visible()  # furniture only on demand
    screenshot(page, "article", full_page=False)
    screenshot(page, "article-full")
    removed.locator("summary").click()
    assert removed.locator("table").is_visible()
    # every person is a link to their page
    name = people.first.inner_text()
    people.first.click()
    page.wait_for_url(re.compile(r"/people/\d+$"))
    names = page.locator("section.names").inner_text()
    assert name in names or name in page.locator("h1").inner_text()


def test_near_duplicates_are_listed(page, http):
    hits = http.get("/search.json", params={"q": "promoted ceremony Negev"}).json()["hits"]
    original = next(h for h in hits if "southern-courier" in h["source"])
    page.goto(f"/articles/{original['id']}")
    repost = page.locator("#duplicates li")
    assert repost.count() == 1 and "repost" in repost.inner_text()
    repost.locator("a").click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert "original" in page.locator("#duplicates li").inner_text()


def test_person_page(page, http):
    page.set_viewport_size({"width": 1200, "height": 1600})
    page.goto(f"/people/{person_id(http, 'Itamar Alus')}")
    assert page.locator("h1").inner_text() == "Itamar Alus"
    names = page.locator("section.names").inner_text()
    assert "Latin" in names and "Alus" in names
    if list(SEED.glob("*.txt")):
        assert "Hebrew" in names and "איתמר" in names
    titles = page.locator("section.titles").inner_text()
    assert "Sergeant" in titles and "Sergeant Major" in titles
    assert "Netivot Police Station" in page.locator("section.affiliations").inner_text()
    chart = page.locator("svg.chart")
    assert chart.is_visible() and chart.locator("circle.dot").count() >= 2
    assert page.locator("section.quotes blockquote").count() >= 2
    assert page.locator("section.articles li").count() >= 2
    merges = page.locator("section.merges tbody tr")
    assert merges.count() >= 2 and "same full name" in page.locator("section.merges").inner_text()
    screenshot(page, "person", full_page=False)
    screenshot(page, "person-full")
    page.locator("svg.chart text.mark-label").first.click()  # each event links to its article
    page.wait_for_url(re.compile(r"/articles/"))


def test_quotes_page_filters(page):
    page.goto("/quotes")
    total = int(page.locator("#total").inner_text().split()[0])
    page.fill("form.filters input[name=organization]", "Netivot Police Station")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"organization=Netivot"))
    narrowed = int(page.locator("#total").inner_text().split()[0])
    assert 0 < narrowed < total
    assert "Itamar Alus" in page.locator("table.speakers").inner_text()
    screenshot(page, "quotes")
    page.locator("table.speakers a", has_text="Itamar Alus").first.click()
    page.wait_for_url(re.compile(r"speaker=\d+"))
    speakers = page.locator("ul.quote-list p.who a")
    assert speakers.count() and all(s == "Itamar Alus" for s in speakers.all_inner_texts())


@pytest.fixture(scope="module")
def disagreeing(tmp_path_factory):
    """A server over two reports of one flood that disagree (tests/fixtures/kb_disagree); its base URL."""
    db = build_store(tmp_path_factory.mktemp("disagree") / "kb.db", DISAGREE.glob("*.txt"))
    with serving(db) as url:
        yield url


def test_conflicts_page(browser, disagreeing):
    with new_tab(browser, disagreeing, 1200) as page:
        page.goto("/conflicts")
        assert page.locator("h1").inner_text() == "Where sources disagree"
        assert page.locator("section.conflict").count() >= 1
        _a_conflict_shows_both_sides(page)


def _a_conflict_shows_both_sides(page) -> None:
    first = page.locator("section.conflict").first
    assert first.locator(".claim").count() >= 2  # the sources side by side
    assert first.locator(".claim .value").count() >= 2
    screenshot(page, "conflicts")


def test_article_content_is_never_markup(page):
    """Headline, deck, byline, quote, speaker, alt text, caption and furniture holding HTML show as text."""
    page.goto(f"/articles/{HOSTILE_ID}")
    assert page.locator("h1.headline").inner_text() == f"Council rejects {SCRIPT} plan"
    assert IMG in page.locator(".story .body .quote").inner_text()
    assert page.locator(".picture .alt").inner_text() == f"alt {IMG}"
    assert f"caption {SCRIPT}" in page.locator("figcaption").inner_text()
    page.locator("details.removed summary").click()
    assert f"Share {SCRIPT}" in page.locator("details.removed").inner_text()
    assert page.locator("main script, main [onerror], main img").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    screenshot(page, "hostile-article")
    page.goto("/search?q=rejects")
    assert SCRIPT in page.locator("li.hit a.headline").inner_text()
    page.goto("/quotes?speaker=Mallory+Vance")
    assert IMG in page.locator("ul.quote-list blockquote").inner_text()
    page.locator("ul.quote-list p.who a").click()
    page.wait_for_url(re.compile(r"/people/\d+$"))
    assert IMG in page.locator("section.quotes").inner_text()
    assert page.locator("main script, main [onerror], main img").count() == 0
    assert page.dialogs == [] and page.errors == []
