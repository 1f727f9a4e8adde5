"""The coref stage (being written)."""

from __future__ import annotations

from ..pipeline import Document


def resolve_coreference(doc: Document) -> Document:
    """Stage entry (placeholder until the stage lands)."""
    return doc
