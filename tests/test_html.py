"""The HTML reader on small pages written for these tests (tests/fixtures/html)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import MalformedInput
from newsgraph.pipeline import Document
from newsgraph.readers.html import read_html
from newsgraph.readers.html_choose import choose_authors, choose_title, parse_date, strip_site
from newsgraph.readers.html_meta import Candidate
from newsgraph.readers.html_names import split_names

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"


def read(name: str, **options) -> newsgraph.Article:
    return newsgraph.extract(FIXTURES / name, kind="html", stages=(), **options)


def test_figure_caption_and_credit_go_to_media_not_the_body():
    article = read("figure_credit.html")
    assert [(m.caption, m.credit, m.alt, m.src) for m in article.media] == [
        ("The tower at Gull Point was automated in the spring of 1985.", "Ines Harrow/Coastline Pictures",
         "A white tower on a rocky headland", "/img/gull-point.jpg")]
    assert not any("automated" in p or "Harrow" in p for p in article.paragraphs)
    reasons = {r.reason: r.text for r in article.removed}
    assert reasons["caption"].startswith("The tower at Gull Point")
    assert reasons["credit"] == "Ines Harrow/Coastline Pictures"


def test_figure_page_metadata_with_evidence():
    article = read("figure_credit.html")
    assert article.input_kind == "html"
    assert article.headline == "Lighthouse keepers return to Gull Point"
    assert article.subheadline == "The harbour trust has hired two keepers to live at the tower through the winter."
    assert article.authors == ["Marta Quill"]
    assert article.published == "2025-03-14T08:30:00+00:00"
    assert article.site_name == "Coastline Courier"
    assert article.language == "en"
    assert article.url == "https://courier.example/coast/lighthouse-keepers-return"
    origins = {field: ev.origin for field, ev in article.evidence.items()}
    assert origins["headline"] == "h1" and origins["url"] == "link[rel=canonical]"
    assert origins["published"] == "meta[property=article:published_time]"
    assert all(ev.stage == "html" for ev in article.evidence.values())


def test_paragraph_spans_point_into_the_text():
    article = read("figure_credit.html")
    assert len(article.paragraph_spans) == len(article.paragraphs) >= 4
    for span, paragraph in zip(article.paragraph_spans, article.paragraphs):
        assert article.text[span.start:span.end] == span.text == paragraph
    lead = [x for x in (article.headline, article.subheadline) if x]
    assert article.text == "\n\n".join(lead + article.paragraphs)
    headline = article.evidence["headline"]
    assert article.text[headline.start:headline.end] == article.headline


def test_jsonld_news_article_gives_authors_date_and_image():
    article = read("jsonld_news.html")
    assert article.headline == "Orchard cooperative doubles its cider harvest"
    assert article.authors == ["Tomas Birke", "Leni O'Dowd"]
    assert article.evidence["authors"].origin == "json-ld:author"
    assert article.published == "2024-10-02T17:45:00+02:00"
    assert article.evidence["published"].origin == "json-ld:datePublished"
    assert article.url == "https://ledger.example/orchard-cider"  # og:url, no canonical link
    assert article.language == "de"
    assert [(m.caption, m.credit) for m in article.media] == [
        ("Apples waiting for the press in the cooperative's barn", "Valley Ledger archive")]
    # og:description is not shown on the page: it is no deck
    assert article.subheadline is None


def test_newsletter_line_is_furniture():
    article = read("jsonld_news.html")
    assert not any("newsletter" in p for p in article.paragraphs)
    assert any(r.reason == "newsletter" for r in article.removed)


def test_caption_class_div_outside_a_figure():
    article = read("caption_div.html")
    assert [(m.caption, m.credit, m.src) for m in article.media] == [
        ("Visitors queue for food under the depot's restored glass roof on the opening night.", "Pavel Ostrander",
         "depot.jpg")]
    assert not any("glass roof" in p for p in article.paragraphs)
    assert not any("Tram depot plans" in p for p in article.paragraphs)  # the related-links list
    assert article.paragraphs[0].startswith("Stalls selling noodles")


def test_user_url_and_date_win_over_the_page():
    article = read("figure_credit.html", url="https://mirror.example/x", published="2025-03-15")
    assert article.url == "https://mirror.example/x" and article.evidence["url"].origin == "user"
    assert article.published == "2025-03-15" and article.evidence["published"].origin == "user"


def test_a_warc_record_url_is_its_target_uri_and_the_canonical_link_has_its_own_field():
    html = (FIXTURES / "figure_credit.html").read_text(encoding="utf-8")
    doc = read_html(Document(raw=html, kind="warc", scratch={"warc_url": "https://crawl.example/copy?utm=1"}))
    assert doc.article.url == "https://crawl.example/copy?utm=1"  # joins back to the crawl's WARC-Target-URI
    assert doc.article.canonical_url == "https://courier.example/coast/lighthouse-keepers-return"
    assert doc.article.evidence["url"].origin == "warc:WARC-Target-URI" and doc.article.input_kind == "warc"
    without = html.replace('<link rel="canonical" href="https://courier.example/coast/lighthouse-keepers-return">', "")
    doc = read_html(Document(raw=without, kind="warc", scratch={"warc_url": "https://crawl.example/copy"}))
    assert doc.article.url == "https://crawl.example/copy"
    page = read_html(Document(raw=html, kind="html")).article  # a page on its own: its canonical link
    assert page.url == page.canonical_url == "https://courier.example/coast/lighthouse-keepers-return"


def test_page_without_an_article_is_a_clear_error():
    with pytest.raises(MalformedInput) as info:
        read("no_article.html")
    assert "no article" in info.value.reason
    assert info.value.source.endswith("no_article.html")


def test_page_without_an_article_is_a_failure_in_a_batch():
    results = list(newsgraph.extract_files([str(FIXTURES / "no_article.html"), str(FIXTURES / "caption_div.html")],
                                           stages=()))
    assert [type(r).__name__ for r in results] == ["Failure", "Article"]
    assert results[0].error == "MalformedInput"


def test_malformed_html_still_extracts():
    article = read("malformed.html")
    assert article.headline == "River ferry timetable changes from Monday"
    assert article.paragraphs[0].startswith("The river ferry will run every twenty minutes")
    assert any(p.startswith("Evening sailings after nine") for p in article.paragraphs)


def test_a_bare_fragment_is_read():
    body = " ".join(["The committee met on Tuesday to discuss the new bus routes through the northern estates."] * 4)
    article = newsgraph.extract(f"<div><h1>Bus routes</h1><p>{body}</p><p>{body}</p></div>", kind="html", stages=())
    assert article.paragraphs and article.paragraphs[0].startswith("The committee met")


@pytest.mark.parametrize("title, origin, sites, expected", [
    ("Lighthouse keepers return | Coastline Courier", "title", ["Coastline Courier"], "Lighthouse keepers return"),
    ("Orchard harvest doubles - Valley Ledger", "og:title", ["Valley Ledger"], "Orchard harvest doubles"),
    ("Valley Ledger: Orchard harvest doubles", "title", ["Valley Ledger"], "Valley Ledger: Orchard harvest doubles"),
    ("Valley Ledger – Orchard harvest doubles", "title", ["Valley Ledger"], "Orchard harvest doubles"),
    ("Tram depot reopens | Local | Town Crier", "title", ["Town Crier"], "Tram depot reopens"),
    ("Rain or shine - the market stays open", "h1", ["Town Crier"], "Rain or shine - the market stays open"),
    ("Best boots for winter walks | Tested", "h1", [], "Best boots for winter walks | Tested"),
])
def test_strip_site(title, origin, sites, expected):
    assert strip_site(title, origin, sites, None) == expected


def test_strip_site_by_domain():
    assert strip_site("Ferry times change | Harbourwatch", "title", [], "harbourwatch") == "Ferry times change"


@pytest.mark.parametrize("url, label", [
    ("https://www.harbourwatch.example/a", "harbourwatch"),  # a suffix the list does not know: the label before it
    ("https://www.harbourwatch.co.uk/a", "harbourwatch"),  # two-part public suffixes
    ("https://news.harbourwatch.com.au/a", "harbourwatch"),
    ("https://m.harbourwatch.co.nz/a", "harbourwatch"),
    ("https://harbour-watch.org.uk/a", "harbour-watch"),
    ("https://www.gov.uk/guidance", "gov"),  # a public suffix that is itself the site
    ("https://192.0.2.7/a", None),
    ("http://localhost/a", None),
    ("http://[harbour/a", None),  # an address urlsplit refuses
    (None, None),
])
def test_site_label_reads_the_public_suffix_list(url, label):
    from newsgraph.readers.sites import site_label

    assert site_label(url) == label


def test_the_reader_and_the_narrator_read_one_site_name():
    from newsgraph.readers.html_choose import site_domain
    from newsgraph.understand.speakers import _site_forms

    url = "https://www.harbour-watch.co.uk/story"
    assert site_domain(url) == "harbourwatch"
    assert _site_forms(None, url) == {"harbourwatch"}
    assert strip_site("Ferry times change | Harbour Watch", "title", [], site_domain(url)) == "Ferry times change"


@pytest.mark.parametrize("value, expected", [
    ("2024-10-02T17:45:00+02:00", "2024-10-02T17:45:00+02:00"),
    ("2024-10-02T15:45:00Z", "2024-10-02T15:45:00+00:00"),
    ("2024-10-02", "2024-10-02"),
    ("2024-10-02 15:45:00", "2024-10-02T15:45:00"),
    ("October 2, 2024 3:45 PM", "2024-10-02T15:45:00"),
    ("not a date", None),
    ("1850-01-01", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("byline, names", [
    ("By Marta Quill", ["Marta Quill"]),
    ("By Tomas Birke and Leni O'Dowd", ["Tomas Birke", "Leni O'Dowd"]),
    ("Written by Ana Ruiz, Senior Correspondent", ["Ana Ruiz"]),
    ("By Ana Ruiz | Updated Oct 2, 2024", ["Ana Ruiz"]),
    ("ByAna Ruiz", ["Ana Ruiz"]),
    ("By Staff", []),
    ("The Associated Press", ["The Associated Press"]),
    # what a byline adds after a person is where she works, her job or a label, not a second author
    ("By Marta Quill | The Harbour Journal", ["Marta Quill"]),
    ("Tomas Birke, Quayside Sentinel", ["Tomas Birke"]),
    ("Tomas Birke, HARBOUR DAILY NEWS", ["Tomas Birke"]),
    ("Leni Dowd, Harbourlabs", ["Leni Dowd"]),  # one word that is no given name
    ("Leni Dowd, Tomas", ["Leni Dowd", "Tomas"]),
    ("Ana Ruiz and Emily Post", ["Ana Ruiz", "Emily Post"]),  # an organisation's word as a surname
    ("Ana Ruiz of Harbourlabs", ["Ana Ruiz"]),
    ("Ana Ruiz for HarbourOnline", ["Ana Ruiz"]),
    ("Bank of Harbourside", ["Bank of Harbourside"]),  # one word before 'of': an organisation's own name
    ("Ana Ruiz - Marketing Manager", ["Ana Ruiz"]),
    ("Quill - Ana Ruiz", ["Quill - Ana Ruiz"]),  # a user name and the person's, as the site writes it
    ("Ana Ruiz, Vice President of Sales, Harbourlabs", ["Ana Ruiz"]),
    ("Ana Ruiz, PhD", ["Ana Ruiz PhD"]),  # the byline's writing of her name; the narrator drops the degree
    ("MARTA QUILL, ERIC DOWD Harbour Press", ["MARTA QUILL", "ERIC DOWD"]),  # the outlet glued after the last
    ("Eric Dowd Quayside Daily Mail", ["Eric Dowd"]),
    ("Santa Marta Sentinel", ["Santa Marta Sentinel"]),  # three words: the outlet's own name
    ("Tomas Birke, Jr.", ["Tomas Birke Jr"]),
    ("Ana Ruiz BBC Radio", ["Ana Ruiz"]),  # an outlet's acronym glued after the name
    ("Mara Quill Info", ["Mara Quill"]),  # a link's label
    ("Tomas Birke and Leni DowdOctober 3, 2016", ["Tomas Birke", "Leni Dowd"]),
    ("Tomas Birke September", ["Tomas Birke"]),
    ("Mara May", ["Mara May"]),  # a month that is also a name stays
    ("Leni Dowd III", ["Leni Dowd III"]),
    ("Leni Dowd#AUTHOR-LENI", ["Leni Dowd"]),
    ("Find Author", []),
    ("Advertisement", []),
    ("Published: 10:15", []),
    ("harbour_fan", []),
    ("HarbourDeals.io", []),
    ("— Ana Ruiz of Harbourlabs", []),  # the signature of a pulled quotation, not the page's byline
    ("HarbourVideo", ["HarbourVideo"]),  # an account: kept, but it tells no "I" (speakers.narrator)
])
def test_split_names(byline, names):
    assert split_names(byline) == names


def test_choose_authors_cuts_the_site_glued_after_a_name():
    chosen = choose_authors([Candidate(("Mara Quill Quayside Courier-Post",), "byline", 0)], ["Quayside Courier-Post"])
    assert chosen.value == ["Mara Quill"]
    chosen = choose_authors([Candidate(("Mara Quill | Harbour Tide",), "byline", 0)], [], "harbourtide")
    assert chosen.value == ["Mara Quill"]
    chosen = choose_authors([Candidate(("The Quayside Tide",), "byline", 0)], [], "tide")
    assert chosen.value == ["The Quayside Tide"]  # the outlet's own name, not a person's


def test_choose_title_prefers_the_visible_headline():
    candidates = [Candidate("Night market opens on depot site", "h1", 0),
                  Candidate("Depot night market: what to know before you go", "meta[property=og:title]"),
                  Candidate("Depot night market: what to know before you go", "json-ld"),
                  Candidate("Depot night market: what to know before you go | Town Crier", "title")]
    chosen = choose_title(candidates, ["Town Crier"], None)
    assert (chosen.value, chosen.origin) == ("Night market opens on depot site", "h1")


def test_choose_title_skips_a_logo_h1():
    candidates = [Candidate("Crier", "h1", 0), Candidate("Depot night market opens", "h1", 1),
                  Candidate("Depot night market opens | Town Crier", "title")]
    assert choose_title(candidates, ["Town Crier"], None).value == "Depot night market opens"


def test_a_malformed_address_in_the_page_loses_only_the_address():
    page = ('<html><head><title>Harbour storm closes pier</title><link rel="canonical" href="http://[harbour/storm">'
            '<meta property="og:url" content="https://[www.harbour.example]/storm"></head><body><article>'
            "<h1>Harbour storm closes pier</h1><p>By Harbourside Articles</p><p>The storm shut the pier on Monday, "
            "and the harbour master said repairs would take a month. We lost the old boathouse too, the club's "
            "note said.</p></article></body></html>")
    article = newsgraph.extract(page, kind="html")
    assert article.url is None and article.headline == "Harbour storm closes pier"
    assert [q.speaker_mention.text for q in article.quotes] == ["the harbour master", "the club's note"]


def test_a_malformed_address_is_no_link_on_the_web_page():
    from newsgraph.web.templating import http_url

    assert http_url("http://[harbour/storm") is None and http_url("https://harbour.example/a") is not None


# --- review of the byline work: what it first got wrong --------------------------------------------------------------

@pytest.mark.parametrize("byline, names", [
    ("By Ana Ruiz for The Harbour Times", ["Ana Ruiz"]),  # the affiliation cut takes 'for' with the outlet
    ("— By Ana Ruiz", ["Ana Ruiz"]),  # a dashed byline is no quotation's signature
    ("\u674e\u660e, \u738b\u82b3", ["\u674e\u660e", "\u738b\u82b3"]),  # two authors in a script with no capitals
    ("Ana Ruiz " * 300, []),  # a pasted run of words in an author field names no one (and is read in linear time)
])
def test_bylines_the_review_found(byline, names):
    assert split_names(byline) == names


def test_a_person_named_like_the_sites_address_stays():
    both = choose_authors([Candidate(("Ada Quill and Tomas Birke",), "byline")], ["Notes from the Shore"], "adaquill")
    assert both.value == ["Ada Quill", "Tomas Birke"]
    one = choose_authors([Candidate(("Ana Maria Quill",), "byline")], ["Notes from the Shore"], "quill")
    assert one.value == ["Ana Maria Quill"]


def test_the_site_label_fetches_nothing_when_the_suffix_list_is_missing(monkeypatch, tmp_path):
    import tld.base
    import tld.conf
    import tld.utils

    from newsgraph.readers import sites

    calls = []
    monkeypatch.setattr(tld.base, "urlopen", lambda url, *a, **k: calls.append(url) or (_ for _ in ()).throw(OSError))
    tld.utils.tld_names.pop("res/effective_tld_names.dat.txt", None)
    tld.conf.set_setting("NAMES_LOCAL_PATH_PARENT", str(tmp_path))  # where tld looks for its list: nothing there
    sites.registrable_label.cache_clear()
    sites._shipped_list.cache_clear()
    try:
        label = sites.site_label("https://www.harbourwatch.co.uk/a")
    finally:
        tld.conf.reset_settings()
        sites.registrable_label.cache_clear()
        sites._shipped_list.cache_clear()
    assert calls == [] and label == "harbourwatch"  # the next-to-last label after 'co'
