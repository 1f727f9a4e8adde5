"""The article body as HTML with its facts highlighted from their evidence offsets.

Record strings are never markup: every piece of the text is escaped, and
the only tags are the ones built here around offset ranges. Annotations
may nest or cross (a name inside a quote, a quote across paragraphs); the
body is cut at every boundary and, between two cuts, the tags that stay
open are kept, the others closed and reopened, so the HTML always nests.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote_plus

from markupsafe import Markup, escape

from ..export import ENTITY_PATHS
from ..model import Article
from .templating import entity_path

# Outer to inner when two annotations cover the same span.
LAYERS = {"quote": 0, "speaker": 1, "entity": 2, "cue": 3, "event": 4, "date": 5}


@dataclass(frozen=True)
class Annotation:
    """One highlighted range of `Article.text`: the opening tag, its closing tag, and a label after it."""

    start: int
    end: int
    layer: int
    open: str
    close: str
    after: str = ""

    def order(self) -> tuple[int, int, int]:
        return (self.start, -self.end, self.layer)


def _tag(name: str, **attrs: str | None) -> str:
    parts = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(v)}"' for k, v in attrs.items() if v is not None)
    return f"<{name}{parts}>"


def entity_link(entity_type: str, name: str, entity_id: int | None) -> str | None:
    """Where a highlighted entity leads: its page (person, organisation, place), else the articles naming it."""
    if entity_id is not None and entity_type in ENTITY_PATHS:
        return f"{entity_path(entity_type)}/{int(entity_id)}"
    if entity_type in ("organization", "place"):
        return f"/search?{entity_type}={quote_plus(name)}"
    return None


def annotations(article: Article, entity_ids: dict[str, int]) -> list[Annotation]:
    """Every highlight of an article: entity mentions, quotes with speaker and cue, event evidence, dates."""
    out: list[Annotation] = []
    names = {e.id: e for e in article.entities}
    for entity in article.entities:
        href = entity_link(entity.type, entity.name, entity_ids.get(entity.id))
        title = f"{entity.type}: {entity.name}"
        for span in entity.mentions:
            attrs = {"class_": f"ent {entity.type}", "title": title, "data_entity": entity.id}
            out.append(Annotation(span.start, span.end, LAYERS["entity"],
                                  _tag("a", href=href, **attrs) if href else _tag("span", **attrs),
                                  "</a>" if href else "</span>"))
    for q in article.quotes:
        speaker = names.get(q.speaker or "")
        who = speaker.name if speaker else q.speaker_name
        href = entity_link(speaker.type, speaker.name, entity_ids.get(speaker.id)) if speaker else None
        label = _tag("a", href=href, class_="who") if href else _tag("span", class_="who")
        after = f"{label}{escape(who)}{'</a>' if href else '</span>'}" if who else ""
        out.append(Annotation(q.start, q.end, LAYERS["quote"],
                              _tag("span", class_=f"quote {q.kind}", id=f"quote-{q.id}",
                                   title=f"{q.kind} quote — {who or 'speaker unknown'}"), "</span>", after))
        if q.speaker_mention:
            out.append(Annotation(q.speaker_mention.start, q.speaker_mention.end, LAYERS["speaker"],
                                  _tag("span", class_="speaker", title=f"speaker of quote {q.id}"), "</span>"))
        if q.cue:
            out.append(Annotation(q.cue.start, q.cue.end, LAYERS["cue"],
                                  _tag("span", class_="cue", title="reporting verb"), "</span>"))
    for event in article.events:
        if event.evidence:
            when = event.date.value or event.date.text if event.date else None
            if when and event.date.inherited:
                when += " (the story's date)"
            title = event.type + (f" · {when}" if when else "") + (f" · {event.place}" if event.place else "")
            out.append(Annotation(event.evidence.start, event.evidence.end, LAYERS["event"],
                                  _tag("span", class_=f"event {event.type}", id=f"event-{event.id}", title=title),
                                  "</span>"))
    for date in article.dates:
        out.append(Annotation(date.start, date.end, LAYERS["date"],
                              _tag("time", class_="date", datetime=date.value,
                                   title=f"{date.type}: {date.value or 'unresolved'}"), "</time>"))
    return [a for a in out if 0 <= a.start < a.end <= len(article.text)]


def mark_up(text: str, start: int, end: int, found: list[Annotation]) -> Markup:
    """text[start:end] escaped, with the annotations that reach into it as properly nested tags."""
    inside = [a for a in found if a.start < end and a.end > start]
    cuts = sorted({start, end, *(max(start, min(end, x)) for a in inside for x in (a.start, a.end))})
    labels = {}
    for a in inside:
        if a.after and start < a.end <= end:
            labels.setdefault(a.end, []).append(a.after)
    html: list[str] = []
    stack: list[Annotation] = []
    for left, right in zip(cuts, cuts[1:]):
        active = sorted((a for a in inside if a.start <= left and a.end >= right), key=Annotation.order)
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        html.extend(a.close for a in reversed(stack[keep:]))
        html.extend(labels.get(left, []))
        html.extend(a.open for a in active[keep:])
        html.append(str(escape(text[left:right])))
        stack = active
    html.extend(a.close for a in reversed(stack))
    html.extend(labels.get(end, []))
    return Markup("".join(html))


def body_html(article: Article, entity_ids: dict[str, int]) -> list[Markup]:
    """The clean body, one highlighted paragraph each (plain escaped text when offsets are missing)."""
    found = annotations(article, entity_ids)
    spans = article.paragraph_spans
    if len(spans) != len(article.paragraphs) or any(s.end > len(article.text) for s in spans):
        return [Markup(escape(p)) for p in article.paragraphs]
    return [mark_up(article.text, s.start, s.end, found) for s in spans]
