"""`/search?q=…`: full-text search with facets and highlighted matches."""

from __future__ import annotations

from ...store import Store
from .args import PAGE_SIZE, iso_date, page_number, text

FILTERS = ("person", "organization", "place", "site")


def data(store: Store, args: dict) -> dict:
    """The hits of one page, the total, the facets over every match, and the filters in force."""
    query = text(args, "q") or ""
    filters = {name: text(args, name) for name in FILTERS}
    filters.update(since=iso_date(args, "since"), until=iso_date(args, "until", end=True))
    page = page_number(args)
    hits = store.search(query, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, **filters)
    facets = store.facets(query, **filters)
    return {"query": query, "filters": filters, "page": page, "page_size": PAGE_SIZE, "total": facets.pop("total"),
            "hits": hits, "facets": facets}
