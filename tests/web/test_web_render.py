"""The pure helpers behind the pages: highlighting from offsets, the timeline, filters and arguments."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Entity, Quote, Span
from newsgraph.web.highlight import Annotation, body_html, mark_up
from newsgraph.web.pages.args import BadRequest, iso_date, page_number
from newsgraph.web.templating import http_url, marks, script_name, url_with
from newsgraph.web.timeline import layout, parse_partial


def a(start, end, name, layer=0, after=""):
    return Annotation(start, end, layer, f"<{name}>", f"</{name}>", after)


@pytest.mark.parametrize("text, found, expected", [
    ("plain <b>text</b>", [], "plain &lt;b&gt;text&lt;/b&gt;"),
    ("Ann said hi", [a(0, 3, "p")], "<p>Ann</p> said hi"),
    # nested: a name inside a quote
    ("say Ann now", [a(0, 11, "q"), a(4, 7, "p", 1)], "<q>say <p>Ann</p> now</q>"),
    # crossing: the inner one is closed and reopened so the HTML nests
    ("abcdef", [a(0, 4, "x"), a(2, 6, "y")], "<x>ab<y>cd</y></x><y>ef</y>"),
    # same span: the outer layer first
    ("abc", [a(0, 3, "e", 2), a(0, 3, "q", 0)], "<q><e>abc</e></q>"),
    # a label after a quote, outside it
    ("“hi” she said", [a(0, 4, "q", after="<i>Ann</i>")], "<q>“hi”</q><i>Ann</i> she said"),
    # a label is escaped text's neighbour, never the text itself
    ("<x>", [a(0, 3, "q", after="<i>who</i>")], "<q>&lt;x&gt;</q><i>who</i>"),
])
def test_mark_up(text, found, expected):
    assert mark_up(text, 0, len(text), found) == expected


def test_mark_up_clips_to_the_paragraph():
    text = "one two\n\nthree four"
    quote = a(4, 14, "q")  # runs from the first paragraph into the second
    assert mark_up(text, 0, 7, [quote]) == "one <q>two</q>"
    assert mark_up(text, 9, 19, [quote]) == "<q>three</q> four"


def _article(**kw) -> Article:
    text = "Ann Lee said “go <now>” today."
    base = dict(id="0" * 16, input_kind="text", text=text, paragraphs=[text],
                paragraph_spans=[Span(start=0, end=len(text), text=text)])
    return Article(**(base | kw))


def test_body_html_links_people_and_labels_speakers():
    text = "Ann Lee said “go <now>” today."
    start = text.index("go")
    article = _article(entities=[Entity(id="e1", type="person", name="Ann Lee",
                                        mentions=[Span(start=0, end=7, text="Ann Lee")])],
                       quotes=[Quote(id="q1", kind="direct", text="go <now>", start=start, end=start + 8,
                                     speaker="e1")])
    html = str(body_html(article, {"e1": 42})[0])
    assert '<a href="/people/42" class="ent person" title="person: Ann Lee" data-entity="e1">Ann Lee</a>' in html
    assert "go &lt;now&gt;</span>" in html
    assert '<a href="/people/42" class="who">Ann Lee</a>' in html
    assert "<now>" not in html


def test_an_event_on_the_storys_date_says_so_in_its_title():
    from newsgraph.model import Event, EventDate

    text = "Ann Lee said “go <now>” today."
    said = Span(start=text.index("said"), end=text.index("said") + 4, text="said")
    own = Event(id="ev1", type="statement", evidence=said, date=EventDate(text="today", value="2025-06-12"))
    story = own.model_copy(update={"date": EventDate(text="2016", value="2016", inherited=True)})
    assert 'title="statement · 2025-06-12"' in str(body_html(_article(events=[own]), {})[0])
    assert 'title="statement · 2016 (the story&#39;s date)"' in str(body_html(_article(events=[story]), {})[0])


def test_body_html_without_offsets_is_plain_escaped_text():
    article = _article(paragraph_spans=[])
    assert body_html(article, {}) == ["Ann Lee said “go &lt;now&gt;” today."]


def test_bad_offsets_are_dropped():
    article = _article(entities=[Entity(id="e1", type="place", name="X",
                                        mentions=[Span(start=5, end=500, text="X"), Span(start=9, end=4, text="")])])
    assert "ent" not in str(body_html(article, {})[0])


@pytest.mark.parametrize("value, expected", [
    ("2025", "2025-01-01"), ("2025-09", "2025-09-01"), ("2025-09-14T10:00", "2025-09-14"),
    (None, None), ("Saturday", None), ("2025-13", None),
])
def test_parse_partial(value, expected):
    parsed = parse_partial(value)
    assert (parsed.isoformat() if parsed else None) == expected


def test_timeline_layout():
    events = [{"type": "promotion", "date_value": "2025-09", "article_id": "a"},
              {"type": "interview", "date_value": "2024-05", "article_id": "b"},
              {"type": "award", "date_value": "2024-05", "article_id": "c"},
              {"type": "death", "date_value": None, "date_text": "Saturday", "article_id": "d"}]
    chart = layout(events)
    assert [m.type for m in chart.marks] == ["award", "interview", "promotion"]
    assert [e["type"] for e in chart.undated] == ["death"]
    assert chart.marks[0].x < chart.marks[2].x
    # two events on one day go to two lanes
    assert chart.marks[0].label_y != chart.marks[1].label_y
    assert chart.ticks and all(0 < x < chart.width for x, _ in chart.ticks)
    assert layout([]).marks == []


@pytest.mark.parametrize("snippet, expected", [
    ("a <mark>fire</mark> b", "a <mark>fire</mark> b"),
    ("<script>x</script> <mark>y</mark>", "&lt;script&gt;x&lt;/script&gt; <mark>y</mark>"),
    ('<mark onclick="x">', "&lt;mark onclick=&#34;x&#34;&gt;"),
    (None, ""),
])
def test_marks_keeps_only_the_highlight(snippet, expected):
    assert marks(snippet) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"), ("http://x", "http://x"),
    ("javascript:alert(1)", None), ("data:text/html,hi", None), ("/relative", None), (None, None),
])
def test_http_url(url, expected):
    assert http_url(url) == expected


@pytest.mark.parametrize("name, script", [("Itamar", "Latin"), ("איתמר", "Hebrew"), ("خالد", "Arabic"),
                                          ("Иван", "Cyrillic"), ("1234", "Other")])
def test_script_name(name, script):
    assert script_name(name) == script


def test_url_with():
    args = {"q": "fire", "page": "3", "person": "Ann"}
    assert url_with("/search", args, person=None) == "/search?q=fire"
    assert url_with("/search", args, place="Ofakim & co") == "/search?q=fire&person=Ann&place=Ofakim+%26+co"
    assert url_with("/search", {}) == "/search"


@pytest.mark.parametrize("value, end, expected", [
    ("2025-10", False, "2025-10-01"), ("2025-02", True, "2025-02-28"), ("2025-10-03", False, "2025-10-03"),
    ("2025-10-03T14:30", False, "2025-10-03T14:30"), ("", False, None),
])
def test_iso_date(value, end, expected):
    assert iso_date({"d": value}, "d", end) == expected


@pytest.mark.parametrize("value", ["yesterday", "2025-13", "2025-10-32"])
def test_iso_date_refuses(value):
    with pytest.raises(BadRequest, match="not an ISO 8601 date"):
        iso_date({"d": value}, "d")


def test_page_number():
    assert page_number({}) == 1 and page_number({"page": "4"}) == 4
    with pytest.raises(BadRequest):
        page_number({"page": "0"})
