"""`/add` (only on a server started writable): paste an article, have it extracted and stored."""

from __future__ import annotations

from ...store import Store
from .args import iso_date, text


def data(store: Store, args: dict) -> dict:
    """On POST, extract the pasted text or HTML and store it; the outcome, or why it was refused."""
    if args.get("method") != "POST":
        return {"outcome": None}
    from ...api import extract
    from ...errors import InputError
    from ...ingest import add_articles

    content = args.get("content") or ""
    if not content.strip():
        return {"outcome": "refused", "reason": "nothing was pasted"}
    try:
        article = extract(content, url=text(args, "url"), published=iso_date(args, "published"), source="web")
    except InputError as exc:
        return {"outcome": "refused", "reason": exc.reason}
    report = add_articles(store, [article])
    outcome = "added" if report.added else "duplicate" if report.duplicates else "exists"
    return {"outcome": outcome, "article_id": article.id, "headline": article.headline}
