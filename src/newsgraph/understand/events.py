"""The events stage (being written)."""

from __future__ import annotations

from ..pipeline import Document


def extract_events(doc: Document) -> Document:
    """Stage entry (placeholder until the stage lands)."""
    return doc
