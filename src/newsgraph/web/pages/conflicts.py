"""`/conflicts`: each disputed claim with the sources side by side."""

from __future__ import annotations

from ...store import Store


def data(store: Store, args: dict) -> dict:
    """Claims about one subject on which sources disagree (none until the store can tell)."""
    find = getattr(store, "conflicts", None)
    return {"available": find is not None, "conflicts": find() if find else []}
