"""The scraped-text reader's page-dump rule families, each behind a named switch (for the ablation).

`benchmarks/scraped_text.py --ablate` prints the dev figures with each one
switched off. Switch families off for a run with the environment variable
`NEWSGRAPH_TEXT_RULES_OFF` (comma-separated names), or in Python with `switched_off(...)`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

FAMILIES: dict[str, str] = {
    "region": "a page dump's story is its densest stretch of prose (text_region); lines outside it are furniture",
    "line_model": "in a page dump, the trained line model (text_lines) judges every free line body or not",
    "boxes": "teaser lists under a 'More from' heading and small blocks holding a promo box are furniture",
    "repeats": "a line repeating the headline or an earlier long line is a duplicate",
    "footer": "short non-sentences after the last paragraph are the footer",
}
"""Every switchable family, by name, with what it does."""

_OFF: set[str] = {n.strip() for n in os.environ.get("NEWSGRAPH_TEXT_RULES_OFF", "").split(",") if n.strip()}


def enabled(name: str) -> bool:
    """Whether the rule family `name` runs."""
    if name not in FAMILIES:
        raise KeyError(f"no text rule family named {name!r}")
    return name not in _OFF


@contextmanager
def switched_off(*names: str) -> Iterator[None]:
    """Run the block with the named families switched off."""
    unknown = [n for n in names if n not in FAMILIES]
    if unknown:
        raise KeyError(f"no text rule family named {unknown[0]!r}")
    before = set(_OFF)
    _OFF.update(names)
    try:
        yield
    finally:
        _OFF.clear()
        _OFF.update(before)
