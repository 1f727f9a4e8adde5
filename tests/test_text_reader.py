"""The scraped-text reader on fixture articles written in the style of several sites.

Each folder in fixtures/text holds article.txt and expected.json: the
headline, deck, byline, date, exact body paragraphs, pictures and removed
furniture a reader should find.
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

import newsgraph
from newsgraph.readers.text import split_units

CASES = sorted(p for p in (FIXTURES / "text").iterdir() if (p / "expected.json").exists())
MEDIA_REASONS = {"gallery-widget", "image-alt", "caption", "credit"}


def load(case):
    return newsgraph.extract(case / "article.txt"), json.loads((case / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_header(case):
    article, expected = load(case)
    assert article.headline == expected["headline"]
    assert article.subheadline == expected["subheadline"]
    assert article.authors == expected["authors"]
    if expected["published"]:
        assert (article.published or "")[:10] == expected["published"][:10]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_body_is_exact(case):
    article, expected = load(case)
    assert article.paragraphs == expected["paragraphs"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_pictures(case):
    article, expected = load(case)
    assert [(m.alt, m.caption, m.credit) for m in article.media] == \
        [(m["alt"], m["caption"], m["credit"]) for m in expected["media"]]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_furniture_is_removed_with_offsets(case):
    article, expected = load(case)
    removed = {}
    for r in article.removed:
        removed.setdefault(r.text, set()).add(r.reason)
        assert article.text[r.start:r.end] == r.text or r.reason == "date-stamp"
    for r in expected["removed"]:
        assert r["text"] in removed, r
        if r["reason"] in MEDIA_REASONS | {"date-stamp"}:
            assert r["reason"] in removed[r["text"]], r


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_paragraph_spans(case):
    article, _ = load(case)
    for text, span in zip(article.paragraphs, article.paragraph_spans):
        assert span.text == text
        if "\n" not in article.text[span.start:span.end]:
            assert article.text[span.start:span.end] == text


def test_wrapped_blocks_join_but_lists_do_not():
    wrapped = ("Council agrees to close the old ferry terminal\n\n"
               "The council voted on Thursday to close the ferry terminal at the end of\n"
               "the year, after a survey found its pier was no longer safe for cars.\n")
    units = split_units(wrapped)
    assert [u.text for u in units][1].endswith("no longer safe for cars.")
    assert len(units) == 2
    listed = "Published October 3, 2025 6:10 pm ET\nUpdated October 4, 2025 9:05 am ET\n"
    assert len(split_units(listed)) == 2


@pytest.mark.parametrize("line", ["He was 52.", "“We will rebuild,” she said.", "Photos of the scene were shared widely.",
                                  "12 people were hurt.", "Comments made by the minister angered residents."])
def test_short_body_lines_are_kept(line):
    text = f"Storm hits coast\n\nThe storm reached the coast on Monday night, the weather service said.\n{line}\n" \
           "Repairs will take weeks, officials said.\n"
    assert line in newsgraph.extract(text).paragraphs


def test_other_script_lines_are_alt_text_only_beside_a_picture():
    text = ("Choir sings in three languages\n\n"
            "The school choir closed the festival with a song in Hebrew, Arabic and English on Thursday evening.\n"
            "שיר השלום\n"
            "The conductor said the children had learned the words in two weeks.\n"
            "View gallery\n"
            "מקהלת בית הספר\n"
            "The choir on stage\n"
            "(Photo: Noa Ben-David)\n"
            "Parents filled every seat in the hall.\n")
    article = newsgraph.extract(text)
    assert "שיר השלום" in article.paragraphs
    assert [(m.alt, m.caption, m.credit) for m in article.media] == [("מקהלת בית הספר", "The choir on stage",
                                                                      "Noa Ben-David")]


def test_repeated_short_crossheads_are_kept():
    section = ("Battery\n"
               "The battery lasted two full days in our tests, which is better than last year's model.\n")
    text = "Two phones compared\n\n" + section + section.replace("two full days", "a day and a half") + \
        "Both phones go on sale next month, the makers said.\n"
    assert newsgraph.extract(text).paragraphs.count("Battery") == 2


def test_site_banner_outlet_bylines_and_posted_by_lines():
    text = ("PortCity24 - Local News Around the Clock\n"
            "HOME | LOCAL | SPORT | WEATHER\n\n"
            "Ferry service resumes after storm damage repaired\n\n"
            "Mira Toledano, Harbour Daily\n"
            "Posted by editor on March 3, 2025\n\n"
            "The island ferry sailed again on Monday after workers replaced two damaged ramps, the operator said.\n"
            "By Omer Gat | Coast Wire\n")
    article = newsgraph.extract(text, stages=())
    assert article.headline == "Ferry service resumes after storm damage repaired"
    assert article.authors == ["Mira Toledano", "Omer Gat"]
    assert article.published == "2025-03-03"
    assert article.paragraphs == ["The island ferry sailed again on Monday after workers replaced two damaged ramps, "
                                  "the operator said."]
    assert {r.reason for r in article.removed} >= {"site-banner", "navigation", "byline", "dateline"}


ODD_INPUTS = {
    "one paragraph, no headline": ("Firefighters pulled two hikers out of a ravine near Dunmore on Sunday after a six-hour "
                                   "search, fire chief Hana Sorel said. “They were cold but unhurt,” Sorel said.\n"),
    "a label line, then a paragraph": ("Weather\nHeavy rain closed three roads in Halvik on Monday, and council engineer "
                                       "Omar Lenz said crews would clear them by evening. “Stay home if you can,” Lenz said.\n"),
    "the whole body on one line": ("Bridge reopens in Tarrow\n\nThe Tarrow bridge reopened on Friday after a year of "
                                   "repairs. Mayor Ilse Brandt said the town had waited long enough. “We are glad to have "
                                   "it back,” Brandt said. Traffic was light in the morning.\n"),
}


@pytest.mark.parametrize("name", ODD_INPUTS)
def test_short_and_odd_inputs_keep_their_body(name):
    text = ODD_INPUTS[name]
    article = newsgraph.extract(text, kind="text")
    body = text.strip().splitlines()[-1]
    assert article.paragraphs == [body]
    assert any(e.type == "person" for e in article.entities), article.entities
    assert article.quotes and all(q.speaker for q in article.quotes if q.kind == "direct")


@pytest.mark.parametrize("furniture,reason,where", [
    ("Subscribe to the newsletter for more local news.", "newsletter", "end"),
    ("Subscribe to the newsletter for more local news.", "newsletter", "start"),
    ("© 2025 Coast Post", "copyright", "end"),
    ("Your email address will not be published.", "comments-notice", "end"),
    ("Your email address will not be published.", "comments-notice", "start"),
    ("Required fields are marked *", "comments-notice", "end")])
def test_one_line_body_with_a_furniture_sentence_keeps_the_body(furniture, reason, where):
    story = ("The Tarrow bridge reopened on Friday after a year of repairs, said Mayor Ilse Brandt. "
             "“We are glad to have it back,” Brandt said.")
    line = f"{story} {furniture}" if where == "end" else f"{furniture} {story}"
    text = f"Bridge reopens in Tarrow\n\n{line}\n"
    article = newsgraph.extract(text, kind="text", stages=())
    assert article.paragraphs == [story]
    span = article.paragraph_spans[0]
    assert text[span.start:span.end] == story
    cut = [r for r in article.removed if r.text == furniture]
    assert [r.reason for r in cut] == [reason] and text[cut[0].start:cut[0].end] == furniture


def test_a_line_of_furniture_sentences_only_is_still_furniture():
    text = ("Bridge reopens in Tarrow\n\nThe Tarrow bridge reopened on Friday after a year of repairs.\n"
            "Your email address will not be published. Required fields are marked *\n")
    article = newsgraph.extract(text, kind="text", stages=())
    assert article.paragraphs == ["The Tarrow bridge reopened on Friday after a year of repairs."]


@pytest.mark.parametrize("pattern, needs", [
    (r".*\bsign up\b.*\bnewsletters?\b.*", {"newsletter"}),
    (r"(accept|reject) (all )?cookies", {"cookies"}),
    (r"(©|\(c\)|copyright)\s*.{0,120}", {"©", "(c)", "copyright"}),
    (r"(read more|see also)", {"read more", "see also"}),
    (r".*(ads?|\w+) here.*", {" here"}),
    (r"\d+\s+\w+", None),
])
def test_furniture_pattern_needs(pattern, needs):
    """What a line must hold for a furniture pattern to match it: the cheap test before the pattern runs."""
    from newsgraph.readers.furniture import _needs_any

    assert _needs_any([pattern]) == (frozenset(needs) if needs else None)


def test_furniture_prefilters_agree_with_the_patterns():
    """Lines the word and length tests pass over are lines no pattern matches (invented lines, odd cases)."""
    from newsgraph.readers.furniture import _folded, vocabulary

    lines = ["Sign up for our newsletter", "SIGN UP FOR THE NEWSLETTERS!", "Subſcribe to our newsletter", "Menu :",
             "Advertisement", "ADVERTISEMENT.", "© 2031 Harwick Courier", "Share this article", "Share   ",
             "The mayor of Harwick said the budget would pass.", "Photo gallery: 12 photos", "Comments (3)",
             "Reach her at dana@harwick.example", "We use cookies to improve this site", "Home › Sport › Rowing"]
    for line in lines:
        folded, stripped = _folded(line), len(line.rstrip().rstrip(".!:").rstrip())
        for t in vocabulary().line_tests:
            plain = bool(t.every.fullmatch(line)) or bool(t.inner and t.inner.search(line))
            assert t.holds(line, folded, stripped) == plain, (t.reason, line)


def test_ends_sentence_reads_what_the_pattern_finds():
    """ends_sentence, read from the end, agrees with SENTENCE_END searched for (random strings of the characters
    that matter)."""
    import random

    from newsgraph.readers.furniture import SENTENCE_END, ends_sentence

    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice("ab .!?…\"'”’»)]\n") for _ in range(rng.randint(0, 7)))
        assert ends_sentence(text) == bool(SENTENCE_END.search(text.rstrip())), repr(text)


def test_a_line_with_nothing_to_split_at_is_no_menu():
    """The quick test before the menu split: no bar, bullet, tab or wide space, no menu."""
    import random

    from newsgraph.readers.furniture import _MENU_SPLIT, is_menu

    rng = random.Random(11)
    for _ in range(20_000):
        line = "".join(rng.choice("ab |•·/>›»\t\u00a0\n") for _ in range(rng.randint(0, 12)))
        if _MENU_SPLIT.search(line.strip()) is None:
            assert not is_menu(line), repr(line)
    assert is_menu("News | World | Sport") and is_menu("Sport » Football") and not is_menu("News of the world")


@pytest.mark.parametrize("line, credit", [
    ("Crowds on the quay at dawn (Photo: Dana Levi)", "Dana Levi"),
    ("Crowds on the quay at dawn. Photo: Dana Levi", "Dana Levi"),
    ("Crowds on the quay at dawn Dana Levi", None),
])
def test_glued_credit_needs_a_bracket_or_a_colon(line, credit):
    """The quick test before the glued-credit pattern: without '(' or ':' there is no glued credit."""
    from newsgraph.readers.furniture import parse_credit

    found = parse_credit(line)
    assert (found.credit if found else None) == credit


@pytest.mark.parametrize("line, credit", [
    ("(Ada Marsh / Harbour Gazette)", "Ada Marsh / Harbour Gazette"),  # a name and an outlet of no list
    ("(Tom R. Vale/The Northern Ledger)", "Tom R. Vale/The Northern Ledger"),
    ("Photo illustration by Quayside. Photo by Ben Orr.", "Quayside. Photo by Ben Orr"),
    ("Фото: Анна Орлова", "Анна Орлова"),
    ("(Republicans/Democrats)", None),  # one word each side: no name
    ("(see tables 4/5)", None),
    ("Ada Marsh / Harbour Gazette", None),  # out of brackets an unknown outlet is not enough
])
def test_credits_in_brackets_and_other_labels(line, credit):
    from newsgraph.readers.furniture import parse_credit

    found = parse_credit(line)
    assert (found.credit if found else None) == credit


@pytest.mark.parametrize("line, reason", [
    ("View this post on Instagram", "social"),
    ("A post shared by Harbour Gulls (@harbourgulls)", "social"),
    ("SEE MORE: Ferry strike enters its second week", "related-link"),
    ("She said she would see more of the coast next year.", None),
    # 'Follow NAME on NETWORK', whoever NAME is; not a sentence that only starts with the word
    ("Follow the Harbour Gazette sport desk on Facebook", "social"),
    ("Follow Quayside Tech on Instagram, Threads and YouTube.", "social"),
    ("Follow @QuaysideDeals on X to hear about our offers first.", "social"),
    ("Follow me on Bluesky. Read my other columns here.", None),  # a line with another sentence is no furniture
    ("Follow-up visits on Twitter's old campus were cancelled.", None),
    ("Investigators say they followed the money for months before the arrests.", None),
    # a line set off by arrows is judged without them
    ("<< Follow Harbour Daily on Facebook | Twitter | Instagram >>", "social"),
    (">> Follow Harbour Daily on Facebook and X <<", "social"),
    ("> View this post on Instagram", "social"),  # html2text's blockquote of an embedded post
    ("» Follow us on Telegram", "social"),
    ("> The council said the ferry timetable would return in March.", None),  # a quoted line stays a line
    ("«Follow the money» on Facebook was the slogan of the campaign.", None),  # '«' opens a quotation here
])
def test_social_and_related_link_lines(line, reason):
    """Embedded posts, promos for an outlet's accounts and 'SEE MORE' teasers, as written or set off by arrows."""
    from newsgraph.readers.furniture import furniture_reason

    assert furniture_reason(line) == reason
