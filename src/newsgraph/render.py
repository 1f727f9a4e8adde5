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
