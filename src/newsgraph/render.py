"""Readable renderings of a record for people."""

from __future__ import annotations

from .model import Article


def to_markdown(article: Article) -> str:
    """The article as Markdown: headline, deck, byline, body, pictures, furniture removed."""
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
    for paragraph in article.paragraphs:
        out += [paragraph, ""]
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


def person_text(person: dict) -> str:
    """One person across sources, for reading in a terminal."""
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
    if person["events"]:
        out.append("  events:")
        for e in person["events"]:
            out.append(f"    {e['date_value'] or e['date_text'] or 'undated':12} {e['type']}"
                       f"{' in ' + e['place'] if e['place'] else ''}")
    if person["quotes"]:
        out.append(f"  quotes ({len(person['quotes'])}):")
        out += [f"    “{q['text'][:110]}”" for q in person["quotes"][:10]]
    out.append(f"  articles ({len(person['articles'])}):")
    out += [f"    {a['published'] or '':16.16} {a['headline'] or ''} — {a['url'] or a['source']}" for a in person["articles"]]
    out.append("  merges:")
    out += [f"    {m['decision']:6} {m['name']!r} in {m['article_id']} (score {m['score']:.1f}): {'; '.join(m['reasons'])}"
            for m in person["merges"]]
    return "\n".join(out)
