"""The claims stage (being written)."""

from __future__ import annotations

from ..pipeline import Document


def extract_claims(doc: Document) -> Document:
    """Stage entry (placeholder until the stage lands)."""
    return doc
