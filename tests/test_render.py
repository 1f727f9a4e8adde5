"""Markdown shows what was understood: people with titles, quotes speaker → words, events with date and who."""

from __future__ import annotations

from pathlib import Path

from newsgraph.model import Article, Entity, Event, EventDate, Quote, Span
from newsgraph.render import to_markdown

ROOT = Path(__file__).resolve().parents[1]


def _article() -> Article:
    text = "Mayor Ada Quill said the ferry would run again. “We owe the island that,” Quill said."
    return Article(
        id="0123456789abcdef", input_kind="text", headline="Ferry to run again", text=text,
        paragraphs=[text], paragraph_spans=[Span(start=0, end=len(text), text=text)],
        entities=[Entity(id="e1", type="person", name="Ada Quill", titles=["Mayor"], affiliations=["Elvin Council"]),
                  Entity(id="e2", type="organization", name="Elvin Council"),
                  Entity(id="e3", type="place", name="Elvin Island")],
        quotes=[Quote(id="q1", kind="indirect", text="the ferry would run again", start=23, end=48, speaker="e1"),
                Quote(id="q2", kind="direct", text="We owe the island that,", start=51, end=74, speaker="e1"),
                Quote(id="q3", kind="direct", text="the island", start=58, end=68, parent="q2",
                      speaker_name="a neighbour")],
        events=[Event(id="ev1", type="appointment", participants=["e1"], place="Elvin Island",
                      date=EventDate(text="Tuesday", value="2025-10-14"),
                      attributes={"appointee": "e1", "position": "harbour chair", "acting": True,
                                  "date_inherited": True, "posthumous": False})])


def test_knowledge_comes_after_the_body():
    markdown = to_markdown(_article())
    body_at, people_at = markdown.index("Mayor Ada Quill said"), markdown.index("## People")
    assert body_at < people_at < markdown.index("## Quotes") < markdown.index("## Events")
    assert "- **Ada Quill** — Mayor; of Elvin Council" in markdown
    assert "**Organisations:** Elvin Council" in markdown and "**Places:** Elvin Island" in markdown


def test_quotes_read_speaker_then_words_nested_ones_indented():
    lines = to_markdown(_article()).splitlines()
    assert "- **Ada Quill** → *(indirect)* the ferry would run again" in lines
    assert "- **Ada Quill** → “We owe the island that,”" in lines
    assert "  - **a neighbour** → “the island”" in lines


def test_events_give_type_date_place_and_who():
    line = next(x for x in to_markdown(_article()).splitlines() if x.startswith("- **appointment**"))
    assert line == "- **appointment** · 2025-10-14 (Tuesday) · Elvin Island — appointee: Ada Quill; " \
                   "position: harbour chair; acting"
    assert "False" not in line and "True" not in line and "e1" not in line


def test_a_sample_shows_its_people_quotes_and_events():
    import newsgraph

    article = newsgraph.extract(ROOT / "samples" / "wire-service-ferry-collision.txt")
    markdown = to_markdown(article)
    assert "- **Paul Okafor** — Coast Guard Commander" in markdown
    assert "- **Paul Okafor** → “Visibility was under 100 meters at the time,”" in markdown
    assert "- **death**" in markdown and "Arturo Velez" in markdown.split("## Events")[1]


def test_markdown_lists_named_asserted_events_and_counts_the_rest():
    article = _article()
    article.events += [Event(id="ev2", type="cognition", participants=["e1"]),
                       Event(id="ev3", type="appointment", participants=["e1"], modality="planned"),
                       Event(id="ev4", type="bankruptcy")]  # bare: nobody, no place, no date of its own
    markdown = to_markdown(article)
    events = markdown.split("## Events")[1]
    assert "**appointment**" in events and "**cognition**" not in events and "**bankruptcy**" not in events
    assert events.count("- **") == 1  # the planned appointment is not listed either
    assert "*3 more events (generic types, bare words, or negated, planned or hypothetical) are in the JSON record.*" in events


def test_an_inherited_date_is_marked_as_the_storys():
    article = _article()
    article.events[0].date = EventDate(text="2016", value="2016", inherited=True)
    line = next(x for x in to_markdown(article).splitlines() if x.startswith("- **appointment**"))
    assert line.startswith("- **appointment** · 2016 (the story's date) · Elvin Island")


def test_an_events_place_and_a_roles_members_read_as_names():
    article = _article()
    article.events[0].place = "e3"  # the events stage gives the place's entity id when an entity stands for it
    article.events.append(Event(id="ev2", type="statement", participants=["e1", "e2"],
                                attributes={"speaker": "e1; e2"}))
    lines = to_markdown(article).splitlines()
    assert next(x for x in lines if x.startswith("- **appointment**")).startswith(
        "- **appointment** · 2025-10-14 (Tuesday) · Elvin Island — ")
    assert "- **statement** — speaker: Ada Quill, Elvin Council" in lines
    assert not any("e1" in x or "e3" in x for x in lines if x.startswith("- **"))


def test_a_quote_not_spoken_shows_its_mode_and_warnings_come_before_the_body():
    article = _article()
    article.quotes[0].mode = "thought"
    article.warnings = ["language pt (py3langid): newsgraph understands English only"]
    markdown = to_markdown(article)
    assert "- **Ada Quill** → *(indirect, thought)* the ferry would run again" in markdown
    assert "“We owe the island that,”" in markdown  # speech, the default, is not spelled out
    assert markdown.index("> **Warning:** language pt") < markdown.index("Mayor Ada Quill said")
