"""Readable renderings of a record for people."""

from __future__ import annotations

from .model import Article
from .understand.events import ROLE_JOIN, is_named, named_type


def to_markdown(article: Article) -> str:
    """The article as Markdown: headline, deck, byline, warnings, body, what was understood, pictures, furniture
    removed."""
    out = [f"# {article.headline or '(no headline)'}", ""]
    if article.subheadline:
        out += [f"*{article.subheadline}*", ""]
    meta = []
    if article.authors:
        meta.append("By " + ", ".join(article.authors))
    if article.published:
        meta.append(f"Published {article.published}")
    if article.site_name:
        meta.append(article.site_name)
    if article.url:
        meta.append(f"<{article.url}>")
    if meta:
        out += [" · ".join(meta), ""]
    if article.warnings:  # an article in another language, a page with no body: said before the text
        out += [f"> **Warning:** {warning}" for warning in article.warnings] + [""]
    for paragraph in article.paragraphs:
        out += [paragraph, ""]
    out += knowledge_markdown(article)
    if article.media:
        out += ["## Pictures", ""]
        for i, m in enumerate(article.media, 1):
            parts = [f"{i}. {m.caption or '(no caption)'}"]
            if m.credit:
                parts.append(f"— credit: {m.credit}")
            if m.alt and m.alt != m.caption:
                parts.append(f"(alt: {m.alt})")
            out.append(" ".join(parts))
        out.append("")
    if article.removed:
        out += ["## Removed furniture", ""]
        out += [f"- {r.reason}: {r.text[:100]}" for r in article.removed]
        out.append("")
    source = article.source or "-"
    out.append(f"<!-- source: {source} · id {article.id} · {article.input_kind} -->")
    return "\n".join(out) + "\n"


def knowledge_markdown(article: Article) -> list[str]:
    """What was understood, as Markdown lines: people with titles, organisations and places, quotes, events."""
    out: list[str] = []
    people = [e for e in article.entities if e.type == "person"]
    if people:
        out += ["## People", ""]
        for person in people:
            about = [", ".join(person.titles), ", ".join(person.roles)]
            if person.affiliations:
                about.append("of " + ", ".join(person.affiliations))
            described = "; ".join(a for a in about if a)
            out.append(f"- **{person.name}**" + (f" — {described}" if described else ""))
        out.append("")
    for kind, heading in (("organization", "Organisations"), ("place", "Places")):
        names = [e.name for e in article.entities if e.type == kind]
        if names:
            out += [f"**{heading}:** " + ", ".join(names), ""]
    if article.quotes:
        out += ["## Quotes", ""]
        depth = _nesting(article)
        for quote in article.quotes:
            speaker = article.speaker(quote)
            who = f"**{speaker.name}**" if speaker else f"**{quote.speaker_name}**" if quote.speaker_name \
                else "*(speaker unknown)*"
            how = quote.kind if quote.mode == "speech" else f"{quote.kind}, {quote.mode}"
            said = f"“{_one_line(quote.text)}”" if how == "direct" else f"*({how})* {_one_line(quote.text)}"
            out.append("  " * depth[quote.id] + f"- {who} → {said}")
        out.append("")
    named = [event for event in article.events if is_named(event)]
    if named:
        out += ["## Events", ""]
        out += [_event_line(article, event) for event in named]
        out.append("")
    if len(named) < len(article.events):  # generic (supersense), bare or not asserted: kept in the JSON record
        out += [f"*{len(article.events) - len(named)} more events (generic types, bare words, or negated, planned "
                "or hypothetical) are in the JSON record.*", ""]
    return out


def _nesting(article: Article) -> dict[str, int]:
    """How deep each quote sits inside others (a quote within a quote is indented under it)."""
    parents = {q.id: q.parent for q in article.quotes}
    depth = {}
    for quote_id in parents:
        level, at = 0, parents[quote_id]
        while at in parents and level < 5:
            level, at = level + 1, parents[at]
        depth[quote_id] = level
    return depth


def _event_line(article: Article, event) -> str:
    """'- **promotion** · 2025-10-12 (Sunday) · Ofakim — Itamar Alus; rank: Command Sergeant Major'."""
    bits = [f"**{event.type}**"]
    if event.date:
        written = f" ({event.date.text})" if event.date.value and event.date.text != event.date.value else ""
        story = " (the story's date)" if event.date.inherited else ""  # not the event's own: the story was last told at it
        bits.append(f"{event.date.value or event.date.text}{written}{story}")
    if event.place:
        place = article.entity(event.place)  # an entity id, or a name where no entity stands for it
        bits.append(place.name if place else event.place)
    line = "- " + " · ".join(bits)
    details, named = [], set()
    for key, value in event.attributes.items():
        if key.startswith("date_"):  # how the date was found, not what happened
            continue
        if value is True:
            details.append(key.replace("_", " "))
        elif isinstance(value, str):
            members = [article.entity(v) for v in value.split(ROLE_JOIN)]  # a role's entity ids: 'e18; e20'
            if all(members):
                named.update(m.id for m in members)
                details.append(f"{key.replace('_', ' ')}: {', '.join(m.name for m in members)}")
            else:
                details.append(f"{key.replace('_', ' ')}: {value}")
    others = ", ".join(e.name for e in article.participants(event) if e.id not in named)
    rest = "; ".join(x for x in [others, *details] if x)
    return line + (f" — {rest}" if rest else "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def person_text(person: dict, every_event: bool = False) -> str:
    """One person across sources, for reading in a terminal: the events of named types, as the person's web page
    lists them, or every event."""
    out = [f"{person['name']}  (id {person['id']})"]
    if person["aliases"]:
        out.append("  also: " + ", ".join(person["aliases"]))
    if person["titles"]:
        out.append("  titles: " + ", ".join(person["titles"]))
    for step in person["titles_over_time"]:
        out.append(f"    {step['published'] or 'undated'}: {', '.join(step['titles'])}")
    if person["roles"]:
        out.append("  roles: " + ", ".join(person["roles"]))
    if person["affiliations"]:
        out.append("  affiliations: " + ", ".join(person["affiliations"]))
    events = [e for e in person["events"] if every_event or named_type(e["type"])]
    if events:
        out.append("  events:")
        for e in events:
            said = f" ({e['evidence']})" if e.get("evidence") else ""
            value = e["date_value"] or ""
            when = value if value[:1].isdigit() else e["date_text"] or "undated"  # "now", not PRESENT_REF
            out.append(f"    {when:12} {e['type']}{said}"
                       f"{' in ' + e['place'] if e['place'] else ''}")
    if len(events) < len(person["events"]):
        more = len(person["events"]) - len(events)
        out.append(f"  {more} more event{'' if more == 1 else 's'} of generic types (--events all)")
    if person["quotes"]:
        out.append(f"  quotes ({len(person['quotes'])}):")
        out += [f"    “{q['text'][:110]}”" for q in person["quotes"][:10]]
    out.append(f"  articles ({len(person['articles'])}):")
    out += [f"    {a['published'] or '':16.16} {a['headline'] or ''} — {a['url'] or a['source']}" for a in person["articles"]]
    out.append("  merges:")
    out += [f"    {m['decision']:6} {m['name']!r} in {m['article_id']} (score {m['score']:.1f}): {'; '.join(m['reasons'])}"
            for m in person["merges"]]
    return "\n".join(out)
