"""`/`: what is in the store, and a search box."""

from __future__ import annotations

from ...store import Store


def data(store: Store, args: dict) -> dict:
    """Counts, the date range, and the most reported people, organisations, places and sites."""
    return {"stats": store.stats(), "top": store.facets("", size=12)}
